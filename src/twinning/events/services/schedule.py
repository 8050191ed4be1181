"""Running the optimiser, locking and moving meetings by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.core.rules import require
from twinning.core.services import audit_log, job_finish, job_start, job_update
from twinning.events import scheduler
from twinning.events.models import (
    Event,
    Interpreter,
    Meeting,
    MeetingRequest,
    Precedence,
    ScheduleRun,
    Slot,
    Table,
)
from twinning.events.selectors import day_has_two_sessions
from twinning.events.services.access import lock_event, lock_meeting, lock_registrations
from twinning.events.services.requests import request_cancel, requests_expire_due
from twinning.scheduling.result import Result, Status
from twinning.scheduling.solver import solve
from twinning.scheduling.validation import InvalidProblem

if TYPE_CHECKING:
    from twinning.core.models import User

STEPS = 3
SOLVER_WORKERS = 2
# A worker that died leaves its run queued or running; this long past the run's time limit it
# no longer holds the event, so the operator is not locked out for ever.
ABANDONED_AFTER = dt.timedelta(minutes=15)


class MoveConflict(Exception):
    """A manual move breaks a soft rule; the operator may confirm it anyway."""

    def __init__(self, warnings: list[str]) -> None:
        super().__init__("; ".join(warnings))
        self.warnings = warnings


def _new_run(event: Event, by: User, time_limit: int, keep_previous: bool) -> ScheduleRun:
    require(by, "events.manage_event", event)
    if not event.slots.exists() or not event.tables.exists():
        raise ValidationError(_("Set up the slot grid and the tables first."))
    # One run at a time per event: two runs on two workers would overwrite each other's schedule.
    event = lock_event(event)
    _check_no_run_under_way(event)
    requests_expire_due()
    job = job_start(kind="events.schedule", label=event.title, by=by, total=STEPS)
    run = ScheduleRun.objects.create(
        event=event, job=job, time_limit=time_limit, keep_previous=keep_previous, started_by=by
    )
    audit_log(action="event.schedule_run", actor=by, target=event, run=run.pk)
    return run


def _check_no_run_under_way(event: Event) -> None:
    now = timezone.now()
    for run in event.schedule_runs.filter(
        status__in=[ScheduleRun.Status.QUEUED, ScheduleRun.Status.RUNNING]
    ):
        if run.created_at + dt.timedelta(seconds=run.time_limit) + ABANDONED_AFTER > now:
            raise ValidationError(
                _(
                    "The optimiser is already working on this event's schedule; wait for that "
                    "run to finish, then start another."
                )
            )


@transaction.atomic
def schedule_run_start(
    *, event: Event, by: User, time_limit: int = 30, keep_previous: bool = True
) -> ScheduleRun:
    """Queue an optimiser run; the background worker carries it out (tasks.schedule_event)."""
    from twinning.events.tasks import schedule_event

    run = _new_run(event, by, time_limit, keep_previous)
    schedule_event.enqueue(run_id=run.pk)
    return run


def schedule_run_now(
    *, event: Event, by: User, time_limit: int = 30, keep_previous: bool = True
) -> ScheduleRun:
    """Run the optimiser in this process, for commands and the demo that cannot wait."""
    with transaction.atomic():
        run = _new_run(event, by, time_limit, keep_previous)
    return schedule_run_execute(run_id=run.pk)


def schedule_run_execute(*, run_id: int) -> ScheduleRun:
    """The body of the background task: read, solve, write back, report progress.

    Whatever goes wrong, the run ends as failed, so the page polling it stops waiting.
    """
    run = ScheduleRun.objects.select_related("event").get(pk=run_id)
    try:
        return _execute(run)
    except Exception as error:
        _fail(run, str(error) or type(error).__name__)
        raise


def _execute(run: ScheduleRun) -> ScheduleRun:
    _progress(run, ScheduleRun.Status.RUNNING, 0, _("Reading requests and the grid"))
    plan = scheduler.plan_for(run.event, keep_previous=run.keep_previous)
    run.meetings_total = len(plan.problem.meetings)
    _progress(run, ScheduleRun.Status.RUNNING, 1, _("Optimising"))
    try:
        result = solve(
            plan.problem,
            time_limit=run.time_limit,
            workers=SOLVER_WORKERS,
            previous=plan.previous,
            stability=run.keep_previous and bool(plan.previous),
        )
    except InvalidProblem as error:
        return _fail(run, "; ".join(scheduler.readable(plan, e) for e in error.errors))
    if run.keep_previous:
        result = scheduler.no_worse_than(plan, result, scheduler.starting_schedule(plan))
        result.moves = scheduler.moves(plan, result)
    if result.status in (Status.INFEASIBLE, Status.UNKNOWN):
        return _fail(run, scheduler.readable(plan, result.reason or result.status.value))
    _progress(run, ScheduleRun.Status.RUNNING, 2, _("Saving the schedule"))
    # The schedule and the run's report are written together, under the event's lock: a reader
    # never sees the one without the other.
    with transaction.atomic():
        lock_event(run.event)
        scheduler.lock_meetings(run.event)
        if scheduler.fingerprint(run.event) != plan.fingerprint:
            return _fail(run, _changed_meanwhile())
        run.meetings_scheduled = scheduler.apply_result(plan, result)
        _record(run, plan, result)
    return run


def _changed_meanwhile() -> str:
    return _(
        "The schedule changed while the optimiser was working (a meeting was moved, locked, "
        "accepted or cancelled, or an order or an absence was set), so its result was not "
        "saved over the change. Run it again: it starts from the schedule as it is now."
    )


def _progress(run: ScheduleRun, status: str, done: int, message: str) -> None:
    run.status = status
    run.save(update_fields=["status"])
    if run.job_id:
        job_update(job_id=run.job_id, done=done, total=STEPS, message=message)


def _fail(run: ScheduleRun, message: str) -> ScheduleRun:
    run.status, run.message, run.finished_at = ScheduleRun.Status.FAILED, message, timezone.now()
    run.save()
    if run.job_id:
        job_finish(job_id=run.job_id, result={"message": message}, failed=True)
    return run


def _record(run: ScheduleRun, plan: scheduler.Plan, result: Result) -> None:
    run.status, run.finished_at = ScheduleRun.Status.DONE, timezone.now()
    run.solver_status = result.status.value
    run.breaks, run.bound, run.gap = result.breaks, result.bound, result.gap
    run.moves, run.seconds = result.moves, result.seconds
    run.breaks_by_participant = result.breaks_by_participant
    run.all_fit, run.smallest_spread = result.all_fit, result.smallest_spread
    run.unscheduled = [
        {"meeting": int(u.meeting), "reason": scheduler.readable(plan, u.reason)}
        for u in result.unscheduled
    ]
    run.save()
    if run.job_id:
        job_finish(job_id=run.job_id, result={"run": run.pk, "breaks": run.breaks})


@transaction.atomic
def meeting_lock(*, meeting: Meeting, by: User, locked: bool = True) -> Meeting:
    require(by, "events.manage_event", meeting.event)
    meeting = lock_meeting(meeting)
    if locked and meeting.slot_id is None:
        raise ValidationError(_("Only a meeting with a slot can be locked."))
    meeting.locked = locked
    meeting.save(update_fields=["locked", "updated_at"])
    audit_log(action="meeting.lock" if locked else "meeting.unlock", actor=by, target=meeting)
    return meeting


def move_warnings(
    meeting: Meeting, slot: Slot, table: Table, interpreter: Interpreter | None = None
) -> list[str]:
    """Everything a move to (slot, table) would break, in words for the operator."""
    others = meeting.event.meetings.filter(slot=slot, status__in=Meeting.ACTIVE).exclude(
        pk=meeting.pk
    )
    warnings = [
        _("%(name)s already has a meeting in this slot.") % {"name": person.display_name}
        for person in meeting.participants
        if others.filter(request__requester=person).exists()
        or others.filter(request__recipient=person).exists()
    ]
    warnings += [
        _("%(name)s has said they are not available in this slot.") % {"name": person.display_name}
        for person in meeting.participants
        if person.unavailabilities.filter(slot=slot).exists()
    ]
    if table.host_id and table.host_id not in {p.pk for p in meeting.participants}:
        warnings.append(_("Table %(table)s is hosted by someone else.") % {"table": table.label})
    if interpreter is not None and others.filter(interpreter=interpreter).exists():
        warnings.append(
            _("%(name)s is interpreting another meeting in this slot.") % {"name": interpreter.name}
        )
    return warnings + _session_warnings(meeting, slot) + _order_warnings(meeting, slot)


def _session_warnings(meeting: Meeting, slot: Slot) -> list[str]:
    wish = meeting.request.session
    if wish == MeetingRequest.Session.ANY or wish == slot.session:
        return []
    # A wish left from a grid with two sessions means nothing now; the optimiser ignores it too.
    if not day_has_two_sessions(event=meeting.event):
        return []
    if wish == MeetingRequest.Session.MORNING:
        return [_("The participants asked to meet in the morning; this slot is in the afternoon.")]
    return [_("The participants asked to meet in the afternoon; this slot is in the morning.")]


def _order_warnings(meeting: Meeting, slot: Slot) -> list[str]:
    """Precedences the move breaks, judged by the other meetings' working places."""
    placed = Meeting.objects.filter(status__in=Meeting.ACTIVE, slot__isnull=False).select_related(
        "slot", "request__requester__user", "request__recipient__user"
    )
    earlier = placed.filter(before=meeting, slot__number__gte=slot.number)
    later = placed.filter(after=meeting, slot__number__lte=slot.number)
    zone = meeting.event.zone

    def told(text: str, others: Iterable[Meeting]) -> list[str]:
        return [
            text
            % {"meeting": other.names, "time": f"{other.slot.starts_at.astimezone(zone):%H:%M}"}
            for other in others
            if other.slot is not None
        ]

    return told(
        _("This meeting should take place after %(meeting)s, which is at %(time)s."), earlier
    ) + told(_("This meeting should take place before %(meeting)s, which is at %(time)s."), later)


@transaction.atomic
def meeting_move(
    *,
    meeting: Meeting,
    by: User,
    slot: Slot,
    table: Table,
    interpreter: Interpreter | None = None,
    force: bool = False,
) -> list[str]:
    """Move a meeting by hand and lock it there. Returns the warnings the operator accepted."""
    require(by, "events.manage_event", meeting.event)
    # Two operators moving meetings of one participant, or onto one table, at the same moment:
    # the participants (first, as every writer does), the meeting and the slot are locked, so the
    # later move waits and then sees the earlier one in its checks.
    lock_registrations(meeting.request.requester, meeting.request.recipient)
    meeting = lock_meeting(meeting)
    if slot.event_id != meeting.event_id or table.event_id != meeting.event_id:
        raise ValidationError(_("The slot and table must belong to this event."))
    Slot.objects.select_for_update().get(pk=slot.pk)
    if (
        meeting.event.meetings.filter(slot=slot, table=table, status__in=Meeting.ACTIVE)
        .exclude(pk=meeting.pk)
        .exists()
    ):
        raise ValidationError(_("Table %(table)s is taken in this slot.") % {"table": table.label})
    warnings = move_warnings(meeting, slot, table, interpreter)
    if warnings and not force:
        raise MoveConflict(warnings)
    meeting.slot, meeting.table, meeting.interpreter, meeting.locked = (
        slot,
        table,
        interpreter,
        True,
    )
    meeting.save(update_fields=["slot", "table", "interpreter", "locked", "updated_at"])
    audit_log(
        action="meeting.move", actor=by, target=meeting, slot=slot.number, table=table.number,
        warnings=warnings,
    )  # fmt: skip
    return warnings


@transaction.atomic
def meeting_set_after(*, meeting: Meeting, after: Iterable[Meeting], by: User) -> Meeting:
    """Say which meetings must take place before this one ("meet A before B"); operators only.

    The event is locked so that two operators cannot close a circle between them.
    """
    require(by, "events.manage_event", meeting.event)
    lock_event(meeting.event)
    wanted = {other.pk: other for other in after}
    meeting.precedences.exclude(earlier__in=list(wanted)).delete()
    present = set(meeting.precedences.values_list("earlier_id", flat=True))
    for pk in sorted(wanted.keys() - present):
        precedence = Precedence(earlier=wanted[pk], later=meeting)
        precedence.full_clean()
        precedence.save()
    audit_log(action="meeting.after", actor=by, target=meeting, after=sorted(wanted))
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, by: User) -> Meeting:
    request_cancel(request=meeting.request, by=by)
    meeting.refresh_from_db()
    return meeting
