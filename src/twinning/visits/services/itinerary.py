"""The itinerary: sessions, their people and interpreters; changes told to those in them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from twinning.core.rules import require
from twinning.core.services import audit_log
from twinning.visits.models import Person, Session, Visit
from twinning.visits.services.common import lock_session, session_people, tell
from twinning.visits.services.visits import languages_value
from twinning.visits.states import SESSION_FLOW

if TYPE_CHECKING:
    from twinning.core.models import User
    from twinning.programmes.models import Sector

SESSION_FIELDS = {
    "kind", "title_en", "title_ru", "title_kk", "topic", "venue", "starts_at", "ends_at",
    "interpreter_languages", "interpreter", "capacity", "talking_points",
}  # fmt: skip
# A change to one of these is a change to everyone's calendar entry.
CALENDAR_FIELDS = {"title_en", "title_ru", "title_kk", "venue", "starts_at", "ends_at"}


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - SESSION_FIELDS
    if unknown:
        raise TypeError(f"unknown session fields: {sorted(unknown)}")


def _clean_languages(fields: dict[str, Any]) -> None:
    if "interpreter_languages" not in fields:
        return
    value = fields["interpreter_languages"]
    codes = languages_value(value.split(",") if isinstance(value, str) else value)
    if codes and "," not in codes:
        raise ValidationError(
            {"interpreter_languages": _("Interpretation is between two languages, e.g. en,kk.")}
        )
    fields["interpreter_languages"] = codes


def _own_people(visit: Visit, people: Iterable[Person], field: str) -> list[Person]:
    people = list(people)
    if any(person.visit_id != visit.pk for person in people):
        raise ValidationError({field: _("Choose people of this visit.")})
    return people


def _check_interpreter(visit: Visit, fields: dict[str, Any]) -> None:
    interpreter = fields.get("interpreter")
    if interpreter is not None and interpreter.event_id != visit.event_id:
        raise ValidationError({"interpreter": _("Choose one of this visit's interpreters.")})


def _set_relations(
    session: Session,
    sectors: Iterable[Sector] | None,
    hosts: Iterable[Person] | None,
    delegates: Iterable[Person] | None,
) -> None:
    if sectors is not None:
        session.sectors.set(list(sectors))
    if hosts is not None:
        session.hosts.set(_own_people(session.visit, hosts, "hosts"))
    if delegates is not None:
        session.delegates.set(_own_people(session.visit, delegates, "delegates"))


@transaction.atomic
def session_create(
    *,
    visit: Visit,
    by: User,
    sectors: Iterable[Sector] = (),
    hosts: Iterable[Person] = (),
    delegates: Iterable[Person] | None = None,
    **fields: Any,
) -> Session:
    """A session; the whole delegation attends unless `delegates` says who."""
    require(by, "visits.edit_itinerary", visit)
    _check_fields(fields)
    _clean_languages(fields)
    _check_interpreter(visit, fields)
    session = Session(visit=visit, **fields)
    session.full_clean()
    session.save()
    if delegates is None:
        delegates = visit.people.filter(team=Person.Team.DELEGATION)
    _set_relations(session, sectors, hosts, delegates)
    audit_log(action="visit.session_create", actor=by, target=session)
    return session


@transaction.atomic
def session_update(
    *,
    session: Session,
    by: User,
    sectors: Iterable[Sector] | None = None,
    hosts: Iterable[Person] | None = None,
    delegates: Iterable[Person] | None = None,
    **fields: Any,
) -> Session:
    """Change a session. A new time, venue or title raises its calendar SEQUENCE; once the visit
    is published, the people in the session (and only they) are told."""
    require(by, "visits.edit_itinerary", session.visit)
    _check_fields(fields)
    _clean_languages(fields)
    session = lock_session(session)
    _check_interpreter(session.visit, fields)
    moved = {name for name, value in fields.items() if getattr(session, name) != value}
    for name, value in fields.items():
        setattr(session, name, value)
    before = session_people(session)
    if moved & CALENDAR_FIELDS:
        session.sequence += 1
    session.full_clean()
    session.save()
    _set_relations(session, sectors, hosts, delegates)
    audit_log(action="visit.session_update", actor=by, target=session, fields=sorted(moved))
    if moved & CALENDAR_FIELDS and session.visit.state == Visit.State.PUBLISHED:
        concerned = {p.pk: p for p in [*before, *session_people(session)]}
        tell(concerned.values(), "session_changed", session=session)
    return session


@transaction.atomic
def session_cancel(*, session: Session, by: User) -> Session:
    require(by, "visits.edit_itinerary", session.visit)
    session = lock_session(session)
    SESSION_FLOW.move(session, "cancel")
    session.sequence += 1
    session.save(update_fields=["status", "sequence", "updated_at"])
    audit_log(action="visit.session_cancel", actor=by, target=session)
    if session.visit.state == Visit.State.PUBLISHED:
        tell(session_people(session), "session_cancelled", session=session)
    return session
