"""Where a long first analysis keeps what its finished stages made, so that a killed run resumes there.

A first analysis of 100,000 articles takes hours of model time on a laptop; a run stopped by a closed lid or a
killed job should not start again from nothing. Each stage asks its checkpoint for what an earlier run already
finished (the duplicate links, each batch of parses and extracted records, the entity index, the article
vectors, the stories, each window of finished story analyses) and saves what it finishes, one committed piece at
a time. The pieces belong to one corpus and one set of settings (``fingerprint``); the store's implementation
(``newsprism.store.checkpoint``) drops them when either changes, and when the analysis is saved.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from newsprism.settings import Settings

__all__ = ["Checkpoint", "MemoryCheckpoint", "fingerprint"]


class Checkpoint(Protocol):
    """Values saved by key (each save is durable once it returns), a folder for large files, article vectors."""

    def load(self, key: str) -> Any:
        """The value saved under ``key``; None when there is none."""
        ...

    def save(self, key: str, value: Any) -> None: ...

    def folder(self) -> Path:
        """A folder private to this checkpoint (parses are kept there as one appended file)."""
        ...

    def load_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]: ...

    def save_vectors(self, vectors: Iterable[tuple[str, np.ndarray]]) -> None: ...


def fingerprint(article_ids: Iterable[str], settings: Settings) -> str:
    """What a checkpoint's pieces depend on: the corpus (its article ids) and every setting."""
    from newsprism import __version__

    digest = hashlib.sha256()
    digest.update(__version__.encode())
    digest.update(json.dumps(asdict(settings), sort_keys=True, default=str).encode())
    for aid in sorted(article_ids):
        digest.update(aid.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:32]


class MemoryCheckpoint:
    """A checkpoint in a dict and a given folder: what the stages resume from, without a store (tests)."""

    def __init__(self, folder: Path) -> None:
        self.values: dict[str, Any] = {}
        self.vectors: dict[str, np.ndarray] = {}
        self._folder = folder

    def load(self, key: str) -> Any:
        return self.values.get(key)

    def save(self, key: str, value: Any) -> None:
        self.values[key] = value

    def folder(self) -> Path:
        self._folder.mkdir(parents=True, exist_ok=True)
        return self._folder

    def load_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        return {i: self.vectors[i] for i in ids if i in self.vectors}

    def save_vectors(self, vectors: Iterable[tuple[str, np.ndarray]]) -> None:
        self.vectors.update(vectors)
