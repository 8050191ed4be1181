"""Retention of what core keeps: accounts nobody uses (warned by e-mail first), sign-ups never
confirmed, revoked API tokens. Each app registers its own kinds (`registry.register_retention`);
`retention_enforce` runs them all, for `manage.py enforce_retention` and its periodic task."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twinning.core import registry
from twinning.core.models import ApiToken, DeletionReceipt, User
from twinning.core.services import notify, user_delete

MONTH = dt.timedelta(days=30)


def _period(name: str) -> int:
    return int(settings.RETENTION[name])


def _idle_since(cutoff: dt.datetime) -> Q:
    return Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff)


def inactive_accounts(*, now: dt.datetime, dry_run: bool) -> list[str]:
    """Warn people idle for `inactive_account_months`; delete those warned long enough ago
    who have not signed in since. Operators are never removed this way."""
    cutoff = now - _period("inactive_account_months") * MONTH
    people = User.objects.filter(is_active=True, is_staff=False)
    # Signing in again after the warning cancels it.
    if not dry_run:
        people.filter(inactivity_warned_at__lt=F("last_login")).update(inactivity_warned_at=None)
    idle = people.filter(_idle_since(cutoff))
    grace = now - dt.timedelta(days=_period("inactive_warning_days"))
    lines = []
    for user in idle.filter(inactivity_warned_at__isnull=True).order_by("pk"):
        lines.append(f"warn account #{user.pk} (idle since {_idle_date(user)})")
        if not dry_run:
            context = {"warning_days": _period("inactive_warning_days")}
            notify(recipient=user, template="core/email/inactive_warning", context=context)
            User.objects.filter(pk=user.pk).update(inactivity_warned_at=now)
    for user in idle.filter(inactivity_warned_at__lt=grace).order_by("pk"):
        lines.append(f"delete account #{user.pk} (warned {user.inactivity_warned_at:%Y-%m-%d})")
        if not dry_run:
            try:
                user_delete(user=user, reason=DeletionReceipt.Reason.RETENTION)
            except ValidationError as refused:
                lines[-1] += f": kept, {' '.join(refused.messages)}"
    return lines


def _idle_date(user: User) -> str:
    return f"{(user.last_login or user.date_joined):%Y-%m-%d}"


def unconfirmed_sign_ups(*, now: dt.datetime, dry_run: bool) -> list[str]:
    """Accounts whose sign-up link was never followed: the link expired, the account goes."""
    cutoff = now - dt.timedelta(days=_period("unconfirmed_sign_up_days"))
    due = User.objects.filter(is_active=False, last_login__isnull=True, date_joined__lt=cutoff)
    lines = [f"delete unconfirmed sign-up #{user.pk}" for user in due.order_by("pk")]
    if not dry_run:
        due.delete()
    return lines


def revoked_tokens(*, now: dt.datetime, dry_run: bool) -> list[str]:
    cutoff = now - dt.timedelta(days=_period("revoked_token_days"))
    due = ApiToken.objects.filter(revoked_at__lt=cutoff)
    lines = [f"delete revoked API token {token.prefix}… #{token.pk}" for token in due]
    if not dry_run:
        due.delete()
    return lines


def register() -> None:
    registry.register_retention(
        name="core.inactive_accounts", label=_("Inactive accounts"), run=inactive_accounts
    )
    registry.register_retention(
        name="core.unconfirmed_sign_ups", label=_("Sign-ups never confirmed"),
        run=unconfirmed_sign_ups,
    )  # fmt: skip
    registry.register_retention(
        name="core.revoked_tokens", label=_("Revoked API tokens"), run=revoked_tokens
    )


Progress = Callable[[int, int, str], None]


def retention_enforce(
    *, dry_run: bool = False, now: dt.datetime | None = None, progress: Progress | None = None
) -> dict[str, list[str]]:
    """Run every retention rule; returns what each removed (or, with `dry_run`, would)."""
    now = now or timezone.now()
    rules = registry.retention_rules()
    done: dict[str, list[str]] = {}
    for number, rule in enumerate(rules, start=1):
        if progress is not None:
            progress(number - 1, len(rules), str(rule.label))
        done[rule.name] = rule.run(now=now, dry_run=dry_run)
    if progress is not None:
        progress(len(rules), len(rules), "")
    return done
