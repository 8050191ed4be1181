"""Every operator list is cut into pages: with many rows the page stays bounded (rows and
bytes) and links to the next and previous pages; its queries do not grow with the rows.

The sweep shrinks the page size, so that three rows make three pages."""

import datetime as dt
import itertools
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.events.factories import EventFactory, participant
from tests.factories import OpportunityFactory, OrganisationFactory
from twinning.core import pagination
from twinning.events.models import Invitation
from twinning.organisations.models import Opportunity

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PAGE = 1
MAX_BYTES = 120_000
NUMBER = itertools.count()


def _queue(world):
    def grow():
        OpportunityFactory(status=Opportunity.Status.SUBMITTED, submitted_at=timezone.now())

    return reverse("organisations:queue"), grow


def _registrations(world):
    return reverse("events:manage", args=[world["event"].slug]), lambda: participant(world["event"])


def _invitations(world):
    def grow():
        Invitation.objects.create(event=world["event"], email=f"guest{next(NUMBER)}@example.org")

    url = reverse("events:manage", args=[world["event"].slug])
    return url, grow


def _check_in(world):
    return reverse("events:check_in", args=[world["event"].slug]), lambda: participant(
        world["event"]
    )


def _schedule(world):
    """The grid's slots are its rows: each grow adds a slot to the day."""
    from twinning.events import services

    event, operator = world["event"], world["operator"]
    services.tables_set_count(event=event, by=operator, count=2)
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=30)

    def grow():
        number = event.slots.count() + 1
        begins = start + dt.timedelta(minutes=30 * number)
        event.slots.create(
            number=number, session="morning", starts_at=begins,
            ends_at=begins + dt.timedelta(minutes=20),
        )  # fmt: skip

    return reverse("events:schedule", args=[event.slug]), grow


def _introductions(world):
    from twinning.introductions.models import Introduction

    programme = world["event"].programme

    def grow():
        Introduction.objects.create(
            programme=programme, requester=OrganisationFactory(programme=programme),
            recipient=OrganisationFactory(programme=programme), message="Hello",
        )  # fmt: skip

    return reverse("introductions:all"), grow


def _fairs(world):
    from tests.students.factories import job_fair

    def grow():
        job_fair(world["event"].programme, world["operator"])

    return reverse("students:fairs"), grow


def _welfare(world):
    from twinning.students.models import WelfareCheck

    def grow():
        WelfareCheck.objects.create(
            message="Are you safe?", sent_by=world["operator"],
            expires_at=timezone.now() + dt.timedelta(days=2),
        )  # fmt: skip

    return reverse("students:welfare_list"), grow


def _positions(world):
    from twinning.students.models import Position

    def grow():
        Position.objects.create(
            organisation=OrganisationFactory(programme=world["event"].programme),
            title=f"Analyst {next(NUMBER)}", description="Numbers", kind=Position.Kind.values[0],
            location=Position.Location.values[0], closes_on=timezone.localdate(),
            state=Position.State.SUBMITTED, created_by=world["operator"],
        )  # fmt: skip

    return reverse("students:position_queue"), grow


def _venues(world):
    from twinning.visits.models import Venue

    def grow():
        Venue.objects.create(
            programme=world["event"].programme, name=f"Hall {next(NUMBER)}",
            time_zone="Europe/London",
        )  # fmt: skip

    return reverse("visits:venues"), grow


def _visits(world):
    from twinning.visits.models import Visit

    programme = world["event"].programme

    def grow():
        n = next(NUMBER)
        Visit.objects.create(
            programme=programme, slug=f"visit-{n}", title_en=f"Visit {n}",
            host_side=programme.side_a, starts_on=timezone.localdate(),
            ends_on=timezone.localdate(), delegation_language="kk",
            delegation_time_zone="Asia/Almaty",
        )  # fmt: skip

    return reverse("visits:list"), grow


def _pairs(world):
    from tests.factories import region
    from twinning.matching.models import Recommendation

    programme = world["event"].programme
    codes = iter(["01.11", "10.11", "28.93", "47.11"])

    def grow():
        code = next(codes)
        Recommendation.objects.create(
            programme=programme, organisation=OrganisationFactory(programme=programme),
            candidate=OrganisationFactory(programme=programme, region=region("almaty-city")),
            score=0.5, rank=1, computed_at=timezone.now(),
            reasons=[{"kind": "sector", "level": "class", "mine": code, "theirs": code}],
        )  # fmt: skip

    return reverse("matching:pairs"), grow


def _outcomes(world):
    from tests.events.factories import accepted_meeting
    from twinning.outcomes import services

    def grow():
        meeting = accepted_meeting(participant(world["event"]), participant(world["event"]))
        leeds, almaty = meeting.participants
        services.outcome_record(
            reporter=leeds.organisation, partner=almaty.organisation, by=leeds.user,
            title="Cold-chain supply", kind="supply", meetings=[meeting],
        )  # fmt: skip

    return reverse("outcomes:register"), grow


def _film(world):
    from tests.factories import MembershipFactory
    from tests.film.test_services import new_application
    from twinning.film.models import FilmApplication

    def grow():
        studio = OrganisationFactory(programme=world["event"].programme, kind="studio")
        producer = MembershipFactory(organisation=studio).user
        application = new_application(studio, producer)
        FilmApplication.objects.filter(pk=application.pk).update(
            state=FilmApplication.State.SUBMITTED, submitted_at=timezone.now()
        )

    return reverse("film:queue"), grow


LISTS = {
    "best pairs": _pairs,
    "outcomes register": _outcomes,
    "film applications": _film,
    "validation queue": _queue,
    "registrations": _registrations,
    "invitations": _invitations,
    "check-in": _check_in,
    "schedule grid": _schedule,
    "introductions": _introductions,
    "job fairs": _fairs,
    "welfare checks": _welfare,
    "positions to validate": _positions,
    "venues": _venues,
    "visits": _visits,
}


@pytest.fixture
def world(programme, operator, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pagination, "PAGE_SIZE", PAGE)
    return {"event": EventFactory(programme=programme), "operator": operator}


@pytest.mark.parametrize("name", LISTS)
def test_every_operator_list_is_paginated_and_bounded(client, world, name, pinned_queries):
    client.force_login(world["operator"])
    url, grow = LISTS[name](world)
    pinned_queries(url, grow)  # three rows now, same queries as with one
    first = client.get(url).content.decode()
    assert len(first.encode()) < MAX_BYTES
    assert 'data-testid="pagination"' in first and 'rel="next"' in first
    assert "Page 1 of 3" in first
    next_link = re.search(r'rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    second = client.get(url + next_link).content.decode()
    assert 'rel="prev"' in second and 'rel="next"' in second and "Page 2 of 3" in second
