"""An incremental update of a stored analysis reads and writes only its time window, with the same result as an
update that reads the whole analysis."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsprism.cluster.features import vector_recipe
from newsprism.dedupe import content_words
from newsprism.pipeline import FailurePolicy
from newsprism.resources import Resources
from newsprism.runners.local import _update_all, analyze_store, ingest_into, run_local, story_window
from newsprism.settings import Settings
from newsprism.store import Store

pytestmark = pytest.mark.slow

BRIDGE = [
    ("2025-01-05", "Tarnholm closes the Ketter bridge",
     "Tarnholm closed the Ketter bridge on Monday after engineers found cracks in two of its piers.\n\n"
     '"Nobody crosses until the piers are safe," said Ilse Brandvik, the city engineer.\n\n'
     "Two council officials who spoke on condition of anonymity said repairs could cost 40 million crowns.\n\n"
     "The ferry operator Nordlys denied that it had raised fares because of the closure."),
    ("2025-01-06", "Ketter bridge stays shut",
     "The Ketter bridge in Tarnholm stayed shut on Tuesday as engineers examined the cracked piers.\n\n"
     "City engineer Ilse Brandvik said the bridge would stay closed for at least three weeks.\n\n"
     "According to the Tarnholm Courier, repairs could cost 40 million crowns."),
]
DOCKS = [
    ("2025-06-01", "Port Selwick dockworkers strike",
     "Harbour cranes stopped at Port Selwick on Tuesday after dockworkers walked out over night-shift pay.\n\n"
     '"We will stay out until the pay offer is on paper," union secretary Maren Holt told reporters.\n\n'
     "The port authority said talks would resume on Thursday and that cargo was being diverted to Aldmouth."),
    ("2025-06-02", "Selwick strike enters second day",
     "Dockworkers at Port Selwick kept the cranes idle for a second day on Wednesday over night-shift pay.\n\n"
     "Union secretary Maren Holt said the strike would go on until the pay offer was in writing.\n\n"
     "Perishable cargo has been diverted to Aldmouth, the port authority said."),
]
LATER = [
    ("2025-06-04", "Selwick talks resume as strike goes on",
     "Talks between the Port Selwick authority and striking dockworkers resumed on Thursday.\n\n"
     "Union secretary Maren Holt said the night-shift pay offer was still not on paper.\n\n"
     "A port spokesman denied that cargo had been lost, saying it had been diverted to Aldmouth."),
    ("2025-06-05", "Brindle Vale votes to close library",
     "The Brindle Vale town council voted 7 to 2 on Friday to close the old library on Kettle Street.\n\n"
     '"The roof is beyond repair," said councillor Ivo Penn, who proposed the closure.'),
]


def _write(path: Path, rows: list[tuple[str, str, str]], outlets: list[str]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for (day, title, text), outlet in zip(rows, outlets, strict=True):
            fh.write(json.dumps({"title": title, "text": text, "published": day, "outlet": outlet}) + "\n")
    return path


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with Store(db, read_only=True) as store:
        return [tuple(r) for r in store.conn.execute(sql)]


def _everything(db: Path) -> dict[str, object]:
    """The stored analysis, in an order that does not depend on which rows were rewritten."""
    with Store(db, read_only=True) as store:
        result = store.load_result()

    def order(items: object) -> list[dict[str, object]]:
        return sorted((x.to_dict() for x in items), key=lambda d: json.dumps(d, sort_keys=True))  # type: ignore[attr-defined]

    return {"articles": order(result.articles), "stories": order(result.stories), "quotes": order(result.quotes),
            "citations": order(result.citations), "claims": order(result.claims),
            "entities": order(result.entities)}


def test_story_window_is_the_dates_widened_by_the_story_window() -> None:
    from newsprism.records import Article

    s = Settings(story_window_days=10)
    days = [Article(id="a", published="2025-06-04T09:00:00Z"), Article(id="b", published="2025-06-01")]
    assert story_window(days, s) == ("2025-05-22", "2025-06-14")
    assert story_window([*days, Article(id="c", published=None)], s) is None  # undated: anything is near


def test_update_touches_only_its_window_and_matches_a_whole_update(tmp_path: Path, resources: Resources,
                                                                     settings: Settings,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    first = _write(tmp_path / "first.jsonl", BRIDGE + DOCKS, ["Courier", "Ledger", "Courier", "Gazette"])
    later = _write(tmp_path / "later.jsonl", LATER, ["Ledger", "Gazette"])
    db, reference = tmp_path / "window.db", tmp_path / "whole.db"
    run_local([str(first)], settings=settings, db=db, resources=resources)
    shutil.copy(db, reference)
    january = {r[0] for r in _rows(db, "SELECT DISTINCT a.story_id FROM story_articles a JOIN articles x "
                                       "ON x.id = a.article_id WHERE x.published < '2025-02-01'")}
    old_ids = {r[0] for r in _rows(db, "SELECT id FROM articles WHERE published < '2025-02-01'")}
    assert january and len(old_ids) == 2
    assert _rows(db, "SELECT count(*) FROM claim_groups WHERE story_id IN (SELECT story_id FROM story_articles "
                     "JOIN articles ON id = article_id WHERE published < '2025-02-01')")[0][0] > 0
    # Every write to a January story's rows is logged (a test-only trigger in this copy of the store).
    with Store(db) as store:
        store.conn.execute("CREATE TABLE touched (tbl TEXT, story_id TEXT)")
        for table, key in (("stories", "id"), ("claim_groups", "story_id"), ("story_articles", "story_id")):
            for event in ("DELETE", "UPDATE"):
                store.conn.execute(f"CREATE TRIGGER log_{table}_{event} AFTER {event} ON {table} "
                                   f"BEGIN INSERT INTO touched VALUES ('{table}', old.{key}); END")
    read: set[str] = set()
    for name in ("load_articles", "articles_dated", "unanalysed_articles"):
        original = getattr(Store, name)

        def spy(self: Store, *args: object, _original: object = original) -> object:
            found = _original(self, *args)  # type: ignore[operator]
            read.update(a.id for a in found)
            return found

        monkeypatch.setattr(Store, name, spy)
    monkeypatch.setattr(Store, "load_result", lambda self: pytest.fail("the whole analysis was read"))

    policy = FailurePolicy()
    ingest_into(db, [str(later)], settings=settings, policy=policy)
    analyze_store(db, (), resources=resources, settings=settings, policy=policy, full_result=False)
    monkeypatch.undo()

    assert not read & old_ids  # no January article was read
    touched = _rows(db, "SELECT tbl, story_id FROM touched")
    assert touched, "the June story was rewritten"
    assert not {sid for _, sid in touched} & january  # and no January row written

    policy = FailurePolicy()
    ingest_into(reference, [str(later)], settings=settings, policy=policy)
    with Store(reference) as store:
        _update_all(store, store.unanalysed_articles(), resources=resources, settings=settings, policy=policy,
                    progress=lambda *_: None)
    assert _everything(db) == _everything(reference)
    # every clustered article's vector is kept for the next update (the copies cluster with their source)
    with Store(db, read_only=True) as store:
        nodes = [r[0] for r in store.conn.execute("SELECT id FROM articles WHERE duplicate_of IS NULL")]
        assert set(store.load_vectors(nodes, vector_recipe(settings))) == set(nodes)
    # every analysed article's words are counted once, the update's included
    with Store(db, read_only=True) as store:
        articles = store.load_articles()
        documents, df = store.word_counts(content_words(articles[0]))
    assert documents == len(articles) == 6 and df.min() >= 1
    stories = _rows(db, "SELECT id FROM stories")
    assert len(stories) == 3  # the strike grew, the library is new, the bridge is as it was
    with Store(db, read_only=True) as store:
        assert not store.unanalysed_articles()
        stats = json.loads(store._meta("stats") or "{}")
    assert stats["articles"] == 6 and stats["stories"] == 3
