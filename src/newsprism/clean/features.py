"""Line features for the learned page-junk model: what a line looks like, where it sits, what the rules said of it
and what its neighbours look like.

Every feature is general (shape, position, density, cue family), never a site's wording, so the model carries to
pages it has never seen (boilerpipe's shallow text features, Web2Text's neighbourhood). The rules of ``text`` enter
as features, not verdicts: their cue category, their verdict and their body span. Built with numpy over a whole
page at once: a page has hundreds of lines and the cleaner must read fifty pages a second.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.clean.text import BODY, HEADING, JUNK, TITLE, Line, RulePass

# The cue families of ``patterns`` and the rules' own categories, one column each (anything else: "other").
CUE_FAMILIES: tuple[str, ...] = (
    "byline", "caption", "credit", "related-link", "promo", "donation", "newsletter", "engagement", "comments",
    "advertisement", "cookie-notice", "navigation", "page-chrome", "section-label", "source-line",
    "scraper-artifact", "author-bio", "other")
_KINDS: tuple[str, ...] = (BODY, HEADING, TITLE, JUNK)

_WINDOWS = (1, 3, 10)

BASE_NAMES: tuple[str, ...] = (
    "log_chars", "log_words", "terminal", "colon_end", "lower", "cjk", "good", "sentence", "stop_share",
    "digit_runs", "symbol_start", "pipes", "repeated", "dup_in_page", "rule_span", *(f"rule_{k}" for k in _KINDS),
    "any_cue", *(f"cue_{c}" for c in CUE_FAMILIES), "block_start", "block_end", "block_size")
"""The per-line columns; the model also sees them at the neighbours and as window means (``feature_names``)."""
_CONTEXT = ("log_chars", "terminal", "good", "sentence", "stop_share", "any_cue", "rule_body", "rule_junk",
            "digit_runs", "cue_related-link", "cue_navigation", "repeated")
_POSITION = ("rel_pos", "log_from_start", "log_to_end", "log_lines", "in_span", "span_rel", "chars_before",
             "chars_after", "gap_good_before", "gap_good_after", "rank_chars", "title_above")


def feature_names() -> tuple[str, ...]:
    """Every column of ``page_features``, in order."""
    ctx = tuple(f"{name}@{off:+d}" for off in (-2, -1, 1, 2) for name in _CONTEXT)
    win = tuple(f"{name}~{w}" for w in _WINDOWS for name in _CONTEXT)
    return BASE_NAMES + _POSITION + ctx + win


def _base(lines: Sequence[Line], rp: RulePass) -> np.ndarray:
    """The per-line columns of ``BASE_NAMES``, one row per line."""
    n = len(lines)
    cue_index = {c: i for i, c in enumerate(CUE_FAMILIES)}
    kind_index = {k: i for i, k in enumerate(_KINDS)}
    width = len(BASE_NAMES)
    lo, hi = rp.span if rp.span else (n, -1)
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln.text] = counts.get(ln.text, 0) + 1
    c_kind = BASE_NAMES.index("rule_body")
    c_cue = BASE_NAMES.index("any_cue")
    rows: list[list[float]] = []
    for i, (ln, s) in enumerate(zip(lines, rp.shapes, strict=True)):
        text = ln.text
        row = [0.0] * width
        row[:15] = (s.chars, s.words, s.terminal, text.endswith(":"), s.lower, s.cjk, s.good, s.sentence,
                    s.stops / s.words if s.words else 0.0, s.digit_runs / 10, s.symbol_start, s.pipes / 5,
                    rp.repeated[i], counts[text] > 1, lo <= i <= hi)
        v = rp.verdicts[i]
        row[c_kind + kind_index[v.kind]] = 1.0
        cat = rp.cats[i] or (v.category if v.kind == JUNK else None)
        if cat:
            row[c_cue] = 1.0
            row[c_cue + 1 + cue_index.get(cat, len(CUE_FAMILIES) - 1)] = 1.0
        row[-3] = i == 0 or lines[i - 1].block != ln.block
        row[-2] = i == n - 1 or lines[i + 1].block != ln.block
        rows.append(row)
    out = np.array(rows, dtype=np.float64).reshape(n, width)
    out[:, :2] = np.log1p(out[:, :2])
    # block size: lines per blank-line block (a scraper that keeps no blank lines makes the whole page one block)
    blocks = np.array([ln.block for ln in lines])
    _, inverse, sizes = np.unique(blocks, return_inverse=True, return_counts=True)
    out[:, -1] = np.log1p(sizes[inverse])
    return out


def shift(col: np.ndarray, off: int, fill: float = 0.0) -> np.ndarray:
    """``col`` moved by ``off`` lines (the value of line i + off at row i), ``fill`` past the page's edges."""
    out = np.full_like(col, fill)
    n = len(col)
    if abs(off) >= n:
        return out
    if off > 0:
        out[:n - off] = col[off:]
    elif off < 0:
        out[-off:] = col[:n + off]
    else:
        out[:] = col
    return out


def window_mean(cols: np.ndarray, w: int) -> np.ndarray:
    """Mean of each column over lines i-w..i+w (cut at the page's edges)."""
    n = cols.shape[0]
    csum = np.vstack([np.zeros((1, cols.shape[1])), np.cumsum(cols, axis=0)])
    lo = np.clip(np.arange(n) - w, 0, n)
    hi = np.clip(np.arange(n) + w + 1, 0, n)
    return (csum[hi] - csum[lo]) / (hi - lo)[:, None]


def _gap(flags: np.ndarray, *, forward: bool) -> np.ndarray:
    """Lines to the nearest flagged line before (or after) each line, log-scaled; a large value when none."""
    n = len(flags)
    idx = np.arange(n)
    if forward:
        last = np.where(flags, idx, n * 4)
        nearest = np.minimum.accumulate(last[::-1])[::-1]
        dist = nearest - idx
    else:
        last = np.where(flags, idx, -n * 4)
        nearest = np.maximum.accumulate(last)
        dist = idx - nearest
    return np.log1p(np.minimum(dist, 1000))


def page_features(lines: Sequence[Line], rp: RulePass) -> np.ndarray:
    """The feature matrix of a page: one row per line, columns as ``feature_names``."""
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(feature_names())))
    base = _base(lines, rp)
    col = {name: base[:, i] for i, name in enumerate(BASE_NAMES)}
    idx = np.arange(n, dtype=np.float64)
    chars = np.expm1(col["log_chars"])
    csum = np.cumsum(chars)
    total = csum[-1] or 1.0
    lo, hi = rp.span if rp.span else (0, n - 1)
    span_len = max(hi - lo, 1)
    title_idx = next((i for i, v in enumerate(rp.verdicts) if v.kind == TITLE), -1)
    order = np.argsort(-chars, kind="stable")
    rank = np.empty(n)
    rank[order] = np.arange(n)
    position = np.column_stack([
        idx / max(n - 1, 1), np.log1p(idx), np.log1p(n - 1 - idx), np.full(n, np.log1p(n)),
        col["rule_span"], np.clip((idx - lo) / span_len, -2.0, 3.0),
        (csum - chars) / total, (total - csum) / total,
        _gap(col["good"] > 0, forward=False), _gap(col["good"] > 0, forward=True),
        np.log1p(rank), (idx > title_idx) if title_idx >= 0 else np.zeros(n)])
    ctx_cols = np.column_stack([col[name] for name in _CONTEXT])
    shifted = [np.column_stack([shift(ctx_cols[:, j], off) for j in range(ctx_cols.shape[1])])
               for off in (-2, -1, 1, 2)]
    windows = [window_mean(ctx_cols, w) for w in _WINDOWS]
    return np.hstack([base, position, *shifted, *windows])


def smooth_features(prob: np.ndarray, chars: np.ndarray) -> np.ndarray:
    """Second-stage columns from the first stage's body probabilities: the neighbours' view and the page's best
    run of body text (the article is one contiguous run with few holes)."""
    n = len(prob)
    cols = [prob]
    cols += [shift(prob, off, 0.0) for off in (-3, -2, -1, 1, 2, 3)]
    cols += [window_mean(prob[:, None], w)[:, 0] for w in (2, 5, 15)]
    weight = np.log1p(chars)
    run = _best_run((prob - 0.5) * weight)
    idx = np.arange(n)
    inside = (idx >= run[0]) & (idx <= run[1])
    before = np.maximum.accumulate(np.where(prob > 0.5, prob, 0.0))
    after = np.maximum.accumulate(np.where(prob > 0.5, prob, 0.0)[::-1])[::-1]
    cols += [inside.astype(np.float64), np.log1p(np.maximum(run[0] - idx, 0)), np.log1p(np.maximum(idx - run[1], 0)),
             shift(before, -1), shift(after, 1)]
    return np.column_stack(cols)


GROUP_STATS = 3  # columns ``group_features`` adds per grouping


def group_features(prob: np.ndarray, chars: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Second-stage columns for HTML blocks: what the first stage thinks of the blocks that share each of a block's
    groups (``groups``: one column of integer labels per grouping, such as the parent element and the tag path).
    A teaser list is many blocks on one path, each of which alone can pass for prose; a paragraph whose siblings
    are article body is body too. Per grouping: the mean probability, the mean weighted by text length, the
    highest."""
    n = len(prob)
    width = groups.shape[1] if groups.ndim == 2 else 0
    out = np.zeros((n, GROUP_STATS * width))
    if n == 0:
        return out
    weight = np.log1p(chars)
    for g in range(width):
        label = groups[:, g]
        count = np.bincount(label).astype(np.float64)
        mean = np.bincount(label, weights=prob) / np.maximum(count, 1.0)
        wsum = np.bincount(label, weights=weight)
        wmean = np.bincount(label, weights=prob * weight) / np.maximum(wsum, 1e-9)
        top = np.zeros(len(count))
        np.maximum.at(top, label, prob)
        out[:, g * GROUP_STATS:(g + 1) * GROUP_STATS] = np.column_stack([mean[label], wmean[label], top[label]])
    return out


def second_stage_features(prob: np.ndarray, chars: np.ndarray, groups: np.ndarray | None = None) -> np.ndarray:
    """The columns the second stage adds to a page's features: ``smooth_features``, and ``group_features`` where
    the model reads groups (``groups`` given). Training and prediction both build them here."""
    cols = smooth_features(prob, chars)
    return cols if groups is None else np.hstack([cols, group_features(prob, chars, groups)])


def _best_run(score: np.ndarray) -> tuple[int, int]:
    """The contiguous span of lines with the largest summed score (Kadane)."""
    best, best_lo, best_hi = -np.inf, 0, -1
    cur, cur_lo = 0.0, 0
    for i, v in enumerate(score.tolist()):
        if cur <= 0:
            cur, cur_lo = v, i
        else:
            cur += v
        if cur > best:
            best, best_lo, best_hi = cur, cur_lo, i
    return best_lo, best_hi
