from __future__ import annotations

import pickle

import pytest

from newsprism.records import (
    AnalysisResult,
    Article,
    ClaimGroup,
    ClaimSource,
    Removed,
    Story,
    SummarySentence,
    article_id_for,
)


def test_article_id_is_stable_across_whitespace_and_nbsp() -> None:
    a = article_id_for("The council voted\u00a0on Monday.\r\n")
    b = article_id_for("The council  voted on Monday.")
    assert a == b
    assert a != article_id_for("The council voted on Tuesday.")


def test_row_round_trip_keeps_nested_records() -> None:
    removed = (Removed(text="Donate", category="donation", start=0, end=6),)
    art = Article(id="a1", raw_text="x", text="x", removed=removed, derived_from=("a0",))
    back = Article.from_row(art.to_row())
    assert back == art
    story = Story(id="s1", title="T", article_ids=("a1",), summary=(SummarySentence(text="S.", citations=("a1",)),),
                  claims=(ClaimGroup(id="c", text="t", status="denied",
                                     sources=(ClaimSource(article_id="a1", outlet=None, stance="denies", text="no"),),
                                     provenance=(("x", "y", "cites"),)),))
    assert Story.from_row(story.to_row()) == story


def test_records_pickle_for_distributed_workers() -> None:
    result = AnalysisResult(articles=(Article(id="a", text="t"),))
    assert pickle.loads(pickle.dumps(result)) == result


def test_constructors_validate() -> None:
    with pytest.raises(ValueError, match="stance"):
        ClaimSource(article_id="a", outlet=None, stance="agrees", text="t")
    with pytest.raises(ValueError, match="status"):
        ClaimGroup(id="c", text="t", status="true")
    with pytest.raises(ValueError):
        Article(id="", text="t")
