"""Job fairs on the events app's job-fair events: booths, registrations, both sides'
preferences, the allocated interviews, and what employers note about the students they met."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from twinning.students.models.positions import Position
from twinning.students.models.registry import Student


def new_token() -> str:
    return secrets.token_urlsafe(24)


class JobFair(models.Model):
    """The job-fair side of an event of kind `job_fair`; its slot grid is the event's."""

    event = models.OneToOneField(
        "events.Event", on_delete=models.CASCADE, related_name="job_fair", verbose_name=_("event")
    )
    max_interviews = models.PositiveSmallIntegerField(
        _("interviews per student at most"), default=4
    )
    max_wishes = models.PositiveSmallIntegerField(_("employers a student may rank"), default=8)
    allocated_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    data_deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("job fair")
        verbose_name_plural = _("job fairs")
        ordering = ["event__starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_interviews__gte=1) & Q(max_wishes__gte=1),
                name="job_fair_limits_positive",
                violation_error_message=_(
                    "A fair allows at least one interview and one ranked employer."
                ),
            )
        ]

    def __str__(self) -> str:
        return str(self.event)


class Booth(models.Model):
    fair = models.ForeignKey(JobFair, on_delete=models.CASCADE, related_name="booths")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    number = models.PositiveSmallIntegerField(_("booth number"))
    interviewers = models.PositiveSmallIntegerField(_("interviewers"), default=1)
    positions = models.ManyToManyField(
        Position, blank=True, related_name="booths", verbose_name=_("positions")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("booth")
        verbose_name_plural = _("booths")
        ordering = ["fair", "number"]
        constraints = [
            models.UniqueConstraint(fields=["fair", "organisation"], name="booth_once"),
            models.UniqueConstraint(fields=["fair", "number"], name="booth_number_unique"),
            models.CheckConstraint(
                condition=Q(interviewers__gte=1) & Q(interviewers__lte=20),
                name="booth_interviewers_range",
                violation_error_message=_("A booth has 1 to 20 interviewers."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.organisation}"


class FairRegistration(models.Model):
    fair = models.ForeignKey(JobFair, on_delete=models.CASCADE, related_name="registrations")
    student = models.ForeignKey(
        Student, on_delete=models.CASCADE, related_name="fair_registrations"
    )
    pass_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    feed_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    unavailable_slots = models.ManyToManyField(
        "events.Slot", blank=True, related_name="+", verbose_name=_("unavailable slots")
    )
    checked_in_at = models.DateTimeField(null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("fair registration")
        verbose_name_plural = _("fair registrations")
        ordering = ["fair", "student__user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["fair", "student"], name="fair_registration_once"),
            models.CheckConstraint(
                condition=Q(checked_in_at__isnull=True) | Q(checked_in_by__isnull=False),
                name="fair_check_in_has_author",
                violation_error_message=_("A check-in records who made it."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student} — {self.fair}"


class Preference(models.Model):
    """A student's wish to interview at a booth, ranked 1 (most wanted) onwards."""

    registration = models.ForeignKey(
        FairRegistration, on_delete=models.CASCADE, related_name="preferences"
    )
    booth = models.ForeignKey(Booth, on_delete=models.CASCADE, related_name="preferences")
    rank = models.PositiveSmallIntegerField(_("rank"))

    class Meta:
        verbose_name = _("preference")
        verbose_name_plural = _("preferences")
        ordering = ["registration", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "booth"], name="preference_once"),
            models.UniqueConstraint(fields=["registration", "rank"], name="preference_rank_once"),
            models.CheckConstraint(
                condition=Q(rank__gte=1),
                name="preference_rank_positive",
                violation_error_message=_("A rank starts at 1."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration.student} → {self.booth} ({self.rank})"


class Shortlist(models.Model):
    """An employer's wish to interview a student; alternates are offered freed slots."""

    booth = models.ForeignKey(Booth, on_delete=models.CASCADE, related_name="shortlist")
    registration = models.ForeignKey(
        FairRegistration, on_delete=models.CASCADE, related_name="shortlisted_by"
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    alternate = models.BooleanField(_("alternate"), default=False)

    class Meta:
        verbose_name = _("shortlist entry")
        verbose_name_plural = _("shortlist")
        ordering = ["booth", "alternate", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["booth", "registration"], name="shortlist_once"),
            models.CheckConstraint(
                condition=Q(rank__gte=1),
                name="shortlist_rank_positive",
                violation_error_message=_("A rank starts at 1."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.booth} → {self.registration.student}"


class Interview(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Allocated, not yet published")
        SCHEDULED = "scheduled", _("Scheduled")
        OFFERED = "offered", _("Offered (a freed slot)")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    ACTIVE = (Status.PROPOSED, Status.SCHEDULED, Status.OFFERED)

    fair = models.ForeignKey(JobFair, on_delete=models.CASCADE, related_name="interviews")
    booth = models.ForeignKey(Booth, on_delete=models.CASCADE, related_name="interviews")
    registration = models.ForeignKey(
        FairRegistration, on_delete=models.CASCADE, related_name="interviews"
    )
    slot = models.ForeignKey("events.Slot", on_delete=models.CASCADE, related_name="+")
    seat = models.PositiveSmallIntegerField(_("interviewer"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    locked = models.BooleanField(_("locked"), default=False)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["slot__number", "booth__number", "seat"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "slot"],
                condition=Q(status__in=["proposed", "scheduled", "offered"]),
                name="interview_student_one_place",
            ),
            models.UniqueConstraint(
                fields=["booth", "slot", "seat"],
                condition=Q(status__in=["proposed", "scheduled", "offered"]),
                name="interview_seat_once",
            ),
            models.UniqueConstraint(
                fields=["booth", "registration"],
                condition=Q(status__in=["proposed", "scheduled", "offered"]),
                name="interview_pair_once",
            ),
            models.CheckConstraint(
                condition=Q(
                    status__in=["proposed", "scheduled", "offered", "declined", "cancelled"]
                ),
                name="interview_status_valid",
                violation_error_message=_("Unknown status of the interview."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration.student} @ {self.booth} ({self.slot})"


class EmployerNote(models.Model):
    """What one employer noted about a student they met: theirs and the operators' only."""

    booth = models.ForeignKey(Booth, on_delete=models.CASCADE, related_name="notes")
    registration = models.ForeignKey(
        FairRegistration, on_delete=models.CASCADE, related_name="employer_notes"
    )
    text = models.TextField(_("note"), blank=True)
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("employer note")
        verbose_name_plural = _("employer notes")
        constraints = [
            models.UniqueConstraint(fields=["booth", "registration"], name="employer_note_once"),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | (Q(rating__gte=1) & Q(rating__lte=5)),
                name="employer_note_rating_range",
                violation_error_message=_("Rate from 1 to 5."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.booth}: {self.registration.student}"
