"""The same input ingested twice through the runner leaves the article count unchanged."""

from __future__ import annotations

from pathlib import Path

from newsprism.pipeline import FailurePolicy
from newsprism.runners.local import ingest_articles
from newsprism.settings import Settings
from newsprism.store import Store

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def test_reingest_same_input_adds_nothing(fresh_db: Path) -> None:
    inputs = [str(DATA / "bridge.txt"), str(DATA / "records.jsonl"), str(DATA / "feed.rss")]
    first = ingest_articles(inputs, settings=Settings(), policy=FailurePolicy(), db=fresh_db)
    with Store(fresh_db) as store:
        count = store.count_articles()
        failures = len(store.load_failures())
    assert count == len({a.id for a in first}) >= 5
    assert failures == 1  # the feed entry that only carries a link
    ingest_articles(inputs, settings=Settings(), policy=FailurePolicy(), db=fresh_db)
    with Store(fresh_db) as store:
        assert store.count_articles() == count
        assert len(store.load_failures()) == failures


def test_ingest_into_stores_what_ingest_articles_returns(fresh_db: Path, tmp_path: Path) -> None:
    """The store path reads into the store without keeping the articles; the same articles end up stored."""
    from newsprism.runners.local import ingest_into

    inputs = [str(DATA / "bridge.txt"), str(DATA / "records.jsonl"), str(DATA / "feed.rss")]
    read = ingest_into(fresh_db, inputs, settings=Settings(), policy=FailurePolicy())
    other = tmp_path / "other.db"
    kept = ingest_articles(inputs, settings=Settings(), policy=FailurePolicy(), db=other)
    with Store(fresh_db) as a, Store(other) as b:
        assert read == len(kept)
        assert a.load_articles() == b.load_articles() == kept
        assert not a.has_analysis()
