"""What every event page shares: finding the event under a permission, running a service."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from twinning.core.actions import attempt as attempt  # the pages import it from here
from twinning.events import selectors
from twinning.events.models import Event


def event_for(request: HttpRequest, slug: str, permission: str) -> Event:
    event = selectors.event_get(slug=slug)
    if event is None:
        raise Http404
    if not request.user.has_perm(permission, event):
        if not request.user.is_authenticated:
            raise PermissionDenied
        raise Http404 if permission == "events.view_event" else PermissionDenied
    return event


def refuse_form(request: HttpRequest, form: Form) -> None:
    """Show every error of an invalid form as a message (for forms posted from a list)."""
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


def back(request: HttpRequest, fallback: str, *args: Any) -> HttpResponse:
    """After a POST: htmx asks the page to reload itself; plain forms follow a redirect."""
    if getattr(request, "htmx", False):
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return redirect(fallback, *args)
