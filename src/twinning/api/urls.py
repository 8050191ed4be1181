"""The REST API: one router per app, token authentication, OpenAPI schema at /api/openapi.json."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError as SchemaError

from twinning.api import (
    events,
    film,
    introductions,
    jobs,
    matching,
    organisations,
    programmes,
    visits,
)
from twinning.api.auth import TokenAuth

api = NinjaAPI(
    title="Twinning API",
    version="1",
    description="Programmes, organisations and opportunities of a Twinning platform.",
    auth=TokenAuth(),
    urls_namespace="api",
)
api.add_router("/", programmes.router)
api.add_router("/", organisations.router)
api.add_router("/", matching.router)
api.add_router("/", introductions.router)
api.add_router("/", events.router)
api.add_router("/", film.router)
api.add_router("/", visits.router)
api.add_router("/", jobs.router)


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(error) or "Forbidden."}, status=403)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, error: ValidationError) -> HttpResponse:
    errors = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
    return api.create_response(request, {"detail": "Invalid input.", "errors": errors}, status=400)


@api.exception_handler(SchemaError)
def schema_error(request: HttpRequest, error: SchemaError) -> HttpResponse:
    """Input the schemas refuse (a missing field, a malformed date) is reported like the
    services' own refusals: 400, one list of messages per field."""
    errors: dict[str, list[str]] = {}
    for item in error.errors:
        # loc is ("body", "payload", "field", ...) or ("query", "field"): keep the field's path.
        path = [str(part) for part in item.get("loc", ())[1:] if part != "payload"]
        errors.setdefault(".".join(path) or "__all__", []).append(str(item.get("msg", "")))
    return api.create_response(request, {"detail": "Invalid input.", "errors": errors}, status=400)
