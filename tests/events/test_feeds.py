import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests import html_forms
from tests.events.factories import accepted_meeting, participant
from twinning.events import services
from twinning.events.models import Event, Meeting

pytestmark = pytest.mark.integration


def _feed(client, registration):
    response = client.get(reverse("events:feed", args=[registration.feed_token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def _entries(calendar):
    return list(calendar.walk("VEVENT"))


@pytest.fixture
def published(day, operator, meeting):
    services.schedule_run_start(event=day, by=operator, time_limit=5)
    services.schedule_publish(event=day, by=operator)
    meeting.refresh_from_db()
    return meeting


def test_feed_shows_published_meeting_in_the_events_zone(client, published, leeds):
    (entry,) = _entries(_feed(client, leeds))
    assert str(entry["uid"]) == f"meeting-{published.uid}@twinning"
    assert int(entry["sequence"]) == 0
    assert str(entry["status"]) == "CONFIRMED"
    assert entry["dtstart"].params["TZID"] == "Europe/London"
    assert "Aigerim Almaty" in str(entry["summary"])


def test_feed_carries_the_timezone_definition(client, published, leeds):
    calendar = _feed(client, leeds)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_move_raises_sequence_and_keeps_the_uid(client, day, operator, published, leeds):
    other_slot = day.slots.exclude(pk=published.slot_id).first()
    services.meeting_move(meeting=published, by=operator, slot=other_slot, table=published.table)
    before = _entries(_feed(client, leeds))[0]
    assert int(before["sequence"]) == 0, "unpublished moves stay out of the feed"
    services.schedule_publish(event=day, by=operator)
    (after,) = _entries(_feed(client, leeds))
    assert after["uid"] == before["uid"]
    assert int(after["sequence"]) == 1
    assert after["dtstart"].dt == other_slot.starts_at


def test_cancelled_meeting_stays_in_the_feed_as_cancelled(client, day, operator, published, leeds):
    services.meeting_cancel(meeting=published, by=operator)
    services.schedule_publish(event=day, by=operator)
    (entry,) = _entries(_feed(client, leeds))
    assert str(entry["status"]) == "CANCELLED"
    assert int(entry["sequence"]) == 1


def test_unknown_feed_token_is_not_found(client, db):
    assert client.get(reverse("events:feed", args=["nope"])).status_code == 404


def test_unpublished_schedule_gives_an_empty_feed(client, day, operator, meeting, leeds):
    services.schedule_run_start(event=day, by=operator, time_limit=5)
    assert Meeting.objects.get(pk=meeting.pk).slot is not None
    assert _entries(_feed(client, leeds)) == []


def test_event_ics(client, event):
    response = client.get(reverse("events:event_ics", args=[event.slug]))
    (entry,) = _entries(Calendar.from_ical(response.content))
    assert str(entry["uid"]) == f"event-{event.uid}@twinning"
    assert "Leeds Civic Hall" in str(entry["location"])


def test_event_ics_sequence_rises_on_change(client, event, operator):
    services.event_update(event=event, by=operator, venue="Leeds Town Hall")
    response = client.get(reverse("events:event_ics", args=[event.slug]))
    (entry,) = _entries(Calendar.from_ical(response.content))
    assert int(entry["sequence"]) == 1


def test_event_ics_uses_the_days_hours_once_the_grid_exists(client, day):
    response = client.get(reverse("events:event_ics", args=[day.slug]))
    calendar = Calendar.from_ical(response.content)
    (entry,) = _entries(calendar)
    assert entry["dtstart"].dt == day.slots.get(number=0).starts_at
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_the_feed_speaks_the_participants_language_not_the_calendar_apps(client, published, leeds):
    leeds.user.language = "ru"
    leeds.user.save(update_fields=["language"])
    response = client.get(
        reverse("events:feed", args=[leeds.feed_token]), HTTP_ACCEPT_LANGUAGE="en"
    )
    (entry,) = _entries(Calendar.from_ical(response.content))
    assert str(entry["summary"]).startswith("Встреча")


def _an_hour_ago(meeting, event):
    """The feed's stamps have whole seconds: date the last change back so a new one shows."""
    past = timezone.now() - dt.timedelta(hours=1)
    Meeting.objects.filter(pk=meeting.pk).update(updated_at=past)
    Event.objects.filter(pk=event.pk).update(updated_at=past)


def test_cancelling_the_event_cancels_its_meetings_in_the_personal_feed(
    client, day, operator, published, leeds
):
    _an_hour_ago(published, day)
    (before,) = _entries(_feed(client, leeds))
    services.event_cancel(event=day, by=operator)
    (after,) = _entries(_feed(client, leeds))
    assert str(after["status"]) == "CANCELLED"
    assert int(after["sequence"]) > int(before["sequence"])
    assert after["dtstamp"].dt > before["dtstamp"].dt


def test_a_cancelled_and_republished_meeting_gets_a_new_stamp(
    client, day, operator, published, leeds
):
    _an_hour_ago(published, day)
    (before,) = _entries(_feed(client, leeds))
    services.meeting_cancel(meeting=published, by=operator)
    services.schedule_publish(event=day, by=operator)
    (after,) = _entries(_feed(client, leeds))
    assert str(after["status"]) == "CANCELLED"
    assert after["last-modified"].dt > before["last-modified"].dt


def test_a_leaked_calendar_link_is_reset_from_the_agenda(client, published, leeds):
    old = reverse("events:feed", args=[leeds.feed_token])
    client.force_login(leeds.user)
    agenda = client.get(reverse("events:agenda", args=[leeds.event.slug])).content.decode()
    assert 'href="webcal://testserver/events/feed/' in agenda
    action = reverse("events:feed_reset", args=[leeds.event.slug])
    client.post(action, html_forms.find(agenda, action=action).submission())
    client.logout()
    assert client.get(old).status_code == 404
    leeds.refresh_from_db()
    assert client.get(reverse("events:feed", args=[leeds.feed_token])).status_code == 200


@pytest.mark.pins("events:feed")
def test_the_feed_query_count_does_not_grow_with_meetings(
    client, day, operator, leeds, pinned_queries
):
    """Requested, requested, then received; the second one cancelled (it stays in the feed)."""
    grown = []

    def grow():
        other = participant(day)
        meeting = (
            accepted_meeting(other, leeds) if len(grown) == 2 else accepted_meeting(leeds, other)
        )
        grown.append(meeting)
        services.schedule_run_start(event=day, by=operator, time_limit=5)
        services.schedule_publish(event=day, by=operator)
        if len(grown) == 2:
            services.meeting_cancel(meeting=meeting, by=operator)
            services.schedule_publish(event=day, by=operator)

    def check(response, rows):
        assert response.content.decode().count("BEGIN:VEVENT") == rows

    pinned_queries(reverse("events:feed", args=[leeds.feed_token]), grow, check=check)
