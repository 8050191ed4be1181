"""The labelled set: broker picks for 68 organisations written in English, Russian and Kazakh.

Vectors come from tests/data/matching_eval_vectors.npz (embedding 140 texts takes ~8 s); a spot
check embeds two texts afresh so a stale file cannot pass. Regenerate the file with
`python -m twinning.matching.evaluation tests/data/matching_eval.json
tests/data/matching_eval_vectors.npz`.
"""

import re
from pathlib import Path

import numpy as np
import pytest

from twinning.matching import embeddings
from twinning.matching.engine import build, ranked
from twinning.matching.evaluation import MODES, evaluate, evaluate_modes
from twinning.matching.explain import matches

pytestmark = pytest.mark.unit

DATA = Path(__file__).parent.parent / "data"
LEEDS, KOSTANAY = "leeds-meat-machinery", "kostanay-meat-plant"


@pytest.fixture(scope="module")
def figures(labelled, vectors):
    return evaluate_modes(labelled, vectors)


def language(text: str) -> str:
    if re.search(r"[әғқңөұүһі]", text, re.IGNORECASE):
        return "kk"
    return "ru" if re.search(r"[а-яё]", text, re.IGNORECASE) else "en"


def test_set_is_large_trilingual_and_symmetric(labelled):
    assert len(labelled.profiles) >= 60
    by_id = {p.id: p for p in labelled.profiles}
    assert {language(t) for t in labelled.texts} == {"en", "ru", "kk"}
    for org_id, partners in labelled.partners.items():
        for partner in partners:
            assert org_id in labelled.partners[partner]
            assert by_id[partner].side != by_id[org_id].side


def test_cached_vectors_are_what_the_model_gives_today(labelled, vectors):
    by_id = {p.id: p for p in labelled.profiles}
    texts = [by_id[LEEDS].opportunities[0].text, by_id[KOSTANAY].opportunities[0].text]
    fresh = embeddings.embed(texts)
    for key, vector in fresh.items():
        assert float(vector @ vectors[key]) > 0.999


def test_russian_request_and_english_offer_find_each_other_first(labelled, vectors):
    by_id = {p.id: p for p in labelled.profiles}
    assert language(by_id[KOSTANAY].opportunities[0].text) == "ru"
    assert language(by_id[LEEDS].opportunities[0].text) == "en"
    index = build(labelled.profiles, vectors=vectors)
    assert ranked(index, LEEDS)[0].candidate == KOSTANAY
    assert ranked(index, KOSTANAY)[0].candidate == LEEDS
    reasons = {r.kind: r.as_dict() for r in matches(index, KOSTANAY)[0].reasons}
    assert (reasons["types"]["mine"], reasons["types"]["theirs"]) == (
        "business_request",
        "business_offer",
    )
    assert (reasons["chain"]["mine"], reasons["chain"]["theirs"]) == ("10.11", "28.93")
    assert reasons["text"]["mine"] == "Ищем оборудование для переработки мяса"


def test_blend_clears_its_floor(figures):
    assert figures["blend"].recall_at_10 >= 0.95
    assert figures["blend"].mrr >= 0.80
    assert figures["blend"].viewers >= 60


def test_blend_beats_nace_alone_and_text_alone(figures):
    for single in ("nace", "text"):
        assert figures["blend"].recall_at_10 > figures[single].recall_at_10
        assert figures["blend"].mrr > figures[single].mrr


def test_ties_are_scored_as_expectations(labelled, vectors):
    """NACE fit alone ties a lot; its metrics must not depend on the order of the file."""
    reordered = type(labelled)(
        list(reversed(labelled.profiles)), labelled.partners, labelled.languages
    )
    a, b = evaluate(labelled, vectors, MODES["nace"]), evaluate(reordered, vectors, MODES["nace"])
    assert np.isclose(a.recall_at_10, b.recall_at_10) and np.isclose(a.mrr, b.mrr)
