"""Rows after grouping (``newsprism.compare.rows``): a row told only by unanswered denials reads as denied; a
response several outlets tell is a row of its own."""

from __future__ import annotations

import numpy as np

from newsprism.compare.align import Proposition
from newsprism.compare.rows import (
    answerers,
    denial_rows,
    home_rows,
    outlet_fact_checks,
    own_voice,
    told_responses,
)
from newsprism.compare.verdict import Member, same_speaker, sources, speaker_key, verdict
from newsprism.records import Article, Claim


def _member(cid: str, article: str, text: str, stance: str = "attributes", context: bool = False,
            who: str | None = None) -> Member:
    return Member(Claim(id=cid, article_id=article, text=text, attributed_to=who), stance, 0.7, context=context)


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


def test_a_label_alone_is_the_speakers_claim_not_a_denial_row() -> None:
    said = "\u201cVaria has been spreading disinformation against us,\u201d the spokesman said."
    members = [[_member("d1", "d", said)]]
    denial_rows(members, {"d1": "denies"}, answered=set())
    assert members[0][0].stance == "attributes"


def test_confirmations_alone_are_no_denial_row() -> None:
    members = [[_member("c1", "c", "The ministry confirmed the report on Tuesday.", stance="reports")]]
    denial_rows(members, {"c1": "confirms"}, answered=set())
    assert members[0][0].stance == "reports"


def _prop(claim: Claim, content: set[str]) -> Proposition:
    return Proposition(claim=claim, core=claim.text, variant=0, negative=False, entities=frozenset(), values=(),
                       predicate="plead", content=frozenset(content))


def test_a_response_several_outlets_tell_is_a_row_of_its_own() -> None:
    said = [Claim(id="a1", article_id="a", text="Mr. Varro said he will plead not guilty to the fraud charges."),
            Claim(id="b1", article_id="b", text="Varro plans to plead not guilty to all counts, he said Friday."),
            Claim(id="c1", article_id="c", text="The mayor denied the report.")]
    props = [_prop(said[0], {"varro", "plead", "guilty", "fraud", "charge"}),
             _prop(said[1], {"varro", "plead", "guilty", "count", "plan"}),
             _prop(said[2], {"mayor", "deny", "report"})]
    vecs = np.array([[1.0, 0.0], [0.8, 0.6], [0.9, 0.436]], dtype=np.float32)
    members = [[_member("x", "x", "Prosecutors charged Varro with fraud."),
                *(Member(c, "denies", 0.5, context=True) for c in said)]]
    clusters: list[list[int]] = [[0]]
    sims = [np.ones((1, 1), dtype=np.float32)]
    told_responses(members, clusters, sims, props, vecs, {"a1": [0], "b1": [0], "c1": [0]}, kept=set())
    assert len(members) == len(clusters) == len(sims) == 2
    assert [m.claim.id for m in members[1]] == ["a1", "b1"]  # "denied the report" says nothing beyond its verdict
    assert {m.stance for m in members[1]} == {"attributes"}
    assert clusters[1] == [0, 1]


def test_a_sentence_supports_the_one_row_it_fits_best() -> None:
    both = Claim(id="a1", article_id="a", text="The audit covered the contracts, invoices and emails of the agency.")
    other = Claim(id="b1", article_id="b", text="Auditors read the agency's contracts.")
    denial = Claim(id="c1", article_id="c", text="The agency disputed the audit.")
    members = [[Member(both, "reports", 0.58), Member(other, "attributes", 0.58)],
               [Member(both, "reports", 0.71), Member(denial, "denies", 0.5, context=True)],
               [Member(denial, "denies", 0.5, context=True), Member(other, "reports", 0.6)]]
    out = home_rows(members)
    assert [m.claim.id for m in out[0]] == []  # b1 fits row 2 better, a1 row 1
    assert [m.claim.id for m in out[1]] == ["a1", "c1"]
    assert [m.claim.id for m in out[2]] == ["c1", "b1"]  # a denial stays on every row it answers


def test_one_speaker_by_name_not_by_family() -> None:
    assert same_speaker(speaker_key("Benjamin Todd Jealous"), speaker_key("Ben Jealous"))
    assert same_speaker(speaker_key("Roger J. Stone Jr"), speaker_key("Stone on Friday"))
    assert not same_speaker(speaker_key("Bill Clinton"), speaker_key("Hillary Clinton"))
    assert not same_speaker(speaker_key("Donald Trump Jr."), speaker_key("Donald Trump"))
    assert not same_speaker(speaker_key("Ada Quist"), speaker_key("Lena Orr"))
    assert speaker_key("the former Alaska governor") is None
    assert speaker_key(None) is None and not same_speaker(None, None)


def test_a_speaker_does_not_dispute_his_own_row() -> None:
    members = [[_member("a1", "a", "They need to make clear there is no place for bigots in the league.",
                        who="Martin Ollo"),
                _member("b1", "b", "We take no issue with the league.", stance="denies", who="M. Ollo"),
                _member("b2", "b", "Ollo said it had no basis.", stance="denies", context=True, who="Ollo")]]
    row = own_voice(members)[0]
    assert [(m.claim.id, m.stance) for m in row] == [("a1", "attributes"), ("b1", "attributes")]


def test_a_relatives_denial_stays() -> None:
    members = [[_member("a1", "a", "The foundation took no foreign money.", who="Bill Clinton"),
                _member("b1", "b", "The foundation did take foreign money.", stance="denies", who="Chelsea Clinton")]]
    assert [m.stance for m in own_voice(members)[0]] == ["attributes", "denies"]


def test_another_speakers_denial_stays() -> None:
    members = [[_member("a1", "a", "They need to make clear there is no place for bigots.", who="Martin Ollo"),
                _member("b1", "b", "The league's chairman denied the charge.", stance="denies", who="Ada Quist"),
                _member("c1", "c", "The claim was false, a league spokesman said.", stance="denies")]]
    assert [m.stance for m in own_voice(members)[0]] == ["attributes", "denies", "denies"]


def test_a_lone_unanswered_response_joins_the_row_other_outlets_tell() -> None:
    said = [Claim(id="a1", article_id="a", text="Mr. Varro said he will plead not guilty to the fraud charges."),
            Claim(id="b1", article_id="b", text="Varro plans to plead not guilty to all counts, he said Friday."),
            Claim(id="c1", article_id="c", text="In a short interview, Varro said he would plead not guilty.")]
    props = [_prop(said[0], {"varro", "plead", "guilty", "fraud", "charge"}),
             _prop(said[1], {"varro", "plead", "guilty", "count", "plan"}),
             _prop(said[2], {"varro", "plead", "guilty", "interview", "short"})]
    vecs = np.array([[1.0, 0.0], [0.9, 0.436], [0.8, 0.6]], dtype=np.float32)
    members = [[_member("a1", "a", said[0].text), _member("b1", "b", said[1].text)],
               [_member("c1", "c", said[2].text, stance="denies")]]
    clusters: list[list[int]] = [[0, 1], [2]]
    sims = [np.eye(2, dtype=np.float32), np.eye(1, dtype=np.float32)]
    told_responses(members, clusters, sims, props, vecs, {"a1": [0], "b1": [0]}, set(), loose={"c1"})
    assert members[1] == []  # it left its own row
    assert {m.claim.id for m in members[-1]} == {"a1", "b1", "c1"}
    assert len(members) == len(clusters) == len(sims)


def test_a_loose_response_shared_by_outlets_keeps_its_row() -> None:
    said = [Claim(id="a1", article_id="a", text="Mr. Varro said he will plead not guilty to the fraud charges."),
            Claim(id="b1", article_id="b", text="Varro plans to plead not guilty to all counts, he said Friday."),
            Claim(id="c1", article_id="c", text="Varro's lawyers disputed the charges."),
            Claim(id="d1", article_id="d", text="His lawyers disputed the fraud charges on Friday.")]
    props = [_prop(c, {"varro", "plead", "guilty", "charge", c.id}) for c in said]
    vecs = np.array([[1.0, 0.0], [0.9, 0.436], [0.8, 0.6], [0.8, 0.6]], dtype=np.float32)
    members = [[_member("a1", "a", said[0].text), _member("b1", "b", said[1].text)],
               [_member("c1", "c", said[2].text, stance="denies"), _member("d1", "d", said[3].text, stance="denies")]]
    clusters: list[list[int]] = [[0, 1], [2, 3]]
    sims = [np.eye(2, dtype=np.float32), np.eye(2, dtype=np.float32)]
    told_responses(members, clusters, sims, props, vecs, {"a1": [0], "b1": [0]}, set(), loose={"c1", "d1"})
    assert [m.claim.id for m in members[1]] == ["c1", "d1"]


def test_two_speakers_responses_are_not_one_told_row() -> None:
    said = [Claim(id="a1", article_id="a", text="Varro said he was not working for the agency at the time.",
                  attributed_to="Ivo Varro"),
            Claim(id="b1", article_id="b", text="Orr said she was not working for the agency at the time.",
                  attributed_to="Lena Orr")]
    props = [_prop(said[0], {"varro", "work", "agency", "time"}), _prop(said[1], {"orr", "work", "agency", "time"})]
    vecs = np.array([[1.0, 0.0], [0.95, 0.312]], dtype=np.float32)
    members = [[_member("a1", "a", said[0].text, who="Ivo Varro")], [_member("b1", "b", said[1].text, who="Lena Orr")]]
    clusters: list[list[int]] = [[0], [1]]
    sims = [np.eye(1, dtype=np.float32), np.eye(1, dtype=np.float32)]
    told_responses(members, clusters, sims, props, vecs, {"a1": [5], "b1": [5]}, set())
    assert len(members) == 2  # no row of "the same response"
    said[1] = Claim(id="b1", article_id="b", text="Mr. Varro said he was not working for the agency then.",
                    attributed_to="Varro")
    props[1] = _prop(said[1], {"varro", "work", "agency", "then"})
    members[1] = [_member("b1", "b", said[1].text, who="Varro")]
    told_responses(members, clusters, sims, props, vecs, {"a1": [5], "b1": [5]}, set())
    assert len(members) == 3


def test_the_outlets_fact_check_is_the_outlets_denial_and_survives_the_speakers_one_voice() -> None:
    claim = _member("a1", "a", "The mayor said the county pays for the dam.", who="Halvor Dunn")
    checked = _member("b1", "b", "The mayor claimed, falsely, that the county was already paying for the dam.",
                      stance="denies", who="Halvor Dunn")
    rows = own_voice(outlet_fact_checks([[claim, checked]]))
    denial = next(m for m in rows[0] if m.claim.id == "b1")
    assert denial.stance == "denies"
    assert denial.claim.attributed_to is None  # the outlet's voice, not the mayor denying his own claim
    # the speaker's own denial is still his, and his one voice makes it what the outlet relays
    own = _member("b2", "b", "The mayor said the report was false.", stance="denies", who="Halvor Dunn")
    rows = own_voice(outlet_fact_checks([[claim, own]]))
    assert [m.claim.attributed_to for m in rows[0]] == ["Halvor Dunn", "Halvor Dunn"]
    assert "denies" not in {m.stance for m in rows[0]}



def test_a_denial_names_who_denies_not_whom_the_claim_is_attributed_to() -> None:
    text = "The harbour authority disputed a report that said the pier had been sold."
    claim = Claim(id="a1", article_id="a", text=text, attributed_to="a report", responder="The harbour authority")
    denial, relayed = answerers([Member(claim, "denies", 0.7), Member(claim, "attributes", 0.7)])
    assert denial.claim.attributed_to == "The harbour authority"
    assert relayed.claim.attributed_to == "a report"  # the same sentence relaying the claim keeps its source


def test_the_answerer_reaches_the_cell_and_the_reason() -> None:
    art = {"a": Article(id="a", text="", outlet="Harbour Gazette"), "b": Article(id="b", text="", outlet="Tide")}
    claim = Claim(id="b1", article_id="b", text="The harbour authority disputed a report that said the pier was sold.",
                  attributed_to="a report", responder="The harbour authority")
    ms = answerers([_member("a1", "a", "The pier was sold to a shipping firm, the Gazette learned."),
                    Member(claim, "denies", 0.7)])
    _, reason, *_ = verdict(ms, art)
    assert "denied by The harbour authority (in Tide)" in reason and "a report" not in reason
    assert {s.attributed_to for s in sources(ms, art) if s.stance == "denies"} == {"The harbour authority"}


def test_a_row_of_labels_that_answer_nothing_is_the_speakers_own_claim() -> None:
    """"Vega asserted the prosecution was 'politically motivated'" answers no row: it is his claim, relayed, not a
    denial of a claim nobody in the story makes (which would read as a row 'denied')."""
    members = [[_member("a1", "a", "Vega asserted the prosecution was \"politically motivated\".", "denies",
                        who="Gregory Vega")]]
    denial_rows(members, {"a1": "denies"}, answered=set())
    assert [m.stance for m in members[0]] == ["attributes"]


def test_a_row_inside_another_goes_and_the_larger_row_keeps_every_sentence() -> None:
    from newsprism.compare.rows import repeated_rows

    big = [_member("a1", "a", "The Kessin Bridge was closed after cracks were found."),
           _member("b1", "b", "Engineers found cracks in the Kessin Bridge, which was shut."),
           _member("c1", "c", "The bridge will stay closed for a month, the mayor said.")]
    small = [_member("a1", "a", "The Kessin Bridge was closed after cracks were found."),
             _member("b1", "b", "Engineers found cracks in the Kessin Bridge, which was shut.")]
    # the smaller row is the more coherent one, yet it is the one that goes: the larger holds all of it
    sims = [np.full((3, 3), 0.5), np.full((2, 2), 0.9)]
    assert repeated_rows([big, small], sims) == {1: 0}
    assert repeated_rows([small, big], sims[::-1]) == {0: 1}
    # two rows of the same sentences: the less coherent goes
    assert repeated_rows([small, list(small)], [np.full((2, 2), 0.6), np.full((2, 2), 0.9)]) == {0: 1}
