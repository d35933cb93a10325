"""The SQLite store: every record type round-trips, re-ingest adds nothing, analysis replaces atomically."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from newsprism.errors import StoreError
from newsprism.records import (
    AnalysisResult,
    Article,
    Citation,
    Claim,
    ClaimGroup,
    ClaimSource,
    Entity,
    Failure,
    Quote,
    Removed,
    Story,
    SummarySentence,
    TimelineEvent,
    article_id_for,
)
from newsprism.store import SCHEMA_VERSION, Store, fts_query


def _article(text: str, **kw: object) -> Article:
    return Article(id=article_id_for(text), raw_text=text, text=text, **kw)  # type: ignore[arg-type]


def _result() -> AnalysisResult:
    first = _article("Share this\nThe Gorsey reservoir is full, the water board said.", source_path="in/a.txt",
                     source_id="rec-1", url="https://gorsey.example/a", format="html", title="Reservoir full",
                     outlet="Gorsey Gazette", published="2031-03-01", published_inferred=True, language="en",
                     authors=("Nell Ashby", "Piet Moll"),
                     removed=(Removed(text="Share this", category="engagement", start=0, end=10),))
    second = _article("Reservoir full, officials say, according to the Gorsey Gazette.", source_path="in/b.txt",
                      outlet="Moor Radio", duplicate_of=None, derived_from=(first.id,))
    quote = Quote(id="q1", article_id=first.id, text="The reservoir is full", speaker="Nell Ashby",
                  speaker_entity_id="e1", anonymous=False, direct=True, cue="said", via="Moor Radio", start=3, end=24)
    anon = Quote(id="q2", article_id=second.id, text="officials say", anonymous=True)
    citation = Citation(article_id=second.id, outlet="Gorsey Gazette", text="according to the Gorsey Gazette",
                        kind="cites", start=30, end=61)
    entity = Entity(id="e1", name="Nell Ashby", label="PERSON", aliases=("Ashby", "N. Ashby"),
                    article_ids=(first.id, second.id))
    claim = Claim(id="c1", article_id=first.id, text="The Gorsey reservoir is full", attributed_to="water board",
                  anonymous=False, via="Moor Radio", hedged=True, negated=True, numbers=("1", "2.5"), quote_id="q1",
                  start=11, end=40)
    group = ClaimGroup(id="g1", text="The reservoir is full", status="corroborated",
                       sources=(ClaimSource(article_id=first.id, outlet="Gorsey Gazette", stance="reports",
                                            text="is full", attributed_to="water board", claim_id="c1", score=0.75),
                                ClaimSource(article_id=second.id, outlet=None, stance="attributes", text="full"),
                                ClaimSource(article_id=second.id, outlet=None, stance="denies", text="not full",
                                            link="names-claim")),
                       reason="two outlets", first_source=first.id, independent_origins=1,
                       provenance=((first.id, second.id, "cites"),))
    story = Story(id="s1", title="Gorsey reservoir full", article_ids=(first.id, second.id),
                  related_story_ids=("s2",),
                  summary=(SummarySentence(text="The reservoir is full.", citations=(first.id, second.id)),),
                  timeline=(TimelineEvent(date="2031-03-01", text="Full", citations=(first.id,), inferred=True),),
                  claims=(group,))
    other = Story(id="s2", title="Moor road closure", article_ids=(second.id,))
    return AnalysisResult(articles=(first, second), stories=(story, other), quotes=(quote, anon),
                          citations=(citation,), entities=(entity,), claims=(claim,),
                          failures=(Failure(source_path="in/c.bin", stage="ingest", error="binary"),
                                    Failure(source_path=None, stage="story:s9", error="ValueError: x")),
                          stats={"articles": 2, "stories": 2})


def test_every_record_round_trips(fresh_db: Path) -> None:
    result = _result()
    with Store(fresh_db) as store:
        store.upsert_articles(result.articles)
        assert not store.has_analysis()
        store.save_analysis(result)
        assert store.has_analysis()
    with Store(fresh_db, read_only=True) as store:
        loaded = store.load_result()
    assert loaded == result


def test_schema_is_versioned_and_wal(fresh_db: Path) -> None:
    with Store(fresh_db) as store:
        assert store.version == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn = sqlite3.connect(fresh_db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(fresh_db)


def test_reingest_adds_nothing_and_failures_do_not_repeat(fresh_db: Path) -> None:
    result = _result()
    with Store(fresh_db) as store:
        assert store.upsert_articles(result.articles) == 2
        assert store.add_failures(result.failures[:1]) == 1
    with Store(fresh_db) as store:
        assert store.upsert_articles(result.articles) == 0
        assert store.upsert_articles([replace(result.articles[0], source_path="elsewhere.txt")]) == 0
        assert store.add_failures(result.failures[:1]) == 0
        assert store.count_articles() == 2 and len(store.load_failures()) == 1
        assert store.known_article_ids() == {a.id for a in result.articles}


def test_needs_analysis_tracks_new_articles(fresh_db: Path) -> None:
    result = _result()
    with Store(fresh_db) as store:
        assert not store.needs_analysis()
        store.upsert_articles(result.articles[:1])
        assert store.needs_analysis()
        store.save_analysis(result)
        assert not store.needs_analysis()
        store.upsert_articles(result.articles)  # nothing new
        assert not store.needs_analysis()
        store.upsert_articles([_article("A new piece on the Moor road closure.")])
        assert store.needs_analysis()


def test_save_analysis_replaces_and_updates_articles(fresh_db: Path) -> None:
    result = _result()
    with Store(fresh_db) as store:
        store.upsert_articles(result.articles)
        store.save_analysis(result)
        dup = replace(result.articles[1], duplicate_of=result.articles[0].id, text="cleaned again")
        smaller = replace(result, articles=(result.articles[0], dup), stories=result.stories[1:], quotes=(),
                          failures=(Failure(source_path=None, stage="story:s3", error="later"),))
        store.save_analysis(smaller)
        loaded = store.load_result()
    assert [s.id for s in loaded.stories] == ["s2"] and loaded.quotes == ()
    assert loaded.articles[1].duplicate_of == result.articles[0].id and loaded.articles[1].text == "cleaned again"
    # ingest failures stay, the old analysis's story failure is replaced by the new one
    assert {(f.stage, f.error) for f in loaded.failures} == {("ingest", "binary"), ("story:s3", "later")}


def test_failed_analysis_leaves_the_previous_one(fresh_db: Path) -> None:
    result = _result()
    with Store(fresh_db) as store:
        store.upsert_articles(result.articles)
        store.save_analysis(result)
        bad = replace(result, quotes=(replace(result.quotes[0], text=None),))  # type: ignore[arg-type]
        with pytest.raises(sqlite3.IntegrityError):
            store.save_analysis(bad)
        assert store.load_result() == result


def test_find_article_by_id_path_record_id_or_file_name(fresh_db: Path) -> None:
    result = _result()
    first = result.articles[0]
    with Store(fresh_db) as store:
        store.upsert_articles(result.articles)
        assert store.find_article(first.id) == first
        assert store.find_article("in/a.txt") == first
        assert store.find_article("rec-1") == first
        assert store.find_article("a.txt") == first
        assert store.find_article("nothing") is None


def test_search_and_outlets(fresh_db: Path) -> None:
    result = _result()
    with Store(fresh_db) as store:
        store.upsert_articles(result.articles)
        store.save_analysis(result)
    with Store(fresh_db, read_only=True) as store:
        assert [s.id for s in store.search_stories("reservoir")] == ["s1"]
        assert [s.id for s in store.search_stories("moor clos")] == ["s2"]  # last word is a prefix
        assert store.search_stories('reservoir" OR (; DROP TABLE stories') == []  # syntax is data, not SQL
        assert store.search_stories("  ") == []
        assert {a.id for a in store.search_articles("gorsey")} == {a.id for a in result.articles}
        assert store.list_outlets() == [("Gorsey Gazette", 1), ("Moor Radio", 1)]
        assert store.stories_of_article(result.articles[1].id) == ["s1", "s2"]
        assert [q.id for q in store.quotes_of([result.articles[1].id])] == ["q2"]
        with pytest.raises(StoreError, match="read-only"):
            store.upsert_articles(result.articles)


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('dam "cracks" OR') == '"dam" "cracks" "OR"*'
    assert fts_query("!!") == ""


def test_read_only_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "missing.db", read_only=True)


def test_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(bogus)


def test_article_vectors_round_trip_by_recipe_and_a_v1_store_migrates(fresh_db: Path) -> None:
    import numpy as np

    from newsprism.store.schema import MIGRATIONS

    conn = sqlite3.connect(fresh_db)  # a store made before the vectors table existed
    conn.executescript(MIGRATIONS[0])
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    vec = np.linspace(-1, 1, 384, dtype=np.float32)
    with Store(fresh_db) as store:
        assert store.version == SCHEMA_VERSION >= 2
        store.save_vectors([("a1", vec), ("a2", vec * 0.5)], "model-x|lead")
        store.save_vectors([("a1", vec * 2)], "model-x|lead")  # replaced, not added
        found = store.load_vectors(["a1", "a2", "a3"], "model-x|lead")
        assert set(found) == {"a1", "a2"}
        assert found["a1"].dtype == np.float32 and np.array_equal(found["a1"], vec * 2)
        assert store.load_vectors(["a1"], "model-y|lead") == {}  # another model's vectors are not used


def test_articles_dated_takes_the_days_asked_and_every_undated_article(fresh_db: Path) -> None:
    from newsprism.records import Article

    dates = {"in-day": "2031-04-10", "in-time": "2031-04-14T23:59:00Z", "before": "2031-04-09T23:59:59Z",
             "after": "2031-04-15", "none": None, "empty": "", "words": "last Tuesday"}
    with Store(fresh_db) as store:
        store.upsert_articles([Article(id=k, text=f"text {k}", published=v) for k, v in dates.items()])
        found = [a.id for a in store.articles_dated("2031-04-10", "2031-04-14")]
        plan = " ".join(str(r[-1]) for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT rid FROM articles WHERE published >= ? AND published < ?", ("a", "b")))
    assert found == ["in-day", "in-time", "none", "empty", "words"]  # the order they were stored
    assert "articles_published" in plan  # the range is read from the index, not by scanning the texts


def test_entities_for_takes_ids_and_exact_article_members(fresh_db: Path) -> None:
    from newsprism.records import AnalysisResult, Entity

    ents = (Entity(id="e1", name="Ilse Brandvik", label="PERSON", article_ids=("a1",)),
            Entity(id="e2", name="Tarnholm", label="GPE", article_ids=("a2", "a3")),
            Entity(id="e3", name="Nordlys", label="ORG", article_ids=("a22",)),  # a2 is inside its id's text
            Entity(id="e4", name="Ketter", label="FAC", article_ids=("a4",)))
    with Store(fresh_db) as store:
        store.save_analysis(AnalysisResult(entities=ents))
        assert [e.id for e in store.entities_for(["e1"], ["a2"])] == ["e1", "e2"]
        assert [e.id for e in store.entities_for([], ["a22", "a4"])] == ["e3", "e4"]
        assert store.entities_for(["nope"], []) == []
