"""Quality of recommendations against a broker-labelled set: recall@5, recall@10 and MRR, overall
and per language direction (the viewer's language → the partner's).

Rankings can tie (NACE fit alone takes a handful of values), so the metrics are expectations over a
random order within ties rather than whatever order the ties happen to fall in.

    python -m twinning.matching.evaluation tests/data/matching_eval.json \
        tests/data/matching_eval_vectors.npz
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from math import comb
from pathlib import Path

import numpy as np

from twinning.matching import embeddings
from twinning.matching.engine import build, ranked
from twinning.matching.features import WEIGHTS, Weights, script_language
from twinning.matching.opportunities import build_opportunities, organisation_ranked
from twinning.matching.profiles import Opportunity, OrgId, Profile

_NOTHING = Weights(types=0, sector=0, text=0, language=0, size=0, focus=0)
MODES: dict[str, Weights] = {
    "nace": replace(_NOTHING, sector=1.0),
    "text": replace(_NOTHING, text=1.0),
    "blend": WEIGHTS,
}
CUTOFFS = (5, 10)
DIRECTIONS = (("en", "ru"), ("en", "kk"), ("ru", "en"), ("kk", "en"))


@dataclass(frozen=True)
class Metrics:
    recall_at_10: float
    mrr: float
    viewers: int
    recall_at_5: float = 0.0


@dataclass(frozen=True)
class LabelledSet:
    profiles: list[Profile]
    partners: dict[OrgId, frozenset[OrgId]]
    languages: dict[OrgId, str]

    @property
    def texts(self) -> list[str]:
        return [t for p in self.profiles for t in p.texts]

    @property
    def queries(self) -> list[str]:
        """Texts of seeking opportunities, embedded as e5 queries for opportunity-level matching."""
        return [o.text for p in self.profiles for o in p.opportunities if o.seeks]


language_of = script_language


def load(path: str | Path) -> LabelledSet:
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    orgs = raw["organisations"]
    profiles = [_profile(o) for o in orgs]
    return LabelledSet(
        profiles=profiles,
        partners={o["id"]: frozenset(o["partners"]) for o in orgs},
        languages={
            o["id"]: o.get("language") or language_of(" ".join(p.texts))
            for o, p in zip(orgs, profiles, strict=True)
        },
    )


def _profile(o: Mapping) -> Profile:
    opportunities = tuple(
        Opportunity(x["id"], x["type"], x["title"], x.get("description", ""), tuple(x["nace"]))
        for x in o.get("opportunities", [])
    )
    return Profile(
        id=o["id"],
        side=o["side"],
        name=o["name"],
        region=o.get("region", ""),
        kind=o.get("kind", "company"),
        size=o.get("size", ""),
        languages=tuple(o.get("languages", [])),
        nace=tuple(o.get("nace", [])),
        description=o.get("description", ""),
        opportunities=opportunities,
    )


def _expected_ranks(scores: np.ndarray, relevant: np.ndarray) -> tuple[list[float], float]:
    """(expected recall at each of CUTOFFS, expected reciprocal rank of the first relevant) under
    random tie-breaking."""
    recalls = []
    for cutoff in CUTOFFS:
        hits = 0.0
        for s in scores[relevant]:
            above, tied = int(np.sum(scores > s)), int(np.sum(scores == s))
            hits += min(max((cutoff - above) / tied, 0.0), 1.0)
        recalls.append(hits / int(relevant.sum()))
    best = scores[relevant].max()
    above, tied = int(np.sum(scores > best)), int(np.sum(scores == best))
    hits = int(np.sum(scores[relevant] == best))
    # The first relevant item sits at position x among the tied block with P = C(t-x, m-1)/C(t, m).
    rr = sum(comb(tied - x, hits - 1) / comb(tied, hits) / (above + x) for x in range(1, tied + 1))
    return recalls, rr


# A ranking: viewer id -> [(candidate, score)] over the whole other side.
Rankings = dict[OrgId, list[tuple[OrgId, float]]]


def organisation_rankings(
    labelled: LabelledSet, vectors: Mapping[str, np.ndarray], weights: Weights
) -> Rankings:
    index = build(labelled.profiles, vectors=vectors, weights=weights, k=len(labelled.profiles))
    return {v: [(r.candidate, r.score) for r in ranked(index, v)] for v in labelled.partners}


def opportunity_rankings(
    labelled: LabelledSet,
    vectors: Mapping[str, np.ndarray],
    weights: Weights,
    *,
    queries: bool = True,
) -> Rankings:
    """Organisation lists built from opportunity-level matches (and the blend where higher)."""
    everyone = len(labelled.profiles)
    units = sum(max(len(p.opportunities), 1) for p in labelled.profiles)
    organisations = build(labelled.profiles, vectors=vectors, weights=weights, k=everyone)
    index = build_opportunities(
        labelled.profiles, vectors=vectors, weights=weights, k=units, queries=queries
    )
    return {
        v: [(r.candidate, r.score) for r in organisation_ranked(index, organisations, v, k=units)]
        for v in labelled.partners
    }


def score(
    labelled: LabelledSet, rankings: Rankings, direction: tuple[str, str] | None = None
) -> Metrics:
    """Metrics over viewers with partners. With a direction (viewer language, partner language),
    only viewers written in the first with partners written in the second count, and their other
    partners are left out of the ranking rather than counted as misses or as competitors."""
    recalls: list[list[float]] = []
    rrs = []
    for viewer, partners in labelled.partners.items():
        if direction is not None:
            if labelled.languages[viewer] != direction[0]:
                continue
            others = {p for p in partners if labelled.languages[p] != direction[1]}
            partners = partners - others
        else:
            others = set()
        if not partners:
            continue
        ranking = [(c, s) for c, s in rankings[viewer] if c not in others]
        scores = np.array([s for _, s in ranking])
        relevant = np.array([c in partners for c, _ in ranking])
        at, rr = _expected_ranks(scores, relevant)
        recalls.append(at)
        rrs.append(rr)
    if not rrs:
        return Metrics(0.0, 0.0, 0, 0.0)
    mean = np.mean(recalls, axis=0)
    return Metrics(float(mean[1]), float(np.mean(rrs)), len(rrs), float(mean[0]))


def evaluate(labelled: LabelledSet, vectors: Mapping[str, np.ndarray], weights: Weights) -> Metrics:
    return score(labelled, organisation_rankings(labelled, vectors, weights))


def evaluate_modes(labelled: LabelledSet, vectors: Mapping[str, np.ndarray]) -> dict[str, Metrics]:
    return {mode: evaluate(labelled, vectors, weights) for mode, weights in MODES.items()}


OLD_BLEND = replace(WEIGHTS, types=0.30, sector=0.30, text=0.30, centre_languages=False)
UNCENTRED = replace(WEIGHTS, centre_languages=False)

# Every ranking the report compares, by name: NACE alone, text alone, the blend of the
# organisations as it was (old weights), and organisation lists built from opportunity matches.
REPORT: dict[str, Callable[[LabelledSet, Mapping[str, np.ndarray]], Rankings]] = {
    "nace": lambda ls, v: organisation_rankings(ls, v, MODES["nace"]),
    "text": lambda ls, v: organisation_rankings(ls, v, MODES["text"]),
    "text, languages not centred": lambda ls, v: organisation_rankings(
        ls, v, replace(MODES["text"], centre_languages=False)
    ),
    "old blend": lambda ls, v: organisation_rankings(ls, v, OLD_BLEND),
    "blend, languages not centred": lambda ls, v: organisation_rankings(ls, v, UNCENTRED),
    "blend": lambda ls, v: organisation_rankings(ls, v, WEIGHTS),
    "opportunities, passages": lambda ls, v: opportunity_rankings(ls, v, WEIGHTS, queries=False),
    "opportunities, queries": lambda ls, v: opportunity_rankings(ls, v, WEIGHTS),
}


def report(labelled: LabelledSet, vectors: Mapping[str, np.ndarray]) -> str:
    """A Markdown table: every ranking of REPORT, overall and per direction."""
    lines = [
        "| ranking | direction | viewers | recall@5 | recall@10 | MRR |",
        "|---|---|---|---|---|---|",
    ]
    for name, rank in REPORT.items():
        rankings = rank(labelled, vectors)
        for direction in (None, *DIRECTIONS):
            m = score(labelled, rankings, direction)
            label = "all" if direction is None else "→".join(direction)
            lines.append(
                f"| {name} | {label} | {m.viewers} | {m.recall_at_5:.3f} | "
                f"{m.recall_at_10:.3f} | {m.mrr:.3f} |"
            )
    return "\n".join(lines) + "\n"


def complete_vectors(labelled: LabelledSet, cache: str | None) -> dict[str, np.ndarray]:
    """Vectors of every text (passages) and of every seeking opportunity (queries), from `cache`
    where present; missing ones are embedded and written back."""
    known = embeddings.load(cache) if cache and Path(cache).exists() else {}
    vectors = embeddings.complete(labelled.texts, known)
    todo = embeddings.missing_queries(labelled.queries, vectors)
    if todo:
        vectors.update(embeddings.embed_queries(todo))
    if cache:
        keys = {embeddings.text_key(t) for t in labelled.texts}
        keys |= {embeddings.query_key(t) for t in labelled.queries}
        embeddings.save(cache, {k: vectors[k] for k in keys})
    return vectors


def main(path: str, cache: str | None = None) -> None:
    """Print the report; with `cache`, read vectors from it and write back any missing ones."""
    labelled = load(path)
    sys.stdout.write(report(labelled, complete_vectors(labelled, cache)))


if __name__ == "__main__":
    main(*sys.argv[1:3])
