"""Parsing: one Doc per text, in order, whatever the paragraphs; one pipe whether one process or two."""

from __future__ import annotations

from typing import Any

from newsprism.extract import parse_stream, parse_texts
from newsprism.resources import Resources

TEXTS = [
    "Harbour master Edda Lunn said the quay would reopen on Monday.\n\nShips waited offshore.",
    "",  # no paragraph at all
    "   ",
    "  Leading spaces, then a line.\nA second line without a blank one.",
    "One paragraph only, said the mayor of Velmora.",
    "",
    "Trailing blank lines follow.\n\n\n",
]


def _summary(doc: Any) -> tuple[str, list[str], list[tuple[str, str]]]:
    return doc.text, [s.text for s in doc.sents] if len(doc) else [], [(t.text, t.dep_) for t in doc]


def test_each_text_gives_its_own_doc_in_order_with_its_exact_text(resources: Resources) -> None:
    docs = list(parse_stream(resources.nlp, iter(TEXTS)))
    assert [d.text for d in docs] == TEXTS
    sents = [s.text.strip() for s in docs[0].sents]
    assert "Ships waited offshore." in sents  # the paragraph break ends a sentence
    assert all("\n" not in s for s in sents)


def test_the_stream_reads_texts_lazily(resources: Resources) -> None:
    seen: list[int] = []

    def texts() -> Any:
        for i in range(200):
            seen.append(i)
            yield f"Report {i}: the council met and the mayor spoke."

    stream = parse_stream(resources.nlp, texts(), batch_size=4)
    first = next(stream)
    assert first.text.startswith("Report 0:")
    assert len(seen) < 200  # not the whole input read to give the first Doc


def test_two_processes_parse_exactly_as_one(resources: Resources) -> None:
    texts = TEXTS * 3 + [f"Minister Ada Roe said on day {i} that the ferry would run.\n\nIt did." for i in range(40)]
    one = [_summary(d) for d in parse_texts(resources.nlp, texts, batch_size=8)]
    two = [_summary(d) for d in parse_stream(resources.nlp, texts, batch_size=8, n_process=2)]
    assert two == one


def test_a_dateline_is_not_part_of_the_first_sentence(resources: Resources) -> None:
    text = ("PORT ALVER, Est. (Nordwire) — The harbour authority denied on Friday a report that the quay would "
            "close.\n\nVELMORA — Ships waited offshore.")
    doc = parse_texts(resources.nlp, [text])[0]
    assert doc.text == text  # offsets still point into the article
    sents = [s.text.strip() for s in doc.sents]
    assert "The harbour authority denied on Friday a report that the quay would close." in sents
    assert "Ships waited offshore." in sents
    first = next(s for s in doc.sents if s.text.startswith("The harbour"))
    assert first.root.lemma_ == "deny"  # not the place name
    two = parse_texts(resources.nlp, ["ESK/VELMORA (Nordwire) - Ferries resumed on Monday."])[0]
    assert [s.text.strip() for s in two.sents][-1] == "Ferries resumed on Monday."


def test_capitals_before_a_dash_inside_a_sentence_are_no_dateline(resources: Resources) -> None:
    for text in ("NATO — the alliance of thirty states — met on Monday.", "ABC - news from the coast."):
        doc = parse_texts(resources.nlp, [text])[0]
        assert len(list(doc.sents)) == 1, text
