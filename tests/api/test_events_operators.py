"""The operators' event workflow over the API, each call checked both ways (an operator may, a
participant may not) and with the page's validation."""

import pytest

from tests.api.conftest import bearer, send
from tests.events.factories import participant
from twinning.events import services
from twinning.events.models import Event, Invitation, Meeting, Registration

pytestmark = pytest.mark.integration


def test_an_operator_creates_edits_and_cancels_an_event(client, programme, operator, leeds):
    headers = bearer(operator)
    new = {"title_en": "Almaty brokerage", "starts_on": "2027-03-01", "ends_on": "2027-03-01"}
    assert send(client, "POST", "/api/events", new, bearer(leeds.user)).status_code == 403
    created = send(client, "POST", "/api/events", new, headers)
    assert created.status_code == 201, created.json()
    slug = created.json()["slug"]
    assert created.json()["status"] == "draft"
    edited = send(client, "PATCH", f"/api/events/{slug}", {"venue": "Rixos"}, headers)
    assert edited.json()["venue"] == "Rixos"
    backwards = {"ends_on": "2027-02-01"}
    assert send(client, "PATCH", f"/api/events/{slug}", backwards, headers).status_code == 400
    assert client.post(f"/api/events/{slug}/cancel", **headers).json()["status"] == "cancelled"
    assert Event.objects.get(slug=slug).status == Event.Status.CANCELLED


def test_a_bad_event_is_refused_field_by_field(client, programme, operator):
    bad = {"title_en": "", "starts_on": "2027-03-01", "ends_on": "2027-03-01", "time_zone": "Mars"}
    response = send(client, "POST", "/api/events", bad, bearer(operator))
    assert response.status_code == 400
    assert {"title_en", "time_zone"} <= set(response.json()["errors"])


def test_registrations_are_listed_and_decided_by_operators_only(client, event, operator, leeds):
    pending = participant(event, name="Pat Pending")
    pending.status = Registration.Status.PENDING
    pending.save()
    path = f"/api/events/{event.slug}/registrations"
    assert client.get(path, **bearer(leeds.user)).status_code == 403
    listed = client.get(path, {"status": "pending"}, **bearer(operator)).json()
    assert [item["id"] for item in listed["items"]] == [pending.pk]
    decided = client.post(f"{path}/{pending.pk}/approve", **bearer(operator))
    assert decided.json()["status"] == "approved"
    assert client.post(f"{path}/{pending.pk}/reject", **bearer(leeds.user)).status_code == 403
    counts = client.get(f"/api/events/{event.slug}/counts", **bearer(operator)).json()
    assert counts["counts"]


def test_invitations_are_sent_listed_and_answered(client, event, operator, user, mailoutbox):
    path = f"/api/events/{event.slug}/invitations"
    wanted = {"email": user.email, "language": "ru"}
    assert send(client, "POST", path, {"email": "nope"}, bearer(operator)).status_code == 400
    sent = send(client, "POST", path, wanted, bearer(operator))
    assert sent.status_code == 201
    assert client.get(path, **bearer(operator)).json()["count"] == 1
    token = Invitation.objects.get().token
    answer_path = f"/api/invitations/{token}/answer"
    # The link is the invitee's: a forwarded link accepts nothing for anyone else.
    assert send(client, "POST", answer_path, {"attending": True}).status_code == 400
    answer = send(client, "POST", answer_path, {"attending": True}, bearer(user))
    assert answer.json()["status"] == "accepted"
    assert (
        send(client, "POST", "/api/invitations/nope/answer", {"attending": True}).status_code == 404
    )


def test_the_day_is_set_up_over_the_api(client, event, operator, leeds):
    headers = bearer(operator)
    grid = {
        "day": event.starts_on.isoformat(),
        "morning_start": "09:00",
        "morning_end": "10:00",
        "afternoon_start": None,
        "afternoon_end": None,
        "meeting_minutes": 20,
        "changeover_minutes": 0,
    }
    assert (
        send(client, "PUT", f"/api/events/{event.slug}/grid", grid, bearer(leeds.user)).status_code
        == 403
    )
    slots = send(client, "PUT", f"/api/events/{event.slug}/grid", grid, headers).json()
    assert slots["count"] == 3
    tables = send(client, "PUT", f"/api/events/{event.slug}/tables", {"count": 2}, headers).json()
    table = tables["items"][0]["id"]
    named = send(
        client, "PATCH", f"/api/events/{event.slug}/tables/{table}", {"host": leeds.pk}, headers
    )
    assert named.json()["host"] == leeds.pk
    interpreter = {"name": "Dana", "languages": ["en", "kk"]}
    added = send(client, "POST", f"/api/events/{event.slug}/interpreters", interpreter, headers)
    assert added.status_code == 201
    one_language = {"name": "Dana", "languages": ["en"], "unavailable_slots": [999]}
    refused = send(client, "POST", f"/api/events/{event.slug}/interpreters", one_language, headers)
    assert "unavailable_slots" in refused.json()["errors"]
    setup = client.get(f"/api/events/{event.slug}/setup", **headers).json()
    assert (len(setup["slots"]), len(setup["tables"]), len(setup["interpreters"])) == (3, 2, 1)
    gone = client.delete(f"/api/events/{event.slug}/interpreters/{added.json()['id']}", **headers)
    assert gone.status_code == 204


def scheduled(meeting, event, operator):
    services.schedule_run_now(event=event, by=operator, time_limit=5)
    meeting.refresh_from_db()
    return meeting


def test_meetings_are_moved_locked_cancelled_and_marked(client, day, operator, meeting, leeds):
    headers = bearer(operator)
    meeting = scheduled(meeting, day, operator)
    assert meeting.slot_id is not None
    base = f"/api/events/{day.slug}/meetings/{meeting.pk}"
    overview = client.get(f"/api/events/{day.slug}/schedule", **headers).json()
    assert [cell["meeting"] for cell in overview["meetings"]] == [meeting.pk]
    assert client.get(f"/api/events/{day.slug}/schedule", **bearer(leeds.user)).status_code == 403
    slot = day.slots.order_by("number").last()
    table = day.tables.order_by("number").last()
    moved = send(client, "POST", f"{base}/move", {"slot": slot.pk, "table": table.pk}, headers)
    assert moved.status_code == 200, moved.json()
    assert moved.json()["meeting"]["locked"] is True
    assert (
        send(client, "POST", f"{base}/move", {"slot": 0, "table": table.pk}, headers).status_code
        == 400
    )
    unlocked = send(client, "POST", f"{base}/lock", {"locked": False}, headers)
    assert unlocked.json()["locked"] is False
    marked = send(client, "POST", f"{base}/mark", {"held": False, "absent": leeds.pk}, headers)
    assert marked.json()["status"] == Meeting.Status.NO_SHOW
    cancelled = client.post(f"{base}/cancel", **headers)
    assert cancelled.json()["status"] == Meeting.Status.CANCELLED
    assert client.post(f"{base}/cancel", **bearer(leeds.user)).status_code == 403


def test_check_in_and_someones_agenda(client, day, operator, meeting, leeds):
    headers = bearer(operator)
    path = f"/api/events/{day.slug}/check-in"
    assert client.get(path, **bearer(leeds.user)).status_code == 403
    assert client.post(f"{path}/{leeds.pk}", **headers).json()["checked_in_at"]
    assert client.delete(f"{path}/{leeds.pk}", **headers).json()["checked_in_at"] is None
    assert client.get(path, {"q": "lucy"}, **headers).json()["count"] == 1
    agenda = client.get(f"/api/events/{day.slug}/participants/{leeds.pk}/agenda", **headers)
    assert agenda.status_code == 200


def test_participants_set_availability_and_give_feedback(client, day, operator, meeting, leeds):
    headers = bearer(leeds.user)
    path = f"/api/events/{day.slug}/availability"
    first = day.slots.order_by("number").first()
    assert send(client, "PUT", path, {"unavailable": [first.pk]}, headers).json() == {
        "unavailable": [first.pk]
    }
    assert client.get(path, **headers).json() == {"unavailable": [first.pk]}
    assert send(client, "PUT", path, {"unavailable": [0]}, headers).status_code == 400
    meeting = scheduled(meeting, day, operator)
    services.schedule_publish(event=day, by=operator)
    services.meeting_mark(meeting=meeting, by=operator, held=True)
    feedback = f"/api/events/{day.slug}/meetings/{meeting.pk}/feedback"
    assert send(client, "POST", feedback, {"outcome": "nonsense"}, headers).status_code == 400
    given = send(client, "POST", feedback, {"outcome": "follow_up"}, headers)
    assert given.status_code == 200, given.json()
