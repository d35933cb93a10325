"""Exact and near duplicates, rewrites and syndication with a direction.

FOUNDATION STUB: issue 4 replaces the internals; keep the signature of ``find_duplicates``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsprism.records import Article, normalize_text
from newsprism.settings import Settings


def find_duplicates(articles: Sequence[Article], *, settings: Settings) -> list[Article]:
    """Return the articles with ``duplicate_of`` and ``derived_from`` set."""
    first: dict[str, str] = {}
    out = []
    for a in articles:
        key = normalize_text(a.text)
        if key in first and first[key] != a.id:
            a = replace(a, duplicate_of=first[key])
        else:
            first.setdefault(key, a.id)
        out.append(a)
    return out
