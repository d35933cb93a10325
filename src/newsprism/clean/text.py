"""Plain-text junk classifier: tells body, title, sub-heading and junk lines apart, with a junk category.

Trafilatura returns nothing on scraped plain text, so this works on lines alone, with general signals:
position (head, body core, tail), length and sentence shape, capitalisation, call-to-action wording
(``patterns``), credits and caption shape, author bios at the end, blocks of short widget lines, and lines the
corpus repeats on many pages. Like jusText, short lines are judged by their neighbours: inside the body core they
are kept (sub-headings, one-line quotes, list items) unless they touch a widget line and lead to no prose; at the
head and tail they are page furniture, except a standfirst just above the body and closing steps below it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from newsprism.clean import patterns as P

BODY, HEADING, TITLE, JUNK = "body", "heading", "title", "junk"
_CTA = frozenset({"donation", "newsletter", "promo"})

_TITLE_PREFIX = re.compile(r"^\s*(?:title|headline|titel|titre|título)\s*:\s*", re.IGNORECASE)
_CREDIT_TAIL = re.compile(r"(?:\((?:photo:?\s*|foto:?\s*)?[A-Z][^()]{1,50}/[^()]{1,50}\)|"
                          r"\((?:photo|foto|image|bild|credit)s?\s*:[^()]{1,60}\)|"
                          r"(?:photo(?:graph)?|foto|image|imagen|bild(?:quelle)?)\s*:\s*(?:[^.]|\.(?=\S)){1,60}|"
                          r"©\s*(?:[^.]|\.(?=\S)){1,90})\s*$", re.IGNORECASE)  # a dot inside "x.com" or "2.0"
_CJK = re.compile("[\u3000-\u9fff\uac00-\ud7af]")
# Runs of two or more spaces, or one odd space: a lone " " already reads as itself, and matching every single space
# of a paragraph would cost a match and a copy per word.
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_MIN_SPACING = 0.08  # spaces per character below which a long line is not prose
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
_DIGIT_RUNS = re.compile(r"\d+")
_SYMBOL_START = re.compile(r"^\W")
# Menus, buttons and footers repeat on every page of a site (43% of the lines of 25 words or fewer of 990 pages of
# distinct sites are repeats): a short line's key, shape and cue category are computed once per process. Each is a
# pure function of the line's text; the caches are bounded, and long lines (rarely repeated) bypass them.
_CACHED_CHARS = 120
_CACHE_LINES = 1 << 15


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line: its normalised text and where it sits in the raw text."""

    text: str
    start: int
    end: int
    block: int


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: str  # body | heading | title | junk
    category: str | None = None


# Full-width punctuation of Chinese, Japanese and Korean prose, which NFKC would turn into ASCII ("，" into ","),
# rewriting a quotation that a reader checks against the page.
_CJK_PUNCT = re.compile("([\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f])")


def _nfkc(text: str) -> str:
    if _CJK_PUNCT.search(text) is None:
        return unicodedata.normalize("NFKC", text)
    return "".join(part if k % 2 else unicodedata.normalize("NFKC", part)
                   for k, part in enumerate(_CJK_PUNCT.split(text)))


def normalize_line(text: str) -> str:
    """NFKC (but for the full-width punctuation of CJK prose), non-breaking and odd spaces to one space, invisible
    characters dropped."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFKC", text):
            text = _nfkc(text)
        for ch in _INVISIBLE:  # str.replace where present: a translate table is far slower
            if ch in text:
                text = text.replace(ch, "")
    elif "  " not in text and "\t" not in text:
        return text.strip()
    return _SPACES.sub(" ", text).strip()


_NON_LETTERS = re.compile(r"[\W\d_]{2,}|[^\w ]|[\d_]")  # runs of non-letters; a lone space stays as it is


def line_key(text: str) -> str:
    """A key for comparing lines across documents (case, punctuation and digits ignored)."""
    return _cached_line_key(text) if len(text) <= _CACHED_CHARS else _line_key_of(text)


def _line_key_of(text: str) -> str:
    return _NON_LETTERS.sub(" ", text.lower()).strip()


_cached_line_key = lru_cache(maxsize=_CACHE_LINES)(_line_key_of)


def split_lines(raw: str) -> list[Line]:
    """Non-blank lines with their offsets into ``raw``; a blank line starts a new block."""
    out: list[Line] = []
    block = 0
    pos = 0
    for part in raw.splitlines(keepends=True):
        body = part.rstrip("\r\n")
        text = normalize_line(body)
        if text:
            out.append(Line(text, pos, pos + len(body), block))
        else:
            block += 1
        pos += len(part)
    return out


@dataclass(frozen=True, slots=True)
class _Shape:
    text: str
    words: int
    chars: int
    terminal: bool
    lower: float
    cjk: bool
    tokens: tuple[str, ...] = ()  # the words themselves
    # read by the learned model only, computed here so that a repeated line's are cached with its shape
    stops: int = 0  # function words among the tokens
    digit_runs: int = 0  # runs of digits, at most 10
    symbol_start: bool = False
    pipes: int = 0  # at most 5

    @property
    def verb(self) -> bool:
        """A cheap guess that the line has a verb (asked only of the few lines around the title)."""
        return bool(P.VERBISH.search(self.text))

    @property
    def good(self) -> bool:
        """Reads as a paragraph of prose."""
        if self.cjk:
            return self.chars >= 40 and self.terminal
        if self.lower < 0.3 or not (self.chars >= 150 or (self.chars >= 80 and self.terminal)):
            return False
        # prose has a space every six or seven characters; minified script, URL lists and glued menu labels do not
        return self.text.count(" ") >= self.chars * _MIN_SPACING

    @property
    def sentence(self) -> bool:
        return self.terminal and (self.words >= 6 or (self.cjk and self.chars >= 15))


def clear_line_caches() -> None:
    """Empty the per-process caches of short lines (a benchmark times a cold corpus with them empty)."""
    for cached in (_cached_line_key, _cached_shape, _cached_category):
        cached.cache_clear()


def _shape(text: str) -> _Shape:
    return _cached_shape(text) if len(text) <= _CACHED_CHARS else _shape_of(text)


def _shape_of(text: str) -> _Shape:
    words = P.WORD.findall(text)
    lower = sum(1 for w in words if w[0].islower()) / len(words) if words else 0.0
    cjk = not text.isascii() and len(_CJK.findall(text)) > len(text) * 0.3
    return _Shape(text, len(words), len(text), bool(P.TERMINAL.search(text)), lower, cjk, tuple(words),
                  sum(1 for w in words if w.lower() in P.STOP_WORDS), min(len(_DIGIT_RUNS.findall(text)), 10),
                  bool(_SYMBOL_START.match(text)), min(text.count("|"), 5))


_cached_shape = lru_cache(maxsize=_CACHE_LINES)(_shape_of)


def _category(text: str, shape: _Shape, *, edge: bool, short: int = 25) -> str | None:
    """The cue category of a line (``shape``: its ``_shape``), None where no cue marks it."""
    if shape.chars <= _CACHED_CHARS:
        # a line within ``short`` words reads the same at the page's edge as in its middle: one cache entry
        return _cached_category(text, edge and shape.words > short, short)
    return _category_of(text, shape, edge=edge, short=short)


@lru_cache(maxsize=_CACHE_LINES)
def _cached_category(text: str, edge: bool, short: int) -> str | None:
    return _category_of(text, _shape(text), edge=edge, short=short)


def _category_of(text: str, shape: _Shape, *, edge: bool, short: int = 25) -> str | None:
    text = text.strip("| ")  # table cells rendered with pipes
    hint = P.maybe_junk(text)  # asked once here, not again by every cue function below
    if not hint and not edge:
        if shape.words <= short and shape.chars <= 300 and (
                P.BYLINE.match(text) or (shape.words <= 14 and P.DATE_LINE.match(text))):
            return "byline"
        return None
    low = P.lowered(text) if hint else ""
    if edge and short < shape.words <= 40 and (P.CTA_START.match(text) or
                                                P.appeal_score(text, hint=hint, low=low) >= 2):
        short = 40  # a call to action near the end of the page may run to a few sentences
    if shape.words <= short and shape.chars <= 300:
        if P.BYLINE.match(text) or (shape.words <= 14 and P.DATE_LINE.match(text)):
            return "byline"
        return P.short_category(text, hint=hint, low=low or None)
    cat = P.strong_category(text, hint=hint, low=low)
    if cat and (cat != "byline" or shape.words <= 14):
        return cat
    if edge and P.appeal_score(text, hint=hint, low=low) >= 3:
        for category, rx in P.SHORT:
            if category in ("donation", "newsletter", "promo") and rx.search(text):
                return category
    return None


def titleish(shape: _Shape, text: str) -> bool:
    """Reads as a headline: a few words, not ended like a sentence."""
    return 2 <= shape.words <= 30 and shape.chars <= 250 and not text.endswith((".", ",", ";", ":"))


def _core(shapes: Sequence[_Shape], cats: Sequence[str | None], max_gap: int) -> tuple[int, int] | None:
    """The span of the article body: the run of prose lines with the most text, joined with near runs.

    A run's text counts by how densely it is packed with prose (``_packed``): the body is paragraph after
    paragraph, while teaser lists and comment threads are prose lines each wrapped in short labels (kicker,
    headline, author, date, "Reply"), and must not outweigh a shorter article. Table cells (short lines with
    numbers) do not count as a gap: a table inside the body does not split it."""
    good = [i for i, s in enumerate(shapes) if s.good and not cats[i]]
    if not good:
        good = [i for i, s in enumerate(shapes) if s.sentence and not cats[i]]
    if not good:
        return None
    cells = [s.words <= 3 and any(c.isdigit() for c in s.text) for s in shapes]

    def gap(a: int, b: int) -> int:
        """Lines strictly between a and b, table cells left out."""
        return sum(1 for j in range(a + 1, b) if not cells[j])

    runs: list[list[int]] = [[good[0]]]
    for i in good[1:]:
        bad = sum(1 for j in range(runs[-1][-1] + 1, i) if cats[j])
        if gap(runs[-1][-1], i) > max_gap or bad > max_gap // 2:
            runs.append([i])
        else:
            runs[-1].append(i)
    packed = _packed(good, len(shapes))
    weight = [sum(shapes[i].chars * packed[i] for i in run) for run in runs]
    best = max(range(len(runs)), key=weight.__getitem__)
    lo, hi = best, best
    while lo > 0 and weight[lo - 1] >= 0.3 * weight[best] and gap(runs[lo - 1][-1], runs[lo][0]) < 3 * max_gap:
        lo -= 1
    while (hi < len(runs) - 1 and weight[hi + 1] >= 0.3 * weight[best]
           and gap(runs[hi][-1], runs[hi + 1][0]) < 3 * max_gap):
        hi += 1
    return runs[lo][0], runs[hi][-1]


_PACK_REACH = 2  # lines looked at on each side of a prose line


def _packed(good: Sequence[int], n: int) -> dict[int, float]:
    """For each prose line, the share of prose lines in the window of lines around it (itself included)."""
    flags = [False] * n
    for i in good:
        flags[i] = True
    width = 2 * _PACK_REACH + 1
    return {i: sum(flags[max(0, i - _PACK_REACH):i + _PACK_REACH + 1]) / width for i in good}


@dataclass(frozen=True, slots=True)
class RulePass:
    """What the rules saw on a page: each line's shape, cue category and verdict, the body span and the title.

    The learned cleaner (``clean.learned``) reads these as features, so the rules inform it without deciding."""

    shapes: tuple[_Shape, ...]
    cats: tuple[str | None, ...]
    verdicts: tuple[Verdict, ...]
    span: tuple[int, int] | None
    title: str | None
    repeated: tuple[bool, ...]
    settled: tuple[str | None, ...] = ()  # junk its neighbours settle (``_settled``): no judge keeps these lines


def classify_lines(lines: Sequence[Line], *, title: str | None = None, repeated: Collection[str] = (),
                   extracted: bool = False) -> tuple[list[Verdict], str | None]:
    """A verdict for every line and the title found.

    ``title`` is a known title (from metadata); ``repeated`` holds ``line_key``s the corpus repeats on many pages;
    ``extracted`` says the text is already a main-content extraction (trafilatura's), so only clear junk goes.
    """
    rp = rule_pass(lines, title=title, repeated=repeated, extracted=extracted)
    return list(rp.verdicts), rp.title


def rule_pass(lines: Sequence[Line], *, title: str | None = None, repeated: Collection[str] = (),
              extracted: bool = False) -> RulePass:
    """The rule-based classification of ``lines`` with what it found on the way (see ``classify_lines``)."""
    n = len(lines)
    texts = [ln.text for ln in lines]
    shapes = [_shape(t) for t in texts]
    edge = max(3, n * 2 // 5)  # appeals to the reader sit at the head or in the last 40% of a page
    short = 12 if extracted else 25
    cats: list[str | None] = [_category(t, s, edge=i < 3 or i >= n - edge, short=short)
                              for i, (t, s) in enumerate(zip(texts, shapes, strict=True))]
    rep = [False] * n
    for i, t in enumerate(texts):
        if repeated and shapes[i].words <= 30 and line_key(t) in repeated:
            rep[i] = True
            cats[i] = cats[i] or "page-chrome"
        if cats[i] is None and i >= n - 3 and _is_bio(texts, i):
            cats[i] = "author-bio"
    _credits(texts, shapes, cats)
    _blocks(lines, shapes, cats)
    _trailing_lists(shapes, cats)
    verdicts: list[Verdict | None] = [None] * n

    found_title = _mark_title(texts, shapes, cats, verdicts, title)
    span = _core(shapes, cats, max_gap=4 if extracted else 8)
    if span is None and extracted and all(s.words <= 4 for s in shapes):
        # an extraction with no sentence at all is page furniture (menus, buttons), not an article
        return RulePass(tuple(shapes), tuple(cats), tuple(verdicts[i] or Verdict(JUNK, cats[i] or "navigation")
                                                          for i in range(n)), None, found_title, tuple(rep))
    lo, hi = span if span else (0, n - 1)
    if extracted:
        lo, hi = _extracted_span(shapes, cats, lo, hi)
    t_idx = next((i for i, v in enumerate(verdicts) if v and v.kind == TITLE), -1)
    for i in range(n):
        if verdicts[i] is not None:
            continue
        if cats[i]:
            verdicts[i] = Verdict(JUNK, cats[i])
        elif lo <= i <= hi or extracted:
            stray = None if extracted else _stray_label(shapes, cats, i)
            if stray:
                verdicts[i] = Verdict(JUNK, stray)
            else:
                verdicts[i] = Verdict(HEADING if titleish(shapes[i], texts[i]) and not shapes[i].terminal else BODY)
        elif i < lo:
            verdicts[i] = _head_line(texts, shapes, i, t_idx, lo)
        else:
            verdicts[i] = _tail_line(texts, shapes, cats, verdicts, i, hi)
    return RulePass(tuple(shapes), tuple(cats), tuple(v or Verdict(BODY) for v in verdicts), span, found_title,
                    tuple(rep), _settled(texts, shapes, cats))


def _stray_label(shapes: Sequence[_Shape], cats: Sequence[str | None], i: int) -> str | None:
    """Inside the body, a short unpunctuated line that touches a widget line and introduces no prose is part of
    that widget (a teaser headline, a button, a link list's label), not a sub-heading: a sub-heading is followed
    by the paragraph it announces, past any picture or ad lines. Returns the widget's category, else None."""
    s = shapes[i]
    if s.terminal or s.words > 11 or s.good:
        return None
    near = [c for c in (cats[i - 1] if i > 0 else None, cats[i + 1] if i + 1 < len(cats) else None) if c]
    if not near:
        return None
    j = i + 1
    while j < len(shapes) and cats[j]:
        j += 1
    if j < len(shapes) and (shapes[j].sentence or shapes[j].good):
        return None
    return near[-1]


_APPEALS = frozenset({"donation", "newsletter", "promo"})


def _settled(texts: Sequence[str], shapes: Sequence[_Shape], cats: Sequence[str | None]) -> tuple[str | None, ...]:
    """Junk that the lines around it settle, whatever any judge thinks of the line alone: a caption directly above
    its credit line ("Firefighters at the gates on Wednesday." over "(Gazette/Ivo Brenner)"), which the training
    pages' gold rarely labels (5 of 351), so the learned model keeps one written as a sentence; and a longer line
    between two lines of an appeal with an appeal's wording of its own ("... Help us keep doing it for as little as
    $2 a month." under "The Gazette is your paper."), wherever on the page the appeal sits; and a line of the
    page's own script (``patterns.is_script``), which no reader's text holds."""
    n = len(texts)
    out: list[str | None] = [None] * n
    for i in range(n):
        if P.is_script(texts[i]):
            out[i] = "scraper-artifact"  # the page's own code, saved as text by the scraper
        elif cats[i] == "caption" and i + 1 < n and cats[i + 1] == "credit":
            out[i] = "caption"
        elif (cats[i] is None and 0 < i < n - 1 and cats[i - 1] in _APPEALS and cats[i + 1] in _APPEALS
              and shapes[i].words <= 40):
            out[i] = _category_of(texts[i], shapes[i], edge=True)
    return tuple(out)


def _is_bio(texts: Sequence[str], i: int) -> bool:
    if P.AUTHOR_BIO.match(texts[i]):
        return True
    return i > 0 and bool(P.BIO_FOLLOW.match(texts[i])) and bool(P.AUTHOR_BIO.match(texts[i - 1]))


def _credits(texts: Sequence[str], shapes: Sequence[_Shape], cats: list[str | None]) -> None:
    """Credit lines, lines ending in a credit, and the short descriptive lines just before them are captions."""
    for i, t in enumerate(texts):
        anchor = cats[i] == "credit"
        if not anchor and cats[i] is None and shapes[i].words <= 60 and _may_credit(t) and _CREDIT_TAIL.search(t):
            cats[i] = "caption"
            anchor = True
        if not anchor:
            continue
        for j in (i - 1, i - 2):
            if j < 0 or cats[j] not in (None, "caption") or shapes[j].words > 20 or shapes[j].good:
                break
            cats[j] = "caption"


def _may_credit(text: str) -> bool:
    """Every ``_CREDIT_TAIL`` match holds a bracket, a copyright sign or a picture word: most lines have none."""
    if "(" in text or "©" in text:
        return True
    low = P.lowered(text)
    return "photo" in low or "foto" in low or "image" in low or "bild" in low


def _trailing_lists(shapes: Sequence[_Shape], cats: list[str | None]) -> None:
    """Below a "Read more" / "More on this" label in the last part of a page, a list of short unpunctuated lines
    running to the end is a list of links to other articles."""
    n = len(shapes)
    for i in range(max(0, n - n * 2 // 5 - 1), n - 1):
        if cats[i] not in ("related-link", "promo", "newsletter"):
            continue
        rest = range(i + 1, n)
        if len(rest) <= 15 and all(cats[j] or (shapes[j].words <= 16 and not shapes[j].sentence) for j in rest):
            for j in rest:
                cats[j] = cats[j] or "related-link"
            return


def _blocks(lines: Sequence[Line], shapes: Sequence[_Shape], cats: list[str | None]) -> None:
    """A short block of widget lines shares one category, and a short heading right above a junk block joins it."""
    groups: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        groups.setdefault(ln.block, []).append(i)
    blocks = list(groups.values())
    for idx in blocks:
        if not 2 <= len(idx) <= 5 or any(shapes[i].words > 25 for i in idx):
            continue
        first = next((cats[i] for i in idx if cats[i] and cats[i] != "byline"), None)
        if first and sum(1 for i in idx if cats[i]) * 2 >= len(idx):
            for i in idx:
                if cats[i] is None or (cats[i] in _CTA and first in _CTA):
                    cats[i] = first
    for k in range(len(blocks) - 1):
        idx, nxt = blocks[k], blocks[k + 1]
        if (len(idx) == 1 and cats[idx[0]] is None and shapes[idx[0]].words <= 8 and not shapes[idx[0]].terminal
                and len(nxt) >= 2 and all(cats[i] for i in nxt) and cats[nxt[0]] not in ("caption", "credit")):
            cats[idx[0]] = cats[nxt[0]]


def _mark_title(texts: Sequence[str], shapes: Sequence[_Shape], cats: Sequence[str | None],
                verdicts: list[Verdict | None], title: str | None) -> str | None:
    """Find the title (a "Title:" line, the known title, or the headline above the body) and its duplicates."""
    key = line_key(title) if title else ""
    t_idx = -1
    for i, t in enumerate(texts[:12]):
        if _TITLE_PREFIX.match(t) and len(t) > 10:
            t_idx = i
            title = _TITLE_PREFIX.sub("", t)
            break
    if t_idx < 0 and key:
        t_idx = next((i for i, t in enumerate(texts[:15]) if line_key(t) == key), -1)
    if t_idx < 0 and not title:
        for i, t in enumerate(texts[:8]):
            if cats[i]:
                continue
            s = shapes[i]
            if titleish(s, t) and s.words >= 3 and not t.endswith((".", "…")):
                nxt = i + 1
                while nxt < len(texts) and cats[nxt]:
                    nxt += 1
                if nxt < len(texts) and not (shapes[nxt].words <= 3 and not shapes[nxt].terminal):
                    t_idx, title = i, t
                break
            if s.good or s.sentence:
                break
    if t_idx >= 0:
        verdicts[t_idx] = Verdict(TITLE)
    if title:
        key = line_key(_TITLE_PREFIX.sub("", title))
        size = len(title)
        for i, t in enumerate(texts):
            if i != t_idx and key and abs(len(t) - size) <= 12 and line_key(_TITLE_PREFIX.sub("", t)) == key:
                verdicts[i] = Verdict(JUNK, "duplicate-title")
    return title


def _extracted_span(shapes: Sequence[_Shape], cats: Sequence[str | None], lo: int, hi: int) -> tuple[int, int]:
    """On an extraction, keep everything between the first and last line that reads as text, not as a label."""
    first = next((i for i, s in enumerate(shapes) if not cats[i] and (s.sentence or s.words >= 8)), lo)
    last = next((i for i in range(len(shapes) - 1, -1, -1)
                 if not cats[i] and (shapes[i].sentence or shapes[i].words >= 8)), hi)
    return min(first, lo), max(last, hi)


def _head_line(texts: Sequence[str], shapes: Sequence[_Shape], i: int, t_idx: int, lo: int) -> Verdict:
    s = shapes[i]
    if t_idx >= 0 and i > t_idx:
        if s.words <= 15 and not s.verb:
            return Verdict(JUNK, "caption")
        if s.sentence or s.words >= 8:
            return Verdict(BODY)  # a standfirst between the title and the body
    if i >= lo - 2 and s.sentence:
        return Verdict(BODY)
    if i >= lo - 5 and s.words >= 8 and not any(c.isdigit() for c in texts[i]):
        return Verdict(BODY)  # a standfirst just above the body: menus are short, dates and counters have figures
    if s.good:
        if P.AUTHOR_BIO.match(texts[i]):
            return Verdict(JUNK, "author-bio")  # an author box above the article
        return Verdict(BODY)  # a paragraph of prose above the core (a lead, the body's first part) is not a menu
    if t_idx >= 0 and i == t_idx - 1 and s.words <= 3 and texts[i][:1].isupper():
        return Verdict(JUNK, "section-label")
    if texts[i] == texts[i].lower():
        return Verdict(JUNK, "page-chrome")
    return Verdict(JUNK, "navigation")


# Junk that sits between the paragraphs of an article (a picture's caption, credit and gallery buttons, an ad
# label), as opposed to the headings that end it (related links, comments, newsletter boxes).
_INTERLEAVED = frozenset({"caption", "credit", "page-chrome", "advertisement", "scraper-artifact"})
_INTERLEAVED_REACH = 3


def _tail_line(texts: Sequence[str], shapes: Sequence[_Shape], cats: Sequence[str | None],
               verdicts: Sequence[Verdict | None], i: int, hi: int) -> Verdict:
    s = shapes[i]
    j = i - 1
    while j > hi and i - j <= _INTERLEAVED_REACH and cats[j] in _INTERLEAVED:
        j -= 1  # a picture's widget lines between two steps of the article do not end it
    prev = verdicts[j] if j >= 0 else None
    if (s.sentence and s.words >= 5 and not cats[i] and (j == hi or (prev is not None and prev.kind == BODY))):
        return Verdict(BODY)  # a closing line of the article
    if s.words >= 4 and not s.terminal:
        return Verdict(JUNK, "related-link")
    return Verdict(JUNK, "navigation")


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The kept body, every removed piece (text, category, start, end into the raw text) and the title found."""

    text: str
    removed: tuple[tuple[str, str, int, int], ...]
    title: str | None
    lines: tuple[Line, ...]
    verdicts: tuple[Verdict, ...]


class LineJudge(Protocol):
    """Decides each line of a page from what the rules saw (``clean.learned.LineModel`` is one)."""

    def verdicts(self, lines: Sequence[Line], rp: RulePass) -> list[Verdict]: ...


def clean_text(raw: str, *, title: str | None = None, repeated: Collection[str] = (),
               extracted: bool = False, judge: LineJudge | None = None) -> Cleaned:
    """Classify the lines of ``raw`` and split them into the body and the removed pieces.

    With a ``judge`` (the learned model), the rules' findings are its features and it decides; on an extraction
    (``extracted``) the rules alone decide, as trafilatura has already cut the page."""
    lines = split_lines(raw)
    rp = rule_pass(lines, title=title, repeated=repeated, extracted=extracted)
    verdicts = judge.verdicts(lines, rp) if judge is not None and not extracted and lines else list(rp.verdicts)
    if any(rp.settled):
        verdicts = [Verdict(JUNK, s) if s and v.kind != TITLE else v for v, s in zip(verdicts, rp.settled, strict=True)]
    found = rp.title
    kept: list[str] = []
    removed: list[tuple[str, str, int, int]] = []
    last_block = -1
    for ln, v in zip(lines, verdicts, strict=True):
        if v.kind == JUNK:
            removed.append((ln.text, v.category or "page-chrome", ln.start, ln.end))
        elif v.kind in (BODY, HEADING):
            if kept:
                kept.append("\n\n" if ln.block != last_block else "\n")
            kept.append(ln.text)
            last_block = ln.block
    return Cleaned("".join(kept), tuple(removed), found, tuple(lines), tuple(verdicts))
