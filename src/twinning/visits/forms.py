"""Forms for visit pages. They validate input; the services do the work."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twinning.core.forms import StyledFormMixin
from twinning.organisations.selectors import organisations_for_matching
from twinning.programmes.selectors import sectors_by_codes, sides
from twinning.visits import selectors
from twinning.visits.models import Person, Session, Venue, Visit, validate_time_zone

LANGUAGE_CHOICES = [("en", _("English")), ("ru", _("Russian")), ("kk", _("Kazakh"))]
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class VisitForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Visit
        fields = [
            "title_en", "title_ru", "title_kk", "description", "host_side", "starts_on",
            "ends_on", "delegation_language", "delegation_time_zone", "default_travel_minutes",
        ]  # fmt: skip
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host_side"].queryset = sides()
        self.fields["delegation_time_zone"].widget.attrs["placeholder"] = "Asia/Almaty"
        if self.instance.pk:
            del self.fields["host_side"]


class PersonForm(StyledFormMixin, forms.Form):
    team = forms.ChoiceField(label=_("team"), choices=Person.Team.choices)
    name = forms.CharField(label=_("name"), max_length=200)
    email = forms.EmailField(label=_("e-mail address"))
    role = forms.CharField(label=_("role"), max_length=200, required=False)
    organisation = forms.ModelChoiceField(label=_("organisation"), queryset=None, required=False)
    languages = forms.MultipleChoiceField(
        label=_("languages spoken"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        initial=["en"],
    )
    # English unless said otherwise, as the API's schema promises (a field left out of an API
    # call takes the form's initial value).
    language = forms.ChoiceField(
        label=_("language for messages"), choices=LANGUAGE_CHOICES, initial="en"
    )

    def __init__(self, *args: Any, visit: Visit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = organisations_for_matching(programme_id=visit.programme_id)
        self.fields["organisation"].queryset = organisations.order_by("legal_name")


class VenueForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Venue
        fields = ["name", "address", "time_zone", "contact"]
        widgets = {"address": forms.Textarea(attrs={"rows": 2})}
        error_messages = {
            "time_zone": {"required": _("Give the venue's time zone, e.g. Europe/London.")}
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].widget.attrs["placeholder"] = "Europe/London"


class TravelTimeForm(StyledFormMixin, forms.Form):
    venue = forms.ModelChoiceField(label=_("from"), queryset=None)
    other = forms.ModelChoiceField(label=_("to"), queryset=None)
    minutes = forms.IntegerField(label=_("minutes"), min_value=0, max_value=1440)

    def __init__(self, *args: Any, programme: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("venue", "other"):
            self.fields[name].queryset = selectors.venues(programme=programme)


class InterpreterForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("name"), max_length=200)
    email = forms.EmailField(label=_("e-mail address"), required=False)
    languages = forms.MultipleChoiceField(
        label=_("languages"), choices=LANGUAGE_CHOICES, widget=forms.CheckboxSelectMultiple
    )


class SessionForm(StyledFormMixin, forms.ModelForm):
    """Times are typed as read on a clock at the venue, whatever the delegation's zone."""

    day = forms.DateField(label=_("day"), widget=DATE)
    starts = forms.TimeField(label=_("starts (venue's time)"), widget=TIME)
    ends = forms.TimeField(label=_("ends (venue's time)"), widget=TIME)
    sector_codes = forms.CharField(
        label=_("sectors"),
        required=False,
        help_text=_("NACE codes separated by commas, e.g. 10.11, 69.20"),
    )
    languages = forms.MultipleChoiceField(
        label=_("interpretation needed between"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Session
        fields = [
            "kind", "title_en", "title_ru", "title_kk", "topic", "venue", "hosts", "delegates",
            "interpreter", "capacity", "talking_points",
        ]  # fmt: skip
        widgets = {
            "topic": forms.Textarea(attrs={"rows": 2}),
            "talking_points": forms.Textarea(attrs={"rows": 4}),
            "hosts": forms.CheckboxSelectMultiple,
            "delegates": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, visit: Visit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.visit = visit
        self.fields["venue"].queryset = selectors.venues(programme=visit.programme)
        people = selectors.people(visit=visit)
        self.fields["hosts"].queryset = people.filter(team=Person.Team.HOSTS)
        self.fields["delegates"].queryset = people.filter(team=Person.Team.DELEGATION)
        self.fields["interpreter"].queryset = selectors.interpreters(visit=visit)
        for name in ("hosts", "delegates"):
            self.fields[name].widget.attrs["class"] = "form-check-input"
        if self.instance.pk:
            self._initial_times(self.instance)
        else:
            self.initial.setdefault("delegates", [p.pk for p in self.fields["delegates"].queryset])

    def _initial_times(self, session: Session) -> None:
        times = selectors.session_times(session=session)
        self.initial.update(
            day=times.starts.date(), starts=times.starts.time(), ends=times.ends.time(),
            sector_codes=", ".join(s.code for s in session.sectors.all()),
            languages=session.language_pair,
        )  # fmt: skip

    def clean_sector_codes(self) -> list[Any]:
        codes = [c.strip() for c in self.cleaned_data["sector_codes"].split(",") if c.strip()]
        found = list(sectors_by_codes(codes=codes))
        unknown = sorted(set(codes) - {s.code for s in found})
        if unknown:
            raise ValidationError(
                _("Unknown NACE codes: %(codes)s"), params={"codes": ", ".join(unknown)}
            )
        return found

    def clean_languages(self) -> list[str]:
        codes = self.cleaned_data["languages"]
        if len(codes) == 1:
            raise ValidationError(_("Interpretation is between two languages, e.g. en,kk."))
        return list(codes)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        venue, day = data.get("venue"), data.get("day")
        starts, ends = data.get("starts"), data.get("ends")
        if venue is None or day is None or starts is None or ends is None:
            return data
        data["starts_at"] = _aware(day, starts, venue)
        data["ends_at"] = _aware(day, ends, venue)
        if data["ends_at"] <= data["starts_at"]:
            self.add_error("ends", _("A session must end after it starts."))
        return data

    def _post_clean(self) -> None:
        """The model is checked by the service, with the times this form worked out."""

    def service_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        plain = ["kind", "title_en", "title_ru", "title_kk", "topic", "venue", "interpreter",
                 "capacity", "talking_points", "starts_at", "ends_at"]  # fmt: skip
        fields = {name: data[name] for name in plain}
        fields["interpreter_languages"] = ",".join(data["languages"])
        return fields

    def relations(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "sectors": data["sector_codes"],
            "hosts": data["hosts"],
            "delegates": data["delegates"],
        }


def _aware(day: dt.date, time: dt.time, venue: Venue) -> dt.datetime:
    validate_time_zone(venue.time_zone)
    return timezone.make_aware(dt.datetime.combine(day, time), venue.zone)


class PublishForm(StyledFormMixin, forms.Form):
    despite_warnings = forms.BooleanField(
        label=_("I have read the warnings: publish anyway"), required=False
    )


class InviteForm(StyledFormMixin, forms.Form):
    """The proposals the operator picks, by organisation."""

    organisations = forms.MultipleChoiceField(
        label=_("invite"), widget=forms.CheckboxSelectMultiple, choices=()
    )

    def __init__(self, *args: Any, proposals: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.proposals = {str(p.organisation_id): p.organisation for p in proposals}
        self.fields["organisations"].choices = [(k, str(o)) for k, o in self.proposals.items()]

    def chosen(self) -> list[Any]:
        return [self.proposals[key] for key in self.cleaned_data["organisations"]]


class GuestForm(StyledFormMixin, forms.Form):
    """Someone to invite who is not proposed: a student, a public figure."""

    name = forms.CharField(label=_("name"), max_length=200)
    email = forms.EmailField(label=_("e-mail address"))
    role = forms.CharField(label=_("role"), max_length=200, required=False)
    # English unless said otherwise, as the API's schema promises (a field left out of an API
    # call takes the form's initial value).
    language = forms.ChoiceField(
        label=_("language for messages"), choices=LANGUAGE_CHOICES, initial="en"
    )


class AnswerForm(StyledFormMixin, forms.Form):
    attending = forms.TypedChoiceField(
        choices=[("yes", _("I will attend")), ("no", _("I will not attend"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        label=_("Your answer"),
    )


class AttendanceForm(StyledFormMixin, forms.Form):
    present = forms.MultipleChoiceField(
        label=_("came"), widget=forms.CheckboxSelectMultiple, choices=(), required=False
    )

    def __init__(self, *args: Any, guests: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [(str(a.pk), a.person.name) for a in guests]
        self.initial.setdefault("present", [str(a.pk) for a in guests if a.attended is not False])


class OutcomeForm(StyledFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(label=_("organisation"), queryset=None, required=False)
    description = forms.CharField(
        label=_("what was agreed"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, session: Session, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = selectors.organisations_in(session=session)


class FollowUpForm(StyledFormMixin, forms.Form):
    answer = forms.CharField(
        label=_("What came of the meeting?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("A next meeting, an order, an agreement, or nothing yet: all of it helps."),
    )
