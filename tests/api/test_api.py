import pytest

from tests.factories import OpportunityFactory, PublishedOpportunityFactory
from twinning.core.models import ApiToken
from twinning.core.services import api_token_create, api_token_revoke
from twinning.organisations.models import Opportunity

pytestmark = pytest.mark.integration


def bearer(user):
    _, key = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_openapi_schema_lists_the_routes(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "Twinning API"
    assert "/api/opportunities" in schema["paths"]
    assert "/api/opportunities/{pk}/publish" in schema["paths"]
    for path in (
        "/api/organisations/{slug}/recommendations",
        "/api/jobs/{job_id}",
        "/api/introductions/{pk}/accept",
        "/api/events/{slug}/agenda",
        "/api/events/{slug}/schedule/runs",
        "/api/film/estimate",
    ):
        assert path in schema["paths"], path
    estimate = schema["paths"]["/api/film/estimate"]["post"]
    assert "application/json" in estimate["requestBody"]["content"]


def test_token_is_stored_hashed_and_shown_once(user):
    token, key = api_token_create(user=user, name="laptop")
    assert key not in token.key_hash
    assert token.prefix == key[:8]
    assert ApiToken.objects.filter(key_hash=token.key_hash).count() == 1


def test_directory_lists_only_published_without_contact_details(client, organisation):
    published = PublishedOpportunityFactory(organisation=organisation, title="Мясной цех")
    OpportunityFactory(organisation=organisation, title="Secret draft")
    response = client.get("/api/opportunities", {"q": "МЯСНОЙ"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["reference"] for item in items] == [published.reference]
    assert "contact_email" not in items[0]


def test_draft_is_hidden_from_the_public_and_others_but_not_members(
    client, member, outsider, organisation
):
    draft = OpportunityFactory(organisation=organisation)
    url = f"/api/opportunities/{draft.pk}"
    assert client.get(url).status_code == 404
    assert client.get(url, **bearer(outsider)).status_code == 404
    assert client.get(url, **bearer(member)).status_code == 200


def test_my_endpoints_need_a_valid_token(client, member):
    assert client.get("/api/me/organisations").status_code == 401
    assert client.get("/api/me/organisations", HTTP_AUTHORIZATION="Bearer nope").status_code == 401
    response = client.get("/api/me/organisations", **bearer(member))
    assert response.status_code == 200
    assert len(response.json()["items"]) == 1


def test_revoked_token_is_refused(client, member):
    token, key = api_token_create(user=member, name="old")
    api_token_revoke(token=token, by=member)
    response = client.get("/api/me/organisations", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 401


def opportunity_payload(organisation, **overrides):
    payload = {
        "organisation": organisation.slug,
        "type": "business_offer",
        "title": "Meat-processing lines",
        "summary": "Complete lines for small plants.",
        "sectors": ["28.93"],
        "languages": ["en", "ru"],
    }
    payload.update(overrides)
    return payload


def test_member_creates_and_submits_an_opportunity(client, member, organisation):
    headers = bearer(member)
    response = client.post(
        "/api/opportunities",
        opportunity_payload(organisation),
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "draft"
    assert body["languages"] == ["en", "ru"]
    response = client.post(f"/api/opportunities/{body['id']}/submit", **headers)
    assert response.status_code == 200
    assert response.json()["status"] == "submitted"


def test_other_organisation_cannot_create_or_submit_by_id(client, outsider, organisation):
    headers = bearer(outsider)
    response = client.post(
        "/api/opportunities",
        opportunity_payload(organisation),
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 404
    draft = OpportunityFactory(organisation=organisation)
    assert client.post(f"/api/opportunities/{draft.pk}/submit", **headers).status_code == 404
    draft.refresh_from_db()
    assert draft.status == Opportunity.Status.DRAFT
    assert Opportunity.objects.count() == 1


def test_bad_input_gets_field_errors_and_changes_nothing(client, member, organisation):
    payload = opportunity_payload(organisation, sectors=[])
    response = client.post(
        "/api/opportunities", payload, content_type="application/json", **bearer(member)
    )
    assert response.status_code == 400
    assert "sectors" in response.json()["errors"]
    assert not Opportunity.objects.exists()


def test_operator_publishes_member_cannot(client, member, operator, organisation):
    submitted = OpportunityFactory(organisation=organisation, status=Opportunity.Status.SUBMITTED)
    url = f"/api/opportunities/{submitted.pk}/publish"
    assert client.post(url, **bearer(member)).status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Opportunity.Status.SUBMITTED
    response = client.post(url, **bearer(operator))
    assert response.status_code == 200
    assert response.json()["status"] == "published"


def test_reject_requires_reason(client, operator, organisation):
    submitted = OpportunityFactory(organisation=organisation, status=Opportunity.Status.SUBMITTED)
    url = f"/api/opportunities/{submitted.pk}/reject"
    response = client.post(
        url, {"reason": " "}, content_type="application/json", **bearer(operator)
    )
    assert response.status_code == 400
    response = client.post(
        url, {"reason": "Add prices"}, content_type="application/json", **bearer(operator)
    )
    assert response.json()["status"] == "rejected"


def test_sector_search_in_three_languages(client, db):
    assert client.get("/api/sectors", {"q": "28.93"}).json()["items"][0]["code"] == "28.93"
    russian = client.get("/api/sectors", {"q": "мяса", "level": 4}).json()["items"]
    assert any(item["code"] == "10.11" for item in russian)
    kazakh = client.get("/api/sectors", {"q": "құрылыс", "level": 1}).json()["items"]
    assert [item["code"] for item in kazakh] == ["F"]


def test_regions_by_side(client, db):
    regions = client.get("/api/regions", {"side": "KZ"}).json()["items"]
    assert {r["side"] for r in regions} == {"KZ"}
    assert any(r["slug"] == "kostanay" for r in regions)


def test_api_docs_are_served_from_our_own_static_files(client, db):
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert b"/static/ninja/swagger-ui-bundle.js" in response.content
    assert b"cdn" not in response.content.lower()


def test_a_sector_with_its_path_and_what_is_below_it(client, db):
    body = client.get("/api/sectors/28.9").json()
    assert [s["code"] for s in body["ancestors"]] == ["C", "28"]
    assert "28.93" in [s["code"] for s in body["children"]]
    assert client.get("/api/sectors/99.99").status_code == 404
