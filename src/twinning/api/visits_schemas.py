"""Shapes of the visits endpoints: visits, itinerary sessions, attendees, RSVPs, proposals."""

import datetime as dt

from ninja import Schema

from twinning.api.bounds import Id, Small
from twinning.api.schemas import In


class VisitOut(Schema):
    slug: str
    title: str
    state: str
    host_side: str
    starts_on: dt.date
    ends_on: dt.date
    delegation_language: str
    delegation_time_zone: str


class VisitIn(In):
    title_en: str
    host_side: str
    starts_on: dt.date
    ends_on: dt.date
    delegation_time_zone: str
    delegation_language: str = "en"
    title_ru: str = ""
    title_kk: str = ""
    description: str = ""


class SessionOut(Schema):
    id: int
    kind: str
    status: str
    title: str
    topic: str
    venue: str
    address: str
    venue_time_zone: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    sectors: list[str]
    hosts: list[str]
    interpreter_languages: list[str]
    capacity: int | None
    sequence: int


class VisitDetailOut(VisitOut):
    sessions: list[SessionOut]


class SessionIn(In):
    """The session page's form: times as read on the venue's clock."""

    kind: str
    title_en: str
    venue: Id
    day: dt.date
    starts: dt.time
    ends: dt.time
    title_ru: str = ""
    title_kk: str = ""
    topic: str = ""
    sector_codes: str = ""
    languages: list[str] = []
    hosts: list[Id] = []
    delegates: list[Id] | None = None
    interpreter: Id | None = None
    capacity: Small | None = None
    talking_points: str = ""


class SessionChangeIn(In):
    """Any of the session form's fields; the others keep their values."""

    kind: str | None = None
    title_en: str | None = None
    title_ru: str | None = None
    title_kk: str | None = None
    venue: Id | None = None
    day: dt.date | None = None
    starts: dt.time | None = None
    ends: dt.time | None = None
    topic: str | None = None
    sector_codes: str | None = None
    languages: list[str] | None = None
    hosts: list[Id] | None = None
    delegates: list[Id] | None = None
    interpreter: Id | None = None
    capacity: Small | None = None
    talking_points: str | None = None


class VisitChangeIn(In):
    title_en: str | None = None
    title_ru: str | None = None
    title_kk: str | None = None
    description: str | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    delegation_language: str | None = None
    delegation_time_zone: str | None = None
    default_travel_minutes: Small | None = None


class PersonIn(In):
    team: str
    name: str
    email: str
    role: str = ""
    organisation: Id | None = None
    languages: list[str] = ["en"]
    language: str = "en"


class PersonOut(Schema):
    id: int
    team: str
    name: str
    role: str
    organisation: str | None
    languages: list[str]


class VisitInterpreterIn(In):
    name: str
    languages: list[str]
    email: str = ""


class VisitInterpreterOut(Schema):
    id: int
    name: str
    languages: list[str]


class VenueIn(In):
    name: str
    address: str
    time_zone: str
    contact: str = ""


class VenueOut(Schema):
    id: int
    name: str
    address: str
    time_zone: str
    contact: str


class TravelTimeIn(In):
    venue: Id
    other: Id
    minutes: Small


class GuestIn(In):
    name: str
    email: str
    role: str = ""
    language: str = "en"


class AttendanceIn(In):
    present: list[Id]


class VisitOutcomeIn(In):
    description: str
    organisation: Id | None = None


class VisitOutcomeOut(Schema):
    id: int
    session: int
    organisation: str | None
    description: str


class FollowUpOut(Schema):
    id: int
    session: int
    session_title: str
    answer: str
    answered_at: dt.datetime | None


class FollowUpIn(In):
    answer: str


class CountOut(Schema):
    count: int


class ReportOut(Schema):
    totals: dict[str, int]
    sessions: list[dict[str, object]]
    by_sector: list[dict[str, object]]
    by_region: list[dict[str, object]]
    outcomes: list[VisitOutcomeOut]


class WarningOut(Schema):
    kind: str
    text: str
    sessions: list[int]


class VisitPublishIn(In):
    despite_warnings: bool = False


class AttendeeOut(Schema):
    id: int
    session: int
    name: str
    organisation: str | None
    state: str
    attended: bool | None


class ProposalOut(Schema):
    organisation: str
    name: str
    score: float
    reasons: list[str]


class VisitInviteIn(In):
    organisations: list[str]


class AnswerIn(In):
    attending: bool


class ItineraryItemOut(SessionOut):
    attending: bool
