"""Sign-in throttling with django-axes: what counts as an attempt, and the page a lockout shows.

Every password typed anywhere (the site's sign-in, the admin's, the API token form) goes through
`authenticate()`, where `PasswordAttemptsBackend` refuses it while its address is locked out from
that client; password-reset requests are counted in the same store under their own name, so
that asking for reset mails does not lock the sign-in and wrong passwords do not block a reset.
"""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

RESET_PREFIX = "password-reset:"


class PasswordAttemptsBackend(AxesStandaloneBackend):
    """Axes' guard, for passwords only: a personal link (django-sesame) carries a signed token
    with nothing to guess, and is checked without a request, which Axes cannot count against."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if password is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class PasswordAttemptsHandler(AxesDatabaseHandler):
    """Axes' database store with two limits, and quiet about failures that have no request (an
    expired personal link checked by a service): there is no client to lock out.

    `AXES_LOCKOUT_PARAMETERS` counts one address from one IP, then one address from anywhere.
    Axes compares the largest count with one limit; here the address-wide count is scaled so
    that it reaches `AXES_FAILURE_LIMIT` exactly when it reaches `AXES_USERNAME_FAILURE_LIMIT`
    (floor(n * L / U) >= L if and only if n >= U)."""

    def get_failures(self, request: Any, credentials: dict[str, Any] | None = None) -> int:
        pair, address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        limit, address_limit = settings.AXES_FAILURE_LIMIT, settings.AXES_USERNAME_FAILURE_LIMIT
        return max(pair, address * limit // address_limit)

    def user_login_failed(
        self, sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
    ) -> None:
        if request is None:
            return
        super().user_login_failed(sender, credentials, request, **kwargs)


def attempt_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The address an attempt is counted against, whatever its case or spaces."""
    source = credentials if credentials else request.POST
    return str(source.get(settings.AXES_USERNAME_FORM_FIELD) or "").strip().lower()


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return _(
        "Too many attempts: signing in with this address is paused for %(minutes)s minutes. "
        "Try again later, or ask an operator to unlock it."
    ) % {"minutes": minutes}


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """429 Too Many Requests: a page in the site's look, or the API's JSON error."""
    status = getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429)
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": lockout_message()}, status=status)
    context = {"message": lockout_message(), "cool_off": get_cool_off(request)}
    return render(request, "core/locked_out.html", context, status=status)


def reset_request_refused(request: HttpRequest, *, email: str) -> bool:
    """Count one password-reset request for `email` from this client; True once there have
    been too many in the cool-off (the request is then answered with the lockout page)."""
    credentials = {settings.AXES_USERNAME_FORM_FIELD: f"{RESET_PREFIX}{email}"}
    if not AxesProxyHandler.is_allowed(request, credentials):
        request.axes_locked_out = True  # type: ignore[attr-defined]
        return True
    AxesProxyHandler.user_login_failed(sender=__name__, credentials=credentials, request=request)
    return bool(getattr(request, "axes_locked_out", False))
