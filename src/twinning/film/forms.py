"""Forms for the estimator, applications, documents and the operators' decisions."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.core.forms import StyledFormMixin
from twinning.film.models import (
    MONEY,
    ApplicationDocument,
    FilmApplication,
    ProductionFormat,
    SpentIn,
)
from twinning.film.production import Applicant, BudgetLine, Format, Place, Production

CURRENCIES = [("GBP", "GBP"), ("KZT", "KZT"), ("USD", "USD"), ("EUR", "EUR")]
LINE_FIELDS = ("category", "amount", "currency", "spent_in", "paid_to_resident", "core")
FLAGS = ("foreign_legal_entity", "uk_certified", "uk_writer_or_director", "official_coproduction")
DATE = forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")


def _money(label: Any, *, positive: bool = False, **extra: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, min_value=Decimal("0.01") if positive else Decimal(0),
        widget=forms.NumberInput(attrs={"step": "0.01"}), **MONEY, **extra,
    )  # fmt: skip


class StyledForm(StyledFormMixin, forms.Form):
    """The film forms' base: core's form mixin (Bootstrap classes, fields in error marked, a
    hidden field's error shown, a service's error on its field)."""


class ProductionForm(StyledForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    format = forms.ChoiceField(label=_("Format"), choices=ProductionFormat.choices)
    currency = forms.ChoiceField(label=_("Budget currency"), choices=CURRENCIES, initial="GBP")
    total_core_expenditure = _money(
        _("Total core expenditure"),
        positive=True,
        help_text=_("Pre-production, shooting and post-production, in every country."),
    )
    hours = forms.DecimalField(
        label=_("Hours (series only)"), required=False, min_value=Decimal("0.01"),
        max_digits=6, decimal_places=2,
    )  # fmt: skip
    shoot_start = forms.DateField(label=_("Shoot starts"), widget=DATE)
    shoot_end = forms.DateField(label=_("Shoot ends"), widget=DATE)
    foreign_legal_entity = forms.BooleanField(
        label=_("The applicant is a legal entity registered outside Kazakhstan"),
        required=False,
        initial=True,
    )
    uk_certified = forms.BooleanField(
        label=_("British certification (BFI cultural test or official co-production)"),
        required=False,
    )
    uk_writer_or_director = forms.BooleanField(
        label=_("The writer or the director is British"), required=False
    )
    official_coproduction = forms.BooleanField(
        label=_("Official co-production status"), required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("shoot_start"), data.get("shoot_end")
        if start and end and end < start:
            self.add_error("shoot_end", _("The shoot cannot end before it starts."))
        return data

    def production(self) -> Production:
        data = self.cleaned_data
        return Production(
            title=data["title"],
            format=Format(data["format"]),
            currency=data["currency"],
            shoot_start=data["shoot_start"],
            shoot_end=data["shoot_end"],
            applicant=Applicant(**{flag: data[flag] for flag in FLAGS}),
            total_core_expenditure=data["total_core_expenditure"],
            hours=data.get("hours"),
        )

    @staticmethod
    def initial_from(application: FilmApplication) -> dict[str, Any]:
        names = ("title", "format", "currency", "total_core_expenditure", "hours", *FLAGS)
        dates = {"shoot_start": application.shoot_start, "shoot_end": application.shoot_end}
        return {**{name: getattr(application, name) for name in names}, **dates}


class BudgetLineForm(StyledForm):
    category = forms.CharField(label=_("Category"), max_length=200)
    amount = _money(_("Amount"))
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCIES, initial="KZT")
    spent_in = forms.ChoiceField(label=_("Spent in"), choices=SpentIn.choices, initial="KZ")
    paid_to_resident = forms.BooleanField(
        label=_("Paid to a resident"), required=False, initial=True
    )
    core = forms.BooleanField(label=_("Core expenditure"), required=False, initial=True)

    def line(self) -> BudgetLine:
        data = self.cleaned_data
        return BudgetLine(
            category=data["category"], amount=data["amount"], currency=data["currency"],
            spent_in=Place(data["spent_in"]), paid_to_resident=data["paid_to_resident"],
            core=data["core"],
        )  # fmt: skip


class BaseLineFormSet(forms.BaseFormSet):
    def lines(self) -> list[BudgetLine]:
        return [form.line() for form in self.forms]


LineFormSet: Any = forms.formset_factory(
    BudgetLineForm, formset=BaseLineFormSet, extra=0, min_num=1, validate_min=True, max_num=100
)
LINES_PREFIX = "lines"
NEW_LINE = {"category": "", "currency": "KZT", "spent_in": "KZ", "paid_to_resident": True,
            "core": True}  # fmt: skip


def posted_lines(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The budget lines as typed, valid or not, to render them again after adding or removing."""
    try:
        count = min(int(data.get(f"{LINES_PREFIX}-TOTAL_FORMS", 0)), 100)
    except ValueError:
        count = 0
    rows = []
    for index in range(count):
        key = f"{LINES_PREFIX}-{index}-"
        row = {name: data.get(key + name, "") for name in LINE_FIELDS}
        row["paid_to_resident"] = bool(data.get(key + "paid_to_resident"))
        row["core"] = bool(data.get(key + "core"))
        rows.append(row)
    return rows


def line_rows(lines: list[Any]) -> list[dict[str, Any]]:
    return [{name: getattr(line, name) for name in LINE_FIELDS} for line in lines]


class StudioChoiceForm(StyledForm):
    studio = forms.TypedChoiceField(label=_("Apply for"), coerce=int, choices=[])

    def __init__(self, *args: Any, studios: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.studios = {organisation.pk: organisation for organisation in studios}
        choices = [(pk, str(organisation)) for pk, organisation in self.studios.items()]
        self.fields["studio"].choices = choices  # type: ignore[attr-defined]

    def organisation(self) -> Any:
        return self.studios[self.cleaned_data["studio"]]


class ApplicationDetailsForm(StyledForm):
    shoot_plan = forms.CharField(
        label=_("Shoot plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Locations, dates and crew in Kazakhstan."),
    )
    service_company_name = forms.CharField(
        label=_("Kazakh service company"), max_length=200, required=False
    )
    service_company_bin = forms.CharField(
        label=_("Service company BIN"), max_length=20, required=False,
        help_text=_("12 digits, as on the company's registration."),
    )  # fmt: skip


class DocumentForm(StyledForm):
    kind = forms.ChoiceField(label=_("Document type"), choices=ApplicationDocument.Kind.choices)
    upload = forms.FileField(
        label=_("File"),
        help_text=_("PDF, DOCX, XLSX, JPEG or PNG, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.jpg,.jpeg,.png"}),
    )


class ChangesForm(StyledForm):
    message = forms.CharField(
        label=_("What should change"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ApproveForm(StyledForm):
    amount = _money(_("Approved amount"), positive=True)
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCIES, initial="KZT")


class RejectForm(StyledForm):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class PaidForm(StyledForm):
    amount = _money(_("Paid amount"), positive=True)
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE)
