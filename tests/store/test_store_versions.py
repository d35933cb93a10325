"""An edited input read again replaces its old version in the store, with everything derived from it; a re-run of
an unchanged input changes nothing; an incremental analysis takes the new version in and compares the story the
old one left again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.pipeline import FailurePolicy
from newsprism.records import article_id_for
from newsprism.resources import Resources
from newsprism.runners.local import ingest_into, run_local
from newsprism.settings import Settings
from newsprism.store import Store

BRIDGE_A = ("Tarnholm closed the Ketter bridge on Monday after engineers found cracks in two of its piers.\n\n"
            '"Nobody crosses until the piers are safe," said Ilse Brandvik, the city engineer.\n\n'
            "Two council officials who spoke on condition of anonymity said repairs could cost 40 million crowns.")
BRIDGE_B = ("The Ketter bridge in Tarnholm stayed shut on Tuesday as engineers examined the cracked piers.\n\n"
            "City engineer Ilse Brandvik said the bridge would stay closed for at least three weeks.\n\n"
            "According to the Tarnholm Courier, repairs could cost 40 million crowns.")
EDIT = ("The Ketter bridge in Tarnholm stayed shut on Tuesday as engineers examined the cracked piers.\n\n"
        "City engineer Ilse Brandvik said the bridge would reopen to cyclists within ten days.\n\n"
        "According to the Tarnholm Courier, repairs could cost 55 million crowns.")
LIBRARY = ("The Brindle Vale town council voted 7 to 2 on Friday to close the old library on Kettle Street.\n\n"
           '"The roof is beyond repair," said councillor Ivo Penn, who proposed the closure.')


def _rows(db: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    with Store(db, read_only=True) as store:
        return [tuple(r) for r in store.conn.execute(sql, args)]


def _ids(db: Path) -> set[str]:
    return {str(r[0]) for r in _rows(db, "SELECT id FROM articles")}


def _derived(db: Path, article_id: str) -> int:
    """Rows anywhere in the store that name the article."""
    n = 0
    for table in ("quotes", "citations", "claims", "claim_sources", "story_articles", "article_vectors"):
        n += int(_rows(db, f'SELECT count(*) FROM "{table}" WHERE article_id = ?', article_id)[0][0])
    n += int(_rows(db, "SELECT count(*) FROM stories WHERE article_ids LIKE ?", f"%{article_id}%")[0][0])
    n += int(_rows(db, "SELECT count(*) FROM entities WHERE article_ids LIKE ?", f"%{article_id}%")[0][0])
    return n


def test_edited_file_replaces_its_old_version_and_an_unchanged_rerun_adds_nothing(tmp_path: Path,
                                                                                  fresh_db: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(BRIDGE_A, encoding="utf-8")
    b.write_text(BRIDGE_B, encoding="utf-8")
    inputs = [str(a), str(b)]
    ingest_into(fresh_db, inputs, settings=Settings(), policy=FailurePolicy())
    first = _ids(fresh_db)
    assert len(first) == 2
    policy = FailurePolicy()
    ingest_into(fresh_db, inputs, settings=Settings(), policy=policy)  # unchanged: nothing happens
    assert _ids(fresh_db) == first and not policy.failures

    b.write_text(EDIT, encoding="utf-8")
    policy = FailurePolicy()
    ingest_into(fresh_db, inputs, settings=Settings(), policy=policy)
    now = _ids(fresh_db)
    assert len(now) == 2 and article_id_for(BRIDGE_A) in now
    old = (first - now).pop()
    new = (now - first).pop()
    [row] = _rows(fresh_db, "SELECT source_path, text FROM articles WHERE id = ?", new)
    assert row[0] == str(b) and "55 million" in str(row[1])
    [warning] = [f for f in policy.failures if f.severity == "warning"]
    assert warning.source_path == str(b) and old in warning.error and new in warning.error
    with Store(fresh_db, read_only=True) as store:
        assert any(old in f.error and f.severity == "warning" for f in store.load_failures())
    ingest_into(fresh_db, inputs, settings=Settings(), policy=FailurePolicy())
    assert _ids(fresh_db) == now


def test_a_record_file_keeps_its_other_records_when_one_is_edited(tmp_path: Path, fresh_db: Path) -> None:
    src = tmp_path / "feed.jsonl"
    rows = [{"id": "r1", "text": BRIDGE_A}, {"id": "r2", "text": BRIDGE_B}, {"id": "r3", "text": LIBRARY}]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    ingest_into(fresh_db, [str(src)], settings=Settings(), policy=FailurePolicy())
    rows[1]["text"] = EDIT
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    ingest_into(fresh_db, [str(src)], settings=Settings(), policy=FailurePolicy())
    stored = dict(_rows(fresh_db, "SELECT source_id, text FROM articles"))
    assert sorted(stored) == ["r1", "r2", "r3"] and "55 million" in str(stored["r2"])


@pytest.mark.slow
@pytest.mark.parametrize("dated", [False, True], ids=["whole-store update", "windowed update"])
def test_analysis_takes_the_new_version_and_drops_the_old(tmp_path: Path, resources: Resources,
                                                          dated: bool) -> None:
    """Undated texts go through the update that reads the whole analysis, dated records through the windowed
    one; either way the old version leaves the store with every row derived from it, the new one is analysed in
    its story, and the story's claim rows are made again from the articles it now holds."""
    db = tmp_path / "store.db"
    src = tmp_path / "input.jsonl"
    day = {"published": "2025-01-06"} if dated else {}

    def write(b_text: str) -> None:
        rows = [{"id": "a", "text": BRIDGE_A, "title": "Tarnholm closes the Ketter bridge", **day},
                {"id": "b", "text": b_text, "title": "Ketter bridge stays shut", **day},
                {"id": "c", "text": LIBRARY, "title": "Brindle Vale votes to close library", **day}]
        src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")

    write(BRIDGE_B)
    settings = Settings()
    run_local([str(src)], settings=settings, db=db, resources=resources)
    old = article_id_for(BRIDGE_B)
    assert _derived(db, old) > 0
    write(EDIT)
    run_local([str(src)], settings=settings, db=db, resources=resources)
    new = article_id_for(EDIT)
    assert old not in _ids(db) and new in _ids(db)
    assert _derived(db, old) == 0
    with Store(db) as store:
        assert not store.needs_analysis() and not store.stale_stories()
        result = store.load_result()
    [story] = [s for s in result.stories if new in s.article_ids]
    assert article_id_for(BRIDGE_A) in story.article_ids and old not in story.article_ids
    cells = [src_ for g in story.claims for src_ in g.sources]
    assert any(c.article_id == new for c in cells)
    assert not any("three weeks" in c.text for c in cells)  # the old version's sentence left its row
    assert any("55 million" in c.text for c in result.claims if c.article_id == new)
    # a third run of the same content changes nothing
    before = _rows(db, "SELECT id, article_ids FROM stories ORDER BY id")
    run_local([str(src)], settings=settings, db=db, resources=resources)
    assert _rows(db, "SELECT id, article_ids FROM stories ORDER BY id") == before


def test_a_replacement_stopped_half_way_leaves_the_store_as_it_was(tmp_path: Path, fresh_db: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The replacement is one transaction: stopped inside it (here, an error after the first deletes), the store
    keeps both versions, and the next run replaces."""
    import newsprism.store.versions as versions

    b = tmp_path / "b.txt"
    b.write_text(BRIDGE_B, encoding="utf-8")
    ingest_into(fresh_db, [str(b)], settings=Settings(), policy=FailurePolicy())
    b.write_text(EDIT, encoding="utf-8")

    def stop(*args: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as mp:
        mp.setattr(versions, "_forget_links", stop)
        with pytest.raises(KeyboardInterrupt):
            ingest_into(fresh_db, [str(b)], settings=Settings(), policy=FailurePolicy())
    assert _ids(fresh_db) == {article_id_for(BRIDGE_B), article_id_for(EDIT)}  # the new one was committed before
    with Store(fresh_db, read_only=True) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert not store.stale_stories()
    ingest_into(fresh_db, [str(b)], settings=Settings(), policy=FailurePolicy())
    assert _ids(fresh_db) == {article_id_for(EDIT)}
