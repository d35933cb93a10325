"""Claim extraction on sentences written for the tests (fictional people and outlets)."""

from __future__ import annotations

from collections.abc import Callable

from tests.extract.conftest import make_article

from newsprism.extract import Extraction
from newsprism.extract.claims import extract_claims
from newsprism.records import Article, Citation, Quote
from newsprism.resources import Resources
from newsprism.settings import Settings

TEXT = (
    "Tovaris Airways has asked the government of Quellmark for a loan of 300 million dollars, according to two "
    "officials who spoke on condition of anonymity.\n\n"
    "Transport minister Elsa Brandvik said on Monday that the ministry had not received any request.\n\n"
    "The airline reportedly lost 41 million dollars last year, the Harbour Gazette reported.\n\n"
    "Is this the end?\n\n"
    "Subscribe to our newsletter for more."
)


def _claims(resources: Resources, settings: Settings, text: str = TEXT, **kw: object) -> list:
    article = Article(id="a-test", text=text)
    return extract_claims(article, resources.nlp(text), settings=settings, **kw)


def test_checkworthy_sentences_only(resources: Resources, settings: Settings) -> None:
    claims = _claims(resources, settings)
    texts = [c.text for c in claims]
    assert len(claims) == 3
    assert not any("?" in t or "newsletter" in t for t in texts)
    for c in claims:
        assert TEXT[c.start:c.end] == c.text


def test_a_refusal_to_comment_is_no_claim(resources: Resources, settings: Settings) -> None:
    """"Quellmark's finance ministry declined to comment" says nothing one could check: it is no row of the matrix
    (and never a source that reports the claim); a refusal with something said after it stays."""
    text = ("Quellmark's finance ministry declined to comment.\n\n"
            "Tovaris Airways could not be reached for comment on Monday.\n\n"
            "The ministry declined to comment on the loan, but said Tovaris had not asked for one.")
    texts = [c.text for c in _claims(resources, settings, text)]
    assert texts == ["The ministry declined to comment on the loan, but said Tovaris had not asked for one."]


def test_attribution_hedge_negation_numbers(resources: Resources, settings: Settings) -> None:
    loan, denial, loss = _claims(resources, settings)
    assert loan.anonymous and loan.attributed_to and "officials" in loan.attributed_to
    assert any("300 million" in n for n in loan.numbers)
    assert denial.attributed_to == "Elsa Brandvik" and not denial.anonymous
    assert denial.negated and not loan.negated
    assert loss.hedged and not loan.hedged
    assert loss.attributed_to == "the Harbour Gazette"


def test_ids_are_stable_and_distinct(resources: Resources, settings: Settings) -> None:
    first = [c.id for c in _claims(resources, settings)]
    assert first == [c.id for c in _claims(resources, settings)]
    assert len(set(first)) == len(first)


def test_quote_and_citation_records_win(resources: Resources, settings: Settings) -> None:
    start = TEXT.index("Transport minister")
    end = TEXT.index("request.") + len("request.")
    quote = Quote(id="q1", article_id="a-test", text="the ministry had not received any request",
                  speaker="Minister Brandvik", start=start, end=end)
    cstart = TEXT.index("The airline")
    cite = Citation(article_id="a-test", outlet="Harbour Gazette", text="the Harbour Gazette reported",
                    start=cstart, end=cstart + 80)
    _, denial, loss = _claims(resources, settings, quotes=[quote], citations=[cite])
    assert denial.attributed_to == "Minister Brandvik" and denial.quote_id == "q1"
    assert loss.attributed_to in {"Harbour Gazette", "the Harbour Gazette"}


def test_the_newspaper_resolves_to_the_outlet_named_before(resources: Resources, settings: Settings) -> None:
    text = ("The Harbour Gazette reported on Friday that Tovaris Airways would cut 900 jobs.\n\n"
            "The airline plans to sell two aircraft, unnamed executives told the newspaper.")
    claims = _claims(resources, settings, text=text)
    assert claims[-1].anonymous
    assert claims[-1].via == "The Harbour Gazette"


def test_who_dismisses_a_report_speaks(resources: Resources, settings: Settings) -> None:
    """'The ministry called this disinformation': the subject is the speaker; 'called for' stays an action."""
    text = ("The Quellmark transport ministry called this report disinformation on Tuesday.\n\n"
            "Tovaris Airways called for a meeting with Quellmark's bankers on Friday.")
    dismiss, action = _claims(resources, settings, text)
    assert dismiss.attributed_to is not None and "ministry" in dismiss.attributed_to
    assert action.attributed_to is None


def test_when_a_speaker_spoke_is_not_his_name(resources: Resources, settings: Settings) -> None:
    text = ("Varro on Friday said he would plead not guilty to all seven charges against him.\n\n"
            "The harbour master on Tuesday said the pier would close for two weeks of repairs.")
    plea, pier = _claims(resources, settings, text)
    assert plea.attributed_to == "Varro"
    assert pier.attributed_to is not None and "Tuesday" not in pier.attributed_to


def test_whether_someone_responded_attributes_nothing(resources: Resources, settings: Settings) -> None:
    text = ("These officials did not specify the exact nature of the requested assistance or whether Varia had "
            "responded to the request at all.")
    (claim,) = _claims(resources, settings, text)
    assert claim.attributed_to != "Varia"


def test_a_named_speakers_quoted_statement_is_a_claim_without_a_name_in_it(resources: Resources,
                                                                        settings: Settings) -> None:
    text = ("\u201cWe have an issue with their welcoming of smugglers into their ranks,\u201d he said.\n\n"
            "\u201cWhy would he not do it?\u201d he asked.\n\n"
            "\u201cWe have an issue with the rain and the mud,\u201d a fan said.\n\n"
            "Residents have an issue with the rain and the mud.")

    def quote(fragment: str, speaker: str | None, anonymous: bool = False) -> Quote:
        start = text.index(fragment)
        end = text.index("\n", start) if "\n" in text[start:] else len(text)
        return Quote(id=f"q{start}", article_id="a-test", text=fragment, speaker=speaker, anonymous=anonymous,
                     direct=True, start=start, end=end)

    quotes = [quote("\u201cWe have an issue with their", "Ada Moreau"), quote("\u201cWhy would", "Ada Moreau"),
              quote("\u201cWe have an issue with the rain", None)]
    claims = _claims(resources, settings, text=text, quotes=quotes)
    # the named speaker's statement is hers to check; her question, an unnamed fan's remark and an unsourced
    # sentence with nothing to check are not claims
    assert [(c.attributed_to, c.text[:30]) for c in claims] == [("Ada Moreau", "\u201cWe have an issue with their w")]


def test_who_denies_is_the_subject_of_the_denial_not_the_claims_source(resources: Resources,
                                                                       settings: Settings) -> None:
    text = ("The port authority of Quellmark disputed on Friday a report that said Tovaris Airways had sold its "
            "hangars to a rival.\n\n"
            "A statement by a spokesman for the port authority challenged the facts of an article published by "
            "the Harbour Gazette on Thursday.\n\n"
            "Union leader Mara Voss, who co-founded a dockers' group called Ropeway, also disputed the "
            "allegations.\n\n"
            "Tovaris Airways said its figures were accurate after the port authority disputed the account.\n\n"
            "The Harbour Gazette reported that Tovaris Airways had sold its hangars to a rival.\n\n"
            "\u201cThe port's own records refute the Gazette's report about the hangars,\u201d Voss said.")
    report, statement, union, defence, plain, quoted = _claims(resources, settings, text)
    assert report.responder == "The port authority of Quellmark" and report.attributed_to != report.responder
    assert statement.responder == "a spokesman for the port authority"
    assert union.responder == "Mara Voss"
    assert defence.responder is None  # the dispute only dates what the airline said
    assert plain.responder is None
    assert quoted.responder is None and quoted.attributed_to == "Mara Voss"  # the quote's speaker, in full


def test_a_clause_that_sets_the_scene_does_not_speak_for_the_sentence(resources: Resources,
                                                                      settings: Settings) -> None:
    text = ("While the Quellmark government has said little about the pier, Mara Voss said the port would never "
            "pay for it.\n\n"
            "Elsa Brandvik noted that while she does not wish to issue threats to Tovaris Airways, the ministry "
            "would cancel its landing rights.")
    pier, rights = _claims(resources, settings, text)
    assert pier.attributed_to == "Mara Voss"
    assert rights.attributed_to == "Elsa Brandvik"  # the while-clause is inside what she noted


def test_a_responder_phrase_keeps_its_words_apart(resources: Resources, settings: Settings) -> None:
    text = ("Others, including the party chairman for Orrin County, Ivo Varro, dismissed the story about the "
            "Quellmark pier as a trick.")
    (claim,) = _claims(resources, settings, text)
    assert claim.responder is not None and claim.responder.startswith("Others including the party chairman")


def test_he_after_a_speaker_named_by_surname_is_that_speaker(extract: Callable[..., Extraction]) -> None:
    text = ("Speaker Dale Ormond said on Tuesday that he would remove the congressman from all committees.\n\n"
            "The congressman's attorney, Tomas R. Vega, sent a letter to Deputy Attorney General Rod Pellham.\n\n"
            "Vega asserted the prosecution was politically motivated because of the congressman's early support "
            "for Governor Ana Ruiz. He also claimed bias from prosecutors in the Southern District of Almera who "
            "supported Senator Ellen Marsh.")
    ex = extract(make_article(text))
    bias = next(c for c in ex.claims if c.text.startswith("He also claimed"))
    assert bias.attributed_to == "Tomas R. Vega"


def test_the_outlet_spoken_to_is_not_the_speaker(extract: Callable[..., Extraction]) -> None:
    text = ("Several women accused the judge of misconduct.\n\n"
            "\u201cTotal contrived media garbage.\u201d That\u2019s how Ron Skiller, 66, a former chairman of the "
            "county party, characterized the claims, speaking to The New York Times.")
    ex = extract(make_article(text))
    said = next(c for c in ex.claims if c.text.startswith("That\u2019s how"))
    assert said.attributed_to == "Ron Skiller"


def test_a_speaker_named_by_surname_is_named_in_full(resources: Resources, settings: Settings) -> None:
    text = ("Former governor Marta Fox spoke in Almera on Monday.\n\n"
            "Fox said, as a taxpayer, she is not willing to fund the harbour wall that Governor Ana Ruiz wants.")
    claims = _claims(resources, settings, text)
    said = next(c for c in claims if c.text.startswith("Fox said"))
    assert said.attributed_to == "Marta Fox"


def test_who_a_sentence_names_as_its_source_by_its_grammar(extract: Callable[..., Extraction]) -> None:
    text = ("The story was met with immediate backlash from Republicans in Almera, several of whom dismissed the "
            "women\u2019s stories out of hand.\n\n"
            "The \u201ccabin rabbit transport fees\u201d were first reported in January 2017 by a local newspaper, "
            "The Almera Ledger.\n\n"
            "After winning re-election in November, Mr. Ormond resigned, citing his health and the federal "
            "investigation into his spending.\n\n"
            "Without fail, Mr. Ormond\u2019s adoring fans reply, \u201cAlmera will pay for the wall!\u201d\n\n"
            "The minister of Almera resigned on Friday, citing two officials familiar with the inquiry.")
    ex = extract(make_article(text))
    claim = {c.text.split()[0]: c for c in ex.claims}
    story = next(c for c in ex.claims if c.text.startswith("The story"))
    assert story.responder == "Republicans in Almera"  # "several of whom": the Republicans
    fees = next(c for c in ex.claims if "rabbit" in c.text)
    assert fees.attributed_to is not None and "Ledger" in fees.attributed_to  # the agent, not what was reported
    assert claim["After"].attributed_to is None  # a reason cited, not a source
    assert claim["Without"].attributed_to == "adoring fans"  # the fans speak, not the man they are fans of
    minister = next(c for c in ex.claims if c.text.startswith("The minister"))
    assert minister.attributed_to == "two officials familiar with the inquiry"


def test_a_quoted_no_negates_nothing(resources: Resources, settings: Settings) -> None:
    """The "no" of "the lone 'no' vote" is named, not used; "No one was hurt" in a quotation still negates."""
    text = ('The lone "no" vote in the Senate was Senate Minority Leader Harry Reid, D-Nev.\n\n'
            '"No one was hurt in the fire at the Esk depot on Tuesday," the county fire service said.')
    vote, hurt = _claims(resources, settings, text)
    assert not vote.negated and hurt.negated


def test_who_denies_when_the_parse_leaves_the_sentence_without_a_verb(resources: Resources,
                                                                      settings: Settings) -> None:
    # the small parser hangs "disputed" on "election" as a participle; the denier is still the sentence's subject,
    # past its dateline
    text = ("QUELLMARK \u2014 The harbour commissioner investigating fraud in the 2016 election disputed on Friday a "
            "report that said Mayor Ada Moreau had ordered the pier sold to a rival.")
    (claim,) = _claims(resources, settings, text)
    assert claim.responder == "The harbour commissioner"


def test_a_he_said_inside_a_quotation_is_not_the_last_person_speaking(resources: Resources,
                                                                      settings: Settings) -> None:
    from newsprism.records import Quote

    text = ("Tomas Hale said the Harbour Trust had lost 40 million euros on the pier deal.\n\n"
            "Ada Okonkwo was quick to retort: \"With all due respect, that is just a bunch of malarkey. Not a single "
            "thing he said about the Harbour Trust is accurate.\"")
    start = text.index("With all")
    quote = Quote(id="q1", article_id="a-test", text=text[start:-1], speaker=None, anonymous=False, direct=True,
                  start=start, end=len(text) - 1)
    claims = _claims(resources, settings, text, quotes=[quote])
    assert not [c for c in claims if "Not a single thing" in c.text and c.attributed_to == "Tomas Hale"]


def test_a_challenge_that_only_sets_the_scene_names_no_answerer(resources: Resources, settings: Settings) -> None:
    text = ("Ada Okonkwo said the harbour board had lost 40 million euros on the pier deal.\n\n"
            "The mayor\u2019s assertions were replete with errors and, when challenged by reporters, he refused to "
            "accept figures produced by his own harbour board.")
    claim = next(c for c in _claims(resources, settings, text) if "replete" in c.text)
    assert claim.responder is None  # not Okonkwo, the last person named


def test_she_and_others_who_dispute_are_not_the_last_person_named(resources: Resources, settings: Settings) -> None:
    text = ("Councillor Tomas Hale said the harbour bill would undermine the integrity of the port elections.\n\n"
            "She and other Greens disputed the claim that taxpayers will pay for the harbour campaigns.")
    claim = next(c for c in _claims(resources, settings, text) if c.text.startswith("She and"))
    assert claim.responder is not None and "Hale" not in claim.responder
