import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import bearer
from tests.events.factories import EventFactory, accepted_meeting, participant, pending_request
from tests.factories import UserFactory
from twinning.events import services
from twinning.events.models import Event, MeetingRequest, Registration, ScheduleRun

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def _immediate(immediate_tasks):
    """Scheduling runs are queued: run them at once."""


def post_json(client, path, data, headers):
    return client.post(path, data, content_type="application/json", **headers)


def test_public_list_and_detail_hide_drafts(client, event, programme):
    draft = EventFactory(programme=programme, status=Event.Status.DRAFT)
    slugs = [item["slug"] for item in client.get("/api/events").json()["items"]]
    assert event.slug in slugs and draft.slug not in slugs
    detail = client.get(f"/api/events/{event.slug}").json()
    assert detail["time_zone"] == "Europe/London"
    assert client.get(f"/api/events/{draft.slug}").status_code == 404
    assert client.get("/api/events/nothing-here").status_code == 404


def test_detail_gives_the_hours_in_each_zone(client, day):
    hours = client.get(f"/api/events/{day.slug}").json()["hours"]
    assert {h["zone"] for h in hours} >= {"Europe/London"}


def test_register_and_list_my_registrations(client, event, member, organisation):
    headers = bearer(member)
    payload = {"organisation": organisation.slug, "languages": ["en"], "looking_for": "Buyers"}
    response = post_json(client, f"/api/events/{event.slug}/registrations", payload, headers)
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "approved"
    mine = client.get("/api/me/registrations", **headers).json()["items"]
    assert [(r["event"], r["organisation"]) for r in mine] == [(event.slug, organisation.slug)]
    again = post_json(client, f"/api/events/{event.slug}/registrations", payload, headers)
    assert again.status_code == 403
    assert Registration.objects.count() == 1


def test_my_registrations_take_the_same_queries_for_one_event_or_three(client, programme, member):
    headers = bearer(member)
    first = EventFactory(programme=programme)
    services.registration_create(event=first, user=member)
    with CaptureQueriesContext(connection) as one:
        assert len(client.get("/api/me/registrations", **headers).json()["items"]) == 1
    others = [EventFactory(programme=programme) for _ in range(2)]
    for other in others:
        services.registration_create(event=other, user=member)
    with CaptureQueriesContext(connection) as three:
        mine = client.get("/api/me/registrations", **headers).json()["items"]
    assert {r["event"] for r in mine} == {first.slug, *(other.slug for other in others)}
    assert len(three.captured_queries) == len(one.captured_queries)


def test_cannot_register_for_another_organisation(client, event, member, outsider):
    other = outsider.organisations.get()
    payload = {"organisation": other.slug}
    response = post_json(client, f"/api/events/{event.slug}/registrations", payload, bearer(member))
    assert response.status_code == 400
    assert "organisation" in response.json()["errors"]
    unknown = post_json(
        client, f"/api/events/{event.slug}/registrations", {"organisation": "x"}, bearer(member)
    )
    assert "organisation" in unknown.json()["errors"]
    assert not Registration.objects.exists()


def test_cancel_my_registration(client, event, leeds):
    response = client.delete(f"/api/events/{event.slug}/registration", **bearer(leeds.user))
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    stranger = UserFactory()
    assert (
        client.delete(f"/api/events/{event.slug}/registration", **bearer(stranger)).status_code
        == 404
    )


def test_participants_for_participants_only(client, event, leeds, almaty, member):
    response = client.get(f"/api/events/{event.slug}/participants", **bearer(leeds.user))
    assert response.status_code == 200
    assert [p["id"] for p in response.json()["items"]] == [almaty.pk]
    filtered = client.get(
        f"/api/events/{event.slug}/participants", {"side": "UK"}, **bearer(leeds.user)
    ).json()["items"]
    assert filtered == []
    assert client.get(f"/api/events/{event.slug}/participants", **bearer(member)).status_code == 403


def test_request_accept_and_see_it_both_ways(client, event, leeds, almaty):
    path = f"/api/events/{event.slug}/requests"
    payload = {"recipient": almaty.pk, "message": "Coffee?"}
    response = post_json(client, path, payload, bearer(leeds.user))
    assert response.status_code == 201, response.content
    request_id = response.json()["id"]
    received = client.get(path, **bearer(almaty.user)).json()["items"]
    assert [(r["id"], r["direction"]) for r in received] == [(request_id, "received")]
    assert (
        client.post(f"/api/meeting-requests/{request_id}/accept", **bearer(leeds.user)).status_code
        == 403
    )
    response = client.post(f"/api/meeting-requests/{request_id}/accept", **bearer(almaty.user))
    assert response.json()["status"] == "accepted"


def test_request_bad_input_and_other_events(client, event, programme, leeds, almaty):
    path = f"/api/events/{event.slug}/requests"
    assert post_json(client, path, {"recipient": leeds.pk}, bearer(leeds.user)).status_code == 400
    assert "recipient" in post_json(client, path, {}, bearer(leeds.user)).json()["errors"]
    elsewhere = participant(EventFactory(programme=programme))
    response = post_json(client, path, {"recipient": elsewhere.pk}, bearer(leeds.user))
    assert response.status_code == 404
    assert not MeetingRequest.objects.exists()


def test_decline_and_cancel_only_by_the_parties(client, event, leeds, almaty):
    request = pending_request(leeds, almaty)
    stranger = participant(event)
    url = f"/api/meeting-requests/{request.pk}"
    assert client.post(f"{url}/decline", **bearer(stranger.user)).status_code == 404
    assert client.post(f"{url}/cancel", **bearer(stranger.user)).status_code == 404
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.REQUESTED
    assert client.post(f"{url}/decline", **bearer(almaty.user)).json()["status"] == "declined"
    again = pending_request(leeds, almaty)
    response = client.post(f"/api/meeting-requests/{again.pk}/cancel", **bearer(leeds.user))
    assert response.json()["status"] == "cancelled"


def test_agenda_in_utc_with_the_events_zone(client, day, operator, leeds, almaty):
    accepted_meeting(leeds, almaty)
    services.schedule_run_now(event=day, by=operator, time_limit=5)
    services.schedule_publish(event=day, by=operator)
    agenda = client.get(f"/api/events/{day.slug}/agenda", **bearer(leeds.user)).json()["items"]
    assert len(agenda) == 1
    item = agenda[0]
    assert item["partner"] == "Aigerim Almaty"
    assert item["time_zone"] == "Europe/London"
    assert item["table"]
    assert item["starts_at"].endswith(("Z", "+00:00"))
    stranger = UserFactory()
    assert client.get(f"/api/events/{day.slug}/agenda", **bearer(stranger)).status_code == 404


def test_operator_runs_scheduling_and_publishes(client, day, operator, leeds, almaty):
    accepted_meeting(leeds, almaty)
    path = f"/api/events/{day.slug}/schedule/runs"
    response = post_json(client, path, {"time_limit": 5}, bearer(operator))
    assert response.status_code == 202, response.content
    body = response.json()
    assert ScheduleRun.objects.get(pk=body["run_id"]).status == ScheduleRun.Status.DONE
    job = client.get(f"/api/jobs/{body['job_id']}", **bearer(operator)).json()
    assert job["finished"]
    published = post_json(client, f"/api/events/{day.slug}/schedule/publish", {}, bearer(operator))
    assert published.json()["number"] == 1


def test_participants_cannot_operate(client, day, leeds):
    headers = bearer(leeds.user)
    assert (
        post_json(client, f"/api/events/{day.slug}/schedule/runs", {}, headers).status_code == 403
    )
    assert (
        post_json(client, f"/api/events/{day.slug}/schedule/publish", {}, headers).status_code
        == 403
    )
    assert not ScheduleRun.objects.exists()


def test_schedule_run_bad_input(client, event, day, operator):
    path = f"/api/events/{day.slug}/schedule/runs"
    response = post_json(client, path, {"time_limit": 0}, bearer(operator))
    assert response.status_code == 400
    assert "time_limit" in response.json()["errors"]
    assert not ScheduleRun.objects.exists()


def test_scheduling_without_a_grid_is_refused(client, event, operator):
    response = post_json(client, f"/api/events/{event.slug}/schedule/runs", {}, bearer(operator))
    assert response.status_code == 400
    assert not ScheduleRun.objects.exists()


def test_operator_publishes_a_draft_event(client, programme, operator, member):
    draft = EventFactory(programme=programme, status=Event.Status.DRAFT)
    assert client.post(f"/api/events/{draft.slug}/publish", **bearer(member)).status_code == 404
    response = client.post(f"/api/events/{draft.slug}/publish", **bearer(operator))
    assert response.status_code == 200
    assert response.json()["status"] == "published"


def test_a_request_carries_a_session_wish_both_ways(client, day, operator, leeds, almaty):
    path = f"/api/events/{day.slug}/requests"
    payload = {"recipient": almaty.pk, "priority": 3, "session": "afternoon"}
    response = post_json(client, path, payload, bearer(leeds.user))
    assert response.status_code == 201, response.content
    assert (response.json()["session"], response.json()["priority"]) == ("afternoon", 3)
    received = client.get(path, **bearer(almaty.user)).json()["items"]
    assert [r["session"] for r in received] == ["afternoon"]
    client.post(f"/api/meeting-requests/{received[0]['id']}/accept", **bearer(almaty.user))
    services.schedule_run_now(event=day, by=operator, time_limit=5)
    services.schedule_publish(event=day, by=operator)
    agenda = client.get(f"/api/events/{day.slug}/agenda", **bearer(leeds.user)).json()["items"]
    assert [item["session"] for item in agenda] == ["afternoon"]


def test_a_bad_session_or_priority_is_refused_clearly_and_creates_nothing(
    client, day, leeds, almaty
):
    path = f"/api/events/{day.slug}/requests"
    headers = bearer(leeds.user)
    response = post_json(client, path, {"recipient": almaty.pk, "session": "evening"}, headers)
    assert response.status_code == 400
    assert response.json()["errors"] == {"session": ["Choose a session from the list."]}
    in_russian = post_json(
        client,
        path,
        {"recipient": almaty.pk, "session": "evening"},
        headers | {"HTTP_ACCEPT_LANGUAGE": "ru"},
    )
    assert in_russian.json()["errors"]["session"] == ["Выберите сессию из списка."]
    response = post_json(client, path, {"recipient": almaty.pk, "priority": 9}, headers)
    assert response.status_code == 400
    assert response.json()["errors"] == {"priority": ["Choose a priority from the list."]}
    assert not MeetingRequest.objects.exists()


def test_a_session_wish_needs_a_day_with_two_sessions(client, event, leeds, almaty):
    path = f"/api/events/{event.slug}/requests"
    payload = {"recipient": almaty.pk, "session": "morning"}
    response = post_json(client, path, payload, bearer(leeds.user))
    assert response.status_code == 400
    assert "no separate morning and afternoon" in response.json()["errors"]["session"][0]
    assert not MeetingRequest.objects.exists()


def test_another_organisations_user_can_neither_read_nor_answer_a_request(
    client, event, leeds, almaty, outsider
):
    request = pending_request(leeds, almaty)
    stranger = services.registration_create(event=event, user=outsider)
    headers = bearer(stranger.user)
    assert client.get(f"/api/events/{event.slug}/requests", **headers).json()["items"] == []
    for action in ("accept", "decline", "cancel"):
        response = client.post(f"/api/meeting-requests/{request.pk}/{action}", **headers)
        assert response.status_code == 404
        assert "Lucy" not in response.content.decode()
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.REQUESTED
