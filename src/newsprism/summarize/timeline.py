"""The story's timeline: dated events from the articles, and per claim when it was first seen, spread and denied.

Relative dates resolve against each article's publication date; a missing one is inferred from the text
(`dates.infer_publication`) and events that rest on it are marked ``inferred``. Date strings follow the
convention in `dates` (reduced-precision ISO 8601, ``--MM-DD`` without a known year, ``""`` undated). Sorting:
dated events by the first day they cover; then month-day events without a year; then undated events in the order
of their article and of the text (before / at / after the article's own date).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsprism.provenance import Origins
from newsprism.records import Article, ClaimGroup, TimelineEvent
from newsprism.resources import Resources
from newsprism.summarize.dates import DateMention, find_dates, infer_publication, parse_date
from newsprism.summarize.sentences import split_sentences, word_count
from newsprism.summarize.support import embed_texts, independent_origins

MAX_EVENTS = 40
MERGE_SIMILARITY = 0.8


@dataclass(frozen=True, slots=True)
class Anchor:
    """An article's publication day and whether it was inferred from the text."""

    day: dt.date | None
    inferred: bool


@dataclass(slots=True)
class _Event:
    date: str
    text: str
    citations: list[str]
    inferred: bool
    key: tuple[int, str, int, int, int]


def anchor_of(article: Article) -> Anchor:
    """The publication day, or one inferred from absolute dates in the cleaned text (marked inferred)."""
    day = parse_date(article.published)
    if day is not None:
        return Anchor(day, article.published_inferred)
    guess = infer_publication(article.text or "")
    return Anchor(guess, guess is not None)


def _clause(sentence: str, mention: DateMention, many: bool) -> str:
    """The sentence, or with several dates in it, the clause around this one."""
    if not many:
        return sentence
    bounds = [0] + [m.end() for m in re.finditer(r"[,;]\s+|\s+(?:while|as|after|before|but)\s+", sentence)]
    bounds.append(len(sentence))
    for a, b in itertools.pairwise(bounds):
        if a <= mention.start < b:
            piece = sentence[a:b].strip(" ,;")
            return piece if word_count(piece) >= 4 else sentence
    return sentence


def _sort_key(date: str, mention_key: dt.date | None, order: int, art_index: int, pos: int) -> tuple[
        int, str, int, int, int]:
    if mention_key is not None and not date.startswith("--") and date:
        return (0, mention_key.isoformat(), 0, art_index, pos)
    if date.startswith("--"):
        return (1, date, 0, art_index, pos)
    return (2, f"{art_index:06d}", order, pos, 0)


def text_events(articles: Sequence[Article]) -> list[_Event]:
    """One event per date expression in the cleaned text of every article that is not an exact copy."""
    events: list[_Event] = []
    for idx, a in enumerate(articles):
        if a.duplicate_of:
            continue
        anchor = anchor_of(a)
        for sent in split_sentences(a.text or ""):
            if word_count(sent.text) < 4:
                continue
            mentions = find_dates(sent.text, anchor.day, anchor_inferred=anchor.inferred)
            for m in mentions:
                text = m.derived_event[:1].upper() + m.derived_event[1:] if m.derived_event else _clause(
                    sent.text, m, len(mentions) > 1)
                events.append(_Event(date=m.date, text=text, citations=[a.id], inferred=m.inferred,
                                     key=_sort_key(m.date, m.sort_key, m.order, idx, sent.start)))
    return events


def claim_events(claims: Sequence[ClaimGroup], articles: Sequence[Article], *, limit: int = 6) -> list[_Event]:
    """Per claim: first seen (who, when), spread (which outlets, when) and denied (by whom, when)."""
    by_id = {a.id: a for a in articles}
    origins = Origins.of(articles)
    index = {a.id: i for i, a in enumerate(articles)}
    anchors = {a.id: anchor_of(a) for a in articles}

    def when(aid: str) -> tuple[str, dt.date | None, bool]:
        anc = anchors.get(aid, Anchor(None, False))
        return (anc.day.isoformat() if anc.day else "", anc.day, anc.inferred)

    def name(aid: str) -> str:
        art = by_id.get(aid)
        return (art.outlet if art and art.outlet else None) or (art.title if art and art.title else aid)

    def strength(g: ClaimGroup) -> tuple[int, int]:
        backers = [s.article_id for s in g.sources if s.stance in ("reports", "attributes")]
        return (g.status in ("disputed", "denied"), independent_origins(backers, origins))

    events: list[_Event] = []
    for g in sorted(claims, key=strength, reverse=True)[:limit]:
        backers = [s for s in g.sources if s.stance in ("reports", "attributes") and s.article_id in by_id]
        if not backers:
            continue
        backers.sort(key=lambda s: (when(s.article_id)[1] or dt.date.max, index[s.article_id]))
        first = backers[0]
        date, day, inferred = when(first.article_id)
        events.append(_Event(date=date, text=f"First reported by {name(first.article_id)}: {g.text}",
                             citations=[first.article_id], inferred=inferred,
                             key=_sort_key(date, day, 0, index[first.article_id], 0)))
        later: dict[str, list[str]] = {}
        for s in backers[1:]:
            later.setdefault(when(s.article_id)[0], []).append(s.article_id)
        for date, ids in later.items():
            ids = list(dict.fromkeys(ids))
            outlets = ", ".join(dict.fromkeys(name(i) for i in ids))
            day = parse_date(date)
            events.append(_Event(date=date, text=f"Also reported by {outlets}: {g.text}", citations=ids,
                                 inferred=any(anchors[i].inferred for i in ids),
                                 key=_sort_key(date, day, 0, index[ids[0]], 1)))
        for s in g.sources:
            if s.stance not in ("denies", "doubts") or s.article_id not in by_id:
                continue
            date, day, inferred = when(s.article_id)
            verb = "Denied" if s.stance == "denies" else "Doubted"
            who = f" by {s.attributed_to}" if s.attributed_to else ""
            events.append(_Event(date=date, text=f"{verb}{who} ({name(s.article_id)}): {s.text}",
                                 citations=[s.article_id], inferred=inferred,
                                 key=_sort_key(date, day, 0, index[s.article_id], 2)))
    return events


def _merge(events: list[_Event], resources: Resources) -> list[_Event]:
    """Events on the same date that say the same thing become one, cited to all their articles."""
    if not events:
        return []
    dates = Counter(e.date for e in events if e.date)
    shared = [i for i, e in enumerate(events) if dates[e.date] > 1]  # only events that share a date can merge
    vecs = dict(zip(shared, embed_texts(resources, [events[i].text for i in shared]), strict=True)) if shared else {}
    kept: list[int] = []
    for i, e in enumerate(events):
        twin = None if i not in vecs else next(
            (k for k in kept if events[k].date == e.date and float(np.dot(vecs[i], vecs[k])) >= MERGE_SIMILARITY),
            None)
        if twin is None:
            kept.append(i)
        else:
            events[twin].citations = list(dict.fromkeys(events[twin].citations + e.citations))
            events[twin].inferred = events[twin].inferred and e.inferred
    return [events[k] for k in kept]


def build_timeline(claims: Sequence[ClaimGroup], articles: Sequence[Article], *,
                   resources: Resources) -> list[TimelineEvent]:
    """The story's dated events, merged across articles and sorted (see the module docstring)."""
    found = _merge(text_events(articles), resources) + claim_events(claims, articles)
    found.sort(key=lambda e: e.key)
    return [TimelineEvent(date=e.date, text=e.text, citations=tuple(e.citations), inferred=e.inferred)
            for e in found[:MAX_EVENTS]]
