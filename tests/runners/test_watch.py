from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

from newsprism.errors import StoreError
from newsprism.runners.watch import _Seen, poll_once, watch
from newsprism.settings import Settings
from newsprism.store import Store

HARBOUR = """Harbour cranes stopped at Port Selwick on Tuesday after dockworkers walked out over night-shift pay.

"We will stay out until the pay offer is on paper," union secretary Maren Holt told reporters at the gate.

The port authority said talks would resume on Thursday and that perishable cargo was being diverted to Aldmouth.
"""
HARBOUR_2 = """Dockworkers at Port Selwick kept the cranes idle for a second day on Wednesday over night-shift pay.

Union secretary Maren Holt said the strike would go on until the port authority put its pay offer in writing.

Perishable cargo has been diverted to Aldmouth, the port authority said, and talks resume on Thursday.
"""
COUNCIL = """The Brindle Vale town council voted 7 to 2 on Monday to close the old library on Kettle Street.

Councillor Ivo Penn said the building needed repairs the town could not pay for.
"""


def _drop(folder: Path, name: str, text: str) -> None:
    tmp = folder / f".{name}.part"
    tmp.write_text(text, encoding="utf-8")
    tmp.rename(folder / name)


def _stories(db: Path) -> list[set[str]]:
    try:
        with Store(db, read_only=True) as store:
            result = store.load_result()
    except StoreError:  # the watcher has not created the store yet
        return []
    paths = {a.id: Path(a.source_path or "").name for a in result.articles}
    return [{paths[a] for a in s.article_ids} for s in result.stories]


def test_poll_adds_new_files_once_and_resumes_without_duplicates(tmp_path: Path, resources) -> None:  # type: ignore[no-untyped-def]
    inbox, db = tmp_path / "inbox", tmp_path / "w.db"
    inbox.mkdir()
    settings = Settings()
    seen = _Seen()
    _drop(inbox, "harbour1.txt", HARBOUR)
    time.sleep(0.6)
    assert poll_once(folder=inbox, feeds=[], db=db, settings=settings, resources=resources, seen=seen) == 1
    _drop(inbox, "harbour2.txt", HARBOUR_2)
    _drop(inbox, "council.txt", COUNCIL)
    time.sleep(0.6)
    assert poll_once(folder=inbox, feeds=[], db=db, settings=settings, resources=resources, seen=seen) == 2
    stories = _stories(db)
    assert {"harbour1.txt", "harbour2.txt"} in stories
    assert {"council.txt"} in stories
    # a restart (new _Seen) re-reads the folder and adds nothing
    assert poll_once(folder=inbox, feeds=[], db=db, settings=settings, resources=resources, seen=_Seen()) == 0
    with Store(db, read_only=True) as store:
        assert store.count_articles() == 3
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_watch_thread_picks_up_files_within_two_intervals_and_stops_cleanly(tmp_path: Path, read_report) -> None:  # type: ignore[no-untyped-def]
    inbox, db = tmp_path / "inbox", tmp_path / "w.db"
    inbox.mkdir()
    stop = threading.Event()
    interval = 1.0
    _drop(inbox, "council.txt", COUNCIL)  # the first poll also loads the models
    thread = threading.Thread(target=watch, kwargs={
        "folder": inbox, "feeds": [], "db": db, "interval": interval, "out_dir": tmp_path / "out",
        "settings": Settings(), "stop": stop}, daemon=True)
    thread.start()
    deadline = time.time() + 120
    while time.time() < deadline and not (db.exists() and _stories(db)):
        time.sleep(0.2)
    assert _stories(db) == [{"council.txt"}]
    _drop(inbox, "harbour1.txt", HARBOUR)
    dropped = time.time()
    while time.time() - dropped < 2 * interval + 30 and len(_stories(db)) < 2:
        time.sleep(0.1)
    assert {"harbour1.txt"} in _stories(db)
    stop.set()
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert read_report(tmp_path / "out" / "report.json")["articles"]
    shutil.rmtree(inbox)
