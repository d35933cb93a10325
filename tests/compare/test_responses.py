"""Responses attach to the row they answer: by what they refer to, never by topic alone (tests/data/stories)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.story_corpora import compare_named

from newsprism.compare.responses import answered_object
from newsprism.records import ClaimGroup
from newsprism.resources import Resources
from newsprism.settings import Settings

STORIES = Path(__file__).resolve().parents[1] / "data" / "stories"


def _compare(name: str, resources: Resources, settings: Settings) -> list[ClaimGroup]:
    return compare_named(name, resources, settings)


@pytest.fixture(scope="module")
def answered(resources: Resources, settings: Settings) -> list[ClaimGroup]:
    return _compare("answered", resources, settings)


def _row(groups: list[ClaimGroup], *words: str) -> ClaimGroup:
    found = [g for g in groups if all(any(w in s.text for s in g.sources) for w in words)]
    assert found, f"no row holds {words}: {[g.text for g in groups]}"
    return max(found, key=lambda g: len({s.article_id for s in g.sources}))


def test_denial_without_the_claims_words_is_a_cell_of_the_claim(answered: list[ClaimGroup]) -> None:
    row = _row(answered, "sold the Harrow pier")
    assert {"ans-origin", "ans-relay"} <= {s.article_id for s in row.sources}
    denial = [s for s in row.sources if s.stance == "denies"]
    assert [s.article_id for s in denial] == ["ans-denial"]
    assert "report was false" in denial[0].text
    assert row.status in {"disputed", "denied"}
    assert "denied by" in row.reason


def test_confirmation_is_a_supporting_cell_of_the_claim(answered: list[ClaimGroup]) -> None:
    row = _row(answered, "sold the Harrow pier")
    confirm = [s for s in row.sources if s.article_id == "ans-confirm" and "confirmed the report" in s.text]
    assert confirm and all(s.stance in {"reports", "attributes"} for s in confirm)
    assert not any("confirmed the report" in s.text for g in answered if g.id != row.id for s in g.sources)


def test_denial_is_not_a_row_of_its_own(answered: list[ClaimGroup]) -> None:
    alone = [g for g in answered if all("report was false" in s.text for s in g.sources)]
    assert alone == []


def test_analysts_opinion_is_no_denial(answered: list[ClaimGroup]) -> None:
    for g in answered:
        for s in g.sources:
            if "cared more about money" in s.text:
                assert s.stance not in {"denies", "doubts"}, g
    vos = [g for g in answered if any("cared more about money" in s.text for s in g.sources)]
    assert all(g.status not in {"disputed", "denied"} for g in vos)


def test_contradiction_disputes_the_row(resources: Resources, settings: Settings) -> None:
    row = _row(_compare("contradiction", resources, settings), "killed when the Marlow dam burst")
    by = {s.article_id: s.stance for s in row.sources}
    assert by.get("con-killed") in {"reports", "attributes"}
    assert by.get("con-none") == "denies"
    assert row.status == "disputed"


def test_the_opposite_state_disputes_the_row(resources: Resources, settings: Settings) -> None:
    """"The barrier was fully operational" against "the barrier had been switched off for repairs": no negation,
    no denial word, worded far apart; the opposite state of one thing joins the row as its denial."""
    groups = _compare("states", resources, settings)
    row = _row(groups, "switched off for repairs")
    stances = {(s.article_id, "operational" in s.text): s.stance for s in row.sources}
    assert stances.get(("st-1", True)) == "denies"
    assert stances.get(("st-3", True)) == "denies"
    assert stances.get(("st-2", False)) == "attributes"
    assert row.status == "disputed"
    # the spokesman's words are a cell of the engineer's row, not a corroborated row of their own
    assert not [g for g in groups if g is not row and any("operational" in s.text for s in g.sources)]


def test_answered_object() -> None:
    assert answered_object("Organizers disputed claims of racism and called for a vote.") == "racism"
    said = answered_object("He denied that the ministry had signed the contract.")
    assert said == "the ministry had signed the contract"
    assert answered_object("The officials did not specify the terms or whether Varia had agreed.") == "Varia had agreed"
    assert answered_object("The ministry denied it.") is None
    assert answered_object("While many have speculated that the port was sold to Ostra, Mr. Bauer said that was "
                           "never the case.") == "the port was sold to Ostra"
    # what "the concerns" are, named in the same sentence; an outlet's own fact-check names what it checks
    assert answered_object("Despite warnings from the port authority that the bridge could collapse, councillors "
                           "dismissed the concerns.") == "the bridge could collapse"
    # the question a "no" answers; the verdict after a named suggestion is not part of it
    assert answered_object("Asked if any budget limit had kept the guard small, she said: \"No.\"") == (
        "any budget limit had kept the guard small")
    assert answered_object("She said any suggestion that the guard was cut for money is off base.") == (
        "the guard was cut for money")
    # a doubt names what it doubts
    assert answered_object("He said he had real doubts about whether the mayor was born in Varia.") == (
        "the mayor was born in Varia")
    # inside quotation marks too, and what the speaker did besides ends it
    assert answered_object("He told the Courier that he had \u201creal doubts\u201d about whether the mayor was born "
                           "in Varia, and that he would look into it.") == "the mayor was born in Varia"
    assert answered_object("He has doubts about whether the mayor was born in Varia and has sent investigators to "
                           "Ostra.") == "the mayor was born in Varia"
    # who a name is, between commas, does not end what is named; "a report that said X" names X
    assert answered_object("The harbour board disputed a report that said the mayor had directed Ana Ruiz, his "
                           "longtime aide, to sell the pier.") == "the mayor had directed Ana Ruiz to sell the pier"
    assert answered_object("He denied that the pier was sold, the board said, and left.") == "the pier was sold"
    assert answered_object("It maintained that its report was accurate, its editor, Ana Ruiz, said.") == (
        "its report was accurate")
    # whose accusations they are names nothing
    assert answered_object("He said the accusations of four women are fake news.") is None
    assert answered_object("He disputed accusations of fraud in the harbour accounts.") == (
        "fraud in the harbour accounts")
    # a report named by what it alleges
    assert answered_object("\u201cIt is garbage,\u201d Ruiz said about the Courier article alleging that she had "
                           "sold the pier.") == "she had sold the pier"
    assert answered_object("The board pushed back on a report claiming the pier was sold.") == "the pier was sold"
    # a report asked about names no proposition of its own
    assert answered_object("\u201cI have no idea whether or not the cover story about Ruiz in the Courier is true or "
                           "not, but I had nothing to do with it.\u201d") is None
    # a claim named by its example
    assert answered_object("He repeated his false claims about the pier, including that Ostra had already paid for "
                           "it, and left.") == "Ostra had already paid for it"
    # and the rest of an aside between dashes; a lone dash ends it, as does a verdict on it
    assert answered_object("She disputed claims that the pier — built in 1910 — was sold to Ostra - a claim the "
                           "board rejects.") == "the pier was sold to Ostra"
    assert answered_object("She said accusations that she had misled the board were false.") == (
        "she had misled the board")
    checked = answered_object("The mayor claimed, falsely, that the quay had been paid for.")
    assert checked == "the quay had been paid for"
    # to whom a denial was made, and a claim's longer list of claimants, come between the verb and what it names
    assert answered_object("Ruiz denied to the Amsel Daily Courier that she ever called the mayor a thief.") == (
        "she ever called the mayor a thief")
    assert answered_object("The ministry pushed back on claims by harbour board members and city councillors that it "
                           "had ignored the warnings.") == "it had ignored the warnings"
    # what the sentence says first, then names as a contention someone answers
    assert answered_object("They argued that by speaking first she had waived her right to silence, a contention her "
                           "lawyer disputed.") == "by speaking first she had waived her right to silence"
    assert answered_object("The mayor sold the pier to Ostra -- a claim the ministry denies.") == (
        "The mayor sold the pier to Ostra")
    assert answered_object("Vell said he walked out because Ruiz called him a liar \u2013 something Ruiz has "
                           "denied.") == "he walked out because Ruiz called him a liar"
    assert answered_object("Ruiz was referring to a claim by an aide that the pier was sold - a claim Vell "
                           "rejected.") == "the pier was sold"


def test_the_act_of_accusing_is_no_target() -> None:
    """"The union accused the board of poisoning the river" tells an accusation was made: "the board disputed the
    allegations" answers what the board is accused of, so the act's row is left standing even when it is closer."""
    import numpy as np

    from newsprism.compare.responses import Assertions
    from newsprism.compare.verdict import Member
    from newsprism.records import Claim

    act = Claim(id="a1", article_id="a", text="The union accused the board of poisoning the river.")
    said = Claim(id="b1", article_id="b", text="The board has poisoned the river with nitrates, the union said.")
    members = [[Member(act, "reports", 0.8)], [Member(said, "attributes", 0.8)]]
    vecs = {"a1": [np.array([1.0, 0.0])], "b1": [np.array([0.6, 0.8])]}
    rows = Assertions.of(members, vecs, {}, {"a1": {"accuse"}, "b1": {"poison"}})
    assert rows.acts == frozenset({0})
    assert rows.best([np.array([1.0, 0.0])]) == (pytest.approx(0.6), 1)
    assert rows.closeness(0, [np.array([1.0, 0.0])]) == pytest.approx(1.0)  # still found by the source it names


def test_a_response_does_not_answer_its_own_speakers_row() -> None:
    """Rows only the responding speaker asserts are no target of his response: his denial goes to the closest
    row someone else asserts."""
    import numpy as np

    from newsprism.compare.responses import Assertions
    from newsprism.compare.verdict import Member
    from newsprism.records import Claim

    his = Claim(id="a1", article_id="a", text="I look forward to being vindicated, Varro said.",
                attributed_to="Ivo Varro")
    other = Claim(id="b1", article_id="b", text="The grand jury charged Varro with fraud.")
    reply = Claim(id="c1", article_id="a", text="Mr. Varro said he will fight the charges.", attributed_to="Varro")
    members = [[Member(his, "attributes", 0.8)], [Member(other, "reports", 0.8)]]
    vecs = {"a1": [np.array([1.0, 0.0])], "b1": [np.array([0.6, 0.8])]}
    rows = Assertions.of(members, vecs, {"c1": "denies"})
    assert rows.own_voice(reply) == {0}
    assert rows.best([np.array([1.0, 0.0])], rows.own_voice(reply)) == (pytest.approx(0.6), 1)
    assert rows.own_voice(Claim(id="d1", article_id="b", text="The report is false.")) == set()


def test_a_response_does_not_answer_the_row_it_tells() -> None:
    """"The group demanded the league withdraw its false resolution" tells the demand (its row by wording) and
    calls the resolution false: by its words it answers the closest other row, never the demand it tells; a
    negated restatement ("the league has not passed any resolution") may answer its own row."""
    import numpy as np

    from newsprism.compare.responses import Assertions, answer_targets
    from newsprism.compare.verdict import Member
    from newsprism.records import Claim

    demand = Claim(id="a1", article_id="a", text="The Ostra group called on the league to withdraw the resolution.")
    passed = Claim(id="b1", article_id="b", text="The league passed a resolution condemning the Ostra group.")
    reply = Claim(id="c1", article_id="c", text="The Ostra group demanded the league withdraw its false resolution.")
    members = [[Member(demand, "reports", 0.8), Member(reply, "denies", 0.8)], [Member(passed, "reports", 0.8)]]
    vecs = {"a1": [np.array([1.0, 0.0])], "b1": [np.array([0.8, 0.6])], "c1": [np.array([0.99, 0.141])]}
    responses = {"c1": "denies"}
    rows = Assertions.of(members, vecs, responses)
    kw = {"vecs": vecs, "group_of": {"a1": [0], "c1": [0], "b1": [1]}, "targets_of": {}, "members": members,
          "responses": responses, "frames": {}, "assertions": rows}
    assert answer_targets(reply, [], **kw) == ([1], 1)  # type: ignore[arg-type]
    negated = Claim(id="c1", article_id="c", text="The Ostra group has not called for any withdrawal.", negated=True)
    assert answer_targets(negated, [], **kw) == ([0], 1)  # type: ignore[arg-type]


def test_a_bare_it_points_back_only_as_what_is_answered() -> None:
    from newsprism.compare.responses import _points_back

    assert _points_back("Morvania has denied it.")
    assert _points_back("\u201cIt is not true,\u201d the minister said.")
    assert _points_back("The company strongly denied this.")
    # the thing "it" names is in the sentence itself
    assert not _points_back("Most of the crew were Ostran, but the Ostran government denies any role in the attack "
                            "and two inquiries have cleared it of blame.")


def test_a_response_found_by_wording_alone_shares_a_word_with_the_row() -> None:
    """Close in vector space is not enough when nothing named ties them: "the Ostran government denies any role in
    the attacks" does not answer "the act grants immunity to countries not designated sponsors of terrorism"."""
    import numpy as np

    from newsprism.compare.responses import Assertions, answer_targets
    from newsprism.compare.verdict import Member
    from newsprism.records import Claim

    act = Claim(id="a1", article_id="a", text="The act grants immunity to countries not designated sponsors of "
                                              "terrorism.")
    reply = Claim(id="c1", article_id="c", text="The Ostran government denies any role in the attacks.")
    members = [[Member(act, "reports", 0.8)]]
    vecs = {"a1": [np.array([1.0, 0.0])], "c1": [np.array([0.9, 0.4359])]}
    responses = {"c1": "denies"}
    kw = {"vecs": vecs, "group_of": {"a1": [0]}, "targets_of": {}, "members": members, "responses": responses,
          "frames": {}, "assertions": Assertions.of(members, vecs, responses)}
    assert answer_targets(reply, [], **kw) == ([], 0)  # type: ignore[arg-type]
    told = Claim(id="a1", article_id="a", text="Ostran officials played a role in the attacks, the families say.")
    members[0] = [Member(told, "attributes", 0.8)]
    kw["assertions"] = Assertions.of(members, vecs, responses)
    assert answer_targets(reply, [], **kw) == ([0], 1)  # type: ignore[arg-type]


def test_a_named_denial_answers_the_widest_told_of_rows_about_as_close() -> None:
    """"Denied a newspaper report that it had asked for fighter jets": one outlet's aside that mentions the jets
    can be a shade closer than the request four outlets report; the denial answers the request."""
    import numpy as np

    from newsprism.compare.responses import Assertions, answer_targets
    from newsprism.compare.verdict import Member
    from newsprism.records import Claim

    aside = Claim(id="a1", article_id="a", text="Estraland had not decided how to respond to Morvania's envoy, "
                                                "who asked for fighter jets in a tense meeting.")
    told = [Claim(id=f"{k}1", article_id=k, text="Morvania asked Estraland for fighter jets.") for k in "bcde"]
    reply = Claim(id="f1", article_id="f", text="Morvania denied a newspaper report that it had asked Estraland "
                                                "for fighter jets.")
    members = [[Member(aside, "attributes", 0.8)], [Member(c, "attributes", 0.8) for c in told]]
    vecs = {"a1": [np.array([0.74, 0.6726])], "f1": [np.array([0.2, 0.98])],
            **{c.id: [np.array([0.71, 0.7042])] for c in told}}
    responses = {"f1": "denies"}
    rows = Assertions.of(members, vecs, responses)
    kw = {"vecs": vecs, "group_of": {"a1": [0], **{c.id: [1] for c in told}}, "targets_of": {},
          "members": members, "responses": responses, "frames": {}, "assertions": rows,
          "objects": {"f1": np.array([1.0, 0.0])}}
    assert answer_targets(reply, [], **kw) == ([1], 2)  # type: ignore[arg-type]
    vecs["a1"] = [np.array([1.0, 0.0])]  # the aside clearly closer than the request: it stays the target
    far = {**kw, "assertions": Assertions.of(members, vecs, responses)}
    assert answer_targets(reply, [], **far) == ([0], 2)  # type: ignore[arg-type]
    # a shade further than the tie, the request still wins where its row does what the denial names (asking) and
    # the aside only mentions the jets; clearly further, it does not
    vecs.update({c.id: [np.array([0.93, 0.3676])] for c in told})
    assert answer_targets(reply, [], **{**kw, "assertions": Assertions.of(members, vecs, responses)}) == (
        [0], 2)  # type: ignore[arg-type]
    preds = {"a1": {"decide"}, **{c.id: {"ask"} for c in told}}
    rows = Assertions.of(members, vecs, responses, preds)
    assert rows.doing("it had asked Estraland for fighter jets") == {1}
    assert answer_targets(reply, [], **{**kw, "assertions": rows}) == ([1], 2)  # type: ignore[arg-type]
    vecs.update({c.id: [np.array([0.8, 0.6])] for c in told})
    assert answer_targets(reply, [], **{**kw, "assertions": Assertions.of(members, vecs, responses, preds)}) == (
        [0], 2)  # type: ignore[arg-type]


def test_a_named_noun_does_nothing() -> None:
    """"False claims about the border wall": a word after a determiner is a noun, which no row's predicate does."""
    import numpy as np

    from newsprism.compare.responses import Assertions
    from newsprism.compare.verdict import Member
    from newsprism.records import Claim

    row = Claim(id="a1", article_id="a", text="Troops will border the wall, officials said.")
    rows = Assertions.of([[Member(row, "attributes", 0.8)]], {"a1": [np.array([1.0, 0.0])]}, {}, {"a1": {"border"}})
    assert rows.doing("the border wall") == set()
    assert rows.doing("troops would border the wall") == {0}


def test_a_core_keeps_words_apart_where_a_conjunct_was_cut(resources: Resources) -> None:
    from newsprism.compare.align import propositions
    from newsprism.records import Claim

    claim = Claim(id="k1", article_id="k", text="Morvania has requested greater trade, financial and technological "
                                                  "support from its largest trading partner Estraland.")
    cores = [p.core for p in propositions([claim], resources.nlp)]
    assert len(cores) > 1
    assert not any("tradefrom" in c or "supportfrom" in c for c in cores), cores


def test_the_core_of_a_statement_given_in_a_statement_is_what_it_says(resources: Resources) -> None:
    """"X said in a statement that Y": the parser hangs Y on "statement", and the core was the whole sentence,
    attribution and all, so a denial inside it ("there was no collusion") read as the lawyer's report."""
    from newsprism.compare.align import propositions
    from newsprism.records import Claim

    claim = Claim(id="k2", article_id="k", text="Pell's lawyer, Ada Roe, said in a statement that there was no "
                                                  "smuggling ring and that the charges were a clear attempt to "
                                                  "silence him.")
    cores = [p.core for p in propositions([claim], resources.nlp)]
    assert cores and all("lawyer" not in c and "statement" not in c for c in cores), cores
    assert any("no smuggling ring" in c for c in cores)


def test_a_reaction_to_the_claim_is_no_target() -> None:
    """"If these allegations are true, he will step aside" and "he needs to answer these serious charges" refer to
    the allegation without stating it: a denial of "the allegations" answers the allegation's row."""
    import numpy as np

    from newsprism.compare.responses import Assertions
    from newsprism.compare.verdict import Member
    from newsprism.records import Claim

    react = Claim(id="a1", article_id="a", text="If these allegations are true, Varro will do the right thing and "
                  "step aside, the spokeswoman said.")
    demand = Claim(id="c1", article_id="c",
                   text="\u201cVarro needs to answer these serious charges,\u201d his rival said.")
    said = Claim(id="b1", article_id="b", text="Four women said Varro pursued them when they were teenagers.")
    members = [[Member(react, "attributes", 0.8)], [Member(said, "attributes", 0.8)],
               [Member(demand, "attributes", 0.8)]]
    vecs = {"a1": [np.array([1.0, 0.0])], "b1": [np.array([0.6, 0.8])], "c1": [np.array([0.9, 0.436])]}
    rows = Assertions.of(members, vecs, {})
    assert rows.acts == frozenset({0, 2})
    assert rows.best([np.array([1.0, 0.0])]) == (pytest.approx(0.6), 1)


def test_a_named_proposition_needs_the_rows_names_and_keeps_its_own_referent() -> None:
    """"Allegations that the council offered him the harbour post" answers no row that never names the harbour
    unless its wording is very close (and then only a row that says something of what it names: see the
    ``replace`` story); and "that was never the case" after naming what it answers does not fall back on the
    sentence before."""
    import numpy as np

    from newsprism.compare.responses import Assertions, answer_targets
    from newsprism.compare.verdict import Member
    from newsprism.records import Claim

    run = Claim(id="a1", article_id="a", text="Mr. Orr, a retired admiral, said the council had offered him a post.")
    reply = Claim(id="c1", article_id="a", text="While many have speculated that the council offered Mr. Orr the "
                  "Harbour post, Mr. Bauer said that was never the case.")
    members = [[Member(run, "reports", 0.8)]]
    vecs = {"a1": [np.array([1.0, 0.0])], "c1": [np.array([0.6, 0.8])]}
    responses = {"c1": "denies"}
    rows = Assertions.of(members, vecs, responses)
    kw = {"vecs": vecs, "group_of": {"a1": [0], "c1": []}, "targets_of": {}, "members": members,
          "responses": responses, "frames": {}, "assertions": rows}
    near = {"c1": np.array([0.8, 0.6])}  # what it names, at cosine 0.8 x 1.0 = 0.8: sure without the name check
    assert answer_targets(reply, [run], objects=near, **kw)[0] == [0]  # type: ignore[arg-type]
    loose = {"c1": np.array([0.6, 0.8])}  # at 0.6 the row must name the harbour, and it does not
    assert answer_targets(reply, [run], objects=loose, **kw) == ([], 0)  # type: ignore[arg-type]
    # nor does the rest of its wording carry it there ("Batting down allegations that X, the report said Y")
    kw["vecs"] = {"a1": [np.array([1.0, 0.0])], "c1": [np.array([0.8, 0.6])]}
    assert answer_targets(reply, [run], objects=loose, **kw) == ([], 0)  # type: ignore[arg-type]


def test_a_response_in_another_language_names_the_source_it_answers() -> None:
    from newsprism.compare.responses import _names

    assert _names("Das Ministerium hat den Ledger-Bericht nicht bestätigt.", "de") == ["ledger"]
    assert _names("Le porte-parole a démenti l'article de Mediapart.", "fr") == ["mediapart"]
    assert _names("El gobierno negó el informe de Reuters sobre los drones.", "es") == ["reuters"]
    assert _names("The ministry denied the Ledger report.") == ["ledger"]
    # another language's report words and prepositions read otherwise in English
    assert _names("Democrats accuse Ormond of lying.") == []
    assert _names("The charges do Ormond no harm.") == []
    assert _names("The ministry denied the information from Pentagon officials.") == []


def test_what_a_person_put_forward_names_whose_claim_is_answered() -> None:
    """"rejected Mr. Trump's suggestion", "disputed Obama's rationale", "disputed Ms. Nielsen's statistics": the
    owner names the source whose rows are answered, as "the Ledger report" does."""
    from newsprism.compare.responses import _names

    assert _names("Some Republicans also rejected Mr. Trump's suggestion.") == ["trump"]
    assert _names("The bill's backers disputed Obama's rationale as unconvincing.") == ["obama"]
    assert _names("Pelosi, who disputed Ms. Nielsen's statistics, spoke next.") == ["nielsen"]
    assert _names("Some Republicans rejected the suggestion.") == []
    # who answers, a camp, a pronoun's remarks and an account on a platform name no source answered
    assert _names("The White House report disputed any suggestion that there was impropriety.") == []
    assert _names("The White House disputed Republican claims that the talks were illegal.") == []
    assert _names("Sometimes his remarks have been plainly untrue.") == []
    assert _names("His spokesman said that the congressman's Twitter account had been hacked.") == []
    assert _names("Mueller's office disputed BuzzFeed's account.") == ["buzzfeed"]


@pytest.mark.parametrize(("text", "back"), [
    ("That was never the case, he said.", True),
    ("The ministry denied that.", True),
    ("She rejected that report as fiction.", True),
    ("He told the Herald that he was not working for the ministry.", True),  # what he says of himself, told before
    ("The lawyer said in a statement that the challenge from the two states was without merit.", False),
    ("Officials pushed back on claims by lawmakers that they were never briefed.", True),
    ("The ministry has called this disinformation.", True),
    ("AFP was unable to verify these claims.", True),
    ("We believe this suit is without merit.", False),  # names the suit, points back at no sentence
    ("The mayor said this committee has no authority over the port.", False),
    ("He said there was no proof of wrongdoing at the event.", True),
])
def test_what_points_back(text: str, back: bool) -> None:
    """"that" opening a clause about a thing it names, and "this" before a noun for a thing, refer to nothing said
    before: the response is not attached to the sentence before it by them."""
    from newsprism.compare.responses import _points_back

    assert _points_back(text) is back


def test_a_denial_that_names_its_object_does_not_answer_the_sentence_before_it(resources: Resources,
                                                                               settings: Settings) -> None:
    groups = _compare("background", resources, settings)
    row = _row(groups, "tattoo of an anchor")
    assert not [s for s in row.sources if s.stance in {"denies", "doubts"}], row.sources
    assert row.status not in {"disputed", "denied"}
    assert answered_object("He has long maintained that he had no connection to the smuggling ring.") == \
        "he had no connection to the smuggling ring"


@pytest.fixture(scope="module")
def possessive(resources: Resources, settings: Settings) -> list[ClaimGroup]:
    return _compare("possessive", resources, settings)


def test_a_denial_of_someones_account_answers_what_they_claimed(possessive: list[ClaimGroup]) -> None:
    row = _row(possessive, "untrained agency crews")
    denial = [s for s in row.sources if "does not recognise" in s.text]
    assert [s.stance for s in denial] == ["denies"] and row.status in {"disputed", "denied"}
    for g in possessive:
        if g is not row:
            assert not any("does not recognise" in s.text for s in g.sources), g.text


def test_any_suggestion_to_the_contrary_answers_the_row_the_statement_is_about(
        possessive: list[ClaimGroup]) -> None:
    row = _row(possessive, "radar", "switched off")
    assert len({s.article_id for s in row.sources}) == 3
    assert [s.stance for s in row.sources if "to the contrary" in s.text] == ["denies"]
    assert not [g for g in possessive if g.text.startswith('"Any suggestion')]


def test_an_outlets_fact_check_disputes_the_claim_it_relays(resources: Resources, settings: Settings) -> None:
    groups = _compare("factcheck", resources, settings)
    row = _row(groups, "cost taxpayers nothing, because the club")
    assert "fc-1" in {s.article_id for s in row.sources}
    checks = [s for s in row.sources if "falsely" in s.text or "making a false claim" in s.text]
    assert sorted(s.stance for s in checks) == ["denies", "denies"], row.sources
    assert row.status in {"disputed", "denied"}
    opening = _row(groups, "open in the spring of 2027")
    assert opening.status not in {"disputed", "denied"}
    assert not [s for s in opening.sources if s.stance in {"denies", "doubts"}]


def test_a_verdict_on_someones_comments_answers_their_row(resources: Resources, settings: Settings) -> None:
    groups = _compare("remarks", resources, settings)
    row = _row(groups, "mayor's")
    assert [s.stance for s in row.sources if "wildly inaccurate" in s.text] == ["denies"]
    assert row.status in {"disputed", "denied"}
    # "Council members disputed the claim that ...": who disputes, not whose claim; no row asserts it
    (alone,) = [g for g in groups if any("disputed the claim" in s.text for s in g.sources)]
    assert [s.stance for s in alone.sources] == ["denies"]
    # the row is what they deny, and reads as such: not the sentence that denies it
    assert alone.text == "The closure cost the town a million euros a month"


def test_a_named_proposition_needs_a_row_that_says_it_not_only_its_names(resources: Resources,
                                                                        settings: Settings) -> None:
    groups = _compare("replace", resources, settings)
    quit_row = _row(groups, "in protest over the prime minister's")
    assert not any("looking to replace" in s.text for s in quit_row.sources)
    assert quit_row.status not in {"disputed", "denied"}


def test_a_denial_of_what_a_row_of_denials_denies_takes_its_side(resources: Resources, settings: Settings) -> None:
    """"Orr took to social media to push back on media reports about a possible resignation" beside "I will not
    resign": both deny the resignation, so the push-back backs the row and disputes nothing."""
    groups = _compare("resign", resources, settings)
    row = _row(groups, "push back on media reports")
    assert {s.stance for s in row.sources if "push back" in s.text} == {"attributes"}
    assert any("will not resign" in s.text for s in row.sources)
    assert row.status not in {"disputed", "denied"}


def test_a_named_proposition_needs_its_predicate_in_the_row() -> None:
    from types import SimpleNamespace

    from newsprism.compare.responses import _predicate_in

    def row(*texts: str) -> list[Any]:
        return [SimpleNamespace(claim=SimpleNamespace(text=t)) for t in texts]

    # the subject alone is no match: the row must say something of what the proposition says of it
    assert not _predicate_in("the meetings might be illegal or improper", row("What followed were informal meetings."))
    assert not _predicate_in("the campaign was in league with Ostra", row("Ostra tried to sell the pier."))
    # a shorter form of the same word matches, and so does a noun of the verb
    assert _predicate_in("Ostra was already paying for it", row("The mayor said he would get Ostra to pay for it."))
    assert _predicate_in("he asked Ruiz to stop investigating Vell",
                         row("Ruiz testified that the mayor wanted an end to the investigation into Vell."))


def test_an_opening_participle_is_no_source() -> None:
    from newsprism.compare.responses import _names

    assert _names("Reached for comment, a spokesman for the harbour board also denied that the story was true.") == []
    assert _names("The board vigorously denied the Courier report.") == ["courier"]
    # a determiner that opens a sentence is no source either
    assert _names("\u201cAny suggestion to the contrary is false,\u201d she said.") == []


def test_across_languages_the_most_told_of_a_named_sources_rows_is_answered() -> None:
    """A response naming its source answers the closest of the source's rows when it shares their language; across
    languages sentence vectors cannot say which row is closest, so the row most outlets tell is answered."""
    import numpy as np

    from newsprism.compare.responses import Assertions, rows_of_named_sources
    from newsprism.compare.verdict import Member
    from newsprism.records import Claim

    tax, records = np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0])
    members = [
        [Member(Claim(id="t1", article_id="a1", text="The harbour tax will double, Vell said.", attributed_to="Vell"),
                "attributes", 0.9),
         Member(Claim(id="t2", article_id="a2", text="Vell said the harbour tax would double.", attributed_to="Vell"),
                "attributes", 0.9)],
        [Member(Claim(id="r1", article_id="a1", text="Vell said the dredging records were lost.",
                      attributed_to="Vell"), "attributes", 0.9)],
    ]
    response = Claim(id="x1", article_id="a3", text="Vell's claims about the dredging records were false.")
    vecs = {"t1": [tax], "t2": [tax], "r1": [records], "x1": [0.45 * tax + 0.89 * records]}
    answers = {"x1": "denies"}
    assertions = Assertions.of(members, vecs, answers)
    english = rows_of_named_sources([response], members, vecs, answers, assertions, {"x1": "en"})
    german = rows_of_named_sources([response], members, vecs, answers, assertions, {"x1": "de"})
    assert english == {"vell": 1}
    assert german == {"vell": 0}


def test_a_disclaimer_of_ones_own_part_does_not_dispute_the_thing(resources: Resources, settings: Settings) -> None:
    # "she had no knowledge of the warning" denies that she knew, not that the engineers warned: the warning's row is
    # not disputed, and the disclaimer is told as what it denies
    groups = _compare("disclaim", resources, settings)
    memo = _row(groups, "cracks in the Tolland levee could give way")
    assert len({s.article_id for s in memo.sources}) == 2
    assert not [s for s in memo.sources if "no knowledge" in s.text], memo.sources
    assert memo.status not in {"disputed", "denied"}
    (own,) = [g for g in groups if any("no knowledge of the warning" in s.text for s in g.sources)]
    assert [s.stance for s in own.sources if "no knowledge" in s.text] == ["denies"]


def test_a_motive_imputed_to_an_act_does_not_deny_it(resources: Resources, settings: Settings) -> None:
    # "his client was fired ..., claiming this was politically motivated" says why the board fired her, not that it
    # did not: the firing's row is not disputed
    groups = _compare("motive", resources, settings)
    fired = _row(groups, "fired its chief engineer")
    assert len({s.article_id for s in fired.sources}) == 2
    assert not [s for s in fired.sources if s.stance in {"denies", "doubts"}], fired.sources
    assert fired.status not in {"disputed", "denied"}


def test_the_source_a_response_is_told_by_is_not_what_it_answers() -> None:
    from newsprism.compare.responses import _names

    # whose words a sentence is ("according to ...") is not whose claim it answers
    assert _names("Inspectors found no evidence that he bought the rifles illegally, according to a Harbour Police "
                  "statement.") == []
    assert _names("The minister denied it, according to a report by the Ledger.") == []
    assert _names("According to the report, the minister was never told.") == []
    assert _names("The ministry disputed a report by the Ledger.") == ["ledger"]
    assert _names("The ministry disputed the Harbour Police statement.") == ["harbour police"]


def test_a_row_nobody_asserts_is_titled_by_what_is_denied() -> None:
    from newsprism.compare import denied_title

    # what the answer names, when it is a clause
    assert denied_title("She and other councillors disputed the claim that taxpayers will pay for the pier, noting "
                        "that the port pays.") == "Taxpayers will pay for the pier"
    # else the clause that answers, not a fact beside it that nobody denies
    assert denied_title("Nine of the crew were Varian citizens, but the Varian government denies any role in the "
                        "fire.") == "The Varian government denies any role in the fire."
    # a claim told, then named as one that someone denies
    assert denied_title("Vell said his walkout was justified because Ruiz called him a liar \u2013 something Ruiz "
                        "has denied.") == "His walkout was justified because Ruiz called him a liar"
    # what an existential clause says stands alone
    assert denied_title("The council's report disputed any suggestion that there was impropriety in the mayor's "
                        "talks with Vell.") == "There was impropriety in the mayor's talks with Vell"
    # a noun phrase, a pronoun or a clause without its subject gives no title: the sentence stays
    kept = ("During the campaign, Vell dismissed allegations of misconduct against himself from a dozen officials "
            "and threatened to sue them.")
    assert denied_title(kept) == kept
    kept = "The mayor spoke on Sunday, though did not say whether it was tied to the strike."
    assert denied_title(kept) == kept


def test_a_sentence_that_tells_what_it_answers_is_a_row_of_its_own() -> None:
    """"They argued that she had waived her right, a contention her lawyer disputed" states the contention and its
    answer at once: it answers no other row, however close in wording ("she plans to stay silent")."""
    import numpy as np

    from newsprism.compare.responses import Assertions, answer_targets, screened
    from newsprism.compare.verdict import Member
    from newsprism.records import Claim

    plan = Claim(id="a1", article_id="a", text="Ruiz plans to stay silent before the committee, her lawyer said.")
    told = Claim(id="b1", article_id="b", text="Ruiz will stay silent before the committee, officials said.")
    reply = Claim(id="c1", article_id="c", text="They argued that by speaking first she had waived her right to "
                                                "silence before the committee, a contention her lawyer disputed.")
    members = [[Member(plan, "attributes", 0.8), Member(told, "attributes", 0.8), Member(reply, "denies", 0.8)]]
    vecs = {"a1": [np.array([1.0, 0.0])], "b1": [np.array([0.98, 0.199])], "c1": [np.array([0.95, 0.312])]}
    responses = {"c1": "denies"}
    kw = {"vecs": vecs, "group_of": {"a1": [0], "b1": [0], "c1": [0]}, "targets_of": {}, "members": members,
          "responses": responses, "frames": {}, "assertions": Assertions.of(members, vecs, responses),
          "objects": {"c1": np.array([0.99, 0.141])}}  # what it names is near the plan's row
    found = answer_targets(reply, [], **kw)  # type: ignore[arg-type]
    assert found == ([0], 2)
    assert screened(reply, found, members, responses, {}) == ([], -1)
