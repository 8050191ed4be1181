"""Profiles turned into arrays, so that one block of viewers is scored against a whole side with a
few matrix products and one table lookup.

* text: the mean of an organisation's text embeddings, centred on the programme's mean vector and
  re-normalised. e5 cosines sit in a narrow band (about 0.8-0.9 for anything), so the engine turns
  them into z-scores against all cross-side pairs (`TextScale`).
* sector: each profile's codes as token numbers (a code, and whether it takes part in supply
  links); a token x token table holds the fit of every pair, so a block's sector part is the
  viewers' best row of that table gathered at each candidate token (`sector_fit_rows`).
* minor: the opportunity types, working languages, size band and sector-focus flag, which take few
  distinct values; pairs of such signatures are scored once in a small table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from twinning.matching.complementarity import TYPE_INDEX, TYPES, strength_matrix
from twinning.matching.embeddings import DIM
from twinning.matching.profiles import SIZE_BANDS, Profile, ProgrammeRules, vector_keys
from twinning.matching.sectors import pair_fit

MAX_CODES = 12


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
    if text.isascii():
        return "en"
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


Token = tuple[str, bool]  # a code and whether it takes part in supply links


def tokens_of(codes: Sequence[str] | Codes) -> list[Token]:
    """The (code, links) pairs a profile's codes make; plain code lists link through all codes."""
    if isinstance(codes, Codes):
        return [(c, c in codes.links) for c in codes.all[:MAX_CODES]]
    return [(c, True) for c in list(codes)[:MAX_CODES]]


@dataclass
class SectorTokens:
    """The distinct (code, links) tokens of a programme and the fit of every pair of them
    (`sectors.pair_fit`). Token 0 is padding and fits nothing. The fit of two organisations is
    the best over their pairs of tokens: `sector_fit_rows` computes it for a block."""

    ids: dict[Token, int] = field(default_factory=lambda: {("", False): 0})
    fit: np.ndarray = field(default_factory=lambda: np.zeros((1, 1), np.float32))

    def rows(self, codes: Sequence[Sequence[str] | Codes], width: int = 1) -> np.ndarray:
        """Token numbers per profile (rows padded with 0 to at least `width` columns)."""
        lists = [tokens_of(c) for c in codes]
        known = len(self.ids)
        for tokens in lists:
            for token in tokens:
                self.ids.setdefault(token, len(self.ids))
        if len(self.ids) > known:
            self._grow(known)
        width = max([width, *map(len, lists)])
        out = np.zeros((len(lists), width), np.intp)
        for row, tokens in enumerate(lists):
            out[row, : len(tokens)] = [self.ids[t] for t in tokens]
        return out

    def _grow(self, known: int) -> None:
        tokens = list(self.ids)
        fit = np.zeros((len(tokens), len(tokens)), np.float32)
        fit[:known, :known] = self.fit
        for i in range(1, len(tokens)):
            (a, link_a), first = tokens[i], known if i < known else 1
            for j in range(max(first, 1), len(tokens)):
                b, link_b = tokens[j]
                fit[i, j] = pair_fit(a, b, link_a and link_b)
        self.fit = fit


def sector_fit_rows(
    viewers: np.ndarray, candidates: np.ndarray, fit: np.ndarray, weight: float = 1.0
) -> np.ndarray:
    """weight x the best token-pair fit of every viewer row (token numbers) with every candidate
    row, viewers x candidates (a transposed view of `sector_fit_columns`)."""
    return sector_fit_columns(viewers, candidates, fit, weight).T


def sector_fit_columns(
    viewers: np.ndarray, candidates: np.ndarray, fit: np.ndarray, weight: float = 1.0
) -> np.ndarray:
    """The same, candidates x viewers: the viewers' best fit per token first (tokens x viewers),
    then one gather of whole rows per candidate token column (contiguous copies, several times
    faster than gathering columns)."""
    best = np.ascontiguousarray((fit[viewers].max(axis=1) * np.float32(weight)).T)
    out = np.take(best, candidates[:, 0], axis=0)
    for column in candidates.T[1:]:
        filled = np.flatnonzero(column)
        if len(filled) == 0:
            break
        if 2 * len(filled) < len(column):
            out[filled] = np.maximum(out[filled], best[column[filled]])
        else:
            np.maximum(out, np.take(best, column, axis=0), out=out)
    return out


Signature = tuple[frozenset[str], frozenset[str], int, bool]


def signature(profile: Profile, rules: ProgrammeRules) -> Signature:
    size = SIZE_BANDS.index(profile.size) if profile.size else -1
    return (
        frozenset(profile.types),
        frozenset(profile.languages),
        size,
        bool(rules.sector_focus) and rules.in_focus(profile.all_nace),
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
    """Normalised mean text vector per profile, less the mean of its texts' languages when
    `languages` is given."""
    return TextSums.of(profiles, vectors).org_vectors(languages or {})


LANGUAGES = ("en", "kk", "ru")  # what script_language tells apart
_LANGUAGE_INDEX = {lang: i for i, lang in enumerate(LANGUAGES)}


@dataclass(frozen=True)
class TextSums:
    """Per profile, the sum of its text vectors and how many of its texts are in each language;
    one pass over the texts gives both the language centres and the organisations' vectors."""

    sums: np.ndarray  # profiles x DIM
    counts: np.ndarray  # profiles x LANGUAGES
    language_sums: np.ndarray  # LANGUAGES x DIM, float64: every text of each language

    @classmethod
    def of(cls, profiles: Sequence[Profile], vectors: Mapping[str, np.ndarray]) -> TextSums:
        sums = np.zeros((len(profiles), DIM), dtype=np.float32)
        counts = np.zeros((len(profiles), len(LANGUAGES)), dtype=np.float32)
        language_sums = np.zeros((len(LANGUAGES), DIM))
        # In chunks, so that the stacked text vectors of a large programme are never all in memory.
        for start in range(0, len(profiles), 4096):
            chunk = profiles[start : start + 4096]
            written = [p.texts for p in chunk]
            per = np.array([len(t) for t in written], dtype=np.intp)
            texts = [t for own in written for t in own]
            langs = np.array([_LANGUAGE_INDEX[script_language(t)] for t in texts], np.intp)
            owner = np.repeat(np.arange(len(chunk)), per)
            counts[start : start + 4096] = np.bincount(
                owner * len(LANGUAGES) + langs, minlength=len(chunk) * len(LANGUAGES)
            ).reshape(len(chunk), len(LANGUAGES))
            writers = per > 0
            if writers.any():
                stacked = _stacked(chunk, vectors)
                starts = np.concatenate([[0], np.cumsum(per[writers])[:-1]])
                sums[start : start + 4096][writers] = np.add.reduceat(stacked, starts, axis=0)
                onehot = np.zeros((len(LANGUAGES), len(langs)), np.float32)
                onehot[langs, np.arange(len(langs))] = 1.0
                language_sums += onehot @ stacked
        return cls(sums, counts, language_sums)

    def org_vectors(self, languages: LanguageCentres) -> np.ndarray:
        out = self.sums.copy()
        if languages:
            zero = np.zeros(DIM, np.float32)
            means = np.array([languages.get(lang, zero) for lang in LANGUAGES], np.float32)
            out -= self.counts @ means
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)


def _stacked(profiles: Sequence[Profile], vectors: Mapping[str, np.ndarray]) -> np.ndarray:
    try:
        rows = [vectors[k] for p in profiles for k in vector_keys(p)]
    except KeyError as missing:
        raise KeyError(f"no embedding for text key {missing}; embed it first") from missing
    return np.array(rows, np.float32).reshape(len(rows), DIM)


def text_rows(
    profile: Profile, vectors: Mapping[str, np.ndarray], languages: LanguageCentres
) -> np.ndarray:
    """The profile's text vectors one per row, each less its language's mean and re-normalised."""
    stacked = _stacked([profile], vectors)
    if not languages or not len(stacked):
        return stacked
    zero = np.zeros(DIM, np.float32)
    out = stacked - np.array([languages.get(script_language(t), zero) for t in profile.texts])
    out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
    return out.astype(np.float32)


def language_centres(sides: Sequence[TextSums]) -> dict[str, np.ndarray]:
    """Each language's mean text vector over the programme's texts. e5 vectors carry a component
    that says which language a text is in; without it, a Kazakh text is compared with an English
    one on what it says rather than on both being "a text in another language".

    A language with few texts would be centred on those very texts (one Russian request in an
    English programme would lose what it says), so each mean is pulled towards the programme's
    mean as if LANGUAGE_PRIOR more texts of the programme's average were in that language."""
    counts = sum((t.counts.sum(axis=0, dtype=np.float64) for t in sides), np.zeros(len(LANGUAGES)))
    total = int(counts.sum())
    if not total:
        return {}
    sums = sum((t.language_sums for t in sides), np.zeros((len(LANGUAGES), DIM)))
    everyone = sums.sum(axis=0) / total
    return {
        lang: ((sums[i] + LANGUAGE_PRIOR * everyone) / (counts[i] + LANGUAGE_PRIOR)).astype(
            np.float32
        )
        for i, lang in enumerate(LANGUAGES)
        if counts[i]
    }


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


def text_part(
    mine: np.ndarray, theirs: np.ndarray, scale: TextScale, weights: Weights
) -> np.ndarray:
    """weights.text x text_fit(mine @ theirs.T), with the z-score folded into the product (one
    pass over the block fewer than computing the cosines first)."""
    span = weights.text_z_high - weights.text_z_low
    slope = weights.text / (scale.std * span)
    scores = (mine * np.float32(slope)) @ theirs.T
    scores -= np.float32(slope * scale.mean + weights.text * weights.text_z_low / span)
    return np.clip(scores, 0.0, weights.text, out=scores)
