"""Response and request shapes shared by the routers."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import ModelWrapValidatorHandler, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from twinning.api.bounds import Small


class In(Schema):
    """What a request sends: a body, a part of one, or its query parameters.

    Only a JSON object is one. Ninja's `Schema` reads the attributes of whatever it is given (so
    that responses can be built from models), which let `1`, `"x"` or `[]` pass as an object of
    default values: a malformed body then registered someone for an event."""

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(
        cls, values: Any, handler: ModelWrapValidatorHandler[Any], info: ValidationInfo
    ) -> Any:
        if not isinstance(values, Mapping | cls):
            raise PydanticCustomError("model_type", _("A JSON object is expected here."))
        return handler(values)


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


class OpportunityIn(In):
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


class RejectIn(In):
    reason: str


class OrganisationIn(In):
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


class OpportunityEditIn(In):
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


class MemberIn(In):
    email: str
    role: str = "member"


class MemberOut(Schema):
    user_id: int
    name: str
    email: str
    role: str
