"""WARC / WARC.gz archives (Common Crawl's CC-NEWS is the real-world case): each HTML response is a document."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsprism.ingest.base import ReadContext, clean_str
from newsprism.ingest.html import html_document
from newsprism.records import RawDocument

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml")


class WarcReader:
    """Streams records; non-HTML and non-2xx responses are not articles and are passed over."""

    name = "warc"

    def read(self, stream: BinaryIO, source: str, ctx: ReadContext) -> Iterator[RawDocument]:
        limit = ctx.settings.max_document_bytes
        read = 0
        try:
            for record in ArchiveIterator(stream):
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
                yield RawDocument(source_path=source, source_id=clean_str(record.rec_headers.get_header(
                    "WARC-Record-ID")), url=url, html=doc.html, format="html")
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
            ctx.fail(source, f"WARC is truncated or corrupt after {read} documents ({type(exc).__name__}: {exc}); "
                             f"the documents before the damage were read")
