"""report.html: escaping, self-containment, the view models behind it, and a click-through in headless Chromium."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newsprism.records import AnalysisResult, Article, Removed, Story, SummarySentence
from newsprism.report.graph import provenance_graph
from newsprism.report.html import json_for_script, to_html
from newsprism.report.views import article_segments, best_support, claim_matrix, quote_groups, split_sentences

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _data(page_html: str) -> dict[str, Any]:
    m = re.search(r'<script type="application/json" id="np-data">(.*?)</script>', page_html, re.S)
    assert m, "the JSON data block is missing"
    return json.loads(m.group(1))


def test_untrusted_text_is_escaped(sample_module: ModuleType) -> None:
    page_html = to_html(sample_module.sample_result())
    assert "<script>alert(1)" not in page_html
    assert "<img src=x" not in page_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in page_html
    assert page_html.count("<script") == 2  # the JSON data block and the page's own script


def test_json_block_cannot_close_its_script(sample_module: ModuleType) -> None:
    result: AnalysisResult = sample_module.sample_result()
    evil = "The strike began.</script><script>alert(2)</script> Dockworkers walked off."
    ledger = next(a for a in result.articles if a.outlet == "Harbor Ledger")
    ledger = replace(ledger, text=ledger.text + " " + evil)
    story = replace(result.stories[0], summary=(SummarySentence(text=evil, citations=(ledger.id,)),))
    result = replace(result, articles=(ledger, *result.articles[1:]), stories=(story, *result.stories[1:]))
    page_html = to_html(result)
    assert page_html.count("<script") == 2
    support = _data(page_html)["support"]
    assert any("</script><script>alert(2)" in (v["sentence"] or "") for v in support.values())
    assert "<" not in str(json_for_script({"x": "</script><!--"}))


def test_page_is_self_contained_with_a_hash_csp(sample_module: ModuleType) -> None:
    page_html = to_html(sample_module.sample_result())
    assert not re.search(r"<(link|script|img|iframe)\b[^>]*\b(src|href)=", page_html)
    assert "http://" not in page_html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page_html
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page_html)
    assert found
    csp = html.unescape(found.group(1))
    assert "default-src 'none'" in csp
    style = re.search(r"<style>(.*?)</style>", page_html, re.S)
    script = re.search(r"<script>(.*?)</script>", page_html, re.S)
    assert style and script
    for body in (style.group(1), script.group(1)):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_report_shows_every_part_of_a_story(sample_module: ModuleType) -> None:
    page_html = to_html(sample_module.sample_result())
    for needle in ('id="story-s-strike"', 'id="claim-c-navy"', "st-denies", "st-doubts", "st-attributes",
                   "status-disputed", "Daily Meridian doubts it", "<svg", "edge-rewrites", "edge-cites",
                   "Anonymous sources", "Mara Ostrovic", "2031-03-06", "inferred", 'data-category="newsletter"',
                   "Tallwick weather", "broken.pdf"):
        assert needle in page_html, needle


def test_best_support_finds_the_matching_sentence() -> None:
    article = ("The council met on Monday. Officials said the bridge will close in May for repairs. "
               "\"It is overdue,\" one engineer said. Weather was mild.")
    found = best_support("The bridge closes in May for repairs, officials said.", article)
    assert found == "Officials said the bridge will close in May for repairs."
    assert found in article
    assert best_support("Completely unrelated zebra migration", "Short text about tax.") is None


def test_split_sentences_spans_are_exact() -> None:
    text = "First one. \"Second,\" she said. Third?\nFourth line"
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "\"Second,\" she said.", "Third?", "Fourth line"]


def test_removed_pieces_are_placed_by_offset_or_listed() -> None:
    raw = "MENU Home News\nThe mayor opened the bridge.\nShare on social"
    removed = (Removed(text="MENU Home News", category="navigation", start=0, end=14),
               Removed(text="Share on social", category="engagement", start=raw.index("Share"), end=len(raw)),
               Removed(text="Ad: buy boats", category="advertisement"))
    art = Article(id="a1", raw_text=raw, text="The mayor opened the bridge.", removed=removed)
    segments, unplaced = article_segments(art)
    assert [(s.category, s.text) for s in segments] == [
        ("navigation", "MENU Home News"), (None, "\nThe mayor opened the bridge.\n"), ("engagement", "Share on social")]
    assert [r.category for r in unplaced] == ["advertisement"]
    no_offsets = replace(art, removed=(Removed(text="junk", category="promo"),))
    segments, unplaced = article_segments(no_offsets)
    assert [s.text for s in segments] == ["The mayor opened the bridge."] and len(unplaced) == 1


def test_matrix_graph_and_quote_groups(sample_module: ModuleType) -> None:
    result: AnalysisResult = sample_module.sample_result()
    arts = {a.id: a for a in result.articles}
    story: Story = result.stories[0]
    outlets, rows = claim_matrix(story, arts)
    assert [c.label for c in outlets] == ["Harbor Ledger", "Coastline Post", "Northgate Wire", "Daily Meridian"]
    navy = rows[0]
    assert [[e.stance for e in cell.evidence] for cell in navy.cells] == [
        ["reports"], ["attributes"], ["denies"], ["doubts"]]
    assert [len(c.evidence) for c in rows[1].cells] == [1, 1, 0, 0]
    num = {a.id: i + 1 for i, a in enumerate(result.articles)}
    graph = provenance_graph(story, arts, result.citations, num)
    kinds = {(e.source, e.target, e.kind) for e in graph.edges}
    meridian = next(a for a in result.articles if a.outlet == "Daily Meridian")
    ledger = next(a for a in result.articles if a.outlet == "Harbor Ledger")
    assert (meridian.id, ledger.id, "rewrites") in kinds
    assert any(k == "cites" and t == "outlet:Northgate Wire" for _, t, k in kinds)
    x = {n.id: n.x for n in graph.nodes}
    assert x["outlet:Northgate Wire"] < x[ledger.id] < x[meridian.id]  # sources left of their copies
    groups = quote_groups(result.quotes)
    assert groups[-1].anonymous and {q.id for q in groups[-1].quotes} == {"q2", "q4"}


@pytest.mark.browser
def test_report_click_through(sample_module: ModuleType, page: Any, tmp_path: Path) -> None:
    result: AnalysisResult = sample_module.sample_result()
    path = tmp_path / "report.html"
    path.write_text(to_html(result), encoding="utf-8")
    page.goto(path.as_uri())
    rows = page.locator("#stories-table tr.story-row")
    assert rows.count() == 2
    page.fill("#story-filter", "lantern")
    assert page.locator("#stories-table tr.story-row:visible").count() == 1
    page.fill("#story-filter", "")
    page.check("#only-disputed")
    assert page.locator("#stories-table tr.story-row:visible").all_inner_texts()[0].startswith("Velmora")
    assert page.locator("#stories-table tr.story-row:visible").count() == 1

    page.click("text=Velmora dockworkers strike over crane automation")
    row = page.locator("#claim-c-navy")
    assert row.is_visible()
    cells = row.locator("td")
    assert cells.nth(2).locator(".cell-stance").inner_text() == "denies"
    assert cells.nth(3).locator(".cell-stance").inner_text() == "doubts"
    assert "disputed" in row.locator(".badge").inner_text()
    assert "denies it" in row.locator(".reason").inner_text()

    wire = next(a for a in result.articles if a.outlet == "Northgate Wire")
    page.locator("#story-s-strike button.cite").nth(2).click()
    box = page.locator("#support-s-strike")
    assert box.is_visible()
    sentence = box.locator("blockquote").inner_text()
    assert sentence and sentence in wire.text
    assert "denied" in sentence
    _shot(page, tmp_path, "report-story.png")

    box.locator("a.open-article").click()
    view = page.locator(f"#article-{wire.id}")
    assert view.is_visible() and "Port authority denies" in view.locator("h2").inner_text()

    ledger = next(a for a in result.articles if a.outlet == "Harbor Ledger")
    page.goto(f"{path.as_uri()}#article-{ledger.id}")
    struck = page.locator(f"#article-{ledger.id} del.removed")
    assert struck.count() == 3
    assert struck.first.evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"
    assert "newsletter" in struck.first.locator(".cat").inner_text()
    page.locator("header.top input.toggle-removed").check()
    assert not struck.first.is_visible()

    meridian = next(a for a in result.articles if a.outlet == "Daily Meridian")
    page.goto(f"{path.as_uri()}#article-{meridian.id}")
    text = page.locator(f"#article-{meridian.id} .article-text").inner_text()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert "<script>alert(1)</script>" in page.locator(f"#article-{meridian.id} h2").inner_text()
    assert page.dialogs == [] and page.errors == []


def _shot(page: Any, tmp_path: Path, name: str) -> None:
    """Screenshots go to tmp; with NEWSPRISM_SCREENSHOTS=1 they refresh docs/screenshots for the README."""
    target = SCREENSHOTS if os.environ.get("NEWSPRISM_SCREENSHOTS") else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target / name), full_page=True)


def test_a_corpus_too_large_for_one_page_shows_its_largest_stories(sample_module: ModuleType) -> None:
    """Past max_articles the page keeps the largest stories that fit and says what it left out."""
    result: AnalysisResult = sample_module.sample_result()
    full = to_html(result)
    big = max(result.stories, key=lambda s: len(s.article_ids))
    small = [s for s in result.stories if s is not big]
    assert small and len(big.article_ids) > 1
    page_html = to_html(result, max_articles=len(big.article_ids))
    assert "more stories and" not in full
    assert f"{len(small)} more stories and {len(result.articles) - len(big.article_ids)} more articles" in page_html
    assert f'id="story-{big.id}"' in page_html
    assert all(f'id="story-{s.id}"' not in page_html for s in small)
    assert all(f'id="article-{a}"' in page_html for a in big.article_ids)
    assert len(page_html) < len(full)


def test_graph_columns_of_a_long_chain_of_rewrites() -> None:
    """A big story can hold a chain of thousands of rewrites: each sits one column right of its source (no
    recursion limit), and a cycle of copies ends the chain instead of looping."""
    from newsprism.report.graph import _levels

    n = 5000
    ids = [f"a{i}" for i in range(n)]
    edges = {(f"a{i}", f"a{i - 1}"): "rewrites" for i in range(1, n)}
    edges[("a0", f"a{n - 1}")] = "duplicates"  # a cycle back to the start
    edges[("a7", "outlet:Wire")] = "cites"
    levels = _levels(ids, edges)
    assert levels["a1"] == 1 and levels["a2"] == 2 and levels[f"a{n - 1}"] == n - 1 and levels["a0"] == n
