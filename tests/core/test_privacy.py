"""Privacy the person controls: the export archive, erasure with its receipt, consents per
purpose, and the operators' audit log (docs/security.md, "Privacy")."""

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests import html_forms
from tests.factories import MembershipFactory, UserFactory, side
from tests.students.factories import employer, job_fair, registered, student
from twinning.core import registry, services
from twinning.core.models import AuditEntry, Consent, DeletionReceipt, User
from twinning.film.models import IncentiveSource
from twinning.organisations.models import Membership
from twinning.students import selectors as student_selectors
from twinning.students.models import EmployerNote, Student
from twinning.visits.models import Person

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):  # type: ignore[no-untyped-def]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def archive_of(response) -> zipfile.ZipFile:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment")
    body = b"".join(response.streaming_content)
    return zipfile.ZipFile(io.BytesIO(body))


def data_of(archive: zipfile.ZipFile) -> dict:  # type: ignore[type-arg]
    return json.loads(archive.read("data.json"))


@pytest.fixture
def aida(db):  # type: ignore[no-untyped-def]
    return student(name="Aida Nurlanovna")


@pytest.fixture
def fair(programme, operator):  # type: ignore[no-untyped-def]
    return job_fair(programme, operator)


# The export


def test_the_export_is_one_zip_with_everything_about_me_and_my_files(
    client, aida, programme, operator, fair
):
    from twinning.students import services as student_services

    organisation, recruiter = employer(programme, "KazMunai Recruiting LLP")
    booth = student_services.booth_add(
        fair=fair, organisation=organisation, by=operator, interviewers=1
    )
    registration = registered(fair, aida, share=True)
    EmployerNote.objects.create(
        booth=booth, registration=registration, text="Strong SQL.", rating=4, author=recruiter
    )
    source = IncentiveSource.objects.create(key="kz-law", title="Law")
    source.history.update(history_user=aida.user)  # an edit the person made
    client.force_login(aida.user)

    archive = archive_of(client.get(reverse("core:account_export")))
    data = data_of(archive)
    assert data["user"]["email"] == aida.user.email
    assert data["students"]["student"][0]["course"] == "MSc Data Science"
    assert data["students"]["fair_registrations"][0]["id"] == registration.pk
    note = data["students"]["employer_notes_about_me"][0]
    assert note == {**note, "employer": str(organisation), "note": "Strong SQL.", "rating": 4}
    assert recruiter.full_name not in json.dumps(note)  # the author is someone else's data
    assert {c["purpose"] for c in data["consents"]} >= {"terms"}
    assert any(e["action"] == "student.sign_up" or e["about_me"] for e in data["audit_log"])
    assert data["history"]["film.historicalincentivesource"][0]["fields"]["key"] == "kz-law"
    assert "files/students/cv.pdf" in archive.namelist() and data["files"]
    assert archive.read("files/students/cv.pdf").startswith(b"%PDF-")
    assert aida.user.password not in archive.read("data.json").decode()
    assert AuditEntry.objects.filter(action="user.export", subject=aida.user).exists()


def test_a_member_exports_their_organisations_data(member_client, member, organisation):
    data = data_of(archive_of(member_client.get(reverse("core:account_export"))))
    assert data["organisations"]["memberships"][0]["organisation"] == organisation.pk
    assert data["organisations"]["organisations"][0]["legal_name"] == organisation.legal_name
    assert "password" not in json.dumps(data["user"])


def test_the_export_reads_a_fixed_number_of_queries_however_much_there_is(member, organisation):
    """Many-to-many fields (an opportunity's sectors and regions) are read for all rows at once:
    row by row, a heavy person's export ran 1,171 queries (bench/privacy_export.py)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import OpportunityFactory

    counts = []
    for more in (1, 4):
        OpportunityFactory.create_batch(more, organisation=organisation)
        with CaptureQueriesContext(connection) as queries:
            data = services.user_export_data(user=member)
        counts.append(len(queries.captured_queries))
    listed = data["organisations"]["opportunities_of_my_organisations"]
    assert len(listed) == 5
    assert all(row["sectors"] for row in listed)
    assert counts[0] == counts[1], counts


def test_every_app_holding_rows_about_a_person_adds_its_part_to_the_export():
    """A new app with a foreign key to the user joins the export, or this fails."""
    user_model = get_user_model()
    holding = {
        model._meta.app_label
        for model in apps.get_models()
        if model.__module__.startswith("twinning.")
        and not model._meta.label.startswith("film.Historical")
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is user_model
    }
    exported = {part.name for part in registry.export_parts()} | {"core"}
    assert holding - exported == set()


def test_a_member_cannot_export_another_persons_data_by_id(client, member, outsider, operator):
    url = reverse("core:person_export", args=[outsider.pk])
    client.force_login(member)
    assert client.get(url).status_code == 403
    assert client.get(reverse("core:person_export", args=[member.pk])).status_code == 403
    client.force_login(operator)
    data = data_of(archive_of(client.get(url)))
    assert data["user"]["email"] == outsider.email
    entry = AuditEntry.objects.get(action="user.export", subject=outsider)
    assert entry.actor == operator


def test_operators_export_of_an_unknown_person_is_not_found(client, operator):
    client.force_login(operator)
    assert client.get(reverse("core:person_export", args=[999999])).status_code == 404


# Erasure


def test_deletion_scrubs_history_and_audit_and_files_and_leaves_a_receipt(
    client, aida, operator, programme, django_capture_on_commit_callbacks
):
    user = aida.user
    cv = Path(aida.cv.path)
    source = IncentiveSource.objects.create(key="kz-law", title="Law")
    source.history.update(history_user=user)
    Person.objects.create(
        visit=_visit(operator), team="guest", name=user.full_name, email=user.email, user=user
    )
    client.force_login(user)
    page = client.get(reverse("core:account_delete")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        form = html_forms.find(page, action="")
        response = client.post(
            reverse("core:account_delete"),
            form.submission(password="correct-horse-battery", confirm="on"),
        )
    receipt = DeletionReceipt.objects.get()
    assert response["Location"] == reverse("core:deletion_receipt", args=[receipt.reference])
    assert not User.objects.filter(pk=user.pk).exists() and not cv.exists()
    assert not Student.objects.exists() and not Person.objects.exists()
    assert source.history.get().history_user_id is None
    assert receipt.summary["students.student"] == 1 and receipt.summary["files"] == 1
    assert receipt.summary["history"] == 1
    about = AuditEntry.objects.filter(action__startswith="student.", object_id=str(aida.pk))
    assert about.exists() and not about.exclude(object_repr="").exists()
    stored = json.dumps(receipt.summary) + receipt.reference
    assert user.email not in stored and user.full_name not in stored
    shown = client.get(response["Location"]).content.decode()
    assert receipt.reference in shown and user.email not in shown
    assert "Students" in shown or "students" in shown


def _visit(operator):  # type: ignore[no-untyped-def]
    import datetime as dt

    from twinning.programmes.models import Programme
    from twinning.visits import services as visit_services

    return visit_services.visit_create(
        programme=Programme.objects.get(), by=operator, title_en="Delegation to Leeds",
        host_side=side("UK"), starts_on=dt.date(2026, 5, 1), ends_on=dt.date(2026, 5, 1),
        delegation_language="ru", delegation_time_zone="Asia/Almaty",
    )  # fmt: skip


def test_a_deletion_failing_half_way_leaves_everything_as_it_was(
    aida, django_capture_on_commit_callbacks
):
    user = aida.user
    cv = Path(aida.cv.path)
    source = IncentiveSource.objects.create(key="kz-law", title="Law")
    source.history.update(history_user=user)

    def fail(*, user):  # type: ignore[no-untyped-def]
        raise IntegrityError("a write that fails after the others")

    registry.register_deletion_hook(name="zz-failing", hook=fail)
    try:
        with (
            django_capture_on_commit_callbacks(execute=True) as callbacks,
            pytest.raises(IntegrityError),
        ):
            services.user_delete(user=user)
    finally:
        registry._deletion_hooks.pop("zz-failing")
    assert callbacks == []  # no file removal was scheduled to outlive the rollback
    assert User.objects.filter(pk=user.pk).exists() and Student.objects.filter(pk=aida.pk).exists()
    assert cv.exists() and source.history.get().history_user_id == user.pk
    assert not DeletionReceipt.objects.exists()
    assert AuditEntry.objects.filter(subject=user).exclude(object_repr="").exists()


def test_an_unknown_receipt_is_not_found(client, db):
    assert client.get(reverse("core:deletion_receipt", args=["DEL-NOPE"])).status_code == 404


def test_a_receipt_reference_cannot_be_guessed(db):
    references = {services.privacy.receipt_reference() for _ in range(50)}
    assert len(references) == 50 and all(len(r) == 16 for r in references)


# Consents per purpose


def test_the_consent_page_shows_what_i_agreed_to_and_when(client, aida):
    client.force_login(aida.user)
    page = client.get(reverse("core:consents")).content.decode()
    assert "Terms of use and privacy notice" in page
    assert "Contact by the embassy" in page  # the students app's purposes join the page


def test_withdrawing_matching_takes_the_student_out_of_employers_lists(
    client, aida, programme, operator, fair
):
    from twinning.students import services as student_services

    organisation, _recruiter = employer(programme)
    student_services.booth_add(fair=fair, organisation=organisation, by=operator, interviewers=1)
    registered(fair, aida, share=True)
    assert list(student_selectors.students_to_match(organisation_id=organisation.pk)) == [aida]
    client.force_login(aida.user)
    page = client.get(reverse("core:consents")).content.decode()
    forms = html_forms.forms_in(page)
    form = next(f for f in forms if f.submission().get("purpose") == ["matching"])
    response = client.post(reverse("core:consents"), form.submission())
    assert response.status_code == 302
    assert not Consent.objects.get(user=aida.user, purpose="matching").active
    assert list(student_selectors.students_to_match(organisation_id=organisation.pk)) == []
    # Giving it again puts the student back, with a new dated record.
    services.consent_give(user=aida.user, purpose="matching")
    assert list(student_selectors.students_to_match(organisation_id=organisation.pk)) == [aida]
    assert Consent.objects.filter(user=aida.user, purpose="matching").count() == 2


def test_withdrawing_cv_sharing_stops_the_employer_reading_the_cv(
    client, aida, programme, operator, fair
):
    from twinning.students import services as student_services

    organisation, recruiter = employer(programme)
    student_services.booth_add(fair=fair, organisation=organisation, by=operator, interviewers=1)
    registered(fair, aida, share=True)
    client.force_login(recruiter)
    assert client.get(f"/students/{aida.pk}/cv/").status_code == 200
    consent = aida.consents.get(purpose="fair_cv", withdrawn_at__isnull=True)
    client.force_login(aida.user)
    page = client.get(reverse("core:consents")).content.decode()
    assert f'value="{consent.pk}"' in page
    data = {"source": "students", "key": str(consent.pk)}
    response = client.post(reverse("core:consents"), data)
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    client.force_login(recruiter)
    assert client.get(f"/students/{aida.pk}/cv/").status_code == 403


def test_nobody_withdraws_another_persons_consent_by_id(client, aida, db):
    other = student(name="Bolat Serikuly")
    consent = other.consents.get(purpose="embassy_contact")
    client.force_login(aida.user)
    response = client.post(reverse("core:consents"), {"source": "students", "key": consent.pk})
    assert response.status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_the_terms_are_not_withdrawn_on_their_own(user):
    services.consent_record(user=user)
    with pytest.raises(ValidationError):
        services.consent_withdraw(user=user, purpose="terms")
    assert Consent.objects.get(user=user, purpose="terms").active


def test_one_active_consent_per_purpose_is_kept_by_the_database(user):
    services.consent_record(user=user, purpose="marketing")
    with pytest.raises(IntegrityError), transaction.atomic():
        Consent.objects.create(user=user, purpose="marketing", notice_version="2026-11")


def test_a_withdrawal_cannot_come_before_the_consent(user):
    consent = services.consent_record(user=user, purpose="photos")
    consent.withdrawn_at = consent.given_at.replace(year=2000)
    with pytest.raises(IntegrityError), transaction.atomic():
        consent.save()


def test_a_bad_consent_form_changes_nothing(client, user):
    services.consent_record(user=user, purpose="marketing")
    client.force_login(user)
    response = client.post(reverse("core:consents"), {"purpose": "nonsense"}, follow=True)
    assert "Select a valid choice" in response.content.decode()
    assert Consent.objects.get(user=user, purpose="marketing").active


# The operators' audit log


def test_the_audit_log_is_for_operators_only(client, member, operator):
    url = reverse("core:audit_log")
    assert client.get(url).status_code == 302
    client.force_login(member)
    assert client.get(url).status_code == 403
    client.force_login(operator)
    assert client.get(url).status_code == 200


def test_the_audit_log_says_who_did_what_to_whose_data_and_filters(client, operator, aida):
    services.audit_log(action="student.cv_view", actor=operator, target=aida)
    other = UserFactory(full_name="Someone Else")
    services.audit_log(action="user.update", actor=other, target=other)
    client.force_login(operator)
    page = client.get(reverse("core:audit_log"), {"subject": "Aida"}).content.decode()
    assert "student.cv_view" in page and "Aida Nurlanovna" in page
    assert "Someone Else" not in page
    page = client.get(reverse("core:audit_log"), {"action": "user.update"}).content.decode()
    assert "Someone Else" in page and "student.cv_view" not in page


def test_the_audit_log_is_paginated(client, operator):
    for n in range(55):
        services.audit_log(action=f"test.n{n}", actor=operator, target=operator)
    client.force_login(operator)
    first = client.get(reverse("core:audit_log"), {"action": "test."})
    assert len(first.context["entries"]) == 50
    second = client.get(reverse("core:audit_log"), {"action": "test.", "page": 2})
    assert len(second.context["entries"]) == 5


@pytest.mark.pins("core:audit_log")
def test_the_audit_log_reads_in_a_fixed_number_of_queries(client, operator, pinned_queries):
    def grow():
        person = UserFactory()
        services.audit_log(action="user.update", actor=person, target=person)

    def check(response, rows):
        assert len(response.context["entries"]) == rows

    client.force_login(operator)
    url, query = reverse("core:audit_log"), {"action": "user.update"}
    assert pinned_queries(url, grow, data=query, check=check) == 8


def test_a_membership_deleted_with_the_account_is_counted_on_the_receipt(client, organisation):
    person = UserFactory()
    MembershipFactory(user=person, organisation=organisation, role=Membership.Role.MEMBER)
    receipt = services.user_delete(user=person)
    assert receipt.summary["organisations.membership"] == 1
