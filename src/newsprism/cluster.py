"""Story clustering, batch and incremental.

FOUNDATION STUB: issue 4 replaces the internals; keep the signature of ``cluster_stories``.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.records import Article, Story, stable_id
from newsprism.resources import Resources
from newsprism.settings import Settings


def cluster_stories(articles: Sequence[Article], *, resources: Resources, settings: Settings,
                    existing: Sequence[Story] = ()) -> list[Story]:
    """Group articles into stories. ``existing`` stories keep their ids; new articles join them or open new ones."""
    members = [a for a in articles if not a.duplicate_of]
    if not members:
        return list(existing)
    ids = tuple(a.id for a in articles)
    title = next((a.title for a in members if a.title), "Untitled story")
    return [Story(id=stable_id(*sorted(ids), prefix="s"), title=title, article_ids=ids)]
