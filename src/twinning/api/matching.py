"""Matching: my organisation's recommended partners with reasons, feedback, background refresh."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.api.bounds import Id
from twinning.api.forms import require
from twinning.api.matching_schemas import (
    FeedbackIn,
    FeedbackOut,
    JobStarted,
    PartnerOut,
    RecommendationOut,
)
from twinning.api.parity import pages
from twinning.api.schemas import Error, FieldErrors, In
from twinning.matching import selectors, services
from twinning.matching.selectors import ListFilters, RecommendedPartner
from twinning.organisations.selectors import opportunity_get_by_id, organisation_get
from twinning.programmes.selectors import programme_default, programme_get

router = Router(tags=["matching"])


class ListQuery(In):
    sector: str = ""
    region: str = ""
    type: str = ""
    min_score: float | None = None
    opportunity: Id | None = None


def _organisation(request: HttpRequest, slug: str, permission: str) -> Any:
    """The organisation, if the caller may act on it; others' look the same as missing ones."""
    organisation = organisation_get(slug=slug)
    if organisation is None or not request.user.has_perm(
        "matching.view_recommendations", organisation
    ):
        raise HttpError(404, _("Not found."))
    if not request.user.has_perm(permission, organisation):
        raise HttpError(403, "Forbidden.")
    return organisation


def _own_opportunity(organisation: Any, pk: int | None) -> Any:
    if pk is None:
        return None
    opportunity = opportunity_get_by_id(pk=pk)
    if opportunity is None or opportunity.organisation_id != organisation.pk:
        raise HttpError(404, _("Not found."))
    return opportunity


def recommendation_out(item: RecommendedPartner) -> RecommendationOut:
    row, candidate = item.recommendation, item.candidate
    return RecommendationOut(
        rank=row.rank,
        score=row.score,
        partner=PartnerOut(
            id=candidate.pk,
            slug=candidate.slug,
            name=candidate.display_name,
            side=candidate.side.code,
            region=candidate.region.slug,
        ),
        reasons=row.reasons,
        reasons_text=item.reasons,
        feedback=item.feedback,
        introduction=item.introduction,
        opportunity_ids=item.opportunity_ids,
        computed_at=row.computed_at,
    )


@router.get(
    "/organisations/{slug}/recommendations",
    response={200: list[RecommendationOut], 404: Error},
    openapi_extra=pages("matching:organisation", "matching:opportunity"),
)
@paginate(LimitOffsetPagination)
def recommendations(
    request: HttpRequest, slug: str, filters: Query[ListQuery]
) -> list[RecommendationOut]:
    """Recommended partners, best first, filtered like the page; `reasons_text` is worded in the
    request's language (Accept-Language), `reasons` holds the same reasons as data."""
    organisation = _organisation(request, slug, "matching.view_recommendations")
    items = selectors.recommendations_for(
        organisation=organisation,
        opportunity=_own_opportunity(organisation, filters.opportunity),
        filters=ListFilters(
            sector=filters.sector.strip(),
            region=filters.region,
            type=filters.type,
            min_score=filters.min_score,
        ),
    )
    return [recommendation_out(item) for item in items]


FEEDBACK_RESPONSES = {200: FeedbackOut, 400: FieldErrors, 403: Error, 404: Error}


@router.post(
    "/organisations/{slug}/feedback",
    response=FEEDBACK_RESPONSES,
    openapi_extra=pages("matching:feedback"),
)
def feedback_give(request: HttpRequest, slug: str, payload: FeedbackIn) -> FeedbackOut:
    """Must meet, interesting or not interested; the lists are refreshed in the background."""
    organisation = _organisation(request, slug, "matching.give_feedback")
    candidate = organisation_get(slug=payload.candidate)
    if candidate is None:
        raise HttpError(404, _("Not found."))
    feedback = services.feedback_set(
        organisation=organisation, candidate=candidate, kind=payload.kind, by=request.user
    )
    services.recompute_enqueue(programme=organisation.programme, by=request.user, full=False)
    return FeedbackOut(organisation=organisation.slug, candidate=candidate.slug, kind=feedback.kind)


@router.delete(
    "/organisations/{slug}/feedback/{candidate}",
    response={204: None, 403: Error, 404: Error},
    openapi_extra=pages("matching:feedback"),
)
def feedback_clear(request: HttpRequest, slug: str, candidate: str) -> Status:
    organisation = _organisation(request, slug, "matching.give_feedback")
    other = organisation_get(slug=candidate)
    if other is None:
        raise HttpError(404, _("Not found."))
    services.feedback_clear(organisation=organisation, candidate=other, by=request.user)
    services.recompute_enqueue(programme=organisation.programme, by=request.user, full=False)
    return Status(204, None)


@router.post(
    "/organisations/{slug}/recommendations/refresh",
    response={202: JobStarted, 403: Error, 404: Error},
    openapi_extra=pages("matching:refresh"),
)
def refresh(request: HttpRequest, slug: str) -> Status:
    """Bring the lists up to date in the background; follow the job at /api/jobs/{job_id}."""
    organisation = _organisation(request, slug, "matching.refresh")
    job = services.recompute_enqueue(programme=organisation.programme, by=request.user, full=False)
    return Status(202, JobStarted(job_id=job.pk))


# ---------------------------------------------------------------- operators


class PairOut(Schema):
    division: str
    first: str
    second: str
    score: float
    reasons_text: list[str]


def _programme(slug: str) -> Any:
    programme = programme_get(slug=slug) if slug else programme_default()
    if programme is None:
        raise HttpError(404, _("Not found."))
    return programme


@router.get(
    "/matching/pairs",
    response={200: list[PairOut], 403: Error, 404: Error},
    openapi_extra=pages("matching:pairs"),
)
@paginate(LimitOffsetPagination)
def pairs(
    request: HttpRequest, programme: str = "", division: str = "", per_sector: int = 5
) -> list[PairOut]:
    """The best cross-side pairs of the programme per NACE division, best first (operators)."""
    require(request, "matching.operate")
    found = selectors.best_pairs(
        programme=_programme(programme), per_sector=min(max(per_sector, 1), 50), division=division
    )
    return [
        PairOut(
            division=pair.division,
            first=pair.first.slug,
            second=pair.second.slug,
            score=pair.score,
            reasons_text=pair.sentences,
        )
        for pair in found
    ]


class RecomputeIn(In):
    programme: str = ""


@router.post(
    "/matching/recompute",
    response={202: JobStarted, 403: Error, 404: Error},
    openapi_extra=pages("matching:recompute"),
)
def recompute(request: HttpRequest, payload: RecomputeIn) -> Status:
    """Recompute every recommendation of the programme in the background; follow the job."""
    require(request, "matching.operate")
    job = services.recompute_enqueue(
        programme=_programme(payload.programme), by=request.user, full=True
    )
    return Status(202, {"job_id": job.pk})
