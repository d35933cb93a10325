"""The app's story page shows one cell per outlet, like the HTML report; its JSON API keeps every source."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from fastapi.testclient import TestClient

from newsprism.store import Store
from newsprism.web.app import create_app


def test_story_page_has_one_cell_per_outlet(tmp_path: Path, matrix_story: ModuleType) -> None:
    m = matrix_story
    db = tmp_path / "newsprism.db"
    result = m.result()
    with Store(db) as store:
        store.upsert_articles(result.articles)
        store.save_analysis(result)
    client = TestClient(create_app(db, cache_mb=0), base_url="http://localhost")  # a loopback Host
    page = client.get("/stories/s-dam").text
    assert m.headers(page, "c-dam") == list(m.LABELS)
    assert '<a href="/outlets/The%20Tallwick%20Courier">The Tallwick Courier</a>' in page
    cells = m.cells(page, "c-dam")
    assert len(cells) == 4
    tag, text = cells[0]
    assert 'data-stances="reports denies"' in tag
    assert text.count("The Brindle dam spillway cracked on Sunday") == 1
    assert "Cracks ran along the east wall." in text and "per the water board" in text
    assert [t for t, _ in cells[1:]] == ['<td class="cell" data-stances="reports">',
                                         '<td class="cell" data-stances="attributes">',
                                         '<td class="cell cell-contested" data-stances="doubts">']
    assert page.index('id="claim-c-dam"') < page.index('id="claim-c-evac"')
    claims = client.get("/api/stories/s-dam").json()["claims"]
    dam = next(c for c in claims if c["id"] == "c-dam")
    assert len(dam["sources"]) == 7 and dam["status"] == "disputed"
