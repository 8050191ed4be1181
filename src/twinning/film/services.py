"""Writes for film: estimates from the database rules, and the application workflow.

Every transition is one function: it locks the application, checks the permission, changes the
state, writes the audit log and notifies, all in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.core.rules import require
from twinning.core.selectors import operators
from twinning.core.services import audit_log, notify
from twinning.core.uploads import check_document
from twinning.film.estimator import Estimate, estimate
from twinning.film.models import (
    FILM_FLOW,
    MAX_DOCUMENT_BYTES,
    ApplicationBudgetLine,
    ApplicationDocument,
    FilmApplication,
)
from twinning.film.production import BudgetLine, Production
from twinning.film.rates import MissingRate
from twinning.film.report import estimate_document
from twinning.film.selectors import (
    application_lines,
    application_production,
    rate_table_from_database,
    rulebook_from_database,
)
from twinning.organisations.registry import validate_kz_bin
from twinning.organisations.selectors import organisation_members

if TYPE_CHECKING:
    from twinning.core.models import User
    from twinning.organisations.models import Organisation


def estimate_production(
    *, production: Production, lines: Sequence[BudgetLine], on: dt.date | None = None
) -> Estimate:
    """Estimate with the rules and rates operators maintain; ValidationError if a rate lacks."""
    try:
        return estimate(
            production, lines, rulebook_from_database(), rate_table_from_database(),
            on or timezone.localdate(),
        )  # fmt: skip
    except MissingRate as missing:
        raise ValidationError(
            _(
                "No exchange rate converts %(from)s to %(to)s on %(date)s. Ask an operator to "
                "add one, or use another currency."
            )
            % {"from": missing.from_currency, "to": missing.to_currency, "date": missing.on}
        ) from missing


# Applications


def _lock(application: FilmApplication) -> FilmApplication:
    """Re-read the row under a lock so that two people cannot move it at once."""
    return (
        FilmApplication.objects.select_for_update()
        .select_related("organisation")
        .get(pk=application.pk)
    )


def _notify_applicants(application: FilmApplication) -> None:
    for membership in organisation_members(organisation=application.organisation):
        notify(
            recipient=membership.user,
            template="film/email/application_status",
            context={"application": application},
        )


def _clean_bin(value: str) -> str:
    try:
        return validate_kz_bin(value) if value.strip() else ""
    except ValidationError as invalid:
        raise ValidationError({"service_company_bin": invalid.messages}) from None


def _set_production(application: FilmApplication, production: Production) -> None:
    applicant = production.applicant
    application.title = production.title
    application.format = str(production.format)
    application.currency = production.currency
    application.total_core_expenditure = production.total_core_expenditure
    application.hours = production.hours
    application.shoot_start = production.shoot_start
    application.shoot_end = production.shoot_end
    application.foreign_legal_entity = applicant.foreign_legal_entity
    application.uk_certified = applicant.uk_certified
    application.uk_writer_or_director = applicant.uk_writer_or_director
    application.official_coproduction = applicant.official_coproduction


def _set_lines(application: FilmApplication, lines: Sequence[BudgetLine]) -> None:
    application.budget_lines.all().delete()
    ApplicationBudgetLine.objects.bulk_create(
        [_line_row(application, position, line) for position, line in enumerate(lines)]
    )


def _line_row(
    application: FilmApplication, position: int, line: BudgetLine
) -> ApplicationBudgetLine:
    return ApplicationBudgetLine(
        application=application, position=position, category=line.category,
        amount=line.amount, currency=line.currency, spent_in=str(line.spent_in),
        paid_to_resident=line.paid_to_resident, core=line.core,
    )  # fmt: skip


def _refresh_estimate(application: FilmApplication) -> None:
    result = estimate_production(
        production=application_production(application=application),
        lines=application_lines(application=application),
    )
    application.estimate = estimate_document(result)
    application.save(update_fields=["estimate", "updated_at"])


@transaction.atomic
def film_application_create(
    *,
    organisation: Organisation,
    by: User,
    production: Production,
    lines: Sequence[BudgetLine],
    shoot_plan: str = "",
    service_company_name: str = "",
    service_company_bin: str = "",
) -> FilmApplication:
    """A draft application for a studio, from an estimate's production and budget lines."""
    require(by, "film.create_application", organisation)
    application = FilmApplication(
        organisation=organisation,
        created_by=by,
        shoot_plan=shoot_plan,
        service_company_name=service_company_name,
        service_company_bin=_clean_bin(service_company_bin),
    )
    _set_production(application, production)
    application.save()
    _set_lines(application, lines)
    _refresh_estimate(application)
    audit_log(action="film_application.create", actor=by, target=application)
    return application


@transaction.atomic
def film_application_update(
    *,
    application: FilmApplication,
    by: User,
    production: Production | None = None,
    lines: Sequence[BudgetLine] | None = None,
    shoot_plan: str | None = None,
    service_company_name: str | None = None,
    service_company_bin: str | None = None,
) -> FilmApplication:
    """Change a draft (or an application returned for changes); None leaves a part as it is."""
    application = _lock(application)
    require(by, "film.edit_application", application)
    if production is not None:
        _set_production(application, production)
    if shoot_plan is not None:
        application.shoot_plan = shoot_plan
    if service_company_name is not None:
        application.service_company_name = service_company_name
    if service_company_bin is not None:
        application.service_company_bin = _clean_bin(service_company_bin)
    application.save()
    if lines is not None:
        _set_lines(application, lines)
    _refresh_estimate(application)
    audit_log(action="film_application.update", actor=by, target=application)
    return application


@transaction.atomic
def film_application_submit(*, application: FilmApplication, by: User) -> FilmApplication:
    application = _lock(application)
    require(by, "film.submit_application", application)
    if not application.budget_lines.exists():
        raise ValidationError(_("Add at least one budget line before submitting."))
    FILM_FLOW.move(application, "submit")
    application.submitted_at = timezone.now()
    application.save(update_fields=["state", "submitted_at", "updated_at"])
    _refresh_estimate(application)
    audit_log(action="film_application.submit", actor=by, target=application)
    for operator in operators():
        notify(
            recipient=operator,
            template="film/email/application_submitted",
            context={"application": application},
        )
    return application


def _move(
    application: FilmApplication, by: User, permission: str, transition: str, **fields: Any
) -> FilmApplication:
    """Lock, check, change the state and fields, audit and notify the studio's members."""
    application = _lock(application)
    require(by, permission, application)
    FILM_FLOW.move(application, transition)
    state = application.state
    for name, value in fields.items():
        setattr(application, name, value)
    application.save(update_fields=["state", *fields, "updated_at"])
    changes: dict[str, Any] = {name: str(value) for name, value in fields.items()}
    audit_log(action=f"film_application.{state}", actor=by, target=application, **changes)
    _notify_applicants(application)
    return application


def _required_text(value: str, field: str, message: str) -> str:
    if not value.strip():
        raise ValidationError({field: message})
    return value.strip()


@transaction.atomic
def film_application_start_review(*, application: FilmApplication, by: User) -> FilmApplication:
    return _move(application, by, "film.start_review", "start_review")


@transaction.atomic
def film_application_request_changes(
    *, application: FilmApplication, by: User, message: str
) -> FilmApplication:
    message = _required_text(
        message, "message", _("Say what should change, so the studio can fix it.")
    )
    return _move(
        application, by, "film.request_changes", "request_changes", changes_requested=message
    )


@transaction.atomic
def film_application_approve(
    *, application: FilmApplication, by: User, amount: Decimal, currency: str
) -> FilmApplication:
    if amount <= 0:
        raise ValidationError({"amount": _("The approved amount must be greater than zero.")})
    return _move(
        application, by, "film.decide_application", "approve",
        approved_amount=amount, approved_currency=currency.upper(),
    )  # fmt: skip


@transaction.atomic
def film_application_reject(
    *, application: FilmApplication, by: User, reason: str
) -> FilmApplication:
    reason = _required_text(reason, "reason", _("Give the reason for the rejection."))
    return _move(application, by, "film.decide_application", "reject", rejection_reason=reason)


@transaction.atomic
def film_application_mark_paid(
    *, application: FilmApplication, by: User, amount: Decimal, paid_on: dt.date
) -> FilmApplication:
    if amount <= 0:
        raise ValidationError({"amount": _("The paid amount must be greater than zero.")})
    return _move(
        application, by, "film.mark_paid", "mark_paid", paid_amount=amount, paid_on=paid_on
    )


# Documents


def _check_upload(upload: UploadedFile) -> str:
    return check_document(upload, limit=MAX_DOCUMENT_BYTES)


@transaction.atomic
def application_document_add(
    *, application: FilmApplication, by: User, kind: str, upload: UploadedFile
) -> ApplicationDocument:
    application = _lock(application)
    require(by, "film.edit_application", application)
    _check_upload(upload)
    if kind not in ApplicationDocument.Kind.values:
        raise ValidationError({"kind": _("Choose the document type.")})
    document = ApplicationDocument(
        application=application,
        kind=kind,
        original_name=Path(upload.name or "").name[:255],
        size=upload.size or 0,
        uploaded_by=by,
    )
    document.file.save(Path(upload.name or "document").name, upload, save=False)
    document.save()
    audit_log(
        action="film_application.document_add", actor=by, target=application,
        document=document.original_name, kind=kind,
    )  # fmt: skip
    return document


@transaction.atomic
def application_document_remove(*, document: ApplicationDocument, by: User) -> None:
    application = _lock(document.application)
    require(by, "film.edit_application", application)
    name = document.original_name
    document.file.delete(save=False)
    document.delete()
    audit_log(
        action="film_application.document_remove", actor=by, target=application, document=name
    )
