"""Article metadata: outlet (canonical through the registry), published date, authors, language.

Cheap on purpose: dates come from a regex over a few lines and are parsed one match at a time (dateparser's
full-text search is far too slow for 10k articles); language from py3langid on the first few thousand characters.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from newsprism.clean import patterns as P
from newsprism.outlets import OutletRegistry

_DATELINE_PREFIX = re.compile(r"^\s*([^|–—:]{3,40}?)\s*(?:\||–|—|-{1,2})\s+\S")
_SOURCE = re.compile(r"^\s*(?:source|sources|quelle|fuente|fonte|źródło|origine)\s*:\s*(.{2,80}?)\s*\.?$",
                     re.IGNORECASE)
_BY = re.compile(r"^\s*(?:by|von|par|por|di|written by|autor(?:in)?|author)\s*:?\s+(.+)$", re.IGNORECASE)
_SPLIT_AUTHORS = re.compile(r"\s*(?:,|\band\b|\bund\b|\by\b|\bet\b|&)\s*")
_DOTTED = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})")
_NGRAM_WORDS = re.compile(r"[\w'’.&-]+")


def outlet_from_line(line: str, registry: OutletRegistry) -> str | None:
    """An outlet named by a "Source: X" line, or by an "X | ..." prefix that the registry knows."""
    m = _SOURCE.match(line)
    if m:
        return registry.canonical_or_self(m.group(1))
    m = _DATELINE_PREFIX.match(line)
    if m and len(m.group(1).split()) <= 5:
        return registry.canonical(m.group(1))
    return None


def outlet_in_text(text: str, registry: OutletRegistry) -> str | None:
    """A registry outlet named inside a line (exact alias match of a 1-5 word run); for self-promotion lines."""
    words = _NGRAM_WORDS.findall(text)
    for size in (5, 4, 3, 2, 1):
        for i in range(len(words) - size + 1):
            chunk = " ".join(words[i:i + size]).strip(".!?,")
            if size == 1 and (len(chunk) < 4 or not chunk[:1].isupper()):
                continue
            name = registry.canonical(chunk, fuzzy=False)
            if name:
                return name
    return None


def find_outlet(*, meta_name: str | None, url: str | None, lines: Sequence[str], junk: Sequence[tuple[str, str]],
                registry: OutletRegistry) -> str | None:
    """The publishing outlet: page metadata, then the URL's domain, then a source line, a dateline prefix on the
    first body lines, then an outlet the page's own appeals name (donation, newsletter...)."""
    if meta_name and meta_name.strip():
        return registry.canonical_or_self(meta_name)
    by_url = registry.from_url(url)
    if by_url:
        return by_url
    for text, category in junk:
        if category == "source-line":
            found = outlet_from_line(text, registry)
            if found:
                return found
    for line in lines[:3]:
        m = _DATELINE_PREFIX.match(line)
        if m and len(m.group(1).split()) <= 5:
            found = registry.canonical(m.group(1))
            if found:
                return found
    for text, category in junk:
        if category in ("donation", "newsletter", "promo", "page-chrome"):
            found = outlet_in_text(text, registry)
            if found:
                return found
    return None


def parse_date(text: str) -> str | None:
    """An ISO date (YYYY-MM-DD) for one date string, or None; future and implausible dates are refused."""
    dotted = _DOTTED.fullmatch(text.strip())
    if dotted:  # 04.05.2021 is day.month.year wherever dots are used
        try:
            when = dt.date(int(dotted.group(3)), int(dotted.group(2)), int(dotted.group(1)))
        except ValueError:
            return None
        return when.isoformat() if 1990 <= when.year <= dt.date.today().year + 1 else None
    import dateparser

    try:
        when = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                                                "STRICT_PARSING": True})
    except (ValueError, OverflowError, RecursionError):
        return None
    if when is None or not 1990 <= when.year <= dt.date.today().year + 1:
        return None
    return when.date().isoformat()


def date_in_lines(lines: Sequence[str]) -> str | None:
    """The first full date (with a year) in the given lines, as YYYY-MM-DD."""
    for line in lines:
        for m in P.DATE_IN_TEXT.finditer(line):
            found = parse_date(m.group(1))
            if found:
                return found
    return None


def authors_from(lines: Sequence[str]) -> tuple[str, ...]:
    """Names of a "By X and Y" byline."""
    for line in lines:
        m = _BY.match(line)
        if not m:
            continue
        head = re.split(r"\s*[|/•·]\s*|\s+-\s+|,\s*(?=\d)", m.group(1))[0]
        names = [n.strip(" .") for n in _SPLIT_AUTHORS.split(head) if n.strip(" .")]
        names = [n for n in names if 1 <= len(n.split()) <= 4 and n[:1].isupper() and not P.DATE_IN_TEXT.search(n)]
        if names:
            return tuple(names)
    return ()


def split_authors(value: str | None) -> tuple[str, ...]:
    """Metadata author strings ("A; B", "A, B and C") as a tuple of names."""
    if not value:
        return ()
    parts = re.split(r"\s*;\s*|\s*,\s*|\s+and\s+|\s+und\s+", value)
    return tuple(p.strip() for p in parts if p.strip() and len(p.split()) <= 5)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), None for too little text."""
    sample = text[:1000]
    if len(sample.strip()) < 20:
        return None
    import py3langid

    code, _ = py3langid.classify(sample)
    return str(code)
