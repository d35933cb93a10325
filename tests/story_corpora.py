"""The tiny story corpora of tests/data/stories as records, and one story's comparison (shared by the compare tests)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newsprism.compare import compare_story
from newsprism.pipeline import FailurePolicy, extract_corpus
from newsprism.records import Article, ClaimGroup, Story
from newsprism.resources import Resources
from newsprism.settings import Settings

STORIES = Path(__file__).resolve().parent / "data" / "stories"


def story_articles(name: str, changes: Mapping[str, Mapping[str, Any]] | None = None) -> list[Article]:
    """The articles of ``tests/data/stories/NAME.jsonl`` (``changes``: fields to set, by article id)."""
    rows = [json.loads(line) for line in (STORIES / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line]
    arts = [Article(id=r["id"], text=r["text"], outlet=r["outlet"], published=r["published"], title=r["title"])
            for r in rows]
    if changes:
        arts = [Article(**{**{f: getattr(a, f) for f in a.__dataclass_fields__}, **changes.get(a.id, {})})
                for a in arts]
    return arts


def compare_named(name: str, resources: Resources, settings: Settings,
                  changes: Mapping[str, Mapping[str, Any]] | None = None) -> list[ClaimGroup]:
    """Extract the named corpus and compare it as one story."""
    arts = story_articles(name, changes)
    ex = extract_corpus(arts, resources=resources, settings=settings, policy=FailurePolicy(),
                        progress=lambda *_: None)
    story = Story(id=f"s-{name}", title=name, article_ids=tuple(a.id for a in arts))
    return compare_story(story, arts, quotes=ex.quotes, citations=ex.citations, claims=ex.claims,
                         resources=resources, settings=settings)
