"""`newsprism export`: one row per claim x outlet cell, formula-safe CSV, Parquet round trip, from a store or a
report.json; on the matrix story written for these tests."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.records import ClaimSource
from newsprism.report.export import COLUMNS, export_matrix, matrix_records, spreadsheet_safe
from newsprism.report.json import write_json
from newsprism.store import Store

runner = CliRunner()


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_one_row_per_claim_and_outlet(matrix_story: ModuleType) -> None:
    m = matrix_story
    rows = list(matrix_records([m.STORY], {a.id: a for a in m.ARTICLES}))
    assert [(r["claim_id"], r["outlet"]) for r in rows] == [
        *(("c-dam", label) for label in m.LABELS), ("c-evac", "Orrin Valley Radio")]
    courier = rows[0]
    assert courier == {
        "story_id": "s-dam", "story_title": "Brindle dam spillway", "claim_id": "c-dam",
        "claim": "The Brindle dam spillway cracked.", "status": "disputed", "outlet": "The Tallwick Courier",
        "stance": "reports; denies", "who": "engineers; the water board",
        "evidence": "The Brindle dam spillway cracked on Sunday, engineers said.\nCracks ran along the east wall.\n"
                    "The water board denied that the spillway had cracked.",
        "article_ids": "a-courier-1; a-courier-2", "url": "in/courier-1.txt; in/courier-2.txt", "date": "2031-06-01",
        "links": "names-claim"}
    assert rows[1]["url"] == "https://www.brindle-gazette.example/news/dam" and rows[1]["who"] == ""
    assert rows[3]["stance"] == "doubts" and rows[3]["date"] == "2031-06-03" and rows[3]["links"] == "wording"
    assert rows[1]["links"] == ""  # only denials and doubts say why they are on the row


def test_spreadsheet_safe_quotes_formula_starts_only() -> None:
    for risky in ("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert spreadsheet_safe(risky) == "'" + risky
    for plain in ("", "A claim", "2031-06-01", "'quoted", " =not first"):
        assert spreadsheet_safe(plain) == plain


def test_csv_escapes_formulas_from_article_text(tmp_path: Path, matrix_story: ModuleType) -> None:
    m = matrix_story
    evil = ClaimSource(article_id=m.RADIO.id, outlet=m.RADIO.outlet, stance="reports",
                       text="=HYPERLINK(\"http://evil.example\",\"click\")", attributed_to="@mayor", claim_id="k8")
    evac = replace(m.EVACUATION, text="-12 families were moved", sources=(*m.EVACUATION.sources, evil))
    story = replace(m.STORY, claims=(evac, m.DAM))
    path = tmp_path / "matrix.csv"
    assert export_matrix([story], {a.id: a for a in m.ARTICLES}, path, "csv") == 5
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM: spreadsheets read the accents right
    rows = _read_csv(path)
    assert list(rows[0]) == list(COLUMNS)
    radio = next(r for r in rows if r["claim_id"] == "c-evac")
    assert radio["claim"] == "'-12 families were moved"
    assert radio["who"] == "'@mayor"
    assert radio["evidence"] == "Families below the dam were moved.\n=HYPERLINK(\"http://evil.example\",\"click\")"
    # the evidence cell starts with a plain sentence, so only a cell's first character matters
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for v in r.values())


def test_parquet_round_trip(tmp_path: Path, matrix_story: ModuleType) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    m = matrix_story
    path = tmp_path / "matrix.parquet"
    assert export_matrix([m.STORY], {a.id: a for a in m.ARTICLES}, path, "parquet") == 5
    table = pq.read_table(path)
    assert table.column_names == list(COLUMNS)
    assert table.to_pylist() == list(matrix_records([m.STORY], {a.id: a for a in m.ARTICLES}))


def test_cli_exports_from_a_store_or_a_report(tmp_path: Path, matrix_story: ModuleType) -> None:
    result = matrix_story.result()
    db = tmp_path / "newsprism.db"
    with Store(db) as store:
        store.upsert_articles(result.articles)
        store.save_analysis(result)
    report = tmp_path / "report.json"
    write_json(result, report)
    from_db, from_report = tmp_path / "db.csv", tmp_path / "report.csv"
    done = runner.invoke(app, ["export", "--db", str(db), "--out", str(from_db)])
    assert done.exit_code == 0, done.output
    assert "5 claim x outlet rows from 1 stories" in done.output
    done = runner.invoke(app, ["export", "--report", str(report), "--out", str(from_report), "--format", "csv"])
    assert done.exit_code == 0, done.output
    assert _read_csv(from_db) == _read_csv(from_report)
    assert [r["outlet"] for r in _read_csv(from_db)][:4] == list(matrix_story.LABELS)
    pytest.importorskip("pyarrow")
    done = runner.invoke(app, ["export", "--report", str(report), "--out", str(tmp_path / "m.parquet"),
                               "--format", "parquet"])
    assert done.exit_code == 0, done.output


def test_cli_export_refuses_bad_input(tmp_path: Path) -> None:
    out = str(tmp_path / "x.csv")
    assert runner.invoke(app, ["export", "--out", out, "--format", "xlsx"]).exit_code == 2
    assert runner.invoke(app, ["export", "--out", out, "--db", "a.db", "--report", "r.json"]).exit_code == 2
    missing = runner.invoke(app, ["export", "--out", out, "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no store" in missing.output
    bad = tmp_path / "report.json"
    bad.write_text('{"version": 1}', encoding="utf-8")
    wrong = runner.invoke(app, ["export", "--out", out, "--report", str(bad)])
    assert wrong.exit_code == 1 and "not a newsprism report.json" in wrong.output
    assert not Path(out).exists()
