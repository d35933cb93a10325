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


_CAP_RUN = re.compile(r"(?:[A-Z][\w'’.&-]*|[A-Z]{2,})(?:\s+(?:of|and|the|de|la|&)?\s*[A-Z][\w'’.&-]*)*")


def outlet_in_text(text: str, registry: OutletRegistry) -> str | None:
    """A registry outlet named inside a line (for self-promotion lines): whole capitalised names only, so the
    "Times" inside another outlet's name is not taken for The Times."""
    for m in _CAP_RUN.finditer(text):
        run = m.group(0).strip(".!?,")
        if len(run) < 2 or (" " not in run and len(run) < 4 and not run.isupper()):
            continue
        name = registry.canonical(run, fuzzy=False)
        if name:
            return name
    return None


_SECTION_WORDS = frozenset((
    "top", "news", "stories", "headlines", "latest", "breaking", "home", "front", "page", "world", "national",
    "local", "politics", "business", "sport", "sports", "opinion", "feed", "rss", "all", "articles",
    "international", "us", "uk", "europe", "asia", "africa", "americas"))
_FEED_SPLIT = re.compile(r"\s*:\s+|\s+[|–—»-]\s+")


def outlet_from_feed_title(title: str | None, registry: OutletRegistry) -> str | None:
    """A feed's outlet from its title, without the section ("X – Top News", "World | X")."""
    if not title or not title.strip():
        return None
    parts = [p.strip() for p in _FEED_SPLIT.split(title.strip()) if p.strip()]
    for part in parts:
        known = registry.canonical(part)
        if known:
            return known
    named = [p for p in parts if not set(re.findall(r"[a-z]+", p.lower())) <= _SECTION_WORDS]
    return registry.canonical_or_self(named[0] if named else parts[0])


# Self-promotion names the page's own outlet: "Get X in your inbox", "Support X", "At X she ...", "X newsletter".
_SELF_NAMED = re.compile(
    r"\b(?i:get|support|subscribe to|donate to|follow|join|at|for)\s+"
    r"((?:The\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4})"
    r"(?=\s+(?:in your inbox|today|newsletter|on |she |he |they |we |readers|journalism|reporters|since|,|\.))")
_SELF_CATEGORIES = ("newsletter", "donation", "promo", "author-bio", "page-chrome")


# A capitalised name ending in a word outlets are named with, possibly possessive: "Meridian Post's correspondent".
_OUTLET_WORDS = (r"Post|Times|Courier|Gazette|Ledger|News|Newz|Wire|Herald|Journal|Tribune|Today|Daily|Observer|"
                 r"Bugle|Chronicle|Standard|Express|Mail|Star|Sun|Record|Review|Press|Telegraph|Guardian|Monitor|"
                 r"Dispatch|Sentinel|Examiner|Inquirer|Insider|Report|Weekly|Mirror|Independent|Globe|Agency|Service")
_OUTLETISH = re.compile(rf"\b((?:The\s+)?(?:[A-Z][\w&.-]*\s+){{1,4}}(?:{_OUTLET_WORDS}))(?:'s|’s)?\b")
_SELF_SUBJECT = re.compile(r"^\s*((?:The\s+)?(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)\s+(?:relies|depends|is funded|"
                           r"is your|is reader|needs your|is independent|is a non-?profit|is free)")
_CREDIT = re.compile(r"\(([A-Z][^()/]{2,40}?)\s*/\s*[^()]{2,40}\)")


def self_named_outlet(junk: Sequence[tuple[str, str]], registry: OutletRegistry) -> str | None:
    """The outlet a page's own appeals, author bio and photo credits name: registry outlets first, then the name
    these pieces repeat most ("X relies on readers", "Y is X's correspondent", "(X/Photographer)")."""
    for text, category in junk:
        if category in _SELF_CATEGORIES:
            found = outlet_in_text(text, registry)
            if found:
                return found
    votes: dict[str, int] = {}
    spelled: dict[str, str] = {}
    order: list[str] = []
    for text, category in junk:
        names: list[str] = []
        if category in _SELF_CATEGORIES:
            m = _SELF_NAMED.search(text)
            if m and len(m.group(1)) > 3:
                names.append(m.group(1))
            names += [n.group(1) for n in _OUTLETISH.finditer(text)]
            names += [n.group(1) for n in _SELF_SUBJECT.finditer(text)]
        if category in ("credit", "caption"):
            names += [c.group(1) for c in _CREDIT.finditer(text)]
        for name in names:
            key = re.sub(r"^the\s+", "", name.strip().lower())
            if key not in votes:
                order.append(key)
                spelled[key] = name.strip()
            elif len(name.strip()) > len(spelled[key]):  # "The Kell Lantern" over "Kell Lantern"
                spelled[key] = name.strip()
            votes[key] = votes.get(key, 0) + 1
    if not order:
        return None
    best = max(order, key=lambda k: (votes[k], -order.index(k)))
    return registry.canonical_or_self(spelled[best])


def _cites(body: str, outlet: str) -> bool:
    """Does the body credit this outlet (a syndication credit, "according to X")? Spelling slips allowed."""
    from rapidfuzz import fuzz

    low, name = body.lower(), re.sub(r"^the\s+", "", outlet.lower())
    return name in low or fuzz.partial_ratio(name, low) >= 85


def find_outlet(*, meta_name: str | None, url: str | None, lines: Sequence[str], junk: Sequence[tuple[str, str]],
                registry: OutletRegistry) -> str | None:
    """The publishing outlet: page metadata, then the URL's domain, then a source line, a dateline prefix on the
    first body lines, then an outlet the page's own appeals name (donation, newsletter...).

    A "Source: X" line whose X the body itself credits ("(X) -", "according to X") marks syndicated or rewritten
    content; then the outlet the page's own appeals or author bio name is the publisher, when there is one."""
    if meta_name and meta_name.strip():
        return registry.canonical_or_self(meta_name)
    by_url = registry.from_url(url)
    if by_url:
        return by_url
    for text, category in junk:
        if category == "source-line":
            found = outlet_from_line(text, registry)
            if found:
                if _cites("\n".join(lines), found):
                    own = self_named_outlet(junk, registry)
                    if own and own != found:
                        return own
                return found
    for line in lines[:3]:
        m = _DATELINE_PREFIX.match(line)
        if m and len(m.group(1).split()) <= 5:
            found = registry.canonical(m.group(1))
            if found:
                return found
    return self_named_outlet(junk, registry)


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


# News agencies whose credit on a story (a byline, a dateline) says where the text came from, not who wrote it.
WIRES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("AP", re.compile(r"^(?:the\s+)?(?:ap|associated\s+press)$", re.IGNORECASE)),
    ("Reuters", re.compile(r"^(?:thomson\s+)?reuters$", re.IGNORECASE)),
    ("AFP", re.compile(r"^(?:afp|agence\s+france[-\s]presse)$", re.IGNORECASE)),
    ("dpa", re.compile(r"^(?:dpa|deutsche\s+presse[-\s]agentur)$", re.IGNORECASE)),
    ("UPI", re.compile(r"^(?:upi|united\s+press\s+international)$", re.IGNORECASE)),
    ("EFE", re.compile(r"^efe$", re.IGNORECASE)),
    ("ANSA", re.compile(r"^ansa$", re.IGNORECASE)),
)
# "WASHINGTON (AP) — ...", "LONDON, March 14 (Reuters) - ...", "PARIS (AFP) – ...", "Berlin (dpa) - ..."
_WIRE_DATELINE = re.compile(r"^\s*[A-ZÀ-Ý][\wÀ-ÿ .,'’/-]{1,60}?\s*\(([^()]{2,40})\)\s*[—–-]{1,2}\s*\S")


def wire_name(text: str) -> str | None:
    """The agency a credit names ("The Associated Press", "Reuters", "AFP"), or None."""
    text = text.strip(" .,;:()")
    return next((name for name, rx in WIRES if rx.match(text)), None)


def wire_source(body: Sequence[str], authors: Sequence[str]) -> str | None:
    """The wire service an article credits: a byline naming an agency, or a dateline "CITY (AP) —" in the
    first lines of the body."""
    for author in authors:
        if name := wire_name(author):
            return name
    for line in body[:3]:
        m = _WIRE_DATELINE.match(line)
        if m:
            for part in re.split(r"\s*[/,;]\s*", m.group(1)):
                if name := wire_name(part):
                    return name
    return None


def without_wires(authors: Sequence[str]) -> tuple[str, ...]:
    """Authors with agency credits left out: "By Jane Doe, Associated Press" has one author, and the wire."""
    return tuple(a for a in authors if wire_name(a) is None)
