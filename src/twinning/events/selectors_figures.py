"""Meeting requests, meetings and their feedback for the programme dashboard (one query each)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet

from twinning.core.figures import Scope, in_period
from twinning.events.models import Event, Meeting, MeetingFeedback, MeetingRequest, Registration

HELD = Meeting.Status.HELD
NO_SHOW = Meeting.Status.NO_SHOW


def _in_scope(queryset: QuerySet, scope: Scope, request: str, event: str) -> QuerySet:
    """`queryset` (of requests, or of rows reaching one by `request`) within the scope: the
    programme's events in the period, and the chosen organisations' requests."""
    # The programme's events in the period (and the chosen one) as a subquery of their ids: no
    # join to the events for every row (on 100,000 meetings the join was most of each figure's
    # time).
    events = Event.objects.filter(
        programme_id=scope.programme_id, **in_period("starts_on", scope, dates=True)
    )
    if scope.event_id:
        events = events.filter(pk=scope.event_id)
    queryset = queryset.filter(**{f"{event}_id__in": events.values("pk")})
    if scope.by_organisation:
        # The organisations' registrations as a list of ids, each side compared with it: the
        # rows are then found through the participants' indexes, not by joining every row's
        # request and both its registrations.
        theirs = Registration.objects.filter(organisation_id__in=scope.organisation_ids)
        ids = theirs.values("pk")
        either = Q(requester_id__in=ids) | Q(recipient_id__in=ids)
        requests = MeetingRequest.objects.filter(either).values("pk")
        queryset = queryset.filter(**{f"{request}_id__in" if request else "pk__in": requests})
    return queryset


def _meetings(scope: Scope) -> QuerySet[Meeting]:
    return _in_scope(Meeting.objects.all(), scope, "request", "event")


def request_figures(*, scope: Scope) -> dict[str, int]:
    """Meeting requests made for events in the period, and how many were accepted."""
    queryset = _in_scope(MeetingRequest.objects.all(), scope, "", "event")
    return queryset.aggregate(
        requested=Count("pk"), accepted=Count("pk", filter=Q(status=MeetingRequest.Status.ACCEPTED))
    )


def meeting_figures(*, scope: Scope) -> dict[str, int]:
    """Meetings by what happened (held, no-show, cancelled, still scheduled), then the feedback
    participants gave on them: two statements, so that the meetings are counted without the
    join to their feedback (which needed a DISTINCT over every meeting)."""
    meetings = _meetings(scope)
    counts = meetings.aggregate(
        **{status: Count("pk", filter=Q(status=status)) for status in Meeting.Status.values}
    )
    given = _in_scope(MeetingFeedback.objects.all(), scope, "meeting__request", "meeting__event")
    feedback = given.aggregate(
        **{
            f"feedback_{answer}": Count("meeting", filter=Q(outcome=answer), distinct=True)
            for answer in MeetingFeedback.Outcome.values
        }
    )
    return {**counts, **feedback}


def meetings_held_by_month(*, scope: Scope) -> dict[dt.date, int]:
    """Held meetings by the month their event starts in. Counted per event (an index read) and
    summed into months here: a programme has few events, and truncating every meeting's date in
    SQL (a Python function per row on SQLite) took most of the statement's time."""
    rows = _meetings(scope).filter(status=HELD).values("event_id").annotate(n=Count("pk"))
    counts = {row["event_id"]: row["n"] for row in rows.order_by()}
    starts = dict(Event.objects.filter(pk__in=counts).values_list("pk", "starts_on"))
    months: dict[dt.date, int] = {}
    for event_id, n in counts.items():
        month = starts[event_id].replace(day=1)
        months[month] = months.get(month, 0) + n
    return months


def meeting_ids_of_event(*, event_id: int) -> QuerySet[Meeting]:
    """The event's meetings as a subquery (for outcomes linked to them)."""
    return Meeting.objects.filter(event_id=event_id).values("pk")


def events_for_filter(*, programme_id: int) -> QuerySet[Event]:
    return Event.objects.filter(programme_id=programme_id).order_by("-starts_on")
