import datetime as dt
import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import html_forms
from tests.events.factories import EventFactory, accepted_meeting, participant, pending_request
from tests.factories import OperatorFactory
from twinning.events import services
from twinning.events.models import (
    CheckIn,
    Meeting,
    MeetingRequest,
    Registration,
    ScheduleRun,
    Slot,
    Unavailability,
)

pytestmark = pytest.mark.integration


def test_public_event_list_and_page(client, event):
    response = client.get(reverse("events:list"))
    assert event.title_en in response.content.decode()
    page = client.get(reverse("events:detail", args=[event.slug]))
    assert page.status_code == 200
    assert "Leeds Civic Hall" in page.content.decode()


def test_private_event_is_hidden(client, event):
    event.is_public = False
    event.save()
    assert event.title_en not in client.get(reverse("events:list")).content.decode()
    assert client.get(reverse("events:detail", args=[event.slug])).status_code in (403, 404)


@pytest.mark.pins("events:list")
def test_event_list_query_count_does_not_grow(programme, pinned_queries):
    pinned_queries(reverse("events:list"), lambda: EventFactory(programme=programme))


def test_register_page(client, event, member, organisation):
    client.force_login(member)
    url = reverse("events:register", args=[event.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, {"organisation": organisation.pk, "languages": ["en", "ru"]})
    assert response.status_code == 302
    assert Registration.objects.get(user=member).languages == "en,ru"


def test_participant_browser_filters_and_requests(client, event, leeds, almaty):
    client.force_login(leeds.user)
    url = reverse("events:participants", args=[event.slug])
    page = client.get(url, {"side": "KZ"}).content.decode()
    assert "Aigerim Almaty" in page
    assert "Aigerim Almaty" not in client.get(url, {"side": "UK"}).content.decode()
    client.post(reverse("events:request_create", args=[event.slug, almaty.pk]), {"message": "Hi"})
    assert MeetingRequest.objects.get().message == "Hi"


@pytest.mark.parametrize(
    ("field", "bad", "refusal", "good", "kept"),
    [
        ("priority", "9", "Choose a priority from the list.", "3", 3),
        ("session", "evening", "Choose a session from the list.", "afternoon", "afternoon"),
    ],
)
def test_a_request_carries_the_choice_made_and_a_bad_one_changes_nothing(
    client, day, leeds, almaty, field, bad, refusal, good, kept
):
    client.force_login(leeds.user)
    page = client.get(reverse("events:participants", args=[day.slug])).content.decode()
    assert f'id="{field}-{almaty.pk}"' in page and "Must meet" in page and "Afternoon" in page
    url = reverse("events:request_create", args=[day.slug, almaty.pk])

    refused = client.post(url, {"message": "Hi", field: bad}, follow=True)
    assert refusal in refused.content.decode()
    assert not MeetingRequest.objects.exists()

    client.post(url, {"message": "Hi", field: good})
    assert getattr(MeetingRequest.objects.get(), field) == kept


def test_participant_browser_htmx_returns_the_list_only(client, event, leeds, almaty):
    client.force_login(leeds.user)
    response = client.get(
        reverse("events:participants", args=[event.slug]),
        headers={"HX-Request": "true", "HX-Target": "participant-list"},
    )
    assert "<html" not in response.content.decode()
    assert "Aigerim Almaty" in response.content.decode()


@pytest.mark.pins("events:participants")
def test_participant_browser_query_count(client, event, leeds, pinned_queries):
    client.force_login(leeds.user)
    pinned_queries(reverse("events:participants", args=[event.slug]), lambda: participant(event))


def test_outsider_cannot_browse(client, event, user):
    client.force_login(user)
    assert client.get(reverse("events:participants", args=[event.slug])).status_code == 403


def test_accept_from_my_requests(client, leeds, almaty, event):
    request = pending_request(leeds, almaty)
    client.force_login(almaty.user)
    page = client.get(reverse("events:my_requests", args=[event.slug])).content.decode()
    assert "Lucy Leeds" in page
    client.post(reverse("events:request_respond", args=[request.pk, "accept"]))
    assert Meeting.objects.filter(request=request).exists()


@pytest.mark.pins("events:my_requests")
def test_my_requests_query_count(client, leeds, event, pinned_queries):
    client.force_login(leeds.user)
    # sent, sent, then received
    rows = iter(
        [
            lambda: pending_request(leeds, participant(event)),
            lambda: pending_request(leeds, participant(event)),
            lambda: pending_request(participant(event), leeds),
        ]
    )
    pinned_queries(reverse("events:my_requests", args=[event.slug]), lambda: next(rows)())


@pytest.fixture
def published(day, operator, meeting):
    services.schedule_run_start(event=day, by=operator, time_limit=5)
    services.schedule_publish(event=day, by=operator)
    return meeting


def test_agenda_shows_both_time_zones(client, published, almaty, day):
    client.force_login(almaty.user)
    page = client.get(reverse("events:agenda", args=[day.slug])).content.decode()
    slot = Meeting.objects.get(pk=published.pk).published_slot
    london = slot.starts_at.astimezone(day.zone).strftime("%H:%M")
    almaty_time = slot.starts_at.astimezone(dt.UTC).astimezone(
        __import__("zoneinfo").ZoneInfo("Asia/Almaty")
    )
    assert "Time (London)" in page and "Time (Almaty)" in page
    assert london in page and almaty_time.strftime("%H:%M") in page
    assert "Lucy Leeds" in page
    assert "agenda.css" in page


@pytest.mark.pins("events:agenda")
def test_agenda_query_count(client, day, operator, leeds, pinned_queries):
    client.force_login(leeds.user)
    # requested, requested, then received
    meetings = iter(
        [
            lambda: accepted_meeting(leeds, participant(day)),
            lambda: accepted_meeting(leeds, participant(day)),
            lambda: accepted_meeting(participant(day), leeds),
        ]
    )

    def grow():
        next(meetings)()
        services.schedule_run_start(event=day, by=operator, time_limit=5)
        services.schedule_publish(event=day, by=operator)

    pinned_queries(reverse("events:agenda", args=[day.slug]), grow)


def test_others_cannot_read_an_agenda(client, published, day, user):
    client.force_login(user)
    assert client.get(reverse("events:agenda", args=[day.slug])).status_code in (403, 404)


def test_operator_pages(client, operator, published, day, leeds):
    client.force_login(operator)
    for name in ("manage", "setup", "schedule", "print_all", "check_in"):
        response = client.get(reverse(f"events:{name}", args=[day.slug]))
        assert response.status_code == 200, name
    schedule = client.get(reverse("events:schedule", args=[day.slug])).content.decode()
    assert "Proven lower bound" in schedule and "Lucy Leeds" in schedule
    printed = client.get(reverse("events:print_all", args=[day.slug])).content.decode()
    assert printed.count('class="agenda-page') == 2
    manage = client.get(reverse("events:manage", args=[day.slug])).content.decode()
    assert "2 participants approved" in manage and "1 accepted meeting " in manage
    assert "0 registrations awaiting approval" in manage and "0 open requests" in manage
    assert ": 1 meeting changed" in schedule


def test_operator_pages_count_in_russian(client, settings, operator, day, meeting):
    services.schedule_run_start(event=day, by=operator, time_limit=5)
    client.force_login(operator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"

    url = reverse("events:publish", args=[day.slug])
    schedule = client.post(url, follow=True).content.decode()
    manage = client.get(reverse("events:manage", args=[day.slug])).content.decode()

    assert "Версия 1 опубликована; 2 участника уведомлены об изменениях" in schedule
    assert ": изменена 1 встреча" in schedule
    assert "2 участника одобрены" in manage and "1 принятая встреча" in manage
    assert "0 заявок ожидают одобрения" in manage and "0 открытых запросов" in manage


def test_members_cannot_open_operator_pages(client, leeds, day):
    client.force_login(leeds.user)
    for name in ("manage", "setup", "schedule", "print_all", "check_in"):
        assert client.get(reverse(f"events:{name}", args=[day.slug])).status_code == 403


def test_operator_generates_the_grid_from_the_form(client, operator, event):
    client.force_login(operator)
    client.post(
        reverse("events:grid_save", args=[event.slug]),
        {
            "day": event.starts_on.isoformat(),
            "morning_start": "09:30",
            "morning_end": "12:30",
            "afternoon_start": "14:00",
            "afternoon_end": "17:00",
            "meeting_minutes": 20,
            "changeover_minutes": 5,
        },
    )
    assert event.slots.count() == 14


def _morning_of(slots: int, day: dt.date) -> dict:
    """The grid form for a morning that holds exactly `slots` meetings of 20 minutes, 5 between."""
    end = dt.datetime.combine(day, dt.time(9)) + dt.timedelta(minutes=25 * (slots - 1) + 20)
    return {
        "day": day.isoformat(),
        "morning_start": "09:00",
        "morning_end": end.strftime("%H:%M"),
        "meeting_minutes": 20,
        "changeover_minutes": 5,
    }


@pytest.mark.parametrize(
    ("language", "slots", "message"),
    [
        ("ru", 1, "Создан 1 слот."),
        ("ru", 3, "Создано 3 слота."),
        ("ru", 5, "Создано 5 слотов."),
        ("en", 1, "1 slot generated."),
        ("en", 5, "5 slots generated."),
    ],
)
def test_the_slots_message_agrees_with_the_number(
    client, settings, operator, event, language, slots, message
):
    client.force_login(operator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    url = reverse("events:grid_save", args=[event.slug])

    response = client.post(url, _morning_of(slots, event.starts_on), follow=True)

    assert event.slots.count() == slots
    assert message in response.content.decode()


def test_move_page_shows_conflicts(client, operator, day, leeds, almaty, meeting):
    other = accepted_meeting(leeds, participant(day))
    services.schedule_run_start(event=day, by=operator, time_limit=5)
    other.refresh_from_db()
    table = day.tables.exclude(pk=other.table_id).first()
    client.force_login(operator)
    url = reverse("events:move", args=[day.slug, meeting.pk])
    page = client.post(url, {"slot": other.slot_id, "table": table.pk}).content.decode()
    assert "already has a meeting" in page
    client.post(url, {"slot": other.slot_id, "table": table.pk, "force": "on"})
    meeting.refresh_from_db()
    assert meeting.slot_id == other.slot_id and meeting.locked


def test_check_in_search_and_tick(client, operator, event, leeds, almaty):
    client.force_login(operator)
    url = reverse("events:check_in", args=[event.slug])
    page = client.get(url, {"q": "lucy"}).content.decode()
    assert "Lucy Leeds" in page and "Aigerim" not in page
    response = client.post(
        reverse("events:check_in_tick", args=[event.slug, leeds.pk]),
        {"arrived": "1"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and "✓" in response.content.decode()
    assert CheckIn.objects.filter(registration=leeds).exists()


@pytest.mark.pins("events:check_in")
def test_check_in_query_count(client, operator, event, pinned_queries):
    client.force_login(operator)
    pinned_queries(reverse("events:check_in", args=[event.slug]), lambda: participant(event))


def test_feedback_after_the_meeting(client, published, leeds, day, operator):
    services.meeting_mark(meeting=published, by=operator, held=True)
    client.force_login(leeds.user)
    url = reverse("events:feedback", args=[day.slug, published.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"outcome": "follow_up", "comment": "Samples next month"})
    assert published.feedback.get().outcome == "follow_up"


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_pages_render_in_russian_and_kazakh(client, published, leeds, day, language):
    client.force_login(leeds.user)
    client.cookies["django_language"] = language
    for name in ("detail", "participants", "my_requests", "agenda"):
        page = client.get(reverse(f"events:{name}", args=[day.slug])).content.decode()
        assert f'lang="{language}"' in page
        assert ">My agenda<" not in page, "the event navigation is translated"
    assert getattr(day, f"title_{language}") in page


def test_a_requested_partner_shows_the_request_instead_of_the_button(client, event, leeds, almaty):
    pending_request(leeds, almaty)
    client.force_login(leeds.user)
    page = client.get(reverse("events:participants", args=[event.slug])).content.decode()
    assert f'data-testid="request-{almaty.pk}"' not in page
    assert "Requested" in page


def test_schedule_names_participants_with_breaks(client, operator, day, leeds):
    partners = [participant(day) for _ in range(2)]
    for partner in partners:
        accepted_meeting(leeds, partner)
    unavailable = [s for s in day.slots.all() if s.number not in (0, 5)]
    services.unavailability_set(registration=leeds, by=leeds.user, slots=unavailable)
    services.schedule_run_start(event=day, by=operator, time_limit=5)
    client.force_login(operator)
    page = client.get(reverse("events:schedule", args=[day.slug])).content.decode()
    assert "Lucy Leeds: 1" in page


def test_best_matches_come_first_with_their_score(client, event, leeds, almaty):
    from django.utils import timezone

    from twinning.matching.models import Recommendation

    others = [participant(event, name=f"Aaron {n}") for n in range(3)]
    Recommendation.objects.create(
        programme=event.programme,
        organisation=leeds.organisation,
        candidate=almaty.organisation,
        score=0.87,
        rank=1,
        reasons=[],
        computed_at=timezone.now(),
    )
    client.force_login(leeds.user)
    page = client.get(reverse("events:participants", args=[event.slug])).content.decode()
    assert "Match 0.87" in page
    assert page.index("Aigerim Almaty") < min(page.index(o.display_name) for o in others)


def test_lapsed_requests_show_as_expired(client, leeds, almaty, event):
    from django.utils import timezone

    request = pending_request(leeds, almaty)
    MeetingRequest.objects.filter(pk=request.pk).update(expires_at=timezone.now())
    client.force_login(almaty.user)
    page = client.get(reverse("events:my_requests", args=[event.slug])).content.decode()
    assert "Expired" in page and ">Accept<" not in page


def test_event_page_gives_the_day_in_both_sides_zones(client, day):
    page = client.get(reverse("events:detail", args=[day.slug])).content.decode()
    first = day.slots.order_by("number").first().starts_at
    london = first.astimezone(day.zone).strftime("%H:%M")
    almaty = first.astimezone(__import__("zoneinfo").ZoneInfo("Asia/Almaty")).strftime("%H:%M")
    assert f"{london}–" in page and "London" in page
    assert f"{almaty}–" in page and "Almaty" in page


def test_another_organisations_user_can_neither_read_nor_answer_a_request(
    client, event, leeds, almaty, outsider
):
    request = pending_request(leeds, almaty)
    services.registration_create(event=event, user=outsider)
    client.force_login(outsider)
    page = client.get(reverse("events:my_requests", args=[event.slug])).content.decode()
    assert "Lucy Leeds" not in page and "Aigerim Almaty" not in page
    for action in ("accept", "decline", "cancel"):
        url = reverse("events:request_respond", args=[request.pk, action])
        assert client.post(url).status_code == 403
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.REQUESTED
    assert not Meeting.objects.exists()


def test_reading_my_requests_shows_a_lapsed_request_as_expired_and_writes_nothing(
    client, leeds, almaty
):
    request = pending_request(leeds, almaty)
    MeetingRequest.objects.filter(pk=request.pk).update(
        expires_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    )
    client.force_login(almaty.user)
    with CaptureQueriesContext(connection) as captured:
        page = client.get(reverse("events:my_requests", args=[leeds.event.slug]))
    writes = [q["sql"] for q in captured if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []
    assert "Expired" in page.content.decode()
    assert 'action="/events/requests/' not in page.content.decode()  # nothing left to answer
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.REQUESTED  # the command stores it


def test_the_event_form_says_in_russian_that_an_event_cannot_end_before_it_starts(
    client, settings, operator, event
):
    client.force_login(operator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    url = reverse("events:edit", args=[event.slug])
    form = html_forms.find(client.get(url).content.decode())
    day_before = (event.starts_on - dt.timedelta(days=1)).isoformat()

    page = client.post(url, form.submission(ends_on=day_before)).content.decode()

    assert "Мероприятие не может закончиться раньше, чем начнётся." in page
    assert "event_dates" not in page
    event.refresh_from_db()
    assert event.ends_on >= event.starts_on


def test_the_agenda_says_an_accepted_meeting_awaits_the_schedule(client, settings, meeting, leeds):
    client.force_login(leeds.user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "kk"
    page = client.get(reverse("events:agenda", args=[leeds.event.slug])).content.decode()
    assert "Сізде 1 қабылданған кездесу уақытын күтіп тұр" in page


def test_the_dashboard_shows_requests_to_answer_and_the_next_meetings(
    client, settings, operator, day, meeting, leeds, almaty
):
    services.schedule_run_start(event=day, by=operator, time_limit=5)
    services.schedule_publish(event=day, by=operator)
    other = participant(day, name="Dana Astana")
    pending_request(other, leeds)
    client.force_login(leeds.user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    page = client.get(reverse("core:dashboard")).content.decode()
    assert "1 запрос на встречу на «" in page
    assert "Ваши ближайшие встречи" in page and almaty.display_name in page


def test_operator_reading_an_agenda_gets_no_dead_tabs(client, operator, day, leeds):
    """The operator is not registered: the tabs must not offer 'My requests'/'My agenda'."""
    client.force_login(operator)
    page = client.get(reverse("events:agenda_of", args=[day.slug, leeds.pk])).content.decode()
    assert "Lucy Leeds" in page
    assert reverse("events:my_requests", args=[day.slug]) not in page
    links = set(re.findall(r'href="(/events/[^"]+)"', page))
    assert reverse("events:schedule", args=[day.slug]) in links
    for link in links:
        assert client.get(link).status_code != 404, link


def test_participant_agenda_keeps_own_tabs(client, day, leeds):
    client.force_login(leeds.user)
    leeds.status = "approved"
    leeds.save()
    page = client.get(reverse("events:agenda", args=[day.slug])).content.decode()
    assert reverse("events:agenda", args=[day.slug]) + '"' in page


def test_solver_status_is_a_translatable_word(client, operator, day, leeds, almaty):
    accepted_meeting(leeds, almaty)
    services.schedule_run_start(event=day, by=operator, time_limit=5)
    status = ScheduleRun.objects.filter(event=day).latest("pk").solver_status
    client.force_login(operator)
    page = client.get(reverse("events:schedule", args=[day.slug])).content.decode()
    cell = re.search(r'data-testid="solver-status">([^<,]*)', page).group(1)
    assert status in {"optimal", "feasible"} and cell == status


# More pages pinned: as many queries for three rows as for one (`pinned_queries`)


def _published_meetings(day, operator, registration):
    """`grow`: one more meeting of `registration` (requested, requested, then received), with
    the schedule run and published again so that it is on the agendas."""
    sides = itertools.cycle([True, True, False])

    def grow():
        other = participant(day)
        pair = (registration, other) if next(sides) else (other, registration)
        accepted_meeting(*pair)
        services.schedule_run_start(event=day, by=operator, time_limit=5)
        services.schedule_publish(event=day, by=operator)

    return grow


def _listed(name: str, each: int = 1):
    """A check that the context's `name` holds `each` items per row grown."""

    def check(response, rows):
        assert len(list(response.context[name])) == each * rows

    return check


@pytest.mark.pins("events:agenda_of")
def test_an_operator_reading_an_agenda_query_count(client, day, operator, leeds, pinned_queries):
    client.force_login(operator)
    pinned_queries(
        reverse("events:agenda_of", args=[day.slug, leeds.pk]),
        _published_meetings(day, operator, leeds),
        check=_listed("meetings"),
    )


@pytest.mark.pins("events:print_all")
def test_print_all_query_count(client, day, operator, pinned_queries):
    """Each meeting is on the two participants' agendas."""

    def grow():
        accepted_meeting(participant(day), participant(day))
        services.schedule_run_start(event=day, by=operator, time_limit=5)
        services.schedule_publish(event=day, by=operator)

    def check(response, rows):
        assert response.content.decode().count('class="agenda-page') == 2 * rows

    client.force_login(operator)
    pinned_queries(reverse("events:print_all", args=[day.slug]), grow, check=check)


@pytest.mark.pins("events:availability")
def test_availability_query_count(client, event, operator, leeds, pinned_queries):
    """The grid's slots, each a box to tick, the ones the participant cannot make ticked."""
    numbers = itertools.count()

    def grow():
        number = next(numbers)
        starts = dt.datetime.combine(event.starts_on, dt.time(9), tzinfo=event.zone)
        starts += dt.timedelta(minutes=25 * number)
        slot = Slot.objects.create(
            event=event, number=number, session=Slot.Session.MORNING, starts_at=starts,
            ends_at=starts + dt.timedelta(minutes=20),
        )  # fmt: skip
        Unavailability.objects.create(registration=leeds, slot=slot)

    def check(response, rows):
        page = response.content.decode()
        assert page.count('name="unavailable"') == rows
        assert len(re.findall(r'name="unavailable"[^>]*checked', page)) == rows

    client.force_login(leeds.user)
    pinned_queries(reverse("events:availability", args=[event.slug]), grow, check=check)


@pytest.mark.pins("events:setup")
def test_setup_query_count(client, event, operator, pinned_queries):
    """A slot, a table hosted by a participant, an interpreter unavailable in that slot."""
    numbers = itertools.count(1)

    def grow():
        number = next(numbers)
        starts = dt.datetime.combine(event.starts_on, dt.time(9), tzinfo=event.zone)
        starts += dt.timedelta(minutes=25 * number)
        slot = Slot.objects.create(
            event=event, number=number, session=Slot.Session.MORNING, starts_at=starts,
            ends_at=starts + dt.timedelta(minutes=20),
        )  # fmt: skip
        services.tables_set_count(event=event, by=operator, count=number)
        table = event.tables.get(number=number)
        services.table_update(table=table, by=operator, host=participant(event))
        services.interpreter_add(
            event=event, by=operator, name=f"Interpreter {number}", languages=["en", "ru"],
            unavailable_slots=[slot],
        )  # fmt: skip

    def check(response, rows):
        context = response.context
        assert [len(context[name]) for name in ("slots", "tables", "interpreters")] == [rows] * 3
        assert len(context["hosts"]) == rows
        assert response.content.decode().count("not available in") == rows

    client.force_login(operator)
    pinned_queries(reverse("events:setup", args=[event.slug]), grow, check=check)


@pytest.mark.pins("events:move")
def test_move_page_query_count(client, day, operator, leeds, meeting, pinned_queries):
    """Another meeting of Lucy's, placed in the next slot and set to take place before this one:
    a busy slot in the hints, a meeting in the order field, one more that comes before."""
    Meeting.objects.filter(pk=meeting.pk).update(slot=day.slots.get(number=0))
    slots, tables = iter(day.slots.order_by("number")[1:]), iter(day.tables.order_by("number"))
    before = []

    def grow():
        other = accepted_meeting(leeds, participant(day))
        Meeting.objects.filter(pk=other.pk).update(slot=next(slots), table=next(tables, None))
        before.append(other)
        services.meeting_set_after(meeting=meeting, after=before, by=operator)

    def check(response, rows):
        assert response.content.decode().count('data-testid="busy"') == rows
        assert len(response.context["after_form"].initial["after"]) == rows

    client.force_login(operator)
    pinned_queries(reverse("events:move", args=[day.slug, meeting.pk]), grow, check=check)


def _rules_history(operator, **owner):
    """`grow`: the rules changed once more, by another operator each time."""
    caps = itertools.count(5)

    def grow():
        by = OperatorFactory()
        if "programme" in owner:
            services.brokerage_rules_set(by=by, meeting_cap=next(caps), **owner)
        else:
            services.brokerage_rules_set(by=by, region_quota=next(caps), **owner)

    return grow


@pytest.mark.pins("events:programme_rules")
def test_programme_rules_query_count(client, event, operator, pinned_queries):
    client.force_login(operator)
    pinned_queries(
        reverse("events:programme_rules", args=[event.programme.slug]),
        _rules_history(operator, programme=event.programme),
        check=_listed("history"),
    )


@pytest.mark.pins("events:rules")
def test_event_rules_query_count(client, event, operator, pinned_queries):
    client.force_login(operator)
    pinned_queries(
        reverse("events:rules", args=[event.slug]),
        _rules_history(operator, event=event),
        check=_listed("history"),
    )
