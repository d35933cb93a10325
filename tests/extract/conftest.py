"""Helpers for the extraction tests: articles written for the tests (fictional people and outlets)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.extract import Extraction
from newsprism.pipeline import FailurePolicy, extract_corpus
from newsprism.records import Article, article_id_for
from newsprism.resources import Resources
from newsprism.settings import Settings


def make_article(text: str, outlet: str | None = None, title: str | None = None) -> Article:
    return Article(id=article_id_for(text), source_path=None, text=text, raw_text=text, outlet=outlet, title=title)


@pytest.fixture(scope="session")
def extract(resources: Resources, settings: Settings) -> Callable[..., Extraction]:
    def run(*articles: Article) -> Extraction:
        policy = FailurePolicy()
        out = extract_corpus(list(articles), resources=resources, settings=settings, policy=policy,
                             progress=lambda *_: None)
        assert not policy.failures, policy.failures
        return out

    return run
