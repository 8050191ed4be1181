"""On the day and after: check-in, meetings held or missed, and feedback on each meeting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from twinning.core.rules import require
from twinning.core.services import audit_log
from twinning.events.models import CheckIn, Meeting, MeetingFeedback, Registration
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
    meeting.status = Meeting.Status.HELD if held else Meeting.Status.NO_SHOW
    meeting.no_show = None if held else absent
    meeting.save(update_fields=["status", "no_show", "updated_at"])
    audit_log(action=f"meeting.{meeting.status}", actor=by, target=meeting)
    return meeting


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
