"""The pipeline's own glue: the first reading of a document wins before any cleaning is spent on a copy."""

from __future__ import annotations

from newsprism.pipeline import FailurePolicy, clean_documents, first_readings
from newsprism.records import RawDocument
from newsprism.settings import Settings

TEXT = ("Kell Island ferry to stop in March\n\nThe Kell Island ferry will stop running in March, harbour "
        "officials said on Monday, after the operator lost its licence.")


def test_a_document_read_again_is_not_cleaned_again() -> None:
    docs = [RawDocument(source_path="a.txt", text=TEXT), RawDocument(source_path="copy.txt", text=TEXT + "\n"),
            RawDocument(source_path="b.txt", text=TEXT.replace("March", "April")),
            RawDocument(source_path="page.html", html="<p>x</p>", format="html"),
            RawDocument(source_path="page2.html", html="<p>x</p>", format="html"),
            RawDocument(source_path="empty.txt", text="  ")]
    seen: set[str] = set()
    kept = first_readings(docs, seen)
    assert [d.source_path for d in kept] == ["a.txt", "b.txt", "page.html", "empty.txt"]
    assert first_readings(docs[:2], seen) == []  # the set carries over to the next batch


def test_clean_documents_with_seen_cleans_each_article_once() -> None:
    policy = FailurePolicy()
    docs = [RawDocument(source_path="a.txt", text=TEXT), RawDocument(source_path="again.txt", text=TEXT)]
    articles = clean_documents(docs, Settings(), policy, seen=set())
    assert [a.source_path for a in articles] == ["a.txt"]
    assert len(clean_documents(docs, Settings(), policy)) == 2  # without the set every document is cleaned


def test_each_sentence_goes_through_the_encoder_once(resources: object) -> None:
    """Sentences are encoded ahead (while spaCy parses); comparison, summary and timeline read the cached vectors."""
    import json
    from collections import Counter
    from pathlib import Path

    from newsprism.pipeline import process_articles
    from newsprism.records import Article
    from newsprism.resources import Resources

    rows = [json.loads(line) for name in ("denial", "numbers")
            for line in (Path(__file__).parent / "data" / "stories" / f"{name}.jsonl").read_text().splitlines()
            if line.strip()]
    articles = [Article(id=r["id"], text=r["text"], outlet=r["outlet"], published=r["published"], title=r["title"])
                for r in rows]
    fresh = Resources(Settings())
    fresh._nlp, fresh._embedder = resources.nlp, resources.embedder  # type: ignore[attr-defined]  # noqa: SLF001
    seen: Counter[str] = Counter()
    passes: list[int] = []
    model = fresh.embedder
    encode = model.encode

    def counting(texts: list[str], *args: object, **kwargs: object) -> object:
        seen.update(texts)
        passes.append(len(texts))
        return encode(texts, *args, **kwargs)

    model.encode = counting
    try:
        result = process_articles(articles, fresh, Settings(), FailurePolicy())
    finally:
        del model.encode
    assert len(result.stories) >= 2 and all(s.summary for s in result.stories)
    assert seen and max(seen.values()) == 1, [t for t, n in seen.items() if n > 1]
    from newsprism.summarize.sentences import split_sentences

    sentences = {s.text for a in articles for s in split_sentences(a.text)}
    assert max(passes) >= len(sentences)  # every sentence went through ahead, in one pass (fewer than a chunk)


def test_a_windowed_update_keeps_stored_links_and_adds_only_links_to_new_articles() -> None:
    from newsprism.pipeline import _keep_links
    from newsprism.records import Article

    stored = {"old1": Article(id="old1", text="t", derived_from=("src",)),
              "old2": Article(id="old2", text="t", duplicate_of="gone")}
    computed = [Article(id="old1", text="t", derived_from=("other-old", "new1")),  # other-old: a window artefact
                Article(id="old2", text="t"),  # its source is outside the window
                Article(id="old3", text="t", duplicate_of="new1"),
                Article(id="new1", text="t", derived_from=("old1",))]
    stored["old3"] = Article(id="old3", text="t")
    out = {a.id: a for a in _keep_links(computed, stored, {"new1"})}
    assert out["old1"].derived_from == ("src", "new1")
    assert out["old2"].duplicate_of == "gone"
    assert out["old3"].duplicate_of == "new1"  # an older text found to copy a new one (dated earlier)
    assert out["new1"] is computed[3]


def test_an_over_long_document_is_cut_in_clean_with_a_warning_row() -> None:
    from dataclasses import replace as _replace

    para = "The ferry to Lunde Island ran late on Friday because of fog, the harbour office said."
    text = "\n\n".join(f"{para} Day {k} of the delays." for k in range(200))
    policy = FailurePolicy()
    (article,) = clean_documents([RawDocument(source_path="in/huge.txt", text=text)],
                                 _replace(Settings(), max_article_chars=3000), policy)
    assert 0 < len(article.text) <= 3000 and article.text.endswith("delays.")
    assert article.raw_text == text  # the input is kept; only the analysed body is cut
    assert [(f.severity, f.stage, f.source_path) for f in policy.failures] == [("warning", "clean", "in/huge.txt")]


def test_sentence_vectors_of_an_earlier_run_are_read_not_encoded(resources: object) -> None:
    """With a vector cache (a store's) and sentences encoded ahead (``encode_ahead``, off by default), a second
    analysis of the same texts encodes none of their sentences."""
    import json
    from pathlib import Path

    import numpy as np

    from newsprism.pipeline import process_articles
    from newsprism.records import Article
    from newsprism.resources import Resources, sentence_key
    from newsprism.summarize.sentences import split_sentences

    class DictVectors:
        def __init__(self) -> None:
            self.kept: dict[str, np.ndarray] = {}

        def load_vectors(self, ids: object) -> dict[str, np.ndarray]:
            return {k: self.kept[k] for k in ids if k in self.kept}  # type: ignore[attr-defined]

        def save_vectors(self, vectors: object) -> None:
            self.kept.update(vectors)  # type: ignore[call-overload]

    rows = [json.loads(line) for line in (Path(__file__).parent / "data" / "stories" / "denial.jsonl")
            .read_text().splitlines() if line.strip()]
    articles = [Article(id=r["id"], text=r["text"], outlet=r["outlet"], published=r["published"], title=r["title"])
                for r in rows]
    sentences = {s.text for a in articles for s in split_sentences(a.text)}
    cache = DictVectors()
    runs = []
    for _ in range(2):
        ahead = Settings(encode_ahead=100_000)
        fresh = Resources(ahead)  # a new process: nothing in memory
        fresh._nlp, fresh._embedder = resources.nlp, resources.embedder  # type: ignore[attr-defined]  # noqa: SLF001
        model = fresh.embedder
        encode = model.encode
        seen: list[str] = []

        def counting(texts: list[str], *args: object, _seen: list[str] = seen, _encode: object = encode,
                     **kwargs: object) -> object:
            _seen.extend(texts)
            return _encode(texts, *args, **kwargs)  # type: ignore[operator]

        model.encode = counting
        try:
            result = process_articles(articles, fresh, ahead, FailurePolicy(), vectors=cache)
        finally:
            del model.encode
        runs.append((result.to_dict(), seen))
    assert {sentence_key(t) for t in sentences} <= set(cache.kept)
    assert sentences & set(runs[0][1]) and not sentences & set(runs[1][1])
    assert runs[0][0] == runs[1][0]
