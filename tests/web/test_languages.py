"""Each article's language in the app, and a language filter over stories (pages, JSON API, Chromium). The store is
the sample result with the Orsk festival article marked German."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

FESTIVAL = "Lantern festival fills Orsk riverbanks"
STRIKE = "Velmora dockworkers strike over crane automation"


@pytest.fixture(scope="module")
def lang_store(write_store: Callable[[Any, str], Path], sample_module: ModuleType) -> Path:
    result = sample_module.sample_result()
    german = sample_module.LANTERN.id
    return write_store(replace(result, articles=tuple(replace(a, language="de") if a.id == german else a
                                                        for a in result.articles)), "web-lang")


@pytest.fixture(scope="module")
def lang_app(lang_store: Path) -> Any:
    from newsprism.web.app import create_app

    return create_app(lang_store)


@pytest.fixture(scope="module")
def lang_client(lang_app: Any) -> Any:
    from fastapi.testclient import TestClient

    return TestClient(lang_app, base_url="http://127.0.0.1")


def test_stories_carry_their_languages_and_filter_by_one(lang_client: Any) -> None:
    items = {s["title"]: s for s in lang_client.get("/api/stories").json()["items"]}
    assert items[FESTIVAL]["languages"] == ["de"] and items[STRIKE]["languages"] == ["en"]
    assert [s["title"] for s in lang_client.get("/api/stories?language=de").json()["items"]] == [FESTIVAL]
    assert [s["title"] for s in lang_client.get("/api/stories?language=en").json()["items"]] == [STRIKE]
    assert lang_client.get("/api/stories?language=fr").json()["total"] == 0


def test_articles_filter_by_language(lang_client: Any, sample_module: ModuleType) -> None:
    page = lang_client.get("/api/articles?language=de").json()
    assert [a["id"] for a in page["items"]] == [sample_module.LANTERN.id]
    assert page["items"][0]["language"] == "de"


@pytest.mark.parametrize("value", ["", "x", "<script>", "de;drop", "d" * 20])
def test_an_impossible_language_is_422(lang_client: Any, value: str) -> None:
    assert lang_client.get("/api/stories", params={"language": value}).status_code == 422


def test_the_stories_page_offers_the_languages_and_filters(lang_client: Any) -> None:
    html = lang_client.get("/").text
    assert '<select name="language" id="language">' in html and ">de (1)</option>" in html
    filtered = lang_client.get("/?language=de").text
    assert FESTIVAL in filtered and STRIKE not in filtered
    assert STRIKE in lang_client.get("/?language=%3Cb%3E").text  # a value that is no language means no filter


def test_the_story_page_names_an_article_in_another_language(lang_client: Any) -> None:
    story_id = next(s["id"] for s in lang_client.get("/api/stories").json()["items"] if s["title"] == FESTIVAL)
    html = lang_client.get(f"/stories/{story_id}").text
    assert '<span class="badge lang" title="written in de">de</span>' in html


@pytest.fixture(scope="module")
def lang_server(lang_app: Any, serve: Callable[[Any], AbstractContextManager[str]]) -> Iterator[str]:
    with serve(lang_app) as url:
        yield url


@pytest.mark.browser
def test_the_language_filter_in_chromium(lang_server: str, page: Any) -> None:
    page.goto(lang_server + "/")
    rows = "#stories-table tr.story-row td:first-child"
    assert sorted(page.locator(rows).all_inner_texts()) == sorted([FESTIVAL, STRIKE])
    page.select_option("#language", "de")
    with page.expect_navigation():
        page.click("#apply")
    assert page.locator(rows).all_inner_texts() == [FESTIVAL]
    assert page.locator("#stories-table td.languages").all_inner_texts() == ["de"]
    assert page.errors == []
