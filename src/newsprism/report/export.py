"""`newsprism export`: the claim x outlet matrix as a flat table, for analysts who take it into their own tools.

One row per claim x outlet cell, built by the same ``claim_matrix`` as the Markdown, HTML and app views, so the
table and the pages agree cell for cell (one row per outlet, however many of its sentences a claim holds). Read
from a store or from a report.json, written as CSV (safe to open in a spreadsheet) or Parquet.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any

from newsprism.errors import InputError
from newsprism.records import Article, ClaimGroup, ClaimSource, Story
from newsprism.report.views import claim_matrix, day

COLUMNS: tuple[str, ...] = ("story_id", "story_title", "claim_id", "claim", "status", "outlet", "stance", "who",
                            "evidence", "article_ids", "url", "date", "links")
"""The table's columns. List-valued ones are joined with ``LIST_SEP``; evidence sentences one per line. ``links``:
why each denial or doubt of the cell is on its row (labels.Link values), last so that older readers keep working."""

LIST_SEP = "; "
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet takes a cell starting with one of these for a formula (CSV injection): such a cell gets a quote."""


class ExportFormat(StrEnum):
    CSV = "csv"
    PARQUET = "parquet"


def matrix_records(stories: Iterable[Story], articles: Mapping[str, Article]) -> Iterator[dict[str, str]]:
    """One dict per non-empty cell, story by story, rows in the views' order (contested claims first)."""
    for story in stories:
        columns, rows = claim_matrix(story, articles)
        for row in rows:
            for column, cell in zip(columns, row.cells, strict=True):
                if not cell:
                    continue
                arts = [articles[a] for a in cell.article_ids if a in articles]
                dates = sorted(d for d in (day(a.published) for a in arts) if d)
                where = dict.fromkeys(w for w in (a.url or a.source_path for a in arts) if w)
                yield {
                    "story_id": story.id, "story_title": story.title, "claim_id": row.id, "claim": row.text,
                    "status": row.status, "outlet": column.label, "stance": LIST_SEP.join(cell.stances),
                    "who": LIST_SEP.join(cell.who), "evidence": "\n".join(e.text for e in cell.evidence),
                    "article_ids": LIST_SEP.join(cell.article_ids),
                    "url": LIST_SEP.join(where),
                    "date": dates[0] if dates else "",
                    "links": LIST_SEP.join(dict.fromkeys(e.link for e in cell.evidence if e.link)),
                }


def spreadsheet_safe(value: str) -> str:
    """The value with a leading single quote when a spreadsheet would otherwise evaluate it as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def write_csv(records: Iterable[Mapping[str, str]], path: Path) -> int:
    """Write the rows as CSV (UTF-8 with a byte-order mark, so spreadsheets read accents right); return the count.

    Every cell that a spreadsheet would run as a formula is prefixed with a quote: claim and evidence text come
    from the articles, and an article is untrusted input.
    """
    n = 0
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for rec in records:
            writer.writerow([spreadsheet_safe(rec[c]) for c in COLUMNS])
            n += 1
    os.replace(tmp, path)
    return n


def write_parquet(records: Iterable[Mapping[str, str]], path: Path) -> int:
    """Write the rows as one Parquet file of string columns (values as they are: no spreadsheet quoting)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(records)
    schema = pa.schema([(c, pa.string()) for c in COLUMNS])
    table = pa.Table.from_pylist(rows, schema=schema)
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)
    return len(rows)


def export_matrix(stories: Iterable[Story], articles: Mapping[str, Article], path: Path,
                  fmt: ExportFormat | str = ExportFormat.CSV) -> int:
    """Write the matrix of ``stories`` to ``path`` in ``fmt``; return the number of rows (cells) written."""
    records = matrix_records(stories, articles)
    if ExportFormat(fmt) is ExportFormat.PARQUET:
        return write_parquet(records, path)
    return write_csv(records, path)


def load_store(db: Path) -> tuple[list[Story], dict[str, Article]]:
    """Stories and article labels (no article text) from a store, opened read-only."""
    from newsprism.store import Store

    with Store(db, read_only=True) as store:
        return store.load_stories(), {a.id: a for a in store.article_labels()}


def load_report(path: Path) -> tuple[list[Story], dict[str, Article]]:
    """Stories and article labels from a report.json (contract v1); a file that is not one is an InputError."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        articles = {a["id"]: Article(id=a["id"], outlet=a.get("outlet"), url=a.get("url"),
                                     source_path=a.get("source_path"), source_id=a.get("source_id"),
                                     published=a.get("published")) for a in data["articles"]}
        stories = [_story(s) for s in data["stories"]]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{path} is not a newsprism report.json: {exc!r}") from exc
    return stories, articles


def _story(s: dict[str, Any]) -> Story:
    claims = tuple(ClaimGroup(
        id=g["id"], text=g["text"], status=g["status"], reason=g.get("reason") or "",
        first_source=g.get("first_source"), independent_origins=int(g.get("independent_origins") or 0),
        sources=tuple(ClaimSource(article_id=x["article_id"], outlet=x.get("outlet"), stance=x["stance"],
                                  text=x["text"], attributed_to=x.get("attributed_to"), link=x.get("link"))
                      for x in g["sources"]))
        for g in s["claims"])
    return Story(id=s["id"], title=s["title"], article_ids=tuple(s["article_ids"]), claims=claims)


__all__ = ["COLUMNS", "ExportFormat", "export_matrix", "load_report", "load_store", "matrix_records",
           "spreadsheet_safe", "write_csv", "write_parquet"]
