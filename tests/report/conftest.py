"""Fixtures: the sample result and headless Chromium, from tests/htmlkit.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def _kit():  # type: ignore[no-untyped-def]
    name = "newsprism_tests_htmlkit"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parents[1] / "htmlkit.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


kit = _kit()
sample_module = kit.sample_module
chromium = kit.chromium
page = kit.page
