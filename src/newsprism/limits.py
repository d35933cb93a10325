"""Limits that keep the work on one article bounded, and say so when they bite.

An article longer than ``Settings.max_article_chars`` is cut at a paragraph boundary (a prefix, so every offset into
the cut text is an offset into the whole one) and a ``warning`` row says how much was left out. A paragraph longer
than ``PARSE_CHUNK_CHARS`` is given to spaCy in pieces that end at a sentence end where there is one: spaCy refuses
texts past ``nlp.max_length`` (error E088), and its parser, like our per-sentence steps, costs more than linearly in
a sentence's length, so no piece it sees may be unbounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from newsprism.records import Article

PARSE_CHUNK_CHARS = 10_000
"""The longest piece of a paragraph spaCy parses at once (news paragraphs are far shorter; this only splits text
without paragraph breaks, such as a whole article on one line)."""

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


def _break_before(text: str, start: int, limit: int) -> int:
    """The end of the longest piece of ``text[start:]`` up to ``limit`` characters that ends at a boundary: a blank
    line, then a line break, then a sentence end, then a space; past the first half of the window, else at
    ``start + limit`` itself."""
    end = start + limit
    if end >= len(text):
        return len(text)
    floor = start + limit // 2
    for sep in ("\n\n", "\n"):
        at = text.rfind(sep, floor, end)
        if at >= 0:
            return at + len(sep)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, end)]
    if ends:
        return ends[-1]
    at = max(text.rfind(" ", floor, end), text.rfind("\t", floor, end))
    return at + 1 if at >= 0 else end


def cut_text(text: str, limit: int) -> str:
    """``text`` itself when it is at most ``limit`` characters, else its longest prefix within ``limit`` that ends at a
    paragraph boundary (or, without one in the second half, a line, sentence or word boundary), trailing space off."""
    if limit <= 0 or len(text) <= limit:
        return text
    return text[:_break_before(text, 0, limit)].rstrip()


def bounded_article(article: Article, limit: int) -> tuple[Article, str | None]:
    """The article with its body cut to ``limit`` characters, and the warning to record when it was cut."""
    if limit <= 0 or len(article.text) <= limit:
        return article, None
    cut = cut_text(article.text, limit)
    note = (f"article body is {len(article.text):,} characters, longer than max_article_chars ({limit:,}); cut at a "
            f"paragraph boundary to {len(cut):,} characters, the rest is not analysed (raise the limit with "
            f"--set max_article_chars=N, or split the article)")
    return replace(article, text=cut), note


def chunks(paragraph: str, limit: int = PARSE_CHUNK_CHARS) -> Iterator[str]:
    """``paragraph`` in consecutive pieces of at most ``limit`` characters that join back to it exactly, each ending
    at a sentence end (or a space) where the window has one: what spaCy is given instead of an unbounded text."""
    if len(paragraph) <= limit:
        yield paragraph
        return
    start = 0
    while start < len(paragraph):
        end = _break_before(paragraph, start, limit)
        yield paragraph[start:end]
        start = end
