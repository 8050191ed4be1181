import pytest

from tests.api.conftest import bearer
from tests.matching.scenario import build_scenario
from twinning.core.models import JobProgress
from twinning.core.services import job_start
from twinning.matching import services
from twinning.matching.models import Feedback

pytestmark = pytest.mark.integration


@pytest.fixture
def computed(programme, immediate_tasks):
    scenario = build_scenario(programme)
    services.recompute_full(programme=programme)
    return scenario


def url(organisation, rest="recommendations"):
    return f"/api/organisations/{organisation.slug}/{rest}"


def post_json(client, path, data, headers):
    return client.post(path, data, content_type="application/json", **headers)


def test_member_gets_partners_with_reasons_as_data_and_words(client, computed):
    response = client.get(url(computed.leeds), **bearer(computed.leeds_user))
    assert response.status_code == 200
    first = response.json()["items"][0]
    assert first["partner"]["slug"] == computed.kostanay.slug
    assert {r["kind"] for r in first["reasons"]} >= {"types"}
    assert any("NACE 28.93" in text for text in first["reasons_text"])


def test_reasons_are_worded_in_the_requests_language(client, computed):
    headers = bearer(computed.kostanay_user)
    response = client.get(url(computed.kostanay), HTTP_ACCEPT_LANGUAGE="ru", **headers)
    assert response.status_code == 200
    assert any("Ваш" in text for text in response.json()["items"][0]["reasons_text"])


def test_filters_narrow_the_list_like_the_page(client, computed):
    headers = bearer(computed.leeds_user)
    narrowed = client.get(url(computed.leeds), {"region": "kostanay"}, **headers).json()["items"]
    assert [item["partner"]["slug"] for item in narrowed] == [computed.kostanay.slug]
    assert client.get(url(computed.leeds), {"min_score": 99}, **headers).json()["items"] == []


def test_opportunity_list_is_only_for_own_opportunities(client, computed):
    headers = bearer(computed.leeds_user)
    own = {"opportunity": computed.leeds_offer.pk}
    assert client.get(url(computed.leeds), own, **headers).status_code == 200
    theirs = {"opportunity": computed.kostanay_request.pk}
    assert client.get(url(computed.leeds), theirs, **headers).status_code == 404


def test_another_organisations_list_is_not_found(client, computed):
    headers = bearer(computed.leeds_user)
    assert client.get(url(computed.kostanay), **headers).status_code == 404
    assert client.get("/api/organisations/nobody/recommendations", **headers).status_code == 404
    assert client.get(url(computed.leeds)).status_code == 401


def test_operator_reads_any_list_but_gives_no_feedback(client, computed, operator):
    headers = bearer(operator)
    assert client.get(url(computed.kostanay), **headers).status_code == 200
    payload = {"candidate": computed.leeds.slug, "kind": "must_meet"}
    assert (
        post_json(client, url(computed.kostanay, "feedback"), payload, headers).status_code == 403
    )
    assert not Feedback.objects.exists()


def test_feedback_is_recorded_and_cleared(client, computed):
    headers = bearer(computed.leeds_user)
    payload = {"candidate": computed.kostanay.slug, "kind": "must_meet"}
    response = post_json(client, url(computed.leeds, "feedback"), payload, headers)
    assert response.status_code == 200, response.content
    assert response.json()["kind"] == "must_meet"
    listed = client.get(url(computed.leeds), **headers).json()["items"]
    assert listed[0]["feedback"] == "must_meet"
    path = url(computed.leeds, f"feedback/{computed.kostanay.slug}")
    assert client.delete(path, **headers).status_code == 204
    assert not Feedback.objects.exists()


def test_not_interested_takes_the_partner_off_the_list(client, computed):
    headers = bearer(computed.leeds_user)
    payload = {"candidate": computed.kostanay.slug, "kind": "not_interested"}
    assert post_json(client, url(computed.leeds, "feedback"), payload, headers).status_code == 200
    slugs = [
        item["partner"]["slug"]
        for item in client.get(url(computed.leeds), **headers).json()["items"]
    ]
    assert computed.kostanay.slug not in slugs


def test_feedback_bad_input_gets_400_and_changes_nothing(client, computed):
    headers = bearer(computed.leeds_user)
    unknown = {"candidate": computed.kostanay.slug, "kind": "love"}
    response = post_json(client, url(computed.leeds, "feedback"), unknown, headers)
    assert response.status_code == 400
    assert response.json()["errors"]
    same_side = {"candidate": computed.sheffield_soft.slug, "kind": "must_meet"}
    assert post_json(client, url(computed.leeds, "feedback"), same_side, headers).status_code == 400
    assert not Feedback.objects.exists()


def test_feedback_for_another_organisation_is_refused(client, computed):
    headers = bearer(computed.leeds_user)
    payload = {"candidate": computed.leeds.slug, "kind": "not_interested"}
    response = post_json(client, url(computed.kostanay, "feedback"), payload, headers)
    assert response.status_code == 404
    path = url(computed.kostanay, f"feedback/{computed.leeds.slug}")
    assert client.delete(path, **headers).status_code == 404
    assert not Feedback.objects.exists()


def test_refresh_returns_a_job_the_starter_can_follow(client, computed, operator):
    headers = bearer(computed.leeds_user)
    response = client.post(url(computed.leeds, "recommendations/refresh"), **headers)
    assert response.status_code == 202
    job_id = response.json()["job_id"]
    job = client.get(f"/api/jobs/{job_id}", **headers).json()
    assert job["state"] == JobProgress.State.DONE
    assert job["finished"] and job["percent"] == 100
    assert client.get(f"/api/jobs/{job_id}", **bearer(operator)).status_code == 200
    others = bearer(computed.kostanay_user)
    assert client.get(f"/api/jobs/{job_id}", **others).status_code == 403


def test_refresh_of_another_organisation_is_refused(client, computed):
    headers = bearer(computed.leeds_user)
    response = client.post(url(computed.kostanay, "recommendations/refresh"), **headers)
    assert response.status_code == 404
    assert not JobProgress.objects.filter(started_by=computed.leeds_user).exists()


def test_unknown_job_is_not_found(client, member):
    assert client.get("/api/jobs/999999", **bearer(member)).status_code == 404
    job = job_start(kind="matching.refresh", label="x", by=None)
    assert client.get(f"/api/jobs/{job.pk}", **bearer(member)).status_code == 403


def test_operators_read_the_best_pairs_and_start_a_recompute(client, computed, operator):
    member_headers = bearer(computed.leeds_user)
    assert client.get("/api/matching/pairs", **member_headers).status_code == 403
    assert client.post("/api/matching/recompute", "{}", content_type="application/json",
                       **member_headers).status_code == 403  # fmt: skip
    pairs = client.get("/api/matching/pairs", **bearer(operator)).json()
    assert {computed.leeds.slug, computed.kostanay.slug} <= {
        slug for pair in pairs["items"] for slug in (pair["first"], pair["second"])
    }
    started = client.post(
        "/api/matching/recompute", "{}", content_type="application/json", **bearer(operator)
    )
    assert started.status_code == 202
    job = client.get(f"/api/jobs/{started.json()['job_id']}", **bearer(operator)).json()
    assert job["finished"] is True
