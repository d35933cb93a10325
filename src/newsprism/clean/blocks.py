"""HTML pages as text blocks with DOM features, for the learned page-junk model on HTML (``LineModel`` of kind
"blocks", trained by bench/train_cleaner.py --html).

A block is the text between two block-level tag boundaries (a paragraph, a list item, a heading, a cell). Each block
gets what the DOM says about it (tag, depth, link density, class/id words of its ancestors, how many blocks share
its parent and its tag path: a menu or a list of teasers is many short, link-dense blocks on one path), whether
trafilatura kept its text, and the plain-text line model's features of the same text (shape, cue families,
position, neighbours), so both inputs share one judgement (boilerpipe, dragnet and Web2Text read such features).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsprism.clean.features import STOP_WORDS, feature_names, page_features, shift, window_mean
from newsprism.clean.text import RulePass, rule_pass, split_lines

# Tags whose start or end closes a block of text.
BLOCK_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote", "pre", "div", "section", "article",
    "header", "footer", "nav", "aside", "figcaption", "figure", "dd", "dt", "dl", "tr", "table", "ul", "ol", "form",
    "main", "br", "hr", "address", "caption", "fieldset", "legend", "details", "summary", "body", "center",
    "option", "select", "button", "label"})
# Never text of the page.
SKIP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "head", "textarea", "object", "embed")
_TAG_COLUMNS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "blockquote", "div", "span", "a",
                "figcaption", "article", "section")
# Words of class and id attributes (split at non-letters) that mark the article or the chrome around it.
_POSITIVE = ("article", "content", "body", "story", "text", "post", "entry", "main", "blog", "news", "detail")
_NEGATIVE = ("nav", "menu", "footer", "header", "sidebar", "side", "comment", "share", "social", "related", "promo",
             "ad", "ads", "widget", "newsletter", "subscribe", "cookie", "caption", "byline", "author", "meta", "tag",
             "breadcrumb", "teaser", "recommend", "more", "banner", "popup", "modal", "login", "search", "footnote",
             "copyright", "credit", "date", "time")
_WORD = re.compile(r"[a-z]+")
_ANCESTORS = 6  # how many enclosing elements' class and id words a block reads


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a page's text and where it sits in the DOM."""

    text: str
    tag: str  # the nearest enclosing block-level tag
    inner: str  # the innermost element around the text's end
    depth: int
    link_chars: int
    parent: int  # the block element's parent, numbered in document order (blocks of one list share it)
    path: str  # the tags of the last eight enclosing elements
    words: frozenset[str]  # class and id words of the enclosing elements


def _norm(text: str) -> str:
    return " ".join(text.split())


def page_blocks(tree: Any) -> list[Block]:
    """The text blocks of a parsed page (an lxml tree, changed in place: scripts and styles are dropped)."""
    from lxml import etree

    etree.strip_elements(tree, *SKIP_TAGS, with_tail=False)
    out: list[Block] = []
    buf: list[str] = []
    stack: list[Any] = []
    words_at: list[frozenset[str]] = []
    link = 0
    anchors = 0

    serials: list[int] = []  # each open element's number in document order: a parent's key that never repeats
    counter = 0

    def flush() -> None:
        nonlocal link
        text = _norm("".join(buf))
        buf.clear()
        if text:
            at = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].tag in BLOCK_TAGS), -1)
            words = frozenset().union(*words_at[-_ANCESTORS:]) if words_at else frozenset()
            out.append(Block(text=text, tag=stack[at].tag if at >= 0 else "other",
                             inner=stack[-1].tag if stack else "other", depth=len(stack),
                             link_chars=min(link, len(text)), parent=serials[at - 1] if at > 0 else 0,
                             path="/".join(e.tag for e in stack[-8:]), words=words))
        link = 0

    for event, el in etree.iterwalk(tree, events=("start", "end")):
        if not isinstance(el.tag, str):  # comments and processing instructions: their tail is still text
            if event == "end" and el.tail:
                buf.append(el.tail)
                if anchors:
                    link += len(el.tail.strip())
            continue
        tag = el.tag.lower()
        if event == "start":
            if tag in BLOCK_TAGS:
                flush()
            stack.append(el)
            counter += 1
            serials.append(counter)
            attrs = " ".join(v for v in (el.get("class"), el.get("id")) if v)
            words_at.append(frozenset(_WORD.findall(attrs.lower())) if attrs else frozenset())
            anchors += tag == "a"
            if el.text:
                buf.append(el.text)
                if anchors:
                    link += len(el.text.strip())
        else:
            if tag in BLOCK_TAGS:
                flush()  # the text inside the closing element is its block's
            stack.pop()
            serials.pop()
            words_at.pop()
            anchors -= tag == "a"
            if el.tail:
                buf.append(el.tail)
                if anchors:
                    link += len(el.tail.strip())
    flush()
    return out


_DOM_NAMES: tuple[str, ...] = (
    "log_chars", "log_words", "link_density", "terminal", "punct_per_word", "digit_share", "capital_start",
    "stop_share", "depth", "rel_pos", "extracted", "colon_end", "pipe", "copyright",
    *(f"tag_{t}" for t in _TAG_COLUMNS), "tag_other", "inner_a",
    *(f"class_{w}" for w in _POSITIVE), *(f"class_not_{w}" for w in _NEGATIVE))
_CONTEXT = ("log_words", "link_density", "extracted", "log_chars", "stop_share")
_WINDOWS = (3, 10)
_GROUPS = ("parent", "path")
_GROUP_STATS = ("log_size", "extracted", "log_chars", "link_density")


def block_feature_names() -> tuple[str, ...]:
    """Every column of ``block_features``, in order: DOM features, then the line model's features of the text."""
    ctx = tuple(f"{n}@{off:+d}" for off in (-2, -1, 1, 2) for n in _CONTEXT)
    win = tuple(f"{n}~{w}" for w in _WINDOWS for n in ("extracted", "link_density"))
    grp = tuple(f"{g}_{s}" for g in _GROUPS for s in _GROUP_STATS)
    return _DOM_NAMES + ctx + win + grp + tuple(f"line:{n}" for n in feature_names())


def _negative(words: frozenset[str]) -> list[bool]:
    return [w in words for w in _NEGATIVE]


def block_features(blocks: Sequence[Block], extracted: str) -> tuple[np.ndarray, RulePass]:
    """The feature matrix of a page's blocks (``extracted``: trafilatura's text of the page, whitespace-normalised)
    and the rules' pass over the blocks read as lines (whose cue categories name what is removed)."""
    n = len(blocks)
    texts = [b.text for b in blocks]
    lines = split_lines("\n".join(texts))
    rp = rule_pass(lines, title=None, repeated=(), extracted=False)
    dom = np.zeros((n, len(_DOM_NAMES)))
    tag_at = {t: i for i, t in enumerate(_TAG_COLUMNS)}
    base = 14
    classes: dict[frozenset[str], list[bool]] = {}  # blocks of one container share their ancestors' words
    k = base + len(_TAG_COLUMNS) + 2
    for i, b in enumerate(blocks):
        t = b.text
        words = t.split()
        nw = len(words)
        stops = sum(1 for w in words if w.lower() in STOP_WORDS)
        dom[i, :14] = (np.log1p(len(t)), np.log1p(nw), b.link_chars / max(len(t), 1), t[-1:] in ".!?\"\u201d'",
                       (t.count(",") + t.count(".") + t.count(";") + t.count(":")) / max(nw, 1),
                       sum(map(str.isdigit, t)) / max(len(t), 1),
                       t[:1].isupper(), stops / max(nw, 1), b.depth / 30, i / max(n - 1, 1),
                       bool(t[:60]) and t[:60] in extracted, t.endswith(":"), "|" in t,
                       "\u00a9" in t or "copyright" in t.lower())
        dom[i, base + tag_at.get(b.tag, len(_TAG_COLUMNS))] = 1.0
        dom[i, base + len(_TAG_COLUMNS) + 1] = b.inner == "a"
        flags = classes.get(b.words)
        if flags is None:
            flags = classes[b.words] = [any(p in w for w in b.words) for p in _POSITIVE] + _negative(b.words)
        dom[i, k:] = flags
    col = {name: dom[:, j] for j, name in enumerate(_DOM_NAMES)}
    ctx = np.column_stack([col[name] for name in _CONTEXT])
    shifted = [np.column_stack([shift(ctx[:, j], off) for j in range(ctx.shape[1])]) for off in (-2, -1, 1, 2)]
    windows = [window_mean(np.column_stack([col["extracted"], col["link_density"]]), w) for w in _WINDOWS]
    groups = np.zeros((n, len(_GROUPS) * len(_GROUP_STATS)))
    for g, key in enumerate(_GROUPS):
        members: dict[object, list[int]] = {}
        for i, b in enumerate(blocks):
            members.setdefault(b.parent if key == "parent" else b.path, []).append(i)
        label = np.empty(n, dtype=np.int64)
        for m, ids in enumerate(members.values()):
            label[ids] = m
        size = np.bincount(label).astype(np.float64)
        cols = [np.log1p(size)] + [np.bincount(label, weights=col[name]) / size
                                   for name in ("extracted", "log_chars", "link_density")]
        groups[:, g * len(_GROUP_STATS):(g + 1) * len(_GROUP_STATS)] = np.column_stack(cols)[label]
    # a block that split_lines reads as two (a stray line separator) leaves the line features out for the page
    line = page_features(lines, rp) if len(lines) == n else np.zeros((n, len(feature_names())))
    return np.hstack([dom, *shifted, *windows, groups, line]), rp


def kept_blocks(model: Any, texts: Sequence[str], X: np.ndarray, rp: RulePass) -> str:
    """The blocks the model (``learned.LineModel`` of kind "blocks") keeps, one per line, in page order: the
    extraction that the news line pass then reads like any other (bylines, captions, widgets inside the body)."""
    if not texts:
        return ""
    chars = np.array([len(t) for t in texts], dtype=np.float64)
    cats = rp.cats if len(rp.cats) == len(texts) else [None] * len(texts)
    keep = model.keep(X, chars, cats)
    return "\n".join(t for t, k in zip(texts, keep, strict=True) if k)
