"""Where a report comes from: one model of independence for the claim verdict, the summary and the timeline.

Two articles are one origin when one copies or rewrites the other (``duplicate_of``, ``derived_from``), directly or
through others: the copy edges are joined (union-find) and each family is represented by its earliest article.
The verdict adds what only a claim knows (an outlet it cites, a relayed source) on top of these families; the
summary and the timeline count the same families, so "2 independent origins" means the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsprism.records import Article

__all__ = ["Origins"]


@dataclass(frozen=True, slots=True)
class Origins:
    """Each article's origin: the earliest article of its family of copies and rewrites."""

    root: Mapping[str, str]

    @classmethod
    def of(cls, articles: Iterable[Article]) -> Origins:
        arts = list(articles)
        parent = {a.id: a.id for a in arts}
        order = {a.id: (a.published or "9999", a.id) for a in arts}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a in arts:
            for other in (*a.derived_from, *([a.duplicate_of] if a.duplicate_of else [])):
                if other in parent:
                    ra, rb = find(a.id), find(other)
                    if ra != rb:
                        keep, drop = sorted((ra, rb), key=lambda r: order[r])
                        parent[drop] = keep
        return cls({a: find(a) for a in parent})

    def origin(self, article_id: str) -> str:
        """The article's origin (an article outside the family map is its own)."""
        return self.root.get(article_id, article_id)

    def count(self, article_ids: Iterable[str]) -> int:
        """How many independent origins these articles are: a family of copies counts once."""
        return len({self.origin(a) for a in article_ids})
