"""Shapes of the visits endpoints: visits, itinerary sessions, attendees, RSVPs, proposals."""

import datetime as dt

from ninja import Schema


class VisitOut(Schema):
    slug: str
    title: str
    state: str
    host_side: str
    starts_on: dt.date
    ends_on: dt.date
    delegation_language: str
    delegation_time_zone: str


class VisitIn(Schema):
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


class SessionIn(Schema):
    kind: str
    title_en: str
    venue: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    topic: str = ""
    sectors: list[str] = []
    interpreter_languages: list[str] = []
    capacity: int | None = None


class SessionChangeIn(Schema):
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    venue: int | None = None
    capacity: int | None = None
    talking_points: str | None = None


class WarningOut(Schema):
    kind: str
    text: str
    sessions: list[int]


class PublishIn(Schema):
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


class InviteIn(Schema):
    organisations: list[str]


class AnswerIn(Schema):
    attending: bool


class ItineraryItemOut(SessionOut):
    attending: bool
