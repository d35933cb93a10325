"""Nearest neighbours through faiss, partitioned by publication time so the cost grows near-linearly.

Dated articles are cut into blocks of ``window`` days; each block is searched against itself and its two
neighbouring blocks (the overlap), so every pair closer than the window is within reach and nothing further is
ever compared. Undated articles are searched against everything. A block index is exact (flat) while small and
an inverted file (IVF, one quantizer trained once) when the corpus has ``ivf_min`` vectors or more.
"""

from __future__ import annotations

from collections.abc import Iterator

import faiss
import numpy as np

_NPROBE = 16
_NLIST = 256


def train_quantizer(vectors: np.ndarray, ivf_min: int) -> faiss.Index | None:
    """One coarse quantizer for every block, trained once on a sample: None (exact search) below ``ivf_min``.

    The choice depends on the corpus size, not the block size, so a corpus is searched the same way throughout
    and cost per article stays flat as the corpus grows.
    """
    n, dim = vectors.shape
    if n < max(ivf_min, 1):
        return None
    nlist = _NLIST
    rng = np.random.default_rng(0)
    sample = np.ascontiguousarray(vectors[rng.choice(n, size=min(n, nlist * 40), replace=False)])
    kmeans = faiss.Kmeans(dim, nlist, niter=10, spherical=True, seed=1)
    kmeans.train(sample)
    assert kmeans.centroids is not None, "faiss.Kmeans.train sets the centroids"
    quantizer = faiss.IndexFlatIP(dim)
    quantizer.add(kmeans.centroids)
    return quantizer


def build_index(vectors: np.ndarray, quantizer: faiss.Index | None) -> faiss.Index:
    """Flat inner-product index, or an inverted file over the shared trained quantizer."""
    dim = vectors.shape[1]
    index: faiss.Index
    if quantizer is None:
        index = faiss.IndexFlatIP(dim)
    else:
        ivf = faiss.IndexIVFFlat(quantizer, dim, quantizer.ntotal, faiss.METRIC_INNER_PRODUCT)
        ivf.nprobe = _NPROBE
        index = ivf
    index.add(np.ascontiguousarray(vectors))
    return index


def _search(vectors: np.ndarray, queries: np.ndarray, members: np.ndarray, k: int,
            quantizer: faiss.Index | None) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    if len(queries) == 0 or len(members) == 0:
        return
    index = build_index(vectors[members], quantizer if len(members) > _NLIST else None)
    sims, found = index.search(np.ascontiguousarray(vectors[queries]), min(k + 1, len(members)))
    rows = np.repeat(queries, found.shape[1])
    cols = found.reshape(-1)
    ok = cols >= 0
    yield rows[ok], members[cols[ok]], sims.reshape(-1)[ok]


def neighbour_pairs(vectors: np.ndarray, days: np.ndarray, queries: np.ndarray, *, k: int, window: float,
                    ivf_min: int, min_cos: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Undirected candidate pairs (i < j) with their cosine: each query's k nearest within the time window."""
    n = len(vectors)
    dated = ~np.isnan(days)
    undated_all = np.flatnonzero(~dated)
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    # IVF pays off only for many queries: an incremental run of a few new articles searches exactly.
    quantizer = train_quantizer(vectors, ivf_min) if len(queries) >= ivf_min else None
    q_dated = queries[dated[queries]]
    q_undated = queries[~dated[queries]]
    if len(q_dated):
        window = max(float(window), 1.0)
        start = float(np.nanmin(days))
        block = np.full(n, -10, dtype=np.int64)
        block[dated] = np.floor((days[dated] - start) / window).astype(np.int64)
        order = np.flatnonzero(dated)
        order = order[np.argsort(block[order], kind="stable")]
        bounds = np.searchsorted(block[order], np.arange(block[order][-1] + 3))
        qblocks = block[q_dated]
        for b in np.unique(qblocks):
            lo = bounds[max(b - 1, 0)]
            hi = bounds[min(b + 2, len(bounds) - 1)]
            parts.extend(_search(vectors, q_dated[qblocks == b], order[lo:hi], k, quantizer))
        parts.extend(_search(vectors, q_dated, undated_all, k, quantizer))
    if len(q_undated):
        parts.extend(_search(vectors, q_undated, np.arange(n), k, quantizer))
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    rows = np.concatenate([p[0] for p in parts])
    cols = np.concatenate([p[1] for p in parts])
    sims = np.concatenate([p[2] for p in parts])
    gap = np.abs(days[rows] - days[cols])
    keep = (rows != cols) & (sims >= min_cos) & ~(gap > window)  # NaN gap (undated) is kept
    rows, cols, sims = rows[keep], cols[keep], sims[keep]
    lo, hi = np.minimum(rows, cols), np.maximum(rows, cols)
    _, first = np.unique(lo * n + hi, return_index=True)
    return lo[first], hi[first], sims[first]
