"""Reads for introductions, including the one question other apps ask: may I see their contacts?"""

from __future__ import annotations

from typing import Any

from django.db.models import F, Q, QuerySet

from twinning.core.models import User
from twinning.introductions.models import OPEN_STATES, Introduction
from twinning.organisations.selectors import organisation_ids_of_user


def _with_relations(queryset: QuerySet[Introduction]) -> QuerySet[Introduction]:
    return queryset.select_related(
        "requester__region", "recipient__region", "opportunity", "requested_by", "decided_by"
    )


def contacts_visible(viewer_user: User, organisation: Any) -> bool:
    """True when one of the viewer's organisations and `organisation` have an accepted
    introduction, in either direction."""
    mine = organisation_ids_of_user(user=viewer_user)
    if not mine or organisation is None:
        return False
    accepted = Introduction.objects.filter(state=Introduction.State.ACCEPTED)
    return accepted.filter(
        Q(requester_id__in=mine, recipient=organisation)
        | Q(recipient_id__in=mine, requester=organisation)
    ).exists()


def introduction_get(*, pk: int) -> Introduction | None:
    return _with_relations(Introduction.objects.filter(pk=pk)).first()


def introductions_incoming(*, user: User) -> QuerySet[Introduction]:
    mine = organisation_ids_of_user(user=user)
    return _with_relations(Introduction.objects.filter(recipient_id__in=mine))


def introductions_outgoing(*, user: User) -> QuerySet[Introduction]:
    mine = organisation_ids_of_user(user=user)
    return _with_relations(Introduction.objects.filter(requester_id__in=mine))


def introductions_all(*, state: str = "") -> QuerySet[Introduction]:
    """The operators' list, newest first, optionally in one state."""
    queryset = Introduction.objects.all()
    if state:
        queryset = queryset.filter(state=state)
    return _with_relations(queryset)


def open_introductions_with(*, organisation: Any, candidate_ids: list[int]) -> dict[int, str]:
    """For each candidate that has an open introduction with `organisation` (either direction),
    its state: lets a list show "interest sent" instead of the button."""
    rows = Introduction.objects.filter(state__in=OPEN_STATES).filter(
        Q(requester=organisation, recipient_id__in=candidate_ids)
        | Q(recipient=organisation, requester_id__in=candidate_ids)
    )
    found: dict[int, str] = {}
    for requester_id, recipient_id, state in rows.values_list(
        "requester_id", "recipient_id", "state"
    ):
        other = recipient_id if requester_id == organisation.pk else requester_id
        found[other] = state
    return found


def introductions_between(*, first_id: int, second_id: int) -> QuerySet[Introduction]:
    """Accepted introductions between two organisations, either way: what an outcome came from."""
    pair = [first_id, second_id]
    return _with_relations(
        Introduction.objects.filter(
            state=Introduction.State.ACCEPTED, requester_id__in=pair, recipient_id__in=pair
        ).exclude(requester_id=F("recipient_id"))
    )


def introduction_partner_ids(*, organisation_id: int) -> set[int]:
    """Organisations the organisation has an accepted introduction with, either way."""
    rows = Introduction.objects.filter(state=Introduction.State.ACCEPTED).filter(
        Q(requester_id=organisation_id) | Q(recipient_id=organisation_id)
    )
    return {
        other
        for pair in rows.values_list("requester_id", "recipient_id")
        for other in pair
        if other != organisation_id
    }
