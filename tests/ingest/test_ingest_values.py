"""Values checked at ingest: dates, body types, binary and non-regular files, too-short texts."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from newsprism.ingest.base import checked_published
from newsprism.pipeline import FailurePolicy, clean_documents
from newsprism.records import RawDocument
from newsprism.settings import Settings

BODY = "The Lunde ferry will run twice a day from June, the harbour office of Port Vell said on Monday."


def test_published_values_are_checked() -> None:
    today = dt.date(2024, 5, 1)
    assert checked_published("2024-04-30T08:00:00+00:00", today=today) == ("2024-04-30T08:00:00+00:00", None)
    assert checked_published("2024-05-02", today=today) == ("2024-05-02", None)  # within a day: time zones
    assert checked_published(None, today=today) == (None, None)
    value, note = checked_published("2022-13-45", today=today)
    assert value is None and note is not None and note.startswith("published '2022-13-45' is not a date")
    value, note = checked_published("9999-12-31", today=today)
    assert value is None and note is not None and "future" in note
    assert checked_published("yesterday-ish ##", today=today)[0] is None
    assert checked_published("17", today=today)[0] is None
    assert checked_published("March 4, 2022", today=today) == ("2022-03-04", None)
    # other ISO 8601 forms Python reads become the YYYY-MM-DD... that report.json's schema promises
    assert checked_published("2024-W17-3", today=today) == ("2024-04-24", None)
    assert checked_published("20240430T0800", today=today) == ("2024-04-30", None)


def test_bad_dates_become_null_with_a_warning_row(tmp_path: Path, read) -> None:
    path = tmp_path / "dates.jsonl"
    rows = [{"id": "r1", "text": BODY, "published": "2022-13-45"},
            {"id": "r2", "text": BODY + " Fares stay the same.", "published": "2022-03-04"}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    docs, failures = read([path])
    assert [d.published for d in docs] == [None, "2022-03-04"]
    (row,) = failures
    assert row.severity == "warning" and "'2022-13-45' is not a date" in row.error and "r1" in row.error


def test_a_non_string_text_field_is_a_failure_not_an_article(tmp_path: Path, read) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({"text": 123}) + "\n" + json.dumps({"text": BODY}) + "\n", encoding="utf-8")
    docs, failures = read([path])
    assert [d.text for d in docs] == [BODY]
    (row,) = failures
    assert row.severity == "error" and "line 1" in row.error and "'text' holds int 123" in row.error


def test_binary_and_unsupported_files_are_failures(tmp_path: Path, read) -> None:
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    (tmp_path / "mislabelled.txt").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    (tmp_path / "nul.txt").write_bytes(BODY.encode() * 200 + b"\x00" + BODY.encode())  # NUL past the sniffed head
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    docs, failures = read([tmp_path])
    assert [Path(d.source_path or "").name for d in docs] == ["good.txt"]
    errors = {Path(f.source_path or "").name: f.error for f in failures}
    assert "unsupported binary file type .pdf" in errors["paper.pdf"]
    assert "PDF" in errors["mislabelled.txt"] and "NUL" in errors["nul.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_gets_a_row_and_never_blocks(tmp_path: Path, read) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "good.txt").write_text(BODY, encoding="utf-8")
    docs, failures = read([folder])
    assert len(docs) == 1
    assert [(Path(f.source_path or "").name, "not a regular file" in f.error) for f in failures] == [
        ("pipe.txt", True)]
    docs, failures = read([folder / "pipe.txt"])  # named directly
    assert docs == [] and "FIFO" in failures[0].error


def test_a_text_too_short_to_be_an_article_is_a_failure_row() -> None:
    policy = FailurePolicy()
    docs = [RawDocument(source_path="rows.csv", source_id="7", text="x"),
            RawDocument(source_path="rows.csv", source_id="8", text=BODY)]
    articles = clean_documents(docs, Settings(), policy)
    assert [a.source_id for a in articles] == ["8"]
    (row,) = policy.failures
    assert row.stage == "clean" and "too short to be an article" in row.error and "record 7" in row.error
