"""Opportunity-level matching: every opportunity gets its own best counterparts, and an
organisation's list is built from its opportunities' matches.

Each published opportunity becomes a unit of its own (its type, its codes or else its
organisation's, its text; the organisation's side, languages and size). An organisation without
opportunities is one unit with its description. One `engine.build` over the units scores every
cross-side pair of units, so a request meets the other side's offers one by one instead of through
two organisations' averaged texts. A seeking opportunity's text is looked up as an e5 query
(`embeddings.query_key`), everything else as a passage: the model was trained that way for
retrieval, and docs/matching.md measures what it changes.

An organisation's list takes, for every candidate organisation, the best pair of units (my
opportunity, their opportunity). The organisation-level blend of `engine.build` is used only by an
organisation that has no units of its own in the index (`organisations` is the fallback); taking
the higher of the two let two organisations' averaged, topical texts (agri-food on both sides)
outrank the offer that answers a request, and measured worse on the first labelled set.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import numpy as np

from twinning.matching.engine import NO_RULES, MatchIndex, Ranked, build, ranked
from twinning.matching.features import WEIGHTS, TextScale, Weights
from twinning.matching.incremental import (
    clear_feedback,
    remove_profile,
    set_feedback,
    update_profile,
)
from twinning.matching.profiles import Feedback, OrgId, Profile, ProgrammeRules, Verdict


@dataclass(frozen=True)
class Unit:
    """What one unit of the opportunity index stands for."""

    organisation: OrgId
    opportunity: OrgId | None  # None: an organisation without opportunities, by its description


@dataclass
class OpportunityIndex:
    index: MatchIndex  # over units
    units: dict[OrgId, Unit]  # unit id -> what it stands for
    of_organisation: dict[OrgId, list[OrgId]]  # organisation id -> its unit ids


@dataclass(frozen=True)
class OpportunityRanked:
    """A candidate organisation for one opportunity, with the unit of theirs that fits best."""

    candidate: OrgId
    score: float
    unit: OrgId
    opportunity: OrgId | None


def unit_id(organisation: OrgId, opportunity: OrgId | None) -> str:
    return f"opportunity:{opportunity}" if opportunity is not None else f"org:{organisation}"


def units_of(profile: Profile, *, queries: bool = True) -> list[Profile]:
    """The profile's units: one per opportunity (the organisation's codes, what it does, and
    the opportunity's, what it offers or seeks), or the organisation itself when it has none."""
    if not profile.opportunities:
        return [replace(profile, id=unit_id(profile.id, None))]
    return [
        replace(
            profile,
            id=unit_id(profile.id, o.id),
            description="",
            opportunities=(o,),
            queries=queries,
        )
        for o in profile.opportunities
    ]


def build_opportunities(
    profiles: Iterable[Profile],
    *,
    vectors: Mapping[str, np.ndarray],
    feedback: Iterable[Feedback] = (),
    rules: ProgrammeRules = NO_RULES,
    weights: Weights = WEIGHTS,
    k: int = 10,
    queries: bool = True,
    scale: TextScale | None = None,
) -> OpportunityIndex:
    """Score every cross-side pair of units; `vectors` must hold the query vectors of seeking
    opportunities (`embeddings.query_key`) when `queries` is on."""
    units: dict[OrgId, Unit] = {}
    of_organisation: dict[OrgId, list[OrgId]] = {}
    unit_profiles = []
    for profile in profiles:
        for unit in units_of(profile, queries=queries):
            opportunity = unit.opportunities[0].id if profile.opportunities else None
            units[unit.id] = Unit(profile.id, opportunity)
            of_organisation.setdefault(profile.id, []).append(unit.id)
            unit_profiles.append(unit)
    verdicts = [
        Feedback(mine, theirs, f.verdict)
        for f in feedback
        for mine in of_organisation.get(f.viewer, [])
        for theirs in of_organisation.get(f.candidate, [])
    ]
    index = build(
        unit_profiles,
        vectors=vectors,
        feedback=verdicts,
        rules=rules,
        weights=weights,
        k=k,
        scale=scale,
    )
    return OpportunityIndex(index, units, of_organisation)


def opportunity_ranked(
    index: OpportunityIndex, organisation: OrgId, opportunity: OrgId | None
) -> list[OpportunityRanked]:
    """One opportunity's candidate organisations, best first, each once with its best unit."""
    best: dict[OrgId, OpportunityRanked] = {}
    for r in ranked(index.index, unit_id(organisation, opportunity)):
        unit = index.units[r.candidate]
        if unit.organisation not in best:
            best[unit.organisation] = OpportunityRanked(
                unit.organisation, r.score, r.candidate, unit.opportunity
            )
    return list(best.values())


def organisation_ranked(
    index: OpportunityIndex, organisations: MatchIndex, organisation: OrgId, *, k: int
) -> list[Ranked]:
    """The organisation's list from its opportunities' matches: each candidate at its best pair
    of units (see `organisation_pairs`). Ties: lower id text first."""
    return [
        Ranked(p.candidate, p.score)
        for p in organisation_pairs(index, organisations, organisation, k=k)
    ]


@dataclass(frozen=True)
class PairRanked:
    """A candidate organisation in an organisation's list, with where its score came from: the
    best pair of units, or (units None) the organisations' blend."""

    candidate: OrgId
    score: float
    mine: OrgId | None
    theirs: OrgId | None


def organisation_pairs(
    index: OpportunityIndex, organisations: MatchIndex, organisation: OrgId, *, k: int
) -> list[PairRanked]:
    """`organisation_ranked` with the pair of units behind each score."""
    best: dict[OrgId, PairRanked] = {}
    units = index.of_organisation.get(organisation, [])
    for unit in units:
        for r in ranked(index.index, unit):
            candidate = index.units[r.candidate].organisation
            if candidate not in best or r.score > best[candidate].score:
                best[candidate] = PairRanked(candidate, r.score, unit, r.candidate)
    if not units:
        for r in ranked(organisations, organisation):
            best[r.candidate] = PairRanked(r.candidate, r.score, None, None)
    order = sorted(best.values(), key=lambda p: (-p.score, str(p.candidate)))
    return [p for p in order[:k] if np.isfinite(p.score)]


def update_organisation(
    index: OpportunityIndex, profile: Profile, *, vectors: Mapping[str, np.ndarray]
) -> set[OrgId]:
    """Replace one organisation's units (its opportunities changed, or it did); returns the
    organisations whose unit lists changed."""
    queries = any(p.queries for p in index.index.profiles.values())
    fresh = units_of(profile, queries=queries)
    changed = set()
    for gone in set(index.of_organisation.get(profile.id, [])) - {u.id for u in fresh}:
        changed |= remove_profile(index.index, gone)
        index.units.pop(gone)
    index.of_organisation[profile.id] = [u.id for u in fresh]
    for unit in fresh:
        opportunity = unit.opportunities[0].id if profile.opportunities else None
        index.units[unit.id] = Unit(profile.id, opportunity)
        changed |= update_profile(index.index, unit, vectors=vectors)
    return {index.units[u].organisation for u in changed if u in index.units} | {profile.id}


def remove_organisation(index: OpportunityIndex, organisation: OrgId) -> set[OrgId]:
    changed = set()
    for gone in index.of_organisation.pop(organisation, []):
        changed |= remove_profile(index.index, gone)
        index.units.pop(gone)
    return {index.units[u].organisation for u in changed if u in index.units}


def organisation_feedback(
    index: OpportunityIndex, viewer: OrgId, candidate: OrgId, verdict: Verdict | None
) -> set[OrgId]:
    """Set (or with None clear) the viewer's verdict on every pair of their units."""
    changed = set()
    for mine in index.of_organisation.get(viewer, []):
        for theirs in index.of_organisation.get(candidate, []):
            if verdict is None:
                changed |= clear_feedback(index.index, mine, theirs)
            else:
                changed |= set_feedback(index.index, Feedback(mine, theirs, verdict))
    return {index.units[u].organisation for u in changed if u in index.units}
