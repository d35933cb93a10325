"""report.json, contract v1 (../shared/ARCHITECTURE.md): every contract field present, extra fields welcome."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsprism.labels import ClaimStatus, Stance
from newsprism.records import AnalysisResult, ClaimGroup, Story

VERSION = 1


def _claim(group: ClaimGroup, outlets: dict[str, str | None]) -> dict[str, Any]:
    return {
        "id": group.id, "text": group.text, "status": ClaimStatus(group.status).value,  # the contract's strings
        "sources": [{"article_id": s.article_id,
                     "outlet": s.outlet if s.outlet is not None else outlets.get(s.article_id),
                     "stance": Stance(s.stance).value, "text": s.text, "attributed_to": s.attributed_to,
                     "score": s.score, "link": s.link}
                    for s in group.sources],
        "reason": group.reason, "first_source": group.first_source,
        "independent_origins": group.independent_origins,
        "provenance": [{"from": a, "to": b, "kind": k} for a, b, k in group.provenance],
    }


def _story(story: Story, outlets: dict[str, str | None]) -> dict[str, Any]:
    return {
        "id": story.id, "title": story.title, "article_ids": list(story.article_ids),
        "related_story_ids": list(story.related_story_ids),
        "summary": [{"text": s.text, "citations": list(s.citations)} for s in story.summary],
        "timeline": [{"date": e.date, "text": e.text, "citations": list(e.citations), "inferred": e.inferred}
                     for e in story.timeline],
        "claims": [_claim(g, outlets) for g in story.claims],
    }


def _sections(result: AnalysisResult) -> list[tuple[str, Any]]:
    """The report's top-level fields in order; the long lists as generators, so they can be written one item at a
    time."""
    outlets = {a.id: a.outlet for a in result.articles}
    return [
        ("version", VERSION),
        ("articles", ({
            "id": a.id, "source_path": a.source_path, "source_id": a.source_id, "url": a.url,
            "title": a.title, "outlet": a.outlet, "published": a.published,
            "published_inferred": a.published_inferred, "language": a.language, "authors": list(a.authors),
            "wire": a.wire,
            "text": a.text,
            "removed": [{"text": r.text, "category": r.category, "start": r.start, "end": r.end} for r in a.removed],
            "duplicate_of": a.duplicate_of, "derived_from": list(a.derived_from)} for a in result.articles)),
        ("stories", (_story(s, outlets) for s in result.stories)),
        ("quotes", ({"id": q.id, "article_id": q.article_id, "text": q.text, "speaker": q.speaker,
                     "speaker_entity_id": q.speaker_entity_id, "anonymous": q.anonymous, "direct": q.direct,
                     "cue": q.cue, "via": q.via, "start": q.start, "end": q.end} for q in result.quotes)),
        ("citations", ({"article_id": c.article_id, "outlet": c.outlet, "text": c.text, "kind": c.kind}
                       for c in result.citations)),
        ("entities", ({"id": e.id, "name": e.name, "label": e.label, "aliases": list(e.aliases),
                       "article_ids": list(e.article_ids)} for e in result.entities)),
        ("failures", ({"source_path": f.source_path, "stage": f.stage, "error": f.error, "severity": f.severity}
                      for f in result.failures)),
        ("stats", result.stats),
    ]


def to_report_dict(result: AnalysisResult) -> dict[str, Any]:
    return {key: value if not isinstance(value, Iterator) else list(value) for key, value in _sections(result)}


def _dump(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps(indent=1)`` writes it ``depth`` levels down."""
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)


def write_json(result: AnalysisResult, path: Path) -> None:
    """Write atomically (a reader never sees half a report) and item by item: the same bytes as one
    ``json.dumps(indent=1)`` of the whole report, without the whole report in memory as a dict and a string."""
    tmp = path.with_suffix(".json.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write("{")
        for k, (key, value) in enumerate(_sections(result)):
            fh.write(("," if k else "") + "\n " + json.dumps(key, ensure_ascii=False) + ": ")
            if not isinstance(value, Iterator):
                fh.write(_dump(value, 1))
                continue
            first = True
            for item in value:
                fh.write(("[\n  " if first else ",\n  ") + _dump(item, 2))
                first = False
            fh.write("[]" if first else "\n ]")
        fh.write("\n}")
    os.replace(tmp, path)
