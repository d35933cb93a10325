"""kill -9 during a 2,000-article ingest, then a re-run: the store is intact and every article is there once."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from newsprism.records import article_id_for

N = 2000
FIRST = 1500  # lines written before the kill; the rest only on the re-run, so the kill is always mid-way


def _lines() -> list[bytes]:
    towns = ["Ashby Cross", "Bramwell", "Caddon", "Dunmere", "Elsworth", "Fenwick", "Gorsey", "Holloway"]
    out = []
    for i in range(N):
        town = towns[i % len(towns)]
        text = (f"Council notice {i}: {town} repairs road section {i * 7 % 113}.\n"
                f"Works start on day {i % 28 + 1} and last {i % 9 + 2} weeks, the {town} council said.")
        out.append(json.dumps({"id": f"n{i}", "title": f"{town} notice {i}", "text": text}).encode() + b"\n")
    return out


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0  # not created yet


def _ingest(db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "NO_COLOR": "1"}
    return subprocess.Popen([sys.executable, "-m", "newsprism", "ingest", "-", "--db", str(db)],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def test_kill_9_mid_ingest_then_rerun(tmp_path: Path) -> None:
    db = tmp_path / "kill.db"
    lines = _lines()
    proc = _ingest(db)
    assert proc.stdin is not None
    stdin = proc.stdin

    def feed() -> None:
        with contextlib.suppress(BrokenPipeError):
            for line in lines[:FIRST]:
                stdin.write(line)
            stdin.flush()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    deadline = time.monotonic() + 120
    while _count(db) < 256 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the ingest ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    writer.join(timeout=10)
    with contextlib.suppress(BrokenPipeError):
        stdin.close()  # the reader is gone: that was the point
    at_kill = _count(db)
    assert 256 <= at_kill < N

    rerun = subprocess.run([sys.executable, "-m", "newsprism", "ingest", "-", "--db", str(db)],
                           input=b"".join(lines), capture_output=True, timeout=300,
                           env={**os.environ, "HF_HUB_OFFLINE": "1", "NO_COLOR": "1"})
    assert rerun.returncode == 0, rerun.stderr.decode()[-2000:]

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        fts = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")  # raises if out of step
    finally:
        conn.close()
    assert len(ids) == N and len(set(ids)) == N and fts == N
    expected = {article_id_for(json.loads(line)["text"]) for line in lines}
    assert set(ids) == expected
