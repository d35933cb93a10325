"""A short, neutral headline from the story's own articles.

The most central title wins, once stripped of outlet labels ("Outlet: ...", "... | Outlet", "... - Outlet"),
quote marks and clickbait; in a story with denials an attributed title ("..., officials say") beats one that
states the contested claim as fact. Without titles a compressed lead sentence stands in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from newsprism.records import Article
from newsprism.resources import Resources
from newsprism.summarize.support import embed_texts

_CLICKBAIT = re.compile(r"^(?:breaking|watch|video|live|exclusive|update[ds]?|just in|opinion|analysis|"
                        r"listen|photos?|explainer)\s*[:|\-–—]\s*|\b(?:you won't believe|here's why|what you need to "
                        r"know|this is why|shocking|jaw-dropping|must see|goes viral)\b", re.IGNORECASE)
_ATTRIBUTED = re.compile(r"\b(?:says?|said|say|report(?:s|ed)?|according to|claims?|alleges?|officials|sources)\b",
                         re.IGNORECASE)
_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
_MAX_WORDS = 16


def clean_title(title: str, outlets: Sequence[str] = ()) -> str:
    """A title without outlet labels, "Title:" prefixes, wrapping quotes and clickbait markers."""
    t = re.sub(r"\s+", " ", title).strip()
    t = re.sub(r"^(?:title|headline)\s*:\s*", "", t, flags=re.IGNORECASE)
    t = _CLICKBAIT.sub("", t).strip()
    known = {o.lower() for o in outlets if o}
    parts = _SEPARATORS.split(t)
    if len(parts) > 1:
        # "Headline | Outlet" or "Outlet - Headline": keep the longest part when the others are short labels
        longest = max(parts, key=len)
        others = [p for p in parts if p is not longest]
        if all(len(p.split()) <= 4 or p.lower() in known for p in others):
            t = longest
    m = re.match(r"^([A-Z][\w.&' ]{1,40}?):\s+(.{15,})$", t)
    if m and (len(m.group(1).split()) <= 4 or m.group(1).lower() in known):
        t = m.group(2)
    t = t.strip(" \"'“”‘’«»")
    t = re.sub(r"[!?]+$", "", t).strip()
    return t


def headline_score(title: str, *, disputed: bool) -> float:
    """Penalties for what makes a headline loud or long; a bonus for attribution where claims are disputed."""
    words = len(title.split())
    score = 0.0
    if words > _MAX_WORDS:
        score -= 0.02 * (words - _MAX_WORDS)
    if words < 4:
        score -= 0.2
    if title.isupper():
        score -= 0.2
    if disputed and _ATTRIBUTED.search(title):
        score += 0.08
    return score


def compress_lead(sentence: str) -> str:
    """A lead sentence cut to a headline: without its trailing attribution clause and after the first clause."""
    s = re.sub(r"\s*\([^)]*\)", "", sentence).strip().rstrip(".")
    s = re.split(r",\s+(?:according to|said|says|which|who|while|as)\b", s)[0]
    words = s.split()
    return " ".join(words[:_MAX_WORDS]) + ("…" if len(words) > _MAX_WORDS else "")


def choose_headline(articles: Sequence[Article], centroid: np.ndarray | None, *, resources: Resources,
                    disputed: bool, lead: str | None = None) -> str | None:
    """The story's headline, or None when no article has a usable title and there is no lead sentence."""
    outlets = [a.outlet for a in articles if a.outlet]
    seen: dict[str, str] = {}
    for a in articles:
        if a.duplicate_of or not a.title:
            continue
        t = clean_title(a.title, outlets)
        if len(t.split()) >= 3:
            seen.setdefault(t.lower(), t)
    titles = list(seen.values())
    if not titles:
        return compress_lead(lead) if lead else None
    if centroid is None or len(titles) == 1:
        return max(titles, key=lambda t: headline_score(t, disputed=disputed))
    vecs = embed_texts(resources, titles)
    sims = vecs @ centroid
    scores = [float(s) + headline_score(t, disputed=disputed) for t, s in zip(titles, sims, strict=True)]
    return titles[int(np.argmax(scores))]
