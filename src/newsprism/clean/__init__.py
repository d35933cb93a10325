"""Cleaning: page junk out (with a reason for every removed piece), metadata found.

Plain text goes through our line classifier (``text``); HTML through trafilatura, then the same line pass
(``html``); metadata comes from ``meta``. ``clean_corpus`` sees the whole batch, so lines that many pages of a
corpus repeat (site furniture) count as junk.

``Article.raw_text`` is the input text as read for plain text, and for HTML the text trafilatura extracted before
our pass; ``Removed.start``/``end`` are offsets into it (-1 for captions trafilatura had already dropped).
``Article.id`` is ``records.article_id_for(raw_text)`` in both cases (for HTML the extracted text, not the page:
stable for the same page read twice, and far cheaper than normalising the whole markup).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from newsprism.clean import meta as M
from newsprism.clean.pagekind import not_article
from newsprism.clean.text import JUNK, TITLE, Cleaned, LineJudge, clean_text, line_key, normalize_line, split_lines
from newsprism.limits import bounded_article
from newsprism.outlets import OutletRegistry
from newsprism.records import Article, FailurePolicy, RawDocument, Removed, article_id_for
from newsprism.settings import Settings

if TYPE_CHECKING:
    from newsprism.clean.learned import LineModel

__all__ = ["clean_corpus", "clean_document", "clean_text", "load_judge", "normalize_line", "repeated_lines"]

STAGE = "clean"

MIN_ARTICLE_CHARS = 20
"""A cleaned body shorter than this is a failure row, not an article (a headline alone is longer)."""


def load_registry(settings: Settings) -> OutletRegistry:
    return OutletRegistry.load(settings.outlets_file or None, threshold=settings.outlet_match_threshold)


def load_judge(settings: Settings) -> LineJudge | None:
    """The learned line model when ``settings.cleaner`` is "fast" (the default) or "learned", None for the rules
    alone."""
    if _cleaner_kind(settings) == "rules":
        return None
    from newsprism.clean.learned import load_line_model

    return load_line_model()


def load_block_judge(settings: Settings) -> LineModel | None:
    """The learned HTML block model: the accurate one (trafilatura's text among its features) when
    ``settings.cleaner`` is "learned", the one that reads the DOM alone when "fast"; None for the rules."""
    kind = _cleaner_kind(settings)
    if kind == "rules":
        return None
    from newsprism.clean.learned import load_block_model, load_fast_block_model

    return load_fast_block_model() if kind == "fast" else load_block_model()


def _cleaner_kind(settings: Settings) -> str:
    """``settings.cleaner``, checked: "learned", "fast" or "rules"."""
    if settings.cleaner not in ("learned", "fast", "rules"):
        raise ValueError(f"cleaner must be 'learned', 'fast' or 'rules', got {settings.cleaner!r}")
    return settings.cleaner


def _reads_html(doc: RawDocument) -> bool:
    """The document is read from its HTML (a page, or a feed item whose text is its markup)."""
    return doc.html is not None and (doc.text is None or doc.format == "html")


def _removed(cleaned: Cleaned) -> list[Removed]:
    return [Removed(text=t, category=c, start=s, end=e) for t, c, s, e in cleaned.removed]


def clean_document(doc: RawDocument, *, settings: Settings, registry: OutletRegistry | None = None,
                   repeated: Collection[str] = (), policy: FailurePolicy | None = None,
                   judge: LineJudge | Literal["settings"] | None = "settings",
                   blocks: LineModel | Literal["settings"] | None = "settings") -> Article:
    """One document cleaned: body, removed pieces with categories, title, outlet, date, authors, language; the
    body cut to ``max_article_chars`` (a warning row in ``policy``, when given, says so). ``judge``: the line
    model, ``blocks``: the HTML block model (each loaded from ``settings`` when not given: pass them to clean many
    documents)."""
    article, _ = clean_with_note(doc, settings=settings, registry=registry, repeated=repeated, judge=judge,
                                 blocks=blocks)
    return _bounded(article, doc, settings, policy)


def _bounded(article: Article, doc: RawDocument, settings: Settings, policy: FailurePolicy | None) -> Article:
    """Cut before any parse: the body of a 20 MB one-line file must not reach spaCy or the quadratic steps whole."""
    article, note = bounded_article(article, settings.max_article_chars)
    if note is not None and policy is not None:
        policy.warn(STAGE, doc, note)
    return article


def clean_with_note(doc: RawDocument, *, settings: Settings, registry: OutletRegistry | None = None,
                    repeated: Collection[str] = (), judge: LineJudge | Literal["settings"] | None = "settings",
                    blocks: LineModel | Literal["settings"] | None = "settings") -> tuple[Article, str | None]:
    """Like ``clean_document``, plus a note when the document was read in a degraded way or has no body."""
    registry = registry or load_registry(settings)
    if _reads_html(doc):
        return _clean_html(doc, registry=registry, repeated=repeated,
                           blocks=load_block_judge(settings) if blocks == "settings" else blocks)
    raw = doc.text or ""
    if not raw or raw.isspace():  # not raw.strip(): that copies the whole text
        raise ValueError("document is empty: no text to clean")
    if judge == "settings":
        judge = load_judge(settings)
    cleaned = clean_text(raw, title=doc.title, repeated=repeated, judge=judge)
    lines = [ln.text for ln, v in zip(cleaned.lines, cleaned.verdicts, strict=True) if v.kind not in (JUNK, TITLE)]
    junk = [(t, c) for t, c, _, _ in cleaned.removed]
    head = [ln.text for ln in cleaned.lines[:8]]
    outlet = doc.outlet and registry.canonical_or_self(doc.outlet)
    outlet = outlet or M.find_outlet(meta_name=None, url=doc.url, lines=lines, junk=junk, registry=registry)
    published = doc.published or M.date_in_lines([t for t, c in junk if c == "byline"] + head)
    authors = M.authors_from([t for t, c in junk if c == "byline"])
    article = Article(
        id=article_id_for(raw), source_path=doc.source_path, source_id=doc.source_id, url=doc.url,
        format=doc.format, raw_text=raw, text=cleaned.text, title=doc.title or cleaned.title, outlet=outlet,
        published=published, language=M.detect_language(cleaned.text), authors=M.without_wires(authors),
        wire=M.wire_source(lines, authors), removed=tuple(_removed(cleaned)))
    return article, None if cleaned.text else "no article body found: every line was classified as page junk"


def _clean_html(doc: RawDocument, *, registry: OutletRegistry, repeated: Collection[str],
                blocks: LineModel | None = None) -> tuple[Article, str | None]:
    from newsprism.clean.html import extract_html

    html = doc.html or ""
    if not html or html.isspace():  # not html.strip(): that copies the whole page
        raise ValueError("page is empty: no HTML to clean")
    ex = extract_html(html, url=doc.url, blocks=blocks)
    cleaned = clean_text(ex.text, title=doc.title or ex.title, repeated=repeated, extracted=ex.note is None)
    removed = _removed(cleaned)
    keys = {line_key(t) for t, _, _, _ in cleaned.removed} if ex.captions else set()
    caption_keys = {line_key(t): kind for t, kind in ex.captions}
    kept_lines: list[str] = []
    for ln, v in zip(cleaned.lines, cleaned.verdicts, strict=True):
        kind = caption_keys.get(line_key(ln.text)) if caption_keys and v.kind != JUNK else None
        if kind and len(ln.text.split()) <= 60:
            removed.append(Removed(text=ln.text, category=kind, start=ln.start, end=ln.end))
            keys.add(line_key(ln.text))
        elif v.kind != JUNK and v.kind != TITLE:
            kept_lines.append(ln.text)
    for text, kind in ex.captions:
        if line_key(text) not in keys:
            removed.append(Removed(text=text, category=kind))
            keys.add(line_key(text))
    text = _join(cleaned, {r.start for r in removed if r.start >= 0})
    junk = [(r.text, r.category) for r in removed]
    outlet = doc.outlet and registry.canonical_or_self(doc.outlet)
    outlet = outlet or M.find_outlet(meta_name=ex.site_name, url=doc.url, lines=kept_lines, junk=junk,
                                     registry=registry)
    authors = M.split_authors(ex.authors) or M.authors_from([t for t, c in junk if c == "byline"])
    article = Article(
        id=_html_id(ex.text, html), source_path=doc.source_path, source_id=doc.source_id, url=doc.url,
        format=doc.format, raw_text=ex.text, text=text, title=doc.title or ex.title or cleaned.title,
        outlet=outlet, published=doc.published or ex.published, language=_language(ex.language, text),
        authors=M.without_wires(authors), wire=M.wire_source(kept_lines, authors),
        removed=tuple(sorted(removed, key=lambda r: (r.start < 0, r.start))))
    note = ex.note
    if not text and note is None:
        note = "no article body found on the page" + (" (extraction returned nothing)" if not ex.text else "")
    return article, note


def _html_id(extracted: str, html: str) -> str:
    """The id of an HTML article: ``article_id_for`` over the text extracted from the page (its ``raw_text``), as
    for plain text, so the same page read twice gets the same id and two pages that carry the same article text
    are one article. Normalising the extraction, not the whole page, is what keeps this cheap; a page with nothing
    extracted falls back to its markup."""
    return article_id_for(extracted if extracted and not extracted.isspace() else html)


def _language(declared: str | None, text: str) -> str | None:
    """The page's own lang attribute when it names a language, else py3langid on the text."""
    if declared and len(declared) == 2 and declared.isalpha():
        return declared
    return M.detect_language(text)


def _join(cleaned: Cleaned, removed_starts: set[int]) -> str:
    """Kept lines of a cleaned text, joined as ``clean_text`` joins them, minus lines removed afterwards."""
    parts: list[str] = []
    last_block = -1
    for ln, v in zip(cleaned.lines, cleaned.verdicts, strict=True):
        if v.kind in (JUNK, TITLE) or ln.start in removed_starts:
            continue
        if parts:
            parts.append("\n\n" if ln.block != last_block else "\n")
        parts.append(ln.text)
        last_block = ln.block
    return "".join(parts)


def _group(doc: RawDocument) -> str:
    if doc.outlet:
        return doc.outlet.lower()
    if doc.url:
        return (urlsplit(doc.url if "//" in doc.url else f"//{doc.url}").hostname or "").removeprefix("www.")
    return ""


def repeated_lines(docs: Sequence[RawDocument], *, min_docs: int = 3, share: float = 0.3) -> frozenset[str]:
    """Keys of short lines that many different articles repeat: in ``min_docs`` or more documents (different
    stories, not syndicated copies) and, where the outlet or site is known, in at least ``share`` of its documents."""
    seen: dict[str, set[str]] = defaultdict(set)  # key -> fingerprints of the articles that carry it
    per_group: dict[str, Counter[str]] = defaultdict(Counter)
    group_size: Counter[str] = Counter()
    for doc in docs:
        if doc.text is None:
            continue
        lines = split_lines(doc.text)
        if not lines:
            continue
        fingerprint = line_key(max(lines, key=lambda ln: len(ln.text)).text)
        group = _group(doc)
        group_size[group] += 1
        keys = {line_key(ln.text) for ln in lines if len(ln.text.split()) <= 30}
        for key in keys:
            if key:
                seen[key].add(fingerprint)
                per_group[group][key] += 1
    out: set[str] = set()
    for group, counts in per_group.items():
        size = group_size[group]
        for key, n in counts.items():
            if n >= min_docs and len(seen[key]) >= min_docs and (not group or n >= share * size):
                out.add(key)
    return frozenset(out)


def clean_corpus(docs: Sequence[RawDocument], *, settings: Settings, policy: FailurePolicy,
                 progress: Callable[[str, int, int], None],
                 judge: LineJudge | Literal["settings"] | None = "settings") -> list[Article]:
    """Clean every document; lines repeated across many of the corpus's pages count as boilerplate. ``judge``:
    the line model, loaded here from ``settings`` unless the caller holds one (a run of many batches)."""
    registry = load_registry(settings)
    if judge == "settings":
        judge = load_judge(settings) if any(d.html is None or d.format != "html" for d in docs) else None
    blocks = load_block_judge(settings) if any(_reads_html(d) for d in docs) else None
    repeated = repeated_lines(docs)
    out: list[Article] = []

    def one(doc: RawDocument) -> Article | None:
        article, note = clean_with_note(doc, settings=settings, registry=registry, repeated=repeated, judge=judge,
                                        blocks=blocks)
        if not article.text.strip() and note:  # no body: the row is an error, so the article is not kept either
            policy.fail(STAGE, doc, note)
            return None
        if len(article.text) < MIN_ARTICLE_CHARS:  # a ragged CSV row, a stray caption: not an article
            where = f" (record {doc.source_id})" if doc.source_id else ""
            also = f" ({note})" if note else ""
            policy.fail(STAGE, doc, f"too short to be an article: {len(article.text)} characters after cleaning "
                                    f"(fewer than {MIN_ARTICLE_CHARS}){where}; skipped{also}")
            return None
        kind = not_article(article.text, head=[r.text for r in article.removed[:12]])
        if kind:  # an index, tag or list page: a failure row with the reason, never a story member
            policy.fail(STAGE, doc, kind)
            return None
        if note:  # read in a degraded way, kept: a warning, as for every item kept but changed
            policy.warn(STAGE, doc, note)
        return _bounded(article, doc, settings, policy)

    step = max(1, len(docs) // 100)
    for i in range(0, len(docs), step):
        out.extend(a for a in policy.map(STAGE, docs[i:i + step], one, lambda d: d.source_path) if a is not None)
        progress(STAGE, min(i + step, len(docs)), len(docs))
    if not docs:
        progress(STAGE, 0, 0)
    return out
