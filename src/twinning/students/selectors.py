"""Reads for the students app's pages, API, tasks and commands."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from twinning.core.models import Consent, JobProgress, User
from twinning.core.selectors import consent_withdrawn
from twinning.events.selectors import EVENT_CANCELLED, EVENT_PUBLISHED, events_visible
from twinning.organisations.selectors import organisation_ids_of_user
from twinning.students.allocation import ALLOCATE_JOB, ALLOCATE_STALE
from twinning.students.models import (
    Booth,
    CvRelease,
    CvView,
    EmployerNote,
    FairRegistration,
    Interview,
    JobFair,
    Position,
    Preference,
    Shortlist,
    Student,
    StudentConsent,
    StudentInvitation,
    WelfareAnswer,
    WelfareCheck,
)

if TYPE_CHECKING:
    from twinning.events.models import Event


def student_of(*, user: User) -> Student | None:
    if not user.is_authenticated:
        return None
    return Student.objects.select_related("user", "home_region").filter(user=user).first()


def student_get(*, pk: int) -> Student | None:
    return Student.objects.select_related("user", "home_region").filter(pk=pk).first()


def consents_of(*, student: Student) -> QuerySet[StudentConsent]:
    return student.consents.select_related("fair__event").order_by("-given_at", "-pk")


def cv_views_of(*, student: Student) -> QuerySet[CvView]:
    return student.cv_views.order_by("-viewed_at")


def cv_releases_of(*, student: Student) -> QuerySet[CvRelease]:
    return student.cv_releases.select_related("organisation").order_by("-created_at")


# Positions


@dataclass(frozen=True)
class PositionFilters:
    query: str = ""
    kind: str = ""
    location: str = ""
    language: str = ""


def positions_published(*, filters: PositionFilters | None = None) -> QuerySet[Position]:
    filters = filters or PositionFilters()
    queryset = Position.objects.filter(
        state=Position.State.PUBLISHED, closes_on__gte=timezone.localdate()
    )
    if filters.query:
        queryset = queryset.filter(search_text__contains=filters.query.lower())
    for name in ("kind", "location", "language"):
        if getattr(filters, name):
            queryset = queryset.filter(**{name: getattr(filters, name)})
    return (
        queryset.select_related("organisation")
        .prefetch_related("sectors")
        .order_by("closes_on", "pk")
    )


def position_get(*, pk: int) -> Position | None:
    return (
        Position.objects.select_related("organisation")
        .prefetch_related("sectors")
        .filter(pk=pk)
        .first()
    )


def positions_of_user(*, user: User) -> QuerySet[Position]:
    return (
        Position.objects.filter(organisation_id__in=organisation_ids_of_user(user=user))
        .select_related("organisation")
        .order_by("-created_at")
    )


def positions_submitted() -> QuerySet[Position]:
    return Position.objects.filter(state=Position.State.SUBMITTED).select_related("organisation")


def positions_of_organisation(*, organisation_id: int) -> QuerySet[Position]:
    return Position.objects.filter(organisation_id=organisation_id).order_by("title")


# Fairs


def fairs_open() -> QuerySet[JobFair]:
    return (
        JobFair.objects.filter(event__status=EVENT_PUBLISHED, data_deleted_at__isnull=True)
        .select_related("event")
        .annotate(booth_count=Count("booths", distinct=True))
        .order_by("event__starts_on", "pk")
    )


def fair_get(*, pk: int) -> JobFair | None:
    return JobFair.objects.select_related("event").filter(pk=pk).first()


def _allocation_jobs(fair: JobFair) -> QuerySet[JobProgress]:
    return JobProgress.objects.filter(kind=ALLOCATE_JOB, label=str(fair.pk))


def fair_allocation_running(*, fair: JobFair) -> JobProgress | None:
    """The fair's allocation queued or under way (and heard of lately), if there is one."""
    return (
        _allocation_jobs(fair)
        .filter(
            state__in=(JobProgress.State.QUEUED, JobProgress.State.RUNNING),
            updated_at__gte=timezone.now() - ALLOCATE_STALE,
        )
        .order_by("-pk")
        .first()
    )


def fair_allocation_job(*, fair: JobFair, pk: int) -> JobProgress | None:
    """One of the fair's allocation jobs, by id (another fair's or another kind's: None)."""
    return _allocation_jobs(fair).filter(pk=pk).first()


def fair_for_event(*, event: Event) -> JobFair | None:
    return JobFair.objects.filter(event=event).first()


def booths_of(*, fair: JobFair) -> QuerySet[Booth]:
    return (
        fair.booths.select_related("organisation")
        .prefetch_related(
            Prefetch("positions", queryset=Position.objects.filter(state=Position.State.PUBLISHED))
        )
        .order_by("number")
    )


def booths_met_by(*, student: Student) -> list[Booth]:
    """One booth per employer at the fairs the student registered for (latest fair first), in
    one read: the employers the student may release the CV to."""
    booths = (
        Booth.objects.filter(fair__registrations__student=student)
        .select_related("organisation")
        .order_by("-fair__event__starts_on", "number")
    )
    seen: dict[int, Booth] = {}
    for booth in booths:
        seen.setdefault(booth.organisation_id, booth)
    return list(seen.values())


def booth_organisation_choices(*, fair: JobFair) -> list[tuple[int, str]]:
    """The programme's organisations that have no booth at the fair yet, as form choices."""
    from twinning.organisations.selectors import organisations_for_matching

    taken = set(fair.booths.values_list("organisation_id", flat=True))
    organisations = organisations_for_matching(programme_id=fair.event.programme_id)
    return [(o.pk, o.display_name) for o in organisations if o.pk not in taken]


def booth_get(*, fair: JobFair, pk: int) -> Booth | None:
    return fair.booths.select_related("organisation", "fair__event").filter(pk=pk).first()


def booths_of_user(*, user: User) -> QuerySet[Booth]:
    return (
        Booth.objects.filter(organisation_id__in=organisation_ids_of_user(user=user))
        .select_related("organisation", "fair__event")
        .order_by("-fair__event__starts_on")
    )


def registration_of(*, fair: JobFair, student: Student | None) -> FairRegistration | None:
    if student is None:
        return None
    return (
        fair.registrations.select_related("student__user", "fair__event")
        .filter(student=student)
        .first()
    )


def registrations_of_student(*, student: Student) -> QuerySet[FairRegistration]:
    return student.fair_registrations.select_related("fair__event").order_by(
        "-fair__event__starts_on"
    )


def registration_get(*, fair: JobFair, pk: int) -> FairRegistration | None:
    return fair.registrations.select_related("student__user", "fair__event").filter(pk=pk).first()


def registration_by_pass(*, fair: JobFair, token: str) -> FairRegistration | None:
    return fair.registrations.select_related("student__user").filter(pass_token=token).first()


def registration_by_feed(*, token: str) -> FairRegistration | None:
    return (
        FairRegistration.objects.select_related("fair__event", "student__user")
        .filter(feed_token=token)
        .first()
    )


def preferences_of(*, registration: FairRegistration) -> QuerySet[Preference]:
    return registration.preferences.select_related("booth__organisation").order_by("rank")


def consenting_registrations(*, fair: JobFair) -> QuerySet[FairRegistration]:
    """Registrations of students who share their profile with this fair's employers."""
    sharing = StudentConsent.objects.filter(
        fair=fair, purpose=StudentConsent.Purpose.FAIR_CV, withdrawn_at__isnull=True
    ).values("student_id")
    return fair.registrations.filter(student_id__in=sharing).select_related("student__user")


def candidates_for(*, booth: Booth) -> QuerySet[FairRegistration]:
    """Students who share their profile and ranked this booth, best rank first, then the rest."""
    return (
        consenting_registrations(fair=booth.fair)
        .annotate(
            wish=Count("preferences", filter=Q(preferences__booth=booth)),
        )
        .order_by("-wish", "student__user__full_name", "pk")
    )


def shortlist_of(*, booth: Booth) -> QuerySet[Shortlist]:
    return booth.shortlist.select_related("registration__student__user").order_by(
        "alternate", "rank"
    )


def agenda_of(*, registration: FairRegistration) -> QuerySet[Interview]:
    """The student's interviews, visible once published (offers included)."""
    if registration.fair.published_at is None:
        return Interview.objects.none()
    return (
        registration.interviews.filter(
            status__in=[Interview.Status.SCHEDULED, Interview.Status.OFFERED]
        )
        .select_related("booth__organisation", "slot", "fair__event")
        .order_by("slot__number")
    )


def feed_interviews(*, registration: FairRegistration) -> QuerySet[Interview]:
    """Everything the student's calendar has held: cancelled and declined too, so that calendar
    applications remove them."""
    if registration.fair.published_at is None:
        return Interview.objects.none()
    return (
        registration.interviews.exclude(status=Interview.Status.PROPOSED)
        .select_related("booth__organisation", "slot", "fair__event")
        .order_by("slot__number", "pk")
    )


def booth_agenda(*, booth: Booth) -> QuerySet[Interview]:
    return (
        booth.interviews.filter(status__in=Interview.ACTIVE)
        .select_related("registration__student__user", "slot")
        .order_by("slot__number", "seat")
    )


def fair_interviews(*, fair: JobFair) -> QuerySet[Interview]:
    return (
        fair.interviews.filter(status__in=Interview.ACTIVE)
        .select_related("registration__student__user", "booth__organisation", "slot")
        .order_by("slot__number", "booth__number", "seat")
    )


def interview_get(*, pk: int) -> Interview | None:
    return (
        Interview.objects.select_related(
            "registration__student__user", "booth__organisation", "slot", "fair__event"
        )
        .filter(pk=pk)
        .first()
    )


def fair_counts(*, fair: JobFair) -> dict[str, int]:
    registrations = fair.registrations.all()
    return {
        "registrations": registrations.count(),
        "ranked": registrations.filter(preferences__isnull=False).distinct().count(),
        "booths": fair.booths.count(),
        "interviews": fair.interviews.filter(status__in=Interview.ACTIVE).count(),
        "without": registrations.filter(preferences__isnull=False)
        .exclude(interviews__status__in=Interview.ACTIVE)
        .distinct()
        .count(),
        "checked_in": registrations.filter(checked_in_at__isnull=False).count(),
    }


def check_in_search(*, fair: JobFair, query: str) -> QuerySet[FairRegistration]:
    queryset = fair.registrations.select_related("student__user")
    if query:
        queryset = queryset.filter(
            Q(student__user__full_name__icontains=query) | Q(student__user__email__icontains=query)
        )
    return queryset.order_by("student__user__full_name", "pk")[:50]


def notes_of(*, booth: Booth) -> dict[int, EmployerNote]:
    return {n.registration_id: n for n in booth.notes.all()}


def leads_of(*, booth: Booth) -> QuerySet[FairRegistration]:
    """Students the employer met or noted, who share their profile with this fair."""
    met = Q(interviews__booth=booth) | Q(employer_notes__booth=booth)
    return (
        consenting_registrations(fair=booth.fair)
        .filter(met)
        .select_related("student__user", "student__home_region")
        .distinct()
        .order_by("student__user__full_name", "pk")
    )


# Outreach


def invitations_of(*, event: Event) -> QuerySet[StudentInvitation]:
    return event.student_invitations.select_related("student__user").order_by(
        "student__user__full_name", "pk"
    )


def invitation_get(*, pk: int) -> StudentInvitation | None:
    return StudentInvitation.objects.select_related("event", "student__user").filter(pk=pk).first()


def welfare_checks() -> QuerySet[WelfareCheck]:
    return WelfareCheck.objects.annotate(
        recipients=Count("answers"),
        answered=Count("answers", filter=~Q(answers__answer="")),
        need_help=Count("answers", filter=Q(answers__answer="help")),
    ).order_by("-created_at")


def welfare_check_get(*, pk: int) -> WelfareCheck | None:
    return welfare_checks().filter(pk=pk).first()


def welfare_answers(*, check: WelfareCheck) -> QuerySet[WelfareAnswer]:
    return check.answers.select_related("student__user").order_by(
        "answer", "student__user__full_name"
    )


def welfare_answer_get(*, pk: int) -> WelfareAnswer | None:
    return (
        WelfareAnswer.objects.select_related("student__user", "welfare_check").filter(pk=pk).first()
    )


def students_sharing_with(*, organisation_id: int) -> QuerySet[Student]:
    """Students who let this employer see them: a fair consent for a fair where it has a booth,
    or a CV release to it that has not run out."""
    fairs = Booth.objects.filter(organisation_id=organisation_id).values("fair_id")
    by_fair = StudentConsent.objects.filter(
        purpose=StudentConsent.Purpose.FAIR_CV, withdrawn_at__isnull=True, fair_id__in=fairs
    ).values("student_id")
    released = CvRelease.objects.filter(
        organisation_id=organisation_id, revoked_at__isnull=True, until__gt=timezone.now()
    ).values("student_id")
    return (
        Student.objects.filter(Q(pk__in=by_fair) | Q(pk__in=released))
        .select_related("user")
        .prefetch_related("sectors")
        .order_by("pk")
    )


def students_to_match(*, organisation_id: int) -> QuerySet[Student]:
    """Students sharing with the employer who have not withdrawn the use of their profile
    for matching (core's `matching` consent)."""
    withdrawn = consent_withdrawn(purpose=Consent.Purpose.MATCHING)
    return students_sharing_with(organisation_id=organisation_id).exclude(user__in=withdrawn)


def dashboard_panel(*, user: User) -> dict[str, Any] | None:
    """The dashboard's students block: a student's fairs, an employer's booths; else nothing."""
    student = student_of(user=user)
    booths = list(booths_of_user(user=user)[:10]) if user.is_authenticated else []
    if student is None and not booths:
        return None
    registrations = list(registrations_of_student(student=student)) if student else []
    return {"student": student, "registrations": registrations, "booths": booths}


def job_fair_events_open(*, user: User) -> list[Any]:
    """Job-fair events the operator can see that have no fair yet (to open one on)."""
    return list(events_visible(user=user).filter(kind="job_fair", job_fair__isnull=True))


def event_visible(*, user: User, pk: Any) -> Any:
    """One event the user can see, by id, or None."""
    if not str(pk).isdigit():
        return None
    return events_visible(user=user).filter(pk=int(pk)).first()


def events_to_invite_to(*, user: User) -> list[Any]:
    return list(events_visible(user=user).exclude(status=EVENT_CANCELLED))


def cv_release_of(*, student: Student, pk: int) -> CvRelease | None:
    return student.cv_releases.filter(pk=pk).first()
