"""Estimate a shoot, save it as a draft, submit it, and an operator approves it: in a browser."""

import pytest
from playwright.sync_api import Page, expect

from tests.factories import MembershipFactory, OperatorFactory, OrganisationFactory
from twinning.film.models import FilmApplication

# serialized_rollback: the live server needs real commits, and the flush after the test would
# otherwise also empty the rules, regions and sectors loaded by the data migrations.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


@pytest.fixture
def contexts(browser):
    """Browser contexts, closed before the live server stops so no request outlives it."""
    opened = []
    yield opened
    for context in opened:
        context.close()


def _log_in(browser, live_server, contexts, email: str) -> Page:
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    contexts.append(context)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    return page


def _fill_line(page: Page, index: int, category: str, amount: str, currency: str, place: str):
    prefix = f"#id_lines-{index}-"
    page.locator(prefix + "category").fill(category)
    page.locator(prefix + "amount").fill(amount)
    page.locator(prefix + "currency").select_option(currency)
    page.locator(prefix + "spent_in").select_option(place)


def _estimate(page: Page) -> None:
    page.goto("/film/")
    page.get_by_label("Title").fill("Steppe Light")
    page.get_by_label("Shoot starts").fill("2025-06-01")
    page.get_by_label("Shoot ends").fill("2025-08-15")
    page.get_by_label("Total core expenditure").fill("3000000")
    _fill_line(page, 0, "Kazakh crew", "600000000", "KZT", "KZ")
    page.get_by_role("button", name="Add a budget line").click()  # HTMX: no page load
    expect(page.locator(".budget-line")).to_have_count(2)
    expect(page.locator("#id_lines-0-category")).to_have_value("Kazakh crew")
    _fill_line(page, 1, "Post-production (Leeds)", "500000", "GBP", "UK")
    page.get_by_role("button", name="Estimate", exact=True).click()
    rebate = page.locator("#scheme-kz-rebate")
    expect(rebate.get_by_text("Eligible", exact=True)).to_be_visible()
    expect(rebate.locator(".scheme-amount")).to_have_text("KZT 180,000,000.00")
    expect(page.locator(".scheme-bar")).to_have_count(3)


def test_estimate_apply_and_approve(browser, live_server, contexts, programme):
    studio = OrganisationFactory(programme=programme, kind="studio", legal_name="Dales Pictures")
    MembershipFactory(organisation=studio, user__email="producer@dales.example")
    OperatorFactory(email="operator@embassy.example")

    producer = _log_in(browser, live_server, contexts, "producer@dales.example")
    _estimate(producer)
    producer.get_by_role("button", name="Save as a draft application").click()
    expect(producer.locator("#application-status")).to_have_text("Draft")
    producer.get_by_label("Document type").select_option("script")
    producer.get_by_label("File").set_input_files(
        {"name": "script.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    producer.get_by_role("button", name="Upload").click()
    expect(producer.locator("#documents")).to_contain_text("script.pdf")
    producer.get_by_role("button", name="Submit").click()
    expect(producer.locator("#application-status")).to_have_text("Submitted")

    operator = _log_in(browser, live_server, contexts, "operator@embassy.example")
    operator.goto("/film/queue/")
    operator.get_by_role("link", name="Steppe Light").click()
    operator.get_by_role("button", name="Start review").click()
    operator.get_by_label("Approved amount").fill("175000000")
    operator.get_by_role("button", name="Approve").click()
    expect(operator.locator("#application-status")).to_have_text("Approved")

    producer.reload()
    expect(producer.locator("#application-status")).to_have_text("Approved")
    expect(producer.locator("#history")).to_contain_text("Review started")
    assert FilmApplication.objects.get().approved_amount == 175000000
