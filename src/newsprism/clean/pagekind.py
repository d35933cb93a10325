"""Pages that are not articles: index, tag, category and list pages that a crawl or a feed picks up beside stories.

What gives them away after cleaning is the shape of what is left: an article is paragraphs of prose, one after
another; an index is a list of teasers (a headline, perhaps a blurb, a date), each pointing to another page. Such a
page becomes a ``failures`` row "not an article" with the reason, never a story member.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprism.clean import patterns as P

_LIST_LABEL = re.compile(
    r"^\s*(?:tag|tags|tagged|schlagwort|schlagwörter|stichwort|category|categories|kategorie|rubrik|archive|"
    r"archiv|topic|thema|themen|posts? tagged|articles? tagged|all (?:posts|articles|stories)|"
    r"beiträge (?:zum|mit dem) (?:thema|schlagwort)|etiqueta|étiquette|catégorie|categoría)\b\s*[:»>-]?",
    re.IGNORECASE)
MIN_TEASERS = 5


_TERMINAL_MORE = ("।", "॥", "؟", "۔")  # Devanagari, Bengali, Arabic and Urdu sentence ends


def _shape(line: str) -> tuple[bool, bool]:
    """(prose, headline): a paragraph line is a sentence of eight words or more (or, in a script written without
    spaces, of forty characters); a teaser's headline a few words not ended like a sentence and not starting in
    lower case (a hard-wrapped paragraph's next line does)."""
    words = len(P.WORD.findall(line))
    terminal = bool(P.TERMINAL.search(line)) or line.endswith(_TERMINAL_MORE)
    unspaced = len(line) >= 40 and line.count(" ") * 15 < len(line)
    prose = terminal and (words >= 8 or unspaced)
    return prose, 2 <= words <= 20 and not terminal and not line.endswith(":") and not line[:1].islower()


def _sentences(line: str) -> int:
    return len(_SENTENCE_END.findall(line)) or 1


_SENTENCE_END = re.compile(r"[.!?…](?:\s|$)")


def _dateish(line: str) -> bool:
    return len(line) <= 60 and bool(P.DATE_IN_TEXT.search(line))


def not_article(body: str, *, head: Sequence[str] = ()) -> str | None:
    """Why a cleaned body is an index, tag or list page rather than an article, or None when it reads as one.

    ``body`` is the cleaned text; ``head`` the first removed lines of the page (a "Tag: X" label sits there)."""
    lines = [ln.strip() for ln in body.split("\n") if ln.strip()]
    if len(lines) < MIN_TEASERS:
        return None
    if sum(1 for ln in lines if ln[:1].islower()) >= 0.25 * len(lines):
        return None  # hard-wrapped paragraphs (lines that go on a sentence): prose, whatever the line shapes say
    shapes = [_shape(ln) for ln in lines]
    prose = [i for i, (p, _) in enumerate(shapes) if p]
    if sum(1 for i in prose if i + 1 < len(lines) and shapes[i + 1][0]) > 2:
        return None  # paragraphs that follow one another: an article
    heads = [i for i, (_, h) in enumerate(shapes) if h or _dateish(lines[i])]
    if not prose and len(heads) < 0.6 * len(lines):
        return None
    labelled = any(_LIST_LABEL.match(h) for h in (*head, *lines[:3]))
    if not prose:  # headlines and dates only: a list of links (captions and data rows would not read as these)
        kind = "a tag or category page" if labelled else "an index or list page"
        return (f"not an article: {kind}, {len(lines)} short lines and no paragraph of prose "
                "(links to other pages, not a story)")
    # teasers: prose lines that stand alone between headlines and dates, instead of following one another
    # (a listicle has a heading over each paragraph too, but its paragraphs run to several sentences)
    alone = [i for i in prose if (i - 1 not in prose) and (i + 1 not in prose)]
    runs = len(prose) - len(alone)
    blurbs = sorted(len(P.WORD.findall(lines[i])) for i in alone)
    short = bool(blurbs) and blurbs[len(blurbs) // 2] <= 30 and all(_sentences(lines[i]) <= 2 for i in alone)
    teasers = min(len(alone), len(heads) + 1)  # the first teaser's headline may have been taken for the title
    if (teasers >= MIN_TEASERS and short and len(alone) >= 0.7 * len(prose) and runs <= 2
            and len(heads) + 1 >= len(prose)):
        kind = "a tag or category page" if labelled else "an index or list page"
        return (f"not an article: {kind}, {teasers} teasers (a headline and a line of text each) and no run of "
                "paragraphs")
    return None
