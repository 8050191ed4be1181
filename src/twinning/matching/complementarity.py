"""Which opportunity types complement each other.

Enterprise Europe Network style opportunities pair up by complement, not by likeness: a business
offer is answered by a business request, a distributor wants products to carry. The table below is
the single source of truth; strengths are levels rather than tuned numbers so that a broker can read
and argue with them.
"""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Complement:
    strength: float
    why: str  # what a broker would say; docs/matching.md prints the table with these


# Unordered pairs: (a, b) also means (b, a). Reviewed as a whole: every pair says why it holds.
COMPLEMENT_TABLE: dict[tuple[OpportunityType, OpportunityType], Complement] = {
    (T.BUSINESS_OFFER, T.BUSINESS_REQUEST): Complement(STRONG, "a seller meets a buyer"),
    (T.TECHNOLOGY_OFFER, T.TECHNOLOGY_REQUEST): Complement(
        STRONG, "a technology meets a need for it, whatever the two divisions"
    ),
    (T.INVESTMENT_OFFER, T.INVESTMENT_REQUEST): Complement(STRONG, "capital meets a project"),
    (T.DISTRIBUTION, T.BUSINESS_OFFER): Complement(
        STRONG, "a distributor or agent meets products to carry"
    ),
    (T.DISTRIBUTION, T.BUSINESS_REQUEST): Complement(
        STRONG, "a maker seeking distribution, or a distributor, meets a buyer of the goods"
    ),
    (T.LOCAL_CONTENT, T.BUSINESS_REQUEST): Complement(
        STRONG, "a local supplier meets a buyer that must or wants to buy locally"
    ),
    (T.FILM_COPRODUCTION, T.FILM_COPRODUCTION): Complement(STRONG, "two producers co-produce"),
    (T.PARTNERSHIP, T.PARTNERSHIP): Complement(STRONG, "both seek a joint venture or programme"),
    (T.TOURISM, T.TOURISM): Complement(STRONG, "tour operators and destinations trade travellers"),
    (T.TECHNOLOGY_OFFER, T.BUSINESS_REQUEST): Complement(
        MEDIUM, "a technology often answers a plain purchasing need"
    ),
    (T.BUSINESS_OFFER, T.TECHNOLOGY_REQUEST): Complement(
        MEDIUM, "equipment or a service on offer often answers a technology need"
    ),
    (T.INVESTMENT_OFFER, T.PARTNERSHIP): Complement(
        MEDIUM, "joint ventures are where capital and partners meet"
    ),
    (T.INVESTMENT_REQUEST, T.PARTNERSHIP): Complement(
        MEDIUM, "a project raising capital may take a partner instead"
    ),
    (T.INVESTMENT_OFFER, T.TECHNOLOGY_REQUEST): Complement(
        MEDIUM, "a technology need is often a growth project in want of capital"
    ),
    (T.LOCAL_CONTENT, T.INVESTMENT_OFFER): Complement(
        MEDIUM, "foreign investors and contractors are obliged to buy local content"
    ),
    (T.LOCAL_CONTENT, T.PARTNERSHIP): Complement(
        MEDIUM, "a joint venture is the usual way to build local content"
    ),
    (T.LOCAL_CONTENT, T.TECHNOLOGY_OFFER): Complement(
        MEDIUM, "localising a foreign technology needs a local maker or assembler"
    ),
    (T.LOCAL_CONTENT, T.BUSINESS_OFFER): Complement(
        MEDIUM, "a foreign supplier needs local assembly or service to win local-content tenders"
    ),
    (T.LOCAL_CONTENT, T.LOCAL_CONTENT): Complement(
        MEDIUM, "one seeks a local partner, the other is one"
    ),
    (T.DISTRIBUTION, T.TECHNOLOGY_OFFER): Complement(
        MEDIUM, "a distributor can carry a technology product too"
    ),
    (T.DISTRIBUTION, T.DISTRIBUTION): Complement(
        MEDIUM, "one seeks a distributor, the other offers to be one"
    ),
    (T.FILM_COPRODUCTION, T.TOURISM): Complement(
        MEDIUM, "a shoot abroad needs hotels, transport and fixers"
    ),
    (T.FILM_COPRODUCTION, T.BUSINESS_OFFER): Complement(
        MEDIUM, "a shoot buys equipment, studio space and services"
    ),
    (T.FILM_COPRODUCTION, T.INVESTMENT_OFFER): Complement(
        MEDIUM, "films are financed by investors"
    ),
    (T.INVESTMENT_OFFER, T.BUSINESS_REQUEST): Complement(
        WEAK, "a large purchase may be a growth project worth financing"
    ),
    (T.INVESTMENT_REQUEST, T.BUSINESS_OFFER): Complement(
        WEAK, "a project raising capital will also buy equipment and services"
    ),
    (T.PARTNERSHIP, T.BUSINESS_OFFER): Complement(WEAK, "a partner may start as a supplier"),
    (T.PARTNERSHIP, T.BUSINESS_REQUEST): Complement(WEAK, "a partner may start as a customer"),
    (T.PARTNERSHIP, T.TECHNOLOGY_OFFER): Complement(
        WEAK, "joint development often starts from one side's technology"
    ),
    (T.PARTNERSHIP, T.TECHNOLOGY_REQUEST): Complement(
        WEAK, "a technology need may be met by joint development"
    ),
    (T.DISTRIBUTION, T.LOCAL_CONTENT): Complement(
        WEAK, "a local distributor counts towards local presence"
    ),
}
COMPLEMENTS: dict[tuple[OpportunityType, OpportunityType], float] = {
    pair: c.strength for pair, c in COMPLEMENT_TABLE.items()
}


def why(a: str, b: str) -> str:
    """The reason a pair of types complements each other ("" when it does not)."""
    ta, tb = OpportunityType(a), OpportunityType(b)
    found = COMPLEMENT_TABLE.get((ta, tb)) or COMPLEMENT_TABLE.get((tb, ta))
    return found.why if found else ""


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
