"""Shapes of the students API: what a student, a position, a fair and an interview look like."""

import datetime as dt

from ninja import Schema

from twinning.api.bounds import Id, Small
from twinning.api.schemas import In


class StudentOut(Schema):
    id: int
    name: str
    email: str
    university: str
    university_name: str
    course: str
    level: str
    graduation_year: int
    home_region: str | None
    skills: list[str]
    languages: dict[str, str]
    about: str
    visa_route: str
    visa_ends_on: dt.date | None
    needs_sponsorship: bool | None
    scholarship_obligation: str
    sectors: list[str]
    has_cv: bool


class StudentIn(In):
    university: str
    course: str
    level: str
    graduation_year: Small
    home_region: str | None = None
    skills: str = ""
    language_en: str = ""
    language_ru: str = ""
    language_kk: str = ""
    about: str = ""
    visa_route: str = ""
    visa_ends_on: dt.date | None = None
    needs_sponsorship: str = "unknown"
    scholarship_obligation: str = ""
    sectors: list[str] = []


class StudentConsentOut(Schema):
    purpose: str
    fair: int | None
    given_at: dt.datetime
    withdrawn_at: dt.datetime | None


class ConsentIn(In):
    purpose: str
    give: bool
    fair: Id | None = None


class ReleaseIn(In):
    organisation: Id
    days: Small


class ReleaseOut(Schema):
    id: int
    organisation: str
    until: dt.datetime
    revoked_at: dt.datetime | None


class PositionOut(Schema):
    id: int
    title: str
    description: str
    language: str
    kind: str
    location: str
    sectors: list[str]
    skills: list[str]
    languages: list[str]
    closes_on: dt.date
    state: str
    organisation: str


class PositionIn(In):
    title: str
    description: str
    language: str = "en"
    kind: str
    location: str
    skills: str = ""
    languages: str = ""
    closes_on: dt.date
    sectors: list[str] = []


class StudentReasonIn(In):
    reason: str = ""


class BoothOut(Schema):
    id: int
    number: int
    organisation: str
    interviewers: int


class FairOut(Schema):
    id: int
    title: str
    starts_on: dt.date
    venue: str
    time_zone: str
    max_interviews: int
    max_wishes: int
    published: bool
    booths: list[BoothOut]


class FairIn(In):
    event: str
    max_interviews: Small = 4
    max_wishes: Small = 8


class RegisterIn(In):
    share_profile: bool = False


class FairRegistrationOut(Schema):
    id: int
    fair: int
    student: str
    checked_in_at: dt.datetime | None
    preferences: list[int]


class PreferencesIn(In):
    booths: list[Id]


class InterviewOut(Schema):
    id: int
    fair: int
    booth: int
    employer: str
    student: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    seat: int
    status: str
    locked: bool


class ShortlistIn(In):
    chosen: list[Id] = []
    alternates: list[Id] = []


class CandidateOut(Schema):
    registration: int
    student: int
    name: str
    ranked_booth: bool


class BoothNoteIn(In):
    text: str = ""
    rating: Small | None = None


class NoteOut(Schema):
    registration: int
    text: str
    rating: int | None


class LeadOut(Schema):
    registration: int
    name: str
    email: str
    university: str
    course: str
    level: str
    graduation_year: int
    checked_in: bool
    rating: int | None
    note: str


class BoothIn(In):
    organisation: str
    interviewers: Small = 1


class CheckInIn(In):
    registration: Id | None = None
    pass_token: str = ""


class FairSummaryOut(Schema):
    counts: dict[str, int]


class FilterIn(In):
    university: str = ""
    level: str = ""
    graduation_year: Small | None = None
    home_region: str = ""


class StudentInviteIn(FilterIn):
    event: str


class WelfareIn(FilterIn):
    message: str


class WelfareOut(Schema):
    id: int
    message: str
    created_at: dt.datetime
    recipients: int
    answered: int
    need_help: int


class WelfareAnswerOut(Schema):
    student: str
    email: str
    answer: str
    answered_at: dt.datetime | None


class CountOut(Schema):
    count: int


class PositionMatchOut(Schema):
    position: PositionOut
    score: float
    reasons: list[dict[str, object]]
    verdict: str


class PositionFeedbackIn(In):
    verdict: str = ""


class CalendarLinkOut(Schema):
    feed_url: str
