"""Named permissions for introductions (django-rules)."""

from typing import Any

import rules

from twinning.core.rules import is_operator
from twinning.introductions.models import Introduction
from twinning.organisations.predicates import faces, is_member, is_member_of

is_recipient_member = is_member_of(
    lambda introduction: introduction.recipient_id, name="is_recipient_member"
)
is_requester_member = is_member_of(
    lambda introduction: introduction.requester_id, name="is_requester_member"
)


@rules.predicate
def is_requested(user: Any, introduction: Introduction | None) -> bool:
    return introduction is not None and introduction.state == Introduction.State.REQUESTED


can_request = is_member
can_answer = is_recipient_member & is_requested
can_broker = is_operator & is_requested
can_withdraw = is_requester_member & is_requested
can_view = is_requester_member | is_recipient_member | is_operator

rules.add_perm("introductions.request", can_request)
rules.add_perm("introductions.answer", can_answer)
rules.add_perm("introductions.broker", can_broker)
rules.add_perm("introductions.withdraw", can_withdraw)
rules.add_perm("introductions.view", can_view)
rules.add_perm("introductions.operate", is_operator)
# The button on an organisation's or opportunity's page: the object is the organisation.
rules.add_perm("introductions.express_interest", faces)
# The same test for templates, without Django's superuser shortcut: a superuser with no
# organisation on the other side would be shown a button that leads to "forbidden".
rules.add_rule("introductions.express_interest", faces)
