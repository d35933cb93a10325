"""Does a text state what a sentence says? Embedding similarity plus entity and number agreement.

Shared by the extractive summary (to cite every article that states a sentence, not only the one it came from)
and the abstractive backend (to drop generated sentences their citations do not support). Similarity alone
confuses "35 killed" with "53 killed" and Beijing with Moscow, so names and numbers must agree too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from newsprism.provenance import Origins
from newsprism.resources import Resources, sentence_key

_NUMBER = re.compile(r"(?<![\w.])\$?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|percent|billion|million|thousand|trillion|bn|m))?",
                     re.IGNORECASE)
_CAPWORD = re.compile(r"\b[A-Z][a-zA-Z\u00C0-\u024F'’-]+\b|\b[A-Z]{2,}\b")
_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10", "dozen": "12", "hundred": "100"}
# Capitalised words that are not names: sentence starters, titles, days and months (dates are checked elsewhere).
_NOT_NAMES_TEXT = (
    "a an the this that these those it its he she they we i you his her their our my your but and or so "
    "yet if when while as at in on of for to from by with after before since during despite although "
    "though because however meanwhile also still then there here what which who whom whose how why where "
    "mr mrs ms dr president minister prime secretary spokesman spokeswoman spokesperson officials "
    "official chairman director senator sen rep gov monday tuesday wednesday thursday friday saturday "
    "sunday january february march april may june july august september october november december "
    "according some many several most all both no not one two three "
)
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())


def numbers_in(text: str) -> set[str]:
    """Numbers as canonical strings ("$300 billion" -> "300"), number words included."""
    found = {re.sub(r"[^\d.]", "", m.group(0)).rstrip(".") for m in _NUMBER.finditer(text)}
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in _NUMBER_WORDS:
            found.add(_NUMBER_WORDS[word])
    return {n for n in found if n}


def names_in(text: str) -> set[str]:
    """Capitalised tokens that look like names (lower-cased), without sentence starters and calendar words."""
    return {w.lower().rstrip("'’s") for w in _CAPWORD.findall(text) if w.lower() not in _NOT_NAMES}


def agrees(sentence: str, evidence: str) -> bool:
    """Names and numbers of ``sentence`` agree with ``evidence``: no number of the sentence is missing there,
    and most of its names occur there (a name may be spelled as a nickname or adjective elsewhere)."""
    said = Facts.of(sentence)
    # Only what the rule reads from the evidence: its numbers when the sentence has some, its text for names.
    found = Facts(frozenset(numbers_in(evidence)) if said.numbers else frozenset(), frozenset(),
                  evidence.lower() if said.names else "")
    return facts_agree(said, found)


@dataclass(frozen=True, slots=True)
class Facts:
    """What ``agrees`` reads from a text, computed once per text where one sentence is checked many times."""

    numbers: frozenset[str]
    names: frozenset[str]
    lower: str

    @classmethod
    def of(cls, text: str) -> Facts:
        return cls(frozenset(numbers_in(text)), frozenset(names_in(text)), text.lower())


def facts_agree(sentence: Facts, evidence: Facts) -> bool:
    if sentence.numbers and not sentence.numbers <= evidence.numbers:
        return False
    if not sentence.names:
        return True
    present = sum(1 for n in sentence.names if n in evidence.lower)
    return present >= max(1, round(0.6 * len(sentence.names)))


def embed_texts(resources: Resources, texts: Sequence[str]) -> np.ndarray:
    """Embeddings cached by text hash, so a sentence met again in another stage is not encoded twice."""
    return resources.embed(list(texts), keys=[sentence_key(t) for t in texts])


def supporting_articles(sentence: str, vec: np.ndarray, candidates: Iterable[tuple[str, str, np.ndarray]], *,
                        threshold: float) -> list[tuple[str, float]]:
    """Ids of the articles with a sentence that states ``sentence``: (article_id, best similarity).

    ``candidates`` are (article_id, sentence text, embedding) of every sentence of the story.
    """
    best: dict[str, float] = {}
    for art_id, text, other in candidates:
        sim = float(np.dot(vec, other))
        if sim >= threshold and sim > best.get(art_id, -1.0) and agrees(sentence, text):
            best[art_id] = sim
    return sorted(best.items(), key=lambda kv: -kv[1])


def independent_origins(article_ids: Iterable[str], origins: Origins) -> int:
    """How many independent reports a set of articles is: a family of copies and rewrites counts once (the same
    families as the claim verdict's, ``newsprism.provenance``)."""
    return origins.count(article_ids)
