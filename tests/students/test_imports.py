"""Students imported from a file (command and web), then claimed by each student from the link
e-mailed to them."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from tests.students.html_forms import form_fields, post_form
from twinning.core.models import AuditEntry, Consent, User
from twinning.core.retention import unconfirmed_sign_ups
from twinning.outcomes.models import ImportRun
from twinning.students import services
from twinning.students.models import Student

pytestmark = [pytest.mark.integration, pytest.mark.django_db]
DATA = Path(__file__).resolve().parent.parent / "data"
GOOD, BAD = DATA / "students_good.csv", DATA / "students_bad.csv"
SITE = "https://students.example.org"  # the address an operator gives the command


def _claim_path(message, site: str = SITE) -> str:  # type: ignore[no-untyped-def]
    return re.search(re.escape(site) + r"(/students/claim/\S+/)", message.body).group(1)


def _import(django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_students", str(GOOD), site_url=SITE)


def test_the_command_creates_profiles_that_nobody_can_use_until_claimed(
    programme, django_capture_on_commit_callbacks, capsys
):
    _import(django_capture_on_commit_callbacks)
    assert "Imported 3 students" in capsys.readouterr().out
    aruzhan = Student.objects.get(user__email="aruzhan.sadykova@leeds.ac.uk")
    assert aruzhan.user.full_name == "Аружан Садыкова" and aruzhan.user.language == "ru"
    assert (aruzhan.university, aruzhan.level, aruzhan.graduation_year) == ("leeds", "taught", 2027)
    assert aruzhan.home_region.slug == "kostanay" and aruzhan.visa_route == "graduate"
    assert aruzhan.languages == {"en": "C1", "ru": "native", "kk": "native"}
    assert sorted(s.code for s in aruzhan.sectors.all()) == ["05", "09"]
    for student in Student.objects.select_related("user"):
        user = student.user
        assert not user.is_active and not user.has_usable_password()
        assert not Consent.objects.filter(user=user).exists() and not student.consents.exists()
    # Nobody imported can be invited, matched or shown: they have agreed to nothing.
    assert not services.students_matching(
        filters=services.StudentFilter(), purpose="embassy_contact"
    ).exists()
    # One e-mail each, in their own language, with their own link.
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        Student.objects.values_list("user__email", flat=True)
    )
    russian = next(m for m in mail.outbox if m.to == ["aruzhan.sadykova@leeds.ac.uk"])
    assert "Аружан Садыкова" in russian.body and "Ваш профиль студента" in russian.subject
    kazakh = next(m for m in mail.outbox if m.to == ["madina.k@york.ac.uk"])
    assert "/students/claim/" in kazakh.body and "студент" in kazakh.subject.lower()


def test_a_bad_file_lists_every_problem_imports_nothing_and_mails_nobody(
    programme, capsys, django_capture_on_commit_callbacks
):
    User.objects.create_user(email="Taken@Leeds.ac.uk", password="x-long-enough")
    bad = DATA / "students_bad_taken.csv"
    bad.write_text(BAD.read_text() + "taken@leeds.ac.uk,Has One,leeds,BA,undergraduate,2027,,,\n")
    try:
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(CommandError) as error:
            call_command("import_students", str(bad), site_url=SITE)
    finally:
        bad.unlink()
    assert "4 of 4 rows have problems" in str(error.value)
    report = capsys.readouterr().err
    for expected in (
        "Row 2:", "email: “not-an-address” is not an e-mail address.",
        "university: “oxford-of-the-north” is not in the list of universities.",
        "level: “bachelor” is not one of foundation, undergraduate, taught, research.",
        "graduation_year: “20x7” is not a year.",
        "home_region: “yorkshire” is not a region of Kazakhstan.",
        "languages: “en:fluent” is not a language and a level",
        "nace_codes: 1 unknown NACE code: 00.",
        "Row 4:", "course: this column is required.",
        "graduation_year: The graduation year must be between 1990 and 2040.",
        "Row 5:", "email: “taken@leeds.ac.uk” already has an account",
    ):  # fmt: skip
        assert expected in report, expected
    assert not Student.objects.exists() and User.objects.count() == 1
    assert mail.outbox == []


def test_an_address_twice_in_one_file_is_refused_on_its_second_row(programme, tmp_path, capsys):
    path = tmp_path / "twice.csv"
    row = "dup@leeds.ac.uk,{name},leeds,BA Business,undergraduate,2027\n"
    header = "email,full_name,university,course,level,graduation_year\n"
    path.write_text(header + row.format(name="One") + row.format(name="Two").upper())
    with pytest.raises(CommandError):
        call_command("import_students", str(path), site_url=SITE)
    assert "Row 3:" in capsys.readouterr().err and not Student.objects.exists()


def test_the_messages_speak_russian(programme, capsys):
    with pytest.raises(CommandError) as error:
        call_command("import_students", str(BAD), language="ru", site_url=SITE)
    assert "Ничего не импортировано" in str(error.value)
    assert "не является годом" in capsys.readouterr().err


def test_the_command_will_not_mail_claim_links_without_the_sites_address(programme, settings):
    """It used to mail links to http://localhost (it had no request to take the address from)."""
    settings.SITE_URL = ""
    with pytest.raises(CommandError, match="--site-url"):
        call_command("import_students", str(GOOD))
    assert not Student.objects.exists() and mail.outbox == []
    call_command("import_students", str(GOOD), dry_run=True)  # a dry run mails nothing
    assert not Student.objects.exists()


def test_a_web_import_mails_links_to_the_page_it_was_started_from(
    client, programme, operator, django_capture_on_commit_callbacks, settings
):
    """The import runs later, in a worker that has served nothing: the page's address travels with
    the task (before, the claim links pointed at http://localhost)."""
    from twinning.core import site

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.SITE_URL = ""
    client.force_login(operator)
    url = reverse("outcomes:imports")
    fields = form_fields(client.get(url).content.decode(), index=0)
    fields |= {"kind": "students", "upload": SimpleUploadedFile("s.csv", GOOD.read_bytes())}
    checked = client.post(url, fields, follow=True)
    start = reverse("outcomes:import_run", args=[ImportRun.objects.get().pk])
    with django_capture_on_commit_callbacks() as queued:
        client.post(
            start, form_fields(checked.content.decode(), action=start),
            SERVER_NAME="twinning.example.org",
        )  # fmt: skip
    site._last_served["url"] = ""  # as in a worker process
    with django_capture_on_commit_callbacks(execute=True):  # the import's own mails
        for callback in queued:
            callback()
    assert len(mail.outbox) == 3
    assert all(_claim_path(m, "http://twinning.example.org") for m in mail.outbox)


def test_operators_import_students_on_the_web_through_a_dry_run(
    client, programme, operator, django_capture_on_commit_callbacks, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    client.force_login(operator)
    url = reverse("outcomes:imports")
    page = client.get(url).content.decode()
    assert 'value="students"' in page
    fields = form_fields(page, index=0)
    fields |= {"kind": "students", "upload": SimpleUploadedFile("s.csv", GOOD.read_bytes())}
    checked = client.post(url, fields, follow=True)
    run = ImportRun.objects.get()
    assert run.kind == "students" and run.state == "checked", run.problems
    assert not Student.objects.exists() and mail.outbox == []
    start = reverse("outcomes:import_run", args=[run.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(start, form_fields(checked.content.decode(), action=start))
    run.refresh_from_db()
    assert run.state == "done" and run.result["created"] == 3
    assert Student.objects.count() == 3 and len(mail.outbox) == 3


def test_a_student_claims_the_profile_from_the_rendered_form(
    client, programme, django_capture_on_commit_callbacks
):
    _import(django_capture_on_commit_callbacks)
    message = next(m for m in mail.outbox if m.to == ["aruzhan.sadykova@leeds.ac.uk"])
    path = _claim_path(message)
    page = client.get(path).content.decode()
    assert "aruzhan.sadykova@leeds.ac.uk" in page and "University of Leeds" in page
    changes = {"password1": "a-long-enough-passphrase", "password2": "a-long-enough-passphrase",
               "consent": "on", "purposes": ["embassy_contact"], "language": "kk",
               }  # fmt: skip
    response = post_form(client, path, changes)
    assert response.status_code == 302 and response["Location"] == reverse("students:me")
    student = Student.objects.get(user__email="aruzhan.sadykova@leeds.ac.uk")
    user = student.user
    assert user.is_active and user.language == "kk"
    assert user.check_password("a-long-enough-passphrase")
    purposes = set(Consent.objects.filter(user=user).values_list("purpose", flat=True))
    assert purposes == {Consent.Purpose.TERMS, Consent.Purpose.MATCHING}
    assert set(student.consents.values_list("purpose", flat=True)) == {"embassy_contact"}
    assert AuditEntry.objects.filter(action="student.claim", object_id=str(student.pk)).exists()
    assert client.get(reverse("students:me")).status_code == 200  # signed in
    # The link has done its work: it opens no form any more.
    client.logout()
    assert 'name="password1"' not in client.get(path).content.decode()


def test_a_claim_cannot_change_the_address_it_was_sent_to(
    client, programme, django_capture_on_commit_callbacks
):
    """The address is shown disabled (a browser does not send it); one added to the post by hand
    is ignored."""
    _import(django_capture_on_commit_callbacks)
    message = next(m for m in mail.outbox if m.to == ["aruzhan.sadykova@leeds.ac.uk"])
    path = _claim_path(message)
    fields = form_fields(client.get(path).content.decode()) | {
        "password1": "a-long-enough-passphrase", "password2": "a-long-enough-passphrase",
        "consent": "on", "email": "someone.else@example.org",
    }  # fmt: skip
    assert client.post(path, fields).status_code == 302
    assert Student.objects.filter(user__email="aruzhan.sadykova@leeds.ac.uk").exists()
    assert not User.objects.filter(email="someone.else@example.org").exists()


def test_a_claim_without_the_privacy_notice_changes_nothing(
    client, programme, django_capture_on_commit_callbacks
):
    _import(django_capture_on_commit_callbacks)
    path = _claim_path(mail.outbox[0])
    changes = {"password1": "a-long-enough-passphrase", "password2": "a-long-enough-passphrase"}
    page = client.get(path).content.decode()
    fields = form_fields(page, index=-1)
    fields.pop("consent", None)
    response = client.post(path, {**fields, **changes})
    assert response.status_code == 200 and "is-invalid" in response.content.decode()
    assert not User.objects.filter(is_active=True).exists()
    assert not Consent.objects.exists()


def test_a_link_for_one_student_does_not_open_another_profile(
    client, programme, django_capture_on_commit_callbacks
):
    _import(django_capture_on_commit_callbacks)
    first, second = (
        Student.objects.get(user__email=e)
        for e in ("aruzhan.sadykova@leeds.ac.uk", "madina.k@york.ac.uk")
    )
    _uid, token = services.claim_link(first).rstrip("/").split("/")[-2:]
    other_uid = services.claim_link(second).rstrip("/").split("/")[-2]
    forged = reverse("students:claim", args=[other_uid, token])
    page = client.get(forged).content.decode()
    assert "This link does not work" in page and 'name="password1"' not in page
    client.post(forged, {"password1": "a-long-enough-passphrase",
                         "password2": "a-long-enough-passphrase", "consent": "on"})  # fmt: skip
    second.user.refresh_from_db()
    assert not second.user.is_active and not second.user.has_usable_password()


def test_signing_up_with_an_imported_address_sends_the_claim_link_again(
    client, programme, django_capture_on_commit_callbacks
):
    _import(django_capture_on_commit_callbacks)
    mail.outbox.clear()
    changes = {"full_name": "Someone", "email": "DANIYAR.omarov@sheffield.ac.uk",
               "password1": "a-long-enough-passphrase", "password2": "a-long-enough-passphrase",
               "consent": "on", "university": "leeds", "course": "BA", "level": "undergraduate",
               "graduation_year": "2027"}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(client, "/students/signup/", changes)
    assert response.status_code == 302 and response["Location"] == reverse("core:signup_sent")
    assert [m.to for m in mail.outbox] == [["daniyar.omarov@sheffield.ac.uk"]]
    assert "/students/claim/" in mail.outbox[0].body
    assert Student.objects.get(user__email="daniyar.omarov@sheffield.ac.uk").course == (
        "BEng Mechanical Engineering"
    )


def test_operators_see_who_has_not_claimed_and_can_send_the_links_again(
    client, programme, operator, django_capture_on_commit_callbacks
):
    _import(django_capture_on_commit_callbacks)
    client.force_login(operator)
    page = client.get(reverse("students:invite")).content.decode()
    assert "3 imported students have not claimed their profiles yet" in page
    mail.outbox.clear()
    resend = reverse("students:claim_resend")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend, form_fields(page, action=resend), follow=True)
    assert "3 links sent again." in response.content.decode()
    assert len(mail.outbox) == 3


def test_a_profile_never_claimed_is_deleted_with_its_account(
    programme, django_capture_on_commit_callbacks, settings
):
    _import(django_capture_on_commit_callbacks)
    later = timezone.now() + dt.timedelta(days=settings.RETENTION["unconfirmed_sign_up_days"] + 1)
    unconfirmed_sign_ups(now=later, dry_run=False)
    assert not Student.objects.exists() and not User.objects.filter(is_staff=False).exists()


def test_the_api_counts_the_unclaimed_and_sends_their_links_again(
    client, programme, operator, member, django_capture_on_commit_callbacks
):
    from tests.api.conftest import bearer

    _import(django_capture_on_commit_callbacks)
    mail.outbox.clear()
    assert client.get("/api/outreach/claims", **bearer(operator)).json() == {"count": 3}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/outreach/claims/resend", **bearer(operator))
    assert response.json() == {"count": 3} and len(mail.outbox) == 3
    assert client.post("/api/outreach/claims/resend", **bearer(member)).status_code == 403
    assert client.get("/api/outreach/claims", **bearer(member)).status_code == 403


def test_a_profile_is_claimed_once(programme, django_capture_on_commit_callbacks):
    """The second of two claims (a double submit, or two tabs) is refused and changes nothing."""
    from django.core.exceptions import ValidationError

    _import(django_capture_on_commit_callbacks)
    student = Student.objects.get(user__email="madina.k@york.ac.uk")
    claim = {"language": "kk", "consent": True, "matching": False, "purposes": []}
    services.student_claim(student=student, password="first-long-passphrase", **claim)
    with pytest.raises(ValidationError, match="already been claimed"):
        services.student_claim(student=student, password="second-long-passphrase", **claim)
    student.user.refresh_from_db()
    assert student.user.check_password("first-long-passphrase")
    assert Consent.objects.filter(user=student.user).count() == 1  # the notice, once
