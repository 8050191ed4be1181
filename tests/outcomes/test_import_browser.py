"""An operator's web import in a real browser: upload, dry run, confirm, then the progress
element polls (HTMX) while a task worker runs the import, until it shows the import done."""

from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tests.factories import OperatorFactory
from twinning.organisations.models import Organisation
from twinning.outcomes.models import ImportRun

# serialized_rollback: the live server needs real commits, and the flush after each test would
# otherwise also empty the regions and sectors loaded by the data migration.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DATA = Path(__file__).resolve().parent.parent / "data"
PASSWORD = "correct-horse-battery"


def test_an_import_is_checked_confirmed_and_its_progress_polled_to_done(
    page: Page, programme, settings
):  # type: ignore[no-untyped-def]
    # The database queue, as in production: nothing runs until a worker takes the task.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    operator = OperatorFactory()
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(operator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.goto("/outcomes/imports/")
    page.get_by_label("What to import").select_option("organisations")
    page.get_by_label("CSV or XLSX file").set_input_files(DATA / "organisations_good.csv")
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("The check found no problems in 6 rows.")).to_be_visible()
    assert not Organisation.objects.filter(legal_name="Calder Robotics Ltd").exists()

    page.get_by_role("button", name="Import now").click()
    progress = page.locator("#import-progress")
    expect(progress.locator(".state")).to_have_text("Queued")
    expect(progress).to_have_attribute("hx-trigger", "every 2s")
    # A mark on the window: it survives only if the page is updated in place, not reloaded.
    page.evaluate("window.notReloaded = true")
    polls: list[str] = []
    page.on("request", lambda r: polls.append(r.url) if r.headers.get("hx-request") else None)

    run = ImportRun.objects.get()
    assert run.state == "queued" and run.job_id
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    expect(progress.locator(".state")).to_have_text("Imported", timeout=10_000)
    expect(progress).to_contain_text("6 rows were imported.")
    expect(progress).not_to_have_attribute("hx-trigger", "every 2s")  # polling stops when done
    assert page.evaluate("window.notReloaded") is True
    assert polls and all(url.endswith(f"/outcomes/imports/{run.pk}/") for url in polls)
    run.refresh_from_db()
    assert run.state == "done" and run.result["created"] == 6
    assert Organisation.objects.filter(legal_name="Calder Robotics Ltd").exists()
