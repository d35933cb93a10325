"""Records on disk read like the tuples they replace."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from newsprism.records import Article, Quote
from newsprism.spill import Blobs, RawTexts, RecordSpill, WithRawText


def _quotes(article: str, n: int) -> list[Quote]:
    return [Quote(id=f"{article}-{i}", article_id=article, text=f"quote {i} of {article}") for i in range(n)]


def test_record_spill_reads_like_a_tuple() -> None:
    spill: RecordSpill[Quote] = RecordSpill()
    want = [*_quotes("a", 3), *_quotes("b", 0), *_quotes("c", 2), *_quotes("d", 1)]
    for key in "abcd":
        spill.add(key, [q for q in want if q.article_id == key])
    assert len(spill) == 6
    assert list(spill) == want
    assert [spill[i] for i in range(6)] == want
    assert spill[-1] == want[-1] and list(spill[1:4]) == want[1:4]
    with pytest.raises(IndexError):
        spill[6]
    # a group's records in the order the groups were added, whatever order they are asked in
    assert spill.of(["d", "a", "missing", "a"]) == [*want[:3], want[5]]
    assert spill.of(["b"]) == []
    with pytest.raises(ValueError, match="added already"):
        spill.add("a", _quotes("a", 1))
    assert pickle.loads(pickle.dumps(spill)) == tuple(want)


def test_raw_texts_wait_on_disk_and_come_back() -> None:
    arts = [Article(id=f"a{i}", raw_text=f"MENU\nbody {i}\nDonate", text=f"body {i}") for i in range(3)]
    raw = RawTexts()
    slim = raw.slim(arts)
    assert all(a.raw_text == "" and a.text for a in slim)
    full = WithRawText(tuple(slim), raw)
    assert list(full) == arts and full[1] == arts[1] and list(full[:2]) == arts[:2] and len(full) == 3
    assert pickle.loads(pickle.dumps(full)) == tuple(arts)


def test_blobs_in_a_kept_file_keep_what_was_synced(tmp_path: Path) -> None:
    """A checkpoint's file: reopened, it keeps the bytes up to the length saved and drops the rest."""
    path = tmp_path / "parses.bin"
    blobs = Blobs("", path=path)
    first = blobs.put(b"first")
    end = blobs.sync()
    blobs.put(b"written after the sync, by a run killed before it saved where")
    blobs.close()
    again = Blobs("", path=path, keep=end)
    assert again.get(first) == b"first"
    assert again.put(b"next") == (end, 4) and again.sync() == end + 4
    again.close()
    assert path.read_bytes() == b"firstnext"
