"""Fuzzing each reader (hypothesis): on any bytes, and on near-valid inputs with odd values, a reader yields
well-formed documents and reports what it cannot read as failure rows (or raises the project's InputError); it never
raises anything else. Bounded example counts keep this fast."""

from __future__ import annotations

import io
import json
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.errors import InputError
from newsprism.ingest.base import ReadContext, Reader
from newsprism.ingest.feeds import FeedReader
from newsprism.ingest.files import TextReader
from newsprism.ingest.html import HtmlReader
from newsprism.ingest.jsonl import CsvReader, JsonlReader
from newsprism.ingest.warc import WarcReader
from newsprism.records import SEVERITIES, Failure, RawDocument
from newsprism.settings import Settings

FUZZ = settings(max_examples=50, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
SOURCE = "fuzzed-input"

text = st.text(max_size=200)
json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | text,
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
                          max_leaves=8)
field_names = st.sampled_from(["id", "url", "title", "text", "html", "outlet", "published", "date", "body", "x"])


def _read(reader: Reader, data: bytes) -> tuple[list[RawDocument], list[Failure]]:
    """Run the reader to the end; the only exception allowed is InputError (then nothing else is checked)."""
    ctx = ReadContext(settings=Settings(), failures=[])
    docs: list[RawDocument] = []
    try:
        docs.extend(reader.read(io.BytesIO(data), SOURCE, ctx))
    except InputError:
        return docs, ctx.failures
    for doc in docs:
        assert isinstance(doc, RawDocument)
        assert isinstance(doc.text, str) or isinstance(doc.html, str)
        assert doc.source_path == SOURCE
        assert all(isinstance(v, str | None) for v in (doc.title, doc.outlet, doc.published, doc.url, doc.source_id))
    for row in ctx.failures:
        assert row.stage == "ingest" and row.severity in SEVERITIES and row.error.strip()
    return docs, ctx.failures


READERS: dict[str, Callable[[], Reader]] = {"jsonl": JsonlReader, "csv": CsvReader, "rss": FeedReader,
                                            "warc": WarcReader, "html": HtmlReader, "txt": TextReader}


@FUZZ
@given(reader=st.sampled_from(sorted(READERS)), data=st.binary(max_size=2000))
def test_any_bytes(reader: str, data: bytes) -> None:
    _read(READERS[reader](), data)


@FUZZ
@given(lines=st.lists(st.one_of(st.dictionaries(field_names, json_value, max_size=6).map(json.dumps),
                                json_value.map(json.dumps), text), max_size=6))
def test_jsonl_of_odd_records(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    docs, _ = _read(JsonlReader(), data)
    assert len(docs) <= len(lines)


@FUZZ
@given(header=st.lists(field_names, min_size=1, max_size=5),
       rows=st.lists(st.lists(st.text(max_size=60), max_size=7), max_size=5),
       quote=st.booleans())
def test_csv_of_ragged_rows(header: list[str], rows: list[list[str]], quote: bool) -> None:
    def line(cells: list[str]) -> str:
        return ",".join(f'"{c}"' if quote else c for c in cells)

    data = "\n".join([line(header), *(line(r) for r in rows)]).encode("utf-8", "surrogatepass")
    _read(CsvReader(), data)


@FUZZ
@given(title=text, body=text, date=text, cut=st.integers(min_value=0, max_value=400), atom=st.booleans())
def test_feeds_with_odd_values_and_cut_short(title: str, body: str, date: str, cut: int, atom: bool) -> None:
    if atom:
        feed = (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title><entry>'
                f"<title>{title}</title><updated>{date}</updated><content>{body}</content></entry></feed>")
    else:
        feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title><item><title>{title}'
                f"</title><pubDate>{date}</pubDate><description>{body}</description></item></channel></rss>")
    data = feed.encode("utf-8", "surrogatepass")
    _read(FeedReader(), data[: len(data) - cut])


@FUZZ
@given(body=st.binary(max_size=600), ctype=st.sampled_from(["text/html", "text/html; charset=latin-1",
                                                             "text/plain", "image/png", "text/html; charset=nope"]),
       status=st.sampled_from(["200 OK", "404 Not Found", "301 Moved"]), cut=st.integers(min_value=0, max_value=300),
       gz=st.booleans())
def test_warc_records_with_odd_payloads_and_cut_short(body: bytes, ctype: str, status: str, cut: int,
                                                      gz: bool) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for n in range(2):
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://fuzz.example/{n}", "response",
                                                      payload=io.BytesIO(b"<html><body><p>" + body + b"</p>"),
                                                      http_headers=headers))
    data = out.getvalue()
    docs, failures = _read(WarcReader(), data[: len(data) - cut])
    if cut == 0 and status == "200 OK" and ctype.startswith("text/html"):
        assert len(docs) == 2, failures  # whole records are all read


@FUZZ
@given(parts=st.lists(st.one_of(text, st.sampled_from(["<div>", "</div>", "<p>", "<script>", "</script>",
                                                       "<!--", "-->", "<meta charset='bogus'>", "<![CDATA[", "&#0;",
                                                       "&bogus;", "<title>", "\x00", "\ufeff"])), max_size=30))
def test_html_fragments(parts: list[str]) -> None:
    _read(HtmlReader(), "".join(parts).encode("utf-8", "surrogatepass"))


@FUZZ
@given(value=st.text(max_size=500), encoding=st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252", "utf-8-sig"]))
def test_text_in_any_encoding(value: str, encoding: str) -> None:
    data = value.encode(encoding, "replace")
    docs, failures = _read(TextReader(), data)
    assert len(docs) <= 1
    if value.strip() and encoding in ("utf-8", "utf-8-sig") and "\x00" not in value:
        assert docs, failures
