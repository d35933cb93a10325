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


def test_caption_with_trailing_credit_and_its_lead_line() -> None:
    body = ("The new bridge over the Hallen gorge opened to traffic on Saturday after four years of building work, "
            "the regional roads office said.")
    text = (f"Hallen bridge opens\n\n{body}\n\nCars cross the new bridge.\n\n"
            "The first cars cross the bridge on Saturday morning. (Hallen Herald/Tomas Reyes)\n\n{body}\n")
    cleaned = clean_text(text.replace("{body}", body))
    cats = {t: c for t, c, _, _ in cleaned.removed}
    assert cats["Cars cross the new bridge."] == "caption"
    assert cats["The first cars cross the bridge on Saturday morning. (Hallen Herald/Tomas Reyes)"] == "caption"
