"""Meeting requests, the meetings they become, optimiser runs and published versions."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Greatest, Least
from django.utils.translation import gettext_lazy as _

from twinning.core.transitions import Workflow, step
from twinning.events.models.event import Event, Registration
from twinning.events.models.grid import Interpreter, Slot, Table


class MeetingRequest(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        EXPIRED = "expired", _("Expired")
        CANCELLED = "cancelled", _("Cancelled")

    class Session(models.TextChoices):
        """When in the day the requester wishes to meet, on a day with two sessions."""

        ANY = "any", _("Any time")
        MORNING = "morning", _("Morning")
        AFTERNOON = "afternoon", _("Afternoon")

    OPEN = (Status.REQUESTED, Status.ACCEPTED)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_requests")
    requester = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="requests_sent"
    )
    recipient = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="requests_received"
    )
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.REQUESTED,
        db_index=True,
    )
    priority = models.PositiveSmallIntegerField(_("priority"), default=1)
    session = models.CharField(
        _("session"), max_length=10, choices=Session.choices, default=Session.ANY
    )
    expires_at = models.DateTimeField(_("expires at"))
    responded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["event", "status"], name="request_event_status")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(requester=F("recipient")),
                name="request_two_participants",
                violation_error_message=_("Nobody can ask to meet themselves."),
            ),
            models.CheckConstraint(
                condition=Q(
                    status__in=["requested", "accepted", "declined", "expired", "cancelled"]
                ),
                name="request_status_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
            models.CheckConstraint(
                condition=Q(priority__gte=1, priority__lte=3),
                name="request_priority_range",
                violation_error_message=_("The priority is 1, 2 or 3."),
            ),
            models.CheckConstraint(
                condition=Q(session__in=["any", "morning", "afternoon"]),
                name="request_session_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
            # One open request per pair, whichever of the two asked.
            models.UniqueConstraint(
                "event",
                Least("requester", "recipient"),
                Greatest("requester", "recipient"),
                condition=Q(status__in=["requested", "accepted"]),
                name="request_one_open_per_pair",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester.display_name} → {self.recipient.display_name}"

    def other(self, registration: Registration) -> Registration:
        return self.recipient if registration.pk == self.requester_id else self.requester


class ScheduleRun(models.Model):
    """One run of the optimiser, started by an operator and carried out in the background."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="schedule_runs")
    job = models.ForeignKey(
        "core.JobProgress", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    time_limit = models.PositiveIntegerField(_("time limit (seconds)"), default=30)
    keep_previous = models.BooleanField(_("keep earlier places where possible"), default=True)
    solver_status = models.CharField(max_length=20, blank=True)
    meetings_total = models.PositiveIntegerField(default=0)
    meetings_scheduled = models.PositiveIntegerField(default=0)
    breaks = models.PositiveIntegerField(null=True, blank=True)
    bound = models.PositiveIntegerField(null=True, blank=True)
    gap = models.FloatField(null=True, blank=True)
    moves = models.PositiveIntegerField(null=True, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    breaks_by_participant = models.JSONField(default=dict, blank=True)
    unscheduled = models.JSONField(default=list, blank=True)
    # True: every meeting placed; False: proven that not every meeting fits; null: not known.
    all_fit = models.BooleanField(null=True, blank=True)
    # When fairness alone keeps meetings out: the smallest spread that holds them all.
    smallest_spread = models.PositiveSmallIntegerField(null=True, blank=True)
    message = models.TextField(blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("schedule run")
        verbose_name_plural = _("schedule runs")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(bound__isnull=True)
                | Q(breaks__isnull=True)
                | Q(bound__lte=F("breaks")),
                name="run_bound_below_breaks",
                violation_error_message=_(
                    "A run's proven bound cannot exceed the breaks it found."
                ),
            ),
            models.CheckConstraint(
                condition=Q(meetings_scheduled__lte=F("meetings_total")),
                name="run_scheduled_lte_total",
                violation_error_message=_("A run cannot schedule more meetings than there are."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} run {self.pk} ({self.status})"

    @property
    def fairness_spread(self) -> int | None:
        values = list(self.breaks_by_participant.values())
        return max(values) - min(values) if values else None


class Meeting(models.Model):
    """An accepted request and its place in the schedule.

    The working place (slot, table, interpreter, status) is what the operator edits; the
    published_* copy is what participants see. It changes only when a version is published, and
    `sequence` rises each time it does, so calendar apps replace the entry instead of adding one.
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")
        HELD = "held", _("Held")
        NO_SHOW = "no_show", _("No-show")

    ACTIVE = (Status.SCHEDULED, Status.HELD, Status.NO_SHOW)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meetings")
    request = models.OneToOneField(MeetingRequest, on_delete=models.CASCADE, related_name="meeting")
    slot = models.ForeignKey(
        Slot, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings"
    )
    table = models.ForeignKey(
        Table, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings"
    )
    interpreter = models.ForeignKey(
        Interpreter, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings"
    )
    locked = models.BooleanField(_("locked"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    no_show = models.ForeignKey(
        Registration,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who did not come"),
    )
    published_slot = models.ForeignKey(
        Slot, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_table = models.ForeignKey(
        Table, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_interpreter = models.ForeignKey(
        Interpreter, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_status = models.CharField(max_length=10, choices=Status.choices, blank=True)
    # "Meet A before B": set by operators only; the optimiser and manual moves respect it.
    after = models.ManyToManyField(
        "self",
        through="Precedence",
        through_fields=("later", "earlier"),
        symmetrical=False,
        related_name="before",
        blank=True,
        verbose_name=_("takes place after"),
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["slot__number", "table__number"]
        # The dashboard's counts by state per event read this index alone, not the table.
        indexes = [models.Index(fields=["event", "status"], name="meeting_event_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["scheduled", "cancelled", "held", "no_show"]),
                name="meeting_status_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
            # Two live meetings never share a table in the same slot.
            models.UniqueConstraint(
                fields=["slot", "table"],
                condition=Q(status__in=["scheduled", "held", "no_show"]),
                name="meeting_table_free",
            ),
            models.CheckConstraint(
                condition=~Q(locked=True) | Q(slot__isnull=False),
                name="meeting_locked_has_slot",
                violation_error_message=_("A locked meeting needs a slot."),
            ),
            models.CheckConstraint(
                condition=Q(table__isnull=True) | Q(slot__isnull=False),
                name="meeting_table_needs_slot",
                violation_error_message=_("A meeting with a table needs a slot."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.request)

    @property
    def participants(self) -> tuple[Registration, Registration]:
        return (self.request.requester, self.request.recipient)

    @property
    def is_published(self) -> bool:
        return bool(self.published_status)

    @property
    def names(self) -> str:
        """The two participants, as operators know the meeting."""
        return " × ".join(p.display_name for p in self.participants)


class Precedence(models.Model):
    """One meeting must take place before another of the same event ("meet A before B").

    The database keeps a precedence between two different meetings, once; that both belong to
    the same event and that no chain of precedences goes round in a circle need other rows, so
    `clean` checks them (and the service calls it under a lock on the event).
    """

    earlier = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="+", verbose_name=_("earlier meeting")
    )
    # meeting.precedences: the rows naming the meetings that come before it.
    later = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        related_name="precedences",
        verbose_name=_("later meeting"),
    )

    class Meta:
        verbose_name = _("precedence")
        verbose_name_plural = _("precedences")
        constraints = [
            models.UniqueConstraint(
                fields=["earlier", "later"],
                name="precedence_once",
                violation_error_message=_("This order between the two meetings is already set."),
            ),
            models.CheckConstraint(
                condition=~Q(earlier=F("later")),
                name="precedence_two_meetings",
                violation_error_message=_("A meeting cannot take place before itself."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.earlier.names} ≺ {self.later.names}"

    def clean(self) -> None:
        # A precedence of a meeting on itself is refused by its constraint.
        if self.earlier_id is None or self.later_id is None or self.earlier_id == self.later_id:
            return
        if self.earlier.event_id != self.later.event_id:
            raise ValidationError(_("Both meetings must belong to the same event."))
        if self._closes_a_circle():
            raise ValidationError(
                _(
                    "%(later)s already takes place before %(earlier)s, directly or through "
                    "other meetings."
                )
                % {"later": self.later.names, "earlier": self.earlier.names}
            )

    def _closes_a_circle(self) -> bool:
        """Whether `later` already comes before `earlier`, following the event's precedences."""
        edges = (
            Precedence.objects.filter(later__event_id=self.later.event_id)
            .exclude(pk=self.pk)
            .values_list("earlier_id", "later_id")
        )
        following: dict[int, list[int]] = {}
        for earlier, later in edges:
            following.setdefault(earlier, []).append(later)
        seen: set[int] = set()
        stack = [self.later_id]
        while stack:
            node = stack.pop()
            if node == self.earlier_id:
                return True
            if node not in seen:
                seen.add(node)
                stack.extend(following.get(node, ()))
        return False


class ScheduleVersion(models.Model):
    """A numbered publication of the schedule, with what it changed."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    run = models.ForeignKey(
        ScheduleRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    changed_meetings = models.PositiveIntegerField(default=0)
    notified = models.PositiveIntegerField(default=0)
    snapshot = models.JSONField(default=dict, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("schedule version")
        verbose_name_plural = _("schedule versions")
        ordering = ["event", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["event", "number"], name="version_number_unique"),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="version_number_positive",
                violation_error_message=_("Versions are numbered from 1."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} v{self.number}"


class MeetingFeedback(models.Model):
    class Outcome(models.TextChoices):
        NO_INTEREST = "no_interest", _("No interest")
        FOLLOW_UP = "follow_up", _("Follow-up planned")
        NEGOTIATION = "negotiation", _("Negotiation started")
        AGREEMENT = "agreement", _("Agreement expected")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="feedback")
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="meeting_feedback"
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting feedback")
        verbose_name_plural = _("meeting feedback")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "registration"], name="feedback_once"),
            models.CheckConstraint(
                condition=Q(outcome__in=["no_interest", "follow_up", "negotiation", "agreement"]),
                name="feedback_outcome_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration.display_name}: {self.outcome}"


# Which state each step may start from (core.transitions): services move, rules ask.
_Q, _M = MeetingRequest.Status, Meeting.Status
MEETING_REQUEST_FLOW = Workflow(
    model=MeetingRequest,
    field="status",
    transitions=[
        step("accept", [_Q.REQUESTED], _Q.ACCEPTED),
        step("decline", [_Q.REQUESTED], _Q.DECLINED),
        step("expire", [_Q.REQUESTED], _Q.EXPIRED),
        step("cancel", [_Q.REQUESTED, _Q.ACCEPTED], _Q.CANCELLED),
    ],
)
# Attendance may be corrected (held, then no-show); a cancelled meeting is not marked.
MEETING_FLOW = Workflow(
    model=Meeting,
    field="status",
    transitions=[
        step("mark_held", [_M.SCHEDULED, _M.HELD, _M.NO_SHOW], _M.HELD),
        step("mark_no_show", [_M.SCHEDULED, _M.HELD, _M.NO_SHOW], _M.NO_SHOW),
    ],
)
