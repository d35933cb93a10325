"""Shared fixtures: one Resources per test session (models load once), ../shared when present."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newsprism.records import AnalysisResult
from newsprism.report.schema import validate_report
from newsprism.resources import Resources
from newsprism.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def load_report(path: Path) -> dict[str, Any]:
    """A report.json as a dict, after checking it against the shipped schema (strict: exactly what this version
    writes, every id it names present)."""
    report: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    validate_report(report, strict=True)
    return report


def pytest_configure(config: pytest.Config) -> None:
    """Every report.json written in the test process keeps the contract: ``write_json`` is wrapped (before the
    test modules import it) to check the file it wrote against the shipped schema; a report that breaks it fails
    the test that wrote it. Reports written by a child process are checked by the test that reads them."""
    import newsprism.report as report_pkg
    import newsprism.report.json as report_json

    original = report_json.write_json
    if getattr(original, "checks_schema", False):
        return

    def write_json(result: AnalysisResult, path: Path) -> None:
        original(result, path)
        load_report(path)

    write_json.checks_schema = True  # type: ignore[attr-defined]
    report_json.write_json = write_json  # type: ignore[assignment]
    report_pkg.write_json = write_json  # type: ignore[assignment]


@pytest.fixture
def read_report() -> Callable[[Path], dict[str, Any]]:
    """``read_report(path)``: the report.json at ``path``, checked against the shipped schema."""
    return load_report


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def resources(settings: Settings) -> Resources:
    return Resources(settings)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is absent (a fresh clone): benchmark data not available")
    return SHARED


@pytest.fixture
def fresh_db(tmp_path: Path) -> Path:
    return tmp_path / "newsprism.db"


def _by_path(name: str, file: str) -> ModuleType:
    """A helper module of tests/ loaded by path, once (tests/ is not an installed package)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parent / file)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


_kit = _by_path("newsprism_tests_htmlkit", "htmlkit.py")  # headless Chromium and the sample result
sample_module = _kit.sample_module
chromium = _kit.chromium
page = _kit.page


@pytest.fixture(scope="session")
def matrix_story() -> ModuleType:
    """tests/matrix_story.py (a small story for the claim x outlet views and the export), loaded by path."""
    return _by_path("newsprism_tests_matrix_story", "matrix_story.py")
