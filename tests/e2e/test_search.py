"""The directory's search in a real browser, in Russian."""

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from tests.organisations.search_data import publish_directory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_russian_visitor_finds_other_endings_and_english_offers_on_the_same_thing(
    page: Page, programme, live_server
):
    publish_directory(programme)
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "ru", "url": live_server.url}]
    )
    page.goto("/opportunities/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    page.wait_for_load_state()  # htmx must have wired the search box before we type into it
    results = page.locator("#directory-results")
    cards = results.locator(".opportunity-card")

    page.locator("#id_q").fill("конина")
    expect(cards.first).to_contain_text("Поставки конины и говядины")

    page.locator("#id_q").fill("ет")  # Kazakh "meat": not the end of "ищет"
    expect(cards.first).to_contain_text("Жылқы еті экспорты")
    expect(results).not_to_contain_text("Компания ищет поставщика упаковки")

    page.locator("#id_q").fill("мясо")
    expect(cards.first).to_contain_text("Мясо птицы: поставки курицы")
    lamb = cards.filter(has_text="Lamb and beef cuts for export")
    expect(lamb).to_contain_text("Близко по смыслу")
    expect(cards.first).not_to_contain_text("Близко по смыслу")
    expect(results).not_to_contain_text("Farm management software")
