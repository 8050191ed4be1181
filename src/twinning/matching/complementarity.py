"""Which opportunity types complement each other.

Enterprise Europe Network style opportunities pair up by complement, not by likeness: a business
offer is answered by a business request, a distributor wants products to carry. The table below is
the single source of truth; strengths are levels rather than tuned numbers so that a broker can read
and argue with them.
"""

from __future__ import annotations

from enum import StrEnum
from itertools import product

import numpy as np


class OpportunityType(StrEnum):
    BUSINESS_OFFER = "business_offer"
    BUSINESS_REQUEST = "business_request"
    TECHNOLOGY_OFFER = "technology_offer"
    TECHNOLOGY_REQUEST = "technology_request"
    INVESTMENT_OFFER = "investment_offer"
    INVESTMENT_REQUEST = "investment_request"
    PARTNERSHIP = "partnership"
    DISTRIBUTION = "distribution"
    TOURISM = "tourism"
    FILM_COPRODUCTION = "film_coproduction"
    LOCAL_CONTENT = "local_content"


TYPES: tuple[OpportunityType, ...] = tuple(OpportunityType)
TYPE_INDEX: dict[str, int] = {t.value: i for i, t in enumerate(TYPES)}

STRONG, MEDIUM, WEAK = 1.0, 0.6, 0.3

T = OpportunityType
# Unordered pairs: (a, b) also means (b, a).
COMPLEMENTS: dict[tuple[OpportunityType, OpportunityType], float] = {
    (T.BUSINESS_OFFER, T.BUSINESS_REQUEST): STRONG,
    (T.TECHNOLOGY_OFFER, T.TECHNOLOGY_REQUEST): STRONG,
    (T.INVESTMENT_OFFER, T.INVESTMENT_REQUEST): STRONG,
    (T.DISTRIBUTION, T.BUSINESS_OFFER): STRONG,
    (T.FILM_COPRODUCTION, T.FILM_COPRODUCTION): STRONG,
    (T.LOCAL_CONTENT, T.BUSINESS_REQUEST): STRONG,
    (T.PARTNERSHIP, T.PARTNERSHIP): STRONG,
    (T.TOURISM, T.TOURISM): STRONG,
    # A technology often answers a plain purchasing need, and the other way round.
    (T.TECHNOLOGY_OFFER, T.BUSINESS_REQUEST): MEDIUM,
    (T.BUSINESS_OFFER, T.TECHNOLOGY_REQUEST): MEDIUM,
    # Joint ventures are where capital and partners meet.
    (T.INVESTMENT_OFFER, T.PARTNERSHIP): MEDIUM,
    (T.INVESTMENT_REQUEST, T.PARTNERSHIP): MEDIUM,
    # Foreign investors and contractors are obliged to buy local content.
    (T.LOCAL_CONTENT, T.INVESTMENT_OFFER): MEDIUM,
    (T.LOCAL_CONTENT, T.PARTNERSHIP): MEDIUM,
    (T.DISTRIBUTION, T.TECHNOLOGY_OFFER): MEDIUM,
    # A shoot abroad needs hotels, transport and fixers.
    (T.FILM_COPRODUCTION, T.TOURISM): MEDIUM,
    (T.PARTNERSHIP, T.BUSINESS_OFFER): WEAK,
    (T.PARTNERSHIP, T.BUSINESS_REQUEST): WEAK,
    (T.PARTNERSHIP, T.TECHNOLOGY_OFFER): WEAK,
    (T.PARTNERSHIP, T.TECHNOLOGY_REQUEST): WEAK,
    (T.DISTRIBUTION, T.LOCAL_CONTENT): WEAK,
}


def type_strength(a: str, b: str) -> float:
    """Complementarity of two opportunity types, symmetric, 0 when unrelated."""
    ta, tb = OpportunityType(a), OpportunityType(b)
    return COMPLEMENTS.get((ta, tb), COMPLEMENTS.get((tb, ta), 0.0))


def strength_matrix() -> np.ndarray:
    """The table as a symmetric (11, 11) float32 matrix in TYPES order."""
    m = np.zeros((len(TYPES), len(TYPES)), dtype=np.float32)
    for (a, b), s in COMPLEMENTS.items():
        m[TYPE_INDEX[a], TYPE_INDEX[b]] = m[TYPE_INDEX[b], TYPE_INDEX[a]] = s
    return m


def best_pair(mine: list[str], theirs: list[str]) -> tuple[str, str, float] | None:
    """The most complementary (my type, their type, strength), or None if nothing fits."""
    scored = [(type_strength(a, b), a, b) for a, b in product(mine, theirs)]
    scored = [s for s in scored if s[0] > 0]
    if not scored:
        return None
    s, a, b = max(scored, key=lambda x: (x[0], -TYPE_INDEX[x[1]], -TYPE_INDEX[x[2]]))
    return a, b, s
