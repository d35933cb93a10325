"""A short, neutral story title taken from the story's own articles."""

from __future__ import annotations

import re

from newsprism.records import normalize_text

_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ")
_LABEL = re.compile(r"^\s*(?:title|headline|breaking|exclusive|update|updated|live|watch|video)\s*:\s*", re.I)
_MAX_TAG_WORDS = 5
_MEDIA_TEXT = """times post news journal herald tribune press agency tv radio daily gazette guardian
telegraph wire mail express observer chronicle record today media network reuters ap afp bbc cnn bulletin
ledger courier sentinel standard star review report online magazine weekly dispatch"""
_MEDIA_WORDS = frozenset(_MEDIA_TEXT.split())


def _looks_like_name(part: str, outlet: str | None) -> bool:
    """An outlet tag: the article's own outlet, or a short run of capitalised words (e.g. "The Daily Ledger")."""
    part = part.strip()
    if not part:
        return False
    if outlet and normalize_text(outlet) in normalize_text(part):
        return True
    words = part.split()
    return len(words) <= _MAX_TAG_WORDS and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in {"of", "the", "and"}
                                                 for w in words)


def clean_title(title: str, outlet: str | None = None) -> str:
    """Strip labels ("Title:"), and outlet prefixes ("Outlet: ...") and suffixes ("... | Outlet")."""
    title = re.sub(r"\s+", " ", title).strip()
    while True:
        stripped = _LABEL.sub("", title)
        if stripped == title:
            break
        title = stripped
    for sep in _SEPARATORS:
        if sep in title:
            head, _, tail = title.rpartition(sep)
            if len(head.split()) >= 3 and _looks_like_name(tail, outlet):
                title = head.strip()
    if ": " in title:
        head, _, tail = title.partition(": ")
        media = any(w.lower().strip(".") in _MEDIA_WORDS for w in head.split())
        named = bool(outlet) and normalize_text(outlet or "") == normalize_text(head)
        if len(tail.split()) >= 3 and (named or (media and _looks_like_name(head, outlet))):
            title = tail.strip()
    return title.strip(" -|–—:")
