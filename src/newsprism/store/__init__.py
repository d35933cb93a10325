"""The SQLite store (stdlib sqlite3): articles, failures and the analysis, with FTS5 search for the web app."""

from __future__ import annotations

from newsprism.store.schema import SCHEMA_VERSION
from newsprism.store.sqlite import Store, fts_query

__all__ = ["SCHEMA_VERSION", "Store", "fts_query"]
