import pytest

from tests.api.conftest import bearer, send
from tests.factories import MembershipFactory, PublishedOpportunityFactory
from twinning.core.models import ApiToken, User

pytestmark = pytest.mark.integration


def test_my_profile_reads_and_saves_with_the_pages_checks(client, user):
    headers = bearer(user)
    assert client.get("/api/me", **headers).json()["email"] == user.email
    wanted = {"full_name": "Aigerim Sarsen", "phone": "", "language": "kk", "time_zone": ""}
    response = send(client, "PUT", "/api/me", wanted, headers)
    assert response.status_code == 200
    user.refresh_from_db()
    assert (user.full_name, user.language) == ("Aigerim Sarsen", "kk")
    refused = send(client, "PUT", "/api/me", {**wanted, "language": "xx"}, headers)
    assert refused.status_code == 400
    assert list(refused.json()["errors"]) == ["language"]


def test_my_endpoints_refuse_without_a_token(client):
    assert client.get("/api/me").status_code == 401
    assert client.get("/api/me/tokens").status_code == 401
    assert send(client, "POST", "/api/me/tokens", {"name": "x", "password": "x"}).status_code == 401


def test_tokens_are_created_named_listed_and_revoked(client, user):
    headers = bearer(user)
    new = {"name": "reporting script", "password": "correct-horse-battery"}
    assert send(client, "POST", "/api/me/tokens", {**new, "password": "x"}, headers).json()[
        "errors"
    ] == {"password": ["This password is not correct."]}
    created = send(client, "POST", "/api/me/tokens", new, headers)
    assert created.status_code == 201
    body = created.json()
    new_headers = {"HTTP_AUTHORIZATION": f"Bearer {body['key']}"}
    assert client.get("/api/me", **new_headers).status_code == 200
    listed = client.get("/api/me/tokens", **headers).json()
    assert listed["count"] == 2
    assert "key" not in listed["items"][0]
    assert "reporting script" in {item["name"] for item in listed["items"]}
    revoked = client.post(f"/api/me/tokens/{body['id']}/revoke", **headers)
    assert revoked.status_code == 204
    assert client.get("/api/me", **new_headers).status_code == 401
    assert send(client, "POST", "/api/me/tokens", {**new, "name": ""}, headers).status_code == 400


def test_nobody_revokes_another_persons_token(client, user, member):
    theirs = ApiToken.objects.create(user=member, name="theirs", prefix="x", key_hash="h")
    assert client.post(f"/api/me/tokens/{theirs.pk}/revoke", **bearer(user)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None


def test_export_gives_my_data(client, member):
    data = client.get("/api/me/export", **bearer(member)).json()
    assert data["user"]["email"] == member.email
    assert "password" not in data["user"]


def test_delete_needs_my_password_and_confirmation(client, user):
    headers = bearer(user)
    wrong = send(client, "POST", "/api/me/delete", {"password": "nope", "confirm": True}, headers)
    assert wrong.status_code == 400
    assert "password" in wrong.json()["errors"]
    unconfirmed = {"password": "correct-horse-battery", "confirm": False}
    assert send(client, "POST", "/api/me/delete", unconfirmed, headers).status_code == 400
    assert User.objects.filter(pk=user.pk).exists()
    confirmed = {"password": "correct-horse-battery", "confirm": True}
    response = send(client, "POST", "/api/me/delete", confirmed, headers)
    assert response.status_code == 200 and response.json()["reference"].startswith("DEL-")
    assert not User.objects.filter(pk=user.pk).exists()


def test_the_only_owner_of_an_organisation_is_refused_like_on_the_page(client, member):
    confirmed = {"password": "correct-horse-battery", "confirm": True}
    response = send(client, "POST", "/api/me/delete", confirmed, bearer(member))
    assert response.status_code == 400
    assert "only owner" in response.json()["errors"]["__all__"][0]


def test_dashboard_shows_my_organisations_and_the_queue_to_operators(
    client, member, organisation, operator
):
    PublishedOpportunityFactory(organisation=organisation)
    mine = client.get("/api/me/dashboard", **bearer(member)).json()
    assert mine["memberships"][0]["organisation"] == organisation.slug
    assert mine["memberships"][0]["opportunity_count"] == 1
    assert mine["validation_queue"] is None
    assert client.get("/api/me/dashboard", **bearer(operator)).json()["validation_queue"] == 0


def test_overview_is_public(client, programme):
    MembershipFactory()
    body = client.get("/api/overview").json()
    assert body["programme"] == str(programme)


def test_consents_are_listed_and_withdrawn_through_the_api(client, user):
    from twinning.core.services import consent_record

    consent_record(user=user, purpose="marketing")
    listed = client.get("/api/me/consents", **bearer(user)).json()["items"]
    assert [c["purpose"] for c in listed] == ["marketing"]
    response = client.post("/api/me/consents/marketing/withdraw", **bearer(user))
    assert response.status_code == 204
    assert client.get("/api/me/consents", **bearer(user)).json()["items"][0]["withdrawn_at"]
    assert client.post("/api/me/consents/terms/withdraw", **bearer(user)).status_code == 400
