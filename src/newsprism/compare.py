"""Per story: claim alignment, stance of each source, claim status, provenance.

FOUNDATION STUB: issue 6 replaces the internals; keep the signature of ``compare_story``.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.records import Article, Citation, Claim, ClaimGroup, Quote, Story
from newsprism.resources import Resources
from newsprism.settings import Settings


def compare_story(story: Story, articles: Sequence[Article], *, quotes: Sequence[Quote],
                  citations: Sequence[Citation], claims: Sequence[Claim], resources: Resources,
                  settings: Settings) -> list[ClaimGroup]:
    """Group the story's claims and judge each group."""
    return []
