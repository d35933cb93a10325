"""Outlet names as one corpus uses them: the registry first, then the outlets the corpus itself publishes under.

The registry knows the big outlets; a corpus also names local and new ones ("The Harbour Ledger reported"). An
outlet a corpus article is published by (``Article.outlet``) is a known outlet for that corpus, and a close
misspelling of it ("Harbour Ledgr", "The Harbor Ledger") is the same outlet. A name neither knows still counts as
an outlet when the grammar uses it as a source and the name looks like one ("Valdoria Herald", "Kessrin Wire
Service"): see ``looks_like_outlet``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from newsprism.outlets import remembered

OUTLET_HEADS = frozenset({
    "post", "times", "ledger", "courier", "gazette", "news", "newz", "herald", "journal", "tribune", "chronicle",
    "telegraph", "dispatch", "examiner", "inquirer", "bugle", "observer", "bulletin", "reporter", "sentinel",
    "today", "daily", "weekly", "wire", "newswire", "tv", "radio", "channel", "newspaper", "broadcaster",
    "broadcasting", "television", "magazine", "press", "digest", "intelligencer", "clarion", "argus", "24", "fm",
})
"""Last words of a proper name that make it a news outlet ("Valdoria Herald", "Kessrin-24", "Drast TV")."""

MEDIA_QUALIFIERS = frozenset({"news", "press", "wire", "media", "newspaper", "broadcasting", "information"})
WEAK_HEADS = frozenset({"service", "agency", "group", "company", "corporation", "network"})
"""Heads that name an outlet only after a media word ("Wire Service", "News Agency", "Media Group")."""

_SECTION = re.compile(r"\s+[–—|·:]\s+.*$|\s+-\s+[A-Z][\w ]{1,30}$")


def outlet_key(name: str) -> str:
    """Lower case, accents and punctuation out, no leading "the": the form names are compared in."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def looks_like_outlet(name: str) -> bool:
    """A proper name that reads as a news outlet: it ends in an outlet word ("Post", "Ledger", "TV", "Radio",
    "Wire Service", "News Agency"), and is not only that word."""
    words = outlet_key(name).split()
    if len(words) < 2 and not (words and words[0] in {"tv", "radio"}):
        return False
    last = words[-1]
    if last in OUTLET_HEADS:
        return True
    return last in WEAK_HEADS and len(words) >= 2 and words[-2] in MEDIA_QUALIFIERS


def _strip_section(name: str) -> str:
    """"Kessrin Wire – Top News" is the outlet "Kessrin Wire" (a feed or section title after a dash or bar)."""
    short = _SECTION.sub("", name).strip()
    return short if len(short) >= 3 else name.strip()


@dataclass(frozen=True, slots=True)
class CorpusOutlets:
    """The registry plus the corpus's own outlet names. Same ``canonical`` interface as the registry."""

    registry: Any
    names: tuple[str, ...] = ()
    threshold: float = 85.0
    _keys: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _memo: dict[tuple[str, bool], str | None] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for n in self.names:
            self._keys.setdefault(outlet_key(n), n)

    @classmethod
    def of(cls, registry: Any, outlets: Iterable[str | None], *, threshold: float = 85.0) -> CorpusOutlets:
        """From the outlet values of a corpus's articles; spelling variants of one outlet become its most used
        spelling ("The Harbor Ledger" once and "The Harbour Ledger" three times: the latter)."""
        counts: Counter[str] = Counter()
        for raw in outlets:
            if not raw or not raw.strip():
                continue
            name = _strip_section(raw)
            counts[registry.canonical(name) or re.sub(r"\s+", " ", name)] += 1
        chosen: list[str] = []
        for name, _n in sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0])):
            if registry.canonical(name, fuzzy=False):
                continue  # the registry already knows it
            key = outlet_key(name)
            if not key or any(fuzz.ratio(key, outlet_key(c)) >= threshold for c in chosen):
                continue
            chosen.append(name)
        return cls(registry, tuple(chosen), threshold)

    def canonical(self, name: str | None, *, fuzzy: bool = True) -> str | None:
        """The registry's name, else the corpus's name for the same outlet (a close misspelling too), else None."""
        return remembered(self._memo, name, fuzzy, self._canonical) if name else None

    def _canonical(self, name: str, fuzzy: bool) -> str | None:
        found = self.registry.canonical(name, fuzzy=fuzzy)
        if found:
            return found
        key = outlet_key(name)
        if not key:
            return None
        if key in self._keys:
            return self._keys[key]
        if fuzzy and len(key) >= 5 and self._keys:
            match = process.extractOne(key, list(self._keys), scorer=fuzz.ratio, score_cutoff=self.threshold)
            if match:
                return self._keys[match[0]]
        short = _strip_section(name)
        return self.canonical(short, fuzzy=fuzzy) if short != name.strip() else None

    def short_form(self, word: str) -> str | None:
        """"the Ledger": the one corpus outlet whose name ends with this word, if exactly one does."""
        key = outlet_key(word)
        if not key or " " in key:
            return None
        hits = [n for k, n in self._keys.items() if k.split()[-1] == key and len(k.split()) > 1]
        return hits[0] if len(hits) == 1 else None

    def canonical_or_self(self, name: str) -> str:
        """A known outlet's canonical name, or the name as written (cleaned) for outlets nobody knows."""
        return self.canonical(name) or re.sub(r"\s+", " ", name).strip()

    def from_url(self, url: str | None) -> str | None:
        return self.registry.from_url(url)  # type: ignore[no-any-return]

    def get(self, name: str) -> Any:
        return self.registry.get(name)
