"""A meeting request's wish for the morning or the afternoon: asked on the participant list,
seen by the recipient and the operator, kept by the optimiser, warned about on a manual move."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.events.factories import participant
from twinning.events import scheduler, services
from twinning.events.models import Meeting, MeetingRequest, Slot
from twinning.scheduling import problem as sp

pytestmark = pytest.mark.integration

ONLY_ANY = "This event has no separate morning and afternoon sessions"


def _ask(requester, recipient, session):
    request = services.request_create(
        requester=requester, recipient=recipient, by=requester.user, session=session
    )
    return services.request_accept(request=request, by=recipient.user)


def _run(event, operator):
    run = services.schedule_run_start(event=event, by=operator, time_limit=10)
    run.refresh_from_db()
    return run


@pytest.fixture
def morning_only(event, operator):
    services.grid_generate(
        event=event, by=operator, day=event.starts_on, morning=(dt.time(9, 30), dt.time(12, 30))
    )
    services.tables_set_count(event=event, by=operator, count=2)
    return event


def test_wishes_reach_the_optimiser_and_the_schedule_keeps_them(day, operator, leeds, almaty):
    """One participant's four meetings: three asked for the afternoon, one for the morning."""
    partners = [almaty, *(participant(day) for _ in range(3))]
    afternoon = [_ask(leeds, p, MeetingRequest.Session.AFTERNOON) for p in partners[:3]]
    morning = _ask(partners[3], leeds, MeetingRequest.Session.MORNING)

    plan = scheduler.plan_for(day)
    sessions = {m.id: m.session for m in plan.problem.meetings}
    assert sessions[str(morning.pk)] is sp.Session.MORNING
    assert {sessions[str(m.pk)] for m in afternoon} == {sp.Session.AFTERNOON}

    run = _run(day, operator)
    assert run.meetings_scheduled == 4
    placed = {m.pk: m.slot.session for m in Meeting.objects.select_related("slot")}
    assert placed[morning.pk] == Slot.Session.MORNING
    assert {placed[m.pk] for m in afternoon} == {Slot.Session.AFTERNOON}


def test_a_wish_left_from_a_split_day_is_ignored_once_the_day_has_one_session(
    morning_only, operator, leeds, almaty
):
    meeting = _ask(leeds, almaty, MeetingRequest.Session.ANY)
    MeetingRequest.objects.filter(pk=meeting.request_id).update(
        session=MeetingRequest.Session.AFTERNOON
    )
    assert scheduler.plan_for(morning_only).problem.meetings[0].session is sp.Session.ANY
    assert _run(morning_only, operator).meetings_scheduled == 1
    # Nor does a manual move warn about it.
    meeting.refresh_from_db()
    other_slot = morning_only.slots.exclude(pk=meeting.slot_id).first()
    assert services.move_warnings(meeting, other_slot, morning_only.tables.first()) == []


def test_the_refusal_is_in_the_requesters_language(client, day, leeds, almaty):
    client.force_login(leeds.user)
    client.cookies["django_language"] = "ru"
    url = reverse("events:request_create", args=[day.slug, almaty.pk])
    refused = client.post(url, {"session": "evening"}, follow=True).content.decode()
    assert "Выберите сессию из списка." in refused
    assert not MeetingRequest.objects.exists()


@pytest.mark.parametrize("grid", [True, False], ids=["morning-only", "no-grid-yet"])
def test_a_day_without_two_sessions_offers_no_wish_and_refuses_one(
    client, request, event, leeds, almaty, grid
):
    if grid:
        request.getfixturevalue("morning_only")
    client.force_login(leeds.user)
    page = client.get(reverse("events:participants", args=[event.slug])).content.decode()
    assert f'id="priority-{almaty.pk}"' in page
    assert f'id="session-{almaty.pk}"' not in page

    url = reverse("events:request_create", args=[event.slug, almaty.pk])
    refused = client.post(url, {"session": "morning"}, follow=True).content.decode()
    assert ONLY_ANY in refused
    assert not MeetingRequest.objects.exists()
    with pytest.raises(ValidationError) as error:
        services.request_create(requester=leeds, recipient=almaty, by=leeds.user, session="morning")
    assert ONLY_ANY in error.value.message_dict["session"][0]

    client.post(url, {"message": "Hello"})
    assert MeetingRequest.objects.get().session == MeetingRequest.Session.ANY


def test_the_recipient_sees_the_wish_in_the_request_and_the_email(
    client, day, leeds, almaty, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = services.request_create(
            requester=leeds, recipient=almaty, by=leeds.user, session="morning"
        )
    assert "They would like to meet in the morning." in mailoutbox[-1].body
    client.force_login(almaty.user)
    page = client.get(reverse("events:my_requests", args=[day.slug])).content.decode()
    assert f'<td data-testid="session-{request.pk}">Morning</td>' in page


def test_the_operator_sees_the_wish_on_the_grid_and_the_meeting(
    client, day, operator, leeds, almaty
):
    meeting = _ask(leeds, almaty, MeetingRequest.Session.AFTERNOON)
    _run(day, operator)
    client.force_login(operator)
    grid = client.get(reverse("events:schedule", args=[day.slug])).content.decode()
    assert "Session wished: Afternoon" in grid
    page = client.get(reverse("events:move", args=[day.slug, meeting.pk])).content.decode()
    assert "Session wished: Afternoon" in page


def test_a_move_out_of_the_wished_session_is_warned(day, operator, leeds, almaty):
    meeting = _ask(leeds, almaty, MeetingRequest.Session.MORNING)
    _run(day, operator)
    afternoon = day.slots.filter(session=Slot.Session.AFTERNOON).first()
    table = day.tables.first()
    with pytest.raises(services.MoveConflict) as conflict:
        services.meeting_move(meeting=meeting, by=operator, slot=afternoon, table=table)
    assert conflict.value.warnings == [
        "The participants asked to meet in the morning; this slot is in the afternoon."
    ]
    services.meeting_move(meeting=meeting, by=operator, slot=afternoon, table=table, force=True)
    meeting.refresh_from_db()
    assert meeting.slot == afternoon and meeting.locked
    another_morning = day.slots.filter(session=Slot.Session.MORNING).last()
    assert services.move_warnings(meeting, another_morning, table) == []


def test_admin_lists_and_filters_by_session(client, operator, day, leeds, almaty):
    operator.is_superuser = True
    operator.save()
    _ask(leeds, almaty, MeetingRequest.Session.AFTERNOON)
    services.request_create(requester=leeds, recipient=participant(day), by=leeds.user)
    client.force_login(operator)
    url = reverse("admin:events_meetingrequest_changelist")
    assert client.get(url, {"session__exact": "afternoon"}).context["cl"].result_count == 1
    meetings = client.get(reverse("admin:events_meeting_changelist"), {"request__session": "any"})
    assert meetings.context["cl"].result_count == 0
    assert "Afternoon" in client.get(reverse("admin:events_meeting_changelist")).content.decode()
