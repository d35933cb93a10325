"""Rows after grouping (``newsprism.compare.rows``): a row told only by unanswered denials reads as denied."""

from __future__ import annotations

from newsprism.compare.rows import denial_rows
from newsprism.compare.verdict import Member
from newsprism.records import Claim


def _member(cid: str, article: str, text: str, stance: str = "attributes", context: bool = False) -> Member:
    return Member(Claim(id=cid, article_id=article, text=text), stance, 0.7, context=context)


def test_row_of_unanswered_denials_keeps_their_denials() -> None:
    members = [[_member("a1", "a", "Growers disputed claims that the tea was grown with banned pesticides."),
                _member("b1", "b", "The growers' association says there was never any banned pesticide.")]]
    denial_rows(members, {"a1": "denies", "b1": "denies"}, answered=set())
    assert [m.stance for m in members[0]] == ["denies", "denies"]


def test_row_with_an_assertion_or_an_answered_response_is_left_alone() -> None:
    asserted = [[_member("a1", "a", "Inspectors found banned pesticide in the tea."),
                 _member("b1", "b", "Growers disputed claims of banned pesticide.")]]
    denial_rows(asserted, {"b1": "denies"}, answered=set())
    assert [m.stance for m in asserted[0]] == ["attributes", "attributes"]
    answered = [[_member("b1", "b", "Growers disputed claims of banned pesticide.")]]
    denial_rows(answered, {"b1": "denies"}, answered={"b1"})
    assert answered[0][0].stance == "attributes"


def test_confirmations_alone_are_no_denial_row() -> None:
    members = [[_member("c1", "c", "The ministry confirmed the report on Tuesday.", stance="reports")]]
    denial_rows(members, {"c1": "confirms"}, answered=set())
    assert members[0][0].stance == "reports"
