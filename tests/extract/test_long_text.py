"""Over-long articles and paragraphs: never parsed whole, never spaCy's E088, cut with a warning row."""

from __future__ import annotations

from dataclasses import replace

from newsprism.extract import parse_stream
from newsprism.pipeline import extract_corpus
from newsprism.records import Article, FailurePolicy, article_id_for
from newsprism.resources import Resources
from newsprism.settings import Settings

SENTENCE = "Mayor Ana Ruiz said the Lunde bridge would reopen in May, the Harbor Ledger reported. "


def test_a_paragraph_past_nlp_max_length_is_parsed_in_pieces(resources: Resources) -> None:
    nlp = resources.nlp
    text = SENTENCE * 40  # about 3,500 characters on one line
    before = nlp.max_length
    nlp.max_length = 1000  # spaCy would raise E088 on the whole paragraph
    try:
        (doc,) = list(parse_stream(nlp, [text]))
    finally:
        nlp.max_length = before
    assert doc.text == text  # offsets into the doc are offsets into the article
    assert sum(1 for _ in doc.sents) >= 40


def test_an_over_long_stored_article_is_cut_for_parsing_with_a_warning(resources: Resources) -> None:
    text = "\n\n".join([SENTENCE * 3] * 12)
    article = Article(id=article_id_for(text), source_path="in/long.txt", text=text, raw_text=text)
    settings = replace(Settings(), max_article_chars=1000)
    policy = FailurePolicy()
    found = extract_corpus([article], resources=resources, settings=settings, policy=policy,
                           progress=lambda *_: None)
    (row,) = policy.failures
    assert (row.severity, row.stage, row.source_path) == ("warning", "extract", "in/long.txt")
    assert "max_article_chars (1,000)" in row.error
    assert found.quotes or found.claims  # the kept part is still analysed
    assert all(q.end <= 1000 for q in found.quotes)
