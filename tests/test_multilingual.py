"""A story with members in several languages carries its other-language sentences into the English sentence space;
an English-only story keeps its Resources (and vectors) exactly."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from newsprism.multilingual import MultilingualResources, story_resources
from newsprism.records import Article
from newsprism.resources import Resources

EN = Article(id="en", language="en", text=(
    "The town of Orvalla closed the Kessin Bridge on Tuesday after engineers found cracks in its steel supports.\n\n"
    "The Castelmar Rovers football club sacked its coach after five straight defeats."))
DE = Article(id="de", language="de", text=(
    "Die Stadt Orvalla hat die Kessin-Brücke am Dienstag gesperrt, nachdem Ingenieure Risse in den Stahlstützen "
    "gefunden hatten."))


def test_english_only_and_other_language_only_stories_keep_their_resources(resources: Resources) -> None:
    assert story_resources(resources, [EN]) is resources
    assert story_resources(resources, [DE]) is resources
    assert isinstance(story_resources(resources, [EN, DE]), MultilingualResources)


def test_a_german_sentence_lands_near_the_english_sentence_that_says_the_same(resources: Resources) -> None:
    view = story_resources(resources, [EN, DE])
    bridge, club = EN.text.split("\n\n")
    vecs = view.embed([DE.text, bridge, club])
    assert float(vecs[0] @ vecs[1]) > 0.7 > float(vecs[0] @ vecs[2])
    # English texts get exactly the vectors the plain Resources give them
    assert np.allclose(vecs[1:], resources.embed([bridge, club]))


def test_a_row_reads_in_the_language_most_of_its_sources_use() -> None:
    from newsprism.multilingual import in_majority_language
    from newsprism.records import ClaimGroup, ClaimSource

    en2 = Article(id="en2", language="en", text="")
    german = "Die Stadt hat die Brücke gesperrt."
    row = ClaimGroup(id="g", text=german, status="corroborated", sources=(
        ClaimSource(article_id="de", outlet="Rundschau", stance="reports", text=german),
        ClaimSource(article_id="en", outlet="Ledger", stance="reports", text="The town closed the bridge."),
        ClaimSource(article_id="en2", outlet="Courier", stance="attributes", text="The bridge was closed, it said.")))
    (out,) = in_majority_language([row], [EN, DE, en2])
    assert out.text == "The town closed the bridge." and out.sources == row.sources
    tie = replace(row, sources=row.sources[:2])  # one source in each language: the row keeps its wording
    assert in_majority_language([tie], [EN, DE, en2]) == [tie]


def test_a_sentence_no_english_sentence_tells_is_not_carried_onto_one(resources: Resources) -> None:
    # the German article's last sentences (a fire in a bakery, a council vote) have no English counterpart:
    # carried by retrieval alone each would take the vector of whatever English sentence is least far, and join
    # that sentence's row; left as MiniLM reads them they would be near each other just for being German
    fire = "In einer Bäckerei am Marktplatz brach in der Nacht ein Feuer aus, verletzt wurde niemand."
    vote = "Der Gemeinderat stimmte am Donnerstag mit knapper Mehrheit für einen neuen Haushalt der Schulen."
    de = replace(DE, text=DE.text + "\n\n" + fire + " " + vote)
    view = story_resources(resources, [EN, de])
    bridge, club = EN.text.split("\n\n")
    vecs = view.embed([fire, bridge, club, DE.text, vote])
    assert max(float(vecs[0] @ vecs[1]), float(vecs[0] @ vecs[2])) < 0.5
    assert float(vecs[3] @ vecs[1]) > 0.7  # the sentence that has one still lands on it
    plain = resources.embed([fire, vote])
    assert float(plain[0] @ plain[1]) > 0.4  # MiniLM reads the two German sentences as near
    assert float(vecs[0] @ vecs[4]) < 0.3  # carried, they are not
