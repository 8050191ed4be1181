"""Keeping lists right after one change, without recomputing everyone.

A changed profile gets its own list recomputed. Because the base score is symmetric, that same row
is also its score in every counterpart's list: counterparts that already listed it are recomputed
(it may have dropped, and only a full row knows who comes next), and the others take it in only if
it now beats their last entry. The text scale (centre, mean, std) stays as the last full recompute
left it; one profile moves it by about 1/n.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from twinning.matching.engine import (
    MatchIndex,
    _eligible,
    _lift,
    _pad_tokens,
    _recompute_rows,
    _rows_scores,
    _sig_position,
)
from twinning.matching.features import (
    Codes,
    centred,
    org_vector,
    sector_codes,
    signature,
)
from twinning.matching.profiles import Feedback, OrgId, Profile, Verdict, vector_keys
from twinning.matching.topk import NEG, order_keys, sort_rows


def update_profile(
    index: MatchIndex, profile: Profile, *, vectors: Mapping[str, np.ndarray]
) -> set[OrgId]:
    """Add or replace one profile; returns the ids whose lists changed."""
    index.vectors.update({key: vectors[key] for key in vector_keys(profile)})
    changed: set[OrgId] = set()
    if profile.id in index.where and _side_of(index, profile) != index.where[profile.id][0]:
        changed |= remove_profile(index, profile.id)
    s = _side_of(index, profile)
    pos = _store(index, s, profile)
    _recompute_rows(index, s, np.array([pos]))
    return changed | {profile.id} | _refresh_counterparts(index, s, pos)


def remove_profile(index: MatchIndex, org_id: OrgId) -> set[OrgId]:
    """Withdraw a profile; returns the ids whose lists changed."""
    s, pos = index.where.pop(org_id)
    index.profiles.pop(org_id)
    index.feedback.pop(org_id, None)
    me = index.sides[s]
    me.active[pos] = False
    me.top_idx[pos], me.top_val[pos] = -1, NEG
    them = index.sides[1 - s]
    rows = np.flatnonzero((them.top_idx == pos).any(axis=1))
    _recompute_rows(index, 1 - s, rows)
    return {them.ids[r] for r in rows}


def set_feedback(index: MatchIndex, feedback: Feedback) -> set[OrgId]:
    """Record a verdict; only the viewer's own list changes."""
    index.feedback.setdefault(feedback.viewer, {})[feedback.candidate] = Verdict(feedback.verdict)
    return _recompute_viewer(index, feedback.viewer)


def clear_feedback(index: MatchIndex, viewer: OrgId, candidate: OrgId) -> set[OrgId]:
    index.feedback.get(viewer, {}).pop(candidate, None)
    return _recompute_viewer(index, viewer)


def _recompute_viewer(index: MatchIndex, viewer: OrgId) -> set[OrgId]:
    if viewer not in index.where:
        return set()
    s, pos = index.where[viewer]
    _recompute_rows(index, s, np.array([pos]))
    return {viewer}


def _side_of(index: MatchIndex, profile: Profile) -> int:
    names = [side.name for side in index.sides]
    if profile.side in names:
        return names.index(profile.side)
    for s, side in enumerate(index.sides):
        if not side.name and not side.ids:  # a programme built before its second side joined
            side.name = profile.side
            return s
    raise ValueError(f"side {profile.side!r} is not in this programme ({names})")


def _store(index: MatchIndex, s: int, profile: Profile) -> int:
    """Write the profile's features at its position (appending a new one); returns the position."""
    side = index.sides[s]
    if profile.id not in index.where:
        _append_row(index, s, profile.id)
    pos = index.where[profile.id][1]
    index.profiles[profile.id] = profile
    raw = org_vector(profile, index.vectors, index.scale.languages)
    side.vec[pos] = centred(raw[None, :], index.scale.centre)[0]
    side.codes[pos] = sector_codes(profile)
    tokens = index.vocab.rows([side.codes[pos]])[0]
    _pad_tokens(side, len(tokens))
    side.tokens[pos] = 0
    side.tokens[pos, : len(tokens)] = tokens
    side.minor[pos] = _sig_position(index, s, signature(profile, index.rules))
    side.active[pos] = True
    side.eligible[pos] = _eligible(profile, index.rules)
    return pos


def _append_row(index: MatchIndex, s: int, org_id: OrgId) -> None:
    side = index.sides[s]
    pos = len(side.ids)
    side.ids.append(org_id)
    side.codes.append(Codes((), frozenset()))
    side.vec = _grow(side.vec, 0.0, width=index.scale.centre.shape[0])
    side.tokens = _grow(side.tokens, 0, width=side.tokens.shape[1])
    side.minor = np.append(side.minor, 0)
    side.active = np.append(side.active, False)
    side.eligible = np.append(side.eligible, False)
    side.top_idx = _grow(side.top_idx, -1, width=index.k)
    side.top_val = _grow(side.top_val, float(NEG), width=index.k)
    index.where[org_id] = (s, pos)


def _grow(rows: np.ndarray, fill: float, *, width: int) -> np.ndarray:
    extra = np.full((1, width), fill, dtype=rows.dtype)
    return np.vstack([rows.reshape(-1, width), extra])


def _refresh_counterparts(index: MatchIndex, s: int, pos: int) -> set[OrgId]:
    them = index.sides[1 - s]
    column = _column_for(index, s, pos)
    listed = (them.top_idx == pos).any(axis=1) & them.active
    _recompute_rows(index, 1 - s, np.flatnonzero(listed))
    beats_last = order_keys(column, np.full(len(column), pos)) > order_keys(
        them.top_val[:, -1], them.top_idx[:, -1]
    )
    enters = np.flatnonzero(~listed & them.active & beats_last)
    them.top_idx[enters, -1], them.top_val[enters, -1] = pos, column[enters]
    them.top_idx[enters], them.top_val[enters] = sort_rows(
        them.top_idx[enters], them.top_val[enters]
    )
    return {them.ids[r] for r in np.concatenate([np.flatnonzero(listed), enters])}


def _column_for(index: MatchIndex, s: int, pos: int) -> np.ndarray:
    """The profile's score in each counterpart's eyes: the symmetric base row plus verdicts."""
    me = index.sides[s]
    column = _rows_scores(index, s, np.array([pos]))[0]
    if not (me.active[pos] and me.eligible[pos]):
        return np.full_like(column, NEG)
    org_id = me.ids[pos]
    for viewer, verdicts in index.feedback.items():
        where = index.where.get(viewer)
        if org_id in verdicts and where and where[0] == 1 - s:
            column[where[1]] += _lift(index, verdicts[org_id])
    return column
