"""Briefing packs (page and PDF, in the delegation's language) and the visit report."""

import io

import pytest
from django.test import TestCase
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import PublishedOpportunityFactory, sector
from tests.visits.conftest import at, client_for, invite, session
from tests.visits.test_invitations import company
from twinning.visits import services
from twinning.visits.models import Attendee, FollowUp, Person, Visit

pytestmark = pytest.mark.integration


@pytest.fixture
def roundtable(visit, operator, venues, ambassador, host, programme):  # type: ignore[no-untyped-def]
    meeting = session(
        visit,
        operator,
        venues[0],
        at(10),
        at(11),
        kind="roundtable",
        title_en="Meat processing roundtable",
        title_ru="Круглый стол по мясопереработке",
        hosts=[host],
        topic="Meat processing",
        talking_points="Ask about local content.",
    )
    machinery = company(
        programme,
        "Aire Valley Food Machinery",
        ["28.93"],
        description="We build meat processing lines for abattoirs.",
    )
    PublishedOpportunityFactory(
        organisation=machinery, title="Abattoir lines for export", sectors=[sector("10.11")]
    )
    (attendee,) = services.attendees_invite(session=meeting, by=operator, organisations=[machinery])
    services.attendee_answer(attendee=attendee, by=attendee.person.user, attending=True)
    return meeting


def test_the_briefing_page_is_in_the_delegations_language(visit, operator, roundtable):
    page = client_for(operator).get(reverse("visits:briefing", args=[visit.slug]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Круглый стол по мясопереработке" in text
    assert "Тезисы для беседы" in text and "Ask about local content." in text
    assert "Abattoir lines for export" in text
    assert "We build meat processing lines" in text
    assert "10:00–11:00" in text and "15:00–16:00" in text  # Leeds, and Almaty (UTC+5)


def test_the_reader_may_ask_for_another_language(visit, operator, roundtable):
    url = reverse("visits:session_briefing", args=[visit.slug, roundtable.pk]) + "?lang=en"
    text = client_for(operator).get(url).content.decode()
    assert "Talking points" in text and "Meat processing roundtable" in text


def test_one_click_gives_a_pdf_per_session_and_per_visit(visit, operator, roundtable):
    client = client_for(operator)
    for url in (
        reverse("visits:session_briefing_pdf", args=[visit.slug, roundtable.pk]),
        reverse("visits:briefing_pdf", args=[visit.slug]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")


def test_the_briefing_is_for_the_team_not_for_guests(visit, roundtable, ambassador):
    guest = Attendee.objects.get(session=roundtable).person.user
    url = reverse("visits:briefing", args=[visit.slug])
    assert client_for(guest).get(url).status_code == 403
    assert client_for(ambassador.user).get(url).status_code == 200


def held(visit):  # type: ignore[no-untyped-def]
    Visit.objects.filter(pk=visit.pk).update(state="held")
    visit.refresh_from_db()
    return visit


def test_attendance_follow_up_and_outcome_reach_the_report(visit, operator, roundtable, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    held(visit)
    attendee = Attendee.objects.get(session=roundtable)
    client = client_for(operator)
    url = reverse("visits:attendance", args=[visit.slug, roundtable.pk])
    from tests.visits.conftest import form_on

    data = form_on(client.get(url).content.decode())
    assert data["present"] == [str(attendee.pk)]
    client.post(url, data)
    outcome_url = reverse("visits:outcome_add", args=[visit.slug, roundtable.pk])
    data = form_on(client.get(url).content.decode(), outcome_url)
    data.update(organisation=str(attendee.person.organisation_id), description="Two lines ordered")
    client.post(outcome_url, data)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("visits:follow_ups_send", args=[visit.slug]))
    follow_up = FollowUp.objects.get(attendee=attendee)
    guest = client_for(attendee.person.user)
    page = guest.get(reverse("visits:follow_up", args=[follow_up.token]))
    data = form_on(page.content.decode())
    data["answer"] = "We agreed a pilot line for Kostanay."
    guest.post(reverse("visits:follow_up", args=[follow_up.token]), data)
    report = client.get(reverse("visits:report", args=[visit.slug])).content.decode()
    assert "Two lines ordered" in report
    assert "We agreed a pilot line for Kostanay." in report
    assert "Sessions held: 1 · people met: 1 · organisations: 1" in report


def test_an_empty_follow_up_is_refused_in_words(visit, operator, roundtable):
    held(visit)
    services.follow_ups_send(visit=visit, by=operator)
    follow_up = FollowUp.objects.get()
    guest = client_for(follow_up.attendee.person.user)
    response = guest.post(reverse("visits:follow_up", args=[follow_up.token]), {"answer": " "})
    follow_up.refresh_from_db()
    assert response.status_code == 200 and follow_up.answer == ""


def test_someone_elses_follow_up_is_not_found(visit, operator, roundtable, member):
    held(visit)
    services.follow_ups_send(visit=visit, by=operator)
    follow_up = FollowUp.objects.get()
    assert (
        client_for(member).get(reverse("visits:follow_up", args=[follow_up.token])).status_code
        == 404
    )


def test_the_report_downloads_as_xlsx_and_pdf(visit, operator, roundtable):
    held(visit)
    services.outcome_record(session=roundtable, by=operator, description="A memorandum")
    client = client_for(operator)
    xlsx = client.get(reverse("visits:report_download", args=[visit.slug, "xlsx"]))
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames[0] == "Sessions"
    assert [c.value for c in book["Outcomes"][2]] == [
        "Meat processing roundtable",
        None,
        "A memorandum",
    ]
    pdf = client.get(reverse("visits:report_download", args=[visit.slug, "pdf"]))
    assert pdf.content.startswith(b"%PDF-")


def test_the_report_writes_formula_looking_text_as_text(visit, operator, roundtable):
    held(visit)
    formula = '=HYPERLINK("https://evil.example.com","Open")'
    services.outcome_record(session=roundtable, by=operator, description=formula)
    xlsx = client_for(operator).get(reverse("visits:report_download", args=[visit.slug, "xlsx"]))
    cell = load_workbook(io.BytesIO(xlsx.content))["Outcomes"][2][2]
    assert cell.data_type == "s" and cell.value == "'" + formula


def test_the_report_is_for_operators(visit, roundtable, ambassador):
    assert (
        client_for(ambassador.user).get(reverse("visits:report", args=[visit.slug])).status_code
        == 403
    )


def test_outcomes_cannot_be_recorded_on_a_draft(visit, operator, roundtable):
    url = reverse("visits:attendance", args=[visit.slug, roundtable.pk])
    assert client_for(operator).get(url).status_code == 403


def test_an_invited_guest_who_never_answered_is_not_in_the_briefing(visit, operator, roundtable):
    invite(roundtable, "Silent Guest")
    text = client_for(operator).get(reverse("visits:briefing", args=[visit.slug])).content.decode()
    assert "Silent Guest" not in text
    assert Person.objects.filter(name="Silent Guest").exists()


def test_follow_up_links_point_at_the_server_that_queued_them(
    visit, operator, roundtable, settings
):
    """The worker that sends the mails has no request: the page that queued it hands over the
    address it was reached at, and the links point there (not at a port written in settings)."""
    from django.core import mail
    from django_tasks import default_task_backend

    from tests.visits.conftest import form_on
    from twinning.visits.tasks import send_follow_ups

    settings.SITE_URL = ""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    held(visit)
    client = client_for(operator)
    host = {"HTTP_HOST": "twinning.test:8123"}
    url = reverse("visits:follow_ups_send", args=[visit.slug])
    page = client.get(reverse("visits:report", args=[visit.slug]), **host).content.decode()
    client.post(url, form_on(page, url), **host)
    (queued,) = default_task_backend.results
    assert queued.kwargs["site"] == "http://twinning.test:8123"
    with TestCase.captureOnCommitCallbacks(execute=True):
        send_follow_ups.call(*queued.args, **queued.kwargs)  # as the worker runs it
    (message,) = mail.outbox
    assert "http://twinning.test:8123/visits/follow-up/" in message.body
