"""Reads for the brokerage rules: the rules in force at an event, and the counts they limit.

A "party" is the organisation a participant represents, or the person when they represent
none: the programme's cap and "already met" are about organisations, not badges.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from twinning.events.models import BrokerageRules, Event, Meeting, Registration

Pairing = BrokerageRules.Pairing
Repeat = BrokerageRules.Repeat
Party = tuple[str, int]


@dataclass(frozen=True)
class RulesInForce:
    """The programme's rules with the event's overrides applied."""

    pairing: str = Pairing.ANY
    meeting_cap: int | None = None
    repeat_meetings: str = Repeat.FLAG
    region_quota: int | None = None

    @property
    def cross_side(self) -> bool:
        return self.pairing in (Pairing.CROSS_SIDE, Pairing.CROSS_SIDE_TYPES)

    @property
    def by_type(self) -> bool:
        return self.pairing in (Pairing.TYPES, Pairing.CROSS_SIDE_TYPES)


def rules_of_programme(*, programme_id: int) -> BrokerageRules | None:
    return BrokerageRules.objects.filter(programme_id=programme_id).first()


def rules_of_event(*, event: Event) -> BrokerageRules | None:
    return BrokerageRules.objects.filter(event=event).first()


def programme_rules_to_edit(*, programme: Any) -> BrokerageRules:
    """The programme's stored rules, or unsaved defaults for the form to start from."""
    return rules_of_programme(programme_id=programme.pk) or BrokerageRules(programme=programme)


def event_rules_to_edit(*, event: Event) -> BrokerageRules:
    """The event's stored overrides, or unsaved defaults for the form to start from."""
    return rules_of_event(event=event) or BrokerageRules(event=event)


def rules_in_force(*, event: Event) -> RulesInForce:
    programme = rules_of_programme(programme_id=event.programme_id)
    own = rules_of_event(event=event)
    pairing = (own.pairing if own else "") or (programme.pairing if programme else "")
    quota = own.region_quota if own and own.region_quota else None
    if quota is None and programme is not None:
        quota = programme.region_quota
    return RulesInForce(
        pairing=pairing or Pairing.ANY,
        meeting_cap=programme.meeting_cap if programme else None,
        repeat_meetings=programme.repeat_meetings if programme else Repeat.FLAG,
        region_quota=quota,
    )


def party_of(registration: Registration) -> Party:
    return _party(registration.organisation_id, registration.user_id)


def _party_q(prefix: str, party: Party) -> Q:
    kind, pk = party
    return Q(**{f"{prefix}__{kind}_id": pk})


def programme_meeting_count(*, registration: Registration) -> int:
    """Meetings (scheduled, held or missed) of the participant's organisation at every event
    of the programme."""
    party = party_of(registration)
    return (
        Meeting.objects.filter(
            status__in=Meeting.ACTIVE, event__programme_id=registration.event.programme_id
        )
        .filter(_party_q("request__requester", party) | _party_q("request__recipient", party))
        .count()
    )


def region_meeting_count(*, registration: Registration, region_id: int) -> int:
    """The participant's meetings at this event with organisations of one region."""
    mine = Meeting.objects.filter(status__in=Meeting.ACTIVE, event_id=registration.event_id)
    return (
        mine.filter(
            request__requester=registration, request__recipient__organisation__region_id=region_id
        ).count()
        + mine.filter(
            request__recipient=registration, request__requester__organisation__region_id=region_id
        ).count()
    )


def earlier_pairs(*, event: Event) -> dict[frozenset[Party], Event]:
    """Pairs of parties who held a meeting at an earlier event of the programme, with the
    latest such event."""
    held = (
        Meeting.objects.filter(
            status=Meeting.Status.HELD,
            event__programme_id=event.programme_id,
            event__starts_on__lt=event.starts_on,
        )
        .order_by("event__starts_on", "pk")
        .values_list(
            "event_id",
            "request__requester__organisation_id",
            "request__requester__user_id",
            "request__recipient__organisation_id",
            "request__recipient__user_id",
        )
    )
    rows = list(held)
    events = Event.objects.in_bulk({row[0] for row in rows})
    # In date order, so that the latest event of a pair is the one kept.
    return {
        frozenset((_party(org_a, user_a), _party(org_b, user_b))): events[event_id]
        for event_id, org_a, user_a, org_b, user_b in rows
    }


def _party(organisation_id: int | None, user_id: int) -> Party:
    return ("organisation", organisation_id) if organisation_id else ("user", user_id)


def met_before(*, first: Registration, second: Registration) -> Event | None:
    """The earlier event of the programme at which the two parties held a meeting."""
    pairs = earlier_pairs(event=first.event)
    return pairs.get(frozenset((party_of(first), party_of(second))))


def met_before_map(*, registration: Registration, others: list[Registration]) -> dict[int, Event]:
    """Registration id of each of `others` -> the earlier event where they met the viewer."""
    pairs = earlier_pairs(event=registration.event)
    if not pairs:
        return {}
    mine = party_of(registration)
    found = {}
    for other in others:
        earlier = pairs.get(frozenset((mine, party_of(other))))
        if earlier is not None:
            found[other.pk] = earlier
    return found


def same_side_refused(*, rules: RulesInForce, first: Registration, second: Registration) -> bool:
    """Whether the cross-side rule forbids the two to meet."""
    if not rules.cross_side:
        return False
    a, b = first.organisation, second.organisation
    return a is None or b is None or a.side_id == b.side_id


def types_refused(*, rules: RulesInForce, first: Registration, second: Registration) -> bool:
    """Whether the participation-type rule forbids the two to meet."""
    if not rules.by_type:
        return False
    wanted = Registration.COMPLEMENT.get(first.participation)
    return wanted is None or second.participation != wanted


def rules_history(*, rules: BrokerageRules | None) -> list[Any]:
    """The rules' earlier versions, newest first, with who changed them."""
    if rules is None:
        return []
    return list(rules.history.select_related("history_user").order_by("-history_date"))


def repeat_meetings(
    *, event: Event, live: list[Meeting] | None = None
) -> list[tuple[Meeting, Event]]:
    """The event's meetings between parties who held one at an earlier event of the programme,
    each with that earlier event: the operator sees them on the schedule page. `live`: the
    event's live meetings with their participants, if the caller has them already."""
    pairs = earlier_pairs(event=event)
    if not pairs:
        return []
    if live is None:
        live = list(
            Meeting.objects.filter(event=event, status__in=Meeting.ACTIVE)
            .select_related("request__requester__user", "request__recipient__user")
            .order_by("pk")
        )
    found = []
    for meeting in live:
        key = frozenset((party_of(meeting.request.requester), party_of(meeting.request.recipient)))
        if key in pairs:
            found.append((meeting, pairs[key]))
    return found
