"""Cleaning: page junk out (with a reason for every removed piece), metadata found.

FOUNDATION STUB: issue 3 replaces the internals; keep the signature of ``clean_corpus``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsprism.records import Article, RawDocument, article_id_for
from newsprism.settings import Settings

if TYPE_CHECKING:
    from newsprism.pipeline import FailurePolicy


def normalize_plain(text: str) -> str:
    """NFKC, non-breaking spaces to spaces, unified line endings; lines are kept."""
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    return "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n"))


def clean_document(doc: RawDocument, *, settings: Settings) -> Article:
    raw = doc.text if doc.text is not None else (doc.html or "")
    text = normalize_plain(raw)
    return Article(id=article_id_for(raw), source_path=doc.source_path, source_id=doc.source_id, url=doc.url,
                   format=doc.format, raw_text=raw, text=text, title=doc.title, outlet=doc.outlet,
                   published=doc.published)


def clean_corpus(docs: Sequence[RawDocument], *, settings: Settings, policy: FailurePolicy,
                 progress: Callable[[str, int, int], None]) -> list[Article]:
    """Clean every document; corpus-wide signals (lines repeated across an outlet's pages) may be used."""
    out = policy.map("clean", docs, lambda d: clean_document(d, settings=settings), lambda d: d.source_path)
    progress("clean", len(docs), len(docs))
    return out
