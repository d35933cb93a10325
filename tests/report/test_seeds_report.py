"""The report made from ../shared/seeds, in headless Chromium (skips without ../shared or /usr/bin/chromium).

Runs the whole pipeline on the five seed articles once per module, so it is marked slow as well as browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsprism.records import AnalysisResult
from newsprism.report.html import to_html

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def seeds_report(shared_dir: Path, resources: Any, settings: Any,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AnalysisResult, Path]]:
    from newsprism.api import analyze

    result = analyze([shared_dir / "seeds"], settings=settings, resources=resources)
    path = tmp_path_factory.mktemp("seeds") / "report.html"
    path.write_text(to_html(result), encoding="utf-8")
    yield result, path


def test_military_request_row_shows_denials_and_doubt(seeds_report: tuple[AnalysisResult, Path], page: Any) -> None:
    result, path = seeds_report
    rows = [(s, g) for s in result.stories for g in s.claims
            if re.search(r"militar", g.text, re.I) and re.search(r"\bask|request", g.text, re.I)]
    assert rows, "no claim about the military request was compared"
    story, group = max(rows, key=lambda sg: sum(x.stance == "denies" for x in sg[1].sources))
    page.goto(f"{path.as_uri()}#story-{story.id}")
    row = page.locator(f"#claim-{group.id}")
    assert row.is_visible()
    stances = row.locator("td .ev-stance").all_inner_texts()  # one per sentence (a cell sums them up once)
    assert stances.count("denies") >= 3  # the Kremlin's and both Chinese embassy spokesmen's denials
    assert "doubts" in stances  # the wire agency that could not verify it
    assert page.dialogs == [] and page.errors == []


def test_summary_citation_reveals_a_sentence_of_the_cited_article(seeds_report: tuple[AnalysisResult, Path],
                                                                   page: Any) -> None:
    result, path = seeds_report
    story = next(s for s in result.stories if s.summary)
    texts = {a.id: a.text for a in result.articles}
    page.goto(f"{path.as_uri()}#story-{story.id}")
    buttons = page.locator(f"#story-{story.id} button.cite")
    assert buttons.count() >= 1
    for i in range(min(buttons.count(), 4)):
        buttons.nth(i).click()
        box = page.locator(f"#support-{story.id}")
        sentence = box.locator("blockquote").inner_text()
        cited = box.get_attribute("data-article")
        assert cited in texts and sentence.strip()
        assert _squash(sentence) in _squash(texts[cited])  # the browser collapses runs of spaces


def test_article_view_strikes_removed_junk(seeds_report: tuple[AnalysisResult, Path], page: Any) -> None:
    result, path = seeds_report
    art = max(result.articles, key=lambda a: len(a.removed))
    assert art.removed
    page.goto(f"{path.as_uri()}#article-{art.id}")
    struck = page.locator(f"#article-{art.id} del.removed")
    assert struck.count() == len(art.removed)
    assert struck.first.evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"
    assert struck.first.locator(".cat").inner_text() in {r.category for r in art.removed}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_no_row_shows_an_outlet_twice(seeds_report: tuple[AnalysisResult, Path], page: Any) -> None:
    """Headers of every matrix are distinct outlets (by normalised name), never "?", and every row has one cell
    per header; the Markdown lists each outlet once per row."""
    from newsprism.report.markdown import to_markdown
    from newsprism.report.views import outlet_key

    result, path = seeds_report
    for story in result.stories:
        page.goto(f"{path.as_uri()}#story-{story.id}")
        for table in page.locator(f"#story-{story.id} table.matrix").all():
            heads = [h.strip() for h in table.locator("thead th.outlet-col").all_text_contents()]  # also folded
            assert len({outlet_key(h) for h in heads}) == len(heads) and "?" not in heads
            for row in table.locator("tr.claim-row").all():
                assert row.locator("td.cell").count() == len(heads)
    for line in to_markdown(result).splitlines():
        if line.startswith("| ") and line.count(" | ") >= 3:
            labels = re.findall(r"(?:^|<br>)\*\*(.+?)\*\* \(", line.split(" | ")[2])
            assert len({outlet_key(x) for x in labels}) == len(labels), line


def test_top_row_is_the_military_request_in_every_view(seeds_report: tuple[AnalysisResult, Path], page: Any,
                                                        tmp_path: Path) -> None:
    """The story's main dispute leads the Markdown, the HTML report and the app: the military request with its
    denials, not an aside."""
    from fastapi.testclient import TestClient

    from newsprism.report.markdown import to_markdown
    from newsprism.store import Store
    from newsprism.web.app import create_app

    result, path = seeds_report
    story = max(result.stories, key=lambda s: len(s.article_ids))

    def military(text: str) -> bool:
        return bool(re.search(r"militar", text, re.I) and re.search(r"\bask|request|turned to", text, re.I))

    top = story.claims[0]
    assert military(top.text) and top.status in {"disputed", "denied"}
    assert sum(s.stance == "denies" for s in top.sources) >= 3
    rows = [ln for ln in to_markdown(result).splitlines() if ln.startswith("| ") and ln.count(" | ") >= 3
            and not ln.startswith("| claim") and not ln.startswith("| ---")]
    assert military(rows[0].split(" | ")[0])
    page.goto(f"{path.as_uri()}#story-{story.id}")
    first = page.locator(f"#story-{story.id} table.matrix tr.claim-row").first
    assert first.get_attribute("id") == f"claim-{top.id}"
    db = tmp_path / "seeds.db"
    with Store(db) as store:
        store.upsert_articles(result.articles)
        store.save_analysis(result)
    html = TestClient(create_app(db, cache_mb=0), base_url="http://localhost").get(f"/stories/{story.id}").text
    found = re.findall(r'id="claim-([^"]+)"', html)
    assert found and found[0] == top.id
