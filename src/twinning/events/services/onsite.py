"""On the day and after: check-in, meetings held or missed, and feedback on each meeting."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from twinning.core.rules import require
from twinning.core.services import audit_log
from twinning.events.models import (
    MEETING_FLOW,
    CheckIn,
    Event,
    Meeting,
    MeetingFeedback,
    Registration,
)
from twinning.events.selectors import PARTY
from twinning.events.selectors_day import came_to
from twinning.events.services.access import lock_meeting

if TYPE_CHECKING:
    from twinning.core.models import User


@transaction.atomic
def check_in(*, registration: Registration, by: User) -> CheckIn:
    require(by, "events.manage_event", registration.event)
    if registration.status != Registration.Status.APPROVED:
        raise ValidationError(_("Only approved participants can be checked in."))
    entry, created = CheckIn.objects.get_or_create(
        registration=registration, defaults={"checked_in_by": by}
    )
    if created:
        audit_log(action="registration.check_in", actor=by, target=registration)
    return entry


@transaction.atomic
def check_in_undo(*, registration: Registration, by: User) -> None:
    require(by, "events.manage_event", registration.event)
    if CheckIn.objects.filter(registration=registration).delete()[0]:
        audit_log(action="registration.check_in_undo", actor=by, target=registration)


@transaction.atomic
def meeting_mark(
    *, meeting: Meeting, by: User, held: bool, absent: Registration | None = None
) -> Meeting:
    """Record that a meeting took place, or that `absent` did not come."""
    require(by, "events.manage_event", meeting.event)
    meeting = lock_meeting(meeting)
    if meeting.status == Meeting.Status.CANCELLED or meeting.slot_id is None:
        raise ValidationError(_("Only a scheduled meeting can be marked."))
    if not held and absent is not None and absent not in meeting.participants:
        raise ValidationError(_("The absent person must be one of the two participants."))
    MEETING_FLOW.move(meeting, "mark_held" if held else "mark_no_show")
    meeting.no_show = None if held else absent
    meeting.save(update_fields=["status", "no_show", "updated_at"])
    audit_log(action=f"meeting.{meeting.status}", actor=by, target=meeting)
    return meeting


def _attendance(meeting: Meeting, came: Collection[int]) -> tuple[str, int | None]:
    """(status, who did not come) from the people ticked as present."""
    absent = [person.pk for person in meeting.participants if person.pk not in came]
    if not absent:
        return Meeting.Status.HELD, None
    # One absentee is named; when neither came, nobody is (both missed it).
    return Meeting.Status.NO_SHOW, absent[0] if len(absent) == 1 else None


def _lock_sheet(event: Event, pks: Collection[int]) -> list[Meeting]:
    """The sheet's meetings under row locks, in primary-key order; the whole sheet is refused
    if one of them is not a placed, live meeting of this event."""
    found = list(
        Meeting.objects.select_for_update(of=("self",))
        .select_related("event", "request__requester__user", "request__recipient__user")
        .filter(pk__in=sorted(set(pks)), event=event, slot__isnull=False)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("pk")
    )
    if len(found) != len(set(pks)):
        raise ValidationError(_("Only scheduled meetings of this event can be marked."))
    return found


@transaction.atomic
def attendance_record(*, event: Event, by: User, sheet: Mapping[int, Collection[int]]) -> int:
    """Record a whole attendance sheet at once: `sheet` maps each meeting's id to the ids of
    the participants who came. All or nothing; returns how many meetings changed."""
    require(by, "events.manage_event", event)
    changed = 0
    for meeting in _lock_sheet(event, sheet.keys()):
        came = set(sheet[meeting.pk])
        if not came <= {person.pk for person in meeting.participants}:
            raise ValidationError(_("The absent person must be one of the two participants."))
        status, no_show = _attendance(meeting, came)
        if (meeting.status, meeting.no_show_id) == (status, no_show):
            continue
        MEETING_FLOW.move(meeting, "mark_held" if status == Meeting.Status.HELD else "mark_no_show")
        meeting.no_show_id = no_show
        meeting.save(update_fields=["status", "no_show", "updated_at"])
        audit_log(action=f"meeting.{status}", actor=by, target=meeting, sheet=True)
        changed += 1
    return changed


@transaction.atomic
def participant_absent(*, registration: Registration, by: User) -> int:
    """Mark one participant absent from every meeting of theirs placed on the day (they did
    not come at all); the other side of each meeting keeps what was recorded for them."""
    event = registration.event
    require(by, "events.manage_event", event)
    meetings = event.meetings.filter(slot__isnull=False, status__in=Meeting.ACTIVE).filter(
        Q(request__requester=registration) | Q(request__recipient=registration)
    )
    sheet = {m.pk: came_to(m) - {registration.pk} for m in meetings.select_related(*PARTY)}
    changed = attendance_record(event=event, by=by, sheet=sheet)
    audit_log(action="registration.absent", actor=by, target=registration, meetings=changed)
    return changed


@transaction.atomic
def feedback_give(
    *, meeting: Meeting, registration: Registration, by: User, outcome: str, comment: str = ""
) -> MeetingFeedback:
    require(by, "events.give_feedback", meeting)
    if registration not in meeting.participants or registration.user_id != by.pk:
        raise ValidationError(_("You can only give feedback on your own meetings."))
    if outcome not in MeetingFeedback.Outcome.values:
        raise ValidationError({"outcome": _("Choose one of the outcomes.")})
    feedback, _created = MeetingFeedback.objects.update_or_create(
        meeting=meeting,
        registration=registration,
        defaults={"outcome": outcome, "comment": comment.strip()},
    )
    audit_log(action="meeting.feedback", actor=by, target=meeting, outcome=outcome)
    return feedback
