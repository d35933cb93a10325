"""FailurePolicy: every per-item error becomes a row with stage, source and a reason; the batch goes on."""

from __future__ import annotations

import pickle

import pytest

from newsprism.records import Article, Failure, FailurePolicy, RawDocument
from newsprism.store import Store


def test_guard_turns_an_exception_into_a_row_naming_stage_and_source() -> None:
    policy = FailurePolicy()
    doc = RawDocument(source_path="in/bad.txt", text="x")
    with policy.guard("clean", doc) as g:
        raise ValueError("no body")
    assert g.failed
    (row,) = policy.failures
    assert (row.stage, row.source_path, row.severity) == ("clean", "in/bad.txt", "error")
    assert row.error.startswith("ValueError: no body") and "skipped" in row.error


def test_guard_without_error_records_nothing_and_falls_back_to_the_id() -> None:
    policy = FailurePolicy()
    with policy.guard("extract", Article(id="a1", text="t")) as g:
        pass
    assert not g.failed and policy.failures == []
    with policy.guard("extract", Article(id="a1", text="t")):
        raise MemoryError()
    assert policy.failures[0].source_path == "a1" and "max_article_chars" in policy.failures[0].error


def test_guard_lets_interrupts_through() -> None:
    policy = FailurePolicy()
    with pytest.raises(KeyboardInterrupt), policy.guard("extract", "x"):
        raise KeyboardInterrupt
    assert policy.failures == []


def test_map_keeps_the_good_items_in_order() -> None:
    policy = FailurePolicy()
    out = policy.map("parse", ["1", "x", "3"], int)
    assert out == [1, 3]
    assert [(f.source_path, f.stage) for f in policy.failures] == [("x", "parse")]


def test_warning_rows_are_kept_apart_and_survive_pickle_and_the_store(tmp_path) -> None:  # type: ignore[no-untyped-def]
    policy = FailurePolicy()
    policy.warn("clean", "in/long.txt", "cut")
    policy.fail("ingest", None, "gone")
    assert [f.severity for f in policy.failures] == ["warning", "error"]
    assert pickle.loads(pickle.dumps(policy.failures)) == policy.failures
    with Store(tmp_path / "s.db") as store:
        store.add_failures(policy.failures)
        assert store.load_failures() == policy.failures
    with pytest.raises(ValueError, match="severity"):
        Failure(source_path=None, stage="x", error="y", severity="fatal")
