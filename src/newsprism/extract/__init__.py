"""Who said what: entities, quotes with speakers, anonymous sourcing, outlets cited, claims.

Each non-duplicate article is parsed once (``nlp.pipe``); the same Doc serves entities, quotes, citations and
claims. Entities are linked across the whole corpus before speakers are resolved, so "Xi" in one article and
"Chinese President Xi Jinping" in another name one person.
"""

from __future__ import annotations

import re
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsprism.extract.entities import EntityIndex, doc_mentions, link_entities
from newsprism.extract.foreign import direct_quotes, foreign_propositions
from newsprism.extract.outlets import CorpusOutlets
from newsprism.extract.quotes import find_attributions, to_quotes
from newsprism.extract.sources import anonymity_counts, citation_graph, find_citations
from newsprism.lexicons import lexicon_for
from newsprism.limits import PARSE_CHUNK_CHARS, bounded_article, chunks
from newsprism.memory import release_freed_memory
from newsprism.records import Article, Citation, Claim, Entity, Failure, FailurePolicy, Quote
from newsprism.resources import Resources
from newsprism.settings import Settings
from newsprism.spill import Blobs, RecordSpill

if TYPE_CHECKING:
    from newsprism.checkpoint import Checkpoint

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
            parts = [c for m in _CHUNK.finditer(text) for c in chunks(m.group(0), limit)]
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


def extract_corpus(articles: Sequence[Article], *, resources: Resources, settings: Settings,
                   policy: FailurePolicy, progress: Callable[[str, int, int], None],
                   checkpoint: Checkpoint | None = None) -> Extraction:
    """Extract from every non-duplicate article; entities are made canonical across the whole corpus.

    ``checkpoint`` (a corpus past one batch): each batch of parses and of extracted records, and the entity
    index, are kept there as they are finished, and a run after a killed one starts after the last of them."""
    todo = [_bounded(a, settings, policy) for a in articles if not a.duplicate_of and a.text.strip()]
    if not todo:
        return Extraction()
    nlp = resources.nlp
    outlets = CorpusOutlets.of(resources.outlets, (a.outlet for a in articles),
                               threshold=settings.outlet_match_threshold)
    on_disk = len(todo) > settings.extract_batch  # parses and propositions alike
    keep = checkpoint
    # with a checkpoint, a piece is committed every ``checkpoint_batch`` articles, so a stopped run of any size
    # keeps most of its parses and records (a 300-article run would otherwise lose its one batch)
    size = min(settings.extract_batch, settings.checkpoint_batch) if keep is not None else settings.extract_batch
    with _DocSpill(nlp, keep_in_memory=not on_disk and keep is None, checkpoint=keep) as spill:
        index = None
        if keep is not None:
            batches = spill.resume(todo, size)
            saved = keep.load("entities") if batches * size >= len(todo) else None
            if saved is not None and saved["ids"] == [a.id for a in todo]:
                index = saved["index"]
            if index is None:
                spill.saved_mentions(batches)
        if index is None:
            mentions = _parse(todo, spill, nlp, outlets, settings=settings, progress=progress, size=size)
            index = link_entities(mentions)
            del mentions
            if keep is not None:
                keep.save("entities", {"ids": [a.id for a in todo], "index": index})
        return _extract_all(todo, spill, index=index, outlets=outlets, settings=settings, policy=policy, size=size,
                            progress=progress, on_disk=on_disk, checkpoint=keep)


def _bounded(article: Article, settings: Settings, policy: FailurePolicy) -> Article:
    """The article cut to ``max_article_chars`` for parsing (cleaning cuts it first; an article stored before the
    limit, or with a higher one, is cut here), with a warning row when it was."""
    article, note = bounded_article(article, settings.max_article_chars)
    if note is not None:
        policy.warn("extract", article, note)
    return article


def _parse(todo: Sequence[Article], spill: _DocSpill, nlp: Any, outlets: Any, *, settings: Settings,
           progress: Callable[[str, int, int], None], size: int) -> list[Any]:
    """Parse what the spill does not hold yet (all of it, without a checkpoint); every mention, in order.
    ``size``: articles per committed batch."""
    mentions: list[Any] = spill.mentions
    first = len(spill)
    docs = parse_stream(nlp, (a.text for a in todo[first:]), batch_size=settings.spacy_batch_size,
                        n_process=settings.spacy_processes)
    for done, (article, doc) in enumerate(zip(todo[first:], docs, strict=True), start=first + 1):
        found = doc_mentions(doc, article.id, outlets)
        mentions.extend(found)
        spill.add(doc, found)
        if done % size == 0 or done == len(todo):
            spill.commit(todo[done - 1 - (done - 1) % size:done], (done - 1) // size)
            release_freed_memory()  # the parses are on disk or kept; spaCy's scratch memory is not
            progress("parse", done, len(todo))
    return mentions


class _DocSpill:
    """Parsed Docs kept until entities are linked across the corpus: in memory for a small corpus, else as
    bytes in a file, so a large corpus's parses never sit in RAM all at once. With a checkpoint, the file is the
    checkpoint's and each batch's place in it is saved once the batch is on disk."""

    def __init__(self, nlp: Any, *, keep_in_memory: bool, checkpoint: Checkpoint | None = None) -> None:
        self.nlp = nlp
        self.keep_in_memory = keep_in_memory
        self.checkpoint = checkpoint
        self.memory: list[Any] = []
        self.blobs: Blobs | None = None  # None: the Docs are in ``memory``
        self.offsets: list[tuple[int, int]] = []
        self.mentions: list[Any] = []
        self._batch_mentions: list[Any] = []

    def __enter__(self) -> _DocSpill:
        if not self.keep_in_memory and self.checkpoint is None:
            self.blobs = Blobs("newsprism-docs-")  # with a checkpoint, ``resume`` opens its file
        return self

    def __exit__(self, *exc: object) -> None:
        if self.blobs is not None:
            self.blobs.close()

    def resume(self, todo: Sequence[Article], size: int) -> int:
        """Take the batches of parses an earlier run committed (the same articles in the same batches); returns
        how many."""
        assert self.checkpoint is not None
        k, end = 0, 0
        while (k * size < len(todo) and (saved := self.checkpoint.load(f"parse:{k}")) is not None
               and saved["ids"] == [a.id for a in todo[k * size:(k + 1) * size]]):
            self.offsets.extend(saved["where"])
            end = saved["end"]
            k += 1
        self.blobs = Blobs("", path=self.checkpoint.folder() / "parses.bin", keep=end)
        return k

    def saved_mentions(self, batches: int) -> None:
        """The mentions of the first ``batches`` committed batches, for a run that goes on parsing."""
        assert self.checkpoint is not None
        for k in range(batches):
            self.mentions.extend(self.checkpoint.load(f"parse:{k}")["mentions"])

    def add(self, doc: Any, mentions: Sequence[Any] = ()) -> None:
        if self.blobs is None:
            self.memory.append(doc)
        else:
            # no stage reads the tensor (4/5 of the bytes); compressed, a Doc takes 30 bytes a token
            self.offsets.append(self.blobs.put(zlib.compress(doc.to_bytes(exclude=["user_data", "tensor"]), 1)))
            self._batch_mentions.extend(mentions)

    def commit(self, batch: Sequence[Article], k: int) -> None:
        """The batch ``k`` (these articles) is parsed: with a checkpoint, where its parses lie is saved."""
        if self.checkpoint is not None and self.blobs is not None:
            end = self.blobs.sync()
            self.checkpoint.save(f"parse:{k}", {"ids": [a.id for a in batch], "end": end,
                                                "where": self.offsets[-len(batch):],
                                                "mentions": self._batch_mentions})
        self._batch_mentions = []

    def __len__(self) -> int:
        return len(self.memory) if self.blobs is None else len(self.offsets)

    def __getitem__(self, i: int) -> Any:
        if self.blobs is None:
            return self.memory[i]
        from spacy.tokens import Doc

        return Doc(self.nlp.vocab).from_bytes(zlib.decompress(self.blobs.get(self.offsets[i])))


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


def _extract_all(todo: Sequence[Article], docs: _DocSpill, *, index: EntityIndex, outlets: Any, settings: Settings,
                 policy: FailurePolicy, progress: Callable[[str, int, int], None], size: int,
                 on_disk: bool = False, checkpoint: Checkpoint | None = None) -> Extraction:
    """``on_disk``: quotes, citations, claims and propositions wait on disk, per article. ``checkpoint``: each
    batch's records are saved there, and a batch saved by an earlier run is taken, not extracted again."""
    claims_fn = _claims_hook()

    props: dict[str, list[Any]] = {}
    quotes: list[Quote] = []
    citations: list[Citation] = []
    claims: list[Claim] = []
    disk = (RecordSpill[Quote]("newsprism-quotes-"), RecordSpill[Citation]("newsprism-citations-"),
            RecordSpill[Claim]("newsprism-claims-"), PropositionSpill()) if on_disk else None
    for k, first in enumerate(range(0, len(todo), size)):
        batch = todo[first:first + size]
        ids = [a.id for a in batch]
        saved = checkpoint.load(f"extract:{k}") if checkpoint is not None else None
        if saved is None or saved["ids"] != ids:
            found_here: list[tuple[str, list[Quote], list[Citation], list[Claim], dict[str, Any]]] = []
            here = FailurePolicy()  # this batch's rows, saved with its records
            for i, article in enumerate(batch, start=first):
                doc = docs[i]
                with here.guard("extract", article) as guard:
                    q, c, cl = extract_article(article, doc, index=index, outlets=outlets, settings=settings,
                                               claims=claims_fn)
                if guard.failed:
                    continue
                props = foreign_propositions(doc, cl) if lexicon_for(article.language) else _propositions(doc, cl)
                found_here.append((article.id, q, c, cl, props))
                progress("extract", i + 1, len(todo))
            failed: list[Failure] = here.failures
            saved = {"ids": ids, "records": found_here, "failures": failed}
            if checkpoint is not None:
                checkpoint.save(f"extract:{k}", saved)
        policy.failures.extend(saved["failures"])
        for aid, q, c, cl, found in saved["records"]:
            if disk is not None:
                disk[0].add(aid, q)
                disk[1].add(aid, c)
                disk[2].add(aid, cl)
                disk[3].add(aid, found)
            else:
                quotes.extend(q)
                citations.extend(c)
                claims.extend(cl)
                props.update(found)
        progress("extract", first + len(batch), len(todo))
    if disk is not None:
        return Extraction(quotes=disk[0], citations=disk[1], entities=index.entities, claims=disk[2],
                          propositions=disk[3])
    return Extraction(quotes=tuple(quotes), citations=tuple(citations), entities=index.entities,
                      claims=tuple(claims), propositions=props)
