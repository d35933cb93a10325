"""WARC / WARC.gz archives (Common Crawl's CC-NEWS is the real-world case): each HTML response is a document."""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsprism.ingest.base import ReadContext, clean_str
from newsprism.ingest.html import html_document
from newsprism.records import RawDocument

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml")


class GzipEndCheck(io.RawIOBase):
    """Passes a stream through while following its gzip members, to tell a complete file from a cut one.

    warcio drops a record cut short by a truncated download without a word; this notices it.
    """

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__()
        self.stream = stream
        self.gzipped: bool | None = None
        self.member: zlib._Decompress | None = None
        self.corrupt = False

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        if self.gzipped is None and data:
            self.gzipped = data[:2] == b"\x1f\x8b"
        if self.gzipped and not self.corrupt:
            self._follow(data)
        return data

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def _follow(self, data: bytes) -> None:
        try:
            while data:
                if self.member is None:
                    self.member = zlib.decompressobj(31)
                self.member.decompress(data)
                if not self.member.eof:
                    return
                data = self.member.unused_data
                self.member = None
        except zlib.error:
            self.corrupt = True

    @property
    def truncated(self) -> bool:
        return bool(self.gzipped) and (self.corrupt or self.member is not None)


class WarcReader:
    """Streams records; non-HTML and non-2xx responses are not articles and are passed over."""

    name = "warc"

    def read(self, stream: BinaryIO, source: str, ctx: ReadContext) -> Iterator[RawDocument]:
        limit = ctx.settings.max_document_bytes
        read = 0
        checked = GzipEndCheck(stream)
        try:
            for record in ArchiveIterator(checked):  # type: ignore[arg-type]
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode() or ""
                ctype = record.http_headers.get_header("Content-Type") or ""
                if not status.startswith("2") or not ctype.lower().startswith(_HTML_TYPES):
                    continue
                url = clean_str(record.rec_headers.get_header("WARC-Target-URI"))
                label = f"{source} ({url})" if url else source
                data = record.content_stream().read(limit + 1)
                if len(data) > limit:
                    ctx.fail(label, f"response larger than max_document_bytes ({limit:,} bytes); skipped")
                    continue
                match = _CHARSET.search(ctype)
                doc = html_document(data, source, ctx, url=url, charset=match.group(1) if match else None)
                if doc is None:
                    continue
                read += 1
                yield replace(doc, source_id=clean_str(record.rec_headers.get_header("WARC-Record-ID")))
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError, KeyError) as exc:
            # warcio raises assorted errors on damaged input; each means the same to the user
            ctx.fail(source, f"WARC is truncated or corrupt after {read} documents ({type(exc).__name__}: {exc}); "
                             f"the documents before the damage were read")
            return
        if checked.truncated:
            ctx.fail(source, f"WARC.gz is truncated or corrupt: its last gzip member is cut short; {read} documents "
                             f"before the damage were read, re-download the file for the rest")
