import pytest

from twinning.matching.complementarity import (
    COMPLEMENT_TABLE,
    COMPLEMENTS,
    STRONG,
    TYPES,
    OpportunityType,
    best_pair,
    strength_matrix,
    type_strength,
    why,
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


# The reviewed table, written out here independently of the module: (a, b, strength).
REVIEWED = [
    ("business_offer", "business_request", 1.0),
    ("technology_offer", "technology_request", 1.0),
    ("investment_offer", "investment_request", 1.0),
    ("distribution", "business_offer", 1.0),
    ("distribution", "business_request", 1.0),
    ("local_content", "business_request", 1.0),
    ("film_coproduction", "film_coproduction", 1.0),
    ("partnership", "partnership", 1.0),
    ("tourism", "tourism", 1.0),
    ("technology_offer", "business_request", 0.6),
    ("business_offer", "technology_request", 0.6),
    ("investment_offer", "partnership", 0.6),
    ("investment_request", "partnership", 0.6),
    ("investment_offer", "technology_request", 0.6),
    ("local_content", "investment_offer", 0.6),
    ("local_content", "partnership", 0.6),
    ("local_content", "technology_offer", 0.6),
    ("local_content", "business_offer", 0.6),
    ("local_content", "local_content", 0.6),
    ("distribution", "technology_offer", 0.6),
    ("distribution", "distribution", 0.6),
    ("film_coproduction", "tourism", 0.6),
    ("film_coproduction", "business_offer", 0.6),
    ("film_coproduction", "investment_offer", 0.6),
    ("investment_offer", "business_request", 0.3),
    ("investment_request", "business_offer", 0.3),
    ("partnership", "business_offer", 0.3),
    ("partnership", "business_request", 0.3),
    ("partnership", "technology_offer", 0.3),
    ("partnership", "technology_request", 0.3),
    ("distribution", "local_content", 0.3),
]


@pytest.mark.parametrize(("a", "b", "strength"), REVIEWED)
def test_every_reviewed_pair_holds_both_ways_with_a_reason(a, b, strength):
    assert type_strength(a, b) == type_strength(b, a) == strength
    assert len(why(a, b)) > 10 and why(a, b) == why(b, a)
    assert best_pair([a], [b]) == (a, b, strength)


def test_the_table_is_exactly_the_reviewed_one():
    listed = {frozenset((a, b)): s for a, b, s in REVIEWED}
    assert {frozenset(pair): s for pair, s in COMPLEMENTS.items()} == listed
    assert set(COMPLEMENT_TABLE) == set(COMPLEMENTS)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("business_offer", "business_offer"),
        ("business_request", "business_request"),
        ("technology_request", "technology_request"),
        ("investment_request", "investment_request"),
        ("tourism", "technology_request"),
        ("film_coproduction", "business_request"),
    ],
)
def test_pairs_left_out_do_not_complement(a, b):
    assert type_strength(a, b) == 0.0 and why(a, b) == ""
