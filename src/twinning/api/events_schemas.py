"""Shapes of the events endpoints: events, registrations, participants, requests, agendas."""

import datetime as dt

from ninja import Field, Schema

from twinning.api.bounds import Id, Small
from twinning.api.schemas import In


class EventOut(Schema):
    slug: str
    kind: str
    status: str
    title: str
    description: str
    venue: str
    address: str
    time_zone: str
    starts_on: dt.date
    ends_on: dt.date
    is_public: bool
    capacity: int | None
    registration_opens_at: dt.datetime | None
    registration_closes_at: dt.datetime | None
    requires_approval: bool


class DayHoursOut(Schema):
    zone: str
    starts_at: dt.datetime
    ends_at: dt.datetime


class EventDetailOut(EventOut):
    hours: list[DayHoursOut]


class RegistrationOut(Schema):
    id: int
    event: str
    status: str
    organisation: str | None
    languages: list[str]
    looking_for: str
    participation: str


class RegistrationIn(In):
    organisation: str | None = None
    # Left out: the organisation's working languages; an empty list is refused.
    languages: list[str] | None = None
    looking_for: str = ""
    # buyer, supplier, investor or project; the brokerage rules may pair only complementary ones.
    participation: str = ""


class ParticipantOut(Schema):
    id: int
    name: str
    organisation: str | None
    organisation_name: str
    side: str | None
    languages: list[str]
    looking_for: str
    score: float | None
    reason: str
    open_request: int | None


class MeetingRequestIn(In):
    recipient: Id
    message: str = ""
    priority: Small = Field(1, description="1 normal, 2 high, 3 must meet.")
    # Plain strings the service checks, so a wrong value is refused in the caller's language.
    session: str = Field(
        "any",
        description="When to meet: any, morning or afternoon (only on a day with both).",
        json_schema_extra={"enum": ["any", "morning", "afternoon"]},
    )


class MeetingRequestOut(Schema):
    id: int
    event: str
    status: str
    requester: int
    requester_name: str
    recipient: int
    recipient_name: str
    message: str
    priority: int
    session: str
    expires_at: dt.datetime
    direction: str
    # The earlier event of the programme where the two already met, if they did.
    met_before: str | None = None


class AgendaItemOut(Schema):
    id: int
    status: str
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    time_zone: str
    table: str | None
    partner: str
    partner_organisation: str
    interpreter: str | None
    session: str


class EarlierMeetingOut(Schema):
    id: int
    requester_name: str
    recipient_name: str


class MeetingAfterOut(Schema):
    after: list[EarlierMeetingOut]


class MeetingAfterIn(In):
    after: list[Id] = Field(description="The meetings that must take place before this one.")


class ScheduleRunIn(In):
    time_limit: int = Field(30, ge=1, le=600)
    keep_previous: bool = True


class ScheduleRunOut(Schema):
    run_id: int
    job_id: int | None


class PublishIn(In):
    note: str = ""


class ScheduleVersionOut(Schema):
    number: int
    changed_meetings: int
    notified: int
