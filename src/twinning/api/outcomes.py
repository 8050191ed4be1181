"""Outcomes: the partnership register (read, record, move, confirm, dispute, verify, evidence)
and the programme dashboard's figures, calling the same services and forms as the pages."""

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import File, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.api.bounds import Id
from twinning.api.forms import cleaned
from twinning.api.parity import pages
from twinning.api.schemas import Error, FieldErrors, In
from twinning.organisations.selectors import organisation_get, organisation_ids_of_user
from twinning.outcomes import selectors, services
from twinning.outcomes.dashboard import Dashboard, dashboard_for, scope_for
from twinning.outcomes.definitions import DEFINITIONS
from twinning.outcomes.forms import DisputeForm, MoveForm, VerifyForm, dashboard_filter_form
from twinning.outcomes.models import Outcome
from twinning.programmes.selectors import programme_default

router = Router(tags=["outcomes"])


class StageChangeOut(Schema):
    stage: str
    on: dt.date
    note: str


class EvidenceOut(Schema):
    id: int
    name: str
    size: int
    uploaded_at: dt.datetime
    file: str  # the permission-checked route that serves it

    @staticmethod
    def resolve_file(evidence: Any) -> str:
        return reverse("outcomes:evidence_file", args=[evidence.pk])


class OutcomeOut(Schema):
    id: int
    title: str
    description: str
    kind: str
    stage: str
    stage_on: dt.date
    lost_reason: str
    reporter: str
    partner: str
    introduction: int | None
    meetings: list[int]
    visit_sessions: list[int]
    amount: Decimal | None
    currency: str
    rate_on: dt.date | None
    value_gbp: Decimal | None
    value_kzt: Decimal | None
    local_content_share: Decimal | None
    local_content_method: str | None
    confirmation: str
    dispute_reason: str
    verified_at: dt.datetime | None
    history: list[StageChangeOut]
    evidence: list[EvidenceOut]

    @staticmethod
    def resolve_reporter(outcome: Outcome) -> str:
        return outcome.reporter.slug

    @staticmethod
    def resolve_partner(outcome: Outcome) -> str:
        return outcome.partner.slug

    @staticmethod
    def resolve_introduction(outcome: Outcome) -> int | None:
        return outcome.introduction_id

    @staticmethod
    def resolve_meetings(outcome: Outcome) -> list[int]:
        return [m.pk for m in outcome.meetings.all()]

    @staticmethod
    def resolve_visit_sessions(outcome: Outcome) -> list[int]:
        return [s.pk for s in outcome.visit_sessions.all()]

    @staticmethod
    def resolve_local_content_method(outcome: Outcome) -> str | None:
        method = outcome.local_content_method
        return str(method) if method else None

    @staticmethod
    def resolve_history(outcome: Outcome) -> list[Any]:
        return list(outcome.stage_changes.all())

    @staticmethod
    def resolve_evidence(outcome: Outcome) -> list[Any]:
        return list(outcome.evidence.all())


class OutcomeListOut(Schema):
    id: int
    title: str
    kind: str
    stage: str
    stage_on: dt.date
    reporter: str
    partner: str
    amount: Decimal | None
    currency: str
    value_gbp: Decimal | None
    value_kzt: Decimal | None
    confirmation: str
    verified_at: dt.datetime | None

    @staticmethod
    def resolve_reporter(outcome: Outcome) -> str:
        return outcome.reporter.slug

    @staticmethod
    def resolve_partner(outcome: Outcome) -> str:
        return outcome.partner.slug


class ClaimIn(In):
    title: str
    kind: str
    description: str = ""
    amount: Decimal | None = None
    currency: str = ""
    rate_on: dt.date | None = None
    local_content_share: Decimal | None = None
    local_content_method: Id | None = None


class OutcomeIn(ClaimIn):
    reporter: str
    partner: str
    stage: str = Outcome.Stage.CONTACTED
    stage_on: dt.date | None = None
    lost_reason: str = ""
    introduction: Id | None = None
    meetings: list[Id] = []
    visit_sessions: list[Id] = []


class MoveIn(In):
    stage: str
    on: dt.date
    note: str = ""
    lost_reason: str = ""


class OutcomeReasonIn(In):
    reason: str


class NoteIn(In):
    note: str = ""


RESPONSES = {200: OutcomeOut, 400: FieldErrors, 403: Error, 404: Error}


def _chosen(available: Sequence[Any], ids: Sequence[int | None], field: str) -> list[Any]:
    """The links asked for, each of which must be open to the two parties (as on the page,
    where only those are offered)."""
    by_pk = {item.pk: item for item in available}
    unknown = [pk for pk in ids if pk not in by_pk]
    if unknown:
        raise ValidationError(
            {field: _("Not between the two organisations, or not found: %(ids)s")
             % {"ids": ", ".join(str(pk) for pk in unknown)}}
        )  # fmt: skip
    return [by_pk[pk] for pk in ids if pk is not None]


@router.get("/outcomes", response=list[OutcomeListOut], openapi_extra=pages("outcomes:mine"))
@paginate(LimitOffsetPagination)
def mine(request: HttpRequest) -> Any:
    """Outcomes my organisations are a party to; `awaiting` ones are mine to confirm."""
    return list(selectors.outcomes_for_user(user=request.user))


@router.get(
    "/outcomes/register",
    response={200: list[OutcomeListOut], 400: FieldErrors, 403: Error},
    openapi_extra=pages("outcomes:register"),
)
@paginate(LimitOffsetPagination)
def register(
    request: HttpRequest, stage: str = "", confirmation: str = "", verified: bool | None = None
) -> Any:
    """Operators: the whole register, filtered by stage, confirmation and verification."""
    if not request.user.has_perm("outcomes.operate"):
        raise HttpError(403, _("You are not allowed to do this."))
    return list(selectors.outcomes_all(stage=stage, confirmation=confirmation, verified=verified))


def _visible(request: HttpRequest, pk: int) -> Outcome:
    outcome = selectors.outcome_get(pk=pk)
    if outcome is None or not request.user.has_perm("outcomes.view", outcome):
        raise HttpError(404, _("Not found."))
    return outcome


def _claim(payload: ClaimIn) -> dict[str, Any]:
    method = None
    if payload.local_content_method is not None:
        method = selectors.local_content_method_get(pk=payload.local_content_method)
        if method is None:
            raise ValidationError({"local_content_method": _("No such local-content method.")})
    return {
        "title": payload.title, "kind": payload.kind, "description": payload.description,
        "amount": payload.amount, "currency": payload.currency, "rate_on": payload.rate_on,
        "local_content_share": payload.local_content_share, "local_content_method": method,
    }  # fmt: skip


def _organisation(slug: str, field: str) -> Any:
    organisation = organisation_get(slug=slug)
    if organisation is None:
        raise ValidationError({field: _("No such organisation: %(slug)s.") % {"slug": slug}})
    return organisation


@router.post(
    "/outcomes", response={201: OutcomeOut, **RESPONSES}, openapi_extra=pages("outcomes:record")
)
def record(request: HttpRequest, payload: OutcomeIn) -> Any:
    """Record an outcome for one of my organisations with a partner it met or was introduced to;
    the introduction and meetings must be between the two."""
    reporter = _organisation(payload.reporter, "reporter")
    partner = _organisation(payload.partner, "partner")
    if reporter.pk not in organisation_ids_of_user(user=request.user):
        raise HttpError(403, _("You are not allowed to do this."))
    links = selectors.links_available(first_id=reporter.pk, second_id=partner.pk)
    outcome = services.outcome_record(
        reporter=reporter, partner=partner, by=request.user, stage=payload.stage,
        stage_on=payload.stage_on, lost_reason=payload.lost_reason,
        introduction=_chosen(links.introductions, [payload.introduction], "introduction")[0]
        if payload.introduction is not None else None,
        meetings=_chosen(links.meetings, payload.meetings, "meetings"),
        visit_sessions=_chosen(links.sessions, payload.visit_sessions, "visit_sessions"),
        **_claim(payload),
    )  # fmt: skip
    return Status(201, selectors.outcome_get(pk=outcome.pk))


@router.get(
    "/outcomes/{int:pk}",
    response={200: OutcomeOut, 404: Error},
    openapi_extra=pages("outcomes:detail"),
)
def detail(request: HttpRequest, pk: int) -> Any:
    return _visible(request, pk)


@router.put("/outcomes/{int:pk}", response=RESPONSES, openapi_extra=pages("outcomes:edit"))
def edit(request: HttpRequest, pk: int, payload: ClaimIn) -> Any:
    """Change what is claimed; the partner is asked to confirm again."""
    services.outcome_update(outcome=_visible(request, pk), by=request.user, **_claim(payload))
    return selectors.outcome_get(pk=pk)


@router.post("/outcomes/{int:pk}/move", response=RESPONSES, openapi_extra=pages("outcomes:move"))
def move(request: HttpRequest, pk: int, payload: MoveIn) -> Any:
    """A later stage (or lost, with its reason), dated."""
    outcome = _visible(request, pk)
    data = cleaned(MoveForm, payload, stages=Outcome.Stage.choices)
    services.outcome_move(outcome=outcome, by=request.user, **data)
    return selectors.outcome_get(pk=pk)


@router.post(
    "/outcomes/{int:pk}/confirm", response=RESPONSES, openapi_extra=pages("outcomes:confirm")
)
def confirm(request: HttpRequest, pk: int) -> Any:
    services.outcome_confirm(outcome=_visible(request, pk), by=request.user)
    return selectors.outcome_get(pk=pk)


@router.post(
    "/outcomes/{int:pk}/dispute", response=RESPONSES, openapi_extra=pages("outcomes:dispute")
)
def dispute(request: HttpRequest, pk: int, payload: OutcomeReasonIn) -> Any:
    reason = cleaned(DisputeForm, payload)["reason"]
    services.outcome_dispute(outcome=_visible(request, pk), by=request.user, reason=reason)
    return selectors.outcome_get(pk=pk)


@router.post(
    "/outcomes/{int:pk}/verify", response=RESPONSES, openapi_extra=pages("outcomes:verify")
)
def verify(request: HttpRequest, pk: int, payload: NoteIn) -> Any:
    """Operators: verify a confirmed outcome once its evidence is uploaded."""
    note = cleaned(VerifyForm, payload)["note"]
    services.outcome_verify(outcome=_visible(request, pk), by=request.user, note=note)
    return selectors.outcome_get(pk=pk)


@router.post(
    "/outcomes/{int:pk}/evidence", response=RESPONSES, openapi_extra=pages("outcomes:evidence_add")
)
def evidence_add(request: HttpRequest, pk: int, upload: UploadedFile = File(...)) -> Any:  # noqa: B008
    """Upload a file of evidence (PDF, DOCX, XLSX, JPEG or PNG); it is private to the parties
    and operators and read through the `file` route listed with it."""
    services.evidence_add(outcome=_visible(request, pk), by=request.user, upload=upload)
    return selectors.outcome_get(pk=pk)


def _dashboard_out(dashboard: Dashboard) -> dict[str, Any]:
    return {
        "figures": dashboard.figures,
        "funnel": [{"step": key, "count": n} for key, _label, n in dashboard.funnel],
        "stages": [{**row.__dict__, "label": str(row.label)} for row in dashboard.stages],
        "local_content": [row.__dict__ for row in dashboard.local_content],
        "months": [row.__dict__ for row in dashboard.months],
    }


@router.get(
    "/outcomes/dashboard/figures",
    response={200: dict[str, Any], 400: FieldErrors, 403: Error},
    openapi_extra=pages("outcomes:dashboard"),
)
def dashboard(
    request: HttpRequest,
    start: dt.date | None = None,
    end: dt.date | None = None,
    event: Id | None = None,
    side: Id | None = None,
    region: Id | None = None,
    sector: str = "",
) -> Any:
    """Operators: the dashboard's figures for the same filters as the page (definitions at
    /api/outcomes/definitions)."""
    if not request.user.has_perm("outcomes.operate"):
        raise HttpError(403, _("You are not allowed to do this."))
    programme = programme_default()
    if programme is None:
        raise HttpError(404, _("Not found."))
    values = {"start": start, "end": end, "event": event, "side": side, "region": region,
              "sector": sector}  # fmt: skip
    form = dashboard_filter_form(
        programme=programme, data={k: v for k, v in values.items() if v not in (None, "")}
    )
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    scope = scope_for(programme_id=programme.pk, data=form.cleaned_data)
    return _dashboard_out(dashboard_for(scope=scope))


@router.get(
    "/outcomes/definitions",
    response=dict[str, dict[str, str]],
    auth=None,
    openapi_extra=pages("outcomes:definitions"),
)
def definitions(request: HttpRequest) -> Any:
    """What every figure means, in the language asked for."""
    return {
        key: {"label": str(label), "definition": str(text)}
        for key, (label, text) in DEFINITIONS.items()
    }
