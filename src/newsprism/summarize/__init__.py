"""Per story: a cited summary, a headline and a timeline.

The default summary is extractive (`extractive`): verbatim sentences of the cleaned articles, each cited to every
article that states it. With ``settings.abstractive_url`` set, an OpenAI-compatible model writes the summary
instead (`abstractive`), and every generated sentence its citations do not support is dropped; on any error the
extractive summary stands.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from newsprism.records import Article, Story, SummarySentence, TimelineEvent
from newsprism.resources import Resources
from newsprism.settings import Settings
from newsprism.summarize.extractive import summarize_extractive
from newsprism.summarize.headline import choose_headline
from newsprism.summarize.timeline import build_timeline

log = logging.getLogger(__name__)

__all__ = ["summarize_story"]


def summarize_story(story: Story, articles: Sequence[Article], *, resources: Resources,
                    settings: Settings) -> tuple[list[SummarySentence], list[TimelineEvent], str | None]:
    """Return (summary, timeline, title); ``story.claims`` is already filled by compare."""
    members = [a for a in articles if a.id in set(story.article_ids)] or list(articles)
    summary, sm = summarize_extractive(story.claims, members, resources=resources, settings=settings)
    if settings.abstractive_url:
        from newsprism.summarize.abstractive import summarize_abstractive

        generated = summarize_abstractive(story, members, resources=resources, settings=settings)
        if generated:
            summary = generated
        else:
            log.info("story %s: abstractive summary unavailable, keeping the extractive one", story.id)
    disputed = any(g.status in ("disputed", "denied") for g in story.claims) or any(
        len(s.citations) and _denies(s.text) for s in summary)
    title = choose_headline(members, sm.centroid, resources=resources, disputed=disputed,
                            lead=summary[0].text if summary else None)
    timeline = build_timeline(story.claims, members, resources=resources)
    return summary, timeline, title


def _denies(text: str) -> bool:
    from newsprism.summarize.extractive import is_denial

    return is_denial(text)
