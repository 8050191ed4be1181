"""Film applications: a draft from an estimate, its editing, and its documents. The estimate
document is read by the estimator's own reader, the details by the page's form, and documents
are served by the pages' private-file view (X-Accel-Redirect in production)."""

import json
from decimal import Decimal
from operator import attrgetter
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import File, Form, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from twinning.api.film import ApplicationOut, _visible, router
from twinning.api.forms import cleaned
from twinning.api.parity import pages
from twinning.api.schemas import Error, FieldErrors
from twinning.core.files import PrivateFileView
from twinning.film import selectors, services
from twinning.film.forms import ApplicationDetailsForm, DocumentForm
from twinning.film.models import ApplicationDocument
from twinning.film.reader import FieldErrors as InputErrors
from twinning.film.request import parse_request

REFUSALS = {400: FieldErrors, 403: Error, 404: Error}

DETAILS = ("shoot_plan", "service_company_name", "service_company_bin")

DRAFT_BODY = {
    "requestBody": {
        "required": True,
        "description": "`organisation` (the studio's slug), the estimator's document "
        "(`production`, `lines`: docs/film.md) and optionally `shoot_plan`, "
        "`service_company_name`, `service_company_bin`. On edit every part is optional.",
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
}


class DocumentOut(Schema):
    id: int
    kind: str
    original_name: str
    size: int


def _body(request: HttpRequest) -> dict[str, Any]:
    try:
        data = json.loads(request.body or b"{}", parse_float=Decimal)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        message = _("Not valid JSON: %(error)s") % {"error": error}
        raise ValidationError({"__all__": [message]}) from None
    if not isinstance(data, dict):
        raise ValidationError({"__all__": [_("The input must be a JSON object.")]})
    return data


def _estimate(data: dict[str, Any]) -> dict[str, Any]:
    """The production and budget lines, read and checked as the estimator reads them."""
    try:
        parsed = parse_request({"production": data.get("production"), "lines": data.get("lines")})
    except InputErrors as invalid:
        errors: dict[str, list[str]] = {}
        for item in invalid.errors:
            errors.setdefault(item.field or "__all__", []).append(item.message)
        raise ValidationError(errors) from None
    return {"production": parsed.production, "lines": list(parsed.lines)}


def _details(data: dict[str, Any], current: dict[str, Any] | None = None) -> dict[str, Any]:
    given = {name: data[name] for name in DETAILS if name in data}
    checked = cleaned(ApplicationDetailsForm, {**(current or {}), **given})
    return {name: checked[name] for name in given}


@router.post(
    "/film/applications",
    response={201: ApplicationOut, **REFUSALS},
    openapi_extra={**DRAFT_BODY, **pages("film:save_draft")},
)
def draft_create(request: HttpRequest) -> Status:
    """Save an estimate as a draft application of one of my studios."""
    data = _body(request)
    studios = {
        m.organisation.slug: m.organisation for m in selectors.studios_for_user(user=request.user)
    }
    organisation = studios.get(str(data.get("organisation", "")))
    if organisation is None:
        raise ValidationError({"organisation": [_("Only members of a film/TV studio can apply.")]})
    application = services.film_application_create(
        organisation=organisation, by=request.user, **_estimate(data), **_details(data)
    )
    return Status(201, selectors.application_get(pk=application.pk))


@router.patch(
    "/film/applications/{pk}",
    response={200: ApplicationOut, **REFUSALS},
    openapi_extra={**DRAFT_BODY, **pages("film:edit")},
)
def draft_update(request: HttpRequest, pk: int) -> Any:
    """Change a draft, or an application returned for changes: the parts given replace the
    application's (`production` and `lines` together)."""
    application = _visible(request, pk)
    data = _body(request)
    changes = _estimate(data) if "production" in data or "lines" in data else {}
    current = {name: getattr(application, name) for name in DETAILS}
    services.film_application_update(
        application=application, by=request.user, **changes, **_details(data, current)
    )
    return selectors.application_get(pk=pk)


@router.post(
    "/film/applications/{pk}/documents",
    response={201: DocumentOut, **REFUSALS},
    openapi_extra=pages("film:document_add"),
)
def document_add(
    request: HttpRequest, pk: int, kind: Form[str], upload: File[UploadedFile]
) -> Status:
    """Upload a document (multipart: `kind`, `upload`), checked as on the page."""
    application = _visible(request, pk)
    form = cleaned(DocumentForm, {"kind": kind}, files={"upload": upload})
    document = services.application_document_add(
        application=application, by=request.user, kind=form["kind"], upload=form["upload"]
    )
    return Status(201, document)


DOWNLOAD = PrivateFileView.as_view(
    model=ApplicationDocument,
    permission_required="film.view_application",
    target=attrgetter("application"),
    filename=attrgetter("original_name"),
)


@router.get(
    "/film/documents/{pk}",
    response={200: None, 403: Error, 404: Error},
    openapi_extra=pages("film:document"),
)
def document_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The file, as an attachment, to those who may see the application."""
    response: HttpResponse = DOWNLOAD(request, pk=pk)
    return response


@router.delete(
    "/film/documents/{pk}",
    response={204: None, **REFUSALS},
    openapi_extra=pages("film:document_remove"),
)
def document_remove(request: HttpRequest, pk: int) -> Status:
    document = selectors.document_get(pk=pk)
    if document is None:
        raise HttpError(404, _("No such document."))
    _visible(request, document.application_id)
    services.application_document_remove(document=document, by=request.user)
    return Status(204, None)
