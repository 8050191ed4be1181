"""Reads shared by every app."""

from django.db.models import QuerySet

from twinning.core.models import AuditEntry, JobProgress, User


def job_get(*, job_id: int) -> JobProgress | None:
    return JobProgress.objects.filter(pk=job_id).first()


def audit_for(*, target_type: str, object_id: int | str) -> QuerySet[AuditEntry]:
    app_label, model = target_type.split(".")
    return AuditEntry.objects.filter(
        content_type__app_label=app_label, content_type__model=model, object_id=str(object_id)
    ).select_related("actor")


def operators() -> QuerySet[User]:
    return User.objects.filter(is_staff=True, is_active=True)
