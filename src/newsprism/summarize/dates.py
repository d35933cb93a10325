"""Dates in news text, resolved against the article's publication date.

News writes "on Sunday", "last week", "in late February", "100 days into the war": only the publication date
turns these into calendar dates, and tense decides which Monday "on Monday" is ("met on Monday" is the past one,
"is set to meet on Monday" the coming one).

Date strings follow ISO 8601 with reduced precision, and never invent a year:

- ``2022-03-13`` a day, ``2022-W10`` an ISO week, ``2022-02`` a month, ``2022`` a year;
- ``--03-13`` / ``--02`` a day or month the text names without a year, when no year is known (ISO 8601 "--MM-DD");
- ``""`` undated: a relative date with no publication date to resolve it against.

Every mention also carries a sort key (the first day it covers, or None) and an ``order`` relative to its
article's publication (-1 before, 0 at, +1 after), so undated events still sort in the order the text allows.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MON = {m.lower(): i + 1 for i, m in enumerate(MONTHS)} | {m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)} | {
    "sept": 9}
_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
             r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = {"early": 1, "mid": 11, "middle": 11, "late": 21, "end": 25}
_NUM_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
              "ten": 10, "a": 1, "a few": 3, "several": 3}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("mdy", re.compile(rf"\b(?:{_DAY_RE},?\s+)?(?P<mon>{_MONTH_RE})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
                       rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("dmy", re.compile(rf"\b(?:{_DAY_RE},?\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_RE})"
                       rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("month", re.compile(rf"\b(?:(?P<part>early|mid|middle|late|end of)[\s-]+)?(?P<mon>{_MONTH_RE})"
                         rf"(?:\s+(?P<y>(?:19|20)\d\d))?\b(?!\s+[0-3]?\d\b)")),
    ("into", re.compile(r"\b(?P<n>\d+)\s+(?P<unit>days?|weeks?|months?)\s+into\s+the\s+(?P<what>\w+)|"
                        r"\bthe\s+(?P<n2>\d+)-(?P<unit2>day|week|month)\s+(?P<what2>war|conflict|invasion|siege|"
                        r"strike|standoff|crisis|campaign|offensive)\b", re.IGNORECASE)),
    ("ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|a)\s+"
                       r"(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>ago|earlier|later|from now)\b",
                       re.IGNORECASE)),
    ("weekday", re.compile(rf"\b(?:(?P<mod>last|next|this|coming|past)\s+)?(?P<wd>{_DAY_RE})"
                           r"(?:\s+(?:morning|afternoon|evening|night))?\b")),
    ("relday", re.compile(r"\b(?P<w>yesterday|today|tonight|tomorrow)\b", re.IGNORECASE)),
    ("relspan", re.compile(r"\b(?P<pre>earlier|later)?\s*(?P<mod>last|this|next|past)\s+(?P<unit>week|month|year)"
                           r"(?:end)?\b", re.IGNORECASE)),
]

_SPEECH_PAST = re.compile(r"\b(said|says|told(?:\s+\w+){0,2}|reported|announced|wrote|stated|added|declared|"
                          r"confirmed|denied|revealed|disclosed|published|released|began|met|held)\s*(?:on\s+)?$",
                          re.IGNORECASE)
_FUTURE = re.compile(r"\b(will|won't|'ll|shall|(?:is|are|was|were)\s+(?:set|scheduled|due|expected|slated|poised|"
                     r"going|planning|about)\s+to|plans?\s+to|prepares?\s+to|preparing\s+to|intends?\s+to|"
                     r"is\s+to|are\s+to|upcoming|ahead\s+of)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a text, resolved (or not) against an anchor date."""

    text: str
    start: int
    end: int
    date: str
    sort_key: dt.date | None
    order: int
    inferred: bool = False
    derived_event: str = ""


def parse_date(value: str | None) -> dt.date | None:
    """The calendar day of a published field ("2022-03-14", "2022-03-14T08:00:00Z"), else None."""
    if not value:
        return None
    m = re.match(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def is_future(text: str, start: int, end: int) -> bool:
    """Whether the mention at [start, end) speaks of what is to come; news defaults to the past."""
    before = text[max(0, start - 100):start]
    if _SPEECH_PAST.search(text[max(0, start - 30):start]):
        return False
    clause = re.split(r"[.;!?]", before)[-1]
    return bool(_FUTURE.search(clause) or _FUTURE.search(text[end:end + 30].split(",")[0]))


_LABEL = re.compile(r"^(?:(?P<y>\d{4})(?:-W(?P<w>\d\d)|-(?P<m>\d\d)(?:-(?P<d>\d\d))?)?"
                    r"|--(?P<nm>\d\d)(?:-(?P<nd>\d\d))?)$")


def date_label(value: str) -> str:
    """A date string of this module as a reader sees it: the ISO day stays as it is, the reduced forms are
    spelled out ("week of 2025-03-24", "March 2025", "10 March, year not given", "undated")."""
    m = _LABEL.match(value or "")
    if m is None:
        return value or "undated"
    if m["nm"]:
        month = int(m["nm"])
        if not 1 <= month <= 12:
            return value
        name = MONTHS[month - 1]
        return f"{int(m['nd'])} {name}, year not given" if m["nd"] else f"{name}, year not given"
    if m["w"]:
        try:
            return f"week of {dt.date.fromisocalendar(int(m['y']), int(m['w']), 1).isoformat()}"
        except ValueError:
            return value
    if m["m"] and not m["d"] and 1 <= int(m["m"]) <= 12:
        return f"{MONTHS[int(m['m']) - 1]} {m['y']}"
    return value


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + delta
    return total // 12, total % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, anchor: dt.date | None, *, anchor_inferred: bool = False) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``anchor`` (the publication date) when known."""
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if m.group(0).strip() == "" or any(s < b and e > a for a, b in taken):
                continue
            mention = _resolve(kind, m, text, anchor, anchor_inferred)
            if mention is not None:
                taken.append((s, e))
                out.append(mention)
    return sorted(out, key=lambda x: x.start)


def _resolve(kind: str, m: re.Match[str], text: str, anchor: dt.date | None,
             inferred: bool) -> DateMention | None:
    s, e = m.span()
    expr = m.group(0).strip()
    future = is_future(text, s, e)
    order = 1 if future else -1

    def made(date: str, key: dt.date | None, order_: int = order, uses_anchor: bool = True,
             event: str = "") -> DateMention:
        return DateMention(text=expr, start=s, end=e, date=date, sort_key=key, order=order_,
                           inferred=inferred and uses_anchor and bool(date) and not date.startswith("--"),
                           derived_event=event)

    if kind == "iso":
        day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        return made(day.isoformat(), day, uses_anchor=False) if day else None
    if kind in ("mdy", "dmy"):
        month, dnum = _MON[m["mon"].rstrip(".").lower()], int(m["d"])
        if not 1 <= dnum <= 31:
            return None
        if m["y"]:
            day = _safe_date(int(m["y"]), month, dnum)
            return made(day.isoformat(), day, uses_anchor=False) if day else None
        if anchor is None:
            return made(f"--{month:02d}-{dnum:02d}", None)
        day = _pick_year(anchor, month, dnum, future)
        return made(day.isoformat(), day) if day else None
    if kind == "month":
        if m["mon"] == "May" and not (m["part"] or m["y"]) and not re.search(r"\b(in|of|since|until|by|early|late)\s+$",
                                                                              text[max(0, s - 8):s]):
            return None  # the modal verb, not the month
        month = _MON[m["mon"].rstrip(".").lower()]
        part = (m["part"] or "").replace("end of", "end")
        first = _PART.get(part, 1)
        if m["y"]:
            year = int(m["y"])
            return made(f"{year}-{month:02d}", _safe_date(year, month, first), uses_anchor=False)
        if anchor is None:
            return made(f"--{month:02d}", None)
        year = anchor.year
        if future and month < anchor.month:
            year += 1
        elif not future and month > anchor.month:
            year -= 1
        return made(f"{year}-{month:02d}", _safe_date(year, month, first))
    if kind == "into":
        n = int(m["n"] or m["n2"])
        unit = (m["unit"] or m["unit2"]).lower().rstrip("s")
        what = (m["what"] or m["what2"]).lower()
        if anchor is None:
            return made("", None, 0, event=f"the {what} begins ({n} {unit}s earlier)")
        begin = _shift(anchor, -n, unit)
        precision = begin.isoformat() if unit == "day" else _week(begin) if unit == "week" else begin.isoformat()[:7]
        return made(precision, begin, -1, event=f"the {what} begins (about {n} {unit}s before this report)")
    if kind == "ago":
        raw = m["n"].lower()
        n = int(raw) if raw.isdigit() else _NUM_WORDS.get(raw, 1)
        unit = m["unit"].lower().rstrip("s")
        sign = 1 if m["dir"].lower() in ("later", "from now") else -1
        if anchor is None:
            return made("", None, sign)
        day = _shift(anchor, sign * n, unit)
        date = day.isoformat() if unit == "day" else _week(day) if unit == "week" else (
            day.isoformat()[:7] if unit == "month" else str(day.year))
        return made(date, day, sign)
    if kind == "weekday":
        wd = WEEKDAYS.index(m["wd"])
        mod = (m["mod"] or "").lower()
        if mod in ("last", "past"):
            future, order = False, -1
        elif mod in ("next", "coming"):
            future, order = True, 1
        if anchor is None:
            return made("", None, order)
        delta = (wd - anchor.weekday()) % 7
        if future:
            day = anchor + dt.timedelta(days=delta if mod not in ("next",) or delta else 7)
            if mod == "next" and delta == 0:
                day = anchor + dt.timedelta(days=7)
        else:
            back = (anchor.weekday() - wd) % 7
            if mod in ("last", "past") and back == 0:
                back = 7
            day = anchor - dt.timedelta(days=back)
        return made(day.isoformat(), day, 0 if day == anchor else (1 if day > anchor else -1))
    if kind == "relday":
        w = m["w"].lower()
        off = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[w]
        if anchor is None:
            return made("", None, off)
        day = anchor + dt.timedelta(days=off)
        return made(day.isoformat(), day, off)
    if kind == "relspan":
        mod = m["mod"].lower()
        unit = m["unit"].lower()
        off = {"last": -1, "past": -1, "this": 0, "next": 1}[mod]
        if anchor is None:
            return made("", None, off if off else (-1 if (m["pre"] or "").lower() == "earlier" else 0))
        if unit == "week":
            day = anchor + dt.timedelta(days=7 * off)
            monday = day - dt.timedelta(days=day.weekday())
            return made(_week(day), monday, off)
        if unit == "month":
            y, mo = _month_shift(anchor.year, anchor.month, off)
            return made(f"{y}-{mo:02d}", dt.date(y, mo, 1), off)
        return made(str(anchor.year + off), dt.date(anchor.year + off, 1, 1), off)
    return None


def _shift(anchor: dt.date, n: int, unit: str) -> dt.date:
    if unit == "day":
        return anchor + dt.timedelta(days=n)
    if unit == "week":
        return anchor + dt.timedelta(weeks=n)
    if unit == "month":
        y, mo = _month_shift(anchor.year, anchor.month, n)
        return _safe_date(y, mo, min(anchor.day, 28)) or dt.date(y, mo, 1)
    return _safe_date(anchor.year + n, anchor.month, min(anchor.day, 28)) or anchor


def _pick_year(anchor: dt.date, month: int, day: int, future: bool) -> dt.date | None:
    """A month and day without a year: the nearest such date on the side of the anchor the tense points to."""
    this = _safe_date(anchor.year, month, day)
    if this is None:
        return None
    if future:
        return this if this >= anchor - dt.timedelta(days=3) else _safe_date(anchor.year + 1, month, day)
    return this if this <= anchor + dt.timedelta(days=3) else _safe_date(anchor.year - 1, month, day)


_WEEKDAY_DATE = re.compile(rf"\b(?P<wd>{_DAY_RE}),?\s+(?:(?P<mon>{_MONTH_RE})\s+(?P<d>[0-3]?\d)|"
                           rf"(?P<d2>[0-3]?\d)\s+(?P<mon2>{_MONTH_RE}))\b")


def infer_publication(text: str) -> dt.date | None:
    """A publication date from the text alone, or None: never an invented year.

    The latest absolute date with a year that is not spoken of as future; else a weekday written with a month
    and day ("Sunday, March 13") whose weekday matches exactly one year the text names.
    """
    found: list[dt.date] = []
    for m in find_dates(text, None):
        if m.sort_key is not None and len(m.date) == 10 and m.order < 1:
            found.append(m.sort_key)
    if found:
        return max(found)
    years = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text)}
    best: list[dt.date] = []
    for wm in _WEEKDAY_DATE.finditer(text):
        month = _MON[(wm["mon"] or wm["mon2"]).rstrip(".").lower()]
        dnum = int(wm["d"] or wm["d2"])
        wd = WEEKDAYS.index(wm["wd"])
        fits = [d for y in sorted(years) for d in [_safe_date(y, month, dnum)] if d and d.weekday() == wd]
        if len(fits) == 1:
            best.append(fits[0])
    return max(best) if best else None
