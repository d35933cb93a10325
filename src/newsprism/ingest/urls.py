"""Fetching over HTTP(S): a URL given as input, or a .txt/.urls file of URLs (one a line, # comments).

Timeouts, a few retries with exponential backoff on network errors, 429 and 5xx, and a polite User-Agent from
settings. Robots.txt is not consulted: the user names each URL. What came back is sniffed: feed, page or text.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

import httpx

from newsprism.ingest.base import ReadContext, decode_bytes, sniff
from newsprism.ingest.feeds import feed_documents
from newsprism.ingest.html import html_document
from newsprism.records import RawDocument

_RETRY_STATUS = {429, 500, 502, 503, 504}
MAX_BACKOFF = 8.0


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    content_type: str
    data: bytes


class Fetcher:
    """One HTTP client per batch (connection reuse); close it when the batch is done."""

    def __init__(self, ctx: ReadContext, backoff: float = 0.5) -> None:
        s = ctx.settings
        self.ctx = ctx
        self.retries = max(0, s.fetch_retries)
        self.backoff = backoff
        self.client = httpx.Client(timeout=httpx.Timeout(s.fetch_timeout), follow_redirects=True,
                                   headers={"User-Agent": s.user_agent, "Accept": "*/*"})

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> Fetched | None:
        """The body of ``url``, or None with a failure that says why."""
        limit = self.ctx.settings.max_document_bytes
        last = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(min(MAX_BACKOFF, self.backoff * 2 ** (attempt - 1)))
            try:
                with self.client.stream("GET", url) as resp:
                    if resp.status_code in _RETRY_STATUS:
                        last = f"HTTP {resp.status_code}"
                        continue
                    if resp.status_code >= 400:
                        self.ctx.fail(url, f"HTTP {resp.status_code} {resp.reason_phrase}; check the URL")
                        return None
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > limit:
                            self.ctx.fail(url, f"response larger than max_document_bytes ({limit:,} bytes); "
                                               f"skipped (raise it with --set max_document_bytes=N)")
                            return None
                        chunks.append(chunk)
                    return Fetched(str(resp.url), resp.headers.get("content-type", ""), b"".join(chunks))
            except httpx.TimeoutException:
                last = f"timed out after {self.ctx.settings.fetch_timeout:g} s"
            except httpx.TransportError as exc:
                last = f"network error ({type(exc).__name__}: {exc})"
            except httpx.InvalidURL as exc:
                self.ctx.fail(url, f"not a valid URL ({exc})")
                return None
        self.ctx.fail(url, f"{last} after {self.retries + 1} tries; check the URL or raise --set fetch_timeout / "
                           f"fetch_retries")
        return None


def fetched_documents(fetched: Fetched, source: str, ctx: ReadContext) -> Iterator[RawDocument]:
    """Whatever a URL returned, as documents: a feed's entries, a page, or plain text."""
    ctype = fetched.content_type.lower()
    kind = sniff(fetched.data)
    if not fetched.data.strip():
        ctx.fail(source, "the URL returned an empty body")
    elif kind == "feed" or any(t in ctype for t in ("rss", "atom")):
        yield from feed_documents(fetched.data, source, ctx)
    elif kind == "html" or "html" in ctype:
        charset = ctype.split("charset=", 1)[1].split(";")[0].strip() if "charset=" in ctype else None
        doc = html_document(fetched.data, source, ctx, url=fetched.url, charset=charset)
        if doc is not None:
            yield doc
    elif kind == "binary":
        ctx.fail(source, f"the URL returned binary content ({ctype or 'no content type'}), not an article")
    else:
        decoded = decode_bytes(fetched.data)
        if decoded.note:
            ctx.warn(source, decoded.note)
        yield RawDocument(source_path=source, url=fetched.url, text=decoded.text, format="text")


def url_documents(url: str, ctx: ReadContext, fetcher: Fetcher) -> Iterator[RawDocument]:
    fetched = fetcher.fetch(url)
    if fetched is not None:
        yield from fetched_documents(fetched, url, ctx)


class UrlListReader:
    """A file of URLs: each is fetched and read; a line that is not a URL is a failure with its number."""

    name = "urls"

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher

    def read(self, stream: BinaryIO, source: str, ctx: ReadContext) -> Iterator[RawDocument]:
        for lineno, raw in enumerate(stream, 1):
            line = raw.decode("utf-8", "replace").strip()
            if not line or line.startswith("#"):
                continue
            if not line.lower().startswith(("http://", "https://")):
                ctx.fail(source, f"line {lineno}: {line[:80]!r} is not an http(s) URL; skipped")
                continue
            yield from url_documents(line, ctx, self.fetcher)
