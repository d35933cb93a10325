import json
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest
from tests.summarize.stories import disputed_story

from newsprism.settings import Settings
from newsprism.summarize import summarize_story
from newsprism.summarize.abstractive import endpoint, parse_sentences, summarize_abstractive

pytestmark = pytest.mark.slow

CANNED = ("Officials in Port Amsel said Valdoria asked Kestrel for artillery shells and armoured vehicles [1][2]. "
          "Spokesman Ilya Marenko said Valdoria has not asked Kestrel for any weapons [2]. "
          "Finance minister Oda Renn will visit Kestrel next week for trade talks [1, 3]. "
          "Valdoria also ordered 90 fighter jets from Ostmark [1]. "
          "The talks are widely expected to fail.")


class _Handler(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict]] = []
    reply: str = CANNED
    status: int = 200

    def do_POST(self) -> None:  # noqa: N802 - the http.server hook name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append({"path": self.path, "body": body})
        data = json.dumps({"choices": [{"message": {"role": "assistant", "content": type(self).reply}}]}).encode()
        self.send_response(type(self).status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.requests, _Handler.reply, _Handler.status = [], CANNED, 200
    httpd = HTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_endpoint_forms() -> None:
    assert endpoint("http://h:1") == "http://h:1/v1/chat/completions"
    assert endpoint("http://h:1/v1/") == "http://h:1/v1/chat/completions"
    assert endpoint("http://h:1/v1/chat/completions") == "http://h:1/v1/chat/completions"


def test_citation_parsing() -> None:
    got = parse_sentences("Alpha rose [1][3]. Beta fell [2, 9]. Gamma held.", 3)
    assert got == [("Alpha rose.", (1, 3)), ("Beta fell.", (2,)), ("Gamma held.", ())]


def test_generated_sentences_are_verified_against_their_citations(server, resources, caplog) -> None:
    story, arts = disputed_story()
    settings = Settings(abstractive_url=server, abstractive_model="tiny-test")
    with caplog.at_level(logging.WARNING, logger="newsprism.summarize.abstractive"):
        summary = summarize_abstractive(story, arts, resources=resources, settings=settings)
    sent = _Handler.requests[0]
    assert sent["path"] == "/v1/chat/completions" and sent["body"]["model"] == "tiny-test"
    prompt = sent["body"]["messages"][1]["content"]
    assert "[1]" in prompt and "Harbor Gazette" in prompt
    texts = [s.text for s in summary]
    assert any("artillery" in t for t in texts)
    assert any("has not asked" in t for t in texts)
    renn = next(s for s in summary if "Oda Renn" in s.text)
    assert set(renn.citations) == {"a1", "c1"}
    # invented jets (a name and a number no cited article states) and the uncited opinion are dropped and logged
    assert not any("fighter jets" in t or "expected to fail" in t for t in texts)
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "fighter jets" in logged and "expected to fail" in logged


def test_backend_errors_fall_back_to_extractive(server, resources) -> None:
    _Handler.status = 500
    story, arts = disputed_story()
    settings = Settings(abstractive_url=server, summary_sentences=3)
    summary, _t, _h = summarize_story(story, arts, resources=resources, settings=settings)
    assert summary and all(any(s.text in a.text for a in arts) for s in summary)
