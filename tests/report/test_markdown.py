"""report.md renders inert: untrusted text cannot inject HTML, event handlers or script links."""

from __future__ import annotations

import re
from dataclasses import replace

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


def test_an_article_in_another_language_shows_it_english_ones_do_not() -> None:
    result = sample_result()
    first = result.articles[0]
    articles = (replace(first, language="de"), *(replace(a, language="en") for a in result.articles[1:]))
    md = to_markdown(replace(result, articles=articles))
    assert md.count("(de)") == 2  # its story's list of articles and the list of all articles
    assert "(en)" not in md
