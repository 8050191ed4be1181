"""The students API answers with the pages' rules: both ways, by id."""

import pytest

from tests.api.conftest import bearer, send
from tests.students.factories import pdf
from twinning.core.models import JobProgress
from twinning.students import services

pytestmark = pytest.mark.integration


def test_my_profile_and_a_student_reading_another_by_id(client, aida, bolat):
    me = send(client, "GET", "/api/students/me", headers=bearer(aida.user))
    assert me.status_code == 200 and me.json()["university"] == "leeds"
    other = send(client, "GET", f"/api/students/{bolat.pk}", headers=bearer(aida.user))
    assert other.status_code == 403
    own = send(client, "GET", f"/api/students/{aida.pk}", headers=bearer(aida.user))
    assert own.status_code == 200


def test_an_employer_reads_only_consenting_students(
    client, booth, kazmunai, aida_at_fair, bolat_at_fair, aida, bolat
):
    headers = bearer(kazmunai[1])
    assert send(client, "GET", f"/api/students/{aida.pk}", headers=headers).status_code == 200
    assert send(client, "GET", f"/api/students/{bolat.pk}", headers=headers).status_code == 403
    found = send(
        client, "GET", f"/api/fairs/{booth.fair_id}/booths/{booth.pk}/candidates", headers=headers
    )
    assert [c["student"] for c in found.json()["items"]] == [aida.pk]


def test_duplicate_preference_is_a_translated_400_and_saves_nothing(
    client, fair, booth, aida_at_fair, aida
):
    headers = {**bearer(aida.user), "HTTP_ACCEPT_LANGUAGE": "kk"}
    response = send(
        client,
        "PUT",
        f"/api/fairs/{fair.pk}/preferences",
        {"booths": [booth.pk, booth.pk]},
        headers,
    )
    assert response.status_code == 400
    assert "Әр жұмыс берушіні тек бір рет көрсетуге болады." in str(response.json()["errors"])
    assert not aida_at_fair.preferences.exists()
    ok = send(client, "PUT", f"/api/fairs/{fair.pk}/preferences", {"booths": [booth.pk]}, headers)
    assert ok.status_code == 200 and ok.json()["preferences"] == [booth.pk]


def test_a_non_pdf_cv_is_refused_by_the_api(client, aida):
    response = client.post(
        "/api/students/me/cv", {"cv": pdf("cv.pdf", b"<html>")}, **bearer(aida.user)
    )
    assert response.status_code == 400
    aida.refresh_from_db()
    assert aida.cv  # the old one is kept


def test_positions_are_public_and_workflow_needs_an_operator(
    client, organisation, member, operator
):
    payload = {
        "title": "Инженер", "description": "Текст.", "language": "ru", "kind": "graduate",
        "location": "kz", "closes_on": "2099-01-01", "sectors": ["06"],
    }  # fmt: skip
    made = send(
        client, "POST", f"/api/organisations/{organisation.slug}/positions", payload, bearer(member)
    )
    assert made.status_code == 200, made.content
    pk = made.json()["id"]
    assert (
        send(client, "POST", f"/api/positions/{pk}/submit", {}, bearer(member)).status_code == 200
    )
    assert (
        send(client, "POST", f"/api/positions/{pk}/publish", {}, bearer(member)).status_code == 403
    )
    assert (
        send(client, "POST", f"/api/positions/{pk}/publish", {}, bearer(operator)).status_code
        == 200
    )
    public = client.get("/api/positions")
    assert [p["title"] for p in public.json()["items"]] == ["Инженер"]


def test_allocate_and_publish_through_the_api(
    client, fair, booth, operator, aida_at_fair, aida, django_capture_on_commit_callbacks
):
    services.preferences_set(registration=aida_at_fair, by=aida.user, booths=[booth])
    assert (
        send(client, "POST", f"/api/fairs/{fair.pk}/allocate", None, bearer(aida.user)).status_code
        == 403
    )
    with django_capture_on_commit_callbacks(execute=True):
        allocated = send(client, "POST", f"/api/fairs/{fair.pk}/allocate", None, bearer(operator))
    assert allocated.status_code == 202
    # The allocation ran in the background; its job carries the summary.
    job = send(client, "GET", f"/api/jobs/{allocated.json()['id']}", headers=bearer(operator))
    assert job.json()["state"] == "done"
    assert job.json()["result"]["interviews"] == 1
    assert job.json()["result"]["students_without"] == 0
    assert send(client, "POST", f"/api/fairs/{fair.pk}/publish", None, bearer(operator)).json() == {
        "count": 1
    }
    mine = send(client, "GET", f"/api/fairs/{fair.pk}/interviews/mine", headers=bearer(aida.user))
    assert [i["employer"] for i in mine.json()["items"]] == ["KazMunai Recruiting LLP"]


def test_a_student_resets_the_interviews_calendar_link_over_the_api(
    client, fair, aida_at_fair, bolat_at_fair, aida
):
    old = f"/students/feed/{aida_at_fair.feed_token}.ics"
    answer = send(client, "POST", f"/api/fairs/{fair.pk}/calendar-link", headers=bearer(aida.user))
    assert answer.status_code == 200
    new = answer.json()["feed_url"]
    assert new.startswith("http://testserver/students/feed/") and not new.endswith(old)
    assert client.get(old).status_code == 404
    assert client.get(new.removeprefix("http://testserver")).status_code == 200
    bolat_at_fair.refresh_from_db()
    assert client.get(f"/students/feed/{bolat_at_fair.feed_token}.ics").status_code == 200


def test_a_second_allocation_waits_for_the_first(client, fair, booth, operator, aida_at_fair):
    # Queued and not yet taken by a worker (the commit's callbacks are not run here).
    first = send(client, "POST", f"/api/fairs/{fair.pk}/allocate", None, bearer(operator))
    assert first.status_code == 202 and first.json()["state"] == "queued"

    second = send(client, "POST", f"/api/fairs/{fair.pk}/allocate", None, bearer(operator))

    assert second.status_code == 400
    assert "already under way" in second.text
    assert JobProgress.objects.filter(kind="students.allocate").count() == 1
