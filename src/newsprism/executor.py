"""One executor for the stage list: checkpoints, progress, spill to disk and per-item failures live here.

Stage functions (dedupe, parse, entity linking, extraction, clustering, story analysis) are pure: they take
records and return records. A runner builds the ordered list of stages (``newsprism.pipeline.first_analysis``)
and hands it to an ``Executor``; the executor decides, per stage, whether a killed run already finished the
stage's piece (its resume key, guarded by the ids it was made from), reports progress, keeps large outputs on
disk and turns one bad item into a ``Failure`` row. The runners differ only in how they run the list: in
process (``runners.local``), over the story window (an update), or on Ray Data (``runners.ray``).
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from newsprism.records import Failure, FailurePolicy
from newsprism.spill import Blobs

if TYPE_CHECKING:
    from newsprism.checkpoint import Checkpoint

__all__ = ["Ahead", "DocKeeper", "Executor", "Progress", "Stage", "VectorCache", "no_progress"]

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

Progress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total); the CLI turns it into a Rich progress bar."""


def no_progress(stage: str, done: int, total: int) -> None:
    return None


class VectorCache(Protocol):
    """Vectors kept across runs by key (a sentence's content hash): the store's vector table, or a dict."""

    def load_vectors(self, ids: Sequence[str]) -> dict[str, Any]: ...

    def save_vectors(self, vectors: Iterable[tuple[str, Any]]) -> None: ...


@dataclass(frozen=True, slots=True)
class Stage(Generic[S]):
    """One step of the flow: ``run(executor, state)`` returns the next state. ``key`` names the pieces the
    stage's work is saved under (``key``, or ``key:k`` for its k-th batch) so that a killed run resumes there."""

    name: str
    key: str
    run: Callable[[Executor, S], S]


@dataclass(slots=True)
class Executor:
    """Runs a stage list; owns the checkpoint, the vector cache, the progress callback, the failure policy and
    background lanes."""

    policy: FailurePolicy = field(default_factory=FailurePolicy)
    progress: Progress = no_progress
    checkpoint: Checkpoint | None = None
    vectors: VectorCache | None = None
    """Sentence vectors of earlier runs (by content hash): read before encoding, and the new ones added."""
    ahead: list[Ahead] = field(default_factory=list)
    """Background lanes started by stages (``start_ahead``), stopped when the run ends."""

    def run(self, stages: Sequence[Stage[S]], state: S) -> S:
        try:
            for stage in stages:
                state = stage.run(self, state)
        finally:  # a stopped run leaves no encoder working on behind it
            for lane in self.ahead:
                lane.cancel()
        return state

    def start_ahead(self, name: str, steps: Iterable[Callable[[], object]]) -> Ahead:
        """Run ``steps`` one after another in a background thread, beside the stages that follow (the encoder
        on one core while spaCy parses on the other); a later stage calls ``wait()`` before it reads the work.
        A step that raises ends the lane with a warning: what it would have made is made when it is needed."""
        lane = Ahead(name, steps)
        self.ahead.append(lane)
        return lane

    # ---- one piece per stage ---------------------------------------------------------------------------
    def once(self, key: str, ids: Sequence[Any], compute: Callable[[], T]) -> T:
        """``compute()``, or what a killed run saved under ``key`` for these same ``ids``."""
        saved = self.checkpoint.load(key) if self.checkpoint is not None else None
        if saved is not None and saved["ids"] == list(ids):
            return saved["value"]  # type: ignore[no-any-return]
        value = compute()
        if self.checkpoint is not None:
            self.checkpoint.save(key, {"ids": list(ids), "value": value})
        return value

    # ---- batches ---------------------------------------------------------------------------------------
    def batches(self, stage: str, key: str,
                batches: Iterable[tuple[Sequence[Any], Callable[[], tuple[T, list[Failure]]]]],
                total: int) -> Iterator[T]:
        """Each batch's value, in order: ``compute()`` or the piece a killed run saved as ``key:k`` for the
        same ids. ``compute`` returns the value and the batch's failure rows, which join the run's policy (a
        resumed batch brings its own). ``batches`` yields (ids, compute) lazily: a batch is built when reached."""
        done = 0
        for k, (ids, compute) in enumerate(batches):
            value, failed = self.once(f"{key}:{k}", ids, compute)
            self.policy.failures.extend(failed)
            yield value
            done += len(ids)
            self.progress(stage, done, total)

    def each(self, stage: str, items: Sequence[T], fn: Callable[[T], R],
             label: Callable[[T], Any] = lambda item: item) -> tuple[list[tuple[T, R]], list[Failure]]:
        """``fn`` over items; one that raises becomes a failure row (returned, for the batch's piece) and is left
        out. ``label(item)`` is what the failure row names (an Article gives its source path)."""
        here = FailurePolicy()
        out: list[tuple[T, R]] = []
        for item in items:
            with here.guard(stage, label(item)) as guard:
                value = fn(item)
            if not guard.failed:
                out.append((item, value))
        return out, here.failures

    # ---- streamed stages with large outputs --------------------------------------------------------------
    def stream(self, stage: str, key: str, ids: Sequence[str], size: int,
               produce: Callable[[int], Iterator[tuple[Any, Any]]], keeper: DocKeeper) -> list[Any]:
        """A 1:1 stream stage whose heavy outputs wait in ``keeper`` (in memory, a temporary file or the
        checkpoint's folder) and whose light outputs are returned. ``produce(first)`` streams (heavy, light)
        for the items from ``first`` on (one model pipe for the whole stream); each ``size`` items are one
        committed piece ``key:k``, and a run after a killed one starts after the last of them."""
        light: list[Any] = []
        first = keeper.resume(self.checkpoint, key, ids, size, light) if self.checkpoint is not None else 0
        pending: list[Any] = []
        for done, (heavy, lite) in enumerate(produce(first), start=first + 1):
            keeper.add(heavy)
            pending.append(lite)
            if done % size == 0 or done == len(ids):
                k = (done - 1) // size
                if self.checkpoint is not None:
                    keeper.commit(self.checkpoint, f"{key}:{k}", ids[k * size:done], pending)
                light.extend(pending)
                pending = []
                from newsprism.memory import release_freed_memory

                release_freed_memory()  # the parses are on disk or kept; the model's scratch memory is not
                self.progress(stage, done, len(ids))
        return light


class Ahead:
    """Background work of the executor (``start_ahead``), stoppable between steps."""

    def __init__(self, name: str, steps: Iterable[Callable[[], object]]) -> None:
        import threading

        self.name = name
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._work, args=(steps,), name=f"newsprism-{name}", daemon=True)
        self._thread.start()

    def _work(self, steps: Iterable[Callable[[], object]]) -> None:
        try:
            for step in steps:
                if self._stop.is_set():
                    return
                step()
        except Exception as exc:  # noqa: BLE001 - the stage that reads the work does it itself
            log.warning("%s ahead stopped: %s", self.name, exc)

    def wait(self) -> None:
        self._thread.join()

    def cancel(self) -> None:
        self._stop.set()
        self._thread.join()


class DocKeeper:
    """Heavy stage outputs (spaCy Docs) kept until a later stage reads them: in memory for a small corpus, else as
    compressed bytes in a file, so a large corpus's parses never sit in RAM at once. With a checkpoint, the file
    is in the checkpoint's folder and each piece's place in it is saved with the piece."""

    def __init__(self, to_bytes: Callable[[Any], bytes], from_bytes: Callable[[bytes], Any], *,
                 in_memory: bool) -> None:
        self.to_bytes = to_bytes
        self.from_bytes = from_bytes
        self.in_memory = in_memory
        self.memory: list[Any] = []
        self.blobs: Blobs | None = None
        self.offsets: list[tuple[int, int]] = []

    def __enter__(self) -> DocKeeper:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.blobs is not None:
            self.blobs.close()

    def resume(self, checkpoint: Checkpoint, key: str, ids: Sequence[str], size: int, light: list[Any]) -> int:
        """Take the pieces a killed run committed (the same ids in the same pieces); returns the items done."""
        k, end = 0, 0
        while (k * size < len(ids) and (saved := checkpoint.load(f"{key}:{k}")) is not None
               and saved["ids"] == list(ids[k * size:(k + 1) * size])):
            self.offsets.extend(saved["where"])
            light.extend(saved["light"])
            end = saved["end"]
            k += 1
        self.in_memory = False
        self.blobs = Blobs("", path=checkpoint.folder() / f"{key}s.bin", keep=end)
        return min(len(ids), k * size)

    def add(self, doc: Any) -> None:
        if self.in_memory:
            self.memory.append(doc)
            return
        if self.blobs is None:
            self.blobs = Blobs("newsprism-docs-")
        self.offsets.append(self.blobs.put(zlib.compress(self.to_bytes(doc), 1)))

    def commit(self, checkpoint: Checkpoint, key: str, ids: Sequence[str], light: list[Any]) -> None:
        """The piece ``key`` (these ids) is done: where its outputs lie is saved with its light outputs."""
        assert self.blobs is not None
        end = self.blobs.sync()
        checkpoint.save(key, {"ids": list(ids), "end": end, "where": self.offsets[-len(ids):], "light": light})

    def __len__(self) -> int:
        return len(self.memory) if self.in_memory else len(self.offsets)

    def __getitem__(self, i: int) -> Any:
        if self.in_memory:
            return self.memory[i]
        assert self.blobs is not None
        return self.from_bytes(zlib.decompress(self.blobs.get(self.offsets[i])))
