"""HTML cleaning, metadata, corpus repetition and bad input, on pages and texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.clean import clean_corpus, clean_document, load_registry, repeated_lines
from newsprism.clean import meta as M
from newsprism.pipeline import FailurePolicy
from newsprism.records import Article, RawDocument
from newsprism.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data" / "clean"
PAGE = (DATA / "article_page.html").read_text(encoding="utf-8")
BODY = ("The iron lanterns that lined the old stone bridge of Corvel for more than a century were switched on "
        "again on Friday evening")


def _clean(docs: list[RawDocument]) -> tuple[list[Article], FailurePolicy]:
    policy = FailurePolicy()
    return clean_corpus(docs, settings=Settings(), policy=policy, progress=lambda *a: None), policy


@pytest.fixture(scope="module")
def page() -> Article:
    doc = RawDocument(source_path="article_page.html", url="https://corvelcourier.example/city/lanterns", html=PAGE,
                      format="html")
    return clean_document(doc, settings=Settings())


def test_html_body_and_metadata(page: Article) -> None:
    assert BODY in page.text
    assert "A century of light" in page.text.split("\n")  # sub-heading kept
    assert page.title == "Lanterns return to Corvel bridge after repairs"
    assert page.outlet == "The Corvel Courier"
    assert page.published == "2024-05-17"
    assert page.authors == ("Petra Lindqvist",)
    assert page.language == "en"


def test_html_junk_recorded(page: Article) -> None:
    cats = {r.text: r.category for r in page.removed}
    assert cats["The restored lanterns on the old stone bridge at dusk."] == "caption"
    assert cats["Sign up for our newsletter to get the week's news from Corvel in your inbox."] == "newsletter"
    assert cats["Read more: Corvel market moves to the harbour for the summer"] == "related-link"
    assert "newsletter" not in page.text and "Home" not in page.text.split("\n")
    for r in page.removed:
        if r.start >= 0:
            assert page.raw_text[r.start:r.end].strip() == r.text


def test_outlet_from_misspelled_dateline() -> None:
    registry = load_registry(Settings())
    text = ("Asociated Press | Fishermen in the port of Velmora returned to sea on Monday after a week of storms "
            "kept the fleet in harbour.\n\nThe harbour master said the catch was smaller than usual.\n")
    art = clean_document(RawDocument(source_path="x.txt", text=text), settings=Settings(), registry=registry)
    assert art.outlet == "Associated Press"
    assert text.split("\n")[0] in art.text  # the dateline stays in the body


def test_outlet_from_url_and_source_line() -> None:
    registry = load_registry(Settings())
    assert M.find_outlet(meta_name=None, url="https://www.reuters.com/world/x", lines=[], junk=[],
                         registry=registry) == "Reuters"
    assert M.find_outlet(meta_name=None, url=None, lines=[], junk=[("Source: Lowmoor Gazette", "source-line")],
                         registry=registry) == "Lowmoor Gazette"


def test_dates_and_authors() -> None:
    assert M.date_in_lines(["Published March 3, 2023 | 10:15"]) == "2023-03-03"
    assert M.date_in_lines(["Veröffentlicht am 04.05.2021"]) == "2021-05-04"
    assert M.date_in_lines(["no date here"]) is None
    assert M.authors_from(["By Mara Ellison and Tomas Reyes"]) == ("Mara Ellison", "Tomas Reyes")
    art = clean_document(RawDocument(source_path="x.txt", text=(
        "Harbour tolls rise\n\nBy Mara Ellison | June 2, 2022\n\nThe harbour board raised its tolls by five per "
        "cent on Monday, the first rise since the storm of last winter damaged the north quay.\n")),
        settings=Settings())
    assert art.published == "2022-06-02"
    assert art.authors == ("Mara Ellison",)


def test_corpus_repetition_removes_site_furniture_not_syndicated_copies() -> None:
    stories = [f"The {w} festival in Lowmoor drew record crowds on Saturday, organisers said, with more than "
               f"{n} thousand visitors over the weekend." for w, n in (("kite", 3), ("cheese", 4), ("boat", 5),
                                                                      ("lantern", 6))]
    docs = [RawDocument(source_path=f"{i}.txt", outlet="Lowmoor Gazette",
                        text=f"{s}\n\nOrganisers plan to repeat the event next year.\n\nLowmoor Gazette weekend desk")
            for i, s in enumerate(stories)]
    copies = [RawDocument(source_path=f"c{i}.txt", outlet="Skerra Post", text=f"{stories[0]}\n\nA quiet note here.")
              for i in range(3)]
    assert "lowmoor gazette weekend desk" in repeated_lines(docs)
    assert "a quiet note here" not in repeated_lines(copies)  # three copies of one story are not boilerplate
    arts, _ = _clean(docs)
    assert all("Lowmoor Gazette weekend desk" not in a.text for a in arts)
    assert all(any(r.text == "Lowmoor Gazette weekend desk" for r in a.removed) for a in arts)


def test_empty_page_is_a_failure_not_a_crash() -> None:
    arts, policy = _clean([RawDocument(source_path="empty.html", html="   ", format="html"),
                           RawDocument(source_path="empty.txt", text="\n\n")])
    assert arts == []
    assert {f.source_path for f in policy.failures} == {"empty.html", "empty.txt"}
    assert all(f.stage == "clean" and "empty" in f.error for f in policy.failures)


def test_page_without_body_is_an_error_row_and_no_article() -> None:
    """An error row means the item was lost: an empty article beside it would reach the report, the store and a
    story of empty pages."""
    html = "<html><body><nav><a href='/'>Home</a> <a href='/a'>About us</a></nav></body></html>"
    arts, policy = _clean([RawDocument(source_path="nobody.html", html=html, format="html")])
    assert arts == []
    (row,) = policy.failures
    assert row.severity == "error" and "no article body" in row.error and row.source_path == "nobody.html"


def test_huge_page_becomes_failure() -> None:
    para = "<div><span>word</span></div>" * 1_800_000  # about 50 MB of markup that is not script or style
    arts, policy = _clean([RawDocument(source_path="huge.html", html=f"<html><body>{para}</body></html>",
                                       format="html")])
    assert arts == []
    assert policy.failures and "extraction limit" in policy.failures[0].error


def test_huge_page_of_scripts_is_still_read() -> None:
    script = "<script>var x = '" + "a" * 10_000_000 + "';</script>"
    body = f"<p>{BODY}, after two years of careful repairs by a team of local metalworkers.</p>"
    html = f"<html><head>{script}</head><body><article>{body}{body.replace('iron', 'old')}</article></body></html>"
    arts, _ = _clean([RawDocument(source_path="scripts.html", html=html, format="html")])
    assert len(arts) == 1 and BODY in arts[0].text


def test_deeply_nested_html_does_not_crash() -> None:
    html = "<html><body>" + "<div>" * 20_000 + f"<p>{BODY}.</p>" + "</div>" * 20_000 + "</body></html>"
    arts, policy = _clean([RawDocument(source_path="deep.html", html=html, format="html")])
    assert len(arts) + len(policy.failures) >= 1
    if arts:
        assert isinstance(arts[0].text, str)


def test_mixed_encodings_are_cleaned() -> None:
    text = ("CafÃ© owners in Lowmoor protest new rent rules\n\nThe owners of twelve cafés in Lowmoor closed their "
            "doors for an hour on Tuesday in protest at new rent rules, the association said. Caf\ufffd prices "
            "may rise.\n")
    arts, policy = _clean([RawDocument(source_path="mixed.txt", text=text)])
    assert len(arts) == 1 and "twelve cafés" in arts[0].text
    assert not policy.failures
