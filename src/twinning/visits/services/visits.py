"""A visit's life (draft → published → held, or cancelled), its people, venues and interpreters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from twinning.core.rules import require
from twinning.core.services import audit_log
from twinning.core.slugs import unique_slug
from twinning.events import services as events
from twinning.visits.models import LANGUAGE_CODES, Person, Session, TravelTime, Venue, Visit
from twinning.visits.selectors import itinerary_check
from twinning.visits.services.common import lock_visit, tell
from twinning.visits.states import VISIT_FLOW

if TYPE_CHECKING:
    from twinning.core.models import User
    from twinning.events.models import Interpreter
    from twinning.organisations.models import Organisation
    from twinning.programmes.models import Programme, Side

VISIT_FIELDS = {
    "title_en", "title_ru", "title_kk", "description", "starts_on", "ends_on",
    "delegation_language", "delegation_time_zone", "default_travel_minutes",
}  # fmt: skip


def languages_value(codes: Iterable[str]) -> str:
    wanted = {code.strip() for code in codes}
    return ",".join(code for code in LANGUAGE_CODES if code in wanted)


def _slug_taken(slug: str) -> bool:
    return Visit.objects.filter(slug=slug).exists()


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - VISIT_FIELDS
    if unknown:
        raise TypeError(f"unknown visit fields: {sorted(unknown)}")


@transaction.atomic
def visit_create(
    *,
    programme: Programme,
    by: User,
    title_en: str,
    host_side: Side,
    starts_on: dt.date,
    ends_on: dt.date,
    **fields: Any,
) -> Visit:
    """A draft visit, with the delegation-visit event that holds its interpreters."""
    require(by, "visits.create_visit")
    _check_fields(fields)
    slug = unique_slug(title_en, taken=_slug_taken, fallback="visit")
    visit = Visit(
        programme=programme, title_en=title_en, host_side=host_side, starts_on=starts_on,
        ends_on=ends_on, slug=slug, created_by=by, **fields,
    )  # fmt: skip
    visit.full_clean()
    visit.event = events.event_create(
        programme=programme, by=by, title_en=title_en, kind="delegation", is_public=False,
        starts_on=starts_on, ends_on=ends_on, time_zone=host_side.time_zone,
    )  # fmt: skip
    visit.save()
    audit_log(action="visit.create", actor=by, target=visit)
    return visit


@transaction.atomic
def visit_update(*, visit: Visit, by: User, **fields: Any) -> Visit:
    require(by, "visits.edit_itinerary", visit)
    _check_fields(fields)
    visit = lock_visit(visit)
    for name, value in fields.items():
        setattr(visit, name, value)
    visit.full_clean()
    visit.save()
    audit_log(action="visit.update", actor=by, target=visit, fields=sorted(fields))
    return visit


def _move(visit: Visit, by: User, permission: str, step: str) -> Visit:
    """Lock, check the rule, take the workflow's step (refused from any other state), audit."""
    visit = lock_visit(visit)
    require(by, permission, visit)
    VISIT_FLOW.move(visit, step)
    visit.save(update_fields=["state", "updated_at"])
    audit_log(action=f"visit.{visit.state}", actor=by, target=visit)
    return visit


@transaction.atomic
def visit_publish(*, visit: Visit, by: User, despite_warnings: bool = False) -> Visit:
    """Publish the itinerary; refused while it has warnings the operator has not seen through."""
    warnings = itinerary_check(visit=visit)
    if warnings and not despite_warnings:
        raise ValidationError(
            _("The itinerary has %(count)s warnings. Look at them, then publish anyway.")
            % {"count": len(warnings)}
        )
    return _move(visit, by, "visits.publish_visit", "publish")


@transaction.atomic
def visit_mark_held(*, visit: Visit, by: User) -> Visit:
    return _move(visit, by, "visits.mark_held", "hold")


@transaction.atomic
def visit_cancel(*, visit: Visit, by: User) -> Visit:
    """Cancel the visit: every session leaves everyone's calendar, and they are told."""
    visit = _move(visit, by, "visits.cancel_visit", "cancel")
    sessions = visit.sessions.exclude(status=Session.Status.CANCELLED)
    for session in sessions:
        session.sequence += 1
        session.save(update_fields=["sequence", "updated_at"])
    tell(visit.people.all(), "visit_cancelled", visit=visit)
    return visit


# ---------------------------------------------------------------- people


@transaction.atomic
def person_add(
    *,
    visit: Visit,
    by: User,
    team: str,
    name: str,
    email: str,
    role: str = "",
    organisation: Organisation | None = None,
    languages: Iterable[str] = ("en",),
    language: str = "en",
    user: User | None = None,
) -> Person:
    require(by, "visits.edit_itinerary", visit)
    person = Person(
        visit=visit, team=team, name=name.strip(), email=email.strip().lower(), role=role,
        organisation=organisation, languages=languages_value(languages) or language,
        language=language, user=user,
    )  # fmt: skip
    person.full_clean(validate_unique=False)
    lock_visit(visit)  # two people adding the same person at once: the later one is told
    if visit.people.filter(email__iexact=person.email).exists():
        raise ValidationError({"email": _("This person is already on the visit.")})
    person.save()
    audit_log(action="visit.person_add", actor=by, target=visit, email=person.email, team=team)
    return person


@transaction.atomic
def person_remove(*, person: Person, by: User) -> None:
    require(by, "visits.edit_itinerary", person.visit)
    audit_log(action="visit.person_remove", actor=by, target=person.visit, email=person.email)
    person.delete()


# ---------------------------------------------------------------- venues and travel


@transaction.atomic
def venue_create(
    *, programme: Programme, by: User, name: str, address: str, time_zone: str, contact: str = ""
) -> Venue:
    require(by, "visits.create_visit")
    venue = Venue(
        programme=programme, name=name.strip(), address=address.strip(),
        time_zone=time_zone.strip(), contact=contact,
    )  # fmt: skip
    venue.full_clean()
    venue.save()
    audit_log(action="visit.venue_create", actor=by, target=venue)
    return venue


@transaction.atomic
def travel_time_set(*, venue: Venue, other: Venue, by: User, minutes: int) -> TravelTime:
    require(by, "visits.create_visit")
    if venue.pk == other.pk:
        raise ValidationError({"other": _("Travel time joins two different venues.")})
    first, second = sorted((venue, other), key=lambda v: v.pk)
    try:
        travel, _created = TravelTime.objects.update_or_create(
            first=first, second=second, defaults={"minutes": minutes}
        )
    except IntegrityError as clash:
        raise ValidationError(_("Travel time joins two different venues.")) from clash
    audit_log(action="visit.travel_time_set", actor=by, target=first, other=second.pk)
    return travel


@transaction.atomic
def interpreter_add(
    *, visit: Visit, by: User, name: str, languages: Iterable[str], email: str = ""
) -> Interpreter:
    """Interpreters are the events' scheduled resource: they live on the visit's event."""
    require(by, "visits.edit_itinerary", visit)
    if visit.event is None:
        raise ValidationError(_("This visit has no event to hold its interpreters."))
    return events.interpreter_add(
        event=visit.event, by=by, name=name, languages=languages, email=email
    )
