"""The Ray Data runner: the same stage functions as the local runner, spread over a cluster.

- per-article stages (clean, parse and extract, article embeddings) run as ``map_batches`` over stateful actor
  classes, so each actor loads spaCy and MiniLM once;
- corpus-wide stages that need every article at once (near-duplicate LSH, story clustering over faiss) run on the
  driver over the compact results (text and one vector per article);
- per-story comparison and summary run as a Ray ``groupby("story_id").map_groups`` over story bundles;
- results are written as Parquet, one table per record type with the SQLite tables' columns, plus report.json.
  ``newsprism load`` brings the Parquet tables into a SQLite store for the web app.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.errors import InputError, NewsprismError
from newsprism.pipeline import FailurePolicy, merge_entities
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

TABLES: dict[str, type[Record]] = {
    "articles": Article, "stories": Story, "quotes": Quote, "citations": Citation, "entities": Entity,
    "claims": Claim, "failures": Failure,
}


class ArticleWorker:
    """Actor: clean, parse, extract and embed a batch of documents; models load once per actor."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.resources = Resources(settings)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list[Any]]:
        from newsprism.clean import clean_document
        from newsprism.extract import extract_corpus

        policy = FailurePolicy()
        docs = [(int(i), pickle.loads(b)) for i, b in zip(batch["i"], batch["doc"], strict=True)]
        cleaned = policy.map("clean", docs, lambda d: (d[0], clean_document(d[1], settings=self.settings)),
                             lambda d: d[1].source_path)
        articles: list[Article] = [a for _, a in cleaned]
        extraction = extract_corpus(articles, resources=self.resources, settings=self.settings, policy=policy,
                                    progress=lambda *_: None)
        vectors = self.resources.embed([_embed_text(a) for a in articles], keys=[a.id for a in articles]) \
            if articles else np.zeros((0, 1), dtype=np.float32)
        payload = {"articles": articles, "quotes": extraction.quotes, "citations": extraction.citations,
                   "entities": extraction.entities, "claims": extraction.claims,
                   "vectors": {a.id: vectors[i] for i, a in enumerate(articles)}, "failures": policy.failures,
                   "order": [(i, a.id) for i, a in cleaned]}
        return {"part": [pickle.dumps(payload)]}


class StoryWorker:
    """Actor: compare and summarise one story bundle."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.resources = Resources(settings)

    def __call__(self, group: dict[str, np.ndarray]) -> dict[str, list[Any]]:
        from newsprism.compare import compare_story
        from newsprism.summarize import summarize_story

        out = []
        for blob in group["bundle"]:
            story, members, quotes, citations, claims = pickle.loads(blob)
            failure = None
            try:
                groups = compare_story(story, members, quotes=quotes, citations=citations, claims=claims,
                                       resources=self.resources, settings=self.settings)
                story = replace(story, claims=tuple(groups))
                summary, timeline, title = summarize_story(story, members, resources=self.resources,
                                                           settings=self.settings)
                story = replace(story, summary=tuple(summary), timeline=tuple(timeline), title=title or story.title)
            except Exception as exc:  # noqa: BLE001 - same failure policy as the local runner
                failure = Failure(source_path=None, stage=f"story:{story.id}", error=f"{type(exc).__name__}: {exc}")
            out.append(pickle.dumps((story, failure)))
        return {"result": out}


def _embed_text(article: Article) -> str:
    """What clustering embeds for an article: the title and the lead (the same text the local runner embeds)."""
    from newsprism.cluster import article_embedding_text

    return article_embedding_text(article)


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
        kwargs: dict[str, Any] = {"address": settings.ray_address} if settings.ray_address else {
            "num_cpus": workers, "include_dashboard": False}
        ray.init(log_to_driver=False, ignore_reinit_error=True, **kwargs)
        started = True
    try:
        failures: list[Failure] = []
        docs: list[RawDocument] = list(read_inputs(inputs, settings=settings, field_map=field_map,
                                                   failures=failures))
        if not docs:
            raise InputError(f"nothing could be read from {', '.join(inputs)}")
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        batch = max(1, min(64, -(-len(docs) // workers)))
        items = [{"i": i, "doc": pickle.dumps(d)} for i, d in enumerate(docs)]
        ds = ray.data.from_items(items, override_num_blocks=max(workers, 1))
        parts = ds.map_batches(ArticleWorker, fn_constructor_kwargs={"settings": settings}, batch_size=batch,
                               concurrency=workers, num_cpus=1, batch_format="numpy").take_all()
        result = _corpus_stages([pickle.loads(p["part"]) for p in parts], failures, settings, workers)
    finally:
        if started:
            ray.shutdown()
    write_parquet(result, out_dir / "parquet")
    return result


def _corpus_stages(parts: list[dict[str, Any]], failures: list[Failure], settings: Settings,
                   workers: int) -> AnalysisResult:
    import ray.data

    from newsprism.cluster import cluster_stories
    from newsprism.dedupe import find_duplicates

    policy = FailurePolicy(failures=list(failures))
    seen: dict[str, Article] = {}
    first: dict[str, int] = {}
    quotes: list[Quote] = []
    citations: list[Citation] = []
    claims: list[Claim] = []
    entity_groups: list[tuple[Entity, ...]] = []
    resources = Resources(settings)
    for part in parts:
        for a in part["articles"]:
            seen.setdefault(a.id, a)
        for i, aid in part["order"]:
            first[aid] = min(i, first.get(aid, i))
        quotes += part["quotes"]
        citations += part["citations"]
        claims += part["claims"]
        entity_groups.append(tuple(part["entities"]))
        policy.failures.extend(part["failures"])
        for key, vec in part["vectors"].items():
            resources.prime_embedding(key, vec)
    # input order, as the local runner sees it, so order-dependent choices come out the same
    order = sorted(seen.values(), key=lambda a: first.get(a.id, 0))
    articles = find_duplicates(order, settings=settings)
    stories = cluster_stories(articles, resources=resources, settings=settings)
    by_id = {a.id: a for a in articles}
    bundles = []
    for story in stories:
        ids = set(story.article_ids)
        members = [by_id[a] for a in story.article_ids if a in by_id]
        blob = pickle.dumps((story, members, [q for q in quotes if q.article_id in ids],
                             [c for c in citations if c.article_id in ids], [c for c in claims if c.article_id in ids]))
        bundles.append({"story_id": story.id, "bundle": blob})
    done: dict[str, Story] = {}
    if bundles:
        ds = ray.data.from_items(bundles, override_num_blocks=max(1, min(len(bundles), workers)))
        rows = ds.groupby("story_id").map_groups(StoryWorker, fn_constructor_kwargs={"settings": settings},
                                                 concurrency=workers, num_cpus=1, batch_format="numpy").take_all()
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
                          citations=_by_article(citations, articles), entities=merge_entities(*entity_groups),
                          claims=_by_article(claims, articles), failures=tuple(policy.failures), stats=stats)


def _by_article(items: list[Any], articles: Sequence[Article]) -> tuple[Any, ...]:
    """Order per-article records the way the local runner does (article order, then position)."""
    rank = {a.id: i for i, a in enumerate(articles)}
    return tuple(sorted(items, key=lambda r: (rank.get(r.article_id, 1 << 30), getattr(r, "start", -1))))


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
