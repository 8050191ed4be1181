import json
from io import StringIO

import pytest
from django.core.management import call_command

from tests.api.conftest import bearer
from tests.film.test_request import ISSUE_EXAMPLE
from tests.film.test_services import new_application
from twinning.film.models import FilmApplication

pytestmark = pytest.mark.integration

State = FilmApplication.State


@pytest.fixture
def studio(db, programme):
    from tests.factories import OrganisationFactory

    return OrganisationFactory(programme=programme, kind="studio", legal_name="Dales Pictures Ltd")


@pytest.fixture
def producer(studio):
    from tests.factories import MembershipFactory

    return MembershipFactory(organisation=studio).user


@pytest.fixture
def application(studio, producer):
    return new_application(studio, producer)


def post_json(client, path, data, headers=None):
    body = data if isinstance(data, str) else json.dumps(data)
    return client.post(path, body, content_type="application/json", **(headers or {}))


def test_estimate_is_public_and_matches_the_command(client, db, tmp_path):
    response = post_json(client, "/api/film/estimate?date=2025-06-01", ISSUE_EXAMPLE)
    assert response.status_code == 200, response.content
    path = tmp_path / "steppe.json"
    path.write_text(json.dumps(ISSUE_EXAMPLE), encoding="utf-8")
    out = StringIO()
    call_command("film_estimate", str(path), "--date", "2025-06-01", stdout=out)
    assert response.json() == json.loads(out.getvalue())
    assert response.json()["schemes"][0]["amount_if_eligible"] == "120000000.00"


def test_estimate_names_the_bad_field(client, db):
    document = json.loads(json.dumps(ISSUE_EXAMPLE))
    document["production"]["format"] = "film"
    document["lines"][0]["amount"] = -1
    response = post_json(client, "/api/film/estimate", document)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert "production.format" in errors
    assert "lines[0].amount" in errors


def test_estimate_refuses_broken_json_and_bad_dates(client, db):
    response = post_json(client, "/api/film/estimate", '{"production":')
    assert response.status_code == 400
    assert "Not valid JSON" in response.json()["errors"]["__all__"][0]
    response = post_json(client, "/api/film/estimate?date=soon", ISSUE_EXAMPLE)
    assert response.status_code == 400
    assert "date" in response.json()["errors"]


def test_producer_lists_and_reads_own_applications(client, application, producer):
    listed = client.get("/api/film/applications", **bearer(producer)).json()["items"]
    assert [item["id"] for item in listed] == [application.pk]
    detail = client.get(f"/api/film/applications/{application.pk}", **bearer(producer)).json()
    assert detail["state"] == "draft"
    assert detail["estimate"]["schemes"]


def test_another_organisation_cannot_see_or_submit(client, application, member):
    url = f"/api/film/applications/{application.pk}"
    assert client.get("/api/film/applications", **bearer(member)).json()["items"] == []
    assert client.get(url, **bearer(member)).status_code == 404
    assert client.post(f"{url}/submit", **bearer(member)).status_code == 404
    application.refresh_from_db()
    assert application.state == State.DRAFT
    assert client.get("/api/film/applications").status_code == 401


def test_producer_submits_operator_reviews_and_approves(client, application, producer, operator):
    url = f"/api/film/applications/{application.pk}"
    assert client.post(f"{url}/submit", **bearer(producer)).json()["state"] == "submitted"
    assert client.post(f"{url}/start-review", **bearer(producer)).status_code == 403
    assert client.post(f"{url}/start-review", **bearer(operator)).json()["state"] == "under_review"
    approval = {"amount": "1000", "currency": "kzt"}
    assert post_json(client, f"{url}/approve", approval, bearer(producer)).status_code == 403
    response = post_json(client, f"{url}/approve", approval, bearer(operator))
    assert response.json()["state"] == "approved"
    assert response.json()["approved_currency"] == "KZT"
    paid = {"amount": "1000", "paid_on": "2026-01-15"}
    assert post_json(client, f"{url}/mark-paid", paid, bearer(operator)).json()["state"] == "paid"


def test_operator_transitions_need_their_fields(client, application, producer, operator):
    url = f"/api/film/applications/{application.pk}"
    client.post(f"{url}/submit", **bearer(producer))
    response = post_json(client, f"{url}/request-changes", {"message": " "}, bearer(operator))
    assert response.status_code == 400
    assert "message" in response.json()["errors"]
    client.post(f"{url}/start-review", **bearer(operator))
    zero = {"amount": "0", "currency": "KZT"}
    assert "amount" in post_json(client, f"{url}/approve", zero, bearer(operator)).json()["errors"]
    missing = post_json(client, f"{url}/approve", {"amount": "x"}, bearer(operator))
    assert set(missing.json()["errors"]) == {"amount", "currency"}
    assert post_json(client, f"{url}/reject", {"reason": ""}, bearer(operator)).status_code == 400
    application.refresh_from_db()
    assert application.state == State.UNDER_REVIEW
    response = post_json(client, f"{url}/reject", {"reason": "Too short"}, bearer(operator))
    assert response.json()["rejection_reason"] == "Too short"


def test_queue_is_for_operators(client, application, producer, operator):
    client.post(f"/api/film/applications/{application.pk}/submit", **bearer(producer))
    assert client.get("/api/film/queue", **bearer(producer)).status_code == 403
    queued = client.get("/api/film/queue", **bearer(operator)).json()["items"]
    assert [item["id"] for item in queued] == [application.pk]


def test_a_producer_saves_an_estimate_as_a_draft_and_edits_it(client, studio, producer, member):
    document = {**json.loads(json.dumps(ISSUE_EXAMPLE)), "organisation": studio.slug}
    refused = post_json(client, "/api/film/applications", document, bearer(member))
    assert list(refused.json()["errors"]) == ["organisation"]
    created = post_json(client, "/api/film/applications", document, bearer(producer))
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["state"] == "draft"
    path = f"/api/film/applications/{body['id']}"
    changed = client.patch(
        path,
        json.dumps({"shoot_plan": "Charyn canyon, June"}),
        content_type="application/json",
        **bearer(producer),
    )
    assert changed.status_code == 200, changed.json()
    assert FilmApplication.objects.get(pk=body["id"]).shoot_plan == "Charyn canyon, June"
    broken = {"production": {"title": ""}, "lines": []}
    bad = client.patch(
        path, json.dumps(broken), content_type="application/json", **bearer(producer)
    )
    assert bad.status_code == 400
    other = client.patch(path, "{}", content_type="application/json", **bearer(member))
    assert other.status_code == 404


def test_documents_are_uploaded_downloaded_privately_and_removed(
    client, application, producer, member
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("budget.pdf", b"%PDF-1.4 budget", content_type="application/pdf")
    path = f"/api/film/applications/{application.pk}/documents"
    added = client.post(path, {"kind": "budget", "upload": upload}, **bearer(producer))
    assert added.status_code == 201, added.json()
    document = added.json()["id"]
    download = client.get(f"/api/film/documents/{document}", **bearer(producer))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 budget"
    assert "attachment" in download["Content-Disposition"]
    assert client.get(f"/api/film/documents/{document}", **bearer(member)).status_code in (403, 404)
    assert client.get(f"/api/film/documents/{document}").status_code in (401, 404)
    assert client.delete(f"/api/film/documents/{document}", **bearer(member)).status_code == 404
    assert client.delete(f"/api/film/documents/{document}", **bearer(producer)).status_code == 204
