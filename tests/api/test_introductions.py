import pytest

from tests.api.conftest import bearer
from tests.factories import MembershipFactory, OrganisationFactory, PublishedOpportunityFactory
from twinning.introductions import services
from twinning.introductions.models import Introduction

pytestmark = pytest.mark.integration


@pytest.fixture
def kazakh(outsider):
    return outsider.organisations.get()


@pytest.fixture
def contacts(organisation, kazakh):
    for org, email in ((organisation, "leeds@example.org"), (kazakh, "almaty@example.kz")):
        org.contact_email = email
        org.save()


def express(client, user, requester, recipient, **extra):
    payload = {
        "requester": requester.slug,
        "recipient": recipient.slug,
        "message": "Shall we talk?",
        **extra,
    }
    return client.post(
        "/api/introductions", payload, content_type="application/json", **bearer(user)
    )


def requested(member, organisation, kazakh):
    return services.introduction_request(
        requester=organisation, recipient=kazakh, by=member, message="Hello"
    )


def test_member_expresses_interest_without_seeing_contacts(
    client, member, organisation, kazakh, contacts
):
    opportunity = PublishedOpportunityFactory(organisation=kazakh)
    response = express(client, member, organisation, kazakh, opportunity=opportunity.pk)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["state"] == "requested" and body["direction"] == "outgoing"
    assert body["opportunity"] == opportunity.pk
    assert body["recipient"]["contact"] is None


def test_interest_from_another_organisation_is_refused(client, outsider, organisation, kazakh):
    response = express(client, outsider, organisation, kazakh)
    assert response.status_code == 404
    assert not Introduction.objects.exists()


def test_bad_interest_gets_400_and_changes_nothing(client, member, organisation, kazakh):
    response = express(client, member, organisation, kazakh, message=" ")
    assert response.status_code == 400
    assert "message" in response.json()["errors"]
    assert express(client, member, organisation, organisation).status_code == 400
    kazakh.slug = "nobody"
    assert "recipient" in express(client, member, organisation, kazakh).json()["errors"]
    kazakh.refresh_from_db()
    foreign = PublishedOpportunityFactory(organisation=organisation)
    response = express(client, member, organisation, kazakh, opportunity=foreign.pk)
    assert response.status_code == 400
    assert "another organisation" in str(response.json()["errors"])
    assert not Introduction.objects.exists()


def test_lists_mine_by_direction(client, member, outsider, organisation, kazakh):
    introduction = requested(member, organisation, kazakh)
    mine = client.get("/api/introductions", {"direction": "outgoing"}, **bearer(member)).json()[
        "items"
    ]
    assert [i["id"] for i in mine] == [introduction.pk]
    assert (
        client.get("/api/introductions", {"direction": "incoming"}, **bearer(member)).json()[
            "items"
        ]
        == []
    )
    theirs = client.get("/api/introductions", **bearer(outsider)).json()["items"]
    assert [(i["id"], i["direction"]) for i in theirs] == [(introduction.pk, "incoming")]
    stranger = MembershipFactory(organisation=OrganisationFactory()).user
    assert client.get("/api/introductions", **bearer(stranger)).json()["items"] == []
    assert client.get("/api/introductions").status_code == 401


def test_accepting_reveals_contacts_to_both(
    client, member, outsider, organisation, kazakh, contacts
):
    introduction = requested(member, organisation, kazakh)
    detail = client.get(f"/api/introductions/{introduction.pk}", **bearer(member)).json()
    assert detail["recipient"]["contact"] is None
    response = client.post(f"/api/introductions/{introduction.pk}/accept", **bearer(outsider))
    assert response.status_code == 200
    assert response.json()["requester"]["contact"]["email"] == "leeds@example.org"
    detail = client.get(f"/api/introductions/{introduction.pk}", **bearer(member)).json()
    assert detail["state"] == "accepted"
    assert detail["recipient"]["contact"]["email"] == "almaty@example.kz"


def test_requester_cannot_accept_own_interest(client, member, organisation, kazakh):
    introduction = requested(member, organisation, kazakh)
    response = client.post(f"/api/introductions/{introduction.pk}/accept", **bearer(member))
    assert response.status_code == 403
    introduction.refresh_from_db()
    assert introduction.state == Introduction.State.REQUESTED


def test_decline_and_withdraw_belong_to_their_sides(client, member, outsider, organisation, kazakh):
    introduction = requested(member, organisation, kazakh)
    url = f"/api/introductions/{introduction.pk}"
    assert client.post(f"{url}/withdraw", **bearer(outsider)).status_code == 403
    assert client.post(f"{url}/decline", **bearer(member)).status_code == 403
    response = client.post(f"{url}/decline", **bearer(outsider))
    assert response.json()["state"] == "declined"
    again = requested(member, organisation, kazakh)
    response = client.post(f"/api/introductions/{again.pk}/withdraw", **bearer(member))
    assert response.json()["state"] == "withdrawn"
    assert (
        client.post(f"/api/introductions/{again.pk}/withdraw", **bearer(member)).status_code == 403
    )


def test_others_introductions_are_not_found(client, member, organisation, kazakh, operator):
    introduction = requested(member, organisation, kazakh)
    stranger = MembershipFactory(organisation=OrganisationFactory()).user
    url = f"/api/introductions/{introduction.pk}"
    assert client.get(url, **bearer(stranger)).status_code == 404
    assert client.post(f"{url}/accept", **bearer(stranger)).status_code == 404
    introduction.refresh_from_db()
    assert introduction.state == Introduction.State.REQUESTED
    assert client.get(url, **bearer(operator)).json()["direction"] == "other"
    assert client.get("/api/introductions/999999", **bearer(member)).status_code == 404


def test_operator_brokers_an_introduction(client, member, organisation, kazakh, operator):
    introduction = requested(member, organisation, kazakh)
    response = client.post(f"/api/introductions/{introduction.pk}/accept", **bearer(operator))
    assert response.status_code == 200
    assert response.json()["brokered"] is True


def test_operators_list_every_introduction(client, member, operator, outsider):
    headers = bearer(member)
    assert client.get("/api/introductions/all", **headers).status_code == 403
    assert client.get("/api/introductions/all", **bearer(operator)).json()["count"] == 0
