"""The matching engine: for every organisation, the best partners on the other side of a programme.

Pure: numpy and plain dataclasses, no Django. `build` scores every cross-side pair once, block by
block (one block of viewers against the whole other side), keeping a running top-k for both
directions, so memory grows with block * side instead of side * side. `update_profile`,
`remove_profile` and `set_feedback` then keep the lists right without recomputing everyone.

The base score of a pair is symmetric; feedback is not. A viewer's verdict about a candidate moves
that candidate in the viewer's own list only, so nobody can infer what the other side said.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from twinning.matching import topk
from twinning.matching.features import (
    WEIGHTS,
    Codes,
    SectorTokens,
    Signature,
    TextScale,
    TextSums,
    Weights,
    centred,
    language_centres,
    minor_table,
    org_vector,
    sector_codes,
    sector_fit_columns,
    sector_fit_rows,
    signature,
    text_part,
    text_scale,
)
from twinning.matching.profiles import Feedback, OrgId, Profile, ProgrammeRules, Verdict
from twinning.matching.topk import NEG

NO_RULES = ProgrammeRules()


@dataclass
class Side:
    """One side's organisations as arrays; positions never move (removed ones go inactive)."""

    name: str
    ids: list[OrgId] = field(default_factory=list)
    vec: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    codes: list[Codes] = field(default_factory=list)
    tokens: np.ndarray = field(default_factory=lambda: np.zeros((0, 1), np.intp))
    sigs: dict[Signature, int] = field(default_factory=dict)
    minor: np.ndarray = field(default_factory=lambda: np.zeros(0, np.intp))
    active: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    eligible: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    top_idx: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.intp))
    top_val: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))

    def sig_id(self, sig: Signature) -> int:
        return self.sigs.setdefault(sig, len(self.sigs))


@dataclass
class MatchIndex:
    sides: tuple[Side, Side]
    vocab: SectorTokens
    scale: TextScale
    rules: ProgrammeRules
    weights: Weights
    k: int
    block: int
    table: np.ndarray  # minor signature scores, rows side 0, columns side 1
    profiles: dict[OrgId, Profile]
    where: dict[OrgId, tuple[int, int]]  # id -> (side number, position)
    feedback: dict[OrgId, dict[OrgId, Verdict]]
    vectors: dict[str, np.ndarray]


@dataclass(frozen=True)
class Ranked:
    candidate: OrgId
    score: float


# ---------------------------------------------------------------- building


def _side_names(profiles: Iterable[Profile]) -> tuple[str, str]:
    names = sorted({p.side for p in profiles})
    if len(names) > 2:
        raise ValueError(f"a programme has two sides, got {names}")
    names += [""] * (2 - len(names))
    return names[0], names[1]


def _fill_side(side: Side, members: list[Profile], raw: np.ndarray, index: MatchIndex) -> None:
    side.ids = [p.id for p in members]
    side.codes = [sector_codes(p) for p in members]
    side.vec = centred(raw, index.scale.centre) if len(members) else raw
    side.minor = np.array([side.sig_id(signature(p, index.rules)) for p in members], np.intp)
    side.active = np.ones(len(members), bool)
    side.eligible = np.array([_eligible(p, index.rules) for p in members], bool)


def _eligible(profile: Profile, rules: ProgrammeRules) -> bool:
    return not rules.focus_only or rules.in_focus(profile.all_nace)


def _refresh_tables(index: MatchIndex) -> None:
    a, b = index.sides
    for side in (a, b):
        side.tokens = index.vocab.rows(side.codes)
    index.table = minor_table(list(a.sigs), list(b.sigs), index.weights)


def build(
    profiles: Iterable[Profile],
    *,
    vectors: Mapping[str, np.ndarray],
    feedback: Iterable[Feedback] = (),
    rules: ProgrammeRules = NO_RULES,
    weights: Weights = WEIGHTS,
    k: int = 10,
    block: int = 512,
    scale: TextScale | None = None,
) -> MatchIndex:
    """Score every cross-side pair and keep each organisation's top-k. `vectors` maps
    `text_key(text)` to its embedding for every text of every profile. `scale` reuses a previous
    text scale instead of measuring this programme's (to compare with incremental updates)."""
    profiles = list(profiles)
    names = _side_names(profiles)
    members = [[p for p in profiles if p.side == name] for name in names]
    sums = [TextSums.of(m, vectors) for m in members]
    if scale is not None:
        languages = scale.languages
    else:
        languages = language_centres(sums) if weights.centre_languages else {}
    raw = [t.org_vectors(languages) for t in sums]
    index = MatchIndex(
        sides=(Side(names[0]), Side(names[1])),
        vocab=SectorTokens(),
        scale=scale or text_scale(raw[0], raw[1], languages),
        rules=rules,
        weights=weights,
        k=k,
        block=block,
        table=np.zeros((0, 0), np.float32),
        profiles={p.id: p for p in profiles},
        where={p.id: (s, i) for s in (0, 1) for i, p in enumerate(members[s])},
        feedback={},
        vectors=dict(vectors),
    )
    for s in (0, 1):
        _fill_side(index.sides[s], members[s], raw[s], index)
    _refresh_tables(index)
    for f in feedback:
        index.feedback.setdefault(f.viewer, {})[f.candidate] = Verdict(f.verdict)
    score_all(index)
    return index


# ---------------------------------------------------------------- scoring


def _base_scores(
    index: MatchIndex, s: int, vec: np.ndarray, tokens: np.ndarray, minor: np.ndarray
) -> np.ndarray:
    """Symmetric pair scores of viewer rows (side s) against all of the other side; no feedback,
    no exclusions."""
    them = index.sides[1 - s]
    w = index.weights
    scores = text_part(vec, them.vec, index.scale, w)
    scores += sector_fit_rows(tokens, them.tokens, index.vocab.fit, w.sector)
    table = index.table if s == 0 else index.table.T
    scores += np.take(table[minor], them.minor, axis=1)
    return scores


def _rows_scores(index: MatchIndex, s: int, rows: np.ndarray) -> np.ndarray:
    me = index.sides[s]
    return _base_scores(index, s, me.vec[rows], me.tokens[rows], me.minor[rows])


def _exclude(index: MatchIndex, s: int, scores: np.ndarray) -> None:
    """Candidates (columns, side 1 - s) that are gone or outside a strict sector focus."""
    them = index.sides[1 - s]
    scores[:, ~(them.active & them.eligible)] = NEG


def _lift(index: MatchIndex, verdict: Verdict) -> float:
    if verdict is Verdict.NOT_INTERESTED:
        return float("-inf")
    return index.weights.must_meet if verdict is Verdict.MUST_MEET else index.weights.interesting


def _feedback_edits(index: MatchIndex, s: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(viewer position, candidate position, score change) for every verdict of side s."""
    rows, cols, deltas = [], [], []
    for viewer, verdicts in index.feedback.items():
        vs, vpos = index.where.get(viewer, (-1, -1))
        for candidate, verdict in verdicts.items():
            cs, cpos = index.where.get(candidate, (-1, -1))
            if vs == s and cs == 1 - s:
                rows.append(vpos)
                cols.append(cpos)
                deltas.append(_lift(index, verdict))
    return np.array(rows, np.intp), np.array(cols, np.intp), np.array(deltas, np.float32)


def score_all(index: MatchIndex) -> None:
    """One pass over side-0 blocks yields both directions: each block is scored as side 1 x
    the block (so that both lists come out of contiguous rows), side 1's running top-k takes its
    rows and side 0's lists come from its columns."""
    a, b = index.sides
    a.top_idx, a.top_val = topk.empty(len(a.ids), index.k)
    b.top_idx, b.top_val = topk.empty(len(b.ids), index.k)
    row_edits, col_edits = _feedback_edits(index, 0), _feedback_edits(index, 1)
    for start in range(0, len(a.ids), index.block):
        rows = np.arange(start, min(start + index.block, len(a.ids)))
        scores = _block_scores(index, rows)
        if np.isfinite(b.top_val[:, -1]).all():
            _feed_candidates(index, rows, scores, col_edits)
        else:  # some of side 1's lists are not full yet: merge the whole block
            theirs = _candidate_view(index, rows, scores.copy(), col_edits)
            b.top_idx, b.top_val = topk.merge(b.top_idx, b.top_val, theirs, rows)
        view = _block_view(index, rows, scores, row_edits)
        a.top_idx[rows], a.top_val[rows] = topk.top_k_columns(view, index.k)


def _block_scores(index: MatchIndex, rows: np.ndarray) -> np.ndarray:
    """`_rows_scores(index, 0, rows)` transposed: side 1 x the block of side 0."""
    a, b = index.sides
    w = index.weights
    scores = text_part(b.vec, a.vec[rows], index.scale, w)
    scores += sector_fit_columns(a.tokens[rows], b.tokens, index.vocab.fit, w.sector)
    scores += np.take(np.ascontiguousarray(index.table[a.minor[rows]].T), b.minor, axis=0)
    return scores


def _block_view(
    index: MatchIndex,
    rows: np.ndarray,
    scores: np.ndarray,
    edits: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> np.ndarray:
    """A block (side 1 x side-0 rows) as its side-0 viewers see it, in place: `_viewer_view`
    transposed."""
    a, b = index.sides
    scores[~(b.active & b.eligible)] = NEG
    viewer, cand, delta = edits
    hit = np.isin(viewer, rows)
    np.add.at(scores, (cand[hit], np.searchsorted(rows, viewer[hit])), delta[hit])
    scores[:, ~a.active[rows]] = NEG
    return scores


def _feed_candidates(
    index: MatchIndex,
    rows: np.ndarray,
    scores: np.ndarray,
    edits: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    """Side 1's running lists (all full) take from a block (side 1 x side-0 rows) only what
    reaches their current last entry, as `_candidate_view` and `topk.merge` would: the same
    exclusions and side 1's own feedback, applied to those few entries."""
    a, b = index.sides
    j, i = topk.nonzero(scores >= b.top_val[:, -1].copy()[:, None])
    allowed = a.active[rows] & a.eligible[rows]
    keep = allowed[i] & b.active[j]
    i, j = i[keep], j[keep]
    values = scores[j, i]
    viewer, cand, delta = edits
    hit = np.isin(cand, rows)
    viewer, cand, delta = viewer[hit], np.searchsorted(rows, cand[hit]), delta[hit]
    ok = allowed[cand] & b.active[viewer]
    viewer, cand, delta = viewer[ok], cand[ok], delta[ok]
    if len(viewer):
        edited = np.isin(j * len(rows) + i, viewer * len(rows) + cand)
        i, j = np.concatenate([i[~edited], cand]), np.concatenate([j[~edited], viewer])
        values = np.concatenate([values[~edited], scores[viewer, cand] + delta])
    topk.merge_entries(b.top_idx, b.top_val, j, rows[i], values)


def _viewer_view(
    index: MatchIndex,
    s: int,
    rows: np.ndarray,
    scores: np.ndarray,
    edits: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> np.ndarray:
    """Scores as the viewers in `rows` see them: exclusions and their own feedback (in place)."""
    _exclude(index, s, scores)
    viewer, cand, delta = edits
    hit = np.isin(viewer, rows)
    np.add.at(scores, (np.searchsorted(rows, viewer[hit]), cand[hit]), delta[hit])
    scores[~index.sides[s].active[rows]] = NEG
    return scores


def _candidate_view(
    index: MatchIndex,
    rows: np.ndarray,
    scores: np.ndarray,
    edits: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> np.ndarray:
    """A block (side-1 viewers x side-0 rows) as side 1 sees it (in place)."""
    a, b = index.sides
    scores[:, ~(a.active[rows] & a.eligible[rows])] = NEG
    scores[~b.active] = NEG
    viewer, cand, delta = edits
    hit = np.isin(cand, rows)
    np.add.at(scores, (viewer[hit], np.searchsorted(rows, cand[hit])), delta[hit])
    return scores


def _recompute_rows(index: MatchIndex, s: int, rows: np.ndarray) -> None:
    edits = _feedback_edits_for(index, s, rows)
    me = index.sides[s]
    for start in range(0, len(rows), index.block):
        chunk = rows[start : start + index.block]
        order = np.argsort(chunk)
        chunk = chunk[order]
        view = _viewer_view(index, s, chunk, _rows_scores(index, s, chunk), edits)
        me.top_idx[chunk], me.top_val[chunk] = topk.top_k(view, index.k)


def _feedback_edits_for(
    index: MatchIndex, s: int, rows: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    viewer, cand, delta = _feedback_edits(index, s)
    keep = np.isin(viewer, rows)
    return viewer[keep], cand[keep], delta[keep]


# ---------------------------------------------------------------- reading


def ranked(index: MatchIndex, org_id: OrgId) -> list[Ranked]:
    """The organisation's list, best first (no reasons; see explain.matches for those)."""
    s, pos = index.where[org_id]
    them = index.sides[1 - s]
    me = index.sides[s]
    return [
        Ranked(them.ids[j], float(v))
        for j, v in zip(me.top_idx[pos], me.top_val[pos], strict=True)
        if j >= 0
    ]


def score_profile(
    index: MatchIndex, profile: Profile, *, vectors: Mapping[str, np.ndarray], k: int | None = None
) -> list[Ranked]:
    """Rank the other side for a profile that is not (or not like this) in the index, e.g. one
    opportunity wrapped as a profile. The viewer's recorded feedback applies."""
    names = [side.name for side in index.sides]
    if profile.side not in names:
        raise ValueError(f"side {profile.side!r} is not in this programme ({names})")
    s = names.index(profile.side)
    vec = centred(org_vector(profile, vectors, index.scale.languages)[None, :], index.scale.centre)
    tokens = index.vocab.rows([sector_codes(profile)])
    minor = np.array([_sig_position(index, s, signature(profile, index.rules))], np.intp)
    scores = _base_scores(index, s, vec, tokens, minor)
    _exclude(index, s, scores)
    them = index.sides[1 - s]
    for candidate, verdict in index.feedback.get(profile.id, {}).items():
        where = index.where.get(candidate)
        if where and where[0] == 1 - s:
            scores[0, where[1]] += _lift(index, verdict)
    idx, val = topk.top_k(scores, k or index.k)
    return [Ranked(them.ids[j], float(v)) for j, v in zip(idx[0], val[0], strict=True) if j >= 0]


def _sig_position(index: MatchIndex, s: int, sig: Signature) -> int:
    side = index.sides[s]
    known = len(side.sigs)
    pos = side.sig_id(sig)
    if pos == known:
        a, b = index.sides
        index.table = minor_table(list(a.sigs), list(b.sigs), index.weights)
    return pos


def _pad_tokens(side: Side, width: int) -> None:
    """Widen a side's token rows (padding 0) when a profile brings more codes than anyone had."""
    if side.tokens.shape[1] < width:
        side.tokens = np.pad(side.tokens, ((0, 0), (0, width - side.tokens.shape[1])))
