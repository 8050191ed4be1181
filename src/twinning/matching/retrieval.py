"""Cross-lingual retrieval for the search boxes, through the vectors matching already stores.

A search embeds its query once, as an e5 query (kept for the next search of the same words), and
compares it with the stored passage vector of each candidate text: "мясо" finds an English offer of
lamb and beef. A text matching has not embedded yet is left out (a search never embeds
passages); vectors read from the database are kept in memory, since a key's vector never changes.

multilingual-e5-small puts every passage at 0.77-0.85 from a one-word query, and some texts (the
Kazakh ones most) near every query: raw similarity cannot tell "мясо" from an offer of software.
So a text's relevance is its similarity to the query less its similarity to an average query
(the mean vector of GENERIC_QUERIES, words any opportunity could contain): the "hubness" a text
has whatever is asked. A text is about the query when its relevance reaches RELEVANCE_FLOOR and
RELATIVE_FLOOR of the best one's. docs/search.md has the figures.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Mapping
from functools import lru_cache
from typing import Any, TypeVar

import numpy as np

from twinning.matching import embeddings
from twinning.matching.models import EmbeddingCache

logger = logging.getLogger(__name__)

RELEVANCE_FLOOR = 0.02
RELATIVE_FLOOR = 0.35
GENERIC_QUERIES = (
    "company", "product", "services", "export", "partner", "business", "supply", "technology",
    "investment", "production", "компания", "продукция", "услуги", "экспорт", "партнёр", "бизнес",
    "поставки", "технологии", "инвестиции", "производство", "өнім", "қызметтер", "серіктес",
    "кәсіп", "жеткізу", "технология", "инвестиция", "өндіріс",
)  # fmt: skip
QUERIES_KEPT = 512
VECTORS_KEPT = 50_000

_vectors: dict[str, np.ndarray] = {}


Key = TypeVar("Key", bound=Hashable)


@lru_cache(maxsize=QUERIES_KEPT)
def _query_vector(query: str) -> np.ndarray | None:
    """The query's vector less the average query's; None when the model cannot be loaded."""
    try:
        asked = next(iter(embeddings.embed_queries([query]).values()))
        return asked - _average_query()
    except (ImportError, OSError, RuntimeError):
        logger.exception("The search could not embed its query; it matches words only.")
        return None


@lru_cache(maxsize=1)
def _average_query() -> np.ndarray:
    return np.mean(list(embeddings.embed_queries(list(GENERIC_QUERIES)).values()), axis=0)


# Keys found without a vector, and the cache's last row when they were looked up: while no
# vector has been stored since, they are not asked for again (a directory of 50,000 offers that
# matching has not embedded yet asked for all of them on every search).
_missing: set[str] = set()
_missing_as_of: list[object] = [None]


def _latest_vector() -> object:
    return (
        EmbeddingCache.objects.filter(model_version=embeddings.MODEL_VERSION)
        .order_by("-pk")
        .values_list("pk", "created_at")
        .first()
    )


def _stored_vectors(keys: set[str]) -> dict[str, np.ndarray]:
    wanted = keys - _vectors.keys()
    if wanted:
        latest = _latest_vector()
        if latest != _missing_as_of[0]:
            _missing.clear()
            _missing_as_of[0] = latest
        wanted -= _missing
    if wanted:
        if len(_vectors) + len(wanted) > VECTORS_KEPT:
            _vectors.clear()
        rows = EmbeddingCache.objects.filter(
            model_version=embeddings.MODEL_VERSION, text_hash__in=sorted(wanted)
        ).values_list("text_hash", "vector")
        _vectors.update({key: np.frombuffer(bytes(raw), dtype=np.float32) for key, raw in rows})
        _missing.update(wanted - _vectors.keys())
    return {key: _vectors[key] for key in keys if key in _vectors}


def similar_texts(*, query: str, texts: Mapping[Key, str], limit: int) -> list[tuple[Key, float]]:
    """The ids of `texts` whose stored vector is about the query, most relevant first, with their
    relevance; at most `limit`."""
    keys = {ident: embeddings.text_key(text) for ident, text in texts.items()}
    return similar_keys(query=query, keys=keys, limit=limit)


# The candidates' vectors stacked into one matrix, for a caller that names its candidate set
# (`candidates`: the directory's filter as of its latest save): stacking 50,000 vectors cost more
# than comparing them. An entry with texts that had no vector is checked against the cache's
# latest row first, as `_stored_vectors` does.
_stacked: dict[Hashable, tuple[list[Any], np.ndarray, bool, object]] = {}
STACKS_KEPT = 8


def _known_and_matrix(
    keys: Mapping[Key, str], candidates: Hashable | None
) -> tuple[list[Key], np.ndarray | None]:
    kept = _stacked.get(candidates) if candidates is not None else None
    if kept is not None:
        known, matrix, complete, as_of = kept
        if complete or _latest_vector() == as_of:
            return known, matrix
    vectors = _stored_vectors(set(keys.values()))
    known = [ident for ident, key in keys.items() if key in vectors]
    matrix = np.stack([vectors[keys[ident]] for ident in known]) if known else None
    if candidates is not None and matrix is not None:
        if len(_stacked) >= STACKS_KEPT:
            _stacked.clear()
        _stacked[candidates] = (known, matrix, len(known) == len(keys), _missing_as_of[0])
    return known, matrix


def similar_keys(
    *, query: str, keys: Mapping[Key, str], limit: int, candidates: Hashable | None = None
) -> list[tuple[Key, float]]:
    """As `similar_texts`, given each text's `embeddings.text_key` rather than the text.
    `candidates` names the set of `keys` (the same name, the same keys) to keep its matrix."""
    query = embeddings.clean_text(query)
    if not query or not keys:
        return []
    known, matrix = _known_and_matrix(keys, candidates)
    asked = _query_vector(query) if known else None
    if asked is None or matrix is None:
        return []
    scores = matrix @ asked
    floor = max(RELEVANCE_FLOOR, RELATIVE_FLOOR * float(scores.max()))
    ranked = sorted(zip(known, scores.tolist(), strict=True), key=lambda pair: -pair[1])
    return [(ident, score) for ident, score in ranked if score >= floor][:limit]
