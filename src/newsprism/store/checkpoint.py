"""The store as a first analysis's checkpoint: pieces in the ``checkpoints`` table, large files beside the store."""

from __future__ import annotations

import pickle
import shutil
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from newsprism.store.sqlite import Store

__all__ = ["StoreCheckpoint"]


class StoreCheckpoint:
    """Pieces of one first analysis (``fingerprint``): pieces of another corpus or other settings are dropped when
    this opens, and all of them go when ``save_analysis`` commits (it empties the table; ``finish`` removes the
    folder)."""

    def __init__(self, store: Store, fingerprint: str, recipe: str) -> None:
        self.store = store
        self.recipe = recipe
        self._folder = Path(f"{store.path}.resume")
        if store._meta("checkpoint_of") != fingerprint:
            with store._write() as conn:
                conn.execute("DELETE FROM checkpoints")
                store._set_meta("checkpoint_of", fingerprint)
            shutil.rmtree(self._folder, ignore_errors=True)
        self.kept = int(store.conn.execute("SELECT count(*) FROM checkpoints").fetchone()[0])
        """Pieces of a stopped run of this same analysis, found when this opened (0: a fresh start)."""

    def load(self, key: str) -> Any:
        row = self.store.conn.execute("SELECT value FROM checkpoints WHERE key = ?", (key,)).fetchone()
        return None if row is None else pickle.loads(zlib.decompress(row[0]))

    def save(self, key: str, value: Any) -> None:
        blob = zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)
        with self.store._write() as conn:
            conn.execute("INSERT OR REPLACE INTO checkpoints(key, value) VALUES (?, ?)", (key, blob))

    def folder(self) -> Path:
        self._folder.mkdir(parents=True, exist_ok=True)
        return self._folder

    def load_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        return self.store.load_vectors(ids, self.recipe)

    def save_vectors(self, vectors: Iterable[tuple[str, np.ndarray]]) -> None:
        self.store.save_vectors(vectors, self.recipe)

    def finish(self) -> None:
        """The analysis is saved: the folder's files are no longer needed."""
        shutil.rmtree(self._folder, ignore_errors=True)
