"""Forms for organisations, members, opportunities, validation and the public directory.

Forms only read and check input; the views hand the cleaned data to the services, which own every
write and every business rule. Their ValidationErrors come back onto the field they name.
"""

import datetime as dt
import re
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from twinning.core.forms import StyledFormMixin
from twinning.organisations.models import Membership, Opportunity, Organisation
from twinning.organisations.selectors import DirectoryFilters
from twinning.organisations.services import MAX_SECTORS, default_expiry
from twinning.programmes import selectors as programme_selectors

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_FORMATS = {"PNG", "JPEG", "WEBP"}
ANY = [("", pgettext_lazy("filter value", "Any"))]


def language_choices() -> list[tuple[str, Any]]:
    return list(settings.LANGUAGES)


def region_choices() -> list[tuple[Any, Any]]:
    """Regions grouped under their side, as the region fixes the organisation's side."""
    grouped: dict[Any, list[tuple[str, str]]] = {}
    for region in programme_selectors.regions().order_by("side__code", "name_en"):
        grouped.setdefault(region.side.name, []).append((region.slug, region.name))
    return list(grouped.items())


def side_choices() -> list[tuple[str, Any]]:
    return [(side.code, side.name) for side in programme_selectors.sides()]


def sector_filter_choices() -> list[tuple[Any, Any]]:
    """NACE sections with their divisions, for the directory's sector filter."""
    divisions: dict[str, list[tuple[str, str]]] = {}
    for division in programme_selectors.sectors_search(level=2, limit=500):
        divisions.setdefault(division.section, []).append(
            (division.code, f"{division.code} {division.marked_title}")
        )
    choices: list[tuple[Any, Any]] = []
    for section in programme_selectors.sectors_search(level=1, limit=500):
        label = f"{section.code} {section.marked_title.capitalize()}"
        everything = _("%(section)s — all divisions") % {"section": section.code}
        choices.append((label, [(section.code, everything), *divisions.get(section.code, [])]))
    return choices


def _codes_help_text() -> str:
    return ngettext(
        "Between 1 and %(max)d code, separated by commas, for example 28.93, 10.11.",
        "Between 1 and %(max)d codes, separated by commas, for example 28.93, 10.11.",
        MAX_SECTORS,
    ) % {"max": MAX_SECTORS}


class SectorCodesField(forms.CharField):
    """NACE codes typed or picked as text ("28.93, 10.11"), cleaned into Sector objects."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Sectors (NACE codes)"))
        # The field is built once at import: interpolate lazily, in the reader's language.
        kwargs.setdefault("help_text", lazy(_codes_help_text, str)())
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return ", ".join(getattr(item, "code", str(item)) for item in value)
        return value

    def clean(self, value: Any) -> list[Any]:
        text = super().clean(value)
        codes = list(dict.fromkeys(code.upper() for code in re.split(r"[\s,;]+", text) if code))
        sectors = {s.code: s for s in programme_selectors.sectors_by_codes(codes=codes)}
        unknown = [code for code in codes if code not in sectors]
        if unknown:
            raise ValidationError(
                ngettext(
                    "Unknown NACE code: %(codes)s.", "Unknown NACE codes: %(codes)s.", len(unknown)
                )
                % {"codes": ", ".join(unknown)},
                code="unknown_sector",
            )
        return [sectors[code] for code in codes]


def check_logo(logo: Any) -> None:
    """PNG, JPEG or WebP up to 2 MB: raster formats only, as SVG can carry scripts."""
    if not isinstance(logo, UploadedFile):
        return
    if logo.size is not None and logo.size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("The logo is %(size)s; the largest allowed is %(max)s.")
            % {"size": filesizeformat(logo.size), "max": filesizeformat(LOGO_MAX_BYTES)},
            code="logo_size",
        )
    image_format = getattr(getattr(logo, "image", None), "format", None)
    if image_format not in LOGO_FORMATS:
        raise ValidationError(_("The logo must be a PNG, JPEG or WebP image."), code="logo_format")


class OrganisationForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Organisation.Kind.choices)
    legal_name = forms.CharField(label=_("Legal name"), max_length=200)
    name_en = forms.CharField(label=_("Name in English"), max_length=200, required=False)
    name_ru = forms.CharField(label=_("Name in Russian"), max_length=200, required=False)
    name_kk = forms.CharField(label=_("Name in Kazakh"), max_length=200, required=False)
    region = forms.ChoiceField(
        label=_("Region"),
        choices=region_choices,
        help_text=_("The region also decides the side of the programme you are on."),
    )
    size = forms.ChoiceField(
        label=_("Size"), choices=[("", "—"), *Organisation.Size.choices], required=False
    )
    year_founded = forms.IntegerField(label=_("Year founded"), min_value=1700, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    working_languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sectors = SectorCodesField()
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("In any of the three languages: matching understands all of them."),
    )
    logo = forms.ImageField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG, JPEG or WebP, up to 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    registry_id = forms.CharField(
        label=_("Registry identifier"),
        max_length=20,
        required=False,
        help_text=_(
            "UK: the Companies House number (8 characters). Kazakhstan: the BIN or IIN (12 digits)."
        ),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=40, required=False)

    def clean_year_founded(self) -> int | None:
        year = self.cleaned_data.get("year_founded")
        if year is not None and year > timezone.localdate().year:
            raise ValidationError(_("The year founded cannot be in the future."))
        return year

    def clean_logo(self) -> Any:
        logo = self.cleaned_data.get("logo")
        check_logo(logo)
        return logo

    def clean_region(self) -> Any:
        region = programme_selectors.region_get(slug=self.cleaned_data["region"])
        if region is None:
            raise ValidationError(_("Choose a region from the list."))
        return region

    def service_arguments(self) -> dict[str, Any]:
        """The cleaned data as the organisation services take it."""
        data = dict(self.cleaned_data)
        if "logo" not in self.changed_data:
            data.pop("logo")
        elif not data["logo"]:
            data["logo"] = ""
        if data.get("year_founded") is None:
            data["year_founded"] = None
        return data

    @staticmethod
    def initial_for(organisation: Organisation) -> dict[str, Any]:
        fields = [name for name in OrganisationForm.base_fields if name != "region"]
        initial = {name: getattr(organisation, name) for name in fields}
        initial.update(
            region=organisation.region.slug,
            working_languages=organisation.language_list,
            sectors=list(organisation.sectors.all()),
        )
        return initial


class OpportunityForm(StyledFormMixin, forms.Form):
    type = forms.ChoiceField(label=_("Type"), choices=Opportunity.Type.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences shown in the directory."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    sectors = SectorCodesField()
    target_side = forms.ChoiceField(
        label=_("Target side"), choices=lambda: ANY + side_choices(), required=False
    )
    target_regions = forms.MultipleChoiceField(
        label=_("Target regions"),
        choices=region_choices,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Leave empty for any region."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages in which you can work on this opportunity."),
    )
    expires_on = forms.DateField(
        label=_("Expires on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=default_expiry,
    )

    def clean_expires_on(self) -> dt.date:
        expires_on = self.cleaned_data["expires_on"]
        if expires_on <= timezone.localdate():
            raise ValidationError(_("The expiry date must be in the future."))
        return expires_on

    def clean_target_side(self) -> Any:
        code = self.cleaned_data.get("target_side")
        return programme_selectors.side_get(code=code) if code else None

    def clean_target_regions(self) -> list[Any]:
        slugs = self.cleaned_data.get("target_regions") or []
        return list(programme_selectors.regions().filter(slug__in=slugs))

    @staticmethod
    def initial_for(opportunity: Opportunity) -> dict[str, Any]:
        return {
            "type": opportunity.type,
            "title": opportunity.title,
            "summary": opportunity.summary,
            "description": opportunity.description,
            "sectors": list(opportunity.sectors.all()),
            "target_side": opportunity.target_side.code if opportunity.target_side else "",
            "target_regions": [region.slug for region in opportunity.target_regions.all()],
            "languages": opportunity.language_list,
            "expires_on": opportunity.expires_on,
        }


class MemberAddForm(StyledFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The person must already have an account on this site."),
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.MEMBER
    )


class RejectForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason for returning it"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The members see this reason and fix the opportunity."),
    )


class DirectoryForm(StyledFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Search"), required=False, max_length=200, widget=forms.SearchInput()
    )
    type = forms.ChoiceField(
        label=_("Type"), choices=ANY + list(Opportunity.Type.choices), required=False
    )
    sector = forms.ChoiceField(
        label=_("Sector"), choices=lambda: ANY + sector_filter_choices(), required=False
    )
    region = forms.ChoiceField(
        label=_("Region"), choices=lambda: ANY + region_choices(), required=False
    )
    side = forms.ChoiceField(label=_("Side"), choices=lambda: ANY + side_choices(), required=False)
    language = forms.ChoiceField(
        label=_("Language"), choices=lambda: ANY + language_choices(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Read once per form: a callable's choices are read again each time they are iterated
        # (validating, rendering), and the sector list is two queries over the NACE table.
        for field in self.fields.values():
            if isinstance(field, forms.ChoiceField):
                field.choices = list(field.choices)

    def filters(self) -> DirectoryFilters:
        """The valid part of the request; a wrong value in one filter leaves the others working."""
        if not self.is_bound:
            return DirectoryFilters()
        self.is_valid()
        data = self.cleaned_data
        return DirectoryFilters(
            query=data.get("q", ""),
            type=data.get("type", ""),
            sector=data.get("sector", ""),
            region=data.get("region", ""),
            side=data.get("side", ""),
            language=data.get("language", ""),
        )
