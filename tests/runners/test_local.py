"""The local runner on a corpus past one extract batch: records wait on disk and the result is the same."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newsprism import analyze
from newsprism.report.json import write_json
from newsprism.report.markdown import to_markdown
from newsprism.resources import Resources
from newsprism.settings import Settings
from newsprism.spill import RecordSpill, WithRawText

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_records_on_disk_give_the_same_result(tmp_path: Path, resources: Resources, settings: Settings) -> None:
    whole = analyze([EXAMPLES], settings=settings, resources=resources)
    spilled = analyze([EXAMPLES], settings=replace(settings, extract_batch=3), resources=resources)
    assert isinstance(whole.quotes, tuple) and isinstance(whole.stories, tuple)
    for records in (spilled.quotes, spilled.citations, spilled.claims, spilled.stories):
        assert isinstance(records, RecordSpill)
    assert isinstance(spilled.articles, WithRawText)
    assert all(a.raw_text == "" for a in spilled.articles.articles)  # the raw texts waited on disk
    assert any(a.raw_text for a in spilled.articles)  # and come back for the reports
    assert whole.quotes and any(s.claims for s in whole.stories)
    assert spilled.to_dict() == whole.to_dict()
    write_json(whole, tmp_path / "whole.json")
    write_json(spilled, tmp_path / "spilled.json")
    assert (tmp_path / "spilled.json").read_bytes() == (tmp_path / "whole.json").read_bytes()
    assert to_markdown(spilled) == to_markdown(whole)
