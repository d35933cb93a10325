from __future__ import annotations

from pathlib import Path

from newsprism.ingest import read_inputs
from newsprism.records import Failure
from newsprism.settings import Settings


def test_folder_walk_skips_readme_and_license_but_reads_them_by_name(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# My corpus\n\nWhat is in here.\n", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("Some licence text.\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("The ferry to Kell Island ran late on Friday.\n", encoding="utf-8")
    failures: list[Failure] = []
    docs = list(read_inputs([str(tmp_path)], settings=Settings(), failures=failures))
    assert [Path(d.source_path or "").name for d in docs] == ["story.txt"]
    named = list(read_inputs([str(tmp_path / "README.md")], settings=Settings(), failures=failures))
    assert len(named) == 1
    assert failures == []
