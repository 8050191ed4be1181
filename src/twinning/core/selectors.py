"""Reads shared by every app."""

from django.db.models import Q, QuerySet

from twinning.core.models import ApiToken, AuditEntry, Consent, DeletionReceipt, JobProgress, User


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


def consents_of(*, user: User) -> QuerySet[Consent]:
    """The person's consents, active and withdrawn, by purpose then newest first."""
    return Consent.objects.filter(user=user).order_by("purpose", "-given_at", "-pk")


def consent_withdrawn(*, purpose: str) -> QuerySet[User]:
    """People who withdrew `purpose` and have not given it again: apps leave them out of what
    the purpose covers (e.g. `matching`: employers' lists of matching students)."""
    active = Consent.objects.filter(purpose=purpose, withdrawn_at__isnull=True).values("user_id")
    withdrawn = Consent.objects.filter(purpose=purpose, withdrawn_at__isnull=False)
    return User.objects.filter(pk__in=withdrawn.values("user_id")).exclude(pk__in=active)


def has_consent(*, user: User, purpose: str) -> bool:
    return Consent.objects.filter(user=user, purpose=purpose, withdrawn_at__isnull=True).exists()


def receipt_get(*, reference: str) -> DeletionReceipt | None:
    return DeletionReceipt.objects.filter(reference=reference).first()


def audit_entries(
    *, action: str = "", actor: str = "", subject: str = "", since: object = None
) -> QuerySet[AuditEntry]:
    """The audit log for operators, newest first: `actor` and `subject` match a name or
    e-mail (part of it), `action` the start of the action's name (`film.`, `user.delete`)."""
    entries = AuditEntry.objects.select_related("actor", "subject", "content_type")
    if action:
        entries = entries.filter(action__startswith=action)
    if actor:
        entries = entries.filter(
            Q(actor__email__icontains=actor) | Q(actor__full_name__icontains=actor)
        )
    if subject:
        entries = entries.filter(
            Q(subject__email__icontains=subject) | Q(subject__full_name__icontains=subject)
        )
    if since:
        entries = entries.filter(created_at__date__gte=since)
    return entries.order_by("-created_at", "-pk")


def audit_actions() -> list[str]:
    """The action names in use, for the audit page's filter."""
    return list(AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct())
