"""A real journey under the Content-Security-Policy, in English and in Russian, and through the
admin and the API's documents: Chromium reports no violation on any page."""

import pytest
from playwright.sync_api import Page, expect

from tests.factories import OperatorFactory, PublishedOpportunityFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery"

# Recorded by the page itself: the event fires for every refused script, style, image or frame.
LISTEN = """
document.addEventListener("securitypolicyviolation", (event) => {
  const seen = JSON.parse(sessionStorage.getItem("csp") || "[]");
  seen.push(`${event.violatedDirective} ${event.blockedURI} ${document.location.pathname}`);
  sessionStorage.setItem("csp", JSON.stringify(seen));
});
"""


def watch(page: Page) -> list[str]:
    """Violations seen by the page's listener and CSP errors on Chromium's console."""
    console: list[str] = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return console


def violations(page: Page, console: list[str]) -> list[str]:
    return [*page.evaluate("JSON.parse(sessionStorage.getItem('csp') || '[]')"), *console]


def sign_in(page: Page, email: str) -> None:
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/")


def test_a_members_journey_breaks_no_rule_in_two_languages(page: Page, member, organisation):
    PublishedOpportunityFactory(organisation=organisation)
    console = watch(page)
    for path in ("/", "/opportunities/", "/events/", "/film/", "/students/", "/privacy/"):
        page.goto(path)
    page.goto("/sectors/")
    page.locator("input[type=search]").first.fill("мяса")
    expect(page.get_by_text("10.11").first).to_be_visible()
    sign_in(page, member.email)
    for path in ("/my-organisation/", "/accounts/me/", "/matching/", "/introductions/"):
        page.goto(path)
    assert violations(page, console) == []

    page.goto("/")
    page.locator(".language-switcher button[lang=ru]").click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    for path in ("/dashboard/", "/my-organisation/", "/opportunities/", "/film/"):
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", "ru")
    assert violations(page, console) == []


def test_the_admin_and_the_api_documents_break_no_rule(page: Page, db):
    operator = OperatorFactory(is_superuser=True)
    console = watch(page)
    page.goto("/admin/login/")
    page.locator("#id_username").fill(operator.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/admin/")
    for path in ("/admin/core/user/", "/admin/core/user/add/", f"/admin/core/user/{operator.pk}/"):
        page.goto(path)
    page.goto("/api/docs")
    expect(page.locator(".swagger-ui").first).to_be_visible()
    assert violations(page, console) == []


def test_the_watch_sees_a_violation_when_there_is_one(page: Page, db):
    console = watch(page)
    page.goto("/")
    page.evaluate(
        "const s = document.createElement('script'); s.textContent = '1'; document.body.append(s)"
    )
    page.wait_for_timeout(200)
    assert any("script-src" in seen for seen in violations(page, console))
