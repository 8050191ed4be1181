"""The outcomes part of a person's export: outcomes they recorded, confirmed or verified, the
stage changes they made, and the evidence files they uploaded (which stay with the outcome,
the organisation's record, when the account is deleted)."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from django.db.models import Q

from twinning.core.models import User
from twinning.core.privacy import records
from twinning.core.registry import ExportFile
from twinning.outcomes.models import Evidence, Outcome, StageChange


def personal_data(*, user: User) -> dict[str, Any]:
    outcomes = Outcome.objects.filter(
        Q(recorded_by=user) | Q(confirmed_by=user) | Q(verified_by=user)
    ).order_by("pk")
    return {
        "outcomes": records(outcomes),
        "stage_changes_i_made": records(StageChange.objects.filter(by=user).order_by("pk")),
        "evidence_i_uploaded": records(Evidence.objects.filter(uploaded_by=user).order_by("pk")),
    }


def personal_files(*, user: User) -> list[ExportFile]:
    return [
        ExportFile(name=f"outcomes/{item.pk}-{PurePosixPath(item.name).name}", file=item.file)
        for item in Evidence.objects.filter(uploaded_by=user).exclude(file="").order_by("pk")
    ]
