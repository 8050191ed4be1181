"""Public pages: the list of events, an event's page, its calendar file, invitation answers."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from twinning.events import feeds, selectors, services
from twinning.events.models import Invitation
from twinning.events.views.base import attempt, event_for


def event_list(request: HttpRequest) -> HttpResponse:
    events = selectors.events_visible(user=request.user).order_by("-starts_on")
    return render(request, "events/event_list.html", {"events": events})


def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_for(request, slug, "events.view_event")
    registration = selectors.registration_of(event=event, user=request.user)
    context = {
        "event": event,
        "registration": registration,
        "can_register": request.user.has_perm("events.register", event),
        "counts": selectors.event_counts(event=event),
        "hours": selectors.day_hours(event=event),
    }
    return render(request, "events/event_detail.html", context)


def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_for(request, slug, "events.view_event")
    response = HttpResponse(feeds.event_calendar(event), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


@require_http_methods(["GET", "POST"])
def rsvp(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.select_related("event"), token=token)
    if request.method == "POST":
        attending = request.POST.get("answer") == "yes"
        attempt(
            request,
            lambda: services.invitation_respond(
                invitation=invitation, attending=attending, user=request.user
            ),
            _("Thank you for your answer."),
        )
        return redirect("events:rsvp", token)
    return render(
        request, "events/rsvp.html", {"invitation": invitation, "event": invitation.event}
    )
