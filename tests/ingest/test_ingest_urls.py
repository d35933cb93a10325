"""URL inputs and URL lists against a local HTTP server started by the test (never the internet)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsprism.settings import Settings

PAGE = (b"<!DOCTYPE html><html><head><title>Quarry expansion halted</title></head><body>"
        b"<p>The Stonebury quarry may not expand, a planning judge ruled on Wednesday.</p></body></html>")


class _Server:
    def __init__(self, routes: dict[str, tuple[int, str, bytes]]) -> None:
        self.routes = routes
        self.hits: dict[str, int] = {}
        self.agents: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                server.hits[self.path] = server.hits.get(self.path, 0) + 1
                server.agents.append(self.headers.get("User-Agent", ""))
                if self.path == "/slow":
                    time.sleep(0.6)
                if self.path == "/flaky" and server.hits[self.path] == 1:
                    status, ctype, body = 503, "text/plain", b"busy"
                else:
                    status, ctype, body = server.routes.get(self.path, (404, "text/plain", b"not here"))
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                return None

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def server(data: Path) -> Iterator[_Server]:
    srv = _Server({
        "/page": (200, "text/html; charset=utf-8", PAGE),
        "/feed": (200, "application/rss+xml", (data / "feed.rss").read_bytes()),
        "/atom-as-xml": (200, "text/xml", (data / "feed.atom").read_bytes()),
        "/flaky": (200, "text/html", PAGE.replace(b"Stonebury", b"Flakeham")),
        "/plain": (200, "text/plain", b"Plain text notice: the Dunmere ferry is suspended."),
        "/image": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(300)),
        "/slow": (200, "text/html", PAGE),
    })
    srv.thread.start()
    yield srv
    srv.httpd.shutdown()
    srv.httpd.server_close()


def test_url_list_fetches_each_url_and_reports_bad_lines(read, server: _Server, tmp_path: Path) -> None:
    urls = tmp_path / "todo.urls"
    urls.write_text("\n".join(["# morning run", server.url("/page"), server.url("/feed"), "ftp://old.example/x",
                               server.url("/missing"), server.url("/plain"), server.url("/image")]) + "\n",
                    encoding="utf-8")
    docs, failures = read([urls])
    page = docs[0]
    assert page.source_path == server.url("/page") and page.url == server.url("/page")
    assert page.format == "html" and "Stonebury" in (page.html or "")
    feed_docs = [d for d in docs if d.source_path == server.url("/feed")]
    assert [d.url for d in feed_docs] == ["https://kestrel.example/lighthouse", "https://kestrel.example/dredging"]
    assert docs[-1].format == "text" and "Dunmere" in (docs[-1].text or "")
    assert len(docs) == 4
    errors = {f.source_path: f.error for f in failures}
    assert "line 4" in errors[str(urls)] and "not an http(s) URL" in errors[str(urls)]
    assert "HTTP 404" in errors[server.url("/missing")]
    assert "binary" in errors[server.url("/image")]
    assert all(agent == Settings().user_agent for agent in server.agents)  # the polite User-Agent


def test_txt_file_of_urls_is_sniffed(read, server: _Server, tmp_path: Path) -> None:
    listing = tmp_path / "links.txt"
    listing.write_text(f"{server.url('/page')}\n{server.url('/plain')}\n", encoding="utf-8")
    docs, failures = read([listing])
    assert failures == [] and [d.source_path for d in docs] == [server.url("/page"), server.url("/plain")]


def test_url_inputs_sniff_feed_or_page(read, server: _Server) -> None:
    docs, failures = read([server.url("/atom-as-xml"), server.url("/page")])
    assert failures == []
    assert docs[0].outlet == "Fenwick Daily" and docs[0].source_path == server.url("/atom-as-xml")
    assert docs[1].format == "html" and docs[1].source_path == server.url("/page")


def test_retries_after_a_server_error(read, server: _Server) -> None:
    docs, failures = read([server.url("/flaky")], settings=Settings(fetch_retries=2))
    assert failures == [] and "Flakeham" in (docs[0].html or "")
    assert server.hits["/flaky"] == 2


def test_timeout_is_a_failure_and_the_batch_goes_on(read, server: _Server) -> None:
    settings = Settings(fetch_timeout=0.2, fetch_retries=1)
    docs, failures = read([server.url("/slow"), server.url("/page")], settings=settings)
    assert [d.source_path for d in docs] == [server.url("/page")]
    assert len(failures) == 1 and "timed out" in failures[0].error and "2 tries" in failures[0].error
    assert server.hits["/slow"] == 2
