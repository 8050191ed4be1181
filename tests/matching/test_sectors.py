import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twinning.matching.features import SectorTokens, sector_fit_rows
from twinning.matching.sectors import (
    CHAINS,
    LEVELS,
    best_sector_match,
    normalise_code,
    sector_fit,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("28.93", "28.93"),
        ("2893", "28.93"),
        ("10111", "10.11"),
        ("01.4", "01.4"),
        ("59", "59"),
        (" 46.3 ", "46.3"),
        ("28.93/0", "28.93"),
    ],
)
def test_codes_are_normalised(raw, code):
    assert normalise_code(raw) == code


@pytest.mark.parametrize("raw", ["", "A", "2", "28.9x", "123456"])
def test_malformed_codes_are_rejected(raw):
    with pytest.raises(ValueError):
        normalise_code(raw)


def test_levels_rank_class_then_chain_then_group_then_division():
    assert sector_fit(["10.11"], ["10.11"]) == LEVELS["class"] == 1.0
    assert sector_fit(["28.93"], ["10.11"]) == LEVELS["chain"]
    assert sector_fit(["10.11"], ["10.13"]) == LEVELS["group"]
    assert sector_fit(["10.11"], ["10.51"]) == LEVELS["division"]
    assert sector_fit(["10.11"], ["62.01"]) == 0.0
    assert sector_fit(["10.83"], ["10.11"]) == LEVELS["minor"]  # beats their shared division
    assert sector_fit(["79.12"], ["55.10"]) == LEVELS["minor"]
    assert 1.0 > LEVELS["chain"] > LEVELS["group"] > LEVELS["minor"] > LEVELS["division"] > 0


@pytest.mark.parametrize(
    ("a", "b", "level", "buyer", "product", "percent"),
    [
        ("01.42", "10.11", "chain", "10-1", "01", 34.8),
        ("35.11", "27.11", "minor", "35-1", "27", 2.7),
        ("05.10", "28.92", "chain", "05", "28", 11.6),
        ("85.42", "72.19", "chain", "72", "85", 9.1),
        ("79.12", "55.10", "minor", "79", "55", 2.0),
        ("10.91", "01.11", "chain", "01", "10-9", 18.4),
        ("75.00", "01.42", "chain", "01", "75", 1.1),  # farms take half of vets' sales
    ],
)
def test_supply_links_where_the_tables_speak_quote_their_flow(a, b, level, buyer, product, percent):
    forward, backward = best_sector_match([a], [b]), best_sector_match([b], [a])
    assert forward is not None and backward is not None
    assert forward.level == level and forward.chain == ""
    assert (forward.flow.buyer, forward.flow.product, forward.flow.percent) == (
        buyer,
        product,
        percent,
    )
    assert (backward.mine, backward.theirs, backward.flow) == (b, a, forward.flow)
    assert forward.mine_buys != backward.mine_buys


@pytest.mark.parametrize(
    ("a", "b", "chain"),
    [
        ("10.11", "28.93", "meat"),  # machinery is investment: the tables cannot see its buyers
        ("28.93", "10.13", "meat"),
        ("10.11", "46.32", "meat"),  # wholesale: goods for resale are not in the tables
        ("01.45", "46.33", "dairy"),
        ("46.32", "10.11", "meat"),
        ("59.11", "77.39", "film"),
        ("59.11", "79.11", "film"),
        ("59.11", "55.10", "film"),
        ("09.10", "28.14", "oil_gas"),
        ("64.19", "62.01", "finance"),
        ("01.11", "28.30", "grain"),
        ("41.10", "71.11", "construction"),
    ],
)
def test_judgement_links_only_where_the_tables_are_silent(a, b, chain):
    forward, backward = best_sector_match([a], [b]), best_sector_match([b], [a])
    assert forward is not None and backward is not None
    assert (forward.level, forward.chain, forward.flow) == ("chain", chain, None)
    assert (backward.level, backward.mine, backward.theirs) == ("chain", b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("46.32", "01.11"),  # a meat wholesaler and a wheat grower: no chain links them
        ("28.93", "01.41"),  # food machinery serves processors, not dairy farms
        ("28.93", "01.11"),  # nor cereal growers
        ("28.93", "46.32"),  # nor meat wholesalers
        ("01.11", "52.10"),  # judgement said storage; the tables show no material flow
        ("55.10", "56.10"),
        ("21.20", "32.50"),
    ],
)
def test_no_link_is_claimed_where_neither_data_nor_judgement_shows_one(a, b):
    match = best_sector_match([a], [b])
    assert match is None or match.level != "chain"


def test_best_match_names_the_codes_that_matched():
    match = best_sector_match(["62.01", "28.93"], ["85.42", "10.13"])
    assert (match.level, match.mine, match.theirs, match.chain) == (
        "chain",
        "28.93",
        "10.13",
        "meat",
    )
    assert match.mine_stage == "food-processing machinery"
    assert match.theirs_stage == "meat processing"


def test_chain_prefixes_are_nace_codes_and_stages_are_distinct():
    for chain in CHAINS:
        labels = [s.label for s in chain.stages]
        assert len(labels) == len(set(labels)), chain.slug
        for stage in chain.stages:
            for prefix in stage.prefixes:
                assert normalise_code(prefix) == prefix


SAMPLE_CODES = [
    "01.11",
    "01.42",
    "01.45",
    "05.10",
    "10.11",
    "10.13",
    "10.51",
    "10.82",
    "13.10",
    "24.10",
    "25.62",
    "28.30",
    "28.92",
    "28.93",
    "35.11",
    "46.21",
    "46.32",
    "46.39",
    "52.10",
    "55.10",
    "59.11",
    "62.01",
    "62.02",
    "64.19",
    "77.39",
    "79.11",
    "85.42",
    "01.4",
    "10.91",
    "20.15",
    "21.20",
    "32.50",
    "86.10",
    "49.41",
    "09.10",
    "06.10",
    "46.33",
    "56.10",
    "10.1",
    "59",
]
code_sets = st.lists(st.sampled_from(SAMPLE_CODES), min_size=0, max_size=4, unique=True)


@settings(max_examples=150, deadline=None)
@given(mine=code_sets, theirs=code_sets)
def test_vectorised_sector_fit_equals_the_readable_one(mine, theirs):
    tokens = SectorTokens()
    rows, cols = tokens.rows([mine]), tokens.rows([theirs])
    assert sector_fit_rows(rows, cols, tokens.fit)[0, 0] == np.float32(sector_fit(mine, theirs))


def test_vectorised_sector_fit_for_a_whole_block():
    rows = [["28.93"], ["10.11", "62.01"], ["59.11"], []]
    cols = [["10.13"], ["10.11"], ["55.10"], ["85.42"]]
    tokens = SectorTokens()
    got = sector_fit_rows(tokens.rows(rows), tokens.rows(cols), tokens.fit)
    expected = [[sector_fit(r, c) for c in cols] for r in rows]
    assert np.array_equal(got, np.array(expected, np.float32))
    assert list(itertools.chain(*expected)).count(1.0) == 1


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(code_sets, min_size=1, max_size=5),
    cols=st.lists(code_sets, min_size=1, max_size=7),
)
def test_vectorised_sector_fit_with_uneven_code_counts(rows, cols):
    """Candidates with more codes than others are gathered column by column (a few, or all)."""
    tokens = SectorTokens()
    got = sector_fit_rows(tokens.rows(rows), tokens.rows(cols), tokens.fit, 0.5)
    expected = [[0.5 * sector_fit(r, c) for c in cols] for r in rows]
    assert np.array_equal(got, np.array(expected, np.float32))
