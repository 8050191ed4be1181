"""Named permissions for recommendations and feedback (django-rules)."""

from typing import Any

import rules

from twinning.core.rules import is_operator
from twinning.organisations.selectors_matching import user_is_member


@rules.predicate
def is_member_of(user: Any, organisation: Any) -> bool:
    return organisation is not None and user_is_member(user=user, organisation_id=organisation.pk)


# A list says whom the organisation should meet and what it told us about them: its own business.
can_view_recommendations = is_member_of | is_operator
can_give_feedback = is_member_of

rules.add_perm("matching.view_recommendations", can_view_recommendations)
rules.add_perm("matching.give_feedback", can_give_feedback)
rules.add_perm("matching.refresh", is_member_of | is_operator)
rules.add_perm("matching.operate", is_operator)
