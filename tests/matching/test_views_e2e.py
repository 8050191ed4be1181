"""Recommend → express interest → accept → contact details revealed, in a real browser."""

import pytest
from playwright.sync_api import Page, expect

from tests.matching.scenario import IMMEDIATE_TASKS, build_scenario
from twinning.introductions.models import Introduction
from twinning.matching import services

# serialized_rollback: the live server needs real commits, and the flush after each test would
# otherwise also empty the regions and sectors loaded by the data migration.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery"


def log_in(page: Page, email: str) -> None:
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_recommend_express_interest_accept_reveals_contacts(page: Page, programme, settings):
    settings.TASKS = IMMEDIATE_TASKS
    scenario = build_scenario(programme)
    scenario.kostanay_user.language = "en"
    scenario.kostanay_user.save(update_fields=["language"])
    services.recompute_full(programme=programme)

    log_in(page, scenario.leeds_user.email)
    page.goto("/matching/")
    first = page.locator("article.recommendation").first
    expect(first).to_contain_text("Костанайский мясокомбинат")
    expect(first).to_contain_text("meets their business request")

    # Feedback in place: "not interested" takes the film studio off the list without a reload.
    film = page.locator(f"#candidate-{scenario.almaty_film.pk}")
    film.get_by_role("button", name="Not interested").click()
    expect(film).to_have_count(0)

    first.get_by_role("link", name="Express interest").click()
    expect(page.get_by_role("heading", name="Express interest in")).to_be_visible()
    page.get_by_label("Message").fill("We build sausage lines and would like to quote.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Your interest has been sent")).to_be_visible()

    kostanay_page = f"/organisations/{scenario.kostanay.slug}/"
    page.goto(kostanay_page)
    expect(page.get_by_text(scenario.kostanay.contact_email)).to_have_count(0)

    log_in(page, scenario.kostanay_user.email)
    page.goto("/introductions/")
    received = page.locator("article.introduction").first
    expect(received).to_contain_text("We build sausage lines")
    received.get_by_role("button", name="Accept").click()
    expect(page.get_by_text("Introduction accepted")).to_be_visible()
    expect(page.locator("article.introduction").first).to_contain_text("alice@leeds-meat.example")

    log_in(page, scenario.leeds_user.email)
    page.goto(kostanay_page)
    expect(page.locator("#contact-details")).to_contain_text(scenario.kostanay.contact_email)
    expect(page.locator("#contact-details")).to_contain_text(scenario.kostanay.contact_phone)
    assert Introduction.objects.get().state == Introduction.State.ACCEPTED
