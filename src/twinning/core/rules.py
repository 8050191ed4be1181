"""Named permissions every app shares (django-rules)."""

import rules


@rules.predicate
def is_operator(user) -> bool:  # type: ignore[no-untyped-def]
    return bool(user.is_authenticated and user.is_staff)


rules.add_perm("core.operate", is_operator)
