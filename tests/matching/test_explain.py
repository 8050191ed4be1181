"""Reasons that hold up: wording only when it is close, the best-fitting opportunity named."""

import dataclasses

import pytest

from twinning.matching.engine import build
from twinning.matching.explain import explain

pytestmark = pytest.mark.unit

LEEDS, KOSTANAY = "leeds-meat-machinery", "kostanay-meat-plant"


@pytest.fixture(scope="module")
def index(labelled, vectors):
    return build(labelled.profiles, vectors=vectors)


def test_wording_is_named_for_the_matching_texts(index):
    reasons = {r.kind: r.params for r in explain(index, KOSTANAY, LEEDS).reasons}
    assert reasons["text"]["mine"] == "Ищем оборудование для переработки мяса"


def test_wording_is_not_claimed_between_meat_machines_and_farm_machinery(index):
    kinds = [r.kind for r in explain(index, LEEDS, "kostanay-agri-dealer").reasons]
    assert "types" in kinds and "text" not in kinds


def test_the_type_reason_names_the_best_fitting_offer_not_the_first(labelled, vectors):
    by_id = {p.id: p for p in labelled.profiles}
    leeds = by_id[LEEDS]
    biscuits = next(
        o for o in by_id["yorkshire-tea-biscuits"].opportunities if o.type == "business_offer"
    )
    # The biscuit offer comes first; the meat plant's request is for the machines.
    both = dataclasses.replace(leeds, opportunities=(biscuits, *leeds.opportunities))
    profiles = [both if p.id == LEEDS else p for p in labelled.profiles]
    found = explain(build(profiles, vectors=vectors), KOSTANAY, LEEDS)
    types = next(r for r in found.reasons if r.kind == "types").params
    assert types["theirs_opportunity"] == leeds.opportunities[0].id
