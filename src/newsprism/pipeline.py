"""The stage list and its stages' glue. Stage functions (dedupe, extract, cluster, compare, summarize) are pure;
``newsprism.executor`` runs the list and owns checkpoints, progress, spill and per-item failures."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar

from newsprism.executor import Ahead, DocKeeper, Executor, Progress, Stage, VectorCache
from newsprism.executor import no_progress as _no_progress
from newsprism.records import (
    AnalysisResult,
    Article,
    Citation,
    Claim,
    Entity,
    Failure,
    FailurePolicy,
    Quote,
    RawDocument,
    Story,
)
from newsprism.resources import Resources
from newsprism.settings import Settings

if TYPE_CHECKING:
    from newsprism.checkpoint import Checkpoint
    from newsprism.clean.text import LineJudge
    from newsprism.dedupe import WordCounts
    from newsprism.extract import Extraction, PropositionSpill
    from newsprism.spill import RawTexts

log = logging.getLogger(__name__)

__all__ = ["EXTRACTION", "FIRST_ANALYSIS", "Corpus", "FailurePolicy", "Progress", "analyse_stories",
           "analyse_window", "clean_documents", "extract_corpus", "process_articles", "update_analysis"]


def clean_documents(docs: Sequence[RawDocument], settings: Settings, policy: FailurePolicy,
                    progress: Progress = _no_progress, seen: set[str] | None = None,
                    judge: LineJudge | Literal["settings"] | None = "settings") -> list[Article]:
    """Clean a batch; with ``seen`` (shared across a run's batches), a document read again is not cleaned twice;
    ``judge``: the line model a run loaded once (``clean.load_judge``), else loaded for this batch."""
    from newsprism.clean import clean_corpus

    if seen is not None:
        docs = first_readings(docs, seen)
    return clean_corpus(docs, settings=settings, policy=policy, progress=progress, judge=judge)


def first_readings(docs: Iterable[RawDocument], seen: set[str]) -> list[RawDocument]:
    """Documents not read before in this run: the same raw text (or page) is the same article, and the first
    reading wins (as the article id, a hash of the raw text, already says), so a copy is not cleaned again."""
    from newsprism.records import article_id_for, stable_id

    out = []
    for doc in docs:
        if doc.html is not None and (doc.text is None or doc.format == "html"):
            key = stable_id(doc.html, prefix="h") if doc.html.strip() else None
        else:
            key = article_id_for(doc.text) if doc.text and not doc.text.isspace() else None
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        out.append(doc)
    return out


@dataclass(frozen=True, slots=True, kw_only=True)
class Corpus:
    """What flows through the stage list: each stage returns a copy with its own part filled in."""

    articles: list[Article]
    resources: Resources
    settings: Settings
    existing: Sequence[Story] = ()
    todo: list[Article] = field(default_factory=list)
    """The articles extraction parses (no duplicates, no blank texts)."""
    outlets: Any = None
    docs: DocKeeper | None = None
    mentions: list[Any] = field(default_factory=list)
    index: Any = None
    extraction: Extraction | None = None
    stories: Sequence[Story] = ()
    done: Sequence[Story] = ()
    ahead: Ahead | None = None
    """Sentence vectors being encoded in the background (``_encode_ahead``)."""
    fresh_keys: list[str] = field(default_factory=list)
    """The sentence keys encoded in this run, for the executor's vector cache."""


def _dedupe(run: Executor, corpus: Corpus) -> Corpus:
    """Copy and rewrite links (``find_duplicates``), or the links a killed run found for these articles."""
    from newsprism import dedupe

    articles = corpus.articles
    run.progress("dedupe", 0, 1)

    def links() -> dict[str, tuple[str | None, tuple[str, ...]]]:
        found = dedupe.find_duplicates(articles, settings=corpus.settings)
        return {a.id: (a.duplicate_of, a.derived_from) for a in found if a.duplicate_of or a.derived_from}

    found = run.once("dedupe", [a.id for a in articles], links)
    run.progress("dedupe", 1, 1)
    return replace(corpus, articles=[replace(a, duplicate_of=found[a.id][0], derived_from=found[a.id][1])
                                     if a.id in found else a for a in articles])


ENCODE_CHUNK = 256
"""Sentences per encoder call ahead: the lock is held that long, while clustering may wait for its own call."""


def _encode_ahead(run: Executor, corpus: Corpus) -> Corpus:
    """The articles' clustering vectors, then every sentence the story analyses will encode
    (``compare.story_texts``: each article's sentences), encoded in the background while the next stages parse
    and extract: the encoder and spaCy then use one core each. Nothing is saved here: the vectors wait in the
    Resources cache, where clustering and compare find them."""
    from newsprism.cluster.features import lead_vectors
    from newsprism.resources import sentence_key
    from newsprism.summarize.sentences import split_sentences

    settings, resources = corpus.settings, corpus.resources
    if settings.encode_ahead <= 0:
        return corpus
    originals = [a for a in corpus.articles if not a.duplicate_of]
    texts = list(dict.fromkeys(s.text for a in originals for s in split_sentences(a.text or "")))
    if not texts or len(texts) + len(originals) > min(settings.encode_ahead, settings.embed_cache_size // 2):
        return corpus

    keys = [sentence_key(t) for t in texts]
    if run.vectors is not None:  # sentences an earlier run encoded are read, not encoded again
        known = run.vectors.load_vectors(keys)
        for key, vector in known.items():
            resources.prime_embedding(key, vector)
        texts = [t for t, k in zip(texts, keys, strict=True) if k not in known]
        keys = [k for k in keys if k not in known]

    def leads(part: list[Article]) -> Callable[[], object]:
        return lambda: lead_vectors(part, resources, settings)

    def sentences(part: list[str]) -> Callable[[], object]:
        return lambda: resources.embed(part, keys=[sentence_key(t) for t in part])

    steps = [*(leads(originals[i:i + ENCODE_CHUNK]) for i in range(0, len(originals), ENCODE_CHUNK)),
             *(sentences(texts[i:i + ENCODE_CHUNK]) for i in range(0, len(texts), ENCODE_CHUNK))]
    return replace(corpus, ahead=run.start_ahead("encode", steps), fresh_keys=keys)


def _parse(run: Executor, corpus: Corpus) -> Corpus:
    """Parse each article to extract from (one spaCy pipe), keeping the Docs and their entity mentions."""
    import newsprism.extract as extract

    settings, resources = corpus.settings, corpus.resources
    todo = extract.parse_targets(corpus.articles, settings, run.policy)
    run.progress("extract", 0, len(todo))
    if not todo:
        return replace(corpus, todo=todo)
    nlp = resources.nlp
    outlets = extract.corpus_outlets(corpus.articles, resources, settings)
    docs = DocKeeper(lambda doc: doc.to_bytes(exclude=["user_data", "tensor"]),  # no stage reads the tensor
                     lambda data: _doc_from_bytes(nlp, data),
                     in_memory=len(todo) <= settings.extract_batch and run.checkpoint is None)
    mentions = run.stream("parse", "parse", [a.id for a in todo], _piece(run, settings),
                          lambda first: extract.parse_with_mentions(nlp, todo[first:], outlets, settings), docs)
    return replace(corpus, todo=todo, outlets=outlets, docs=docs, mentions=[m for ms in mentions for m in ms])


def _doc_from_bytes(nlp: Any, data: bytes) -> Any:
    from spacy.tokens import Doc

    return Doc(nlp.vocab).from_bytes(data)


def _piece(run: Executor, settings: Settings) -> int:
    """Articles per committed piece: with a checkpoint, every ``checkpoint_batch`` articles, so a stopped run of
    any size keeps most of its parses and records (a 300-article run would otherwise lose its one batch)."""
    return min(settings.extract_batch, settings.checkpoint_batch) if run.checkpoint is not None \
        else settings.extract_batch


def _link(run: Executor, corpus: Corpus) -> Corpus:
    """Entities made canonical across the whole corpus, before any speaker is resolved."""
    from newsprism.extract import link_entities

    if not corpus.todo:
        return corpus
    index = run.once("entities", [a.id for a in corpus.todo], lambda: link_entities(corpus.mentions))
    return replace(corpus, index=index, mentions=[])


def _extract(run: Executor, corpus: Corpus) -> Corpus:
    """Quotes, citations, claims and propositions of every parsed article, a committed piece per batch."""
    from newsprism.extract import Extraction, extract_parsed, gather

    todo, settings, docs = corpus.todo, corpus.settings, corpus.docs
    if not todo or docs is None:
        return replace(corpus, extraction=Extraction())
    size = _piece(run, settings)
    positions = {a.id: i for i, a in enumerate(todo)}

    def batch(first: int) -> tuple[list[str], Callable[[], tuple[list[Any], list[Failure]]]]:
        part = todo[first:first + size]

        def compute() -> tuple[list[Any], list[Failure]]:
            done, failed = run.each("extract", part, lambda a: extract_parsed(
                a, docs[positions[a.id]], index=corpus.index, outlets=corpus.outlets, settings=settings))
            return [records for _, records in done], failed
        return [a.id for a in part], compute

    pieces = run.batches("extract", "extract", (batch(first) for first in range(0, len(todo), size)), len(todo))
    with docs:
        extraction = gather((r for records in pieces for r in records), corpus.index,
                            on_disk=len(todo) > settings.extract_batch)
    return replace(corpus, extraction=extraction, docs=None)


def _cluster(run: Executor, corpus: Corpus) -> Corpus:
    """Stories (clustering vectors kept in the checkpoint as they are encoded), or those a killed run found."""
    from newsprism.cluster import cluster_stories

    run.progress("cluster", 0, 1)
    stories = run.once("stories", [a.id for a in corpus.articles], lambda: cluster_stories(
        corpus.articles, resources=corpus.resources, settings=corpus.settings, existing=corpus.existing,
        stored=run.checkpoint))
    run.progress("cluster", 1, 1)
    return replace(corpus, stories=stories)


def _compare(run: Executor, corpus: Corpus) -> Corpus:
    """Each story compared and summarised, a window of stories per committed piece."""
    extraction = corpus.extraction
    assert extraction is not None
    if corpus.ahead is not None:
        corpus.ahead.wait()  # every sentence is then in the cache: no window encodes one a second time
        if run.vectors is not None and corpus.fresh_keys:
            found = ((k, v) for k in corpus.fresh_keys if (v := corpus.resources.cached_embedding(k)) is not None)
            run.vectors.save_vectors(found)
    per = StoryInputs(extraction.quotes, extraction.citations, extraction.claims, extraction.propositions)
    done = analyse_stories(corpus.stories, {a.id: a for a in corpus.articles}, per, resources=corpus.resources,
                           settings=corpus.settings, executor=run,
                           on_disk=len(corpus.articles) > corpus.settings.extract_batch)
    return replace(corpus, done=done)


FIRST_ANALYSIS: tuple[Stage[Corpus], ...] = (
    Stage("dedupe", "dedupe", _dedupe),
    Stage("encode", "", _encode_ahead),
    Stage("parse", "parse", _parse),
    Stage("entities", "entities", _link),
    Stage("extract", "extract", _extract),
    Stage("cluster", "stories", _cluster),
    Stage("compare", "window", _compare),
)
"""The first analysis of a corpus, in order; each stage's key names the pieces it saves (``key`` or ``key:k``)."""

EXTRACTION = FIRST_ANALYSIS[2:5]
"""Parse, entity linking and extraction: what an update runs over its new articles."""


def extract_corpus(articles: Sequence[Article], *, resources: Resources, settings: Settings,
                   policy: FailurePolicy, progress: Progress = _no_progress) -> Extraction:
    """Extract from every non-duplicate article, entities canonical across the corpus (the extraction stages)."""
    from newsprism.extract import Extraction

    corpus = Executor(policy=policy, progress=progress).run(
        EXTRACTION, Corpus(articles=list(articles), resources=resources, settings=settings))
    return corpus.extraction or Extraction()


def process_articles(articles: Sequence[Article], resources: Resources, settings: Settings,
                     policy: FailurePolicy, progress: Progress = _no_progress,
                     existing_stories: Sequence[Story] = (), raw: RawTexts | None = None,
                     checkpoint: Checkpoint | None = None, vectors: VectorCache | None = None) -> AnalysisResult:
    """Everything after cleaning: the ``FIRST_ANALYSIS`` stages, run by one ``Executor``.

    Past one extract batch, the records wait on disk (``newsprism.spill``) and the result reads them back as
    they are written out; ``raw``: where the articles' raw texts wait, when ingest set them aside;
    ``checkpoint``: where each stage finds what a killed run finished and keeps what it finishes; ``vectors``:
    sentence vectors kept across runs (a store's), read instead of encoding and added to."""
    from newsprism.extract import Extraction

    run = Executor(policy=policy, progress=progress, checkpoint=checkpoint, vectors=vectors)
    corpus = run.run(FIRST_ANALYSIS, Corpus(articles=_unique(articles), resources=resources, settings=settings,
                                            existing=existing_stories))
    articles = corpus.articles
    extraction = corpus.extraction or Extraction()
    done = corpus.done
    removed = sum(len(a.removed) for a in articles)
    stats = {"articles": len(articles), "removed_pieces": removed, "stories": len(done),
             "duplicates": sum(1 for a in articles if a.duplicate_of), "failures": len(policy.failures)}
    final: Sequence[Article] = tuple(articles)
    if raw is not None:
        from newsprism.spill import WithRawText

        final = WithRawText(final, raw)
    return AnalysisResult(articles=final, stories=done if not isinstance(done, list) else tuple(done),
                          quotes=extraction.quotes, citations=extraction.citations,
                          entities=entities_with_copies(extraction.entities, articles), claims=extraction.claims,
                          failures=tuple(policy.failures), stats=stats)


def entities_with_copies(entities: Sequence[Entity], articles: Sequence[Article]) -> tuple[Entity, ...]:
    """Duplicates are not parsed again, but they name the same people: list them where their source is listed."""
    copies: dict[str, list[str]] = {}
    for a in articles:
        if a.duplicate_of:
            copies.setdefault(a.duplicate_of, []).append(a.id)
    if not copies:
        return tuple(entities)
    return tuple(replace(e, article_ids=tuple(dict.fromkeys(
        [*e.article_ids, *(c for a in e.article_ids for c in copies.get(a, ()))]))) for e in entities)


def _unique(articles: Sequence[Article]) -> list[Article]:
    """The same article read twice (same id) is one article; the first reading wins."""
    seen: dict[str, Article] = {}
    for a in articles:
        seen.setdefault(a.id, a)
    return list(seen.values())


A = TypeVar("A", Quote, Citation, Claim)


def _group(items: Sequence[A]) -> dict[str, list[tuple[int, A]]]:
    out: dict[str, list[tuple[int, A]]] = {}
    for pos, item in enumerate(items):
        out.setdefault(item.article_id, []).append((pos, item))
    return out


def _pick(index: dict[str, list[tuple[int, A]]], ids: Sequence[str]) -> list[A]:
    """The story's records in the corpus order (order-dependent choices downstream stay the same)."""
    return [item for _, item in sorted((p for a in dict.fromkeys(ids) for p in index.get(a, ())),
                                       key=lambda p: p[0])]


class StoryInputs:
    """Quotes, citations and claims indexed by article once, so each story takes its own in linear time."""

    def __init__(self, quotes: Sequence[Quote], citations: Sequence[Citation], claims: Sequence[Claim],
                 propositions: Mapping[str, Sequence[Any]] | PropositionSpill | None = None) -> None:
        from newsprism.spill import RecordSpill

        # records on disk are already grouped by article, in corpus order; they stay there
        self.spilled = None
        if isinstance(quotes, RecordSpill) and isinstance(citations, RecordSpill) and isinstance(claims, RecordSpill):
            self.spilled = (quotes, citations, claims)
        self.quotes = _group(quotes) if self.spilled is None else {}
        self.citations = _group(citations) if self.spilled is None else {}
        self.claims = _group(claims) if self.spilled is None else {}
        self.propositions = propositions or {}

    def of(self, story: Story) -> tuple[list[Quote], list[Citation], list[Claim]]:
        ids = story.article_ids
        if self.spilled is not None:
            q, c, cl = self.spilled
            return q.of(ids), c.of(ids), cl.of(ids)
        return _pick(self.quotes, ids), _pick(self.citations, ids), _pick(self.claims, ids)

    def propositions_of(self, story: Story) -> dict[str, Sequence[Any]]:
        """The propositions extraction already derived for the story's claims (the rest are parsed in compare)."""
        if not self.propositions:
            return {}
        from newsprism.extract import PropositionSpill

        if isinstance(self.propositions, PropositionSpill):
            return self.propositions.of_articles(story.article_ids)
        ids = (c.id for a in story.article_ids for _, c in self.claims.get(a, ()))
        return {i: self.propositions[i] for i in ids if i in self.propositions}


def analyse_stories(stories: Sequence[Story], by_id: Mapping[str, Article], per: StoryInputs, *,
                    resources: Resources, settings: Settings, executor: Executor | None = None,
                    on_disk: bool = False) -> Sequence[Story]:
    """Compare and summarise stories in windows: each window's sentences go through the encoder in one pass
    (bigger batches pad less), then each story of the window is analysed from the cached vectors.

    ``on_disk``: finished stories wait on disk (a ``RecordSpill``, in order), not in RAM. The executor commits
    each finished window as one piece (``window:k``) and takes a window a killed run saved."""
    from newsprism.spill import RecordSpill

    run = executor or Executor()
    done: list[Story] | RecordSpill[Story] = RecordSpill("newsprism-stories-") if on_disk else []
    pieces = run.batches("compare", "window", _windows(stories, by_id, per, resources, settings), len(stories))
    for finished in pieces:
        for story in finished:
            if isinstance(done, RecordSpill):
                done.add(str(len(done)), [story])
            else:
                done.append(story)
    run.progress("compare", len(done), len(stories))
    return done


StoryWork = tuple[Story, list[Article], tuple[list[Quote], list[Citation], list[Claim]], dict[str, Any]]


def _windows(stories: Sequence[Story], by_id: Mapping[str, Article], per: StoryInputs, resources: Resources,
             settings: Settings) -> Iterator[tuple[list[tuple[str, tuple[str, ...]]],
                                                   Callable[[], tuple[list[Story], list[Failure]]]]]:
    """The stories in windows of about ``story_window_sentences`` sentences, each with what analyses it."""
    from newsprism.compare import story_texts

    window: list[StoryWork] = []
    texts: list[Any] = []
    size = 0
    for story in stories:
        members = [by_id[a] for a in story.article_ids if a in by_id]
        inputs = per.of(story)
        known = per.propositions_of(story)
        plan = story_texts([p for c in inputs[2] for p in known.get(c.id, ())], members)
        window.append((story, members, inputs, known))
        texts.append(plan)
        size += len(plan.sentences) + len(plan.cores)
        if size >= settings.story_window_sentences:
            yield _window(window, texts, resources, settings)
            window, texts, size = [], [], 0
    if window:
        yield _window(window, texts, resources, settings)


def _window(window: list[StoryWork], texts: list[Any], resources: Resources, settings: Settings,
            ) -> tuple[list[tuple[str, tuple[str, ...]]], Callable[[], tuple[list[Story], list[Failure]]]]:
    def compute() -> tuple[list[Story], list[Failure]]:
        return analyse_window(window, texts, resources, settings)
    return [(s.id, s.article_ids) for s, *_ in window], compute


def analyse_window(window: Sequence[StoryWork], texts: Sequence[Any], resources: Resources,
                   settings: Settings) -> tuple[list[Story], list[Failure]]:
    """One encoder pass over the window's sentences, then each story analysed from the cached vectors."""
    from newsprism.compare import encode_story_texts
    from newsprism.memory import release_freed_memory

    if texts:
        try:
            encode_story_texts(texts, resources)
        except Exception as exc:  # noqa: BLE001 - each story then encodes (and fails) on its own
            log.warning("encoding a window of stories failed: %s", exc)
    finished, failed = [], []
    for story, members, inputs, known in window:
        story, failure = analyse_story(story, members, *inputs, resources=resources, settings=settings,
                                       propositions=known)
        if failure is not None:
            failed.append(failure)
        finished.append(story)
    release_freed_memory()  # the window's activations and vectors, before the next window's
    return finished, failed


def analyse_story(story: Story, members: Sequence[Article], quotes: Sequence[Quote], citations: Sequence[Citation],
                  claims: Sequence[Claim], *, resources: Resources, settings: Settings,
                  propositions: Mapping[str, Sequence[Any]] | None = None) -> tuple[Story, Failure | None]:
    """Compare and summarise one story; a story that fails keeps its articles and loses only its analysis. A
    story in several languages is read in one multilingual vector space (``newsprism.multilingual``)."""
    from newsprism.compare import compare_story
    from newsprism.multilingual import MultilingualResources, in_majority_language, story_resources
    from newsprism.summarize import summarize_story

    resources = story_resources(resources, members)

    policy = FailurePolicy()
    with policy.guard(f"story:{story.id}", None):
        groups = compare_story(story, members, quotes=quotes, citations=citations, claims=claims,
                               resources=resources, settings=settings, propositions=propositions,
                               extracted=True)
        if isinstance(resources, MultilingualResources):  # a row reads in the language most of its sources use
            groups = in_majority_language(groups, members)
        story = replace(story, claims=tuple(groups))  # kept when only the summary fails
        summary, timeline, title = summarize_story(story, members, resources=resources, settings=settings)
        return replace(story, summary=tuple(summary), timeline=tuple(timeline), title=title or story.title), None
    return story, policy.failures[0]


def merge_entities(*groups: Sequence[Entity]) -> tuple[Entity, ...]:
    """Entities with one id (the same canonical referent) merged: aliases and articles united, order kept."""
    merged: dict[str, Entity] = {}
    for group in groups:
        for e in group:
            old = merged.get(e.id)
            if old is None:
                merged[e.id] = e
            else:
                merged[e.id] = replace(old, aliases=tuple(dict.fromkeys(old.aliases + e.aliases)),
                                       article_ids=tuple(dict.fromkeys(old.article_ids + e.article_ids)))
    return tuple(merged.values())


class Lookup(Protocol):
    """Where an update reads the parts of an earlier analysis it was not given (the store): the articles of the
    stories it changes, their records, the entities it adds to."""

    def articles(self, ids: Sequence[str]) -> list[Article]: ...

    def records(self, ids: Sequence[str]) -> tuple[list[Quote], list[Citation], list[Claim]]: ...

    def entities(self, entity_ids: Sequence[str], article_ids: Sequence[str]) -> list[Entity]: ...


def _keep_links(articles: Sequence[Article], stored: Mapping[str, Article], fresh: set[str]) -> list[Article]:
    """Stored articles keep the copy and rewrite links they have, gaining only links to the new articles: in a
    window of the corpus a source may be absent, and word rarity is read from fewer texts, which is not a reason
    to forget a link or to find new ones between texts that were compared before."""
    out = []
    for a in articles:
        old = stored.get(a.id)
        if old is not None:
            dup = a.duplicate_of if a.duplicate_of in fresh else old.duplicate_of
            derived = old.derived_from + tuple(s for s in a.derived_from if s in fresh and s not in old.derived_from)
            if (dup, derived) != (a.duplicate_of, a.derived_from):
                a = replace(a, duplicate_of=dup, derived_from=derived)
        out.append(a)
    return out


def update_analysis(previous: AnalysisResult, new_articles: Sequence[Article], resources: Resources,
                    settings: Settings, policy: FailurePolicy, progress: Progress = _no_progress, *,
                    lookup: Lookup | None = None, elsewhere: WordCounts | None = None,
                    stale: Collection[str] = ()) -> AnalysisResult:
    """Add articles to an analysed corpus without recomputing the rest.

    Only the new articles are extracted; they join existing stories (whose ids stay) or open new ones; only the
    stories whose articles changed are compared and summarised again, and the ``stale`` ones (stories that lost
    an article to a newer version of its input, ``store.versions``).

    With ``lookup``, ``previous`` holds only a window of the corpus (the articles near the new ones in time and
    their stories, no records): dedupe and clustering see that window, and what the changed stories need beyond
    it is read from ``lookup``, and ``elsewhere`` counts the words of the articles outside the window (so that
    rewrite detection weighs words as in the whole corpus). The result then holds the window's articles and
    stories, the new articles' records and the entities they touch.
    """
    from newsprism.cluster import cluster_stories
    from newsprism.dedupe import find_duplicates

    known = {a.id for a in previous.articles}
    fresh = [a for a in _unique(new_articles) if a.id not in known]
    if not fresh and not stale:
        return previous
    articles = find_duplicates([*previous.articles, *fresh], settings=settings, elsewhere=elsewhere)
    fresh_ids = {a.id for a in fresh}
    if lookup is not None:
        articles = _keep_links(articles, {a.id: a for a in previous.articles}, fresh_ids)
    extraction = extract_corpus([a for a in articles if a.id in fresh_ids], resources=resources,
                                settings=settings, policy=policy, progress=progress)
    quotes = (*previous.quotes, *extraction.quotes)
    citations = (*previous.citations, *extraction.citations)
    claims = (*previous.claims, *extraction.claims)
    stories = cluster_stories(articles, resources=resources, settings=settings, existing=previous.stories)
    before = {s.id: s for s in previous.stories}
    by_id = {a.id: a for a in articles}
    kept: dict[str, Story] = {}
    for story in stories:
        old = before.get(story.id)
        if old is not None and set(old.article_ids) == set(story.article_ids) and story.id not in stale:
            kept[story.id] = replace(story, claims=old.claims, summary=old.summary, timeline=old.timeline,
                                     title=old.title)
    todo = [s for s in stories if s.id not in kept]
    base_entities: Sequence[Entity] = previous.entities
    if lookup is None:
        per = StoryInputs(quotes, citations, claims, extraction.propositions)
    else:
        members = list(dict.fromkeys(a for s in todo for a in s.article_ids))
        by_id.update((a.id, a) for a in lookup.articles([a for a in members if a not in by_id]))
        q, c, cl = lookup.records([a for a in members if a not in fresh_ids])
        per = StoryInputs((*q, *extraction.quotes), (*c, *extraction.citations), (*cl, *extraction.claims),
                          extraction.propositions)
        sources = [a.duplicate_of for a in articles if a.id in fresh_ids and a.duplicate_of]
        base_entities = lookup.entities(list(dict.fromkeys(e.id for e in extraction.entities)), sources)
    entities = entities_with_copies(merge_entities(base_entities, extraction.entities), articles)
    fresh_done = iter(analyse_stories(todo, by_id, per, resources=resources, settings=settings,
                                      executor=Executor(policy=policy, progress=progress)))
    done = [kept[s.id] if s.id in kept else next(fresh_done) for s in stories]
    failures = (*previous.failures, *policy.failures)
    stats = {"articles": len(articles), "removed_pieces": sum(len(a.removed) for a in articles),
             "stories": len(done), "duplicates": sum(1 for a in articles if a.duplicate_of),
             "failures": len(failures), "added": len(fresh)}
    return AnalysisResult(articles=tuple(articles), stories=tuple(done), quotes=quotes, citations=citations,
                          entities=entities, claims=claims, failures=failures, stats=stats)
