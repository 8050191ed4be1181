"""The REST API: one router per app, token authentication, OpenAPI schema at /api/openapi.json."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.errors import ValidationError as SchemaError
from ninja.openapi.schema import OpenAPISchema
from ninja.operation import Operation

# events_setup, events_day, events_attendance and film_applications add their operations to
# their app's router when imported (one router per app, so that methods on the same path live
# together).
from twinning.api import (  # noqa: F401
    accounts,
    events,
    events_attendance,
    events_day,
    events_setup,
    film,
    film_applications,
    introductions,
    jobs,
    matching,
    organisations,
    outcomes,
    programmes,
    students,
    visits,
)
from twinning.api.auth import TokenAuth, anonymous


def _refusal(description: str, schema: str) -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/{schema}"}
    return {"description": description, "content": {"application/json": {"schema": ref}}}


class TwinningSchema(OpenAPISchema):
    """Ninja's schema, plus what it cannot know: which operations are public (they take a token
    but need none: `security` lists the empty requirement), the 401 every other operation may
    answer, and the 400 that the input's validation answers for any operation that takes input."""

    def operation_details(self, operation: Operation) -> dict[str, Any]:
        details: dict[str, Any] = super().operation_details(operation)
        responses = details["responses"]
        if not operation.auth_callbacks or anonymous in operation.auth_callbacks:
            details["x-public"] = True
            details["security"] = [{}, {TokenAuth.__name__: []}]
        else:
            responses.setdefault(401, _refusal("No token, or an unknown or revoked one.", "Error"))
        if details.get("parameters") or details.get("requestBody"):
            responses.setdefault(400, _refusal("The input is refused.", "FieldErrors"))
        return details


class TwinningAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return TwinningSchema(api=self, path_prefix=path_prefix)


api = TwinningAPI(
    title="Twinning API",
    version="1",
    description="Programmes, organisations and opportunities of a Twinning platform.",
    auth=TokenAuth(),
    urls_namespace="api",
)
api.add_router("/", accounts.router)
api.add_router("/", programmes.router)
api.add_router("/", organisations.router)
api.add_router("/", matching.router)
api.add_router("/", introductions.router)
api.add_router("/", events.router)
api.add_router("/", film.router)
api.add_router("/", visits.router)
api.add_router("/", outcomes.router)
api.add_router("/", jobs.router)
api.add_router("/", students.router)


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(error) or "Forbidden."}, status=403)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, error: ValidationError) -> HttpResponse:
    errors = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
    return api.create_response(request, {"detail": "Invalid input.", "errors": errors}, status=400)


# Pydantic's range errors, answered with the models' own validators' messages (Django's wording,
# in the caller's language, with the limit).
RANGE_ERRORS = {
    "less_than_equal": ("le", MaxValueValidator),
    "greater_than_equal": ("ge", MinValueValidator),
}


def _schema_message(item: dict[str, Any]) -> str:
    """Pydantic's message, or, for a number out of its column's range, the models' own."""
    limits = item.get("ctx") or {}
    bound, validator = RANGE_ERRORS.get(item.get("type", ""), ("", None))
    if validator is not None and bound in limits:
        return str(validator.message) % {"limit_value": limits[bound]}
    return str(item.get("msg", ""))


@api.exception_handler(SchemaError)
def schema_error(request: HttpRequest, error: SchemaError) -> HttpResponse:
    """Input the schemas refuse (a missing field, a malformed date) is reported like the
    services' own refusals: 400, one list of messages per field."""
    errors: dict[str, list[str]] = {}
    for item in error.errors:
        # loc is ("body", "payload", "field", ...) or ("query", "field"): keep the field's path.
        path = [str(part) for part in item.get("loc", ())[1:] if part != "payload"]
        errors.setdefault(".".join(path) or "__all__", []).append(_schema_message(item))
    return api.create_response(request, {"detail": "Invalid input.", "errors": errors}, status=400)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    """Ninja's own refusals, in the API's format: a 400 lists its message under `__all__` (a
    body that is not JSON is one; ninja words it in English only)."""
    message = str(error)
    if error.status_code != 400:
        return api.create_response(request, {"detail": message}, status=error.status_code)
    if message.startswith("Cannot parse request body"):
        message = _("The request body could not be read: send JSON.")
    body = {"detail": message, "errors": {"__all__": [message]}}
    return api.create_response(request, body, status=400)
