"""The reliability suite (issue #24): a folder of many kinds of bad input beside four good articles, analysed through
the CLI. The run ends well, says nothing of a traceback, keeps the four good articles together as one story, names
every bad file in ``failures`` with a reason, and ``newsprism report --db`` on the same store works too.

The corpus is generated here, in tmp_path, from code: no binary is committed. Outlets, people and places are
fictional. The long inputs are longer than the ``max_article_chars`` the run is given (kept small so the suite
stays fast); the default limit cuts the same way, at a larger size.
"""

from __future__ import annotations

import codecs
import gzip
import importlib
import io
import json
import os
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.cli import app
from newsprism.resources import Resources

runner = CliRunner()
LIMIT = 20_000  # max_article_chars for the run

# ---- four good articles: one event, four fictional outlets, four formats ------------------------------------------

GOOD_TXT = """Ostrel Valley Herald

Brackwater dam spillway gives way, 340 residents of Ostrel evacuated

By Mirela Sandqvist

12 March 2024

A section of the spillway at the Brackwater reservoir collapsed late on Monday night, sending water into the lower
streets of Ostrel and forcing the evacuation of 340 residents, the village's mayor, Ines Talvik, said on Tuesday.

"We woke people door to door, and by two in the morning every house below the church was empty," Talvik told the
Herald. Nobody was hurt, she said.

Daan Herrold, a spokesman for the Ostrel regional water authority, said engineers had lowered the reservoir by two
metres to take pressure off the damaged spillway. He said the authority had inspected the structure in January and
found "no sign of weakness".

Residents are staying at the Ostrel sports hall and with relatives in Kestmoor. The authority said it could not yet
say when they would be able to return home.
"""

GOOD_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Ostrel flood: water authority lowers Brackwater reservoir after spillway collapse - Kestmoor Daily</title>
<meta property="og:site_name" content="Kestmoor Daily">
<meta property="og:title" content="Ostrel flood: water authority lowers Brackwater reservoir after spillway collapse">
<meta property="article:published_time" content="2024-03-12T11:20:00+01:00">
</head><body>
<article>
<h1>Ostrel flood: water authority lowers Brackwater reservoir after spillway collapse</h1>
<p>Engineers from the Ostrel regional water authority drained water from the Brackwater reservoir on Tuesday after
part of its concrete spillway broke away during the night and flooded the low-lying streets of Ostrel.</p>
<p>About 340 people left their homes, according to Mayor Ines Talvik, who said the village fire brigade had helped
older residents to the sports hall. There were no injuries.</p>
<p>Authority spokesman Daan Herrold said the reservoir level had been cut by two metres. "The dam itself is sound.
What failed is the spillway channel, and we are watching it hour by hour," Herrold said.</p>
<p>Farmers downstream in the Ostrel valley said the water had covered fields along the river for about three
kilometres. The authority said an inspection in January had found no defect in the spillway.</p>
</article>
</body></html>
"""

GOOD_RECORD = {
    "id": "ngo-2024-0313-ostrel",
    "outlet": "Northgate Observer",
    "published": "2024-03-13",
    "title": "Questions over January inspection after Brackwater spillway failure floods Ostrel",
    "text": (
        "Two days after the spillway of the Brackwater reservoir failed and flooded part of Ostrel, residents are "
        "asking how an inspection in January could have missed the damage.\n\n"
        "The Ostrel regional water authority has said its engineers found no weakness in the spillway when they "
        "examined it eight weeks ago. Its spokesman, Daan Herrold, said on Wednesday that the authority would "
        "publish the inspection report.\n\n"
        "Mayor Ines Talvik said the 340 residents who were evacuated on Monday night could begin returning to "
        "houses on the upper streets on Thursday. Homes below the church would stay empty until the water "
        "authority confirmed that the reservoir level was safe.\n\n"
        "\"People want to know whether this could happen again,\" Talvik said at a meeting in the Ostrel sports "
        "hall, where about 120 people spent a second night."
    ),
}

GOOD_MD = """# Pellham Radio News: Ostrel families spend second night in sports hall after Brackwater flood

Published 13 March 2024

Families from Ostrel spent a second night in the village sports hall on Tuesday after the collapse of a spillway at
the Brackwater reservoir flooded their streets.

The mayor of Ostrel, Ines Talvik, said 340 residents had been moved out of their homes since late Monday. Volunteers
from Kestmoor brought blankets and hot meals, she said.

The regional water authority said it had lowered the reservoir by two metres. Its spokesman Daan Herrold said the
main dam wall was not damaged and that engineers were building a temporary channel to carry water past the broken
section of the spillway.

Pellham Radio News spoke to several residents who said water had reached the first step of their front doors. One
said she had lived in Ostrel for forty years and had never seen the river so high.
"""

GOOD = ("herald-ostrel.txt", "kestmoor-ostrel.html", "northgate-ostrel.jsonl", "pellham-ostrel.md")

# Text for bad files that still carry something readable: other topics, so they stay out of the Ostrel story.
OTHER = ("The Harlow chess club meets on Friday evenings in the old library on Mill Lane, its secretary Tomas Rell "
         "said, and new members of any age are welcome to join the winter tournament. ")


def _record(published: str, topic: str) -> str:
    line = json.dumps({"id": f"rec-{topic}", "title": f"The {topic} allotment society elects a new chair",
                       "published": published,
                       "text": f"The {topic} allotment society elected Vera Holm as its chair on Saturday. " * 6})
    return line + "\n"


def _warc(path: Path) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n in range(3):
            body = (f"<html><body><p>Tarnby parish council page {n}: {OTHER * 4}</p></body></html>").encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://tarnby.example/{n}", "response",
                                                          payload=io.BytesIO(body), http_headers=headers))


def _half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _deep_html(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + "deep" + "</div>" * depth + "</body></html>"


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("story.txt", OTHER * 3)
    return buf.getvalue()


def _write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)


def _truncated_warc(path: Path) -> None:
    _warc(path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.8)])


def _gzip_bomb(path: Path, settings_bytes: int) -> None:
    """Spaces that gunzip to just past ``settings_bytes`` (the run's max_document_bytes)."""
    with gzip.open(path, "wb", compresslevel=9) as fh:
        chunk = b" " * 1_000_000
        for _ in range(settings_bytes // len(chunk) + 2):
            fh.write(chunk)


def _symlink_loop(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(".", path)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


MAX_DOCUMENT_BYTES = 2_000_000  # given to the run, so the bomb needs only a few MB of zeros to hit it

Make = Callable[[Path], None]

# name -> how to make it. Every one of these must come back as a failures row (error or warning) naming the file.
BAD: dict[str, Make] = {
    "empty.txt": lambda p: _write(p, b""),
    "whitespace.txt": lambda p: _write(p, " \n\t\r\n   \n"),
    "nul-bytes.txt": lambda p: _write(p, OTHER.encode() + b"\x00\x00\x00" + OTHER.encode()),
    "paper.pdf": lambda p: _write(p, b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"),
    "pdf-as-text.txt": lambda p: _write(p, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n%%EOF\n"),
    "bundle.zip": lambda p: _write(p, _zip_bytes()),
    "zip-as-html.html": lambda p: _write(p, _zip_bytes()),
    "png-as-txt.txt": lambda p: _write(p, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
    "invalid-utf8.txt": lambda p: _write(p, OTHER.encode() + b"\xff\xfe\xc3\x28\xa0\xa1" + OTHER.encode()),
    "one-line-300k.txt": lambda p: _write(p, (OTHER * (300_000 // len(OTHER) + 1))[:300_000]),
    "huge-record.jsonl": lambda p: _write(p, json.dumps({"id": "huge", "text": OTHER * 8_000}) + "\n"),
    "broken-lines.jsonl": lambda p: _write(p, '{"id": "x1", "text": "cut\n{not json}\n[1, 2]\n"just a string"\n'),
    "text-is-int.jsonl": lambda p: _write(p, json.dumps({"id": "n1", "text": 123}) + "\n"),
    "no-text-field.jsonl": lambda p: _write(p, json.dumps({"id": "n2", "headline": "Only a headline"}) + "\n"),
    "ragged.csv": lambda p: _write(p, "id,title,text,outlet\nr1,Short row\n"),
    "field-1m.csv": lambda p: _write(p, "id,text\nbig1,\"" + ("Tarnby ferry timetable changes. " * 31_250) + "\"\n"),
    "nul-in.csv": lambda p: _write(p, b"id,text\nz1,The Tarnby \x00 ferry runs late.\n"),
    "no-text-column.csv": lambda p: _write(p, "a,b\n1,2\n3,4\n"),
    "not-records.json": lambda p: _write(p, "42"),
    "broken.json": lambda p: _write(p, '[{"id": "j1", "text": "cut off'),
    "malformed.rss": lambda p: _write(p, '<?xml version="1.0"?><rss version="2.0"><channel><title>Tarnby Wire'
                                         '</title><item><title>Ferry<description>unclosed'),
    "empty-feed.xml": lambda p: _write(p, '<?xml version="1.0"?><rss version="2.0"><channel><title>Tarnby Wire'
                                          '</title></channel></rss>'),
    "xml-bomb.rss": lambda p: _write(p, '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                                        + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">'
                                                  .replace("&lol0;", "&lol;") for i in range(1, 9))
                                        + ']>\n<rss version="2.0"><channel><title>&lol8;</title><item>'
                                          '<title>x</title><description>&lol8;</description></item></channel></rss>'),
    "cut.warc.gz": _truncated_warc,
    "not-a-warc.warc": lambda p: _write(p, "this is not a web archive\n" * 20),
    "cookie-banner.html": lambda p: _write(p, "<html><body><div class='cookie-consent'><p>We use cookies to improve "
                                              "your experience.</p><button>Accept all</button><button>Reject"
                                              "</button></div></body></html>"),
    "script-only.html": lambda p: _write(p, "<html><head><script>var a = 1; document.write('hello');</script>"
                                            "</head><body><script src='app.js'></script></body></html>"),
    "deep.html": lambda p: _write(p, _deep_html(20_000)),
    "tiny.txt": lambda p: _write(p, "x"),
    "date-13-45.jsonl": lambda p: _write(p, _record("2022-13-45", "Marrow")),
    "date-9999.jsonl": lambda p: _write(p, _record("9999-12-31", "Fennick")),
    "date-words.jsonl": lambda p: _write(p, _record("yesterday-ish ##", "Wedmore")),
    "bomb.txt.gz": lambda p: _gzip_bomb(p, MAX_DOCUMENT_BYTES),  # sized again by build_corpus's document_bytes
    "cut.jsonl.gz": lambda p: _write(p, _half(gzip.compress("".join(_record("2024-01-05", f"Lowick{i}")
                                                                    for i in range(300)).encode()))),
    "loop": _symlink_loop,
    "dangling.txt": lambda p: os.symlink(p.parent / "nowhere.txt", p),
    "pipe.txt": _fifo,
}

# A word the row's reason must hold (case-insensitive): the reason names what is wrong, not only that something is.
REASON: dict[str, str] = {
    "empty.txt": "empty", "whitespace.txt": "blank", "nul-bytes.txt": "NUL", "paper.pdf": "unsupported",
    "pdf-as-text.txt": "PDF", "bundle.zip": "unsupported", "zip-as-html.html": "ZIP", "png-as-txt.txt": "PNG",
    "invalid-utf8.txt": "UTF-8", "one-line-300k.txt": "max_article_chars", "huge-record.jsonl": "max_article_chars",
    "broken-lines.jsonl": "not valid JSON", "text-is-int.jsonl": "holds int", "no-text-field.jsonl": "no text",
    "ragged.csv": "line 2", "field-1m.csv": "max_article_chars", "nul-in.csv": "NUL",
    "no-text-column.csv": "no text", "not-records.json": "not records", "broken.json": "not valid JSON",
    "malformed.rss": "well-formed", "empty-feed.xml": "no entries", "xml-bomb.rss": "short",
    "cut.warc.gz": "truncated", "not-a-warc.warc": "no documents",
    "cookie-banner.html": "no article body|too short to be an article",
    "script-only.html": "no article body", "deep.html": "no article body", "tiny.txt": "too short",
    "date-13-45.jsonl": "not a date", "date-9999.jsonl": "future", "date-words.jsonl": "not a date",
    "bomb.txt.gz": "max_document_bytes", "cut.jsonl.gz": "truncated", "loop": "symlink loop",
    "dangling.txt": "broken symlink", "pipe.txt": "not a regular file",
}

# Odd but readable: each must be read as an article (no row required), and must not break the run.
ODD: dict[str, Make] = {
    "utf16-bom.txt": lambda p: _write(p, codecs.BOM_UTF16_LE + ("Tarnby harbour news. " + OTHER * 3).encode(
        "utf-16-le")),
    "crlf-only.txt": lambda p: _write(p, ("Tarnby bakery wins award\r\r" + OTHER * 3).replace("\n", "\r")),
}


def build_corpus(root: Path, *, document_bytes: int = MAX_DOCUMENT_BYTES) -> None:
    """The four good articles at the top and every bad and odd input, some in sub-folders. ``document_bytes``: the
    max_document_bytes of the run the corpus is for (the gzip bomb must pass it; the benchmark runs at the
    defaults, bench/bench_reliability.py)."""
    root.mkdir(parents=True)
    _write(root / GOOD[0], GOOD_TXT)
    _write(root / GOOD[1], GOOD_HTML)
    _write(root / GOOD[2], json.dumps(GOOD_RECORD) + "\n")
    _write(root / GOOD[3], GOOD_MD)
    for name, make in {**BAD, **ODD}.items():
        if name == "bomb.txt.gz":
            _gzip_bomb(root / "bad" / name, document_bytes)
        else:
            make(root / "bad" / name)
    (root / "bad" / "folder.txt").mkdir()  # a directory named like a file: read as a folder, holding one bad file
    _write(root / "bad" / "folder.txt" / "inside.txt", "")


@pytest.fixture(scope="module")
def run(resources: Resources, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """`newsprism analyze CORPUS --db DB --out OUT`, then `newsprism report --db DB --out OUT2`, in process with the
    session's loaded models."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs FIFOs and symlinks")
    base = tmp_path_factory.mktemp("reliability")
    corpus, db = base / "corpus", base / "store.db"
    build_corpus(corpus)
    limits = ["--set", f"max_article_chars={LIMIT}", "--set", f"max_document_bytes={MAX_DOCUMENT_BYTES}"]
    # imported before Resources is patched below: it subclasses Resources, and the file may run on its own
    importlib.import_module("newsprism.multilingual")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("newsprism.runners.local.Resources", lambda settings: resources)  # noqa: ARG005
        mp.setattr("newsprism.resources.Resources", lambda settings: resources)  # noqa: ARG005
        analyzed = runner.invoke(app, ["analyze", str(corpus), "--db", str(db), "--out", str(base / "out"), *limits])
        reported = runner.invoke(app, ["report", "--db", str(db), "--out", str(base / "again"), *limits])
    yield {"corpus": corpus, "analyzed": analyzed, "reported": reported, "out": base / "out",
           "again": base / "again"}


def _rows(report: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [f for f in report["failures"] if f["source_path"] and Path(f["source_path"]).name == name]


def test_the_corpus_has_at_least_thirty_kinds_of_bad_input() -> None:
    assert len(BAD) >= 30
    assert set(REASON) == set(BAD)


def test_analyze_ends_well_without_a_traceback(run: dict[str, Any]) -> None:
    done = run["analyzed"]
    assert done.exit_code == 0, done.output + repr(done.exception)
    assert done.exception is None or isinstance(done.exception, SystemExit)
    assert "Traceback" not in done.output


def test_the_four_good_articles_are_one_story(run: dict[str, Any], read_report) -> None:  # type: ignore[no-untyped-def]
    report = read_report(run["out"] / "report.json")
    good = {Path(a["source_path"]).name: a for a in report["articles"]
            if Path(a["source_path"]).name in GOOD}
    assert sorted(good) == sorted(GOOD)
    ids = {a["id"] for a in good.values()}
    (story,) = [s for s in report["stories"] if ids & set(s["article_ids"])]
    assert set(story["article_ids"]) == ids, "the Ostrel story holds other articles, or lacks one"
    assert {a["outlet"] for a in good.values()} >= {"Kestmoor Daily", "Northgate Observer"}
    assert not [f for f in report["failures"] if f["source_path"] and Path(f["source_path"]).name in GOOD]


@pytest.mark.parametrize("name", sorted(BAD))
def test_every_bad_file_is_a_failures_row_with_a_reason(run: dict[str, Any], name: str,
                                                         read_report) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(read_report(run["out"] / "report.json"), name)
    assert rows, f"{name} left no row in failures"
    for row in rows:
        assert row["severity"] in ("error", "warning")
        assert len(row["error"]) > 15, row
        assert "unexpected" not in row["error"] and "Please report" not in row["error"], row  # a handled case
    # a page of page chrome may lose every line or keep a button's words: either reason says what happened
    assert any(reason.lower() in row["error"].lower() for reason in REASON[name].split("|") for row in rows), rows


def test_the_folder_named_like_a_file_is_read_as_a_folder(run: dict[str, Any],
                                                          read_report) -> None:  # type: ignore[no-untyped-def]
    report = read_report(run["out"] / "report.json")
    (row,) = _rows(report, "inside.txt")
    assert "folder.txt" in row["source_path"] and "empty" in row["error"]


@pytest.mark.parametrize("name", sorted(ODD))
def test_odd_but_readable_inputs_are_read(run: dict[str, Any], name: str,
                                          read_report) -> None:  # type: ignore[no-untyped-def]
    report = read_report(run["out"] / "report.json")
    (article,) = [a for a in report["articles"] if Path(a["source_path"]).name == name]
    assert "Harlow chess club" in article["text"]


def test_no_stage_crashed_on_an_item(run: dict[str, Any], read_report) -> None:  # type: ignore[no-untyped-def]
    """Every row is a case the code handles by name, not an exception the guard caught."""
    report = read_report(run["out"] / "report.json")
    crashed = [f for f in report["failures"] if "the batch went on" in f["error"] or "unexpected" in f["error"]]
    assert not crashed, crashed


def test_an_error_row_means_the_file_left_no_article(run: dict[str, Any],
                                                      read_report) -> None:  # type: ignore[no-untyped-def]
    """``error``: the item was lost; ``warning``: kept but changed. A file whose rows are all errors has no article
    (but a file of many records may lose some and keep others), and no article has an empty body."""
    report = read_report(run["out"] / "report.json")
    kept = {Path(a["source_path"]).name for a in report["articles"]}
    partial = {"cut.warc.gz", "cut.jsonl.gz"}  # the records before the damage are read
    for name in BAD:
        rows = _rows(report, name)
        if rows and all(r["severity"] == "error" for r in rows) and name not in partial:
            assert name not in kept, f"{name}: only error rows, yet an article: {rows}"
        if rows and all(r["severity"] == "warning" for r in rows):
            assert name in kept, f"{name}: only warnings, yet no article: {rows}"
    assert all(a["text"].strip() for a in report["articles"])


def test_report_from_the_same_store_works(run: dict[str, Any], read_report) -> None:  # type: ignore[no-untyped-def]
    done = run["reported"]
    assert done.exit_code == 0, done.output + repr(done.exception)
    assert "Traceback" not in done.output
    first, again = read_report(run["out"] / "report.json"), read_report(run["again"] / "report.json")
    assert {a["id"] for a in again["articles"]} == {a["id"] for a in first["articles"]}
    assert {tuple(sorted(s["article_ids"])) for s in again["stories"]} == {
        tuple(sorted(s["article_ids"])) for s in first["stories"]}
