"""Average-linkage agglomeration over a sparse similarity graph, with locked clusters for incremental runs.

Only the candidate pairs found by the neighbour search are known. The linkage of two clusters is the sum of their
known pair scores divided by max(known pairs, sqrt(|A| * |B|)): the mean of the known pairs while they are
plentiful (a k-nearest-neighbour limit must not split a large story), but a lone bridge between two large
clusters is discounted, which stops single-linkage chaining.

A linkage is a mean of pair scores, so two clusters can only merge when some pair between them reaches the
threshold: the graph is cut into the parts that such pairs (and the initial clusters) connect, and each part is
agglomerated on its own, with the same result and only one part's links in memory at a time.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

import numpy as np


def agglomerate(initial: Sequence[Sequence[int]], locked: Sequence[bool], rows: np.ndarray, cols: np.ndarray,
                scores: np.ndarray, *, threshold: float) -> list[list[int]]:
    """Merge clusters (given as lists of node indices) while the best linkage reaches ``threshold``.

    Two locked clusters (stories that already exist) never merge with each other, so their ids stay meaningful;
    new articles and new clusters may join them. Clusters come back in the order of the initial cluster each one
    grew from.
    """
    rows, cols, scores = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64), np.asarray(scores)
    owner = np.full(max([*(n + 1 for nodes in initial for n in nodes), 0]), -1, dtype=np.int64)
    for cid, nodes in enumerate(initial):
        owner[list(nodes)] = cid
    inside = (rows < len(owner)) & (cols < len(owner))
    rows, cols, scores = rows[inside], cols[inside], scores[inside]
    a, b = owner[rows], owner[cols]
    known = (a >= 0) & (b >= 0) & (a != b)
    rows, cols, scores, a, b = rows[known], cols[known], scores[known], a[known], b[known]
    part = _parts(len(initial), a[scores >= threshold], b[scores >= threshold])
    out: list[tuple[int, list[int]]] = []
    edge_part = part[a]
    order = np.argsort(edge_part, kind="stable")
    bounds = np.searchsorted(edge_part[order], np.arange(len(initial) + 1))
    clusters_of: dict[int, list[int]] = {}
    for cid in range(len(initial)):
        clusters_of.setdefault(int(part[cid]), []).append(cid)
    for p, cids in clusters_of.items():
        sel = order[bounds[p]:bounds[p + 1]]
        if len(cids) == 1 or not len(sel):
            out += [(c, list(initial[c])) for c in cids if len(initial[c])]
            continue
        merged = _agglomerate([initial[c] for c in cids], [locked[c] for c in cids], rows[sel], cols[sel],
                              scores[sel], threshold=threshold)
        out += [(cids[k], m) for k, m in merged]
    return [m for _, m in sorted(out, key=lambda x: x[0])]


def _parts(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The connected part of each of ``n`` clusters, given the pairs of clusters that may merge."""
    parent = np.arange(n)

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return int(root)

    for x, y in zip(a.tolist(), b.tolist(), strict=True):
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)
    return np.array([find(x) for x in range(n)], dtype=np.int64)


def _agglomerate(initial: Sequence[Sequence[int]], locked: Sequence[bool], rows: np.ndarray, cols: np.ndarray,
                 scores: np.ndarray, *, threshold: float) -> list[tuple[int, list[int]]]:
    """One part: (index of the initial cluster it grew from, members) for each cluster left."""
    owner: dict[int, int] = {}
    members: list[list[int]] = []
    is_locked: list[bool] = []
    for cid, (nodes, lock) in enumerate(zip(initial, locked, strict=True)):
        members.append(list(nodes))
        is_locked.append(bool(lock))
        for node in nodes:
            owner[node] = cid
    links: list[dict[int, list[float]]] = [{} for _ in members]
    for i, j, s in zip(rows.tolist(), cols.tolist(), scores.tolist(), strict=True):
        a, b = owner.get(i), owner.get(j)
        if a is None or b is None or a == b:
            continue
        for x, y in ((a, b), (b, a)):
            entry = links[x].get(y)
            if entry is None:
                links[x][y] = [s, 1.0]
            else:
                entry[0] += s
                entry[1] += 1.0
    alive = [True] * len(members)

    def linkage(a: int, b: int) -> float:
        total, count = links[a][b]
        return total / max(count, math.sqrt(len(members[a]) * len(members[b])))

    heap: list[tuple[float, int, int]] = []
    for a, nbrs in enumerate(links):
        for b in nbrs:
            if a < b and not (is_locked[a] and is_locked[b]):
                value = linkage(a, b)
                if value >= threshold:
                    heap.append((-value, a, b))
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or b not in links[a] or abs(linkage(a, b) + neg) > 1e-9:
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        alive[b] = False
        members[a].extend(members[b])
        members[b] = []
        is_locked[a] = is_locked[a] or is_locked[b]
        del links[a][b]
        for c, (total, count) in links[b].items():
            if c == a:
                continue
            del links[c][b]
            entry = links[a].get(c)
            if entry is None:
                entry = links[a][c] = [0.0, 0.0]
            entry[0] += total
            entry[1] += count
        links[b] = {}
        for c in links[a]:
            links[c][a] = list(links[a][c])
            if not (is_locked[a] and is_locked[c]):
                value = linkage(a, c)
                if value >= threshold:
                    heapq.heappush(heap, (-value, min(a, c), max(a, c)))
    return [(k, m) for k, (m, ok) in enumerate(zip(members, alive, strict=True)) if ok and m]
