"""Writes on job fairs: set-up, registration, both sides' preferences, allocation, publication,
declines that offer the slot to the next alternate, check-in and employers' notes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.core.models import JobProgress, User
from twinning.core.rules import require
from twinning.core.services import audit_log, job_start, notify
from twinning.events.selectors import EVENT_PUBLISHED
from twinning.scheduling import jobfair as jf
from twinning.students import allocation, selectors
from twinning.students.models import (
    Booth,
    EmployerNote,
    FairRegistration,
    Interview,
    JobFair,
    Position,
    Preference,
    Shortlist,
    Student,
    StudentConsent,
)
from twinning.students.models.fairs import new_token
from twinning.students.services.registry import consent_give
from twinning.students.workflows import INTERVIEW

if TYPE_CHECKING:
    from twinning.events.models import Event, Slot
    from twinning.organisations.models import Organisation

Status = Interview.Status


# How long the optimiser may search when a command or the demo waits for it, and when it runs
# in the background worker (the allocate_fair task, what the page and the API queue);
# docs/jobfairs.md has the figures.
ALLOCATE_SECONDS = 20
ALLOCATE_SECONDS_QUEUED = 60


@transaction.atomic
def fair_create(*, event: Event, by: User, max_interviews: int = 4, max_wishes: int = 8) -> JobFair:
    require(by, "students.manage_fair", None)
    if event.kind != "job_fair":
        raise ValidationError({"event": _("Only a job-fair event can hold a job fair.")})
    # The page's form holds the same limits; the API and other callers meet them here.
    errors = {}
    if not 1 <= max_interviews <= 16:
        errors["max_interviews"] = _("A student has 1 to 16 interviews at most.")
    if not 1 <= max_wishes <= 20:
        errors["max_wishes"] = _("A student ranks 1 to 20 employers.")
    if errors:
        raise ValidationError(errors)
    fair, _created = JobFair.objects.get_or_create(
        event=event, defaults={"max_interviews": max_interviews, "max_wishes": max_wishes}
    )
    audit_log(action="job_fair.create", actor=by, target=fair)
    return fair


@transaction.atomic
def booth_add(
    *, fair: JobFair, organisation: Organisation, by: User, interviewers: int = 1
) -> Booth:
    require(by, "students.manage_fair", fair)
    if not 1 <= interviewers <= 20:
        raise ValidationError({"interviewers": _("A booth has 1 to 20 interviewers.")})
    # The fair is locked before the check: two operators adding one employer at once would both
    # pass it, and the second would end on the booth_once constraint.
    JobFair.objects.select_for_update().filter(pk=fair.pk).first()
    if fair.booths.filter(organisation=organisation).exists():
        raise ValidationError({"organisation": _("This employer already has a booth.")})
    number = (fair.booths.aggregate(n=Max("number"))["n"] or 0) + 1
    booth = Booth.objects.create(
        fair=fair, organisation=organisation, number=number, interviewers=interviewers
    )
    audit_log(action="booth.add", actor=by, target=booth)
    return booth


@transaction.atomic
def booth_update(
    *, booth: Booth, by: User, interviewers: int, positions: Sequence[Position] = ()
) -> Booth:
    require(by, "students.manage_booth", booth)
    if not 1 <= interviewers <= 20:
        raise ValidationError({"interviewers": _("A booth has 1 to 20 interviewers.")})
    booth.interviewers = interviewers
    booth.save(update_fields=["interviewers"])
    if any(p.organisation_id != booth.organisation_id for p in positions):
        raise ValidationError({"positions": _("Choose positions of this employer.")})
    booth.positions.set(list(positions))
    audit_log(action="booth.update", actor=by, target=booth)
    return booth


@transaction.atomic
def fair_register(
    *, fair: JobFair, student: Student, by: User, share_profile: bool
) -> FairRegistration:
    """Register for a fair; `share_profile` is the consent to show the profile and CV to the
    fair's employers, recorded for this fair only."""
    require(by, "students.register_fair", fair)
    require(by, "students.edit_student", student)
    if fair.event.status != EVENT_PUBLISHED:
        raise ValidationError(_("Registration for this fair is not open."))
    registration, _created = FairRegistration.objects.get_or_create(fair=fair, student=student)
    if share_profile:
        consent_give(student=student, purpose=StudentConsent.Purpose.FAIR_CV, fair=fair, by=by)
    audit_log(action="job_fair.register", actor=by, target=registration)
    return registration


def _lock_registration(registration: FairRegistration) -> FairRegistration:
    return (
        FairRegistration.objects.select_for_update()
        .select_related("fair", "student__user")
        .get(pk=registration.pk)
    )


@transaction.atomic
def preferences_set(
    *, registration: FairRegistration, by: User, booths: Sequence[Booth]
) -> list[Preference]:
    """The student's ranking, best first; it replaces the one before."""
    registration = _lock_registration(registration)
    require(by, "students.rank", registration)
    if len({b.pk for b in booths}) != len(booths):
        raise ValidationError({"booths": _("Each employer can be ranked only once.")})
    if len(booths) > registration.fair.max_wishes:
        raise ValidationError(
            {"booths": _("Rank at most %(n)s employers.") % {"n": registration.fair.max_wishes}}
        )
    if any(b.fair_id != registration.fair_id for b in booths):
        raise ValidationError({"booths": _("Choose employers of this fair.")})
    registration.preferences.all().delete()
    preferences = Preference.objects.bulk_create(
        Preference(registration=registration, booth=b, rank=n) for n, b in enumerate(booths, 1)
    )
    audit_log(action="job_fair.rank", actor=by, target=registration, booths=[b.pk for b in booths])
    return preferences


@transaction.atomic
def registration_feed_reset(*, registration: FairRegistration, by: User) -> FairRegistration:
    """A new secret link for the student's interviews calendar; the old one stops working at once
    (a leaked link), as the events' agenda link does."""
    registration = _lock_registration(registration)
    require(by, "students.view_registration", registration)  # the student, or an operator
    registration.feed_token = new_token()
    registration.save(update_fields=["feed_token"])
    audit_log(action="job_fair.feed_reset", actor=by, target=registration)
    return registration


@transaction.atomic
def unavailability_set(
    *, registration: FairRegistration, by: User, slots: Sequence[Slot]
) -> FairRegistration:
    registration = _lock_registration(registration)
    require(by, "students.rank", registration)
    if any(s.event_id != registration.fair.event_id for s in slots):
        raise ValidationError({"slots": _("Choose slots of this fair.")})
    registration.unavailable_slots.set(list(slots))
    return registration


def _sharing_with_fair(fair_id: int, student_ids: list[int]) -> set[int]:
    """Which of the students share their profile with this fair's employers (one read)."""
    return set(
        StudentConsent.objects.filter(
            student_id__in=student_ids,
            purpose=StudentConsent.Purpose.FAIR_CV,
            fair_id=fair_id,
            withdrawn_at__isnull=True,
        ).values_list("student_id", flat=True)
    )


@transaction.atomic
def shortlist_set(
    *,
    booth: Booth,
    by: User,
    chosen: Sequence[FairRegistration],
    alternates: Sequence[FairRegistration] = (),
) -> list[Shortlist]:
    """The employer's shortlist, best first, then the ranked alternates; only students who
    share their profile with this fair's employers can be listed."""
    require(by, "students.shortlist", booth)
    everyone = [*chosen, *alternates]
    if len({r.pk for r in everyone}) != len(everyone):
        raise ValidationError({"chosen": _("Each student can be listed only once.")})
    sharing = _sharing_with_fair(booth.fair_id, [r.student_id for r in everyone])
    for registration in everyone:
        if registration.fair_id != booth.fair_id or registration.student_id not in sharing:
            raise ValidationError({"chosen": _("Choose students who share their profile.")})
    booth.shortlist.all().delete()
    rows = [Shortlist(booth=booth, registration=r, rank=n) for n, r in enumerate(chosen, 1)]
    rows += [
        Shortlist(booth=booth, registration=r, rank=n, alternate=True)
        for n, r in enumerate(alternates, 1)
    ]
    audit_log(action="booth.shortlist", actor=by, target=booth, listed=len(rows))
    return Shortlist.objects.bulk_create(rows)


def _allocation_ready(fair: JobFair) -> None:
    if not fair.event.slots.exists():
        raise ValidationError(_("Set up the fair's slot grid first."))


@transaction.atomic
def fair_allocate_enqueue(*, fair: JobFair, by: User) -> JobProgress:
    """Queue the allocation of the fair's interviews (up to a minute of optimising) for the
    background worker (``tasks.allocate_fair``); the page and the API follow the job."""
    from twinning.students.tasks import allocate_fair  # tasks import us

    require(by, "students.manage_fair", fair)
    _allocation_ready(fair)
    # One at a time per fair: a second would overwrite the first's proposals as it writes.
    JobFair.objects.select_for_update().filter(pk=fair.pk).first()
    if selectors.fair_allocation_running(fair=fair) is not None:
        raise ValidationError(_("An allocation of this fair is already under way."))
    job = job_start(
        kind=allocation.ALLOCATE_JOB, label=str(fair.pk), by=by, total=allocation.ALLOCATION_STEPS
    )
    audit_log(action="job_fair.allocate_queued", actor=by, target=fair, job=job.pk)
    # After the commit: a worker on Redis could otherwise take it before the job exists.
    transaction.on_commit(
        lambda: allocate_fair.enqueue(fair_id=fair.pk, job_id=job.pk, by_id=by.pk)
    )
    return job


def fair_allocate(
    *,
    fair: JobFair,
    by: User | None,
    time_limit: float = ALLOCATE_SECONDS,
    progress: Callable[[int, str], None] | None = None,
) -> dict[str, Any]:
    """Allocate the fair's interviews; published and locked ones stay. Returns the summary.
    ``progress(step, message)`` hears of each of the three steps (0, 1, 2) as it starts."""
    if by is not None:
        require(by, "students.manage_fair", fair)
    _allocation_ready(fair)
    tell = progress or (lambda step, message: None)
    tell(0, _("Reading registrations, wishes and shortlists"))
    plan = allocation.plan_for(fair)
    tell(1, _("Optimising the interviews (up to %(seconds)d s)") % {"seconds": time_limit})
    result = jf.allocate(plan.problem, time_limit=time_limit)
    tell(2, _("Writing the interviews"))
    with transaction.atomic():
        written = allocation.apply_result(plan, result)
        JobFair.objects.filter(pk=fair.pk).update(allocated_at=timezone.now())
        audit_log(action="job_fair.allocate", actor=by, target=fair, interviews=written)
    return {
        "status": result.status,
        "interviews": len(result.interviews),
        "students_asking": result.students_asking,
        "students_without": len(result.students_without),
        "seconds": round(result.seconds, 2),
        "reasons": [allocation.readable(plan, r) for r in result.reasons[:50]],
    }


@transaction.atomic
def fair_publish(*, fair: JobFair, by: User) -> int:
    """Publish the allocated interviews: students and employers see them and their calendars."""
    require(by, "students.manage_fair", fair)
    fair = JobFair.objects.select_for_update().select_related("event").get(pk=fair.pk)
    proposed = fair.interviews.filter(status=Status.PROPOSED)
    registrations = set(proposed.values_list("registration_id", flat=True))
    count = proposed.update(status=Status.SCHEDULED, sequence=F("sequence") + 1)
    fair.published_at = timezone.now()
    fair.save(update_fields=["published_at"])
    for registration in FairRegistration.objects.filter(pk__in=registrations).select_related(
        "student__user"
    ):
        notify(
            recipient=registration.student.user,
            template="students/email/interviews_published",
            context={"fair": fair, "registration": registration},
        )
    audit_log(action="job_fair.publish", actor=by, target=fair, interviews=count)
    return count


def _lock_interview(interview: Interview) -> Interview:
    return (
        Interview.objects.select_for_update()
        .select_related("registration__student__user", "booth__organisation", "slot", "fair")
        .get(pk=interview.pk)
    )


def _offer_to_next_alternate(interview: Interview) -> Interview | None:
    """Offer a freed seat to the best-ranked alternate (then any shortlisted student) who is
    free in that slot and has no interview with this employer yet."""
    booth, slot = interview.booth, interview.slot
    busy = Interview.objects.filter(
        fair=interview.fair, slot=slot, status__in=Interview.ACTIVE
    ).values("registration_id")
    met = Interview.objects.filter(booth=booth).values("registration_id")
    candidate = (
        booth.shortlist.exclude(registration_id__in=busy)
        .exclude(registration_id__in=met)
        .exclude(registration__unavailable_slots=slot)
        .select_related("registration__student__user")
        .order_by("-alternate", "rank")
        .first()
    )
    if candidate is None:
        return None
    offer = Interview.objects.create(
        fair=interview.fair,
        booth=booth,
        registration=candidate.registration,
        slot=slot,
        seat=interview.seat,
        status=Status.OFFERED,
        sequence=1,
    )
    notify(
        recipient=candidate.registration.student.user,
        template="students/email/interview_offered",
        context={"interview": offer, "fair": interview.fair},
    )
    return offer


@transaction.atomic
def interview_decline(*, interview: Interview, by: User) -> Interview | None:
    """The student declines; the seat goes to the next alternate. Returns the new offer."""
    interview = _lock_interview(interview)
    require(by, "students.respond_interview", interview)
    INTERVIEW.move(interview, "decline")
    interview.sequence += 1
    interview.save(update_fields=["status", "sequence", "updated_at"])
    audit_log(action="interview.decline", actor=by, target=interview)
    return _offer_to_next_alternate(interview)


@transaction.atomic
def interview_accept(*, interview: Interview, by: User) -> Interview:
    interview = _lock_interview(interview)
    require(by, "students.respond_interview", interview)
    INTERVIEW.move(interview, "accept")
    interview.sequence += 1
    interview.save(update_fields=["status", "sequence", "updated_at"])
    audit_log(action="interview.accept", actor=by, target=interview)
    return interview


@transaction.atomic
def interview_lock(*, interview: Interview, by: User, locked: bool = True) -> Interview:
    interview = _lock_interview(interview)
    require(by, "students.manage_fair", interview.fair)
    interview.locked = locked
    interview.save(update_fields=["locked", "updated_at"])
    audit_log(action="interview.lock" if locked else "interview.unlock", actor=by, target=interview)
    return interview


@transaction.atomic
def check_in(*, registration: FairRegistration, by: User) -> FairRegistration:
    registration = _lock_registration(registration)
    require(by, "students.check_in", registration.fair)
    if registration.checked_in_at is None:
        registration.checked_in_at, registration.checked_in_by = timezone.now(), by
        registration.save(update_fields=["checked_in_at", "checked_in_by"])
        audit_log(action="job_fair.check_in", actor=by, target=registration)
    return registration


@transaction.atomic
def note_save(
    *, booth: Booth, registration: FairRegistration, by: User, text: str, rating: int | None
) -> EmployerNote:
    require(by, "students.note", booth)
    if registration.fair_id != booth.fair_id:
        raise ValidationError(_("This student is not registered for this fair."))
    if rating is not None and not 1 <= rating <= 5:
        raise ValidationError({"rating": _("Rate from 1 to 5.")})
    note, _created = EmployerNote.objects.update_or_create(
        booth=booth,
        registration=registration,
        defaults={"text": text, "rating": rating, "author": by},
    )
    audit_log(action="booth.note", actor=by, target=note)
    return note
