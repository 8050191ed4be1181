"""Named permissions for the partnership register (django-rules).

Each transition's source states come from its workflow (`outcomes.workflows`, on
`core.transitions`); membership from `organisations.predicates`. The services call `require`
with these names, then `workflow.move`.
"""

from __future__ import annotations

from typing import Any

import rules

from twinning.core.rules import is_operator
from twinning.core.transitions import in_states
from twinning.organisations.predicates import is_member, is_member_of
from twinning.outcomes.models import Outcome
from twinning.outcomes.workflows import CONFIRMATION, STAGES

Stage = Outcome.Stage
Confirmation = Outcome.Confirmation


is_reporter_member = is_member_of(lambda outcome: outcome.reporter_id, name="is_reporter_member")
# The organisation that did not record the outcome: the one who confirms it.
is_partner_member = is_member_of(lambda outcome: outcome.partner_id, name="is_partner_member")
is_party = is_reporter_member | is_partner_member


@rules.predicate
def is_unverified(user: Any, outcome: Outcome | None) -> bool:
    return outcome is not None and outcome.verified_at is None


can_view = is_party | is_operator
can_record = is_member
can_edit = is_party & is_unverified
can_confirm = is_partner_member & is_unverified & CONFIRMATION.rule("confirm")
can_dispute = is_partner_member & is_unverified & CONFIRMATION.rule("dispute")
can_verify = is_operator & is_unverified & in_states(Confirmation.CONFIRMED, field="confirmation")
can_add_evidence = is_party | is_operator
can_move = {
    stage: is_party & STAGES.rule(f"move_to_{stage}")
    for stage in Stage.values
    if f"move_to_{stage}" in STAGES.transitions
}

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
