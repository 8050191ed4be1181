"""Reads for events: listings, the participants browser, requests, agendas, the schedule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.events.models import (
    CheckIn,
    Event,
    Interpreter,
    Invitation,
    Meeting,
    MeetingRequest,
    Registration,
    ScheduleRun,
    ScheduleVersion,
    Slot,
    Table,
    Unavailability,
)
from twinning.events.selectors_brokerage import rules_in_force
from twinning.matching.selectors import recommendations_for

if TYPE_CHECKING:
    from twinning.core.models import User

PARTY = ("request__requester__user", "request__recipient__user")
PARTY_ORGS = (
    "request__requester__organisation",
    "request__recipient__organisation",
    "request__requester__organisation__region",
    "request__recipient__organisation__region",
)


# For other apps, which reach events only through its selectors and compare no status strings.
EVENT_PUBLISHED = Event.Status.PUBLISHED
EVENT_CANCELLED = Event.Status.CANCELLED


def events_public() -> QuerySet[Event]:
    return Event.objects.filter(status=Event.Status.PUBLISHED, is_public=True).select_related(
        "programme"
    )


def events_visible(*, user: User) -> QuerySet[Event]:
    """Public events, plus the ones the user registered for; operators see every event."""
    if user.is_authenticated and user.is_staff:
        return Event.objects.select_related("programme")
    if not user.is_authenticated:
        return events_public()
    mine = Q(registrations__user=user) & ~Q(registrations__status=Registration.Status.CANCELLED)
    public = Q(status=Event.Status.PUBLISHED, is_public=True)
    return Event.objects.filter(public | mine).distinct().select_related("programme")


def events_listed(*, user: User) -> QuerySet[Event]:
    """The events page: what the user may see, the latest first."""
    return events_visible(user=user).order_by("-starts_on")


def event_get(*, slug: str) -> Event | None:
    related = ("programme__side_a", "programme__side_b", "grid")
    return Event.objects.select_related(*related).filter(slug=slug).first()


@dataclass(frozen=True)
class DayHours:
    zone: str
    starts_at: dt.datetime
    ends_at: dt.datetime


def day_hours(*, event: Event) -> list[DayHours]:
    """The meeting day from first to last slot, in the event's zone and in each side's."""
    slots = event.slots.order_by("number")
    first, last = slots.first(), slots.last()
    if first is None or last is None:
        return []
    programme = event.programme
    zones = [event.time_zone, programme.side_a.time_zone, programme.side_b.time_zone]
    return [DayHours(zone, first.starts_at, last.ends_at) for zone in dict.fromkeys(zones)]


def day_has_two_sessions(*, event: Event) -> bool:
    """Whether the slot grid has a morning and an afternoon, so a meeting may wish for one."""
    sessions = event.slots.order_by().values_list("session", flat=True).distinct()
    return set(sessions) == {Slot.Session.MORNING, Slot.Session.AFTERNOON}


def registration_of(*, event: Event, user: User) -> Registration | None:
    if not user.is_authenticated:
        return None
    queryset = Registration.objects.select_related("user", "organisation__region", "event")
    return queryset.filter(event=event, user=user).first()


def registrations_of_user(*, user: User) -> QuerySet[Registration]:
    """The user's registrations for the events they can see, by the event's first day."""
    if not user.is_authenticated:
        return Registration.objects.none()
    visible = events_visible(user=user).values("pk")
    queryset = Registration.objects.select_related("user", "organisation__region", "event")
    return queryset.filter(user=user, event__in=visible).order_by("event__starts_on", "pk")


def registration_get(*, event: Event, pk: int) -> Registration | None:
    queryset = Registration.objects.select_related("user", "organisation__region", "event")
    return queryset.filter(event=event, pk=pk).first()


def registrations(*, event: Event, status: str | None = None) -> QuerySet[Registration]:
    queryset = event.registrations.select_related("user", "organisation__region__side")
    return queryset.filter(status=status) if status else queryset


def registrations_to_manage(*, event: Event) -> QuerySet[Registration]:
    """The operator's list: pending first, then by when they registered."""
    return registrations(event=event).order_by("status", "created_at")


@dataclass
class ParticipantFilter:
    query: str = ""
    side: str = ""
    sector: str = ""
    language: str = ""


def participants(
    *, event: Event, viewer: Registration | None, filters: ParticipantFilter
) -> QuerySet[Registration]:
    """Approved participants other than the viewer, narrowed by the browser's filters."""
    queryset = registrations(event=event, status=Registration.Status.APPROVED)
    if viewer is not None:
        queryset = askable(queryset.exclude(pk=viewer.pk), viewer=viewer)
    if filters.query:
        text = filters.query.lower()
        queryset = queryset.filter(
            Q(user__full_name__icontains=text)
            | Q(organisation__search_text__contains=text)
            | Q(looking_for__icontains=text)
        )
    if filters.side:
        queryset = queryset.filter(organisation__side__code=filters.side)
    if filters.sector:
        queryset = queryset.filter(organisation__sectors__code__startswith=filters.sector)
    if filters.language:
        queryset = queryset.filter(languages__contains=filters.language)
    return queryset.prefetch_related("organisation__sectors").distinct()


def askable(queryset: QuerySet[Registration], *, viewer: Registration) -> QuerySet[Registration]:
    """Leave out whom the event's pairing rule does not let the viewer ask (the service refuses
    them too, naming the rule)."""
    rules = rules_in_force(event=viewer.event)
    if rules.by_type:
        wanted = Registration.COMPLEMENT.get(viewer.participation)
        queryset = queryset.filter(participation=wanted) if wanted else queryset.none()
    if not rules.cross_side:
        return queryset
    if viewer.organisation is None:
        return queryset.none()
    return queryset.filter(organisation__isnull=False).exclude(
        organisation__side_id=viewer.organisation.side_id
    )


@dataclass(frozen=True)
class Match:
    score: float
    reason: str


def matches_for(*, registration: Registration | None) -> dict[int, Match]:
    """Organisation id -> the matching engine's score and first reason for the viewer's
    organisation; empty when the viewer represents none or nothing has been computed."""
    if registration is None or registration.organisation is None:
        return {}
    return {
        partner.candidate.pk: Match(
            score=partner.recommendation.score,
            reason=partner.reasons[0] if partner.reasons else "",
        )
        for partner in recommendations_for(organisation=registration.organisation)
    }


def rank_participants(
    people: list[Registration], viewer: Registration | None, matches: dict[int, Match]
) -> list[Registration]:
    """Best matches first, then the other side of the programme, then by name."""
    own_side = viewer.organisation.side_id if viewer and viewer.organisation else None

    def key(person: Registration) -> tuple[float, bool, str]:
        match = matches.get(person.organisation_id or 0)
        other_side = person.organisation is not None and person.organisation.side_id != own_side
        return (-(match.score if match else -1.0), not other_side, person.display_name)

    for person in people:
        person.match = matches.get(person.organisation_id or 0)  # type: ignore[attr-defined]
    return sorted(people, key=key)


def open_partners(*, registration: Registration) -> dict[int, MeetingRequest]:
    """Partner registration id -> the open request between them and `registration`."""
    mine = MeetingRequest.objects.filter(status__in=MeetingRequest.OPEN).filter(
        Q(requester=registration) | Q(recipient=registration)
    )
    return {r.other(registration).pk: r for r in mine.select_related("requester", "recipient")}


def requests_of(*, registration: Registration) -> QuerySet[MeetingRequest]:
    related = (
        "requester__user",
        "recipient__user",
        "requester__organisation",
        "recipient__organisation",
    )
    return (
        MeetingRequest.objects.filter(Q(requester=registration) | Q(recipient=registration))
        .select_related(*related)
        .order_by("status", "-created_at")
    )


def agenda(*, registration: Registration) -> QuerySet[Meeting]:
    """The participant's published meetings, cancelled ones included, in time order."""
    return (
        Meeting.objects.filter(
            Q(request__requester=registration) | Q(request__recipient=registration)
        )
        .exclude(published_status="")
        .select_related(
            "event",
            "published_slot",
            "published_table",
            "published_interpreter",
            *PARTY,
            *PARTY_ORGS,
        )
        .order_by("published_slot__number")
    )


def meetings_awaiting_schedule(*, registration: Registration) -> int:
    """Accepted meetings of the participant that no published schedule has placed yet."""
    mine = Q(request__requester=registration) | Q(request__recipient=registration)
    return (
        Meeting.objects.filter(mine, status__in=Meeting.ACTIVE, published_status="")
        .order_by()
        .count()
    )


def agendas(*, event: Event) -> list[tuple[Registration, list[Meeting]]]:
    """Every approved participant with their published meetings, for printing them all."""
    people = list(registrations(event=event, status=Registration.Status.APPROVED).order_by("pk"))
    meetings = (
        event.meetings.exclude(published_status="")
        .exclude(published_status=Meeting.Status.CANCELLED)
        .select_related(
            "event",
            "published_slot",
            "published_table",
            "published_interpreter",
            *PARTY,
            *PARTY_ORGS,
        )
        .order_by("published_slot__number")
    )
    by_person: dict[int, list[Meeting]] = {p.pk: [] for p in people}
    for meeting in meetings:
        for party in meeting.participants:
            by_person.setdefault(party.pk, []).append(meeting)
    return [(person, by_person[person.pk]) for person in people if by_person[person.pk]]


@dataclass(frozen=True)
class Conflict:
    """A hard rule the working schedule breaks, in words for the operator."""

    meeting: Meeting
    message: str
    # The meeting it clashes with, for a double booking.
    other: Meeting | None = None


# What the schedule's grid, its conflicts and the API's cells read of each live meeting: the
# rest of the five rows behind it (time stamps above all) cost more to load than the page.
GRID_FIELDS = (
    "event", "request", "slot", "table", "interpreter", "status", "locked",
    "request__session", "request__requester", "request__recipient",
    "request__requester__user", "request__recipient__user",
    "request__requester__organisation", "request__recipient__organisation",
    "request__requester__user__full_name", "request__requester__user__email",
    "request__recipient__user__full_name", "request__recipient__user__email",
    "interpreter__name",
)  # fmt: skip


def _grid_meetings(event: Event) -> list[Meeting]:
    """The day's live meetings, with their participants and interpreter, as the grid shows them."""
    return list(
        event.meetings.filter(status__in=Meeting.ACTIVE)
        .select_related("interpreter", *PARTY)
        .only(*GRID_FIELDS)
        .order_by("pk")
    )


def schedule_conflicts(*, event: Event, live: list[Meeting] | None = None) -> list[Conflict]:
    """Double bookings in the working schedule (a participant or an interpreter in two
    meetings of one slot) and meetings in a slot a participant said they cannot make: what a
    "Move anyway" may have left, and what publishing would hand out. `live`: the day's live
    meetings if the caller has them already (`_grid_meetings`)."""
    slots: dict[int | None, Slot] = {slot.pk: slot for slot in event.slots.all()}
    placed = sorted(
        (m for m in (_grid_meetings(event) if live is None else live) if m.slot_id in slots),
        key=lambda m: (slots[m.slot_id].number, m.pk),
    )
    unavailable = set(
        Unavailability.objects.filter(registration__event=event).values_list(
            "registration_id", "slot_id"
        )
    )

    def clock(meeting: Meeting) -> str:
        return slots[meeting.slot_id].starts_at.astimezone(event.zone).strftime("%H:%M")

    seen: dict[tuple[str, int, int | None], Meeting] = {}
    conflicts = []
    for meeting in placed:
        for person in meeting.participants:
            key = ("person", person.pk, meeting.slot_id)
            if key in seen:
                text = _double(person.display_name, clock(meeting))
                conflicts.append(Conflict(meeting, text, seen[key]))
            seen[key] = meeting
            if (person.pk, meeting.slot_id) in unavailable:
                text = _unavailable(person.display_name, clock(meeting))
                conflicts.append(Conflict(meeting, text))
        if meeting.interpreter is not None:
            key = ("interpreter", meeting.interpreter.pk, meeting.slot_id)
            if key in seen:
                text = _double(meeting.interpreter.name, clock(meeting))
                conflicts.append(Conflict(meeting, text, seen[key]))
            seen[key] = meeting
    return conflicts


def _double(name: str, time: str) -> str:
    return _("%(name)s has two meetings at %(time)s.") % {"name": name, "time": time}


def _unavailable(name: str, time: str) -> str:
    return _("%(name)s has said they are not available at %(time)s.") % {
        "name": name,
        "time": time,
    }


@dataclass
class ScheduleOverview:
    slots: list[Slot]
    tables: list[Table]
    rows: list[tuple[Slot, list[Meeting | None]]]
    unplaced: list[Meeting]
    run: ScheduleRun | None
    reasons: dict[int, str] = field(default_factory=dict)
    breaks: list[tuple[str, int]] = field(default_factory=list)
    conflicts: dict[int, list[str]] = field(default_factory=dict)
    people: list[Registration] = field(default_factory=list)  # everyone with a meeting
    all_tables: list[Table] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)  # every live meeting of the day

    def narrowed(
        self, *, participant: int | None = None, table: int | None = None
    ) -> ScheduleOverview:
        """The grid of one participant (their meetings and the tables they sit at, every slot
        kept so their free ones show) and/or one table; with neither, the whole day."""
        shown = self.meetings
        tables = self.all_tables
        if participant is not None:
            shown = [
                m for m in shown if participant in (m.request.requester_id, m.request.recipient_id)
            ]
            theirs = {m.table_id for m in shown}
            tables = [t for t in tables if t.pk in theirs]
        if table is not None:
            tables = [t for t in tables if t.pk == table]
            shown = [m for m in shown if m.table_id == table or m.slot_id is None]
        cells = {(m.slot_id, m.table_id): m for m in shown if m.slot_id}
        rows = [(s, [cells.get((s.pk, t.pk)) for t in tables]) for s in self.slots]
        unplaced = [m for m in shown if m.slot_id is None]
        return replace(self, tables=tables, rows=rows, unplaced=unplaced)


def schedule_overview(*, event: Event) -> ScheduleOverview:
    """The working schedule as a slot × table grid, with what the last run left out."""
    slots = list(event.slots.order_by("number"))
    tables = list(event.tables.order_by("number").select_related("host__user"))
    live = _grid_meetings(event)
    people: dict[int, Registration] = {}
    for m in live:
        people[m.request.requester_id] = m.request.requester
        people[m.request.recipient_id] = m.request.recipient
    run = event.schedule_runs.filter(status=ScheduleRun.Status.DONE).first()
    reasons = {u["meeting"]: u["reason"] for u in (run.unscheduled if run else [])}
    conflicts: dict[int, list[str]] = {}
    for conflict in schedule_conflicts(event=event, live=live):
        conflicts.setdefault(conflict.meeting.pk, []).append(conflict.message)
        if conflict.other is not None:
            conflicts.setdefault(conflict.other.pk, []).append(conflict.message)
    overview = ScheduleOverview(
        conflicts=conflicts,
        breaks=_breaks_by_name(run),
        slots=slots,
        tables=tables,
        rows=[],
        unplaced=[],
        run=run,
        reasons=reasons,
        people=sorted(people.values(), key=lambda person: person.display_name.casefold()),
        all_tables=tables,
        meetings=live,
    )
    return overview.narrowed()


def _breaks_by_name(run: ScheduleRun | None) -> list[tuple[str, int]]:
    """Participants with breaks, most first, by name rather than the optimiser's ids."""
    if run is None:
        return []
    counts = {int(pk): n for pk, n in run.breaks_by_participant.items() if n}
    people = Registration.objects.filter(pk__in=counts).select_related("user")
    return sorted(((p.display_name, counts[p.pk]) for p in people), key=lambda row: -row[1])


def latest_run(*, event: Event) -> ScheduleRun | None:
    return event.schedule_runs.select_related("job").first()


def run_get(*, event: Event, pk: int) -> ScheduleRun | None:
    return event.schedule_runs.select_related("job").filter(pk=pk).first()


def meeting_get(*, event: Event, pk: int) -> Meeting | None:
    queryset = event.meetings.select_related("event", "slot", "table", "interpreter", *PARTY)
    return queryset.filter(pk=pk).first()


def meetings_before(*, meeting: Meeting) -> QuerySet[Meeting]:
    """The meetings that must take place before this one, as operators set them."""
    return meeting.after.select_related(*PARTY).order_by("pk")


def meetings_with_pks(*, pks: Iterable[int]) -> QuerySet[Meeting]:
    """Meetings of any event: the service, not the lookup, refuses another event's."""
    return Meeting.objects.filter(pk__in=list(pks))


def request_get(*, pk: int) -> MeetingRequest | None:
    queryset = MeetingRequest.objects.select_related("event", "requester__user", "recipient__user")
    return queryset.filter(pk=pk).first()


def check_in_list(*, event: Event, query: str = "") -> QuerySet[Registration]:
    queryset = registrations(event=event, status=Registration.Status.APPROVED)
    if query:
        queryset = queryset.filter(
            Q(user__full_name__icontains=query)
            | Q(user__email__icontains=query)
            | Q(organisation__legal_name__icontains=query)
            | Q(organisation__name_en__icontains=query)
        )
    return queryset.select_related("check_in").order_by("user__full_name")


def event_counts(*, event: Event) -> dict[str, int]:
    by_status = dict(event.registrations.values_list("status").annotate(n=Count("pk")).order_by())
    requests = dict(event.meeting_requests.values_list("status").annotate(n=Count("pk")).order_by())
    return {
        "registered": by_status.get(Registration.Status.APPROVED, 0),
        "pending": by_status.get(Registration.Status.PENDING, 0),
        "requests": requests.get(MeetingRequest.Status.REQUESTED, 0),
        "accepted": requests.get(MeetingRequest.Status.ACCEPTED, 0),
        "checked_in": CheckIn.objects.filter(registration__event=event).count(),
    }


def meeting_for_feedback(*, registration: Registration, pk: int) -> Meeting | None:
    return agenda(registration=registration).filter(pk=pk).first()


def requests_shown(*, registration: Registration) -> list[MeetingRequest]:
    """The participant's requests, a lapsed unanswered one shown as expired.

    Reading writes nothing: the expiry is derived here, and the periodic `expire_requests`
    command (or the next write that touches the request) stores it.
    """
    now = timezone.now()
    shown = list(requests_of(registration=registration))
    for request in shown:
        if request.status == MeetingRequest.Status.REQUESTED and request.expires_at <= now:
            request.status = MeetingRequest.Status.EXPIRED
    return shown


# The event's set-up, for the operators' pages.


def invitations_of(*, event: Event) -> QuerySet[Invitation]:
    return event.invitations.order_by("-created_at")


def invitation_by_token(*, token: str) -> Invitation | None:
    return Invitation.objects.select_related("event").filter(token=token).first()


def slots_of(*, event: Event) -> QuerySet[Slot]:
    return event.slots.order_by("number")


def tables_of(*, event: Event) -> QuerySet[Table]:
    return event.tables.select_related("host__user").order_by("number")


def table_get(*, event: Event, pk: int) -> Table | None:
    return event.tables.filter(pk=pk).first()


def table_hosts(*, event: Event) -> QuerySet[Registration]:
    """Who may host a table: the event's approved participants."""
    return registrations(event=event, status=Registration.Status.APPROVED).select_related("user")


def interpreters_of(*, event: Event) -> QuerySet[Interpreter]:
    return event.interpreters.prefetch_related("unavailable_slots")


def interpreter_get(*, event: Event, pk: int) -> Interpreter | None:
    return event.interpreters.filter(pk=pk).first()


def meetings_between(
    *, organisation_ids: Iterable[int], other_ids: Iterable[int]
) -> dict[int, int]:
    """Meetings held (or scheduled) between any of `organisation_ids` and each of `other_ids`,
    counted per other organisation, across all events."""
    mine, others = set(organisation_ids), set(other_ids)
    sides = ("request__requester__organisation_id", "request__recipient__organisation_id")
    rows = Meeting.objects.filter(status__in=Meeting.ACTIVE).filter(
        Q(**{f"{sides[0]}__in": mine}, **{f"{sides[1]}__in": others})
        | Q(**{f"{sides[1]}__in": mine}, **{f"{sides[0]}__in": others})
    )
    counts: dict[int, int] = {}
    for first, second in rows.values_list(*sides):
        other = second if first in mine else first
        counts[other] = counts.get(other, 0) + 1
    return counts


def versions_of(*, event: Event) -> QuerySet[ScheduleVersion]:
    """Published versions of the schedule, newest first."""
    return event.versions.all()


def version_latest(*, event: Event) -> ScheduleVersion | None:
    return versions_of(event=event).first()


def unavailable_slot_ids(*, registration: Registration) -> list[int]:
    return list(registration.unavailabilities.values_list("slot_id", flat=True))


def registration_by_feed_token(*, token: str) -> Registration | None:
    """The registration a calendar link belongs to: the secret link is the credential."""
    return Registration.objects.select_related("event", "user").filter(feed_token=token).first()


def check_in_person(*, event: Event, pk: int) -> Registration | None:
    """One row of the check-in list, after a tick."""
    return check_in_list(event=event).filter(pk=pk).first()


# The dashboard panel this app registers with core (`core.registry`, from `apps.py`).

UPCOMING = 5


def dashboard_panel(*, user: User) -> dict[str, object] | None:
    """Requests waiting for the member's answer and their next published meetings."""
    if not user.is_authenticated:
        return None
    mine = list(registrations_of_user(user=user).exclude(status=Registration.Status.CANCELLED))
    if not mine:
        return None
    to_answer = (
        MeetingRequest.objects.filter(
            recipient__in=mine,
            status=MeetingRequest.Status.REQUESTED,
            expires_at__gt=timezone.now(),
        )
        .values("event__slug")
        .annotate(n=Count("pk"))
        .order_by("event__slug")
    )
    mine_q = Q(request__requester__in=mine) | Q(request__recipient__in=mine)
    upcoming = (
        Meeting.objects.filter(mine_q, published_slot__ends_at__gte=timezone.now())
        .exclude(published_status__in=["", Meeting.Status.CANCELLED])
        .select_related("event", "published_slot", "published_table", *PARTY)
        .order_by("published_slot__starts_at")[:UPCOMING]
    )
    by_slug = {registration.event.slug: registration.event for registration in mine}
    return {
        "to_answer": [(by_slug[row["event__slug"]], row["n"]) for row in to_answer],
        "upcoming": [(m, _partner_of(m, user)) for m in upcoming],
    }


def _partner_of(meeting: Meeting, user: User) -> Registration:
    request = meeting.request
    return request.recipient if request.requester.user_id == user.pk else request.requester
