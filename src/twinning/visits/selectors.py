"""Reads for visits: listings, the itinerary with its warnings, people, attendees."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.events.selectors import interpreters_of
from twinning.organisations.selectors import (
    organisation_ids_of_user,
    organisations_by_ids,
    organisations_for_matching,
)
from twinning.visits.models import (
    Attendee,
    FollowUp,
    Person,
    Proposal,
    Session,
    TravelTime,
    Venue,
    Visit,
)
from twinning.visits.warnings import Clash, InterpreterFacts, SessionFacts, itinerary_warnings

if TYPE_CHECKING:
    from twinning.core.models import User

State = Visit.State


def visits_visible(*, user: User) -> QuerySet[Visit]:
    """Operators see every visit; others the published ones and those they are part of."""
    visits = Visit.objects.select_related("programme", "host_side").order_by("-starts_on", "pk")
    if user.is_authenticated and user.is_staff:
        return visits
    open_states = Q(state__in=[State.PUBLISHED, State.HELD])
    if not user.is_authenticated:
        return visits.filter(open_states)
    invited = Q(team=Person.Team.GUEST) & ~Q(invitations__state=Attendee.State.WITHDRAWN)
    mine = people_of_user(user=user).filter(
        Q(team__in=[Person.Team.DELEGATION, Person.Team.HOSTS])
        | (invited & Q(invitations__isnull=False))
    )
    return visits.filter(open_states | Q(pk__in=mine.values("visit_id"))).distinct()


def people_of_user(*, user: User) -> QuerySet[Person]:
    if not user.is_authenticated:
        return Person.objects.none()
    return Person.objects.filter(Q(user=user) | Q(user__isnull=True, email__iexact=user.email))


def visit_get(*, slug: str) -> Visit | None:
    return Visit.objects.select_related("programme", "host_side", "event").filter(slug=slug).first()


def person_of(*, visit: Visit, user: User) -> Person | None:
    return people_of_user(user=user).filter(visit=visit).first()


def person_get(*, visit: Visit, pk: int) -> Person | None:
    return visit.people.select_related("organisation").filter(pk=pk).first()


def person_by_feed(*, token: str) -> Person | None:
    return Person.objects.select_related("visit").filter(feed_token=token).first()


def people(*, visit: Visit) -> QuerySet[Person]:
    return visit.people.select_related("organisation", "organisation__region")


def venues(*, programme: Any) -> QuerySet[Venue]:
    return Venue.objects.filter(programme=programme)


def venue_get(*, programme: Any, pk: int) -> Venue | None:
    return venues(programme=programme).filter(pk=pk).first()


def travel_times(*, programme: Any) -> QuerySet[TravelTime]:
    travel = TravelTime.objects.filter(first__programme=programme).select_related("first", "second")
    return travel.order_by("first__name", "second__name", "pk")


def sessions(*, visit: Visit) -> QuerySet[Session]:
    return visit.sessions.select_related("venue", "interpreter").prefetch_related(
        "sectors", "hosts", "delegates"
    )


def session_get(*, visit: Visit, pk: int) -> Session | None:
    return sessions(visit=visit).select_related("visit").filter(pk=pk).first()


def interpreters(*, visit: Visit) -> Any:
    if visit.event is None:
        return []
    return interpreters_of(event=visit.event)


def attendees(*, session: Session) -> QuerySet[Attendee]:
    return session.attendees.select_related("person", "person__organisation").order_by(
        "state", "invited_at", "pk"
    )


def attendee_get(*, session: Session, pk: int) -> Attendee | None:
    return attendees(session=session).filter(pk=pk).first()


def attendee_by_token(*, token: str) -> Attendee | None:
    related = ("session__visit", "session__venue", "person__user")
    return Attendee.objects.select_related(*related).filter(token=token).first()


def proposals(*, session: Session) -> QuerySet[Proposal]:
    return session.proposals.select_related("organisation", "organisation__region")


# ---------------------------------------------------------------- times in two zones


@dataclass(frozen=True)
class Times:
    """A session's times on the venue's clock and on the delegation's, as plain dates and
    "09:30" strings (templates would otherwise convert datetimes to the reader's zone)."""

    starts: dt.datetime
    ends: dt.datetime
    zone: str
    home_starts: dt.datetime
    home_ends: dt.datetime
    home_zone: str

    @property
    def day(self) -> dt.date:
        return self.starts.date()

    @property
    def home_day(self) -> dt.date:
        return self.home_starts.date()

    @property
    def start(self) -> str:
        return self.starts.strftime("%H:%M")

    @property
    def end(self) -> str:
        return self.ends.strftime("%H:%M")

    @property
    def home_start(self) -> str:
        return self.home_starts.strftime("%H:%M")

    @property
    def home_end(self) -> str:
        return self.home_ends.strftime("%H:%M")

    @property
    def same_zone(self) -> bool:
        return self.starts.utcoffset() == self.home_starts.utcoffset()


def session_times(*, session: Session) -> Times:
    venue, home = session.venue.zone, zoneinfo.ZoneInfo(session.visit.delegation_time_zone)
    return Times(
        timezone.localtime(session.starts_at, venue), timezone.localtime(session.ends_at, venue),
        session.venue.time_zone,
        timezone.localtime(session.starts_at, home), timezone.localtime(session.ends_at, home),
        session.visit.delegation_time_zone,
    )  # fmt: skip


# ---------------------------------------------------------------- warnings


@dataclass(frozen=True)
class ItineraryWarning:
    kind: str
    text: str
    sessions: tuple[int, ...]


def travel_lookup(*, visit: Visit) -> Any:
    pairs = {(t.first_id, t.second_id): t.minutes for t in travel_times(programme=visit.programme)}

    def minutes(a: int, b: int) -> int:
        return pairs.get((min(a, b), max(a, b)), visit.default_travel_minutes)

    return minutes


def _facts(session: Session) -> SessionFacts:
    people = {p.pk for p in session.hosts.all()} | {p.pk for p in session.delegates.all()}
    people |= {a.person_id for a in session.attendees.all() if a.state == Attendee.State.ACCEPTED}
    return SessionFacts(
        id=session.pk, starts_at=session.starts_at, ends_at=session.ends_at,
        venue=session.venue_id, people=frozenset(people),
        languages=tuple(session.language_pair), interpreter=session.interpreter_id,
    )  # fmt: skip


def itinerary_check(*, visit: Visit) -> list[ItineraryWarning]:
    """Every warning of the visit's scheduled sessions, in words of the active language."""
    rows = list(
        sessions(visit=visit).exclude(status=Session.Status.CANCELLED).prefetch_related("attendees")
    )
    found = itinerary_warnings(
        [_facts(s) for s in rows],
        [InterpreterFacts(i.pk, frozenset(i.language_list)) for i in interpreters(visit=visit)],
        travel_lookup(visit=visit),
    )
    names = {p.pk: p.name for p in visit.people.all()}
    titles = {s.pk: s.title for s in rows}
    interpreter_names = {i.pk: i.name for i in interpreters(visit=visit)}
    return [
        ItineraryWarning(c.kind, _warning_text(c, names, titles, interpreter_names), c.sessions)
        for c in found
    ]


def _warning_text(
    clash: Clash, names: dict[int, str], titles: dict[int, str], interpreters: dict[int, str]
) -> str:
    sessions = [titles[pk] for pk in clash.sessions]
    values = {
        "person": names.get(clash.person or 0, ""),
        "first": sessions[0],
        "second": sessions[-1],
        "minutes": clash.minutes,
        "needed": clash.needed,
        "names": ", ".join(interpreters[i] for i in clash.interpreters),
    }
    texts = {
        "overlap": _("%(person)s is in “%(first)s” and “%(second)s” at the same time."),
        "travel": _(
            "%(person)s has %(minutes)s minutes to get from “%(first)s” to “%(second)s”; the "
            "journey takes %(needed)s."
        ),
        "interpreter_missing": _(
            "“%(first)s” needs an interpreter and none who speaks both languages is free."
        ),
        "interpreter_unassigned": _(
            "“%(first)s” needs an interpreter and none is assigned (free: %(names)s)."
        ),
        "interpreter_busy": _(
            "The interpreter of “%(first)s” is also in “%(second)s” at the same time."
        ),
        "interpreter_languages": _(
            "The interpreter of “%(first)s” does not speak both languages it needs."
        ),
    }
    return texts[clash.kind] % values


# ---------------------------------------------------------------- personal itineraries


def itinerary_of(*, person: Person) -> list[Session]:
    """The person's sessions in time order: those they host or attend as a delegate, and those
    they were invited to and said yes to (or wait for a place in). Cancelled ones stay, marked,
    so calendars remove them."""
    guest = Q(attendees__person=person, attendees__state__in=[
        Attendee.State.ACCEPTED, Attendee.State.WAITING, Attendee.State.DECLINED,
        Attendee.State.WITHDRAWN,
    ])  # fmt: skip
    mine = Q(hosts=person) | Q(delegates=person) | guest
    rows = person.visit.sessions.filter(mine).distinct().values_list("pk", flat=True)
    return list(sessions(visit=person.visit).filter(pk__in=list(rows)).order_by("starts_at", "pk"))


def answers_of(*, person: Person) -> dict[int, str]:
    """The person's answer per session they were invited to."""
    return dict(person.invitations.values_list("session_id", "state"))


def session_off_for(session: Session, answer: str | None) -> bool:
    """Off this person's calendar: the session, the visit or their place is cancelled."""
    if session.status == Session.Status.CANCELLED or session.visit.state == State.CANCELLED:
        return True
    return answer in {Attendee.State.DECLINED, Attendee.State.WITHDRAWN}


# ---------------------------------------------------------------- after the visit


def guests_who_said_yes(*, session: Session) -> QuerySet[Attendee]:
    return attendees(session=session).filter(state=Attendee.State.ACCEPTED)


def outcomes(*, session: Session) -> QuerySet[Any]:
    return session.outcomes.select_related("organisation").order_by("recorded_at", "pk")


def register_outcomes(*, session: Session) -> QuerySet[Any]:
    """The partnership-register entries that name this session as where they came from."""
    return session.register_outcomes.select_related("reporter", "partner").order_by("pk")


def organisations_in(*, session: Session) -> QuerySet[Any]:
    """The organisations of the session's people, for recording what it produced with whom."""
    ids = Person.objects.filter(
        Q(invitations__session=session) | Q(hosting=session) | Q(attending_as_delegate=session)
    ).values("organisation_id")
    return organisations_for_matching(programme_id=session.visit.programme_id).filter(pk__in=ids)


def _sessions_of_organisation(organisation_id: int) -> QuerySet[Session]:
    people = Person.objects.filter(organisation_id=organisation_id)
    return Session.objects.filter(status=Session.Status.SCHEDULED).filter(
        Q(hosts__in=people)
        | Q(delegates__in=people)
        | Q(attendees__person__in=people, attendees__state=Attendee.State.ACCEPTED)
    )


def session_partner_ids(*, organisation_id: int) -> set[int]:
    """Organisations the organisation sat with in a scheduled session of a visit."""
    sessions = _sessions_of_organisation(organisation_id).values("pk")
    people = Person.objects.filter(organisation__isnull=False).filter(
        Q(hosting__in=sessions)
        | Q(attending_as_delegate__in=sessions)
        | Q(invitations__session__in=sessions, invitations__state=Attendee.State.ACCEPTED)
    )
    return set(people.values_list("organisation_id", flat=True)) - {organisation_id}


def register_pairs(*, session: Session, user: User) -> list[tuple[Any, Any]]:
    """(one of the user's organisations, another organisation) for each pair that took part in
    the session: what the user may record in the partnership register as coming from it."""
    if session.status != Session.Status.SCHEDULED:
        return []
    took_part = Person.objects.filter(organisation__isnull=False).filter(
        Q(hosting=session)
        | Q(attending_as_delegate=session)
        | Q(invitations__session=session, invitations__state=Attendee.State.ACCEPTED)
    )
    present = set(took_part.values_list("organisation_id", flat=True))
    mine = present & set(organisation_ids_of_user(user=user))
    if not mine:
        return []
    found = {o.pk: o for o in organisations_by_ids(ids=present)}
    return [
        (found[a], found[b])
        for a in sorted(mine)
        for b in sorted(present - {a}, key=lambda pk: str(found[pk]))
    ]


def sessions_between(*, first_id: int, second_id: int) -> QuerySet[Session]:
    """The scheduled visit sessions both organisations took part in, for the outcomes register."""
    both = _sessions_of_organisation(first_id).filter(
        pk__in=_sessions_of_organisation(second_id).values("pk")
    )
    return (
        Session.objects.filter(pk__in=both.values("pk"))
        .select_related("visit", "venue")
        .order_by("starts_at", "pk")
    )


def follow_up_by_token(*, token: str) -> Any:
    related = ("attendee__person", "attendee__session__visit", "attendee__session__venue")
    return FollowUp.objects.select_related(*related).filter(token=token).first()


def invitations_of_user(*, user: User) -> QuerySet[Attendee]:
    """My invitations to sessions, whatever the answer, newest first."""
    related = ("person__organisation", "session__visit")
    mine = Attendee.objects.filter(person__in=people_of_user(user=user))
    return mine.select_related(*related).order_by("-invited_at", "-pk")


def follow_ups_of_user(*, user: User) -> QuerySet[FollowUp]:
    mine = FollowUp.objects.filter(attendee__person__in=people_of_user(user=user))
    return mine.select_related("attendee__session", "attendee__person").order_by("-sent_at", "-pk")


# ---------------------------------------------------------------- the dashboard's panel


def dashboard_panel(*, user: User) -> dict[str, Any] | None:
    """Invitations waiting for my answer and the visits I am on; operators also see the visits
    being planned. Nothing for someone with none of these."""
    if not user.is_authenticated:
        return None
    today = timezone.localdate()
    waiting = list(invitations_of_user(user=user).filter(
        state=Attendee.State.INVITED, session__visit__state__in=[State.DRAFT, State.PUBLISHED],
    ).select_related("session__venue"))  # fmt: skip
    mine = list(
        visits_visible(user=user)
        .filter(pk__in=people_of_user(user=user).values("visit_id"), ends_on__gte=today)
        .exclude(state=State.CANCELLED)
    )
    planning = list(visits_visible(user=user).filter(state=State.DRAFT)) if user.is_staff else []
    if not (waiting or mine or planning):
        return None
    return {"waiting": waiting, "mine": mine, "planning": planning}
