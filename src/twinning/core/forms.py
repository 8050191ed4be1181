"""Forms for accounts: sign-up, log-in, my account, account deletion."""

from typing import Any
from zoneinfo import available_timezones

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import transaction
from django.db.backends.base.operations import BaseDatabaseOperations
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from twinning.core.models import Consent, User
from twinning.core.services import mail_send

#: The ranges of the integer columns, the same on every database: PostgreSQL's, the strictest
#: (SQLite stores any 64-bit integer, so a number it keeps could not be moved to PostgreSQL).
COLUMN_RANGES = BaseDatabaseOperations.integer_field_ranges


def column_range(model: Any, name: str) -> tuple[int | None, int | None]:
    """The range of the column behind form field `name` (a plain integer column if unknown)."""
    internal = "IntegerField"
    if model is not None:
        try:
            internal = model._meta.get_field(name).get_internal_type()
        except Exception:  # a form field with no model field of that name
            internal = "IntegerField"
    return COLUMN_RANGES.get(internal, COLUMN_RANGES["IntegerField"])


def bound_integers(fields: dict[str, forms.Field], model: Any = None) -> None:
    """Give every integer field the bounds of its column, unless it has tighter ones: a number
    too large for its column is a form error, not a database error after the form said yes."""
    for name, field in fields.items():
        if not isinstance(field, forms.IntegerField) or isinstance(
            field, forms.DecimalField | forms.FloatField
        ):
            continue
        low, high = column_range(model, name)
        if high is not None and (field.max_value is None or field.max_value > high):
            field.max_value = high
            field.validators.append(MaxValueValidator(high))
            field.widget.attrs.setdefault("max", high)
        if low is not None and (field.min_value is None or field.min_value < low):
            field.min_value = low
            field.validators.append(MinValueValidator(low))


class StyledFormMixin:
    """Gives every widget Bootstrap's classes, and maps service errors onto the form's fields."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for field in self.fields.values():  # type: ignore[attr-defined]
            field.widget.attrs.setdefault("class", _widget_class(field.widget))
        meta = getattr(self, "_meta", None)
        bound_integers(self.fields, getattr(meta, "model", None))  # type: ignore[attr-defined]

    def add_service_error(self, error: ValidationError) -> None:
        """Put a service's ValidationError on the field it names, or on the form as a whole."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)  # type: ignore[attr-defined]
            return
        for name, messages in error.message_dict.items():
            field = name if name in self.fields else None  # type: ignore[attr-defined]
            self.add_error(field, messages)  # type: ignore[attr-defined]

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name, errors in list(self.errors.items()):  # type: ignore[attr-defined]
            if name not in self.fields:  # type: ignore[attr-defined]
                continue
            field = self.fields[name]  # type: ignore[attr-defined]
            if field.widget.is_hidden:
                # Nobody can see a hidden field: its error goes where the form's own errors are
                # shown, naming the field, or the form would fail without a word.
                self._errors.setdefault(NON_FIELD_ERRORS, self.error_class(error_class="nonfield"))  # type: ignore[attr-defined]
                label = field.label or name
                self._errors[NON_FIELD_ERRORS].extend(f"{label}: {error}" for error in errors)  # type: ignore[attr-defined]
            field.widget.attrs["class"] = (
                f"{field.widget.attrs.get('class', '')} is-invalid".strip()
            )


def _widget_class(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple | forms.RadioSelect):
        return "form-check-input"
    if isinstance(widget, forms.Select):
        return "form-select"
    return "form-control"


def time_zone_choices() -> list[tuple[str, str]]:
    zones = sorted(zone for zone in available_timezones() if "/" in zone)
    return [("", _("Site default (%(zone)s)") % {"zone": settings.TIME_ZONE})] + [
        (zone, zone) for zone in zones
    ]


def _consent_help() -> str:
    return format_html(
        '<a href="{}">{}</a>', reverse_lazy("core:privacy"), _("Read the privacy notice")
    )


class SignUpForm(StyledFormMixin, forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=lazy(password_validation.password_validators_help_text_html, str)(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    consent = forms.BooleanField(
        label=_("I agree to the privacy notice and to the processing of my data it describes."),
        help_text=lazy(_consent_help, str)(),
    )
    matching = forms.BooleanField(
        label=_("Use my profile to recommend me to others and them to me (matching)."),
        help_text=_("Optional; you can withdraw it at any time on your consent page."),
        required=False,
        initial=True,
    )

    def clean_email(self) -> str:
        # An address that has an account is not refused here: that would tell anyone who tries
        # which addresses have accounts (the sign-up service e-mails the owner instead).
        return str(self.cleaned_data["email"]).strip()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            probe = User(email=cleaned.get("email", ""), full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(first, probe)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class LoginForm(StyledFormMixin, AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autofocus": True})
    )


class StyledPasswordResetForm(StyledFormMixin, PasswordResetForm):
    # Django's own "Email" label has no Kazakh translation; use the login page's wording.
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        # The e-mail goes out in the language of the account, not of the page that asked for it,
        # like every other notification: after the commit, header-safe, a failure logged.
        with translation.override(context["user"].language or settings.LANGUAGE_CODE):
            subject = render_to_string(subject_template_name, context)
            body = render_to_string(email_template_name, context)
        transaction.on_commit(lambda: mail_send(subject, body, to_email, template="password reset"))


class StyledSetPasswordForm(StyledFormMixin, SetPasswordForm):
    pass


class AccountForm(StyledFormMixin, forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        required=False,
        choices=time_zone_choices,
        help_text=_("Dates and times on the pages are shown in this time zone."),
    )


def confirmed_password(request: HttpRequest | None, user: User | None, password: str) -> str:
    """A password typed again to confirm an act (a token, deleting the account), checked by
    `authenticate()` and so counted by the sign-in lockout: too many wrong ones lock this and the
    sign-in out alike (the lockout middleware answers 429), and the right one is refused while
    locked. Never `user.check_password()`, which nothing counts."""
    email = user.email if user is not None else ""
    if authenticate(request, username=email, password=password) is None:
        raise ValidationError(_("This password is not correct."))
    return password


class ApiTokenForm(StyledFormMixin, forms.Form):
    """A token is a password that does not expire: making one asks for the account's password,
    checked by `authenticate()` so that wrong guesses count towards the sign-in lockout."""

    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_('Where you will use it, e.g. "reporting script".'),
    )
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To confirm that it is you who makes this token."),
    )

    def __init__(
        self,
        *args: Any,
        request: HttpRequest | None = None,
        user: User | None = None,
        **kwargs: Any,
    ) -> None:
        self.request, self.user = request, user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        return confirmed_password(self.request, self.user, self.cleaned_data["password"])


class AccountDeleteForm(StyledFormMixin, forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To confirm that it is you who deletes this account."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and my personal data will be deleted for good.")
    )

    def __init__(self, *args: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
        self.request, self.user = request, user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        return confirmed_password(self.request, self.user, self.cleaned_data["password"])


class ConsentChangeForm(StyledFormMixin, forms.Form):
    """A button on the consent page: withdraw (or give again) one purpose of core's, or withdraw
    one consent an app keeps (`source` and its `key`)."""

    purpose = forms.ChoiceField(
        label=_("purpose"),
        required=False,
        choices=[(p.value, p.label) for p in Consent.Purpose if p != Consent.Purpose.TERMS],
    )
    give = forms.BooleanField(required=False, widget=forms.HiddenInput)
    source = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)
    key = forms.CharField(required=False, max_length=80, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("purpose") and not (data.get("source") and data.get("key")):
            raise ValidationError(_("Choose the consent to change."))
        return data


class AuditFilterForm(StyledFormMixin, forms.Form):
    action = forms.CharField(label=_("Action"), required=False, max_length=80)
    actor = forms.CharField(label=_("Done by (name or e-mail)"), required=False, max_length=200)
    subject = forms.CharField(
        label=_("Whose data (name or e-mail)"), required=False, max_length=200
    )
    since = forms.DateField(
        label=_("Since"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
