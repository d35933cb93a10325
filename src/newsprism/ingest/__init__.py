"""Ingest: every input format to ``RawDocument``s, streamed, with bad input reported and never fatal.

    failures: list[Failure] = []
    for doc in read_inputs(["corpus/", "feed.xml", "-"], settings=Settings(), failures=failures): ...

Formats (by suffix, sniffed when the suffix says nothing): folders (recursive), .txt/.md text, .html/.htm pages,
.jsonl/.json/.csv records, .xml/.rss/.atom feeds, .warc/.warc.gz archives, .urls (or a .txt of URLs) fetched over
HTTP, gzip of any of these, http(s) URLs (feed or page), and ``-`` for JSONL on stdin.
"""

from __future__ import annotations

import gzip
import io
import logging
import stat
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from newsprism.ingest.base import ReadContext, Reader, binary_kind, checked_published, read_limited, sniff
from newsprism.ingest.feeds import FeedReader
from newsprism.ingest.files import TextReader, walk_folder
from newsprism.ingest.html import HtmlReader
from newsprism.ingest.jsonl import CsvReader, JsonlReader, JsonReader
from newsprism.ingest.urls import Fetcher, UrlListReader, url_documents
from newsprism.ingest.warc import WarcReader
from newsprism.records import Failure, RawDocument
from newsprism.settings import Settings

__all__ = ["SUFFIXES", "ReadContext", "Reader", "read_inputs"]

log = logging.getLogger(__name__)

SUFFIXES: dict[str, str] = {
    ".txt": "text", ".md": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".xml": "feed", ".rss": "feed",
    ".atom": "feed", ".warc": "warc", ".arc": "warc", ".urls": "urls",
}
UNSUPPORTED: frozenset[str] = frozenset({
    ".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".xls", ".xlsx", ".ppt", ".pptx", ".png", ".jpg", ".jpeg",
    ".gif", ".webp", ".svg", ".mp3", ".mp4", ".zip", ".tar", ".7z", ".rar", ".exe", ".bin", ".db", ".sqlite",
})
"""Suffixes of formats newsprism does not read: named as such, not sniffed into a few characters of "text"."""
STDIN_SOURCE = "<stdin>"
_WHOLE = {"text", "html", "feed", "json", None}  # read whole (size-limited) so the content can be sniffed first


def read_inputs(inputs: Sequence[str], *, settings: Settings, field_map: dict[str, str] | None = None,
                failures: list[Failure], stdin: BinaryIO | None = None) -> Iterator[RawDocument]:
    """Yield every document of every input, in order; each bad input is appended to ``failures``."""
    ctx = ReadContext(settings=settings, failures=failures, field_map=dict(field_map or {}))
    fetcher: Fetcher | None = None

    def get_fetcher() -> Fetcher:
        nonlocal fetcher
        if fetcher is None:
            fetcher = Fetcher(ctx)
        return fetcher

    try:
        for given in inputs:
            if given == "-":
                yield from _guarded(JsonlReader().read(stdin or sys.stdin.buffer, STDIN_SOURCE, ctx),
                                    STDIN_SOURCE, ctx)
            elif given.lower().startswith(("http://", "https://")):
                yield from _guarded(url_documents(given, ctx, get_fetcher()), given, ctx)
            else:
                path = Path(given)
                if path.is_dir():
                    for file in walk_folder(path, ctx):
                        yield from _guarded(_file_documents(file, str(file), ctx, get_fetcher), str(file), ctx)
                elif path.exists() or path.is_symlink():
                    yield from _guarded(_file_documents(path, given, ctx, get_fetcher), given, ctx)
                else:
                    ctx.fail(given, "no such file or folder; check the path (URLs must start with http:// "
                                    "or https://)")
    finally:
        if fetcher is not None:
            fetcher.close()


def _guarded(docs: Iterator[RawDocument], source: str, ctx: ReadContext) -> Iterator[RawDocument]:
    """Run one input's reader; whatever it raises becomes a failure, and the documents before it are kept."""
    before = len(ctx.failures)
    count = 0
    try:
        for doc in docs:
            count += 1
            yield _checked(doc, ctx)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        ctx.fail(source, f"compressed file is truncated or corrupt ({exc}); {count} documents before the damage "
                         f"were read, re-download or re-compress the file for the rest")
    except PermissionError:
        ctx.fail(source, "permission denied: cannot read the file; check its permissions")
    except OSError as exc:
        ctx.fail(source, f"cannot read: {exc.strerror or exc}; check the file")
    except Exception as exc:  # one input must never stop the batch
        log.exception("reader failed on %s", source)
        ctx.fail(source, f"unexpected {type(exc).__name__} while reading ({exc}); {count} documents were read. "
                         f"Please report this with the file")
    else:
        if count == 0 and len(ctx.failures) == before:
            ctx.fail(source, "no documents found in this input")


def _checked(doc: RawDocument, ctx: ReadContext) -> RawDocument:
    """Values checked once for every reader: a ``published`` that is not a date (or lies in the future) is
    dropped, and NUL characters are removed, each with a warning row naming the record."""
    where = f" (record {doc.source_id})" if doc.source_id else ""
    published, warning = checked_published(doc.published)
    if warning is not None:
        ctx.warn(doc.source_path, warning + where)
    if published != doc.published:
        doc = replace(doc, published=published)
    if any(value and "\x00" in value for value in (doc.text, doc.html, doc.title)):  # a CSV or JSON record
        doc = replace(doc, text=_without_nul(doc.text), html=_without_nul(doc.html), title=_without_nul(doc.title))
        ctx.warn(doc.source_path, f"NUL characters removed{where}: text does not hold them; the input may be "
                                  f"damaged, check it")
    return doc


def _without_nul(value: str | None) -> str | None:
    return value.replace("\x00", "") if value else value


def _kind_of(name: str) -> tuple[str | None, bool]:
    """(format, gzipped) from a file name; format None when the suffix says nothing."""
    lower = name.lower()
    if lower.endswith((".warc.gz", ".arc.gz")):
        return "warc", False  # warcio reads gzip members itself
    gz = lower.endswith((".gz", ".gzip"))
    if gz:
        lower = lower.rsplit(".", 1)[0]
    return SUFFIXES.get(Path(lower).suffix), gz


def _file_documents(path: Path, source: str, ctx: ReadContext,
                    get_fetcher: Callable[[], Fetcher]) -> Iterator[RawDocument]:
    kind, gz = _kind_of(path.name)
    try:
        st = path.stat()
    except FileNotFoundError:
        ctx.fail(source, "broken symlink or vanished file; check the path")
        return
    if not stat.S_ISREG(st.st_mode):  # a FIFO would block the read, a device never ends
        ctx.fail(source, f"not a regular file ({_file_type(st.st_mode)}); skipped, give the file it stands for")
        return
    size = st.st_size
    if kind is None and path.suffix.lower() in UNSUPPORTED:
        ctx.fail(source, f"unsupported binary file type {path.suffix.lower()}: not an article format newsprism reads "
                         f"(supported: {', '.join(sorted(SUFFIXES))} and .gz of them); convert it to text or HTML")
        return
    if size == 0:
        ctx.fail(source, "empty file (0 bytes): nothing to read")
        return
    if not gz and kind in _WHOLE and size > ctx.settings.max_document_bytes:
        ctx.fail(source, f"file is larger than max_document_bytes ({ctx.settings.max_document_bytes:,} bytes); "
                         f"raise it with --set max_document_bytes=N or split the file")
        return
    with path.open("rb") as raw:
        stream: BinaryIO = gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw  # type: ignore[assignment]
        yield from _stream_documents(stream, kind, source, ctx, get_fetcher)


def _stream_documents(stream: BinaryIO, kind: str | None, source: str, ctx: ReadContext,
                      get_fetcher: Callable[[], Fetcher]) -> Iterator[RawDocument]:
    reader: Reader
    if kind in _WHOLE:
        data = read_limited(stream, source, ctx)
        if data is None:
            return
        if not data.strip():
            ctx.fail(source, "file is empty or blank: nothing to read")
            return
        found = sniff(data)
        if found == "binary":
            what = f"a {kind} file" if kind else "this file"
            named = binary_kind(data)
            ctx.fail(source, f"binary content{f' ({named})' if named else ''} in {what}, not text; not an article "
                             f"(wrong extension? supported: {', '.join(sorted(SUFFIXES))} and .gz of them)")
            return
        if kind is None or (kind == "text" and found == "urls"):
            kind = {"feed": "feed", "html": "html", "jsonl": "json", "urls": "urls"}.get(found, "text")
        stream = io.BytesIO(data)
    if kind == "urls":
        reader = UrlListReader(get_fetcher())
    else:
        factories: dict[str, Callable[[], Reader]] = {"text": TextReader, "html": HtmlReader, "feed": FeedReader,
                                                        "json": JsonReader,
                                                        "jsonl": JsonlReader, "csv": CsvReader, "warc": WarcReader}
        reader = factories[kind or "text"]()
    yield from reader.read(stream, source, ctx)


def _file_type(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"
