"""The report.json contract as a JSON Schema in the package: valid draft 2020-12, the contract's fields required,
enums from the code's own StrEnums, and errors that name the place a report breaks it."""

from __future__ import annotations

import copy
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from tests.sample_result import sample_result

from newsprism.errors import NewsprismError, ReportError
from newsprism.labels import ClaimStatus, Stance
from newsprism.records import REMOVED_CATEGORIES, SEVERITIES
from newsprism.report.json import to_report_dict, write_json
from newsprism.report.schema import report_schema, validate_report

ROOT = Path(__file__).resolve().parents[2]

# ARCHITECTURE.md, "report.json — the output contract (v1)": the fields none of which may be missing.
CONTRACT: dict[str, set[str]] = {
    "": {"version", "articles", "stories", "quotes", "citations", "entities", "failures"},
    "article": {"id", "source_path", "source_id", "title", "outlet", "published", "language", "text", "removed",
                "duplicate_of", "derived_from"},
    "removed": {"text", "category"},
    "story": {"id", "title", "article_ids", "related_story_ids", "summary", "timeline", "claims"},
    "summary_sentence": {"text", "citations"},
    "timeline_event": {"date", "text", "citations"},
    "claim": {"id", "text", "status", "sources"},
    "claim_source": {"article_id", "outlet", "stance", "text", "attributed_to"},
    "quote": {"article_id", "text", "speaker", "anonymous", "direct", "cue", "via"},
    "citation": {"article_id", "outlet", "text"},
    "entity": {"id", "name", "label", "aliases", "article_ids"},
    "failure": {"source_path", "stage", "error"},
}


@pytest.fixture
def report() -> dict[str, Any]:
    return to_report_dict(sample_result())


def _node(schema: dict[str, Any], name: str) -> dict[str, Any]:
    return schema if not name else schema["$defs"][name]  # type: ignore[no-any-return]


def _problem(report: dict[str, Any], *, strict: bool = False) -> str:
    with pytest.raises(ReportError) as caught:
        validate_report(report, strict=strict)
    return str(caught.value)


def test_the_schema_is_draft_2020_12_and_ships_in_the_package() -> None:
    text = resources.files("newsprism").joinpath("schema", "report.schema.json").read_text(encoding="utf-8")
    assert '"$schema": "https://json-schema.org/draft/2020-12/schema"' in text
    schema = report_schema()
    Draft202012Validator.check_schema(schema)
    Draft202012Validator.check_schema(report_schema(strict=True))
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["newsprism"]
    assert "schema/*.json" in package_data, "an installed wheel would lack the schema"


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_the_contract_fields_are_required_and_every_property_described(name: str) -> None:
    node = _node(report_schema(), name)
    assert set(node["required"]) == CONTRACT[name]
    for key, prop in node["properties"].items():
        assert (prop.get("description") or "").strip() or "$ref" in prop or "items" in prop, key


def test_enums_are_the_code_s_own_values() -> None:
    defs = report_schema()["$defs"]
    assert defs["claim"]["properties"]["status"]["enum"] == [s.value for s in ClaimStatus]
    assert set(defs["claim"]["properties"]["status"]["enum"]) == {
        "corroborated", "single-source", "disputed", "denied", "unverified"}
    assert defs["claim_source"]["properties"]["stance"]["enum"] == [s.value for s in Stance]
    assert set(defs["claim_source"]["properties"]["stance"]["enum"]) == {"reports", "attributes", "denies", "doubts"}
    assert defs["failure"]["properties"]["severity"]["enum"] == list(SEVERITIES)
    assert defs["removed"]["properties"]["category"]["enum"] == list(REMOVED_CATEGORIES)


def test_a_written_report_validates_strictly(report: dict[str, Any]) -> None:
    assert report["stories"] and report["stories"][0]["claims"] and report["quotes"] and report["failures"]
    validate_report(report)
    validate_report(report, strict=True)


def test_a_wrong_status_is_named_with_its_path(report: dict[str, Any]) -> None:
    report["stories"][0]["claims"][0]["status"] = "confirmed"
    message = _problem(report)
    assert "$.stories[0].claims[0].status" in message and "'confirmed' is not one of" in message


def test_a_missing_contract_field_and_a_wrong_type_are_each_named(report: dict[str, Any]) -> None:
    del report["articles"][0]["source_id"]
    report["quotes"][0]["anonymous"] = "no"
    message = _problem(report)
    assert "2 problems" in message
    assert "$.articles[0]: 'source_id' is a required property" in message
    assert "$.quotes[0].anonymous: 'no' is not of type 'boolean'" in message


def test_dates_must_look_like_dates(report: dict[str, Any]) -> None:
    report["articles"][0]["published"] = "17"
    assert "$.articles[0].published" in _problem(report)
    bad = copy.deepcopy(report)
    bad["stories"][0]["timeline"][0]["date"] = "late May"
    assert "$.stories[0].timeline[0].date" in _problem(bad)
    for fine in ("2024-05-01T08:00:00+00:00", None):
        report["articles"][0]["published"] = fine
        validate_report(report, strict=True)
    for fine in ("", "2022", "2022-03", "2022-W10", "--03-13", "--02"):
        report["stories"][0]["timeline"][0]["date"] = fine
        validate_report(report, strict=True)


def test_an_unknown_field_is_welcome_except_in_strict_mode(report: dict[str, Any]) -> None:
    report["articles"][0]["sentiment"] = 0.3
    report["later_section"] = []
    validate_report(report)
    message = _problem(report, strict=True)
    assert "sentiment" in message and "later_section" in message and "strict" in message


def test_strict_mode_wants_every_field_this_version_writes(report: dict[str, Any]) -> None:
    del report["stories"][0]["claims"][0]["reason"]
    validate_report(report)
    assert "$.stories[0].claims[0]: 'reason' is a required property" in _problem(report, strict=True)


def test_an_id_the_report_does_not_hold_is_named(report: dict[str, Any]) -> None:
    report["stories"][0]["claims"][0]["sources"][0]["article_id"] = "a-gone"
    report["articles"][1]["derived_from"] = ["a-missing"]
    message = _problem(report)
    assert "$.stories[0].claims[0].sources[0].article_id: article 'a-gone' is not in the report" in message
    assert "$.articles[1].derived_from: article 'a-missing' is not in the report" in message


def test_the_error_is_a_newsprism_error_and_a_value_error_and_lists_at_most_ten(report: dict[str, Any]) -> None:
    for article in report["articles"]:
        article["text"] = None
    assert len(report["articles"]) > 1
    with pytest.raises(ValueError) as caught:
        validate_report({**report, "articles": report["articles"] * 6})
    assert isinstance(caught.value, NewsprismError)
    assert f"{len(report['articles']) * 6} problems" in str(caught.value) and "more" in str(caught.value)
    assert str(caught.value).count("is not of type 'string'") == 10


def test_the_tests_check_every_report_they_write(tmp_path: Path) -> None:
    """tests/conftest.py wraps write_json: a test writing a report that breaks the contract fails."""
    result = sample_result()
    story = result.stories[0]
    from dataclasses import replace

    broken = replace(result, stories=(replace(story, article_ids=(*story.article_ids, "a-not-there")),))
    with pytest.raises(ReportError, match="a-not-there"):
        write_json(broken, tmp_path / "report.json")


def _properties(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        found |= set(node.get("properties", {})) if isinstance(node.get("properties"), dict) else set()
        for value in node.values():
            found |= _properties(value)
    elif isinstance(node, list):
        for value in node:
            found |= _properties(value)
    return found


def test_docs_describe_every_field_and_the_readme_links_them() -> None:
    docs = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    undocumented = sorted(p for p in _properties(report_schema()) if f"`{p}`" not in docs)
    assert not undocumented, f"fields of report.schema.json that docs/report.md does not name: {undocumented}"
    for value in [*(s.value for s in ClaimStatus), *(s.value for s in Stance), *REMOVED_CATEGORIES, *SEVERITIES]:
        assert f"`{value}`" in docs, value
    assert "(docs/report.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
