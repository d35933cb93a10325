"""A light sentence splitter with character offsets.

spaCy's parser is the expensive part of a run; summaries only need sentence boundaries, so a regex splitter that
knows abbreviations (U.S., Mr., Jan.), initials (William J. Burns) and closing quotes is enough and keeps offsets
exact, which the citation checks rely on (a summary sentence is a verbatim span of a cleaned article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr",
    "st", "jr", "sr", "mt", "ft", "inc", "co", "corp", "ltd", "bros", "vs", "v", "etc", "no", "nos", "vol", "fig",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "approx", "est", "dept", "univ", "assn", "rev", "hon", "pres", "supt", "messrs", "mme", "mlle", "e.g", "i.e",
    "al", "ca", "cf", "op",
})

_END = re.compile(r"[.!?…]+[\"'”’)\]]*")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[]*[A-Z0-9À-Ý]")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article: text and offsets into Article.text, paragraph and position."""

    text: str
    start: int
    end: int
    paragraph: int
    index: int


def _is_abbreviation(before: str) -> bool:
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1)
    low = word.lower().rstrip(".")
    if low in ABBREVIATIONS:
        return True
    # initials and dotted acronyms: "J." in "William J. Burns", "U.S", "U.N"
    return bool(re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word))


_QUOTE_REACH = 400
"""A quote left open at a sentence end keeps the sentence going if it closes within this many characters."""


def _inside_quote(piece: str, after: str) -> bool:
    """Whether a boundary falls inside a quotation that closes soon ("It's bad. It's malicious," he said)."""
    if piece.count("“") > piece.count("”"):
        return "”" in after
    if piece.count('"') % 2 == 1:
        return '"' in after
    return False


def split_paragraph(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Split one paragraph into (sentence, start, end) spans, offsets relative to the whole text."""
    spans: list[tuple[str, int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        nxt = _NEXT_START.match(text, end)
        if nxt is None:
            continue
        punct = m.group(0)
        if punct.startswith(".") and len(punct.rstrip("\"'”’)]")) == 1 and _is_abbreviation(text[start:m.start()]):
            continue
        if _inside_quote(text[start:end], text[end:end + _QUOTE_REACH]):
            continue
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((piece.strip(), offset + start + lead, offset + start + lead + len(piece.strip())))
        start = end
    tail = text[start:]
    if tail.strip():
        lead = len(tail) - len(tail.lstrip())
        spans.append((tail.strip(), offset + start + lead, offset + start + lead + len(tail.strip())))
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a cleaned text; line breaks are paragraph boundaries (a heading never runs into prose)."""
    out: list[Sentence] = []
    pos = 0
    para = 0
    for line in text.split("\n"):
        if line.strip():
            for piece, s, e in split_paragraph(line, pos):
                out.append(Sentence(text=piece, start=s, end=e, paragraph=para, index=len(out)))
            para += 1
        pos += len(line) + 1
    return out


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))
