"""Widget lines that many sites share, in several languages (wording invented here)."""

from __future__ import annotations

import pytest

from newsprism.clean.text import clean_text

BODY = ("The ferry between Lowmoor and the island of Skerra will run twice a day from June, the harbour authority "
        "said on Monday after a long dispute over the timetable.")
BODY2 = ("Islanders had asked for a morning crossing for years, and the new timetable gives them one, with a second "
         "boat in the late afternoon.")
CONSENT = ('By clicking "Submit", I consent to receiving the morning briefing of the Lowmoor Gazette and understand '
           "that I may withdraw this consent at any time by following the link at the end of each message.")


@pytest.mark.parametrize(("junk", "category"), [
    # headings of link lists
    ("Ähnliche Beiträge aus der Region", "related-link"),
    ("Otras noticias", "related-link"),
    ("Artículos relacionados", "related-link"),
    ("También te puede interesar", "related-link"),
    ("Zobacz także", "related-link"),
    ("Explore further", "related-link"),
    ("Mehr aus Lowmoor", "related-link"),
    ("Aktuelle Berichte aus dieser Rubrik:", "related-link"),
    ("Die meistgelesenen Artikel der Woche", "related-link"),
    # comment threads
    ("12 Antworten zu „Ein Sommer am Kanal“", "comments"),
    ("Vos réactions (4)", "comments"),
    ("Write a comment", "comments"),
    ("Pingback von Kanalblog - Notizen vom Wasser und aus der Werft | 02.03.2031 10:15", "comments"),
    # share and feedback prompts
    ("Dir hat der Artikel gefallen? Jetzt teilen!", "engagement"),
    ("Rezept drucken Auf Pinterest merken", "engagement"),
    ("Submit a letter to the editor about this story.", "engagement"),
    # embeds, galleries, downloads, blog footers
    ("Externer Inhalt", "page-chrome"),
    ("Klicken Sie auf den Button, um den Inhalt von karten.example zu laden.", "page-chrome"),
    ("Bild anzeigen Bild schließen", "page-chrome"),
    ("Fahrplan Sommer 2031 PDF | 1,2 MB", "page-chrome"),
    ("Bekanntmachung vom 2. Mai 2031PDF | 80 KB", "page-chrome"),
    ("This entry was posted in Harbour news. Bookmark the permalink.", "page-chrome"),
    # newsletter and paywall prompts
    ("Die wichtigsten Nachrichten aus Lowmoor jeden Morgen direkt in dein Postfach", "newsletter"),
    ("Wir informieren Sie regelmäßig über neue Fahrpläne und Baustellen.", "newsletter"),
    (CONSENT, "newsletter"),
    ("Kostenlos registrieren und weiterlesen", "promo"),
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
