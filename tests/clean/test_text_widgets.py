"""Widget lines that many sites share, in several languages (wording invented here), the short lines inside the
body that belong to them, and the article's edges: a standfirst just above the body stays, and an article step
after a picture's widget lines stays."""

from __future__ import annotations

import pytest

from newsprism.clean import clean_document
from newsprism.clean.text import clean_text
from newsprism.records import RawDocument
from newsprism.settings import Settings

BODY = ("The ferry between Lowmoor and the island of Skerra will run twice a day from June, the harbour authority "
        "said on Monday after a long dispute over the timetable.")
BODY2 = ("Islanders had asked for a morning crossing for years, and the new timetable gives them one, with a second "
         "boat in the late afternoon.")
CONSENT = ('By clicking "Submit", I consent to receiving the morning briefing of the Lowmoor Gazette and understand '
           "that I may withdraw this consent at any time by following the link at the end of each message.")


@pytest.mark.parametrize(("junk", "category"), [
    # headings of link lists
    ("Ähnliche Beiträge aus der Region", "related-link"),
    ("Otros artículos del día", "related-link"),
    ("Artículos relacionados", "related-link"),
    ("Le podría interesar", "related-link"),
    ("Czytaj również", "related-link"),
    ("Editor's picks", "related-link"),
    ("Mehr aus Lowmoor", "related-link"),
    ("Aktuelle Berichte aus dieser Rubrik:", "related-link"),
    ("Die meistgelesenen Artikel der Woche", "related-link"),
    # comment threads
    ("12 Antworten zu „Ein Sommer am Kanal“", "comments"),
    ("Vos réactions (4)", "comments"),
    ("Add your response", "comments"),
    ("Pingback von Kanalblog - Notizen vom Wasser und aus der Werft | 02.03.2031 10:15", "comments"),
    # share and feedback prompts
    ("Dir hat der Artikel gefallen? Jetzt teilen!", "engagement"),
    ("Rezept drucken Auf Pinterest merken", "engagement"),
    ("Submit a letter to the editor about this story.", "engagement"),
    # embeds, galleries, downloads, blog footers
    ("Eingebetteter Inhalt", "page-chrome"),
    ("Klicken Sie auf den Button, um den Inhalt von karten.example zu laden.", "page-chrome"),
    ("Foto ansehen Foto schließen", "page-chrome"),
    ("Fahrplan Sommer 2031 PDF | 1,2 MB", "page-chrome"),
    ("Bekanntmachung vom 2. Mai 2031PDF | 80 KB", "page-chrome"),
    ("This entry was posted in Harbour news. Bookmark the permalink.", "page-chrome"),
    # newsletter and paywall prompts
    ("Die wichtigsten Nachrichten aus Lowmoor jeden Morgen direkt in dein Postfach", "newsletter"),
    ("Wir informieren Sie regelmäßig über neue Fahrpläne und Baustellen.", "newsletter"),
    (CONSENT, "newsletter"),
    ("Gratis registrieren und weiterlesen", "promo"),
    # dates and captions
    ("Publiziert: 03.04.2031, 12:35", "byline"),
    ("Figure 2: Water levels at the Lowmoor gauge since the new barrier opened", "caption"),
    ("Fishing boats in the harbour at dawn. Photo: Ansel Brightwater/harbor-ledger.example", "caption"),
    ("The old quay wall under repair © Lowmoor Gazette / pics.example.org", "caption"),
])
def test_widget_line_removed(junk: str, category: str) -> None:
    cleaned = clean_text(f"{BODY}\n\n{junk}\n\n{BODY2}\n")
    assert (junk, category) in {(t, c) for t, c, _, _ in cleaned.removed}
    assert BODY in cleaned.text and BODY2 in cleaned.text


@pytest.mark.parametrize("line", [
    "Related reading on the harbour has been scarce since the archive closed.",  # prose that names a widget word
    "Weitere Berichte zeigen, dass die Fähre oft zu spät kam.",
    "Mehr Fähren bedeuten mehr Arbeit für den Hafen.",
    "Figures from the harbour office show a rise in passengers.",
])
def test_sentences_with_widget_words_stay(line: str) -> None:
    cleaned = clean_text(f"{BODY}\n\n{line}\n\n{BODY2}\n")
    assert line in cleaned.text.split("\n")


NAV = ["Home", "World", "Region", "Business", "Culture", "Sport", "Weather", "Podcasts", "Search", "Login"]
ARTICLE = [
    "The ferry company of the Skerra islands will put a second boat on the morning crossing from May, its director "
    "Amund Velle told the harbour council on Tuesday, after three winters of complaints from islanders.",
    "Islanders had collected more than two thousand signatures for an earlier boat, saying that pupils and nurses "
    "reached the mainland too late for school and for the first shift at the county hospital.",
    "The new boat, a converted cargo vessel bought from a shipyard in the north, will carry up to eighty passengers "
    "and twelve cars, and the company expects the crossing to take forty minutes in good weather.",
]


def _page(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part) + "\n"


def test_standfirst_just_above_the_body_stays() -> None:
    """Deep in a page (past the lines searched for a title), the standfirst between the headline and the body has
    no full stop, yet it is article text; the menu above it is not."""
    standfirst = "Islanders waited three winters for an earlier crossing to the mainland"
    page = _page(NAV, NAV, ["Second morning ferry for Skerra", standfirst, "By Mara Ellison"], ARTICLE)
    kept = clean_text(page).text.split("\n")
    assert standfirst in kept
    assert ARTICLE[0] in kept
    assert "Podcasts" not in kept


def test_teaser_with_figures_above_the_body_still_goes() -> None:
    teaser = "Ferry fares rise by 4 per cent from 1 April on all island routes"
    page = _page(NAV, NAV, [teaser, "Islands"], ARTICLE)
    assert teaser not in clean_text(page).text.split("\n")


def test_short_sentence_right_above_the_body_stays() -> None:
    """A full sentence right above the body (a lead, a note on where the post first ran) is article text even
    when it is short."""
    lead = "The morning ferry is finally coming."
    page = _page(NAV, NAV, ["Second morning ferry for Skerra", lead], ARTICLE)
    assert lead in clean_text(page).text.split("\n")



def test_article_step_after_a_pictures_widget_lines_stays() -> None:
    """Short closing steps below the main run of prose, with an ad label and a photo credit between them and the
    body, are still the article; a sentence below a related-links heading is not."""
    steps = ["Tickets for the new boat go on sale in April.", "Season passes will cost the same as last year."]
    after = "A new cafe opens on the quay this weekend, the owners said."
    page = _page(NAV, ["Second morning ferry for Skerra"], ARTICLE,
                 ["Advertisement", "Photo: Ansel Brightwater"], steps, ["Related stories", after])
    kept = clean_text(page).text.split("\n")
    assert all(step in kept for step in steps)
    assert after not in kept


def test_teaser_headlines_inside_the_body_go_but_a_sub_heading_stays() -> None:
    """Short lines that touch a widget line and lead to no paragraph are teasers; a sub-heading after an ad label
    that announces the next paragraph stays."""
    closing = ("Council members welcomed the plan but asked who would pay for the extra crew, since the current "
               "contract with the county only covers two daily departures in each direction until next year.")
    teasers = ["Island brewery wins regional prize", "Seal count reaches record high"]
    page = _page(NAV, ["Second morning ferry for Skerra"], ARTICLE[:2], ["Most read"], teasers,
                 ["Advertisement", "Who pays for the crew"], [ARTICLE[2], closing])
    kept = clean_text(page).text.split("\n")
    assert not any(t in kept for t in teasers)
    assert "Who pays for the crew" in kept
    assert ARTICLE[2] in kept and closing in kept


_SCRIPTED = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy lorries after engineers found "
    "cracks in two of its supports.",
    "var twitterVia = 'MailOnline'; DM.has('articleBody', 'shareLinks');",
    "Engineers said the bridge would remain open to cars and buses while repairs were planned, the council said.",
    "(function(d, s, id) { var js, fjs = d.getElementsByTagName(s)[0]; if (d.getElementById(id)) return; })"
    "(document, 'script', 'facebook-jssdk');",
    "The repairs are expected to cost about 4 million euros and to take eight months, the budget office said.",
    "if (window.innerWidth < 600) { document.body.className += ' mobile'; }",
    "A reader noted that the council's website still calls window.print on every page (he asked for it to go).",
    "Residents who use the bridge every day said they had worried about its state for years.",
]


@pytest.mark.parametrize("cleaner", ["fast", "rules"])
def test_the_pages_own_script_saved_as_text_is_removed(cleaner: str) -> None:
    art = clean_document(RawDocument(source_path="bridge.jsonl", text="\n".join(_SCRIPTED), format="jsonl"),
                         settings=Settings(cleaner=cleaner))
    code = [_SCRIPTED[i] for i in (1, 3, 5)]
    assert {r.text: r.category for r in art.removed if r.text in code} == dict.fromkeys(code, "scraper-artifact")
    # prose that names a piece of script is text
    for i in (0, 2, 4, 6, 7):
        assert _SCRIPTED[i] in art.text


def test_a_program_listing_in_a_tutorial_is_not_taken_for_page_script() -> None:
    from newsprism.clean.patterns import is_script

    assert not is_script("import sys def bar(i): if i == 1: raise KeyError(1) if i == 2: raise ValueError(2)")
    assert not is_script("results = [] for g in soup.find_all('div', class_='r'): anchors = g.find_all('a')")
    assert is_script("OO.ready(function() { OO.Player.create('ooyalaplayer-Z3dG', 'Z3dG'); });")
