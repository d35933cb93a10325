"""A row's status and the reason a reader checks it by (``newsprism.compare.verdict``)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsprism.compare.verdict import Member, link_of, names_outlet, sources, verdict
from newsprism.labels import Link
from newsprism.records import Article, Claim, ClaimSource


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


def test_counts_that_differ_name_who_gives_which_figure() -> None:
    """A row of counts compares the counts, not every number of its sentences ("Terminal 3"), and names who
    gives each; a sentence that gives the other's figure too ("six arrests, compared to 47 the night before")
    does not differ from it."""
    arts = {k: Article(id=k, text="x", outlet=o) for k, o in
            (("a", "Calder Ledger"), ("b", "Westfold"), ("c", "Harbour Post"))}

    def said(aid: str, text: str, who: str | None, numbers: tuple[str, ...]) -> Member:
        return Member(Claim(id=f"{aid}{len(text)}", article_id=aid, text=text, attributed_to=who, numbers=numbers),
                      "attributes" if who else "reports", 0.8)

    toll = [said("a", "Twelve people died in the fire at Terminal 3, the fire service said.", "the fire service",
                 ("Twelve", "3")),
            said("b", "At least 14 people were killed, the health authority said.", "the health authority",
                 ("At least 14",)),
            said("c", "The death toll has risen to 14.", None, ("14",))]
    reason = verdict(toll, arts)[1]
    assert ("figures differ: Twelve (the fire service) vs At least 14 (the health authority, Harbour Post)"
            in reason), reason
    arrests = [said("a", "Police made 47 arrests overnight.", None, ("47",)),
               said("b", "The chief said there were six arrests on Wednesday, compared to 47 the night before.",
                    "The chief", ("six", "47"))]
    assert "figures differ" not in verdict(arrests, arts)[1]


def test_a_number_that_counts_the_sources_is_no_figure_of_the_claim() -> None:
    arts = {k: Article(id=k, text="x", outlet=o) for k, o in (("a", "Calder Ledger"), ("b", "Westfold"))}
    two = Member(Claim(id="a1", article_id="a", text="Two people familiar with the talks said Varia asked for about "
                       "$3 billion.", attributed_to="Two people familiar with the talks",
                       numbers=("Two", "about $3 billion")), "attributes", 0.8)
    one = Member(Claim(id="b1", article_id="b", text="Varia asked for $1.1 billion, the ministry said.",
                       attributed_to="the ministry", numbers=("$1.1 billion",)), "attributes", 0.8)
    reason = verdict([two, one], arts)[1]
    assert "figures differ: about $3 billion (Calder Ledger) vs $1.1 billion (Westfold)" in reason, reason


def test_each_denial_says_why_it_is_on_the_row_and_the_reason_warns_when_none_names_its_target() -> None:
    """A reader weighs "denied the report that X" differently from a negation that only shares the row's words:
    the source keeps its link, and a row whose every denial was placed by wording says so in its reason."""
    arts = {"a": Article(id="a", text="x", outlet="Calder Ledger"), "b": Article(id="b", text="x", outlet="Westfold")}
    said = Member(Claim(id="a1", article_id="a", text="The port was sold to Ostra, two officials said.",
                        attributed_to="two officials"), "attributes", 0.8)
    loose = Member(Claim(id="b1", article_id="b", text="The port is not for sale, Ada Roe said.",
                         attributed_to="Ada Roe"), "denies", 0.6)
    firm = Member(Claim(id="b2", article_id="b", text="The ministry denied that the port was sold.",
                        attributed_to="The ministry"), "denies", 0.6, link=Link.NAMES_CLAIM.value)
    status, reason, *_ = verdict([said, loose], arts)
    assert status == "disputed" and "no denial or doubt here names what it answers" in reason
    status, reason, *_ = verdict([said, loose, firm], arts)
    assert status == "disputed" and "names what it answers" not in reason
    by_text = {s.text: s.link for s in sources([said, loose, firm], arts)}
    assert by_text == {said.claim.text: None, loose.claim.text: "wording", firm.claim.text: "names-claim"}
    assert link_of(replace(firm, stance="attributes")) is None  # a denial relayed as news says nothing of a link
    with pytest.raises(ValueError, match="link must be one of"):
        ClaimSource(article_id="a", outlet=None, stance="denies", text="x", link="vibes")


def test_unnamed_sources_of_an_outlet_read_as_such() -> None:
    arts = {"a": Article(id="a", text="x", outlet="Calder Ledger")}
    via_outlet = Member(Claim(id="a1", article_id="a", text="The board sold the pier, people familiar said.",
                              attributed_to="Calder Ledger", anonymous=True), "attributes", 0.8)
    _, reason, *_ = verdict([via_outlet], arts)
    assert "unnamed sources via Calder Ledger" in reason and "anonymous Calder Ledger" not in reason
    officials = Member(Claim(id="a2", article_id="a", text="The pier was sold, port officials said.",
                             attributed_to="port officials", anonymous=True), "attributes", 0.8)
    _, reason, *_ = verdict([officials], arts)
    assert "anonymous port officials" in reason


def _two_outlets() -> dict[str, Article]:
    return {"a": Article(id="a", text="x", outlet="Calder Ledger"), "b": Article(id="b", text="x", outlet="Westfold")}


def test_outlets_relaying_one_outlets_report_are_one_origin_and_no_corroboration() -> None:
    """"The Harbour Gazette reported that ..." in one outlet and "she told the newspaper" in another both rest on the
    Gazette: one origin, named, and the row is single-source, not corroborated."""
    reported = Member(Claim(id="a1", article_id="a", text="The Harbour Gazette reported that the mayor took a bribe.",
                            attributed_to="The Harbour Gazette"), "attributes", 0.8)
    told = Member(Claim(id="b1", article_id="b", text="She told the newspaper that the mayor took a bribe.",
                        attributed_to="Ines Cardo", via="The Harbour Gazette"), "attributes", 0.8)
    status, reason, _, n_orig, _ = verdict([reported, told], _two_outlets(), sentence_outlets={
        "a1": "The Harbour Gazette", "b1": "The Harbour Gazette"})
    assert (status, n_orig) == ("single-source", 1), reason
    assert reason.startswith("2 outlets, 1 independent origin: The Harbour Gazette"), reason
    # without the citation of its own sentence the first is the outlet's own telling: two origins, both named
    status, reason, _, n_orig, _ = verdict([reported, told], _two_outlets())
    assert (status, n_orig) == ("corroborated", 2)
    assert "The Harbour Gazette (in Calder Ledger)" in reason and "; The Harbour Gazette" in reason, reason


def test_short_name_of_the_cited_outlet_is_that_outlet() -> None:
    noted = Member(Claim(id="a1", article_id="a", text="The Gazette noted that the mayor took a bribe.",
                         attributed_to="Gazette"), "attributes", 0.8)
    told = Member(Claim(id="b1", article_id="b", text="The mayor took a bribe, the Harbour Gazette said.",
                        via="The Harbour Gazette"), "attributes", 0.8)
    status, _, _, n_orig, _ = verdict([noted, told], _two_outlets(), sentence_outlets={"a1": "The Harbour Gazette"})
    assert (status, n_orig) == ("single-source", 1)
    # a person is not the outlet his sentence cites
    said = replace(noted, claim=replace(noted.claim, attributed_to="Gary Gazette"))
    assert verdict([said, told], _two_outlets(), sentence_outlets={"a1": "The Harbour Gazette"})[3] == 2


def test_an_outlet_restating_its_own_source_is_not_a_second_origin() -> None:
    """One outlet that writes "according to Reuters, X" and later "X" unattributed has one origin, Reuters."""
    arts = {"a": Article(id="a", text="x", outlet="Calder Ledger")}
    cited = Member(Claim(id="a1", article_id="a", text="The pier was sold, according to Reuters.", via="Reuters"),
                   "attributes", 0.8)
    plain = Member(Claim(id="a2", article_id="a", text="The pier was sold last week."), "reports", 0.8)
    status, reason, _, n_orig, _ = verdict([cited, plain], arts)
    assert (status, n_orig) == ("single-source", 1)
    assert reason == "1 outlet, 1 independent origin: Reuters"


def test_the_reason_names_every_origin_it_counts() -> None:
    """Four origins counted are four named: a speaker with the outlets that report him, an outlet's own telling by
    its name; one outlet's row names no outlet after its sources."""
    arts = {k: Article(id=k, text="x", outlet=o) for k, o in
            (("a", "Calder Ledger"), ("b", "Westfold"), ("c", "Harbour Post"), ("d", "Ostra Wire"))}
    ms = [Member(Claim(id=f"{k}1", article_id=k, text="The pier will reopen, Ada Roe said.", attributed_to="Ada Roe"),
                 "attributes", 0.8) for k in "abc"]
    ms.append(Member(Claim(id="d1", article_id="d", text="The pier will reopen."), "reports", 0.8))
    status, reason, _, n_orig, _ = verdict(ms, arts)
    assert (status, n_orig) == ("corroborated", 4)
    assert reason == ("4 outlets, 4 independent origins: Ada Roe (in Calder Ledger, Westfold and Harbour Post); "
                      "Ostra Wire"), reason
    assert verdict(ms[:1], arts)[1] == "1 outlet, 1 independent origin: Ada Roe"


@pytest.mark.parametrize(("name", "outlet", "same"), [
    ("The Washington Post", "The Washington Post", True), ("Post", "The Washington Post", True),
    ("the newspaper", "The Washington Post", True), ("Washington", "The Washington Post", False),
    ("Bob Post", "The Washington Post", False), ("Reuters", "The Washington Post", False)])
def test_names_outlet(name: str, outlet: str, same: bool) -> None:
    assert names_outlet(name, outlet) is same
