"""report.json is written item by item, with the same bytes as one dump of the whole report."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from tests.sample_result import sample_result

from newsprism.report.json import to_report_dict, write_json
from newsprism.report.schema import validate_report


def test_streamed_report_is_the_whole_dump_byte_for_byte(tmp_path: Path) -> None:
    result = sample_result()
    assert result.articles and result.stories and result.quotes
    path = tmp_path / "report.json"
    write_json(result, path)
    text = path.read_text(encoding="utf-8")
    assert text == json.dumps(to_report_dict(result), ensure_ascii=False, indent=1)
    assert json.loads(text)["articles"][0]["id"] == result.articles[0].id
    validate_report(json.loads(text), strict=True)
    assert not (tmp_path / "report.json.tmp").exists()


def test_empty_lists_and_text_with_newlines_stay_valid(tmp_path: Path) -> None:
    result = sample_result()
    article = replace(result.articles[0], text="line one\nline two “quoted”\n")
    result = replace(result, articles=(article, *result.articles[1:]), quotes=(), citations=(), failures=())
    path = tmp_path / "report.json"
    write_json(result, path)
    text = path.read_text(encoding="utf-8")
    assert text == json.dumps(to_report_dict(result), ensure_ascii=False, indent=1)
    data = json.loads(text)
    validate_report(data, strict=True)
    assert data["quotes"] == [] and data["articles"][0]["text"] == "line one\nline two “quoted”\n"
