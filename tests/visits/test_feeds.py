"""Personal calendar feeds: stable UIDs, SEQUENCE raised, cancellations, only one's own."""

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from tests.visits.conftest import add_person, at, invite, session
from twinning.visits import services

pytestmark = pytest.mark.integration


def feed(person) -> bytes:  # type: ignore[no-untyped-def]
    response = Client().get(reverse("visits:feed", args=[person.feed_token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return response.content


def entries(body: bytes) -> dict[str, tuple[int, str, str]]:
    calendar = Calendar.from_ical(body)
    return {
        str(e["uid"]): (int(e["sequence"]), str(e["status"]), e["dtstart"].dt.isoformat())
        for e in calendar.walk("VEVENT")
    }


@pytest.fixture
def day(visit, operator, venues, ambassador, host):  # type: ignore[no-untyped-def]
    other_host = add_person(visit, operator, "hosts", "Oscar Other")
    mayor = session(visit, operator, venues[0], at(9), at(10), title_en="Lord Mayor", hosts=[host])
    students = session(
        visit,
        operator,
        venues[1],
        at(14),
        at(15),
        title_en="Students",
        hosts=[other_host],
        delegates=[],
    )
    return mayor, students, other_host


def test_a_moved_session_changes_only_its_peoples_feeds(visit, operator, day, ambassador, host):
    mayor, students, other_host = day
    guest = invite(students, "Sam Student", "accepted")
    before = {p.pk: feed(p) for p in (ambassador, host, other_host, guest.person)}
    services.session_update(session=mayor, by=operator, starts_at=at(9, 30), ends_at=at(10, 30))
    after = {p.pk: feed(p) for p in (ambassador, host, other_host, guest.person)}
    uid = f"visit-session-{mayor.uid}@twinning"
    assert entries(after[ambassador.pk])[uid][:2] == (1, "CONFIRMED")
    assert entries(after[host.pk])[uid][2].startswith("2027-03-10T09:30")
    assert entries(before[host.pk])[uid][0] == 0
    assert after[other_host.pk] == before[other_host.pk]
    assert after[guest.person.pk] == before[guest.person.pk]


def test_a_cancelled_session_stays_in_the_feed_as_cancelled(visit, operator, day, ambassador):
    mayor = day[0]
    services.session_cancel(session=mayor, by=operator)
    assert entries(feed(ambassador))[f"visit-session-{mayor.uid}@twinning"][:2] == (1, "CANCELLED")


def test_a_guest_who_declines_gets_a_cancellation(visit, day):
    students = day[1]
    guest = invite(students, "Sam Student", "declined")
    uid = f"visit-session-{students.uid}@twinning"
    assert entries(feed(guest.person))[uid][1] == "CANCELLED"


def test_an_invitation_not_yet_answered_is_not_in_the_feed(visit, day):
    guest = invite(day[1], "Sam Student")
    assert entries(feed(guest.person)) == {}


def test_the_feed_is_only_found_by_its_token(db):
    assert Client().get(reverse("visits:feed", args=["nope"])).status_code == 404


def test_the_itinerary_page_lists_ones_own_sessions(visit, day, ambassador):
    from tests.visits.conftest import client_for

    page = client_for(ambassador.user).get(reverse("visits:itinerary", args=[visit.slug]))
    text = page.content.decode()
    assert "Lord Mayor" in text and "Students" not in text
    assert "Asia/Almaty" in text


def test_a_session_is_cancelled_once_and_its_feed_entry_moves_once(
    visit, operator, day, ambassador
):
    """A second cancellation is refused with a sentence (core.transitions), so nobody is told
    twice and the entry's SEQUENCE does not move again."""
    from django.core.exceptions import ValidationError

    mayor = day[0]
    services.session_cancel(session=mayor, by=operator)
    with pytest.raises(ValidationError, match="cannot be done now"):
        services.session_cancel(session=mayor, by=operator)
    assert entries(feed(ambassador))[f"visit-session-{mayor.uid}@twinning"][:2] == (1, "CANCELLED")
