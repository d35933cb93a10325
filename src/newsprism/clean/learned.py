"""The learned page-junk model: gradient-boosted trees over line features, in two stages.

The first stage judges each line from its own features and its neighbours' (``features.page_features``); the second
reads the first stage's probabilities around the line and the page's best run of body text, because an article is
one contiguous run with few holes. Trained by ``bench/train_cleaner.py``; the trees ship as plain arrays in
``newsprism/data/cleaner.npz`` (no pickle) and are walked here with numpy, so scikit-learn is needed only to train.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.clean.features import feature_names, page_features, second_stage_features
from newsprism.clean.text import BODY, HEADING, JUNK, TITLE, Line, RulePass, Verdict, titleish

MODEL_FILE = "cleaner.npz"
HTML_MODEL_FILE = "cleaner_html.npz"  # the same two stages over an HTML page's blocks (``clean.blocks``)
FAST_HTML_MODEL_FILE = "cleaner_html_dom.npz"  # the blocks read from the DOM alone (``cleaner = "fast"``)
FORMAT = 1
_FIELDS = ("feature", "threshold", "left", "right", "value", "roots")
_INDEX_FIELDS = ("feature", "left", "right", "roots")  # stored as int32


@dataclass(frozen=True, slots=True)
class Trees:
    """A boosted tree ensemble as flat arrays: node ``k`` splits on ``feature[k] <= threshold[k]`` to ``left[k]`` or
    ``right[k]``; a leaf points to itself and holds ``value[k]``; ``roots`` are the trees' first nodes."""

    base: float
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    depth: int

    def __post_init__(self) -> None:
        # node numbers as the platform's index type: numpy casts any other on every gather (15% of a prediction)
        for name in _INDEX_FIELDS:
            object.__setattr__(self, name, np.asarray(getattr(self, name)).astype(np.intp, copy=False))

    def decision(self, X: np.ndarray) -> np.ndarray:
        """The raw score (log-odds of body) of each row of ``X``."""
        if len(X) == 0:
            return np.zeros(0)
        n, width = X.shape
        flat = np.ascontiguousarray(X, dtype=np.float64).ravel()
        offsets = (np.arange(n, dtype=np.int64) * width)[:, None]
        # child[2k] and child[2k+1]: where node k sends a value at or below / above its threshold (one gather a step)
        child = np.column_stack([self.left, self.right]).ravel()
        node = np.broadcast_to(self.roots.astype(np.int64), (n, len(self.roots)))
        for _ in range(self.depth):
            above = flat.take(offsets + self.feature.take(node)) > self.threshold.take(node)
            node = child.take(2 * node + above)
        return self.base + self.value.take(node).sum(axis=1)  # type: ignore[no-any-return]

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Probability that each row is a body line."""
        return 1.0 / (1.0 + np.exp(-self.decision(X)))  # type: ignore[no-any-return]

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        out = {f"{prefix}{name}": getattr(self, name).astype(np.int32) if name in _INDEX_FIELDS else
               getattr(self, name) for name in _FIELDS}
        out[f"{prefix}scalars"] = np.array([self.base, self.depth], dtype=np.float64)
        return out

    @classmethod
    def from_arrays(cls, data: Any, prefix: str) -> Trees:
        base, depth = data[f"{prefix}scalars"].tolist()
        fields = {name: np.asarray(data[f"{prefix}{name}"]) for name in _FIELDS}
        return cls(base=float(base), depth=int(depth), **fields)


def trees_from_sklearn(clf: Any) -> Trees:
    """Flatten a fitted binary ``HistGradientBoostingClassifier`` (numeric features, no missing values)."""
    feature: list[np.ndarray] = []
    threshold: list[np.ndarray] = []
    left: list[np.ndarray] = []
    right: list[np.ndarray] = []
    value: list[np.ndarray] = []
    roots: list[int] = []
    offset = 0
    depth = 0
    for (pred,) in clf._predictors:
        nodes = pred.nodes
        own = np.arange(len(nodes)) + offset
        leaf = nodes["is_leaf"].astype(bool)
        roots.append(offset)
        feature.append(np.where(leaf, 0, nodes["feature_idx"]).astype(np.int32))
        threshold.append(np.where(leaf, np.inf, nodes["num_threshold"]))
        left.append(np.where(leaf, own, nodes["left"].astype(np.int64) + offset).astype(np.int32))
        right.append(np.where(leaf, own, nodes["right"].astype(np.int64) + offset).astype(np.int32))
        value.append(np.where(leaf, nodes["value"], 0.0))
        depth = max(depth, int(nodes["depth"].max()))
        offset += len(nodes)
    return Trees(base=float(np.ravel(clf._baseline_prediction)[0]), feature=np.concatenate(feature),
                 threshold=np.concatenate(threshold), left=np.concatenate(left), right=np.concatenate(right),
                 value=np.concatenate(value), roots=np.array(roots, dtype=np.int32), depth=depth)


def fit_model(X: np.ndarray, y: np.ndarray, *, seed: int, weight: np.ndarray | None = None, **params: Any) -> Trees:
    """Boosted trees on labelled lines (1 body, 0 junk); the settings are the ones the cross-validation chose
    (``params`` overrides them: the HTML block model's own). ``weight``: each row's weight (weak labels count
    less than the gold)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    settings: dict[str, Any] = {"max_iter": 150, "learning_rate": 0.08, "max_leaf_nodes": 15, "max_depth": 6,
                                "min_samples_leaf": 40, "l2_regularization": 1.0, **params}
    clf = HistGradientBoostingClassifier(early_stopping=False, random_state=seed, **settings)
    with threadpool_limits(1):  # one thread: the same trees on every machine (summing order decides the splits)
        clf.fit(X, y, sample_weight=weight)
    return trees_from_sklearn(clf)


DECISIVE_PRECISION = 0.975
DECISIVE_MIN_LINES = 10


def decisive_families(cats: Sequence[str | None], y: np.ndarray) -> tuple[str, ...]:
    """Cue families that were right about junk on at least ``DECISIVE_PRECISION`` of the labelled lines they
    marked (``y``: 1 body, 0 junk, -1 unlabelled), with ``DECISIVE_MIN_LINES`` or more such lines as evidence."""
    counts: dict[str, list[int]] = {}
    for cat, label in zip(cats, y.tolist(), strict=True):
        if cat and label >= 0:
            counts.setdefault(cat, [0, 0])[label] += 1
    return tuple(sorted(c for c, (junk, body) in counts.items()
                        if junk + body >= DECISIVE_MIN_LINES and junk >= DECISIVE_PRECISION * (junk + body)))


def page_chars(lines: Sequence[Line]) -> np.ndarray:
    return np.array([len(ln.text) for ln in lines], dtype=np.float64)


@dataclass(frozen=True, slots=True)
class LineModel:
    """The two stages, the probability above which a line is kept, and the rules' cue families that decide their
    lines outright: those whose junk precision on the labelled training lines reached ``DECISIVE_PRECISION``
    (``decisive_families``). A rare widget the trees have seen too seldom (a donation appeal written as prose)
    is still removed when its cue is one that has held on the training pages."""

    first: Trees
    second: Trees
    names: tuple[str, ...]
    decisive: tuple[str, ...] = ()
    cut: float = 0.5
    kind: str = "lines"  # "lines" of plain text, "blocks" of an HTML page (with trafilatura's text), "blocks-dom"
    grouped: bool = False  # the second stage also reads the first stage's view of each block's groups

    def __post_init__(self) -> None:
        if self.names != names_of(self.kind):
            raise ValueError("the model was trained on other features than this version computes: retrain it with "
                             "bench/train_cleaner.py")

    @classmethod
    def combine(cls, first: Trees, second: Trees, decisive: Sequence[str] = (), *, kind: str = "lines",
                cut: float = 0.5, grouped: bool = False) -> LineModel:
        return cls(first=first, second=second, names=names_of(kind), decisive=tuple(sorted(decisive)), cut=cut,
                   kind=kind, grouped=grouped)

    def second_columns(self, X: np.ndarray, p1: np.ndarray, chars: np.ndarray,
                       groups: np.ndarray | None = None) -> np.ndarray:
        """What the second stage reads: the features, the first stage's probabilities around each row and, for a
        grouped model, over each row's groups."""
        if self.grouped and groups is None:
            raise ValueError("this block model reads each block's groups: pass blocks.group_labels(blocks)")
        return np.hstack([X, second_stage_features(p1, chars, groups if self.grouped else None)])

    def probabilities(self, X: np.ndarray, chars: np.ndarray, groups: np.ndarray | None = None) -> np.ndarray:
        """Body probability of each line of one page (``X`` from ``page_features``; ``groups`` for a grouped
        block model, from ``blocks.group_labels``)."""
        if len(X) == 0:
            return np.zeros(0)
        return self.second.predict(self.second_columns(X, self.first.predict(X), chars, groups))

    def keep(self, X: np.ndarray, chars: np.ndarray, cats: Sequence[str | None],
             groups: np.ndarray | None = None) -> np.ndarray:
        """Which lines of a page stay: the model's call, except where a decisive cue family (``cats``: the rules'
        cue category of each line) marks the line as junk."""
        veto = np.array([c in self.decisive for c in cats], dtype=bool)
        return (self.probabilities(X, chars, groups) > self.cut) & ~veto

    def verdicts(self, lines: Sequence[Line], rp: RulePass) -> list[Verdict]:
        """The model's verdict for every line of a page the rules have read: kept lines are body or heading,
        removed ones keep the rules' category where a cue named one (``removed_categories``). The rules' title and
        its duplicates stand: the title is found by where it sits, not learned."""
        keep = self.keep(page_features(lines, rp), page_chars(lines), rp.cats)
        return learned_verdicts(lines, rp, keep)

    def save(self, path: Path) -> None:
        meta = json.dumps({"format": FORMAT, "names": list(self.names), "cut": self.cut,
                           "decisive": list(self.decisive), "kind": self.kind, "grouped": self.grouped})
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:  # np.savez on a path would add ".npz" to a name without it
            arrays: dict[str, Any] = {"meta": np.array(meta), **self.first.arrays("first_"),
                                      **self.second.arrays("second_")}
            np.savez_compressed(fh, **arrays)

    @classmethod
    def load(cls, path: Path | None = None, *, name: str = MODEL_FILE) -> LineModel:
        """The weights at ``path``, or the shipped ones called ``name``; never unpickles."""
        source = path or resources.files("newsprism").joinpath("data", name)
        with source.open("rb") as fh, np.load(fh, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            if meta.get("format") != FORMAT:
                raise ValueError(f"cleaner model format {meta.get('format')} is not {FORMAT}: retrain it")
            return cls(first=Trees.from_arrays(data, "first_"), second=Trees.from_arrays(data, "second_"),
                       names=tuple(meta["names"]), cut=float(meta["cut"]), decisive=tuple(meta["decisive"]),
                       kind=str(meta.get("kind", "lines")), grouped=bool(meta.get("grouped", False)))


def names_of(kind: str) -> tuple[str, ...]:
    """The feature columns a model of ``kind`` reads."""
    if kind in ("blocks", "blocks-dom"):
        from newsprism.clean.blocks import block_feature_names

        return block_feature_names(extractor=kind == "blocks")
    return feature_names()


def load_line_model() -> LineModel:
    """The shipped model (``Resources.model("cleaner", load_line_model)`` keeps one per process)."""
    return LineModel.load()


def load_block_model() -> LineModel:
    """The shipped HTML block model (kept once per process like the line model)."""
    return LineModel.load(name=HTML_MODEL_FILE)


def load_fast_block_model() -> LineModel:
    """The shipped HTML block model that reads the DOM alone (``cleaner = "fast"``)."""
    return LineModel.load(name=FAST_HTML_MODEL_FILE)


# Cue categories that name a widget inside the body (a teaser list's heading, a "more" link): a run of removed lines
# that one of them opens, or a run of several short headline-like lines, is a list of links to other stories.
_RELATED_CUES = frozenset({"related-link"})


def learned_verdicts(lines: Sequence[Line], rp: RulePass, keep: np.ndarray) -> list[Verdict]:
    """Verdicts from the model's keep flags, with a category for every removed line."""
    n = len(lines)
    kept = np.flatnonzero(keep)
    first, last = (int(kept[0]), int(kept[-1])) if len(kept) else (n, -1)
    out: list[Verdict] = []
    for i, (v, s) in enumerate(zip(rp.verdicts, rp.shapes, strict=True)):
        if v.kind == TITLE or (v.kind == JUNK and v.category == "duplicate-title"):
            out.append(v)
        elif keep[i]:
            out.append(v if v.kind in (BODY, HEADING) else
                       Verdict(HEADING if titleish(s, lines[i].text) and not s.terminal else BODY))
        elif rp.cats[i]:
            out.append(Verdict(JUNK, rp.cats[i]))
        elif v.kind == JUNK:
            out.append(v)
        elif i < first:
            out.append(Verdict(JUNK, "navigation" if s.words <= 6 else "page-chrome"))
        elif i > last:
            out.append(Verdict(JUNK, "related-link" if s.words >= 4 and not s.terminal else "navigation"))
        else:
            out.append(Verdict(JUNK, "page-chrome"))
    _related_runs(rp, keep, out, first, last)
    return out


def _related_runs(rp: RulePass, keep: np.ndarray, out: list[Verdict], first: int, last: int) -> None:
    """A "related stories" block inside the body (or just below it) is removed as one piece, category ``related``:
    a line the rules cue as a related-link heading, with the short headline-like lines under it up to the next
    paragraph; or a run of removed lines holding two or more such headlines."""
    n = len(out)
    shapes = rp.shapes

    def headline(k: int) -> bool:
        s = shapes[k]
        return not rp.cats[k] and 2 <= s.words <= 20 and not s.terminal

    def teaser(k: int) -> bool:
        """A headline-like line that does not announce a paragraph (a sub-heading is followed by prose); under a
        "Related stories" heading every headline-like line is a teaser."""
        return headline(k) and (k + 1 >= n or not (shapes[k + 1].sentence or shapes[k + 1].good))

    i = max(first, 0)
    while i < n:
        opened = rp.cats[i] in _RELATED_CUES and shapes[i].words <= 8 and first <= i <= last + 1
        if opened:
            j = i + 1
            while j < n and (headline(j) or (rp.cats[j] and out[j].kind == JUNK)) and not shapes[j].good:
                j += 1
            if j - i >= 3 or (j - i >= 2 and not keep[i + 1]):
                for k in range(i, j):
                    if out[k].kind != TITLE and out[k].category in (None, "related-link", "page-chrome",
                                                                    "navigation"):
                        out[k] = Verdict(JUNK, "related")
                i = j
                continue
        if keep[i] or out[i].kind != JUNK:
            i += 1
            continue
        j = i
        while j < n and not keep[j] and out[j].kind == JUNK:
            j += 1
        if i <= last + 1 and sum(1 for k in range(i, j) if teaser(k)) >= 2:
            for k in range(i, j):
                if out[k].category in ("related-link", "page-chrome", "navigation"):
                    out[k] = Verdict(JUNK, "related")
        i = j
