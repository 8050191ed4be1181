"""Writes on positions: create and edit, then the workflow draft → submitted → published,
rejected (with a reason) or closed; one transition function per move, as film's `_move`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.core.models import User
from twinning.core.rules import require
from twinning.core.services import audit_log
from twinning.students.models import Position
from twinning.students.workflows import POSITION

if TYPE_CHECKING:
    from twinning.organisations.models import Organisation
    from twinning.programmes.models import Sector

State = Position.State
FIELDS = (
    "title",
    "description",
    "language",
    "kind",
    "location",
    "skills",
    "languages",
    "closes_on",
)


def _search_text(position: Position) -> str:
    parts = [position.title, position.description, position.skills]
    return " ".join(p for p in parts if p).lower()


def _check(fields: dict[str, Any], *, today: dt.date | None = None) -> None:
    closes_on = fields.get("closes_on")
    if closes_on is not None and closes_on < (today or timezone.localdate()):
        raise ValidationError({"closes_on": _("The closing date cannot be in the past.")})
    codes = [c for c in str(fields.get("languages", "")).split(",") if c]
    if any(code not in {"en", "ru", "kk"} for code in codes):
        raise ValidationError({"languages": _("Use the codes en, ru and kk.")})


def _save(position: Position, sectors: Iterable[Sector] | None) -> Position:
    position.search_text = _search_text(position)
    position.full_clean(exclude=["organisation", "created_by"])
    position.save()
    if sectors is not None:
        position.sectors.set(list(sectors))
    return position


@transaction.atomic
def position_create(
    *, organisation: Organisation, by: User, sectors: Iterable[Sector] = (), **fields: Any
) -> Position:
    require(by, "students.create_position", organisation)
    _check(fields)
    position = Position(
        organisation=organisation, created_by=by, **{k: v for k, v in fields.items() if k in FIELDS}
    )
    _save(position, sectors)
    audit_log(action="position.create", actor=by, target=position)
    return position


@transaction.atomic
def position_update(
    *, position: Position, by: User, sectors: Iterable[Sector] | None = None, **fields: Any
) -> Position:
    position = _lock(position)
    require(by, "students.edit_position", position)
    _check(fields)
    for name, value in fields.items():
        if name in FIELDS:
            setattr(position, name, value)
    _save(position, sectors)
    audit_log(action="position.update", actor=by, target=position)
    return position


def _lock(position: Position) -> Position:
    return Position.objects.select_for_update().select_related("organisation").get(pk=position.pk)


def _move(position: Position, by: User, permission: str, step: str, **fields: Any) -> Position:
    """Lock, check the named rule, take the workflow's step (refused from any other state with a
    translated sentence), audit."""
    position = _lock(position)
    require(by, permission, position)
    POSITION.move(position, step)
    for name, value in fields.items():
        setattr(position, name, value)
    position.save(update_fields=["state", *fields, "updated_at"])
    audit_log(action=f"position.{position.state}", actor=by, target=position)
    return position


@transaction.atomic
def position_submit(*, position: Position, by: User) -> Position:
    return _move(position, by, "students.submit_position", "submit", rejection_reason="")


@transaction.atomic
def position_publish(*, position: Position, by: User) -> Position:
    return _move(position, by, "students.validate_position", "publish", published_at=timezone.now())


@transaction.atomic
def position_reject(*, position: Position, by: User, reason: str) -> Position:
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the rejection.")})
    return _move(
        position, by, "students.validate_position", "reject", rejection_reason=reason.strip()
    )


@transaction.atomic
def position_close(*, position: Position, by: User) -> Position:
    return _move(position, by, "students.close_position", "close")


def positions_close_due(*, today: dt.date | None = None) -> int:
    """Published positions past their closing date close (run by `close_positions`)."""
    today = today or timezone.localdate()
    return Position.objects.filter(state=State.PUBLISHED, closes_on__lt=today).update(
        state=State.CLOSED
    )
