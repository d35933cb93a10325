"""A long article's claim propositions are read a window at a time, the same as from the whole Doc."""

from __future__ import annotations

import pytest

import newsprism.extract as extract
from newsprism.compare.align import propositions_in
from newsprism.extract.claims import extract_claims
from newsprism.records import Article
from newsprism.resources import Resources

TEXT = "\n\n".join([
    "The Tarnholm council closed the Ketter bridge on Monday after engineers found cracks in two piers.",
    "City engineer Ilse Brandvik said the bridge would stay closed for at least three weeks.",
    "Two council officials said repairs could cost 40 million crowns, according to the Tarnholm Courier.",
    "The ferry operator Nordlys denied that it had raised fares because of the closure.",
    "Mayor Oskar Lind told reporters that buses would run every ten minutes across the river.",
    "Shopkeepers in the old town said trade had fallen by half since the bridge was shut.",
])


def test_windows_give_the_propositions_of_the_whole_doc(resources: Resources, monkeypatch: pytest.MonkeyPatch) -> None:
    article = Article(id="a1", text=TEXT, language="en")
    doc = resources.nlp(TEXT)
    claims = extract_claims(article, doc)
    assert len(claims) >= 5
    whole = propositions_in(doc, claims)
    monkeypatch.setattr(extract, "PROPOSITION_WINDOW", 40)  # two sentences or so per window
    assert len(doc) > 2 * 40
    assert extract._propositions(doc, claims) == whole
