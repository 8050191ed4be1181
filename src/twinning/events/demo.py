"""Demo step: a Leeds–Almaty brokerage day, 120 participants and 500+ accepted meetings,
scheduled by the optimiser and published, built through the event services."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING, Any

from twinning.events import services
from twinning.events.models import Event, Registration
from twinning.events.scheduler import interpreter_pair

if TYPE_CHECKING:
    from twinning.demo.steps.base import DemoContext, Tally

SLUG = "leeds-almaty-brokerage-day"
PER_SIDE = 60
MEETINGS = 510
MOST_PER_PERSON = 10
OPEN_REQUESTS = 25
# Four interpreters can cover 4 × 14 = 56 slot-meetings; stay well inside that.
MOST_INTERPRETED = 40
TABLES = 40
SOLVER_SECONDS = 30
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
    operator = context.operator
    event = _event(context, operator)
    people = _register(context, event)
    context.report(f"  {sum(map(len, people.values()))} participants registered")
    accepted = _meetings(people, random.Random(2026))  # noqa: S311 - demo data, not secrets
    context.report(f"  {accepted} meetings accepted; optimising for {SOLVER_SECONDS} s …")
    run = services.schedule_run_now(event=event, by=operator, time_limit=SOLVER_SECONDS)
    context.report(
        f"  {run.meetings_scheduled}/{run.meetings_total} scheduled, {run.breaks} breaks "
        f"(bound {run.bound})"
    )
    services.schedule_publish(event=event, by=operator, note="Demo schedule")
    return Tally(created=1)


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


def _side_owners(context: DemoContext, side: str) -> list[tuple[Any, Any]]:
    """(owner, organisation) pairs of one side, demo logins first so they see an agenda."""
    logins = {login.owns for login in context.plan.logins if login.owns}
    keys = sorted(context.organisations, key=lambda key: (key not in logins, key))
    pairs = [
        (context.owners[key], context.organisations[key])
        for key in keys
        if context.organisations[key].side.code == side
    ]
    return pairs[:PER_SIDE]


def _languages(organisation: Any, n: int) -> list[str]:
    """Every third Yorkshire representative also speaks Russian, as at real brokerage days."""
    spoken = organisation.language_list or ["en"]
    return [*spoken, "ru"] if organisation.side.code == "UK" and n % 3 == 0 else spoken


def _register(context: DemoContext, event: Event) -> dict[str, list[Registration]]:
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
            for n, (user, organisation) in enumerate(_side_owners(context, side))
        ]
    return people


def _meetings(people: dict[str, list[Registration]], rng: random.Random) -> int:
    """Cross-side pairs, at most MOST_PER_PERSON each, requested by either side and accepted."""
    load: dict[int, int] = {}
    pairs: set[tuple[int, int]] = set()
    interpreted = 0
    uk, kz = people["UK"], people["KZ"]
    while len(pairs) < MEETINGS + OPEN_REQUESTS:
        a, b = rng.choice(uk), rng.choice(kz)
        needs = interpreter_pair(a, b) is not None
        if (
            (a.pk, b.pk) in pairs
            or max(load.get(a.pk, 0), load.get(b.pk, 0)) >= MOST_PER_PERSON
            or (needs and interpreted >= MOST_INTERPRETED)
        ):
            continue
        interpreted += needs
        pairs.add((a.pk, b.pk))
        load[a.pk], load[b.pk] = load.get(a.pk, 0) + 1, load.get(b.pk, 0) + 1
        requester, recipient = (a, b) if rng.random() < 0.5 else (b, a)
        request = services.request_create(
            requester=requester, recipient=recipient, by=requester.user
        )
        if len(pairs) <= MEETINGS:
            services.request_accept(request=request, by=recipient.user)
    return MEETINGS
