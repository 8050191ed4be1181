"""Events, their participants, the brokerage set-up, meeting requests and the schedule."""

from twinning.events.models.brokerage import BrokerageRules
from twinning.events.models.event import (
    EVENT_FLOW,
    INVITATION_FLOW,
    REGISTRATION_FLOW,
    CheckIn,
    Event,
    Invitation,
    Registration,
)
from twinning.events.models.grid import Interpreter, Slot, SlotGrid, Table, Unavailability
from twinning.events.models.meetings import (
    MEETING_FLOW,
    MEETING_REQUEST_FLOW,
    Meeting,
    MeetingFeedback,
    MeetingRequest,
    Precedence,
    ScheduleRun,
    ScheduleVersion,
)

__all__ = [
    "EVENT_FLOW",
    "INVITATION_FLOW",
    "MEETING_FLOW",
    "MEETING_REQUEST_FLOW",
    "REGISTRATION_FLOW",
    "BrokerageRules",
    "CheckIn",
    "Event",
    "Interpreter",
    "Invitation",
    "Meeting",
    "MeetingFeedback",
    "MeetingRequest",
    "Precedence",
    "Registration",
    "ScheduleRun",
    "ScheduleVersion",
    "Slot",
    "SlotGrid",
    "Table",
    "Unavailability",
]
