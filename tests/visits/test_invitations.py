"""Proposed attendees with reasons, the operator's pick, invitations, RSVP and the waiting list."""

import pytest
from django.core import mail
from django.test import Client, TestCase
from django.urls import reverse

from tests.events.factories import EventFactory, accepted_meeting, participant
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PublishedOpportunityFactory,
    UserFactory,
    region,
    sector,
)
from tests.visits.conftest import add_person, at, client_for, form_on, session
from twinning.visits import services
from twinning.visits.models import Attendee, Proposal

pytestmark = pytest.mark.integration


def company(programme, name, codes, *, where="leeds", description="", language="en"):  # type: ignore[no-untyped-def]
    organisation = OrganisationFactory(
        programme=programme,
        legal_name=name,
        name_en=name,
        region=region(where),
        description=description or f"{name}.",
    )
    organisation.sectors.set([sector(c) for c in codes])
    owner = UserFactory(full_name=f"Owner of {name}", language=language)
    MembershipFactory(user=owner, organisation=organisation)
    return organisation


@pytest.fixture
def roundtable(visit, operator, venues, host):  # type: ignore[no-untyped-def]
    return session(
        visit,
        operator,
        venues[0],
        at(10),
        at(11, 30),
        kind="roundtable",
        title_en="Business executives' roundtable",
        hosts=[host],
        topic="Services, meat processing and tourism",
        sectors=[sector("10.11"), sector("79.11")],
    )


@pytest.fixture
def leeds(programme):  # type: ignore[no-untyped-def]
    machinery = company(
        programme,
        "Aire Valley Food Machinery",
        ["28.93"],
        description="We build meat processing lines.",
    )
    PublishedOpportunityFactory(
        organisation=machinery, title="Abattoir lines for export", sectors=[sector("10.11")]
    )
    tours = company(programme, "Dales Tours", ["79.11"], description="Tourism in Yorkshire.")
    lawyers = company(programme, "Wharf Chambers", ["69.10"], description="Barristers.")
    return machinery, tours, lawyers


def test_the_proposals_come_from_the_host_side_with_reasons(visit, operator, roundtable, leeds):
    machinery, tours, lawyers = leeds
    kazakh = company(visit.programme, "Kostanay Meat", ["10.11"], where="kostanay")
    services.proposals_compute(session=roundtable, by=operator)
    chosen = {p.organisation_id for p in Proposal.objects.filter(session=roundtable)}
    assert {machinery.pk, tours.pk} <= chosen
    assert lawyers.pk not in chosen and kazakh.pk not in chosen
    page = client_for(operator).get(reverse("visits:proposals", args=[visit.slug, roundtable.pk]))
    text = page.content.decode()
    assert "Published opportunity: Abattoir lines for export" in text
    assert "Works in the session&#x27;s sector: 79.11" in text
    assert "Its profile speaks of the topic" in text


def test_past_meetings_with_the_delegations_organisations_count(
    visit, operator, roundtable, leeds, programme
):
    tours = leeds[1]
    kazakh = company(programme, "Kostanay Meat", ["10.11"], where="kostanay")
    add_person(visit, operator, "delegation", "Kazakh Director", organisation=kazakh)
    day = EventFactory(programme=programme)
    accepted_meeting(participant(day, organisation=kazakh), participant(day, organisation=tours))
    services.proposals_compute(session=roundtable, by=operator)
    reasons = Proposal.objects.get(session=roundtable, organisation=tours).reasons
    assert {"kind": "met", "count": 1} in reasons


def test_the_operator_invites_the_picked_in_each_ones_language(visit, operator, roundtable, leeds):
    machinery, tours, _ = leeds
    russian = UserFactory(full_name="Айгерим", language="ru")
    MembershipFactory(user=russian, organisation=tours, role="owner")
    tours.memberships.exclude(user=russian).delete()
    services.proposals_compute(session=roundtable, by=operator)
    client = client_for(operator)
    url = reverse("visits:proposals", args=[visit.slug, roundtable.pk])
    data = form_on(client.get(url).content.decode())
    data["organisations"] = [str(machinery.pk), str(tours.pk)]
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(url, data)
    invited = Attendee.objects.filter(session=roundtable)
    assert {a.person.organisation_id for a in invited} == {machinery.pk, tours.pk}
    to_russian = next(m for m in mail.outbox if m.to == [russian.email])
    assert to_russian.subject.startswith("Приглашение")


def rsvp(user, attendee, attending: str | None = None):  # type: ignore[no-untyped-def]
    client = client_for(user) if user else Client()
    url = reverse("visits:rsvp", args=[attendee.token])
    if attending is None:
        return client.get(url)
    data = form_on(client.get(url).content.decode())
    data["attending"] = attending
    return client.post(url, data)


@pytest.fixture
def invited(visit, operator, roundtable, leeds):  # type: ignore[no-untyped-def]
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services.attendees_invite(session=roundtable, by=operator, organisations=leeds[:2])


def test_the_link_alone_answers_nothing(invited):
    attendee = invited[0]
    response = rsvp(None, attendee)
    assert response.status_code == 302 and "login" in response["Location"]
    stranger = UserFactory()
    assert rsvp(stranger, attendee).status_code == 404
    assert (
        Client()
        .post(reverse("visits:rsvp", args=[attendee.token]), {"attending": "yes"})
        .status_code
        == 302
    )
    attendee.refresh_from_db()
    assert attendee.state == "invited"


def test_another_guest_cannot_answer_someone_elses_invitation(invited):
    first, second = invited
    response = client_for(second.person.user).post(
        reverse("visits:rsvp", args=[first.token]), {"attending": "yes"}
    )
    first.refresh_from_db()
    assert response.status_code == 403 and first.state == "invited"


def test_the_invitee_accepts_and_the_session_joins_their_itinerary(visit, invited):
    attendee = invited[0]
    response = rsvp(attendee.person.user, attendee, "yes")
    attendee.refresh_from_db()
    assert response.status_code == 302 and attendee.state == "accepted"
    page = client_for(attendee.person.user).get(reverse("visits:itinerary", args=[visit.slug]))
    assert "Business executives&#x27; roundtable" in page.content.decode()


def test_a_full_session_puts_the_next_on_the_waiting_list_and_a_refusal_frees_the_place(
    invited, roundtable, operator
):
    services.session_update(session=roundtable, by=operator, capacity=1)
    first, second = invited
    rsvp(first.person.user, first, "yes")
    rsvp(second.person.user, second, "yes")
    second.refresh_from_db()
    assert second.state == "waiting"
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        rsvp(first.person.user, first, "no")
    second.refresh_from_db()
    assert second.state == "accepted"
    assert [m.to for m in mail.outbox] == [[second.person.email]]


def test_a_withdrawn_invitation_cannot_be_answered(invited, operator):
    attendee = invited[0]
    services.attendee_withdraw(attendee=attendee, by=operator)
    client = client_for(attendee.person.user)
    url = reverse("visits:rsvp", args=[attendee.token])
    assert client.post(url, {"attending": "yes"}).status_code == 404
    attendee.refresh_from_db()
    assert attendee.state == "withdrawn"


def test_a_guest_invited_by_address_answers_with_the_account_of_that_address(
    visit, operator, roundtable
):
    services.guest_invite(session=roundtable, by=operator, name="Student", email="s@example.org")
    attendee = Attendee.objects.get(session=roundtable)
    student = UserFactory(email="s@example.org")
    rsvp(student, attendee, "yes")
    attendee.refresh_from_db()
    assert attendee.state == "accepted" and attendee.person.user == student
