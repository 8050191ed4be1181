"""Reads the partnership register (outcomes) asks of events: the meetings two organisations held."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import F, Q, QuerySet

from twinning.events.models import Event, Meeting

PARTIES = (
    "event",
    "slot",
    "request__requester__organisation",
    "request__recipient__organisation",
)


def meetings_between(*, first_id: int, second_id: int) -> QuerySet[Meeting]:
    """The two organisations' live meetings (scheduled, held or missed), in either direction."""
    pair = [first_id, second_id]
    return (
        Meeting.objects.filter(status__in=Meeting.ACTIVE)
        .filter(
            Q(request__requester__organisation_id__in=pair)
            & Q(request__recipient__organisation_id__in=pair)
        )
        .exclude(request__requester__organisation_id=F("request__recipient__organisation_id"))
        .select_related(*PARTIES)
        .order_by("event__starts_on", "pk")
    )


def meetings_by_pks(*, pks: Iterable[int]) -> QuerySet[Meeting]:
    return Meeting.objects.filter(pk__in=list(pks)).select_related(*PARTIES)


def meeting_organisation_ids(*, meeting: Meeting) -> set[int | None]:
    return {
        meeting.request.requester.organisation_id,
        meeting.request.recipient.organisation_id,
    }


def meetings_with_parties() -> QuerySet[Meeting]:
    """Meetings with their event, slot and both organisations: how outcomes list them."""
    return Meeting.objects.select_related(*PARTIES).order_by("event__starts_on", "pk")


def meeting_partner_ids(*, organisation_id: int) -> set[int]:
    """Organisations the organisation has a live meeting with."""
    pairs = Meeting.objects.filter(status__in=Meeting.ACTIVE).filter(
        Q(request__requester__organisation_id=organisation_id)
        | Q(request__recipient__organisation_id=organisation_id)
    )
    found: set[int] = set()
    for pair in pairs.values_list(
        "request__requester__organisation_id", "request__recipient__organisation_id"
    ):
        found.update(pk for pk in pair if pk is not None and pk != organisation_id)
    return found


def meetings_held_in_brokerage_days(
    *, ended_from: dt.date, ended_until: dt.date
) -> QuerySet[Meeting]:
    """Meetings held at brokerage days that ended within the dates, with both participants."""
    return Meeting.objects.filter(
        status=Meeting.Status.HELD,
        event__kind=Event.Kind.BROKERAGE,
        event__ends_on__gte=ended_from,
        event__ends_on__lte=ended_until,
    ).select_related(
        "event", "request__requester__user", "request__recipient__user",
        "request__requester__organisation", "request__recipient__organisation",
    )  # fmt: skip
