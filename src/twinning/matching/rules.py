"""Named permissions for recommendations and feedback (django-rules)."""

import rules

from twinning.core.rules import is_operator
from twinning.organisations.predicates import is_member

# A list says whom the organisation should meet and what it told us about them: its own business.
can_view_recommendations = is_member | is_operator
can_give_feedback = is_member

rules.add_perm("matching.view_recommendations", can_view_recommendations)
rules.add_perm("matching.give_feedback", can_give_feedback)
rules.add_perm("matching.refresh", is_member | is_operator)
rules.add_perm("matching.operate", is_operator)
