"""A first analysis killed after any saved piece resumes from it, to the result of a run never stopped."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import newsprism.dedupe
import newsprism.extract
from newsprism.checkpoint import MemoryCheckpoint, fingerprint
from newsprism.pipeline import FailurePolicy, clean_documents, process_articles
from newsprism.records import AnalysisResult, Article
from newsprism.resources import Resources
from newsprism.settings import Settings

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


class Killed(Exception):
    """Stands for the process being killed right after a piece was saved."""


class KilledAfter(MemoryCheckpoint):
    """Saves like a checkpoint and stops the run after ``limit`` saves (None: never)."""

    def __init__(self, folder: Path, limit: int | None) -> None:
        super().__init__(folder)
        self.limit = limit
        self.saved: list[str] = []

    def save(self, key: str, value: Any) -> None:
        super().save(key, value)
        self.saved.append(key)
        if self.limit is not None and len(self.saved) >= self.limit:
            raise Killed(key)


@pytest.fixture(scope="module")
def corpus(settings: Settings) -> list[Article]:
    from newsprism.ingest import read_inputs

    policy = FailurePolicy()
    return clean_documents(list(read_inputs([str(EXAMPLES)], settings=settings, failures=policy.failures)),
                           settings, policy, seen=set())


def _run(articles: list[Article], resources: Resources, settings: Settings,
         checkpoint: MemoryCheckpoint | None) -> AnalysisResult:
    return process_articles(articles, resources, settings, FailurePolicy(), checkpoint=checkpoint)


def test_a_run_killed_after_any_piece_resumes_to_the_same_result(
        tmp_path: Path, corpus: list[Article], resources: Resources, settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    settings = replace(settings, extract_batch=3, story_window_sentences=64)  # several batches and windows
    whole = _run(corpus, resources, settings, None).to_dict()
    plain = KilledAfter(tmp_path / "plain", None)
    assert _run(corpus, resources, settings, plain).to_dict() == whole
    kinds = {k.split(":")[0] for k in plain.saved}
    assert kinds == {"dedupe", "parse", "entities", "extract", "stories", "window"}
    assert sum(k.startswith("parse:") for k in plain.saved) > 2
    assert sum(k.startswith("window:") for k in plain.saved) > 1

    parsed: list[str] = []
    real_parse = newsprism.extract.parse_stream

    def counting_parse(nlp: Any, texts: Any, **kw: Any) -> Any:
        def seen() -> Any:
            for t in texts:
                parsed.append(t)
                yield t
        return real_parse(nlp, seen(), **kw)

    monkeypatch.setattr(newsprism.extract, "parse_stream", counting_parse)
    deduped: list[int] = []
    real_dedupe = newsprism.dedupe.find_duplicates
    monkeypatch.setattr(newsprism.dedupe, "find_duplicates",
                        lambda articles, **kw: deduped.append(1) or real_dedupe(articles, **kw))
    every_parse = sum(1 for a in corpus if a.text.strip())
    for limit in range(1, len(plain.saved) + 1):
        checkpoint = KilledAfter(tmp_path / f"k{limit}", limit)
        with pytest.raises(Killed):
            _run(corpus, resources, settings, checkpoint)
        parsed.clear()
        deduped.clear()
        checkpoint.limit = None
        assert _run(corpus, resources, settings, checkpoint).to_dict() == whole, checkpoint.saved[limit - 1]
        assert not deduped  # dedupe is the first piece saved: never redone
        done_parses = sum(1 for k in checkpoint.saved[:limit] if k.startswith("parse:"))
        assert len(parsed) <= max(0, every_parse - 3 * done_parses)  # finished batches are not parsed again
        assert checkpoint.saved[limit:] == plain.saved[limit:]  # the rest, each piece once


def test_pieces_of_a_changed_batch_are_not_taken(tmp_path: Path, corpus: list[Article], resources: Resources,
                                                 settings: Settings) -> None:
    """A checkpoint whose saved batch no longer holds the same articles (another corpus) is not read."""
    settings = replace(settings, extract_batch=3)
    checkpoint = KilledAfter(tmp_path / "c", None)
    _run(corpus[1:], resources, settings, checkpoint)  # pieces of another corpus under the same keys
    checkpoint.saved.clear()
    assert _run(corpus, resources, settings, checkpoint).to_dict() == _run(corpus, resources, settings,
                                                                          None).to_dict()
    assert "dedupe" in checkpoint.saved and "parse:0" in checkpoint.saved


def test_fingerprint_names_the_corpus_and_the_settings(settings: Settings) -> None:
    base = fingerprint(["a", "b"], settings)
    assert fingerprint(["b", "a"], settings) == base  # the ids, not their order
    assert fingerprint(["a", "c"], settings) != base
    assert fingerprint(["a", "b"], replace(settings, story_threshold=0.5)) != base


def test_a_corpus_within_one_batch_commits_its_pieces_as_it_goes(
        tmp_path: Path, corpus: list[Article], resources: Resources, settings: Settings) -> None:
    """Fewer articles than ``extract_batch`` (a 300-article run against 512) still commit parses and records
    every ``checkpoint_batch`` articles, so a run stopped in extraction keeps most of its work."""
    settings = replace(settings, extract_batch=512, checkpoint_batch=3)
    assert len(corpus) < settings.extract_batch
    plain = KilledAfter(tmp_path / "plain", None)
    whole = _run(corpus, resources, settings, plain).to_dict()
    parses = [k for k in plain.saved if k.startswith("parse:")]
    extracts = [k for k in plain.saved if k.startswith("extract:")]
    assert len(parses) == len(extracts) > 1  # one piece per 3 articles left after dedupe
    assert len(parses) >= sum(1 for a in corpus if a.text.strip()) // 3 - 2
    stop = plain.saved.index(extracts[len(extracts) // 2]) + 1  # killed half way through extraction
    checkpoint = KilledAfter(tmp_path / "half", stop)
    with pytest.raises(Killed):
        _run(corpus, resources, settings, checkpoint)
    checkpoint.limit = None
    assert _run(corpus, resources, settings, checkpoint).to_dict() == whole
    assert not any(k.startswith("parse:") for k in checkpoint.saved[stop:])  # no parse redone
    assert checkpoint.saved[stop:] == plain.saved[stop:]
