import dataclasses

import pytest
from tests.summarize.stories import (
    CLAIM,
    CORROBORATED_A,
    CORROBORATED_B,
    DENIAL,
    REWRITTEN,
    disputed_story,
    rewrite_story,
)

from newsprism.records import Story
from newsprism.settings import Settings
from newsprism.summarize import summarize_story

pytestmark = pytest.mark.slow


def test_disputed_claim_comes_with_its_denial(resources, settings) -> None:
    story, arts = disputed_story()
    summary, _timeline, _title = summarize_story(story, arts, resources=resources,
                                                 settings=dataclasses.replace(settings, summary_sentences=4))
    texts = [s.text for s in summary]
    claim_at = next(i for i, t in enumerate(texts) if "asked Kestrel for artillery" in t or "requested artillery" in t)
    assert texts[claim_at + 1] == DENIAL
    # every sentence is a verbatim span of a cited article's cleaned text, never of removed text
    by_id = {a.id: a for a in arts}
    for s in summary:
        assert s.citations and any(s.text in by_id[c].text for c in s.citations)
        assert all(s.text not in r.text for a in arts for r in a.removed)


def test_denial_found_without_claim_groups(resources, settings) -> None:
    story, arts = disputed_story()
    story = dataclasses.replace(story, claims=())
    summary, _t, _h = summarize_story(story, arts, resources=resources,
                                      settings=dataclasses.replace(settings, summary_sentences=4))
    texts = [s.text for s in summary]
    claim_at = next(i for i, t in enumerate(texts) if "artillery" in t and "not" not in t)
    assert "has not asked" in texts[claim_at + 1]


def test_a_sentence_is_cited_to_every_article_that_states_it(resources, settings) -> None:
    story, arts = disputed_story()
    summary, _t, _h = summarize_story(story, arts, resources=resources, settings=settings)
    claim = next(s for s in summary if "Oda Renn" in s.text)
    assert set(claim.citations) == {"a1", "b1", "c1"}
    request = next(s for s in summary if s.text == CLAIM or "requested artillery" in s.text)
    assert {"a1", "b1"} <= set(request.citations)


def test_rewrites_are_cited_but_not_counted_as_corroboration(resources, settings) -> None:
    story, arts = rewrite_story()
    one = dataclasses.replace(settings, summary_sentences=1)
    summary, _t, _h = summarize_story(story, arts, resources=resources, settings=one)
    # three articles state the dam claim, but they are one report: the flood (two independent outlets) leads
    assert summary[0].text in (CORROBORATED_A, CORROBORATED_B)
    assert set(summary[0].citations) == {"f1", "f2"}
    summary, _t, _h = summarize_story(story, arts, resources=resources,
                                      settings=dataclasses.replace(settings, summary_sentences=3))
    dam = next(s for s in summary if s.text == REWRITTEN)
    assert set(dam.citations) == {"o1", "r1", "r2"}
    assert dam.citations[0] == "o1"  # the original reporting first
    assert not any("confirm" in s.text.lower() or "corroborat" in s.text.lower() for s in summary)


def test_length_settings_are_respected(resources) -> None:
    story, arts = disputed_story()
    summary, _t, _h = summarize_story(story, arts, resources=resources, settings=Settings(summary_sentences=2))
    assert 1 <= len(summary) <= 2
    summary, _t, _h = summarize_story(story, arts, resources=resources,
                                      settings=Settings(summary_sentences=10, summary_words=40))
    assert sum(len(s.text.split()) for s in summary[1:]) <= 40


def test_empty_story(resources, settings) -> None:
    assert summarize_story(Story(id="s", title="t"), [], resources=resources, settings=settings) == ([], [], None)


def test_cosines_by_rows_equal_the_matrix() -> None:
    """Past dense_limit sentences, cosines are computed row by row: the same values, no n x n matrix."""
    import numpy as np

    from newsprism.summarize.extractive import Cosines

    vecs = np.random.default_rng(1).normal(size=(30, 8)).astype(np.float32)
    dense, lazy = Cosines(vecs, dense_limit=100), Cosines(vecs, dense_limit=10)
    assert dense.dense is not None and lazy.dense is None
    np.testing.assert_allclose(lazy.row(4), dense.row(4), atol=1e-5)
    assert abs(lazy.pair(3, 7) - dense.pair(3, 7)) < 1e-5
    np.testing.assert_allclose(lazy.block([2, 9, 5]), dense.block([2, 9, 5]), atol=1e-5)


def test_summary_of_a_story_past_the_dense_limit(resources, settings) -> None:
    """A story with more sentences than dense_limit still gets its claim and denial, each cited."""
    story, arts = disputed_story()
    small = dataclasses.replace(settings, summary_sentences=4, dense_limit=8)
    summary, _t, _h = summarize_story(story, arts, resources=resources, settings=small)
    texts = [s.text for s in summary]
    assert DENIAL in texts
    by_id = {a.id: a for a in arts}
    assert all(s.citations and any(s.text in by_id[c].text for c in s.citations) for s in summary)
