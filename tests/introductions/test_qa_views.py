import pytest
from django.urls import reverse

from tests.factories import OperatorFactory
from tests.matching.scenario import build_scenario

pytestmark = pytest.mark.integration


def test_superuser_without_an_organisation_gets_no_dead_express_interest_button(client, programme):
    scenario = build_scenario(programme)
    url = reverse("organisations:opportunity", args=[scenario.leeds_offer.pk])
    target = reverse("introductions:new", args=[scenario.leeds.pk])
    admin = OperatorFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get(target).status_code == 403
    assert target not in client.get(url).content.decode()
    client.force_login(scenario.kostanay_user)
    assert target in client.get(url).content.decode()
