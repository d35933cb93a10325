"""HTML pages: the learned block model of ``blocks`` decides what the article is (the accurate model with
trafilatura's text among its features, the fast one from the DOM alone; trafilatura's text where the rules cleaner
is chosen or the model keeps nothing), then our news-specific line pass removes the junk left in it.

The page is parsed once (lxml); title, site name, authors and figure captions are read from that tree, the main
text is extracted from it, and htmldate dates it. What the extraction returns (before our pass) becomes
``Article.raw_text``,
so every ``Removed`` offset points into the text a reader can see; captions trafilatura already dropped are
recorded too, with offsets -1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.clean.text import line_key, normalize_line

if TYPE_CHECKING:
    from newsprism.clean.learned import LineModel

MAX_EXTRACT_CHARS = 8_000_000
"""Pages bigger than this after scripts, styles and inline data are dropped are not worth a parse: a Failure."""

_HEAVY = re.compile(r"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<svg\b.*?</svg\s*>|"
                    r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=\s]{200,}", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]{0,2000}>")
_BLOCK_TAGS = re.compile(r"<(?:/?(?:p|div|li|h[1-6]|tr|br|section|article|header|footer|blockquote|figcaption|"
                         r"dd|dt|table|ul|ol))\b[^>]{0,2000}>", re.IGNORECASE)
_CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:caption|figcaption|credit|credits|photo-credit|image-credit)(?:$|[\s_-])")
_FIGCAPTION = re.compile("figcaption", re.IGNORECASE)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TITLE_SPLIT = re.compile(r"\s+(?:[|–—·•:]|-{1,2})\s+")


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    text: str
    title: str | None = None
    site_name: str | None = None
    authors: str | None = None
    published: str | None = None
    language: str | None = None
    captions: tuple[tuple[str, str], ...] = ()  # (text, "caption" | "credit")
    note: str | None = None  # why the page was read in a degraded way, when it was


def _metas(tree: object) -> dict[str, str]:
    """Every <meta property|name|itemprop=... content=...> of the page, in one pass (first value wins)."""
    found: dict[str, str] = {}
    for node in tree.iter("meta"):  # type: ignore[attr-defined]
        key = node.get("property") or node.get("name") or node.get("itemprop")
        value = node.get("content")
        if key and value and key.lower() not in found:
            value = normalize_line(value)
            if value:
                found[key.lower()] = value
    return found


def _meta(metas: dict[str, str], *names: str) -> str | None:
    return next((metas[n.lower()] for n in names if n.lower() in metas), None)


def _title(tree: object, metas: dict[str, str], site_name: str | None) -> str | None:
    """og:title, else <title>, else the first h1; a trailing " | Site Name" is cut."""
    title = _meta(metas, "og:title", "twitter:title")
    if not title:
        for xp in ("//title//text()", "//h1//text()"):
            parts = tree.xpath(xp)  # type: ignore[attr-defined]
            title = normalize_line(" ".join(str(p) for p in parts[:20]))
            if title:
                break
    if not title:
        return None
    pieces = _TITLE_SPLIT.split(title)
    if len(pieces) > 1:
        site = line_key(site_name or "")
        last = line_key(pieces[-1])
        if (site and (last in site or site in last)) or len(pieces[-1].split()) <= 3 < len(pieces[0].split()):
            title = _TITLE_SPLIT.split(title, maxsplit=len(pieces) - 2)[0] if len(pieces) > 2 else pieces[0]
    return title[:300] or None


def _captions(tree: object) -> tuple[tuple[str, str], ...]:
    from newsprism.clean.patterns import STRONG

    credit_rx = [rx for c, rx in STRONG if c == "credit"]
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    nodes = tree.xpath("//figcaption | //*[contains(@class, 'caption') or contains(@class, 'credit')]"  # type: ignore[attr-defined]
                       "[not(ancestor::figcaption)][not(.//p)]")
    for node in nodes[:100]:
        cls = (node.get("class") or "").lower()
        if node.tag != "figcaption" and not _CAPTION_CLASS.search(cls):
            continue
        for raw in node.xpath(".//text()"):
            text = normalize_line(str(raw))
            if len(text) < 3 or text in seen or len(text.split()) > 40:
                continue
            seen.add(text)
            kind = "credit" if "credit" in cls or any(rx.search(text) for rx in credit_rx) else "caption"
            out.append((text, kind))
    return tuple(out)


def _declared_date(metas: dict[str, str]) -> str | None:
    """The publication date a page declares in its meta tags (ISO), the cheap case before htmldate's search."""
    value = _meta(metas, "article:published_time", "og:published_time", "datePublished", "date", "pubdate",
                  "publish-date", "dc.date", "DC.date.issued", "sailthru.date", "parsely-pub-date")
    m = _ISO_DATE.match(value or "")
    if not m:
        return None
    year = int(m.group(1))
    return m.group(0) if 1990 <= year <= 2100 and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31 else None


def _fallback_text(html: str) -> str:
    """Text of a page that lxml or trafilatura could not handle: block tags to line breaks, the rest dropped."""
    import html as htmllib

    text = _BLOCK_TAGS.sub("\n", _HEAVY.sub(" ", html))
    return htmllib.unescape(_TAGS.sub(" ", text))


def trafilatura_text(tree: object, url: str | None) -> str:
    """trafilatura's main text of a parsed page, read with the options newsprism reads every page with."""
    import trafilatura

    return trafilatura.extract(tree, url=url, include_comments=False, include_tables=True, include_images=False,
                               deduplicate=False) or ""


def _blocks_text(tree: object, model: LineModel, extracted: str | None) -> tuple[str, str | None]:
    """The blocks the model keeps (``extracted``: trafilatura's text, for the model that reads it), and a note
    where the model could not read the page."""
    from newsprism.clean.blocks import block_features, group_labels, kept_blocks, page_blocks

    try:
        found = page_blocks(tree)  # it drops the page's scripts in place: after htmldate and trafilatura
        if not found:
            return "", None
        groups = group_labels(found)  # read by the features and, in a grouped model, by its second stage
        return kept_blocks(model, [b.text for b in found], block_features(found, extracted, groups),
                           groups if model.grouped else None), None
    except (ValueError, RecursionError, MemoryError, TypeError) as exc:
        return "", f"the block model could not read the page ({type(exc).__name__}); trafilatura's text kept"


def extract_html(html: str, *, url: str | None = None, blocks: LineModel | None = None) -> HtmlExtract:
    """Main text and metadata of one page. Raises ValueError for a page too big to parse. ``blocks``: the learned
    block model (a ``LineModel`` of kind "blocks", which reads trafilatura's text as one of its features, or
    "blocks-dom", which reads the DOM alone and runs no other extractor); without it, or where it keeps nothing,
    trafilatura's text is the body."""
    if len(html) > MAX_EXTRACT_CHARS:
        html = _HEAVY.sub(" ", html)
        if len(html) > MAX_EXTRACT_CHARS:
            raise ValueError(f"page has {len(html):,} characters of markup after scripts and inline data are "
                             f"dropped, over the {MAX_EXTRACT_CHARS:,} extraction limit; split or trim the page")
    import htmldate
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
    except (ValueError, RecursionError, MemoryError) as exc:
        return HtmlExtract(_fallback_text(html), note=f"HTML could not be parsed ({type(exc).__name__}); "
                                                      f"its text was read without markup")
    if tree is None:
        return HtmlExtract(_fallback_text(html), note="HTML could not be parsed; its text was read without markup")
    metas = _metas(tree)
    site_name = _meta(metas, "og:site_name", "application-name", "publisher")
    title = _title(tree, metas, site_name)
    authors = _meta(metas, "author", "article:author", "byl", "parsely-author", "sailthru.author")
    language = (tree.get("lang") or "").split("-")[0].lower() or None
    # the caption search walks the whole tree: skipped on a page whose markup never spells a caption or credit
    may_caption = "caption" in html or "credit" in html or _FIGCAPTION.search(html) is not None
    captions = _captions(tree) if may_caption else ()
    published = _declared_date(metas)
    if published is None:
        try:
            published = htmldate.find_date(tree, extensive_search=False, original_date=True,
                                           outputformat="%Y-%m-%d")
        except (ValueError, RecursionError, TypeError):
            published = None
    text, note = "", None
    if blocks is not None and blocks.kind == "blocks-dom":  # the DOM alone: trafilatura only where it keeps nothing
        text, note = _blocks_text(tree, blocks, None)
        if text:
            return HtmlExtract(text, title, site_name, authors, published, language, captions, None)
        tree = load_html(html)  # the walk changed the tree
        if tree is None:
            return HtmlExtract(_fallback_text(html), title, site_name, authors, published, language, captions, note)
    try:
        text = trafilatura_text(tree, url)
    except (ValueError, RecursionError, MemoryError, TypeError, AttributeError) as exc:
        return HtmlExtract(_fallback_text(html), title, site_name, authors, published, language, captions,
                           f"main-text extraction failed ({type(exc).__name__}); page text read whole")
    if blocks is not None and blocks.kind == "blocks":
        kept, note = _blocks_text(tree, blocks, " ".join(text.split()))
        text = kept or text
    return HtmlExtract(text, title, site_name, authors, published, language, captions, note)
