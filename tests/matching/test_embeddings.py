import numpy as np
import pytest

from twinning.matching import embeddings
from twinning.matching.embeddings import MODEL_VERSION, missing, text_key

pytestmark = pytest.mark.unit


def test_text_key_ignores_spacing_and_unicode_form():
    assert text_key("Ищем  оборудование\n") == text_key("Ищем оборудование")
    assert text_key("caf\u00e9") == text_key("cafe\u0301")
    assert text_key("meat") != text_key("Meat")
    assert len(text_key("x")) == 64


def test_missing_lists_each_unknown_text_once():
    known = {text_key("known"): np.zeros(384, np.float32)}
    assert missing(["known", "new", "new ", "other"], known) == ["new", "other"]


def test_vectors_round_trip_and_other_model_versions_are_ignored(tmp_path):
    vectors = {text_key("a"): np.ones(384, np.float32), text_key("b"): np.zeros(384, np.float32)}
    path = tmp_path / "v.npz"
    embeddings.save(path, vectors)
    loaded = embeddings.load(path)
    assert loaded.keys() == vectors.keys()
    assert all(np.array_equal(loaded[k], vectors[k]) for k in vectors)
    older = tmp_path / "older.npz"
    np.savez(
        older,
        keys=np.array(["k"]),
        vectors=np.ones((1, 384), np.float32),
        model_version=MODEL_VERSION + "-older",
    )
    assert embeddings.load(older) == {}


def test_embed_returns_normalised_vectors_by_key():
    texts = ["Meat-processing equipment", "Оборудование для переработки мяса"]
    out = embeddings.embed(texts)
    assert set(out) == {text_key(t) for t in texts}
    for v in out.values():
        assert v.shape == (384,) and v.dtype == np.float32
        assert abs(float(np.linalg.norm(v)) - 1.0) < 1e-3
