"""A brokerage day from set-up to a changed calendar feed, in a real browser."""

import datetime as dt

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import Page, expect

from tests.events.factories import accepted_meeting, participant
from tests.factories import MembershipFactory, OperatorFactory, OrganisationFactory, region
from twinning.core.models import AuditEntry
from twinning.events import services
from twinning.events.models import BrokerageRules, Event, Meeting, MeetingRequest

# serialized_rollback: the live server needs real commits; the flush after the test would
# otherwise also empty the regions and sectors loaded by the data migration.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery"


@pytest.fixture
def log_in(browser, live_server):
    """A signed-in page per person; every browser context is closed when the test ends, so no
    page keeps talking to the live server after it."""
    contexts = []

    def sign_in(email: str) -> Page:
        context = browser.new_context(base_url=live_server.url, locale="en-GB")
        contexts.append(context)
        context.set_default_timeout(15_000)
        page = context.new_page()
        page.goto("/accounts/login/")
        page.get_by_label("E-mail address").fill(email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page.get_by_role("button", name="Log out")).to_be_visible()
        return page

    yield sign_in
    for context in contexts:
        context.close()


def _feed(page: Page, feed_url: str):
    response = page.request.get(feed_url)
    assert response.ok
    (entry,) = Calendar.from_ical(response.body()).walk("VEVENT")
    return entry


def _create_day(operator: Page, day: dt.date) -> str:
    operator.goto("/events/new/")
    operator.get_by_label("Title in English").fill("Leeds–Almaty brokerage day")
    operator.get_by_label("First day").fill(day.isoformat())
    operator.get_by_label("Last day").fill(day.isoformat())
    operator.get_by_label("Registrations need approval").uncheck()
    operator.get_by_role("button", name="Save").click()
    operator.get_by_role("button", name="Publish event").click()
    slug = Event.objects.get().slug
    operator.goto(f"/events/{slug}/manage/setup/")
    operator.get_by_role("button", name="Generate slots").click()
    expect(operator.get_by_text("14 slots generated.")).to_be_visible()
    operator.get_by_label("Number of tables").fill("3")
    operator.get_by_role("button", name="Save").first.click()
    return slug


def _register(page: Page, slug: str) -> None:
    page.goto(f"/events/{slug}/")
    page.get_by_role("link", name="Register").click()
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("Thank you for registering.")).to_be_visible()


def _publish(operator: Page, slug: str) -> None:
    operator.goto(f"/events/{slug}/manage/schedule/")
    operator.get_by_test_id("publish").click()
    expect(operator.get_by_text("is published")).to_be_visible()


def test_brokerage_day_from_set_up_to_calendar_updates(log_in, programme):
    OperatorFactory(email="operator@embassy.example")
    lucy = MembershipFactory(user__email="lucy@leeds.example", user__full_name="Lucy Leeds").user
    almaty_org = OrganisationFactory(programme=programme, region=region("almaty-city"))
    aigerim = MembershipFactory(
        user__email="aigerim@almaty.example",
        user__full_name="Aigerim Almaty",
        user__time_zone="Asia/Almaty",
        organisation=almaty_org,
    ).user

    operator = log_in("operator@embassy.example")
    slug = _create_day(operator, timezone.localdate() + dt.timedelta(days=20))

    member_a = log_in(lucy.email)
    member_b = log_in(aigerim.email)
    _register(member_a, slug)
    _register(member_b, slug)

    member_a.goto(f"/events/{slug}/participants/")
    member_a.get_by_role("button", name="Request meeting").click()
    expect(member_a.get_by_text("Requested", exact=True)).to_be_visible()
    member_b.goto(f"/events/{slug}/requests/")
    member_b.get_by_role("button", name="Accept").click()
    expect(member_b.get_by_text("You accepted the meeting.")).to_be_visible()

    operator.goto(f"/events/{slug}/manage/schedule/")
    operator.get_by_test_id("run").click()
    expect(operator.get_by_test_id("scheduled")).to_have_text("1 / 1")
    _publish(operator, slug)

    member_b.goto(f"/events/{slug}/agenda/")
    expect(member_b.get_by_role("cell", name="Lucy Leeds")).to_be_visible()
    expect(member_b.get_by_text("Time (Almaty)")).to_be_visible()
    member_b.get_by_role("button", name="Қазақша").click()
    expect(member_b.locator("html")).to_have_attribute("lang", "kk")
    expect(member_b.get_by_text("Time (Almaty)")).to_have_count(0)
    expect(member_b.get_by_role("columnheader", name="(Almaty)")).to_be_visible()
    feed_url = member_b.get_by_test_id("feed-link").get_attribute("href")
    first = _feed(member_b, feed_url)
    assert int(first["sequence"]) == 0 and str(first["status"]) == "CONFIRMED"

    meeting = Meeting.objects.get()
    operator.goto(f"/events/{slug}/manage/schedule/")
    operator.get_by_test_id(f"move-{meeting.pk}").click()
    operator.get_by_label("Slot").select_option(index=(meeting.slot.number + 3) % 14)
    operator.get_by_test_id("move-submit").click()
    expect(operator.get_by_text("The meeting is moved and locked.")).to_be_visible()
    _publish(operator, slug)
    moved = _feed(member_b, feed_url)
    assert moved["uid"] == first["uid"]
    assert int(moved["sequence"]) == 1
    assert moved["dtstart"].dt != first["dtstart"].dt

    operator.goto(f"/events/{slug}/manage/meetings/{meeting.pk}/move/")
    operator.get_by_test_id("cancel-meeting").click()
    _publish(operator, slug)
    cancelled = _feed(member_b, feed_url)
    assert str(cancelled["status"]) == "CANCELLED"
    assert int(cancelled["sequence"]) == 2


def test_the_attendance_sheet_in_russian(page, day, operator, floor):
    """An operator, in Russian, unticks the one who did not come and saves a slot's sheet."""
    first, second, third, _later = floor["meetings"]
    dan = floor["people"][3]
    operator.language = "ru"
    operator.save()
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(operator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"/events/{day.slug}/manage/attendance/?slot={floor['slots'][0].pk}")
    expect(page.get_by_role("heading", name="Посещаемость")).to_be_visible()
    page.locator(f"#came-{second.pk}-{dan.pk}").uncheck()
    page.get_by_role("button", name="Сохранить посещаемость").click()
    expect(page.get_by_text("Лист посещаемости сохранён.")).to_be_visible()
    expect(page.get_by_test_id(f"status-{second.pk}")).to_have_text("Неявка")
    expect(page.get_by_test_id(f"status-{first.pk}")).to_have_text("Состоялась")
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, second.no_show) == (Meeting.Status.NO_SHOW, dan)
    assert third.status == Meeting.Status.HELD
    # Eve left before her meeting began: her whole day, from her own sheet.
    page.get_by_role("link", name="его/её день").nth(4).click()
    expect(page.get_by_role("heading", name="День участника Eve")).to_be_visible()
    page.get_by_test_id("absent-all-day").click()
    expect(page.get_by_text("Eve отмечен(а) отсутствующим(ей) на 1 встрече.")).to_be_visible()
    third.refresh_from_db()
    assert (third.status, third.no_show) == (Meeting.Status.NO_SHOW, floor["people"][4])


def test_a_wide_schedule_grid_scrolls_inside_its_box(page: Page, operator, day):
    # Many tables make the grid wider than the screen; the hidden lock labels in its cells used
    # to widen the whole page to the grid's width.
    services.tables_set_count(event=day, by=operator, count=30)
    meeting = accepted_meeting(participant(day), participant(day))
    services.schedule_run_start(event=day, by=operator, time_limit=5)
    meeting.refresh_from_db()
    last_table = day.tables.order_by("-number").first()
    services.meeting_move(meeting=meeting, by=operator, slot=meeting.slot, table=last_table)
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(operator.email)
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    page.goto(f"/events/{day.slug}/manage/schedule/")
    expect(page.locator(".schedule-grid")).to_be_visible()
    grid_width = page.locator(".schedule-grid").evaluate("e => e.scrollWidth")
    page_width, window_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert grid_width > window_width
    assert page_width <= window_width


def _sign_in_in_russian(page: Page, user) -> None:  # type: ignore[no-untyped-def]
    user.language = "ru"
    user.save()
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Выйти")).to_be_visible()


def test_a_cap_set_on_the_rules_page_refuses_a_request_in_russian(page: Page, event, operator):
    """The operator sets the programme's cap through its rules page; a participant who already
    has a meeting asks for another and is told, in Russian, which rule refused it."""
    leeds = participant(event, name="Lucy Leeds")
    almaty = participant(event, organisation=OrganisationFactory(region=region("almaty-city")))
    kostanay = participant(
        event, name="Kairat", organisation=OrganisationFactory(region=region("kostanay"))
    )
    accepted_meeting(leeds, almaty)
    _sign_in_in_russian(page, operator)
    page.goto(f"/events/programme/{event.programme.slug}/rules/")
    page.locator("#id_meeting_cap").fill("1")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Правила биржи контактов сохранены.")).to_be_visible()
    rules = BrokerageRules.objects.get(programme=event.programme)
    assert rules.meeting_cap == 1
    assert AuditEntry.objects.filter(action="brokerage_rules.set").count() == 1

    _sign_in_in_russian(page, leeds.user)
    page.goto(f"/events/{event.slug}/participants/")
    page.get_by_test_id(f"request-{kostanay.pk}").click()
    expect(
        page.get_by_text(
            "Отклонено ограничением программы: не более 1 встречи на организацию на всех её "
            f"мероприятиях; у {leeds.organisation_name} уже 1."
        )
    ).to_be_visible()
    assert not MeetingRequest.objects.filter(recipient=kostanay).exists()
