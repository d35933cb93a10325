"""Per-Doc lookups built once, in linear time, for steps that would otherwise scan the Doc per token.

spaCy's ``Token.sent`` walks the token's sentence on every call and ``Span.ents`` scans every entity of the Doc,
so asking either once per token or per candidate phrase is quadratic in the sentence's or the article's length
(a 200,000-character paragraph took a minute). These indexes answer the same questions by lookup; they are built
by the function that needs them and never stored on the Doc (which travels to other processes).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

from newsprism.extract.entities import HONORIFICS, NAME_SUFFIXES


def honorific(tok: Any) -> bool:
    """"Mr.", "Ms.", "Dr.": a title before a surname, not part of another name ("Ms. Fox" is a lone surname)."""
    return tok.lower_.rstrip(".") in HONORIFICS


class DocEnts:
    """A doc's entities indexed by start token: ``within(start, end)`` is ``doc[start:end].ents`` by bisection."""

    def __init__(self, doc: Any) -> None:
        self.ents = list(doc.ents)
        self.starts = [e.start for e in self.ents]
        self._full_names: dict[str, list[tuple[int, int]]] | None = None

    def full_names_ending(self, word: str) -> list[tuple[int, int]]:
        """Token spans of the people named in full (two words or more) whose name ends with ``word``; indexed on
        first use, so a lookup per token stays cheap."""
        if self._full_names is None:
            self._full_names = {}
            for e in self.ents:
                if e.label_ == "PERSON" and len(e) > 1:
                    # "Jesse L. Jackson Jr.": the surname is the last word that is no generational suffix
                    last = next((t for t in reversed(e) if t.lower_.rstrip(".,") not in NAME_SUFFIXES), e[-1])
                    self._full_names.setdefault(last.text, []).append((e.start, e.end))
        return self._full_names.get(word, [])

    def surname_of(self, tok: Any) -> tuple[int, int] | None:
        """The token span of the person named in full whose surname a lone proper name ``tok`` is ("Fox said"
        where the article names Vicente Fox: the nearest mention before it), else None; None too where two people
        share the surname."""
        if tok.pos_ != "PROPN" or any(c.pos_ == "PROPN" and c.dep_ in {"compound", "flat"} and not honorific(c)
                                      for c in tok.children) or (
                tok.dep_ in {"compound", "flat"} and tok.head.pos_ == "PROPN"):
            return None
        spans = [(start, end) for start, end in self.full_names_ending(tok.text) if not start <= tok.i < end]
        doc = tok.doc
        names = {tuple(t.lower_ for t in doc[a:b] if t.lower_.rstrip(".,") not in NAME_SUFFIXES) for a, b in spans}
        people = [n for n in names if not any(set(n) < set(m) for m in names)]  # "Jesse Jackson" in "Jesse L. ..."
        if len(people) != 1:
            return None  # none, or two people of that surname ("Clinton" with Bill and Hillary): not decided here
        before = [sp for sp in spans if sp[1] <= tok.i]
        return max(before) if before else min(spans)

    def named_in_full(self, span: Any, head: Any) -> tuple[int, int] | None:
        """``surname_of(head)`` for a phrase whose only proper noun, honorifics aside, is that surname ("Fox",
        "Ms. Fox", not "Fox News"): the token span of the person the article names in full, else None."""
        if sum(t.pos_ == "PROPN" and not honorific(t) for t in span) != 1:
            return None
        return self.surname_of(head)

    def within(self, start: int, end: int) -> list[Any]:
        out = []
        for k in range(bisect_left(self.starts, start), len(self.ents)):
            ent = self.ents[k]
            if ent.end > end:  # as Span.ents: the first entity that runs past the end stops the list
                break
            out.append(ent)
        return out

    def of(self, span: Any) -> list[Any]:
        """``span.ents``, without the scan over the whole Doc."""
        return self.within(span.start, span.end)


class Sentences:
    """Each token's sentence, from one pass over ``doc.sents``: ``Token.sent`` costs the sentence's length."""

    def __init__(self, doc: Any) -> None:
        self.bounds: list[tuple[int, int]] = []  # (start_char, end_char) per sentence
        self.token_starts: list[int] = []  # first token index per sentence
        for sent in doc.sents:
            self.bounds.append((sent.start_char, sent.end_char))
            self.token_starts.append(sent.start)

    def of_token(self, i: int) -> tuple[int, int]:
        """(start_char, end_char) of the sentence that holds token ``i``."""
        return self.bounds[bisect_right(self.token_starts, i) - 1]


class Intervals:
    """Character intervals (quotation marks' spans, frames' content), each with an owner (its position unless
    given): ``covers(x)`` says whether any holds offset x, ``holding(x)`` which owners do, by bisection over the
    starts; the intervals may overlap."""

    def __init__(self, spans: Sequence[tuple[int, int]], owners: Sequence[int] | None = None) -> None:
        ordered = sorted(zip(spans, owners if owners is not None else range(len(spans)), strict=True))
        self.starts = [s for (s, _), _ in ordered]
        self.ends = [e for (_, e), _ in ordered]
        self.owners = [o for _, o in ordered]
        self.longest = max((e - s for s, e in spans), default=0)
        self.reach: list[int] = []  # the furthest end among the intervals up to each position
        top = -1
        for e in self.ends:
            top = max(top, e)
            self.reach.append(top)

    def covers(self, x: int) -> bool:
        k = bisect_right(self.starts, x) - 1
        return k >= 0 and self.reach[k] > x

    def holding(self, x: int) -> list[int]:
        """The owners of the intervals that hold x, each once, in increasing order: only intervals that start
        within the longest interval's length before x are looked at."""
        lo = bisect_right(self.starts, x - self.longest)
        hi = bisect_right(self.starts, x)
        return sorted({self.owners[k] for k in range(lo, hi) if self.ends[k] > x})

    def overlapping(self, start: int, end: int) -> list[int]:
        """The owners of the intervals that overlap [start, end), each once, in increasing order."""
        lo = bisect_right(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return sorted({self.owners[k] for k in range(lo, hi) if self.ends[k] > start})
