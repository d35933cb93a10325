"""The provenance graph of a story laid out for SVG: who cites whom, who rewrote whom.

Sources sit on the left, copies to their right: outlets an article cites form the first column, original articles
the next, and each rewrite one column right of what it rewrote. Coordinates are computed here so the templates
only draw; no JavaScript layout library is needed and the graph prints.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsprism.records import Article, Citation, Story

NODE_W = 184
NODE_H = 38
COL_GAP = 110
ROW_GAP = 14
MARGIN = 12
EDGE_KINDS = ("cites", "rewrites", "duplicates")


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    kind: str  # "article" or "outlet"
    label: str
    sublabel: str
    x: int
    y: int
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    kind: str
    title: str
    x1: int
    y1: int
    x2: int
    y2: int


@dataclass(frozen=True, slots=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    width: int
    height: int
    node_w: int = NODE_W
    node_h: int = NODE_H


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def provenance_graph(story: Story, articles: Mapping[str, Article], citations: Iterable[Citation],
                     num: Mapping[str, int]) -> Graph:
    """Nodes for the story's articles and the outlets they cite; edges from citations, rewrites and duplicates."""
    ids = [a for a in story.article_ids if a in articles]
    inside = set(ids)
    raw_edges: dict[tuple[str, str], str] = {}

    def outlet_node(name: str) -> str:
        return f"outlet:{name}"

    for c in citations:
        if c.article_id in inside and c.outlet:
            raw_edges.setdefault((c.article_id, outlet_node(c.outlet)), "cites")
    for aid in ids:
        art = articles[aid]
        for src in art.derived_from:
            if src in inside and src != aid:
                raw_edges[(aid, src)] = "rewrites"
        if art.duplicate_of in inside and art.duplicate_of != aid:
            raw_edges.setdefault((aid, art.duplicate_of), "duplicates")
    for g in story.claims:
        for a, b, kind in g.provenance:
            a2 = a if a in inside else outlet_node(a)
            b2 = b if b in inside else outlet_node(b)
            if a2 != b2:
                raw_edges.setdefault((a2, b2), kind if kind in EDGE_KINDS else "cites")

    level = _levels(ids, raw_edges)
    outlets = sorted({n for e in raw_edges for n in e if n.startswith("outlet:")})
    columns: dict[int, list[str]] = defaultdict(list)
    for o in outlets:
        columns[0].append(o)
    for aid in sorted(ids, key=lambda a: (articles[a].published or "~", num.get(a, 0))):
        columns[level[aid]].append(aid)
    if not outlets:  # no outlet column: shift articles left
        columns = defaultdict(list, {k - 1: v for k, v in columns.items()})

    pos: dict[str, tuple[int, int]] = {}
    nodes = []
    for col, members in sorted(columns.items()):
        for r, nid in enumerate(members):
            x, y = MARGIN + col * (NODE_W + COL_GAP), MARGIN + r * (NODE_H + ROW_GAP)
            pos[nid] = (x, y)
            if nid.startswith("outlet:"):
                nodes.append(Node(id=nid, kind="outlet", label=_clip(nid[7:], 26), sublabel="cited outlet", x=x, y=y))
            else:
                art = articles[nid]
                label = _clip(f"[{num.get(nid, '?')}] {art.outlet or 'unknown'}", 26)
                nodes.append(Node(id=nid, kind="article", label=label,
                                  sublabel=(art.published or "undated")[:10], x=x, y=y, article_id=nid))
    names = {n.id: n.label for n in nodes}
    edges = []
    for (a, b), kind in sorted(raw_edges.items(), key=lambda kv: (kv[1], kv[0])):
        if a not in pos or b not in pos:
            continue
        (ax, ay), (bx, by) = pos[a], pos[b]
        if ax > bx:  # a is right of b: from a's left side to b's right side
            x1, x2 = ax, bx + NODE_W
        elif ax < bx:
            x1, x2 = ax + NODE_W, bx
        else:  # same column: loop around the right side
            x1, x2 = ax + NODE_W, bx + NODE_W
        edges.append(Edge(source=a, target=b, kind=kind, title=f"{names[a]} {kind} {names[b]}",
                          x1=x1, y1=ay + NODE_H // 2, x2=x2, y2=by + NODE_H // 2))
    ncols = max(columns) + 1 if columns else 0
    nrows = max((len(v) for v in columns.values()), default=0)
    width = 2 * MARGIN + ncols * NODE_W + max(ncols - 1, 0) * COL_GAP + 40
    height = 2 * MARGIN + nrows * (NODE_H + ROW_GAP)
    return Graph(nodes=tuple(nodes), edges=tuple(edges), width=width, height=max(height, NODE_H + 2 * MARGIN))


def _levels(ids: list[str], edges: Mapping[tuple[str, str], str]) -> dict[str, int]:
    """Column of each article: 1 for originals, one more than the deepest article it rewrote or duplicated."""
    upstream: dict[str, list[str]] = defaultdict(list)
    for (a, b), kind in edges.items():
        if kind in ("rewrites", "duplicates") and not b.startswith("outlet:") and not a.startswith("outlet:"):
            upstream[a].append(b)
    level: dict[str, int] = {}
    # depth-first with an explicit stack: a big story's chain of rewrites can run thousands deep
    for root in ids:
        if root in level:
            continue
        deepest = {root: 0}
        path = [(root, iter(upstream.get(root, ())))]
        on_path = {root}
        while path:
            node, ups = path[-1]
            for u in ups:
                if u in on_path:  # a cycle of copies: that edge adds no depth
                    continue
                if u in level:
                    deepest[node] = max(deepest[node], level[u])
                    continue
                path.append((u, iter(upstream.get(u, ()))))
                on_path.add(u)
                deepest[u] = 0
                break
            else:
                path.pop()
                on_path.discard(node)
                level[node] = 1 + deepest[node]
                if path:
                    parent = path[-1][0]
                    deepest[parent] = max(deepest[parent], level[node])
    return level
