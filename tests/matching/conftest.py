from pathlib import Path

import pytest

from twinning.matching import embeddings
from twinning.matching.evaluation import load

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def labelled():
    """The first labelled set (tests/data/matching_eval.json)."""
    return load(DATA / "matching_eval.json")


@pytest.fixture(scope="module")
def vectors(labelled):
    """Its passage and query vectors, from the file beside it (regenerate with
    `python -m twinning.matching.evaluation`)."""
    cached = embeddings.load(DATA / "matching_eval_vectors.npz")
    assert not embeddings.missing(labelled.texts, cached), "regenerate the vectors file"
    assert not embeddings.missing_queries(labelled.queries, cached), "regenerate the vectors file"
    return cached
