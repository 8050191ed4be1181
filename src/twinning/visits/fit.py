"""Who should be in the room: a candidate organisation scored against a session. Pure, no Django.

The parts: how well its sectors (and its published opportunities') fit the session's, whether
its texts speak of the session's topic, how high the matching engine ranks it for the delegation's
own organisations, whether it already met them, and what came of it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from twinning.matching.sectors import best_sector_match, sector_fit

WEIGHTS = {"sector": 0.35, "topic": 0.2, "matched": 0.2, "opportunity": 0.15, "met": 0.1}
OPPORTUNITY_FIT = 0.7  # same NACE group or closer
_WORD = re.compile(r"\w+")
# Words a topic is written with that say nothing about it.
STOPWORDS = frozenset(
    {
        "with", "from", "into", "that", "this", "their", "there", "about", "session", "meeting",
        "roundtable", "business", "опыт", "встреча", "сессия", "круглый", "стол", "және",
        "үшін", "туралы", "кездесу",
    }
)  # fmt: skip


@dataclass(frozen=True)
class OpportunityFacts:
    id: int
    title: str
    text: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class CandidateFacts:
    id: int
    codes: tuple[str, ...]
    text: str
    opportunities: tuple[OpportunityFacts, ...] = ()
    recommended_for: tuple[tuple[str, float, tuple[dict[str, Any], ...]], ...] = ()
    meetings: int = 0
    outcomes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SessionFacts:
    codes: tuple[str, ...]
    topic: str


@dataclass
class Fit:
    candidate: int
    score: float
    reasons: list[dict[str, Any]] = field(default_factory=list)


def _stem(word: str) -> str:
    """A crude stem that joins "processing"/"processors", "мясо"/"мясной": the first five
    letters of a word, after Unicode folding."""
    return unicodedata.normalize("NFKC", word).casefold()[:5]


def topic_stems(text: str) -> set[str]:
    words = (w for w in _WORD.findall(text) if len(w) >= 4 and not w.isdigit())
    return {_stem(w) for w in words if w.casefold() not in STOPWORDS}


def _topic_part(session: SessionFacts, candidate: CandidateFacts) -> tuple[float, list[str]]:
    wanted = topic_stems(session.topic)
    if not wanted:
        return 0.0, []
    texts = " ".join([candidate.text, *(o.title + " " + o.text for o in candidate.opportunities)])
    found = sorted(wanted & topic_stems(texts))
    return len(found) / len(wanted), found


def _sector_reason(session: SessionFacts, codes: list[str]) -> dict[str, Any] | None:
    match = best_sector_match(list(session.codes), codes)
    if match is None:
        return None
    return {"kind": "sector", "session": match.mine, "theirs": match.theirs, "level": match.level}


def _fitting_opportunities(
    session: SessionFacts, candidate: CandidateFacts
) -> list[OpportunityFacts]:
    if not session.codes:
        return []
    return [
        o
        for o in candidate.opportunities
        if sector_fit(list(session.codes), list(o.codes)) >= OPPORTUNITY_FIT
    ]


def score(session: SessionFacts, candidate: CandidateFacts) -> Fit:
    codes = list(candidate.codes) + [c for o in candidate.opportunities for c in o.codes]
    parts: dict[str, float] = dict.fromkeys(WEIGHTS, 0.0)
    reasons: list[dict[str, Any]] = []
    if session.codes and codes:
        parts["sector"] = sector_fit(list(session.codes), codes)
        reason = _sector_reason(session, codes) if parts["sector"] > 0 else None
        reasons += [reason] if reason else []
    parts["topic"], words = _topic_part(session, candidate)
    if words:
        reasons.append({"kind": "topic", "words": words})
    fitting = _fitting_opportunities(session, candidate)
    if fitting:
        parts["opportunity"] = 1.0
        reasons += [{"kind": "opportunity", "id": o.id, "title": o.title} for o in fitting[:3]]
    if candidate.recommended_for:
        name, best, why = max(candidate.recommended_for, key=lambda r: r[1])
        parts["matched"] = min(1.0, max(0.0, best))
        reasons.append({"kind": "recommended", "for": name, "reasons": list(why[:2])})
    if candidate.meetings:
        parts["met"] = min(1.0, candidate.meetings / 2)
        reasons.append({"kind": "met", "count": candidate.meetings})
    reasons += [{"kind": "outcome", "text": text} for text in candidate.outcomes[:2]]
    total = sum(WEIGHTS[name] * value for name, value in parts.items())
    return Fit(candidate.id, round(total, 4), reasons)


def propose(session: SessionFacts, candidates: list[CandidateFacts], limit: int = 12) -> list[Fit]:
    """The candidates that fit at all, best first (ties by id), at most `limit`."""
    fits = [score(session, c) for c in candidates]
    fits = [f for f in fits if f.score > 0 and any(r["kind"] != "met" for r in f.reasons)]
    fits.sort(key=lambda f: (-f.score, f.candidate))
    return fits[:limit]
