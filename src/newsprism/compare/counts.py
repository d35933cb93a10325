"""Counts a story's sentences give: a death toll, the injured, the arrested, the missing, the displaced.

Outlets that give different counts of one of them ("12 dead" / "at least 14 killed") tell one proposition with
figures that differ: the grouping joins them into one row, and the row's verdict names who gives which figure
instead of calling the row disputed (counts change as bodies are found; a different figure is not a denial).
English wording only."""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Count", "count_of", "counted"]

_NUMBER = (r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
           r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
           r"(?:a |one )?hundreds?|dozens?|(?:a |one )?thousands?|scores)")
# the words of each count, and what names its total ("the death toll")
_MEASURES: dict[str, tuple[str, str]] = {
    "dead": (r"killed|killing|dead|died|deaths?|fatalities|perished|bodies|lives (?:were |have been )?lost|"
             r"lost (?:their|his|her) lives", r"(?:death )?toll"),
    "injured": (r"injured|injuring|injuries|wounded|wounding|hurt", r"injury toll"),
    "arrested": (r"arrested|arresting|arrests|detained|detaining|detentions", r"arrest tally"),
    "missing": (r"missing|unaccounted for", r"missing toll"),
    "displaced": (r"displaced|evacuated|homeless", r"displaced toll"),
}
_ABOUT = r"(?:(?:at least|more than|nearly|almost|about|around|some|over|up to|only) )?"
# "12 people were killed", "twelve dead", "killing 12", "the death toll rose to 14", "the number of people killed has
# risen to 14"; not a part of the count ("eight of the dead", "two firefighters were among the injured")
_COUNTS: dict[str, re.Pattern[str]] = {
    name: re.compile(
        rf"\b(?P<a>{_ABOUT}{_NUMBER})\b(?! of (?:the|those|them)\b)(?:\s+[\w'-]+){{0,4}}?\s+"
        rf"(?:(?:were|have been|had been|are|was|have|had)\s+)?(?<!among the )(?<!of the )(?:{words})\b|"
        rf"\b(?:{words})\s+(?P<b>{_ABOUT}{_NUMBER})\b|"
        rf"\b(?:{total}|number of (?:people )?(?:{words}))\b[^.;:]{{0,60}}?\b(?:to|at|of|is|was|reached|"
        rf"stands at|stood at)\s+(?P<c>{_ABOUT}{_NUMBER})\b",
        re.I)
    for name, (words, total) in _MEASURES.items()}
# a count supposed, not given: "if two people died after reaching hospital, both figures could be right"
_SUPPOSED = re.compile(r"\b(?:if|whether|unless|could|might|would)\b", re.I)


class Count(NamedTuple):
    """The first count a sentence gives."""

    measure: str  # what is counted: "dead", "injured", ...
    figure: str  # as written: "at least 14", "twelve"


def count_of(text: str) -> Count | None:
    """The first count the sentence gives ("killing 12 people and injuring 30": the dead, 12), or None."""
    best: tuple[int, str, str] | None = None
    for name, rx in _COUNTS.items():
        for m in rx.finditer(text):
            clause = text[:m.start()].rsplit(",", 1)[-1] + m.group(0)
            if _SUPPOSED.search(clause):
                continue
            if best is None or m.start() < best[0]:
                figure = next(g for g in m.groups() if g)
                best = (m.start(), name, " ".join(figure.split()))
            break
    return Count(best[1], best[2]) if best else None


def counted(text: str) -> str | None:
    """What the sentence's first count is of ("dead", "injured", ...), or None."""
    c = count_of(text)
    return c.measure if c else None
