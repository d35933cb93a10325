"""Outlets cited, anonymity counts and the citation graph (texts written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from tests.extract.conftest import make_article

from newsprism.extract import Extraction
from newsprism.extract.sources import anonymity_counts, citation_graph
from newsprism.records import Citation, Quote, Story

Run = Callable[..., Extraction]


def _cited(ex: Extraction) -> dict[str, str]:
    return {c.outlet: c.kind for c in ex.citations}


def test_outlets_cited_in_each_construction(extract: Run) -> None:
    text = ("The Kessrin dam is leaking, The Washington Post reported on Tuesday. "
            "Engineers had warned of cracks in 2019, according to Reuters. "
            "Regional governor Ada Moreau told CNN that repairs would start soon. "
            "AFP was unable to verify the figures. "
            "She later repeated the claim to the local TV channel Kessrin-24.")
    ex = extract(make_article(text, outlet="Il Corriere di Prova"))
    cited = _cited(ex)
    assert cited.get("The Washington Post") == "reported"
    assert cited.get("Reuters") == "according_to"
    assert cited.get("CNN") == "told"
    assert cited.get("AFP") == "unable_to_verify"


def test_named_newspaper_outside_the_registry_and_misspelling(extract: Run) -> None:
    text = ("The drought will last until autumn, according to the regional newspaper Valdoria Herald. "
            "Farmers are selling cattle early, the Wahsington Post reported.")
    cited = _cited(extract(make_article(text)))
    assert "Valdoria Herald" in cited
    assert "The Washington Post" in cited


def test_citing_people_is_not_an_outlet_and_own_outlet_is_not_cited(extract: Run) -> None:
    text = ("Officials in Brasova are preparing an evacuation, Reuters reported, citing two local officials. "
            "Reuters could not reach the mayor for comment.")
    ex = extract(make_article(text, outlet="Reuters"))
    assert ex.citations == ()
    other = extract(make_article(text, outlet="Kessrin Daily"))
    assert {c.outlet for c in other.citations} == {"Reuters"}
    q = next(q for q in other.quotes if "preparing an evacuation" in q.text)
    assert q.anonymous and q.via == "Reuters" and q.speaker and "officials" in q.speaker


def test_the_newspaper_after_a_named_outlet(extract: Run) -> None:
    text = ("The Guardian published the report on Monday. "
            "Three unnamed diplomats told the newspaper that talks had stalled.")
    ex = extract(make_article(text))
    q = next(q for q in ex.quotes if "talks had stalled" in q.text)
    assert q.via == "The Guardian" and q.anonymous
    assert "The Guardian" in _cited(ex)


def test_citation_graph_and_anonymity_counts() -> None:
    from newsprism.records import Article

    a = Article(id="a1", text="x", outlet="Kessrin Daily")
    b = Article(id="a2", text="y", outlet="Brasova Times")
    cites = [Citation(article_id="a1", outlet="Reuters", text="according to Reuters"),
             Citation(article_id="a2", outlet="Reuters", text="Reuters reported"),
             Citation(article_id="a2", outlet="Kessrin Daily", text="the Kessrin Daily reported")]
    graph = citation_graph([a, b], cites)
    assert {"from": "Brasova Times", "to": "Kessrin Daily", "count": 1} in graph["outlet_to_outlet"]
    assert {"article_id": "a1", "outlet": "Reuters", "count": 1} in graph["article_to_outlet"]
    quotes = [Quote(id="q1", article_id="a1", text="t", anonymous=True),
              Quote(id="q2", article_id="a1", text="u", anonymous=False),
              Quote(id="q3", article_id="a2", text="v", anonymous=True)]
    counts = anonymity_counts(quotes, [Story(id="s1", title="t", article_ids=("a1", "a2"))])
    assert counts["articles"] == {"a1": 1, "a2": 1}
    assert counts["stories"] == {"s1": 2}


def test_an_authority_is_an_institution_and_authorities_stay_unnamed(extract: Run) -> None:
    text = ("The port authority said that the terminal would stay closed until the end of next week. "
            "Local authorities said that the road to the harbour had been cleared.")
    ex = extract(make_article(text))
    one = next(q for q in ex.quotes if "stay closed" in q.text)
    many = next(q for q in ex.quotes if "had been cleared" in q.text)
    assert not one.anonymous and one.speaker and "port authority" in one.speaker
    assert many.anonymous
