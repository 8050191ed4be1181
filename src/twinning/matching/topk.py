"""Top-k selection with one tie rule everywhere: higher score first, then lower position.

The same rule in a block, a running merge and a single recomputed row is what makes incremental
updates equal a full recompute. Selection first finds, per row, a threshold that at least k entries
reach (cheaply, from chunk maxima), and only the few entries at or above it get exact sort keys.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

NEG = np.float32(-np.inf)
Positions = Callable[[np.ndarray, np.ndarray], np.ndarray]


def order_keys(values: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """int64 keys ordered exactly like (float32 score, then lower position first)."""
    bits = (values.astype(np.float32) + np.float32(0)).view(np.int32).astype(np.int64)
    bits = np.where(bits < 0, bits ^ 0x7FFFFFFF, bits)  # negative floats sort in reverse as ints
    rank = 0x7FFFFFFF - np.where(positions < 0, 0x7FFFFFFF, positions).astype(np.int64)
    return (bits << 32) + rank


def empty(rows: int, k: int) -> tuple[np.ndarray, np.ndarray]:
    return np.full((rows, k), -1, np.intp), np.full((rows, k), NEG, np.float32)


def select(
    values: np.ndarray, k: int, position_of: Positions, floor: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Best k per row as (positions, scores), best first, padded with (-1, -inf).
    `position_of(rows, cols)` names the candidate behind each cell; `floor`, if known, is a value
    per row that at least k entries reach."""
    n_rows, width = values.shape
    idx, val = empty(n_rows, k)
    kk = min(k, width)
    if kk == 0 or n_rows == 0:
        return idx, val
    if floor is None:
        floor = _floor_of_top(values, kk)
    r, c = nonzero(values >= floor[:, None])
    return _ranked(idx, val, kk, r, position_of(r, c), values[r, c])


def nonzero(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """np.nonzero of a 2-d mask, through the flat positions (several times faster for sparse
    masks)."""
    rows, cols = np.divmod(np.flatnonzero(mask), mask.shape[1])
    return rows, cols


def _ranked(
    idx: np.ndarray, val: np.ndarray, k: int, r: np.ndarray, p: np.ndarray, v: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Fill idx/val (rows x k) with the best k of the entries (row r, position p, score v)."""
    order = np.lexsort((-order_keys(v, p), r))
    r, p, v = r[order], p[order], v[order]
    rank = np.arange(len(r)) - np.searchsorted(r, r)
    keep = rank < k
    idx[r[keep], rank[keep]] = p[keep]
    val[r[keep], rank[keep]] = v[keep]
    idx[~np.isfinite(val)] = -1
    return idx, val


def top_k_columns(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Best k rows per column, as `top_k(scores.T)` gives them, without transposing: the chunk
    maxima are taken down the columns and positions are row numbers."""
    height, width = scores.shape
    idx, val = empty(width, k)
    kk = min(k, height)
    if kk == 0 or width == 0:
        return idx, val
    step = max(1, height // (4 * kk))
    whole = height // step * step
    # Maxima of chunks of rows: a reduction over the middle axis runs along contiguous rows.
    maxima = scores[:whole].reshape(-1, step, width).max(axis=1)
    if whole < height:
        maxima = np.vstack([maxima, scores[whole:].max(axis=0)])
    floor = np.partition(maxima, maxima.shape[0] - kk, axis=0)[maxima.shape[0] - kk]
    p, r = nonzero(scores >= floor)
    return _ranked(idx, val, kk, r, p, scores[p, r])


def _floor_of_top(values: np.ndarray, k: int) -> np.ndarray:
    """Per row, a value that at least k entries reach and few exceed: the k-th largest of the
    maxima of about 4k chunks. One max-reduction is far cheaper than np.partition of the row."""
    width = values.shape[1]
    maxima = np.maximum.reduceat(values, np.arange(0, width, max(1, width // (4 * k))), axis=1)
    return np.partition(maxima, maxima.shape[1] - k, axis=1)[:, maxima.shape[1] - k]


def top_k(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Best k columns per row; positions are column numbers."""
    return select(scores, k, lambda r, c: c)


def merge(
    best_idx: np.ndarray, best_val: np.ndarray, block: np.ndarray, block_positions: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Running top-k per row (best_idx/best_val, rows x k) merged with a new block of scores
    (rows x b) whose columns are the candidates at `block_positions`."""
    k = best_idx.shape[1]
    values = np.empty((len(block), k + block.shape[1]), np.float32)
    values[:, :k], values[:, k:] = best_val, block

    def position_of(r: np.ndarray, c: np.ndarray) -> np.ndarray:
        old = best_idx[r, np.minimum(c, k - 1)]
        return np.where(c < k, old, block_positions[np.maximum(c - k, 0)])

    # The merged k-th best can only rise: the running k-th best is a floor where the list is full.
    floor = best_val[:, -1].copy()
    short = ~np.isfinite(floor)
    if short.any():
        floor[short] = _floor_of_top(values[short], k)
    return select(values, k, position_of, floor)


def merge_entries(
    best_idx: np.ndarray,
    best_val: np.ndarray,
    rows: np.ndarray,
    positions: np.ndarray,
    values: np.ndarray,
) -> None:
    """Running top-k per row merged, in place, with a few new entries (row, candidate position,
    score): only the rows that got entries are re-selected."""
    if len(rows) == 0:
        return
    touched = np.unique(rows)
    k = best_idx.shape[1]
    r = np.concatenate([np.repeat(np.arange(len(touched)), k), np.searchsorted(touched, rows)])
    p = np.concatenate([best_idx[touched].ravel(), positions])
    v = np.concatenate([best_val[touched].ravel(), values.astype(np.float32)])
    order = np.lexsort((-order_keys(v, p), r))
    r, p, v = r[order], p[order], v[order]
    rank = np.arange(len(r)) - np.searchsorted(r, r)
    keep = rank < k
    best_idx[touched[r[keep]], rank[keep]] = p[keep]
    best_val[touched[r[keep]], rank[keep]] = v[keep]
    gone = ~np.isfinite(best_val[touched])
    if gone.any():
        idx = best_idx[touched]
        idx[gone] = -1
        best_idx[touched] = idx


def sort_rows(idx: np.ndarray, val: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Re-sort short rows (after an insertion) by the tie rule."""
    if idx.size == 0:
        return idx, val
    order = np.flip(np.argsort(order_keys(val, idx), axis=1), axis=1)
    idx, val = np.take_along_axis(idx, order, 1), np.take_along_axis(val, order, 1)
    idx[~np.isfinite(val)] = -1
    return idx, val
