"""Attribution frames and their spans on sentences written for these tests (fictional people, places, outlets).

These pin the grammar of news attribution the extractor reads: the reported clause with its complementiser, the
stance object after a prepositional cue, cues inserted mid-sentence, a second speech verb
coordinated with the first, speaker-colon headlines and newswire quotation marks written as two apostrophes.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.extract.conftest import make_article

from newsprism.extract import Extraction, parse_texts
from newsprism.extract.quotes import Attribution, find_attributions, quote_spans
from newsprism.resources import Resources

Run = Callable[..., Extraction]


def _attributions(resources: Resources, text: str, *, beliefs: bool = True) -> list[Attribution]:
    doc = parse_texts(resources.nlp, [text])[0]
    return find_attributions(doc, article_id="a", index=None, outlets=resources.outlets, beliefs=beliefs)


def _content(text: str, a: Attribution) -> str:
    return " | ".join(text[s:e] for s, e in sorted(a.spans))


def _with_cue(text: str, found: list[Attribution], cue: str) -> Attribution:
    hits = [a for a in found if a.cue and text[a.cue[0]:a.cue[1]] == cue]
    assert hits, f"no attribution with cue {cue!r}: {[(a.cue_word, _content(text, a)) for a in found]}"
    return hits[0]


def test_complementiser_opens_the_content_but_not_the_quote_text(resources: Resources, extract: Run) -> None:
    text = "Harbour Minister Odile Varnec said that the eastern pier would reopen in June."
    a = _with_cue(text, _attributions(resources, text), "said")
    assert _content(text, a) == "that the eastern pier would reopen in June"
    ex = extract(make_article(text))
    assert [q.text for q in ex.quotes] == ["the eastern pier would reopen in June"]


def test_whether_opens_the_content_of_a_question(resources: Resources) -> None:
    text = "Councillor Brann Osk asked whether the ferry subsidy would survive the winter."
    a = _with_cue(text, _attributions(resources, text), "asked")
    assert _content(text, a).startswith("whether the ferry subsidy")


def test_preposition_after_a_stance_cue_joins_the_cue(resources: Resources) -> None:
    text = "The Velmora dockworkers union called for a boycott of the new toll bridge."
    a = _with_cue(text, _attributions(resources, text), "called for")
    assert _content(text, a) == "a boycott of the new toll bridge"


def test_a_single_name_is_the_object_of_a_stance(resources: Resources) -> None:
    text = "Mayor Joss Kettle sharply criticized Varnec during a rally on Friday."
    a = _with_cue(text, _attributions(resources, text), "criticized")
    assert _content(text, a) == "Varnec"


def test_a_day_or_a_medium_is_not_what_a_stance_is_about(resources: Resources) -> None:
    text = "Mayor Joss Kettle blasted the toll plan on Sunday."
    a = _with_cue(text, _attributions(resources, text), "blasted")
    assert _content(text, a) == "the toll plan"


def test_cue_inserted_between_commas_reports_the_whole_sentence(resources: Resources) -> None:
    text = "The bigger risk, she said, is a flood that could close the eastern docks."
    a = _with_cue(text, _attributions(resources, text, beliefs=False), "said")
    assert _content(text, a) == "The bigger risk | is a flood that could close the eastern docks"


def test_cue_after_the_opening_clause_between_commas(resources: Resources) -> None:
    text = "Take the ferry before the storm, the wardens said, and you risk being stranded on Osterby."
    a = _with_cue(text, _attributions(resources, text, beliefs=False), "said")
    assert "Take the ferry before the storm" in _content(text, a)


def test_second_speech_verb_coordinated_with_the_first_is_its_own_quote(resources: Resources) -> None:
    text = 'Ilse Varnholt said she welcomed the inquiry and added, "I will answer every question, gladly."'
    found = _attributions(resources, text, beliefs=False)
    said = _with_cue(text, found, "said")
    added = _with_cue(text, found, "added")
    assert _content(text, said) == "she welcomed the inquiry"
    assert "I will answer every question" in _content(text, added)
    assert added.speaker == said.speaker == "Ilse Varnholt"


def test_speaker_colon_headline(resources: Resources) -> None:
    text = "Joss Kettle: The Velmora toll bridge will bankrupt the harbour."
    found = _attributions(resources, text, beliefs=False)
    a = _with_cue(text, found, ":")
    assert _content(text, a) == "The Velmora toll bridge will bankrupt the harbour"
    assert a.source is not None and text[a.source[0]:a.source[1]] == "Joss Kettle"


def test_page_labels_and_datelines_before_a_colon_are_not_speakers(resources: Resources) -> None:
    for text in ("Photo: Osterby Bugle staff at the flooded eastern docks.",
                 "VELMORA: The harbour council voted on Friday to close the docks."):
        assert not [a for a in _attributions(resources, text) if a.cue_word == ":"], text


def test_two_apostrophes_are_quotation_marks() -> None:
    text = ("''Follow us,'' Warden Brann Osk said. She called it ''a storm we will not forget.''\n"
            "It's the warden's last season. ''Part of my job is to say: 'Stay home,''' she said.")
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert spans == ["Follow us,", "a storm we will not forget.", "Part of my job is to say: 'Stay home,'"]


def test_newswire_apostrophe_quote_is_a_direct_quote(extract: Run) -> None:
    text = "''We will rebuild every pier before winter,'' Harbour Minister Odile Varnec said on Monday."
    ex = extract(make_article(text))
    q = [q for q in ex.quotes if "rebuild every pier" in q.text]
    assert q and q[0].direct and q[0].speaker == "Odile Varnec"
    assert q[0].text == "We will rebuild every pier before winter,"
