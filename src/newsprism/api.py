"""The Python API: the same job as `newsprism analyze`, returning records."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from newsprism.clean import load_judge
from newsprism.pipeline import FailurePolicy, Progress, _no_progress, clean_documents, process_articles
from newsprism.records import AnalysisResult, RawDocument
from newsprism.resources import Resources
from newsprism.settings import Settings


def analyze(inputs: Sequence[str | Path], *, settings: Settings | None = None, db: str | Path | None = None,
            resources: Resources | None = None, progress: Progress = _no_progress,
            field_map: dict[str, str] | None = None) -> AnalysisResult:
    """Read every input, run every stage, and (with ``db``) store the result in SQLite."""
    from newsprism.runners.local import run_local

    settings = settings or Settings()
    return run_local([str(i) for i in inputs], settings=settings, db=Path(db) if db else None,
                     resources=resources, progress=progress, field_map=field_map)


def analyze_documents(docs: Iterable[RawDocument], *, settings: Settings | None = None,
                      resources: Resources | None = None) -> AnalysisResult:
    """Run every stage on documents already in memory (no files, no store)."""
    settings = settings or Settings()
    resources = resources or Resources(settings)
    policy = FailurePolicy()
    judge = resources.model(f"cleaner:{settings.cleaner}", lambda: load_judge(settings))
    articles = clean_documents(list(docs), settings, policy, seen=set(), judge=judge)
    return process_articles(articles, resources, settings, policy)


def stance(claim: str, texts: Sequence[str], *, settings: Settings | None = None,
           resources: Resources | None = None) -> list[dict[str, Any]]:
    """Each text's stance on the claim: reports, attributes, denies, doubts or unrelated, with a score."""
    from newsprism.stance import stance_of_texts

    settings = settings or Settings()
    return stance_of_texts(claim, texts, resources=resources or Resources(settings), settings=settings)
