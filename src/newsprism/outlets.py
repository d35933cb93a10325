"""The outlet registry: one canonical name per outlet, from aliases, domains and fuzzy matching of misspellings.

It ships as data/outlets.json; users extend it with ``settings.outlets_file`` (same format).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path
from urllib.parse import urlsplit

from rapidfuzz import fuzz, process


@dataclass(frozen=True, slots=True, kw_only=True)
class Outlet:
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    country: str | None = None
    kind: str | None = None


def remembered(memo: dict[tuple[str, bool], str | None], name: str, fuzzy: bool,
               lookup: Callable[[str, bool], str | None]) -> str | None:
    """An outlet lookup remembered per name: extraction asks about every proper noun, and the fuzzy scan is the
    costly part (the memo is emptied past 100,000 names so a huge corpus cannot grow it without bound)."""
    slot = (name, fuzzy)
    if slot not in memo:
        if len(memo) > 100_000:
            memo.clear()
        memo[slot] = lookup(name, fuzzy)
    return memo[slot]


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return re.sub(r"^the ", "", text.strip())


_GENERIC = frozenset((
    "post", "times", "news", "daily", "the", "journal", "herald", "tribune", "gazette", "courier", "press", "wire",
    "service", "agency", "media", "tv", "radio", "channel", "network", "newspaper", "online", "weekly", "review",
    "observer", "guardian", "telegraph", "standard", "express", "mail", "star", "sun", "chronicle", "ledger",
    "report", "today", "world", "international", "global", "new", "of", "and"))


def _generic(word: str) -> bool:
    return word in _GENERIC or (len(word) >= 4 and any(fuzz.ratio(word, g) >= 80 for g in _GENERIC if len(g) >= 4))


def _distinctive(key: str) -> str:
    """A name without its generic outlet words (misspelled ones too): what tells two outlets apart."""
    return " ".join(w for w in key.split() if not _generic(w))


@dataclass(frozen=True, slots=True)
class OutletRegistry:
    outlets: tuple[Outlet, ...]
    threshold: float = 85.0
    _by_key: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _by_domain: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _memo: dict[tuple[str, bool], str | None] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not 0 <= self.threshold <= 100:
            raise ValueError(f"threshold must be within 0..100, not {self.threshold}")
        for o in self.outlets:
            for alias in (o.name, *o.aliases):
                self._by_key.setdefault(_key(alias), o.name)
            for d in o.domains:
                self._by_domain[d.lower().removeprefix("www.")] = o.name

    @classmethod
    def load(cls, path: str | Path | None = None, *, threshold: float = 85.0) -> OutletRegistry:
        """The bundled registry, extended (and overridden by name) with the user's file when given."""
        text = importlib_resources.files("newsprism").joinpath("data/outlets.json").read_text(encoding="utf-8")
        entries = {o["name"]: o for o in json.loads(text)["outlets"]}
        if path:
            try:
                extra = json.loads(Path(path).read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ValueError(f"cannot read outlet registry {path}: {exc}") from exc
            for o in extra.get("outlets", extra if isinstance(extra, list) else []):
                entries[o["name"]] = o
        outlets = tuple(
            Outlet(name=o["name"], aliases=tuple(o.get("aliases", ())), domains=tuple(o.get("domains", ())),
                   country=o.get("country"), kind=o.get("kind")) for o in entries.values())
        return cls(outlets, threshold)

    def canonical(self, name: str | None, *, fuzzy: bool = True) -> str | None:
        """The registry's name for ``name`` (exact alias, then a close misspelling), or None if unknown."""
        return remembered(self._memo, name, fuzzy, self._canonical) if name else None

    def _canonical(self, name: str, fuzzy: bool) -> str | None:
        key = _key(name)
        if not key:
            return None
        if key in self._by_key:
            return self._by_key[key]
        if not fuzzy or len(key) < 5:
            return None
        for cand, _, _ in process.extract(key, list(self._by_key), scorer=fuzz.ratio, score_cutoff=self.threshold,
                                          limit=5):
            # the distinctive words must match too: "Meridian Post" is not "Washington Post", a one-letter slip is
            mine, theirs = _distinctive(key), _distinctive(cand)
            if not mine or not theirs or fuzz.ratio(mine, theirs) >= self.threshold:
                return self._by_key[cand]
        return None

    def canonical_or_self(self, name: str) -> str:
        """A known outlet's canonical name, or the name as written (cleaned) for outlets not in the registry."""
        return self.canonical(name) or re.sub(r"\s+", " ", name).strip()

    def from_url(self, url: str | None) -> str | None:
        """The outlet of a URL's domain (subdomains included), or None."""
        if not url:
            return None
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower().removeprefix("www.")
        parts = host.split(".")
        for i in range(len(parts) - 1):
            name = self._by_domain.get(".".join(parts[i:]))
            if name:
                return name
        return None

    def get(self, name: str) -> Outlet | None:
        canon = self.canonical(name, fuzzy=False)
        return next((o for o in self.outlets if o.name == canon), None)
