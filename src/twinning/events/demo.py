"""Demo step: a Leeds–Almaty brokerage day, 120 participants and 500+ accepted meetings (a few
asked for the morning or the afternoon, two must follow another), scheduled by the optimiser
and published, built through the event services.

The day has brokerage rules: the programme caps an organisation's meetings across its events,
and this day lets only the two sides meet. Its first meeting is between the two organisations
that later meet at the outcomes step's past mission day, so the "already met" flag shows here."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from twinning.events import services
from twinning.events.models import Event, Meeting, Registration
from twinning.events.scheduler import interpreter_pair

if TYPE_CHECKING:
    from twinning.demo.steps.base import DemoContext, Tally

SLUG = "leeds-almaty-brokerage-day"
TABLES = 40
# Four interpreters can cover 4 × 14 = 56 slot-meetings; the demo stays well inside that.
INTERPRETED_SHARE = 0.08
# A few requesters can come for half the day only (a flight at lunchtime, a train at noon):
# request number -> the session they asked for.
SESSION_WISHES = {
    3: "morning",
    7: "afternoon",
    120: "morning",
    190: "afternoon",
    260: "morning",
    400: "afternoon",
}
# How many participants want one of their meetings before another (the supplier before the bank).
PRECEDENCES = 2
# The programme's cap on an organisation's meetings across its events: above the day's own
# limit, so it shows on the rules page without refusing any demo request.
MEETING_CAP = 24
# The pair that met at an earlier event of the programme (the outcomes step's mission day).
MET_BEFORE = ("aire-valley", "kostanay-meat")


@dataclass(frozen=True)
class Size:
    per_side: int = 60
    meetings: int = 510
    open_requests: int = 25
    most_per_person: int = 10
    solver_seconds: int = 20


INTERPRETERS = (
    ("Dana Abenova", ["en", "ru"]),
    ("Timur Sadykov", ["en", "ru"]),
    ("Gulnara Zhumabayeva", ["en", "kk", "ru"]),
    ("Sarah Whitaker", ["en", "ru"]),
)


def load(context: DemoContext) -> Tally:
    from twinning.demo.steps.base import Tally

    if Event.objects.filter(slug=SLUG).exists():
        return Tally(existing=1)
    brokerage_day(context, Size())
    return Tally(created=1)


def brokerage_day(context: DemoContext, size: Size) -> Event:
    """The whole day through the services: set-up, registrations, requests, schedule, version 1."""
    operator = context.operator
    event = _event(context, operator)
    services.brokerage_rules_set(by=operator, programme=context.programme, meeting_cap=MEETING_CAP)
    services.brokerage_rules_set(by=operator, event=event, pairing="cross_side")
    people = _register(context, event, size.per_side)
    context.report(f"  {sum(map(len, people.values()))} participants registered")
    first = _met_before_pair(context, people)
    accepted = _meetings(people, size, random.Random(2026), first)  # noqa: S311 - demo data
    _precedences(accepted, operator)
    context.report(f"  {len(accepted)} meetings accepted; optimising for {size.solver_seconds} s …")
    run = services.schedule_run_now(event=event, by=operator, time_limit=size.solver_seconds)
    context.report(
        f"  {run.meetings_scheduled}/{run.meetings_total} scheduled, {run.breaks} breaks "
        f"(bound {run.bound})"
    )
    services.schedule_publish(event=event, by=operator, note="Demo schedule")
    return event


def _event(context: DemoContext, operator: Any) -> Event:
    day = context.today + dt.timedelta(days=21)
    event = services.event_create(
        programme=context.programme,
        by=operator,
        title_en="Leeds–Almaty brokerage day",
        title_ru="Биржа деловых контактов Лидс–Алматы",
        title_kk="Лидс–Алматы іскерлік байланыстар биржасы",
        description=(
            "Pre-arranged 20-minute meetings between Yorkshire and Kazakh companies in food "
            "processing, machinery, tourism, film and energy."
        ),
        venue="Leeds Civic Hall",
        address="Calverley Street, Leeds LS1 1UR",
        time_zone="Europe/London",
        starts_on=day,
        ends_on=day,
        requires_approval=False,
        capacity=200,
        meeting_limit=12,
        request_limit=15,
        request_expiry_hours=24 * 14,
        max_break_spread=None,
    )
    event = services.event_publish(event=event, by=operator)
    services.grid_generate(
        event=event,
        by=operator,
        day=day,
        morning=(dt.time(9, 30), dt.time(12, 30)),
        afternoon=(dt.time(14, 0), dt.time(17, 0)),
    )
    services.tables_set_count(event=event, by=operator, count=TABLES)
    for name, languages in INTERPRETERS:
        services.interpreter_add(event=event, by=operator, name=name, languages=languages)
    return event


def _side_owners(context: DemoContext, side: str, count: int) -> list[tuple[Any, Any]]:
    """(owner, organisation) pairs of one side, demo logins first so they see an agenda."""
    logins = {login.owns for login in context.plan.logins if login.owns}
    keys = sorted(context.organisations, key=lambda key: (key not in logins, key))
    pairs = [
        (context.owners[key], context.organisations[key])
        for key in keys
        if context.organisations[key].side.code == side
    ]
    return pairs[:count]


def _languages(organisation: Any, n: int) -> list[str]:
    """Every third Yorkshire representative also speaks Russian, as at real brokerage days."""
    spoken = organisation.language_list or ["en"]
    return [*spoken, "ru"] if organisation.side.code == "UK" and n % 3 == 0 else spoken


def _register(context: DemoContext, event: Event, per_side: int) -> dict[str, list[Registration]]:
    people: dict[str, list[Registration]] = {}
    for side in ("UK", "KZ"):
        people[side] = [
            services.registration_create(
                event=event,
                user=user,
                organisation=organisation,
                languages=_languages(organisation, n),
                looking_for=organisation.description[:200],
            )
            for n, (user, organisation) in enumerate(_side_owners(context, side, per_side))
        ]
    return people


def _met_before_pair(
    context: DemoContext, people: dict[str, list[Registration]]
) -> tuple[Registration, Registration] | None:
    """The registrations of the `MET_BEFORE` organisations, when both take part."""
    wanted = [context.organisations.get(key) for key in MET_BEFORE]
    found = {r.organisation_id: r for side in people.values() for r in side}
    pair = [found.get(o.pk) for o in wanted if o is not None]
    if len(pair) != 2 or None in pair:
        return None
    return pair[0], pair[1]  # type: ignore[return-value]


def _meetings(
    people: dict[str, list[Registration]],
    size: Size,
    rng: random.Random,
    first: tuple[Registration, Registration] | None = None,
) -> list[Meeting]:
    """Cross-side pairs, at most `most_per_person` each, asked by either side; the first
    `size.meetings` are accepted, the rest stay open. `first`, when given, is the first pair."""
    uk, kz = people["UK"], people["KZ"]
    candidates = [(a, b) for a in uk for b in kz]
    rng.shuffle(candidates)
    if first is not None:
        candidates.remove((first[0], first[1]) if first[0] in uk else (first[1], first[0]))
        candidates.insert(0, first)
    load: dict[int, int] = {}
    interpreted, most_interpreted = 0, int(size.meetings * INTERPRETED_SHARE)
    chosen: list[tuple[Registration, Registration]] = []
    for a, b in candidates:
        needs = interpreter_pair(a, b) is not None
        if max(load.get(a.pk, 0), load.get(b.pk, 0)) >= size.most_per_person or (
            needs and interpreted >= most_interpreted
        ):
            continue
        interpreted += needs
        load[a.pk], load[b.pk] = load.get(a.pk, 0) + 1, load.get(b.pk, 0) + 1
        chosen.append((a, b) if rng.random() < 0.5 else (b, a))
        if len(chosen) == size.meetings + size.open_requests:
            break
    accepted = []
    for n, (requester, recipient) in enumerate(chosen):
        request = services.request_create(
            requester=requester,
            recipient=recipient,
            by=requester.user,
            session=SESSION_WISHES.get(n, "any"),
        )
        if n < size.meetings:
            accepted.append(services.request_accept(request=request, by=recipient.user))
    return accepted


def _precedences(meetings: list[Meeting], operator: Any) -> None:
    """The first requesters with two meetings meet their first partner before the second."""
    first_of: dict[int, Meeting] = {}
    ordered = 0
    for meeting in meetings:
        requester = meeting.request.requester_id
        if requester not in first_of:
            first_of[requester] = meeting
            continue
        services.meeting_set_after(meeting=meeting, after=[first_of[requester]], by=operator)
        ordered += 1
        if ordered == PRECEDENCES:
            return
