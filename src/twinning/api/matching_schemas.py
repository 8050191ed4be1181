"""Shapes of the matching endpoints: recommended partners with their reasons, feedback, jobs."""

import datetime as dt
from typing import Any

from ninja import Schema

from twinning.api.schemas import In


class PartnerOut(Schema):
    id: int
    slug: str
    name: str
    side: str
    region: str


class RecommendationOut(Schema):
    rank: int
    score: float
    partner: PartnerOut
    reasons: list[dict[str, Any]]
    reasons_text: list[str]
    feedback: str
    introduction: str
    opportunity_ids: list[int]
    computed_at: dt.datetime


class FeedbackIn(In):
    candidate: str
    kind: str


class FeedbackOut(Schema):
    organisation: str
    candidate: str
    kind: str


class JobStarted(Schema):
    job_id: int


class JobOut(Schema):
    id: int
    kind: str
    label: str
    state: str
    done: int
    total: int
    percent: int
    message: str
    finished: bool
    result: dict[str, Any]
    created_at: dt.datetime
    updated_at: dt.datetime
