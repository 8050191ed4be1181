"""Film: the rebate estimator (public, the `film_estimate` document) and the applications."""

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.api.forms import cleaned, require
from twinning.api.parity import pages
from twinning.api.schemas import Error, FieldErrors, In
from twinning.film import selectors, services
from twinning.film.cli import run
from twinning.film.forms import ApproveForm, ChangesForm, PaidForm, RejectForm
from twinning.film.models import FilmApplication
from twinning.film.reader import FieldErrors as InputErrors

router = Router(tags=["film"])

ESTIMATE_BODY = {
    "requestBody": {
        "required": True,
        "description": "The production and its budget lines, as for `manage.py film_estimate` "
        "(docs/film.md).",
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
}


@router.post(
    "/film/estimate",
    response={200: dict[str, Any], 400: FieldErrors},
    auth=None,
    openapi_extra={**ESTIMATE_BODY, **pages("film:estimator")},
)
def estimate(request: HttpRequest, date: dt.date | None = None) -> dict[str, Any]:
    """The same JSON in and out as `manage.py film_estimate`; `date` picks the exchange rates
    (default: today). A mistake in the input is a 400 naming each field."""
    try:
        # Decimal keeps amounts such as 1234.56 exact, as the command does.
        data = json.loads(request.body or b"null", parse_float=Decimal)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        message = _("Not valid JSON: %(error)s") % {"error": error}
        raise ValidationError({"__all__": [message]}) from None
    try:
        return run(
            data,
            date or dt.date.today(),
            rulebook=selectors.rulebook_from_database(),
            rates=selectors.rate_table_from_database(),
        )
    except InputErrors as invalid:
        errors: dict[str, list[str]] = {}
        for item in invalid.errors:
            errors.setdefault(item.field or "__all__", []).append(item.message)
        raise ValidationError(errors) from None


class ApplicationOut(Schema):
    id: int
    organisation: str
    state: str
    title: str
    format: str
    currency: str
    total_core_expenditure: Decimal
    shoot_start: dt.date
    shoot_end: dt.date
    estimate: dict[str, Any]
    changes_requested: str
    approved_amount: Decimal | None
    approved_currency: str
    rejection_reason: str
    paid_amount: Decimal | None
    paid_on: dt.date | None
    submitted_at: dt.datetime | None
    updated_at: dt.datetime

    @staticmethod
    def resolve_organisation(application: FilmApplication) -> str:
        return application.organisation.slug


class MessageIn(In):
    message: str


class ReasonIn(In):
    reason: str


class ApproveIn(In):
    amount: Decimal
    currency: str


class PaidIn(In):
    amount: Decimal
    paid_on: dt.date


@router.get("/film/applications", response=list[ApplicationOut], openapi_extra=pages("film:mine"))
@paginate(LimitOffsetPagination)
def my_applications(request: HttpRequest) -> Any:
    """The applications of the studios I belong to, latest change first."""
    return list(selectors.applications_for_user(user=request.user))


@router.get(
    "/film/queue",
    response={200: list[ApplicationOut], 403: Error},
    openapi_extra=pages("film:queue"),
)
@paginate(LimitOffsetPagination)
def queue(request: HttpRequest, state: str = "") -> Any:
    """Operators: every application past draft, oldest submission first."""
    if not request.user.has_perm("film.view_queue"):
        raise HttpError(403, "Forbidden.")
    return list(selectors.applications_queue(state=state))


def _visible(request: HttpRequest, pk: int) -> FilmApplication:
    application = selectors.application_get(pk=pk)
    if application is None or not request.user.has_perm("film.view_application", application):
        raise HttpError(404, _("Not found."))
    return application


@router.get(
    "/film/applications/{pk}",
    response={200: ApplicationOut, 404: Error},
    openapi_extra=pages("film:application"),
)
def application_detail(request: HttpRequest, pk: int) -> Any:
    return _visible(request, pk)


TRANSITION_RESPONSES = {200: ApplicationOut, 400: FieldErrors, 403: Error, 404: Error}


def _cleaned(request: HttpRequest, pk: int, permission: str, form: Any, payload: Any) -> Any:
    """The page's form on the input, once the caller may make the move (403 before 400)."""
    require(request, permission, _visible(request, pk))
    return cleaned(form, payload)


def _transition(request: HttpRequest, pk: int, transition: Any, **fields: Any) -> Any:
    transition(application=_visible(request, pk), by=request.user, **fields)
    return selectors.application_get(pk=pk)


@router.post(
    "/film/applications/{pk}/submit",
    response=TRANSITION_RESPONSES,
    openapi_extra=pages("film:submit"),
)
def submit(request: HttpRequest, pk: int) -> Any:
    return _transition(request, pk, services.film_application_submit)


@router.post(
    "/film/applications/{pk}/start-review",
    response=TRANSITION_RESPONSES,
    openapi_extra=pages("film:review"),
)
def start_review(request: HttpRequest, pk: int) -> Any:
    return _transition(request, pk, services.film_application_start_review)


@router.post(
    "/film/applications/{pk}/request-changes",
    response=TRANSITION_RESPONSES,
    openapi_extra=pages("film:changes"),
)
def request_changes(request: HttpRequest, pk: int, payload: MessageIn) -> Any:
    data = _cleaned(request, pk, "film.request_changes", ChangesForm, payload)
    return _transition(request, pk, services.film_application_request_changes, **data)


@router.post(
    "/film/applications/{pk}/approve",
    response=TRANSITION_RESPONSES,
    openapi_extra=pages("film:approve"),
)
def approve(request: HttpRequest, pk: int, payload: ApproveIn) -> Any:
    # A currency code in any case, as the service takes it; the rest as the page's form says.
    given = {**payload.model_dump(), "currency": payload.currency.upper()}
    data = _cleaned(request, pk, "film.decide_application", ApproveForm, given)
    return _transition(request, pk, services.film_application_approve, **data)


@router.post(
    "/film/applications/{pk}/reject",
    response=TRANSITION_RESPONSES,
    openapi_extra=pages("film:reject"),
)
def reject(request: HttpRequest, pk: int, payload: ReasonIn) -> Any:
    data = _cleaned(request, pk, "film.decide_application", RejectForm, payload)
    return _transition(request, pk, services.film_application_reject, **data)


@router.post(
    "/film/applications/{pk}/mark-paid",
    response=TRANSITION_RESPONSES,
    openapi_extra=pages("film:paid"),
)
def mark_paid(request: HttpRequest, pk: int, payload: PaidIn) -> Any:
    data = _cleaned(request, pk, "film.mark_paid", PaidForm, payload)
    return _transition(request, pk, services.film_application_mark_paid, **data)
