"""A first analysis into a store, killed mid-way, goes on from the store's checkpoint on the next run."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsprism import analyze
from newsprism.cli import app
from newsprism.resources import Resources
from newsprism.settings import Settings
from newsprism.store.checkpoint import StoreCheckpoint

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


class Killed(Exception):
    pass


def _pieces(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT key FROM checkpoints ORDER BY key")]
    finally:
        conn.close()


def _kill_after(monkeypatch: pytest.MonkeyPatch, limit: int) -> list[str]:
    saved: list[str] = []
    real = StoreCheckpoint.save

    def save(self: StoreCheckpoint, key: str, value: Any) -> None:
        real(self, key, value)
        saved.append(key)
        if len(saved) >= limit:
            raise Killed(key)

    monkeypatch.setattr(StoreCheckpoint, "save", save)
    return saved


@pytest.fixture(scope="module")
def small_batches(settings: Settings) -> Settings:
    return replace(settings, extract_batch=3, story_window_sentences=64)


@pytest.fixture(scope="module")
def uninterrupted(small_batches: Settings, resources: Resources) -> dict[str, Any]:
    return analyze([EXAMPLES], settings=small_batches, resources=resources).to_dict()


def test_killed_then_resumed_gives_the_uninterrupted_result(tmp_path: Path, small_batches: Settings,
                                                            resources: Resources, uninterrupted: dict[str, Any],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "x.db"
    with monkeypatch.context() as mp:
        saved = _kill_after(mp, 9)
        with pytest.raises(Killed):
            analyze([EXAMPLES], settings=small_batches, db=db, resources=resources)
    assert saved[0] == "dedupe" and any(k.startswith("parse:") for k in saved)
    assert sorted(saved) == _pieces(db)  # each piece committed as it was saved
    assert (tmp_path / "x.db.resume" / "parses.bin").stat().st_size > 0
    calls: list[tuple[str, int, int]] = []
    resumed = analyze([EXAMPLES], settings=small_batches, db=db, resources=resources,
                      progress=lambda *call: calls.append(call))
    assert resumed.to_dict() == uninterrupted
    assert ("resumed", 9, 9) in calls  # the user is told the run goes on from kept pieces
    assert _pieces(db) == []  # saved with the analysis: the pieces are gone, and their folder
    assert not (tmp_path / "x.db.resume").exists()
    again = analyze([EXAMPLES], settings=small_batches, db=db, resources=resources)  # nothing new: no change
    assert again.to_dict()["stories"] == uninterrupted["stories"]


def test_pieces_made_with_other_settings_are_dropped(tmp_path: Path, small_batches: Settings,
                                                     resources: Resources, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "x.db"
    with monkeypatch.context() as mp:
        _kill_after(mp, 12)
        with pytest.raises(Killed):
            analyze([EXAMPLES], settings=small_batches, db=db, resources=resources)
    other = replace(small_batches, story_threshold=0.6)
    with monkeypatch.context() as mp:
        saved = _kill_after(mp, 1)  # the first piece the other run saves is its own duplicate links
        with pytest.raises(Killed):
            analyze([EXAMPLES], settings=other, db=db, resources=resources)
    assert saved == ["dedupe"] and _pieces(db) == ["dedupe"]
    assert analyze([EXAMPLES], settings=other, db=db, resources=resources).to_dict() == analyze(
        [EXAMPLES], settings=other, resources=resources).to_dict()


def test_report_after_ingest_analyses_what_was_ingested(tmp_path: Path, resources: Resources,
                                                        monkeypatch: pytest.MonkeyPatch, read_report) -> None:  # type: ignore[no-untyped-def]
    """`ingest` then `report` gives the report of `analyze --db`."""
    runner = CliRunner()
    monkeypatch.setattr("newsprism.resources.Resources", lambda settings: resources)  # noqa: ARG005
    monkeypatch.setattr("newsprism.runners.local.Resources", lambda settings: resources)  # noqa: ARG005
    db = tmp_path / "x.db"
    run = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert run.exit_code == 0, run.output
    run = runner.invoke(app, ["report", "--db", str(db), "--out", str(tmp_path / "a")])
    assert run.exit_code == 0, run.output + repr(run.exception)
    run = runner.invoke(app, ["analyze", str(EXAMPLES), "--db", str(tmp_path / "y.db"), "--out", str(tmp_path / "b")])
    assert run.exit_code == 0, run.output
    a, b = (read_report(tmp_path / d / "report.json") for d in "ab")
    assert a["stories"] and a["quotes"]
    assert a == b
