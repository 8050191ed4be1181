import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.api.conftest import bearer, send
from tests.events.factories import accepted_meeting
from tests.factories import OperatorFactory
from twinning.outcomes.models import LocalContentMethod

pytestmark = pytest.mark.integration


@pytest.fixture
def method(db):  # type: ignore[no-untyped-def]
    return LocalContentMethod.objects.create(code="kz", version="1", name="Kazakh share")


@pytest.fixture
def meeting(leeds, almaty):  # type: ignore[no-untyped-def]
    return accepted_meeting(leeds, almaty)


def _record(client, meeting, **changes):  # type: ignore[no-untyped-def]
    leeds, almaty = meeting.request.requester, meeting.request.recipient
    data = {
        "reporter": leeds.organisation.slug, "partner": almaty.organisation.slug,
        "title": "Cold store", "kind": "supply", "stage": "contract_signed",
        "stage_on": "2026-01-10", "meetings": [meeting.pk], "amount": "10000",
        "currency": "USD", "rate_on": "2025-03-01", **changes,
    }  # fmt: skip
    return send(client, "POST", "/api/outcomes", data, bearer(leeds.user))


def test_record_confirm_evidence_verify_over_the_api(client, meeting, method):  # type: ignore[no-untyped-def]
    response = _record(client, meeting, local_content_share="25", local_content_method=method.pk)
    assert response.status_code == 201, response.content
    outcome = response.json()
    assert outcome["value_gbp"] == "8015.27" and outcome["meetings"] == [meeting.pk]
    pk = outcome["id"]
    almaty = meeting.request.recipient.user
    assert (
        send(client, "POST", f"/api/outcomes/{pk}/confirm", None, bearer(almaty)).json()[
            "confirmation"
        ]
        == "confirmed"
    )
    upload = client.post(
        f"/api/outcomes/{pk}/evidence",
        {"upload": SimpleUploadedFile("contract.pdf", b"%PDF-1.4 x")},
        **bearer(almaty),
    )
    assert upload.status_code == 200 and upload.json()["evidence"][0]["file"].endswith("/file/")
    operator = OperatorFactory()
    verified = send(client, "POST", f"/api/outcomes/{pk}/verify", {"note": "ok"}, bearer(operator))
    assert verified.status_code == 200 and verified.json()["verified_at"]
    figures = send(client, "GET", "/api/outcomes/dashboard/figures", None, bearer(operator)).json()
    assert figures["figures"]["verified"] == 1 and figures["figures"]["verified_gbp"] == "8015.27"


def test_others_cannot_read_or_confirm(client, meeting, outsider):  # type: ignore[no-untyped-def]
    pk = _record(client, meeting).json()["id"]
    for path in (f"/api/outcomes/{pk}",):
        assert send(client, "GET", path, None, bearer(outsider)).status_code == 404
    assert (
        send(client, "POST", f"/api/outcomes/{pk}/confirm", None, bearer(outsider)).status_code
        == 404
    )
    leeds = meeting.request.requester.user
    assert (
        send(client, "POST", f"/api/outcomes/{pk}/confirm", None, bearer(leeds)).status_code == 403
    )
    assert (
        send(client, "GET", "/api/outcomes/dashboard/figures", None, bearer(leeds)).status_code
        == 403
    )
    assert send(client, "GET", "/api/outcomes", None, bearer(outsider)).json()["count"] == 0


def test_refusals_name_the_field(client, meeting):  # type: ignore[no-untyped-def]
    response = _record(client, meeting, rate_on="2019-01-01")
    assert response.status_code == 400 and "rate_on" in response.json()["errors"]
    pk = _record(client, meeting).json()["id"]
    leeds = meeting.request.requester.user
    moved = send(client, "POST", f"/api/outcomes/{pk}/move", {"stage": "lost", "on": "2026-02-01"},
                 bearer(leeds))  # fmt: skip
    assert moved.status_code == 400 and "lost_reason" in moved.json()["errors"]


def test_definitions_are_public(client):  # type: ignore[no-untyped-def]
    body = client.get("/api/outcomes/definitions", HTTP_ACCEPT_LANGUAGE="ru").json()
    assert body["no_show_rate"]["label"] == "Доля неявок"
