"""Edited inputs: the store keeps the latest content of each input, so a file edited and read again replaces its
old version instead of standing beside it.

An input is known by its source key: the path (or URL) as given, with the record id a record file carries
(JSONL/CSV ``id``, a feed entry's id, a WARC record id). After a run has read an input, the stored articles of its
key that the run did not read are older versions: they go with everything derived from them (quotes, citations,
claims, vectors, their place in stories and entities, their words in the rarity counts), and the stories they
left are marked stale, so the next analysis compares and summarises those again. One transaction, so a killed run
leaves either both versions (the next run replaces) or only the new one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

import numpy as np

from newsprism.records import Article
from newsprism.store.rows import from_rows

__all__ = ["STALE_KEY", "SourceKey", "drop_old_versions", "source_key", "stale_stories", "versions_read"]

SourceKey = tuple[str, str | None]
STALE_KEY = "stale_stories"
"""The ``meta`` key listing the stories that lost an article since their analysis (a JSON list of ids)."""

_NOT_AN_INPUT = frozenset({"<stdin>"})  # a stream is never read again: what it gave stays
T = TypeVar("T")


def source_key(article: Article) -> SourceKey | None:
    """The input an article was read from, as the key its later versions share; None for a stream."""
    if not article.source_path or article.source_path in _NOT_AN_INPUT:
        return None
    return article.source_path, article.source_id


def versions_read(articles: Iterable[Article]) -> dict[SourceKey, set[str]]:
    """Each input key read in a run with the ids of the articles it gave (its latest content)."""
    out: dict[SourceKey, set[str]] = {}
    for a in articles:
        key = source_key(a)
        if key is not None:
            out.setdefault(key, set()).add(a.id)
    return out


def _chunks(items: Sequence[T], size: int = 500) -> Iterable[list[T]]:
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


def _marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


def stale_stories(conn: sqlite3.Connection) -> list[str]:
    """The stories marked stale (they lost an article and wait for their analysis to be made again)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (STALE_KEY,)).fetchone()
    return list(json.loads(row[0])) if row and row[0] else []


def _set_stale(conn: sqlite3.Connection, ids: Iterable[str]) -> None:
    value = json.dumps(sorted(set(ids)))
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (STALE_KEY, value))


def _old_ids(conn: sqlite3.Connection, read: Mapping[SourceKey, set[str]]) -> list[str]:
    out: list[str] = []
    for (path, record), ids in read.items():
        for (aid,) in conn.execute("SELECT id FROM articles WHERE source_path = ? AND source_id IS ? ORDER BY rid",
                                   (path, record)):
            if aid not in ids:
                out.append(aid)
    return out


def _ids_in(conn: sqlite3.Connection, sql: str, ids: Sequence[str]) -> list[str]:
    found: dict[str, None] = {}
    for chunk in _chunks(ids):
        found.update((r[0], None) for r in conn.execute(sql.format(_marks(len(chunk))), chunk))
    return list(found)


def drop_old_versions(conn: sqlite3.Connection, read: Mapping[SourceKey, set[str]],
                      words: Callable[[Article], np.ndarray] | None = None) -> list[Article]:
    """Delete the older versions of the inputs in ``read`` (inside the caller's transaction); returns the dropped
    articles. ``words``: an article's content-word hashes, taken off the rarity counts for a dropped article that
    had been analysed (given by the caller, who knows how words are counted)."""
    old = _old_ids(conn, read)
    if not old:
        return []
    gone = set(old)
    dropped = [a for chunk in _chunks(old)
               for a in from_rows(Article, conn.execute(f"SELECT * FROM articles WHERE id IN ({_marks(len(chunk))})",
                                                        chunk))]
    analysed = set(_ids_in(conn, "SELECT DISTINCT article_id FROM story_articles WHERE article_id IN ({})", old))
    # copies of a dropped article stand on their own now: out of their stories, to be analysed as originals
    copies = _ids_in(conn, "SELECT id FROM articles WHERE duplicate_of IN ({})", old)
    copies = [c for c in copies if c not in gone]
    for chunk in _chunks(copies):
        conn.execute(f"UPDATE articles SET duplicate_of = NULL WHERE id IN ({_marks(len(chunk))})", chunk)
    if copies:  # the analysis no longer covers them: ``needs_analysis`` says so
        first = min(r[0] for chunk in _chunks(copies) for r in conn.execute(
            f"SELECT rid FROM articles WHERE id IN ({_marks(len(chunk))})", chunk))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'analysed_up_to' AND CAST(value AS INTEGER) >= ?",
                     (str(first - 1), first))
    leaving = [*old, *copies]
    stories = _ids_in(conn, "SELECT DISTINCT story_id FROM story_articles WHERE article_id IN ({})", leaving)
    for chunk in _chunks(old):
        marks = _marks(len(chunk))
        for table in ("quotes", "citations", "claims", "article_vectors", "claim_sources"):
            conn.execute(f'DELETE FROM "{table}" WHERE article_id IN ({marks})', chunk)  # our fixed names
    for chunk in _chunks(leaving):
        conn.execute(f"DELETE FROM story_articles WHERE article_id IN ({_marks(len(chunk))})", chunk)
    stale = set(stale_stories(conn))
    for sid, raw in [(r[0], r[1]) for chunk in _chunks(stories) for r in conn.execute(
            f"SELECT id, article_ids FROM stories WHERE id IN ({_marks(len(chunk))})", chunk)]:
        left = [a for a in json.loads(raw) if a not in gone and a not in copies]
        if left:
            conn.execute("UPDATE stories SET article_ids = ? WHERE id = ?", (json.dumps(left), sid))
            stale.add(sid)
        else:  # its groups' sources go with the groups (ON DELETE CASCADE)
            for table in ("stories", "stories_fts", "claim_groups"):
                column = "id" if table == "stories" else "story_id"
                conn.execute(f'DELETE FROM "{table}" WHERE {column} = ?', (sid,))
            stale.discard(sid)
    _forget_links(conn, gone)
    for chunk in _chunks(old):
        conn.execute(f"DELETE FROM articles WHERE id IN ({_marks(len(chunk))})", chunk)
    _set_stale(conn, stale)
    counted = [words(a) for a in dropped if a.id in analysed] if words is not None else []
    if counted:
        _uncount(conn, counted)
    return dropped


def _forget_links(conn: sqlite3.Connection, gone: set[str]) -> None:
    """Entities and rewrites stop naming the dropped articles (an entity left with none goes)."""
    ids = sorted(gone)
    for table, column in (("entities", "article_ids"), ("articles", "derived_from")):
        rows = {r[0]: r[1] for chunk in _chunks(ids) for r in conn.execute(
            f'SELECT rid, "{column}" FROM "{table}" WHERE EXISTS (SELECT 1 FROM json_each("{table}"."{column}") '
            f"WHERE value IN ({_marks(len(chunk))}))", chunk)}
        for rid, raw in rows.items():
            left = [a for a in json.loads(raw) if a not in gone]
            if table == "entities" and not left:
                conn.execute("DELETE FROM entities WHERE rid = ?", (rid,))
            else:
                conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rid = ?', (json.dumps(left), rid))


def _uncount(conn: sqlite3.Connection, arrays: Sequence[np.ndarray]) -> None:
    """Take analysed articles' content words off the rarity counts (``word_counts``, ``word_documents``)."""
    values, counts = np.unique(np.concatenate(arrays).astype(np.uint64), return_counts=True)
    conn.executemany("UPDATE word_counts SET df = max(0, df - ?) WHERE hash = ?",
                     zip(counts.tolist(), values.view(np.int64).tolist(), strict=True))
    row = conn.execute("SELECT value FROM meta WHERE key = 'word_documents'").fetchone()
    left = max(0, int(row[0] if row else 0) - len(arrays))
    conn.execute("INSERT INTO meta(key, value) VALUES ('word_documents', ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(left),))
