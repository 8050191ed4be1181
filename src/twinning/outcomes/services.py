"""Writes for the partnership register.

Every transition is one function: it locks the outcome, checks the named rule (which declares
the states it starts from), changes the row, keeps the dated history, writes the audit log and
e-mails the people concerned, in one transaction.
"""

from __future__ import annotations

import calendar
import datetime as dt
import tempfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.core.rules import require
from twinning.core.selectors import operators
from twinning.core.services import (
    audit_log,
    job_finish,
    job_progress_callback,
    job_start,
    notify,
)
from twinning.core.site import task_site
from twinning.core.spreadsheets import formula_warnings
from twinning.core.transitions import Workflow
from twinning.core.uploads import check_document
from twinning.events.selectors_outcomes import (
    meeting_organisation_ids,
    meetings_held_in_brokerage_days,
)
from twinning.film.rates import MissingRate
from twinning.film.selectors import rate_table_from_database
from twinning.organisations.selectors import organisation_members_of
from twinning.outcomes.imports import IMPORTERS, Importer
from twinning.outcomes.models import (
    CURRENCIES,
    MAX_EVIDENCE_BYTES,
    Evidence,
    FollowUp,
    ImportRun,
    LocalContentMethod,
    Outcome,
    StageChange,
)
from twinning.outcomes.workflows import CONFIRMATION, STAGES
from twinning.visits.selectors import sessions_between

if TYPE_CHECKING:
    from twinning.core.models import User
    from twinning.events.models import Meeting, Registration
    from twinning.introductions.models import Introduction
    from twinning.organisations.models import Organisation
    from twinning.programmes.models import Programme
    from twinning.visits.models import Session

Stage = Outcome.Stage
# A day the periodic command missed is caught up for this long.
FOLLOW_UP_CATCH_UP_DAYS = 7
Confirmation = Outcome.Confirmation


# Value ------------------------------------------------------------------------------------


def value_in_report_currencies(
    *, amount: Decimal, currency: str, on: dt.date
) -> tuple[Decimal, Decimal]:
    """(GBP, KZT) of an amount, from the product's one dated rate table (film's rates)."""
    table = rate_table_from_database()
    try:
        return (
            table.conversion(currency, "GBP", on).apply(amount),
            table.conversion(currency, "KZT", on).apply(amount),
        )
    except MissingRate as missing:
        raise ValidationError(
            {
                "rate_on": _(
                    "No exchange rate converts %(from)s to %(to)s on %(date)s. Ask an operator "
                    "to add one, or choose a later date."
                )
                % {"from": missing.from_currency, "to": missing.to_currency, "date": missing.on}
            }
        ) from missing


def _set_value(
    outcome: Outcome, amount: Decimal | None, currency: str, rate_on: dt.date | None
) -> None:
    if amount is None:
        outcome.amount, outcome.currency, outcome.rate_on = None, "", None
        outcome.value_gbp = outcome.value_kzt = None
        return
    if currency not in CURRENCIES:
        raise ValidationError({"currency": _("Choose GBP, KZT, USD or EUR.")})
    if amount < 0:
        raise ValidationError({"amount": _("A value cannot be negative.")})
    rate_on = rate_on or timezone.localdate()
    outcome.amount, outcome.currency, outcome.rate_on = amount, currency, rate_on
    outcome.value_gbp, outcome.value_kzt = value_in_report_currencies(
        amount=amount, currency=currency, on=rate_on
    )


def _set_local_content(
    outcome: Outcome, share: Decimal | None, method: LocalContentMethod | None
) -> None:
    if share is None:
        outcome.local_content_share, outcome.local_content_method = None, None
        return
    if method is None:
        raise ValidationError(
            {"local_content_method": _("Name the method the share was calculated with.")}
        )
    if not Decimal(0) <= share <= Decimal(100):
        raise ValidationError({"local_content_share": _("A share is a percentage from 0 to 100.")})
    outcome.local_content_share, outcome.local_content_method = share, method


# Links ------------------------------------------------------------------------------------


def _check_links(
    outcome: Outcome,
    introduction: Introduction | None,
    meetings: Sequence[Meeting],
    sessions: Sequence[Session] = (),
) -> None:
    pair = {outcome.reporter_id, outcome.partner_id}
    if introduction is not None and {introduction.requester_id, introduction.recipient_id} != pair:
        raise ValidationError(
            {"introduction": _("This introduction is not between the two organisations.")}
        )
    for meeting in meetings:
        if meeting_organisation_ids(meeting=meeting) != pair:
            raise ValidationError(
                {"meetings": _("A meeting chosen is not between the two organisations.")}
            )
    if sessions:
        both = {
            s.pk
            for s in sessions_between(first_id=outcome.reporter_id, second_id=outcome.partner_id)
        }
        if any(session.pk not in both for session in sessions):
            raise ValidationError(
                {
                    "visit_sessions": _(
                        "Both organisations must have taken part in each visit session chosen."
                    )
                }
            )


def _check_parties(reporter: Organisation, partner: Organisation) -> None:
    if reporter.pk == partner.pk:
        raise ValidationError({"partner": _("An outcome is between two different organisations.")})
    if reporter.programme_id != partner.programme_id:
        raise ValidationError({"partner": _("The partner belongs to another programme.")})


# Recording --------------------------------------------------------------------------------


@transaction.atomic
def outcome_record(
    *,
    reporter: Organisation,
    partner: Organisation,
    by: User,
    title: str,
    kind: str,
    stage: str = Stage.CONTACTED,
    stage_on: dt.date | None = None,
    description: str = "",
    introduction: Introduction | None = None,
    meetings: Sequence[Meeting] = (),
    visit_sessions: Sequence[Session] = (),
    amount: Decimal | None = None,
    currency: str = "",
    rate_on: dt.date | None = None,
    local_content_share: Decimal | None = None,
    local_content_method: LocalContentMethod | None = None,
    lost_reason: str = "",
) -> Outcome:
    """A new register entry by one party; the other party is asked to confirm it."""
    require(by, "outcomes.record", reporter)
    _check_parties(reporter, partner)
    outcome = Outcome(
        programme_id=reporter.programme_id, reporter=reporter, partner=partner,
        introduction=introduction, title=title.strip(), description=description.strip(),
        kind=kind, stage=stage, stage_on=stage_on or timezone.localdate(),
        lost_reason=lost_reason.strip(), recorded_by=by,
    )  # fmt: skip
    _check_links(outcome, introduction, meetings, visit_sessions)
    _set_value(outcome, amount, currency, rate_on)
    _set_local_content(outcome, local_content_share, local_content_method)
    outcome.full_clean(exclude=["meetings", "visit_sessions"])
    outcome.save()
    outcome.meetings.set(meetings)
    outcome.visit_sessions.set(visit_sessions)
    StageChange.objects.create(outcome=outcome, stage=stage, on=outcome.stage_on, by=by)
    audit_log(action="outcome.record", actor=by, target=outcome, stage=stage)
    _notify_members(outcome, outcome.partner_id, "outcomes/email/confirm_please")
    return outcome


def _lock(outcome: Outcome) -> Outcome:
    return Outcome.objects.select_for_update().get(pk=outcome.pk)


def _reopen(outcome: Outcome) -> list[str]:
    """A changed claim goes back to the partner, and any verification lapses."""
    outcome.confirmation = Confirmation.PENDING
    outcome.dispute_reason = ""
    outcome.confirmed_by = outcome.confirmed_at = None
    outcome.verified_by = outcome.verified_at = None
    outcome.verification_note = ""
    return ["confirmation", "dispute_reason", "confirmed_by", "confirmed_at",
            "verified_by", "verified_at", "verification_note"]  # fmt: skip


def _other_party(outcome: Outcome, by: User) -> int:
    """The party that did not act: members of the reporter act for it unless they are not."""
    members = set(organisation_members_of(organisation_id=outcome.reporter_id).values_list(
        "pk", flat=True
    ))  # fmt: skip
    return outcome.partner_id if by.pk in members else outcome.reporter_id


@transaction.atomic
def outcome_update(
    *,
    outcome: Outcome,
    by: User,
    title: str,
    kind: str,
    description: str = "",
    amount: Decimal | None = None,
    currency: str = "",
    rate_on: dt.date | None = None,
    local_content_share: Decimal | None = None,
    local_content_method: LocalContentMethod | None = None,
) -> Outcome:
    """Change what is claimed; the partner is asked to confirm again."""
    outcome = _lock(outcome)
    require(by, "outcomes.edit", outcome)
    outcome.title, outcome.kind, outcome.description = title.strip(), kind, description.strip()
    _set_value(outcome, amount, currency, rate_on)
    _set_local_content(outcome, local_content_share, local_content_method)
    _reopen(outcome)
    outcome.full_clean(exclude=["meetings", "visit_sessions"])
    outcome.save()
    audit_log(action="outcome.update", actor=by, target=outcome)
    _notify_members(outcome, _other_party(outcome, by), "outcomes/email/confirm_please")
    return outcome


@transaction.atomic
def outcome_link(
    *,
    outcome: Outcome,
    by: User,
    introduction: Introduction | None,
    meetings: Sequence[Meeting],
    visit_sessions: Sequence[Session] = (),
) -> Outcome:
    """Set what the outcome came from: an introduction, meetings and visit sessions of the two
    parties."""
    outcome = _lock(outcome)
    require(by, "outcomes.edit", outcome)
    _check_links(outcome, introduction, meetings, visit_sessions)
    outcome.introduction = introduction
    outcome.save(update_fields=["introduction", "updated_at"])
    outcome.meetings.set(meetings)
    outcome.visit_sessions.set(visit_sessions)
    audit_log(
        action="outcome.link", actor=by, target=outcome,
        introduction=introduction.pk if introduction else None,
        meetings=[m.pk for m in meetings], visit_sessions=[s.pk for s in visit_sessions],
    )  # fmt: skip
    return outcome


# Transitions ------------------------------------------------------------------------------


def _move(
    outcome: Outcome, by: User, permission: str, workflow: Workflow | None = None, **fields: Any
) -> Outcome:
    """Lock, check the rule, take the workflow's step (refused from an undeclared state), change
    the fields, audit."""
    outcome = _lock(outcome)
    require(by, permission, outcome)
    name = permission.split(".")[-1]
    if workflow is not None:
        workflow.move(outcome, name)
        fields[workflow.field] = getattr(outcome, workflow.field)
    for field, value in fields.items():
        setattr(outcome, field, value)
    outcome.full_clean(exclude=["meetings", "visit_sessions"])
    outcome.save(update_fields=[*fields, "updated_at"])
    changes: dict[str, Any] = {
        field: str(value) for field, value in fields.items() if not field.endswith("_by")
    }
    audit_log(action=f"outcome.{name}", actor=by, target=outcome, **changes)
    return outcome


@transaction.atomic
def outcome_move(
    *, outcome: Outcome, by: User, stage: str, on: dt.date, note: str = "", lost_reason: str = ""
) -> Outcome:
    """A later stage (or lost, with its reason), dated and kept in the history."""
    if stage not in Stage.values:
        raise ValidationError({"stage": _("Choose a stage.")})
    if stage == Stage.LOST and not lost_reason.strip():
        raise ValidationError({"lost_reason": _("Say why the partnership was lost.")})
    if on > timezone.localdate():
        raise ValidationError({"on": _("The date cannot be in the future.")})
    if on < outcome.stage_on:
        raise ValidationError(
            {"on": _("The date cannot be before the current stage's (%(date)s).")
             % {"date": outcome.stage_on}}
        )  # fmt: skip
    outcome = _move(
        outcome, by, f"outcomes.move_to_{stage}", STAGES,
        stage_on=on, lost_reason=lost_reason.strip(),
    )  # fmt: skip
    outcome.save(update_fields=_reopen(outcome))
    StageChange.objects.create(outcome=outcome, stage=stage, on=on, note=note.strip(), by=by)
    _notify_members(outcome, _other_party(outcome, by), "outcomes/email/confirm_please")
    return outcome


@transaction.atomic
def outcome_confirm(*, outcome: Outcome, by: User) -> Outcome:
    outcome = _move(
        outcome, by, "outcomes.confirm", CONFIRMATION, dispute_reason="",
        confirmed_by=by, confirmed_at=timezone.now(),
    )  # fmt: skip
    _notify_members(outcome, outcome.reporter_id, "outcomes/email/confirmed")
    for operator in operators():
        notify(recipient=operator, template="outcomes/email/verify_please",
               context={"outcome": outcome})  # fmt: skip
    return outcome


@transaction.atomic
def outcome_dispute(*, outcome: Outcome, by: User, reason: str) -> Outcome:
    if not reason.strip():
        raise ValidationError({"reason": _("Say what is wrong with this outcome.")})
    outcome = _move(
        outcome, by, "outcomes.dispute", CONFIRMATION, dispute_reason=reason.strip(),
        confirmed_by=by, confirmed_at=timezone.now(),
    )  # fmt: skip
    _notify_members(outcome, outcome.reporter_id, "outcomes/email/disputed")
    return outcome


@transaction.atomic
def outcome_verify(*, outcome: Outcome, by: User, note: str = "") -> Outcome:
    """An operator's word that the evidence bears the outcome out; it then counts as verified."""
    if not Evidence.objects.filter(outcome_id=outcome.pk).exists():
        raise ValidationError(_("Upload the evidence (a signed MoU, a contract) before verifying."))
    outcome = _move(
        outcome, by, "outcomes.verify",
        verified_by=by, verified_at=timezone.now(), verification_note=note.strip(),
    )  # fmt: skip
    for organisation_id in outcome.parties():
        _notify_members(outcome, organisation_id, "outcomes/email/verified")
    return outcome


# Evidence ---------------------------------------------------------------------------------


@transaction.atomic
def evidence_add(*, outcome: Outcome, by: User, upload: UploadedFile) -> Evidence:
    require(by, "outcomes.add_evidence", outcome)
    check_document(upload, limit=MAX_EVIDENCE_BYTES)
    name = Path(upload.name or "evidence").name[:200]
    evidence = Evidence(outcome=outcome, name=name, size=upload.size or 0, uploaded_by=by)
    evidence.file.save(name, upload, save=False)
    evidence.save()
    audit_log(action="outcome.evidence_add", actor=by, target=outcome, file=name)
    return evidence


# Notifications ----------------------------------------------------------------------------


def _notify_members(outcome: Outcome, organisation_id: int, template: str) -> None:
    for person in organisation_members_of(organisation_id=organisation_id):
        notify(recipient=person, template=template, context={"outcome": outcome})


# Follow-ups --------------------------------------------------------------------------------


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


@transaction.atomic
def follow_up_create(*, meeting: Meeting, registration: Registration, months: int) -> FollowUp:
    """Ask one participant, in their language, what became of one meeting (once per interval)."""
    follow_up, created = FollowUp.objects.get_or_create(
        meeting=meeting, registration=registration, months=months
    )
    if created:
        partner = meeting.request.recipient
        if partner.pk == registration.pk:
            partner = meeting.request.requester
        notify(
            recipient=registration.user,
            template="outcomes/email/follow_up",
            context={"follow_up": follow_up, "meeting": meeting, "partner": partner},
        )
    return follow_up


def follow_ups_send_due(*, today: dt.date, months: Sequence[int] | None = None) -> int:
    """Questions for every meeting held at a brokerage day that ended `months` ago (3 and 6 by
    default, FOLLOW_UP_MONTHS in settings); days missed within a week are caught up. Sending
    twice asks nobody twice."""
    sent = 0
    for interval in months or settings.FOLLOW_UP_MONTHS:
        until = months_before(today, interval)
        for meeting in meetings_held_in_brokerage_days(
            ended_from=until - dt.timedelta(days=FOLLOW_UP_CATCH_UP_DAYS), ended_until=until
        ):
            for registration in (meeting.request.requester, meeting.request.recipient):
                before = FollowUp.objects.filter(
                    meeting=meeting, registration=registration, months=interval
                ).exists()
                follow_up_create(meeting=meeting, registration=registration, months=interval)
                sent += not before
    return sent


@transaction.atomic
def follow_up_answer(*, follow_up: FollowUp, answer: str, comment: str = "") -> FollowUp:
    """Record the answer; "negotiation" or "agreement" proposes a register entry (the page then
    offers the outcome form filled in with the partner and the meeting)."""
    if answer not in FollowUp.Answer.values:
        raise ValidationError({"answer": _("Choose one of the answers.")})
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    follow_up.answer = answer
    follow_up.comment = comment.strip()
    follow_up.answered_at = timezone.now()
    follow_up.save(update_fields=["answer", "comment", "answered_at"])
    audit_log(action="follow_up.answer", actor=None, target=follow_up, answer=answer)
    return follow_up


# Web imports -------------------------------------------------------------------------------


def _read_upload(importer: Importer, upload: UploadedFile) -> list[tuple[int, dict[str, str]]]:
    suffix = Path(upload.name or "").suffix.lower()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        with path.open("wb") as copy:
            for chunk in upload.chunks():
                copy.write(chunk)
        try:
            return importer.read(path)
        except (ValueError, OSError) as error:  # ImportFileError and SpreadsheetError included
            raise ValidationError({"upload": str(error)}) from None


@transaction.atomic
def import_check(*, kind: str, programme: Programme, upload: UploadedFile, by: User) -> ImportRun:
    """The dry run: every row checked by the importer itself, nothing saved but the report."""
    require(by, "outcomes.operate")
    if kind not in IMPORTERS:
        raise ValidationError({"kind": _("Choose what to import.")})
    importer = IMPORTERS[kind]
    rows = _read_upload(importer, upload)
    result = importer.run(programme=programme, rows=rows, dry_run=True)
    problems = [{"row": p.row, "messages": list(p.messages)} for p in result.problems]
    run = ImportRun.objects.create(
        kind=kind, programme=programme, file_name=Path(upload.name or "").name[:200],
        rows=[[number, row] for number, row in rows], problems=problems, created_by=by,
        warnings=formula_warnings(rows),
        state=ImportRun.State.INVALID if problems or not rows else ImportRun.State.CHECKED,
    )  # fmt: skip
    audit_log(action="import.check", actor=by, target=run, rows=len(rows), bad=len(problems))
    return run


@transaction.atomic
def import_start(*, run: ImportRun, by: User) -> ImportRun:
    """Queue the checked file for the background worker; its job shows the progress."""
    require(by, "outcomes.operate")
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    if run.state != ImportRun.State.CHECKED:
        raise ValidationError(_("Only a file that passed its check can be imported."))
    job = job_start(kind=f"import.{run.kind}", label=run.file_name, by=by, total=len(run.rows))
    run.state, run.job = ImportRun.State.QUEUED, job
    run.save(update_fields=["state", "job"])
    audit_log(action="import.start", actor=by, target=run)
    from twinning.outcomes.tasks import run_import

    site = task_site()  # for the links an import mails (the students' claim links)
    transaction.on_commit(lambda: run_import.enqueue(run.pk, site=site))
    return run


def import_execute(*, run_id: int) -> ImportRun:
    """All or nothing, through the importer's own code (the same as its command)."""
    run = ImportRun.objects.select_related("programme").get(pk=run_id)
    importer = IMPORTERS[run.kind]
    rows = [(number, row) for number, row in run.rows]
    job_id = run.job_id or 0
    try:
        result = importer.run(
            programme=run.programme, rows=rows, dry_run=False,
            progress=job_progress_callback(job_id),
        )  # fmt: skip
    except Exception:
        run.state = ImportRun.State.FAILED
        run.save(update_fields=["state"])
        job_finish(job_id=job_id, failed=True)
        raise
    problems = [{"row": p.row, "messages": list(p.messages)} for p in result.problems]
    run.problems = problems
    run.state = ImportRun.State.FAILED if problems else ImportRun.State.DONE
    run.result = {"rows": result.rows, "created": result.created}
    run.save(update_fields=["problems", "state", "result"])
    job_finish(job_id=job_id, result=run.result, failed=bool(problems))
    return run
