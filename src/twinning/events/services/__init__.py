"""Writes for events: one function per transition, each in one transaction.

Every function checks its permission, changes state, writes the audit log and notifies.
"""

from twinning.events.services.brokerage import RULE_FIELDS, brokerage_rules_set
from twinning.events.services.onsite import (
    attendance_record,
    check_in,
    check_in_undo,
    feedback_give,
    meeting_mark,
    participant_absent,
)
from twinning.events.services.publication import (
    PublishConflict,
    pending_changes,
    pending_count,
    schedule_publish,
)
from twinning.events.services.registration import (
    event_cancel,
    event_create,
    event_publish,
    event_update,
    invitation_respond,
    invitation_send,
    registration_approve,
    registration_cancel,
    registration_create,
    registration_feed_reset,
    registration_reject,
)
from twinning.events.services.requests import (
    request_accept,
    request_cancel,
    request_create,
    request_decline,
    requests_expire_due,
)
from twinning.events.services.schedule import (
    MoveConflict,
    meeting_cancel,
    meeting_lock,
    meeting_move,
    meeting_set_after,
    move_warnings,
    schedule_run_execute,
    schedule_run_now,
    schedule_run_start,
)
from twinning.events.services.setup import (
    grid_generate,
    interpreter_add,
    interpreter_remove,
    slot_times,
    table_update,
    tables_set_count,
    unavailability_set,
)

__all__ = [
    "RULE_FIELDS",
    "MoveConflict",
    "PublishConflict",
    "attendance_record",
    "brokerage_rules_set",
    "check_in",
    "check_in_undo",
    "event_cancel",
    "event_create",
    "event_publish",
    "event_update",
    "feedback_give",
    "grid_generate",
    "interpreter_add",
    "interpreter_remove",
    "invitation_respond",
    "invitation_send",
    "meeting_cancel",
    "meeting_lock",
    "meeting_mark",
    "meeting_move",
    "meeting_set_after",
    "move_warnings",
    "participant_absent",
    "pending_changes",
    "pending_count",
    "registration_approve",
    "registration_cancel",
    "registration_create",
    "registration_feed_reset",
    "registration_reject",
    "request_accept",
    "request_cancel",
    "request_create",
    "request_decline",
    "requests_expire_due",
    "schedule_publish",
    "schedule_run_execute",
    "schedule_run_now",
    "schedule_run_start",
    "slot_times",
    "table_update",
    "tables_set_count",
    "unavailability_set",
]
