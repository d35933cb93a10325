"""Records to rows and back, through ``Record.to_row()/from_row()``, with unknown fields kept in ``extra``."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import Any, TypeVar

from newsprism.records import Record

R = TypeVar("R", bound=Record)


def columns(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    """The columns of a table, in order (names are ours, never user input)."""
    return tuple(row[1] for row in conn.execute(f'PRAGMA table_info("{table}")'))


def iter_rows(records: Iterable[Record], cols: Sequence[str], *, skip: Sequence[str] = (),
              **fixed: Any) -> Iterator[dict[str, Any]]:
    """Rows for ``cols``, one at a time (a whole analysis is written without all its rows in memory): fields
    without a column go into ``extra`` as JSON; ``fixed`` adds columns to every row."""
    known = set(cols)
    for record in records:
        row = {k: v for k, v in record.to_row().items() if k not in skip}
        extra = {k: row.pop(k) for k in list(row) if k not in known}
        if "extra" in known:
            row["extra"] = json.dumps(extra, ensure_ascii=False) if extra else None
        row.update(fixed)
        yield row


def to_rows(records: Iterable[Record], cols: Sequence[str], *, skip: Sequence[str] = (),
            **fixed: Any) -> list[dict[str, Any]]:
    return list(iter_rows(records, cols, skip=skip, **fixed))


def peek(rows: Iterable[dict[str, Any]]) -> tuple[dict[str, Any] | None, Iterator[dict[str, Any]]]:
    """The first row (None when there is none) and every row, the first included."""
    it = iter(rows)
    first = next(it, None)
    return first, (it if first is None else chain((first,), it))


def insert(conn: sqlite3.Connection, table: str, rows: Iterable[dict[str, Any]], *, verb: str = "INSERT",
           conflict: str = "") -> None:
    """One ``executemany`` over all rows (they share their keys), read as it goes."""
    first, every = peek(rows)
    if first is None:
        return
    names = list(first)
    cols = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join(f":{n}" for n in names)
    conn.executemany(f'{verb} INTO "{table}" ({cols}) VALUES ({marks}) {conflict}', every)


def from_rows(cls: type[R], rows: Iterable[sqlite3.Row | dict[str, Any]], **extra_fields: Any) -> list[R]:
    """Records from rows, with fields that were kept in ``extra`` restored."""
    out: list[R] = []
    for row in rows:
        data = dict(row)
        extra = data.pop("extra", None)
        if extra:
            for k, v in json.loads(extra).items():
                data.setdefault(k, v)
        data.update(extra_fields)
        out.append(cls.from_row(data))
    return out
