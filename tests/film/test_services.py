import datetime as dt
from decimal import Decimal
from importlib import import_module

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import MembershipFactory, OperatorFactory, OrganisationFactory
from tests.film.builders import kz_line, production, uk_line
from twinning.core.selectors import audit_for
from twinning.film import services
from twinning.film.models import ApplicationDocument, FilmApplication

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

State = FilmApplication.State
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"


def new_application(studio, producer, **changes):
    return services.film_application_create(
        organisation=studio, by=producer, production=production(**changes),
        lines=[kz_line(600_000_000), uk_line(2_000_000)],
    )  # fmt: skip


def pdf(name="script.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _actions(application):
    entries = audit_for(target_type="film.filmapplication", object_id=application.pk)
    return list(entries.order_by("created_at", "pk").values_list("action", flat=True))


def _submitted(application, producer):
    return services.film_application_submit(application=application, by=producer)


def _under_review(application, producer, operator):
    _submitted(application, producer)
    return services.film_application_start_review(application=application, by=operator)


def test_a_studio_member_creates_a_draft_with_its_lines_and_estimate(studio, producer):
    application = new_application(studio, producer)

    assert application.state == State.DRAFT
    assert [line.category for line in application.budget_lines.all()] == ["Kazakh crew", "UK crew"]
    rebate = application.estimate["schemes"][0]
    assert (rebate["scheme"], rebate["base"]) == ("kz-rebate", "600000000.00")
    assert _actions(application) == ["film_application.create"]


def test_only_members_of_a_studio_may_create(studio, member, operator):
    company = member.organisations.get()  # a member of a company, not a studio
    for organisation, user in [(company, member), (studio, member), (studio, operator)]:
        with pytest.raises(PermissionDenied):
            new_application(organisation, user)
    assert not FilmApplication.objects.exists()


def _run_workflow(application, producer, operator):
    _submitted(application, producer)
    services.film_application_start_review(application=application, by=operator)
    services.film_application_request_changes(
        application=application, by=operator, message="Add the shooting schedule."
    )
    services.film_application_update(application=application, by=producer, shoot_plan="Almaty")
    _under_review(application, producer, operator)
    services.film_application_approve(
        application=application, by=operator, amount=Decimal("180000000"), currency="kzt"
    )
    return services.film_application_mark_paid(
        application=application, by=operator, amount=Decimal("180000000"),
        paid_on=dt.date(2026, 3, 2),
    )  # fmt: skip


def test_the_whole_workflow_is_audited_and_notified(
    application, producer, operator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        paid = _run_workflow(application, producer, operator)

    assert (paid.state, paid.approved_currency, paid.paid_on) == (
        State.PAID, "KZT", dt.date(2026, 3, 2),
    )  # fmt: skip
    assert _actions(application) == [
        "film_application.create", "film_application.submit", "film_application.under_review",
        "film_application.changes_requested", "film_application.update",
        "film_application.submit", "film_application.under_review", "film_application.approved",
        "film_application.paid",
    ]  # fmt: skip
    to_producer = [message.subject for message in mail.outbox if message.to == [producer.email]]
    assert len(to_producer) == 5
    assert "Paid" in to_producer[-1]
    to_operator = [message.subject for message in mail.outbox if message.to == [operator.email]]
    assert len(to_operator) == 2  # one per submission


def test_members_of_another_organisation_can_do_nothing(application, outsider):
    with pytest.raises(PermissionDenied):
        services.film_application_update(application=application, by=outsider, shoot_plan="x")
    with pytest.raises(PermissionDenied):
        _submitted(application, outsider)
    with pytest.raises(PermissionDenied):
        services.application_document_add(
            application=application, by=outsider, kind="script", upload=pdf()
        )
    application.refresh_from_db()
    assert (application.state, application.shoot_plan) == (State.DRAFT, "")


def test_a_member_of_a_second_studio_cannot_act_for_the_first(application, programme):
    other = MembershipFactory(organisation=OrganisationFactory(programme=programme, kind="studio"))
    with pytest.raises(PermissionDenied):
        _submitted(application, other.user)


def test_the_studio_cannot_decide_and_the_operator_cannot_submit(application, producer, operator):
    with pytest.raises(PermissionDenied):
        _submitted(application, operator)
    _under_review(application, producer, operator)
    with pytest.raises(PermissionDenied):
        services.film_application_approve(
            application=application, by=producer, amount=Decimal(1), currency="KZT"
        )
    with pytest.raises(PermissionDenied):
        services.film_application_update(application=application, by=producer, shoot_plan="x")


def test_steps_must_come_in_order(application, producer, operator):
    with pytest.raises(PermissionDenied):  # not submitted yet
        services.film_application_start_review(application=application, by=operator)
    _submitted(application, producer)
    with pytest.raises(PermissionDenied):  # the review has not started
        services.film_application_approve(
            application=application, by=operator, amount=Decimal(1), currency="KZT"
        )
    with pytest.raises(PermissionDenied):  # not approved
        services.film_application_mark_paid(
            application=application, by=operator, amount=Decimal(1), paid_on=dt.date.today()
        )


def test_a_rejection_needs_a_reason_and_an_approval_an_amount(application, producer, operator):
    _under_review(application, producer, operator)
    with pytest.raises(ValidationError):
        services.film_application_reject(application=application, by=operator, reason="  ")
    with pytest.raises(ValidationError):
        services.film_application_approve(
            application=application, by=operator, amount=Decimal(0), currency="KZT"
        )
    rejected = services.film_application_reject(
        application=application, by=operator, reason="Shot outside Kazakhstan."
    )
    assert (rejected.state, rejected.rejection_reason) == (
        State.REJECTED,
        "Shot outside Kazakhstan.",
    )


def test_submitting_needs_a_budget_line(studio, producer):
    application = services.film_application_create(
        organisation=studio, by=producer, production=production(), lines=[]
    )
    with pytest.raises(ValidationError, match="budget line"):
        _submitted(application, producer)


def test_the_service_company_bin_is_checked(application, producer):
    with pytest.raises(ValidationError) as refused:
        services.film_application_update(
            application=application, by=producer, service_company_bin="123456789012"
        )
    assert "service_company_bin" in refused.value.message_dict


def test_e_mails_go_out_in_the_recipients_language(
    application, producer, operator, django_capture_on_commit_callbacks
):
    producer.language = "ru"
    producer.save()
    with django_capture_on_commit_callbacks(execute=True):
        _under_review(application, producer, operator)
        services.film_application_approve(
            application=application, by=operator, amount=Decimal(1000), currency="KZT"
        )
        services.film_application_mark_paid(
            application=application, by=operator, amount=Decimal(1000), paid_on=dt.date(2026, 3, 2)
        )

    to_producer = [message for message in mail.outbox if message.to == [producer.email]]
    # Dates and numbers written the Russian way: the e-mail was rendered in Russian.
    assert "2 марта 2026" in to_producer[-1].body
    assert "KZT 1\xa0000,00" in to_producer[-1].body
    to_operator = [message for message in mail.outbox if message.to == [operator.email]]
    assert "Film application to review" in to_operator[0].subject


def _files(settings):
    roots = [settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT]
    return [path for root in roots if root.exists() for path in root.rglob("*") if path.is_file()]


def test_an_accepted_document_is_stored_and_audited(application, producer, settings):
    document = services.application_document_add(
        application=application, by=producer, kind="script", upload=pdf()
    )
    assert (document.original_name, document.size) == ("script.pdf", len(PDF))
    [stored] = _files(settings)
    # In the private folder, under a random name that says nothing about the upload.
    assert settings.PRIVATE_MEDIA_ROOT in stored.parents
    assert "script" not in stored.name and stored.suffix == ".pdf"
    assert _actions(application)[-1] == "film_application.document_add"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (pdf("budget.exe", b"MZ\x90\x00"), "Upload a PDF, Word (DOCX), Excel (XLSX), JPEG or PNG"),
        (pdf("budget.pdf", b"PK\x03\x04 not a pdf"), "The file's content is not PDF."),
        (pdf("big.pdf", PDF + b"0" * (10 * 1024 * 1024)), "the limit is 10.0"),
        (pdf("empty.pdf", b""), "The file is empty."),
    ],
)
def test_a_refused_document_says_why_and_nothing_is_saved(
    application, producer, settings, upload, message
):
    with pytest.raises(ValidationError) as refused:
        services.application_document_add(
            application=application, by=producer, kind="budget", upload=upload
        )
    assert message in " ".join(refused.value.messages)
    assert not ApplicationDocument.objects.exists()
    assert _files(settings) == []


def test_documents_can_be_removed_while_the_application_is_editable(application, producer):
    document = services.application_document_add(
        application=application, by=producer, kind="script", upload=pdf()
    )
    services.application_document_remove(document=document, by=producer)
    assert not ApplicationDocument.objects.exists()


def test_every_operator_is_notified_of_submissions(
    application, producer, operator, django_capture_on_commit_callbacks
):
    second = OperatorFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _submitted(application, producer)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [operator.email, second.email]
    )


def test_the_migration_moves_public_documents_to_private_storage(application, producer, settings):
    from django.apps import apps
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    move = import_module("twinning.film.migrations.0003_private_documents")
    old = default_storage.save("film/applications/2026/11/script.pdf", ContentFile(PDF))
    document = ApplicationDocument.objects.create(
        application=application, kind="script", file=old, original_name="script.pdf", size=len(PDF)
    )
    move.move_documents_to_private_storage(apps, None)
    document.refresh_from_db()
    assert document.file.name.startswith("film/applicationdocument/")
    assert "script" not in document.file.name
    assert document.file.read() == PDF
    assert not default_storage.exists(old)
    assert [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()] == []
