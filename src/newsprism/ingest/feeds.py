"""RSS and Atom feeds (file or URL) through feedparser: each entry with content or a summary is a document."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, BinaryIO
from xml.sax import SAXParseException

import feedparser

from newsprism.ingest.base import ReadContext, clean_str, read_limited
from newsprism.records import RawDocument


def feed_outlet(title: str | None) -> str | None:
    """The feed title without its section: "X – Top News" -> X (canonical through the registry when known)."""
    from newsprism.clean.meta import outlet_from_feed_title
    from newsprism.outlets import OutletRegistry

    return outlet_from_feed_title(title, OutletRegistry.load()) if title else None


_MARKUP = re.compile(r"<(?:p|div|br|span|a|img|h[1-6]|ul|li|blockquote|figure|strong|em)\b", re.IGNORECASE)


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return datetime(*parsed[:6], tzinfo=UTC).isoformat()
    return clean_str(entry.get("published") or entry.get("updated"))


def _body(entry: Any) -> tuple[str, bool] | None:
    """The richest body an entry carries, and whether it holds HTML markup."""
    candidates: list[tuple[str, str]] = []
    for part in entry.get("content") or []:
        candidates.append((part.get("value") or "", part.get("type") or ""))
    summary = entry.get("summary")
    if summary:
        candidates.append((summary, (entry.get("summary_detail") or {}).get("type") or ""))
    candidates = [(v, t) for v, t in candidates if v.strip()]
    if not candidates:
        return None
    value, _kind = max(candidates, key=lambda c: len(c[0]))
    # feedparser types every RSS description text/html; markup in the value is what tells a page from plain text
    return value, bool(_MARKUP.search(value))


def feed_documents(data: bytes, source: str, ctx: ReadContext) -> Iterator[RawDocument]:
    """Documents of a feed given as bytes; a feed that is not a feed is one failure."""
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            ctx.fail(source, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')}); check the file or URL")
        else:
            ctx.fail(source, "feed has no entries: nothing to read")
        return
    damage = parsed.get("bozo_exception")
    if isinstance(damage, SAXParseException):  # broken XML the parser got past: say so, keep what it read
        ctx.warn(source, f"feed is not well-formed XML ({damage.getMessage()} at line {damage.getLineNumber()}); "
                         f"{len(entries)} entries read as far as the parser could follow, check the file")
    outlet = clean_str(feed_outlet(clean_str((parsed.get("feed") or {}).get("title"))))
    linked_only = 0
    for entry in entries:
        body = _body(entry)
        if body is None:
            linked_only += 1
            continue
        value, is_html = body
        yield RawDocument(
            source_path=source, source_id=clean_str(entry.get("id")) or clean_str(entry.get("link")),
            url=clean_str(entry.get("link")), title=clean_str(entry.get("title")), outlet=outlet,
            published=_date(entry), text=None if is_html else value, html=value if is_html else None,
            format="html" if is_html else "text")
    if linked_only:
        ctx.fail(source, f"{linked_only} of {len(entries)} feed entries carry no content or summary, only a link; "
                         f"put their links in a .urls file to fetch the pages")


class FeedReader:
    name = "feed"

    def read(self, stream: BinaryIO, source: str, ctx: ReadContext) -> Iterator[RawDocument]:
        data = read_limited(stream, source, ctx)
        if data is not None:
            yield from feed_documents(data, source, ctx)
