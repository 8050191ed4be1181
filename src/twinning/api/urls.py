"""The REST API: one router per app, token authentication, OpenAPI schema at /api/openapi.json."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from twinning.api import introductions, jobs, matching, organisations, programmes
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
api.add_router("/", jobs.router)


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(error) or "Forbidden."}, status=403)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, error: ValidationError) -> HttpResponse:
    errors = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
    return api.create_response(request, {"detail": "Invalid input.", "errors": errors}, status=400)
