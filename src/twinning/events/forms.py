"""Forms for event pages. They validate input; the services do the work."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from twinning.core.forms import StyledFormMixin
from twinning.events import selectors
from twinning.events.models import (
    BrokerageRules,
    Event,
    Interpreter,
    Meeting,
    MeetingFeedback,
    MeetingRequest,
    Registration,
    Slot,
    Table,
)

LANGUAGE_CHOICES = [("en", _("English")), ("ru", _("Russian")), ("kk", _("Kazakh"))]


class EventForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "title_en", "title_ru", "title_kk", "kind", "description", "venue", "address",
            "time_zone", "starts_on", "ends_on", "is_public", "capacity",
            "registration_opens_at", "registration_closes_at", "requires_approval",
            "meeting_limit", "request_limit", "request_expiry_hours", "max_break_spread",
        ]  # fmt: skip
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            "registration_opens_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "registration_closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "description": forms.Textarea(attrs={"rows": 3}),
            "address": forms.Textarea(attrs={"rows": 2}),
        }


class RegistrationForm(StyledFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=None, label=_("I represent"), required=False, empty_label=None
    )
    languages = forms.MultipleChoiceField(
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        label=_("Languages I can meet in"),
        error_messages={"required": _("Tick at least one language you can meet in.")},
    )
    looking_for = forms.CharField(
        label=_("What I am looking for"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    participation = forms.ChoiceField(
        label=_("I take part as"),
        choices=Registration.Participation.choices,
        required=False,
        help_text=_("Some events pair only buyers with suppliers and investors with projects."),
        error_messages={"invalid_choice": _("Choose one of the offered values.")},
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = user.organisations.all()
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].required = organisations.exists()
        self.fields["languages"].initial = [user.language or "en"]


class ParticipantFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    side = forms.ChoiceField(label=_("Side"), required=False)
    sector = forms.CharField(label=_("NACE code"), required=False, max_length=8)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any")), *LANGUAGE_CHOICES]
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        programme = event.programme
        self.fields["side"].choices = [
            ("", _("Both")),
            (programme.side_a.code, programme.side_a.name),
            (programme.side_b.code, programme.side_b.name),
        ]


class RequestForm(StyledFormMixin, forms.Form):
    PRIORITIES = [(1, _("Normal priority")), (2, _("High priority")), (3, _("Must meet"))]

    message = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    # The optimiser keeps higher priorities first when not every meeting fits the day.
    priority = forms.TypedChoiceField(
        label=_("Priority"),
        choices=PRIORITIES,
        coerce=int,
        required=False,
        empty_value=1,
        error_messages={"invalid_choice": _("Choose a priority from the list.")},
    )
    # Offered only on a day with a morning and an afternoon; the service refuses it otherwise.
    session = forms.TypedChoiceField(
        label=_("Session"),
        choices=MeetingRequest.Session.choices,
        required=False,
        empty_value=MeetingRequest.Session.ANY,
        error_messages={"invalid_choice": _("Choose a session from the list.")},
    )


class SlotChoiceMixin:
    @staticmethod
    def slot_label(slot: Slot) -> str:
        event = slot.event
        start = slot.starts_at.astimezone(event.zone)
        end = slot.ends_at.astimezone(event.zone)
        return f"{start:%H:%M}–{end:%H:%M}"


class AvailabilityForm(StyledFormMixin, SlotChoiceMixin, forms.Form):
    unavailable = forms.ModelMultipleChoiceField(
        queryset=Slot.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Slots in which I cannot meet"),
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unavailable"]
        field.queryset = event.slots.order_by("number").select_related("event")
        field.label_from_instance = self.slot_label


class GridForm(StyledFormMixin, forms.Form):
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    morning_start = forms.TimeField(
        label=_("Morning starts"),
        initial=dt.time(9, 30),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    morning_end = forms.TimeField(
        label=_("Morning ends"),
        initial=dt.time(12, 30),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    afternoon_start = forms.TimeField(
        label=_("Afternoon starts"), required=False, initial=dt.time(14, 0),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )  # fmt: skip
    afternoon_end = forms.TimeField(
        label=_("Afternoon ends"), required=False, initial=dt.time(17, 0),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )  # fmt: skip
    meeting_minutes = forms.IntegerField(
        label=_("Meeting length (minutes)"), min_value=5, max_value=240, initial=20
    )
    changeover_minutes = forms.IntegerField(
        label=_("Changeover (minutes)"), min_value=0, max_value=60, initial=5
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("afternoon_start")) != bool(data.get("afternoon_end")):
            raise forms.ValidationError(_("Give both afternoon times, or neither."))
        start, end = data.get("morning_start"), data.get("morning_end")
        if start and end and end <= start:
            self.add_error("morning_end", _("The morning must end after it starts."))
        after_start, after_end = data.get("afternoon_start"), data.get("afternoon_end")
        if after_start and after_end and end and not (end <= after_start < after_end):
            self.add_error(
                "afternoon_start",
                _("The afternoon must start after the morning ends and end after it starts."),
            )
        return data


class TablesForm(StyledFormMixin, forms.Form):
    count = forms.IntegerField(label=_("Number of tables"), min_value=1, max_value=500)


class TableForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), required=False, max_length=100)
    host = forms.ModelChoiceField(
        queryset=Registration.objects.none(), required=False, label=_("Hosted by")
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        host = self.fields["host"]
        host.queryset = selectors.table_hosts(event=event)
        host.label_from_instance = lambda r: r.display_name


class InterpreterForm(StyledFormMixin, SlotChoiceMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    languages = forms.MultipleChoiceField(
        choices=LANGUAGE_CHOICES, widget=forms.CheckboxSelectMultiple, label=_("Languages")
    )
    unavailable_slots = forms.ModelMultipleChoiceField(
        queryset=Slot.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Not available in"),
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unavailable_slots"]
        field.queryset = event.slots.order_by("number").select_related("event")
        field.label_from_instance = self.slot_label


class RunForm(StyledFormMixin, forms.Form):
    time_limit = forms.IntegerField(
        label=_("Time limit (seconds)"), min_value=1, max_value=600, initial=30
    )
    keep_previous = forms.BooleanField(
        label=_("Keep meetings where they are where possible (fewest moves)"),
        required=False,
        initial=True,
    )


class MoveForm(StyledFormMixin, SlotChoiceMixin, forms.Form):
    slot = forms.ModelChoiceField(queryset=Slot.objects.none(), label=_("Slot"))
    table = forms.ModelChoiceField(queryset=Table.objects.none(), label=_("Table"))
    interpreter = forms.ModelChoiceField(
        queryset=Interpreter.objects.none(), required=False, label=_("Interpreter")
    )
    force = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        slot = self.fields["slot"]
        slot.queryset = event.slots.order_by("number").select_related("event")
        slot.label_from_instance = self.slot_label
        self.fields["table"].queryset = event.tables.order_by("number")
        self.fields["interpreter"].queryset = event.interpreters.all()


class AfterForm(StyledFormMixin, forms.Form):
    after = forms.ModelMultipleChoiceField(
        queryset=Meeting.objects.none(),
        required=False,
        label=_("Takes place after"),
        help_text=_("The meetings that must take place before this one."),
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["after"]
        others = meeting.event.meetings.filter(status__in=Meeting.ACTIVE).exclude(pk=meeting.pk)
        field.queryset = others.select_related(
            "request__requester__user", "request__recipient__user"
        ).order_by("pk")
        field.label_from_instance = lambda other: other.names
        field.widget.attrs["size"] = 8


class PublishForm(StyledFormMixin, forms.Form):
    note = forms.CharField(label=_("Note for the record"), required=False, max_length=300)
    confirm_conflicts = forms.BooleanField(
        label=_("Publish despite the conflicts listed above"), required=False
    )


class InvitationForm(StyledFormMixin, forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    name = forms.CharField(label=_("Name"), required=False, max_length=200)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


class FeedbackForm(StyledFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=MeetingFeedback.Outcome.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AttendanceFilterForm(StyledFormMixin, SlotChoiceMixin, forms.Form):
    """Which sheet: one slot's meetings, or one participant's whole day."""

    slot = forms.ModelChoiceField(
        queryset=Slot.objects.none(), required=False, label=_("Slot"), empty_label=_("Any slot")
    )
    participant = forms.ModelChoiceField(
        queryset=Registration.objects.none(),
        required=False,
        label=_("Participant"),
        empty_label=_("Everyone"),
    )

    def __init__(self, *args: Any, event: Event, people: list[Registration], **kwargs: Any):
        super().__init__(*args, **kwargs)
        slot = self.fields["slot"]
        slot.queryset = event.slots.order_by("number").select_related("event")
        slot.label_from_instance = self.slot_label
        participant = self.fields["participant"]
        participant.queryset = event.registrations.filter(pk__in=[p.pk for p in people])
        participant.choices = [("", _("Everyone")), *((p.pk, p.display_name) for p in people)]


class ScheduleFilterForm(StyledFormMixin, forms.Form):
    """Which part of the grid: one participant's meetings, one table's, or both."""

    participant = forms.TypedChoiceField(
        coerce=int, required=False, empty_value=None, label=_("Participant")
    )
    table = forms.TypedChoiceField(coerce=int, required=False, empty_value=None, label=_("Table"))

    def __init__(
        self, *args: Any, people: list[Registration], tables: list[Table], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participant"].choices = [
            ("", _("Everyone")),
            *((p.pk, p.display_name) for p in people),
        ]
        self.fields["table"].choices = [("", _("Every table")), *((t.pk, t.label) for t in tables)]


class AttendanceForm(StyledFormMixin, forms.Form):
    """An attendance sheet as posted: every meeting it showed (hidden), and a tick for each
    participant who came, as "meeting:registration"."""

    meeting = forms.TypedMultipleChoiceField(
        coerce=int, widget=forms.MultipleHiddenInput, label=_("Meetings on the sheet")
    )
    came = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label=_("Came")
    )

    def __init__(self, *args: Any, meetings: list[Meeting], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [(m.pk, m.names) for m in meetings]
        self.fields["came"].choices = [
            (f"{m.pk}:{person.pk}", person.display_name)
            for m in meetings
            for person in m.participants
        ]

    def sheet(self) -> dict[int, set[int]]:
        ticked = {tuple(map(int, value.split(":"))) for value in self.cleaned_data["came"]}
        return {
            pk: {person for meeting, person in ticked if meeting == pk}
            for pk in self.cleaned_data["meeting"]
        }


class ProgrammeRulesForm(StyledFormMixin, forms.ModelForm):
    """The programme's brokerage rules; an event may override the pairing and the quota."""

    class Meta:
        model = BrokerageRules
        fields = ["pairing", "meeting_cap", "repeat_meetings", "region_quota"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pairing"].choices = [
            choice for choice in BrokerageRules.Pairing.choices if choice[0]
        ]
        self.fields["pairing"].required = True
        if not self.instance.pairing:
            self.initial["pairing"] = BrokerageRules.Pairing.ANY


class EventRulesForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = BrokerageRules
        fields = ["pairing", "region_quota"]
        help_texts = {"region_quota": _("Leave empty to use the programme's quota.")}
