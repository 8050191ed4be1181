"""Every list page takes as many queries for one item as for three (N+1 guard)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import side
from tests.visits.conftest import add_person, at, client_for, invite, session
from twinning.visits import services
from twinning.visits.models import Visit

pytestmark = pytest.mark.integration


def queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def same_for_one_and_three(client, url: str, add) -> None:  # type: ignore[no-untyped-def]
    add(0)
    one = queries(client, url)
    add(1)
    add(2)
    assert queries(client, url) == one


def test_the_visit_list(operator, programme):
    def add(n: int) -> None:
        visit = services.visit_create(
            programme=programme,
            by=operator,
            title_en=f"Visit {n}",
            host_side=side("UK"),
            starts_on=at(9).date(),
            ends_on=at(9).date(),
            delegation_time_zone="Asia/Almaty",
        )
        Visit.objects.filter(pk=visit.pk).update(state="published")

    same_for_one_and_three(client_for(operator), reverse("visits:list"), add)


def test_the_itinerary_on_the_visit_page(visit, operator, venues, ambassador, host):
    def add(n: int) -> None:
        made = session(visit, operator, venues[n % 2], at(9 + 2 * n), at(10 + 2 * n), hosts=[host])
        invite(made, f"Guest {n}", "accepted")

    same_for_one_and_three(client_for(operator), reverse("visits:detail", args=[visit.slug]), add)


def test_my_itinerary(visit, operator, venues, ambassador):
    def add(n: int) -> None:
        session(visit, operator, venues[n % 2], at(9 + 2 * n), at(10 + 2 * n))

    url = reverse("visits:itinerary", args=[visit.slug])
    same_for_one_and_three(client_for(ambassador.user), url, add)


def test_the_guests_of_a_session(visit, operator, venues, ambassador):
    made = session(visit, operator, venues[0], at(9), at(10))

    def add(n: int) -> None:
        invite(made, f"Guest {n}", "accepted")

    url = reverse("visits:session", args=[visit.slug, made.pk])
    same_for_one_and_three(client_for(operator), url, add)


def test_the_people_of_a_visit(visit, operator):
    def add(n: int) -> None:
        add_person(visit, operator, "delegation", f"Delegate{n} Person")

    same_for_one_and_three(client_for(operator), reverse("visits:detail", args=[visit.slug]), add)


def test_the_briefing_pack(visit, operator, venues, ambassador, host):
    def add(n: int) -> None:
        made = session(visit, operator, venues[n % 2], at(9 + 2 * n), at(10 + 2 * n), hosts=[host])
        invite(made, f"Guest {n}", "accepted")

    same_for_one_and_three(client_for(operator), reverse("visits:briefing", args=[visit.slug]), add)
