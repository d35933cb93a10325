from __future__ import annotations

import numpy as np
import pytest

from newsprism.errors import ModelMissingError
from newsprism.resources import Resources, load_spacy
from newsprism.settings import Settings


def test_embeddings_are_unit_vectors_and_sentences_are_encoded_once(resources: Resources) -> None:
    small = Resources(Settings(embed_cache_size=2))
    small._embedder = resources.embedder  # share the loaded model  # noqa: SLF001
    calls: list[int] = []
    encode = small._encode  # noqa: SLF001

    def counting(texts: list[str], max_tokens: int | None = None) -> np.ndarray:
        calls.append(len(texts))
        return encode(texts, max_tokens)

    small._encode = counting  # type: ignore[method-assign]  # noqa: SLF001
    vecs = small.embed(["The ferry ran late.", "Kell Island is cold.", "The ferry ran late."])
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(vecs[0], vecs[2])
    assert calls == [2]  # the repeated sentence was encoded once
    small.embed(["Kell Island is cold."])
    assert calls == [2]  # cached
    small.embed(["A", "B"])  # the bound (2) pushes the oldest out
    small.embed(["The ferry ran late."])
    assert calls == [2, 2, 1]


def test_a_token_limit_reads_only_the_start_of_a_text_and_leaves_the_model_as_it_was(
        resources: Resources) -> None:
    model = resources.embedder
    limit = model.max_seq_length
    start = "The harbour authority of Velmora closed the north quay after cracks were found in the pier. "
    tails = ["Fishermen moved their boats to the south basin for the winter. " * 12,
             "A jazz festival in the old town drew record crowds and late trams. " * 12]
    short = resources.embed([start + t for t in tails], max_tokens=12)
    assert np.allclose(short[0], short[1], atol=1e-5)  # only the shared start was read
    assert model.max_seq_length == limit
    full = resources.embed([start + t for t in tails])
    assert float(full[0] @ full[1]) < 0.99  # without the limit the different tails count
    assert not np.allclose(short[0], full[0], atol=1e-3)  # and a limited vector is not cached as the full one


def test_callers_in_threads_each_get_their_own_token_limit(resources: Resources) -> None:
    from concurrent.futures import ThreadPoolExecutor

    text = ("The harbour authority of Velmora closed the north quay after cracks were found in the pier. "
            + "Fishermen moved their boats to the south basin for the winter. " * 20)
    want = {12: resources._encode([text], 12)[0], None: resources._encode([text])[0]}  # noqa: SLF001
    limits = [12, None] * 6
    with ThreadPoolExecutor(max_workers=2) as pool:
        got = list(pool.map(lambda m: resources._encode([text], m)[0], limits))  # noqa: SLF001
    assert all(np.allclose(g, want[m], atol=1e-5) for g, m in zip(got, limits, strict=True))
    assert resources.embedder.max_seq_length == 256


def test_memo_computes_once_per_key(resources: Resources) -> None:
    seen: list[str] = []
    for _ in range(3):
        resources.memo("test", "k", lambda: seen.append("x") or 42)
    assert seen == ["x"]


def test_memo_is_bounded_and_keeps_the_recently_used(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsprism.resources as module

    monkeypatch.setattr(module, "MEMO_ENTRIES", 3)
    memo = Resources()
    made: list[str] = []
    for key in ("a", "b", "c", "a", "d"):  # "a" used again, so "b" is the oldest when "d" comes
        memo.memo("n", key, lambda k=key: made.append(k) or k)
    memo.memo("n", "a", lambda: made.append("a again") or "a")
    memo.memo("n", "b", lambda: made.append("b again") or "b")
    assert made == ["a", "b", "c", "d", "b again"]


def test_missing_spacy_model_names_the_package() -> None:
    with pytest.raises(ModelMissingError, match="pip install no-such-model"):
        load_spacy("no_such_model")

