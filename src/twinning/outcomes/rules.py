"""Named permissions for the partnership register (django-rules).

Each transition declares the states it starts from (`in_stages`, `confirmation_in`), as the film
workflow does; the services call `require` with these names.
"""

from __future__ import annotations

from typing import Any

import rules

from twinning.core.rules import is_operator
from twinning.organisations.selectors_matching import organisation_ids_of_user, user_is_member
from twinning.outcomes.models import Outcome

Stage = Outcome.Stage
Confirmation = Outcome.Confirmation


def _mine(user: Any, outcome: Outcome | None) -> set[int]:
    if outcome is None or not user.is_authenticated:
        return set()
    return set(organisation_ids_of_user(user=user)) & set(outcome.parties())


@rules.predicate
def is_party(user: Any, outcome: Outcome | None) -> bool:
    """A member of either organisation of the outcome."""
    return bool(_mine(user, outcome))


@rules.predicate
def is_partner_member(user: Any, outcome: Outcome | None) -> bool:
    """A member of the organisation that did not record the outcome: the one who confirms."""
    return outcome is not None and outcome.partner_id in _mine(user, outcome)


@rules.predicate
def is_member_of(user: Any, organisation: Any) -> bool:
    return organisation is not None and user_is_member(user=user, organisation_id=organisation.pk)


@rules.predicate
def is_unverified(user: Any, outcome: Outcome | None) -> bool:
    return outcome is not None and outcome.verified_at is None


def in_stages(*stages: str) -> rules.Predicate:
    def check(user: Any, outcome: Outcome | None) -> bool:
        return outcome is not None and outcome.stage in stages

    return rules.Predicate(check, name=f"in_stages({', '.join(stages)})")


def confirmation_in(*states: str) -> rules.Predicate:
    def check(user: Any, outcome: Outcome | None) -> bool:
        return outcome is not None and outcome.confirmation in states

    return rules.Predicate(check, name=f"confirmation_in({', '.join(states)})")


def sources_of(stage: str) -> tuple[str, ...]:
    """The stages a move to `stage` may start from: any earlier one; lost from any open one."""
    if stage == Stage.LOST:
        return Outcome.ORDER
    return Outcome.ORDER[: Outcome.ORDER.index(stage)]


can_view = is_party | is_operator
can_record = is_member_of
can_edit = is_party & is_unverified
can_confirm = (
    is_partner_member & is_unverified & confirmation_in(Confirmation.PENDING, Confirmation.DISPUTED)
)
can_dispute = (
    is_partner_member
    & is_unverified
    & confirmation_in(Confirmation.PENDING, Confirmation.CONFIRMED)
)
can_verify = is_operator & is_unverified & confirmation_in(Confirmation.CONFIRMED)
can_add_evidence = is_party | is_operator
can_move = {stage: is_party & in_stages(*sources_of(stage)) for stage in Stage.values}

rules.add_perm("outcomes.view", can_view)
rules.add_perm("outcomes.view_evidence", can_view)
rules.add_perm("outcomes.record", can_record)
rules.add_perm("outcomes.operate", is_operator)
rules.add_perm("outcomes.list_own", rules.is_authenticated)
# Without Django's superuser shortcut, as the services check them and the buttons show them.
for _name, _predicate in [
    ("edit", can_edit),
    ("confirm", can_confirm),
    ("dispute", can_dispute),
    ("verify", can_verify),
    ("add_evidence", can_add_evidence),
    *((f"move_to_{stage}", predicate) for stage, predicate in can_move.items()),
]:
    rules.add_perm(f"outcomes.{_name}", _predicate)
    rules.add_rule(f"outcomes.{_name}", _predicate)
