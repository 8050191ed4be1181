"""What every visit page shares: finding the visit or session under a rule, running a service."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest

from twinning.core.actions import attempt as attempt  # the pages import it from here
from twinning.visits import selectors
from twinning.visits.models import Session, Visit

T = TypeVar("T")
VIEW = "visits.view_visit"


def visit_for(request: HttpRequest, slug: str, permission: str = VIEW) -> Visit:
    """The visit, or 404 to anyone who may not see it, and 403 to those who see it but may not
    do `permission`."""
    visit = selectors.visit_get(slug=slug)
    if visit is None or not request.user.has_perm(VIEW, visit):
        raise Http404
    if permission != VIEW and not request.user.has_perm(permission, visit):
        raise PermissionDenied
    return visit


def session_for(request: HttpRequest, slug: str, pk: int, permission: str = VIEW) -> Session:
    visit = visit_for(request, slug)
    session = selectors.session_get(visit=visit, pk=pk)
    if session is None:
        raise Http404
    target = session if permission == "visits.view_attendees" else visit
    if permission != VIEW and not request.user.has_perm(permission, target):
        raise PermissionDenied
    return session


def attempt_form(form: object, action: Callable[[], T]) -> T | None:
    """Run a service; put its refusal on the form's fields."""
    try:
        return action()
    except ValidationError as error:
        form.add_service_error(error)  # type: ignore[attr-defined]
        return None
