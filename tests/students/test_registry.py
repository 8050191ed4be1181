"""Student sign-up as its own role, consents per purpose, the private CV, and bad input."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from tests.factories import region
from tests.students.factories import PDF, pdf, student
from tests.students.html_forms import post_form
from twinning.students import services
from twinning.students.models import Student, StudentConsent

pytestmark = pytest.mark.integration
SIGNUP = "/students/signup/"


def signup_changes(**extra):  # type: ignore[no-untyped-def]
    return {
        "full_name": "Dana Abenova",
        "email": "dana@leeds.ac.uk",
        "password1": "a-long-enough-passphrase",
        "password2": "a-long-enough-passphrase",
        "consent": "on",
        "university": "leeds-beckett",
        "course": "BA Business",
        "level": "undergraduate",
        "graduation_year": "2027",
        "home_region": str(region("astana").pk),
        "skills": "marketing, excel",
        "language_en": "B1",
        "language_ru": "native",
        "purposes": ["embassy_contact"],
        **extra,
    }


def test_sign_up_from_the_rendered_form_creates_a_student_with_dated_consents(client, db):
    response = post_form(client, SIGNUP, signup_changes(), files={"cv": pdf()})
    assert response.status_code == 302, response.content.decode()[:3000]
    who = Student.objects.get(user__email="dana@leeds.ac.uk")
    assert who.university == "leeds-beckett" and who.languages == {"en": "B1", "ru": "native"}
    assert who.cv.name.startswith("students/student/") and who.cv.read().startswith(b"%PDF-")
    consents = {c.purpose: c for c in who.consents.all()}
    assert set(consents) == {"embassy_contact"}
    assert consents["embassy_contact"].given_at is not None
    assert not who.user.memberships.exists()  # a student, not an organisation member


def test_the_cv_is_stored_outside_media_and_has_no_public_url(settings, aida):
    path = aida.cv.path
    assert str(settings.PRIVATE_MEDIA_ROOT) in path
    assert str(settings.MEDIA_ROOT) not in path
    with pytest.raises(ValueError):
        aida.cv.url  # noqa: B018


@pytest.mark.parametrize(
    ("changes", "files", "field", "message"),
    [
        ({}, {"cv": pdf("cv.pdf", b"GIF89a not a pdf")}, "cv", "The CV must be a PDF file."),
        ({"graduation_year": "1890"}, {}, "graduation_year", "between 1990 and 2040"),
        ({"graduation_year": "2199"}, {}, "graduation_year", "between 1990 and 2040"),
    ],
)
def test_bad_sign_up_input_saves_nothing_and_says_why(client, db, changes, files, field, message):
    response = post_form(client, SIGNUP, signup_changes(**changes), files=files)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Student.objects.exists()


def test_an_oversized_cv_is_refused_in_russian(client, db, settings):
    settings.STUDENTS_CV_MAX_BYTES = 1024
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    big = pdf("cv.pdf", PDF + b"0" * 2048)
    response = post_form(client, SIGNUP, signup_changes(), files={"cv": big})
    assert response.status_code == 200
    assert "Резюме слишком большое" in response.content.decode()
    assert not Student.objects.exists()


def test_the_service_refuses_a_non_pdf_even_without_the_form(db):
    with pytest.raises(ValidationError) as error:
        student(cv=False)  # the account itself is fine
        services.student_cv_upload(
            student=Student.objects.get(), by=Student.objects.get().user, cv=pdf("x.pdf", b"MZ")
        )
    assert "cv" in error.value.message_dict


def test_the_database_refuses_an_implausible_graduation_year(aida):
    with pytest.raises(IntegrityError), transaction.atomic():
        Student.objects.filter(pk=aida.pk).update(graduation_year=3000)


def test_consents_are_given_and_withdrawn_each_on_its_own_with_dates(aida):
    services.consent_give(student=aida, purpose="newsletter", by=aida.user)
    withdrawn = services.consent_withdraw(student=aida, purpose="newsletter", by=aida.user)
    assert withdrawn.withdrawn_at >= withdrawn.given_at
    assert services.has_consent(student=aida, purpose="embassy_contact")
    assert not services.has_consent(student=aida, purpose="newsletter")
    again = services.consent_give(student=aida, purpose="newsletter", by=aida.user)
    assert again.pk != withdrawn.pk  # the history keeps both
    assert aida.consents.filter(purpose="newsletter").count() == 2


def test_one_active_consent_per_purpose_in_the_database(aida):
    with pytest.raises(IntegrityError), transaction.atomic():
        StudentConsent.objects.create(student=aida, purpose="embassy_contact")


def test_nobody_else_changes_a_students_consents(aida, bolat):
    with pytest.raises(PermissionDenied):
        services.consent_withdraw(student=aida, purpose="embassy_contact", by=bolat.user)


def test_withdraw_from_the_profile_page(client, aida):
    client.force_login(aida.user)
    page = client.get("/students/me/").content.decode()
    assert "Contact by the embassy" in page
    response = client.post(
        "/students/me/consents/", {"purpose": "embassy_contact", "action": "withdraw"}
    )
    assert response.status_code == 302
    assert not services.has_consent(student=aida, purpose="embassy_contact")


def test_the_cv_is_served_to_its_owner_only(client, aida, bolat):
    client.force_login(aida.user)
    response = client.get(f"/students/{aida.pk}/cv/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert not aida.cv_views.exists()  # the student's own reading is not logged
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    client.force_login(bolat.user)
    assert client.get(f"/students/{aida.pk}/cv/").status_code == 403


@pytest.mark.parametrize("path", ["/students/{pk}/", "/students/{pk}/cv/"])
def test_a_student_cannot_read_another_student_by_id(client, aida, bolat, path):
    client.force_login(bolat.user)
    assert client.get(path.format(pk=aida.pk)).status_code == 403
    client.force_login(aida.user)
    assert client.get(path.format(pk=aida.pk)).status_code == 200


def test_signed_out_visitors_are_sent_to_log_in(client, aida):
    response = client.get(f"/students/{aida.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_profile_edit_from_the_rendered_form(client, aida):
    client.force_login(aida.user)
    response = post_form(client, "/students/me/", {"course": "MSc Finance"}, action="")
    assert response.status_code == 302
    aida.refresh_from_db()
    assert aida.course == "MSc Finance"


def test_the_sign_up_page_speaks_kazakh(client, db):
    with translation.override("kk"):
        client.cookies["django_language"] = "kk"
        page = client.get(SIGNUP).content.decode()
    assert "Студент ретінде тіркелу" in page


def test_deleting_the_account_removes_the_cv_file(aida, django_capture_on_commit_callbacks):
    from pathlib import Path

    from twinning.core.services import user_delete

    path = Path(aida.cv.path)
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=aida.user)
    assert not path.exists()
    assert not Student.objects.exists()


def test_release_to_one_employer_for_a_limited_time_with_a_view_log(client, aida, kazmunai):
    organisation, recruiter = kazmunai
    client.force_login(recruiter)
    assert client.get(f"/students/{aida.pk}/cv/").status_code == 403
    services.cv_release(student=aida, organisation=organisation, by=aida.user, days=7)
    response = client.get(f"/students/{aida.pk}/cv/")
    assert response.status_code == 200
    view = aida.cv_views.get()
    assert view.viewer == recruiter and "KazMunai" in view.organisation_name
    assert mail.outbox == []
    release = aida.cv_releases.get()
    assert release.until - release.created_at <= dt.timedelta(days=7, seconds=5)
    services.cv_release_revoke(release=release, by=aida.user)
    assert client.get(f"/students/{aida.pk}/cv/").status_code == 403
