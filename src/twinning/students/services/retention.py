"""Deleting what a fair left behind once it is old enough: the students' kind of retention,
run by `manage.py enforce_retention` with every other kind (`students.privacy.fair_data_due`)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from twinning.core.services import audit_log
from twinning.students.models import JobFair, Student


def _expired_fairs(today: dt.date, days: int) -> list[JobFair]:
    cutoff = today - dt.timedelta(days=days)
    return list(
        JobFair.objects.filter(event__ends_on__lt=cutoff, data_deleted_at__isnull=True)
        .select_related("event")
        .order_by("pk")
    )


@transaction.atomic
def fair_data_delete_due(
    *, today: dt.date | None = None, days: int | None = None
) -> dict[str, int]:
    """For every fair that ended more than `days` ago (`RETENTION["cv_days_after_fair"]`):
    delete its registrations, preferences, shortlists, interviews and notes, and the CVs of
    students who took part and have no later fair; the fair itself stays as a record that it
    happened."""
    today = today or timezone.localdate()
    days = settings.RETENTION["cv_days_after_fair"] if days is None else days
    fairs = _expired_fairs(today, days)
    counts = {"fairs": len(fairs), "registrations": 0, "cvs": 0}
    for fair in fairs:
        students = list(
            Student.objects.filter(fair_registrations__fair=fair)
            .exclude(fair_registrations__fair__event__ends_on__gte=today - dt.timedelta(days=days))
            .exclude(cv="")
            .distinct()
        )
        for student in students:
            student.cv.delete(save=False)
            student.cv_uploaded_at = None
            student.save(update_fields=["cv", "cv_uploaded_at"])
        counts["cvs"] += len(students)
        counts["registrations"] += fair.registrations.count()
        fair.interviews.all().delete()
        fair.registrations.all().delete()
        fair.consents.all().delete()
        fair.data_deleted_at = timezone.now()
        fair.save(update_fields=["data_deleted_at"])
        audit_log(action="job_fair.data_deleted", actor=None, target=fair, students=len(students))
    return counts
