"""`newsprism watch`: keep ingesting a folder or feeds; new articles join stories incrementally.

Each poll is one unit of work: read what is new, clean it, then store the articles and the updated analysis, each
in its own transaction. Ctrl-C between or during polls leaves the store as the last completed transaction left it;
the next start re-reads the folder, finds the stored article ids, and adds nothing twice.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.pipeline import FailurePolicy
from newsprism.records import Article
from newsprism.resources import Resources
from newsprism.settings import Settings

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Seen:
    """Files already read, by (mtime, size), so an unchanged file is not cleaned again in this process."""

    files: dict[str, tuple[float, int]] = field(default_factory=dict)

    def changed(self, folder: Path) -> list[str]:
        out = []
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
            try:
                st = path.stat()
            except OSError:
                continue
            key = (st.st_mtime, st.st_size)
            if self.files.get(str(path)) != key:
                # a file still being written is read next time, once its size stops changing
                if time.time() - st.st_mtime < 0.5:
                    continue
                self.files[str(path)] = key
                out.append(str(path))
        return out


def poll_once(*, folder: Path | None, feeds: list[str], db: Path, settings: Settings, resources: Resources,
              seen: _Seen, out_dir: Path | None = None) -> int:
    """One poll: returns the number of new articles added to the store and its analysis."""
    from newsprism.runners.local import analyze_store, ingest_articles
    from newsprism.store import Store

    inputs = (seen.changed(folder) if folder is not None else []) + list(feeds)
    if not inputs:
        return 0
    with Store(db) as store:
        known = store.known_article_ids()
    policy = FailurePolicy()
    articles = ingest_articles(inputs, settings=settings, policy=policy, db=db)
    fresh: list[Article] = [a for a in articles if a.id not in known]
    with Store(db) as store:
        if not fresh and not store.needs_analysis():
            return 0
    result = analyze_store(db, fresh, resources=resources, settings=settings, policy=policy,
                           full_result=out_dir is not None)  # without reports, a poll touches only its window
    if out_dir is not None:
        from newsprism.report import write_reports

        write_reports(result, out_dir)
    return len(fresh)


def watch(*, folder: Path | None, feeds: list[str], db: Path, interval: float, out_dir: Path | None,
          settings: Settings, console: Any = None, stop: threading.Event | None = None,
          max_polls: int | None = None) -> None:
    """Poll until Ctrl-C (or ``stop`` is set); a poll interrupted mid-way leaves the store consistent."""
    if interval <= 0:
        raise ValueError(f"interval must be positive, not {interval}")
    if folder is not None and not folder.is_dir():
        raise ValueError(f"{folder} is not a folder")
    stop = stop or threading.Event()
    resources = Resources(settings)
    seen = _Seen()
    polls = 0
    say = console.print if console is not None else log.info
    say(f"watching {folder or ''} {' '.join(feeds)} every {interval:g} s into {db} (Ctrl-C stops)")
    try:
        while not stop.is_set():
            added = poll_once(folder=folder, feeds=feeds, db=db, settings=settings, resources=resources,
                              seen=seen, out_dir=out_dir)
            if added:
                say(f"{time.strftime('%H:%M:%S')} {added} new article(s) analysed")
            polls += 1
            if max_polls is not None and polls >= max_polls:
                break
            stop.wait(interval)
    except KeyboardInterrupt:
        say("stopped; the store holds everything up to the last completed update")
