"""The students' part of a person's export and consent page.

The export has the student profile, consents, CV releases and who viewed the CV, fair
registrations, preferences, interviews, invitations and answers, welfare answers, position
feedback, and the CV file itself. Employers' notes about the student are in it too: notes and
ratings from an interview are personal data about the candidate, which the right of access
covers (GDPR Art. 15; the ICO treats interview notes so). The author's name is left out, as
Art. 15(4) protects other people's data; the employer's organisation is named.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from django.db import transaction

from twinning.core.models import User
from twinning.core.privacy import records
from twinning.core.registry import ConsentLine, ExportFile
from twinning.students.models import (
    CvRelease,
    CvView,
    EmployerNote,
    FairRegistration,
    Interview,
    Position,
    PositionFeedback,
    Preference,
    Student,
    StudentConsent,
    StudentInvitation,
    WelfareAnswer,
)
from twinning.students.services.registry import consent_withdraw


def personal_data(*, user: User) -> dict[str, Any]:
    positions = {"positions_i_created": records(Position.objects.filter(created_by=user))}
    student = Student.objects.filter(user=user).first()
    if student is None:
        return positions
    registrations = FairRegistration.objects.filter(student=student).order_by("pk")
    return {
        **positions,
        "student": records([student]),
        "consents": records(StudentConsent.objects.filter(student=student).order_by("pk")),
        "cv_releases": records(CvRelease.objects.filter(student=student).order_by("pk")),
        "cv_views": list(
            CvView.objects.filter(student=student)
            .order_by("viewed_at")
            .values("organisation_name", "viewed_at")
        ),
        "fair_registrations": records(registrations),
        "preferences": records(Preference.objects.filter(registration__in=registrations)),
        "interviews": records(Interview.objects.filter(registration__in=registrations)),
        "employer_notes_about_me": _notes(registrations),
        "event_invitations": records(StudentInvitation.objects.filter(student=student)),
        "welfare_answers": records(WelfareAnswer.objects.filter(student=student)),
        "position_feedback": records(PositionFeedback.objects.filter(student=student)),
    }


def _notes(registrations: Any) -> list[dict[str, Any]]:
    notes = EmployerNote.objects.filter(registration__in=registrations).select_related(
        "booth__organisation", "registration__fair__event"
    )
    return [
        {
            "fair": str(note.registration.fair.event),
            "employer": str(note.booth.organisation),
            "note": note.text,
            "rating": note.rating,
            "updated_at": note.updated_at,
        }
        for note in notes.order_by("pk")
    ]


def personal_files(*, user: User) -> list[ExportFile]:
    student = Student.objects.filter(user=user).exclude(cv="").first()
    if student is None:
        return []
    return [ExportFile(name=f"students/cv{PurePosixPath(student.cv.name).suffix}", file=student.cv)]


def consent_lines(*, user: User) -> list[ConsentLine]:
    """The student's consents per purpose (and per job fair for CV sharing), for the
    person's consent page."""
    consents = StudentConsent.objects.filter(student__user=user).select_related("fair__event")
    return [
        ConsentLine(
            key=str(consent.pk),
            purpose=f"{consent.get_purpose_display()}: {consent.fair.event}"
            if consent.fair
            else str(consent.get_purpose_display()),
            given_at=consent.given_at,
            withdrawn_at=consent.withdrawn_at,
        )
        for consent in consents.order_by("purpose", "-given_at")
    ]


@transaction.atomic
def consent_withdraw_by_key(*, user: User, key: str) -> bool:
    """Withdraw one of the person's own student consents; another person's is not found."""
    if not key.isdigit():
        return False
    consent = (
        StudentConsent.objects.filter(pk=int(key), student__user=user, withdrawn_at__isnull=True)
        .select_related("student", "fair")
        .first()
    )
    if consent is None:
        return False
    consent_withdraw(student=consent.student, purpose=consent.purpose, by=user, fair=consent.fair)
    return True


def fair_data_due(*, now: Any, dry_run: bool) -> list[str]:
    """Retention: CVs and fair data `cv_days_after_fair` days after each fair ended."""
    from django.conf import settings

    from twinning.students.services.retention import _expired_fairs, fair_data_delete_due

    days = settings.RETENTION["cv_days_after_fair"]
    fairs = _expired_fairs(now.date(), days)
    lines = [
        f"fair data and CVs of job fair #{fair.pk} (ended {fair.event.ends_on})" for fair in fairs
    ]
    if fairs and not dry_run:
        fair_data_delete_due(today=now.date(), days=days)
    return lines
