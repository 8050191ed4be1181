"""Writes shared by every app: audit log, notifications, consent, job progress, sign-up."""

import hashlib
import html
import logging
import secrets
from collections.abc import Callable
from typing import IO, Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _

from twinning.core import privacy, registry
from twinning.core.models import (
    ApiToken,
    AuditEntry,
    Consent,
    DeletionReceipt,
    JobProgress,
    User,
)
from twinning.core.rules import require
from twinning.core.site import site_url

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int, str], None]


def audit_log(
    *,
    action: str,
    actor: User | None,
    target: models.Model | None = None,
    subject: User | None = None,
    **data: Any,
) -> AuditEntry:
    """Record who did what to which object, and whose personal data it was (`subject`: by
    default the target itself when it is a person, or the person it belongs to, `target.user`)."""
    content_type = ContentType.objects.get_for_model(target) if target is not None else None
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        content_type=content_type,
        object_id=str(target.pk) if target is not None else "",
        object_repr=str(target)[:200] if target is not None else "",
        subject=subject or _subject_of(target),
        data=data,
    )


def _subject_of(target: models.Model | None) -> User | None:
    if isinstance(target, User):
        return target
    owner = getattr(target, "user", None)
    return owner if isinstance(owner, User) else None


def header_safe(text: str) -> str:
    """One line fit for a mail header: line breaks, tabs and other control characters (which
    Django refuses in a subject, after the commit) become single spaces."""
    return " ".join("".join(" " if ord(c) < 32 or c == "\x7f" else c for c in text).split())


def notify(
    *, recipient: User, template: str, context: dict[str, Any], even_inactive: bool = False
) -> None:
    """E-mail one person in their own language, after the surrounding transaction commits.

    `template` names a pair `<template>_subject.txt` / `<template>.txt`. Inactive accounts get
    nothing, except the link that confirms a new account (`even_inactive`). The subject is made
    header-safe before the mail is built (a name or a title may carry a line break), and a mail
    server that fails is logged, never raised: what the request saved stays saved and the person
    who made it sees it succeed.
    """
    if not recipient.email or not (recipient.is_active or even_inactive):
        return
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        full_context = {"recipient": recipient, "site_url": site_url(), **context}
        # Plain-text mail: undo the escaping templates apply ("O'Neill", not "O&#x27;Neill").
        subject = header_safe(
            html.unescape(render_to_string(f"{template}_subject.txt", full_context))
        )
        body = html.unescape(render_to_string(f"{template}.txt", full_context)).replace("\x00", "")
    address = recipient.email
    transaction.on_commit(lambda: mail_send(subject, body, address, template=template))


def mail_send(subject: str, body: str, address: str, *, template: str = "") -> bool:
    """Send one plain-text mail now; a failure is logged (with the template, not the address)."""
    try:
        send_mail(header_safe(subject), body, settings.DEFAULT_FROM_EMAIL, [address])
    except Exception:  # any backend's failure: SMTP, connection, a refused header
        logger.exception("The %s e-mail could not be sent.", template or "notification")
        return False
    return True


def consent_record(
    *, user: User, version: str | None = None, purpose: str = Consent.Purpose.TERMS
) -> Consent:
    """Record a consent for one purpose under the current notice; one already in force stays."""
    if purpose not in Consent.Purpose.values:
        raise ValidationError({"purpose": _("Unknown purpose.")})
    version = version or settings.PRIVACY_NOTICE_VERSION
    existing = Consent.objects.filter(
        user=user, purpose=purpose, notice_version=version, withdrawn_at__isnull=True
    ).first()
    return existing or Consent.objects.create(user=user, purpose=purpose, notice_version=version)


@transaction.atomic
def consent_give(*, user: User, purpose: str) -> Consent:
    """The person agrees (again) to one purpose from their consent page."""
    User.objects.select_for_update().filter(pk=user.pk).first()
    consent = consent_record(user=user, purpose=purpose)
    audit_log(action="consent.give", actor=user, target=user, purpose=purpose)
    return consent


@transaction.atomic
def consent_withdraw(*, user: User, purpose: str) -> int:
    """Withdraw one purpose; it takes effect at once (e.g. no more matching on the profile).
    The terms cannot be withdrawn on their own: deleting the account does that."""
    if purpose == Consent.Purpose.TERMS or purpose not in Consent.Purpose.values:
        raise ValidationError({"purpose": _("This consent cannot be withdrawn here.")})
    User.objects.select_for_update().filter(pk=user.pk).first()
    withdrawn = Consent.objects.filter(
        user=user, purpose=purpose, withdrawn_at__isnull=True
    ).update(withdrawn_at=timezone.now())
    if withdrawn:
        audit_log(action="consent.withdraw", actor=user, target=user, purpose=purpose)
    return withdrawn


@transaction.atomic
def user_sign_up(
    *,
    email: str,
    password: str,
    full_name: str,
    language: str,
    consent: bool,
    then: str = "",
    matching: bool = True,
) -> User | None:
    """A new account, inactive until its owner follows the link e-mailed to the address (and
    then goes on to `then`, a path of the site).

    An address that already has an account gets no second one, and the caller answers exactly
    as for a new one, so that sign-up tells nobody which addresses have accounts: the owner is
    e-mailed that someone tried (an account never confirmed is sent its link again). None then.
    `matching` is the optional sign-up box: declined, it is recorded as withdrawn at once.
    """
    if not consent:
        raise ValueError("consent is required")
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        if existing.is_active:
            notify(recipient=existing, template="core/email/signup_attempt", context={})
        elif existing.last_login is None:
            _send_sign_up_link(user=existing, then=then)
        return None
    user = User.objects.create_user(
        email=email, password=password, full_name=full_name, language=language, is_active=False
    )
    consent_record(user=user)
    chosen = consent_record(user=user, purpose=Consent.Purpose.MATCHING)
    if not matching:  # declined at sign-up: recorded as such, so the person is left out
        Consent.objects.filter(pk=chosen.pk).update(withdrawn_at=chosen.given_at)
    audit_log(action="user.sign_up", actor=user, target=user)
    _send_sign_up_link(user=user, then=then)
    return user


def pending_account_args(user: User) -> list[str]:
    """The (uidb64, token) of a link for an account that waits for its owner, as
    `user_sign_up_pending` reads them back; the token stops working once the owner signs in."""
    return [urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)]


def _send_sign_up_link(*, user: User, then: str) -> None:
    link = reverse("core:signup_confirm", args=pending_account_args(user))
    query = f"?{urlencode({'next': then})}" if then else ""
    context = {"link": f"{site_url()}{link}{query}"}
    notify(
        recipient=user, template="core/email/signup_confirm", context=context, even_inactive=True
    )


def user_sign_up_pending(*, uidb64: str, token: str) -> User | None:
    """The account a sign-up link was made for, while it still waits for it (the link stops
    working once the account is confirmed: confirming signs in, which changes the token)."""
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, UnicodeDecodeError):
        return None
    user = User.objects.filter(pk=pk, is_active=False, last_login__isnull=True).first()
    if user is None or not default_token_generator.check_token(user, token):
        return None
    return user


@transaction.atomic
def user_sign_up_confirm(*, user: User) -> User:
    user.is_active = True
    user.save(update_fields=["is_active"])
    audit_log(action="user.sign_up_confirm", actor=user, target=user)
    return user


def job_start(*, kind: str, label: str = "", by: User | None = None, total: int = 0) -> JobProgress:
    return JobProgress.objects.create(kind=kind, label=label, started_by=by, total=total)


def job_update(*, job_id: int, done: int, total: int, message: str = "") -> None:
    JobProgress.objects.filter(pk=job_id).update(
        state=JobProgress.State.RUNNING, done=min(done, total), total=total, message=message[:300]
    )


@transaction.atomic
def job_advance(*, job_id: int, by: int, message: str = "") -> tuple[int, int]:
    """Count `by` more steps done, for work that several workers share; returns (done, total).
    The row is locked, so exactly one worker sees the bar complete."""
    job = JobProgress.objects.select_for_update().get(pk=job_id)
    job.done = min(job.done + by, job.total)
    job.state = JobProgress.State.RUNNING
    job.message = message[:300] or job.message
    job.save(update_fields=["done", "state", "message", "updated_at"])
    return job.done, job.total


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


@transaction.atomic
def user_update_profile(
    *, user: User, full_name: str, language: str, time_zone: str = "", phone: str = ""
) -> User:
    user.full_name = full_name
    user.language = language
    user.time_zone = time_zone
    user.phone = phone
    user.full_clean(exclude=["password", "username"])
    user.save(update_fields=["full_name", "language", "time_zone", "phone"])
    audit_log(action="user.update", actor=user, target=user)
    return user


PERSONAL_FIELDS = (
    "email", "full_name", "phone", "language", "time_zone", "date_joined", "last_login",
)  # fmt: skip


def user_export_data(*, user: User) -> dict[str, Any]:
    """Everything stored about one person, as JSON-ready data (the right of access).

    Core gives the account, its consents, tokens, the audit entries by or about the person and
    the history rows naming them; every app adds its part through `registry.register_export`
    (tests/core/test_privacy.py fails when an app with rows pointing at a person adds none).
    The password hash and token keys are never exported.
    """
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "user": {field: _plain(getattr(user, field)) for field in PERSONAL_FIELDS},
        "consents": [
            {"purpose": c.purpose, "notice_version": c.notice_version,
             "given_at": c.given_at, "withdrawn_at": c.withdrawn_at}
            for c in user.consents.order_by("given_at", "pk")
        ],
        "api_tokens": list(
            user.api_tokens.values("name", "prefix", "created_at", "last_used_at", "revoked_at")
        ),
        "audit_log": privacy.audit_about(user=user),
        "history": privacy.history_of(user=user),
    }  # fmt: skip
    for part in registry.export_parts():
        data[part.name] = part.data(user=user)
    return data


def user_export_archive(*, user: User, by: User | None = None) -> IO[bytes]:
    """The export as one ZIP: `data.json` and the person's own uploaded files under `files/`.
    `by` is the operator answering a request made by post (core.export_personal_data)."""
    if by is not None:
        require(by, "core.export_personal_data", user)
    data = user_export_data(user=user)
    archive = privacy.archive_write(data=data, files=privacy.export_files(user=user))
    audit_log(action="user.export", actor=by or user, target=user)
    return archive


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


@transaction.atomic
def user_delete(*, user: User, reason: str = DeletionReceipt.Reason.REQUEST) -> DeletionReceipt:
    """Delete an account and the personal data hanging from it (the right to erasure); returns
    the receipt (what went, when, a reference number), which names nobody.

    Refused while an app registered a reason against it (`core.registry`), e.g. the person is
    the only owner of an organisation, which would be left with nobody able to manage it. All or
    nothing: one transaction, and the stored files go only after it commits.
    """
    refusals = registry.deletion_refusals(user=user)
    if refusals:
        raise ValidationError(refusals)
    User.objects.select_for_update().filter(pk=user.pk).first()
    registry.deletion_hooks_run(user=user)
    counts, files = privacy.deletion_plan(user=user)
    scrubbed = {
        "history": privacy.history_scrub(user=user),
        "audit": privacy.audit_scrub(user=user),
    }
    user.delete()
    receipt = DeletionReceipt.objects.create(
        reference=privacy.receipt_reference(),
        reason=reason,
        summary={**counts, "files": len(files), **scrubbed},
    )
    privacy.files_remove_on_commit(files)
    audit_log(action="user.delete", actor=None, target=receipt, reason=reason)
    return receipt


def _token_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new API token and its key; the key is never stored and cannot be shown again."""
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100] or "API", prefix=key[:8], key_hash=_token_hash(key)
    )
    audit_log(action="api_token.create", actor=user, target=token)
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, by: User) -> ApiToken:
    if token.user_id != by.pk and not by.is_staff:
        raise PermissionDenied(_("You are not allowed to do this."))
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_log(action="api_token.revoke", actor=by, target=token)
    return token


def api_token_authenticate(*, key: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_token_hash(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
