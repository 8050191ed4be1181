"""Students, positions, job fairs, preferences and interviews, with the pages' rules.

A student sees themself; employers see a student only with that student's fair consent or CV
release; operators see everyone. Every write goes through the same service as the page.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Router, Status, UploadedFile
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.api.auth import OPTIONAL
from twinning.api.forms import cleaned, require
from twinning.api.jobs import job_out
from twinning.api.matching_schemas import JobOut
from twinning.api.parity import pages
from twinning.api.schemas import Error, FieldErrors
from twinning.api.students_schemas import (
    BoothIn,
    BoothNoteIn,
    BoothOut,
    CalendarLinkOut,
    CandidateOut,
    CheckInIn,
    ConsentIn,
    CountOut,
    FairIn,
    FairOut,
    FairRegistrationOut,
    FairSummaryOut,
    InterviewOut,
    LeadOut,
    NoteOut,
    PositionFeedbackIn,
    PositionIn,
    PositionMatchOut,
    PositionOut,
    PreferencesIn,
    RegisterIn,
    ReleaseIn,
    ReleaseOut,
    ShortlistIn,
    StudentConsentOut,
    StudentIn,
    StudentInviteIn,
    StudentOut,
    StudentReasonIn,
    WelfareAnswerOut,
    WelfareIn,
    WelfareOut,
)
from twinning.events.selectors import event_get
from twinning.organisations.selectors import organisation_get, organisation_get_by_id
from twinning.programmes.selectors import region_get, sectors_by_codes
from twinning.students import selectors, services
from twinning.students.feeds import feed_url
from twinning.students.forms import PositionForm, StudentProfileEditForm, nace_divisions
from twinning.students.models import Booth, Interview, JobFair, Position, Student

router = Router(tags=["students"])
NOT_FOUND = {404: Error}
WRITE = {400: FieldErrors, 403: Error, 404: Error}


def _missing() -> HttpError:
    return HttpError(404, _("Not found."))


def _student_out(student: Student) -> dict[str, Any]:
    return {
        "id": student.pk,
        "name": student.display_name,
        "email": student.user.email,
        "university": student.university,
        "university_name": student.university_name,
        "course": student.course,
        "level": student.level,
        "graduation_year": student.graduation_year,
        "home_region": student.home_region.slug if student.home_region else None,
        "skills": student.skill_list,
        "languages": student.languages,
        "about": student.about,
        "visa_route": student.visa_route,
        "visa_ends_on": student.visa_ends_on,
        "needs_sponsorship": student.needs_sponsorship,
        "scholarship_obligation": student.scholarship_obligation,
        "sectors": [sector.code for sector in student.sectors.all()],
        "has_cv": bool(student.cv),
    }


def _division_pks(codes: list[str]) -> list[int]:
    """NACE division codes as the form's choices; an unknown code is refused by name."""
    found = {sector.code: sector.pk for sector in nace_divisions().filter(code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise ValidationError(
            {"sectors": _("Not a NACE division: %(codes)s") % {"codes": ", ".join(unknown)}}
        )
    return [found[code] for code in codes]


def _me(request: HttpRequest) -> Student:
    student = selectors.student_of(user=request.user)
    if student is None:
        raise HttpError(403, _("You are not allowed to do this."))
    return student


@router.get(
    "/students/me", response={200: StudentOut, 403: Error}, openapi_extra=pages("students:me")
)
def my_profile(request: HttpRequest) -> Any:
    return _student_out(_me(request))


@router.put("/students/me", response={200: StudentOut, **WRITE}, openapi_extra=pages("students:me"))
def update_my_profile(request: HttpRequest, payload: StudentIn) -> Any:
    student = _me(request)
    data = payload.model_dump()
    region = region_get(slug=data.pop("home_region") or "")
    data["home_region"] = region.pk if region else None
    data["sectors"] = _division_pks(data.pop("sectors"))
    form_data = cleaned(StudentProfileEditForm, data)
    form = StudentProfileEditForm()
    form.cleaned_data = form_data
    services.student_update(student=student, by=request.user, **form.profile())
    return _student_out(selectors.student_get(pk=student.pk))  # type: ignore[arg-type]


@router.get(
    "/students/me/consents",
    response={200: list[StudentConsentOut], 403: Error},
    openapi_extra=pages("students:consent"),
)
@paginate(LimitOffsetPagination)
def my_consents(request: HttpRequest) -> Any:
    return [
        {
            "purpose": c.purpose,
            "fair": c.fair_id,
            "given_at": c.given_at,
            "withdrawn_at": c.withdrawn_at,
        }
        for c in selectors.consents_of(student=_me(request))
    ]


@router.post(
    "/students/me/consents",
    response={200: CountOut, **WRITE},
    openapi_extra=pages("students:consent"),
)
def change_consent(request: HttpRequest, payload: ConsentIn) -> Any:
    student = _me(request)
    fair = selectors.fair_get(pk=payload.fair) if payload.fair else None
    if payload.fair and fair is None:
        raise _missing()
    if payload.give:
        services.consent_give(student=student, purpose=payload.purpose, fair=fair, by=request.user)
    else:
        services.consent_withdraw(
            student=student, purpose=payload.purpose, fair=fair, by=request.user
        )
    return {"count": student.consents.filter(withdrawn_at__isnull=True).count()}


@router.post(
    "/students/me/cv",
    response={200: StudentOut, **WRITE},
    openapi_extra=pages("students:cv_upload"),
)
def upload_cv(request: HttpRequest, cv: UploadedFile = File(...)) -> Any:  # noqa: B008
    student = _me(request)
    services.student_cv_upload(student=student, by=request.user, cv=cv)
    return _student_out(student)


@router.post(
    "/students/me/cv-releases",
    response={200: ReleaseOut, **WRITE},
    openapi_extra=pages("students:cv_release"),
)
def release_cv(request: HttpRequest, payload: ReleaseIn) -> Any:
    organisation = organisation_get_by_id(pk=payload.organisation)
    if organisation is None:
        raise _missing()
    release = services.cv_release(
        student=_me(request), organisation=organisation, by=request.user, days=payload.days
    )
    return {
        "id": release.pk,
        "organisation": str(organisation),
        "until": release.until,
        "revoked_at": None,
    }


@router.get(
    "/students/{pk}",
    response={200: StudentOut, **NOT_FOUND, 403: Error},
    openapi_extra=pages("students:detail"),
)
def student_detail(request: HttpRequest, pk: int) -> Any:
    student = selectors.student_get(pk=pk)
    if student is None:
        raise _missing()
    require(request, "students.view_student", student)
    return _student_out(student)


# Positions


def _position_out(position: Position) -> dict[str, Any]:
    return {
        "id": position.pk, "title": position.title, "description": position.description,
        "language": position.language, "kind": position.kind, "location": position.location,
        "sectors": [s.code for s in position.sectors.all()], "skills": position.skill_list,
        "languages": position.language_list, "closes_on": position.closes_on,
        "state": position.state, "organisation": str(position.organisation),
    }  # fmt: skip


@router.get(
    "/positions",
    response=list[PositionOut],
    auth=OPTIONAL,
    openapi_extra=pages("students:positions"),
)
@paginate(LimitOffsetPagination)
def positions(
    request: HttpRequest, q: str = "", kind: str = "", location: str = "", language: str = ""
) -> Any:
    """Published positions, open to anyone; no contact details."""
    filters = selectors.PositionFilters(query=q, kind=kind, location=location, language=language)
    return [_position_out(p) for p in selectors.positions_published(filters=filters)]


@router.get(
    "/positions/mine", response=list[PositionOut], openapi_extra=pages("students:positions_mine")
)
@paginate(LimitOffsetPagination)
def my_positions(request: HttpRequest) -> Any:
    return [
        _position_out(p)
        for p in selectors.positions_of_user(user=request.user).prefetch_related("sectors")
    ]


@router.get(
    "/positions/recommended",
    response={200: list[PositionMatchOut], 403: Error},
    openapi_extra=pages("students:recommended"),
)
@paginate(LimitOffsetPagination)
def recommended_positions(request: HttpRequest) -> Any:
    """Published positions best first for me, with the reasons, whatever their language."""
    student = _me(request)
    positions = list(selectors.positions_published()[:200])
    return [
        {"position": _position_out(m.position), "score": m.score, "reasons": m.reasons,
         "verdict": m.verdict}
        for m in services.positions_for_student(student=student, positions=positions)
    ]  # fmt: skip


@router.put(
    "/positions/{pk}/feedback",
    response={200: CountOut, **WRITE},
    openapi_extra=pages("students:position_feedback"),
)
def position_feedback(request: HttpRequest, pk: int, payload: PositionFeedbackIn) -> Any:
    """interested, not_interested, or empty to clear; it moves the position in my list only."""
    student = _me(request)
    position = _position(request, pk)
    if position.state != Position.State.PUBLISHED:
        raise _missing()
    services.position_feedback_set(
        student=student, position=position, by=request.user, verdict=payload.verdict
    )
    return {"count": student.position_feedback.count()}


@router.get(
    "/positions/queue",
    response={200: list[PositionOut], 403: Error},
    openapi_extra=pages("students:position_queue"),
)
@paginate(LimitOffsetPagination)
def position_queue(request: HttpRequest) -> Any:
    require(request, "core.operate")
    return [_position_out(p) for p in selectors.positions_submitted().prefetch_related("sectors")]


def _position(
    request: HttpRequest, pk: int, permission: str = "students.view_position"
) -> Position:
    position = selectors.position_get(pk=pk)
    if position is None or not request.user.has_perm("students.view_position", position):
        raise _missing()
    return position


@router.get(
    "/positions/{pk}",
    response={200: PositionOut, **NOT_FOUND},
    auth=OPTIONAL,
    openapi_extra=pages("students:position"),
)
def position_detail(request: HttpRequest, pk: int) -> Any:
    return _position_out(_position(request, pk))


def _position_fields(payload: PositionIn) -> tuple[dict[str, Any], Any]:
    data = payload.model_dump()
    codes = data.pop("sectors")
    sectors = list(sectors_by_codes(codes=codes))
    data["sectors"] = [s.pk for s in sectors]
    fields = cleaned(PositionForm, data)
    return {k: v for k, v in fields.items() if k != "sectors"}, fields.get("sectors", [])


@router.post(
    "/organisations/{slug}/positions",
    response={200: PositionOut, **WRITE},
    openapi_extra=pages("students:position_new"),
)
def create_position(request: HttpRequest, slug: str, payload: PositionIn) -> Any:
    organisation = organisation_get(slug=slug)
    if organisation is None:
        raise _missing()
    fields, sectors = _position_fields(payload)
    position = services.position_create(
        organisation=organisation, by=request.user, sectors=sectors, **fields
    )
    return _position_out(position)


@router.put(
    "/positions/{pk}",
    response={200: PositionOut, **WRITE},
    openapi_extra=pages("students:position_edit"),
)
def update_position(request: HttpRequest, pk: int, payload: PositionIn) -> Any:
    fields, sectors = _position_fields(payload)
    position = services.position_update(
        position=_position(request, pk), by=request.user, sectors=sectors, **fields
    )
    return _position_out(position)


@router.post(
    "/positions/{pk}/{action}",
    response={200: PositionOut, **WRITE},
    openapi_extra=pages("students:position_action"),
)
def position_transition(
    request: HttpRequest, pk: int, action: str, payload: StudentReasonIn
) -> Any:
    """`action` is submit, publish, reject (with a reason) or close."""
    position = _position(request, pk)
    moves = {
        "submit": services.position_submit, "publish": services.position_publish,
        "close": services.position_close,
    }  # fmt: skip
    if action == "reject":
        position = services.position_reject(
            position=position, by=request.user, reason=payload.reason
        )
    elif action in moves:
        position = moves[action](position=position, by=request.user)
    else:
        raise _missing()
    return _position_out(selectors.position_get(pk=position.pk))  # type: ignore[arg-type]


# Fairs


def _fair_out(fair: JobFair) -> dict[str, Any]:
    event = fair.event
    return {
        "id": fair.pk, "title": event.title, "starts_on": event.starts_on, "venue": event.venue,
        "time_zone": event.time_zone, "max_interviews": fair.max_interviews,
        "max_wishes": fair.max_wishes, "published": fair.published_at is not None,
        "booths": [_booth_out(b) for b in selectors.booths_of(fair=fair)],
    }  # fmt: skip


def _booth_out(booth: Booth) -> dict[str, Any]:
    return {
        "id": booth.pk, "number": booth.number, "organisation": str(booth.organisation),
        "interviewers": booth.interviewers,
    }  # fmt: skip


def _fair(pk: int) -> JobFair:
    fair = selectors.fair_get(pk=pk)
    if fair is None:
        raise _missing()
    return fair


@router.get("/fairs", response=list[FairOut], auth=OPTIONAL, openapi_extra=pages("students:fairs"))
@paginate(LimitOffsetPagination)
def fairs(request: HttpRequest) -> Any:
    return [_fair_out(f) for f in selectors.fairs_open()]


@router.post("/fairs", response={200: FairOut, **WRITE}, openapi_extra=pages("students:fair_new"))
def create_fair(request: HttpRequest, payload: FairIn) -> Any:
    require(request, "students.manage_fair")
    event = event_get(slug=payload.event)
    if event is None:
        raise _missing()
    fair = services.fair_create(
        event=event,
        by=request.user,
        max_interviews=payload.max_interviews,
        max_wishes=payload.max_wishes,
    )
    return _fair_out(fair)


@router.get(
    "/fairs/{pk}",
    response={200: FairOut, **NOT_FOUND},
    auth=OPTIONAL,
    openapi_extra=pages("students:fair"),
)
def fair_detail(request: HttpRequest, pk: int) -> Any:
    return _fair_out(_fair(pk))


def _registration_out(registration: Any) -> dict[str, Any]:
    return {
        "id": registration.pk, "fair": registration.fair_id,
        "student": registration.student.display_name, "checked_in_at": registration.checked_in_at,
        "preferences": [p.booth_id for p in selectors.preferences_of(registration=registration)],
    }  # fmt: skip


def _my_registration(request: HttpRequest, fair: JobFair) -> Any:
    registration = selectors.registration_of(fair=fair, student=_me(request))
    if registration is None:
        raise _missing()
    return registration


@router.post(
    "/fairs/{pk}/registration",
    response={200: FairRegistrationOut, **WRITE},
    openapi_extra=pages("students:fair_register"),
)
def register(request: HttpRequest, pk: int, payload: RegisterIn) -> Any:
    registration = services.fair_register(
        fair=_fair(pk), student=_me(request), by=request.user, share_profile=payload.share_profile
    )
    return _registration_out(registration)


@router.put(
    "/fairs/{pk}/preferences",
    response={200: FairRegistrationOut, **WRITE},
    openapi_extra=pages("students:rank"),
)
def set_preferences(request: HttpRequest, pk: int, payload: PreferencesIn) -> Any:
    """My ranking of the fair's booths, best first; a booth listed twice is refused."""
    fair = _fair(pk)
    registration = _my_registration(request, fair)
    if len(set(payload.booths)) != len(payload.booths):
        raise ValidationError({"booths": _("Each employer can be ranked only once.")})
    booths = {b.pk: b for b in selectors.booths_of(fair=fair)}
    if any(b not in booths for b in payload.booths):
        raise ValidationError({"booths": _("Choose employers of this fair.")})
    services.preferences_set(
        registration=registration, by=request.user, booths=[booths[b] for b in payload.booths]
    )
    return _registration_out(registration)


def _interview_out(interview: Interview) -> dict[str, Any]:
    return {
        "id": interview.pk, "fair": interview.fair_id, "booth": interview.booth_id,
        "employer": str(interview.booth.organisation),
        "student": interview.registration.student.display_name,
        "starts_at": interview.slot.starts_at, "ends_at": interview.slot.ends_at,
        "seat": interview.seat, "status": interview.status, "locked": interview.locked,
    }  # fmt: skip


@router.get(
    "/fairs/{pk}/interviews/mine",
    response={200: list[InterviewOut], **NOT_FOUND, 403: Error},
    openapi_extra=pages("students:agenda"),
)
@paginate(LimitOffsetPagination)
def my_interviews(request: HttpRequest, pk: int) -> Any:
    registration = _my_registration(request, _fair(pk))
    return [_interview_out(i) for i in selectors.agenda_of(registration=registration)]


@router.post(
    "/fairs/{pk}/calendar-link",
    response={200: CalendarLinkOut, **NOT_FOUND, 403: Error},
    openapi_extra=pages("students:feed_reset"),
)
def calendar_link_reset(request: HttpRequest, pk: int) -> Any:
    """A new secret link for my interviews calendar; the old one stops working."""
    registration = services.registration_feed_reset(
        registration=_my_registration(request, _fair(pk)), by=request.user
    )
    return {"feed_url": feed_url(registration)}


@router.post(
    "/interviews/{pk}/{action}",
    response={200: InterviewOut, **WRITE},
    openapi_extra=pages("students:interview_respond"),
)
def respond(request: HttpRequest, pk: int, action: str) -> Any:
    """`action` is accept (an offered slot) or decline (the next alternate is offered it)."""
    interview = selectors.interview_get(pk=pk)
    if interview is None or not request.user.has_perm("students.view_interview", interview):
        raise _missing()
    if action == "decline":
        services.interview_decline(interview=interview, by=request.user)
    elif action == "accept":
        services.interview_accept(interview=interview, by=request.user)
    else:
        raise _missing()
    return _interview_out(selectors.interview_get(pk=pk))  # type: ignore[arg-type]


# Operators


@router.get(
    "/fairs/{pk}/manage",
    response={200: FairSummaryOut, **NOT_FOUND, 403: Error},
    openapi_extra=pages("students:fair_manage"),
)
def fair_summary(request: HttpRequest, pk: int) -> Any:
    fair = _fair(pk)
    require(request, "students.manage_fair", fair)
    return {"counts": selectors.fair_counts(fair=fair)}


@router.get(
    "/fairs/{pk}/interviews",
    response={200: list[InterviewOut], **NOT_FOUND, 403: Error},
    openapi_extra=pages("students:fair_manage"),
)
@paginate(LimitOffsetPagination)
def fair_interviews(request: HttpRequest, pk: int) -> Any:
    fair = _fair(pk)
    require(request, "students.manage_fair", fair)
    return [_interview_out(i) for i in selectors.fair_interviews(fair=fair)]


@router.post(
    "/fairs/{pk}/booths",
    response={200: BoothOut, **WRITE},
    openapi_extra=pages("students:fair_action"),
)
def add_booth(request: HttpRequest, pk: int, payload: BoothIn) -> Any:
    organisation = organisation_get(slug=payload.organisation)
    if organisation is None:
        raise _missing()
    booth = services.booth_add(
        fair=_fair(pk),
        organisation=organisation,
        by=request.user,
        interviewers=payload.interviewers,
    )
    return _booth_out(booth)


@router.post(
    "/fairs/{pk}/allocate",
    response={202: JobOut, 400: FieldErrors, 403: Error, 404: Error},
    openapi_extra=pages("students:fair_action"),
)
def allocate(request: HttpRequest, pk: int) -> Status:
    """Queue the allocation (up to a minute of optimising); follow it at /api/jobs/{id}, whose
    ``result`` is then the summary: status, interviews, students asking and
    without one, seconds, reasons. 400 while another allocation of the fair is under way."""
    job = services.fair_allocate_enqueue(fair=_fair(pk), by=request.user)
    return Status(202, job_out(job))


@router.post(
    "/fairs/{pk}/publish",
    response={200: CountOut, 403: Error, 404: Error},
    openapi_extra=pages("students:fair_action"),
)
def publish(request: HttpRequest, pk: int) -> Any:
    return {"count": services.fair_publish(fair=_fair(pk), by=request.user)}


@router.get(
    "/fairs/{pk}/check-in",
    response={200: list[FairRegistrationOut], **NOT_FOUND, 403: Error},
    openapi_extra=pages("students:check_in"),
)
@paginate(LimitOffsetPagination)
def check_in_list(request: HttpRequest, pk: int, q: str = "") -> Any:
    fair = _fair(pk)
    require(request, "students.check_in", fair)
    return [_registration_out(r) for r in selectors.check_in_search(fair=fair, query=q)]


@router.post(
    "/fairs/{pk}/check-in",
    response={200: FairRegistrationOut, **WRITE},
    openapi_extra=pages("students:check_in", "students:check_in_scan"),
)
def check_in(request: HttpRequest, pk: int, payload: CheckInIn) -> Any:
    """By the registration's number (search) or the pass's token (scan)."""
    fair = _fair(pk)
    require(request, "students.check_in", fair)
    if payload.pass_token:
        registration = selectors.registration_by_pass(fair=fair, token=payload.pass_token)
    else:
        registration = selectors.registration_get(fair=fair, pk=payload.registration or 0)
    if registration is None:
        raise _missing()
    return _registration_out(services.check_in(registration=registration, by=request.user))


# Employers


def _booth(request: HttpRequest, fair_pk: int, pk: int, permission: str) -> Booth:
    booth = selectors.booth_get(fair=_fair(fair_pk), pk=pk)
    if booth is None:
        raise _missing()
    require(request, permission, booth)
    return booth


@router.get("/booths/mine", response=list[BoothOut], openapi_extra=pages("students:booths_mine"))
@paginate(LimitOffsetPagination)
def my_booths(request: HttpRequest) -> Any:
    return [_booth_out(b) for b in selectors.booths_of_user(user=request.user)]


@router.get(
    "/fairs/{fair_pk}/booths/{pk}/candidates",
    response={200: list[CandidateOut], **NOT_FOUND, 403: Error},
    openapi_extra=pages("students:booth"),
)
@paginate(LimitOffsetPagination)
def candidates(request: HttpRequest, fair_pk: int, pk: int) -> Any:
    """Students who share their profile with the fair, those who ranked this booth first."""
    booth = _booth(request, fair_pk, pk, "students.manage_booth")
    return [
        {
            "registration": r.pk,
            "student": r.student_id,
            "name": r.student.display_name,
            "ranked_booth": bool(r.wish),
        }
        for r in selectors.candidates_for(booth=booth)
    ]


@router.get(
    "/fairs/{fair_pk}/booths/{pk}/interviews",
    response={200: list[InterviewOut], **NOT_FOUND, 403: Error},
    openapi_extra=pages("students:booth"),
)
@paginate(LimitOffsetPagination)
def booth_interviews(request: HttpRequest, fair_pk: int, pk: int) -> Any:
    booth = _booth(request, fair_pk, pk, "students.manage_booth")
    return [
        _interview_out(i)
        for i in selectors.booth_agenda(booth=booth).select_related("booth__organisation")
    ]


@router.put(
    "/fairs/{fair_pk}/booths/{pk}/shortlist",
    response={200: CountOut, **WRITE},
    openapi_extra=pages("students:shortlist"),
)
def set_shortlist(request: HttpRequest, fair_pk: int, pk: int, payload: ShortlistIn) -> Any:
    """Registration numbers, best first, then the ranked alternates."""
    booth = _booth(request, fair_pk, pk, "students.shortlist")
    registrations = {r.pk: r for r in selectors.consenting_registrations(fair=booth.fair)}
    if any(n not in registrations for n in [*payload.chosen, *payload.alternates]):
        raise ValidationError({"chosen": _("Choose students who share their profile.")})
    rows = services.shortlist_set(
        booth=booth, by=request.user,
        chosen=[registrations[n] for n in payload.chosen],
        alternates=[registrations[n] for n in payload.alternates],
    )  # fmt: skip
    return {"count": len(rows)}


@router.put(
    "/fairs/{fair_pk}/booths/{pk}/notes/{registration}",
    response={200: NoteOut, **WRITE},
    openapi_extra=pages("students:note"),
)
def save_note(
    request: HttpRequest, fair_pk: int, pk: int, registration: int, payload: BoothNoteIn
) -> Any:
    booth = _booth(request, fair_pk, pk, "students.note")
    target = selectors.registration_get(fair=booth.fair, pk=registration)
    if target is None:
        raise _missing()
    note = services.note_save(
        booth=booth, registration=target, by=request.user, text=payload.text, rating=payload.rating
    )
    return {"registration": target.pk, "text": note.text, "rating": note.rating}


@router.get(
    "/fairs/{fair_pk}/booths/{pk}/leads",
    response={200: list[LeadOut], **NOT_FOUND, 403: Error},
    openapi_extra=pages("students:leads"),
)
@paginate(LimitOffsetPagination)
def leads(request: HttpRequest, fair_pk: int, pk: int) -> Any:
    """The XLSX export's rows: consenting students the employer met or noted."""
    booth = _booth(request, fair_pk, pk, "students.view_notes")
    notes = selectors.notes_of(booth=booth)
    rows = []
    for registration in selectors.leads_of(booth=booth):
        student, note = registration.student, notes.get(registration.pk)
        rows.append({
            "registration": registration.pk, "name": student.display_name,
            "email": student.user.email,
            "university": student.university, "course": student.course, "level": student.level,
            "graduation_year": student.graduation_year,
            "checked_in": registration.checked_in_at is not None,
            "rating": note.rating if note else None, "note": note.text if note else "",
        })  # fmt: skip
    return rows


# Outreach


def _filters(payload: Any) -> services.StudentFilter:
    region = region_get(slug=payload.home_region) if payload.home_region else None
    return services.StudentFilter(
        university=payload.university, level=payload.level,
        graduation_year=payload.graduation_year, home_region=region.pk if region else None,
    )  # fmt: skip


@router.post(
    "/outreach/invitations",
    response={200: CountOut, **WRITE},
    openapi_extra=pages("students:invite"),
)
def invite(request: HttpRequest, payload: StudentInviteIn) -> Any:
    require(request, "students.operate")
    event = event_get(slug=payload.event)
    if event is None:
        raise _missing()
    return {
        "count": services.invitations_send(event=event, filters=_filters(payload), by=request.user)
    }


@router.get(
    "/outreach/claims",
    response={200: CountOut, 403: Error},
    openapi_extra=pages("students:invite"),
)
def unclaimed(request: HttpRequest) -> Any:
    """How many imported students have not claimed their profile yet."""
    require(request, "students.operate")
    return {"count": services.unclaimed_count()}


@router.post(
    "/outreach/claims/resend",
    response={200: CountOut, **WRITE},
    openapi_extra=pages("students:claim_resend"),
)
def claim_resend(request: HttpRequest) -> Any:
    """E-mail every imported student who has not claimed the profile its link again."""
    return {"count": services.claim_links_resend(by=request.user)}


def _welfare_out(check: Any) -> dict[str, Any]:
    return {
        "id": check.pk, "message": check.message, "created_at": check.created_at,
        "recipients": check.recipients, "answered": check.answered, "need_help": check.need_help,
    }  # fmt: skip


@router.get(
    "/outreach/welfare",
    response={200: list[WelfareOut], 403: Error},
    openapi_extra=pages("students:welfare_list"),
)
@paginate(LimitOffsetPagination)
def welfare_checks(request: HttpRequest) -> Any:
    require(request, "students.operate")
    return [_welfare_out(c) for c in selectors.welfare_checks()]


@router.post(
    "/outreach/welfare",
    response={200: WelfareOut, **WRITE},
    openapi_extra=pages("students:welfare_list"),
)
def send_welfare(request: HttpRequest, payload: WelfareIn) -> Any:
    check = services.welfare_send(
        message=payload.message, filters=_filters(payload), by=request.user
    )
    return _welfare_out(selectors.welfare_check_get(pk=check.pk))


@router.get(
    "/outreach/welfare/{pk}/answers",
    response={200: list[WelfareAnswerOut], **NOT_FOUND, 403: Error},
    openapi_extra=pages("students:welfare"),
)
@paginate(LimitOffsetPagination)
def welfare_answers(request: HttpRequest, pk: int) -> Any:
    require(request, "students.operate")
    check = selectors.welfare_check_get(pk=pk)
    if check is None:
        raise _missing()
    return [
        {
            "student": a.student.display_name,
            "email": a.student.user.email,
            "answer": a.answer,
            "answered_at": a.answered_at,
        }
        for a in selectors.welfare_answers(check=check)
    ]
