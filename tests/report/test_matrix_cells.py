"""One cell per outlet in every matrix view (the view model, Markdown, HTML), on a story written for it.

The Courier is spelt two ways and both reports and denies the claim; two articles have no outlet and are shown by
their web host and file name. report.json keeps every source as it was.
"""

from __future__ import annotations

from types import ModuleType

from newsprism.labels import Stance
from newsprism.report.html import to_html
from newsprism.report.json import to_report_dict
from newsprism.report.markdown import to_markdown
from newsprism.report.schema import validate_report
from newsprism.report.views import claim_matrix, outlet_key


def test_outlet_key_ignores_case_spacing_and_a_leading_the() -> None:
    assert outlet_key("The Tallwick Courier") == outlet_key("tallwick  courier") == outlet_key(" TALLWICK Courier ")
    assert outlet_key("The") == "the"  # a name that is only "the" is kept
    assert outlet_key("Theatre Weekly") != outlet_key("atre Weekly")


def test_view_model_has_one_cell_per_outlet_with_all_its_sentences(matrix_story: ModuleType) -> None:
    m = matrix_story
    columns, rows = claim_matrix(m.STORY, {a.id: a for a in m.ARTICLES})
    assert tuple(c.label for c in columns) == m.LABELS
    assert [c.outlet for c in columns] == ["The Tallwick Courier", None, "Orrin Valley Radio", None]
    assert [r.id for r in rows] == ["c-dam", "c-evac"]  # the contested claim first
    courier, gazette, radio, notes = rows[0].cells
    assert [(e.stance, e.text, e.article_id, e.attributed_to) for e in courier.evidence] == [
        ("reports", "The Brindle dam spillway cracked on Sunday, engineers said.", "a-courier-1", "engineers"),
        ("reports", "Cracks ran along the east wall.", "a-courier-1", None),
        ("denies", "The water board denied that the spillway had cracked.", "a-courier-2", "the water board"),
    ]  # the sentence given twice is listed once
    assert courier.stances == ("reports", "denies") and courier.mixed and courier.contested
    assert courier.who == ("engineers", "the water board")
    assert courier.article_ids == ("a-courier-1", "a-courier-2")
    assert gazette.stances == ("reports",) and not gazette.mixed and not gazette.contested
    assert radio.who == ("a council engineer",)
    assert notes.stances == (Stance.DOUBTS,) and notes.contested
    assert [bool(c) for c in rows[1].cells] == [False, False, True, False]
    assert rows[0].outlet_count == 4 and rows[1].minor


def test_markdown_row_names_each_outlet_once(matrix_story: ModuleType) -> None:
    md = to_markdown(matrix_story.result())
    claim_lines = [line for line in md.splitlines() if line.startswith("| ") and "spillway cracked. |" in line]
    assert len(claim_lines) == 1
    line = claim_lines[0]
    for label in matrix_story.LABELS:
        assert line.count(f"**{label}**") == 1, label
    assert "**tallwick  courier**" not in line
    entries = line.split(" | ")[2].split("<br>")
    assert len(entries) == 4
    courier = entries[0]
    assert courier.startswith("**The Tallwick Courier** (reports + denies): ")
    assert courier.count("The Brindle dam spillway cracked on Sunday") == 1
    assert "Cracks ran along the east wall." in courier
    assert ("denies per the water board [2] “The water board denied that the spillway had cracked.” (names what it "
            "denies or doubts)") in courier
    assert entries[3].endswith("(shares the row's wording only: check what it answers)")
    assert entries[3].startswith("**kestrel-notes.html** (doubts): doubts [5]")
    assert "?" not in line
    articles_line = next(x for x in md.splitlines() if x.startswith("Articles: "))
    assert "[3] brindle-gazette.example" in articles_line and "[5] kestrel-notes.html" in articles_line
    assert md.index("spillway cracked. |") < md.index("Families below the dam were moved. |")  # contested first


def test_html_row_has_one_cell_per_outlet(matrix_story: ModuleType) -> None:
    m = matrix_story
    page = to_html(m.result())
    assert m.headers(page, "c-dam") == list(m.LABELS)
    cells = m.cells(page, "c-dam")
    assert len(cells) == 4
    tag, text = cells[0]
    assert 'data-stances="reports denies"' in tag and "cell-mixed" in tag and "cell-contested" in tag
    assert text.startswith("reports denies reports [1]")  # the cell's stances first, then each sentence
    assert text.count("The Brindle dam spillway cracked on Sunday") == 1
    assert "denies [2] per the water board (names what it denies or doubts) The water board denied that" in text
    assert 'class="link link-names-claim"' in cells[0][0] + page and 'class="link link-wording"' in page
    assert 'data-stances="doubts"' in cells[3][0] and "could not be verified" in cells[3][1]
    assert 'class="outlet-col outlet-unknown"' in page
    assert ">?<" not in page.split('id="claim-c-dam"')[0].rsplit("<table", 1)[1]  # no "?" header


def test_report_json_keeps_every_source(matrix_story: ModuleType) -> None:
    report = to_report_dict(matrix_story.result())
    validate_report(report, strict=True)
    dam = next(c for c in report["stories"][0]["claims"] if c["id"] == "c-dam")
    assert len(dam["sources"]) == len(matrix_story.DAM.sources) == 7
    assert [s["stance"] for s in dam["sources"]] == [s.stance for s in matrix_story.DAM.sources]
    assert [s["outlet"] for s in dam["sources"]][3:5] == ["tallwick  courier", None]  # as given, not relabelled
    assert dam["status"] == "disputed" and type(dam["status"]) is str
    assert [s["link"] for s in dam["sources"]] == [None, None, None, "names-claim", None, None, "wording"]


def test_records_of_one_jsonl_file_without_outlet_are_columns_of_their_own(matrix_story: ModuleType) -> None:
    from dataclasses import replace

    m = matrix_story
    arts = {a.id: a for a in m.ARTICLES}
    arts["a-gazette"] = replace(arts["a-gazette"], url=None, source_path="/data/feed.jsonl", source_id="gz-3")
    arts["a-notes"] = replace(arts["a-notes"], source_path="/data/feed.jsonl", source_id="nt-9")
    columns, _ = claim_matrix(m.STORY, arts)
    assert [c.label for c in columns] == ["The Tallwick Courier", "feed.jsonl #gz-3", "Orrin Valley Radio",
                                         "feed.jsonl #nt-9"]
