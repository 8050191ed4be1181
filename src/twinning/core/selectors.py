"""Reads shared by every app."""

from django.db.models import QuerySet

from twinning.core.models import ApiToken, AuditEntry, JobProgress, User


def job_get(*, job_id: int) -> JobProgress | None:
    return JobProgress.objects.filter(pk=job_id).first()


def audit_for(*, target_type: str, object_id: int | str) -> QuerySet[AuditEntry]:
    app_label, model = target_type.split(".")
    return AuditEntry.objects.filter(
        content_type__app_label=app_label, content_type__model=model, object_id=str(object_id)
    ).select_related("actor")


def operators() -> QuerySet[User]:
    return User.objects.filter(is_staff=True, is_active=True)


def api_tokens_for(*, user: User) -> QuerySet[ApiToken]:
    """The user's API tokens still in use, newest first."""
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True)


def api_token_get(*, user: User, pk: int) -> ApiToken | None:
    return api_tokens_for(user=user).filter(pk=pk).first()


def user_get(*, pk: int) -> User | None:
    return User.objects.filter(pk=pk, is_active=True).first()
