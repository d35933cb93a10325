"""Anaphoric responses ("unaware of any such request") answer the rows of the claim they point back to."""

from __future__ import annotations

import numpy as np

from newsprism.compare.anaphora import ANAPHOR, resolve
from newsprism.compare.verdict import Member
from newsprism.records import Claim


def _claim(cid: str, article: str, text: str) -> Claim:
    return Claim(id=cid, article_id=article, text=text)


def test_a_denial_answers_the_part_of_its_target_that_other_outlets_tell() -> None:
    """The target's coordinated parts sit in two rows: the part another outlet tells, and a part that only a
    sentence of the same article joined ("Morvania's apparent turn to Estraland"). Only the first is denied."""
    lead = _claim("a1", "a", "Morvania has turned to Estraland for fighter jets and assistance, officials said.")
    ties = _claim("a0", "a", "Analysts said ties were closer than ever, prompting Morvania's apparent turn to "
                             "Estraland.")
    other = _claim("b1", "b", "Morvania asked Estraland for fighter jets, two officials said.")
    denial = _claim("a2", "a", "A spokesman said he was unaware of any such request for help.")
    members = [[Member(lead, "attributes", 0.8), Member(other, "attributes", 0.8)],
               [Member(lead, "attributes", 0.7), Member(ties, "attributes", 0.7)]]
    group_of = {"a1": [0, 1], "b1": [0], "a0": [1]}
    vecs = {cid: [np.array(v)] for cid, v in
            {"a1": [1.0, 0.0], "a0": [0.6, 0.8], "b1": [0.9, 0.436], "a2": [0.8, 0.6]}.items()}
    assert resolve(denial, [ties, lead], vecs, group_of, {}, members) == [0]
    # with no part told elsewhere, the denial answers every row of its target, as before
    alone = [[Member(lead, "attributes", 0.8)], [Member(lead, "attributes", 0.7), Member(ties, "attributes", 0.7)]]
    assert resolve(denial, [ties, lead], vecs, {"a1": [0, 1], "a0": [1]}, {}, alone) == [0, 1]


def test_a_turn_towards_a_country_is_no_request() -> None:
    """"Such request" reads back to the last claim that states a request: "turned to Estraland for jets" is one,
    "Morvania's apparent turn to Estraland" (a noun, nothing asked for) is not."""
    lead = _claim("a1", "a", "Morvania has turned to Estraland for fighter jets, officials said.")
    ties = _claim("a0", "a", "Analysts said ties were closer than ever, prompting Morvania's apparent turn to "
                             "Estraland.")
    other = _claim("b1", "b", "Morvania asked Estraland for fighter jets, two officials said.")
    denial = _claim("a2", "a", "A spokesman said he was unaware of any such request for help.")
    members = [[Member(lead, "attributes", 0.8), Member(other, "attributes", 0.8)], [Member(ties, "attributes", 0.7)]]
    group_of = {"a1": [0], "b1": [0], "a0": [1]}
    vecs = {cid: [np.array(v)] for cid, v in
            {"a1": [1.0, 0.0], "a0": [0.0, 1.0], "b1": [0.9, 0.436], "a2": [0.8, 0.6]}.items()}
    assert resolve(denial, [lead, ties], vecs, group_of, {}, members) == [0]


def _numbered(cid: str, article: str, text: str, numbers: tuple[str, ...]) -> Claim:
    return Claim(id=cid, article_id=article, text=text, numbers=numbers)


def test_a_doubt_of_that_figure_answers_the_last_claim_that_gives_one() -> None:
    """"Unable to verify either figure" reads back to the claims that give numbers, not to the analyst after them,
    and the doubt's own wording (which put it beside another outlet's sentence) does not make a row shared."""
    toll = _numbered("a1", "a", "The Harbour Ledger reported 14 deaths on Thursday.", ("14",))
    expert = _claim("a2", "a", "Counts almost always differ in the first days, an emergency planner said.")
    doubt = _claim("a3", "a", "The Post was unable to verify either figure independently.")
    other = _claim("b1", "b", "The fire service put the number of dead at 12 on Wednesday.")
    members = [[Member(toll, "attributes", 0.8)], [Member(expert, "attributes", 0.8)],
               [Member(other, "attributes", 0.7), Member(doubt, "doubts", 0.7)]]
    group_of = {"a1": [0], "a2": [1], "b1": [2], "a3": [2]}
    vecs = {cid: [np.array(v)] for cid, v in
            {"a1": [1.0, 0.0], "a2": [0.0, 1.0], "b1": [0.8, 0.6], "a3": [0.9, 0.436]}.items()}
    assert resolve(doubt, [toll, expert], vecs, group_of, {}, members) == [0]
    assert ANAPHOR.search(doubt.text)  # "either figure" points back, as "that figure" does


def test_a_target_told_once_is_followed_only_to_a_close_wording_of_it() -> None:
    """"That wasn't a fair comparison" answers the judge's question before it, told by one outlet. Another row about
    the same case ("the port's culture favours large carriers", shared by two outlets) is only as near as claims of
    one story on one topic are (cosine 0.66): it is no other wording of the question and is not answered."""
    question = _claim("a1", "a", "\"Is it true that the fee gap at the port was less than the national average?\" "
                                 "Judge Brell asked.")
    culture = _claim("a0", "a", "Ruiz said the port's culture of favouring large carriers shows in every fee.")
    other = _claim("b1", "b", "The shippers say the port's culture favours large carriers in the fees it sets.")
    denial = _claim("a2", "a", "Ruiz said that wasn't a fair comparison.")
    members = [[Member(question, "attributes", 1.0)],
               [Member(culture, "attributes", 0.8), Member(other, "attributes", 0.8)]]
    group_of = {"a1": [0], "a0": [1], "b1": [1]}
    vecs = {cid: [np.array(v) / np.linalg.norm(v)] for cid, v in
            {"a1": [1.0, 0.0], "a0": [0.66, 0.7513], "b1": [0.6, 0.8], "a2": [0.9, 0.436]}.items()}
    assert resolve(denial, [culture, question], vecs, group_of, {}, members) == [0]
    # a shared row that words the question closely is followed
    vecs["a0"] = vecs["b1"] = [np.array([0.9, 0.436]) / np.linalg.norm([0.9, 0.436])]
    assert resolve(denial, [culture, question], vecs, group_of, {}, members) == [0, 1]


def test_a_denial_that_names_a_thing_answers_the_row_that_shares_the_most_of_it() -> None:
    """"The picture could easily be made with software: we rate the claim as false" points back to a claim told once
    and names the picture and the software. Two shared rows use its target's verb; the one that names both is what
    it answers, not the one that only mentions the picture, as every row on the story does."""
    target = _claim("a1", "a", "There is no other proof that the giant crab exists.")
    denial = _claim("a2", "a", "Judging by its size and the fact that the picture could easily be made with software, "
                               "we rate the crab claim as false.")
    made = _claim("b1", "b", "The picture of the crab could exist only as the work of editing software.")
    made_c = _claim("c1", "c", "Such a picture exists only thanks to editing software, an artist said.")
    seen = _claim("b2", "b", "The picture of the crab exists in several versions online.")
    seen_c = _claim("c2", "c", "Several versions of the picture exist online.")
    members = [[Member(target, "attributes", 1.0)],
               [Member(made, "reports", 0.8), Member(made_c, "attributes", 0.8)],
               [Member(seen, "reports", 0.8), Member(seen_c, "reports", 0.8)]]
    group_of = {"a1": [0], "b1": [1], "c1": [1], "b2": [2], "c2": [2]}
    frames = {"a1": (frozenset({"exist"}), frozenset({"proof", "crab"})),
              "a2": (frozenset({"rate"}), frozenset({"size", "picture", "software", "crab", "claim"})),
              "b1": (frozenset({"exist"}), frozenset({"picture", "crab", "software", "editing"})),
              "c1": (frozenset({"exist"}), frozenset({"picture", "software", "editing", "artist"})),
              "b2": (frozenset({"exist"}), frozenset({"picture", "crab", "version"})),
              "c2": (frozenset({"exist"}), frozenset({"picture", "version"}))}
    vecs = {cid: [np.array(v) / np.linalg.norm(v)] for cid, v in
            {"a1": [1.0, 0.0], "a2": [0.9, 0.436], "b1": [0.5, 0.866], "c1": [0.5, 0.866], "b2": [0.4, 0.917],
             "c2": [0.4, 0.917]}.items()}
    assert resolve(denial, [target], vecs, group_of, {}, members, frames) == [0, 1]


def _fixed_report_story() -> tuple[list[Claim], list[list[Member]], dict[str, list[int]], dict[str, list[np.ndarray]]]:
    """An article that tells the Ledger's report, quotes an aside of it, then "if true" reactions to it."""
    lead = Claim(id="a1", article_id="a", text="She told the newspaper that the mayor took a bribe in 2019.",
                 attributed_to="Ines Cardo", via="The Harbour Ledger")
    aside = Claim(id="a2", article_id="a", text="\"I wanted it over with,\" she told the Ledger.",
                  attributed_to="Ines Cardo", via="The Harbour Ledger")
    react = Claim(id="a3", article_id="a", text="\"If these allegations are true, he must resign,\" Sen. Roe said.",
                  attributed_to="Sen. Roe")
    other = Claim(id="b1", article_id="b", text="The Harbour Ledger reported that the mayor took a bribe in 2019.",
                  attributed_to="The Harbour Ledger")
    members = [[Member(lead, "attributes", 0.8), Member(other, "attributes", 0.8)],
               [Member(aside, "attributes", 0.8)], [Member(react, "attributes", 0.8)]]
    group_of = {"a1": [0], "b1": [0], "a2": [1], "a3": [2]}
    vecs = {cid: [np.array(v)] for cid, v in {"a1": [1.0, 0.0], "b1": [0.95, 0.31], "a2": [0.6, 0.8],
                                              "a3": [0.0, 1.0], "a4": [0.3, 0.95]}.items()}
    return [lead, aside, react], members, group_of, vecs


def test_the_report_after_if_true_reactions_is_the_report_the_article_told() -> None:
    """"The campaign said the report is baseless" after reactions that assert nothing answerable ("if these
    allegations are true, he must resign") answers the report the article told before them: the row other outlets
    tell of it, not the quoted aside nearer to it; without the answerable rows it stays as it was."""
    before, members, group_of, vecs = _fixed_report_story()
    denial = Claim(id="a4", article_id="a", text="The mayor's campaign said the report is baseless and false.",
                   attributed_to="The mayor's campaign")
    assert resolve(denial, before, vecs, group_of, {}, members, answerable={0, 1}) == [0]
    assert resolve(denial, before, vecs, group_of, {}, members) == [2]
    # "the claims in the article", "its report" are not the news report the article told
    for text in ("The campaign denied the claims in the article.", "The paper said that its report was accurate."):
        other = Claim(id="a4", article_id="a", text=text, attributed_to="The campaign")
        assert resolve(other, before, vecs, group_of, {}, members, answerable={0, 1}) == [2]


def test_nobody_answers_his_own_report() -> None:
    """A Ledger spokesman who "saw no indication that the story is inaccurate" defends the Ledger's report: it is
    not a denial of it."""
    before, members, group_of, vecs = _fixed_report_story()
    defence = Claim(id="a4", article_id="a", text="A Ledger spokesman saw no indication that the story is wrong.",
                    attributed_to="A Ledger spokesman")
    assert resolve(defence, before, vecs, group_of, {}, members, answerable={0, 1}) == [2]
