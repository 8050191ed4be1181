"""How well a student and a position fit, with the reasons: pure (numpy, plain data).

Text is compared across languages with the matching app's multilingual embeddings (an English
course description finds a position written in Russian); skills by the words they share;
languages by whether the student speaks every language the position asks for at B1 or better;
sectors by whether a NACE division the student would like to work in is one of the position's
(full credit) or shares its section (part credit). A term that cannot be judged (a position with
no sectors, a student who chose none) is left out and the others are weighed without it, so
saying nothing about sectors neither helps nor harms. Feedback moves a position in that one
student's list only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

WEIGHTS = {"text": 0.5, "skills": 0.25, "languages": 0.1, "sectors": 0.15}
# A sector of the same NACE section (C: manufacturing, K: finance…) but another division.
SECTION_CREDIT = 0.4
LIFT = {"interested": 0.25, "not_interested": -1.0}
WORKING_LEVELS = {"B1", "C1", "native"}


@dataclass(frozen=True)
class Side:
    """A student or a position, as the fit sees it."""

    id: int
    vector: np.ndarray
    skills: frozenset[str]
    languages: frozenset[str]
    sectors: tuple[str, ...] = ()
    sections: frozenset[str] = frozenset()


@dataclass
class Fit:
    id: int
    score: float
    reasons: list[dict[str, object]] = field(default_factory=list)


def skill_words(text: str) -> frozenset[str]:
    return frozenset(s.strip().lower() for s in text.split(",") if s.strip())


def working_languages(levels: dict[str, str]) -> frozenset[str]:
    return frozenset(code for code, level in levels.items() if level in WORKING_LEVELS)


def sector_fit(student: Side, position: Side) -> tuple[float | None, list[str]]:
    """(credit, divisions in common); None when either side names no sector."""
    if not student.sectors or not position.sectors:
        return None, []
    common = sorted(set(student.sectors) & set(position.sectors))
    if common:
        return 1.0, common
    return (SECTION_CREDIT if student.sections & position.sections else 0.0), []


def fit(student: Side, position: Side, verdict: str = "") -> Fit:
    text = float(np.dot(student.vector, position.vector)) if student.vector.size else 0.0
    common = sorted(student.skills & position.skills)
    skills = len(common) / len(position.skills) if position.skills else 0.0
    needed = position.languages
    spoken = needed <= student.languages if needed else True
    sectors, shared = sector_fit(student, position)
    terms = {"text": max(text, 0.0), "skills": skills, "languages": 1.0 if spoken else 0.0}
    if sectors is not None:
        terms["sectors"] = sectors
    weight = sum(WEIGHTS[name] for name in terms)
    score = sum(WEIGHTS[name] * value for name, value in terms.items()) / weight
    score += LIFT.get(verdict, 0.0)
    reasons: list[dict[str, object]] = [{"kind": "text", "similarity": round(text, 2)}]
    if common:
        reasons.append({"kind": "skills", "common": common})
    if needed:
        reasons.append({"kind": "languages", "codes": sorted(needed), "spoken": spoken})
    if position.sectors:
        reasons.append({
            "kind": "sectors", "codes": list(position.sectors), "common": shared,
            "same_section": sectors == SECTION_CREDIT,
        })  # fmt: skip
    if verdict:
        reasons.append({"kind": "feedback", "verdict": verdict})
    return Fit(id=position.id, score=round(score, 4), reasons=reasons)


def rank(viewer: Side, others: list[Side], verdicts: dict[int, str] | None = None) -> list[Fit]:
    """`others` best first for `viewer`; feedback about one of them moves it in this list only."""
    verdicts = verdicts or {}
    fits = [fit(viewer, other, verdicts.get(other.id, "")) for other in others]
    return sorted(fits, key=lambda f: (-f.score, f.id))


def rank_students(position: Side, students: list[Side]) -> list[Fit]:
    """Students best first for a position (the employer's view); each Fit's id is the student's."""
    fits = []
    for student in students:
        found = fit(student, position)
        fits.append(Fit(id=student.id, score=found.score, reasons=found.reasons))
    return sorted(fits, key=lambda f: (-f.score, f.id))
