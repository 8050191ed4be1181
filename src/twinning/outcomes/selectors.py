"""Reads for the partnership register: one outcome, the lists, what someone may link to."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from django.db.models import Prefetch, Q, QuerySet

from twinning.events.selectors_outcomes import (
    meeting_partner_ids,
    meetings_between,
    meetings_with_parties,
)
from twinning.introductions.selectors import introduction_partner_ids, introductions_between
from twinning.organisations.selectors import organisation_ids_of_user, organisations_by_ids
from twinning.outcomes.models import (
    Evidence,
    FollowUp,
    ImportRun,
    LocalContentMethod,
    Outcome,
    StageChange,
)
from twinning.visits.selectors import session_partner_ids, sessions_between

if TYPE_CHECKING:
    from twinning.core.models import User
    from twinning.events.models import Meeting
    from twinning.introductions.models import Introduction
    from twinning.organisations.models import Organisation
    from twinning.visits.models import Session

LISTING = (
    "reporter__region", "reporter__side", "partner__region", "partner__side",
    "local_content_method",
)  # fmt: skip


def _listing(queryset: QuerySet[Outcome]) -> QuerySet[Outcome]:
    return queryset.select_related(*LISTING)


def outcome_get(*, pk: int) -> Outcome | None:
    queryset = _listing(Outcome.objects.filter(pk=pk)).select_related(
        "introduction", "recorded_by", "confirmed_by", "verified_by"
    )
    return queryset.prefetch_related(
        Prefetch("meetings", queryset=meetings_with_parties()),
        "visit_sessions__visit",
        Prefetch("stage_changes", queryset=StageChange.objects.select_related("by")),
        Prefetch("evidence", queryset=Evidence.objects.select_related("uploaded_by")),
    ).first()


def outcome_record(*, outcome: Outcome) -> dict[str, list[Any]]:
    """What the outcome's page lists beside it: its stage history, evidence, meetings and visit
    sessions (read with it by `outcome_get`)."""
    return {
        "history": list(outcome.stage_changes.all()),
        "evidence": list(outcome.evidence.all()),
        "meetings": list(outcome.meetings.all()),
        "visit_sessions": list(outcome.visit_sessions.all()),
    }


def outcomes_for_user(*, user: User) -> QuerySet[Outcome]:
    """Outcomes either of the user's organisations is a party to."""
    mine = organisation_ids_of_user(user=user)
    return _listing(Outcome.objects.filter(Q(reporter_id__in=mine) | Q(partner_id__in=mine)))


def outcomes_awaiting(*, user: User) -> QuerySet[Outcome]:
    """Outcomes the user's organisations are asked to confirm."""
    mine = organisation_ids_of_user(user=user)
    return _listing(
        Outcome.objects.filter(
            partner_id__in=mine,
            confirmation=Outcome.Confirmation.PENDING,
            verified_at__isnull=True,
        )
    )


def outcomes_all(
    *, programme_id: int | None = None, stage: str = "", confirmation: str = "",
    verified: bool | None = None,
) -> QuerySet[Outcome]:  # fmt: skip
    queryset = Outcome.objects.all()
    if programme_id:
        queryset = queryset.filter(programme_id=programme_id)
    if stage:
        queryset = queryset.filter(stage=stage)
    if confirmation:
        queryset = queryset.filter(confirmation=confirmation)
    if verified is not None:
        queryset = queryset.filter(verified_at__isnull=not verified)
    return _listing(queryset)


def local_content_methods() -> QuerySet[LocalContentMethod]:
    return LocalContentMethod.objects.all()


def local_content_method_get(*, pk: int) -> LocalContentMethod | None:
    return LocalContentMethod.objects.filter(pk=pk).first()


class Links(NamedTuple):
    """What an outcome between two organisations may come from."""

    introductions: list[Introduction]
    meetings: list[Meeting]
    sessions: list[Session]


def links_available(*, first_id: int, second_id: int) -> Links:
    """Accepted introductions, live brokerage meetings and the visit sessions both sat in."""
    return Links(
        list(introductions_between(first_id=first_id, second_id=second_id)),
        list(meetings_between(first_id=first_id, second_id=second_id)),
        list(sessions_between(first_id=first_id, second_id=second_id)),
    )


def follow_up_get(*, token: str) -> FollowUp | None:
    return (
        FollowUp.objects.select_related(
            "meeting__event", "registration__organisation", "registration__user", "outcome"
        )
        .filter(token=token)
        .first()
    )


def partner_choices(*, organisation_id: int) -> QuerySet[Organisation]:
    """Whom an organisation may record an outcome with: those it was introduced to or met, at a
    brokerage event or in a session of a visit."""
    ids = (
        introduction_partner_ids(organisation_id=organisation_id)
        | meeting_partner_ids(organisation_id=organisation_id)
        | session_partner_ids(organisation_id=organisation_id)
    )
    return organisations_by_ids(ids=ids)


def dashboard_panel(*, user: User) -> dict[str, Any] | None:
    """The personal dashboard's panel: outcomes waiting for the user's confirmation and, for
    operators, confirmed outcomes waiting to be verified; None when there are none."""
    waiting = list(outcomes_awaiting(user=user)[:5])
    to_verify = (
        outcomes_all(confirmation=Outcome.Confirmation.CONFIRMED, verified=False).count()
        if user.is_staff
        else 0
    )
    if not waiting and not to_verify:
        return None
    return {"waiting": waiting, "to_verify": to_verify}


def import_runs() -> QuerySet[ImportRun]:
    return ImportRun.objects.select_related("programme", "created_by")


def import_run_get(*, pk: int) -> ImportRun | None:
    return ImportRun.objects.filter(pk=pk).first()
