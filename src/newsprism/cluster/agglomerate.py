"""Average-linkage agglomeration over a sparse similarity graph, with locked clusters for incremental runs.

Only the candidate pairs found by the neighbour search are known. The linkage of two clusters is the sum of their
known pair scores divided by max(known pairs, sqrt(|A| * |B|)): the mean of the known pairs while they are
plentiful (a k-nearest-neighbour limit must not split a large story), but a lone bridge between two large
clusters is discounted, which stops single-linkage chaining.
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
    new articles and new clusters may join them.
    """
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
    return [m for m, ok in zip(members, alive, strict=True) if ok and m]
