"""Reliability acceptance (issue #24): the bad-input folder of tests/ingest/test_reliability.py (built by its own
``build_corpus``, not a copy) analysed through the CLI at the default limits, in a child process.

Checked as the issue states it: exit 0 within 5 minutes, peak RSS under 2.5 GB, no traceback, the four good
articles in one story, every bad file a ``failures`` row (error or warning) whose reason names the problem, and
``newsprism report --db`` on the same store exits 0. Wall time and peak are the child's own (wait4). Needs no
../shared data.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT / "tests" / "ingest" / "test_reliability.py"
PY = sys.executable
WALL_LIMIT_S = 300.0
PEAK_LIMIT_MIB = 2.5 * 1024


def _suite() -> ModuleType:
    """The test module that generates the corpus (loaded by path: tests are not a package)."""
    spec = importlib.util.spec_from_file_location("newsprism_reliability_suite", SUITE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _child(cmd: list[str]) -> tuple[int, float, float, str]:
    """Run a child; its exit code, wall seconds, own peak RSS in MiB (wait4), and stdout + stderr."""
    with tempfile.TemporaryFile("w+") as out:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT,
                                env={**os.environ, "HF_HUB_OFFLINE": "1", "NO_COLOR": "1", "COLUMNS": "200"})
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        out.seek(0)
        return os.waitstatus_to_exitcode(status), wall, usage.ru_maxrss / 1024, out.read()


def _missing_rows(suite: ModuleType, report: dict[str, Any]) -> list[str]:
    """Bad files without a row whose reason holds the expected word."""
    out = []
    for name in sorted(suite.BAD):
        rows = [f for f in report["failures"] if f["source_path"] and Path(f["source_path"]).name == name]
        if not any(suite.REASON[name].lower() in r["error"].lower() for r in rows):
            out.append(f"{name} ({'no row' if not rows else rows[0]['error'][:80]})")
    return out


def _good_in_one_story(suite: ModuleType, report: dict[str, Any]) -> bool:
    ids = {a["id"] for a in report["articles"] if a["source_path"] and Path(a["source_path"]).name in suite.GOOD}
    return len(ids) == len(suite.GOOD) and any(set(s["article_ids"]) == ids for s in report["stories"])


def run(shared: Path, work: Path) -> str:
    from newsprism.settings import Settings

    suite = _suite()
    defaults = Settings()
    base = work / "reliability"
    shutil.rmtree(base, ignore_errors=True)
    corpus, db = base / "corpus", base / "store.db"
    suite.build_corpus(corpus, document_bytes=defaults.max_document_bytes)
    code, wall, peak, output = _child([PY, "-m", "newsprism", "analyze", str(corpus), "--db", str(db),
                                       "--out", str(base / "out")])
    report = json.loads((base / "out" / "report.json").read_text(encoding="utf-8")) if code == 0 else None
    again, again_wall, again_peak, again_output = _child([PY, "-m", "newsprism", "report", "--db", str(db),
                                                          "--out", str(base / "again")])
    missing = _missing_rows(suite, report) if report else ["(no report)"]
    one_story = bool(report) and _good_in_one_story(suite, report)
    traceback = "Traceback" in output or "Traceback" in again_output
    checks = [
        ("`analyze` exits 0", code == 0, f"exit {code}"),
        (f"within {WALL_LIMIT_S / 60:.0f} minutes", wall <= WALL_LIMIT_S, f"{wall:.0f} s"),
        (f"peak RSS < {PEAK_LIMIT_MIB / 1024:.1f} GB", peak < PEAK_LIMIT_MIB, f"{peak:.0f} MiB"),
        ("no traceback", not traceback, "none" if not traceback else "printed"),
        ("the four good articles in one story", one_story, "yes" if one_story else "no"),
        (f"every bad file ({len(suite.BAD)} kinds) a failures row with its reason", not missing,
         "all" if not missing else "missing: " + "; ".join(missing)),
        ("`report --db` on the same store exits 0", again == 0, f"exit {again}, {again_wall:.0f} s, "
                                                                f"{again_peak:.0f} MiB"),
    ]
    rows = ["Corpus: tests/ingest/test_reliability.py `build_corpus` (four good articles, "
            f"{len(suite.BAD)} kinds of bad input, {len(suite.ODD)} odd but readable ones), the gzip bomb sized past "
            f"the default max_document_bytes ({defaults.max_document_bytes:,}); default settings "
            f"(max_article_chars {defaults.max_article_chars:,}). One run each, in a child process.", "",
            "| check | result | measured |", "| --- | --- | --- |"]
    rows += [f"| {name} | {'pass' if ok else '**FAIL**'} | {what} |" for name, ok, what in checks]
    if report:
        errors = sum(1 for f in report["failures"] if f["severity"] == "error")
        rows += ["", f"Rows: {errors} errors, {len(report['failures']) - errors} warnings; "
                     f"{len(report['articles'])} articles in {len(report['stories'])} stories."]
    return "\n".join(rows)


if __name__ == "__main__":
    print(run(ROOT.parent / "shared", Path(tempfile.mkdtemp(prefix="bench-reliability-"))))
