"""The Ray Data runner: the same stage functions as the local runner, spread over a cluster.

- per-article stages run as ``map_batches`` over stateful actor classes, so each actor loads spaCy and MiniLM
  once: clean; then parse, entity mentions and article embeddings; then quotes, citations and claims;
- corpus-wide steps that need every article at once run on the driver between them, over compact results:
  near-duplicate LSH (before parsing, so duplicates are never parsed), the corpus's outlet names, entity linking
  across articles, and story clustering over faiss;
- per-story comparison and summary: each story's records are bundled by story on the driver, the bundles go in
  windows of at most ``story_window_sentences`` sentences, several per worker, and each window is one Ray task
  for the next free actor, largest first (a ``groupby`` hash-partitioned the windows: measured, one of two
  actors got three of four windows while the other sat idle);
- results are written as Parquet, one table per record type with the SQLite tables' columns, plus report.json.
  ``newsprism load`` brings the Parquet tables into a SQLite store for the web app.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.errors import InputError, NewsprismError
from newsprism.executor import Executor
from newsprism.pipeline import FailurePolicy, StoryInputs, analyse_stories, entities_with_copies, first_readings
from newsprism.records import (
    AnalysisResult,
    Article,
    Citation,
    Claim,
    Entity,
    Failure,
    Quote,
    RawDocument,
    Record,
    Story,
)
from newsprism.resources import Resources
from newsprism.settings import Settings

log = logging.getLogger(__name__)

_CHARS_PER_SENTENCE = 120  # a rough size of a news sentence, to cut story windows without splitting texts
# tasks per worker in each stage: the last task to finish holds its stage open while the other actors idle, so a
# worker's share is cut into several (measured on 300 distinct texts, 2 workers: five parse batches of 64 and five
# story windows left one actor a whole batch or window behind the other)
_TASKS_PER_WORKER = 8

TABLES: dict[str, type[Record]] = {
    "articles": Article, "stories": Story, "quotes": Quote, "citations": Citation, "entities": Entity,
    "claims": Claim, "failures": Failure,
}


class CleanWorker:
    """Phase 1: clean a batch of documents (cheap, no models)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._judge: Any = None  # the learned line model, loaded on the first batch and kept for the actor's life
        self._blocks: Any = None  # the learned HTML block model, likewise

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list[Any]]:
        from newsprism.clean import clean_document, load_block_judge, load_judge

        if self._judge is None:
            self._judge = load_judge(self.settings) or False
            self._blocks = load_block_judge(self.settings) or False
        judge, blocks = self._judge or None, self._blocks or None
        policy = FailurePolicy()
        docs = [(int(i), pickle.loads(b)) for i, b in zip(batch["i"], batch["doc"], strict=True)]
        cleaned = policy.map("clean", docs, lambda d: (d[0], clean_document(d[1], settings=self.settings,
                                                                           policy=policy, judge=judge,
                                                                           blocks=blocks)),
                             lambda d: d[1].source_path)
        rows: dict[str, list[Any]] = {"i": [], "article": [], "failure": []}
        for i, article in cleaned:
            rows["i"].append(i)
            rows["article"].append(pickle.dumps(article))
            rows["failure"].append(pickle.dumps(None))
        for f in policy.failures:  # failed documents travel as rows with no article
            rows["i"].append(-1)
            rows["article"].append(pickle.dumps(None))
            rows["failure"].append(pickle.dumps(f))
        return rows


class ParseWorker:
    """Phase 2, actor: parse, find entity mentions and embed a batch; models load once per actor."""

    def __init__(self, settings: Settings, outlets: bytes) -> None:
        self.settings = settings
        self.resources = Resources(settings)
        self.outlets = pickle.loads(outlets)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list[Any]]:
        from newsprism.cluster.features import lead_vectors
        from newsprism.extract import parse_texts
        from newsprism.extract.entities import doc_mentions

        articles: list[Article] = [pickle.loads(b) for b in batch["article"]]
        parsed = parse_texts(self.resources.nlp, [a.text for a in articles],
                             batch_size=self.settings.spacy_batch_size)
        vectors = lead_vectors(articles, self.resources, self.settings)
        return {"id": [a.id for a in articles],
                "doc": [doc.to_bytes(exclude=["user_data"]) for doc in parsed],
                "mentions": [pickle.dumps(doc_mentions(doc, a.id, self.outlets))
                             for a, doc in zip(articles, parsed, strict=True)],
                "vector": [pickle.dumps(v) for v in vectors]}


class ExtractWorker:
    """Actor, phase 2: quotes, citations and claims of parsed articles, with entities linked corpus-wide."""

    def __init__(self, settings: Settings, index: bytes, outlets: bytes) -> None:
        self.settings = settings
        self.resources = Resources(settings)
        self.index = pickle.loads(index)
        self.outlets = pickle.loads(outlets)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list[Any]]:
        from spacy.tokens import Doc

        from newsprism.extract import extract_parsed

        nlp = self.resources.nlp
        out = []
        for blob, data in zip(batch["article"], batch["doc"], strict=True):
            article = pickle.loads(blob)
            policy = FailurePolicy()
            with policy.guard("extract", article):
                doc = Doc(nlp.vocab).from_bytes(data)
                _, q, c, cl, props = extract_parsed(article, doc, index=self.index, outlets=self.outlets,
                                                    settings=self.settings)
                out.append(pickle.dumps(((q, c, cl), props, None)))
            if policy.failures:  # one bad article becomes a failure row
                out.append(pickle.dumps((([], [], []), {}, policy.failures[0])))
        return {"result": out}


class StoryWorker:
    """Actor: compare and summarise the stories of one window (their sentences go through the encoder at once)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.resources = Resources(settings)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list[Any]]:
        stories: list[Story] = []
        by_id: dict[str, Article] = {}
        quotes: list[Quote] = []
        citations: list[Citation] = []
        claims: list[Claim] = []
        props: dict[str, Any] = {}
        for story, members, q, c, cl, p in (b for window in batch["bundles"] for b in pickle.loads(window)):
            stories.append(story)
            by_id.update((a.id, a) for a in members)
            quotes += q
            citations += c
            claims += cl
            props.update(p)
        policy = FailurePolicy()
        done = analyse_stories(stories, by_id, StoryInputs(quotes, citations, claims, props),
                               resources=self.resources, settings=self.settings, executor=Executor(policy=policy))
        failed = {f.stage: f for f in policy.failures}
        return {"result": [pickle.dumps((s, failed.get(f"story:{s.id}"))) for s in done]}


def run_ray(inputs: Sequence[str], *, settings: Settings, out_dir: Path,
            field_map: dict[str, str] | None = None) -> AnalysisResult:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise NewsprismError("the Ray runner needs Ray: pip install 'ray[data]'") from exc
    from newsprism.ingest import read_inputs

    workers = max(1, settings.ray_workers)
    started = False
    if not ray.is_initialized():
        # one CPU per worker actor, plus one for Ray Data's own tasks, so they never wait behind actors
        # holding every CPU
        kwargs: dict[str, Any] = {"address": settings.ray_address} if settings.ray_address else {
            "num_cpus": workers + 1, "include_dashboard": False}
        ray.init(log_to_driver=False, ignore_reinit_error=True, **kwargs)
        started = True
    try:
        failures: list[Failure] = []
        docs: list[RawDocument] = list(read_inputs(inputs, settings=settings, field_map=field_map,
                                                   failures=failures))
        if not docs:
            raise InputError(f"nothing could be read from {', '.join(inputs)}")
        docs = first_readings(docs, set())
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        batch = batch_size(len(docs), workers)
        items = [{"i": i, "doc": pickle.dumps(d)} for i, d in enumerate(docs)]
        ds = ray.data.from_items(items, override_num_blocks=_blocks(len(items), batch, workers))
        rows = ds.map_batches(CleanWorker, fn_constructor_kwargs={"settings": settings}, batch_size=batch,
                              **_actors(workers)).take_all()
        result = _corpus_stages(rows, failures, settings, workers, batch)
    finally:
        if started:
            ray.shutdown()
    write_parquet(result, out_dir / "parquet")
    return result


def _corpus_stages(rows: list[dict[str, Any]], failures: list[Failure], settings: Settings,
                   workers: int, batch: int) -> AnalysisResult:
    import ray.data

    from newsprism.cluster import cluster_stories
    from newsprism.dedupe import find_duplicates
    from newsprism.extract.entities import link_entities
    from newsprism.extract.outlets import CorpusOutlets

    policy = FailurePolicy(failures=list(failures))
    resources = Resources(settings)
    seen: dict[str, tuple[int, Article]] = {}
    for row in rows:
        failure = pickle.loads(row["failure"])
        if failure is not None:
            policy.failures.append(failure)
            continue
        article = pickle.loads(row["article"])
        i = int(row["i"])
        if article.id not in seen or i < seen[article.id][0]:
            seen[article.id] = (i, article)
    # input order, as the local runner sees it, so order-dependent choices come out the same
    articles = find_duplicates([a for _, a in sorted(seen.values(), key=lambda item: item[0])], settings=settings)
    outlets = CorpusOutlets.of(resources.outlets, (a.outlet for a in articles),
                               threshold=settings.outlet_match_threshold)
    todo = [a for a in articles if not a.duplicate_of and a.text.strip()]
    quotes: list[Quote] = []
    citations: list[Citation] = []
    claims: list[Claim] = []
    index = link_entities([])
    props: dict[str, Any] = {}
    if todo:
        ds = ray.data.from_items([{"article": pickle.dumps(a)} for a in todo],
                                 override_num_blocks=_blocks(len(todo), batch, workers))
        parsed = ds.map_batches(ParseWorker, fn_constructor_kwargs={
            "settings": settings, "outlets": pickle.dumps(outlets)}, batch_size=batch,
            **_actors(workers)).take_all()
        row_of = {str(r["id"]): r for r in parsed}
        for a in todo:
            resources.prime_embedding(a.id, pickle.loads(row_of[a.id]["vector"]))
        index = link_entities([m for a in todo for m in pickle.loads(row_of[a.id]["mentions"])])
        items = [{"article": pickle.dumps(a), "doc": row_of[a.id]["doc"]} for a in todo]
        ds = ray.data.from_items(items, override_num_blocks=_blocks(len(items), batch, workers))
        found = ds.map_batches(ExtractWorker, fn_constructor_kwargs={
            "settings": settings, "index": pickle.dumps(index), "outlets": pickle.dumps(outlets)},
            batch_size=batch, **_actors(workers)).take_all()
        for item in found:
            (q, c, cl), found_props, failure = pickle.loads(item["result"])
            props.update(found_props)
            quotes += q
            citations += c
            claims += cl
            if failure is not None:
                policy.failures.append(failure)
    stories = cluster_stories(articles, resources=resources, settings=settings)
    by_id = {a.id: a for a in articles}
    per = StoryInputs(quotes, citations, claims, props)
    windows = story_windows(stories, by_id, window_limit(stories, by_id, workers, settings.story_window_sentences))
    done: dict[str, Story] = {}
    if windows:
        # one block per window, largest first: each actor takes the next window as it frees up, and the
        # heaviest windows do not come last (longest processing time first)
        items = [{"bundles": pickle.dumps([(s, members, *per.of(s), per.propositions_of(s)) for s, members in window])}
                 for window in windows]
        ds = ray.data.from_items(items, override_num_blocks=len(items))
        rows = ds.map_batches(StoryWorker, fn_constructor_kwargs={"settings": settings}, batch_size=1,
                              **_actors(min(workers, len(items)))).take_all()
        for row in rows:
            story, failure = pickle.loads(row["result"])
            done[story.id] = story
            if failure is not None:
                policy.failures.append(failure)
    final = [done.get(s.id, s) for s in stories]
    stats = {"articles": len(articles), "removed_pieces": sum(len(a.removed) for a in articles),
             "stories": len(final), "duplicates": sum(1 for a in articles if a.duplicate_of),
             "failures": len(policy.failures), "runner": "ray"}
    return AnalysisResult(articles=tuple(articles), stories=tuple(final), quotes=_by_article(quotes, articles),
                          citations=_by_article(citations, articles),
                          entities=entities_with_copies(index.entities, articles),
                          claims=_by_article(claims, articles), failures=tuple(policy.failures), stats=stats)


def story_windows(stories: Sequence[Story], by_id: Mapping[str, Article],
                  limit: int) -> list[list[tuple[Story, list[Article]]]]:
    """Stories with their articles in windows of about ``limit`` sentences (one encoder pass each), in story order
    within a window, the windows largest first; a story larger than ``limit`` is a window of its own."""
    windows: list[list[tuple[Story, list[Article]]]] = []
    sizes: list[int] = []
    window: list[tuple[Story, list[Article]]] = []
    size = 0

    def close() -> None:
        nonlocal window, size
        if window:
            windows.append(window)
            sizes.append(size)
        window, size = [], 0

    for story in stories:
        members = [by_id[a] for a in story.article_ids if a in by_id]
        own = sum(len(a.text) for a in members) // _CHARS_PER_SENTENCE
        if own >= limit:  # alone, so that it does not hold its neighbours back
            close()
        window.append((story, members))
        size += own
        if size >= limit:
            close()
    close()
    order = sorted(range(len(windows)), key=lambda w: -sizes[w])  # stable: equal sizes keep story order
    return [windows[w] for w in order]


def batch_size(n: int, workers: int) -> int:
    """Articles per task of a per-article stage: about ``_TASKS_PER_WORKER`` tasks per worker, at most 64."""
    return max(1, min(64, -(-n // (max(1, workers) * _TASKS_PER_WORKER))))


def window_limit(stories: Sequence[Story], by_id: Mapping[str, Article], workers: int, cap: int) -> int:
    """Sentences per story window: about ``_TASKS_PER_WORKER`` windows per worker, never above ``cap`` (the
    encoder's window, which bounds a window's memory)."""
    sentences = sum(len(by_id[a].text) for s in stories for a in s.article_ids if a in by_id) // _CHARS_PER_SENTENCE
    return min(cap, sentences // (max(1, workers) * _TASKS_PER_WORKER) + 1)


def _by_article(items: list[Any], articles: Sequence[Article]) -> tuple[Any, ...]:
    """Order per-article records the way the local runner does: article order, each article's own order kept."""
    rank = {a.id: i for i, a in enumerate(articles)}
    return tuple(sorted(items, key=lambda r: rank.get(r.article_id, 1 << 30)))  # stable: keeps in-article order


def _actors(workers: int) -> dict[str, Any]:
    """A fixed pool of single-CPU actors (models load once per actor), numpy batches, one task at a time per
    actor: with Ray's default several tasks queue on the first actor that starts, and a 2-worker run parsed the
    whole corpus on one actor while the other sat idle."""
    import ray.data

    return {"compute": ray.data.ActorPoolStrategy(size=workers, max_tasks_in_flight_per_actor=1), "num_cpus": 1,
            "batch_format": "numpy"}


def _blocks(n: int, batch: int, workers: int) -> int:
    """Blocks of about one batch each, so tasks are small enough for the actors to share them out as they free up."""
    return max(1, min(n, max(workers, -(-n // max(1, batch)))))


def write_parquet(result: AnalysisResult, folder: Path) -> dict[str, Path]:
    """One Parquet table per record type, with the same columns as the SQLite tables (nested values as JSON)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name in TABLES:
        rows = [r.to_row() for r in getattr(result, name)]
        table = pa.Table.from_pylist(rows) if rows else pa.table({})
        path = folder / f"{name}.parquet"
        tmp = path.with_suffix(".parquet.tmp")
        pq.write_table(table, tmp)
        os.replace(tmp, path)
        paths[name] = path
    (folder / "stats.json").write_text(json.dumps(result.stats), encoding="utf-8")
    return paths


def read_parquet(folder: Path) -> AnalysisResult:
    import pyarrow.parquet as pq

    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder of Parquet tables written by `analyze --runner ray`")
    values: dict[str, tuple[Record, ...]] = {}
    for name, cls in TABLES.items():
        path = folder / f"{name}.parquet"
        if not path.exists():
            raise InputError(f"{path} is missing; point `newsprism load` at the parquet/ folder of a Ray run")
        values[name] = tuple(cls.from_row(row) for row in pq.read_table(path).to_pylist())
    stats_path = folder / "stats.json"
    stats = json.loads(stats_path.read_text(encoding="utf-8")) if stats_path.exists() else {}
    return AnalysisResult(stats=stats, **values)  # type: ignore[arg-type]


def load_parquet(folder: Path, db: Path) -> dict[str, int]:
    """Bring a Ray run's Parquet tables into a SQLite store (idempotent: loading twice adds nothing)."""
    from newsprism.store import Store

    if (folder / "parquet").is_dir():
        folder = folder / "parquet"
    result = read_parquet(folder)
    with Store(db) as store:
        store.upsert_articles(result.articles)
        store.add_failures(result.failures)
        store.save_analysis(result)
    return {name: len(getattr(result, name)) for name in TABLES}
