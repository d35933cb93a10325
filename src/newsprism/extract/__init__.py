"""Who said what: entities, quotes with speakers, anonymous sourcing, outlets cited, claims.

Each non-duplicate article is parsed once (``nlp.pipe``); the same Doc serves entities, quotes, citations and
claims. Entities are linked across the whole corpus before speakers are resolved, so "Xi" in one article and
"Chinese President Xi Jinping" in another name one person.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsprism.extract.entities import EntityIndex, doc_mentions, link_entities
from newsprism.extract.foreign import direct_quotes, foreign_propositions
from newsprism.extract.outlets import CorpusOutlets
from newsprism.extract.quotes import find_attributions, to_quotes
from newsprism.extract.sources import anonymity_counts, citation_graph, find_citations
from newsprism.lexicons import lexicon_for
from newsprism.limits import PARSE_CHUNK_CHARS, bounded_article, chunks
from newsprism.records import Article, Citation, Claim, Entity, FailurePolicy, Quote
from newsprism.resources import Resources
from newsprism.settings import Settings
from newsprism.spill import RecordSpill

__all__ = [
    "ArticleRecords",
    "Extraction",
    "PropositionSpill",
    "anonymity_counts",
    "citation_graph",
    "corpus_outlets",
    "extract_article",
    "extract_parsed",
    "gather",
    "link_entities",
    "parse_stream",
    "parse_targets",
    "parse_texts",
    "parse_with_mentions",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Extraction:
    """What extraction found; past one batch, quotes, citations and claims wait on disk (``RecordSpill``)."""

    quotes: Sequence[Quote] = ()
    citations: Sequence[Citation] = ()
    entities: tuple[Entity, ...] = ()
    claims: Sequence[Claim] = ()
    propositions: Mapping[str, Sequence[Any]] | PropositionSpill = field(default_factory=dict)
    """Claim id -> its propositions (``compare.align.Proposition``), read from the article's parse; for a corpus
    past one batch, a spill that gives them back story by story."""


def _claims_hook() -> Callable[..., list[Claim]] | None:
    """Claims (issue 6) plug in here when their module is present."""
    try:
        from newsprism.extract.claims import extract_claims
    except ImportError:
        return None
    return extract_claims


def extract_article(article: Article, doc: Any, *, index: EntityIndex | None, outlets: Any,
                    settings: Settings | None = None,
                    claims: Callable[..., list[Claim]] | None = None,
                    ) -> tuple[list[Quote], list[Citation], list[Claim]]:
    """Quotes, citations and claims of one parsed article (entities already linked across the corpus); an
    article in a language with a lexicon has its quotes read by that language's marks and cues."""
    lexicon = lexicon_for(article.language)
    if lexicon is not None:
        quotes = direct_quotes(article.id, article.text, doc, lexicon)
    else:
        attributions = find_attributions(doc, article_id=article.id, index=index, outlets=outlets,
                                         title=article.title, institutions=False)
        quotes = to_quotes(article.id, article.text, attributions)
    citations = find_citations(doc, article, outlets, quotes)
    found_claims = claims(article, doc, quotes=quotes, citations=citations, settings=settings) if claims else []
    return quotes, citations, list(found_claims)


_CHUNK = re.compile(r"\s*\S.*?(?:\n\s*|\Z)", re.S)
# a dateline opening a paragraph: "WASHINGTON — ", "KANSAS CITY, Mo. — ", "LONDON (Reuters) - ", "BEIJING, March 14
# (AP) -- ": the place in capitals, an optional state or date after a comma, an optional agency, then a dash
_DATELINE = re.compile(r"\s*[A-Z][A-Z'./\-]+(?: [A-Z][A-Z'./\-]+){0,3}(?:, [A-Z][\w.]*(?: [\w.]+){0,2})?"
                       r"(?: ?\([^()\n]{2,30}\))? ?(?:—|–|--?) +(?=[A-Z\"\u201c'\u2018\d])")


def _without_dateline(part: str) -> list[str]:
    """A paragraph's dateline as a piece of its own: parsed with the sentence, the place becomes its subject or
    root ("LONDON grew", "WASHINGTON ... disputed"), and the first claim of the article loses its predicate."""
    m = _DATELINE.match(part)
    return [part[:m.end()], part[m.end():]] if m and m.end() < len(part) else [part]


def parse_texts(nlp: Any, texts: Sequence[str], *, batch_size: int = 32, n_process: int = 1) -> list[Any]:
    """One spaCy Doc per text (``parse_stream`` into a list)."""
    return list(parse_stream(nlp, texts, batch_size=batch_size, n_process=n_process))


def parse_stream(nlp: Any, texts: Iterable[str], *, batch_size: int = 32, n_process: int = 1) -> Iterator[Any]:
    """One spaCy Doc per text, in order, parsed paragraph by paragraph and joined (``Doc.from_docs``), so a
    sentence never runs across a line break (headings, captions and datelines stay out of the next sentence). The
    joined Doc's text is the input text exactly, so offsets are offsets into the article.

    One ``nlp.pipe`` serves the whole stream: with ``n_process`` > 1 its worker processes start once, not once
    per batch of articles."""
    pending: deque[tuple[str, int]] = deque()  # texts read by the pipe, with their number of paragraphs
    limit = min(PARSE_CHUNK_CHARS, max(1, int(getattr(nlp, "max_length", PARSE_CHUNK_CHARS))))

    def paragraphs() -> Iterator[str]:
        for text in texts:
            # a paragraph past the limit goes in pieces (spaCy's E088, and costs worse than linear in its length)
            parts = [c for m in _CHUNK.finditer(text) for d in _without_dateline(m.group(0))
                     for c in chunks(d, limit)]
            pending.append((text, len(parts)))
            yield from parts

    kwargs: dict[str, Any] = {"batch_size": batch_size}
    if n_process > 1:
        kwargs["n_process"] = n_process
    parts: list[Any] = []
    for doc in nlp.pipe(paragraphs(), **kwargs):
        while not parts and pending[0][1] == 0:
            yield _joined(nlp, pending.popleft()[0], [])
        parts.append(doc)
        if len(parts) == pending[0][1]:
            yield _joined(nlp, pending.popleft()[0], parts)
            parts = []
    while pending:  # texts without a paragraph after the last one that had some
        yield _joined(nlp, pending.popleft()[0], [])


def _joined(nlp: Any, text: str, parts: list[Any]) -> Any:
    from spacy.tokens import Doc

    if not parts:  # blank text: no paragraph to parse (tokenised within spaCy's limit, E088)
        return nlp.make_doc(text[:nlp.max_length])
    doc = Doc.from_docs(parts, ensure_whitespace=False)
    if doc.text != text and len(text) <= PARSE_CHUNK_CHARS:  # odd whitespace: one parse of the whole (short) text
        doc = nlp(text)
    return doc


def parse_targets(articles: Sequence[Article], settings: Settings, policy: FailurePolicy) -> list[Article]:
    """The articles extraction parses: not a duplicate, not blank, cut to ``max_article_chars``."""
    return [_bounded(a, settings, policy) for a in articles if not a.duplicate_of and a.text.strip()]


def corpus_outlets(articles: Sequence[Article], resources: Resources, settings: Settings) -> CorpusOutlets:
    """The outlet registry narrowed to the corpus's own outlet names (what citations and mentions match)."""
    return CorpusOutlets.of(resources.outlets, (a.outlet for a in articles),
                            threshold=settings.outlet_match_threshold)


def parse_with_mentions(nlp: Any, articles: Sequence[Article], outlets: Any, settings: Settings,
                        ) -> Iterator[tuple[Any, list[Any]]]:
    """Each article's Doc with its entity mentions, in order, from one ``nlp.pipe`` over all of them."""
    docs = parse_stream(nlp, (a.text for a in articles), batch_size=settings.spacy_batch_size,
                        n_process=settings.spacy_processes)
    for article, doc in zip(articles, docs, strict=True):
        yield doc, doc_mentions(doc, article.id, outlets)


ArticleRecords = tuple[str, list[Quote], list[Citation], list[Claim], dict[str, Any]]
"""One article's quotes, citations and claims, with its claims' propositions by claim id."""


def extract_parsed(article: Article, doc: Any, *, index: EntityIndex, outlets: Any, settings: Settings,
                   ) -> ArticleRecords:
    """Quotes, citations, claims and the claims' propositions of one parsed article."""
    q, c, cl = extract_article(article, doc, index=index, outlets=outlets, settings=settings,
                               claims=_claims_hook())
    props = foreign_propositions(doc, cl) if lexicon_for(article.language) else _propositions(doc, cl)
    return article.id, q, c, cl, props


def gather(records: Iterable[ArticleRecords], index: EntityIndex, *, on_disk: bool) -> Extraction:
    """The corpus's extraction from its articles' records, in order; ``on_disk``: quotes, citations, claims and
    propositions wait on disk, per article."""
    if on_disk:
        disk = (RecordSpill[Quote]("newsprism-quotes-"), RecordSpill[Citation]("newsprism-citations-"),
                RecordSpill[Claim]("newsprism-claims-"), PropositionSpill())
        for aid, q, c, cl, found in records:
            disk[0].add(aid, q)
            disk[1].add(aid, c)
            disk[2].add(aid, cl)
            disk[3].add(aid, found)
        return Extraction(quotes=disk[0], citations=disk[1], entities=index.entities, claims=disk[2],
                          propositions=disk[3])
    props: dict[str, list[Any]] = {}
    quotes: list[Quote] = []
    citations: list[Citation] = []
    claims: list[Claim] = []
    for _, q, c, cl, found in records:
        quotes.extend(q)
        citations.extend(c)
        claims.extend(cl)
        props.update(found)
    return Extraction(quotes=tuple(quotes), citations=tuple(citations), entities=index.entities,
                      claims=tuple(claims), propositions=props)


def _bounded(article: Article, settings: Settings, policy: FailurePolicy) -> Article:
    """The article cut to ``max_article_chars`` for parsing (cleaning cuts it first; an article stored before the
    limit, or with a higher one, is cut here), with a warning row when it was."""
    article, note = bounded_article(article, settings.max_article_chars)
    if note is not None:
        policy.warn("extract", article, note)
    return article


class PropositionSpill:
    """Each article's claim propositions, pickled to a temporary file as extraction makes them and read back
    story by story in comparison: they weigh about as much as the claims, and only one story needs them at once.
    """

    def __init__(self) -> None:
        self.records: RecordSpill[tuple[str, Sequence[Any]]] = RecordSpill("newsprism-propositions-")

    def add(self, article_id: str, props: Mapping[str, Sequence[Any]]) -> None:
        self.records.add(article_id, list(props.items()))

    def of_articles(self, article_ids: Iterable[str]) -> dict[str, Sequence[Any]]:
        """Claim id -> propositions for the claims of these articles."""
        return dict(self.records.of(article_ids))

    def __len__(self) -> int:
        return len(self.records)


PROPOSITION_WINDOW = 2_000  # tokens of the article read at once when its claims' propositions are derived


def _propositions(doc: Any, claims: Sequence[Claim]) -> dict[str, list[Any]]:
    """``propositions_in`` over windows of a long article: copying a claim out of its Doc (``Span.as_doc``) scans
    every entity of the Doc, so a 200,000-character article's thousand claims cost its length a thousand times.
    Its claims are taken a window of about ``PROPOSITION_WINDOW`` tokens at a time, each window copied out once;
    a claim's propositions are the same, read from the same tokens."""
    from dataclasses import replace

    from newsprism.compare.align import propositions_in

    if len(doc) <= PROPOSITION_WINDOW or not claims:
        return propositions_in(doc, claims)
    out: dict[str, list[Any]] = {}
    ordered = sorted(claims, key=lambda c: c.start)
    first = 0
    while first < len(ordered):
        span = doc.char_span(ordered[first].start, ordered[first].end, alignment_mode="expand")
        if span is None:
            first += 1
            continue
        last = first
        while last + 1 < len(ordered) and ordered[last + 1].start >= ordered[last].start:
            nxt = doc.char_span(ordered[last + 1].start, ordered[last + 1].end, alignment_mode="expand")
            if nxt is None or nxt.end - span.start > PROPOSITION_WINDOW:
                break
            last += 1
        window = doc.char_span(ordered[first].start, ordered[last].end, alignment_mode="expand")
        part = window.as_doc()
        base = window.start_char
        here = {c.id: c for c in ordered[first:last + 1]}
        shifted = [replace(c, start=c.start - base, end=c.end - base) for c in here.values()]
        for cid, props in propositions_in(part, shifted).items():
            out[cid] = [replace(p, claim=here[cid]) for p in props]
        first = last + 1
    return out


