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

from newsprism.extract.cues import MEDIA_NOUNS, Frame, find_frames
from newsprism.extract.entities import EntityIndex
from newsprism.extract.sources import is_anonymous_source, media_group
from newsprism.records import Quote, stable_id

OPEN = "“«„"
CLOSE = "”»"
_PARA = re.compile(r"\n\s*\n|\n")
ROLE_NOUNS = frozenset([
    "expert", "analyst", "minister", "spokesman", "spokeswoman", "spokesperson", "official", "president",
    "diplomat", "professor", "researcher", "economist", "senator", "governor", "ambassador", "chancellor",
    "secretary", "director", "general", "envoy", "lawmaker", "prosecutor", "lawyer", "attorney", "judge",
    "candidate", "leader", "chief", "adviser", "advisor", "scientist", "doctor", "commander", "mayor", "premier",
    "chairman", "chairwoman", "ceo", "executive", "founder", "author", "officer", "representative", "source"
])
OUTLET_ANAPHORS = frozenset({"newspaper", "paper", "daily", "agency", "broadcaster", "outlet", "network",
                             "channel", "magazine", "publication", "tabloid", "station", "website"})
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

    ``institutions=False`` leaves out reported speech of a country, capital or non-media organisation that
    carries no quoted words ("Beijing has said that ..."): for a reader those are stances, kept as claims, not
    quotes. A headline repeated at the top of the text is skipped (the body says the same with more context).
    """
    text = doc.text
    marks = quote_spans(text)
    frames = find_frames(doc, beliefs=beliefs, quoted=marks)
    para = paragraph_of(text)
    sent_of = {t.idx: t.sent.start_char for t in doc}
    items = [Attribution(spans=list(f.content), cue=f.cue, cue_word=f.cue_lemma, source=f.source, kind=f.kind,
                         frame=f) for f in frames]
    orphans: list[tuple[int, int]] = []
    for q in marks:
        host = next((a for a in items if any(_overlap(q, s) >= 0.5 * (q[1] - q[0]) for s in a.spans)), None)
        if host is None and _words(text[q[0]:q[1]]) >= 4:
            host = _nearest_frame(doc, q, items, sent_of)
        if host is not None:
            host.quotes.append(q)
        else:
            orphans.append(q)
    for a in items:
        _settle_content(a, text)
    items = _dedupe([a for a in items if a.spans])
    items.sort(key=lambda a: a.start)
    _resolve_speakers(doc, items, article_id=article_id, index=index, outlets=outlets)
    items = _continue_quotes(text, items, orphans, para)
    if not institutions:
        items = [a for a in items if a.speaker_kind != "place" and (a.direct or a.speaker_kind != "org")]
    if title:
        key = re.sub(r"\W+", " ", title).strip().lower()
        items = [a for a in items if re.sub(r"\W+", " ", _paragraph_text(text, a.start)).strip().lower() != key]
    return sorted(items, key=lambda a: a.start)


def _paragraph_text(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start:end if end >= 0 else len(text)]


def _dedupe(items: list[Attribution]) -> list[Attribution]:
    """Two frames over the same words ("quoted officials stating that ...") are one attribution."""
    out: list[Attribution] = []
    for a in items:
        twin = next((b for b in out if sorted(b.spans) == sorted(a.spans)), None)
        if twin is None:
            out.append(a)
    return out


def _nearest_frame(doc: Any, q: tuple[int, int], items: list[Attribution],
                   sent_of: dict[int, int]) -> Attribution | None:
    """The frame whose cue sits in the sentence(s) around the quote, outside any quote, closest to it."""
    lo = doc.char_span(q[0], q[1], alignment_mode="expand")
    if lo is None:
        return None
    s_start = lo[0].sent.start_char
    s_end = lo[-1].sent.end_char
    # ", he said." right after a closing mark may be parsed into the next sentence
    nxt = lo[-1].i + 2
    if nxt < len(doc) and doc[nxt].sent.start_char >= s_end and doc.text[q[1]:q[1] + 3].strip(" ”\"")[:1] in {",", ""}:
        s_end = doc[nxt].sent.end_char
    best: tuple[int, Attribution] | None = None
    for a in items:
        if a.cue is None or not (s_start <= a.cue[0] < s_end):
            continue
        if a.spans and not a.quotes and a.kind != "according_to" and all(_overlap(s, q) == 0 for s in a.spans) and (
                a.frame is not None and a.frame.kind == "speech" and _far(a, q, doc.text)):
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
        if not _standalone(text, q):
            continue  # a scare quote inside a narrative sentence
        if prev is not None and prev.speaker and _close_by(text, prev.end, q[0], para):
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


# -- speakers ---------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Salience:
    """What a pronoun or a role noun may point back to, in text order."""

    people: list[tuple[int, str, str | None, str]] = field(default_factory=list)  # (pos, name, id, context)
    groups: list[tuple[int, Attribution]] = field(default_factory=list)
    outlets: list[tuple[int, str]] = field(default_factory=list)

    def last_person(self, pos: int, role: str | None = None) -> tuple[str, str | None] | None:
        cands = [p for p in self.people if p[0] < pos]
        if role:
            with_role = [p for p in cands if role in p[3]]
            if with_role:
                return with_role[-1][1], with_role[-1][2]
        return (cands[-1][1], cands[-1][2]) if cands else None

    def last_group(self, pos: int) -> Attribution | None:
        cands = [a for p, a in self.groups if p < pos]
        return cands[-1] if cands else None

    def last_outlet(self, pos: int) -> str | None:
        cands = [o for p, o in self.outlets if p < pos]
        return cands[-1] if cands else None


def _salience(doc: Any, article_id: str, index: EntityIndex | None, outlets: Any) -> _Salience:
    sal = _Salience()
    for ent in doc.ents:
        root = ent.root
        if ent.label_ == "PERSON":
            head = root
            while head.dep_ in {"compound", "appos", "flat"} and head.head.i != head.i:
                head = head.head
            if head.dep_ in {"nsubj", "nsubjpass", "pobj", "dobj", "attr"} or (
                    head.i == root.i and root.dep_ == "ROOT"):
                if head.dep_ == "pobj" and head.head.lower_ not in {"to", "by"}:
                    continue
                name, eid = _canonical(ent.text, ent.start_char, article_id, index, "PERSON")
                ctx = " ".join(t.lemma_.lower() for t in doc[max(ent.start - 5, ent.sent.start):ent.start])
                ctx += " " + " ".join(t.lemma_.lower() for t in root.subtree if t.dep_ in {"appos"} or
                                      t.head.dep_ == "appos")
                sal.people.append((ent.start_char, name, eid, ctx))
        elif ent.label_ in {"ORG", "WORK_OF_ART", "PERSON", "GPE"}:
            o = outlets.canonical(ent.text)
            if o:
                sal.outlets.append((ent.start_char, o))
    return sal


def _canonical(text: str, start: int, article_id: str, index: EntityIndex | None,
               label: str) -> tuple[str, str | None]:
    if index is not None:
        e = index.at(article_id, start)
        if e is not None:
            return e.name, e.id
    from newsprism.extract.entities import clean_name

    return clean_name(text, label), None


def _resolve_speakers(doc: Any, items: list[Attribution], *, article_id: str, index: EntityIndex | None,
                      outlets: Any) -> None:
    sal = _salience(doc, article_id, index, outlets)
    for a in items:
        f = a.frame
        if f is None or f.source_i is None:
            continue
        tok_i = f.relay_i if f.relay_i is not None else f.source_i
        who = _who(doc, doc[tok_i], article_id, index, outlets, sal)
        if f.relay_i is not None:
            carrier = _who(doc, doc[f.source_i], article_id, index, outlets, sal)
            a.via = carrier[0]
        a.speaker, a.speaker_entity_id, a.speaker_kind, a.anonymous = who
        if a.speaker_kind == "outlet" and f.relay_i is None:
            # an outlet's own reporting has no speaker behind it that the text names: it came via the outlet
            a.via, a.speaker, a.speaker_entity_id = a.speaker, None, None
        if a.via is None and f.via_i is not None:
            a.via = _via(doc, doc[f.via_i], outlets, sal)
        if a.speaker_kind == "person" and a.speaker:
            sal.people.append((a.start if a.cue is None else a.cue[0], a.speaker, a.speaker_entity_id,
                               _context(doc[f.source_i])))
        elif a.speaker and a.speaker_kind == "group":
            sal.groups.append((a.cue[0] if a.cue else a.start, a))
        sal.people.sort(key=lambda p: p[0])


def _context(tok: Any) -> str:
    return " ".join(t.lemma_.lower() for t in tok.subtree)


def _phrase(tok: Any) -> Any:
    """The noun phrase headed by tok: its compounds, modifiers and prepositional tail (no clauses)."""
    cut = {"relcl", "acl", "appos"} if tok.pos_ == "PROPN" or tok.ent_type_ else {"relcl", "acl"}
    toks = [t for t in tok.subtree if not any(a.dep_ in cut and a.i != tok.i and
                                                tok.is_ancestor(a) for a in [t, *t.ancestors] if a.i != tok.i)]
    toks = [t for t in toks if not (t.is_punct and t.text not in {"-", "'", "’"})]
    if not toks:
        return tok.doc[tok.i:tok.i + 1]
    lo = min(t.i for t in toks)
    hi = max(t.i for t in toks)
    # stop at the first comma after the head (an apposition or parenthetical) after a name
    for t in tok.doc[tok.i:hi + 1]:
        if t.text == "," and t.i > tok.i and "appos" in cut:
            hi = t.i - 1
            break
    return tok.doc[lo:hi + 1]


def _who(doc: Any, tok: Any, article_id: str, index: EntityIndex | None, outlets: Any,
         sal: _Salience) -> tuple[str | None, str | None, str | None, bool]:
    """(speaker, entity id, kind, anonymous) for the source token; kind is person, outlet, org, place or group."""
    low = tok.lower_
    if low in {"he", "she", "him", "her"}:
        p = sal.last_person(tok.idx)
        return (p[0], p[1], "person", False) if p else (None, None, None, False)
    if low in {"they", "them"}:
        g = sal.last_group(tok.idx)
        if g is not None:
            return g.speaker, g.speaker_entity_id, "group", g.anonymous
        return None, None, None, False
    if low in {"i", "we", "you", "it", "this", "that", "who", "which"}:
        return None, None, None, False
    span = _phrase(tok)
    for ent in span.ents:
        if ent.label_ == "PERSON" and outlets.canonical(ent.text) is None:
            name, eid = _canonical(ent.text, ent.start_char, article_id, index, "PERSON")
            return name, eid, "person", False
    outlet = outlets.canonical(span.text) or next(
        (outlets.canonical(e.text) for e in span.ents if outlets.canonical(e.text)), None)
    if outlet:
        eid = index.find(article_id, outlet, "ORG").id if index and index.find(article_id, outlet, "ORG") else None
        return outlet, eid, "outlet", False
    det = next((c.lower_ for c in tok.children if c.dep_ in {"det", "poss"}), None)
    has_propn = any(t.pos_ == "PROPN" for t in span)
    if tok.lemma_.lower() in OUTLET_ANAPHORS and det == "the" and not has_propn:
        o = sal.last_outlet(tok.idx)
        if o:
            return o, None, "outlet", False
    others = [t for t in span if t.pos_ == "PROPN" and t.i != tok.i]
    if (tok.lemma_.lower() in ROLE_NOUNS and det == "the" and tok.tag_ in {"NN", "NNP"} and not others
            and len(span) <= 3):
        p = sal.last_person(tok.idx, role=tok.lemma_.lower())
        if p:
            return p[0], p[1], "person", False
    group = media_group(span)
    if group:
        return group, None, "outlet", False
    if tok.pos_ == "PROPN" and index is not None:
        known = index.find(article_id, span.text, "PERSON") or index.find(article_id, tok.text, "PERSON")
        if known is not None:
            return known.name, known.id, "person", False
    for ent in span.ents:
        if ent.root.i == tok.i and ent.label_ in {"ORG", "GPE", "NORP", "FAC"}:
            name, eid = _canonical(ent.text, ent.start_char, article_id, index, ent.label_)
            return name, eid, "place" if ent.label_ in {"GPE", "FAC"} else "org", False
    description = re.sub(r"\s+", " ", span.text).strip()
    subtree_text = " ".join(t.text for t in tok.subtree)
    anon = is_anonymous_source(tok, subtree_text)
    return description, None, "group", anon


def _via(doc: Any, tok: Any, outlets: Any, sal: _Salience) -> str | None:
    """The outlet or medium words came through: an outlet's name, "the newspaper", or "state television"."""
    span = _phrase(tok)
    o = outlets.canonical(span.text) or next((outlets.canonical(e.text) for e in span.ents
                                              if outlets.canonical(e.text)), None)
    if o:
        return o
    det = next((c.lower_ for c in tok.children if c.dep_ == "det"), None)
    if tok.lemma_.lower() in OUTLET_ANAPHORS and det == "the" and not any(t.pos_ == "PROPN" for t in span):
        found = sal.last_outlet(tok.idx)
        if found:
            return found
    words = {t.lemma_.lower() for t in span}
    if words & MEDIA_NOUNS:
        name = [t for t in span if t.pos_ == "PROPN" and t.lemma_.lower() not in MEDIA_NOUNS and t.i >= tok.i - 1]
        return name[-1].text if name and name[-1].i == tok.i else re.sub(r"^(the|a|an)\s+", "", span.text,
                                                                         flags=re.I)
    group = media_group(span)
    if group:
        return group
    if tok.ent_type_ == "ORG" and tok.pos_ == "PROPN":
        return span.text
    return None


def to_quotes(article_id: str, text: str, items: list[Attribution]) -> list[Quote]:
    """Quote records; a quote over several pieces keeps the pieces' words, joined by a space."""
    out: list[Quote] = []
    for a in items:
        spans = sorted(a.spans)
        words = " ".join(text[s:e].strip() for s, e in spans)
        start, end = spans[0][0], spans[-1][1]
        cue = text[a.cue[0]:a.cue[1]] if a.cue else a.cue_word
        out.append(Quote(id=stable_id(article_id, str(start), str(end), prefix="q"), article_id=article_id,
                         text=words, speaker=a.speaker, speaker_entity_id=a.speaker_entity_id,
                         anonymous=a.anonymous, direct=a.direct, cue=cue, via=a.via, start=start, end=end))
    return out
