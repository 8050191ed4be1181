import datetime as dt

import pytest
from django.utils import timezone

from tests.api.conftest import bearer, send
from tests.factories import MembershipFactory, OpportunityFactory, UserFactory
from tests.organisations.test_views import organisation_data
from twinning.organisations.models import Membership, Opportunity, Organisation

pytestmark = pytest.mark.integration


def profile(**overrides):
    data = organisation_data(**overrides)
    if isinstance(data["sectors"], str):
        data["sectors"] = [code.strip() for code in data["sectors"].split(",")]
    data["year_founded"] = int(data["year_founded"])
    return data


def test_a_user_registers_an_organisation_and_owns_it(client, user, programme):
    response = send(client, "POST", "/api/organisations", profile(), bearer(user))
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["side"], body["region"], body["sectors"]) == ("KZ", "kostanay", ["10.11", "10.13"])
    organisation = Organisation.objects.get(slug=body["slug"])
    assert organisation.memberships.get().role == Membership.Role.OWNER


def test_the_forms_checks_answer_field_by_field(client, user, programme):
    bad = profile(sectors=["99.99"], registry_id="123", contact_email="nope")
    response = send(client, "POST", "/api/organisations", bad, bearer(user))
    assert response.status_code == 400
    assert {"sectors", "contact_email"} <= set(response.json()["errors"])
    assert not Organisation.objects.filter(legal_name=bad["legal_name"]).exists()


def test_only_those_who_may_edit_change_the_profile(client, member, outsider, organisation):
    wanted = profile(region="leeds", registry_id="", legal_name="Leeds Meat Machines Ltd")
    path = f"/api/organisations/{organisation.slug}"
    assert send(client, "PUT", path, wanted, bearer(outsider)).status_code == 403
    assert send(client, "PUT", path, wanted).status_code == 401
    response = send(client, "PUT", path, wanted, bearer(member))
    assert response.status_code == 200, response.json()
    organisation.refresh_from_db()
    assert organisation.legal_name == "Leeds Meat Machines Ltd"


def test_owners_add_and_remove_members_and_members_only_read(
    client, member, outsider, organisation
):
    path = f"/api/organisations/{organisation.slug}/members"
    newcomer = UserFactory(email="newcomer@example.org")
    assert client.get(path, **bearer(outsider)).status_code == 403
    added = send(client, "POST", path, {"email": "NEWCOMER@example.org"}, bearer(member))
    assert added.status_code == 201
    assert added.json()["role"] == "member"
    listed = client.get(path, **bearer(newcomer)).json()
    assert listed["count"] == 2
    assert (
        send(client, "POST", path, {"email": "x@example.org"}, bearer(newcomer)).status_code == 403
    )
    unknown = send(client, "POST", path, {"email": "nobody@example.org"}, bearer(member))
    assert list(unknown.json()["errors"]) == ["email"]
    assert client.delete(f"{path}/{newcomer.pk}", **bearer(newcomer)).status_code == 403
    assert client.delete(f"{path}/{newcomer.pk}", **bearer(member)).status_code == 204
    assert client.delete(f"{path}/{newcomer.pk}", **bearer(member)).status_code == 404


def test_the_last_owner_stays(client, member, organisation):
    path = f"/api/organisations/{organisation.slug}/members/{member.pk}"
    response = client.delete(path, **bearer(member))
    assert response.status_code == 400
    assert organisation.memberships.filter(user=member).exists()


def test_an_opportunity_is_edited_with_the_forms_checks(client, member, outsider, organisation):
    opportunity = OpportunityFactory(organisation=organisation)
    path = f"/api/opportunities/{opportunity.pk}"
    wanted = {
        "type": "business_request",
        "title": "Looking for a Kazakh distributor",
        "summary": "Sausage lines.",
        "sectors": ["28.93"],
        "expires_on": (timezone.localdate() + dt.timedelta(days=30)).isoformat(),
    }
    assert send(client, "PUT", path, wanted, bearer(outsider)).status_code == 404
    response = send(client, "PUT", path, wanted, bearer(member))
    assert response.status_code == 200, response.json()
    assert response.json()["title"] == "Looking for a Kazakh distributor"
    past = {**wanted, "expires_on": "2020-01-01"}
    assert list(send(client, "PUT", path, past, bearer(member)).json()["errors"]) == ["expires_on"]


def test_the_validation_queue_is_for_operators(client, member, operator, organisation):
    OpportunityFactory(organisation=organisation, status=Opportunity.Status.SUBMITTED)
    assert client.get("/api/validation/queue", **bearer(member)).status_code == 403
    queue = client.get("/api/validation/queue", **bearer(operator)).json()
    assert queue["count"] == 1


def test_members_list_takes_the_same_queries_for_one_member_or_three(
    client, member, organisation, django_assert_num_queries
):
    headers = bearer(member)
    path = f"/api/organisations/{organisation.slug}/members"
    client.get(path, **headers)
    with django_assert_num_queries(6) as one:
        client.get(path, **headers)
    MembershipFactory.create_batch(2, organisation=organisation)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(path, **headers)
