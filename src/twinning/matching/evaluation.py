"""Quality of recommendations against a broker-labelled set: recall@10 and MRR.

Rankings can tie (NACE fit alone takes a handful of values), so the metrics are expectations over a
random order within ties rather than whatever order the ties happen to fall in.

    python -m twinning.matching.evaluation tests/data/matching_eval.json \
        tests/data/matching_eval_vectors.npz
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from math import comb
from pathlib import Path

import numpy as np

from twinning.matching import embeddings
from twinning.matching.engine import build, ranked
from twinning.matching.features import WEIGHTS, Weights
from twinning.matching.profiles import Opportunity, OrgId, Profile

_NOTHING = Weights(types=0, sector=0, text=0, language=0, size=0, focus=0)
MODES: dict[str, Weights] = {
    "nace": replace(_NOTHING, sector=1.0),
    "text": replace(_NOTHING, text=1.0),
    "blend": WEIGHTS,
}
CUTOFF = 10


@dataclass(frozen=True)
class Metrics:
    recall_at_10: float
    mrr: float
    viewers: int


@dataclass(frozen=True)
class LabelledSet:
    profiles: list[Profile]
    partners: dict[OrgId, frozenset[OrgId]]

    @property
    def texts(self) -> list[str]:
        return [t for p in self.profiles for t in p.texts]


def load(path: str | Path) -> LabelledSet:
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    orgs = raw["organisations"]
    return LabelledSet(
        profiles=[_profile(o) for o in orgs],
        partners={o["id"]: frozenset(o["partners"]) for o in orgs},
    )


def _profile(o: Mapping) -> Profile:
    opportunities = tuple(
        Opportunity(x["id"], x["type"], x["title"], x.get("description", ""), tuple(x["nace"]))
        for x in o["opportunities"]
    )
    return Profile(
        id=o["id"],
        side=o["side"],
        name=o["name"],
        region=o["region"],
        kind=o["kind"],
        size=o["size"],
        languages=tuple(o["languages"]),
        nace=tuple(o["nace"]),
        description=o["description"],
        opportunities=opportunities,
    )


def _expected_ranks(scores: np.ndarray, relevant: np.ndarray) -> tuple[float, float]:
    """(expected recall@CUTOFF, expected reciprocal rank of the first relevant) under random
    tie-breaking."""
    recall = 0.0
    for s in scores[relevant]:
        above, tied = int(np.sum(scores > s)), int(np.sum(scores == s))
        recall += min(max((CUTOFF - above) / tied, 0.0), 1.0)
    best = scores[relevant].max()
    above, tied = int(np.sum(scores > best)), int(np.sum(scores == best))
    hits = int(np.sum(scores[relevant] == best))
    # The first relevant item sits at position x among the tied block with P = C(t-x, m-1)/C(t, m).
    rr = sum(comb(tied - x, hits - 1) / comb(tied, hits) / (above + x) for x in range(1, tied + 1))
    return recall / int(relevant.sum()), rr


def evaluate(labelled: LabelledSet, vectors: Mapping[str, np.ndarray], weights: Weights) -> Metrics:
    everyone = len(labelled.profiles)
    index = build(labelled.profiles, vectors=vectors, weights=weights, k=everyone)
    recalls, rrs = [], []
    for viewer, partners in labelled.partners.items():
        if not partners:
            continue
        ranking = ranked(index, viewer)
        scores = np.array([r.score for r in ranking])
        relevant = np.array([r.candidate in partners for r in ranking])
        recall, rr = _expected_ranks(scores, relevant)
        recalls.append(recall)
        rrs.append(rr)
    return Metrics(float(np.mean(recalls)), float(np.mean(rrs)), len(recalls))


def evaluate_modes(labelled: LabelledSet, vectors: Mapping[str, np.ndarray]) -> dict[str, Metrics]:
    return {mode: evaluate(labelled, vectors, weights) for mode, weights in MODES.items()}


def main(path: str, cache: str | None = None) -> None:
    """Print the figures; with `cache`, read vectors from it and write back any missing ones."""
    labelled = load(path)
    known = embeddings.load(cache) if cache and Path(cache).exists() else {}
    vectors = embeddings.complete(labelled.texts, known)
    if cache:
        embeddings.save(
            cache, {embeddings.text_key(t): vectors[embeddings.text_key(t)] for t in labelled.texts}
        )
    sys.stdout.write(f"{'mode':<6} {'recall@10':>9} {'MRR':>6}  viewers\n")
    for mode, m in evaluate_modes(labelled, vectors).items():
        sys.stdout.write(f"{mode:<6} {m.recall_at_10:>9.3f} {m.mrr:>6.3f}  {m.viewers}\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
