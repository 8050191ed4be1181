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

from twinning.matching.features import (
    WEIGHTS,
    Signature,
    SectorVocabulary,
    TextScale,
    Weights,
    centred,
    decode_sector,
    feature_keys,
    minor_table,
    org_vector,
    sector_query,
    signature,
    text_fit,
    text_scale,
)
from twinning.matching.profiles import Feedback, OrgId, Profile, ProgrammeRules, Verdict

NEG = np.float32(-np.inf)


@dataclass
class Side:
    """One side's organisations as arrays; positions never move (removed ones go inactive)."""

    name: str
    ids: list[OrgId] = field(default_factory=list)
    vec: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    codes: list[tuple[str, ...]] = field(default_factory=list)
    sector: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))
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
    vocab: SectorVocabulary
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
    side.codes = [p.all_nace for p in members]
    side.vec = centred(raw, index.scale.centre) if len(members) else raw
    side.minor = np.array([side.sig_id(signature(p, index.rules)) for p in members], np.intp)
    side.active = np.ones(len(members), bool)
    side.eligible = np.array([_eligible(p, index.rules) for p in members], bool)


def _eligible(profile: Profile, rules: ProgrammeRules) -> bool:
    return not rules.focus_only or rules.in_focus(profile.all_nace)


def _refresh_tables(index: MatchIndex) -> None:
    a, b = index.sides
    index.vocab.extend({k for side in (a, b) for codes in side.codes for k in feature_keys(codes)})
    for side in (a, b):
        side.sector = index.vocab.matrix(side.codes)
    index.table = minor_table(list(a.sigs), list(b.sigs), index.weights)


def build(
    profiles: Iterable[Profile],
    *,
    vectors: Mapping[str, np.ndarray],
    feedback: Iterable[Feedback] = (),
    rules: ProgrammeRules = ProgrammeRules(),
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
    raw = [_raw_vectors(m, vectors) for m in members]
    index = MatchIndex(
        sides=(Side(names[0]), Side(names[1])),
        vocab=SectorVocabulary(),
        scale=scale or text_scale(raw[0], raw[1]),
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
    _recompute_all(index)
    return index


def _raw_vectors(members: list[Profile], vectors: Mapping[str, np.ndarray]) -> np.ndarray:
    if not members:
        return np.zeros((0, 384), np.float32)
    return np.stack([org_vector(p, vectors) for p in members])


# ---------------------------------------------------------------- scoring


def _base_scores(index: MatchIndex, s: int, vec: np.ndarray, sector: np.ndarray,
                 minor: np.ndarray) -> np.ndarray:
    """Symmetric pair scores of viewer rows (side s) against all of the other side; no feedback,
    no exclusions."""
    them = index.sides[1 - s]
    w = index.weights
    scores = text_fit(vec @ them.vec.T, index.scale, w)
    scores *= w.text
    counts = sector_query(sector, index.vocab) @ them.sector.T
    scores += w.sector * decode_sector(counts)
    table = index.table if s == 0 else index.table.T
    scores += table[minor[:, None], them.minor[None, :]]
    return scores


def _rows_scores(index: MatchIndex, s: int, rows: np.ndarray) -> np.ndarray:
    me = index.sides[s]
    return _base_scores(index, s, me.vec[rows], me.sector[rows], me.minor[rows])


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


def order_keys(values: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """int64 keys that sort exactly like (score, then lower position first) for float32 scores,
    so ties resolve the same way in a block, a merge or a single row."""
    bits = (values.astype(np.float32) + np.float32(0)).view(np.int32).astype(np.int64)
    bits = np.where(bits < 0, bits ^ 0x7FFFFFFF, bits)
    rank = 0x7FFFFFFF - np.where(positions < 0, 0x7FFFFFFF, positions).astype(np.int64)
    return (bits << 32) + rank


def _best(keys: np.ndarray, k: int, axis: int) -> np.ndarray:
    """Indices of the k largest keys along `axis`, largest first."""
    n = keys.shape[axis]
    top = np.take(np.argpartition(keys, n - k, axis=axis), np.arange(n - k, n), axis=axis)
    order = np.flip(np.argsort(np.take_along_axis(keys, top, axis), axis=axis), axis=axis)
    return np.take_along_axis(top, order, axis)


def _top_k(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Best k per row, by score then position; short rows padded with (-1, -inf)."""
    kk = min(k, scores.shape[1])
    if kk == 0:
        return _padded(np.zeros((len(scores), 0), np.intp), scores[:, :0], k)
    idx = _best(order_keys(scores, np.arange(scores.shape[1])[None, :]), kk, axis=1)
    val = np.take_along_axis(scores, idx, axis=1)
    idx[~np.isfinite(val)] = -1
    return _padded(idx, val, k)


def _padded(idx: np.ndarray, val: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    pad = k - idx.shape[1]
    if pad <= 0:
        return idx, val
    rows = len(idx)
    return (np.hstack([idx, np.full((rows, pad), -1, np.intp)]),
            np.hstack([val, np.full((rows, pad), NEG, np.float32)]))


def _recompute_all(index: MatchIndex) -> None:
    """One pass over side-0 blocks yields both directions: rows for side 0, running column top-k
    for side 1."""
    a, b = index.sides
    k = index.k
    col_idx = np.full((k, len(b.ids)), -1, np.intp)
    col_val = np.full((k, len(b.ids)), NEG, np.float32)
    a.top_idx, a.top_val = _top_k(np.zeros((0, len(b.ids)), np.float32), k)
    row_edits, col_edits = _feedback_edits(index, 0), _feedback_edits(index, 1)
    tops = []
    for start in range(0, len(a.ids), index.block):
        rows = np.arange(start, min(start + index.block, len(a.ids)))
        base = _rows_scores(index, 0, rows)
        tops.append(_top_k(_viewer_view(index, 0, rows, base, row_edits), k))
        _merge_columns(col_idx, col_val, _candidate_view(index, rows, base, col_edits), rows)
    if tops:
        a.top_idx = np.vstack([t[0] for t in tops])
        a.top_val = np.vstack([t[1] for t in tops])
    b.top_idx, b.top_val = _sorted_rows(col_idx.T.copy(), col_val.T.copy())


def _viewer_view(index: MatchIndex, s: int, rows: np.ndarray, base: np.ndarray,
                 edits: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """Base scores as the viewers in `rows` see them: exclusions and their own feedback."""
    scores = base.copy()
    _exclude(index, s, scores)
    viewer, cand, delta = edits
    hit = (viewer >= rows[0]) & (viewer <= rows[-1]) if len(rows) else viewer < 0
    np.add.at(scores, (np.searchsorted(rows, viewer[hit]), cand[hit]), delta[hit])
    inactive = ~index.sides[s].active[rows]
    scores[inactive] = NEG
    return scores


def _candidate_view(index: MatchIndex, rows: np.ndarray, base: np.ndarray,
                    edits: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """The same block seen from side 1: side-0 rows are the candidates."""
    a, b = index.sides
    scores = base.copy()
    scores[~(a.active[rows] & a.eligible[rows])] = NEG
    scores[:, ~b.active] = NEG
    viewer, cand, delta = edits
    hit = (cand >= rows[0]) & (cand <= rows[-1])
    np.add.at(scores, (np.searchsorted(rows, cand[hit]), viewer[hit]), delta[hit])
    return scores


def _merge_columns(col_idx: np.ndarray, col_val: np.ndarray, scores: np.ndarray,
                   rows: np.ndarray) -> None:
    k = len(col_idx)
    if k == 0 or scores.shape[1] == 0:
        return
    vals = np.vstack([col_val, scores])
    idx = np.vstack([col_idx, np.broadcast_to(rows[:, None], scores.shape)])
    keep = _best(order_keys(vals, idx), k, axis=0)
    col_val[:] = np.take_along_axis(vals, keep, 0)
    col_idx[:] = np.take_along_axis(idx, keep, 0)


def _sorted_rows(idx: np.ndarray, val: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = _best(order_keys(val, idx), idx.shape[1], axis=1) if idx.size else idx
    idx, val = np.take_along_axis(idx, order, 1), np.take_along_axis(val, order, 1)
    idx[~np.isfinite(val)] = -1
    return idx, val


def _recompute_rows(index: MatchIndex, s: int, rows: np.ndarray) -> None:
    edits = _feedback_edits_for(index, s, rows)
    me = index.sides[s]
    for start in range(0, len(rows), index.block):
        chunk = rows[start : start + index.block]
        order = np.argsort(chunk)
        chunk = chunk[order]
        view = _viewer_view(index, s, chunk, _rows_scores(index, s, chunk), edits)
        me.top_idx[chunk], me.top_val[chunk] = _top_k(view, index.k)


def _feedback_edits_for(index: MatchIndex, s: int,
                        rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
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


def score_profile(index: MatchIndex, profile: Profile, *, vectors: Mapping[str, np.ndarray],
                  k: int | None = None) -> list[Ranked]:
    """Rank the other side for a profile that is not (or not like this) in the index, e.g. one
    opportunity wrapped as a profile. The viewer's recorded feedback applies."""
    s = index.sides.index(next(x for x in index.sides if x.name == profile.side))
    vec = centred(org_vector(profile, vectors)[None, :], index.scale.centre)
    index.vocab.extend(feature_keys(profile.all_nace))
    _pad_sector_columns(index)
    sector = index.vocab.matrix([profile.all_nace])
    minor = np.array([_sig_position(index, s, signature(profile, index.rules))], np.intp)
    scores = _base_scores(index, s, vec, sector, minor)
    _exclude(index, s, scores)
    them = index.sides[1 - s]
    for candidate, verdict in index.feedback.get(profile.id, {}).items():
        where = index.where.get(candidate)
        if where and where[0] == 1 - s:
            scores[0, where[1]] += _lift(index, verdict)
    idx, val = _top_k(scores, k or index.k)
    return [Ranked(them.ids[j], float(v)) for j, v in zip(idx[0], val[0], strict=True) if j >= 0]


def _sig_position(index: MatchIndex, s: int, sig: Signature) -> int:
    side = index.sides[s]
    known = len(side.sigs)
    pos = side.sig_id(sig)
    if pos == known:
        a, b = index.sides
        index.table = minor_table(list(a.sigs), list(b.sigs), index.weights)
    return pos


def _pad_sector_columns(index: MatchIndex) -> None:
    """New vocabulary columns are zero for everyone already indexed (they lacked those keys)."""
    width = len(index.vocab.columns)
    for side in index.sides:
        if side.sector.shape[1] < width:
            side.sector = np.pad(side.sector, ((0, 0), (0, width - side.sector.shape[1])))
