"""Shared by tests/test_examples.py and tests/test_examples_facts.py: the example corpus analysed once per session.

The full analysis of ``examples/`` is the slowest thing these tests do, so it runs once and both modules read the
same result. Loaded under one fixed module name (importlib mode has no package for tests/), so the cache is shared.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism import AnalysisResult, analyze
from newsprism.report.json import to_report_dict
from newsprism.resources import Resources

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# Every corpus file and how many articles it holds (examples/README.md, "Files"). README.md is documentation.
CORPUS_FILES: dict[str, int] = {
    "archive-export.jsonl": 3,
    "harbour-ledger-estraland-credit-line.html": 1,
    "harbour-ledger-morvania-jets.html": 1,
    "lindenford-today-tram-vote.txt": 1,
    "meridian-post-morvania-denial.txt": 1,
    "meridian-post-saltmere-toll.txt": 1,
    "northfield-courier-morvania-jets.txt": 1,
    "northfield-courier-saltmere-fire.html": 1,
    "riverside-bugle-tram-vote.html": 1,
    "saltmere-gazette-port-fire.txt": 1,
    "trendpulse-morvania-warplanes.txt": 1,
    "valeport-wire-feed.xml": 3,
}
ARTICLE_COUNT = sum(CORPUS_FILES.values())  # 16

_CACHE: dict[str, Any] = {}


def examples_result(resources: Resources, tmp_path_factory: pytest.TempPathFactory) -> AnalysisResult:
    """``newsprism.analyze(["examples"], db=...)``, computed once per test session (the store: ``examples_db``)."""
    if "result" not in _CACHE:
        db = tmp_path_factory.mktemp("examples") / "api.db"
        _CACHE["result"] = analyze([str(EXAMPLES)], resources=resources, db=db)
        _CACHE["db"] = db
    return _CACHE["result"]  # type: ignore[no-any-return]


def examples_db(resources: Resources, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SQLite store the session's example analysis wrote."""
    examples_result(resources, tmp_path_factory)
    return _CACHE["db"]  # type: ignore[no-any-return]


def examples_report(resources: Resources, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The report.json dictionary (contract v1) of the session's example analysis."""
    if "report" not in _CACHE:
        _CACHE["report"] = to_report_dict(examples_result(resources, tmp_path_factory))
    return _CACHE["report"]  # type: ignore[no-any-return]


def file_of(source_path: str | None) -> str:
    """The corpus file name an article came from (source paths are given relative or absolute)."""
    return Path(source_path or "").name
