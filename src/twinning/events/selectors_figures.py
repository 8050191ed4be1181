"""Meeting requests, meetings and their feedback for the programme dashboard (one query each)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet

from twinning.core.figures import Scope, in_period
from twinning.events.models import Event, Meeting, MeetingFeedback, MeetingRequest

HELD = Meeting.Status.HELD
NO_SHOW = Meeting.Status.NO_SHOW


def _in_scope(queryset: QuerySet, scope: Scope, parties: tuple[str, str], event: str) -> QuerySet:
    queryset = queryset.filter(
        **{f"{event}__programme_id": scope.programme_id},
        **in_period(f"{event}__starts_on", scope, dates=True),
    )
    if scope.event_id:
        queryset = queryset.filter(**{f"{event}_id": scope.event_id})
    if scope.by_organisation:
        ids = scope.organisation_ids
        queryset = queryset.filter(
            Q(**{f"{parties[0]}__organisation_id__in": ids})
            | Q(**{f"{parties[1]}__organisation_id__in": ids})
        )
    return queryset


def _meetings(scope: Scope) -> QuerySet[Meeting]:
    return _in_scope(
        Meeting.objects.all(), scope, ("request__requester", "request__recipient"), "event"
    )


def request_figures(*, scope: Scope) -> dict[str, int]:
    """Meeting requests made for events in the period, and how many were accepted."""
    queryset = _in_scope(MeetingRequest.objects.all(), scope, ("requester", "recipient"), "event")
    return queryset.aggregate(
        requested=Count("pk"), accepted=Count("pk", filter=Q(status=MeetingRequest.Status.ACCEPTED))
    )


def meeting_figures(*, scope: Scope) -> dict[str, int]:
    """Meetings by what happened (held, no-show, cancelled, still scheduled) and the feedback
    participants gave on them, in one statement."""
    counts = {
        status: Count("pk", filter=Q(status=status), distinct=True)
        for status in Meeting.Status.values
    }
    feedback = {
        f"feedback_{answer}": Count("feedback", filter=Q(feedback__outcome=answer), distinct=True)
        for answer in MeetingFeedback.Outcome.values
    }
    return _meetings(scope).aggregate(**counts, **feedback)


def meetings_held_by_month(*, scope: Scope) -> dict[dt.date, int]:
    """Held meetings by the month their event starts in. Grouped by the event's first day and
    summed into months here: a programme has few event days, and truncating every meeting's
    date in SQL (a Python function per row on SQLite) took most of the statement's time."""
    rows = (
        _meetings(scope)
        .filter(status=HELD)
        .values("event__starts_on")
        .annotate(n=Count("pk"))
        .order_by()
    )
    months: dict[dt.date, int] = {}
    for row in rows:
        month = row["event__starts_on"].replace(day=1)
        months[month] = months.get(month, 0) + row["n"]
    return months


def meeting_ids_of_event(*, event_id: int) -> QuerySet[Meeting]:
    """The event's meetings as a subquery (for outcomes linked to them)."""
    return Meeting.objects.filter(event_id=event_id).values("pk")


def events_for_filter(*, programme_id: int) -> QuerySet[Event]:
    return Event.objects.filter(programme_id=programme_id).order_by("-starts_on")
