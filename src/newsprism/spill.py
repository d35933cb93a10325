"""Records that wait on disk, not in RAM, while a large corpus goes through the stages.

A corpus past one extract batch keeps its quotes, citations, claims, finished stories and raw page texts in
temporary files, pickled per article (or per story), and reads back only what one story or one report item
needs. The files are private to the process and removed when the run's result is collected.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from newsprism.records import Article

R = TypeVar("R")

__all__ = ["Blobs", "RawTexts", "RecordSpill", "WithRawText"]


class Blobs:
    """Byte strings in a temporary file, each read back by where it was put.

    With ``path``, the file is that one and stays (a checkpoint's parses): what it held up to ``keep`` bytes is
    kept, anything after (written by a run killed before it saved where) is cut."""

    def __init__(self, prefix: str, *, path: Path | None = None, keep: int = 0) -> None:
        # closed by close() or when the owner is collected
        if path is None:
            self.file: Any = tempfile.TemporaryFile(prefix=prefix)  # noqa: SIM115
        else:
            self.file = open(path, "r+b" if path.exists() else "w+b")  # noqa: SIM115
            self.file.truncate(keep)

    def sync(self) -> int:
        """Everything put so far is on disk; returns the file's length."""
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.seek(0, 2)
        return int(self.file.tell())

    def put(self, data: bytes) -> tuple[int, int]:
        self.file.seek(0, 2)
        where = (self.file.tell(), len(data))
        self.file.write(data)
        return where

    def get(self, where: tuple[int, int]) -> bytes:
        self.file.seek(where[0])
        return bytes(self.file.read(where[1]))

    def close(self) -> None:
        self.file.close()


class RecordSpill(Sequence[R], Generic[R]):
    """An append-only sequence of records kept on disk in groups (one pickle per article or story).

    It reads like the tuple it replaces: ``len``, iteration in the order groups were added, and indexing;
    ``of(keys)`` gives the records of some groups in that same order, which is the corpus order stages rely on.
    """

    def __init__(self, prefix: str = "newsprism-records-") -> None:
        self.blobs = Blobs(prefix)
        self.where: dict[str, tuple[int, int, int]] = {}  # key -> (offset, length, order)
        self.starts: list[int] = []  # index of each group's first record, in the order added
        self.keys: list[str] = []
        self.size = 0

    def add(self, key: str, records: Sequence[R]) -> None:
        """The records of one group; a key added again replaces nothing and is an error (records stay unique)."""
        if key in self.where:
            raise ValueError(f"records of {key!r} were added already")
        if not records:
            return
        offset, length = self.blobs.put(pickle.dumps(list(records), protocol=pickle.HIGHEST_PROTOCOL))
        self.where[key] = (offset, length, len(self.keys))
        self.keys.append(key)
        self.starts.append(self.size)
        self.size += len(records)

    def group(self, key: str) -> list[R]:
        found = self.where.get(key)
        if found is None:
            return []
        records: list[R] = pickle.loads(self.blobs.get(found[:2]))
        return records

    def of(self, keys: Iterable[str]) -> list[R]:
        """The records of these groups, in the order the groups were added."""
        known = sorted((self.where[k][2], k) for k in dict.fromkeys(keys) if k in self.where)
        return [r for _, k in known for r in self.group(k)]

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[R]:
        for key in self.keys:
            yield from self.group(key)

    @overload
    def __getitem__(self, index: int) -> R: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[R]: ...

    def __getitem__(self, index: int | slice) -> R | Sequence[R]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.size))]
        if index < 0:
            index += self.size
        if not 0 <= index < self.size:
            raise IndexError("record index out of range")
        from bisect import bisect_right

        g = bisect_right(self.starts, index) - 1
        return self.group(self.keys[g])[index - self.starts[g]]

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (list(self),))  # pickled (Ray, a saved result) as the tuple it stands for


class RawTexts:
    """Each article's raw text on disk: cleaning keeps it for the report (removed pieces are shown where they
    were), and no stage after cleaning reads it."""

    def __init__(self) -> None:
        self.blobs = Blobs("newsprism-raw-")
        self.where: dict[str, tuple[int, int]] = {}

    def slim(self, articles: Iterable[Article]) -> list[Article]:
        """The articles without their raw text, which waits here."""
        out = []
        for a in articles:
            if a.raw_text and a.id not in self.where:
                self.where[a.id] = self.blobs.put(a.raw_text.encode("utf-8"))
            out.append(replace(a, raw_text="") if a.raw_text else a)
        return out

    def get(self, article_id: str) -> str:
        found = self.where.get(article_id)
        return self.blobs.get(found).decode("utf-8") if found else ""


class WithRawText(Sequence[Article]):
    """Articles read with their raw text put back, one at a time."""

    def __init__(self, articles: Sequence[Article], raw: RawTexts) -> None:
        self.articles = articles
        self.raw = raw

    def _full(self, a: Article) -> Article:
        return a if a.raw_text or a.id not in self.raw.where else replace(a, raw_text=self.raw.get(a.id))

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return (self._full(a) for a in self.articles)

    @overload
    def __getitem__(self, index: int) -> Article: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Article]: ...

    def __getitem__(self, index: int | slice) -> Article | Sequence[Article]:
        if isinstance(index, slice):
            return [self._full(a) for a in self.articles[index]]
        return self._full(self.articles[index])

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (list(self),))
