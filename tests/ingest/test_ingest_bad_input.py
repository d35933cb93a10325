"""The acceptance batch: good files mixed with bad ones; every good document read, every bad one a failure."""

from __future__ import annotations

import gzip
import json
import os
import shutil
from pathlib import Path

import pytest

from newsprism.records import Failure


def _errors(failures: list[Failure], name: str) -> list[str]:
    return [f.error for f in failures if f.source_path and Path(f.source_path).name == name]


def _batch(root: Path, data: Path) -> None:
    """Good and bad inputs side by side, bad ones in every way the acceptance names."""
    (root / "nested").mkdir(parents=True)
    shutil.copy(data / "bridge.txt", root / "good.txt")
    shutil.copy(data / "cafe.html", root / "nested" / "good.html")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_text("   \n\n  ", encoding="utf-8")
    (root / "photo.bin").write_bytes(bytes(range(256)) * 8)
    (root / "scan.txt").write_bytes(b"\x00\x01\x02GIF89a" + bytes(range(200)))
    # Windows-1252 text, not UTF-8: read with detection, listed with its reason
    (root / "latin.txt").write_bytes("Die Stadtwerke von Kornheim erhöhen die Preise für Fernwärme um "
                                     "zwölf Prozent, sagte die Sprecherin Ute Mäder am Dienstag.".encode("cp1252"))
    # bytes no encoding explains: read with replacement characters
    (root / "mangled.txt").write_bytes(b"The Tollbridge market opens at dawn \xff\xfe\x81 every Sunday.\n")
    lines = [json.dumps({"id": f"t{i}", "text": f"Article {i} on the Farrow canal locks, number {i}."})
             for i in range(300)]
    whole = gzip.compress("\n".join(lines).encode("utf-8"))
    (root / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    (root / "broken.jsonl").write_text("\n".join([
        json.dumps({"id": "b1", "text": "The Hessing choir wins a regional prize."}),
        '{"id": "b2", "text": "unterminated',
        json.dumps({"id": "b3", "text": "Hessing council repaints the old bandstand."}),
        "not json at all",
        json.dumps(["a", "list"]),
        json.dumps({"id": "b6", "text": "Hessing bakery reopens after the fire."}),
    ]) + "\n", encoding="utf-8")
    os.symlink("..", root / "nested" / "loop")


def test_bad_inputs_are_listed_and_good_documents_kept(read, data: Path, tmp_path: Path) -> None:
    root = tmp_path / "batch"
    _batch(root, data)
    docs, failures = read([root])
    texts = {d.source_path and Path(d.source_path).name: d for d in docs}

    # every good document, once (the loop did not read the folder twice)
    assert sum(1 for d in docs if d.source_path and d.source_path.endswith("good.txt")) == 1
    assert "Lindenvale" in (texts["good.txt"].text or "")
    assert "Café" in (texts["good.html"].html or "")
    assert [d.source_id for d in docs if d.source_path.endswith("broken.jsonl")] == ["b1", "b3", "b6"]
    cut = [d.source_id for d in docs if d.source_path.endswith("cut.jsonl.gz")]
    assert 0 < len(cut) < 300 and cut == [f"t{i}" for i in range(len(cut))]  # lines before the damage
    assert "erhöhen" in (texts["latin.txt"].text or "") and "Mäder" in (texts["latin.txt"].text or "")
    assert "Tollbridge market opens at dawn" in (texts["mangled.txt"].text or "")  # read, whatever the odd bytes
    assert (texts["mangled.txt"].text or "").endswith("every Sunday.\n")

    # every bad one listed, with a reason that says what happened
    assert all(f.stage == "ingest" for f in failures)
    assert "empty" in _errors(failures, "empty.txt")[0]
    assert "blank" in _errors(failures, "blank.md")[0] or "whitespace" in _errors(failures, "blank.md")[0]
    assert "binary" in _errors(failures, "photo.bin")[0]
    assert "binary" in _errors(failures, "scan.txt")[0]
    assert "UTF-8" in _errors(failures, "latin.txt")[0]
    assert "UTF-8" in _errors(failures, "mangled.txt")[0]
    assert "truncated" in _errors(failures, "cut.jsonl.gz")[0]
    broken = _errors(failures, "broken.jsonl")
    assert len(broken) == 3
    assert any(e.startswith("line 2:") and "not valid JSON" in e for e in broken)
    assert any(e.startswith("line 4:") for e in broken) and any(e.startswith("line 5:") for e in broken)
    assert any("symlink loop" in e for e in _errors(failures, "loop"))
    assert len(failures) == 11  # nothing else went wrong


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file regardless of permissions")
def test_unreadable_file_is_a_failure(read, data: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("The Ormley ferry strike ends.", encoding="utf-8")
    locked.chmod(0)
    try:
        docs, failures = read([tmp_path, data / "bridge.txt"])
    finally:
        locked.chmod(0o644)
    assert [Path(d.source_path or "").name for d in docs] == ["bridge.txt"]
    assert "permission" in _errors(failures, "locked.txt")[0]


def test_broken_symlink_is_a_failure(read, data: Path, tmp_path: Path) -> None:
    shutil.copy(data / "ferry.md", tmp_path / "ferry.md")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    docs, failures = read([tmp_path])
    assert len(docs) == 1
    assert "broken symlink" in _errors(failures, "dangling.txt")[0]


def test_truncated_gzip_of_a_single_document(read, data: Path, tmp_path: Path) -> None:
    packed = gzip.compress((data / "bridge.txt").read_bytes() * 50)
    (tmp_path / "page.txt.gz").write_bytes(packed[: len(packed) // 2])
    shutil.copy(data / "ferry.md", tmp_path / "ferry.md")
    docs, failures = read([tmp_path])
    assert [Path(d.source_path or "").name for d in docs] == ["ferry.md"]
    assert "truncated" in _errors(failures, "page.txt.gz")[0]
