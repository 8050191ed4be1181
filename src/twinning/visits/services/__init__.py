"""Writes for visits: one function per transition, each in one transaction.

Every function checks its permission, changes state, writes the audit log and notifies.
"""

from twinning.visits.services.after import (
    attendance_record,
    follow_up_answer,
    follow_ups_send,
    outcome_record,
)
from twinning.visits.services.invitations import (
    attendee_answer,
    attendee_withdraw,
    attendees_invite,
    guest_invite,
    person_invite,
    proposals_compute,
)
from twinning.visits.services.itinerary import session_cancel, session_create, session_update
from twinning.visits.services.visits import (
    interpreter_add,
    person_add,
    person_remove,
    travel_time_set,
    venue_create,
    visit_cancel,
    visit_create,
    visit_mark_held,
    visit_publish,
    visit_update,
)

__all__ = [
    "attendance_record",
    "attendee_answer",
    "attendee_withdraw",
    "attendees_invite",
    "follow_up_answer",
    "follow_ups_send",
    "guest_invite",
    "interpreter_add",
    "outcome_record",
    "person_add",
    "person_invite",
    "person_remove",
    "proposals_compute",
    "session_cancel",
    "session_create",
    "session_update",
    "travel_time_set",
    "venue_create",
    "visit_cancel",
    "visit_create",
    "visit_mark_held",
    "visit_publish",
    "visit_update",
]
