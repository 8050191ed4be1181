"""Profiles turned into arrays, so that one block of viewers is scored against a whole side with a
few matrix products and one table lookup.

* text: the mean of an organisation's text embeddings, centred on the programme's mean vector and
  re-normalised. e5 cosines sit in a narrow band (about 0.8-0.9 for anything), so the engine turns
  them into z-scores against all cross-side pairs (`TextScale`).
* sector: a multi-hot row over the NACE classes, groups, divisions and supply-chain stages present
  in the programme. One product of a viewer's weighted row with a candidate's plain row counts
  shared classes, groups, divisions and chain links at once (`SECTOR_BASE` keeps the counts apart).
* minor: the opportunity types, working languages, size band and sector-focus flag, which take few
  distinct values; pairs of such signatures are scored once in a small table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from twinning.matching.complementarity import TYPE_INDEX, TYPES, strength_matrix
from twinning.matching.embeddings import DIM
from twinning.matching.profiles import SIZE_BANDS, Profile, ProgrammeRules, vector_keys
from twinning.matching.sectors import (
    LEVELS,
    LinkKey,
    division,
    group,
    keys_linked,
    link_key,
    nace_class,
)

# Counts per level must stay below the base; float32 adds integers exactly below 2**24.
SECTOR_BASE = 16
MAX_CODES = 12
# Shared divisions, groups and classes, then minor and major supply links ("n" columns carry both).
_KIND_POWER = {"d": 0, "g": 1, "c": 2, "minor": 3, "n": 4}


@dataclass(frozen=True)
class Weights:
    """The blend. Scores of the parts are in [0, 1]; see docs/matching.md."""

    types: float = 0.25
    sector: float = 0.20
    text: float = 0.45
    language: float = 0.04
    size: float = 0.03
    focus: float = 0.03
    must_meet: float = 1.0
    interesting: float = 0.25
    # Text z-score mapped linearly onto [0, 1] between these two values.
    text_z_low: float = 0.0
    text_z_high: float = 3.0
    # Subtract each language's mean text vector before comparing texts (see `language_centres`).
    centre_languages: bool = True


WEIGHTS = Weights()


LanguageCentres = Mapping[str, np.ndarray]
# Texts of the programme's average a language's mean is shrunk with (see `language_centres`).
LANGUAGE_PRIOR = 10


@dataclass(frozen=True)
class TextScale:
    """Centre vector and the mean/std of centred cross-side cosines, frozen at a full recompute;
    `languages` holds each language's mean text vector (empty: no centring by language)."""

    centre: np.ndarray
    mean: float
    std: float
    languages: LanguageCentres = field(default_factory=dict)


def script_language(text: str) -> str:
    """en, ru or kk by script: Kazakh letters first, then any Cyrillic; anything else is en."""
    if _KAZAKH.search(text):
        return "kk"
    return "ru" if _CYRILLIC.search(text) else "en"


_KAZAKH = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@dataclass(frozen=True)
class Codes:
    """A profile's codes as the sector fit reads them: all of them (the first MAX_CODES count)
    and those that take part in supply links (`Profile.link_nace`)."""

    all: tuple[str, ...]
    links: frozenset[str]


def sector_codes(profile: Profile) -> Codes:
    return Codes(profile.all_nace, profile.link_nace)


def feature_keys(codes: Sequence[str] | Codes) -> set[tuple[str, str]]:
    """Columns a profile's codes fill; plain code lists link through all their codes."""
    every, links = (codes.all, codes.links) if isinstance(codes, Codes) else (codes, None)
    keys: set[tuple[str, str]] = set()
    for code in every[:MAX_CODES]:
        found = _code_keys(code)
        keys |= found if links is None or code in links else {k for k in found if k[0] != "n"}
    return keys


@lru_cache(maxsize=4096)
def _code_keys(code: str) -> frozenset[tuple[str, str]]:
    keys = {("d", division(code))}
    if g := group(code):
        keys.add(("g", g))
    if c := nace_class(code):
        keys.add(("c", c))
    keys.add(("n", str(_link_node(link_key(code)))))
    return frozenset(keys)


# Supply-link nodes: one per distinct link key (input-output cell, judgement stages), numbered in
# the order first met; two codes with one key link to the same codes.
_LINK_NODES: dict[LinkKey, int] = {}


def _link_node(key: LinkKey) -> int:
    return _LINK_NODES.setdefault(key, len(_LINK_NODES))


def _link_adjacency(node_ids: list[int], level: str) -> np.ndarray:
    keys = {n: k for k, n in _LINK_NODES.items()}
    return np.array(
        [[keys_linked(keys[a], keys[b]) == level for b in node_ids] for a in node_ids],
        dtype=np.float32,
    ).reshape(len(node_ids), len(node_ids))


@dataclass
class SectorVocabulary:
    """Columns of the sector matrix; grows when a profile brings a code nobody had."""

    columns: dict[tuple[str, str], int] = field(default_factory=dict)
    _transform: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None

    def extend(self, keys: set[tuple[str, str]]) -> bool:
        new = sorted(keys - self.columns.keys())
        for key in new:
            self.columns[key] = len(self.columns)
        if new:
            self._transform = None
        return bool(new)

    def matrix(self, codes: Sequence[Sequence[str] | Codes]) -> np.ndarray:
        cells = [
            (row, self.columns[k])
            for row, org_codes in enumerate(codes)
            for k in feature_keys(org_codes)
        ]
        out = np.zeros((len(codes), len(self.columns)), dtype=np.float32)
        if cells:
            rows, cols = np.array(cells).T
            out[rows, cols] = 1.0
        return out

    def viewer_transform(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(column weights, node column positions, major and minor link adjacency among those
        columns), kept until the vocabulary grows."""
        if self._transform is None:
            self._transform = self._viewer_transform()
        return self._transform

    def _viewer_transform(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        weights = np.zeros(len(self.columns), dtype=np.float32)
        node_cols, node_ids = [], []
        for (kind, value), col in self.columns.items():
            weights[col] = float(SECTOR_BASE ** _KIND_POWER[kind])  # "n" is set per viewer
            if kind == "n":
                node_cols.append(col)
                node_ids.append(int(value))
        major, minor = _link_adjacency(node_ids, "chain"), _link_adjacency(node_ids, "minor")
        return weights, np.asarray(node_cols, dtype=np.intp), major, minor


def sector_query(rows: np.ndarray, vocab: SectorVocabulary) -> np.ndarray:
    """Weighted viewer rows: a product with plain candidate rows yields count-coded levels."""
    weights, node_cols, major, minor = vocab.viewer_transform()
    q = rows * weights
    if len(node_cols):
        nodes = rows[:, node_cols]
        strong = np.minimum(nodes @ major, 1.0)
        weak = np.minimum(nodes @ minor, 1.0) * (1.0 - strong)
        q[:, node_cols] = strong * float(SECTOR_BASE ** _KIND_POWER["n"]) + weak * float(
            SECTOR_BASE ** _KIND_POWER["minor"]
        )
    return q


def _level_lookup() -> np.ndarray:
    """Fit from (major link, minor link, finest shared level 0-3) packed as 8 m + 4 n + level."""
    fine = [0.0, LEVELS["division"], LEVELS["group"], LEVELS["class"]]
    table = [
        max(fine[level], LEVELS["chain"] * major, LEVELS["minor"] * minor)
        for major in (0, 1)
        for minor in (0, 1)
        for level in range(4)
    ]
    return np.array(table, dtype=np.float32)


_LEVEL_LOOKUP = _level_lookup()


def decode_sector(v: np.ndarray) -> np.ndarray:
    """Count-coded products -> fit in [0, 1]: class 1.0 > link 0.8 > group 0.7 > minor link 0.55
    > division 0.4."""
    major_unit = np.float32(SECTOR_BASE ** _KIND_POWER["n"])
    minor_unit = np.float32(SECTOR_BASE ** _KIND_POWER["minor"])
    # Exact for these small integers; np.fmod is a per-element libm call and several times slower.
    major = np.floor(v * (1 / major_unit))
    rest = v - major * major_unit
    minor = np.floor(rest * (1 / minor_unit))
    rest -= minor * minor_unit
    level = (rest >= 1).view(np.uint8)
    level += rest >= SECTOR_BASE
    level += rest >= SECTOR_BASE**2
    level += (minor > 0).view(np.uint8) << 2
    level += (major > 0).view(np.uint8) << 3
    return _LEVEL_LOOKUP[level]


Signature = tuple[frozenset[str], frozenset[str], int, bool]


def signature(profile: Profile, rules: ProgrammeRules) -> Signature:
    size = SIZE_BANDS.index(profile.size) if profile.size else -1
    return (
        frozenset(profile.types),
        frozenset(profile.languages),
        size,
        rules.in_focus(profile.all_nace),
    )


def _types_fit(a: list[Signature], b: list[Signature]) -> np.ndarray:
    """Best complementarity over all type pairs, for every signature pair."""
    strength = strength_matrix()
    ta = np.zeros((len(a), len(TYPES)), dtype=np.float32)
    tb = np.zeros((len(b), len(TYPES)), dtype=np.float32)
    for rows, sigs in ((ta, a), (tb, b)):
        for i, sig in enumerate(sigs):
            rows[i, [TYPE_INDEX[t] for t in sig[0]]] = 1.0
    best = np.zeros((len(a), len(b)), dtype=np.float32)
    for level in np.unique(strength[strength > 0]):
        hit = (ta @ (strength == level).astype(np.float32) @ tb.T) > 0
        np.maximum(best, np.where(hit, level, 0.0), out=best)
    return best


def _language_rows(sigs: list[Signature], langs: list[str]) -> np.ndarray:
    rows = np.zeros((len(sigs), len(langs)), dtype=np.float32)
    for i, sig in enumerate(sigs):
        rows[i, [langs.index(lang) for lang in sig[1]]] = 1.0
    return rows


def minor_table(a: list[Signature], b: list[Signature], weights: Weights) -> np.ndarray:
    """Blend of types, shared language, size fit and focus for signature pairs (rows a, cols b)."""
    langs = sorted({lang for sig in a + b for lang in sig[1]})
    la, lb = _language_rows(a, langs), _language_rows(b, langs)
    shared = (la @ lb.T > 0).astype(np.float32)
    sa, sb = np.array([s[2] for s in a], float), np.array([s[2] for s in b], float)
    size = 1.0 - np.abs(sa[:, None] - sb[None, :]) / (len(SIZE_BANDS) - 1)
    size[(sa[:, None] < 0) | (sb[None, :] < 0)] = 0.5
    fa, fb = np.array([s[3] for s in a], float), np.array([s[3] for s in b], float)
    focus = (fa[:, None] + fb[None, :]) / 2
    table = (
        weights.types * _types_fit(a, b)
        + weights.language * shared
        + weights.size * size
        + weights.focus * focus
    )
    return table.astype(np.float32)


def org_vector(
    profile: Profile, vectors: Mapping[str, np.ndarray], languages: LanguageCentres | None = None
) -> np.ndarray:
    """Normalised mean of the organisation's text vectors; zeros when it wrote nothing."""
    return org_vectors([profile], vectors, languages)[0]


def org_vectors(
    profiles: Sequence[Profile],
    vectors: Mapping[str, np.ndarray],
    languages: LanguageCentres | None = None,
) -> np.ndarray:
    """Normalised mean text vector per profile, each text first centred on its language's mean
    when `languages` is given. Works in chunks so that the stacked text vectors of a large
    programme never sit in memory all at once."""
    out = np.zeros((len(profiles), DIM), dtype=np.float32)
    for start in range(0, len(profiles), 4096):
        chunk = profiles[start : start + 4096]
        out[start : start + 4096] = _mean_vectors(chunk, vectors, languages or {})
    return out


def _stacked(profiles: Sequence[Profile], vectors: Mapping[str, np.ndarray]) -> np.ndarray:
    try:
        rows = [vectors[k] for p in profiles for k in vector_keys(p)]
    except KeyError as missing:
        raise KeyError(f"no embedding for text key {missing}; embed it first") from missing
    return np.array(rows, np.float32).reshape(len(rows), DIM)


def _text_languages(profiles: Sequence[Profile]) -> list[str]:
    return [script_language(t) for p in profiles for t in p.texts]


def text_rows(
    profile: Profile, vectors: Mapping[str, np.ndarray], languages: LanguageCentres
) -> np.ndarray:
    """The profile's text vectors one per row, centred by language as `org_vectors` does."""
    return language_centred(_stacked([profile], vectors), _text_languages([profile]), languages)


def language_centred(
    stacked: np.ndarray, langs: Sequence[str], languages: LanguageCentres
) -> np.ndarray:
    """Text vectors less their language's mean, re-normalised; unchanged without centres."""
    if not languages or not len(stacked):
        return stacked
    zero = np.zeros(DIM, np.float32)
    out = stacked - np.array([languages.get(lang, zero) for lang in langs], np.float32)
    out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
    return out


def language_centres(
    profiles: Sequence[Profile], vectors: Mapping[str, np.ndarray]
) -> dict[str, np.ndarray]:
    """Each language's mean text vector over the programme's texts. e5 vectors carry a component
    that says which language a text is in; without it, a Kazakh text is compared with an English
    one on what it says rather than on both being "a text in another language"."""
    sums: dict[str, np.ndarray] = {}
    counts: dict[str, int] = {}
    for start in range(0, len(profiles), 4096):
        chunk = profiles[start : start + 4096]
        stacked, langs = _stacked(chunk, vectors), np.array(_text_languages(chunk))
        for lang in np.unique(langs).tolist():
            hit = langs == lang
            sums[lang] = sums.get(lang, 0) + stacked[hit].sum(axis=0, dtype=np.float64)
            counts[lang] = counts.get(lang, 0) + int(hit.sum())
    # A language with few texts would be centred on those very texts (one Russian request in an
    # English programme would lose what it says), so each mean is pulled towards the programme's
    # mean as if LANGUAGE_PRIOR more texts of the programme's average were in that language.
    total = sum(counts.values())
    everyone = sum(sums.values()) / max(total, 1)
    return {
        lang: ((sums[lang] + LANGUAGE_PRIOR * everyone) / (counts[lang] + LANGUAGE_PRIOR)).astype(
            np.float32
        )
        for lang in sorted(sums)
    }


def _mean_vectors(
    profiles: Sequence[Profile], vectors: Mapping[str, np.ndarray], languages: LanguageCentres
) -> np.ndarray:
    counts = np.array([len(p.texts) for p in profiles], dtype=np.intp)
    stacked = language_centred(_stacked(profiles, vectors), _text_languages(profiles), languages)
    sums = np.zeros((len(profiles), DIM), dtype=np.float32)
    writers = counts > 0
    if writers.any():
        starts = np.concatenate([[0], np.cumsum(counts[writers])[:-1]])
        sums[writers] = np.add.reduceat(stacked, starts, axis=0)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    return sums / np.maximum(norms, 1e-12)


def centred(raw: np.ndarray, centre: np.ndarray) -> np.ndarray:
    out = raw - centre
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return (out / np.maximum(norms, 1e-12)).astype(np.float32)


def text_scale(
    raw_a: np.ndarray, raw_b: np.ndarray, languages: LanguageCentres | None = None
) -> TextScale:
    """Exact mean and std of all cross-side centred cosines, without forming the n*m matrix."""
    centre = np.concatenate([raw_a, raw_b]).mean(axis=0).astype(np.float32)
    u, v = centred(raw_a, centre), centred(raw_b, centre)
    pairs = max(len(u) * len(v), 1)
    mean = float(u.sum(axis=0, dtype=np.float64) @ v.sum(axis=0, dtype=np.float64)) / pairs
    # float32 Gram matrices: 384 x 384 sums of n terms each; float64 would double the time.
    square = float(np.sum((u.T @ u).astype(np.float64) * (v.T @ v))) / pairs
    return TextScale(centre, mean, max(square - mean * mean, 1e-12) ** 0.5, dict(languages or {}))


def text_fit(cosines: np.ndarray, scale: TextScale, weights: Weights) -> np.ndarray:
    """Centred cosines -> [0, 1] through the programme's z-score; works in place."""
    cosines -= scale.mean
    cosines *= 1.0 / (scale.std * (weights.text_z_high - weights.text_z_low))
    cosines -= weights.text_z_low / (weights.text_z_high - weights.text_z_low)
    return np.clip(cosines, 0.0, 1.0, out=cosines)
