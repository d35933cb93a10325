"""Records to rows and back, through ``Record.to_row()/from_row()``, with unknown fields kept in ``extra``."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from newsprism.records import Record

R = TypeVar("R", bound=Record)


def columns(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    """The columns of a table, in order (names are ours, never user input)."""
    return tuple(row[1] for row in conn.execute(f'PRAGMA table_info("{table}")'))


def to_rows(records: Iterable[Record], cols: Sequence[str], *, skip: Sequence[str] = (),
            **fixed: Any) -> list[dict[str, Any]]:
    """Rows for ``cols``: fields without a column go into ``extra`` as JSON; ``fixed`` adds columns to every row."""
    rows: list[dict[str, Any]] = []
    known = set(cols)
    for record in records:
        row = {k: v for k, v in record.to_row().items() if k not in skip}
        extra = {k: row.pop(k) for k in list(row) if k not in known}
        if "extra" in known:
            row["extra"] = json.dumps(extra, ensure_ascii=False) if extra else None
        row.update(fixed)
        rows.append(row)
    return rows


def insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]], *, verb: str = "INSERT",
           conflict: str = "") -> None:
    """One ``executemany`` for all rows (they share their keys)."""
    if not rows:
        return
    names = list(rows[0])
    cols = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join(f":{n}" for n in names)
    conn.executemany(f'{verb} INTO "{table}" ({cols}) VALUES ({marks}) {conflict}', rows)


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
