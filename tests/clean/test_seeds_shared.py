"""The real seed articles (../shared, skipped when absent), scored by the project's own scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsprism.clean import clean_corpus
from newsprism.pipeline import FailurePolicy
from newsprism.records import RawDocument
from newsprism.settings import Settings


def test_seed_cleaning_scores(shared_dir: Path, tmp_path: Path) -> None:
    docs = [RawDocument(source_path=str(p), text=p.read_text(encoding="utf-8"))
            for p in sorted((shared_dir / "seeds").glob("*.txt"))]
    arts = clean_corpus(docs, settings=Settings(), policy=FailurePolicy(), progress=lambda *a: None)
    report = {"version": 1, "articles": [a.to_dict() for a in arts], "stories": [], "quotes": [], "citations": []}
    (tmp_path / "report.json").write_text(json.dumps(report), encoding="utf-8")
    run = subprocess.run([sys.executable, str(shared_dir / "scripts" / "score_seeds.py"),
                          str(tmp_path / "report.json"), "--json"], capture_output=True, text=True, check=True)
    got = json.loads(run.stdout)
    assert got["line_f1"] >= 0.97
    assert got["body_kept"] >= 0.99
    assert got["category_accuracy"] >= 0.85
    assert got["titles"] == "4/4"
