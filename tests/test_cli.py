from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism import __version__
from newsprism.cli import app

ROOT = Path(__file__).resolve().parents[1]

runner = CliRunner()
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)  # type: ignore[union-attr]


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_readme(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"newsprism {command}\b", readme), f"`newsprism {command}` is not named in README.md"


def test_usage_error_is_non_zero() -> None:
    result = runner.invoke(app, ["analyze"])
    assert result.exit_code != 0


def test_nothing_readable_is_non_zero(tmp_path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["analyze", str(empty), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "nothing could be read" in result.output


def test_report_of_a_store_holding_an_over_long_article_succeeds(tmp_path, read_report) -> None:  # type: ignore[no-untyped-def]
    """A store written before the length limit (or with a higher one) still reports: the body is cut for parsing
    and a warning row says so, where the whole body once stopped every later `report --db` (spaCy E088)."""
    from newsprism.records import Article, article_id_for
    from newsprism.store import Store

    line = "Mayor Ana Ruiz said the Lunde bridge would reopen in May, the Harbor Ledger reported. " * 120
    text = "Bridge to reopen\n\n" + line  # about 10,000 characters, the body on one line
    db = tmp_path / "old.db"
    with Store(db) as store:
        store.upsert_articles([Article(id=article_id_for(text), source_path="old/long.txt", text=text,
                                       raw_text=text)])
    out = tmp_path / "out"
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(out), "--set", "max_article_chars=3000"])
    assert result.exit_code == 0, result.output
    failures = read_report(out / "report.json")["failures"]
    assert [(f["stage"], f["severity"], f["source_path"]) for f in failures] == [
        ("extract", "warning", "old/long.txt")]
