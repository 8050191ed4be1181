"""Delegation visits: visits, itinerary sessions with their warnings, proposals, attendees and
RSVPs, my itinerary. The same rules as the pages; every write is one of the visits services."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.errors import HttpError

from twinning.api.auth import OPTIONAL
from twinning.api.schemas import Error, FieldErrors
from twinning.api.visits_schemas import (
    AnswerIn,
    AttendeeOut,
    InviteIn,
    ItineraryItemOut,
    ProposalOut,
    PublishIn,
    SessionChangeIn,
    SessionIn,
    SessionOut,
    VisitDetailOut,
    VisitIn,
    VisitOut,
    WarningOut,
)
from twinning.organisations.selectors import organisation_get
from twinning.programmes.selectors import programme_default, sectors_by_codes, side_get
from twinning.visits import selectors, services
from twinning.visits.models import Attendee, Session, Visit
from twinning.visits.proposing import proposals_in_words

router = Router(tags=["visits"])
EDIT = "visits.edit_itinerary"


def _visit(request: HttpRequest, slug: str, permission: str = "visits.view_visit") -> Visit:
    """The visit if the caller may see it (404 otherwise) and holds `permission` (else 403)."""
    visit = selectors.visit_get(slug=slug)
    if visit is None or not request.user.has_perm("visits.view_visit", visit):
        raise HttpError(404, _("Not found."))
    if not request.user.has_perm(permission, visit):
        raise HttpError(403, "Forbidden.")
    return visit


def _session(
    request: HttpRequest, slug: str, pk: int, permission: str = "visits.view_visit"
) -> Session:
    session = selectors.session_get(visit=_visit(request, slug), pk=pk)
    if session is None:
        raise HttpError(404, _("Not found."))
    target = session if permission == "visits.view_attendees" else session.visit
    if not request.user.has_perm(permission, target):
        raise HttpError(403, "Forbidden.")
    return session


def visit_out(visit: Visit) -> dict[str, Any]:
    return {
        "slug": visit.slug, "title": visit.title, "state": visit.state,
        "host_side": visit.host_side.code, "starts_on": visit.starts_on, "ends_on": visit.ends_on,
        "delegation_language": visit.delegation_language,
        "delegation_time_zone": visit.delegation_time_zone,
    }  # fmt: skip


def session_out(session: Session) -> dict[str, Any]:
    return {
        "id": session.pk, "kind": session.kind, "status": session.status, "title": session.title,
        "topic": session.topic, "venue": session.venue.name, "address": session.venue.address,
        "venue_time_zone": session.venue.time_zone, "starts_at": session.starts_at,
        "ends_at": session.ends_at, "sectors": [s.code for s in session.sectors.all()],
        "hosts": [p.name for p in session.hosts.all()],
        "interpreter_languages": session.language_pair, "capacity": session.capacity,
        "sequence": session.sequence,
    }  # fmt: skip


def attendee_out(attendee: Attendee) -> AttendeeOut:
    organisation = attendee.person.organisation
    return AttendeeOut(
        id=attendee.pk, session=attendee.session_id, name=attendee.person.name,
        organisation=organisation.slug if organisation else None, state=attendee.state,
        attended=attendee.attended,
    )  # fmt: skip


# ---------------------------------------------------------------- visits


@router.get("/visits", response=list[VisitOut], auth=OPTIONAL)
def visit_list(request: HttpRequest) -> list[dict[str, Any]]:
    """Published visits; with a token, also those I am part of (operators: all)."""
    return [visit_out(v) for v in selectors.visits_visible(user=request.user)]


@router.get("/visits/{slug}", response={200: VisitDetailOut, 404: Error}, auth=OPTIONAL)
def visit_detail(request: HttpRequest, slug: str) -> dict[str, Any]:
    visit = _visit(request, slug)
    return {
        **visit_out(visit),
        "sessions": [session_out(s) for s in selectors.sessions(visit=visit)],
    }


@router.post("/visits", response={201: VisitOut, 400: FieldErrors, 403: Error})
def visit_create(request: HttpRequest, payload: VisitIn) -> Status:
    if not request.user.has_perm("visits.create_visit"):
        raise HttpError(403, "Forbidden.")
    side, programme = side_get(code=payload.host_side), programme_default()
    if side is None or programme is None:
        raise ValidationError({"host_side": [_("No such side.")]})
    fields = payload.dict(exclude={"host_side"})
    visit = services.visit_create(programme=programme, by=request.user, host_side=side, **fields)
    return Status(201, visit_out(visit))


@router.get("/visits/{slug}/warnings", response={200: list[WarningOut], 403: Error, 404: Error})
def visit_warnings(request: HttpRequest, slug: str) -> list[WarningOut]:
    """What the operator is warned about before publishing: overlaps, travel, interpreters."""
    visit = _visit(request, slug, EDIT)
    return [
        WarningOut(kind=w.kind, text=w.text, sessions=list(w.sessions))
        for w in selectors.itinerary_check(visit=visit)
    ]


@router.post(
    "/visits/{slug}/publish", response={200: VisitOut, 400: FieldErrors, 403: Error, 404: Error}
)
def visit_publish(request: HttpRequest, slug: str, payload: PublishIn) -> dict[str, Any]:
    visit = _visit(request, slug, "visits.publish_visit")
    done = services.visit_publish(
        visit=visit, by=request.user, despite_warnings=payload.despite_warnings
    )
    return visit_out(done)


# ---------------------------------------------------------------- sessions


def _venue(visit: Visit, pk: int) -> Any:
    venue = selectors.venue_get(programme=visit.programme, pk=pk)
    if venue is None:
        raise ValidationError({"venue": [_("No such venue.")]})
    return venue


@router.post(
    "/visits/{slug}/sessions",
    response={201: SessionOut, 400: FieldErrors, 403: Error, 404: Error},
)
def session_create(request: HttpRequest, slug: str, payload: SessionIn) -> Status:
    visit = _visit(request, slug, EDIT)
    fields = payload.dict(exclude={"venue", "sectors", "interpreter_languages"})
    session = services.session_create(
        visit=visit, by=request.user, venue=_venue(visit, payload.venue),
        sectors=list(sectors_by_codes(codes=payload.sectors)),
        interpreter_languages=",".join(payload.interpreter_languages), **fields,
    )  # fmt: skip
    return Status(201, session_out(session))


@router.patch(
    "/visits/{slug}/sessions/{pk}",
    response={200: SessionOut, 400: FieldErrors, 403: Error, 404: Error},
)
def session_change(request: HttpRequest, slug: str, pk: int, payload: SessionChangeIn) -> Any:
    """Move a session or change its capacity; its people (only they) are told."""
    session = _session(request, slug, pk, EDIT)
    fields = payload.dict(exclude_unset=True)
    if "venue" in fields:
        fields["venue"] = _venue(session.visit, fields["venue"])
    changed = services.session_update(session=session, by=request.user, **fields)
    return session_out(selectors.session_get(visit=changed.visit, pk=changed.pk) or changed)


@router.delete("/visits/{slug}/sessions/{pk}", response={200: SessionOut, 403: Error, 404: Error})
def session_cancel(request: HttpRequest, slug: str, pk: int) -> Any:
    session = _session(request, slug, pk, EDIT)
    return session_out(services.session_cancel(session=session, by=request.user))


@router.get(
    "/visits/{slug}/sessions/{pk}/attendees",
    response={200: list[AttendeeOut], 403: Error, 404: Error},
    auth=OPTIONAL,
)
def session_attendees(request: HttpRequest, slug: str, pk: int) -> list[AttendeeOut]:
    """For operators, the delegation and host team, and this session's own guests."""
    session = _session(request, slug, pk, "visits.view_attendees")
    return [attendee_out(a) for a in selectors.attendees(session=session)]


@router.post(
    "/visits/{slug}/sessions/{pk}/proposals",
    response={200: list[ProposalOut], 403: Error, 404: Error},
)
def session_proposals(request: HttpRequest, slug: str, pk: int) -> list[ProposalOut]:
    """Propose attendees afresh from the matching engine, with the reasons in my language."""
    session = _session(request, slug, pk, EDIT)
    services.proposals_compute(session=session, by=request.user)
    rows = list(selectors.proposals(session=session))
    return [
        ProposalOut(organisation=p.organisation.slug, name=str(p.organisation), score=p.score,
                    reasons=reasons)
        for p, reasons in proposals_in_words(rows)
    ]  # fmt: skip


@router.post(
    "/visits/{slug}/sessions/{pk}/invitations",
    response={201: list[AttendeeOut], 400: FieldErrors, 403: Error, 404: Error},
)
def session_invite(request: HttpRequest, slug: str, pk: int, payload: InviteIn) -> Status:
    session = _session(request, slug, pk, EDIT)
    organisations = [organisation_get(slug=s) for s in payload.organisations]
    if any(o is None for o in organisations):
        raise ValidationError({"organisations": [_("No such organisation.")]})
    invited = services.attendees_invite(
        session=session, by=request.user, organisations=[o for o in organisations if o]
    )
    return Status(201, [attendee_out(a) for a in invited])


# ---------------------------------------------------------------- my invitations, RSVP, itinerary


@router.get("/me/visit-invitations", response=list[AttendeeOut])
def my_invitations(request: HttpRequest) -> list[AttendeeOut]:
    return [attendee_out(a) for a in selectors.invitations_of_user(user=request.user)]


@router.post(
    "/visit-invitations/{pk}/rsvp",
    response={200: AttendeeOut, 400: FieldErrors, 403: Error, 404: Error},
)
def rsvp(request: HttpRequest, pk: int, payload: AnswerIn) -> AttendeeOut:
    """Answer my own invitation; another person's is not found."""
    attendee = selectors.invitations_of_user(user=request.user).filter(pk=pk).first()
    if attendee is None:
        raise HttpError(404, _("Not found."))
    if not request.user.has_perm("visits.answer_invitation", attendee):
        raise HttpError(403, "Forbidden.")
    answered = services.attendee_answer(
        attendee=attendee, by=request.user, attending=payload.attending
    )
    return attendee_out(answered)


@router.get("/visits/{slug}/itinerary", response={200: list[ItineraryItemOut], 404: Error})
def my_itinerary(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    visit = _visit(request, slug)
    person = selectors.person_of(visit=visit, user=request.user)
    if person is None:
        raise HttpError(404, _("You are not on this visit."))
    answers = selectors.answers_of(person=person)
    return [
        {**session_out(s), "attending": not selectors.session_off_for(s, answers.get(s.pk))}
        for s in selectors.itinerary_of(person=person)
    ]
