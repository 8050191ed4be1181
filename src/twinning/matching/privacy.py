"""The matching part of a person's export: the feedback they gave on recommendations."""

from __future__ import annotations

from typing import Any

from twinning.core.models import User
from twinning.core.privacy import records
from twinning.matching.models import Feedback


def personal_data(*, user: User) -> dict[str, Any]:
    return {"feedback_i_gave": records(Feedback.objects.filter(by=user).order_by("pk"))}
