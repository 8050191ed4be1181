"""Named permissions for introductions (django-rules)."""

from typing import Any

import rules

from twinning.core.rules import is_operator
from twinning.introductions.models import Introduction
from twinning.organisations.selectors_matching import user_faces, user_is_member


@rules.predicate
def is_member_of(user: Any, organisation: Any) -> bool:
    return organisation is not None and user_is_member(user=user, organisation_id=organisation.pk)


@rules.predicate
def faces(user: Any, organisation: Any) -> bool:
    return organisation is not None and user_faces(user=user, organisation=organisation)


@rules.predicate
def is_recipient_member(user: Any, introduction: Introduction | None) -> bool:
    return introduction is not None and user_is_member(
        user=user, organisation_id=introduction.recipient_id
    )


@rules.predicate
def is_requester_member(user: Any, introduction: Introduction | None) -> bool:
    return introduction is not None and user_is_member(
        user=user, organisation_id=introduction.requester_id
    )


@rules.predicate
def is_requested(user: Any, introduction: Introduction | None) -> bool:
    return introduction is not None and introduction.state == Introduction.State.REQUESTED


can_request = is_member_of
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
