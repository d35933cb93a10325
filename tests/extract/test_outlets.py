"""Outlets a corpus names: its own outlets and misspellings of them, names that read as outlets, and short forms
(texts and outlets invented for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.conftest import make_article

from newsprism.extract import Extraction
from newsprism.extract.outlets import CorpusOutlets, looks_like_outlet
from newsprism.outlets import OutletRegistry
from newsprism.records import Removed

Run = Callable[..., Extraction]


@pytest.mark.parametrize(("name", "expected"), [
    ("Valdoria Herald", True), ("Kessrin Wire Service", True), ("Brasova News Agency", True), ("Drast TV", True),
    ("The Tollmere Courier", True), ("Kessrin-24", True),
    ("Gazette", False), ("Kessrin Fire Service", False), ("International Grain Agency", False),
    ("Brasova Commercial Bank", False),
])
def test_looks_like_outlet(name: str, expected: bool) -> None:
    assert looks_like_outlet(name) is expected


def test_corpus_outlets_merge_spellings_and_map_misspellings() -> None:
    registry = OutletRegistry.load()
    names = ["The Tollmere Ledger", "The Tollmere Ledger", "The Tolmere Ledger", "Kessrin Wire – Top News", None,
             "Reuters"]
    outlets = CorpusOutlets.of(registry, names)
    assert outlets.names == ("The Tollmere Ledger", "Kessrin Wire")
    assert outlets.canonical("Tollmere Ledgr") == "The Tollmere Ledger"
    assert outlets.canonical("the Tolmere Ledger") == "The Tollmere Ledger"
    assert outlets.canonical("Kessrin Wire – Top News") == "Kessrin Wire"
    assert outlets.canonical("Reuters") == "Reuters"
    assert outlets.canonical("Varnholt Bank") is None
    assert outlets.short_form("Ledger") == "The Tollmere Ledger"


def test_outlets_outside_the_registry_cited_by_construction(extract: Run) -> None:
    origin = make_article("Velmora has asked for grain. Officials in both capitals confirmed the talks.",
                          outlet="The Tollmere Ledger")
    relay = make_article(
        "Velmora has asked its neighbour for grain, The Tollmere Ledger reported on Monday. "
        "Prices fell sharply on Tuesday, according to Kessrin Wire Service. "
        "The Tolmere Ledgr said the talks would go on.\n\n"
        "\"They came with a long list,\" an unnamed official was quoted as saying.\n\n"
        "The Brasova Gazette could not verify the figures.",
        outlet="Osterby Bugle")
    ex = extract(origin, relay)
    cited = {c.outlet: c.kind for c in ex.citations if c.article_id == relay.id}
    assert cited.get("The Tollmere Ledger") == "reported"
    assert cited.get("Kessrin Wire Service") == "according_to"
    assert cited.get("Brasova Gazette") == "unable_to_verify"
    q = next(q for q in ex.quotes if "long list" in q.text)
    assert q.via == "The Tollmere Ledger" and q.anonymous


def test_own_outlet_from_author_bio_and_short_form_is_not_cited(extract: Run) -> None:
    text = ("Twelve barges sank in the storm, the harbour master said.\n\n"
            "The Gazette could not verify that figure. The Harbour Times reported nine.")
    bio = Removed(text="Ruth Okello is the Osterby Gazette's port reporter.", category="author-bio")
    art = make_article(text)
    from dataclasses import replace

    ex = extract(replace(art, removed=(bio,)))
    cited = {c.outlet for c in ex.citations}
    assert cited == {"Harbour Times"}


def test_a_common_noun_is_no_outlet(extract: Run) -> None:
    """"... teenagers at the time who claimed ..." (the parser hangs "who claimed" on "the time"): "the time" is no
    Time magazine, so no outlet is cited and no quote came via one."""
    art = make_article("The Harbour Gazette interviewed three other women who were teenagers at the time who "
                       "claimed Varro pursued them when he was in his 30s, though he did not force them.",
                       outlet="Osterby Bugle")
    ex = extract(art)
    assert not [c for c in ex.citations if c.outlet == "Time"]
    assert all(q.via != "Time" for q in ex.quotes)
    claimed = next(q for q in ex.quotes if "pursued" in q.text)
    assert claimed.speaker == "three other women"  # whom the "who" stands for, past the misparse


def test_a_persons_surname_is_no_outlet(extract: Run) -> None:
    """An article that names Vicente Fox means him by "Fox", not the network."""
    art = make_article("Former Mexican President Vicente Fox said Mexico would not pay for the wall.\n\n"
                       "Ramos' interview with Fox also occurred as the vice president paid a visit to Mexico City.",
                       outlet="Osterby Bugle")
    ex = extract(art)
    assert not [c for c in ex.citations if c.outlet == "Fox News"]
