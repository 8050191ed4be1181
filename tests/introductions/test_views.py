import pytest
from django.urls import reverse

from tests import html_forms
from tests.factories import (
    MembershipFactory,
    OperatorFactory,
    OrganisationFactory,
    UserFactory,
    region,
)
from tests.matching.scenario import build_scenario
from twinning.introductions import services
from twinning.introductions.models import Introduction

pytestmark = pytest.mark.integration


@pytest.fixture
def scenario(programme):
    return build_scenario(programme)


def new_url(scenario, **query):
    url = reverse("introductions:new", args=[scenario.kostanay.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def request(scenario):
    return services.introduction_request(
        requester=scenario.leeds,
        recipient=scenario.kostanay,
        by=scenario.leeds_user,
        message="Let us talk about your new sausage line.",
    )


def test_express_interest_from_a_recommendation(client, scenario):
    client.force_login(scenario.leeds_user)
    url = new_url(
        scenario, organisation=scenario.leeds.pk, opportunity=scenario.kostanay_request.pk
    )
    page = client.get(url)
    assert page.status_code == 200
    assert scenario.kostanay_request.title in page.content.decode()
    response = client.post(url, {"organisation": scenario.leeds.pk, "message": "Hello Kostanay"})
    assert response.status_code == 302 and response.url == reverse("introductions:mine")
    introduction = Introduction.objects.get()
    assert (introduction.requester, introduction.recipient) == (scenario.leeds, scenario.kostanay)
    assert introduction.opportunity == scenario.kostanay_request


def test_express_interest_needs_an_organisation_on_the_other_side(client, scenario):
    same_side = MembershipFactory(organisation=scenario.almaty_film).user
    client.force_login(same_side)
    assert client.get(new_url(scenario)).status_code == 403
    client.force_login(UserFactory())
    assert client.get(new_url(scenario)).status_code == 403
    assert client.get(reverse("introductions:new", args=[999_999])).status_code == 404


def test_daily_limit_message_is_shown_on_the_form(client, scenario):
    scenario.programme.interest_daily_limit = 0
    scenario.programme.save(update_fields=["interest_daily_limit"])
    client.force_login(scenario.leeds_user)
    response = client.post(new_url(scenario), {"organisation": scenario.leeds.pk, "message": "Hi"})
    assert response.status_code == 200
    assert "daily limit" in response.content.decode()
    assert not Introduction.objects.exists()


def test_accepting_reveals_contacts_on_the_organisation_page(client, scenario):
    introduction = request(scenario)
    detail = reverse("organisations:detail", args=[scenario.kostanay.slug])
    client.force_login(scenario.leeds_user)
    assert scenario.kostanay.contact_email not in client.get(detail).content.decode()
    client.force_login(scenario.kostanay_user)
    mine = client.get(reverse("introductions:mine")).content.decode()
    assert "sausage line" in mine
    client.post(reverse("introductions:accept", args=[introduction.pk]))
    introduction.refresh_from_db()
    assert introduction.state == Introduction.State.ACCEPTED and not introduction.brokered
    leeds_page = client.get(reverse("organisations:detail", args=[scenario.leeds.slug]))
    assert scenario.leeds.contact_email in leeds_page.content.decode()
    client.force_login(scenario.leeds_user)
    assert scenario.kostanay.contact_email in client.get(detail).content.decode()
    outgoing = client.get(reverse("introductions:mine")).content.decode()
    assert scenario.kostanay.contact_phone in outgoing


def test_strangers_cannot_touch_an_introduction(client, scenario):
    introduction = request(scenario)
    client.force_login(MembershipFactory(organisation=scenario.astana_soft).user)
    assert client.post(reverse("introductions:accept", args=[introduction.pk])).status_code == 404
    client.force_login(scenario.leeds_user)  # the requester cannot accept its own request
    assert client.post(reverse("introductions:accept", args=[introduction.pk])).status_code == 403
    introduction.refresh_from_db()
    assert introduction.state == Introduction.State.REQUESTED


def test_operator_brokers_from_the_list(client, scenario, operator):
    introduction = request(scenario)
    client.force_login(operator)
    page = client.get(reverse("introductions:all"), {"state": "requested"})
    assert "Broker" in page.content.decode()
    response = client.post(
        reverse("introductions:accept", args=[introduction.pk]),
        {"next": reverse("introductions:all")},
    )
    assert response.url == reverse("introductions:all")
    introduction.refresh_from_db()
    assert introduction.brokered and introduction.state == Introduction.State.ACCEPTED


def test_members_cannot_open_the_operators_list(client, scenario):
    client.force_login(scenario.leeds_user)
    assert client.get(reverse("introductions:all")).status_code == 403


def _introductions(programme):
    """A recipient's user, and `grow`, which sends the recipient one more request."""
    recipient = OrganisationFactory(programme=programme, region=region("kostanay"))
    user = MembershipFactory(organisation=recipient).user

    def grow():
        requester = OrganisationFactory(programme=programme)
        services.introduction_request(
            requester=requester,
            recipient=recipient,
            by=MembershipFactory(organisation=requester).user,
            message="Hello",
        )

    return user, grow


@pytest.mark.pins("introductions:mine")
def test_my_introductions_queries_do_not_grow(client, programme, pinned_queries):
    user, grow = _introductions(programme)
    client.force_login(user)
    pinned_queries(reverse("introductions:mine"), grow)


@pytest.mark.pins("introductions:all")
def test_operator_list_queries_do_not_grow(client, programme, operator, pinned_queries):
    _user, grow = _introductions(programme)
    client.force_login(operator)
    pinned_queries(reverse("introductions:all"), grow)


def test_opportunity_page_offers_express_interest_to_the_other_side_only(client, scenario):
    url = reverse("organisations:opportunity", args=[scenario.leeds_offer.pk])
    target = reverse("introductions:new", args=[scenario.leeds.pk])
    client.force_login(scenario.kostanay_user)
    page = client.get(url).content.decode()
    assert f'href="{target}?opportunity={scenario.leeds_offer.pk}"' in page
    client.force_login(MembershipFactory(organisation=scenario.sheffield_soft).user)
    assert target not in client.get(url).content.decode()
    client.logout()
    assert target not in client.get(url).content.decode()


def test_a_member_of_one_organisation_expresses_interest_from_an_opportunity_page(client, scenario):
    """The form is posted as the browser sends it: the hidden "on behalf of" field included."""
    client.force_login(scenario.kostanay_user)
    opportunity = client.get(reverse("organisations:opportunity", args=[scenario.leeds_offer.pk]))
    link = f"{reverse('introductions:new', args=[scenario.leeds.pk])}?opportunity="
    assert link in opportunity.content.decode()
    url = f"{link}{scenario.leeds_offer.pk}"
    form = html_forms.find(client.get(url).content.decode())
    assert form.hidden["organisation"] == str(scenario.kostanay.pk)

    response = client.post(url, form.submission(message="We would like to buy your line."))

    assert response.status_code == 302 and response.url == reverse("introductions:mine")
    introduction = Introduction.objects.get()
    assert introduction.requester == scenario.kostanay
    assert introduction.opportunity == scenario.leeds_offer


def test_an_error_on_the_hidden_organisation_field_is_shown(client, scenario):
    client.force_login(scenario.kostanay_user)
    url = reverse("introductions:new", args=[scenario.leeds.pk])
    form = html_forms.find(client.get(url).content.decode())
    page = client.post(url, form.submission(organisation="999999", message="Hello")).content
    assert "On behalf of: Select a valid choice." in page.decode()
    assert not Introduction.objects.exists()


def test_the_dashboard_lists_introductions_waiting_for_an_answer(client, scenario):
    request(scenario)
    client.force_login(scenario.kostanay_user)
    page = client.get(reverse("core:dashboard")).content.decode()
    assert 'data-testid="panel-introductions"' in page
    assert f"{scenario.leeds} would like to meet {scenario.kostanay}." in page


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
