"""HTML pages (.html/.htm): the page as found; its charset from the meta tag, else detected."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from newsprism.ingest.base import ReadContext, declared_charset, decode_bytes, read_limited
from newsprism.records import RawDocument


def html_document(data: bytes, source: str, ctx: ReadContext, *, url: str | None = None,
                  charset: str | None = None) -> RawDocument | None:
    """One HTML page from bytes; ``charset`` (an HTTP header's) wins over the page's own meta tag."""
    decoded = decode_bytes(data, declared=charset or declared_charset(data))
    if decoded.note:
        ctx.fail(source, decoded.note)
    if not decoded.text.strip():
        ctx.fail(source, "page is blank: nothing to read")
        return None
    return RawDocument(source_path=source, url=url, html=decoded.text, format="html")


class HtmlReader:
    name = "html"

    def read(self, stream: BinaryIO, source: str, ctx: ReadContext) -> Iterator[RawDocument]:
        data = read_limited(stream, source, ctx)
        if data is None:
            return
        doc = html_document(data, source, ctx)
        if doc is not None:
            yield doc
