"""Opportunities created at the same moment (PostgreSQL only): distinct references, no 500."""

from tests.concurrency import CONCURRENT, at_once, refused
from tests.factories import MembershipFactory, OrganisationFactory
from tests.organisations.test_services import new_opportunity
from twinning.organisations.models import Opportunity

pytestmark = CONCURRENT


def test_two_organisations_creating_opportunities_at_once_get_distinct_references(programme):
    owners = [
        MembershipFactory(organisation=OrganisationFactory(programme=programme)) for _ in range(3)
    ]
    outcomes = at_once(*(lambda m=m: new_opportunity(m.organisation, m.user) for m in owners))
    assert refused(outcomes) == 0
    references = set(Opportunity.objects.values_list("reference", flat=True))
    assert len(references) == 3


def test_a_double_submitted_opportunity_is_created_once(programme):
    owner = MembershipFactory(organisation=OrganisationFactory(programme=programme))
    outcomes = at_once(*(lambda: new_opportunity(owner.organisation, owner.user),) * 2)
    assert refused(outcomes) == 0
    assert outcomes[0].pk == outcomes[1].pk
    assert Opportunity.objects.filter(organisation=owner.organisation).count() == 1
