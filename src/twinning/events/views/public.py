"""Public pages: the list of events, an event's page, its calendar file, invitation answers."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from twinning.core.views import ServiceCallMixin
from twinning.events import feeds, selectors, services
from twinning.events.models import Invitation
from twinning.events.views.base import EventMixin


class EventListView(PermissionRequiredMixin, TemplateView):
    permission_required = "core.view_public"
    template_name = "events/event_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        events = selectors.events_listed(user=self.request.user)
        return super().get_context_data(events=events, **kwargs)


class EventDetailView(EventMixin, TemplateView):
    template_name = "events/event_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        event, user = self.event, self.request.user
        context = {
            "event": event,
            "registration": selectors.registration_of(event=event, user=user),
            "can_register": user.has_perm("events.register", event),
            "counts": selectors.event_counts(event=event),
            "hours": selectors.day_hours(event=event),
        }
        return super().get_context_data(**context, **kwargs)


class EventCalendarView(EventMixin, View):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        event = self.event
        response = HttpResponse(feeds.event_calendar(event), content_type="text/calendar")
        response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
        return response


class RsvpView(ServiceCallMixin, PermissionRequiredMixin, TemplateView):
    """The invitation's secret link is the credential."""

    permission_required = "core.view_public"
    template_name = "events/rsvp.html"

    def invitation(self) -> Invitation:
        invitation = selectors.invitation_by_token(token=self.kwargs["token"])
        if invitation is None:
            raise Http404
        return invitation

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        invitation = self.invitation()
        context = {"invitation": invitation, "event": invitation.event}
        return super().get_context_data(**context, **kwargs)

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        attending, invitation = request.POST.get("answer") == "yes", self.invitation()
        self.attempt(
            lambda: services.invitation_respond(
                invitation=invitation, attending=attending, user=request.user
            ),
            _("Thank you for your answer."),
        )
        return redirect("events:rsvp", token)
