"""The stance backend is the one judge for the matrix: a backend that reads contradiction changes the rows."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from tests.story_corpora import story_articles

import newsprism.compare as compare
from newsprism.answers import response_of
from newsprism.pipeline import FailurePolicy, extract_corpus
from newsprism.records import Article, Story
from newsprism.resources import Resources
from newsprism.settings import Settings
from newsprism.stance import RulesBackend, StanceResult, stance_backend

FLIP = "without a public vote"


class Contrarian:
    """A stand-in for an NLI cross-encoder: reads the Westfold Times relay as the opposite of its row."""

    name = "fake-nli"

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []

    def judge(self, claims: Sequence[str], texts: Sequence[str]) -> list[StanceResult]:
        return [StanceResult("unrelated", 1.0) for _ in claims]

    def response(self, sentence: str, language: str | None = None) -> str | None:
        return response_of(sentence, language)

    def contradicts(self, claims: Sequence[str], sentences: Sequence[str]) -> list[bool]:
        self.asked.extend(zip(claims, sentences, strict=True))
        return [FLIP in s for s in sentences]


def _story(resources: Resources, settings: Settings) -> tuple[Story, list[Article], object]:
    arts = story_articles("answered")
    ex = extract_corpus(arts, resources=resources, settings=settings, policy=FailurePolicy(), progress=lambda *_: None)
    return Story(id="s-pier", title="pier", article_ids=tuple(a.id for a in arts)), arts, ex


def test_matrix_asks_the_backend(resources: Resources, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    story, arts, ex = _story(resources, settings)
    rules_rows = compare.compare_story(story, arts, quotes=ex.quotes, citations=ex.citations,  # type: ignore[attr-defined]
                                       claims=ex.claims, resources=resources, settings=settings)
    fake = Contrarian()
    monkeypatch.setattr(compare, "stance_backend", lambda *_: fake)
    rows = compare.compare_story(story, arts, quotes=ex.quotes, citations=ex.citations,  # type: ignore[attr-defined]
                                 claims=ex.claims, resources=resources, settings=settings)
    assert fake.asked, "the matrix never asked the backend"
    flipped = [s for g in rows for s in g.sources if s.stance == "denies" and FLIP in s.text]
    before = [s for g in rules_rows for s in g.sources if FLIP in s.text]
    assert before and all(s.stance == "attributes" for s in before)
    assert flipped


def test_rules_backend_is_loaded_once_and_judges_responses(resources: Resources, settings: Settings) -> None:
    backend = stance_backend(resources, settings)
    assert isinstance(backend, RulesBackend)
    assert stance_backend(resources, settings) is backend
    assert backend.response("The ministry said the report was false.") == "denies"
    assert backend.contradicts(["a claim"], ["a sentence"]) == [False]
