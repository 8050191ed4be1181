"""What every event page shares: the event the URL names, under the view's rule."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy

from twinning.core.views import ServiceCallMixin, UrlObjectMixin
from twinning.events import selectors
from twinning.events.models import Event, Registration

MANAGE = "events.manage_event"
VIEW = "events.view_event"


class EventMixin(ServiceCallMixin, UrlObjectMixin):
    """The event of the URL's slug; the view's `permission_required` is checked against it.

    Whoever may not see an event is told it does not exist (404), not that it is private; on
    the event's other pages a stranger is asked to log in.
    """

    permission_required = VIEW
    not_found = gettext_lazy("No such event.")

    def find_object(self) -> Event | None:
        return selectors.event_get(slug=self.kwargs["slug"])

    @property
    def event(self) -> Event:
        return self.get_object()

    def handle_no_permission(self) -> HttpResponse:
        if self.permission_required == VIEW:
            raise Http404(self.not_found)
        return super().handle_no_permission()


class OperatorMixin(EventMixin):
    permission_required = MANAGE


class OwnRegistrationMixin(LoginRequiredMixin, EventMixin):
    """Pages about the visitor's own registration for the event (404 if they have none)."""

    def get_registration(self) -> Registration:
        if not hasattr(self, "_registration"):
            self._registration = selectors.registration_of(event=self.event, user=self.request.user)
        if self._registration is None:
            raise Http404
        return self._registration

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        return {"event": self.event, **context}
