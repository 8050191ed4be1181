"""Response and request shapes shared by the routers."""

import datetime as dt

from ninja import Schema

from twinning.api.bounds import Small


class Error(Schema):
    detail: str


class FieldErrors(Schema):
    detail: str
    errors: dict[str, list[str]]


class RegionOut(Schema):
    slug: str
    side: str
    name: str
    time_zone: str


class SectorOut(Schema):
    code: str
    level: int
    title: str
    title_en: str
    title_ru: str
    title_kk: str


class OrganisationOut(Schema):
    slug: str
    name: str
    legal_name: str
    kind: str
    side: str
    region: str
    size: str
    working_languages: list[str]
    sectors: list[str]
    description: str
    website: str


class OpportunityOut(Schema):
    id: int
    reference: str
    type: str
    title: str
    summary: str
    description: str
    status: str
    sectors: list[str]
    languages: list[str]
    organisation: str
    side: str
    region: str
    expires_on: dt.date
    published_at: dt.datetime | None


class OpportunityIn(Schema):
    organisation: str
    type: str
    title: str
    summary: str
    description: str = ""
    sectors: list[str]
    languages: list[str] = []
    target_side: str | None = None
    target_regions: list[str] = []
    expires_on: dt.date | None = None


class RejectIn(Schema):
    reason: str


class OrganisationIn(Schema):
    """The fields of the organisation form (the logo is uploaded on the page)."""

    kind: str
    legal_name: str
    name_en: str = ""
    name_ru: str = ""
    name_kk: str = ""
    region: str
    size: str = ""
    year_founded: Small | None = None
    website: str = ""
    working_languages: list[str] = []
    sectors: list[str]
    description: str = ""
    registry_id: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""


class OpportunityEditIn(Schema):
    """The fields of the opportunity form."""

    type: str
    title: str
    summary: str
    description: str = ""
    sectors: list[str]
    target_side: str = ""
    target_regions: list[str] = []
    languages: list[str] = []
    expires_on: dt.date


class MemberIn(Schema):
    email: str
    role: str = "member"


class MemberOut(Schema):
    user_id: int
    name: str
    email: str
    role: str
