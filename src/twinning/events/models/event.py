"""An event, the people registered for it, invitations and arrivals on the day."""

import secrets
import uuid
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from twinning.core.i18n import localized
from twinning.core.transitions import Workflow, step

LANGUAGE_CODES = ("en", "ru", "kk")


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Event(models.Model):
    class Kind(models.TextChoices):
        BROKERAGE = "brokerage", _("Brokerage day (B2B)")
        DELEGATION = "delegation", _("Delegation visit")
        RECEPTION = "reception", _("Reception")
        JOB_FAIR = "job_fair", _("Job fair")
        CULTURAL = "cultural", _("Cultural or academic event")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.PROTECT, related_name="events"
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BROKERAGE)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    title_en = models.CharField(_("title in English"), max_length=200)
    title_ru = models.CharField(_("title in Russian"), max_length=200, blank=True)
    title_kk = models.CharField(_("title in Kazakh"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/London", validators=[validate_time_zone]
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Listed on the public site.")
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    requires_approval = models.BooleanField(_("registrations need approval"), default=True)
    meeting_limit = models.PositiveSmallIntegerField(
        _("accepted meetings per participant"), default=12
    )
    request_limit = models.PositiveSmallIntegerField(_("open requests per participant"), default=20)
    request_expiry_hours = models.PositiveSmallIntegerField(
        _("requests expire after (hours)"), default=72
    )
    max_break_spread = models.PositiveSmallIntegerField(
        _("fairness: most breaks one participant may have above another"), null=True, blank=True
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_on", "title_en"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="event_dates",
                violation_error_message=_("The event cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                name="event_registration_window",
                violation_error_message=_("Registration must close after it opens."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="event_capacity",
                violation_error_message=_("The capacity must be at least 1, or left empty."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published", "cancelled"]),
                name="event_status_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
            models.CheckConstraint(
                condition=Q(meeting_limit__gte=1) & Q(request_limit__gte=1),
                name="event_limits_positive",
                violation_error_message=_("The meeting and request limits must be at least 1."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_brokerage(self) -> bool:
        return self.kind in {self.Kind.BROKERAGE, self.Kind.JOB_FAIR}


class Registration(models.Model):
    """One organisation representative taking part in an event."""

    class Participation(models.TextChoices):
        """What the participant comes as; the brokerage rules may pair only complementary ones."""

        NONE = "", _("Not given")
        BUYER = "buyer", _("Buyer")
        SUPPLIER = "supplier", _("Supplier")
        INVESTOR = "investor", _("Investor")
        PROJECT = "project", _("Project seeking investment")

    COMPLEMENT = {
        "buyer": "supplier",
        "supplier": "buyer",
        "investor": "project",
        "project": "investor",
    }

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not accepted")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    languages = models.CharField(
        _("languages spoken"), max_length=20, blank=True, help_text=_("Comma-separated codes")
    )
    looking_for = models.TextField(_("what I am looking for"), blank=True)
    participation = models.CharField(
        _("taking part as"), max_length=10, choices=Participation.choices, blank=True, default=""
    )
    feed_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="registration_once"),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "approved", "rejected", "cancelled"]),
                name="registration_status_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
            models.CheckConstraint(
                condition=Q(participation__in=["", "buyer", "supplier", "investor", "project"]),
                name="registration_participation_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} — {self.event}"

    @property
    def display_name(self) -> str:
        return self.user.full_name or self.user.email

    @property
    def organisation_name(self) -> str:
        return self.organisation.display_name if self.organisation else ""

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def time_zone(self) -> str:
        """The participant's own zone: their setting, else their organisation's region."""
        if self.user.time_zone:
            return self.user.time_zone
        if self.organisation is not None:
            return self.organisation.region.time_zone
        return self.event.time_zone


class Invitation(models.Model):
    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        ACCEPTED = "accepted", _("Will attend")
        DECLINED = "declined", _("Will not attend")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENT)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    registration = models.OneToOneField(
        Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitation"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["event", "email"]
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="invitation_once"),
            models.CheckConstraint(
                condition=Q(status="sent") | Q(responded_at__isnull=False),
                name="invitation_answer_has_date",
                violation_error_message=_("An answered invitation needs the date of its answer."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} — {self.event}"


class CheckIn(models.Model):
    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="check_in"
    )
    checked_in_at = models.DateTimeField(auto_now_add=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")

    def __str__(self) -> str:
        return f"{self.registration} @ {self.checked_in_at:%H:%M}"


# Which state each step may start from (core.transitions): services move, rules ask.
_E, _R = Event.Status, Registration.Status
EVENT_FLOW = Workflow(
    model=Event,
    field="status",
    transitions=[
        step("publish", [_E.DRAFT], _E.PUBLISHED),
        step("cancel", [_E.DRAFT, _E.PUBLISHED], _E.CANCELLED),
    ],
)
# An invitee may change their answer until the event; a cancelled or past event takes none
# (`events.services.invitation_respond`).
_I = Invitation.Status
INVITATION_FLOW = Workflow(
    model=Invitation,
    field="status",
    transitions=[
        step("accept", [_I.SENT, _I.ACCEPTED, _I.DECLINED], _I.ACCEPTED),
        step("decline", [_I.SENT, _I.ACCEPTED, _I.DECLINED], _I.DECLINED),
    ],
)
REGISTRATION_FLOW = Workflow(
    model=Registration,
    field="status",
    transitions=[
        step("approve", [_R.PENDING, _R.REJECTED], _R.APPROVED),
        step("reject", [_R.PENDING, _R.APPROVED], _R.REJECTED),
        step("cancel", [_R.PENDING, _R.APPROVED], _R.CANCELLED),
    ],
)
