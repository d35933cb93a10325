"""Exact and near duplicates, rewrites and syndication with a direction (who copied whom).

Three tiers, cheapest first:

* exact: the same normalised text;
* near duplicate: word-shingle Jaccard at or above ``near_duplicate_threshold`` (MinHash LSH from datasketch
  proposes the pairs, the shingle sets confirm them): ``duplicate_of`` points to the source copy;
* rewrite or syndication: a trimmed or re-headlined copy (the shorter text's shingles are mostly inside the longer
  one, ``rewrite_containment``), or a paraphrase whose sentences each find a close counterpart in the other text
  (``rewrite_sentence_similarity``, ``rewrite_sentence_share``). Candidates come from a MinHash LSH over content
  words at ``derived_threshold``. The copy gets a ``derived_from`` edge to its source.

Independent reports of one event share names and facts but not sentence after sentence, so they stay apart; the
story clustering groups them instead. The direction: a text that names the other's outlet copied it; otherwise the
earlier publication, then the fuller text, then input order is the source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from datasketch import MinHash, MinHashLSH

from newsprism.records import Article, normalize_text
from newsprism.settings import Settings

_TOKEN = re.compile(r"\w+")
_SENTENCE = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")
_QUOTED = re.compile(r'"[^"]{0,600}"')
_MIN_WORDS = 25
_MIN_SENTENCE_WORDS = 4
_STOPWORDS_TEXT = (
    "a an the and or but if of to in on at by for with from as is are was were be been being has have had do does "
    "did it its this that these those he she they we you i his her their our them him not no than then so such "
    "will would can could should may might must also said says say about into over after before while who whom "
    "which what when where why how there here up out more most other some any all one")
_STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


class _Doc:
    """What dedupe needs from one article, computed once."""

    __slots__ = ("article", "day", "key", "length", "sentences", "shingles", "words")

    def __init__(self, article: Article, shingle_size: int) -> None:
        self.article = article
        self.key = normalize_text(article.text)
        tokens = _TOKEN.findall(self.key)
        self.length = len(tokens)
        size = max(1, shingle_size)
        self.shingles = frozenset(" ".join(tokens[i:i + size]) for i in range(max(1, len(tokens) - size + 1)))
        self.words = frozenset(_content(tokens))
        # Quoted words are left out: two reports quoting the same speaker have not copied each other.
        unquoted = (_QUOTED.sub(" ", p) for p in _SENTENCE.split(self.key))
        self.sentences = [s for s in (frozenset(_content(_TOKEN.findall(p))) for p in unquoted)
                          if len(s) >= _MIN_SENTENCE_WORDS]
        self.day = _day(article.published)


def _content(tokens: Sequence[str]) -> list[str]:
    return [t for t in tokens if len(t) > 2 and t not in _STOPWORDS]


def _day(published: str | None) -> int | None:
    try:
        return dt.date.fromisoformat((published or "").strip()[:10]).toordinal()
    except ValueError:
        return None


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter) if a or b else 0.0


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set found in the larger one (a trimmed copy scores near 1)."""
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0


def sentence_share(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]], similarity: float) -> float:
    """Share of the shorter text's sentences that have a counterpart (content-word Jaccard) in the other text."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not short or not long_:
        return 0.0
    hits = sum(1 for s in short if max(_jaccard(s, t) for t in long_) >= similarity)
    return hits / len(short)


def names_outlet(text_key: str, outlet: str | None) -> bool:
    """Does this (normalised) text name that outlet? A copy usually credits its source."""
    if not outlet:
        return False
    name = normalize_text(outlet)
    return len(name) >= 3 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text_key) is not None


def source_order(a: _Doc, b: _Doc, pos_a: int, pos_b: int) -> tuple[_Doc, _Doc]:
    """(source, copy) for a pair: the text naming the other's outlet is the copy; else earlier, fuller, first."""
    a_cites_b = names_outlet(a.key, b.article.outlet) and not names_outlet(b.key, a.article.outlet)
    b_cites_a = names_outlet(b.key, a.article.outlet) and not names_outlet(a.key, b.article.outlet)
    if a.article.outlet != b.article.outlet and a_cites_b != b_cites_a:
        return (b, a) if a_cites_b else (a, b)
    if a.day is not None and b.day is not None and a.day != b.day:
        return (a, b) if a.day < b.day else (b, a)
    if a.length != b.length:
        return (a, b) if a.length > b.length else (b, a)
    return (a, b) if pos_a <= pos_b else (b, a)


def _minhashes(sets: Sequence[frozenset[str]], num_perm: int) -> list[MinHash]:
    return MinHash.bulk([[s.encode("utf-8") for s in items] for items in sets], num_perm=num_perm)


def _candidates(sets: Sequence[frozenset[str]], eligible: Sequence[int], threshold: float,
                num_perm: int) -> set[tuple[int, int]]:
    """Pairs (i < j) whose sets MinHash LSH thinks are at least ``threshold`` similar."""
    if len(eligible) < 2:
        return set()
    # Recall over precision: every candidate is verified on the exact sets afterwards.
    lsh = MinHashLSH(threshold=min(max(threshold, 0.05), 0.99), num_perm=num_perm, weights=(0.2, 0.8))
    hashes = _minhashes([sets[i] for i in eligible], num_perm)
    for i, mh in zip(eligible, hashes, strict=True):
        lsh.insert(i, mh)
    pairs = set()
    for i, mh in zip(eligible, hashes, strict=True):
        for j in lsh.query(mh):
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return pairs


def find_duplicates(articles: Sequence[Article], *, settings: Settings) -> list[Article]:
    """Return the articles with ``duplicate_of`` and ``derived_from`` set."""
    docs = [_Doc(a, settings.shingle_size) for a in articles]
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, d in enumerate(docs):
        if d.key:
            j = first.setdefault(d.key, i)
            parent[find(i)] = find(j)
    eligible = [i for i, d in enumerate(docs) if d.length >= _MIN_WORDS and first.get(d.key) == i]
    for i, j in sorted(_candidates([d.shingles for d in docs], eligible, settings.near_duplicate_threshold,
                                   settings.minhash_perm)):
        if _jaccard(docs[i].shingles, docs[j].shingles) >= settings.near_duplicate_threshold:
            parent[find(i)] = find(j)

    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        groups.setdefault(find(i), []).append(i)
    root_of: dict[int, int] = {}
    for members in groups.values():
        source = members[0]
        for m in members[1:]:
            if source_order(docs[source], docs[m], source, m)[0] is docs[m]:
                source = m
        for m in members:
            root_of[m] = source

    derived: dict[int, list[int]] = {}
    roots = [i for i in eligible if root_of[i] == i]
    for i, j in sorted(_candidates([d.words for d in docs], roots, settings.derived_threshold,
                                   settings.minhash_perm)):
        a, b = docs[i], docs[j]
        rewrite = containment(a.shingles, b.shingles) >= settings.rewrite_containment or sentence_share(
            a.sentences, b.sentences, settings.rewrite_sentence_similarity) >= settings.rewrite_sentence_share
        if rewrite:
            src, copy = source_order(a, b, i, j)
            derived.setdefault(j if copy is b else i, []).append(i if src is a else j)

    out: list[Article] = []
    for i, art in enumerate(articles):
        dup = docs[root_of[i]].article.id if root_of[i] != i else None
        sources = tuple(docs[s].article.id for s in derived.get(i, ()))
        merged = tuple(dict.fromkeys(art.derived_from + sources))
        if dup != art.duplicate_of or merged != art.derived_from:
            art = replace(art, duplicate_of=dup, derived_from=merged)
        out.append(art)
    return out
