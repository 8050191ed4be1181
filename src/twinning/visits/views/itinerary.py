"""Personal itineraries: the page of one's own sessions, and its calendar feed."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.views.generic import TemplateView, View

from twinning.core.views import UrlObjectMixin
from twinning.visits import selectors
from twinning.visits.feeds import person_calendar
from twinning.visits.models import Person
from twinning.visits.views.base import PageMixin, VisitMixin


class ItineraryView(VisitMixin, TemplateView):
    """The signed-in person's own sessions of the visit; whoever is not on it has none (404)."""

    template_name = "visits/itinerary.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        visit = self.visit
        person = selectors.person_of(visit=visit, user=self.request.user)
        if person is None:
            raise Http404
        answers = selectors.answers_of(person=person)
        rows = [
            (s, selectors.session_times(session=s), selectors.session_off_for(s, answers.get(s.pk)))
            for s in selectors.itinerary_of(person=person)
        ]
        context = {"visit": visit, "person": person, "rows": rows, "answers": answers}
        return super().get_context_data(**context, **kwargs)


class FeedView(PageMixin, UrlObjectMixin, View):
    """The person's calendar. The unguessable token in the URL is the key, and the only one:
    calendar apps carry no session, so the visitor is not looked at (reading them would also
    make every answer vary with the Cookie header)."""

    permission_required = "core.view_public"

    def find_object(self) -> Person | None:
        return selectors.person_by_feed(token=self.kwargs["token"])

    def has_permission(self) -> bool:
        self.get_object()  # 404 for a token that is no one's
        return True

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        person: Person = self.get_object()
        with translation.override(person.language):
            body = person_calendar(person)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{person.visit.slug}.ics"'
        return response
