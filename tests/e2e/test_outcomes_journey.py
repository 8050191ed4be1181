"""The funders' trail in a real browser: a meeting → an outcome recorded by one side →
confirmed by the other → verified by an operator → counted on the dashboard and in the PDF,
in English, Russian and Kazakh."""

import datetime as dt
import io

import pytest
from django.utils import translation
from django.utils.translation import gettext, pgettext
from playwright.sync_api import Page, expect

from tests.events.factories import EventFactory, accepted_meeting, participant
from tests.factories import OperatorFactory, OrganisationFactory, region
from twinning.events.models import Meeting
from twinning.outcomes.models import Outcome

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "correct-horse-battery"


def _log_in(page: Page, email: str, language: str) -> None:
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": page.url or "http://localhost"}]
    )
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_meeting_to_verified_agreement_on_the_dashboard_and_in_the_pdf(
    page: Page, live_server, programme, language
):  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    page.goto("/")
    event = EventFactory(programme=programme)
    leeds = participant(event, name="Lucy Leeds")
    almaty_org = OrganisationFactory(programme=programme, region=region("almaty-city"))
    almaty = participant(event, name="Aigerim Almaty", organisation=almaty_org)
    meeting = accepted_meeting(leeds, almaty)
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)
    operator = OperatorFactory(email="operator@embassy.example")
    for user in (leeds.user, almaty.user, operator):  # each sees the site in their own language
        user.language = language
        user.save(update_fields=["language"])

    # One side records the outcome from its meeting.
    _log_in(page, leeds.user.email, language)
    page.goto(f"/outcomes/new/?partner={almaty_org.pk}&meeting={meeting.pk}")
    page.locator("#id_title").fill("Sausage line for Almaty")
    page.locator("#id_kind").select_option("supply")
    page.locator("#id_stage").select_option("contract_signed")
    page.locator("#id_stage_on").fill((dt.date.today() - dt.timedelta(days=3)).isoformat())
    page.locator("#id_amount").fill("10000")
    page.locator("#id_currency").select_option("USD")
    page.locator("#id_rate_on").fill("2025-03-01")
    expect(page.locator("input[name=meetings]")).to_be_checked()
    page.locator("main form[method=post] button[type=submit]").click()
    outcome = Outcome.objects.get()
    expect(page.locator(".value")).to_contain_text("10")
    page.locator(".evidence-form input[type=file]").set_input_files(
        {"name": "contract.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 signed"}
    )
    page.locator(".evidence-form button[type=submit]").click()
    expect(page.get_by_role("link", name="contract.pdf")).to_be_visible()

    # The other side confirms it.
    _log_in(page, almaty.user.email, language)
    page.goto(f"/outcomes/{outcome.pk}/")
    page.locator(".confirm-form button").click()
    expect(page.locator(".confirmation")).to_contain_text(
        _in(language, lambda: str(Outcome.Confirmation.CONFIRMED.label))
    )

    # An operator verifies it against the evidence.
    _log_in(page, operator.email, language)
    page.goto(f"/outcomes/{outcome.pk}/")
    page.locator(".verify-form textarea").fill("Signed contract seen")
    page.locator(".verify-form button").click()
    expect(page.locator(".verified")).to_have_text(
        _in(language, lambda: pgettext("outcome", "Verified"))
    )

    # The dashboard counts it, in GBP at the rate of its date: 10,000 × 525 / 655 = £8,015.27.
    page.goto("/outcomes/dashboard/")
    expect(page.locator("#figure-verified .value")).to_have_text("1")
    expect(page.locator("#figure-value_verified .value")).to_contain_text("8")
    expect(page.locator("h1")).to_have_text(_in(language, lambda: gettext("Programme dashboard")))
    report = page.request.get("/outcomes/dashboard/report.pdf", timeout=180_000)
    assert report.ok
    pages = PdfReader(io.BytesIO(report.body())).pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert _in(language, lambda: gettext("Programme report")) in text
    assert "Sausage line for Almaty" in text
    outcome.refresh_from_db()
    assert outcome.is_verified and str(outcome.value_gbp) == "8015.27"


def _in(language: str, text):  # type: ignore[no-untyped-def]
    with translation.override(language):
        return text()
