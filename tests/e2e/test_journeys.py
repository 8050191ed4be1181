"""The three journeys of the foundation, in a real browser against a live server."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.factories import (
    OperatorFactory,
    OpportunityFactory,
    PublishedOpportunityFactory,
    follow_sign_up_link,
    region,
)
from twinning.organisations.models import Opportunity, Organisation

# serialized_rollback: the live server needs real commits, and the flush after each test would
# otherwise also empty the regions and sectors loaded by the data migration.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery"


def test_sign_up_register_organisation_create_and_submit_opportunity(page: Page, programme):
    page.goto("/accounts/signup/")
    page.get_by_label("Full name").fill("Oliver Hartley")
    page.get_by_label("E-mail address").fill("oliver@leeds-machines.example")
    page.locator("#id_password1").fill("Yorkshire-Pudding-77")
    page.get_by_label("Password again").fill("Yorkshire-Pudding-77")
    page.get_by_label("I agree to the privacy notice").check()
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    follow_sign_up_link(page, "oliver@leeds-machines.example")
    expect(page.get_by_role("heading", name="Hello, Oliver Hartley")).to_be_visible()

    # Wait for the new page to load: htmx must have wired the NACE search before we type into it.
    with page.expect_navigation():
        page.get_by_role("link", name="Register an organisation").click()
    page.get_by_label("Legal name").fill("Leeds Machines Ltd")
    page.locator("#id_region").select_option("leeds")
    page.get_by_label("Find a NACE code").fill("мяса")
    page.get_by_role("button", name="Add 10.11").click()
    expect(page.locator("#id_sectors")).to_have_value("10.11")
    page.get_by_role("button", name="Register", exact=True).click()
    expect(page.get_by_role("heading", name="Leeds Machines Ltd")).to_be_visible()

    page.get_by_role("link", name="New opportunity").click()
    page.get_by_label("Type").select_option("technology_offer")
    page.get_by_label("Title").fill("Meat-processing line for Kazakh plants")
    page.get_by_label("Summary").fill("We design and install complete lines.")
    page.locator("#id_sectors").fill("28.93")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Draft", exact=True)).to_be_visible()
    page.get_by_role("button", name="Submit for validation").click()
    expect(page.get_by_text("Submitted for validation", exact=True)).to_be_visible()

    opportunity = Opportunity.objects.get()
    assert opportunity.status == Opportunity.Status.SUBMITTED
    assert opportunity.organisation == Organisation.objects.get(legal_name="Leeds Machines Ltd")


def test_operator_publishes_from_the_validation_queue(page: Page, programme, organisation):
    OperatorFactory(email="operator@embassy.example")
    waiting = OpportunityFactory(
        organisation=organisation,
        title="Wool from the Dales",
        status=Opportunity.Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill("operator@embassy.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Validation queue", exact=True).click()
    row = page.locator(f"#queue-{waiting.pk}")
    expect(row).to_contain_text("Wool from the Dales")
    row.get_by_role("button", name="Publish").click()
    expect(page.locator(f"#queue-{waiting.pk}")).to_contain_text("The opportunity is published.")
    waiting.refresh_from_db()
    assert waiting.status == Opportunity.Status.PUBLISHED


def test_visitor_in_kazakh_finds_an_opportunity_by_a_russian_word(page: Page, programme):
    from tests.factories import OrganisationFactory

    kz = OrganisationFactory(programme=programme, region=region("kostanay"))
    PublishedOpportunityFactory(
        organisation=kz,
        title="Поставки мясного оборудования",
        summary="Ищем партнёров в Йоркшире.",
    )
    PublishedOpportunityFactory(organisation=kz, title="Wool and textiles")

    page.goto("/opportunities/")
    page.get_by_role("button", name="Қазақша").click()
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    page.wait_for_load_state()  # htmx must have wired the search box before we type into it
    page.evaluate("window.__sameDocument = true")

    page.locator("#id_q").fill("МЯСНОГО")
    results = page.locator("#directory-results")
    expect(results).to_contain_text("Поставки мясного оборудования")
    expect(results).not_to_contain_text("Wool and textiles")
    assert page.evaluate("window.__sameDocument") is True  # updated in place, no reload
    expect(page).to_have_url(re.compile(r"q=%D0%9C|q=МЯСНОГО"))


def test_one_unbroken_word_of_300000_characters_does_not_widen_the_page(
    page: Page, programme, organisation
):
    opportunity = PublishedOpportunityFactory(organisation=organisation, description="ет" * 150_000)
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto(f"/opportunities/{opportunity.pk}/")
    expect(page.get_by_role("heading", name=opportunity.title)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1024


def test_kazakh_sign_up_tells_the_password_rules_in_kazakh(
    page: Page, programme, live_server, tmp_path
):
    page.context.add_cookies([{"name": "django_language", "value": "kk", "url": live_server.url}])
    page.goto("/accounts/signup/")
    expect(page.get_by_text("Құпиясөзде кемінде 8 таңба болуы керек.")).to_be_visible()
    page.locator("#id_full_name").fill("Айгерім Сапарова")
    page.locator("#id_email").fill("aigerim@example.kz")
    page.locator("#id_password1").fill("12345")
    page.locator("#id_password2").fill("12345")
    page.locator("#id_consent").check()
    page.locator("main form button").last.click()
    expect(page.get_by_text("Бұл құпиясөз тек сандардан тұрады.")).to_be_visible()
    page.screenshot(path=str(tmp_path / "kk-signup.png"), full_page=True)
