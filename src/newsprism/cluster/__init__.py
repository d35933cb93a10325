"""Story clustering, batch and incremental.

Articles become nodes with a MiniLM embedding plus cheap signals (entities, numbers, day). faiss finds each new
node's nearest neighbours inside a time window; pair scores blend cosine with entity and number overlap and
subtract a time penalty; sparse average linkage groups them. Existing stories are locked clusters: new articles
join them or open new stories, the rest is never recomputed, and story ids stay. Duplicates join their source's
story. Cross-story pairs that share a subject (score without the time penalty) link related stories both ways.
New articles in other languages than English then move to their event's story by a multilingual encoder
(``crosslingual``), which loads only when such articles are present.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Protocol

import numpy as np

from newsprism.cluster.agglomerate import agglomerate
from newsprism.cluster.crosslingual import crosslingual_clusters
from newsprism.cluster.features import (
    Signals,
    content_score,
    lead_vectors,
    parse_day,
    signals_of,
    time_penalty,
)
from newsprism.cluster.search import neighbour_pairs
from newsprism.cluster.titles import clean_title
from newsprism.memory import release_freed_memory
from newsprism.records import Article, Story, stable_id
from newsprism.resources import Resources
from newsprism.settings import Settings

__all__ = ["clean_title", "cluster_stories", "duplicate_root"]

_MIN_COS = 0.2


def duplicate_root(article: Article, by_id: dict[str, Article]) -> str:
    """Follow ``duplicate_of`` to the first copy present (cycles and missing sources stop the walk)."""
    seen = {article.id}
    current = article
    while current.duplicate_of and current.duplicate_of in by_id and current.duplicate_of not in seen:
        current = by_id[current.duplicate_of]
        seen.add(current.id)
    return current.id


def cluster_stories(articles: Sequence[Article], *, resources: Resources, settings: Settings,
                    existing: Sequence[Story] = (), stored: VectorStore | None = None) -> list[Story]:
    """Group articles into stories. ``existing`` stories keep their ids; new articles join them or open new ones.
    ``stored``: where vectors encoded before are read and new ones kept, a chunk at a time."""
    by_id = {a.id: a for a in articles}
    home: dict[str, int] = {}
    for pos, story in enumerate(existing):
        for aid in story.article_ids:
            home.setdefault(aid, pos)
    roots = {a.id: duplicate_root(a, by_id) for a in articles}
    nodes = [a for a in articles if roots[a.id] == a.id]
    fresh = [i for i, a in enumerate(nodes) if a.id not in home]
    if not fresh:
        return _attach_duplicates(list(existing), [], articles, roots, home, by_id)

    # Existing nodes matter only when they are close enough in time to a new one (or when dates are missing).
    days_all = np.array([d if (d := parse_day(a.published)) is not None else np.nan for a in nodes])
    fresh_days = days_all[fresh]
    if len(home) and not np.isnan(fresh_days).any():
        reach = settings.story_window_days
        lo, hi = np.nanmin(fresh_days) - reach, np.nanmax(fresh_days) + reach
        fresh_set = set(fresh)
        keep = [i for i, d in enumerate(days_all) if i in fresh_set or np.isnan(d) or lo <= d <= hi]
    else:
        keep = list(range(len(nodes)))
    nodes = [nodes[i] for i in keep]
    days = days_all[keep]
    queries = np.array([i for i, a in enumerate(nodes) if a.id not in home], dtype=np.int64)

    vectors = embed_articles(nodes, resources, settings, stored=stored)
    release_freed_memory()
    rows, cols, cos = neighbour_pairs(vectors, days, queries, k=settings.cluster_neighbours,
                                      window=settings.story_window_days, ivf_min=settings.story_ivf_min,
                                      min_cos=_MIN_COS)
    signals: dict[int, Signals] = {}

    def sig(i: int) -> Signals:
        if i not in signals:
            node = nodes[i]
            signals[i] = resources.memo("cluster-signals", node.id, lambda: signals_of(node, settings))
        return signals[i]

    index_of = {a.id: i for i, a in enumerate(nodes)}
    content = np.empty(len(rows), dtype=np.float64)
    scores = np.empty(len(rows), dtype=np.float64)
    for e, (i, j, c) in enumerate(zip(rows.tolist(), cols.tolist(), cos.tolist(), strict=True)):
        sa, sb = sig(i), sig(j)
        content[e] = content_score(c, sa, sb, settings)
        scores[e] = content[e] - time_penalty(sa, sb, settings)
        if nodes[j].id in nodes[i].derived_from or nodes[i].id in nodes[j].derived_from:
            scores[e] = max(scores[e], 1.0)
    # Rewrites found by dedupe but missed by the neighbour search still belong together.
    extra = [(i, index_of[src]) for i, a in enumerate(nodes) for src in a.derived_from if src in index_of]
    if extra:
        rows = np.concatenate([rows, np.array([p[0] for p in extra], dtype=np.int64)])
        cols = np.concatenate([cols, np.array([p[1] for p in extra], dtype=np.int64)])
        scores = np.concatenate([scores, np.ones(len(extra))])
        content = np.concatenate([content, np.ones(len(extra))])

    old_groups: dict[int, list[int]] = defaultdict(list)
    for i, a in enumerate(nodes):
        if a.id in home:
            old_groups[home[a.id]].append(i)
    initial = [old_groups[p] for p in sorted(old_groups)] + [[int(q)] for q in queries]
    locked = [True] * len(old_groups) + [False] * len(queries)
    clusters = agglomerate(initial, locked, rows, cols, scores, threshold=settings.story_threshold)
    clusters = crosslingual_clusters(clusters, nodes, queries.tolist(), days, sig, resources, settings)

    stories = list(existing)
    cluster_story: dict[int, int] = {}
    new_ids: dict[int, list[str]] = {}
    for cid, members in enumerate(clusters):
        olds = {home[nodes[i].id] for i in members if nodes[i].id in home}
        if olds:
            pos = min(olds)
            added = tuple(nodes[i].id for i in sorted(members) if nodes[i].id not in home)  # input order
            if added:
                stories[pos] = replace(stories[pos], article_ids=stories[pos].article_ids + added)
            cluster_story[cid] = pos
        else:
            cluster_story[cid] = len(stories)
            stories.append(_new_story(members, nodes, vectors, days))
            new_ids[cid] = [nodes[i].id for i in members]
    node_story = {i: cluster_story[cid] for cid, members in enumerate(clusters) for i in members}
    stories = _link_related(stories, node_story, rows, cols, content, settings)
    return _attach_duplicates(stories, [a.id for a in nodes], articles, roots, home, by_id)


class VectorStore(Protocol):
    """Clustering vectors kept by article id (a first analysis's checkpoint)."""

    def load_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]: ...

    def save_vectors(self, vectors: Iterable[tuple[str, np.ndarray]]) -> None: ...


def embed_articles(nodes: Sequence[Article], resources: Resources, settings: Settings,
                   chunk: int = 2048, stored: VectorStore | None = None) -> np.ndarray:
    """Each article's vector (title and lead), encoded a chunk at a time into one array: 100,000 leads in one
    call would hold all their texts, the encoder's output and a stacked copy of it at once. With ``stored``,
    each chunk's vectors found there are not encoded again, and those encoded are saved there."""
    out: np.ndarray | None = None
    for start in range(0, len(nodes), chunk):
        part = nodes[start:start + chunk]
        if stored is None:
            vecs = lead_vectors(part, resources, settings)
        else:
            have = stored.load_vectors([a.id for a in part])
            missing = [a for a in part if a.id not in have]
            if missing:
                have.update(zip((a.id for a in missing), lead_vectors(missing, resources, settings), strict=True))
                stored.save_vectors((a.id, have[a.id]) for a in missing)
            vecs = np.stack([have[a.id] for a in part]).astype(np.float32)
        if out is None:
            out = np.empty((len(nodes), vecs.shape[1]), dtype=np.float32)
        out[start:start + len(part)] = vecs
    return out if out is not None else np.zeros((0, resources.embedding_dim), dtype=np.float32)


def _new_story(members: list[int], nodes: Sequence[Article], vectors: np.ndarray, days: np.ndarray) -> Story:
    """A story id from its founding (earliest) article, so the id survives later additions."""
    order = sorted(members, key=lambda i: (math.inf if np.isnan(days[i]) else days[i], nodes[i].id))
    founder = nodes[order[0]]
    centroid = vectors[members].mean(axis=0)
    titled = [i for i in members if nodes[i].title]
    title = "Untitled story"
    if titled:
        central = max(titled, key=lambda i: (float(vectors[i] @ centroid), -order.index(i)))
        title = clean_title(nodes[central].title or "", nodes[central].outlet) or title
    return Story(id=stable_id("story", founder.id, prefix="s"), title=title,
                 article_ids=tuple(nodes[i].id for i in order))


def _link_related(stories: list[Story], node_story: dict[int, int], rows: np.ndarray, cols: np.ndarray,
                  content: np.ndarray, settings: Settings) -> list[Story]:
    """Stories whose cross pairs share a subject (mean content score, time aside) are related, both ways."""
    sums: dict[tuple[int, int], list[float]] = {}
    for i, j, s in zip(rows.tolist(), cols.tolist(), content.tolist(), strict=True):
        a, b = node_story.get(i), node_story.get(j)
        if a is None or b is None or a == b:
            continue
        key = (min(a, b), max(a, b))
        entry = sums.setdefault(key, [0.0, 0.0])
        entry[0] += s
        entry[1] += 1.0
    related: dict[int, list[str]] = defaultdict(list)
    for (a, b), (total, count) in sums.items():
        if total / count >= settings.related_threshold:
            related[a].append(stories[b].id)
            related[b].append(stories[a].id)
    for pos, ids in related.items():
        merged = tuple(dict.fromkeys(stories[pos].related_story_ids + tuple(ids)))
        stories[pos] = replace(stories[pos], related_story_ids=merged)
    return stories


def _attach_duplicates(stories: list[Story], placed: Sequence[str], articles: Sequence[Article],
                       roots: dict[str, str], home: dict[str, int], by_id: dict[str, Article]) -> list[Story]:
    """Every duplicate joins the story of its source copy (unless it already sits in a story)."""
    where: dict[str, int] = {}
    for pos, story in enumerate(stories):
        for aid in story.article_ids:
            where.setdefault(aid, pos)
    additions: dict[int, list[str]] = defaultdict(list)
    for a in articles:
        if a.id in where or roots[a.id] == a.id:
            continue
        target = where.get(roots[a.id])
        if target is None:
            stories.append(Story(id=stable_id("story", roots[a.id], prefix="s"),
                                 title=clean_title(by_id[roots[a.id]].title or "Untitled story"),
                                 article_ids=(roots[a.id],)))
            target = where[roots[a.id]] = len(stories) - 1
        additions[target].append(a.id)
    for pos, ids in additions.items():
        stories[pos] = replace(stories[pos], article_ids=stories[pos].article_ids + tuple(ids))
    return stories
