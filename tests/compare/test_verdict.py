"""A row's status and the reason a reader checks it by (``newsprism.compare.verdict``)."""

from __future__ import annotations

from newsprism.compare.verdict import Member, verdict
from newsprism.records import Article, Claim


def test_a_row_of_denials_alone_says_nobody_asserts_what_it_answers() -> None:
    arts = {"a": Article(id="a", text="x", outlet="Calder Ledger"), "b": Article(id="b", text="x", outlet="Westfold")}
    members = [Member(Claim(id="a1", article_id="a", text="Growers disputed claims of pesticide use.",
                            attributed_to="Growers"), "denies", 0.7),
               Member(Claim(id="b1", article_id="b", text="No pesticide was used, the association said.",
                            attributed_to="the association"), "denies", 0.7)]
    status, reason, _, n_orig, _ = verdict(members, arts)
    assert status == "denied"
    assert n_orig == 0
    assert reason.startswith("no outlet of the story asserts what this answers")
    assert "Growers (in Calder Ledger)" in reason and "the association (in Westfold)" in reason


def test_one_speaker_quoted_by_several_outlets_is_named_once() -> None:
    arts = {k: Article(id=k, text="x", outlet=o) for k, o in
            (("a", "Calder Ledger"), ("b", "Westfold"), ("c", "Harbour Post"), ("d", "Westfold Wire"))}
    said = Member(Claim(id="d1", article_id="d", text="The port was sold to Ostra, two officials said.",
                        attributed_to="two officials"), "attributes", 0.8)
    denials = [Member(Claim(id=f"{k}1", article_id=k, text="\"The port was never sold,\" Ada Roe said.",
                            attributed_to="Ada Roe"), "denies", 0.7) for k in "abc"]
    other = Member(Claim(id="b2", article_id="b", text="The ministry denied the report.", attributed_to="The ministry"),
                   "denies", 0.7)
    status, reason, *_ = verdict([said, *denials, other], arts)
    assert status == "disputed"
    assert "denied by Ada Roe (in Calder Ledger, Westfold and Harbour Post) and The ministry (in Westfold)" in reason
