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
