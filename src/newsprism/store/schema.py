"""The versioned SQLite schema: ``MIGRATIONS[i]`` takes a store from ``PRAGMA user_version`` i to i + 1.

Never edit a released migration; append a new one. Every record table has an ``extra`` JSON column, so a field
added to a record later is kept (and read back) before a migration gives it a column of its own.
"""

from __future__ import annotations

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE articles (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source_path TEXT, source_id TEXT, url TEXT,
    format TEXT NOT NULL DEFAULT 'text',
    raw_text TEXT NOT NULL DEFAULT '', text TEXT NOT NULL DEFAULT '',
    title TEXT, outlet TEXT, published TEXT,
    published_inferred INTEGER NOT NULL DEFAULT 0,
    language TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    removed TEXT NOT NULL DEFAULT '[]',
    duplicate_of TEXT,
    derived_from TEXT NOT NULL DEFAULT '[]',
    extra TEXT,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_source_path ON articles(source_path);
CREATE INDEX articles_source_id ON articles(source_id);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rid');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rid, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rid, new.title, new.text);
END;

CREATE TABLE failures (
    key TEXT PRIMARY KEY,
    source_path TEXT, stage TEXT NOT NULL, error TEXT NOT NULL,
    extra TEXT,
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE stories (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    article_ids TEXT NOT NULL DEFAULT '[]',
    related_story_ids TEXT NOT NULL DEFAULT '[]',
    summary TEXT NOT NULL DEFAULT '[]',
    timeline TEXT NOT NULL DEFAULT '[]',
    extra TEXT
);
CREATE VIRTUAL TABLE stories_fts USING fts5(story_id UNINDEXED, title, summary);

CREATE TABLE story_articles (
    story_id TEXT NOT NULL, article_id TEXT NOT NULL, position INTEGER NOT NULL,
    PRIMARY KEY (story_id, article_id)
);
CREATE INDEX story_articles_article ON story_articles(article_id);

CREATE TABLE claim_groups (
    rid INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL,
    id TEXT NOT NULL, text TEXT NOT NULL, status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '', first_source TEXT,
    independent_origins INTEGER NOT NULL DEFAULT 0,
    provenance TEXT NOT NULL DEFAULT '[]',
    extra TEXT
);
CREATE INDEX claim_groups_story ON claim_groups(story_id);

CREATE TABLE claim_sources (
    rid INTEGER PRIMARY KEY,
    group_rid INTEGER NOT NULL REFERENCES claim_groups(rid) ON DELETE CASCADE,
    article_id TEXT NOT NULL, outlet TEXT, stance TEXT NOT NULL, text TEXT NOT NULL,
    attributed_to TEXT, claim_id TEXT, score REAL NOT NULL DEFAULT 1.0,
    extra TEXT
);
CREATE INDEX claim_sources_group ON claim_sources(group_rid);
CREATE INDEX claim_sources_article ON claim_sources(article_id);

CREATE TABLE quotes (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL, article_id TEXT NOT NULL, text TEXT NOT NULL,
    speaker TEXT, speaker_entity_id TEXT,
    anonymous INTEGER NOT NULL DEFAULT 0, direct INTEGER NOT NULL DEFAULT 0,
    cue TEXT, via TEXT, "start" INTEGER NOT NULL DEFAULT -1, "end" INTEGER NOT NULL DEFAULT -1,
    extra TEXT
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE citations (
    rid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL, outlet TEXT NOT NULL, text TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'cites',
    "start" INTEGER NOT NULL DEFAULT -1, "end" INTEGER NOT NULL DEFAULT -1,
    extra TEXT
);
CREATE INDEX citations_article ON citations(article_id);
CREATE INDEX citations_outlet ON citations(outlet);

CREATE TABLE entities (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL, name TEXT NOT NULL, label TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]', article_ids TEXT NOT NULL DEFAULT '[]',
    extra TEXT
);
CREATE INDEX entities_id ON entities(id);
CREATE INDEX entities_name ON entities(name);

CREATE TABLE claims (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL, article_id TEXT NOT NULL, text TEXT NOT NULL,
    attributed_to TEXT, anonymous INTEGER NOT NULL DEFAULT 0, via TEXT,
    hedged INTEGER NOT NULL DEFAULT 0, negated INTEGER NOT NULL DEFAULT 0,
    numbers TEXT NOT NULL DEFAULT '[]', quote_id TEXT,
    "start" INTEGER NOT NULL DEFAULT -1, "end" INTEGER NOT NULL DEFAULT -1,
    extra TEXT
);
CREATE INDEX claims_article ON claims(article_id);
CREATE INDEX claims_id ON claims(id);
"""

_V2 = """
CREATE TABLE article_vectors (
    article_id TEXT PRIMARY KEY,
    recipe TEXT NOT NULL,
    vector BLOB NOT NULL
);
CREATE TABLE word_counts (hash INTEGER PRIMARY KEY, df INTEGER NOT NULL);
"""
"""``article_vectors``: each article's clustering vector (float32), so an update of a stored analysis does not
encode the window's articles again; ``recipe`` names the model and the text it read, and a vector of another
recipe is ignored. ``word_counts``: in how many analysed articles each content word (64-bit hash, as a signed
integer) occurs, so an update that sees a window weighs words by their rarity in the whole corpus."""

_V3 = """
CREATE TABLE checkpoints (key TEXT PRIMARY KEY, value BLOB NOT NULL);
"""
"""``checkpoints``: what the finished stages of an unfinished first analysis made (``newsprism.checkpoint``), each
value a compressed pickle; emptied when the analysis is saved."""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3)
"""Each entry is one SQL script; the store's ``user_version`` counts how many have run."""

SCHEMA_VERSION = len(MIGRATIONS)

ANALYSIS_TABLES: tuple[str, ...] = (
    "stories", "stories_fts", "story_articles", "claim_sources", "claim_groups", "quotes", "citations",
    "entities", "claims", "checkpoints",
)
"""Tables that ``save_analysis`` replaces as a whole, in one transaction."""

INGEST_STAGES: tuple[str, ...] = ("ingest", "clean")
"""Failures of these stages accumulate across runs; the others belong to one analysis and are replaced with it."""
