"""Who belongs to an organisation: the one membership predicate every app's rules combine.

Other apps import these instead of writing their own query (the import contracts keep
`organisations.rules` to this app; this module is its public face for permissions).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import rules

from twinning.organisations import selectors


@rules.predicate
def is_member(user: Any, organisation: Any) -> bool:
    """The user belongs to `organisation` (any role)."""
    return organisation is not None and selectors.user_is_member(
        user=user, organisation_id=organisation.pk
    )


def is_member_of(organisation_id: Callable[[Any], int | None], *, name: str) -> rules.Predicate:
    """The user belongs to the organisation an object points at, e.g. an application's applicant:
    `is_member_of(lambda application: application.organisation_id, name="is_applicant")`."""

    def check(user: Any, obj: Any) -> bool:
        if obj is None:
            return False
        pk = organisation_id(obj)
        return pk is not None and selectors.user_is_member(user=user, organisation_id=pk)

    return rules.Predicate(check, name=name)


@rules.predicate
def faces(user: Any, organisation: Any) -> bool:
    """The user belongs to an organisation on the other side of `organisation`'s programme."""
    return organisation is not None and selectors.user_faces(user=user, organisation=organisation)
