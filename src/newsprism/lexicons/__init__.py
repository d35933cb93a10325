"""Cue lexicons of languages other than English, one module per language, chosen by an article's language.

English cues live where they always have (``newsprism.stance``, ``newsprism.answers``, ``newsprism.extract``); a
language listed here is read with its own words instead, written from that language's news style: who said it
(attribution verbs and "according to"), how a report is denied or doubted, hedging, anonymous sourcing, the
quotation marks its press uses, and how it writes numbers and dates. A language with no module here (Arabic,
Russian, Chinese ...) is read as before: its articles still join stories and rows by the multilingual encoder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = ["LANGUAGES", "Lexicon", "lexicon_for", "strip_titles"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicon:
    """One language's cues. Every pattern is a compiled, case-insensitive regular expression over a sentence."""

    code: str
    deny: re.Pattern[str]
    """A sentence that denies, rejects or calls false a report or claim ("dementierte", "a démenti", "negó")."""
    doubt: re.Pattern[str]
    """Doubt about a report: not verified, unclear whether, questioned ("nicht unabhängig überprüft")."""
    confirm: re.Pattern[str]
    """Vouching for a report one did not write ("bestätigte den Bericht")."""
    absent: re.Pattern[str]
    """What a source did not say ("hat nicht gesagt, dass", "n'a pas dit que"): doubt about that very thing."""
    negation: re.Pattern[str]
    """A negation word ("nicht", "ne ... pas", "no", "non", "não")."""
    negated_cue: re.Pattern[str]
    """A negation right before a cue, which turns it ("nicht dementiert", "n'a pas démenti")."""
    attribution: re.Pattern[str]
    """Speech and sourcing cues: attribution verbs and "according to" ("sagte", "selon", "según")."""
    hedge: re.Pattern[str]
    """Hearsay and hedging ("angeblich", "aurait", "presuntamente")."""
    anonymous: re.Pattern[str]
    """Anonymous sourcing ("ungenannte Quellen", "sous couvert d'anonymat")."""
    quotes: tuple[tuple[str, str], ...]
    """Quotation mark pairs (open, close) this language's press uses."""
    months: dict[str, int] = field(default_factory=dict)
    """Month names (and common short forms), lower case, to their number."""
    numbers: dict[str, int] = field(default_factory=dict)
    """Number words, lower case, to their value."""
    scales: dict[str, float] = field(default_factory=dict)
    """Scale words ("Millionen", "milliards"), lower case, to their factor."""
    titles: re.Pattern[str] | None = None
    """Role nouns written before a name and capitalised like it ("Sprecher Peter Carr"): not part of the name."""
    reports: str = ""
    """Nouns for a report or what it alleges ("Bericht", "article", "informe"), as a regular-expression
    alternation: "den BuzzFeed-Bericht", "l'article de BuzzFeed" name the source a response answers."""
    of: str = ""
    """Prepositions joining a report to its source ("von", "de", "di"), as an alternation."""
    articles: re.Pattern[str] | None = None
    """Articles and determiners written before a speaker's name or role ("der", "la", "los"), a whole word each."""
    decimal_comma: bool = True
    """Writes 3,5 for three and a half and 1.000 (or 1 000) for a thousand."""


@lru_cache(maxsize=1)
def _load() -> dict[str, Lexicon]:
    """Every lexicon by code, built once (``strip_titles`` reads them for each name the entities meet)."""
    from newsprism.lexicons import de, es, fr, it, pt

    return {m.LEXICON.code: m.LEXICON for m in (de, es, fr, it, pt)}


LANGUAGES: tuple[str, ...] = ("de", "es", "fr", "it", "pt")
"""The languages that have a lexicon here."""


def lexicon_for(language: str | None) -> Lexicon | None:
    """The lexicon of an ISO 639-1 language code ("de", "fr-CH" reads as "fr"); None for English, an unknown
    language or none (which the English cues then read)."""
    code = (language or "").split("-")[0].split("_")[0].strip().lower()
    if code not in LANGUAGES:
        return None
    return _load()[code]


def strip_titles(name: str) -> str:
    """``name`` without any language's role nouns written before it, and the article before those ("Sprecher
    Peter Carr", "Der Abgeordnete Adam B. Schiff"): a name the story's articles share across languages is one
    person under one name. An article alone stays ("Le Pen", "De Niro")."""
    for lex in _load().values():
        if lex.titles is None:
            continue
        first, _, rest = name.partition(" ")
        if rest and lex.articles is not None and lex.articles.fullmatch(first) and lex.titles.match(rest):
            name = rest
        name = lex.titles.sub("", name).strip() or name
    return name
