"""`newsprism report --article`: the raw text with every removed piece marked where it was."""

from __future__ import annotations

from newsprism.records import Article, Removed
from newsprism.report.text import marked_article

RAW = "Menu | Home\nThe Tarn ferry resumes on Friday, the operator said.\nShare on social\nPhoto: Tarn Post"


def test_pieces_are_marked_in_place_by_offset_or_by_search() -> None:
    article = Article(id="a1", raw_text=RAW, source_path="in/tarn.txt", title="Tarn ferry", removed=(
        Removed(text="Menu | Home", category="navigation", start=0, end=11),
        Removed(text="Photo: Tarn Post", category="credit"),  # no offsets: found by search
        Removed(text="Share on social", category="engagement", start=5, end=20),  # stale offsets: searched
    ))
    out = marked_article(article)
    header, body = out.split("\n\n", 1)
    assert "a1" in header and "in/tarn.txt" in header and "3 pieces" in header
    assert body == ("[-removed (navigation): Menu | Home-]\nThe Tarn ferry resumes on Friday, the operator said.\n"
                    "[-removed (engagement): Share on social-]\n[-removed (credit): Photo: Tarn Post-]")


def test_pieces_not_in_the_raw_text_are_listed_after_it() -> None:
    article = Article(id="a2", raw_text="Only the body.", removed=(Removed(text="Gone widget", category="promo"),))
    out = marked_article(article)
    assert out.endswith("Only the body.\n\n-- removed pieces not found in the raw text --\n"
                        "[-removed (promo): Gone widget-]")


def test_repeated_piece_marks_each_occurrence_once() -> None:
    raw = "Advert\nBody line.\nAdvert"
    article = Article(id="a3", raw_text=raw, removed=(Removed(text="Advert", category="advertisement"),
                                                      Removed(text="Advert", category="advertisement")))
    body = marked_article(article).split("\n\n", 1)[1]
    assert body == "[-removed (advertisement): Advert-]\nBody line.\n[-removed (advertisement): Advert-]"
