"""The students' list pages cost as many queries for three rows as for one (`pinned_queries`).

Each test grows the page's own rows (booths, interviews, candidates, registrations, ...) and
checks that the page shows them, so that a pin cannot pass on a page that lists nothing."""

import datetime as dt
import io
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.students.factories import employer, job_fair, registered, student
from twinning.students import services
from twinning.students.models import Interview, JobFair, StudentInvitation, WelfareAnswer

pytestmark = pytest.mark.integration

NUMBERS = itertools.count(1)


@pytest.fixture
def fair(programme, operator):  # type: ignore[no-untyped-def]
    """A fair with slots enough for three interviews of one student (10:00 to 12:00)."""
    return job_fair(programme, operator, slots_until=dt.time(12, 0))


def _published(fair: JobFair) -> JobFair:
    JobFair.objects.filter(pk=fair.pk).update(published_at=timezone.now())
    fair.refresh_from_db()
    return fair


def _slots(fair: JobFair):  # type: ignore[no-untyped-def]
    return iter(fair.event.slots.order_by("number"))


def _interview(fair, booth, registration, slot):  # type: ignore[no-untyped-def]
    return Interview.objects.create(
        fair=fair, booth=booth, registration=registration, slot=slot,
        status=Interview.Status.SCHEDULED,
    )  # fmt: skip


def _new_booth(fair, operator):  # type: ignore[no-untyped-def]
    organisation, _recruiter = employer(fair.event.programme)
    return services.booth_add(fair=fair, organisation=organisation, by=operator)


def _position(organisation, user, **extra):  # type: ignore[no-untyped-def]
    return services.position_create(
        organisation=organisation, by=user, title=f"Data analyst {next(NUMBERS)}",
        description="Production data, SQL and Python.", language="en", kind="internship",
        location="kz", closes_on=timezone.localdate() + dt.timedelta(days=30), **extra,
    )  # fmt: skip


def _published_position(organisation, user, operator):  # type: ignore[no-untyped-def]
    position = _position(organisation, user)
    services.position_submit(position=position, by=user)
    services.position_publish(position=position, by=operator)
    return position


def _listed(name: str):  # type: ignore[no-untyped-def]
    """A check that the context's `name` holds as many items as rows grown."""

    def check(response, rows):  # type: ignore[no-untyped-def]
        assert len(list(response.context[name])) == rows

    return check


# The student's pages


@pytest.mark.pins("students:me")
def test_my_profile(client, aida, programme, operator, pinned_queries):
    """The fairs the student registered for, and the employers met there (the CV release)."""

    def grow():
        other = job_fair(programme, operator)
        _new_booth(other, operator)
        registered(other, aida)

    client.force_login(aida.user)
    pinned_queries(reverse("students:me"), grow, check=_listed("registrations"))


@pytest.mark.pins("students:recommended")
def test_recommended_positions(client, aida, kazmunai, operator, pinned_queries):
    organisation, recruiter = kazmunai

    def grow():
        position = _published_position(organisation, recruiter, operator)
        # The page stores a new text's vector once (one insert for all): store it here, so
        # that the count is of reading the list.
        services.positions_for_student(student=aida, positions=[position])

    client.force_login(aida.user)
    pinned_queries(reverse("students:recommended"), grow, check=_listed("matches"))


@pytest.mark.pins("students:fair")
def test_the_fair_page_with_its_booths_and_my_ranking(
    client, fair, operator, aida, aida_at_fair, pinned_queries
):
    client.force_login(aida.user)
    pinned_queries(
        reverse("students:fair", args=[fair.pk]),
        lambda: _new_booth(fair, operator),
        check=_listed("booths"),
    )


def _my_interviews(fair, operator, registration):  # type: ignore[no-untyped-def]
    """One more scheduled interview for the student, with a new employer, in the next slot."""
    slots = _slots(_published(fair))
    return lambda: _interview(fair, _new_booth(fair, operator), registration, next(slots))


@pytest.mark.pins("students:agenda")
def test_my_agenda(client, fair, operator, aida, aida_at_fair, pinned_queries):
    client.force_login(aida.user)
    pinned_queries(
        reverse("students:agenda", args=[fair.pk]),
        _my_interviews(fair, operator, aida_at_fair),
        check=_listed("interviews"),
    )


@pytest.mark.pins("students:feed")
def test_my_interviews_calendar(fair, operator, aida_at_fair, pinned_queries):
    def check(response, rows):  # type: ignore[no-untyped-def]
        assert response.content.decode().count("BEGIN:VEVENT") == rows

    pinned_queries(
        reverse("students:feed", args=[aida_at_fair.feed_token]),
        _my_interviews(fair, operator, aida_at_fair),
        check=check,
    )


# The employer's pages


@pytest.mark.pins("students:positions_mine")
def test_my_positions(client, kazmunai, pinned_queries):
    organisation, recruiter = kazmunai
    client.force_login(recruiter)
    pinned_queries(
        reverse("students:positions_mine"),
        lambda: _position(organisation, recruiter),
        check=_listed("positions"),
    )


@pytest.mark.pins("students:position")
def test_a_position_with_the_students_who_fit(
    client, fair, booth, kazmunai, operator, pinned_queries
):
    organisation, recruiter = kazmunai
    position = _published_position(organisation, recruiter, operator)
    client.force_login(recruiter)
    pinned_queries(
        reverse("students:position", args=[position.pk]),
        lambda: registered(fair, student(), share=True),
        check=_listed("matches"),
    )


@pytest.mark.pins("students:booths_mine")
def test_my_booths(client, programme, operator, kazmunai, pinned_queries):
    organisation, recruiter = kazmunai

    def grow():
        services.booth_add(
            fair=job_fair(programme, operator), organisation=organisation, by=operator
        )

    client.force_login(recruiter)
    pinned_queries(reverse("students:booths_mine"), grow, check=_listed("booths"))


@pytest.mark.pins("students:booth")
def test_the_booth_with_candidates_shortlist_interviews_and_notes(
    client, fair, booth, kazmunai, pinned_queries
):
    recruiter = kazmunai[1]
    slots, listed = _slots(fair), []

    def grow():
        registration = registered(fair, student(), share=True)
        listed.append(registration)
        services.shortlist_set(booth=booth, by=recruiter, chosen=listed)
        services.note_save(
            booth=booth, registration=registration, by=recruiter, text="Met", rating=4
        )
        _interview(fair, booth, registration, next(slots))

    def check(response, rows):  # type: ignore[no-untyped-def]
        context = response.context
        shown = [len(list(context[name])) for name in ("candidates", "shortlist", "interviews")]
        assert shown == [rows] * 3 and len(context["notes"]) == rows

    client.force_login(recruiter)
    pinned_queries(reverse("students:booth", args=[fair.pk, booth.pk]), grow, check=check)


@pytest.mark.pins("students:shortlist")
def test_saving_the_shortlist(client, fair, booth, kazmunai, pinned_queries):
    listed = []

    def data():  # type: ignore[no-untyped-def]
        return {"chosen": ", ".join(str(r.pk) for r in listed), "alternates": ""}

    def check(response, rows):  # type: ignore[no-untyped-def]
        assert booth.shortlist.count() == rows

    client.force_login(kazmunai[1])
    pinned_queries(
        reverse("students:shortlist", args=[fair.pk, booth.pk]),
        lambda: listed.append(registered(fair, student(), share=True)),
        method="post", data=data, status=302, check=check,
    )  # fmt: skip


@pytest.mark.pins("students:leads")
def test_the_leads_spreadsheet(client, fair, booth, kazmunai, pinned_queries):
    recruiter = kazmunai[1]

    def grow():
        registration = registered(fair, student(), share=True)
        services.note_save(
            booth=booth, registration=registration, by=recruiter, text="Met", rating=4
        )

    def check(response, rows):  # type: ignore[no-untyped-def]
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert len(list(sheet.values)) == 1 + rows  # the heading, then a row each

    client.force_login(recruiter)
    url = reverse("students:leads", args=[fair.pk, booth.pk])
    pinned_queries(url, grow, check=check)


# The operator's pages


@pytest.mark.pins("students:fair_manage")
def test_managing_the_fair(client, fair, operator, pinned_queries):
    slots = _slots(fair)

    def grow():
        booth = _new_booth(fair, operator)
        _interview(fair, booth, registered(fair, student()), next(slots))

    def check(response, rows):  # type: ignore[no-untyped-def]
        context = response.context
        assert len(context["booths"]) == len(context["interviews"]) == rows

    client.force_login(operator)
    pinned_queries(reverse("students:fair_manage", args=[fair.pk]), grow, check=check)


@pytest.mark.pins("students:check_in")
def test_checking_in(client, fair, operator, pinned_queries):
    client.force_login(operator)
    pinned_queries(
        reverse("students:check_in", args=[fair.pk]),
        lambda: registered(fair, student()),
        check=_listed("registrations"),
    )


@pytest.mark.pins("students:invite")
def test_the_invitations_to_an_event(client, fair, operator, pinned_queries):
    event = fair.event

    def grow():
        StudentInvitation.objects.create(
            event=event, student=student(), invited_by=operator,
            expires_at=timezone.now() + dt.timedelta(days=7),
        )  # fmt: skip

    client.force_login(operator)
    pinned_queries(
        reverse("students:invite"), grow, data={"event": event.pk}, check=_listed("invitations")
    )


@pytest.mark.pins("students:welfare")
def test_the_answers_to_a_welfare_check(client, operator, pinned_queries):
    check = services.welfare_send(
        message="Are you safe?", filters=services.StudentFilter(), by=operator
    )
    client.force_login(operator)
    pinned_queries(
        reverse("students:welfare", args=[check.pk]),
        lambda: WelfareAnswer.objects.create(welfare_check=check, student=student()),
        check=_listed("answers"),
    )
