"""Fixtures: the sample result and headless Chromium (from tests/htmlkit.py), a store, the app, a live server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest


@pytest.fixture(scope="session")
def write_store(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Any, str], Path]:
    """Writes an analysis result into a new store through the Store API; returns the store's path."""
    from newsprism.store import Store

    def write(result: Any, name: str) -> Path:
        db = tmp_path_factory.mktemp(name) / "newsprism.db"
        with Store(db) as store:
            store.upsert_articles(result.articles)
            store.save_analysis(result)
        return db

    return write


@pytest.fixture(scope="session")
def store_path(write_store: Callable[[Any, str], Path], sample_module: ModuleType) -> Path:
    """A store holding the sample result."""
    return write_store(sample_module.sample_result(), "web")


@pytest.fixture(scope="session")
def app(store_path: Path) -> Any:
    from newsprism.web.app import create_app

    return create_app(store_path)


@pytest.fixture(scope="session")
def client(app: Any) -> Any:
    from fastapi.testclient import TestClient

    return TestClient(app, base_url="http://127.0.0.1")  # a loopback Host: others get 400


@contextmanager
def _serving(app: Any) -> Iterator[str]:
    """The app under uvicorn on a free loopback port, in a thread; gives its base URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="session")
def serve() -> Callable[[Any], AbstractContextManager[str]]:
    """Run any app live (``with serve(app) as url``), for modules with an app of their own."""
    return _serving


@pytest.fixture(scope="session")
def server(app: Any) -> Iterator[str]:
    """The app under uvicorn on a free loopback port, in a thread; yields its base URL."""
    with _serving(app) as url:
        yield url
