"""Building an itinerary: sessions in the venue's zone, warnings before publishing, bad input."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from tests.factories import sector
from tests.visits.conftest import DAY, add_person, at, client_for, form_on, invite, session
from twinning.events import selectors as events_selectors
from twinning.visits import services
from twinning.visits.models import Session, Venue
from twinning.visits.selectors import itinerary_check, session_times

pytestmark = pytest.mark.integration


def test_a_visit_gets_a_private_delegation_event_for_its_interpreters(visit, operator):
    interpreter = services.interpreter_add(
        visit=visit, by=operator, name="Dana Abenova", languages=["en", "kk"]
    )
    assert visit.event.kind == "delegation" and not visit.event.is_public
    assert list(events_selectors.interpreters_of(event=visit.event)) == [interpreter]


def test_times_are_shown_at_the_venue_and_in_the_delegations_zone(visit, operator, venues):
    lunch = session(visit, operator, venues[0], at(12), at(13))
    times = session_times(session=lunch)
    assert (times.start, times.zone) == ("12:00", "Europe/London")
    assert (times.home_start, times.home_zone) == ("17:00", "Asia/Almaty")


def test_the_session_form_reads_times_on_the_venues_clock(visit, operator, venues, ambassador):
    client = client_for(operator)
    url = reverse("visits:session_create", args=[visit.slug])
    data = form_on(client.get(url).content.decode())
    data.update(
        kind="roundtable",
        title_en="Roundtable",
        venue=str(venues[0].pk),
        day=DAY.isoformat(),
        starts="10:00",
        ends="11:30",
        sector_codes="10.11, 55.10",
        languages=["en", "ru"],
    )
    response = client.post(url, data)
    created = Session.objects.get()
    assert response.status_code == 302
    assert created.starts_at == at(10) and created.ends_at == at(11, 30)
    assert {s.code for s in created.sectors.all()} == {"10.11", "55.10"}
    assert list(created.delegates.all()) == [ambassador]
    assert created.interpreter_languages == "en,ru"


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_session_ending_before_it_starts_is_refused_in_words_and_not_saved(
    visit, operator, venues, language
):
    client = client_for(operator)
    url = reverse("visits:session_create", args=[visit.slug])
    data = form_on(client.get(url).content.decode())
    data.update(
        kind="official",
        title_en="Lord Mayor",
        venue=str(venues[0].pk),
        day=DAY.isoformat(),
        starts="11:00",
        ends="10:00",
    )
    client.cookies["django_language"] = language
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
    with translation.override(language):
        expected = translation.gettext("A session must end after it starts.")
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert language == "en" or expected != "A session must end after it starts."
    assert not Session.objects.exists()


@pytest.mark.parametrize(
    ("zone", "message"),
    [
        ("", "Give the venue's time zone, e.g. Europe/London."),
        ("Leeds/Centre", "is not a time zone"),
    ],
)
def test_a_venue_in_no_time_zone_is_refused_in_words_and_not_saved(operator, db, zone, message):
    client = client_for(operator)
    url = reverse("visits:venues")
    data = form_on(client.get(url).content.decode())
    data.update({"venue-name": "Town Hall", "venue-address": "Leeds", "venue-time_zone": zone})
    response = client.post(url, data)
    assert response.status_code == 200
    assert message.replace("'", "&#x27;") in response.content.decode()
    assert not Venue.objects.exists()


def test_a_venue_in_no_time_zone_is_refused_in_russian(operator, db):
    client = client_for(operator)
    url = reverse("visits:venues")
    data = form_on(client.get(url).content.decode())
    data.update({"venue-name": "Town Hall", "venue-address": "Leeds", "venue-time_zone": "Nowhere"})
    client.cookies["django_language"] = "ru"
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="ru")
    assert "не часовой пояс" in response.content.decode()
    assert not Venue.objects.exists()


def test_the_database_refuses_a_session_ending_before_it_starts(visit, venues):
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.create(
            visit=visit,
            kind="official",
            title_en="x",
            venue=venues[0],
            starts_at=at(11),
            ends_at=at(10),
        )


def test_the_database_refuses_a_venue_without_a_time_zone(programme):
    with pytest.raises(IntegrityError), transaction.atomic():
        Venue.objects.create(programme=programme, name="x", address="y", time_zone="")


def test_the_service_refuses_a_session_ending_before_it_starts(visit, operator, venues):
    with pytest.raises(ValidationError, match="must end after it starts"):
        session(visit, operator, venues[0], at(11), at(10))


def test_warnings_show_on_the_visit_page_before_publishing(
    visit, operator, venues, ambassador, host
):
    services.interpreter_add(visit=visit, by=operator, name="Dana", languages=["en", "ru"])
    session(visit, operator, venues[0], at(9), at(10), title_en="Lord Mayor", hosts=[host])
    session(
        visit,
        operator,
        venues[1],
        at(10, 5),
        at(11),
        title_en="Students",
        hosts=[host],
        interpreter_languages="en,kk",
    )
    page = client_for(operator).get(reverse("visits:detail", args=[visit.slug])).content.decode()
    assert "has 5 minutes to get from “Lord Mayor” to “Students”; the journey takes 30" in page
    assert "“Students” needs an interpreter and none who speaks both languages is free." in page


def test_an_entered_travel_time_replaces_the_default(visit, operator, venues, ambassador):
    session(visit, operator, venues[0], at(9), at(10))
    session(visit, operator, venues[1], at(10, 5), at(11))
    services.travel_time_set(venue=venues[1], other=venues[0], by=operator, minutes=5)
    assert itinerary_check(visit=visit) == []


def test_overlaps_count_the_guests_who_said_yes(visit, operator, venues):
    first = session(visit, operator, venues[0], at(9), at(10), title_en="Breakfast")
    second = session(visit, operator, venues[0], at(9, 30), at(11), title_en="Roundtable")
    guest = invite(first, "Guy Guest", "accepted")
    invite(second, "Guy Guest", "accepted", user=guest.person.user)
    (warning,) = itinerary_check(visit=visit)
    assert warning.text == "Guy Guest is in “Breakfast” and “Roundtable” at the same time."


def test_publishing_with_warnings_asks_for_confirmation(visit, operator, venues, ambassador):
    session(visit, operator, venues[0], at(9), at(10))
    session(visit, operator, venues[1], at(9, 30), at(11))
    client = client_for(operator)
    url = reverse("visits:state", args=[visit.slug, "publish"])
    client.post(url, {})
    visit.refresh_from_db()
    assert visit.state == "draft"
    data = form_on(client.get(reverse("visits:detail", args=[visit.slug])).content.decode(), url)
    data["despite_warnings"] = "on"
    client.post(url, data)
    visit.refresh_from_db()
    assert visit.state == "published"


def test_a_session_moved_after_publishing_is_told_only_to_its_people(
    visit, operator, venues, ambassador, host
):
    other_host = add_person(visit, operator, "hosts", "Oscar Other")
    moved = session(visit, operator, venues[0], at(9), at(10), hosts=[host])
    session(visit, operator, venues[0], at(11), at(12), hosts=[other_host], delegates=[])
    guest = invite(moved, "Gwen Guest", "accepted")
    invite(moved, "Dora Decliner", "declined")
    services.visit_publish(visit=visit, by=operator, despite_warnings=True)
    mail.outbox.clear()
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        services.session_update(session=moved, by=operator, starts_at=at(9, 30), ends_at=at(10, 30))
    moved.refresh_from_db()
    assert moved.sequence == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [ambassador.email, host.email, guest.person.email]
    )
    russian = next(m for m in mail.outbox if m.to == [ambassador.email])
    assert "изменил" in russian.subject.lower() or "изменен" in russian.subject.lower()


def test_a_change_that_is_not_on_the_calendar_keeps_the_sequence(visit, operator, venues):
    lunch = session(visit, operator, venues[0], at(12), at(13))
    services.session_update(session=lunch, by=operator, talking_points="Thank the Lord Mayor")
    lunch.refresh_from_db()
    assert lunch.sequence == 0


def test_a_session_day_follows_the_venue_zone(visit, operator, programme):
    almaty = services.venue_create(
        programme=programme,
        by=operator,
        name="Rixos Almaty",
        address="Almaty",
        time_zone="Asia/Almaty",
    )
    late = session(visit, operator, almaty, at(20, day=DAY), at(21, day=DAY))
    assert session_times(session=late).day == DAY + dt.timedelta(days=1)


def test_sectors_must_be_known_nace_codes(visit, operator, venues):
    client = client_for(operator)
    url = reverse("visits:session_create", args=[visit.slug])
    data = form_on(client.get(url).content.decode())
    data.update(
        kind="official",
        title_en="x",
        venue=str(venues[0].pk),
        day=DAY.isoformat(),
        starts="09:00",
        ends="10:00",
        sector_codes="99.99",
    )
    assert "Unknown NACE codes: 99.99" in client.post(url, data).content.decode()
    assert sector("10.11").code == "10.11"
