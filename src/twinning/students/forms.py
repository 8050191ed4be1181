"""Forms of the students app; the services re-check everything a form checks."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from twinning.core.forms import SignUpForm, StyledFormMixin
from twinning.programmes.selectors import regions, sectors_by_codes
from twinning.students.models import Position, Student, StudentConsent
from twinning.students.models.registry import (
    EARLIEST_GRADUATION,
    LANGUAGE_LEVELS,
    LATEST_GRADUATION,
)
from twinning.students.services import check_cv
from twinning.students.universities import university_choices

LANGUAGE_FIELDS = {"en": _("English"), "ru": _("Russian"), "kk": _("Kazakh")}
Purpose = StudentConsent.Purpose


def _kz_regions() -> Any:
    return regions().filter(side__code="KZ")


class StudentProfileForm(StyledFormMixin, forms.Form):
    university = forms.ChoiceField(label=_("University"), choices=university_choices)
    course = forms.CharField(label=_("Course"), max_length=200)
    level = forms.ChoiceField(label=_("Level"), choices=Student.Level.choices)
    graduation_year = forms.IntegerField(
        label=_("Graduation year"),
        help_text=_("Between %(first)s and %(last)s.")
        % {"first": EARLIEST_GRADUATION, "last": LATEST_GRADUATION},
    )
    home_region = forms.ModelChoiceField(
        label=_("Home region in Kazakhstan"), queryset=regions().none(), required=False
    )
    skills = forms.CharField(
        label=_("Skills"), required=False, help_text=_("Comma-separated, in any language.")
    )
    language_en = forms.ChoiceField(label=_("English"), choices=LANGUAGE_LEVELS, required=False)
    language_ru = forms.ChoiceField(label=_("Russian"), choices=LANGUAGE_LEVELS, required=False)
    language_kk = forms.ChoiceField(label=_("Kazakh"), choices=LANGUAGE_LEVELS, required=False)
    about = forms.CharField(
        label=_("About me"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors you would like to work in"),
        queryset=sectors_by_codes(codes=[]),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("NACE divisions; positions in them are shown to you first."),
    )
    visa_route = forms.ChoiceField(
        label=_("Visa route"), choices=Student.VisaRoute.choices, required=False,
        help_text=_("Only if you choose to say; employers who can see your profile see it."),
    )  # fmt: skip
    visa_ends_on = forms.DateField(
        label=_("Visa ends on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    needs_sponsorship = forms.NullBooleanField(
        label=_("Do you need visa sponsorship?"),
        required=False,
        widget=forms.Select(
            choices=[("unknown", _("Prefer not to say")), ("true", _("Yes")), ("false", _("No"))]
        ),
    )
    scholarship_obligation = forms.CharField(
        label=_("Scholarship's return-to-work obligation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example Bolashak: how many years of work in Kazakhstan, and from when."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["home_region"].queryset = _kz_regions()  # type: ignore[attr-defined]
        self.fields["sectors"].queryset = nace_divisions()  # type: ignore[attr-defined]

    def clean_graduation_year(self) -> int:
        year = self.cleaned_data["graduation_year"]
        if not EARLIEST_GRADUATION <= year <= LATEST_GRADUATION:
            raise ValidationError(
                _("The graduation year must be between %(first)s and %(last)s.")
                % {"first": EARLIEST_GRADUATION, "last": LATEST_GRADUATION}
            )
        return year

    def profile(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["languages"] = {
            code: data.pop(f"language_{code}")
            for code in LANGUAGE_FIELDS
            if data.get(f"language_{code}")
        }
        for code in LANGUAGE_FIELDS:
            data.pop(f"language_{code}", None)
        for name in (
            "purposes",
            "cv",
            "email",
            "password1",
            "password2",
            "full_name",
            "language",
            "consent",
        ):
            data.pop(name, None)
        return data

    @staticmethod
    def initial_for(student: Student) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(student, name)
            for name in (
                "university", "course", "level", "graduation_year", "skills", "about",
                "visa_route", "visa_ends_on", "needs_sponsorship", "scholarship_obligation",
            )
        }  # fmt: skip
        initial["home_region"] = student.home_region_id
        initial["sectors"] = [sector.pk for sector in student.sectors.all()]
        for code in LANGUAGE_FIELDS:
            initial[f"language_{code}"] = student.languages.get(code, "")
        return initial


class CvField(forms.FileField):
    def clean(self, data: Any, initial: Any = None) -> Any:
        cv = super().clean(data, initial)
        if cv and hasattr(cv, "read"):
            try:
                check_cv(cv)
            except ValidationError as error:
                raise ValidationError(error.message_dict["cv"]) from error
        return cv


class StudentSignUpForm(SignUpForm, StudentProfileForm):
    purposes = forms.MultipleChoiceField(
        label=_("I also agree to"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(Purpose.EMBASSY_CONTACT, Purpose.EMBASSY_CONTACT.label),
                 (Purpose.NEWSLETTER, Purpose.NEWSLETTER.label)],
        help_text=_("Each is recorded with its date; you can withdraw any of them at any time."),
    )  # fmt: skip
    cv = CvField(
        label=_("CV (PDF)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        help_text=_("Kept private: employers see it only if you share it with them."),
    )


class StudentClaimForm(SignUpForm):
    """An imported student's first visit: the name and address as imported (shown, not
    editable), a password, the privacy notice and the purposes, as on the sign-up."""

    purposes = StudentSignUpForm.base_fields["purposes"]

    def __init__(self, *args: Any, student: Student | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if student is None:
            return  # the link does not work: the page says so and shows no form
        for name, value in (("full_name", student.user.full_name), ("email", student.user.email)):
            self.fields[name].disabled = True
            self.fields[name].initial = value


class StudentProfileEditForm(StudentProfileForm):
    pass


class CvForm(StyledFormMixin, forms.Form):
    cv = CvField(label=_("CV (PDF)"), widget=forms.FileInput(attrs={"accept": "application/pdf"}))


class CvReleaseForm(StyledFormMixin, forms.Form):
    organisation = forms.ChoiceField(label=_("Employer"))
    days = forms.IntegerField(label=_("For how many days"), min_value=1, max_value=90, initial=14)

    def __init__(self, *args: Any, employers: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(str(pk), name) for pk, name in employers]  # type: ignore[attr-defined]


class PositionForm(StyledFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Position
        fields = [
            "title", "description", "language", "kind", "location", "skills", "languages",
            "closes_on", "sectors",
        ]  # fmt: skip
        widgets = {
            "closes_on": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "sectors": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sectors"].queryset = nace_divisions()  # type: ignore[attr-defined]
        self.fields["sectors"].required = False


def nace_divisions() -> Any:
    """NACE divisions (two-digit codes): fine enough for a position or a student's wishes,
    short enough for a list."""
    return sectors_by_codes(codes=[f"{n:02d}" for n in range(1, 100)]).order_by("code")


class RejectForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class FairRegisterForm(StyledFormMixin, forms.Form):
    share_profile = forms.BooleanField(
        label=_("Share my profile and CV with the employers of this fair"),
        required=False,
        help_text=_("Employers can shortlist only students who share; you can withdraw it."),
    )


class RankingForm(StyledFormMixin, forms.Form):
    """Choice n is the employer ranked n-th; empty choices at the end are ignored."""

    def __init__(self, *args: Any, booths: list[tuple[int, str]], size: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "—"), *[(str(pk), name) for pk, name in booths]]
        for n in range(1, size + 1):
            self.fields[f"choice_{n}"] = forms.ChoiceField(
                label=_("Choice %(n)s") % {"n": n}, choices=choices, required=False
            )

    def chosen(self) -> list[int]:
        return [int(v) for k, v in self.cleaned_data.items() if k.startswith("choice_") and v]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        chosen = [v for k, v in cleaned.items() if k.startswith("choice_") and v]
        if len(set(chosen)) != len(chosen):
            raise ValidationError(_("Each employer can be ranked only once."))
        return cleaned


class ShortlistForm(StyledFormMixin, forms.Form):
    chosen = forms.CharField(
        label=_("Shortlist (numbers, best first)"), required=False,
        help_text=_("The numbers shown beside the students, separated by commas."),
    )  # fmt: skip
    alternates = forms.CharField(label=_("Alternates (numbers, best first)"), required=False)

    def numbers(self, name: str) -> list[int]:
        value = self.cleaned_data.get(name, "")
        try:
            return [int(v) for v in value.replace(" ", "").split(",") if v]
        except ValueError:
            return []

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in ("chosen", "alternates"):
            value = cleaned.get(name, "").replace(" ", "")
            if value and not all(v.isdigit() for v in value.split(",") if v):
                self.add_error(name, _("Use the numbers shown beside the students."))
        return cleaned


class BoothAddForm(StyledFormMixin, forms.Form):
    organisation = forms.ChoiceField(label=_("Employer"))
    interviewers = forms.IntegerField(label=_("Interviewers"), min_value=1, max_value=20, initial=2)

    def __init__(self, *args: Any, organisations: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(str(pk), n) for pk, n in organisations]  # type: ignore[attr-defined]


class FairCreateForm(StyledFormMixin, forms.Form):
    event = forms.ChoiceField(label=_("Job-fair event"))
    max_interviews = forms.IntegerField(
        label=_("Interviews per student at most"), min_value=1, max_value=16, initial=4
    )
    max_wishes = forms.IntegerField(
        label=_("Employers a student may rank"), min_value=1, max_value=20, initial=8
    )

    def __init__(self, *args: Any, events: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["event"].choices = [(str(pk), n) for pk, n in events]  # type: ignore[attr-defined]


class NoteForm(StyledFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    rating = forms.TypedChoiceField(
        label=_("Rating"), required=False, coerce=int, empty_value=None,
        choices=[("", "—"), *[(str(n), str(n)) for n in range(1, 6)]],
    )  # fmt: skip


class StudentFilterForm(StyledFormMixin, forms.Form):
    university = forms.ChoiceField(label=_("University"), required=False)
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("Any")), *Student.Level.choices]
    )
    graduation_year = forms.IntegerField(label=_("Graduation year"), required=False)
    home_region = forms.ModelChoiceField(
        label=_("Home region in Kazakhstan"), queryset=regions().none(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["university"].choices = [("", _("Any")), *university_choices()]  # type: ignore[attr-defined]
        self.fields["home_region"].queryset = _kz_regions()  # type: ignore[attr-defined]


class InviteForm(StudentFilterForm):
    event = forms.ChoiceField(label=_("Event"))

    def __init__(self, *args: Any, events: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["event"].choices = [(str(pk), n) for pk, n in events]  # type: ignore[attr-defined]


class WelfareForm(StudentFilterForm):
    message = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 3}),
        initial=_("Are you safe and well?"),
    )
