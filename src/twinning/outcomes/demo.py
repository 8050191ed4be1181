"""Demo step: a trade-mission day four months ago whose meetings were held, and the register that
came out of it — every stage, both sides recording, three currencies, local-content shares,
confirmations, a dispute, verified outcomes with evidence, follow-up answers — all through the
services, so the dashboard and the PDF tell a story."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.files.base import ContentFile

from twinning.events import services as events
from twinning.events.selectors_outcomes import meetings_between
from twinning.introductions.selectors import introductions_between
from twinning.outcomes import services
from twinning.outcomes.models import LocalContentMethod, Outcome
from twinning.visits.selectors import sessions_between

if TYPE_CHECKING:
    from twinning.demo.steps.base import DemoContext, Tally

SLUG_TITLE = "Almaty trade mission: Yorkshire companies meet Kazakh buyers"
SLUG = "almaty-trade-mission"
TITLE_RU = "Торговая миссия в Алматы: компании Йоркшира встречаются с покупателями"
TITLE_KK = "Алматыдағы сауда миссиясы: Йоркшир компаниялары сатып алушылармен кездеседі"
PDF = b"%PDF-1.4\n% demo evidence: a signed agreement\n"
# (recorded by, with, title, kind, stage, amount, currency, local content %, what happens next)
STORIES = (
    ("aire-valley", "kostanay-meat", "Sausage line for the Kostanay plant", "supply",
     "in_delivery", "1850000", "USD", "35", "verify"),
    ("kostanay-meat", "aire-valley", "Service agreement for the processing line",
     "commercial_agency", "contract_signed", "42000000", "KZT", "80", "verify"),
    ("aire-valley", "steppe-light", "Refrigerated catering trucks for film crews", "supply",
     "mou_signed", "120000", "GBP", None, "confirm"),
    ("steppe-light", "bronte-moor", "Co-production of a documentary series", "film",
     "negotiating", "350000", "EUR", "45", "wait"),
    ("kostanay-meat", "leeds-chamber", "Halal beef distribution in Yorkshire", "distribution",
     "contacted", None, "", None, "wait"),
    ("bronte-moor", "kostanay-meat", "Documentary filmed at the plant", "film",
     "lost", None, "", None, "lost"),
    ("leeds-chamber", "steppe-light", "Memorandum on a Yorkshire–Almaty film week", "mou",
     "mou_signed", None, "", None, "dispute"),
)  # fmt: skip


def load(context: DemoContext) -> Tally:
    from twinning.demo.steps.base import Tally

    if Outcome.objects.filter(programme=context.programme).exists():
        return Tally(existing=1)
    method = _method()
    day = context.today - dt.timedelta(days=120)
    meetings = _mission_day(context, day)
    created = 0
    for story in STORIES:
        if story[0] in context.organisations and story[1] in context.organisations:
            _story(context, story, method, day, meetings)
            created += 1
    _follow_ups(meetings)
    context.report(f"  {created} outcomes recorded")
    return Tally(created=created)


def _method() -> LocalContentMethod:
    method, _ = LocalContentMethod.objects.get_or_create(
        code="kz-goods-works-services",
        version="2024",
        defaults={
            "name": "Kazakh share of goods, works and services",
            "description": "Share of the contract value paid for goods made, and works and "
            "services performed, by Kazakh residents (the method of the subsoil-use rules).",
        },
    )
    return method


def _mission_day(context: DemoContext, day: dt.date) -> dict[frozenset[int], Any]:
    """A small past event through the events services: registrations, meetings, a schedule,
    then every meeting marked held (one no-show) and some feedback."""
    operator = context.operator
    event = events.event_create(
        programme=context.programme, by=operator, title_en=SLUG_TITLE,
        title_ru=TITLE_RU, title_kk=TITLE_KK,
        venue="Rixos Almaty", address="Seifullin Avenue 506/99, Almaty", time_zone="Asia/Almaty",
        starts_on=day, ends_on=day, requires_approval=False, capacity=40,
    )  # fmt: skip
    event = events.event_publish(event=event, by=operator)
    events.grid_generate(
        event=event, by=operator, day=day,
        morning=(dt.time(10, 0), dt.time(12, 30)), afternoon=None,
    )  # fmt: skip
    events.tables_set_count(event=event, by=operator, count=6)
    keys = sorted({key for story in STORIES for key in story[:2]} & set(context.organisations))
    people = {
        key: events.registration_create(
            event=event, user=context.owners[key], organisation=context.organisations[key]
        )
        for key in keys
    }
    pairs = {frozenset(story[:2]) for story in STORIES if set(story[:2]) <= set(people)}
    accepted = []
    for pair in sorted(pairs, key=sorted):
        first, second = sorted(pair)
        request = events.request_create(
            requester=people[first], recipient=people[second], by=people[first].user
        )
        accepted.append(events.request_accept(request=request, by=people[second].user))
    events.schedule_run_now(event=event, by=operator, time_limit=5)
    events.schedule_publish(event=event, by=operator, note="Mission day")
    return _held(context, accepted, people)


def _held(context: DemoContext, accepted: list[Any], people: dict[str, Any]) -> dict:
    found: dict[frozenset[int], Any] = {}
    for number, meeting in enumerate(accepted):
        fresh = type(meeting).objects.get(pk=meeting.pk)
        requester = fresh.request.requester
        if number == len(accepted) - 1:
            fresh = events.meeting_mark(
                meeting=fresh, by=context.operator, held=False, absent=requester
            )
        else:
            fresh = events.meeting_mark(meeting=fresh, by=context.operator, held=True)
            answer = ("negotiation", "agreement", "follow_up")[number % 3]
            events.feedback_give(
                meeting=fresh, registration=requester, by=requester.user, outcome=answer
            )
        pair = frozenset({requester.organisation_id, fresh.request.recipient.organisation_id})
        found[pair] = fresh
    return found


def _story(
    context: DemoContext, story: tuple, method: LocalContentMethod, day: dt.date, meetings: dict
) -> Outcome:
    reporter_key, partner_key, title, kind, stage, amount, currency, share, then = story
    reporter, partner = context.organisations[reporter_key], context.organisations[partner_key]
    by, other = context.owners[reporter_key], context.owners[partner_key]
    meeting = meetings.get(frozenset({reporter.pk, partner.pk}))
    introduction = introductions_between(first_id=reporter.pk, second_id=partner.pk).first()
    outcome = services.outcome_record(
        reporter=reporter, partner=partner, by=by, title=title, kind=kind,
        stage="contacted", stage_on=day + dt.timedelta(days=2), introduction=introduction,
        meetings=list(meetings_between(first_id=reporter.pk, second_id=partner.pk)),
        visit_sessions=list(sessions_between(first_id=reporter.pk, second_id=partner.pk)),
        amount=Decimal(amount) if amount else None, currency=currency,
        rate_on=day if amount else None,
        local_content_share=Decimal(share) if share else None,
        local_content_method=method if share else None,
        description=f"Came out of the {SLUG_TITLE.split(':')[0]}." if meeting else "",
    )  # fmt: skip
    outcome = _advance(outcome, by, stage, day)
    if then in ("confirm", "verify"):
        outcome = services.outcome_confirm(outcome=outcome, by=other)
    if then == "verify":
        upload = ContentFile(PDF, name=f"signed-{reporter_key}-{partner_key}.pdf")
        services.evidence_add(outcome=outcome, by=by, upload=upload)  # type: ignore[arg-type]
        outcome = services.outcome_verify(
            outcome=outcome, by=context.operator, note="Signed copy checked against the register."
        )
    if then == "dispute":
        outcome = services.outcome_dispute(
            outcome=outcome, by=other, reason="We signed a letter of intent, not a memorandum."
        )
    return outcome


def _advance(outcome: Outcome, by: Any, stage: str, day: dt.date) -> Outcome:
    """Walk the stages one by one, three weeks apart, up to `stage` (lost after a month)."""
    if stage == "lost":
        return services.outcome_move(
            outcome=outcome, by=by, stage="lost", on=day + dt.timedelta(days=30),
            lost_reason="The plant chose a local crew.",
        )  # fmt: skip
    order = Outcome.ORDER
    for step, next_stage in enumerate(order[1 : order.index(stage) + 1], start=1):
        on = day + dt.timedelta(days=2 + 21 * step)
        outcome = services.outcome_move(outcome=outcome, by=by, stage=next_stage, on=on)
    return outcome


def _follow_ups(meetings: dict) -> None:
    """The three-month questions were sent and some were answered."""
    answers = ("agreement", "negotiation", "valuable_contact", "knowledge", "no_contact")
    for number, meeting in enumerate(meetings.values()):
        if meeting.status != meeting.Status.HELD:
            continue
        for registration in (meeting.request.requester, meeting.request.recipient):
            follow_up = services.follow_up_create(
                meeting=meeting, registration=registration, months=3
            )
            if number % 2 == 0:
                services.follow_up_answer(
                    follow_up=follow_up, answer=answers[number % len(answers)], comment=""
                )
