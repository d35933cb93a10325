"""Quotes with speakers: direct (quotation marks), indirect (reported speech) and mixed, over one spaCy Doc.

Quotation marks give the words; the parse frames from cues.py give the speaker and cue. A quote with no cue of
its own continues the last speaker (the next paragraph of a long quote, or after a removed photo caption).
Speakers are resolved to the corpus entity (pronouns to the last salient person, "they" to the last group, role
nouns such as "the minister" to the person last given that role, "the newspaper" to the last outlet).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsprism.extract.cues import Frame, find_frames
from newsprism.extract.docindex import Intervals, Sentences
from newsprism.extract.entities import EntityIndex
from newsprism.extract.speakers import resolve_speakers
from newsprism.records import Quote, stable_id

OPEN = "“«„"
CLOSE = "”»"
_PARA = re.compile(r"\n\s*\n|\n")
_MIN_ORPHAN_WORDS = 6


@dataclass(slots=True)
class Attribution:
    """A resolved attribution (mutable while it is assembled; Quote records are built from it)."""

    spans: list[tuple[int, int]]
    cue: tuple[int, int] | None
    cue_word: str | None
    source: tuple[int, int] | None
    kind: str
    direct: bool = False
    speaker: str | None = None
    speaker_entity_id: str | None = None
    speaker_kind: str | None = None  # person | outlet | org | place | group
    anonymous: bool = False
    via: str | None = None
    frame: Frame | None = None
    quotes: list[tuple[int, int]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min(s for s, _ in self.spans)

    @property
    def end(self) -> int:
        return max(e for _, e in self.spans)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The insides of quotation marks: curly, guillemets and straight; a quote left open at a paragraph's end
    runs on when the next paragraph opens with a mark (the convention for quotes over several paragraphs)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    text = _doubled_marks(text)
    n = len(text)
    for i, ch in enumerate(text):
        if ch in OPEN or (ch == '"' and _opens(text, i)):
            if (start is not None and i - start > 0 and ch != '"') or (start is not None and ch == '"'):
                spans.append((start, i))  # a new opening closes a quote that was left open
            start = i + 1
        elif ch in CLOSE or ch == '"':
            if start is not None:
                spans.append((start, i))
                start = None
        elif ch == "\n" and start is not None:
            nxt = text[i + 1:i + 4].lstrip()
            if not (nxt[:1] in OPEN or nxt[:1] == '"'):
                spans.append((start, i))  # unclosed at the paragraph's end and not continued
                start = None
    if start is not None and n - start > 0:
        spans.append((start, n))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= 2:
            out.append((s, e))
    return _join_runons(text, out)


_DOUBLED = re.compile(r"(?<!')''(?!')|(?<=')''(?=\W|$)")


def _doubled_marks(text: str) -> str:
    """Newswire archives write quotation marks as two apostrophes (''Follow us,'' she said): read each pair as
    one straight mark (the first apostrophe becomes a space, so offsets stay those of the text)."""
    return _DOUBLED.sub(' "', text) if "''" in text else text


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


def _join_runons(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quote continued in the next paragraph (open mark, no close at the paragraph's end) is one quote."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            gap = text[pe:s]
            if "\n" in gap and gap.strip(" \n" + OPEN + '"') == "" and text[pe:pe + 1] not in CLOSE + '"':
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def paragraph_of(text: str) -> Callable[[int], int]:
    """A function from a character offset to its paragraph number."""
    breaks = [m.end() for m in _PARA.finditer(text)]

    def para(offset: int) -> int:
        lo, hi = 0, len(breaks)
        while lo < hi:
            mid = (lo + hi) // 2
            if breaks[mid] <= offset:
                lo = mid + 1
            else:
                hi = mid
        return lo

    return para


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def find_attributions(doc: Any, *, article_id: str, index: EntityIndex | None, outlets: Any,
                      beliefs: bool = False, title: str | None = None,
                      institutions: bool = True) -> list[Attribution]:
    """Every attribution in one parsed article, with speakers resolved, in text order.

    ``beliefs=True`` also finds beliefs, stances, endorsements and findings ("believes", "praised X for",
    "his claim that ...", "called X a Y", negated ones too), as PolNeAR and PARC annotate them; the benchmark uses
    it. The product keeps the default (speech only): a reader's quote list holds what people said, and stances
    reach the report as claims, not as quotes.

    ``institutions=False`` leaves out reported speech of a country, capital or non-media organisation that
    carries no quoted words ("Beijing has said that ..."): for a reader those are stances, kept as claims, not
    quotes. A headline repeated at the top of the text is skipped (the body says the same with more context).
    """
    text = doc.text
    marks = quote_spans(text)
    frames = find_frames(doc, beliefs=beliefs, quoted=marks)
    para = paragraph_of(text)
    sents = Sentences(doc)  # once per Doc: Token.sent costs the sentence's length on every call
    items = [Attribution(spans=list(f.content), cue=f.cue, cue_word=f.cue_lemma, source=f.source, kind=f.kind,
                         frame=f) for f in frames]
    orphans: list[tuple[int, int]] = []
    contents = Intervals([s for a in items for s in a.spans], [k for k, a in enumerate(items) for _ in a.spans])
    for q in marks:
        near = contents.overlapping(*q) if q[1] > q[0] else range(len(items))  # an empty span overlaps all
        host = next((items[k] for k in near
                     if any(_overlap(q, s) >= 0.5 * (q[1] - q[0]) for s in items[k].spans)), None)
        if host is None and _words(text[q[0]:q[1]]) >= 4:
            host = _nearest_frame(doc, text, q, items, sents)
        if host is not None:
            host.quotes.append(q)
        else:
            orphans.append(q)
    for a in items:
        _settle_content(a, text)
    items = _dedupe([a for a in items if a.spans and not _anonymity_request(text, a)])
    items.sort(key=lambda a: a.start)
    resolve_speakers(doc, items, article_id=article_id, index=index, outlets=outlets)
    items = _continue_quotes(text, items, orphans, para)
    if not institutions:
        items = [a for a in items if a.speaker_kind != "place" and (a.direct or a.speaker_kind != "org")]
    if title:
        key = re.sub(r"\W+", " ", title).strip().lower()
        items = [a for a in items if re.sub(r"\W+", " ", _paragraph_text(text, a.start)).strip().lower() != key]
    return sorted(items, key=lambda a: a.start)


_NOT_NAMED = re.compile(r"^(?:not\s+)?(?:to\s+)?(?:not\s+)?be\s+(?:named|identified|quoted|quoted by name)\W*$", re.I)


def _anonymity_request(text: str, a: Attribution) -> bool:
    """"who asked not to be named": the terms of the source, not something they said."""
    return not a.quotes and all(_NOT_NAMED.match(text[s:e].strip()) for s, e in a.spans)


def _paragraph_text(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start:end if end >= 0 else len(text)]


def _dedupe(items: list[Attribution]) -> list[Attribution]:
    """Two frames over the same words ("quoted officials stating that ...") are one attribution."""
    out: dict[tuple[tuple[int, int], ...], Attribution] = {}  # by spans: a scan of ``out`` per item was quadratic
    for a in items:
        out.setdefault(tuple(sorted(a.spans)), a)
    return list(out.values())


def _nearest_frame(doc: Any, text: str, q: tuple[int, int], items: list[Attribution],
                   sents: Sentences) -> Attribution | None:
    """The frame whose cue sits in the sentence(s) around the quote, outside any quote, closest to it."""
    lo = doc.char_span(q[0], q[1], alignment_mode="expand")
    if lo is None or len(lo) == 0:
        return None
    s_start = sents.of_token(lo.start)[0]
    s_end = sents.of_token(lo.end - 1)[1]
    # ", he said." right after a closing mark may be parsed into the next sentence
    nxt = lo.end + 1
    if nxt < len(doc) and (after := sents.of_token(nxt))[0] >= s_end and text[q[1]:q[1] + 3].strip(" ”\"")[:1] in {
            ",", ""}:
        s_end = after[1]
    best: tuple[int, Attribution] | None = None
    for a in items:
        if a.cue is None or not (s_start <= a.cue[0] < s_end):
            continue
        if a.spans and not a.quotes and a.kind != "according_to" and all(_overlap(s, q) == 0 for s in a.spans) and (
                a.frame is not None and a.frame.kind == "speech" and _far(a, q, text)):
            continue
        dist = min(abs(a.cue[0] - q[1]), abs(q[0] - a.cue[1]))
        if best is None or dist < best[0]:
            best = (dist, a)
    return best[1] if best else None


def _far(a: Attribution, q: tuple[int, int], text: str = "") -> bool:
    """A frame that already has its own content takes another quote only when the quote abuts its content or
    its cue ("“As far as I know,” she remarked, “...”")."""
    if any(min(abs(s - q[1]), abs(q[0] - e)) <= 3 for s, e in a.spans):
        return False
    if a.cue is None or not text:
        return True
    gap = text[q[1]:a.cue[0]] if q[1] <= a.cue[0] else text[a.cue[1]:q[0]]
    return bool(re.search(r"[.!?;]", gap.strip(" ”\"'"))) or _words(gap) > 8


def _settle_content(a: Attribution, text: str) -> None:
    """Direct when the content is the quoted words; mixed (kept whole, flagged direct) when quoted words sit
    inside reported speech; indirect otherwise."""
    if not a.quotes:
        a.direct = False
        return
    inside = sum(_overlap(q, s) for q in a.quotes for s in a.spans)
    outside_words = _words(" ".join(text[s:e] for s, e in a.spans)) - _words(
        " ".join(text[q[0]:q[1]] for q in a.quotes if any(_overlap(q, s) for s in a.spans)))
    if not a.spans or inside == 0 or outside_words <= 2:
        a.spans = sorted(a.quotes)
    else:
        extra = [q for q in a.quotes if not any(_overlap(q, s) for s in a.spans)]
        a.spans = sorted(a.spans + extra)
        # mixed: direct when the speaker's own words are more than a single scare-quoted word
        a.direct = _words(" ".join(text[q[0]:q[1]] for q in a.quotes)) >= 2
        return
    a.direct = True


def _continue_quotes(text: str, items: list[Attribution], orphans: list[tuple[int, int]],
                     para: Callable[[int], int]) -> list[Attribution]:
    """Quotes with no cue: the next paragraph of the last speaker's quote, or the quote that precedes a cue."""
    for q in orphans:
        before = sorted((a for a in items if a.end <= q[0]), key=lambda a: a.end)
        after = sorted((a for a in items if a.start >= q[1]), key=lambda a: a.start)
        prev = before[-1] if before else None
        if prev is not None and not prev.quotes and prev.speaker_kind != "person":
            # "“It is garbage,” Cruz said about the article alleging that he had affairs. “It is a smear,”": an
            # article's reported words do not go on in quotes; the last person quoted in the paragraph does
            quoted = [a for a in before if a.quotes and a.speaker_kind == "person" and para(a.end) == para(q[0])]
            prev = quoted[-1] if quoted else prev
        if not _standalone(text, q):
            continue  # a scare quote inside a narrative sentence
        if prev is not None and prev.speaker and _close_by(text, prev.end, q[0], para) and not _someone_else(
                text, q, prev.speaker):
            prev.spans.append(q)  # the same speaker going on: one turn, one quote
            continue
        nxt = after[0] if after else None
        if nxt is not None and nxt.direct and para(nxt.start) == para(q[0]) and nxt.speaker:
            items.append(_follow(nxt, q))
            continue
        if not _standalone(text, q):
            continue
        if _words(text[q[0]:q[1]]) >= _MIN_ORPHAN_WORDS and re.search(r"[.!?,]\W*$", text[q[0]:q[1] + 1]):
            items.append(Attribution(spans=[q], cue=None, cue_word=None, source=None, kind="speech", direct=True,
                                     quotes=[q]))
    return items


_INTRO_START = re.compile(r"[.!?\n][\"\u201d\u2019]?\s+(?=\S)")
_TURN_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "his", "their"})


def _someone_else(text: str, q: tuple[int, int], speaker: str) -> bool:
    """A quote a colon introduces ("Okonkwo was quick to retort: ...") whose introduction names someone and neither
    the last speaker nor a pronoun: another person's turn, not the last speaker going on."""
    if text[max(0, q[0] - 3):q[0]].rstrip(" \"\u201c")[-1:] != ":":
        return False
    colon = text.rfind(":", 0, q[0])
    starts = list(_INTRO_START.finditer(text, max(0, colon - 200), colon))
    intro = text[starts[-1].end() if starts else max(0, colon - 200):colon]
    words = re.findall(r"[A-Za-z][\w'\u2019-]*", intro)
    if not words or any(w.lower() in _TURN_PRONOUNS for w in words):
        return False
    names = {w.lower() for w in re.findall(r"[A-Za-z][\w'\u2019-]*", speaker)}
    return any(w[:1].isupper() for w in words) and not any(w.lower() in names for w in words)


def _standalone(text: str, q: tuple[int, int]) -> bool:
    """A quote that is a sentence of its own: it opens a paragraph or follows the end of a sentence or a colon."""
    before = text[max(0, q[0] - 4):q[0] - 1].rstrip(" ")
    return (not before or before[-1] in ".!?:\n”\"" or q[0] <= 1) and _words(text[q[0]:q[1]]) >= 3


def _follow(prev: Attribution, q: tuple[int, int]) -> Attribution:
    return Attribution(spans=[q], cue=None, cue_word=prev.cue_word, source=None, kind=prev.kind, direct=True,
                       speaker=prev.speaker, speaker_entity_id=prev.speaker_entity_id,
                       speaker_kind=prev.speaker_kind, anonymous=prev.anonymous, via=None, quotes=[q])


def _close_by(text: str, end: int, start: int, para: Callable[[int], int]) -> bool:
    """Same paragraph, the next one, or the next after a short paragraph between (a caption left behind)."""
    gap = para(start) - para(end)
    if gap <= 1:
        return True
    between = text[end:start]
    return gap <= 3 and _words(between) <= 60 and not re.search(r"[“\"]", between)


_LEAD_THAT = re.compile(r"that\s+(?=\S)")


def _without_complementizer(text: str, spans: list[tuple[int, int]],
                            quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Reported speech keeps its "that" in the attribution (the clause as annotated), but a reader's quote
    starts at the words reported: "said that the plan failed" shows "the plan failed"."""
    if not spans or any(q[0] <= spans[0][0] < q[1] for q in quotes):
        return spans
    m = _LEAD_THAT.match(text, spans[0][0], spans[0][1])
    if m is None:
        return spans
    return [(m.end(), spans[0][1]), *spans[1:]]


def to_quotes(article_id: str, text: str, items: list[Attribution]) -> list[Quote]:
    """Quote records; a quote over several pieces keeps the pieces' words, joined by a space."""
    out: list[Quote] = []
    for a in items:
        spans = _without_complementizer(text, sorted(a.spans), a.quotes)
        words = " ".join(text[s:e].strip() for s, e in spans)
        start, end = spans[0][0], spans[-1][1]
        cue = text[a.cue[0]:a.cue[1]] if a.cue else a.cue_word
        out.append(Quote(id=stable_id(article_id, str(start), str(end), prefix="q"), article_id=article_id,
                         text=words, speaker=a.speaker, speaker_entity_id=a.speaker_entity_id,
                         anonymous=a.anonymous, direct=a.direct, cue=cue, via=a.via, start=start, end=end))
    return out
