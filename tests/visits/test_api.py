"""The visits API: the same rules as the pages, both ways, by id."""

import pytest
from django.test import Client

from tests.api.conftest import bearer
from tests.factories import UserFactory
from tests.visits.conftest import DAY, at, invite, session
from tests.visits.test_invitations import company
from twinning.visits.models import Session, Visit

pytestmark = pytest.mark.integration


@pytest.fixture
def two(visit, operator, venues, ambassador, host):  # type: ignore[no-untyped-def]
    first = session(visit, operator, venues[0], at(9), at(10), title_en="Mayor", hosts=[host])
    second = session(visit, operator, venues[1], at(14), at(15), title_en="Students", delegates=[])
    return first, second


def test_the_schema_lists_the_visit_routes(db):
    paths = Client().get("/api/openapi.json").json()["paths"]
    for path in (
        "/api/visits",
        "/api/visits/{slug}",
        "/api/visits/{slug}/sessions/{pk}",
        "/api/visits/{slug}/sessions/{pk}/attendees",
        "/api/visit-invitations/{pk}/rsvp",
        "/api/visits/{slug}/itinerary",
        "/api/visits/{slug}/warnings",
    ):
        assert path in paths, path


def test_a_draft_visit_is_not_found_for_others_by_slug(visit, member):
    assert Client().get(f"/api/visits/{visit.slug}").status_code == 404
    assert Client().get(f"/api/visits/{visit.slug}", **bearer(member)).status_code == 404
    assert visit.slug not in [v["slug"] for v in Client().get("/api/visits").json()["items"]]


def test_the_operator_builds_and_moves_a_session(visit, operator, venues, two):
    auth = bearer(operator)
    created = Client().post(
        f"/api/visits/{visit.slug}/sessions",
        {
            "kind": "official",
            "title_en": "Breakfast",
            "venue": venues[0].pk,
            "day": DAY.isoformat(),
            "starts": "07:00",
            "ends": "08:00",
            "sector_codes": "10.11",
        },
        content_type="application/json",
        **auth,
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    moved = Client().patch(
        f"/api/visits/{visit.slug}/sessions/{pk}",
        {"starts": "07:30", "ends": "08:30"},
        content_type="application/json",
        **auth,
    )
    assert moved.status_code == 200, moved.content
    assert moved.json()["sequence"] == 1 and moved.json()["starts_at"].startswith(
        "2027-03-10T07:30"
    )
    assert moved.json()["sectors"] == ["10.11"]


def test_a_session_ending_before_it_starts_is_refused(visit, operator, venues):
    response = Client().post(
        f"/api/visits/{visit.slug}/sessions",
        {
            "kind": "official",
            "title_en": "Backwards",
            "venue": venues[0].pk,
            "day": DAY.isoformat(),
            "starts": "09:00",
            "ends": "08:00",
        },
        content_type="application/json",
        **bearer(operator),
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["ends"] == ["Встреча должна заканчиваться после начала."]
    assert not Session.objects.filter(title_en="Backwards").exists()


def test_a_delegate_cannot_plan_through_the_api(visit, ambassador, two):
    response = Client().patch(
        f"/api/visits/{visit.slug}/sessions/{two[0].pk}",
        {"capacity": 3},
        content_type="application/json",
        **bearer(ambassador.user),
    )
    assert response.status_code == 403


def test_a_guest_reads_their_own_sessions_attendees_not_anothers(visit, two):
    mayor, students = two
    guest = invite(students, "Sam Student", "accepted")
    invite(mayor, "Mary Mayoral", "accepted")
    auth = bearer(guest.person.user)
    own = Client().get(f"/api/visits/{visit.slug}/sessions/{students.pk}/attendees", **auth)
    other = Client().get(f"/api/visits/{visit.slug}/sessions/{mayor.pk}/attendees", **auth)
    assert own.status_code == 200 and [a["name"] for a in own.json()["items"]] == ["Sam Student"]
    assert other.status_code == 403


def test_rsvp_only_for_ones_own_invitation(visit, two):
    mine = invite(two[1], "Sam Student")
    theirs = invite(two[1], "Other Guest")
    auth = bearer(mine.person.user)
    url = "/api/visit-invitations/{}/rsvp"
    answered = Client().post(
        url.format(mine.pk), {"attending": True}, content_type="application/json", **auth
    )
    refused = Client().post(
        url.format(theirs.pk), {"attending": True}, content_type="application/json", **auth
    )
    assert answered.status_code == 200 and answered.json()["state"] == "accepted"
    assert refused.status_code == 404
    theirs.refresh_from_db()
    assert theirs.state == "invited"


def test_my_itinerary_through_the_api(visit, two, ambassador):
    rows = Client().get(f"/api/visits/{visit.slug}/itinerary", **bearer(ambassador.user)).json()
    rows = rows["items"]
    assert [(r["title"], r["attending"]) for r in rows] == [("Mayor", True)]


def test_proposals_and_invitations_through_the_api(visit, operator, two, programme):
    mayor = two[0]
    Session.objects.filter(pk=mayor.pk).update(topic="meat processing")
    chosen = company(
        programme,
        "Aire Valley Food Machinery",
        ["28.93"],
        description="We build meat processing lines.",
    )
    auth = bearer(operator)
    proposed = Client().post(f"/api/visits/{visit.slug}/sessions/{mayor.pk}/proposals", **auth)
    assert [p["organisation"] for p in proposed.json()["items"]] == [chosen.slug]
    assert proposed.json()["items"][0]["reasons"]
    invited = Client().post(
        f"/api/visits/{visit.slug}/sessions/{mayor.pk}/invitations",
        {"organisations": [chosen.slug]},
        content_type="application/json",
        **auth,
    )
    assert invited.status_code == 201 and invited.json()[0]["state"] == "invited"


def test_publishing_refuses_with_warnings_unless_confirmed(visit, operator, venues, ambassador):
    session(visit, operator, venues[0], at(9), at(10))
    session(visit, operator, venues[1], at(9, 30), at(11))
    auth = bearer(operator)
    warnings = Client().get(f"/api/visits/{visit.slug}/warnings", **auth).json()["items"]
    assert [w["kind"] for w in warnings] == ["overlap"]
    url = f"/api/visits/{visit.slug}/publish"
    assert Client().post(url, {}, content_type="application/json", **auth).status_code == 400
    done = Client().post(url, {"despite_warnings": True}, content_type="application/json", **auth)
    assert done.json()["state"] == "published"


def test_members_cannot_create_visits(member, db):
    response = Client().post(
        "/api/visits",
        {
            "title_en": "x",
            "host_side": "UK",
            "starts_on": DAY.isoformat(),
            "ends_on": DAY.isoformat(),
            "delegation_time_zone": "Asia/Almaty",
        },
        content_type="application/json",
        **bearer(member),
    )
    assert response.status_code == 403
    assert not Visit.objects.exists()


def test_an_unknown_time_zone_is_refused_through_the_api(operator, programme):
    response = Client().post(
        "/api/visits",
        {
            "title_en": "x",
            "host_side": "UK",
            "starts_on": DAY.isoformat(),
            "ends_on": DAY.isoformat(),
            "delegation_time_zone": "Mars/Olympus",
        },
        content_type="application/json",
        **bearer(operator),
    )
    assert response.status_code == 400
    assert "delegation_time_zone" in response.json()["errors"]
    assert UserFactory() and not Visit.objects.exists()


def test_a_venue_in_no_time_zone_is_refused_in_words_through_the_api(operator):
    response = Client().post(
        "/api/venues",
        {"name": "Town Hall", "address": "Leeds", "time_zone": ""},
        content_type="application/json",
        **bearer(operator),
        HTTP_ACCEPT_LANGUAGE="kk",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["time_zone"] == [
        "Өткізу орнының уақыт белдеуін көрсетіңіз, мысалы Europe/London."
    ]


def test_the_people_list_hides_the_guests_from_the_team(visit, two, ambassador, operator):
    invite(two[0], "Guest One")
    team = Client().get(f"/api/visits/{visit.slug}/people", **bearer(ambassador.user)).json()
    everyone = Client().get(f"/api/visits/{visit.slug}/people", **bearer(operator)).json()
    assert "Guest One" not in [p["name"] for p in team["items"]]
    assert "Guest One" in [p["name"] for p in everyone["items"]]


def test_a_follow_up_is_answered_only_by_its_guest(visit, operator, two):
    from twinning.visits import services

    guest = invite(two[0], "Guest One", "accepted")
    other = invite(two[0], "Guest Two", "accepted")
    Visit.objects.filter(pk=visit.pk).update(state="held")
    visit.refresh_from_db()
    services.follow_ups_send(visit=visit, by=operator)
    auth = bearer(guest.person.user)
    mine = Client().get("/api/me/visit-follow-ups", **auth).json()["items"]
    assert len(mine) == 1
    url = "/api/me/visit-follow-ups/{}"
    theirs = other.follow_up.pk
    answer = {"answer": "An order"}
    kind = "application/json"
    assert Client().post(url.format(theirs), answer, content_type=kind, **auth).status_code == 404
    done = Client().post(url.format(mine[0]["id"]), answer, content_type=kind, **auth)
    assert done.json()["answer"] == "An order"
