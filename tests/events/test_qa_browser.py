"""Layout checks a reader would notice: the page itself must not scroll sideways."""

import pytest
from playwright.sync_api import Page, expect

from tests.events.factories import accepted_meeting, participant
from twinning.events import services

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


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
