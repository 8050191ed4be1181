"""A visit session as the origin of a partnership-register entry: the organisations that sat
in it may record an outcome naming it, from the session's page or the API; others may not."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.api.conftest import bearer
from tests.outcomes.conftest import form_fields
from tests.visits.conftest import at, client_for, invite, session
from tests.visits.test_invitations import company
from twinning.outcomes import selectors as outcome_selectors
from twinning.outcomes import services as outcome_services
from twinning.outcomes.models import Outcome
from twinning.visits.models import Attendee, Person

pytestmark = pytest.mark.integration


@pytest.fixture
def roundtable(visit, operator, venues, programme):  # type: ignore[no-untyped-def]
    """A roundtable hosted by a Leeds maker, with an Almaty buyer who said yes, a Kostanay
    miller who declined, and a Leeds bank that is not in it at all."""
    maker = company(programme, "Dales Machines", ["28.30"])
    buyer = company(programme, "Almaty Foods", ["10.11"], where="almaty-city")
    miller = company(programme, "Kostanay Mill", ["10.61"], where="kostanay")
    bank = company(programme, "Leeds Bank", ["64.19"])
    meeting = session(visit, operator, venues[0], at(10), at(11), kind="roundtable")
    host = Person.objects.create(
        visit=visit, team="hosts", name="Maker", email="maker@example.org",
        organisation=maker, user=maker.memberships.get().user,
    )  # fmt: skip
    meeting.hosts.add(host)
    for organisation, state in ((buyer, "accepted"), (miller, "declined")):
        owner = organisation.memberships.get().user
        attendee = invite(meeting, owner.full_name, state=state, user=owner)
        Person.objects.filter(pk=attendee.person_id).update(organisation=organisation)
    return meeting, maker, buyer, miller, bank


def _owner(organisation):  # type: ignore[no-untyped-def]
    return organisation.memberships.get().user


def test_the_session_page_offers_the_register_to_those_who_took_part(roundtable, visit):  # type: ignore[no-untyped-def]
    meeting, maker, buyer, miller, bank = roundtable
    visit.state = visit.State.PUBLISHED
    visit.save(update_fields=["state"])
    url = reverse("visits:session", args=[visit.slug, meeting.pk])
    page = client_for(_owner(maker)).get(url).content.decode()
    record = reverse("outcomes:record")
    assert f"{record}?organisation={maker.pk}&amp;partner={buyer.pk}" in page
    # The miller declined and the bank was never there: nothing to record with them.
    assert f"partner={miller.pk}" not in page
    assert f"partner={bank.pk}" not in page
    # Someone whose organisation was not in the session sees no offer.
    assert "register-links" not in client_for(_owner(bank)).get(url).content.decode()


def test_an_outcome_recorded_from_the_session_names_it(roundtable, visit):  # type: ignore[no-untyped-def]
    meeting, maker, buyer, *_ = roundtable
    client = client_for(_owner(maker))
    url = reverse("outcomes:record")
    page = client.get(
        url, {"organisation": maker.pk, "partner": buyer.pk, "visit_session": meeting.pk}
    )
    fields = {
        k: v if len(v) != 1 else v[0] for k, v in form_fields(page.content.decode(), url).items()
    }
    assert fields["visit_sessions"] == str(meeting.pk)  # ticked from the link
    fields.update(title="Mincers for Almaty", kind="supply", stage="negotiating",
                  stage_on="2027-03-11")  # fmt: skip
    answer = client.post(url, fields)
    outcome = Outcome.objects.get()
    assert answer.status_code == 302
    assert list(outcome.visit_sessions.all()) == [meeting]
    detail = client.get(reverse("outcomes:detail", args=[outcome.pk])).content.decode()
    assert reverse("visits:session", args=[visit.slug, meeting.pk]) in detail
    # The operator's attendance page (once the visit is under way) lists the register entry.
    visit.state = visit.State.HELD
    visit.save(update_fields=["state"])
    attendance = client_for(visit.created_by).get(
        reverse("visits:attendance", args=[visit.slug, meeting.pk])
    )
    assert reverse("outcomes:detail", args=[outcome.pk]) in attendance.content.decode()


def test_a_visit_session_makes_the_partner_choosable(roundtable):  # type: ignore[no-untyped-def]
    _meeting, maker, buyer, miller, bank = roundtable
    partners = set(outcome_selectors.partner_choices(organisation_id=maker.pk))
    assert buyer in partners
    assert miller not in partners and bank not in partners


def test_a_session_the_partner_did_not_attend_is_refused_in_words(roundtable):  # type: ignore[no-untyped-def]
    meeting, maker, _buyer, _miller, bank = roundtable
    with pytest.raises(ValidationError) as refused:
        outcome_services.outcome_record(
            reporter=maker, partner=bank, by=_owner(maker), title="Loan", kind="investment",
            visit_sessions=[meeting],
        )  # fmt: skip
    assert "visit_sessions" in refused.value.message_dict
    assert not Outcome.objects.exists()


def test_a_withdrawn_answer_or_a_cancelled_session_is_no_origin(roundtable, visit, operator):  # type: ignore[no-untyped-def]
    meeting, maker, buyer, *_ = roundtable
    Attendee.objects.filter(session=meeting, person__organisation=buyer).update(state="withdrawn")
    assert buyer not in set(outcome_selectors.partner_choices(organisation_id=maker.pk))
    Attendee.objects.filter(session=meeting, person__organisation=buyer).update(state="accepted")
    meeting.status = meeting.Status.CANCELLED
    meeting.save(update_fields=["status"])
    links = outcome_selectors.links_available(first_id=maker.pk, second_id=buyer.pk)
    assert links.sessions == []


def test_the_api_records_with_a_session_and_refuses_a_foreign_one(
    roundtable, visit, venues, operator
):  # type: ignore[no-untyped-def]
    meeting, maker, buyer, _miller, bank = roundtable
    elsewhere = session(visit, operator, venues[1], at(14), at(15), kind="site_visit")
    api = Client()
    headers = bearer(_owner(maker))
    body = {"reporter": maker.slug, "partner": buyer.slug, "title": "Mincers", "kind": "supply"}
    refused = api.post(
        "/api/outcomes", {**body, "visit_sessions": [elsewhere.pk]},
        content_type="application/json", **headers,
    )  # fmt: skip
    assert refused.status_code == 400
    assert "visit_sessions" in refused.content.decode()
    assert not Outcome.objects.exists()
    made = api.post(
        "/api/outcomes", {**body, "visit_sessions": [meeting.pk]},
        content_type="application/json", **headers,
    )  # fmt: skip
    assert made.status_code == 201, made.content
    assert made.json()["visit_sessions"] == [meeting.pk]
    # The other organisation's member reads it by id only as a party: the bank gets a 404.
    outcome = made.json()["id"]
    stranger = api.get(f"/api/outcomes/{outcome}", **bearer(_owner(bank)))
    assert stranger.status_code == 404
