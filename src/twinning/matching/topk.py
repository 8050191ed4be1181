"""Top-k selection with one tie rule everywhere: higher score first, then lower position.

The same rule in a block, a running merge and a single recomputed row is what makes incremental
updates equal a full recompute. Selection first finds each row's k-th value with np.partition on
float32 (cheap), and only the few entries at or above it get exact sort keys.
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


def select(values: np.ndarray, k: int, position_of: Positions) -> tuple[np.ndarray, np.ndarray]:
    """Best k per row as (positions, scores), best first, padded with (-1, -inf).
    `position_of(rows, cols)` names the candidate behind each cell."""
    n_rows, width = values.shape
    idx, val = empty(n_rows, k)
    kk = min(k, width)
    if kk == 0 or n_rows == 0:
        return idx, val
    kth = np.partition(values, width - kk, axis=1)[:, width - kk]
    r, c = np.nonzero(values >= kth[:, None])
    v, p = values[r, c], position_of(r, c)
    order = np.lexsort((-order_keys(v, p), r))
    r, p, v = r[order], p[order], v[order]
    rank = np.arange(len(r)) - np.searchsorted(r, r)
    keep = rank < kk
    idx[r[keep], rank[keep]] = p[keep]
    val[r[keep], rank[keep]] = v[keep]
    idx[~np.isfinite(val)] = -1
    return idx, val


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

    return select(values, k, position_of)


def sort_rows(idx: np.ndarray, val: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Re-sort short rows (after an insertion) by the tie rule."""
    if idx.size == 0:
        return idx, val
    order = np.flip(np.argsort(order_keys(val, idx), axis=1), axis=1)
    idx, val = np.take_along_axis(idx, order, 1), np.take_along_axis(val, order, 1)
    idx[~np.isfinite(val)] = -1
    return idx, val
