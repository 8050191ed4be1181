"""Personal itineraries: the page of one's own sessions, and its calendar feed."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from twinning.visits import selectors
from twinning.visits.feeds import person_calendar
from twinning.visits.views.base import visit_for


def itinerary(request: HttpRequest, slug: str) -> HttpResponse:
    visit = visit_for(request, slug)
    person = selectors.person_of(visit=visit, user=request.user)
    if person is None:
        raise Http404
    answers = selectors.answers_of(person=person)
    rows = [
        (s, selectors.session_times(session=s), selectors.session_off_for(s, answers.get(s.pk)))
        for s in selectors.itinerary_of(person=person)
    ]
    context = {"visit": visit, "person": person, "rows": rows, "answers": answers}
    return render(request, "visits/itinerary.html", context)


def feed(request: HttpRequest, token: str) -> HttpResponse:
    person = selectors.person_by_feed(token=token)
    if person is None:
        raise Http404
    with translation.override(person.language):
        body = person_calendar(person)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{person.visit.slug}.ics"'
    return response
