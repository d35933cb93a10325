"""report.md renders inert: untrusted text cannot inject HTML, event handlers or script links."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from tests.sample_result import XSS_IMG, XSS_SCRIPT, sample_result

from newsprism.records import AnalysisResult, Failure, Quote
from newsprism.report.markdown import _md, to_markdown

LINKS = ("[read more](javascript:alert(1)) ![x](data:text/html;base64,PHNjcmlwdD4=) "
         "<javascript:alert(1)> [ok](JaVaScRiPt:alert(2)) <a href=\"javascript:alert(3)\">x</a>")


def _hostile() -> AnalysisResult:
    result = sample_result()
    first = result.articles[0]
    articles = (replace(first, title=f"{first.title} {XSS_SCRIPT} {LINKS}", source_path="a`b<i>.txt"),
                *result.articles[1:])
    quote = Quote(id="q-x", article_id=first.id, text=f"{XSS_IMG} {LINKS}", speaker=f"Eve {XSS_SCRIPT}")
    failure = Failure(source_path="<svg onload=alert(1)>.txt", stage="ingest", error=LINKS, severity="warning")
    return replace(result, articles=articles, quotes=(*result.quotes, quote), failures=(*result.failures, failure))


def _rendered(md: str) -> str:
    return MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough").render(md)


def test_untrusted_markup_renders_as_text() -> None:
    md = to_markdown(_hostile())
    html = _rendered(md)
    assert "<script" not in html.lower() and "<img" not in html.lower() and "<svg" not in html.lower()
    assert "<a href" not in html.lower()  # no link at all comes from article text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the words are kept, as text
    assert not re.search(r"<[^>]*\bon\w+=", html)  # no tag carries an event handler
    assert not re.search(r"(?:href|src)\s*=\s*[\"']?\s*(?:javascript|data):", html, re.IGNORECASE)
    # other renderers (linkifiers, wikis) find no script scheme in the Markdown either; the text still reads it
    assert not re.search(r"(?:javascript|data)\s*:", md, re.IGNORECASE) and "javascript" in md


def test_the_same_markdown_with_html_off_also_has_no_link() -> None:
    html = MarkdownIt("commonmark").enable("table").render(to_markdown(_hostile()))
    assert "<a href" not in html.lower() and "<img" not in html.lower()


def test_escaping_keeps_plain_text_readable() -> None:
    assert _md("Ruiz said: the river works\nwill finish in May.") == "Ruiz said: the river works will finish in May."
    assert _md("a | b") == "a \\| b"
    rendered = _rendered(_md("Fish & chips cost [2] crowns, *not* 3 <b>") + "\n")
    assert rendered == "<p>Fish &amp; chips cost [2] crowns, *not* 3 &lt;b&gt;</p>\n"


@pytest.mark.browser
def test_rendered_markdown_runs_nothing_in_chromium(page: Any, tmp_path: Path) -> None:
    """The hostile report.md, rendered (markdown-it with HTML on) and opened in Chromium: no dialog, no error, and
    every link the page holds is the report's own (none points to a script scheme)."""
    html = "<!doctype html><meta charset=utf-8><body>" + _rendered(to_markdown(_hostile())) + "</body>"
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    page.goto(path.as_uri())
    for link in page.locator("a").all():
        link.click(timeout=2000, no_wait_after=True)
    assert page.dialogs == [] and page.errors == []
    assert page.evaluate("document.scripts.length") == 0
    assert page.locator("img[onerror], svg[onload]").count() == 0


def test_an_article_in_another_language_shows_it_english_ones_do_not() -> None:
    result = sample_result()
    first = result.articles[0]
    articles = (replace(first, language="de"), *(replace(a, language="en") for a in result.articles[1:]))
    md = to_markdown(replace(result, articles=articles))
    assert md.count("(de)") == 2  # its story's list of articles and the list of all articles
    assert "(en)" not in md


def test_a_quote_without_a_speaker_says_so_in_words() -> None:
    result = sample_result()
    first = result.articles[0]
    quotes = (Quote(id="q-none", article_id=first.id, text="Nobody knows who said this.", via="Politico"),
              Quote(id="q-anon", article_id=first.id, text="Officials said this.", anonymous=True))
    md = to_markdown(replace(result, quotes=quotes))
    rows = [line for line in md.splitlines() if "said this" in line]
    assert "| not identified | Nobody knows who said this. |  | Politico |" in rows[0]
    assert "| anonymous | Officials said this. | yes |" in rows[1]
    assert "| ? |" not in md
