"""Scores taken apart into reasons that name the concrete codes, types and phrases that matched."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from twinning.matching.complementarity import best_pair, type_strength
from twinning.matching.engine import MatchIndex, ranked
from twinning.matching.features import MAX_CODES, SIZE_BANDS, centred, text_fit, text_rows
from twinning.matching.profiles import (
    Opportunity,
    OrgId,
    Profile,
    Verdict,
    opportunity_key,
)
from twinning.matching.reasons import Reason
from twinning.matching.sectors import CHAIN_BY_SLUG, SectorMatch, best_sector_match
from twinning.matching.supply import SOURCE, Flow, cell_sector

# "Similar wording" is named only when the organisations' texts fit at least TEXT_REASON_FLOOR
# (z 1.5 with the default scale) and the two phrases it quotes fit at least PHRASE_REASON_FLOOR
# (z 2.4) on their own. Calibrated on the first labelled set: of the cross-side pairs that pass,
# 48% are partners a broker would introduce (31% under the old rule, a 0.34 floor on the
# organisations alone); on the second set 24% (was 11%). No reason beats a wrong one.
TEXT_REASON_FLOOR = 0.5
PHRASE_REASON_FLOOR = 0.8
PHRASE_CHARS = 90


@dataclass(frozen=True)
class Match:
    candidate: Profile
    score: float
    parts: Mapping[str, float]
    reasons: tuple[Reason, ...]


def matches(index: MatchIndex, org_id: OrgId) -> list[Match]:
    """The organisation's list with parts and reasons, best first."""
    return [explain(index, org_id, r.candidate, score=r.score) for r in ranked(index, org_id)]


class Memo:
    """What explaining needs of each profile of one index (its texts' rows, quotable phrases and
    opportunity vectors), worked out once however many pairs it appears in. Valid while the index
    does not change."""

    def __init__(self, index: MatchIndex) -> None:
        self.index = index
        self._rows: dict[OrgId, np.ndarray] = {}
        self._phrases: dict[OrgId, list[str]] = {}
        self._opportunities: dict[OrgId, list[np.ndarray | None]] = {}

    def text_rows(self, profile: Profile) -> np.ndarray:
        if profile.id not in self._rows:
            scale = self.index.scale
            rows = text_rows(profile, self.index.vectors, scale.languages)
            self._rows[profile.id] = centred(rows, scale.centre)
        return self._rows[profile.id]

    def phrases(self, profile: Profile) -> list[str]:
        if profile.id not in self._phrases:
            self._phrases[profile.id] = _phrases(profile)
        return self._phrases[profile.id]

    def opportunity_vectors(self, profile: Profile) -> list[np.ndarray | None]:
        if profile.id not in self._opportunities:
            self._opportunities[profile.id] = [
                self.index.vectors.get(opportunity_key(profile, o)) for o in profile.opportunities
            ]
        return self._opportunities[profile.id]


class Explainer:
    """The reasons of many pairs of one index that does not change meanwhile, each pair explained
    once and each profile's data worked out once."""

    def __init__(self, index: MatchIndex) -> None:
        self.index = index
        self.memo = Memo(index)
        self._reasons: dict[tuple[OrgId, OrgId], tuple[Reason, ...]] = {}

    def reasons(self, viewer_id: OrgId, candidate_id: OrgId) -> tuple[Reason, ...]:
        key = (viewer_id, candidate_id)
        if key not in self._reasons:
            found = explain(self.index, viewer_id, candidate_id, memo=self.memo)
            self._reasons[key] = found.reasons
        return self._reasons[key]


def explain(
    index: MatchIndex,
    viewer_id: OrgId,
    candidate_id: OrgId,
    *,
    score: float | None = None,
    memo: Memo | None = None,
) -> Match:
    viewer, candidate = index.profiles[viewer_id], index.profiles[candidate_id]
    memo = memo if memo is not None else Memo(index)
    found = [
        type_part(index, viewer, candidate, memo),
        sector_part(index, viewer, candidate),
        _text(index, viewer, candidate, memo),
        _language(index, viewer, candidate),
        _size(index, viewer, candidate),
        _focus(index, viewer, candidate),
        _feedback(index, viewer, candidate),
    ]
    parts = {name: value for name, value, _ in found}
    reasons = [(value, reason) for _, value, reason in found if reason and value > 0]
    reasons.sort(key=lambda vr: -vr[0])
    total = sum(parts.values()) if score is None else score
    return Match(candidate, float(total), parts, tuple(r for _, r in reasons))


Part = tuple[str, float, Reason | None]


def type_part(
    index: MatchIndex, viewer: Profile, candidate: Profile, memo: Memo | None = None
) -> Part:
    pair = best_pair(list(viewer.types), list(candidate.types))
    if pair is None:
        return "types", 0.0, None
    mine, theirs, strength = pair
    memo = memo if memo is not None else Memo(index)
    mine_opp, theirs_opp = _best_fitting(memo, viewer, candidate, strength)
    reason = Reason(
        "types",
        {
            "mine": mine,
            "theirs": theirs,
            "strength": strength,
            "mine_opportunity": mine_opp.id,
            "theirs_opportunity": theirs_opp.id,
            "mine_title": mine_opp.title,
            "theirs_title": theirs_opp.title,
        },
    )
    return "types", index.weights.types * strength, reason


def _best_fitting(
    memo: Memo, viewer: Profile, candidate: Profile, strength: float
) -> tuple[Opportunity, Opportunity]:
    """Of the opportunity pairs whose types complement at `strength`, the one whose texts are
    closest: the reason names the offer that answers the request, not the first listed."""
    mine, theirs = memo.opportunity_vectors(viewer), memo.opportunity_vectors(candidate)
    pairs = [
        (i, j)
        for i, a in enumerate(viewer.opportunities)
        for j, b in enumerate(candidate.opportunities)
        if type_strength(a.type, b.type) == strength
    ]

    def closeness(pair: tuple[int, int]) -> float:
        va, vb = mine[pair[0]], theirs[pair[1]]
        return float(va @ vb) if va is not None and vb is not None else 0.0

    i, j = max(pairs, key=closeness)
    return viewer.opportunities[i], candidate.opportunities[j]


def sector_part(index: MatchIndex, viewer: Profile, candidate: Profile) -> Part:
    mine, theirs = viewer.all_nace[:MAX_CODES], candidate.all_nace[:MAX_CODES]
    links = (viewer.link_nace, candidate.link_nace)
    match = best_sector_match(list(mine), list(theirs), links=links)
    if match is None:
        return "sector", 0.0, None
    return "sector", index.weights.sector * match.score, sector_reason(match)


def sector_reason(match: SectorMatch) -> Reason:
    """A supply link from the input-output tables quotes its figure; a judgement link names its
    chain; anything else names the shared NACE level."""
    if match.flow is not None:
        return supply_reason(match, match.flow)
    if match.level == "chain":
        return Reason(
            "chain",
            {
                "chain": match.chain,
                "chain_name": CHAIN_BY_SLUG[match.chain].name,
                "mine": match.mine,
                "theirs": match.theirs,
                "mine_stage": match.mine_stage,
                "theirs_stage": match.theirs_stage,
            },
        )
    return Reason("sector", {"level": match.level, "mine": match.mine, "theirs": match.theirs})


def supply_reason(match: SectorMatch, flow: Flow) -> Reason:
    buyer_code, seller_code = (
        (match.mine, match.theirs) if match.mine_buys else (match.theirs, match.mine)
    )
    return Reason(
        "supply",
        {
            "mine": match.mine,
            "theirs": match.theirs,
            "buyer": "mine" if match.mine_buys else "theirs",
            "buyer_sector": cell_sector(flow.buyer, buyer_code),
            "product_sector": cell_sector(flow.product, seller_code),
            "buyer_label": flow.buyer_label,
            "product_label": flow.product_label,
            "percent": flow.percent,
            "source": SOURCE,
        },
    )


def _text(index: MatchIndex, viewer: Profile, candidate: Profile, memo: Memo) -> Part:
    (sv, pv), (sc, pc) = index.where[viewer.id], index.where[candidate.id]
    cosine = np.array([[index.sides[sv].vec[pv] @ index.sides[sc].vec[pc]]], np.float32)
    fit = float(text_fit(cosine, index.scale, index.weights)[0, 0])
    if fit < TEXT_REASON_FLOOR or not viewer.texts or not candidate.texts:
        return "text", index.weights.text * fit, None
    (mine, theirs), phrase_fit = _closest_phrases(memo, viewer, candidate)
    if phrase_fit < PHRASE_REASON_FLOOR:
        return "text", index.weights.text * fit, None
    reason = Reason("text", {"mine": mine, "theirs": theirs, "fit": round(fit, 3)})
    return "text", index.weights.text * fit, reason


def _closest_phrases(
    memo: Memo, viewer: Profile, candidate: Profile
) -> tuple[tuple[str, str], float]:
    """The closest pair of the two profiles' phrases and its own text fit (same scale)."""
    index = memo.index
    cosines = memo.text_rows(viewer) @ memo.text_rows(candidate).T
    i, j = np.unravel_index(int(np.argmax(cosines)), cosines.shape)
    best = np.array([[cosines[i, j]]], np.float32)
    fit = float(text_fit(best, index.scale, index.weights)[0, 0])
    return (memo.phrases(viewer)[i], memo.phrases(candidate)[j]), fit


def _phrases(profile: Profile) -> list[str]:
    """A short quotable phrase per text: an opportunity's title, a description's first sentence."""
    own = [_first_sentence(profile.description)] if profile.description else []
    return own + [o.title for o in profile.opportunities]


def _first_sentence(text: str) -> str:
    sentence = text.split(". ")[0].strip()
    return sentence if len(sentence) <= PHRASE_CHARS else sentence[: PHRASE_CHARS - 1] + "…"


def _language(index: MatchIndex, viewer: Profile, candidate: Profile) -> Part:
    shared = [lang for lang in viewer.languages if lang in candidate.languages]
    if not shared:
        return "language", 0.0, None
    return "language", index.weights.language, Reason("language", {"languages": shared})


def _size(index: MatchIndex, viewer: Profile, candidate: Profile) -> Part:
    if not viewer.size or not candidate.size:
        return "size", index.weights.size * 0.5, None
    gap = abs(SIZE_BANDS.index(viewer.size) - SIZE_BANDS.index(candidate.size))
    fit = 1.0 - gap / (len(SIZE_BANDS) - 1)
    reason = Reason("size", {"mine": viewer.size, "theirs": candidate.size}) if gap <= 1 else None
    return "size", index.weights.size * fit, reason


def _focus(index: MatchIndex, viewer: Profile, candidate: Profile) -> Part:
    rules = index.rules
    inside = [p for p in (viewer, candidate) if rules.in_focus(p.all_nace)]
    if not inside:
        return "focus", 0.0, None
    codes = sorted(
        {c for p in inside for c in p.all_nace if any(c.startswith(f) for f in rules.sector_focus)}
    )
    return "focus", index.weights.focus * len(inside) / 2, Reason("focus", {"codes": codes})


def _feedback(index: MatchIndex, viewer: Profile, candidate: Profile) -> Part:
    verdict = index.feedback.get(viewer.id, {}).get(candidate.id)
    if verdict is None or verdict is Verdict.NOT_INTERESTED:
        return "feedback", 0.0, None
    lift = index.weights.must_meet if verdict is Verdict.MUST_MEET else index.weights.interesting
    return "feedback", lift, Reason("feedback", {"verdict": verdict.value})
