"""report.json contract v1 as a JSON Schema (draft 2020-12), shipped in the package, and a check against it.

    from newsprism.report.schema import validate_report
    validate_report(json.loads(Path("out/report.json").read_text()))  # raises ReportError, or returns None

The schema (``newsprism/schema/report.schema.json``) requires the contract's fields and describes every field this
version writes; readers must accept more. ``strict=True`` checks a report against exactly what this version writes
(every described field present, none other): the tests use it so a new field cannot go undocumented. Beyond what a
schema can say, ``validate_report`` also checks that every id a report refers to is in it.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

from newsprism.errors import ReportError

SCHEMA_FILE = "report.schema.json"
_SHOWN = 10  # errors named in one message; the count says how many more


@cache
def _loaded() -> str:
    return resources.files("newsprism").joinpath("schema", SCHEMA_FILE).read_text(encoding="utf-8")


def report_schema(*, strict: bool = False) -> dict[str, Any]:
    """The schema as a fresh dict; ``strict``: every described property required and no other allowed (except in
    objects that say ``additionalProperties`` themselves, like ``stats``)."""
    schema: dict[str, Any] = json.loads(_loaded())
    if strict:
        for node in _objects(schema):
            node["required"] = list(node["properties"])
            node["additionalProperties"] = False
    return schema


def _objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every object schema with ``properties`` and no ``additionalProperties`` of its own, at any depth."""
    if isinstance(node, dict):
        if "properties" in node and "additionalProperties" not in node:
            yield node
        for value in list(node.values()):
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


@cache
def _validator(strict: bool) -> Any:
    try:
        from jsonschema import Draft202012Validator
    except ImportError as exc:  # pragma: no cover - jsonschema is a dependency
        raise ReportError("checking a report needs the jsonschema package: pip install jsonschema") from exc
    schema = report_schema(strict=strict)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(copy.deepcopy(schema))


def validate_report(report: Mapping[str, Any], *, strict: bool = False) -> None:
    """Raise ``ReportError`` naming each place (a JSON path such as ``$.stories[0].claims[2].status``) where
    ``report`` breaks the contract or refers to an id it does not hold; return None when it keeps it."""
    errors = sorted(_validator(strict).iter_errors(report), key=lambda e: e.json_path)
    problems = [f"{e.json_path}: {_short(e.message)}" for e in errors]
    if not problems:
        problems = list(dangling_references(report))
    if problems:
        kind = "strict " if strict else ""
        more = f"\n  ... and {len(problems) - _SHOWN} more" if len(problems) > _SHOWN else ""
        raise ReportError(f"not a valid newsprism report.json (contract v1, {kind}schema {SCHEMA_FILE}): "
                          f"{len(problems)} problem{'s' if len(problems) != 1 else ''}\n  "
                          + "\n  ".join(problems[:_SHOWN]) + more)


def _short(message: str, limit: int = 200) -> str:
    return message if len(message) <= limit else message[:limit] + "..."


def dangling_references(report: Mapping[str, Any]) -> Iterator[str]:
    """Each place a report names an article, story or entity id it does not hold (for a report the schema passed)."""
    articles = {a["id"] for a in report["articles"]}
    stories = {s["id"] for s in report["stories"]}
    entities = {e["id"] for e in report["entities"]}

    def missing(path: str, values: Any, known: set[str], what: str) -> Iterator[str]:
        for value in [values] if isinstance(values, str) else values:
            if value not in known:
                yield f"{path}: {what} {value!r} is not in the report"

    for i, a in enumerate(report["articles"]):
        if a["duplicate_of"] is not None:
            yield from missing(f"$.articles[{i}].duplicate_of", a["duplicate_of"], articles, "article")
        yield from missing(f"$.articles[{i}].derived_from", a["derived_from"], articles, "article")
    for i, s in enumerate(report["stories"]):
        at = f"$.stories[{i}]"
        yield from missing(f"{at}.article_ids", s["article_ids"], articles, "article")
        yield from missing(f"{at}.related_story_ids", s["related_story_ids"], stories, "story")
        for part in ("summary", "timeline"):
            for j, line in enumerate(s[part]):
                yield from missing(f"{at}.{part}[{j}].citations", line["citations"], articles, "article")
        for j, claim in enumerate(s["claims"]):
            for k, source in enumerate(claim["sources"]):
                yield from missing(f"{at}.claims[{j}].sources[{k}].article_id", source["article_id"], articles,
                                   "article")
    for part in ("quotes", "citations"):
        for i, item in enumerate(report[part]):
            yield from missing(f"$.{part}[{i}].article_id", item["article_id"], articles, "article")
    for i, q in enumerate(report["quotes"]):
        if q.get("speaker_entity_id") is not None:
            yield from missing(f"$.quotes[{i}].speaker_entity_id", q["speaker_entity_id"], entities, "entity")
    for i, e in enumerate(report["entities"]):
        yield from missing(f"$.entities[{i}].article_ids", e["article_ids"], articles, "article")


__all__ = ["SCHEMA_FILE", "dangling_references", "report_schema", "validate_report"]
