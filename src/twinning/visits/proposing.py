"""The facts the proposals are scored on, read from the database through the owning apps'
selectors: organisations and opportunities, the matching engine's stored lists, past meetings,
and outcomes recorded at earlier sessions."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinning.events.selectors import meetings_between
from twinning.matching.selectors import nace_titles, recommendations_for
from twinning.matching.wording import reason_sentence
from twinning.organisations.selectors import organisations_for_matching
from twinning.programmes.selectors import sectors_by_codes
from twinning.visits.fit import CandidateFacts, Fit, OpportunityFacts, SessionFacts, propose
from twinning.visits.models import Person, Proposal, Session, SessionOutcome

SHORT_PROFILE = 280


def _delegation_organisations(session: Session) -> list[Any]:
    people = session.visit.people.filter(team=Person.Team.DELEGATION, organisation__isnull=False)
    return [p.organisation for p in people.select_related("organisation").order_by("pk")]


def _recommended(organisations: list[Any]) -> dict[int, list[tuple[str, float, tuple]]]:
    """For each candidate, the delegation organisations whose matching list holds it."""
    found: dict[int, list[tuple[str, float, tuple]]] = {}
    for organisation in organisations:
        for row in recommendations_for(organisation=organisation):
            entry = (organisation.display_name, row.recommendation.score,
                     tuple(row.recommendation.reasons))  # fmt: skip
            found.setdefault(row.candidate.pk, []).append(entry)
    return found


def _outcomes(candidate_ids: list[int]) -> dict[int, list[str]]:
    rows = SessionOutcome.objects.filter(organisation_id__in=candidate_ids).order_by("-recorded_at")
    found: dict[int, list[str]] = {}
    for organisation_id, text in rows.values_list("organisation_id", "description"):
        found.setdefault(organisation_id, []).append(text[:120])
    return found


def _opportunity(opportunity: Any) -> OpportunityFacts:
    codes = tuple(s.code for s in opportunity.sectors.all())
    text = " ".join(p for p in (opportunity.summary, opportunity.description) if p)
    return OpportunityFacts(opportunity.pk, opportunity.title, text, codes)


def candidates_for(*, session: Session) -> list[CandidateFacts]:
    """The host side's organisations, each with what the proposal is scored on."""
    visit = session.visit
    organisations = [
        o for o in organisations_for_matching(programme_id=visit.programme_id)
        if o.side_id == visit.host_side_id
    ]  # fmt: skip
    ids = [o.pk for o in organisations]
    delegation = _delegation_organisations(session)
    recommended = _recommended(delegation)
    met = meetings_between(organisation_ids=[o.pk for o in delegation], other_ids=ids)
    outcomes = _outcomes(ids)
    return [
        CandidateFacts(
            id=o.pk,
            codes=tuple(s.code for s in o.sectors.all()),
            text=" ".join((o.legal_name, o.description)),
            opportunities=tuple(_opportunity(p) for p in o.published_opportunities),
            recommended_for=tuple(recommended.get(o.pk, ())),
            meetings=met.get(o.pk, 0),
            outcomes=tuple(outcomes.get(o.pk, ())),
        )
        for o in organisations
    ]


def fits_for(*, session: Session, limit: int = 12) -> list[Fit]:
    facts = SessionFacts(
        codes=tuple(s.code for s in session.sectors.all()),
        topic=" ".join((session.title_en, session.topic)),
    )
    return propose(facts, candidates_for(session=session), limit=limit)


# ---------------------------------------------------------------- reasons in words


def _titles(proposals: list[Proposal]) -> dict[str, str]:
    codes = {
        code
        for p in proposals
        for r in p.reasons
        if r["kind"] == "sector"
        for code in (r["session"], r["theirs"])
    }
    titles = {s.code: s.title for s in sectors_by_codes(codes=sorted(codes))}
    nested = [
        list(r["reasons"]) for p in proposals for r in p.reasons if r["kind"] == "recommended"
    ]
    return titles | nace_titles(nested)


def _sector_sentence(reason: dict[str, Any], titles: dict[str, str]) -> str:
    def named(code: str) -> str:
        return f"{code} {titles.get(code, '')}".strip()

    if reason["session"] == reason["theirs"]:
        return _("Works in the session's sector: %(code)s") % {"code": named(reason["theirs"])}
    return _("Works in %(theirs)s, close to the session's %(session)s") % {
        "theirs": named(reason["theirs"]), "session": named(reason["session"]),
    }  # fmt: skip


def reason_sentences(reason: dict[str, Any], titles: dict[str, str]) -> list[str]:
    kind = reason["kind"]
    if kind == "sector":
        return [_sector_sentence(reason, titles)]
    if kind == "topic":
        return [
            _("Its profile speaks of the topic (%(words)s…)")
            % {"words": ", ".join(reason["words"])}
        ]
    if kind == "opportunity":
        return [_("Published opportunity: %(title)s") % {"title": reason["title"]}]
    if kind == "recommended":
        why = "; ".join(reason_sentence(r, titles) for r in reason["reasons"])
        line = _("Recommended by the matching engine for %(name)s") % {"name": reason["for"]}
        return [f"{line}: {why}" if why else line]
    if kind == "met":
        count = reason["count"]
        return [ngettext("Met the delegation's organisations once before",
                         "Met the delegation's organisations %(count)s times before",
                         count) % {"count": count}]  # fmt: skip
    if kind == "outcome":
        return [_("Earlier outcome: %(text)s") % {"text": reason["text"]}]
    return []


def proposals_in_words(proposals: list[Proposal]) -> list[tuple[Proposal, list[str]]]:
    titles = _titles(proposals)
    return [
        (p, [s for reason in p.reasons for s in reason_sentences(reason, titles)])
        for p in proposals
    ]
