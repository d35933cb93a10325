"""The plain-text classifier on texts written for these tests: every junk category goes, every kind of body stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.clean import clean_document
from newsprism.clean.text import clean_text
from newsprism.records import RawDocument
from newsprism.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data" / "clean"
STORY = (DATA / "scraped_story.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def story() -> object:
    return clean_document(RawDocument(source_path="scraped_story.txt", text=STORY), settings=Settings())


def _cats(article: object) -> dict[str, str]:
    return {r.text: r.category for r in article.removed}  # type: ignore[attr-defined]


@pytest.mark.parametrize(("line", "category"), [
    ("Skip to content", "page-chrome"),
    ("Environment", "section-label"),
    ("Title: Velmora council approves new tidal barrier after decade of floods", "duplicate-title"),
    ("Council engineer Ilse Marrow at the harbour wall.", "caption"),
    ("(Photo: Ansel Brightwater/The Harbor Ledger)", "credit"),
    ("Subscribe to our newsletter", "newsletter"),
    ("Sign up now", "newsletter"),
    (">> Read more: Velmora harbour fire destroys three warehouses", "related-link"),
    ("1.2k views 14 comments", "engagement"),
    ("Source: Reuters", "source-line"),
    ("Dana Quill is a staff reporter covering the coast and its towns for The Harbor Ledger.", "author-bio"),
])
def test_junk_removed_with_category(story: object, line: str, category: str) -> None:
    assert _cats(story).get(line) == category
    assert line not in story.text.split("\n")  # type: ignore[attr-defined]


@pytest.mark.parametrize("line", [
    "Why the vote took so long",  # a sub-heading
    '"We will not stop fishing," one oyster farmer said.',  # a one-line quote
    "The plan now includes:",  # a short paragraph introducing a list
    "- a fish ladder on the eastern side",  # list items inside the body
    "- yearly reports to the regional board",
    "Construction is expected to begin in the spring and last about three years, according to council documents "
    "seen by reporters.",
])
def test_body_lines_kept(story: object, line: str) -> None:
    assert line in story.text.split("\n")  # type: ignore[attr-defined]


def test_title_found_and_not_in_text(story: object) -> None:
    assert story.title == "Velmora council approves new tidal barrier after decade of floods"  # type: ignore[attr-defined]
    assert "tidal barrier after decade" not in story.text  # type: ignore[attr-defined]


def test_removed_offsets_point_into_raw_text(story: object) -> None:
    raw = story.raw_text  # type: ignore[attr-defined]
    assert raw == STORY
    for r in story.removed:  # type: ignore[attr-defined]
        assert raw[r.start:r.end].strip() == r.text


# long enough (over 25 words) that only the cues for lines of any length can catch them
COOKIES = ("Wir verwenden Cookies, um unsere Website und Ihr Leseerlebnis bei der Lowmoor Gazette laufend zu "
           "verbessern, Zugriffe zu messen und Ihnen Inhalte anzuzeigen, die zu Ihren Interessen passen, wie in "
           "unserer Erklärung beschrieben.")
CONSENT = ("Ich bin mit der Verarbeitung meiner Daten einverstanden und weiß, dass ich die Einwilligung jederzeit "
           "widerrufen kann, wie es in der Datenschutzerklärung der Lowmoor Gazette beschrieben ist, auch für den "
           "Versand.")


@pytest.mark.parametrize(("page", "junk", "category"), [
    ("Support the Lowmoor Gazette!\n\n{body}", "Support the Lowmoor Gazette!", "donation"),
    ("{body}\n\nYour support keeps independent journalism free. Donate today from just $3 a month.",
     "Your support keeps independent journalism free. Donate today from just $3 a month.", "donation"),
    ("{body}\n\nWe use cookies to improve your experience. Accept all cookies", "We use cookies to improve your "
     "experience. Accept all cookies", "cookie-notice"),
    ("{body}\n\nAdvertisement\n\n{body2}", "Advertisement", "advertisement"),
    ("{body}\n\nLeave a comment", "Leave a comment", "comments"),
    ("{body}\n\nMost read stories this week", "Most read stories this week", "promo"),
    ("{body}\n\nsource site-42", "source site-42", "scraper-artifact"),
    ("Home\n\n{body}", "Home", "navigation"),
    ("{body}\n\n© 2024 Lowmoor Gazette. All rights reserved.", "© 2024 Lowmoor Gazette. All rights reserved.",
     "page-chrome"),
    ("By Mara Ellison\n\n{body}", "By Mara Ellison", "byline"),
    # widget families seen on real pages in several languages (wording invented here)
    ("{body}\n\nComment by Tova Brill — 12.03.2031 @ 14:02\n\n{body2}", "Comment by Tova Brill — 12.03.2031 @ 14:02",
     "comments"),
    ("{body}\n\nweiterlesen 6 Minuten", "weiterlesen 6 Minuten", "related-link"),
    ("{body}\n\nRead more 4 min\n\n{body2}", "Read more 4 min", "related-link"),
    ("{body}\n\n" + COOKIES + "\n\n{body2}", COOKIES, "cookie-notice"),
    ("{body}\n\nCopyright 2031 - Lowmoor Gazette", "Copyright 2031 - Lowmoor Gazette", "page-chrome"),
    ("{body}\n\n(c) 2030 - 2031 lowmoor-gazette.example", "(c) 2030 - 2031 lowmoor-gazette.example", "page-chrome"),
    ("For links on this page we may earn a commission from the retailer.\n\n{body}",
     "For links on this page we may earn a commission from the retailer.", "advertisement"),
    ("Für Links auf dieser Seite erhält die Lowmoor Gazette ggf. eine Provision vom Händler.\n\n{body}",
     "Für Links auf dieser Seite erhält die Lowmoor Gazette ggf. eine Provision vom Händler.", "advertisement"),
    ("You are using a browser version with limited support for this site.\n\n{body}",
     "You are using a browser version with limited support for this site.", "page-chrome"),
    ("{body}\n\nAll content on this blog is licensed under a Creative Commons Attribution 4.0 licence.",
     "All content on this blog is licensed under a Creative Commons Attribution 4.0 licence.", "page-chrome"),
    ("{body}\n\n" + CONSENT + "\n\n{body2}", CONSENT, "newsletter"),
    ("{body}\n\nPhotograph by Ines Calloway\n\n{body2}", "Photograph by Ines Calloway", "credit"),
    ("{body}\n\nPodziel się", "Podziel się", "engagement"),
])
def test_more_categories(page: str, junk: str, category: str) -> None:
    body = ("The ferry between Lowmoor and the island of Skerra will run twice a day from June, the harbour "
            "authority said on Monday after a long dispute over the timetable.")
    body2 = ("Islanders had asked for a morning crossing for years, and the new timetable gives them one, with a "
             "second boat in the late afternoon.")
    cleaned = clean_text(page.format(body=body, body2=body2))
    assert (junk, category) in {(t, c) for t, c, _, _ in cleaned.removed}
    assert body in cleaned.text


def test_untitled_text_keeps_first_sentence_as_body() -> None:
    text = ("The mill on the Brenna river closed on Friday after ninety years, putting forty people out of work.\n"
            "Its owners blamed the price of power.\n")
    cleaned = clean_text(text)
    assert cleaned.title is None
    assert cleaned.text.startswith("The mill on the Brenna river")


def test_normalises_nonbreaking_spaces_and_compatibility_forms() -> None:
    text = ("Harbour tolls rise\n\nThe harbour board\u00a0raised its tolls by ﬁve per cent on Monday, the first rise "
            "since the storm of last winter damaged the north quay.\n")
    cleaned = clean_text(text)
    assert "board raised its tolls by five per cent" in cleaned.text


@pytest.mark.parametrize("extracted", [False, True])
def test_a_wire_sign_off_is_a_credit_not_a_heading(extracted: bool) -> None:
    body = ("A fire at a port warehouse in Saltmere killed twelve people on Tuesday, the fire service said, as a dock "
            "strike entered its second week.\nFirefighters worked through the night to contain the blaze, which "
            "started in a storage hall used for chemicals.")
    for sign_off in ("(Reporting by Nadia Brecker in Saltmere; Editing by Samuel Okoro)",
                     "(Additional reporting by Piet Halvorsen)"):
        cleaned = clean_text(f"{body}\n{sign_off}", extracted=extracted)
        assert {t: c for t, c, _, _ in cleaned.removed}.get(sign_off) == "credit"
        assert "twelve people" in cleaned.text


def test_caption_with_trailing_credit_and_its_lead_line() -> None:
    body = ("The new bridge over the Hallen gorge opened to traffic on Saturday after four years of building work, "
            "the regional roads office said.")
    text = (f"Hallen bridge opens\n\n{body}\n\nCars cross the new bridge.\n\n"
            "The first cars cross the bridge on Saturday morning. (Hallen Herald/Tomas Reyes)\n\n{body}\n")
    cleaned = clean_text(text.replace("{body}", body))
    cats = {t: c for t, c, _, _ in cleaned.removed}
    assert cats["Cars cross the new bridge."] == "caption"
    assert cats["The first cars cross the bridge on Saturday morning. (Hallen Herald/Tomas Reyes)"] == "caption"
