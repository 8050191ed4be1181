"""Writes shared by every app: audit log, notifications, consent, job progress, sign-up."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import translation

from twinning.core.models import AuditEntry, Consent, JobProgress, User

ProgressCallback = Callable[[int, int, str], None]


def audit_log(
    *, action: str, actor: User | None, target: models.Model | None = None, **data: Any
) -> AuditEntry:
    content_type = ContentType.objects.get_for_model(target) if target is not None else None
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        content_type=content_type,
        object_id=str(target.pk) if target is not None else "",
        object_repr=str(target)[:200] if target is not None else "",
        data=data,
    )


def notify(*, recipient: User, template: str, context: dict[str, Any]) -> None:
    """E-mail one person in their own language, after the surrounding transaction commits.

    `template` names a pair `<template>_subject.txt` / `<template>.txt`.
    """
    if not recipient.email or not recipient.is_active:
        return
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        full_context = {"recipient": recipient, "site_url": settings.SITE_URL, **context}
        subject = render_to_string(f"{template}_subject.txt", full_context).strip()
        body = render_to_string(f"{template}.txt", full_context)
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email])
    )


def consent_record(*, user: User, version: str | None = None) -> Consent:
    consent, _ = Consent.objects.get_or_create(
        user=user, notice_version=version or settings.PRIVACY_NOTICE_VERSION
    )
    return consent


@transaction.atomic
def user_sign_up(
    *, email: str, password: str, full_name: str, language: str, consent: bool
) -> User:
    if not consent:
        raise ValueError("consent is required")
    user = User.objects.create_user(
        email=email, password=password, full_name=full_name, language=language
    )
    consent_record(user=user)
    audit_log(action="user.sign_up", actor=user, target=user)
    return user


def job_start(*, kind: str, label: str = "", by: User | None = None, total: int = 0) -> JobProgress:
    return JobProgress.objects.create(kind=kind, label=label, started_by=by, total=total)


def job_update(*, job_id: int, done: int, total: int, message: str = "") -> None:
    JobProgress.objects.filter(pk=job_id).update(
        state=JobProgress.State.RUNNING, done=min(done, total), total=total, message=message[:300]
    )


def job_finish(*, job_id: int, result: dict[str, Any] | None = None, failed: bool = False) -> None:
    job = JobProgress.objects.get(pk=job_id)
    job.state = JobProgress.State.FAILED if failed else JobProgress.State.DONE
    job.done = job.total
    job.result = result or {}
    job.save(update_fields=["state", "done", "result", "updated_at"])


def job_progress_callback(job_id: int) -> ProgressCallback:
    def report(done: int, total: int, message: str = "") -> None:
        job_update(job_id=job_id, done=done, total=total, message=message)

    return report
