import pytest

from twinning.matching.complementarity import (
    COMPLEMENTS,
    STRONG,
    TYPES,
    OpportunityType,
    best_pair,
    strength_matrix,
    type_strength,
)

pytestmark = pytest.mark.unit

REQUIRED_STRONG = [
    ("business_offer", "business_request"),
    ("technology_offer", "technology_request"),
    ("investment_offer", "investment_request"),
    ("distribution", "business_offer"),
    ("film_coproduction", "film_coproduction"),
    ("local_content", "business_request"),
    ("partnership", "partnership"),
    ("tourism", "tourism"),
]


def test_type_codes_are_exactly_the_product_vocabulary():
    assert {t.value for t in TYPES} == {
        "business_offer",
        "business_request",
        "technology_offer",
        "technology_request",
        "investment_offer",
        "investment_request",
        "partnership",
        "distribution",
        "tourism",
        "film_coproduction",
        "local_content",
    }


@pytest.mark.parametrize(("a", "b"), REQUIRED_STRONG)
def test_required_pairs_are_strong_in_both_directions(a, b):
    assert type_strength(a, b) == STRONG
    assert type_strength(b, a) == STRONG


def test_two_offers_do_not_complement_each_other():
    assert type_strength("business_offer", "business_offer") == 0.0
    assert type_strength("investment_offer", "investment_offer") == 0.0


def test_matrix_is_symmetric_and_matches_the_table():
    m = strength_matrix()
    assert (m == m.T).all()
    for (a, b), s in COMPLEMENTS.items():
        assert m[TYPES.index(a), TYPES.index(b)] == s
    assert m[m > 0].min() > 0.0 and m.max() == 1.0


def test_table_has_no_pair_listed_twice():
    unordered = [frozenset(pair) for pair in COMPLEMENTS]
    assert len(unordered) == len(set(unordered))


def test_best_pair_prefers_the_strongest_complement():
    mine = ["partnership", "technology_offer"]
    theirs = ["business_request", "technology_request"]
    assert best_pair(mine, theirs) == ("technology_offer", "technology_request", STRONG)


def test_best_pair_is_none_when_nothing_complements():
    assert best_pair(["tourism"], ["investment_request"]) is None


def test_unknown_type_is_rejected():
    with pytest.raises(ValueError):
        OpportunityType("joint_venture")
