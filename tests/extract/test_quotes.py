"""Quotes and speakers on texts written for these tests (fictional people, places and outlets)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.conftest import make_article

from newsprism.extract import Extraction
from newsprism.extract.quotes import quote_spans

Run = Callable[..., Extraction]


def _find(ex: Extraction, words: str):  # type: ignore[no-untyped-def]
    found = [q for q in ex.quotes if words in q.text]
    assert found, f"no quote contains {words!r}: {[q.text for q in ex.quotes]}"
    return found[0]


def test_quote_spans_curly_straight_and_runon_paragraphs() -> None:
    text = ('She said, “The dam will hold.” Then he added "we are ready".\n\n'
            '“The first part of a long statement goes here.\n\n“And the second part ends it,” she said.')
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert "The dam will hold." in spans
    assert "we are ready" in spans
    joined = [s for s in spans if s.startswith("The first part")]
    assert joined and "the second part ends it" in joined[0]


def test_direct_quote_with_named_speaker_and_pronoun_two_sentences_later(extract: Run) -> None:
    text = ("Harbor Minister Odile Varnec toured the flooded docks of Port Almera on Monday. "
            "The water had risen overnight and several warehouses were closed. "
            "Crews worked through the night to pump it out.\n\n"
            "“We will rebuild every pier before winter,” she said.")
    ex = extract(make_article(text))
    q = _find(ex, "We will rebuild every pier")
    assert q.speaker == "Odile Varnec"
    assert q.direct and not q.anonymous
    assert q.cue == "said"
    assert text[q.start:q.end].startswith("We will rebuild")


def test_quote_broken_by_he_said_is_one_quote_with_one_speaker(extract: Run) -> None:
    text = ("Economist Brannoc Heddle spoke at the Velmora trade fair.\n\n"
            "“The harvest was poor this year,” Heddle said, “and grain prices will rise before spring.”")
    ex = extract(make_article(text))
    first = _find(ex, "The harvest was poor")
    second = _find(ex, "grain prices will rise")
    assert first.speaker == second.speaker == "Brannoc Heddle"
    assert first.direct


def test_indirect_quote_with_according_to(extract: Run) -> None:
    text = ("The Kessrin river bridge will close for repairs in May, according to city engineer Talia Morrow. "
            "Traffic will be diverted through the old town.")
    ex = extract(make_article(text))
    q = _find(ex, "bridge will close for repairs")
    assert q.speaker == "Talia Morrow"
    assert not q.direct
    assert q.cue and q.cue.lower() == "according to"


def test_indirect_said_that_and_told_outlet_via(extract: Run) -> None:
    text = ("Mayor Quentin Albrecht told CNN that the city would not raise taxes this year. "
            "He said the budget was balanced.")
    ex = extract(make_article(text))
    q = _find(ex, "would not raise taxes")
    assert q.speaker == "Quentin Albrecht"
    assert q.via == "CNN"
    assert not q.direct
    q2 = _find(ex, "budget was balanced")
    assert q2.speaker == "Quentin Albrecht"


def test_email_to_outlet_is_the_via(extract: Run) -> None:
    text = ("Lars Okonkwo, a spokesman for the Dravian embassy, said he knew nothing about the plan. "
            "In an email to The Washington Post, he wrote, “I have never seen such a letter.”")
    ex = extract(make_article(text))
    q = _find(ex, "I have never seen such a letter")
    assert q.speaker == "Lars Okonkwo"
    assert q.via == "The Washington Post"
    assert q.direct


def test_anonymous_sources(extract: Run) -> None:
    text = ("The ministry is preparing a second aid package, two officials familiar with the matter said. "
            "The plan was first drafted in March, according to people who spoke on condition of anonymity. "
            "Minister Pella Strand said that the package was not yet final.")
    ex = extract(make_article(text))
    a = _find(ex, "preparing a second aid package")
    assert a.anonymous and not a.direct
    b = _find(ex, "first drafted in March")
    assert b.anonymous
    c = _find(ex, "not yet final")
    assert not c.anonymous and c.speaker == "Pella Strand"


def test_plural_they_and_role_noun(extract: Run) -> None:
    text = ("Unnamed officials in Corvane said the border would reopen soon. "
            "“We expect the first trucks to cross on Friday,” they added.\n\n"
            "Finance Minister Arvid Solberg addressed parliament on Tuesday. "
            "“The reserves are sufficient for two years,” the minister said.")
    ex = extract(make_article(text))
    they = _find(ex, "first trucks to cross")
    assert they.anonymous and they.speaker and "officials" in they.speaker
    minister = _find(ex, "reserves are sufficient")
    assert minister.speaker == "Arvid Solberg"


def test_the_source_repeats_the_unnamed_source_not_the_last_named_person(extract: Run) -> None:
    text = ("President Ilse Marrow called the raid an outrage on Friday. "
            "One federal law enforcement source told the Harbor Post that the operation was routine. "
            "The source told the Harbor Post that such raids usually start before dawn.")
    ex = extract(make_article(text))
    first = _find(ex, "the operation was routine")
    second = _find(ex, "usually start before dawn")
    assert first.anonymous and first.speaker and "source" in first.speaker
    assert second.speaker == first.speaker and second.anonymous


def test_a_person_the_source_phrase_only_mentions_is_not_the_speaker(extract: Run) -> None:
    text = ("Prosecutors questioned Mr. Halvard Brenn for six hours. "
            "One person familiar with Mr. Brenn's testimony to the prosecutors said that Mr. Brenn never named "
            "the mayor. A lawyer for Mr. Brenn said the interviews were over.")
    ex = extract(make_article(text))
    familiar = _find(ex, "never named")
    assert familiar.speaker and familiar.speaker.startswith("One person familiar") and familiar.anonymous
    lawyer = _find(ex, "interviews were over")
    assert lawyer.speaker == "A lawyer for Mr. Brenn"


def test_he_in_the_next_sentence_is_the_main_subject_not_a_person_named_after_it(extract: Run) -> None:
    text = ("President Tomas Hale on Saturday said he welcomed a statement from the prosecutors disputing a "
            "report that claimed Hale ordered his aide Viktor Danko to lie to parliament.\n\n"
            "\u201cIt was a total fake story, and I appreciate the statement,\u201d he told reporters.")
    ex = extract(make_article(text))
    assert _find(ex, "total fake story").speaker == "Tomas Hale"


def test_the_president_is_not_the_person_introduced_as_the_presidents_lawyer(extract: Run) -> None:
    text = ("Prosecutors said President Tomas Hale had directed Viktor Danko, the president's longtime lawyer, "
            "to lie. Danko did not answer calls on Friday.\n\n"
            "The president himself responded on Friday, saying \u201cthis is a sad day for journalism.\u201d")
    ex = extract(make_article(text))
    assert _find(ex, "sad day for journalism").speaker == "Tomas Hale"


# (the text, words of one quote in it, who says it): a speaker a reader finds at once and the rules once missed
SPEAKER_CASES = [
    # "the president" is not the vice president named closer
    ("President Tomas Hale met the council leaders on Wednesday. Pressed by Vice President Ilse Marr, the leaders "
     "offered a smaller sum.\n\n\u201cThe port needs a wall,\u201d the president said during the meeting.",
     "The port needs a wall", "Tomas Hale"),
    # "she" after a surname the recogniser missed (or took for a place) is that person
    ("Council leader Tomas Hale and deputy mayor Ada Okonkwo met the governor on Wednesday.\n\n\u201cThey are "
     "now feeling the heat,\u201d Hale said.\n\nOkonkwo, who is expected to return to the House speakership "
     "Thursday afternoon after eight years as minority leader, intends as her first action to pass spending bills "
     "that won support last year.\n\n\u201cWe are asking the governor to open the offices,\u201d she told "
     "reporters outside the building.", "open the offices", "Ada Okonkwo"),
    # a person named inside the quotation is not who says it
    ("Council leader Ada Okonkwo said the talks could not resume until the offices reopen.\n\nPress secretary "
     "Ilse Marr said on Friday that it would be up to Okonkwo to unite her party.\n\n\u201cThe people that "
     "elected Ada Okonkwo did not elect her to do nothing,\u201d she said.", "did not elect her", "Ilse Marr"),
    # "X asked her ...": the object pronoun teaches nothing of X, and the "she" who answers is not X
    ("Auditor Ilse Marr appeared before the committee on Wednesday.\n\nCommittee member Tomas Hale asked her "
     "about the missing files.\n\n\u201cThe files were never lost,\u201d she said.", "never lost", "Ilse Marr"),
    # a name after its titles; a role with its institution resolves to the person named with it
    ("\u201cThis is a disgrace to the chamber,\u201d said House Minority Whip Odra Vell.",
     "disgrace to the chamber", "Odra Vell"),
    ("Chief Justice Tomas Hale asked the lawyer whether the law was clear. \u201cThe statute is plain,\u201d the "
     "chief justice said.", "statute is plain", "Tomas Hale"),
    ("House Speaker Ada Okonkwo met the president on Monday. \u201cThe speaker will decide,\u201d the House "
     "speaker told reporters on Tuesday.", "speaker will decide", "Ada Okonkwo"),
    ("\u201cThere will be a review of the funds,\u201d said House Minority Whip Hal Brenner (D-Md.). He added that "
     "the speaker was studying the matter.", "studying the matter", "Hal Brenner"),
    # "issued a statement saying X ...": who issued it speaks, not X
    ("Councillor Ada Okonkwo was hurt on Wednesday.\n\nOn Thursday night, the Kessrin General Hospital issued a "
     "statement saying Okonkwo \u201cunderwent a second surgery and is in critical condition.\u201d",
     "underwent a second surgery", "Kessrin General Hospital"),
    # "found no evidence to suggest X ...": the evidence says nothing; the source named is the statement
    ("The bureau ran traces on the weapons and found no evidence to suggest Varro bought them illegally, "
     "according to a police statement released Thursday.", "no evidence to suggest", "a police statement"),
    # a name with an age is a person, and the "he said" after it points to him
    ("\u201cThe game will go on,\u201d Senator Tomas Hale said on Wednesday.\n\nNoah Nathan, 47, lives in a "
     "nearby apartment and heard the shots from his balcony. \u201cThere\u2019s no place I could go,\u201d he "
     "said.", "no place I could go", "Noah Nathan"),
    # a quote opening a new sentence after reported words ("... alleging that he had affairs.") is the last
    # speaker's next turn, not those words going on
    ("\u201cIt is garbage, complete and utter lies,\u201d Senator Tomas Hale said about the Daily Lantern article "
     "alleging that he has had several affairs. \u201cIt is a tabloid smear, and it has come from my rivals.\u201d",
     "tabloid smear", "Tomas Hale"),
    # when a surname spoke ("Vell on Friday said") is not part of its name, which is the one named in full
    ("Former councillor Odran J. Vell Jr. was charged on Thursday with lying to the harbour board.\n\nVell on "
     "Friday said he would plead not guilty, and said he \u201clooks forward to being fully vindicated.\u201d",
     "fully vindicated", "Odran J. Vell Jr"),
    # a retort told as a blow returned, and a speech verb under "was quick to"
    ("\u201cThe port is failing,\u201d Tomas Hale said.\n\nOkonkwo shot back: \u201cWith all due respect, that is "
     "just a bunch of malarkey.\u201d", "bunch of malarkey", "Okonkwo"),
    ("\u201cThe port is failing,\u201d Tomas Hale said.\n\nAda Okonkwo was quick to respond: \u201cWith all due "
     "respect, that is just a bunch of malarkey.\u201d", "bunch of malarkey", "Ada Okonkwo"),
]


def test_a_quote_another_person_introduces_is_not_the_last_speaker_going_on(extract: Run) -> None:
    text = ("Tomas Hale criticized the council on Thursday.\n\n\"This is becoming more troubling by the day,\" he "
            "said.\n\nAda Okonkwo was quick to retort: \"With all due respect, that is just a bunch of malarkey. "
            "Not a single thing he said is accurate.\"")
    ex = extract(make_article(text))
    hale = _find(ex, "more troubling")
    assert hale.speaker == "Tomas Hale" and "malarkey" not in hale.text
    assert _find(ex, "bunch of malarkey").speaker != "Tomas Hale"


@pytest.mark.parametrize(("text", "words", "speaker"), SPEAKER_CASES)
def test_speaker_of_the_quote(extract: Run, text: str, words: str, speaker: str) -> None:
    assert _find(extract(make_article(text)), words).speaker == speaker


def test_who_was_told_is_the_listener_not_the_speaker(extract: Run) -> None:
    text = ("Engineer Ada Okonkwo inspected the Kessrin dam on Monday.\n\n"
            "Lawmakers were told on Tuesday that the dam would hold through the winter.\n\n"
            "Residents were told by the water minister, Tomas Hale, that repairs would start in March.")
    ex = extract(make_article(text))
    assert _find(ex, "hold through the winter").speaker is None
    assert _find(ex, "repairs would start").speaker == "Tomas Hale"
    claims = {c.text[:20]: c.attributed_to for c in ex.claims}
    assert claims["Lawmakers were told "] is None
    assert claims["Residents were told "] == "Tomas Hale"


def test_a_reflexive_after_the_name_is_not_part_of_the_speaker_phrase(resources) -> None:  # type: ignore[no-untyped-def]
    from newsprism.extract.speakers import _phrase

    doc = resources.nlp("Trump himself said Friday evening that the controversy was a sad day for journalism.")
    subject = next(t for t in doc if t.dep_ == "nsubj" and t.head.lemma_ == "say")
    assert _phrase(subject).text == "Trump"


def test_continued_quote_after_removed_caption_keeps_the_speaker(extract: Run) -> None:
    text = ("“Our clinics will stay open through the strike,” said Dr. Maren Castellane, who heads the Ostrava "
            "health board.\n\n"
            "“Nobody will be turned away, whatever their insurance.”")
    ex = extract(make_article(text))
    q = _find(ex, "Nobody will be turned away")
    assert q.speaker == "Maren Castellane"


def test_mixed_quote_and_scare_quote(extract: Run) -> None:
    text = ("Senator Ilse Varga said the new law had “badly damaged” trust in the courts. "
            "Critics have called the reform a “power grab” for months.")
    ex = extract(make_article(text))
    q = _find(ex, "badly damaged")
    assert q.speaker == "Ilse Varga" and q.direct
    assert not [q for q in ex.quotes if q.text.strip() == "power grab"]


def test_quote_ids_are_stable(extract: Run) -> None:
    text = "“The factory will reopen in June,” said plant manager Ruth Calloway."
    a = extract(make_article(text)).quotes
    b = extract(make_article(text)).quotes
    assert [q.id for q in a] == [q.id for q in b] and a


def test_she_said_goes_to_the_nearest_woman_named_before(extract: Run) -> None:
    text = ("Councillor Oren Vasko opposed the plan. \"We cannot afford it,\" Vasko said. He left early.\n\n"
            "\"The council listened,\" said the group's chair, Mirela Stanhope. She said residents would "
            "push for the work to start in spring.")
    ex = extract(make_article(text))
    q = _find(ex, "residents would push")
    assert q.speaker == "Mirela Stanhope"


def test_pronoun_agrees_in_gender_when_a_man_is_named_in_between(extract: Run) -> None:
    text = ("Ilse Varnholt, chief economist at Kessrin Savings Bank, has studied the debt for years. "
            "She expects a default. Finance minister Tomas Breck said on Monday that he disagreed.\n\n"
            "\"Somebody will lend them the money,\" she said.")
    ex = extract(make_article(text))
    q = _find(ex, "Somebody will lend them")
    assert q.speaker == "Ilse Varnholt"


def test_he_said_after_a_titled_name_of_an_institution_is_that_person(extract: Run) -> None:
    # the parser hangs "Inspector Leon Mardle" on "police" ("... of Saltmere police said")
    text = ("The company's spokesperson, Elise Marchetti, said on Wednesday that the alarms had worked.\n\n"
            "Inspector Leon Mardle of Saltmere police said that it was too soon to say what had caused the fire. "
            "\"We will follow the evidence wherever it leads,\" he said.")
    ex = extract(make_article(text))
    assert _find(ex, "follow the evidence").speaker == "Leon Mardle"


def test_beliefs_mode_finds_stances_and_nominal_cues_the_product_leaves_out(resources) -> None:  # type: ignore[no-untyped-def]
    from newsprism.extract import parse_texts
    from newsprism.extract.quotes import find_attributions

    text = ("Senator Ulla Brandt praised the harbour plan for its modest cost. "
            "Her claim that the port would pay for itself drew laughter in Velmora. "
            "Mayor Joss Kettle said the vote would be held in May.")
    doc = parse_texts(resources.nlp, [text])[0]
    speech = find_attributions(doc, article_id="a", index=None, outlets=resources.outlets)
    everything = find_attributions(doc, article_id="a", index=None, outlets=resources.outlets, beliefs=True)
    said = [text[a.start:a.end] for a in speech]
    assert any("vote would be held" in s for s in said)
    assert not any("port would pay" in s or "modest cost" in s for s in said)
    found = {a.cue_word: text[a.start:a.end] for a in everything}
    assert "modest cost" in found.get("praise", "")
    assert "port would pay for itself" in found.get("claim", "")


def test_asked_not_to_be_named_is_not_a_quote(extract: Run) -> None:
    text = ("A dock worker, who asked not to be named, told the Osterby Bugle that the alarms had been "
            "switched off for a week.")
    ex = extract(make_article(text))
    assert not any("to be named" in q.text for q in ex.quotes)
    q = _find(ex, "alarms had been switched off")
    assert q.anonymous


def test_a_lone_surname_of_a_person_named_in_full_is_that_person_not_an_outlet(extract: Run) -> None:
    text = ("Former governor Marta Fox spoke in Almera on Monday.\n\n"
            "\u201cI would like to know who those voters are,\u201d Fox said. \u201cThey are followers of a false "
            "prophet.\u201d")
    ex = extract(make_article(text))
    q = _find(ex, "who those voters are")
    assert q.speaker == "Marta Fox" and q.via is None
    # with an honorific, and the quote's continuation in the next sentence
    text = text.replace("” Fox said", "” Ms. Fox said")
    ex = extract(make_article(text))
    q = _find(ex, "who those voters are")
    assert q.speaker == "Marta Fox" and q.via is None and "false prophet" in q.text


@pytest.mark.parametrize(("text", "words", "speakers"), [
    pytest.param("Former mayor Anselm Corvin said the harbour wall would never be paid for by the city.\n\n"
                 "Felipe Orandez, who was mayor of Port Almera from 2006 to 2012, has also dismissed the plan.\n\n"
                 "\u201cWe are not going to pay a single cent for such a stupid wall,\u201d he said earlier this "
                 "month.", "a single cent", {"Felipe Orandez"}, id="he after a name that 'who' marks as a person"),
    pytest.param("Press secretary Dana Holt told reporters that the governor \u201cbelieves the claims are "
                 "false.\u201d\n\nThe governor endorsed Orr\u2019s rival in the primary.\n\nAnd the day after the "
                 "primary, the governor tweeted in support of Orr, calling him \u201ca really great guy.\u201d",
                 "a really great guy", {"the governor"}, id="a role nobody holds is the role, not the last speaker"),
    pytest.param("Former congressman Dale L. Ormond Jr. pleaded guilty on Wednesday to misusing campaign funds.\n\n"
                 "Since then, Mr. Ormond, who has said he had no knowledge of the offer, has been dogged by "
                 "questions about his ethics.", "no knowledge of the offer",
                 {"Dale L. Ormond Jr.", "Dale L. Ormond Jr", "Ormond"}, id="a who clause under a passive sentence"),
])
def test_who_speaks_where_the_speaker_is_named_elsewhere(extract: Run, text: str, words: str,
                                                         speakers: set[str]) -> None:
    ex = extract(make_article(text))
    assert _find(ex, words).speaker in speakers
