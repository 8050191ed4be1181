"""Named permissions every app shares (django-rules)."""

from typing import Any

import rules
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


@rules.predicate
def is_operator(user) -> bool:  # type: ignore[no-untyped-def]
    return bool(user.is_authenticated and user.is_staff)


rules.add_perm("core.operate", is_operator)
rules.add_perm("core.view_public", rules.always_allow)
rules.add_perm("core.manage_own_account", rules.is_authenticated)
# The audit log names people and what was done to their data: operators only.
rules.add_perm("core.view_audit_log", is_operator)
# Answering a subject access request that came by post, for somebody who cannot sign in.
rules.add_perm("core.export_personal_data", is_operator)


def require(user, permission: str, obj: Any = None) -> None:  # type: ignore[no-untyped-def]
    """Refuse with PermissionDenied unless the named rule allows `user` to act on `obj`.

    Services call this rather than `user.has_perm`: Django's check lets a superuser through every
    rule, including a workflow's state conditions (publishing a draft, accepting for someone else).
    """
    if not rules.has_perm(permission, user, obj):
        raise PermissionDenied(_("You are not allowed to do this."))
