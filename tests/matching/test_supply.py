"""Supply links from the ONS input-output tables: cells, flows, silence and their reasons."""

import numpy as np
import pytest

from twinning.matching import supply
from twinning.matching.embeddings import DIM, text_key
from twinning.matching.engine import build
from twinning.matching.explain import explain
from twinning.matching.profiles import Opportunity, Profile
from twinning.matching.reasons import render
from twinning.matching.sectors import normalise_code

pytestmark = pytest.mark.unit


def test_every_cell_names_nace_prefixes_and_no_prefix_is_in_two_cells():
    seen: dict[str, str] = {}
    for cell in supply.tables().product_labels:
        for prefix in supply.nace_prefixes(cell):
            assert normalise_code(prefix) == prefix
            assert prefix not in seen, (prefix, cell, seen.get(prefix))
            seen[prefix] = cell


@pytest.mark.parametrize(
    ("code", "cell"),
    [
        ("28.93", "28"),
        ("10.11", "10-1"),
        ("10.2", "10-2-3"),
        ("20.15", "20A"),
        ("20.20", "20C"),
        ("11.05", "11-01-6"),
        ("11.07", "11-07"),
        ("33.12", "33OTHER"),
        ("33.15", "33-15"),
        ("41.20", "41-43"),
        ("49.41", "49-3-5"),
        ("59.11", "59-60"),
        ("01.4", "01"),
        ("10", None),  # eight food cells: no single one
        ("33.1", None),
    ],
)
def test_codes_fall_in_their_cell(code, cell):
    assert supply.io_code(code) == cell


def test_flows_are_read_from_the_table_as_shares_of_the_buyers_inputs():
    tables = supply.tables()
    flow = supply.flow_between("01", "10-1")
    assert (flow.buyer, flow.product) == ("10-1", "01")
    assert flow.share == pytest.approx(
        tables.use[("01", "10-1")] / tables.inputs["10-1"], rel=1e-12
    )
    assert flow.percent == 34.8 and flow.major
    assert supply.flow_between("10-1", "01") == flow


def test_inputs_every_industry_buys_link_nobody():
    # Meat plants spend 3.1% of their inputs on road transport, barely more than the average
    # industry: not a supply chain.
    assert supply.flow_between("10-1", "49-3-5") is None


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("46", "01", "trade (46)"),
        ("28", "10-1", "investment goods (28)"),
        ("28", "28", "one cell (28)"),
        (None, "01", "no single cell"),
        ("01", "10-1", ""),
        ("10-1", "52", ""),
    ],
)
def test_silence_has_a_stated_cause(a, b, why):
    assert supply.silence(a, b) == why
    assert supply.silent(a, b) == bool(why)


def test_machinery_and_construction_are_investment_goods_and_food_is_not():
    assert {"28", "29", "41-43", "62"} <= supply.tables().capital
    assert not {"01", "10-1", "52", "75"} & supply.tables().capital


def test_the_reason_quotes_the_real_figure_and_who_buys():
    farm = Profile(
        "farm",
        "kz",
        nace=("01.42",),
        opportunities=(Opportunity("f/1", "business_offer", "Beef cattle", nace=("01.42",)),),
    )
    plant = Profile(
        "plant",
        "uk",
        nace=("10.11",),
        opportunities=(Opportunity("p/1", "business_request", "Cattle wanted"),),
    )
    vectors = {}
    for i, text in enumerate(t for p in (farm, plant) for t in p.texts):
        v = np.zeros(DIM, np.float32)
        v[i] = 1.0
        vectors[text_key(text)] = v
    index = build([farm, plant], vectors=vectors)
    reasons = {r.kind: r for r in explain(index, "farm", "plant").reasons}
    supply_reason = reasons["supply"].as_dict()
    assert supply_reason["buyer"] == "theirs"
    assert supply_reason["percent"] == 34.8
    assert (supply_reason["buyer_sector"], supply_reason["product_sector"]) == ("10.1", "01")
    assert "34.8%" in render(reasons["supply"])
    assert "chain" not in reasons
