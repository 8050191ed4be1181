"""The introductions part of a person's export: those they asked for or decided, and those of
their organisations (the contact details revealed to them come with the organisations' rows)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from twinning.core.models import User
from twinning.core.privacy import records
from twinning.introductions.models import Introduction
from twinning.organisations.selectors import organisation_ids_of_user


def personal_data(*, user: User) -> dict[str, Any]:
    mine = organisation_ids_of_user(user=user)
    introductions = Introduction.objects.filter(
        Q(requested_by=user)
        | Q(decided_by=user)
        | Q(requester_id__in=mine)
        | Q(recipient_id__in=mine)
    )
    return {"introductions": records(introductions.distinct().order_by("pk"))}
