"""The Ray runner gives the same stories, quotes and claims as the local runner (Ray in local mode, 2 CPUs)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from newsprism.records import AnalysisResult
from newsprism.settings import Settings

pytestmark = [pytest.mark.ray, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]


def _kit() -> Any:
    if "examples_kit" not in sys.modules:
        spec = importlib.util.spec_from_file_location("examples_kit", ROOT / "tests" / "examples_kit.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["examples_kit"] = module
        spec.loader.exec_module(module)
    return sys.modules["examples_kit"]


def _stories(r: AnalysisResult) -> list[list[str]]:
    return sorted(sorted(s.article_ids) for s in r.stories)


def _quotes(r: AnalysisResult) -> list[tuple[str, str, str, bool, bool]]:
    return sorted((q.article_id, q.text, q.speaker or "", q.anonymous, q.direct) for q in r.quotes)


def _claims(r: AnalysisResult) -> list[tuple[tuple[str, ...], str, str, tuple[tuple[str, str], ...]]]:
    return sorted((tuple(sorted(s.article_ids)), g.text, g.status,
                   tuple(sorted((x.article_id, x.stance) for x in g.sources)))
                  for s in r.stories for g in s.claims)


def test_ray_runner_matches_local_runner_on_the_examples(tmp_path: Path, resources, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("ray")
    from newsprism.runners.ray import load_parquet, run_ray
    from newsprism.store import Store

    local = _kit().examples_result(resources, tmp_path_factory)
    ray_result = run_ray([str(ROOT / "examples")], settings=Settings(ray_workers=2), out_dir=tmp_path)
    assert {a.id for a in ray_result.articles} == {a.id for a in local.articles}
    assert _stories(ray_result) == _stories(local)
    assert _quotes(ray_result) == _quotes(local)
    assert _claims(ray_result) == _claims(local)
    assert ray_result.quotes and any(s.claims for s in ray_result.stories)

    # the Parquet tables load into a store, and loading twice adds nothing
    db = tmp_path / "loaded.db"
    counts = load_parquet(tmp_path / "parquet", db)
    assert counts["articles"] == len(local.articles)
    load_parquet(tmp_path / "parquet", db)
    with Store(db, read_only=True) as store:
        back = store.load_result()
    assert store is not None
    assert len(back.articles) == len(local.articles)
    assert _stories(back) == _stories(local)


def test_blocks_hold_about_one_batch_so_workers_can_share_them() -> None:
    """Two blocks for two workers let the first actor to start queue everything; one batch per block does not."""
    from newsprism.runners.ray import _blocks

    assert _blocks(1228, 64, 2) == 20
    assert _blocks(100, 64, 4) == 4  # at least one block per worker
    assert _blocks(3, 64, 8) == 3  # never more blocks than items
    assert _blocks(0, 64, 2) == 1


def test_story_windows_share_out_by_size_largest_first_with_a_big_story_alone() -> None:
    """Windows are the units the actors take as they free up: about ``limit`` sentences each, the largest first
    so a heavy window never starts last, and a story past the limit does not drag its neighbours along."""
    from newsprism.records import Article, Story
    from newsprism.runners.ray import _CHARS_PER_SENTENCE, story_windows

    def story(name: str, sentences: int) -> tuple[Story, Article]:
        article = Article(id=f"a-{name}", text="x" * (sentences * _CHARS_PER_SENTENCE))
        return Story(id=name, title=name, article_ids=(article.id,)), article

    made = [story(n, k) for n, k in (("s1", 3), ("s2", 3), ("big", 25), ("s3", 4), ("s4", 6), ("s5", 1))]
    by_id = {a.id: a for _, a in made}
    windows = story_windows([s for s, _ in made], by_id, 10)
    names = [[s.id for s, _ in w] for w in windows]
    assert names == [["big"], ["s3", "s4"], ["s1", "s2"], ["s5"]]
    assert all(members == [by_id[s.article_ids[0]]] for w in windows for s, members in w)
    assert sorted(n for w in names for n in w) == sorted(s.id for s, _ in made)  # every story once
    assert story_windows([], by_id, 10) == []


def test_each_stage_is_cut_into_several_tasks_per_worker() -> None:
    """The last task of a stage holds it open while the other actors idle: a worker's share comes in several."""
    from newsprism.records import Article, Story
    from newsprism.runners.ray import _CHARS_PER_SENTENCE, batch_size, story_windows, window_limit

    assert batch_size(300, 2) == 19 and batch_size(300, 1) == 38
    assert batch_size(100_000, 2) == 64 and batch_size(3, 8) == 1
    by_id = {f"a{i}": Article(id=f"a{i}", text="x" * (30 * _CHARS_PER_SENTENCE)) for i in range(300)}
    stories = [Story(id=f"s{k}", title=f"s{k}", article_ids=(f"a{3 * k}", f"a{3 * k + 1}", f"a{3 * k + 2}"))
               for k in range(100)]
    limit = window_limit(stories, by_id, 2, 4096)
    # about eight windows per worker (a window closes once it reaches the limit), where one per worker was cut
    assert 12 <= len(story_windows(stories, by_id, limit)) <= 17
    assert window_limit(stories * 100, by_id, 2, 4096) == 4096  # a big corpus keeps the encoder's window
