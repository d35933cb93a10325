"""Each reader on inputs written for these tests (fictional outlets and events)."""

from __future__ import annotations

import gzip
import inspect
import io
import shutil
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest import read_inputs
from newsprism.records import Failure
from newsprism.settings import Settings


def test_text_file_is_kept_verbatim(read, data: Path) -> None:
    path = data / "bridge.txt"
    docs, failures = read([path])
    assert failures == []
    assert len(docs) == 1
    doc = docs[0]
    assert doc.text == path.read_text(encoding="utf-8")  # not cleaned: the junk line is still there
    assert "Share this article" in doc.text
    assert doc.source_path == str(path) and doc.format == "text" and doc.source_id is None


def test_markdown_is_text(read, data: Path) -> None:
    docs, failures = read([data / "ferry.md"])
    assert not failures and docs[0].format == "text" and "Quayside ferry" in (docs[0].text or "")


def test_html_uses_its_meta_charset(read, data: Path) -> None:
    docs, failures = read([data / "cafe.html"])
    assert failures == []  # a declared charset is not a failure
    (doc,) = docs
    assert doc.format == "html" and doc.text is None
    assert "Café owners protest" in (doc.html or "")
    assert "\u201cWe cannot pay twice,\u201d" in (doc.html or "")


def test_jsonl_records_with_fields_and_common_aliases(read, data: Path) -> None:
    path = data / "records.jsonl"
    docs, failures = read([path])
    assert failures == []
    assert [d.source_id for d in docs] == ["r1", "r2", "3"]
    assert all(d.source_path == str(path) for d in docs)
    first, second, third = docs
    assert first.url == "https://example.org/r1" and first.outlet == "Valley Courier"
    assert first.published == "2025-04-02" and first.format == "text"
    assert second.format == "html" and "Edda Stroem" in (second.html or "") and second.text is None
    assert third.title == "Water board schedules repairs" and third.outlet == "Dale Radio"
    assert third.published == "2025-04-05" and "Orrin Dam" in (third.text or "")


def test_field_map_maps_our_names_to_theirs(read, data: Path) -> None:
    path = data / "custom_fields.jsonl"
    docs, failures = read([path])
    assert docs == [] and len(failures) == 1
    assert "line 1" in failures[0].error and "--field text=" in failures[0].error
    docs, failures = read([path], field_map={"text": "story_body", "id": "doc", "outlet": "paper"})
    assert failures == []
    assert docs[0].source_id == "x1" and docs[0].outlet == "Pellham Weekly" and "library" in (docs[0].text or "")


def test_csv_rows_with_quoted_commas(read, data: Path) -> None:
    docs, failures = read([data / "records.csv"])
    assert failures == []
    assert [d.source_id for d in docs] == ["c1", "c2"]
    assert docs[1].text == 'Opposition members said the cost, "at least 40 million", was too high.'
    assert docs[1].outlet == "Northside Times"


def test_json_list_under_a_key_and_a_record_without_text(read, data: Path) -> None:
    path = data / "records.json"
    docs, failures = read([path])
    assert [d.source_id for d in docs] == ["j1"]
    assert len(failures) == 1 and "item 2" in failures[0].error and failures[0].source_path == str(path)


def test_rss_entries_become_documents(read, data: Path) -> None:
    path = data / "feed.rss"
    docs, failures = read([path])
    assert len(docs) == 2
    light, dredge = docs
    assert light.format == "html" and "Anselm Roote" in (light.html or "")
    assert light.url == "https://kestrel.example/lighthouse" and light.outlet == "Kestrel Coast News"
    assert (light.published or "").startswith("2025-06-03") and light.title.startswith("Lighthouse")
    assert dredge.format == "text" and "Dredging" in (dredge.text or "") and dredge.source_path == str(path)
    assert len(failures) == 1 and "1 of 3 feed entries" in failures[0].error


def test_atom_entry(read, data: Path) -> None:
    docs, failures = read([data / "feed.atom"])
    assert failures == []
    (doc,) = docs
    assert doc.outlet == "Fenwick Daily" and doc.url == "https://fenwick.example/market"
    assert "grain hall" in (doc.html or "") and (doc.published or "").startswith("2025-07-01")


def test_folder_is_recursive_reads_gzip_and_skips_hidden(read, data: Path, tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "a" / "b").mkdir(parents=True)
    shutil.copy(data / "bridge.txt", root / "bridge.txt")
    shutil.copy(data / "feed.atom", root / "a" / "feed.atom")
    (root / "a" / "b" / "records.jsonl.gz").write_bytes(gzip.compress((data / "records.jsonl").read_bytes()))
    (root / "a" / "cafe.htm.gz").write_bytes(gzip.compress((data / "cafe.html").read_bytes()))
    (root / ".hidden.txt").write_text("not for reading", encoding="utf-8")
    docs, failures = read([root])
    assert failures == []
    by_source: dict[str, int] = {}
    for d in docs:
        by_source[d.source_path or ""] = by_source.get(d.source_path or "", 0) + 1
    assert by_source == {str(root / "a" / "b" / "records.jsonl.gz"): 3, str(root / "a" / "cafe.htm.gz"): 1,
                         str(root / "a" / "feed.atom"): 1, str(root / "bridge.txt"): 1}
    cafe = next(d for d in docs if d.source_path and d.source_path.endswith("cafe.htm.gz"))
    assert cafe.format == "html" and "Café" in (cafe.html or "")


def _warc(path: Path, *, gz: bool = True) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        pages = [
            ("https://moorland.example/vote", "200 OK", "text/html; charset=iso-8859-1",
             "<html><body><p>Moorland voters back the new clinic, the r\xe9sultat was clear.</p></body></html>"
             .encode("latin-1")),
            ("https://moorland.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
            ("https://moorland.example/gone", "404 Not Found", "text/html", b"<html>gone</html>"),
            ("https://moorland.example/roads", "200 OK", "text/html",
             b"<html><head><meta charset='utf-8'></head><body><p>Road works on the B19 end early.</p></body></html>"),
        ]
        for url, status, ctype, body in pages:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
        writer.write_record(writer.create_warc_record("https://moorland.example/vote", "request",
                                                      payload=io.BytesIO(b"GET /vote HTTP/1.1\r\n\r\n")))


def test_warc_html_responses_only(read, tmp_path: Path) -> None:
    for name, gz in (("crawl.warc.gz", True), ("crawl.warc", False)):
        path = tmp_path / name
        _warc(path, gz=gz)
        docs, failures = read([path])
        assert failures == [], failures
        assert [d.url for d in docs] == ["https://moorland.example/vote", "https://moorland.example/roads"]
        assert "résultat" in (docs[0].html or "")  # charset from the HTTP header
        assert all(d.format == "html" and d.source_path == str(path) and d.source_id for d in docs)


def test_truncated_warc_keeps_records_before_the_damage(read, tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    _warc(path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.6)])  # inside the last page record
    docs, failures = read([path])
    assert [d.url for d in docs] == ["https://moorland.example/vote"]
    assert len(failures) == 1 and "truncated" in failures[0].error


def test_stdin_jsonl(read) -> None:
    stdin = io.BytesIO(b'{"id": "s1", "text": "Stdin article about the Wexmoor regatta."}\n'
                       b'{"id": "s2", "text": "Another one about the Wexmoor harbour."}\n')
    docs, failures = read(["-"], stdin=stdin)
    assert failures == [] and [d.source_id for d in docs] == ["s1", "s2"]
    assert all(d.source_path == "<stdin>" for d in docs)


def test_read_inputs_streams_lazily(data: Path, tmp_path: Path) -> None:
    late = tmp_path / "late.txt"
    failures: list[Failure] = []
    docs = read_inputs([str(data / "bridge.txt"), str(late)], settings=Settings(), failures=failures)
    assert inspect.isgenerator(docs)
    first = next(docs)
    assert first.source_path == str(data / "bridge.txt")
    late.write_text("Written after the batch began: the Kelby fair is cancelled.", encoding="utf-8")
    rest = list(docs)  # the second input is only opened now
    assert [d.source_path for d in rest] == [str(late)] and failures == []


def test_too_big_file_is_a_failure_and_the_batch_goes_on(read, data: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("The Orrin valley fair. " * 20, encoding="utf-8")
    settings = Settings(max_document_bytes=300)
    docs, failures = read([big, data / "bridge.txt"], settings=settings)
    assert [d.source_path for d in docs] == [str(data / "bridge.txt")]
    assert len(failures) == 1 and failures[0].source_path == str(big)
    assert "max_document_bytes" in failures[0].error


def test_missing_path_is_a_failure(read, tmp_path: Path) -> None:
    docs, failures = read([tmp_path / "nope.txt"])
    assert docs == [] and "no such file" in failures[0].error
