"""Shared fixtures: one Resources per test session (models load once), ../shared when present."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

from newsprism.resources import Resources
from newsprism.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def resources(settings: Settings) -> Resources:
    return Resources(settings)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is absent (a fresh clone): benchmark data not available")
    return SHARED


@pytest.fixture
def fresh_db(tmp_path: Path) -> Path:
    return tmp_path / "newsprism.db"


def _htmlkit() -> ModuleType:
    """tests/htmlkit.py (headless Chromium and the sample result) by path: tests/ is not a package."""
    name = "newsprism_tests_htmlkit"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parent / "htmlkit.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


_kit = _htmlkit()
sample_module = _kit.sample_module
chromium = _kit.chromium
page = _kit.page


@pytest.fixture(scope="session")
def matrix_story() -> ModuleType:
    """tests/matrix_story.py (a small story for the claim x outlet views and the export), loaded by path."""
    name = "newsprism_tests_matrix_story"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parent / "matrix_story.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]
