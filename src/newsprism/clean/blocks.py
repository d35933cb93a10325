"""HTML pages as text blocks with DOM features, for the learned page-junk model on HTML (``LineModel`` of kind
"blocks", trained by bench/train_cleaner.py --html).

A block is the text between two block-level tag boundaries (a paragraph, a list item, a heading, a cell). Each block
gets what the DOM says about it (tag, depth, link density, class/id words of its ancestors and whether any element
above it names an article body or page chrome, how many blocks share its parent and its tag path: a menu or a list
of teasers is many short, link-dense blocks on one path), where the page's prose sits (readability's idea: the
share of the page's paragraphs under each ancestor, the best-scoring container) and the shape of its text
(boilerpipe, dragnet and Web2Text read such features). Two models read them: the accurate one (``cleaner =
"learned"``) also reads whether trafilatura kept the block and the plain-text line model's features of its text;
the fast one (``cleaner = "fast"``) reads the page once, with no other extractor before it. The news line pass then
reads the kept blocks like any extraction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsprism.clean.features import shift, window_mean
from newsprism.clean.patterns import STOP_WORDS

# Tags whose start or end closes a block of text.
BLOCK_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote", "pre", "div", "section", "article",
    "header", "footer", "nav", "aside", "figcaption", "figure", "dd", "dt", "dl", "tr", "table", "ul", "ol", "form",
    "main", "br", "hr", "address", "caption", "fieldset", "legend", "details", "summary", "body", "center",
    "option", "select", "button", "label"})
# Never text of the page. Ruby annotations (``rt``, ``rp``: the reading of Japanese or Chinese characters, set above
# them) and MathML's annotations (the formula again as TeX) are not read as part of the sentence they sit in.
SKIP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "head", "textarea", "object", "embed",
             "rt", "rp", "annotation", "annotation-xml")
_TAG_COLUMNS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "blockquote", "div", "span", "a",
                "figcaption", "article", "section")
# Words of class and id attributes (split at non-letters) that mark the article or the chrome around it.
_POSITIVE = ("article", "content", "body", "story", "text", "post", "entry", "main", "blog", "news", "detail")
_NEGATIVE = ("nav", "menu", "footer", "header", "sidebar", "side", "comment", "share", "social", "related", "promo",
             "ad", "ads", "widget", "newsletter", "subscribe", "cookie", "caption", "byline", "author", "meta", "tag",
             "breadcrumb", "teaser", "recommend", "more", "banner", "popup", "modal", "login", "search", "footnote",
             "copyright", "credit", "date", "time")
_WORD = re.compile(r"[a-z]+")
# Class and id values (any depth above a block) that name the article's container or the chrome around it, read as
# substrings: sites glue words together ("articleBody", "post-content-wrap", "relatedStories").
_BODY_RX = re.compile(r"article[-_]?(?:body|content|text|main)|(?:entry|post|story|page|blog|single|main|news)"
                      r"[-_]?(?:body|content|text|entry|copy)|body[-_]?(?:text|copy)|content[-_]?(?:main|body)|"
                      r"field[-_]body|storybody|articlebody")
_CHROME_RX = re.compile(r"nav|menu|footer|sidebar|share|social|related|recommend|comment|newsletter|subscri|cookie|"
                        r"consent|banner|breadcrumb|promo|advert|widget|popular|trending|taboola|outbrain|sponsor|"
                        r"signup|login|modal|popup|teaser|more[-_]?(?:stories|news|from)|read[-_]?more|tag[-_]?(?:list|s\b)")
_MAIN_TAGS = frozenset({"article", "main"})
_CHROME_TAGS = frozenset({"nav", "footer", "aside", "header", "form", "menu"})
_ANCESTORS = 6  # how many enclosing elements' class and id words a block reads
_LEVELS = 4  # how many elements above a block's own the prose shares are read for


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
    ancestors: tuple[int, ...] = ()  # the block element and the elements above it, numbered, innermost first
    regions: tuple[bool, bool, bool, bool] = (False, False, False, False)  # inside: body class, chrome class,
    # article/main tag, chrome tag (any depth)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _expand_templates(tree: Any) -> None:
    """A post kept as markup inside ``<script type="text/template">`` (Blogger's pages) is the page's text: the
    script becomes the elements it holds."""
    from lxml import html as lhtml

    for script in list(tree.iter("script")):
        kind = (script.get("type") or "").lower()
        body = script.text or ""
        if "template" not in kind or "<p" not in body or script.getparent() is None:
            continue
        try:
            holder = lhtml.fragment_fromstring(body, create_parent="div")
        except (ValueError, TypeError):  # lxml's ParserError is a ValueError
            continue
        holder.tail = script.tail
        script.getparent().replace(script, holder)


def page_blocks(tree: Any) -> list[Block]:
    """The text blocks of a parsed page (an lxml tree, changed in place: scripts and styles are dropped)."""
    from lxml import etree

    _expand_templates(tree)
    etree.strip_elements(tree, *SKIP_TAGS, with_tail=False)
    out: list[Block] = []
    buf: list[str] = []
    stack: list[Any] = []
    words_at: list[frozenset[str]] = []
    link = 0
    anchors = 0

    regions = [0, 0, 0, 0]  # open elements of each kind (see Block.regions)
    marks: list[tuple[bool, bool, bool, bool]] = []
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
                             ancestors=tuple(serials[max(at - _LEVELS, 0):at + 1][::-1]) if at >= 0 else (),
                             path="/".join(e.tag for e in stack[-8:]), words=words,
                             regions=(regions[0] > 0, regions[1] > 0, regions[2] > 0, regions[3] > 0)))
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
            low = attrs.lower()
            words_at.append(frozenset(_WORD.findall(low)) if attrs else frozenset())
            mark = (bool(attrs) and (_BODY_RX.search(low) is not None or el.get("itemprop") == "articleBody"),
                    bool(attrs) and _CHROME_RX.search(low) is not None, tag in _MAIN_TAGS, tag in _CHROME_TAGS)
            marks.append(mark)
            for j in range(4):
                regions[j] += mark[j]
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
            for j, flag in enumerate(marks.pop()):
                regions[j] -= flag
            anchors -= tag == "a"
            if el.tail:
                buf.append(el.tail)
                if anchors:
                    link += len(el.tail.strip())
    flush()
    return out


_DOM_NAMES: tuple[str, ...] = (
    "log_chars", "log_words", "link_density", "terminal", "punct_per_word", "digit_share", "capital_start",
    "stop_share", "depth", "rel_pos", "colon_end", "pipe", "copyright",
    *(f"tag_{t}" for t in _TAG_COLUMNS), "tag_other", "inner_a",
    *(f"class_{w}" for w in _POSITIVE), *(f"class_not_{w}" for w in _NEGATIVE),
    "in_body_class", "in_chrome_class", "in_main_tag", "in_chrome_tag",
    *(f"prose_share_{k}" for k in range(1, _LEVELS + 1)), "in_best", "best_share")
_CONTEXT = ("log_words", "link_density", "log_chars", "stop_share", "in_body_class", "in_chrome_class")
_WINDOWS = (3, 10)
_GROUPS = ("parent", "path")
_GROUP_STATS = ("log_size", "log_chars", "link_density")


def block_feature_names(extractor: bool = False) -> tuple[str, ...]:
    """The columns of ``block_features``, in order: without ``extractor`` the fast model's (DOM features, their
    neighbours, windows and groups); with it the accurate model's (its DOM features, whether trafilatura kept the
    block, and the same context)."""
    return _ACCURATE_NAMES if extractor else _all_names(())


def _all_names(more: tuple[str, ...]) -> tuple[str, ...]:
    ctx = tuple(f"{n}@{off:+d}" for off in (-2, -1, 1, 2) for n in _CONTEXT + more)
    win = tuple(f"{n}~{w}" for w in _WINDOWS for n in ("link_density", *more))
    grp = tuple(f"{g}_{s}" for g in _GROUPS for s in _GROUP_STATS + more)
    return _DOM_NAMES + more + ctx + win + grp


# The accurate model's columns (trained before the any-depth regions and prose shares existed, which did not raise
# its cross-validated F1): a subset of ``_all_names(("extracted",))``, in its own order. The plain-text line model's
# features of each block were among them until they were measured without: the same held-out F1 (0.9518 with,
# 0.9527 without, mean of three fold shuffles) for a rule pass over every block of the page.
_ACCURATE_NAMES: tuple[str, ...] = (
    *_DOM_NAMES[:10], "extracted", *_DOM_NAMES[10:13], *(f"tag_{t}" for t in _TAG_COLUMNS), "tag_other", "inner_a",
    *(f"class_{w}" for w in _POSITIVE), *(f"class_not_{w}" for w in _NEGATIVE),
    *(f"{n}@{off:+d}" for off in (-2, -1, 1, 2)
      for n in ("log_words", "link_density", "extracted", "log_chars", "stop_share")),
    *(f"{n}~{w}" for w in _WINDOWS for n in ("extracted", "link_density")),
    *(f"{g}_{s}" for g in _GROUPS for s in ("log_size", "extracted", "log_chars", "link_density")))
# where each of them sits among the columns block_features computes with trafilatura's text
_ACCURATE_COLUMNS: tuple[int, ...] = tuple(_all_names(("extracted",)).index(name) for name in _ACCURATE_NAMES)


def _negative(words: frozenset[str]) -> list[bool]:
    return [w in words for w in _NEGATIVE]


def block_features(blocks: Sequence[Block], extracted: str | None = None,
                   labels: np.ndarray | None = None) -> np.ndarray:
    """The feature matrix of a page's blocks: what the DOM and each block's text say; with ``extracted``
    (trafilatura's text of the page, whitespace-normalised) also whether trafilatura kept each block (the accurate
    model: 0.007 more held-out F1 for a second extractor's pass over the page).
    ``labels``: the blocks' ``group_labels``, where the caller has them already."""
    n = len(blocks)
    dom = np.zeros((n, len(_DOM_NAMES)))
    tag_at = {t: i for i, t in enumerate(_TAG_COLUMNS)}
    base = 13
    classes: dict[frozenset[str], list[bool]] = {}  # blocks of one container share their ancestors' words
    k = base + len(_TAG_COLUMNS) + 2
    for i, b in enumerate(blocks):
        t = b.text
        words = t.split()
        nw = len(words)
        stops = sum(1 for w in words if w.lower() in STOP_WORDS)
        dom[i, :base] = (np.log1p(len(t)), np.log1p(nw), b.link_chars / max(len(t), 1), t[-1:] in ".!?\"\u201d'",
                         (t.count(",") + t.count(".") + t.count(";") + t.count(":")) / max(nw, 1),
                         sum(map(str.isdigit, t)) / max(len(t), 1),
                         t[:1].isupper(), stops / max(nw, 1), b.depth / 30, i / max(n - 1, 1),
                         t.endswith(":"), "|" in t,
                         "\u00a9" in t or "copyright" in t.lower())
        dom[i, base + tag_at.get(b.tag, len(_TAG_COLUMNS))] = 1.0
        dom[i, base + len(_TAG_COLUMNS) + 1] = b.inner == "a"
        flags = classes.get(b.words)
        if flags is None:
            flags = classes[b.words] = [any(p in w for w in b.words) for p in _POSITIVE] + _negative(b.words)
        dom[i, k:k + len(flags)] = flags
        dom[i, k + len(flags):k + len(flags) + 4] = b.regions
    dom[:, -(_LEVELS + 2):] = _prose_columns(blocks)
    col = {name: dom[:, j] for j, name in enumerate(_DOM_NAMES)}
    more: tuple[str, ...] = ()
    if extracted is not None:
        more = ("extracted",)
        col["extracted"] = extracted_flags([b.text for b in blocks], extracted).astype(float)
        dom = np.column_stack([dom, col["extracted"]])
    ctx = np.column_stack([col[name] for name in _CONTEXT + more])
    shifted = [np.column_stack([shift(ctx[:, j], off) for j in range(ctx.shape[1])]) for off in (-2, -1, 1, 2)]
    windows = [window_mean(np.column_stack([col[name] for name in ("link_density", *more)]), w) for w in _WINDOWS]
    stats = _GROUP_STATS + more
    groups = np.zeros((n, len(_GROUPS) * len(stats)))
    labels = group_labels(blocks) if labels is None else labels
    for g in range(len(_GROUPS)):
        label = labels[:, g]
        size = np.bincount(label).astype(np.float64)
        cols = [np.log1p(size)] + [np.bincount(label, weights=col[name]) / size for name in stats[1:]]
        groups[:, g * len(stats):(g + 1) * len(stats)] = np.column_stack(cols)[label]
    parts = [dom, *shifted, *windows, groups]
    if extracted is None:
        return np.hstack(parts)
    return np.hstack(parts)[:, _ACCURATE_COLUMNS]


def extracted_flags(texts: Sequence[str], extracted: str) -> np.ndarray:
    """Whether another extractor kept each block: its first 60 characters are in that extractor's text
    (whitespace-normalised). The accurate model reads it as a feature; the fast one learned it as a weak label."""
    return np.array([bool(t[:60]) and t[:60] in extracted for t in texts], dtype=np.int8)


def group_labels(blocks: Sequence[Block]) -> np.ndarray:
    """One column per grouping of ``_GROUPS`` (the block element's parent, the tag path): the number of the group
    each block belongs to, counted from 0 in order of first appearance."""
    out = np.zeros((len(blocks), len(_GROUPS)), dtype=np.int64)
    for g, key in enumerate(_GROUPS):
        seen: dict[object, int] = {}
        out[:, g] = [seen.setdefault(b.parent if key == "parent" else b.path, len(seen)) for b in blocks]
    return out


def _prose_columns(blocks: Sequence[Block]) -> np.ndarray:
    """Where the page's prose sits (readability's idea): the share of its prose under each of a block's
    ancestors, and whether the block is under the element whose paragraphs score best (commas, length; a
    grandparent gets half)."""
    n = len(blocks)
    out = np.zeros((n, _LEVELS + 2))
    under: dict[int, float] = {}
    score: dict[int, float] = {}
    total = 0.0
    for b in blocks:
        t = b.text
        if len(t) < 25 or b.link_chars > 0.3 * len(t) or not b.ancestors:
            continue
        chars = len(t) - b.link_chars
        total += chars
        for a in b.ancestors[1:]:
            under[a] = under.get(a, 0.0) + chars
        s = 1.0 + t.count(",") + min(len(t) / 100, 3.0)
        for a, w in zip(b.ancestors[1:3], (1.0, 0.5), strict=False):
            score[a] = score.get(a, 0.0) + s * w
    if not total:
        return out
    best = max(score, key=lambda a: score[a]) if score else -1
    for i, b in enumerate(blocks):
        for k, a in enumerate(b.ancestors[1:_LEVELS + 1]):
            out[i, k] = under.get(a, 0.0) / total
        out[i, _LEVELS] = best in b.ancestors
        out[i, _LEVELS + 1] = under.get(best, 0.0) / total
    return out


def kept_blocks(model: Any, texts: Sequence[str], X: np.ndarray, groups: np.ndarray | None = None) -> str:
    """The blocks the model (``learned.LineModel`` of kind "blocks") keeps, one per line, in page order: the
    extraction that the news line pass then reads like any other (bylines, captions, widgets inside the body).
    ``groups``: ``group_labels`` of the blocks, for a model that reads them."""
    if not texts:
        return ""
    chars = np.array([len(t) for t in texts], dtype=np.float64)
    keep = model.keep(X, chars, [None] * len(texts), groups)
    return "\n".join(t for t, k in zip(texts, keep, strict=True) if k)
