"""Delegation visits: visits, itinerary sessions with their warnings, proposals, attendees and
RSVPs, my itinerary. The same rules as the pages; every write is one of the visits services."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.api.auth import OPTIONAL
from twinning.api.forms import cleaned, cleaned_form
from twinning.api.parity import pages
from twinning.api.schemas import Error, FieldErrors
from twinning.api.visits_schemas import (
    AnswerIn,
    AttendanceIn,
    AttendeeOut,
    CountOut,
    FollowUpIn,
    FollowUpOut,
    GuestIn,
    ItineraryItemOut,
    PersonIn,
    PersonOut,
    ProposalOut,
    ReportOut,
    SessionChangeIn,
    SessionIn,
    SessionOut,
    TravelTimeIn,
    VenueIn,
    VenueOut,
    VisitChangeIn,
    VisitDetailOut,
    VisitIn,
    VisitInterpreterIn,
    VisitInterpreterOut,
    VisitInviteIn,
    VisitOut,
    VisitOutcomeIn,
    VisitOutcomeOut,
    VisitPublishIn,
    WarningOut,
)
from twinning.organisations.selectors import organisation_get
from twinning.programmes.selectors import programme_default, side_get
from twinning.visits import selectors, services
from twinning.visits.forms import (
    GuestForm,
    InterpreterForm,
    OutcomeForm,
    PersonForm,
    SessionForm,
    TravelTimeForm,
    VenueForm,
    VisitForm,
)
from twinning.visits.models import Attendee, FollowUp, Person, Session, SessionOutcome, Venue, Visit
from twinning.visits.proposing import proposals_in_words
from twinning.visits.reports import visit_report

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


def person_out(person: Person) -> PersonOut:
    organisation = person.organisation
    return PersonOut(
        id=person.pk, team=person.team, name=person.name, role=person.role,
        organisation=organisation.slug if organisation else None, languages=person.language_list,
    )  # fmt: skip


def outcome_out(outcome: SessionOutcome) -> VisitOutcomeOut:
    organisation = outcome.organisation
    return VisitOutcomeOut(
        id=outcome.pk, session=outcome.session_id, description=outcome.description,
        organisation=organisation.slug if organisation else None,
    )  # fmt: skip


def venue_out(venue: Venue) -> VenueOut:
    return VenueOut(
        id=venue.pk, name=venue.name, address=venue.address, time_zone=venue.time_zone,
        contact=venue.contact,
    )  # fmt: skip


REFUSED = {400: FieldErrors, 403: Error, 404: Error}

# ---------------------------------------------------------------- visits


@router.get("/visits", response=list[VisitOut], auth=OPTIONAL, openapi_extra=pages("visits:list"))
@paginate(LimitOffsetPagination)
def visit_list(request: HttpRequest) -> list[dict[str, Any]]:
    """Published visits; with a token, also those I am part of (operators: all)."""
    return [visit_out(v) for v in selectors.visits_visible(user=request.user)]


@router.get(
    "/visits/{slug}",
    response={200: VisitDetailOut, 404: Error},
    auth=OPTIONAL,
    openapi_extra=pages("visits:detail", "visits:session"),
)
def visit_detail(request: HttpRequest, slug: str) -> dict[str, Any]:
    """The visit with its itinerary, times in UTC with each venue's zone."""
    visit = _visit(request, slug)
    rows = [session_out(s) for s in selectors.sessions(visit=visit)]
    return {**visit_out(visit), "sessions": rows}


@router.post("/visits", response={201: VisitOut, **REFUSED}, openapi_extra=pages("visits:create"))
def visit_create(request: HttpRequest, payload: VisitIn) -> Status:
    if not request.user.has_perm("visits.create_visit"):
        raise HttpError(403, "Forbidden.")
    programme = programme_default()
    if programme is None:
        raise HttpError(404, _("Not found."))
    data = payload.dict()
    side = side_get(code=payload.host_side)
    data["host_side"] = side.pk if side is not None else payload.host_side
    fields = cleaned(VisitForm, data)
    visit = services.visit_create(programme=programme, by=request.user, **fields)
    return Status(201, visit_out(visit))


@router.patch(
    "/visits/{slug}", response={200: VisitOut, **REFUSED}, openapi_extra=pages("visits:edit")
)
def visit_change(request: HttpRequest, slug: str, payload: VisitChangeIn) -> dict[str, Any]:
    visit = _visit(request, slug, EDIT)
    form = VisitForm(instance=visit)
    data = {name: form[name].value() for name in form.fields} | payload.dict(exclude_unset=True)
    checked = cleaned_form(VisitForm, data, instance=visit)
    fields = {name: checked.cleaned_data[name] for name in checked.changed_data}
    return visit_out(services.visit_update(visit=visit, by=request.user, **fields))


@router.get(
    "/visits/{slug}/warnings",
    response={200: list[WarningOut], 403: Error, 404: Error},
    openapi_extra=pages("visits:detail"),
)
@paginate(LimitOffsetPagination)
def visit_warnings(request: HttpRequest, slug: str) -> list[WarningOut]:
    """What the operator is warned about before publishing: overlaps, travel, interpreters."""
    visit = _visit(request, slug, EDIT)
    return [
        WarningOut(kind=w.kind, text=w.text, sessions=list(w.sessions))
        for w in selectors.itinerary_check(visit=visit)
    ]


@router.post(
    "/visits/{slug}/publish",
    response={200: VisitOut, **REFUSED},
    openapi_extra=pages("visits:state"),
)
def visit_publish(request: HttpRequest, slug: str, payload: VisitPublishIn) -> dict[str, Any]:
    """Publish; refused with 400 while there are warnings unless `despite_warnings`."""
    visit = _visit(request, slug, "visits.publish_visit")
    done = services.visit_publish(
        visit=visit, by=request.user, despite_warnings=payload.despite_warnings
    )
    return visit_out(done)


@router.post(
    "/visits/{slug}/held", response={200: VisitOut, 403: Error, 404: Error},
    openapi_extra=pages("visits:state"),
)  # fmt: skip
def visit_held(request: HttpRequest, slug: str) -> dict[str, Any]:
    visit = _visit(request, slug, "visits.mark_held")
    return visit_out(services.visit_mark_held(visit=visit, by=request.user))


@router.post(
    "/visits/{slug}/cancel", response={200: VisitOut, 403: Error, 404: Error},
    openapi_extra=pages("visits:state"),
)  # fmt: skip
def visit_cancel(request: HttpRequest, slug: str) -> dict[str, Any]:
    visit = _visit(request, slug, "visits.cancel_visit")
    return visit_out(services.visit_cancel(visit=visit, by=request.user))


# ---------------------------------------------------------------- people, interpreters, venues


@router.get(
    "/visits/{slug}/people", response={200: list[PersonOut], 404: Error},
    openapi_extra=pages("visits:detail"),
)  # fmt: skip
@paginate(LimitOffsetPagination)
def visit_people(request: HttpRequest, slug: str) -> list[PersonOut]:
    """The delegation and host team (operators also see the guests)."""
    visit = _visit(request, slug)
    if not (
        request.user.has_perm(EDIT, visit) or selectors.person_of(visit=visit, user=request.user)
    ):
        raise HttpError(404, _("Not found."))
    people = selectors.people(visit=visit)
    if not request.user.has_perm("visits.create_visit"):
        people = people.exclude(team=Person.Team.GUEST)
    return [person_out(p) for p in people]


@router.post(
    "/visits/{slug}/people", response={201: PersonOut, **REFUSED},
    openapi_extra=pages("visits:person_add"),
)  # fmt: skip
def person_add(request: HttpRequest, slug: str, payload: PersonIn) -> Status:
    visit = _visit(request, slug, EDIT)
    fields = cleaned(PersonForm, payload, visit=visit)
    return Status(201, person_out(services.person_add(visit=visit, by=request.user, **fields)))


@router.delete(
    "/visits/{slug}/people/{pk}", response={204: None, 403: Error, 404: Error},
    openapi_extra=pages("visits:person_remove"),
)  # fmt: skip
def person_remove(request: HttpRequest, slug: str, pk: int) -> Status:
    visit = _visit(request, slug, EDIT)
    person = selectors.person_get(visit=visit, pk=pk)
    if person is None:
        raise HttpError(404, _("Not found."))
    services.person_remove(person=person, by=request.user)
    return Status(204, None)


@router.post(
    "/visits/{slug}/interpreters", response={201: VisitInterpreterOut, **REFUSED},
    openapi_extra=pages("visits:interpreter_add"),
)  # fmt: skip
def interpreter_add(request: HttpRequest, slug: str, payload: VisitInterpreterIn) -> Status:
    """An interpreter of the visit: the events' scheduled resource, on the visit's event."""
    visit = _visit(request, slug, EDIT)
    fields = cleaned(InterpreterForm, payload)
    made = services.interpreter_add(visit=visit, by=request.user, **fields)
    return Status(
        201, VisitInterpreterOut(id=made.pk, name=made.name, languages=made.language_list)
    )


@router.get(
    "/venues", response={200: list[VenueOut], 403: Error}, openapi_extra=pages("visits:venues")
)
@paginate(LimitOffsetPagination)
def venue_list(request: HttpRequest) -> list[VenueOut]:
    if not request.user.has_perm("visits.create_visit"):
        raise HttpError(403, "Forbidden.")
    return [venue_out(v) for v in selectors.venues(programme=programme_default())]


@router.post("/venues", response={201: VenueOut, **REFUSED}, openapi_extra=pages("visits:venues"))
def venue_create(request: HttpRequest, payload: VenueIn) -> Status:
    """A venue with its address and time zone (a name such as Europe/London)."""
    if not request.user.has_perm("visits.create_visit"):
        raise HttpError(403, "Forbidden.")
    fields = cleaned(
        VenueForm, {f"venue-{k}": v for k, v in payload.dict().items()}, prefix="venue"
    )
    made = services.venue_create(programme=programme_default(), by=request.user, **fields)
    return Status(201, venue_out(made))


@router.post(
    "/venues/travel-times", response={200: CountOut, **REFUSED},
    openapi_extra=pages("visits:travel_time"),
)  # fmt: skip
def travel_time_set(request: HttpRequest, payload: TravelTimeIn) -> CountOut:
    if not request.user.has_perm("visits.create_visit"):
        raise HttpError(403, "Forbidden.")
    data = {f"travel-{k}": v for k, v in payload.dict().items()}
    fields = cleaned(TravelTimeForm, data, programme=programme_default(), prefix="travel")
    travel = services.travel_time_set(by=request.user, **fields)
    return CountOut(count=travel.minutes)


# ---------------------------------------------------------------- sessions


def _session_form(visit: Visit, data: dict[str, Any], session: Session | None = None) -> Any:
    """The session page's form on the API's input; a change keeps what it does not name."""
    if session is not None:
        current = SessionForm(instance=session, visit=visit)
        values = {name: current[name].value() for name in current.fields}
        data = {**values, **{k: v for k, v in data.items() if v is not None}}
    elif data.get("delegates") is None:
        data["delegates"] = [p.pk for p in visit.people.filter(team=Person.Team.DELEGATION)]
    return cleaned_form(SessionForm, data, instance=session, visit=visit)


@router.post(
    "/visits/{slug}/sessions", response={201: SessionOut, **REFUSED},
    openapi_extra=pages("visits:session_create"),
)  # fmt: skip
def session_create(request: HttpRequest, slug: str, payload: SessionIn) -> Status:
    """A session; `day`, `starts` and `ends` as read on the venue's clock."""
    visit = _visit(request, slug, EDIT)
    form = _session_form(visit, payload.dict())
    session = services.session_create(
        visit=visit, by=request.user, **form.service_fields(), **form.relations()
    )
    return Status(201, session_out(session))


@router.patch(
    "/visits/{slug}/sessions/{pk}", response={200: SessionOut, **REFUSED},
    openapi_extra=pages("visits:session_edit"),
)  # fmt: skip
def session_change(request: HttpRequest, slug: str, pk: int, payload: SessionChangeIn) -> Any:
    """Move a session or change it; its people, and only they, are told."""
    session = _session(request, slug, pk, EDIT)
    form = _session_form(session.visit, payload.dict(exclude_unset=True), session)
    services.session_update(
        session=session, by=request.user, **form.service_fields(), **form.relations()
    )
    return session_out(selectors.session_get(visit=session.visit, pk=session.pk) or session)


@router.delete(
    "/visits/{slug}/sessions/{pk}", response={200: SessionOut, 403: Error, 404: Error},
    openapi_extra=pages("visits:session_cancel"),
)  # fmt: skip
def session_cancel(request: HttpRequest, slug: str, pk: int) -> Any:
    session = _session(request, slug, pk, EDIT)
    return session_out(services.session_cancel(session=session, by=request.user))


@router.get(
    "/visits/{slug}/sessions/{pk}/attendees",
    response={200: list[AttendeeOut], 403: Error, 404: Error},
    auth=OPTIONAL,
    openapi_extra=pages("visits:session"),
)
@paginate(LimitOffsetPagination)
def session_attendees(request: HttpRequest, slug: str, pk: int) -> list[AttendeeOut]:
    """For operators, the delegation and host team, and this session's own guests."""
    session = _session(request, slug, pk, "visits.view_attendees")
    return [attendee_out(a) for a in selectors.attendees(session=session)]


def _proposals_out(session: Session) -> list[ProposalOut]:
    rows = list(selectors.proposals(session=session))
    return [
        ProposalOut(organisation=p.organisation.slug, name=str(p.organisation), score=p.score,
                    reasons=reasons)
        for p, reasons in proposals_in_words(rows)
    ]  # fmt: skip


@router.get(
    "/visits/{slug}/sessions/{pk}/proposals",
    response={200: list[ProposalOut], 403: Error, 404: Error},
    openapi_extra=pages("visits:proposals"),
)
@paginate(LimitOffsetPagination)
def session_proposals(request: HttpRequest, slug: str, pk: int) -> list[ProposalOut]:
    """The attendees proposed last, with the reasons in my language."""
    return _proposals_out(_session(request, slug, pk, EDIT))


@router.post(
    "/visits/{slug}/sessions/{pk}/proposals",
    response={200: list[ProposalOut], 403: Error, 404: Error},
    openapi_extra=pages("visits:proposals_compute"),
)
@paginate(LimitOffsetPagination)
def session_propose(request: HttpRequest, slug: str, pk: int) -> list[ProposalOut]:
    """Propose attendees afresh from the matching engine."""
    session = _session(request, slug, pk, EDIT)
    services.proposals_compute(session=session, by=request.user)
    return _proposals_out(session)


@router.post(
    "/visits/{slug}/sessions/{pk}/invitations",
    response={201: list[AttendeeOut], **REFUSED},
    openapi_extra=pages("visits:proposals"),
)
def session_invite(request: HttpRequest, slug: str, pk: int, payload: VisitInviteIn) -> Status:
    """Invite one person of each organisation (by slug), each in their own language."""
    session = _session(request, slug, pk, EDIT)
    organisations = [organisation_get(slug=s) for s in payload.organisations]
    if any(o is None for o in organisations):
        raise ValidationError({"organisations": [_("No such organisation.")]})
    invited = services.attendees_invite(
        session=session, by=request.user, organisations=[o for o in organisations if o]
    )
    return Status(201, [attendee_out(a) for a in invited])


@router.post(
    "/visits/{slug}/sessions/{pk}/guests", response={201: AttendeeOut, **REFUSED},
    openapi_extra=pages("visits:guest_invite"),
)  # fmt: skip
def guest_invite(request: HttpRequest, slug: str, pk: int, payload: GuestIn) -> Status:
    session = _session(request, slug, pk, EDIT)
    fields = cleaned(GuestForm, payload)
    return Status(
        201, attendee_out(services.guest_invite(session=session, by=request.user, **fields))
    )


@router.post(
    "/visits/{slug}/sessions/{pk}/attendees/{attendee}/withdraw",
    response={200: AttendeeOut, **REFUSED},
    openapi_extra=pages("visits:attendee_withdraw"),
)
def attendee_withdraw(request: HttpRequest, slug: str, pk: int, attendee: int) -> AttendeeOut:
    session = _session(request, slug, pk, EDIT)
    found = selectors.attendee_get(session=session, pk=attendee)
    if found is None:
        raise HttpError(404, _("Not found."))
    return attendee_out(services.attendee_withdraw(attendee=found, by=request.user))


# ---------------------------------------------------------------- after the visit


@router.post(
    "/visits/{slug}/sessions/{pk}/attendance", response={200: CountOut, **REFUSED},
    openapi_extra=pages("visits:attendance"),
)  # fmt: skip
def attendance(request: HttpRequest, slug: str, pk: int, payload: AttendanceIn) -> CountOut:
    """Who came, among the guests who said yes; returns how many came."""
    session = _session(request, slug, pk, "visits.record_outcomes")
    came = services.attendance_record(session=session, by=request.user, present=payload.present)
    return CountOut(count=came)


@router.post(
    "/visits/{slug}/sessions/{pk}/outcomes", response={201: VisitOutcomeOut, **REFUSED},
    openapi_extra=pages("visits:outcome_add"),
)  # fmt: skip
def outcome_add(request: HttpRequest, slug: str, pk: int, payload: VisitOutcomeIn) -> Status:
    session = _session(request, slug, pk, "visits.record_outcomes")
    fields = cleaned(OutcomeForm, payload, session=session)
    return Status(
        201, outcome_out(services.outcome_record(session=session, by=request.user, **fields))
    )


@router.post(
    "/visits/{slug}/follow-ups", response={200: CountOut, 403: Error, 404: Error},
    openapi_extra=pages("visits:follow_ups_send"),
)  # fmt: skip
def follow_ups_send(request: HttpRequest, slug: str) -> CountOut:
    """Ask every guest who came what came of it (each once); returns how many were asked."""
    visit = _visit(request, slug, "visits.send_follow_ups")
    return CountOut(count=services.follow_ups_send(visit=visit, by=request.user))


def follow_up_out(follow_up: FollowUp) -> FollowUpOut:
    session = follow_up.attendee.session
    return FollowUpOut(
        id=follow_up.pk, session=session.pk, session_title=session.title,
        answer=follow_up.answer, answered_at=follow_up.answered_at,
    )  # fmt: skip


@router.get(
    "/me/visit-follow-ups", response=list[FollowUpOut], openapi_extra=pages("visits:follow_up")
)
@paginate(LimitOffsetPagination)
def my_follow_ups(request: HttpRequest) -> list[FollowUpOut]:
    return [follow_up_out(f) for f in selectors.follow_ups_of_user(user=request.user)]


@router.post(
    "/me/visit-follow-ups/{pk}", response={200: FollowUpOut, **REFUSED},
    openapi_extra=pages("visits:follow_up"),
)  # fmt: skip
def follow_up_answer(request: HttpRequest, pk: int, payload: FollowUpIn) -> FollowUpOut:
    """Say what came of a session; only one's own follow-up is found."""
    found = selectors.follow_ups_of_user(user=request.user).filter(pk=pk).first()
    if found is None:
        raise HttpError(404, _("Not found."))
    answer = services.follow_up_answer(follow_up=found, by=request.user, answer=payload.answer)
    return follow_up_out(answer)


@router.get(
    "/visits/{slug}/report", response={200: ReportOut, 403: Error, 404: Error},
    openapi_extra=pages("visits:report"),
)  # fmt: skip
def report(request: HttpRequest, slug: str) -> dict[str, Any]:
    """The visit report's figures (the page also offers it as XLSX and PDF)."""
    data = visit_report(visit=_visit(request, slug, "visits.view_report"))
    return {
        "totals": data.totals,
        "sessions": [
            {"id": line.session.pk, "title": line.session.title, "status": line.session.status,
             "invited": line.invited, "accepted": line.accepted, "attended": line.attended}
            for line in data.sessions
        ],
        "by_sector": [
            {"division": c, "title": t, "organisations": n} for c, t, n in data.by_sector
        ],
        "by_region": [{"region": r, "organisations": n} for r, n in data.by_region],
        "outcomes": [outcome_out(o) for o in data.outcomes],
    }  # fmt: skip


# ---------------------------------------------------------------- my invitations, RSVP, itinerary


@router.get("/me/visit-invitations", response=list[AttendeeOut], openapi_extra=pages("visits:rsvp"))
@paginate(LimitOffsetPagination)
def my_invitations(request: HttpRequest) -> list[AttendeeOut]:
    return [attendee_out(a) for a in selectors.invitations_of_user(user=request.user)]


@router.post(
    "/visit-invitations/{pk}/rsvp", response={200: AttendeeOut, **REFUSED},
    openapi_extra=pages("visits:rsvp"),
)  # fmt: skip
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


@router.get(
    "/visits/{slug}/itinerary", response={200: list[ItineraryItemOut], 404: Error},
    openapi_extra=pages("visits:itinerary"),
)  # fmt: skip
@paginate(LimitOffsetPagination)
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
