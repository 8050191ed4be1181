"""Events, the brokerage day: the operators' schedule overview, runs, moving, locking,
cancelling and marking meetings, check-in and anyone's agenda; the participants' availability,
feedback and invitation answers. Each endpoint calls the page's service with the page's form."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.api.auth import OPTIONAL
from twinning.api.bounds import Id
from twinning.api.events import (
    MANAGE,
    _event,
    _managed_meeting,
    _own_registration,
    agenda_item,
    registration_out,
    router,
)
from twinning.api.events_schemas import AgendaItemOut, RegistrationOut
from twinning.api.forms import cleaned
from twinning.api.parity import pages
from twinning.api.schemas import Error, FieldErrors, In
from twinning.events import selectors, services
from twinning.events.forms import AvailabilityForm, FeedbackForm, MoveForm
from twinning.events.models import Meeting, Registration, ScheduleRun

REFUSALS = {400: FieldErrors, 403: Error, 404: Error}


class CellOut(Schema):
    meeting: int
    slot: int | None
    table: int | None
    requester: str
    recipient: str
    interpreter: str | None
    locked: bool
    status: str


class RunOut(Schema):
    id: int
    status: str
    job_id: int | None
    solver_status: str
    meetings_total: int
    meetings_scheduled: int
    breaks: int | None
    bound: int | None


class ScheduleOut(Schema):
    meetings: list[CellOut]
    unplaced: list[CellOut]
    reasons: dict[int, str]
    breaks: dict[str, int]
    run: RunOut | None
    pending_changes: int


def cell_out(meeting: Meeting) -> CellOut:
    requester, recipient = meeting.participants
    return CellOut(
        meeting=meeting.pk,
        slot=meeting.slot_id,
        table=meeting.table_id,
        requester=requester.display_name,
        recipient=recipient.display_name,
        interpreter=meeting.interpreter.name if meeting.interpreter else None,
        locked=meeting.locked,
        status=meeting.status,
    )


def run_out(run: ScheduleRun) -> RunOut:
    fields = ("status", "solver_status", "meetings_total", "meetings_scheduled", "breaks", "bound")
    return RunOut(id=run.pk, job_id=run.job_id, **{name: getattr(run, name) for name in fields})


@router.get(
    "/events/{slug}/schedule",
    response={200: ScheduleOut, 403: Error, 404: Error},
    openapi_extra=pages("events:schedule"),
)
def schedule(request: HttpRequest, slug: str) -> ScheduleOut:
    """The working schedule: placed meetings by slot and table, the ones the last run left out
    with its reasons, breaks per participant, and how many changes await publication."""
    event = _event(request, slug, MANAGE)
    overview = selectors.schedule_overview(event=event)
    placed = [meeting for _slot, cells in overview.rows for meeting in cells if meeting]
    return ScheduleOut(
        meetings=[cell_out(m) for m in placed],
        unplaced=[cell_out(m) for m in overview.unplaced],
        reasons=overview.reasons,
        breaks=dict(overview.breaks),
        run=run_out(overview.run) if overview.run else None,
        pending_changes=services.pending_count(event),
    )


@router.get(
    "/events/{slug}/schedule/runs/{pk}",
    response={200: RunOut, 403: Error, 404: Error},
    openapi_extra=pages("events:run_progress"),
)
def run_progress(request: HttpRequest, slug: str, pk: int) -> RunOut:
    """One optimiser run; its job (GET /api/jobs/{job_id}) gives the progress bar."""
    run = selectors.run_get(event=_event(request, slug, MANAGE), pk=pk)
    if run is None:
        raise HttpError(404, _("Not found."))
    return run_out(run)


# ---------------------------------------------------------------- meetings


class MeetingMoveIn(In):
    slot: Id
    table: Id
    interpreter: Id | None = None
    force: bool = False


class MoveOut(Schema):
    meeting: CellOut
    warnings: list[str]


class ConflictOut(Schema):
    detail: str
    warnings: list[str]


class LockIn(In):
    locked: bool = True


class MarkIn(In):
    held: bool
    absent: Id | None = None


@router.post(
    "/events/{slug}/meetings/{pk}/move",
    response={200: MoveOut, 409: ConflictOut, **REFUSALS},
    openapi_extra=pages("events:move"),
)
def meeting_move(request: HttpRequest, slug: str, pk: int, payload: MeetingMoveIn) -> Any:
    """Move a meeting by hand and lock it there. A move that breaks a soft rule (someone busy,
    an interpreter's languages) answers 409 with the warnings; send `force: true` to confirm."""
    meeting = _managed_meeting(request, slug, pk)
    data = cleaned(MoveForm, payload, event=meeting.event)
    try:
        warnings = services.meeting_move(meeting=meeting, by=request.user, **data)
    except services.MoveConflict as conflict:
        detail = _("The move breaks a rule; confirm it with force.")
        return Status(409, {"detail": detail, "warnings": conflict.warnings})
    moved = selectors.meeting_get(event=meeting.event, pk=pk)
    return {"meeting": cell_out(moved), "warnings": warnings}


@router.post(
    "/events/{slug}/meetings/{pk}/lock",
    response={200: CellOut, **REFUSALS},
    openapi_extra=pages("events:lock"),
)
def meeting_lock(request: HttpRequest, slug: str, pk: int, payload: LockIn) -> CellOut:
    """Lock a meeting where it is (`locked: false` unlocks it): runs leave it in place."""
    meeting = _managed_meeting(request, slug, pk)
    return cell_out(services.meeting_lock(meeting=meeting, by=request.user, locked=payload.locked))


@router.post(
    "/events/{slug}/meetings/{pk}/cancel",
    response={200: CellOut, **REFUSALS},
    openapi_extra=pages("events:cancel"),
)
def meeting_cancel(request: HttpRequest, slug: str, pk: int) -> CellOut:
    """Cancel a meeting; publish the schedule to tell the participants."""
    meeting = _managed_meeting(request, slug, pk)
    return cell_out(services.meeting_cancel(meeting=meeting, by=request.user))


@router.post(
    "/events/{slug}/meetings/{pk}/mark",
    response={200: CellOut, **REFUSALS},
    openapi_extra=pages("events:mark"),
)
def meeting_mark(request: HttpRequest, slug: str, pk: int, payload: MarkIn) -> CellOut:
    """Attendance: `held: true`, or `held: false` with the registration that did not come."""
    meeting = _managed_meeting(request, slug, pk)
    absent = None
    if payload.absent is not None:
        absent = selectors.registration_get(event=meeting.event, pk=payload.absent)
        if absent is None:
            raise ValidationError({"absent": [_("No such participant in this event.")]})
    marked = services.meeting_mark(
        meeting=meeting, by=request.user, held=payload.held, absent=absent
    )
    return cell_out(marked)


# ---------------------------------------------------------------- check-in and agendas


class ArrivalOut(Schema):
    registration: RegistrationOut
    name: str
    checked_in_at: dt.datetime | None


def arrival_out(registration: Registration) -> ArrivalOut:
    check_in = getattr(registration, "check_in", None)
    return ArrivalOut(
        registration=registration_out(registration),
        name=registration.display_name,
        checked_in_at=check_in.checked_in_at if check_in else None,
    )


@router.get(
    "/events/{slug}/check-in",
    response={200: list[ArrivalOut], 403: Error, 404: Error},
    openapi_extra=pages("events:check_in"),
)
@paginate(LimitOffsetPagination)
def check_in_list(request: HttpRequest, slug: str, q: str = "") -> list[ArrivalOut]:
    """Approved participants by name, with their arrival (`q` searches names and e-mails)."""
    event = _event(request, slug, MANAGE)
    return [arrival_out(r) for r in selectors.check_in_list(event=event, query=q.strip())]


def _arrival(request: HttpRequest, slug: str, pk: int) -> tuple[Any, Registration]:
    event = _event(request, slug, MANAGE)
    registration = selectors.registration_get(event=event, pk=pk)
    if registration is None:
        raise HttpError(404, _("Not found."))
    return event, registration


@router.post(
    "/events/{slug}/check-in/{pk}",
    response={200: ArrivalOut, **REFUSALS},
    openapi_extra=pages("events:check_in_tick"),
)
def check_in(request: HttpRequest, slug: str, pk: int) -> ArrivalOut:
    event, registration = _arrival(request, slug, pk)
    services.check_in(registration=registration, by=request.user)
    return arrival_out(selectors.check_in_list(event=event).get(pk=pk))


@router.delete(
    "/events/{slug}/check-in/{pk}",
    response={200: ArrivalOut, **REFUSALS},
    openapi_extra=pages("events:check_in_tick"),
)
def check_in_undo(request: HttpRequest, slug: str, pk: int) -> ArrivalOut:
    event, registration = _arrival(request, slug, pk)
    services.check_in_undo(registration=registration, by=request.user)
    return arrival_out(selectors.check_in_list(event=event).get(pk=pk))


@router.get(
    "/events/{slug}/participants/{pk}/agenda",
    response={200: list[AgendaItemOut], 403: Error, 404: Error},
    openapi_extra=pages("events:agenda_of"),
)
@paginate(LimitOffsetPagination)
def agenda_of(request: HttpRequest, slug: str, pk: int) -> list[AgendaItemOut]:
    """Someone's published agenda, for the operators."""
    _unused, registration = _arrival(request, slug, pk)
    if not request.user.has_perm("events.view_agenda", registration):
        raise HttpError(403, "Forbidden.")
    meetings = selectors.agenda(registration=registration)
    return [agenda_item(m, registration) for m in meetings]


# ---------------------------------------------------------------- participants


class AvailabilityIn(In):
    unavailable: list[Id]


class AvailabilityOut(Schema):
    unavailable: list[int]


class MeetingFeedbackIn(In):
    outcome: str
    comment: str = ""


class MeetingFeedbackOut(Schema):
    meeting: int
    outcome: str
    comment: str


class AnswerIn(In):
    attending: bool


class InvitationAnswerOut(Schema):
    event: str
    status: str
    registration: int | None


@router.get(
    "/events/{slug}/availability",
    response={200: AvailabilityOut, 404: Error},
    openapi_extra=pages("events:availability"),
)
def availability(request: HttpRequest, slug: str) -> AvailabilityOut:
    """The slots in which I cannot meet."""
    registration = _own_registration(request, slug)
    return AvailabilityOut(unavailable=[u.slot_id for u in registration.unavailabilities.all()])


@router.put(
    "/events/{slug}/availability",
    response={200: AvailabilityOut, **REFUSALS},
    openapi_extra=pages("events:availability"),
)
def availability_set(request: HttpRequest, slug: str, payload: AvailabilityIn) -> AvailabilityOut:
    """Replace the slots in which I cannot meet (slot ids of GET /api/events/{slug}/setup)."""
    registration = _own_registration(request, slug)
    data = cleaned(AvailabilityForm, payload, event=registration.event)
    services.unavailability_set(
        registration=registration, by=request.user, slots=data["unavailable"]
    )
    return AvailabilityOut(unavailable=sorted(slot.pk for slot in data["unavailable"]))


@router.post(
    "/events/{slug}/meetings/{pk}/feedback",
    response={200: MeetingFeedbackOut, **REFUSALS},
    openapi_extra=pages("events:feedback"),
)
def feedback(
    request: HttpRequest, slug: str, pk: int, payload: MeetingFeedbackIn
) -> MeetingFeedbackOut:
    """How one of my meetings went, once it has taken place."""
    registration = _own_registration(request, slug)
    meeting = selectors.meeting_for_feedback(registration=registration, pk=pk)
    if meeting is None or not request.user.has_perm("events.give_feedback", meeting):
        raise HttpError(404, _("Not found."))
    data = cleaned(FeedbackForm, payload)
    given = services.feedback_give(
        meeting=meeting, registration=registration, by=request.user, **data
    )
    return MeetingFeedbackOut(meeting=meeting.pk, outcome=given.outcome, comment=given.comment)


@router.post(
    "/invitations/{token}/answer",
    response={200: InvitationAnswerOut, **REFUSALS},
    auth=OPTIONAL,
    openapi_extra=pages("events:rsvp"),
)
def invitation_answer(request: HttpRequest, token: str, payload: AnswerIn) -> InvitationAnswerOut:
    """Answer an invitation with the token of its link; signed in, a yes also registers me."""
    invitation = selectors.invitation_by_token(token=token)
    if invitation is None:
        raise HttpError(404, _("Not found."))
    answered = services.invitation_respond(
        invitation=invitation, attending=payload.attending, user=request.user
    )
    return InvitationAnswerOut(
        event=answered.event.slug, status=answered.status, registration=answered.registration_id
    )
