"""Quotes, sentences, figures and claim cues of an article in a language with a lexicon (``newsprism.lexicons``).

The parser is English: on German or Spanish text it still finds names and numbers, but it splits sentences at
random and knows no "sagte" or "según". For such an article these rules stand in: sentences split at end marks
(not after an abbreviation or an initial), direct quotes in the language's quotation marks with the cue and the
speaker that follow or precede them ("„…“, sagte Sprecher Peter Carr"; "X erklärte: „…“"), hedging, denial and
figures read with the language's words ("drei Millionen" -> 3000000, "12. März 2024" -> 2024-03-12).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from newsprism.extract.docindex import DocEnts
from newsprism.lexicons import Lexicon
from newsprism.records import Quote, stable_id

__all__ = ["direct_quotes", "figures", "quotes_in", "sentence_spans"]

# an end mark, then space, then what opens a sentence (a capital, a digit, an opening mark or dash)
_END = re.compile(r"(?<=[.!?\u2026])[\"\u201c\u201d\u00bb\u00ab\u2019\u203a]?\s+"
                  r"(?=[\"\u201e\u201c\u00ab\u00bb\u2039(\u2013\u2014-]?[A-ZÀ-ÖØ-ÞĀ-Ž0-9¿¡])")
# words after which a full stop ends no sentence: initials, German ordinals ("12. März"), titles, and common
# abbreviations of these languages
_ABBREV = re.compile(r"(?:\b[A-ZÀ-Þ]|\b[0-3]?\d|\b(?:Dr|Prof|St|Nr|Sr|Sra|Dra|Mme|Mlle|M|Mr|Mrs|Ms|Hr|Fr|"
                     r"Abs|Art|Bd|bzw|ca|"
                     r"vgl|z\.\s?B|u\.a|d\.h|etc|Jr|Inc|Ltd|Co|Gen|Sen|Rep|Gov|Sig|Dott|Ing|Avv|av|pág|núm|"
                     r"Nº|n[o°º]))\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``: paragraphs apart, split at end marks that close a sentence."""
    out: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for m in _END.finditer(para.group(0)):
            cut = para.start() + m.start()
            if _ABBREV.search(text[max(start, cut - 12):cut].rstrip("\"\u201c\u201d\u00bb\u00ab\u2019\u203a")):
                continue
            end = cut + len(m.group(0).rstrip())
            if text[start:end].strip():
                out.append(_trimmed(text, start, end))
            start = para.start() + m.end()
        if text[start:para.end()].strip():
            out.append(_trimmed(text, start, para.end()))
    return out


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _quote_spans(text: str, lexicon: Lexicon) -> Iterator[tuple[int, int]]:
    """Spans of quoted passages (marks included), outermost, in order, for each pair the language uses."""
    taken: list[tuple[int, int]] = []
    for open_, close in lexicon.quotes:
        rx = re.compile(re.escape(open_) + r"[^\n]{2,}?" + re.escape(close)) if open_ != close else \
            re.compile(re.escape(open_) + r"[^\n" + re.escape(open_) + r"]{2,}" + re.escape(close))
        for m in rx.finditer(text):
            if not any(s <= m.start() < e or s < m.end() <= e for s, e in taken):
                taken.append((m.start(), m.end()))
    yield from sorted(taken)


def _speaker(doc: Any, ents: DocEnts | None, start: int, end: int, lexicon: Lexicon) -> str | None:
    """The first person (else organisation or place) the parse names in ``start:end``, without a role noun the
    language writes before names ("Sprecher Peter Carr" -> "Peter Carr"). ``ents``: the doc's entities indexed
    once (``Span.ents`` scans them all)."""
    span = doc.char_span(start, end, alignment_mode="contract") if doc is not None and ents is not None else None
    found = ents.of(span) if span is not None and ents is not None else []
    for label in ("PERSON", "ORG", "GPE", "NORP"):
        for e in found:
            if e.label_ == label:
                name = str(e.text).strip()
                if lexicon.titles is not None and label == "PERSON":
                    name = lexicon.titles.sub("", name).strip() or name
                return name
    return None


_NAMES = ("PERSON", "ORG", "GPE", "NORP")


def _only_lead_words(between: str, lexicon: Lexicon) -> bool:
    """Nothing but articles and role nouns between a cue and a name ("sagte der Sprecher Peter Carr")."""
    for word in between.split():
        if not ((lexicon.articles is not None and lexicon.articles.fullmatch(word))
                or (lexicon.titles is not None and lexicon.titles.match(word + " "))):
            return False
    return True


def _cue_speaker(doc: Any, ents: DocEnts | None, text: str, start: int, end: int, lexicon: Lexicon) -> str | None:
    """Who a sentence's attribution cue names: the name right after it ("sagte Cohen", "nach Angaben der
    Staatsanwälte", "selon le ministre X"), else the name that opens the sentence as its subject ("Herr Cohen
    hatte gesagt", "Senator Mark Warner, der ..., sagte am Freitag").

    A name further from the cue is no speaker: the English parse takes capitalised German nouns for names, and
    "Er sagte, er übernehme die Verantwortung für seine Verbrechen" names nobody. A comma after the cue opens
    the reported clause ("sagten, die Vorwürfe könnten ..."), so nothing behind it is the speaker. The parse
    also takes any word that opens a sentence for a name ("Zudem", "Falls", "Von Gier getrieben"), so an
    opening name counts only after an article or a role noun ("Herr Cohen"), as a person's name of two words or
    more, or when the article writes its first word capitalised inside a sentence too."""
    span = doc.char_span(start, end, alignment_mode="contract") if doc is not None and ents is not None else None
    found = [e for e in (ents.of(span) if span is not None and ents is not None else [])
             if e.label_ in _NAMES and not _only_lead_words(str(e.text), lexicon)]  # "Senatorin" alone is no name
    if not found:
        return None
    cues = list(lexicon.attribution.finditer(text, start, end))
    for cue in cues:
        for e in found:
            if e.start_char >= cue.end() and _only_lead_words(text[cue.end():e.start_char], lexicon):
                return _bare_name(str(e.text), lexicon, e.label_)
    first = min(found, key=lambda e: e.start_char)
    if not _only_lead_words(text[start:first.start_char], lexicon) or \
            not any(_OPENS.match(text[first.end_char:cue.start()]) for cue in cues if cue.start() >= first.end_char):
        return None
    bare = _bare_name(str(first.text), lexicon, first.label_)
    led = text[start:first.start_char].strip() or bare != str(first.text).strip()  # "Herr Cohen", "Der Abgeordnete X"
    inside = re.search(r"[\w,;:]\s+" + re.escape(bare.split()[0]) + r"(?!\w)", text)
    person = first.label_ == "PERSON" and len(bare.split()) >= 2  # "Peter Carr sagte: ..."
    return bare if led or inside or person else None


# between a sentence's opening name and its cue: one clause ("hatte den Abgeordneten gesagt"), or an
# apposition closed right before the cue ("Mark Warner, der ranghöchste Demokrat ..., sagte")
_OPENS = re.compile(r"[^,;:]*$|[^,;:]*,[^;:]*,\s*$", re.S)


def _bare_name(name: str, lexicon: Lexicon, label: str = "") -> str:
    """A name without the articles and role nouns written before it ("der Sprecher Peter Carr" -> "Peter Carr"),
    and a person's without the words the parse ran on into ("Tomas Hegg am Abend": a lower-case word that is no
    name particle such as "von" or "de" ends a person's name)."""
    words = name.strip().split()
    # a role noun goes, and an article only before one: "Le Monde", "Der Spiegel", "Di Maio" keep theirs
    titles = lexicon.titles
    while len(words) > 1 and titles is not None and _only_lead_words(words[0], lexicon) and (
            titles.match(words[0] + " ") or titles.match(" ".join(words[1:]) + " ")):
        words = words[1:]
    if label == "PERSON":
        # "le porte-parole Jean Dupont": an article and a lower-case role before the name go too
        start = next((k for k, w in enumerate(words) if w[:1].isupper() and not (
            _only_lead_words(w, lexicon) and k + 1 < len(words) and words[k + 1][:1].islower())), 0)
        words = words[start:] if any(w[:1].islower() for w in words[:start]) else words
        cut = next((k for k, w in enumerate(words) if k and w[:1].islower() and w not in _PARTICLES), len(words))
        words = words[:cut]
    return " ".join(words)


_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "del", "della", "dos", "das", "du", "la", "le",
                        "y", "e", "bin", "al", "ibn", "zu"})


def direct_quotes(article_id: str, text: str, doc: Any, lexicon: Lexicon) -> list[Quote]:
    """Direct quotes in the language's marks, each with the attribution cue and speaker next to it: after the
    quote in the same sentence ("…“, sagte X", "», a déclaré X": the first person that clause names), else
    before it ("X sagte: „…“", read as a sentence's cue is: ``_cue_speaker``)."""
    out: list[Quote] = []
    ents = DocEnts(doc) if doc is not None else None
    for qs, qe in _quote_spans(text, lexicon):
        inner = text[qs + 1:qe - 1].strip()
        if len(inner.split()) < 3:
            continue  # a word or two in marks is a term, a title or a scare quote
        after = text[qe:qe + 160].split("\n")[0]
        after = re.split(r"(?<=[.!?])\s", after)[0]
        before = text[max(0, qs - 160):qs].split("\n")[-1]
        before = re.split(r"[.!?]\s", before)[-1]
        cue, speaker = None, None
        m = lexicon.attribution.search(after)
        if m and m.start() <= 4:
            cue = m.group(0)
            speaker = _speaker(doc, ents, qe + m.end(), qe + len(after), lexicon)
        else:
            found = list(lexicon.attribution.finditer(before))
            if found and before.rstrip().endswith((":", ",")):
                cue = found[-1].group(0)
                speaker = _cue_speaker(doc, ents, text, qs - len(before), qs, lexicon)
        anonymous = bool(lexicon.anonymous.search(after if cue and m else before))
        out.append(Quote(id=stable_id(article_id, str(qs + 1), str(qe - 1), prefix="q"), article_id=article_id,
                         text=inner, speaker=speaker, anonymous=anonymous and speaker is None, direct=True, cue=cue,
                         start=qs + 1, end=qe - 1))
    return out


def _value(raw: str, lexicon: Lexicon) -> float | None:
    """A figure written the language's way: "1.250,5" or "1 250,5" with a decimal comma, else "1,250.5"."""
    digits = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if lexicon.decimal_comma:
        digits = digits.replace(" ", "").replace(".", "").replace(",", ".")
    else:
        digits = digits.replace(" ", "").replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return None


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def figures(sentence: str, lexicon: Lexicon) -> list[str]:
    """The figures and dates of a sentence, written so the comparison reads them as it reads English ones: a
    quantity as its value ("drei Millionen" -> "3000000"), a date as ISO ("12. März 2024" -> "2024-03-12",
    "Juni 2016" -> "2016-06"); a bare year stays a year."""
    months = "|".join(sorted((re.escape(k) for k in lexicon.months), key=len, reverse=True))
    words = "|".join(sorted((re.escape(k) for k in lexicon.numbers), key=len, reverse=True))
    scales = "|".join(sorted((re.escape(k) for k in lexicon.scales), key=len, reverse=True))
    out: list[str] = []
    taken: list[tuple[int, int]] = []
    date = re.compile(rf"\b(?:(?P<d>[0-3]?\d)\.?\s+(?:de\s+)?)?(?P<m>{months})\.?"
                      rf"(?:\s+(?:de\s+)?(?P<y>(?:19|20)\d\d))?\b", re.I)
    for m in date.finditer(sentence):
        if not (m.group("d") or m.group("y")):
            continue  # a month alone ("im März") is no figure
        month = lexicon.months[m.group("m").lower()]
        if m.group("y") and m.group("d"):
            out.append(f"{m.group('y')}-{month:02d}-{int(m.group('d')):02d}")
        elif m.group("y"):
            out.append(f"{m.group('y')}-{month:02d}")
        else:
            out.append(f"--{month:02d}-{int(m.group('d')):02d}")
        taken.append(m.span())
    number = re.compile(rf"(?<![\w.,])(?P<n>\d{{1,3}}(?:[.\s\u00a0\u202f]\d{{3}})+(?:,\d+)?|\d+(?:[.,]\d+)?|{words})"
                        rf"(?:\s+(?P<s>{scales})\b)?", re.I) if words else re.compile(r"(?P<n>\d+)(?P<s>)")
    for m in number.finditer(sentence):
        if any(s <= m.start() < e for s, e in taken):
            continue
        raw = m.group("n")
        value = float(lexicon.numbers[raw.lower()]) if raw.lower() in lexicon.numbers else _value(raw, lexicon)
        if value is None:
            continue
        if raw.lower() in lexicon.numbers and not m.group("s") and value <= 1:
            continue  # "ein", "une", "un": an article, not a count
        if m.group("s"):
            value *= lexicon.scales[m.group("s").lower()]
        out.append(_plain(value))
    return list(dict.fromkeys(out))


def quotes_in(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    """The quote overlapping ``start:end`` most."""
    best, size = None, 0
    for q in quotes:
        o = min(q.end, end) - max(q.start, start)
        if o > size:
            best, size = q, o
    return best


_JUNK = re.compile(r"(https?://|www\.|@\w|©)", re.I)


def _checkworthy(text: str, names: Sequence[Any], lexicon: Lexicon) -> bool:
    """A statement one could check: five words or more, not a question, not page junk, naming someone or
    something (the parse finds names in any Latin script) or a figure, or denying or doubting."""
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < 5 or len(words) > 120 or text.rstrip("\"\u201c\u201d\u00bb\u00ab ").endswith("?") or \
            _JUNK.search(text):
        return False
    if any(ch.isdigit() for ch in text) or names:
        return True
    return bool(lexicon.deny.search(text) or lexicon.doubt.search(text))


def foreign_claims(article: Any, doc: Any, quotes: Sequence[Quote], citations: Sequence[Any],
                   lexicon: Lexicon) -> list[Any]:
    """``extract_claims`` for an article in a language with a lexicon: its sentences split by rule, each
    attributed to the quote it holds, else to the person or organisation next to an attribution cue ("sagte
    X", "según X"), hedged and negated by the language's words, with its figures read in that language."""
    from newsprism.answers import response_in
    from newsprism.records import Claim, normalize_text

    out: list[Claim] = []
    text = article.text
    ents = DocEnts(doc) if doc is not None else None
    for start, end in sentence_spans(text):
        sent = text[start:end]
        span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
        if not _checkworthy(sent, ents.of(span) if ents is not None and span is not None else [], lexicon):
            continue
        quote = quotes_in(quotes, start, end)
        attributed_to, anonymous, via = None, False, None
        if quote is not None and (quote.speaker or quote.anonymous):
            attributed_to, anonymous = quote.speaker, quote.anonymous
        elif lexicon.attribution.search(sent) is not None:
            attributed_to = _cue_speaker(doc, ents, text, start, end, lexicon)
            anonymous = bool(lexicon.anonymous.search(sent)) and attributed_to is None
            attributed_to = attributed_to or ("unnamed sources" if anonymous else None)
        cited = [c for c in citations if c.start < end and c.end > start]
        if cited and attributed_to != cited[0].outlet:
            via = cited[0].outlet
        out.append(Claim(
            id=stable_id(article.id, str(start), normalize_text(sent), prefix="c"), article_id=article.id,
            text=sent, attributed_to=attributed_to, anonymous=anonymous, via=via,
            hedged=bool(lexicon.hedge.search(sent)), negated=response_in(sent, lexicon) == "denies",
            numbers=tuple(figures(sent, lexicon)), quote_id=quote.id if quote is not None else None,
            start=start, end=end))
    return out


def foreign_propositions(doc: Any, claims: Sequence[Any]) -> dict[str, list[Any]]:
    """One proposition per claim, its core the whole sentence: the English parse cannot find the asserted
    clause of a German or French sentence, and the multilingual encoder reads the sentence as it is."""
    from newsprism.compare.align import Proposition, number_values
    from newsprism.records import normalize_text

    out: dict[str, list[Any]] = {}
    index = DocEnts(doc) if doc is not None else None
    for c in claims:
        span = doc.char_span(c.start, c.end, alignment_mode="expand") if doc is not None else None
        ents = frozenset(normalize_text(e.text) for e in (index.of(span) if span is not None and index else ())
                         if e.label_ in {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}
                         and e.text != c.attributed_to)
        out[c.id] = [Proposition(claim=c, core=c.text, variant=0, negative=c.negated, entities=ents,
                                 values=number_values(c.numbers), predicate="", content=frozenset())]
    return out
