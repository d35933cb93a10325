"""Optional abstractive summary through any OpenAI-compatible endpoint (Ollama, vLLM, llama.cpp server).

Off by default (``settings.abstractive_url``). The model is asked for sentences ending in [n] citations; every
sentence without a citation, or whose cited articles do not support it (no cited sentence close enough in
embedding space, or a name or number the cited articles never state), is dropped and logged. Any error returns
an empty list, and the caller keeps the extractive summary.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

import httpx
import numpy as np

from newsprism.records import Article, Story, SummarySentence
from newsprism.resources import Resources
from newsprism.settings import Settings
from newsprism.summarize.sentences import split_paragraph, split_sentences
from newsprism.summarize.support import agrees, embed_texts

log = logging.getLogger(__name__)

SUPPORT_SIMILARITY = 0.6
"""A generated sentence must be at least this close to some sentence of an article it cites."""
MAX_CHARS_PER_ARTICLE = 4000
TIMEOUT = 120.0

_CITE = re.compile(r"\s*\[(\d+(?:\s*[,;]\s*\d+)*)\]")

SYSTEM_PROMPT = (
    "You summarise one news story from several articles for journalists and fact-checkers. Be neutral and "
    "faithful: state only what the articles state, attribute claims to who made them, and when a claim is denied "
    "or disputed give the denial right after it. End every sentence with the numbers of the articles that state "
    "it in square brackets, like [1] or [2][3]. Write plain sentences, no lists, no headings.")


def endpoint(url: str) -> str:
    """The chat-completions URL from a base URL ("http://host:11434", ".../v1" or the full path)."""
    url = url.rstrip("/")
    if url.endswith("/chat/completions"):
        return url
    if url.endswith("/v1"):
        return url + "/chat/completions"
    return url + "/v1/chat/completions"


def build_prompt(articles: Sequence[Article], sentences: int) -> str:
    parts = []
    for n, a in enumerate(articles, start=1):
        head = " | ".join(x for x in (a.outlet, a.published, a.title) if x)
        parts.append(f"[{n}] {head}\n{(a.text or '')[:MAX_CHARS_PER_ARTICLE]}")
    return ("Articles:\n\n" + "\n\n".join(parts) + f"\n\nWrite a summary of at most {sentences} sentences, each "
            "ending with its citations in square brackets.")


def parse_sentences(content: str, n_articles: int) -> list[tuple[str, tuple[int, ...]]]:
    """(sentence without its markers, cited article numbers) for each generated sentence.

    Citations may stand before or after the full stop ("... rose [1]." or "... rose. [1]").
    """
    text = re.sub(r"\s+", " ", content).strip()
    text = re.sub(r"((?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+)\s*([.!?])", r"\2 \1", text)
    texts: list[str] = []
    cites: list[list[int]] = []
    for piece, _s, _e in split_paragraph(text):
        lead = re.match(r"^(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+", piece)
        if lead and cites:
            cites[-1].extend(_numbers(lead.group(0)))
            piece = piece[lead.end():]
        body = _CITE.sub("", piece).strip()
        if body:
            texts.append(body)
            cites.append(_numbers(piece))
    return [(t, tuple(n for n in dict.fromkeys(c) if 1 <= n <= n_articles)) for t, c in zip(texts, cites, strict=True)]


def _numbers(text: str) -> list[int]:
    return [int(x) for g in _CITE.findall(text) for x in re.split(r"[,;]", g)]


def verify(sentences: list[tuple[str, tuple[int, ...]]], articles: Sequence[Article], *,
           resources: Resources) -> list[SummarySentence]:
    """Keep the sentences their citations support; log each one dropped and why."""
    kept: list[SummarySentence] = []
    article_sents = [[s.text for s in split_sentences(a.text or "")] for a in articles]
    for text, nums in sentences:
        if not nums:
            log.warning("abstractive summary: dropped a sentence without citations: %r", text)
            continue
        vec = embed_texts(resources, [text])[0]
        supporting: list[str] = []
        for n in nums:
            sents = article_sents[n - 1]
            if not sents:
                continue
            sims = embed_texts(resources, sents) @ vec
            best = int(np.argmax(sims))
            window = " ".join(sents[max(0, best - 1):best + 2])
            if float(sims[best]) >= SUPPORT_SIMILARITY and agrees(text, window):
                supporting.append(articles[n - 1].id)
        if not supporting:
            log.warning("abstractive summary: dropped a sentence its citations %s do not support: %r", nums, text)
            continue
        kept.append(SummarySentence(text=text, citations=tuple(supporting)))
    return kept


def summarize_abstractive(story: Story, articles: Sequence[Article], *, resources: Resources,
                          settings: Settings, client: httpx.Client | None = None) -> list[SummarySentence]:
    """The model's summary with only supported, cited sentences; [] on any error (the caller falls back)."""
    members = [a for a in articles if not a.duplicate_of and a.text]
    if not members or not settings.abstractive_url:
        return []
    limit = settings.summary_sentences if settings.summary_sentences > 0 else 7
    payload = {"model": settings.abstractive_model or "default", "temperature": 0.0,
               "messages": [{"role": "system", "content": SYSTEM_PROMPT},
                            {"role": "user", "content": build_prompt(members, limit)}]}
    try:
        own = client is None
        http = client or httpx.Client(timeout=TIMEOUT)
        try:
            resp = http.post(endpoint(settings.abstractive_url), json=payload)
            resp.raise_for_status()
            content = resp.json()["choices"][0]["message"]["content"]
        finally:
            if own:
                http.close()
    except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as exc:
        log.warning("story %s: abstractive backend failed (%s); using the extractive summary", story.id, exc)
        return []
    if not isinstance(content, str):
        return []
    return verify(parse_sentences(content, len(members)), members, resources=resources)[:limit]
