"""The executor owns resume pieces, per-item failures and background lanes; stage modules know none of them."""

from __future__ import annotations

import ast
import contextlib
import threading
from pathlib import Path

from newsprism.checkpoint import MemoryCheckpoint
from newsprism.executor import DocKeeper, Executor, Stage
from newsprism.pipeline import FIRST_ANALYSIS
from newsprism.records import Failure

SRC = Path(__file__).resolve().parents[1] / "src" / "newsprism"
STAGE_MODULES = ["dedupe.py", "extract", "cluster", "compare", "summarize", "clean"]
FORBIDDEN = ("newsprism.runners", "newsprism.store", "newsprism.checkpoint", "newsprism.executor")


def test_once_takes_a_saved_piece_only_for_the_same_ids(tmp_path: Path) -> None:
    checkpoint = MemoryCheckpoint(tmp_path)
    calls: list[int] = []
    run = Executor(checkpoint=checkpoint)
    assert run.once("k", ["a", "b"], lambda: calls.append(1) or "first") == "first"
    assert run.once("k", ["a", "b"], lambda: calls.append(1) or "again") == "first"
    assert run.once("k", ["a", "c"], lambda: calls.append(1) or "other") == "other"
    assert len(calls) == 2


def test_batches_resume_and_bring_their_failures(tmp_path: Path) -> None:
    checkpoint = MemoryCheckpoint(tmp_path)
    failure = Failure(source_path="x", stage="extract", error="boom")
    made: list[int] = []

    def batch(k: int) -> tuple[list[str], object]:
        return [f"i{k}"], lambda: (made.append(k) or k * 10, [failure] if k == 1 else [])

    first = Executor(checkpoint=checkpoint)
    assert list(first.batches("s", "b", (batch(k) for k in range(3)), 3)) == [0, 10, 20]  # type: ignore[misc]
    second = Executor(checkpoint=checkpoint)
    progress: list[int] = []
    second.progress = lambda stage, done, total: progress.append(done)
    assert list(second.batches("s", "b", (batch(k) for k in range(3)), 3)) == [0, 10, 20]  # type: ignore[misc]
    assert made == [0, 1, 2]  # nothing computed twice
    assert second.policy.failures == [failure] and progress == [1, 2, 3]


def test_each_turns_a_bad_item_into_a_row() -> None:
    done, failed = Executor().each("extract", [1, 0, 2], lambda x: 1 / x)
    assert [item for item, _ in done] == [1, 2]
    assert len(failed) == 1 and failed[0].stage == "extract" and "division" in failed[0].error


def test_stream_commits_pieces_and_resumes_after_them(tmp_path: Path) -> None:
    checkpoint = MemoryCheckpoint(tmp_path)
    ids = [f"a{i}" for i in range(5)]
    started: list[int] = []

    def produce(first: int):  # type: ignore[no-untyped-def]
        started.append(first)
        for i in range(first, len(ids)):
            if len(started) == 1 and i == 3:
                raise KeyboardInterrupt  # killed after the first piece of two
            yield f"doc{i}".encode(), i

    keeper = DocKeeper(bytes, bytes, in_memory=False)
    with contextlib.suppress(KeyboardInterrupt):
        Executor(checkpoint=checkpoint).stream("parse", "parse", ids, 2, produce, keeper)
    keeper = DocKeeper(bytes, bytes, in_memory=False)
    with keeper:
        light = Executor(checkpoint=checkpoint).stream("parse", "parse", ids, 2, produce, keeper)
        assert light == [0, 1, 2, 3, 4] and started == [0, 2]
        assert [keeper[i] for i in range(5)] == [f"doc{i}".encode() for i in range(5)]


def test_a_stopped_run_cancels_its_lanes() -> None:
    started, release = threading.Event(), threading.Event()
    ran: list[int] = []

    def step(i: int) -> object:
        def go() -> None:
            started.set()
            release.wait(5)
            ran.append(i)
        return go

    def stage(run: Executor, state: int) -> int:
        run.start_ahead("test", (step(i) for i in range(100)))
        started.wait(5)
        release.set()
        raise RuntimeError("stopped")

    run = Executor()
    with contextlib.suppress(RuntimeError):
        run.run([Stage("s", "", stage)], 0)
    assert len(ran) < 100  # the lane stopped between steps


def test_the_first_analysis_is_one_ordered_list() -> None:
    assert [s.name for s in FIRST_ANALYSIS] == ["dedupe", "encode", "parse", "entities", "extract", "cluster",
                                                "compare"]


def test_stage_modules_do_not_import_runners_the_store_or_checkpoints() -> None:
    found = []
    for name in STAGE_MODULES:
        root = SRC / name
        for path in [root] if root.is_file() else sorted(root.rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module:
                    mods = [node.module]
                elif isinstance(node, ast.Import):
                    mods = [a.name for a in node.names]
                else:
                    continue
                found += [f"{path.name}: {m}" for m in mods if m.startswith(FORBIDDEN)]
    assert found == []
