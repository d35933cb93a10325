"""Read-only queries for the web app over the SQLite store; every value reaches SQL as a parameter.

Listing and filtering stories needs a few facts per story (dates, outlets, claim statuses) that would cost an
aggregate over every article on each request, so they are kept in a small in-memory index, rebuilt when the store
file changes (``watch`` may be writing to it while we serve). One read-only connection per worker thread.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newsprism.labels import CONTESTED
from newsprism.records import Article, Citation, ClaimGroup, ClaimSource, Entity, Quote, Story
from newsprism.store import Store, fts_query
from newsprism.store.rows import from_rows

MAX_SEARCH_HITS = 5000
SEARCH_CACHE = 256


@dataclass(frozen=True, slots=True)
class StoryRow:
    """What the stories list shows and filters on."""

    id: str
    title: str
    first_date: str | None
    last_date: str | None
    outlets: tuple[str, ...]
    article_count: int
    statuses: dict[str, int]
    languages: tuple[str, ...] = ()

    @property
    def contested(self) -> int:
        return sum(n for s, n in self.statuses.items() if s in CONTESTED)


@dataclass(slots=True)
class StoryIndex:
    rows: list[StoryRow] = field(default_factory=list)  # newest coverage first
    by_id: dict[str, StoryRow] = field(default_factory=dict)
    entities_of_article: dict[str, list[int]] = field(default_factory=dict)
    outlets: list[tuple[str, int]] = field(default_factory=list)
    languages: list[tuple[str, int]] = field(default_factory=list)  # each language with its article count


@dataclass(frozen=True, slots=True)
class StoryFilter:
    q: str = ""
    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None
    status: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class OutletReport:
    """What one outlet publishes, whom it cites, who cites it, and how the claims it carries fare."""

    name: str
    article_count: int
    recent: list[Article]
    cites: list[tuple[str, int]]
    cited_by: list[tuple[str, int]]
    statuses: dict[str, int]
    stances: dict[str, int]
    claims: list[dict[str, Any]]


class Catalog:
    """The app's view of one store file."""

    def __init__(self, db: Path) -> None:
        self.db = Path(db)
        Store(self.db, read_only=True).close()  # fail early: missing file, wrong schema
        self._local = threading.local()
        self._lock = threading.Lock()
        self._index = StoryIndex()
        self._stamp: tuple[int, ...] | None = None
        self._searches: dict[tuple[Any, str], list[str]] = {}

    # -- connections and the index -------------------------------------------------------------------------

    def store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.db, read_only=True)
            self._local.store = store
        return store

    @property
    def conn(self) -> sqlite3.Connection:
        return self.store().conn

    def file_stamp(self) -> tuple[int, ...]:
        """Changes whenever the store file or its write-ahead log does."""
        stamp: list[int] = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(f"{self.db}{suffix}")
                stamp += [st.st_mtime_ns, st.st_size]
            except FileNotFoundError:
                stamp += [0, 0]
        return tuple(stamp)

    def index(self) -> StoryIndex:
        stamp = self.file_stamp()
        if stamp != self._stamp:
            with self._lock:
                if stamp != self._stamp:
                    self._index = self._build_index()
                    self._stamp = stamp
                    self._searches = {}
        return self._index

    def _build_index(self) -> StoryIndex:
        conn = self.conn
        dates: dict[str, list[str]] = defaultdict(list)
        outlets: dict[str, set[str]] = defaultdict(set)
        languages: dict[str, set[str]] = defaultdict(set)
        counts: Counter[str] = Counter()
        for sid, outlet, published, language in conn.execute(
                "SELECT sa.story_id, a.outlet, a.published, a.language FROM story_articles sa "
                "LEFT JOIN articles a ON a.id = sa.article_id"):
            counts[sid] += 1
            if published:
                dates[sid].append(published[:10])
            if outlet:
                outlets[sid].add(outlet)
            if language:
                languages[sid].add(language)
        statuses: dict[str, dict[str, int]] = defaultdict(dict)
        for sid, status, n in conn.execute(
                "SELECT story_id, status, count(*) FROM claim_groups GROUP BY story_id, status"):
            statuses[sid][status] = int(n)
        rows = []
        for sid, title in conn.execute("SELECT id, title FROM stories ORDER BY rid"):
            ds = sorted(dates.get(sid, ()))
            rows.append(StoryRow(id=sid, title=title, first_date=ds[0] if ds else None,
                                 last_date=ds[-1] if ds else None, outlets=tuple(sorted(outlets.get(sid, ()))),
                                 article_count=counts[sid], statuses=statuses.get(sid, {}),
                                 languages=tuple(sorted(languages.get(sid, ())))))
        rows.sort(key=lambda r: r.title)
        rows.sort(key=lambda r: r.last_date or "", reverse=True)
        ents: dict[str, list[int]] = defaultdict(list)
        for rid, ids in conn.execute("SELECT rid, article_ids FROM entities"):
            for aid in json.loads(ids or "[]"):
                ents[aid].append(int(rid))
        langs = [(str(code), int(n)) for code, n in conn.execute(
            "SELECT language, count(*) AS n FROM articles WHERE language IS NOT NULL AND language != '' "
            "GROUP BY language ORDER BY n DESC, language")]
        return StoryIndex(rows=rows, by_id={r.id: r for r in rows}, entities_of_article=dict(ents),
                          outlets=self.store().list_outlets(), languages=langs)

    # -- stories -------------------------------------------------------------------------------------------

    def search_story_ids(self, text: str) -> list[str]:
        """Stories matching every word in their title or summary first, then stories with matching articles.

        Results are kept for the current state of the store, so paging through a search does not redo it.
        """
        query = fts_query(text)
        if not query:
            return []
        self.index()  # refreshes the stamp (and drops cached searches) when the store changed
        key = (self._stamp, query)
        with self._lock:
            cached = self._searches.get(key)
        if cached is None:
            cached = self._search(query)
            with self._lock:
                if len(self._searches) >= SEARCH_CACHE:
                    self._searches.pop(next(iter(self._searches)))
                self._searches[key] = cached
        return cached

    def _search(self, query: str) -> list[str]:
        found = dict.fromkeys(r[0] for r in self.conn.execute(
            "SELECT story_id FROM stories_fts WHERE stories_fts MATCH ? ORDER BY rank LIMIT ?",
            (query, MAX_SEARCH_HITS)))
        hits: Counter[str] = Counter()
        for (sid,) in self.conn.execute(
                "SELECT sa.story_id FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?) m "
                "JOIN articles a ON a.rid = m.rowid JOIN story_articles sa ON sa.article_id = a.id",
                (query, MAX_SEARCH_HITS)):
            hits[sid] += 1
        for sid, _ in hits.most_common():
            found.setdefault(sid)
        return list(found)

    def list_stories(self, flt: StoryFilter, *, page: int, per_page: int) -> tuple[int, list[StoryRow]]:
        """The page of stories matching the filter, and how many match in all."""
        index = self.index()
        rows = [index.by_id[s] for s in self.search_story_ids(flt.q) if s in index.by_id] if flt.q.strip() \
            else index.rows
        if flt.date_from:
            rows = [r for r in rows if r.last_date and r.last_date >= flt.date_from]
        if flt.date_to:
            rows = [r for r in rows if r.first_date and r.first_date <= flt.date_to]
        if flt.outlet:
            rows = [r for r in rows if flt.outlet in r.outlets]
        if flt.status:
            rows = [r for r in rows if r.statuses.get(flt.status)]
        if flt.language:
            rows = [r for r in rows if flt.language in r.languages]
        start = (page - 1) * per_page
        return len(rows), rows[start:start + per_page]

    def story(self, story_id: str) -> Story | None:
        found = from_rows(Story, self.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)))
        if not found:
            return None
        groups = self.conn.execute("SELECT * FROM claim_groups WHERE story_id = ? ORDER BY rid", (story_id,)).fetchall()
        sources: dict[int, list[ClaimSource]] = defaultdict(list)
        rids = [g["rid"] for g in groups]
        if rids:
            marks = ", ".join("?" for _ in rids)
            for row in self.conn.execute(
                    f"SELECT * FROM claim_sources WHERE group_rid IN ({marks}) ORDER BY rid", rids):
                data = dict(row)
                sources[data.pop("group_rid")].extend(from_rows(ClaimSource, [data]))
        claims = []
        for row in groups:
            data = dict(row)
            rid = data.pop("rid")
            data.pop("story_id")
            (group,) = from_rows(ClaimGroup, [data])
            claims.append(replace(group, sources=tuple(sources.get(rid, []))))
        return replace(found[0], claims=tuple(claims))

    def articles(self, ids: Sequence[str]) -> list[Article]:
        return self.store().load_articles(list(ids)) if ids else []

    def quotes(self, article_ids: Sequence[str]) -> list[Quote]:
        return self.store().quotes_of(list(article_ids)) if article_ids else []

    def citations(self, article_ids: Sequence[str]) -> list[Citation]:
        if not article_ids:
            return []
        marks = ", ".join("?" for _ in article_ids)
        return from_rows(Citation, self.conn.execute(
            f"SELECT * FROM citations WHERE article_id IN ({marks}) ORDER BY rid", list(article_ids)))

    def entities(self, article_ids: Sequence[str]) -> list[Entity]:
        index = self.index()
        rids = sorted({rid for a in article_ids for rid in index.entities_of_article.get(a, ())})
        if not rids:
            return []
        marks = ", ".join("?" for _ in rids)
        return from_rows(Entity, self.conn.execute(f"SELECT * FROM entities WHERE rid IN ({marks})", rids))

    # -- articles and outlets --------------------------------------------------------------------------------

    def article(self, article_id: str) -> Article | None:
        found = from_rows(Article, self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)))
        return found[0] if found else None

    def stories_of_article(self, article_id: str) -> list[str]:
        return self.store().stories_of_article(article_id)

    def search_articles(self, text: str, outlet: str | None, *, page: int, per_page: int,
                        language: str | None = None) -> tuple[int, list[Article]]:
        query = fts_query(text)
        where, params = [], []
        if language:
            where.append("a.language = ?")
            params.append(language)
        if query:
            where.append("a.rid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(query)
        if outlet:
            where.append("a.outlet = ?")
            params.append(outlet)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        total = int(self.conn.execute(f"SELECT count(*) FROM articles a {clause}", params).fetchone()[0])
        rows = self.conn.execute(f"SELECT * FROM articles a {clause} ORDER BY a.published DESC, a.rid LIMIT ? OFFSET ?",
                                 [*params, per_page, (page - 1) * per_page])
        return total, from_rows(Article, rows)

    def outlet(self, name: str, *, limit: int = 100) -> OutletReport | None:
        conn = self.conn
        count = int(conn.execute("SELECT count(*) FROM articles WHERE outlet = ?", (name,)).fetchone()[0])
        cited_by = [(r[0] or "unknown outlet", int(r[1])) for r in conn.execute(
            "SELECT a.outlet, count(*) AS n FROM citations c JOIN articles a ON a.id = c.article_id "
            "WHERE c.outlet = ? GROUP BY a.outlet ORDER BY n DESC, a.outlet", (name,))]
        if not count and not cited_by:
            return None
        recent = from_rows(Article, conn.execute(
            "SELECT * FROM articles WHERE outlet = ? ORDER BY published DESC, rid LIMIT ?", (name, limit)))
        cites = [(r[0], int(r[1])) for r in conn.execute(
            "SELECT c.outlet, count(*) AS n FROM articles a JOIN citations c ON c.article_id = a.id "
            "WHERE a.outlet = ? GROUP BY c.outlet ORDER BY n DESC, c.outlet", (name,))]
        claims = [dict(r) for r in conn.execute(
            "SELECT g.story_id, g.id AS claim_id, g.text, g.status, g.reason, s.stance, s.article_id "
            "FROM articles a JOIN claim_sources s ON s.article_id = a.id JOIN claim_groups g ON g.rid = s.group_rid "
            "WHERE coalesce(s.outlet, a.outlet) = ? ORDER BY a.published DESC, g.rid", (name,))]
        return OutletReport(name=name, article_count=count, recent=recent, cites=cites, cited_by=cited_by,
                            statuses=dict(Counter(c["status"] for c in claims)),
                            stances=dict(Counter(c["stance"] for c in claims)), claims=claims[:limit])
