"""The in-process runner: ingest in batches (each committed, so a killed run resumes), then the corpus stages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from newsprism.errors import InputError
from newsprism.pipeline import (
    FailurePolicy,
    Progress,
    _no_progress,
    clean_documents,
    process_articles,
    update_analysis,
)
from newsprism.records import AnalysisResult, Article, Citation, Claim, Entity, Quote, RawDocument
from newsprism.resources import Resources
from newsprism.settings import Settings
from newsprism.spill import RawTexts

if TYPE_CHECKING:
    from newsprism.dedupe import WordCounts
    from newsprism.store import Store
    from newsprism.store.versions import SourceKey

T = TypeVar("T")
BATCH = 256


def _batches(items: Iterator[T], size: int) -> Iterator[list[T]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _ingest_batches(inputs: Sequence[str], *, settings: Settings, policy: FailurePolicy, db: Path | None,
                    progress: Progress, field_map: dict[str, str] | None) -> Iterator[list[Article]]:
    """Read and clean every input, a batch at a time; with a store, each batch is committed as it is done."""
    from newsprism.clean import load_judge
    from newsprism.ingest import read_inputs
    from newsprism.store.versions import source_key, versions_read

    store = None
    if db is not None:
        from newsprism.store import Store

        store = Store(db)
    seen = 0
    readings: set[str] = set()
    read: dict[SourceKey, set[str]] = {}
    try:
        docs: Iterator[RawDocument] = read_inputs(inputs, settings=settings, field_map=field_map,
                                                  failures=policy.failures)
        judge = load_judge(settings)  # once for the run, not once a batch
        for batch in _batches(docs, BATCH):
            cleaned = clean_documents(batch, settings, policy, seen=readings, judge=judge)
            seen += len(batch)
            progress("ingest", seen, 0)
            if store is not None:
                store.upsert_articles(cleaned)
                for key, ids in versions_read(cleaned).items():
                    read.setdefault(key, set()).update(ids)
            yield cleaned
        if store is not None:
            # once every input is read whole: an edited input's older version goes (store.versions)
            for old in store.replace_versions(read):
                new = ", ".join(sorted(read.get(source_key(old) or ("", None), ())))
                policy.warn("ingest", old, f"the input changed since it was stored: its earlier version (article "
                                           f"{old.id}) was replaced by its current content (article {new})")
            store.add_failures(policy.failures)
    finally:
        if store is not None:
            store.close()


def ingest_articles(inputs: Sequence[str], *, settings: Settings, policy: FailurePolicy,
                    db: Path | None = None, progress: Progress = _no_progress,
                    field_map: dict[str, str] | None = None, raw: RawTexts | None = None) -> list[Article]:
    """Read and clean every input; with a store, each batch is committed as it is done.

    With ``raw``, once the corpus passes one extract batch the articles' raw texts wait there, on disk: no stage
    after cleaning reads them, and they are half of an article's weight."""
    articles: list[Article] = []
    for cleaned in _ingest_batches(inputs, settings=settings, policy=policy, db=db, progress=progress,
                                   field_map=field_map):
        if raw is not None and len(articles) + len(cleaned) > settings.extract_batch:
            if not raw.where:
                articles = raw.slim(articles)
            cleaned = raw.slim(cleaned)
        articles.extend(cleaned)
    return articles


def ingest_into(db: Path, inputs: Sequence[str], *, settings: Settings, policy: FailurePolicy,
                progress: Progress = _no_progress, field_map: dict[str, str] | None = None) -> int:
    """Read, clean and store every input without holding the articles (the store has them); returns how many
    articles were read."""
    return sum(len(batch) for batch in _ingest_batches(inputs, settings=settings, policy=policy, db=db,
                                                         progress=progress, field_map=field_map))


def run_local(inputs: Sequence[str], *, settings: Settings, db: Path | None = None,
              resources: Resources | None = None, progress: Progress = _no_progress,
              field_map: dict[str, str] | None = None) -> AnalysisResult:
    policy = FailurePolicy()
    if db is None:
        raw = RawTexts()
        articles = ingest_articles(inputs, settings=settings, policy=policy, progress=progress,
                                   field_map=field_map, raw=raw)
        read = len(articles)
    else:
        # The store keeps what was read; analyze_store reads it back once.
        read = ingest_into(db, inputs, settings=settings, policy=policy, progress=progress, field_map=field_map)
    if not read:
        reasons = "; ".join(f"{f.source_path}: {f.error}" for f in policy.failures[:5])
        raise InputError(f"nothing could be read from {', '.join(inputs)}" + (f" ({reasons})" if reasons else ""))
    resources = resources or Resources(settings)
    if db is None:
        return process_articles(articles, resources, settings, policy, progress=progress,
                                raw=raw if raw.where else None)
    return analyze_store(db, (), resources=resources, settings=settings, policy=policy, progress=progress)


def analyze_store(db: Path, articles: Sequence[Article], *, resources: Resources, settings: Settings,
                  policy: FailurePolicy, progress: Progress = _no_progress, full_result: bool = True) -> AnalysisResult:
    """Bring the store's analysis up to date with ``articles`` (already stored) and return all of it.

    A store with an analysis is updated incrementally (stories keep their ids, only touched stories are
    recomputed); articles ingested earlier but never analysed (`newsprism ingest`, a killed run) are included.
    When every new article has a date, the update reads and writes only the stored articles within the story
    window of the new ones, their stories and what the changed stories need, so an update costs what it
    touches, not the size of the store. ``full_result=False`` returns just that part (a watch poll without
    reports); otherwise the whole analysis is read back for the reports.
    """
    from newsprism.checkpoint import fingerprint
    from newsprism.cluster.features import vector_recipe
    from newsprism.dedupe import content_words
    from newsprism.store import Store
    from newsprism.store.checkpoint import StoreCheckpoint

    with Store(db) as store:
        if not store.has_analysis():
            everything = {a.id: a for a in store.load_articles()}
            for a in articles:
                everything.setdefault(a.id, a)
            # a killed first analysis goes on from its last finished piece (newsprism.checkpoint)
            checkpoint = StoreCheckpoint(store, fingerprint(everything, settings), vector_recipe(settings))
            if checkpoint.kept:  # say so: the stages then start part-way
                progress("resumed", checkpoint.kept, checkpoint.kept)
            raw = None
            todo = list(everything.values())
            if len(todo) > settings.extract_batch:  # raw texts wait on disk, as in a run without a store
                raw = RawTexts()
                todo = raw.slim(todo)
                everything.clear()
            result = process_articles(todo, resources, settings, policy, progress=progress, raw=raw,
                                      checkpoint=checkpoint, vectors=SentenceVectors(store, settings))
            store.save_analysis(result, words=(content_words(a) for a in todo))
            checkpoint.finish()  # the article vectors stay: clustering saved them as it encoded them
            return result
        pending = {a.id: a for a in store.unanalysed_articles()}
        for a in articles:
            pending.setdefault(a.id, a)
        stale = store.stale_stories()  # stories that lost an article to its input's newer version
        window = story_window(pending.values(), settings)
        if window is None:  # an undated article may meet any story: read the whole analysis
            return _update_all(store, list(pending.values()), resources=resources, settings=settings,
                               policy=policy, progress=progress, stale=stale)
        if pending or stale:
            context = [a for a in store.articles_dated(*window) if a.id not in pending]
            dated = {a.id for a in context}
            members = [a for s in store.load_stories(stale) for a in s.article_ids if a not in dated]
            context += [a for a in store.load_articles(members) if a.id not in pending]
            stories = store.load_stories(store.story_ids_of([a.id for a in context]))
            previous = AnalysisResult(articles=tuple(context), stories=tuple(stories))
            stored = store.load_vectors([*(a.id for a in context), *pending], vector_recipe(settings))
            for aid, vector in stored.items():
                resources.prime_embedding(aid, vector)  # the window's articles are not encoded again
            words = {aid: content_words(a) for aid, a in pending.items()}
            result = update_analysis(previous, list(pending.values()), resources, settings, policy,
                                     progress=progress, lookup=_StoreLookup(store),
                                     elsewhere=_outside(store, context, list(words.values())), stale=stale)
            loaded, before = {a.id: a for a in context}, {s.id: s for s in stories}
            store.save_update(articles=[a for a in result.articles if loaded.get(a.id) != a],
                              stories=[s for s in result.stories if before.get(s.id) != s],
                              quotes=result.quotes, citations=result.citations, claims=result.claims,
                              entities=result.entities, failures=policy.failures, new_ids=list(pending),
                              words=words.values())
            _keep_vectors(store, [a for a in (*(a.id for a in context), *pending) if a not in stored], resources,
                          settings)  # only the vectors encoded now
            if not full_result:
                return result
        return store.load_result()


def story_window(articles: Iterable[Article], settings: Settings) -> tuple[str, str] | None:
    """The first and last day (ISO) a story of these articles can reach: their dates widened by the story
    window; None when one of them has no readable date (clustering then lets it meet any article)."""
    from newsprism.cluster.features import parse_day

    days = [parse_day(a.published) for a in articles]
    if not days:
        return ("9999-12-31", "0001-01-01")  # nothing new: an empty window
    if any(d is None for d in days):
        return None
    reach = settings.story_window_days
    first, last = min(d for d in days if d is not None) - reach, max(d for d in days if d is not None) + reach
    return (dt.date.fromordinal(max(1, int(first))).isoformat(), dt.date.fromordinal(int(last)).isoformat())


def _keep_vectors(store: Store, ids: Iterable[str], resources: Resources, settings: Settings) -> None:
    """Store the clustering vectors of these articles that the run still holds, for the next update."""
    from newsprism.cluster.features import vector_recipe

    found = ((aid, v) for aid in ids if (v := resources.cached_embedding(aid)) is not None)
    store.save_vectors(found, vector_recipe(settings))


def _outside(store: Store, window: Sequence[Article], fresh: Sequence[np.ndarray]) -> WordCounts:
    """The word counts of the stored articles outside ``window``, for the words of the window and ``fresh``."""
    from newsprism.dedupe import WordCounts, content_words

    own = [content_words(a) for a in window]
    vocab = np.unique(np.concatenate([*own, *fresh, np.zeros(0, dtype=np.uint64)]))
    documents, stored = store.word_counts(vocab)
    inside = np.zeros(len(vocab), dtype=np.int64)
    if own:
        values, counts = np.unique(np.concatenate(own), return_counts=True)
        inside[np.searchsorted(vocab, values)] = counts
    return WordCounts(max(0, documents - len(window)), vocab, np.maximum(stored - inside, 0))


class SentenceVectors:
    """Sentence vectors in the store's vector table, by content hash (``resources.sentence_key``), under a recipe
    that names the model: a second analysis of the same texts (other settings, ``--reanalyze``) reads them."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.recipe = f"sentences:{settings.embedding_model}"

    def load_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        return self.store.load_vectors(ids, self.recipe)

    def save_vectors(self, vectors: Iterable[tuple[str, np.ndarray]]) -> None:
        self.store.save_vectors(vectors, self.recipe)


class _StoreLookup:
    """The store as an update's ``Lookup`` (newsprism.pipeline)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def articles(self, ids: Sequence[str]) -> list[Article]:
        return self.store.load_articles(ids) if ids else []

    def records(self, ids: Sequence[str]) -> tuple[list[Quote], list[Citation], list[Claim]]:
        return self.store.records_of(ids)

    def entities(self, entity_ids: Sequence[str], article_ids: Sequence[str]) -> list[Entity]:
        return self.store.entities_for(entity_ids, article_ids)


def _update_all(store: Store, pending: list[Article], *, resources: Resources, settings: Settings,
                policy: FailurePolicy, progress: Progress, stale: Sequence[str] = ()) -> AnalysisResult:
    """The update with the whole stored analysis in memory (new articles without a date)."""
    from newsprism.dedupe import content_words

    previous = store.load_result()
    pending_ids = {a.id for a in pending}
    base = replace(previous, articles=tuple(a for a in previous.articles if a.id not in pending_ids), failures=())
    result = update_analysis(base, pending, resources, settings, policy, progress=progress, stale=stale)
    result = replace(result, failures=(*previous.failures, *policy.failures))
    store.save_analysis(result, words=(content_words(a) for a in result.articles))
    return result
