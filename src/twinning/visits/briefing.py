"""Reads for briefing packs: each session's agenda, venue and contacts, who attends with a short
profile, their published opportunities, earlier meetings and outcomes with the delegation's side,
and the operator's talking points."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.utils.text import Truncator

from twinning.events.selectors import meetings_between
from twinning.organisations.selectors import organisations_for_matching
from twinning.visits.models import Attendee, Person, Session, SessionOutcome, Visit
from twinning.visits.selectors import Times, session_times, sessions

PROFILE_WORDS = 45


@dataclass
class Attending:
    person: Person
    profile: str = ""
    opportunities: list[Any] = field(default_factory=list)
    meetings: int = 0
    outcomes: list[str] = field(default_factory=list)


@dataclass
class SessionBrief:
    session: Session
    times: Times
    hosts: list[Attending]
    delegates: list[Attending]
    guests: list[Attending]


@dataclass
class VisitBrief:
    visit: Visit
    sessions: list[SessionBrief]
    delegation: list[Person]
    host_team: list[Person]


def _said_yes() -> Prefetch:
    answered = Attendee.objects.filter(state=Attendee.State.ACCEPTED).select_related(
        "person__organisation"
    )
    return Prefetch("attendees", queryset=answered.order_by("person__name"), to_attr="said_yes")


def _organisations(people: list[Person], visit: Visit) -> dict[int, Any]:
    ids = sorted({p.organisation_id for p in people if p.organisation_id})
    found = organisations_for_matching(programme_id=visit.programme_id, ids=ids)
    return {o.pk: o for o in found}


def _outcomes(organisation_ids: list[int]) -> dict[int, list[str]]:
    rows = SessionOutcome.objects.filter(organisation_id__in=organisation_ids)
    found: dict[int, list[str]] = {}
    for organisation_id, text in rows.order_by("recorded_at").values_list(
        "organisation_id", "description"
    ):
        found.setdefault(organisation_id, []).append(text)
    return found


def _attending(
    people: list[Person], organisations: dict[int, Any], met: dict[int, int], outcomes: dict
) -> list[Attending]:
    found = []
    for person in people:
        organisation = organisations.get(person.organisation_id or 0)
        entry = Attending(person)
        if organisation is not None:
            entry.profile = Truncator(organisation.description).words(PROFILE_WORDS)
            entry.opportunities = list(organisation.published_opportunities)
            entry.meetings = met.get(organisation.pk, 0)
            entry.outcomes = outcomes.get(organisation.pk, [])
        found.append(entry)
    return found


def visit_brief(*, visit: Visit, only: Session | None = None) -> VisitBrief:
    """The whole visit's pack, or one session's when `only` is given."""
    rows = (
        sessions(visit=visit).exclude(status=Session.Status.CANCELLED).prefetch_related(_said_yes())
    )
    if only is not None:
        rows = rows.filter(pk=only.pk)
    rows = list(rows)
    people = {
        s.pk: (list(s.hosts.all()), list(s.delegates.all()), [a.person for a in s.said_yes])
        for s in rows
    }
    everyone = [p for trio in people.values() for group in trio for p in group]
    team = list(visit.people.exclude(team=Person.Team.GUEST).select_related("organisation"))
    organisations = _organisations(everyone + team, visit)
    delegation_ids = [
        p.organisation_id for p in team if p.team == "delegation" and p.organisation_id
    ]
    others = [pk for pk in organisations if pk not in delegation_ids]
    met = meetings_between(organisation_ids=delegation_ids, other_ids=others)
    outcomes = _outcomes(others)

    def brief(group: list[Person]) -> list[Attending]:
        return _attending(group, organisations, met, outcomes)

    return VisitBrief(
        visit=visit,
        sessions=[
            SessionBrief(s, session_times(session=s), *(brief(g) for g in people[s.pk]))
            for s in rows
        ],
        delegation=[p for p in team if p.team == Person.Team.DELEGATION],
        host_team=[p for p in team if p.team == Person.Team.HOSTS],
    )
