"""Publishing numbered versions of the schedule, telling each participant only their changes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from twinning.core.rules import require
from twinning.core.services import audit_log, notify
from twinning.events.models import Event, Meeting, Registration, ScheduleRun, ScheduleVersion
from twinning.events.selectors import schedule_conflicts
from twinning.events.services.access import lock_event

if TYPE_CHECKING:
    from twinning.core.models import User

PLACE = ("slot_id", "table_id", "interpreter_id", "status")
PUBLISHED = (
    "published_slot_id",
    "published_table_id",
    "published_interpreter_id",
    "published_status",
)


def _working(meeting: Meeting) -> tuple[object, ...]:
    """What participants would see: a meeting that lost its slot shows as cancelled."""
    if meeting.slot_id is None:
        return (meeting.published_slot_id, meeting.published_table_id, None, "cancelled")
    return tuple(getattr(meeting, name) for name in PLACE)


def _published(meeting: Meeting) -> tuple[object, ...]:
    return tuple(getattr(meeting, name) for name in PUBLISHED)


def pending_changes(event: Event) -> list[Meeting]:
    """Meetings whose published place differs from the working one."""
    meetings = event.meetings.select_related("request__requester__user", "request__recipient__user")
    return _pending(meetings)


def pending_count(event: Event) -> int:
    """How many meetings `pending_changes` would list, reading only their places."""
    return len(_pending(event.meetings.only("pk", "event", *PLACE, *PUBLISHED)))


def _pending(meetings: Iterable[Meeting]) -> list[Meeting]:
    return [
        m
        for m in meetings
        if (m.slot_id is not None or m.published_status) and _working(m) != _published(m)
    ]


def _publish_meeting(meeting: Meeting) -> None:
    # bulk_update skips auto_now: the calendar's DTSTAMP and LAST-MODIFIED read this.
    meeting.updated_at = timezone.now()
    if meeting.published_status:
        meeting.sequence += 1
    for name, value in zip(PUBLISHED, _working(meeting), strict=True):
        setattr(meeting, name, value)


def _snapshot(event: Event) -> dict[str, list[object]]:
    rows = event.meetings.exclude(published_status="").values_list("pk", *PUBLISHED, "sequence")
    return {str(pk): list(rest) for pk, *rest in rows}


class PublishConflict(ValidationError):
    """The working schedule breaks a hard rule; publishing needs the operator's confirmation."""

    def __init__(self, conflicts: list[str]) -> None:
        super().__init__(conflicts)
        self.conflicts = conflicts


@transaction.atomic
def schedule_publish(
    *, event: Event, by: User, note: str = "", confirm_conflicts: bool = False
) -> ScheduleVersion:
    """Publish the working schedule as a new version. A schedule with double bookings (left
    by "Move anyway") is refused unless the operator confirms, having been shown each one."""
    require(by, "events.manage_event", event)
    event = lock_event(event)
    conflicts = [conflict.message for conflict in schedule_conflicts(event=event)]
    if conflicts and not confirm_conflicts:
        raise PublishConflict(conflicts)
    changed = pending_changes(event)
    for meeting in changed:
        _publish_meeting(meeting)
    Meeting.objects.bulk_update(changed, [*PUBLISHED, "sequence", "updated_at"], batch_size=500)
    last = event.versions.aggregate(n=Max("number"))["n"] or 0
    version = ScheduleVersion.objects.create(
        event=event,
        number=last + 1,
        run=event.schedule_runs.filter(status=ScheduleRun.Status.DONE).first(),
        note=note,
        changed_meetings=len(changed),
        snapshot=_snapshot(event),
        published_by=by,
    )
    version.notified = _notify_changes(version, changed)
    version.save(update_fields=["notified"])
    audit_log(
        action="schedule.publish", actor=by, target=event, version=version.number,
        conflicts=conflicts,
    )  # fmt: skip
    return version


def _notify_changes(version: ScheduleVersion, changed: list[Meeting]) -> int:
    """One e-mail per participant, listing only the meetings of theirs that changed."""
    per_person: dict[Registration, list[Meeting]] = defaultdict(list)
    for meeting in changed:
        for registration in meeting.participants:
            per_person[registration].append(meeting)
    for registration, meetings in per_person.items():
        notify(
            recipient=registration.user,
            template="events/email/schedule_changed",
            context={
                "event": version.event,
                "version": version,
                "registration": registration,
                "meetings": meetings,
            },
        )
    return len(per_person)
