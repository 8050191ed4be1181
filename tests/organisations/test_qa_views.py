import pytest
from django.urls import reverse

from tests.factories import OperatorFactory, PublishedOpportunityFactory

pytestmark = pytest.mark.integration


def test_superuser_sees_only_the_actions_of_a_published_opportunity(client, programme):
    opportunity = PublishedOpportunityFactory()
    client.force_login(OperatorFactory(is_superuser=True))
    page = client.get(reverse("organisations:opportunity", args=[opportunity.pk])).content.decode()

    def offered(step: str) -> bool:
        return reverse(f"organisations:opportunity_{step}", args=[opportunity.pk]) in page

    assert offered("renew") and offered("close")
    assert not any(offered(step) for step in ("edit", "submit", "publish", "reject"))


def test_superuser_cannot_push_a_published_opportunity_back_to_submitted(client, programme):
    opportunity = PublishedOpportunityFactory()
    client.force_login(OperatorFactory(is_superuser=True))
    client.post(reverse("organisations:opportunity_submit", args=[opportunity.pk]))
    opportunity.refresh_from_db()
    assert opportunity.status == "published"
