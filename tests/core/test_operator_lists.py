"""Every operator list is cut into pages: with many rows the page stays bounded (rows and
bytes) and links to the next and previous pages; its queries do not grow with the rows.

The queries are pinned with the rows on one page (one row, then three, all shown: a query per
row would show); then the sweep shrinks the page size to one row, so that three rows make three
pages. Every paginated page that only operators open must be in LISTS (the last test)."""

import datetime as dt
import itertools
import re

import pytest
from django.core.paginator import Page
from django.urls import reverse
from django.utils import timezone

from tests.events.factories import EventFactory, participant
from tests.factories import OpportunityFactory, OrganisationFactory
from twinning.core import pagination
from twinning.events.models import Invitation
from twinning.organisations.models import Opportunity

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

#: Large enough for three rows of the heaviest kind on one page (best pairs weigh five).
ONE_PAGE = 15
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


def _audit_log(world):
    from twinning.core.services import audit_log

    operator = world["operator"]

    def grow():
        audit_log(action=f"sweep.row{next(NUMBER)}", actor=operator, target=operator)

    return reverse("core:audit_log") + "?action=sweep.", grow


def _fair(world):  # type: ignore[no-untyped-def]
    from tests.students.factories import job_fair

    return job_fair(world["event"].programme, world["operator"], slots_until=dt.time(12, 0))


def _fair_booths(world):
    from twinning.students import services

    fair = _fair(world)

    def grow():
        organisation = OrganisationFactory(programme=fair.event.programme)
        services.booth_add(fair=fair, organisation=organisation, by=world["operator"])

    return reverse("students:fair_manage", args=[fair.pk]), grow


def _fair_interviews(world):
    from tests.students.factories import registered, student
    from twinning.students import services
    from twinning.students.models import Interview

    fair = _fair(world)
    organisation = OrganisationFactory(programme=fair.event.programme)
    booth = services.booth_add(fair=fair, organisation=organisation, by=world["operator"])
    slots = iter(fair.event.slots.order_by("number"))

    def grow():
        Interview.objects.create(
            fair=fair, booth=booth, registration=registered(fair, student()), slot=next(slots),
            status=Interview.Status.SCHEDULED,
        )  # fmt: skip

    return reverse("students:fair_manage", args=[fair.pk]), grow


LISTS = {
    "audit log": ("core:audit_log", _audit_log),
    "best pairs": ("matching:pairs", _pairs),
    "outcomes register": ("outcomes:register", _outcomes),
    "film applications": ("film:queue", _film),
    "validation queue": ("organisations:queue", _queue),
    "registrations": ("events:manage", _registrations),
    "invitations": ("events:manage", _invitations),
    "check-in": ("events:check_in", _check_in),
    "schedule grid": ("events:schedule", _schedule),
    "introductions": ("introductions:all", _introductions),
    "job fairs": ("students:fairs", _fairs),
    "a fair's booths": ("students:fair_manage", _fair_booths),
    "a fair's interviews": ("students:fair_manage", _fair_interviews),
    "welfare checks": ("students:welfare_list", _welfare),
    "positions to validate": ("students:position_queue", _positions),
    "venues": ("visits:venues", _venues),
    "visits": ("visits:list", _visits),
}


@pytest.fixture
def world(programme, operator, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pagination, "PAGE_SIZE", ONE_PAGE)
    return {"event": EventFactory(programme=programme), "operator": operator}


def _pages(response) -> list[Page]:  # type: ignore[no-untyped-def]
    contexts = response.context if isinstance(response.context, list) else [response.context]
    return [v for c in contexts for v in c.flatten().values() if isinstance(v, Page)]


def _all_on_one_page(response, rows: int) -> None:  # type: ignore[no-untyped-def]
    counts = [(page.paginator.count, len(page)) for page in _pages(response)]
    assert (rows, rows) in counts, f"{rows} rows on one page expected; (rows, shown): {counts}"


@pytest.mark.parametrize(
    "name", [pytest.param(name, marks=pytest.mark.pins(LISTS[name][0])) for name in LISTS]
)
def test_every_operator_list_is_paginated_and_bounded(
    client, world, name, pinned_queries, monkeypatch
):
    client.force_login(world["operator"])
    url, grow = LISTS[name][1](world)
    pinned_queries(url, grow, check=_all_on_one_page)  # three rows shown, as many queries as one
    monkeypatch.setattr(pagination, "PAGE_SIZE", 1)
    first = client.get(url).content.decode()
    assert len(first.encode()) < MAX_BYTES
    assert 'data-testid="pagination"' in first and 'rel="next"' in first
    assert "Page 1 of 3" in first
    next_link = re.search(r'rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    second = client.get(url.split("?")[0] + next_link).content.decode()  # the link keeps the query
    assert 'rel="prev"' in second and 'rel="next"' in second and "Page 2 of 3" in second


def test_every_paginated_page_for_operators_is_in_the_sweep():
    """LISTS is written by hand; this finds what it misses: a page cut with page_of (or a
    ListView) whose access rule (tests/<app>/access.py) lets in operators only."""
    from tests.access import DENY, OK, app_rules
    from tests.query_pins import list_pages

    pages = [getattr(module, "PAGES", {}) for module in app_rules()]
    rules = {name: rule for declared in pages for name, rule in declared.items()}
    paginated = {name for name, why in list_pages().items() if not why.startswith("reads rows")}
    for_operators = {
        name for name in paginated
        if name in rules and rules[name].method == "GET"
        and (rules[name].other, rules[name].member, rules[name].operator) == (DENY, DENY, OK)
    }  # fmt: skip
    swept = {route for route, _build in LISTS.values()}
    assert sorted(for_operators - swept) == []
