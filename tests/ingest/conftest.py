"""Helpers for the ingest tests: read inputs, collect documents and failures."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from newsprism.ingest import read_inputs
from newsprism.records import Failure, RawDocument
from newsprism.settings import Settings

INGEST_DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"

Read = Callable[..., tuple[list[RawDocument], list[Failure]]]


@pytest.fixture
def read() -> Read:
    def _read(inputs: Sequence[str | Path], settings: Settings | None = None,
              **kwargs: Any) -> tuple[list[RawDocument], list[Failure]]:
        failures: list[Failure] = []
        docs = list(read_inputs([str(i) for i in inputs], settings=settings or Settings(), failures=failures,
                                **kwargs))
        return docs, failures
    return _read


@pytest.fixture
def data() -> Path:
    return INGEST_DATA
