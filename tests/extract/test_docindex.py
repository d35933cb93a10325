"""The per-Doc indexes answer exactly what Token.sent, Span.ents and a scan of every interval answered."""

from __future__ import annotations

import random

from newsprism.extract import parse_texts
from newsprism.extract.docindex import DocEnts, Intervals, Sentences
from newsprism.resources import Resources

TEXT = ("Mayor Ana Ruiz of Port Vell said on Monday that the bridge would open in May. "
        "\"We are on time,\" she told the Harbor Ledger. Officials in Lunde disagreed. "
        "The council of Port Vell will vote on Tuesday.")


def test_intervals_agree_with_a_scan() -> None:
    rng = random.Random(7)
    spans = [(s, s + rng.randint(1, 40)) for s in (rng.randint(0, 500) for _ in range(60))]
    idx = Intervals(spans)
    for x in range(-5, 560):
        holders = [k for k, (s, e) in enumerate(spans) if s <= x < e]
        assert idx.covers(x) == bool(holders)
        assert idx.holding(x) == holders
    for a in range(0, 540, 7):
        b = a + rng.randint(1, 30)
        assert idx.overlapping(a, b) == [k for k, (s, e) in enumerate(spans) if s < b and e > a]
    assert not Intervals([]).covers(3) and Intervals([]).holding(3) == []


def test_sentences_and_ents_agree_with_spacy(resources: Resources) -> None:
    doc = parse_texts(resources.nlp, [TEXT])[0]
    sents = Sentences(doc)
    for tok in doc:
        assert sents.of_token(tok.i) == (tok.sent.start_char, tok.sent.end_char)
    ents = DocEnts(doc)
    assert len(doc.ents) >= 2  # the test means something only with entities in the text
    for start in range(0, len(doc), 3):
        span = doc[start:start + 9]
        assert [e.start for e in ents.of(span)] == [e.start for e in span.ents]
