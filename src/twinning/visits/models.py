"""A delegation visit: its people, venues, itinerary sessions, attendees and what came of them."""

import secrets
import uuid
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from twinning.core.i18n import localized

LANGUAGE_CODES = ("en", "ru", "kk")


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(value)s is not a time zone. Use a name such as Europe/London or Asia/Almaty."),
            params={"value": value},
        )


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Visit(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.PROTECT, related_name="visits"
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title_en = models.CharField(_("title in English"), max_length=200)
    title_ru = models.CharField(_("title in Russian"), max_length=200, blank=True)
    title_kk = models.CharField(_("title in Kazakh"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    host_side = models.ForeignKey(
        "programmes.Side",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("hosted in"),
        help_text=_("The side the delegation travels to."),
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT, db_index=True
    )
    delegation_language = models.CharField(
        _("delegation's language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    delegation_time_zone = models.CharField(
        _("delegation's time zone"), max_length=64, validators=[validate_time_zone]
    )
    default_travel_minutes = models.PositiveSmallIntegerField(
        _("travel time between venues (minutes)"),
        default=30,
        help_text=_("Used for a pair of venues with no travel time of its own."),
    )
    event = models.OneToOneField(
        "events.Event",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="visit",
        editable=False,
        help_text=_("The delegation-visit event holding the interpreters."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-starts_on", "title_en"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="visit_dates",
                violation_error_message=_("The last day cannot be before the first day."),
            ),
            models.CheckConstraint(
                condition=Q(state__in=["draft", "published", "held", "cancelled"]),
                name="visit_state_valid",
                violation_error_message=_("A visit is a draft, published, held or cancelled."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")


class Person(models.Model):
    """Someone on a visit's itinerary: a delegate, a host, or a guest invited to a session."""

    class Team(models.TextChoices):
        DELEGATION = "delegation", _("Delegation")
        HOSTS = "hosts", _("Host team")
        GUEST = "guest", _("Guest")

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="people")
    team = models.CharField(_("team"), max_length=10, choices=Team.choices)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="visit_people",
        verbose_name=_("organisation"),
    )
    languages = models.CharField(
        _("languages spoken"), max_length=20, default="en", help_text=_("Comma-separated codes")
    )
    language = models.CharField(
        _("language for messages"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="visit_people",
    )
    feed_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["visit", "team", "name"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "email"], name="visit_person_once"),
            models.CheckConstraint(
                condition=Q(team__in=["delegation", "hosts", "guest"]),
                name="visit_person_team",
                violation_error_message=_(
                    "A person belongs to the delegation, the host team or the guests."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]


class Venue(models.Model):
    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.PROTECT, related_name="venues"
    )
    name = models.CharField(_("name"), max_length=200)
    address = models.TextField(_("address"))
    time_zone = models.CharField(_("time zone"), max_length=64, validators=[validate_time_zone])
    contact = models.CharField(_("contact on site"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="venue_name_unique"),
            models.CheckConstraint(
                condition=~Q(time_zone=""),
                name="venue_has_time_zone",
                violation_error_message=_("Give the venue's time zone."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class TravelTime(models.Model):
    """Minutes needed between two venues, either way round (stored with the lower id first)."""

    first = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="+")
    minutes = models.PositiveSmallIntegerField(_("minutes"))

    class Meta:
        verbose_name = _("travel time")
        verbose_name_plural = _("travel times")
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="travel_time_once"),
            models.CheckConstraint(
                condition=Q(first__lt=F("second")),
                name="travel_time_order",
                violation_error_message=_("Travel time joins two different venues."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first} ↔ {self.second}: {self.minutes}"


class Session(models.Model):
    class Kind(models.TextChoices):
        OFFICIAL = "official", _("Official meeting")
        ROUNDTABLE = "roundtable", _("Business roundtable")
        ONE_TO_ONE = "one_to_one", _("One-to-one")
        SITE_VISIT = "site_visit", _("Site visit")
        STUDENTS = "students", _("Student meeting")
        RECEPTION = "reception", _("Reception")
        CULTURAL = "cultural", _("Cultural event")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title_en = models.CharField(_("title in English"), max_length=200)
    title_ru = models.CharField(_("title in Russian"), max_length=200, blank=True)
    title_kk = models.CharField(_("title in Kazakh"), max_length=200, blank=True)
    topic = models.TextField(_("topic"), blank=True)
    venue = models.ForeignKey(
        Venue, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("venue")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    sectors = models.ManyToManyField(
        "programmes.Sector", blank=True, related_name="+", verbose_name=_("sectors")
    )
    hosts = models.ManyToManyField(
        Person, blank=True, related_name="hosting", verbose_name=_("hosts")
    )
    delegates = models.ManyToManyField(
        Person, blank=True, related_name="attending_as_delegate", verbose_name=_("delegates")
    )
    interpreter_languages = models.CharField(
        _("interpretation needed"),
        max_length=20,
        blank=True,
        help_text=_("The languages to interpret between, e.g. en,kk; empty for none."),
    )
    interpreter = models.ForeignKey(
        "events.Interpreter",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="visit_sessions",
        verbose_name=_("interpreter"),
    )
    capacity = models.PositiveSmallIntegerField(
        _("guest places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    talking_points = models.TextField(_("talking points"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["visit", "starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="session_order",
                violation_error_message=_("A session must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="session_capacity",
                violation_error_message=_("A session with a limit has at least one guest place."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["scheduled", "cancelled"]),
                name="session_status_valid",
                violation_error_message=_("A session is scheduled or cancelled."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def language_pair(self) -> list[str]:
        return [code for code in self.interpreter_languages.split(",") if code]


class Proposal(models.Model):
    """An organisation the platform proposes for a session, with the reasons why."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="proposals")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    score = models.FloatField()
    rank = models.PositiveSmallIntegerField()
    reasons = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("proposed attendee")
        verbose_name_plural = _("proposed attendees")
        ordering = ["session", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["session", "organisation"], name="proposal_once")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.session}"


class Attendee(models.Model):
    """A guest invited to one session, and their answer."""

    class State(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Will attend")
        WAITING = "waiting", _("On the waiting list")
        DECLINED = "declined", _("Will not attend")
        WITHDRAWN = "withdrawn", _("Invitation withdrawn")

    ANSWERED = (State.ACCEPTED, State.WAITING, State.DECLINED)

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendees")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="invitations")
    state = models.CharField(
        _("answer"), max_length=10, choices=State.choices, default=State.INVITED
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        ordering = ["session", "invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="attendee_once"),
            models.CheckConstraint(
                condition=Q(state__in=["invited", "accepted", "waiting", "declined", "withdrawn"]),
                name="attendee_state_valid",
                violation_error_message=_(
                    "An answer is invited, will attend, waiting, will not attend or withdrawn."
                ),
            ),
            models.CheckConstraint(
                condition=Q(state__in=["invited", "withdrawn"]) | Q(responded_at__isnull=False),
                name="attendee_answer_has_date",
                violation_error_message=_("An answered invitation has the date of the answer."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.session}"


class FollowUp(models.Model):
    """What came of a session, in the attendee's own words."""

    attendee = models.OneToOneField(Attendee, on_delete=models.CASCADE, related_name="follow_up")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    sent_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("what came of it"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True) | ~Q(answer=""),
                name="follow_up_answer_has_text",
                violation_error_message=_("An answered follow-up says what came of it."),
            )
        ]

    def __str__(self) -> str:
        return str(self.attendee)


class SessionOutcome(models.Model):
    """Something a session produced: an agreement, an order, a next meeting."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="outcomes")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisation"),
    )
    description = models.TextField(_("what was agreed"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("session outcome")
        verbose_name_plural = _("session outcomes")
        ordering = ["session", "recorded_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(description=""),
                name="outcome_has_description",
                violation_error_message=_("Say what the session produced."),
            )
        ]

    def __str__(self) -> str:
        return self.description[:60]
