"""Who may see and do what, both ways, by id as well as through the pages."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.visits.conftest import at, client_for, invite, session
from twinning.visits.models import Attendee, Session, Visit

pytestmark = pytest.mark.integration


@pytest.fixture
def two_sessions(visit, operator, venues, ambassador, host):  # type: ignore[no-untyped-def]
    first = session(visit, operator, venues[0], at(9), at(10), title_en="Roundtable", hosts=[host])
    second = session(visit, operator, venues[1], at(11), at(12), title_en="Students")
    return first, second


def status(user, url: str) -> int:  # type: ignore[no-untyped-def]
    client = client_for(user) if user is not None else Client()
    return client.get(url).status_code


def test_a_draft_visit_is_hidden_from_the_public_and_other_members(visit, member):
    url = reverse("visits:detail", args=[visit.slug])
    assert status(None, url) == 404
    assert status(member, url) == 404
    assert visit not in list(Client().get(reverse("visits:list")).context["visits"])


def test_a_draft_visit_is_open_to_operators_the_delegation_and_the_invited(
    visit, operator, ambassador, two_sessions
):
    url = reverse("visits:detail", args=[visit.slug])
    guest = invite(two_sessions[0], "Guest One")
    assert status(operator, url) == 200
    assert status(ambassador.user, url) == 200
    assert status(guest.person.user, url) == 200


def test_a_withdrawn_invitation_no_longer_opens_the_visit(visit, two_sessions):
    guest = invite(two_sessions[0], "Guest One", state="withdrawn")
    assert status(guest.person.user, reverse("visits:detail", args=[visit.slug])) == 404


def test_a_published_visit_is_public_but_its_guests_are_not(visit, two_sessions):
    Visit.objects.filter(pk=visit.pk).update(state="published")
    invite(two_sessions[0], "Guest One", "accepted")
    page = Client().get(reverse("visits:session", args=[visit.slug, two_sessions[0].pk]))
    assert page.status_code == 200
    assert "Guest One" not in page.content.decode()


def test_a_guest_sees_their_own_sessions_guests_but_not_another_sessions(visit, two_sessions):
    roundtable, students = two_sessions
    guest = invite(roundtable, "Guest One", "accepted")
    invite(students, "Student Guest", "accepted")
    client = client_for(guest.person.user)
    own = client.get(reverse("visits:session", args=[visit.slug, roundtable.pk])).content.decode()
    other = client.get(reverse("visits:session", args=[visit.slug, students.pk])).content.decode()
    assert "Guest One" in own
    assert "Student Guest" not in other


def test_the_host_team_sees_every_sessions_guests(visit, two_sessions, host, operator):
    from tests.visits.conftest import add_person

    colleague = add_person(visit, operator, "hosts", "Colin Colleague", user=UserFactory())
    invite(two_sessions[1], "Student Guest", "accepted")
    page = client_for(colleague.user).get(
        reverse("visits:session", args=[visit.slug, two_sessions[1].pk])
    )
    assert "Student Guest" in page.content.decode()


def test_a_session_id_of_another_visit_is_not_found(visit, operator, programme, two_sessions):
    from tests.factories import side
    from twinning.visits import services

    other = services.visit_create(
        programme=programme,
        by=operator,
        title_en="Other",
        host_side=side("KZ"),
        starts_on=visit.starts_on,
        ends_on=visit.ends_on,
        delegation_time_zone="Europe/London",
    )
    url = reverse("visits:session", args=[other.slug, two_sessions[0].pk])
    assert status(operator, url) == 404


def test_members_cannot_plan(visit, member, two_sessions):
    client = client_for(member)
    Visit.objects.filter(pk=visit.pk).update(state="published")
    assert client.get(reverse("visits:create")).status_code == 403
    assert client.get(reverse("visits:session_create", args=[visit.slug])).status_code == 403
    url = reverse("visits:session_cancel", args=[visit.slug, two_sessions[0].pk])
    assert client.post(url).status_code == 403
    assert Session.objects.filter(status="cancelled").count() == 0


def test_a_delegate_cannot_edit_the_itinerary(visit, ambassador, two_sessions):
    client = client_for(ambassador.user)
    url = reverse("visits:session_edit", args=[visit.slug, two_sessions[0].pk])
    assert client.get(url).status_code == 403


def test_a_held_visit_cannot_be_edited_even_by_an_operator(visit, operator, two_sessions):
    Visit.objects.filter(pk=visit.pk).update(state="held")
    url = reverse("visits:session_edit", args=[visit.slug, two_sessions[0].pk])
    assert status(operator, url) == 403


STATES = ["draft", "published", "held", "cancelled"]
ALLOWED = {
    "visits.publish_visit": {"draft"},
    "visits.mark_held": {"published"},
    "visits.cancel_visit": {"draft", "published"},
    "visits.edit_itinerary": {"draft", "published"},
    "visits.record_outcomes": {"published", "held"},
    "visits.send_follow_ups": {"held"},
}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("permission", sorted(ALLOWED))
def test_each_transition_is_allowed_from_its_declared_states_only(
    permission, state, operator, member
):
    visit = Visit(state=state)
    assert operator.has_perm(permission, visit) == (state in ALLOWED[permission])
    assert not member.has_perm(permission, visit)


ANSWERABLE = {"invited", "accepted", "waiting", "declined"}


@pytest.mark.parametrize("state", [s for s, _ in Attendee.State.choices])
def test_only_the_invitee_answers_and_only_while_the_invitation_stands(state, visit, two_sessions):
    attendee = invite(two_sessions[0], "Guest One", state)
    assert attendee.person.user.has_perm("visits.answer_invitation", attendee) == (
        state in ANSWERABLE
    )
    assert not UserFactory().has_perm("visits.answer_invitation", attendee)


def test_the_dashboard_shows_my_invitation_and_my_visits(visit, two_sessions, ambassador, member):
    guest = invite(two_sessions[0], "Guest One")
    page = client_for(guest.person.user).get(reverse("core:dashboard")).content.decode()
    assert "Waiting for your answer" in page and reverse("visits:rsvp", args=[guest.token]) in page
    delegate = client_for(ambassador.user).get(reverse("core:dashboard")).content.decode()
    assert reverse("visits:itinerary", args=[visit.slug]) in delegate
    other = client_for(member).get(reverse("core:dashboard")).content.decode()
    assert "visits-panel" not in other


def test_cancelling_a_session_twice_says_so_and_tells_nobody_again(
    visit, operator, two_sessions, mailoutbox
):
    client = client_for(operator)
    url = reverse("visits:session_cancel", args=[visit.slug, two_sessions[0].pk])
    assert client.post(url).status_code == 302
    sent = len(mailoutbox)
    again = client.post(url, follow=True)
    assert again.status_code == 200
    assert "This cannot be done now" in again.content.decode()
    assert len(mailoutbox) == sent


def test_a_visit_state_message_speaks_each_requests_language(visit, operator):
    Visit.objects.filter(pk=visit.pk).update(state="published")
    client = client_for(operator)
    url = reverse("visits:state", args=[visit.slug, "held"])
    page = client.post(url, follow=True, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    from django.utils import translation

    with translation.override("ru"):
        expected = translation.gettext("The visit is marked as held.")
    assert expected != "The visit is marked as held." and expected in page
