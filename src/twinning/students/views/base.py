"""What every page of the app shares: the rule check and service errors as messages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from rules.contrib.views import PermissionRequiredMixin

from twinning.students import selectors
from twinning.students.models import Student


class RuleMixin(PermissionRequiredMixin):
    """A page guarded by a named rule; a signed-out visitor is sent to log in, a signed-in one
    who lacks the rule gets 403."""

    raise_exception = False

    def handle_no_permission(self) -> HttpResponse:
        if self.request.user.is_authenticated:  # type: ignore[attr-defined]
            self.raise_exception = True
        return super().handle_no_permission()


def found(value: Any) -> Any:
    if value is None:
        raise Http404
    return value


def service_errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def back(request: HttpRequest, fallback: str, *args: Any) -> HttpResponse:
    return redirect(fallback, *args)


def student_or_404(request: HttpRequest) -> Student:
    return found(selectors.student_of(user=request.user))
