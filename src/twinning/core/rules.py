"""Named permissions every app shares (django-rules)."""

import rules


@rules.predicate
def is_operator(user) -> bool:  # type: ignore[no-untyped-def]
    return bool(user.is_authenticated and user.is_staff)


rules.add_perm("core.operate", is_operator)
rules.add_perm("core.view_public", rules.always_allow)
rules.add_perm("core.manage_own_account", rules.is_authenticated)
