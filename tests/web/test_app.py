"""The web app through its HTTP interface: pages, filters, escaping, security headers and the JSON API."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newsprism.errors import StoreError
from newsprism.web.app import create_app


def test_headers_forbid_inline_script(client: Any) -> None:
    for url in ("/", "/stories/s-strike", "/api/stories", "/nope"):
        resp = client.get(url)
        csp = resp.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
        assert resp.headers["x-content-type-options"] == "nosniff"


def test_pages_have_no_inline_script(client: Any, sample_module: ModuleType) -> None:
    for url in ("/", "/stories/s-strike", f"/articles/{sample_module.MERIDIAN.id}", "/outlets/Harbor%20Ledger"):
        html = client.get(url).text
        assert "<script>" not in html
        for tag in html.split("<script")[1:]:
            assert tag.startswith(' src="/static/') or tag.startswith(' type="application/json"')


def test_untrusted_text_is_escaped(client: Any, sample_module: ModuleType) -> None:
    art = client.get(f"/articles/{sample_module.MERIDIAN.id}").text
    story = client.get("/stories/s-strike").text
    for html in (art, story):
        assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in art
    assert "&lt;img src=x onerror=alert(1)&gt;" in story  # the claim text carries it


def test_stories_search_and_filters(client: Any) -> None:
    def titles(url: str) -> list[str]:
        return [s["title"] for s in client.get(url).json()["items"]]

    assert len(titles("/api/stories")) == 2
    assert titles("/api/stories?q=automation") == ["Velmora dockworkers strike over crane automation"]
    assert titles("/api/stories?q=picket") == ["Velmora dockworkers strike over crane automation"]  # article text only
    assert titles("/api/stories?q=riverbanks") == ["Lantern festival fills Orsk riverbanks"]
    assert titles("/api/stories?status=disputed") == ["Velmora dockworkers strike over crane automation"]
    assert titles("/api/stories?status=denied") == []
    assert titles("/api/stories?outlet=Orsk%20Evening") == ["Lantern festival fills Orsk riverbanks"]
    assert titles("/api/stories?date_from=2031-04-01") == ["Lantern festival fills Orsk riverbanks"]
    assert titles("/api/stories?date_to=2031-03-31") == ["Velmora dockworkers strike over crane automation"]
    page = client.get("/api/stories?per_page=1&page=2").json()
    assert page["total"] == 2 and len(page["items"]) == 1
    first = client.get("/api/stories").json()["items"][0]
    assert first["title"].startswith("Lantern")  # newest coverage first
    assert client.get("/api/stories?status=bogus").status_code == 422
    assert client.get("/api/stories?date_from=yesterday").status_code == 422


def test_hostile_search_input_is_only_a_parameter(client: Any) -> None:
    for q in ("' OR 1=1 --", '"unbalanced', "NEAR(a b)", "x* AND y", "\x00", "😀 Velmora"):
        resp = client.get("/api/stories", params={"q": q})
        assert resp.status_code == 200, q
    assert client.get("/api/stories", params={"q": "' OR 1=1 --"}).json()["total"] == 0
    assert client.get("/api/stories", params={"outlet": "x' OR '1'='1"}).json()["total"] == 0


def test_story_page_shows_matrix_and_links(client: Any, sample_module: ModuleType) -> None:
    html = client.get("/stories/s-strike").text
    assert 'id="claim-c-navy"' in html and "st-denies" in html and "st-doubts" in html
    assert f'href="/articles/{sample_module.LEDGER.id}"' in html
    assert 'href="/outlets/Northgate%20Wire"' in html
    assert '<script type="application/json" id="np-data">' in html


def test_story_api_matches_the_records(client: Any) -> None:
    data = client.get("/api/stories/s-strike").json()
    navy = next(c for c in data["claims"] if c["id"] == "c-navy")
    assert navy["status"] == "disputed"
    assert [s["stance"] for s in navy["sources"]] == ["reports", "attributes", "denies", "doubts"]
    assert {"source", "target", "kind"} <= set(navy["provenance"][0])
    assert len(data["articles"]) == 4
    assert client.get("/api/stories/nope").status_code == 404


def test_article_page_and_api(client: Any, sample_module: ModuleType) -> None:
    ledger = sample_module.LEDGER
    html = client.get(f"/articles/{ledger.id}").text
    assert html.count('<del class="removed"') == 3 and 'data-category="newsletter"' in html
    data = client.get(f"/api/articles/{ledger.id}").json()
    assert data["story_ids"] == ["s-strike"] and len(data["removed"]) == 3
    assert data["removed"][0]["start"] == 0
    assert client.get("/articles/nope").status_code == 404


def test_outlet_page_and_api(client: Any) -> None:
    data = client.get("/api/outlets/Coastline%20Post").json()
    assert data["article_count"] == 1
    assert data["cites"] == [{"outlet": "Northgate Wire", "count": 1}]
    assert data["stances"] == {"attributes": 1, "reports": 1}
    assert data["claim_statuses"] == {"disputed": 1, "corroborated": 1}
    cited = client.get("/api/outlets/Northgate%20Wire").json()
    assert cited["cited_by"] == [{"outlet": "Coastline Post", "count": 1}]
    assert "How its claims fare" in client.get("/outlets/Coastline%20Post").text
    assert client.get("/outlets/Nobody").status_code == 404
    names = [o["outlet"] for o in client.get("/api/outlets").json()]
    assert "Harbor Ledger" in names and "Chamber of Commerce" not in names


def test_app_is_read_only(store_path: Path, client: Any) -> None:
    conn = client.app.state.catalog.conn
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM stories")


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        create_app(tmp_path / "absent.db")


def test_openapi_documents_the_api(client: Any) -> None:
    doc = client.get("/openapi.json").json()
    paths = set(doc["paths"])
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/articles/{article_id}",
            "/api/outlets", "/api/outlets/{name}"} <= paths
    assert not any(p.startswith(("/stories", "/articles", "/static")) for p in paths)
    assert "404" in doc["paths"]["/api/stories/{story_id}"]["get"]["responses"]


def test_schemathesis_finds_no_server_errors(store_path: Path) -> None:
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings

    # schemathesis calls the app as Starlette's test client does, with Host "testserver"
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(store_path, allowed_hosts=["testserver"]))
    for op in schema.get_all_operations():
        operation = op.ok()

        @settings(max_examples=15, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case: Any) -> None:
            case.call_and_validate()

        given(case=operation.as_strategy())(check)()


def test_cached_pages_follow_store_changes(tmp_path: Path, sample_module: ModuleType) -> None:
    from dataclasses import replace

    from fastapi.testclient import TestClient

    from newsprism.store import Store

    db = tmp_path / "live.db"
    result = sample_module.sample_result()
    with Store(db) as store:
        store.upsert_articles(result.articles)
        store.save_analysis(replace(result, stories=result.stories[:1]))
    client = TestClient(create_app(db), base_url="http://localhost")
    assert client.get("/api/stories").json()["total"] == 1
    assert "Lantern festival" not in client.get("/").text
    assert client.get("/").headers["x-content-type-options"] == "nosniff"  # a cached page keeps its headers
    with Store(db) as store:
        store.save_analysis(result)
    assert client.get("/api/stories").json()["total"] == 2
    assert "Lantern festival" in client.get("/").text


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", ""])
def test_a_foreign_host_gets_400(client: Any, host: str) -> None:
    """DNS rebinding: a page of evil.example re-pointed at 127.0.0.1 must not read the local API."""
    response = client.get("/api/stories", headers={"host": host})
    assert response.status_code == 400 and "allowed_hosts" in response.text


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"])
def test_loopback_hosts_are_served(client: Any, host: str) -> None:
    assert client.get("/api/stories", headers={"host": host}).status_code == 200


def test_allowed_hosts_adds_names(store_path: Path) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(create_app(store_path, allowed_hosts=["news.lan"]), base_url="http://news.lan:8000")
    assert client.get("/api/stories").status_code == 200
    assert client.get("/api/stories", headers={"host": "other.lan"}).status_code == 400


@pytest.mark.parametrize("value", ["0", "2022-13-45", "yesterday", "20220101", "2022-1-5"])
def test_impossible_dates_are_422(client: Any, value: str) -> None:
    assert client.get("/api/stories", params={"date_to": value}).status_code == 422
    assert client.get("/api/stories", params={"date_from": value}).status_code == 422


def test_a_real_date_filters(client: Any) -> None:
    assert client.get("/api/stories", params={"date_from": "2000-01-01", "date_to": "2099-12-31"}).status_code == 200
