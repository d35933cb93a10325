"""Limits: an over-long body is cut at a paragraph boundary with a warning; long paragraphs go to spaCy in pieces."""

from __future__ import annotations

from newsprism.limits import bounded_article, chunks, cut_text
from newsprism.records import Article

PARA = "The ferry to Lunde Island ran late on Friday because of fog, the harbour office said."


def test_short_text_is_kept_whole() -> None:
    assert cut_text(PARA, 1000) is PARA
    assert bounded_article(Article(id="a", text=PARA), 1000) == (Article(id="a", text=PARA), None)


def test_cut_ends_at_the_last_paragraph_break_within_the_limit() -> None:
    text = "\n\n".join(f"{k}. {PARA}" for k in range(40))
    cut = cut_text(text, 1000)
    assert len(cut) <= 1000 and text.startswith(cut)
    assert text[len(cut):].startswith("\n\n")  # the next paragraph starts right after the cut
    assert cut.endswith("said.")


def test_one_line_text_is_cut_at_a_sentence_end_then_at_a_space() -> None:
    line = " ".join([PARA] * 50)
    cut = cut_text(line, 1000)
    assert len(cut) <= 1000 and line.startswith(cut) and cut.endswith("said.")
    words = " ".join(["fog"] * 1000)
    cut = cut_text(words, 999)
    assert cut.endswith("fog") and len(cut) <= 999
    assert cut_text("x" * 5000, 1000) == "x" * 1000  # no boundary at all: a hard cut at the limit


def test_bounded_article_says_how_long_it_was_and_how_to_raise_the_limit() -> None:
    text = "\n\n".join([PARA] * 100)
    article, note = bounded_article(Article(id="a", text=text, raw_text=text), 2000)
    assert len(article.text) <= 2000 and article.raw_text == text
    assert note is not None and f"{len(text):,}" in note and "max_article_chars" in note


def test_chunks_join_back_exactly_and_respect_the_limit() -> None:
    para = " ".join([PARA] * 300)  # about 26,000 characters, one paragraph
    pieces = list(chunks(para, 5000))
    assert "".join(pieces) == para
    assert len(pieces) > 5 and all(len(p) <= 5000 for p in pieces)
    assert all(p.endswith("said. ") for p in pieces[:-1])  # each ends at a sentence end
    assert list(chunks("x" * 12_000, 5000)) == ["x" * 5000, "x" * 5000, "x" * 2000]
    assert list(chunks(PARA, 5000)) == [PARA]
