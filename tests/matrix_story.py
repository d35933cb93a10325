"""A small story written for the matrix tests: fictional outlets, one of them spelt two ways and both reporting and
denying one claim, and two articles whose outlet is unknown (one known by its web address, one by its file).

Loaded by path (tests/ is not a package) through the ``matrix_story`` fixture in tests/conftest.py. ``cells`` reads
a claim row of a rendered page back, so the Markdown, HTML and web-app tests check the same things.
"""

from __future__ import annotations

import html
import re

from newsprism.records import AnalysisResult, Article, ClaimGroup, ClaimSource, Story

COURIER_1 = Article(id="a-courier-1", outlet="The Tallwick Courier", published="2031-06-01T08:00:00",
                    source_path="in/courier-1.txt", title="Brindle dam spillway cracks",
                    text="The Brindle dam spillway cracked on Sunday, engineers said. Cracks ran along the east wall.")
COURIER_2 = Article(id="a-courier-2", outlet="tallwick  courier", published="2031-06-02T09:00:00",
                    source_path="in/courier-2.txt", title="Water board: no crack",
                    text="The water board denied that the spillway had cracked.")
GAZETTE = Article(id="a-gazette", url="https://www.brindle-gazette.example/news/dam", published="2031-06-01T12:00:00",
                  title="Dam damage", text="Brindle's spillway has cracked, the gazette has learned.")
RADIO = Article(id="a-radio", outlet="Orrin Valley Radio", published="2031-06-01T15:00:00", source_path="in/radio.txt",
                title="Evacuation downstream",
                text="A council engineer claimed the spillway had cracked. Families below the dam were moved.")
NOTES = Article(id="a-notes", source_path="/data/in/kestrel-notes.html", published="2031-06-03T10:00:00",
                title="Is the dam safe", text="Claims that the spillway cracked could not be verified.")

DAM = ClaimGroup(
    id="c-dam", text="The Brindle dam spillway cracked.", status="disputed",
    reason="Reported by the Courier and the Gazette, denied by the water board, doubted by one page.",
    first_source=COURIER_1.id, independent_origins=2,
    sources=(
        ClaimSource(article_id=COURIER_1.id, outlet=COURIER_1.outlet, stance="reports",
                    text="The Brindle dam spillway cracked on Sunday, engineers said.", attributed_to="engineers",
                    claim_id="k1"),
        ClaimSource(article_id=COURIER_1.id, outlet=COURIER_1.outlet, stance="reports",
                    text="Cracks ran along the east wall.", claim_id="k2"),
        # the same sentence again under another claim id: shown once in a cell, kept in report.json
        ClaimSource(article_id=COURIER_1.id, outlet=COURIER_1.outlet, stance="reports",
                    text="The Brindle dam spillway cracked on Sunday, engineers said.", attributed_to="engineers",
                    claim_id="k1b"),
        ClaimSource(article_id=COURIER_2.id, outlet=COURIER_2.outlet, stance="denies",
                    text="The water board denied that the spillway had cracked.", attributed_to="the water board",
                    claim_id="k3", link="names-claim"),
        ClaimSource(article_id=GAZETTE.id, outlet=None, stance="reports",
                    text="Brindle's spillway has cracked, the gazette has learned.", claim_id="k4"),
        ClaimSource(article_id=RADIO.id, outlet=RADIO.outlet, stance="attributes",
                    text="A council engineer claimed the spillway had cracked.", attributed_to="a council engineer",
                    claim_id="k5"),
        ClaimSource(article_id=NOTES.id, outlet=None, stance="doubts",
                    text="Claims that the spillway cracked could not be verified.", claim_id="k6", link="wording"),
    ))
EVACUATION = ClaimGroup(
    id="c-evac", text="Families below the dam were moved.", status="single-source", reason="One outlet.",
    first_source=RADIO.id, independent_origins=1,
    sources=(ClaimSource(article_id=RADIO.id, outlet=RADIO.outlet, stance="reports",
                         text="Families below the dam were moved.", claim_id="k7"),))

ARTICLES = (COURIER_1, COURIER_2, GAZETTE, RADIO, NOTES)
STORY = Story(id="s-dam", title="Brindle dam spillway", article_ids=tuple(a.id for a in ARTICLES),
              claims=(EVACUATION, DAM))

LABELS = ("The Tallwick Courier", "brindle-gazette.example", "Orrin Valley Radio", "kestrel-notes.html")
"""The matrix columns, in order of first publication: the Courier once, unknown outlets by web host and file."""


def result() -> AnalysisResult:
    return AnalysisResult(articles=ARTICLES, stories=(STORY,))


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def headers(page: str, claim_id: str) -> list[str]:
    """The outlet column headers of the table that holds the claim's row."""
    row_at = page.index(f'id="claim-{claim_id}"')
    table = page[page.rindex("<table", 0, row_at):row_at]
    head = re.search(r"<thead>(.*?)</thead>", table, re.S)
    assert head, "no table head"
    return [_text(h) for h in re.findall(r'<th scope="col" class="outlet-col[^"]*"[^>]*>(.*?)</th>', head.group(1),
                                         re.S)]


def cells(page: str, claim_id: str) -> list[tuple[str, str]]:
    """The claim row's cells as (opening tag, text), left to right."""
    row = re.search(rf'<tr class="claim-row" id="claim-{re.escape(claim_id)}".*?</tr>', page, re.S)
    assert row, f"no row for {claim_id}"
    return [(m.group(1), _text(m.group(2))) for m in re.finditer(r'(<td class="cell[^>]*>)(.*?)</td>', row.group(0),
                                                                   re.S)]
