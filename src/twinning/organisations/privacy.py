"""The organisations' part of a person's export: memberships, and the profile and opportunities
of each organisation they belong to (what they can see as a member)."""

from __future__ import annotations

from typing import Any

from twinning.core.models import User
from twinning.core.privacy import records
from twinning.organisations.models import Membership, Opportunity, Organisation


def personal_data(*, user: User) -> dict[str, Any]:
    memberships = Membership.objects.filter(user=user).order_by("pk")
    organisations = Organisation.objects.filter(memberships__user=user).order_by("pk")
    return {
        "memberships": records(memberships),
        "organisations": records(organisations),
        "opportunities_of_my_organisations": records(
            Opportunity.objects.filter(organisation__in=organisations).order_by("pk")
        ),
        "opportunities_i_created": records(
            Opportunity.objects.filter(created_by=user).order_by("pk")
        ),
    }
