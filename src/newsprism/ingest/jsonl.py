"""Record files: JSONL (streamed line by line), JSON (a list of records) and CSV (streamed row by row).

Fields are ``id``, ``url``, ``title``, ``text`` or ``html``, ``outlet``, ``published``; ``field_map`` maps our name
to the input's (``{"text": "body"}``), and a few common names of news datasets are understood without a map.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from newsprism.ingest.base import RECORD_FIELDS, ReadContext, clean_str, decode_bytes, read_limited
from newsprism.records import RawDocument

ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("doc_id", "article_id", "uuid", "guid"),
    "url": ("link", "source_url", "uri"),
    "title": ("headline",),
    "text": ("body", "content", "maintext", "article", "article_text"),
    "html": ("raw_html", "content_html", "page"),
    "outlet": ("source", "source_name", "site_name", "publisher", "source_domain"),
    "published": ("date", "date_publish", "published_at", "publish_date", "pubdate", "datetime"),
}

_LIST_KEYS = ("articles", "items", "records", "documents", "data", "results")


def _get(record: Mapping[str, Any], ours: str, field_map: Mapping[str, str]) -> str | None:
    if ours in field_map:
        return _scalar(record.get(field_map[ours]))
    for name in (ours, *ALIASES.get(ours, ())):
        value = _scalar(record.get(name))
        if value is not None:
            return value
    return None


def _names(ours: str, field_map: Mapping[str, str]) -> tuple[str, ...]:
    return (field_map[ours],) if ours in field_map else (ours, *ALIASES.get(ours, ()))


def _body(record: Mapping[str, Any], ours: str, field_map: Mapping[str, str]) -> str | None:
    """The text or html of a record: only a string is a body (``"text": 123`` is not an article "123")."""
    for name in _names(ours, field_map):
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _non_text_body(record: Mapping[str, Any], field_map: Mapping[str, str]) -> tuple[str, Any] | None:
    """The first body field that is present but not a string, to name in the failure."""
    for ours in ("text", "html"):
        for name in _names(ours, field_map):
            value = record.get(name)
            if value is not None and not isinstance(value, str):
                return name, value
    return None


def _preview(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _scalar(value: Any) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return clean_str(value)
    return None


def record_document(record: Any, source: str, ctx: ReadContext, where: str) -> RawDocument | None:
    """One record as a document, or a failure that names the record and the fields it has."""
    if not isinstance(record, Mapping):
        ctx.fail(source, f"{where}: expected a JSON object with a text field, got {type(record).__name__}; "
                         f"the record was skipped")
        return None
    values = {ours: _get(record, ours, ctx.field_map) for ours in RECORD_FIELDS}
    values["text"], values["html"] = _body(record, "text", ctx.field_map), _body(record, "html", ctx.field_map)
    text, html = values["text"], values["html"]
    if text is None and html is None and (odd := _non_text_body(record, ctx.field_map)) is not None:
        name, value = odd
        ctx.fail(source, f"{where}: field {name!r} holds {type(value).__name__} {_preview(value)}, not text; "
                         f"the record was skipped (an article body is a string)")
        return None
    if text is None and html is None:
        have = ", ".join(sorted(str(k) for k in record)[:12]) or "none"
        ctx.fail(source, f"{where}: no text or html field (fields: {have}); name yours with "
                         f"--field text=NAME or --field html=NAME")
        return None
    return RawDocument(source_path=source, source_id=values["id"], url=values["url"], text=text,
                       html=None if text is not None else html, title=values["title"], outlet=values["outlet"],
                       published=values["published"], format="text" if text is not None else "html")


class JsonlReader:
    """One JSON object per line; each broken line is a failure with its line number, the others are read."""

    name = "jsonl"

    def read(self, stream: BinaryIO, source: str, ctx: ReadContext) -> Iterator[RawDocument]:
        limit = ctx.settings.max_document_bytes
        lineno = 0
        noted = False
        while True:
            raw = stream.readline(limit + 1)
            if not raw:
                return
            lineno += 1
            if len(raw) > limit and not raw.endswith(b"\n"):
                ctx.fail(source, f"line {lineno}: longer than max_document_bytes ({limit:,} bytes); skipped "
                                 f"(raise it with --set max_document_bytes=N)")
                while (rest := stream.readline(limit + 1)) and not rest.endswith(b"\n"):
                    pass
                continue
            if not raw.strip():
                continue
            decoded = decode_bytes(raw)
            if decoded.note and not noted:
                noted = True
                ctx.warn(source, f"line {lineno}: {decoded.note}")
            try:
                record = json.loads(decoded.text)
            except json.JSONDecodeError as exc:
                ctx.fail(source, f"line {lineno}: not valid JSON ({exc.msg} at column {exc.colno}); the line "
                                 f"was skipped, fix or remove it")
                continue
            doc = record_document(record, source, ctx, f"line {lineno}")
            if doc is not None:
                yield doc


class JsonReader:
    """A JSON file holding a list of records, a single record, or an object with the list under a known key."""

    name = "json"

    def read(self, stream: BinaryIO, source: str, ctx: ReadContext) -> Iterator[RawDocument]:
        data = read_limited(stream, source, ctx)
        if data is None:
            return
        decoded = decode_bytes(data)
        if decoded.note:
            ctx.warn(source, decoded.note)
        try:
            content = json.loads(decoded.text)
        except json.JSONDecodeError as exc:
            if decoded.text.lstrip().startswith("{") and "\n{" in decoded.text:
                yield from JsonlReader().read(io.BytesIO(data), source, ctx)  # JSONL saved as .json
                return
            ctx.fail(source, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); fix the file "
                             f"or save one record per line as .jsonl so good records are read")
            return
        if isinstance(content, dict):
            inner = next((content[k] for k in _LIST_KEYS if isinstance(content.get(k), list)), None)
            items = inner if inner is not None else [content]
        elif isinstance(content, list):
            items = content
        else:
            ctx.fail(source, f"JSON holds a {type(content).__name__}, not records; expected a list of objects")
            return
        for i, item in enumerate(items, 1):
            doc = record_document(item, source, ctx, f"item {i}")
            if doc is not None:
                yield doc


class CsvReader:
    """A CSV with a header row; the encoding is sniffed from the first 64 KiB."""

    name = "csv"

    def read(self, stream: BinaryIO, source: str, ctx: ReadContext) -> Iterator[RawDocument]:
        buffered = io.BufferedReader(stream) if not isinstance(stream, io.BufferedReader) else stream  # type: ignore[arg-type,type-var]
        sample = buffered.peek(65536)[:65536]
        decoded = decode_bytes(sample)
        encoding = "utf-8-sig" if decoded.encoding in ("utf-8", "utf-8-sig") else decoded.encoding
        if decoded.note and decoded.encoding != "utf-8":
            ctx.warn(source, decoded.note)
        text = io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="")
        csv.field_size_limit(max(csv.field_size_limit(), ctx.settings.max_document_bytes))
        reader = csv.DictReader(text)
        try:
            for i, row in enumerate(reader, 1):
                clean = {k: v for k, v in row.items() if isinstance(k, str)}
                doc = record_document(clean, source, ctx, f"row {i} (line {reader.line_num})")
                if doc is not None:
                    yield doc
        except csv.Error as exc:
            ctx.fail(source, f"CSV is malformed near line {reader.line_num}: {exc}; rows before it were read")
