"""The web app in headless Chromium, served by uvicorn on a loopback port: what a person sees and clicks."""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

pytestmark = pytest.mark.browser


def _apply(page: Any) -> None:
    """Submit the filter form and wait for the new page (reading rows before it lands would see the old list)."""
    with page.expect_navigation():
        page.click("#apply")


def _rows(page: Any) -> list[str]:
    return page.locator("#stories-table tr.story-row td:first-child").all_inner_texts()


def test_search_and_filters_narrow_the_list(server: str, page: Any, tmp_path: Path) -> None:
    page.goto(server + "/")
    assert len(_rows(page)) == 2
    page.fill("#q", "picket")  # a word only the articles' text holds
    _apply(page)
    assert _rows(page) == ["Velmora dockworkers strike over crane automation"]
    assert "1 story matching" in page.inner_text("#result-count")
    page.fill("#q", "")
    page.select_option("#status", "disputed")
    _apply(page)
    assert _rows(page) == ["Velmora dockworkers strike over crane automation"]
    page.select_option("#status", "")
    page.fill("#outlet", "Orsk Evening")
    _apply(page)
    assert _rows(page) == ["Lantern festival fills Orsk riverbanks"]
    page.fill("#outlet", "")
    page.fill("#date_from", "2031-03-01")
    page.fill("#date_to", "2031-03-31")
    _apply(page)
    assert _rows(page) == ["Velmora dockworkers strike over crane automation"]
    assert page.dialogs == [] and page.errors == []


def test_story_matrix_citations_and_article(server: str, page: Any, sample_module: ModuleType,
                                            tmp_path: Path) -> None:
    page.goto(server + "/")
    page.click("text=Velmora dockworkers strike over crane automation")
    row = page.locator("#claim-c-navy")
    assert row.locator("td .cell-stance").all_inner_texts() == ["reports", "attributes", "denies", "doubts"]
    assert row.locator("td .ev-stance").all_inner_texts() == ["reports", "attributes", "denies", "doubts"]
    assert row.locator(".badge").inner_text() == "disputed"

    ledger, coast = sample_module.LEDGER, sample_module.COAST
    page.locator("button.cite").nth(1).hover()
    box = page.locator("#support-s-strike")
    assert box.is_visible()
    sentence = box.locator("blockquote").inner_text()
    assert sentence and sentence in coast.text
    page.locator("button.cite").nth(0).click()
    sentence = box.locator("blockquote").inner_text()
    assert sentence in ledger.text and "walked off the job" in sentence
    _shot(page, tmp_path, "app-story.png")

    box.locator("a.open-article").click()
    page.wait_for_url(f"**/articles/{ledger.id}")
    struck = page.locator("del.removed")
    assert struck.count() == 3
    assert struck.nth(1).evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"
    assert struck.nth(1).locator(".cat").inner_text() == "engagement"
    assert page.dialogs == [] and page.errors == []


def test_hostile_article_shows_as_text(server: str, page: Any, sample_module: ModuleType) -> None:
    meridian = sample_module.MERIDIAN
    page.goto(f"{server}/articles/{meridian.id}")
    text = page.inner_text(".article-text")
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert "<script>alert(1)</script>" in page.inner_text("h2")
    assert page.locator(".article-text img, .article-text script").count() == 0
    page.goto(f"{server}/stories/s-strike")
    assert "<img src=x onerror=alert(1)>" in page.inner_text("#claim-c-loss")
    assert page.dialogs == [] and page.errors == []


def test_outlet_page(server: str, page: Any) -> None:
    page.goto(server + "/outlets")
    page.click("text=Coastline Post")
    assert page.locator("h2").inner_text() == "Coastline Post"
    assert "Northgate Wire" in page.inner_text("text=Whom it cites >> xpath=..")
    assert page.errors == []


def _shot(page: Any, tmp_path: Path, name: str) -> None:
    """Screenshots go to tmp; with NEWSPRISM_SCREENSHOTS=1 they refresh docs/screenshots for the README."""
    target = SCREENSHOTS if os.environ.get("NEWSPRISM_SCREENSHOTS") else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target / name), full_page=True)
