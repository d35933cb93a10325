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
from typing import TYPE_CHECKING, Any

from newsprism.extract.entities import EntityIndex, doc_mentions, link_entities
from newsprism.extract.outlets import CorpusOutlets
from newsprism.extract.quotes import find_attributions, to_quotes
from newsprism.extract.sources import anonymity_counts, citation_graph, find_citations
from newsprism.memory import release_freed_memory
from newsprism.records import Article, Citation, Claim, Entity, Failure, Quote
from newsprism.resources import Resources
from newsprism.settings import Settings
from newsprism.spill import Blobs, RecordSpill

if TYPE_CHECKING:
    from newsprism.pipeline import FailurePolicy

__all__ = ["Extraction", "PropositionSpill", "anonymity_counts", "citation_graph", "extract_article", "extract_corpus",
           "parse_stream", "parse_texts"]


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
    """Quotes, citations and claims of one parsed article (entities already linked across the corpus)."""
    attributions = find_attributions(doc, article_id=article.id, index=index, outlets=outlets,
                                     title=article.title, institutions=False)
    quotes = to_quotes(article.id, article.text, attributions)
    citations = find_citations(doc, article, outlets, quotes)
    found_claims = claims(article, doc, quotes=quotes, citations=citations, settings=settings) if claims else []
    return quotes, citations, list(found_claims)


_CHUNK = re.compile(r"\s*\S.*?(?:\n\s*|\Z)", re.S)


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

    def paragraphs() -> Iterator[str]:
        for text in texts:
            parts = [m.group(0) for m in _CHUNK.finditer(text)]
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

    doc = Doc.from_docs(parts, ensure_whitespace=False) if parts else nlp.make_doc(text)
    if doc.text != text:  # leading or odd whitespace: fall back to one parse of the whole text
        doc = nlp(text)
    return doc


def extract_corpus(articles: Sequence[Article], *, resources: Resources, settings: Settings,
                   policy: FailurePolicy, progress: Callable[[str, int, int], None]) -> Extraction:
    """Extract from every non-duplicate article; entities are made canonical across the whole corpus."""
    todo = [a for a in articles if not a.duplicate_of and a.text.strip()]
    if not todo:
        return Extraction()
    nlp = resources.nlp
    outlets = CorpusOutlets.of(resources.outlets, (a.outlet for a in articles),
                               threshold=settings.outlet_match_threshold)
    on_disk = len(todo) > settings.extract_batch  # parses and propositions alike
    with _DocSpill(nlp, keep_in_memory=not on_disk) as spill:
        mentions: list[Any] = []
        docs = parse_stream(nlp, (a.text for a in todo), batch_size=settings.spacy_batch_size,
                            n_process=settings.spacy_processes)
        for done, (article, doc) in enumerate(zip(todo, docs, strict=True), start=1):
            mentions.extend(doc_mentions(doc, article.id, outlets))
            spill.add(doc)
            if done % settings.extract_batch == 0 or done == len(todo):
                release_freed_memory()  # the parses are on disk or kept; spaCy's scratch memory is not
                progress("parse", done, len(todo))
        index = link_entities(mentions)
        del mentions
        return _extract_all(todo, spill, index=index, outlets=outlets, settings=settings, policy=policy,
                            progress=progress, on_disk=on_disk)


class _DocSpill:
    """Parsed Docs kept until entities are linked across the corpus: in memory for a small corpus, else as
    bytes in a temporary file, so a large corpus's parses never sit in RAM all at once."""

    def __init__(self, nlp: Any, *, keep_in_memory: bool) -> None:
        self.nlp = nlp
        self.keep_in_memory = keep_in_memory
        self.memory: list[Any] = []
        self.blobs: Blobs | None = None  # None: the Docs are in ``memory``
        self.offsets: list[tuple[int, int]] = []

    def __enter__(self) -> _DocSpill:
        if not self.keep_in_memory:
            self.blobs = Blobs("newsprism-docs-")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.blobs is not None:
            self.blobs.close()

    def add(self, doc: Any) -> None:
        if self.blobs is None:
            self.memory.append(doc)
        else:
            self.offsets.append(self.blobs.put(doc.to_bytes(exclude=["user_data"])))

    def __iter__(self) -> Any:
        if self.blobs is None:
            yield from self.memory
            return
        from spacy.tokens import Doc

        for where in self.offsets:
            yield Doc(self.nlp.vocab).from_bytes(self.blobs.get(where))


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


def _extract_all(todo: Sequence[Article], docs: Any, *, index: EntityIndex, outlets: Any, settings: Settings,
                 policy: FailurePolicy, progress: Callable[[str, int, int], None],
                 on_disk: bool = False) -> Extraction:
    """``on_disk``: quotes, citations, claims and propositions wait on disk, per article."""
    claims_fn = _claims_hook()
    from newsprism.compare.align import propositions_in

    props: dict[str, list[Any]] = {}
    quotes: list[Quote] = []
    citations: list[Citation] = []
    claims: list[Claim] = []
    disk = (RecordSpill[Quote]("newsprism-quotes-"), RecordSpill[Citation]("newsprism-citations-"),
            RecordSpill[Claim]("newsprism-claims-"), PropositionSpill()) if on_disk else None
    for i, (article, doc) in enumerate(zip(todo, docs, strict=True)):
        try:
            q, c, cl = extract_article(article, doc, index=index, outlets=outlets, settings=settings,
                                       claims=claims_fn)
        except Exception as exc:  # noqa: BLE001 - one bad article becomes a failure row, the rest go on
            policy.failures.append(Failure(source_path=article.source_path or article.id, stage="extract",
                                           error=f"{type(exc).__name__}: {exc}"))
            continue
        found = propositions_in(doc, cl)
        if disk is not None:
            disk[0].add(article.id, q)
            disk[1].add(article.id, c)
            disk[2].add(article.id, cl)
            disk[3].add(article.id, found)
        else:
            quotes.extend(q)
            citations.extend(c)
            claims.extend(cl)
            props.update(found)
        progress("extract", i + 1, len(todo))
    if disk is not None:
        return Extraction(quotes=disk[0], citations=disk[1], entities=index.entities, claims=disk[2],
                          propositions=disk[3])
    return Extraction(quotes=tuple(quotes), citations=tuple(citations), entities=index.entities,
                      claims=tuple(claims), propositions=props)
