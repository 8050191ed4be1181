"""A visit to Leeds with its delegation, host team, venues and a few sessions; form reading."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.test import Client

from tests import html_forms
from tests.factories import OperatorFactory, UserFactory, side
from twinning.visits import services
from twinning.visits.models import Attendee, Person

LONDON = zoneinfo.ZoneInfo("Europe/London")
DAY = dt.date(2027, 3, 10)


def at(hour: int, minute: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), LONDON)


def client_for(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def operator(db):  # type: ignore[no-untyped-def]
    return OperatorFactory(email="operator@example.org")


@pytest.fixture
def visit(programme, operator):  # type: ignore[no-untyped-def]
    return services.visit_create(
        programme=programme,
        by=operator,
        title_en="The ambassador in Leeds",
        host_side=side("UK"),
        starts_on=DAY,
        ends_on=DAY,
        delegation_language="ru",
        delegation_time_zone="Asia/Almaty",
    )


@pytest.fixture
def venues(programme, operator):  # type: ignore[no-untyped-def]
    civic = services.venue_create(
        programme=programme,
        by=operator,
        name="Civic Hall",
        address="Calverley Street, Leeds LS1 1UR",
        time_zone="Europe/London",
    )
    university = services.venue_create(
        programme=programme,
        by=operator,
        name="University of Leeds",
        address="Woodhouse, Leeds LS2 9JT",
        time_zone="Europe/London",
    )
    return civic, university


def add_person(visit, operator, team: str, name: str, **fields) -> Person:  # type: ignore[no-untyped-def]
    email = fields.pop("email", f"{name.split()[0].lower()}@example.org")
    return services.person_add(
        visit=visit, by=operator, team=team, name=name, email=email, **fields
    )


@pytest.fixture
def ambassador(visit, operator):  # type: ignore[no-untyped-def]
    user = UserFactory(email="ambassador@example.org", full_name="Ambassador", language="ru")
    return add_person(
        visit,
        operator,
        "delegation",
        "The Ambassador",
        email=user.email,
        user=user,
        role="Ambassador",
        languages=["ru", "kk", "en"],
        language="ru",
    )


@pytest.fixture
def host(visit, operator):  # type: ignore[no-untyped-def]
    return add_person(visit, operator, "hosts", "Helen Host", role="Trade adviser")


def session(visit, operator, venue, start, end, **fields):  # type: ignore[no-untyped-def]
    fields.setdefault("kind", "official")
    fields.setdefault("title_en", f"Session at {start:%H:%M}")
    return services.session_create(
        visit=visit, by=operator, venue=venue, starts_at=start, ends_at=end, **fields
    )


def invite(session, name: str, state: str = "invited", user=None) -> Attendee:  # type: ignore[no-untyped-def]
    """A guest with an invitation, written directly (the invitation services have own tests)."""
    user = user or UserFactory(full_name=name)
    person, _ = Person.objects.get_or_create(
        visit=session.visit,
        email=user.email,
        defaults={"team": "guest", "name": name, "user": user},
    )
    responded = None if state == "invited" else session.updated_at
    return Attendee.objects.create(
        session=session, person=person, state=state, responded_at=responded
    )


def form_on(html: str, action: str = "") -> dict:
    """The fields of the page's form posting to `action` (the first form posting to the page
    itself when empty), as a browser would send them: hidden fields and chosen options included
    (tests/html_forms reads them; boxes and multiple choices as a list, the rest as a string)."""
    for form in html_forms.forms_in(html):
        if form.action == action and "csrfmiddlewaretoken" in form.names():
            many = {c.name for c in form.controls if c.kind in ("checkbox", "select-multiple")}
            return {
                name: values if name in many or len(values) != 1 else values[0]
                for name, values in form.submission().items()
            }
    raise AssertionError(f"no form posting to {action!r}")
