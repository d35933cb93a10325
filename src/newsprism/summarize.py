"""Per story: a cited extractive summary, a headline and a timeline.

FOUNDATION STUB: issue 8 replaces the internals; keep the signature of ``summarize_story``.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.records import Article, Story, SummarySentence, TimelineEvent
from newsprism.resources import Resources
from newsprism.settings import Settings


def summarize_story(story: Story, articles: Sequence[Article], *, resources: Resources,
                    settings: Settings) -> tuple[list[SummarySentence], list[TimelineEvent], str | None]:
    """Return (summary, timeline, title); ``story.claims`` is already filled by compare."""
    return [], [], None
