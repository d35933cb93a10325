"""The SQLite store: WAL mode, versioned migrations, batch upserts, FTS5 search; every SQL parameterised.

Writes are one transaction per call, so a run killed at any moment leaves the store as it was after the last
completed call, and re-running the same input adds nothing (articles are keyed by their content-hash id).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import numpy as np

from newsprism.errors import StoreError
from newsprism.records import (
    AnalysisResult,
    Article,
    Citation,
    Claim,
    ClaimGroup,
    ClaimSource,
    Entity,
    Failure,
    Quote,
    Story,
    stable_id,
)
from newsprism.store.rows import columns, from_rows, insert, iter_rows, peek, to_rows
from newsprism.store.schema import ANALYSIS_TABLES, INGEST_STAGES, MIGRATIONS, SCHEMA_VERSION
from newsprism.store.versions import STALE_KEY, SourceKey, drop_old_versions, stale_stories

T = TypeVar("T")

_ARTICLE_KEEP = ("rid", "id", "ingested_at")  # never overwritten when an analysis updates an article


def _statements(script: str) -> Iterator[str]:
    """The complete SQL statements of a script (trigger bodies hold semicolons, so split on completeness)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                yield buf
            buf = ""


def _chunks(items: Sequence[T], size: int = 500) -> Iterator[list[T]]:
    """``IN (...)`` lists short enough for SQLite's limit on bound parameters."""
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


def fts_query(text: str) -> str:
    """A safe FTS5 query from free text: every word must match, the last one as a prefix; '' for no words."""
    words = re.findall(r"\w+", text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


class Store:
    """One SQLite file. ``Store(path)`` creates and migrates; ``Store(path, read_only=True)`` is for the web app."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._cols: dict[str, tuple[str, ...]] = {}
        if read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path}; run `newsprism analyze … --db {self.path}` first")
        try:
            if read_only:
                self.conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                            isolation_level=None, check_same_thread=False)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
        try:
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA busy_timeout = 30000")
            if not read_only:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"cannot open the store {self.path}: {exc} (is it a newsprism SQLite file?)") from exc
        except StoreError:
            self.conn.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.version
        if version > SCHEMA_VERSION:
            raise StoreError(f"the store {self.path} has schema v{version}, newer than this newsprism "
                             f"(v{SCHEMA_VERSION}); upgrade newsprism")
        if version == SCHEMA_VERSION:
            return
        if self.read_only:
            raise StoreError(f"the store {self.path} has schema v{version}, this newsprism needs "
                             f"v{SCHEMA_VERSION}; open it once read-write (e.g. `newsprism report`) to migrate")
        with self._write() as conn:  # re-read under the lock: another process may have migrated meanwhile
            for target in range(self.version + 1, SCHEMA_VERSION + 1):
                for statement in _statements(MIGRATIONS[target - 1]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {int(target)}")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: all of it lands or none of it does."""
        if self.read_only:
            raise StoreError(f"the store {self.path} was opened read-only")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _columns(self, table: str) -> tuple[str, ...]:
        if table not in self._cols:
            self._cols[table] = columns(self.conn, table)
        return self._cols[table]

    def _meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    # -- writes ----------------------------------------------------------------------------------------------

    def upsert_articles(self, articles: Iterable[Article]) -> int:
        """Insert articles not yet stored (by id); returns how many were new. One transaction."""
        rows = to_rows(articles, self._columns("articles"))
        if not rows:
            return 0
        with self._write() as conn:
            before = self.count_articles()
            insert(conn, "articles", rows, verb="INSERT OR IGNORE")
            return self.count_articles() - before

    def replace_versions(self, read: dict[SourceKey, set[str]]) -> list[Article]:
        """Drop the older versions of the inputs a run has just read (``store.versions``); one transaction.
        Returns the dropped articles."""
        if not read:
            return []
        from newsprism.dedupe import content_words

        with self._write() as conn:
            return drop_old_versions(conn, read, words=content_words)

    def stale_stories(self) -> list[str]:
        """Stories that lost an article (an input replaced by its new version) since they were analysed."""
        return stale_stories(self.conn)

    def add_failures(self, failures: Iterable[Failure]) -> int:
        """Record failures; the same failure recorded twice is one row. Returns how many were new."""
        rows = self._failure_rows(failures)
        if not rows:
            return 0
        with self._write() as conn:
            before = conn.execute("SELECT count(*) FROM failures").fetchone()[0]
            insert(conn, "failures", rows, verb="INSERT OR IGNORE")
            return int(conn.execute("SELECT count(*) FROM failures").fetchone()[0] - before)

    def _failure_rows(self, failures: Iterable[Failure]) -> list[dict[str, Any]]:
        rows = to_rows(failures, self._columns("failures"))
        for row in rows:
            row["key"] = stable_id(row["source_path"] or "", row["stage"], row["error"], prefix="f")
        return rows

    def save_analysis(self, result: AnalysisResult, words: Iterable[np.ndarray] | None = None) -> None:
        """Replace every analysis table with ``result`` and update its articles, in one transaction; ``words``:
        each analysed article's content-word hashes (``dedupe.content_words``), counted anew."""
        first, article_rows = peek(iter_rows(result.articles, self._columns("articles")))
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in (first or {}) if c not in _ARTICLE_KEEP)
        with self._write() as conn:
            if first is not None:
                insert(conn, "articles", article_rows, conflict=f"ON CONFLICT(id) DO UPDATE SET {updates}")
            for table in ANALYSIS_TABLES:
                conn.execute(f'DELETE FROM "{table}"')  # our fixed table names, never input
            self._insert_stories(conn, result.stories)
            # Rows are made as they are written: records that wait on disk (newsprism.spill) stay there.
            insert(conn, "quotes", iter_rows(result.quotes, self._columns("quotes")))
            insert(conn, "citations", iter_rows(result.citations, self._columns("citations")))
            insert(conn, "entities", iter_rows(result.entities, self._columns("entities")))
            insert(conn, "claims", iter_rows(result.claims, self._columns("claims")))
            marks = ", ".join("?" for _ in INGEST_STAGES)
            conn.execute(f"DELETE FROM failures WHERE stage NOT IN ({marks})", INGEST_STAGES)
            insert(conn, "failures", self._failure_rows(result.failures), verb="INSERT OR IGNORE")
            top = conn.execute("SELECT coalesce(max(rid), 0) FROM articles").fetchone()[0]
            self._set_meta("analysed_up_to", str(top))
            self._set_meta(STALE_KEY, "[]")
            self._set_meta("stats", json.dumps(result.stats, ensure_ascii=False, default=str))
            if words is not None:
                conn.execute("DELETE FROM word_counts")
                self._set_meta("word_documents", "0")
                self._count_words(conn, words)

    def save_update(self, *, articles: Sequence[Article], stories: Sequence[Story], quotes: Sequence[Quote],
                    citations: Sequence[Citation], claims: Sequence[Claim], entities: Sequence[Entity],
                    failures: Sequence[Failure], new_ids: Sequence[str],
                    words: Iterable[np.ndarray] = ()) -> None:
        """Write what one incremental update changed, in one transaction: new and changed articles, the
        records of the newly analysed articles (``new_ids``), changed and new stories (a story keeps its row),
        changed entities, and the new articles' content words (``words``) added to the counts.

        The rest of the analysis is not read or written, so an update costs what it touched, not the store."""
        with self._write() as conn:
            if articles:
                first, rows = peek(iter_rows(articles, self._columns("articles")))
                updates = ", ".join(f'"{c}" = excluded."{c}"' for c in (first or {}) if c not in _ARTICLE_KEEP)
                insert(conn, "articles", rows, conflict=f"ON CONFLICT(id) DO UPDATE SET {updates}")
            touched = list(dict.fromkeys([*(q.article_id for q in quotes), *(c.article_id for c in citations),
                                          *(c.article_id for c in claims)]))
            for table in ("quotes", "citations", "claims"):  # a re-run replaces, never adds twice
                for chunk in _chunks(touched):
                    marks = ", ".join("?" for _ in chunk)
                    conn.execute(f'DELETE FROM "{table}" WHERE article_id IN ({marks})', chunk)
            insert(conn, "quotes", iter_rows(quotes, self._columns("quotes")))
            insert(conn, "citations", iter_rows(citations, self._columns("citations")))
            insert(conn, "claims", iter_rows(claims, self._columns("claims")))
            for chunk in _chunks(list(dict.fromkeys(e.id for e in entities))):
                marks = ", ".join("?" for _ in chunk)
                conn.execute(f"DELETE FROM entities WHERE id IN ({marks})", chunk)
            insert(conn, "entities", iter_rows(entities, self._columns("entities")))
            ids = [st.id for st in stories]
            for chunk in _chunks(ids):
                marks = ", ".join("?" for _ in chunk)
                for table in ("stories_fts", "story_articles", "claim_groups"):  # sources go with their groups
                    conn.execute(f'DELETE FROM "{table}" WHERE story_id IN ({marks})', chunk)
            story_cols = [c for c in self._columns("stories") if c != "rid"]
            updates = ", ".join(f'"{c}" = excluded."{c}"' for c in story_cols if c != "id")
            self._insert_stories(conn, stories, conflict=f"ON CONFLICT(id) DO UPDATE SET {updates}")
            insert(conn, "failures", self._failure_rows(failures), verb="INSERT OR IGNORE")
            top = conn.execute("SELECT coalesce(max(rid), 0) FROM articles").fetchone()[0]
            self._set_meta("analysed_up_to", str(top))
            self._set_meta(STALE_KEY, "[]")  # the update analysed the stale stories again
            stats = json.loads(self._meta("stats") or "{}")
            added = set(new_ids)
            removed = sum(len(a.removed) for a in articles if a.id in added)
            count = lambda sql: int(conn.execute(sql).fetchone()[0])  # noqa: E731 - four counts below
            stats.update(articles=count("SELECT count(*) FROM articles"), stories=count("SELECT count(*) FROM stories"),
                         duplicates=count("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
                         failures=count("SELECT count(*) FROM failures"))
            stats["removed_pieces"] = int(stats.get("removed_pieces", 0)) + removed
            self._set_meta("stats", json.dumps(stats, ensure_ascii=False, default=str))
            self._count_words(conn, words)

    def _count_words(self, conn: sqlite3.Connection, words: Iterable[np.ndarray]) -> None:
        arrays = list(words)
        if not arrays:
            return
        values, counts = np.unique(np.concatenate(arrays).astype(np.uint64), return_counts=True)
        conn.executemany("INSERT INTO word_counts(hash, df) VALUES (?, ?) "
                         "ON CONFLICT(hash) DO UPDATE SET df = df + excluded.df",
                         zip(values.view(np.int64).tolist(), counts.tolist(), strict=True))
        self._set_meta("word_documents", str(int(self._meta("word_documents") or 0) + len(arrays)))

    def word_counts(self, hashes: np.ndarray) -> tuple[int, np.ndarray]:
        """How many articles were counted, and in how many of them each of these word hashes occurs."""
        keys = np.asarray(hashes, dtype=np.uint64).view(np.int64).tolist()
        found: dict[int, int] = {}
        for chunk in _chunks(keys):
            marks = ", ".join("?" for _ in chunk)
            found.update(self.conn.execute(f"SELECT hash, df FROM word_counts WHERE hash IN ({marks})", chunk))
        return int(self._meta("word_documents") or 0), np.array([found.get(k, 0) for k in keys], dtype=np.int64)

    def save_vectors(self, vectors: Iterable[tuple[str, np.ndarray]], recipe: str) -> None:
        """Keep articles' clustering vectors (a cache: losing them costs only encoding time)."""
        rows = ({"article_id": aid, "recipe": recipe, "vector": np.asarray(v, dtype="<f4").tobytes()}
                for aid, v in vectors)
        with self._write() as conn:
            insert(conn, "article_vectors", rows, verb="INSERT OR REPLACE")

    def load_vectors(self, ids: Sequence[str], recipe: str) -> dict[str, np.ndarray]:
        """The stored clustering vectors of these articles made with ``recipe``."""
        out: dict[str, np.ndarray] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            marks = ", ".join("?" for _ in chunk)
            for aid, blob in self.conn.execute(
                    f"SELECT article_id, vector FROM article_vectors WHERE recipe = ? AND article_id IN ({marks})",
                    [recipe, *chunk]):
                out[aid] = np.frombuffer(blob, dtype="<f4").astype(np.float32)
        return out

    def _insert_stories(self, conn: sqlite3.Connection, stories: Sequence[Story], conflict: str = "") -> None:
        insert(conn, "stories", iter_rows(stories, self._columns("stories"), skip=("claims",)), conflict=conflict)
        insert(conn, "stories_fts", ({"story_id": s.id, "title": s.title,
                                      "summary": " ".join(x.text for x in s.summary)} for s in stories))
        insert(conn, "story_articles", ({"story_id": s.id, "article_id": a, "position": i}
                                        for s in stories for i, a in enumerate(dict.fromkeys(s.article_ids))))
        group_cols, source_cols = self._columns("claim_groups"), self._columns("claim_sources")
        for story in stories:
            for group in story.claims:
                (row,) = to_rows([group], group_cols, skip=("sources",), story_id=story.id)
                insert(conn, "claim_groups", [row])
                rid = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
                insert(conn, "claim_sources", iter_rows(group.sources, source_cols, group_rid=rid))

    # -- reads -----------------------------------------------------------------------------------------------

    def needs_analysis(self) -> bool:
        """True when articles were stored after the last ``save_analysis`` (or none was ever saved), or a story
        lost an article to a newer version of its input."""
        top = self.conn.execute("SELECT coalesce(max(rid), 0) FROM articles").fetchone()[0]
        return int(top) > int(self._meta("analysed_up_to") or 0) or bool(self.stale_stories())

    def has_analysis(self) -> bool:
        """Has any story been saved (an analysis to update rather than make)?"""
        return self.conn.execute("SELECT 1 FROM story_articles LIMIT 1").fetchone() is not None

    def known_article_ids(self) -> set[str]:
        return {row[0] for row in self.conn.execute("SELECT id FROM articles")}

    def count_articles(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def unanalysed_articles(self) -> list[Article]:
        """Articles stored but in no story yet (a later ingest, a killed run), in the order they were stored."""
        return from_rows(Article, self.conn.execute(
            "SELECT a.* FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM story_articles s WHERE s.article_id = a.id) ORDER BY a.rid"))

    def articles_dated(self, first: str, last: str) -> list[Article]:
        """Articles published from day ``first`` to day ``last`` (ISO dates), and those without a readable date
        (the clustering window lets them meet anything), in the order they were stored."""
        import datetime as dt

        after = (dt.date.fromisoformat(last) + dt.timedelta(days=1)).isoformat()
        # Both parts are read from the index on `published`; only the rows found are read (with their texts).
        return from_rows(Article, self.conn.execute(
            "SELECT * FROM articles WHERE rid IN ("
            "SELECT rid FROM articles WHERE published >= ? AND published < ? UNION "
            "SELECT rid FROM articles INDEXED BY articles_published WHERE published IS NULL "
            "OR published NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*') ORDER BY rid", (first, after)))

    def story_ids_of(self, article_ids: Sequence[str]) -> list[str]:
        """The stories that hold any of these articles."""
        found: dict[str, None] = {}
        for chunk in _chunks(list(article_ids)):
            marks = ", ".join("?" for _ in chunk)
            found.update((r[0], None) for r in self.conn.execute(
                f"SELECT DISTINCT story_id FROM story_articles WHERE article_id IN ({marks})", chunk))
        return list(found)

    def records_of(self, article_ids: Sequence[str]) -> tuple[list[Quote], list[Citation], list[Claim]]:
        """The quotes, citations and claims of these articles, each in the order stored."""
        out: tuple[list[Quote], list[Citation], list[Claim]] = ([], [], [])
        for kind, table, bucket in ((Quote, "quotes", out[0]), (Citation, "citations", out[1]),
                                    (Claim, "claims", out[2])):
            rows: list[sqlite3.Row] = []
            for chunk in _chunks(list(dict.fromkeys(article_ids))):
                marks = ", ".join("?" for _ in chunk)
                rows.extend(self.conn.execute(f'SELECT * FROM "{table}" WHERE article_id IN ({marks})', chunk))
            rows.sort(key=lambda r: r["rid"])
            bucket.extend(from_rows(kind, rows))  # type: ignore[arg-type]
        return out

    def entities_for(self, entity_ids: Sequence[str], article_ids: Sequence[str] = ()) -> list[Entity]:
        """Entities with these ids, and those that list any of ``article_ids``."""
        rows: dict[int, sqlite3.Row] = {}
        for chunk in _chunks(list(dict.fromkeys(entity_ids))):
            marks = ", ".join("?" for _ in chunk)
            rows.update((r["rid"], r) for r in self.conn.execute(
                f"SELECT * FROM entities WHERE id IN ({marks})", chunk))
        for chunk in _chunks(list(dict.fromkeys(article_ids))):  # one pass over the table per 500 articles
            marks = ", ".join("?" for _ in chunk)
            rows.update((r["rid"], r) for r in self.conn.execute(
                "SELECT * FROM entities WHERE EXISTS (SELECT 1 FROM json_each(entities.article_ids) "
                f"WHERE value IN ({marks}))", chunk))
        return from_rows(Entity, [rows[k] for k in sorted(rows)])

    def load_articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """All articles in the order they were stored, or those of ``ids`` in that order."""
        if ids is None:
            return from_rows(Article, self.conn.execute("SELECT * FROM articles ORDER BY rid"))
        found: dict[str, Article] = {}
        for chunk in _chunks(ids):
            marks = ", ".join("?" for _ in chunk)
            for a in from_rows(Article, self.conn.execute(f"SELECT * FROM articles WHERE id IN ({marks})", chunk)):
                found[a.id] = a
        return [found[i] for i in ids if i in found]

    def article_labels(self) -> list[Article]:
        """Every article without its text: what labels it (outlet, url, source path or id) and its date, in the
        order stored. Enough for a claim matrix over the whole store at a small part of the memory."""
        return from_rows(Article, self.conn.execute(
            "SELECT id, outlet, url, source_path, source_id, published FROM articles ORDER BY rid"))

    def find_article(self, key: str) -> Article | None:
        """An article by id, by source path or record id as given, or by the end of its source path."""
        for sql, params in (
            ("SELECT * FROM articles WHERE id = ?", (key,)),
            ("SELECT * FROM articles WHERE source_path = ? ORDER BY rid LIMIT 1", (key,)),
            ("SELECT * FROM articles WHERE source_id = ? ORDER BY rid LIMIT 1", (key,)),
            ("SELECT * FROM articles WHERE substr(source_path, -length(?)) = ? ORDER BY rid LIMIT 1", (key, key)),
        ):
            rows = from_rows(Article, self.conn.execute(sql, params))
            if rows:
                return rows[0]
        return None

    def load_failures(self) -> list[Failure]:
        return from_rows(Failure, self.conn.execute("SELECT * FROM failures ORDER BY rowid"))

    def load_stories(self, ids: Sequence[str] | None = None) -> list[Story]:
        """Stories with their claim groups and sources, in the order they were saved."""
        if ids is None:
            rows = self.conn.execute("SELECT * FROM stories ORDER BY rid").fetchall()
        else:
            rows = []
            for chunk in _chunks(list(dict.fromkeys(ids))):
                marks = ", ".join("?" for _ in chunk)
                rows.extend(self.conn.execute(f"SELECT * FROM stories WHERE id IN ({marks})", chunk).fetchall())
            rows.sort(key=lambda r: r["rid"])
        stories = from_rows(Story, rows)
        if not stories:
            return []
        groups: dict[str, list[ClaimGroup]] = {s.id: [] for s in stories}
        sources: dict[int, list[ClaimSource]] = {}
        # all of them for the whole list; only the stories' own for a few (one story page, an update)
        where, params = ("", []) if ids is None else ("WHERE g.story_id IN ({})", [s.id for s in stories])
        for chunk in _chunks(params) if params else [[]]:
            marks = where.format(", ".join("?" for _ in chunk))
            for row in self.conn.execute(f"SELECT s.* FROM claim_sources s JOIN claim_groups g ON g.rid = s.group_rid "
                                         f"{marks} ORDER BY s.rid", chunk):
                data = dict(row)
                sources.setdefault(data.pop("group_rid"), []).extend(from_rows(ClaimSource, [data]))
            for row in self.conn.execute(f"SELECT g.* FROM claim_groups g {marks} ORDER BY g.rid", chunk):
                data = dict(row)
                story_id, rid = data.pop("story_id"), data.pop("rid")
                if story_id in groups:
                    (group,) = from_rows(ClaimGroup, [data])
                    groups[story_id].append(replace(group, sources=tuple(sources.pop(rid, ()))))
        return [replace(s, claims=tuple(groups[s.id])) for s in stories]

    def get_story(self, story_id: str) -> Story | None:
        found = self.load_stories([story_id])
        return found[0] if found else None

    def load_result(self) -> AnalysisResult:
        """Everything stored, as the record the reports are written from."""
        stats = json.loads(self._meta("stats") or "{}")
        return AnalysisResult(
            articles=tuple(self.load_articles()),
            stories=tuple(self.load_stories()),
            quotes=tuple(from_rows(Quote, self.conn.execute("SELECT * FROM quotes ORDER BY rid"))),
            citations=tuple(from_rows(Citation, self.conn.execute("SELECT * FROM citations ORDER BY rid"))),
            entities=tuple(from_rows(Entity, self.conn.execute("SELECT * FROM entities ORDER BY rid"))),
            claims=tuple(from_rows(Claim, self.conn.execute("SELECT * FROM claims ORDER BY rid"))),
            failures=tuple(self.load_failures()),
            stats=stats,
        )

    # -- queries for the web app -----------------------------------------------------------------------------

    def search_stories(self, text: str, limit: int = 20) -> list[Story]:
        """Stories whose title or summary match every word of ``text``, best first."""
        query = fts_query(text)
        if not query:
            return []
        ids = [r[0] for r in self.conn.execute(
            "SELECT story_id FROM stories_fts WHERE stories_fts MATCH ? ORDER BY rank LIMIT ?", (query, limit))]
        by_id = {s.id: s for s in self.load_stories(ids)}
        return [by_id[i] for i in ids if i in by_id]

    def search_articles(self, text: str, limit: int = 20) -> list[Article]:
        """Articles whose title or text match every word of ``text``, best first."""
        query = fts_query(text)
        if not query:
            return []
        return from_rows(Article, self.conn.execute(
            "SELECT a.* FROM articles_fts JOIN articles a ON a.rid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY articles_fts.rank LIMIT ?", (query, limit)))

    def list_outlets(self) -> list[tuple[str, int]]:
        """Each outlet with its article count, most articles first."""
        return [(r[0], int(r[1])) for r in self.conn.execute(
            "SELECT outlet, count(*) AS n FROM articles WHERE outlet IS NOT NULL AND outlet != '' "
            "GROUP BY outlet ORDER BY n DESC, outlet")]

    def stories_of_article(self, article_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ? ORDER BY story_id", (article_id,))]

    def quotes_of(self, article_ids: Sequence[str]) -> list[Quote]:
        marks = ", ".join("?" for _ in article_ids)
        return from_rows(Quote, self.conn.execute(
            f"SELECT * FROM quotes WHERE article_id IN ({marks}) ORDER BY rid", list(article_ids)))
