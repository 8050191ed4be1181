"""Forms of the register: record, edit, move, dispute, verify, evidence, follow-up, import."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from twinning.core.forms import StyledFormMixin
from twinning.events.selectors_figures import events_for_filter
from twinning.outcomes.models import CURRENCIES, FollowUp, Outcome
from twinning.programmes.selectors import regions

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ClaimFields(StyledFormMixin, forms.Form):
    """What a party claims: the kind, the value and the local-content share."""

    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Outcome.Kind.choices)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    amount = forms.DecimalField(
        label=_("Value"), required=False, min_value=0, max_digits=18, decimal_places=2
    )
    currency = forms.ChoiceField(
        label=_("Currency"), required=False, choices=[("", "—"), *((c, c) for c in CURRENCIES)]
    )
    rate_on = forms.DateField(
        label=_("Date of the exchange rate"),
        required=False,
        widget=DATE,
        help_text=_("The value is reported in GBP and KZT at the rates of this day."),
    )
    local_content_share = forms.DecimalField(
        label=_("Local-content share (%)"),
        required=False,
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=2,
        help_text=_("The Kazakh share of the contract's goods, works and services."),
    )
    local_content_method = forms.TypedChoiceField(
        label=_("Local-content method"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args: Any, methods: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.methods = {m.pk: m for m in methods}
        self.fields["local_content_method"].choices = [("", "—")] + [
            (m.pk, str(m)) for m in methods
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("amount") is not None and not data.get("currency"):
            self.add_error("currency", _("Choose the currency of the value."))
        if data.get("amount") is None and data.get("currency"):
            self.add_error("amount", _("Enter the value, or leave the currency empty."))
        return data

    def claim(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["title"], "kind": data["kind"], "description": data["description"],
            "amount": data["amount"], "currency": data["currency"] or "",
            "rate_on": data["rate_on"], "local_content_share": data["local_content_share"],
            "local_content_method": self.methods.get(data["local_content_method"]),
        }  # fmt: skip


class OutcomeRecordForm(ClaimFields):
    organisation = forms.TypedChoiceField(label=_("On behalf of"), coerce=int)
    partner = forms.TypedChoiceField(label=_("Partner"), coerce=int)
    stage = forms.ChoiceField(label=_("Stage"), choices=Outcome.Stage.choices)
    stage_on = forms.DateField(label=_("Stage reached on"), widget=DATE)
    lost_reason = forms.CharField(
        label=_("Why it was lost"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    introduction = forms.TypedChoiceField(
        label=_("Introduction it came from"), required=False, coerce=int, empty_value=None
    )
    meetings = forms.TypedMultipleChoiceField(
        label=_("Meetings it came from"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    visit_sessions = forms.TypedMultipleChoiceField(
        label=_("Visit sessions it came from"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )

    field_order = ["organisation", "partner", "title", "kind", "stage", "stage_on"]

    def __init__(
        self,
        *args: Any,
        organisations: list[Any],
        partners: list[Any],
        introductions: list[Any],
        meetings: list[Any],
        sessions: Sequence[Any] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(o.pk, str(o)) for o in organisations]
        self.fields["partner"].choices = [(o.pk, str(o)) for o in partners]
        self.fields["introduction"].choices = [("", "—")] + [
            (i.pk, f"{i.requester} → {i.recipient} ({i.created_at:%Y-%m-%d})")
            for i in introductions
        ]
        self.fields["meetings"].choices = [(m.pk, meeting_label(m)) for m in meetings]
        self.fields["visit_sessions"].choices = [(s.pk, session_label(s)) for s in sessions]
        self.fields["stage_on"].initial = timezone.localdate()
        if partners and kwargs.get("initial", {}).get("partner"):
            # The pair is chosen on the step before; the links listed belong to it.
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["partner"].widget = forms.HiddenInput()


def meeting_label(meeting: Any) -> str:
    slot = meeting.slot
    when = f"{slot.starts_at:%Y-%m-%d %H:%M}" if slot else f"{meeting.event.starts_on:%Y-%m-%d}"
    return f"{meeting.event.title_en} · {when} · {meeting.names}"


def session_label(session: Any) -> str:
    when = formats.date_format(timezone.localtime(session.starts_at), "DATETIME_FORMAT")
    return f"{session.visit} · {session.title} · {when}"


class OutcomeEditForm(ClaimFields):
    pass


class MoveForm(StyledFormMixin, forms.Form):
    stage = forms.ChoiceField(label=_("New stage"))
    on = forms.DateField(label=_("Reached on"), widget=DATE)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    lost_reason = forms.CharField(
        label=_("Why it was lost"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when the new stage is “lost”."),
    )

    def __init__(self, *args: Any, stages: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = stages
        self.fields["on"].initial = timezone.localdate()


class ConfirmForm(StyledFormMixin, forms.Form):
    """Nothing to fill in: the button is the answer."""


class DisputeForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("What is wrong"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class VerifyForm(StyledFormMixin, forms.Form):
    note = forms.CharField(
        label=_("Verification note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What the evidence shows, for the record."),
    )


class EvidenceForm(StyledFormMixin, forms.Form):
    upload = forms.FileField(
        label=_("Evidence file"),
        help_text=_(
            "PDF, DOCX, XLSX, JPEG or PNG, up to 10 MB. Only the two parties and "
            "operators can open it."
        ),
    )


class FollowUpForm(StyledFormMixin, forms.Form):
    answer = forms.ChoiceField(
        label=_("Since the meeting"), choices=FollowUp.Answer.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ImportForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("What to import"))
    upload = forms.FileField(label=_("CSV or XLSX file"))

    def __init__(self, *args: Any, kinds: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kinds


class DashboardFilterForm(StyledFormMixin, forms.Form):
    """The dashboard's filters, read from the query string (GET)."""

    start = forms.DateField(label=_("From"), required=False, widget=DATE)
    end = forms.DateField(label=_("To"), required=False, widget=DATE)
    event = forms.TypedChoiceField(label=_("Event"), required=False, coerce=int, empty_value=None)
    side = forms.TypedChoiceField(label=_("Side"), required=False, coerce=int, empty_value=None)
    region = forms.TypedChoiceField(label=_("Region"), required=False, coerce=int, empty_value=None)
    sector = forms.RegexField(
        label=_("Sector (NACE code)"),
        required=False,
        regex=r"^\d{2}(\.\d{1,2})?$",
        max_length=5,
        help_text=_("A division, group or class, e.g. 10 or 10.13."),
        error_messages={"invalid": _("Enter a NACE code such as 10 or 10.13.")},
    )

    def __init__(
        self, *args: Any, events: list[Any], sides: list[Any], regions: list[Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["event"].choices = everything + [(e.pk, str(e)) for e in events]
        self.fields["side"].choices = everything + [(s.pk, str(s)) for s in sides]
        self.fields["region"].choices = everything + [(r.pk, str(r)) for r in regions]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The end of the period comes before its start."))
        return data


def dashboard_filter_form(*, programme: Any, data: Any) -> DashboardFilterForm:
    """The filter form with the programme's events, its two sides and their regions."""
    sides = [programme.side_a, programme.side_b]
    return DashboardFilterForm(
        data,
        events=list(events_for_filter(programme_id=programme.pk)),
        sides=sides,
        regions=list(regions().filter(side__in=sides)),
    )
