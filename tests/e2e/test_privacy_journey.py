"""A student's privacy journey in Russian, in a real browser: download everything, withdraw a
consent, delete the account and read the receipt."""

import zipfile

import pytest
from playwright.sync_api import Page, expect

from tests.students.factories import student
from twinning.core.models import Consent, DeletionReceipt, User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):  # type: ignore[no-untyped-def]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_export_withdraw_and_delete_in_russian(page: Page, programme, tmp_path):
    aida = student(name="Аида Нурлановна")
    User.objects.filter(pk=aida.user.pk).update(language="ru")
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(aida.user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()

    page.goto("/accounts/me/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Скачать все мои данные (ZIP)").click()
    saved = tmp_path / "export.zip"
    download.value.save_as(saved)
    names = zipfile.ZipFile(saved).namelist()
    assert "data.json" in names and "files/students/cv.pdf" in names

    page.get_by_role("link", name="На что я дал(а) согласие и как его отозвать").click()
    expect(page.get_by_role("heading", name="Мои согласия")).to_be_visible()
    page.locator('tr[data-purpose="matching"]').get_by_role("button", name="Отозвать").click()
    expect(page.get_by_text("Ваше согласие отозвано; это действует сразу.")).to_be_visible()
    assert not Consent.objects.get(user=aida.user, purpose="matching").active

    page.goto("/accounts/me/delete/")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_confirm").check()
    page.get_by_role("button", name="Удалить учётную запись безвозвратно").click()
    expect(page.get_by_role("heading", name="Квитанция об удалении")).to_be_visible()
    reference = DeletionReceipt.objects.get().reference
    expect(page.locator("#receipt-reference")).to_have_text(reference)
    assert not User.objects.filter(pk=aida.user.pk).exists()
