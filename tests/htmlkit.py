"""Shared by tests/report and tests/web: the hand-built sample result and headless Chromium (skips when absent).

Loaded by path from tests/conftest.py (pytest runs in importlib mode, so tests/ is not a package).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def load_sample() -> ModuleType:
    """tests/sample_result.py by path: pytest runs in importlib mode, so tests/ is not on sys.path."""
    name = "newsprism_tests_sample_result"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parent / "sample_result.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def sample_module() -> ModuleType:
    return load_sample()


@pytest.fixture(scope="module")  # one Playwright at a time: two sync instances cannot share the main thread
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A fresh page that records every dialog (an XSS would open one), page error and console error."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]

    def on_dialog(dialog: Any) -> None:
        pg.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))  # type: ignore[attr-defined]
    pg.on("console", lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None)  # CSP violations
    yield pg
    context.close()
