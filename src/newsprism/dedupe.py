"""Exact and near duplicates, rewrites and syndication with a direction (who copied whom).

Three tiers, cheapest first:

* exact: the same normalised text;
* near duplicate: word-shingle Jaccard at or above ``near_duplicate_threshold`` (MinHash LSH, banded in
  numpy, proposes the pairs, the shingle sets confirm them): ``duplicate_of`` points to the source copy;
* rewrite or syndication: a trimmed or re-headlined copy (the shorter text's shingles are mostly inside the longer
  one, ``rewrite_containment``), or a paraphrase whose sentences each find a close counterpart in the other text
  (``rewrite_sentence_similarity``, ``rewrite_sentence_share``; words weighted by rarity, so that stock phrases
  with other names in them do not match). Candidates come from a MinHash LSH over content
  words at ``derived_threshold``. The copy gets a ``derived_from`` edge to its source.

Independent reports of one event share names and facts but not sentence after sentence, so they stay apart; the
story clustering groups them instead. The direction: a text that names the other's outlet copied it; otherwise the
earlier publication, then the fuller text, then input order is the source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

import numpy as np

from newsprism.records import Article, normalize_text
from newsprism.settings import Settings

_TOKEN = re.compile(r"\w+")
_SENTENCE = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")
_QUOTED = re.compile(r'"[^"]{0,600}"')
_MIN_WORDS = 25
_MIN_SENTENCE_WORDS = 4
_STOPWORDS_TEXT = (
    "a an the and or but if of to in on at by for with from as is are was were be been being has have had do does "
    "did it its this that these those he she they we you i his her their our them him not no than then so such "
    "will would can could should may might must also said says say about into over after before while who whom "
    "which what when where why how there here up out more most other some any all one")
_STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


class _Hashes:
    """Stable 64-bit hashes of tokens, one blake2b per distinct token of the run (tokens repeat a lot)."""

    def __init__(self) -> None:
        self.known: dict[str, int] = {}

    def of(self, tokens: Sequence[str]) -> np.ndarray:
        known = self.known
        out = np.empty(len(tokens), dtype=np.uint64)
        for i, t in enumerate(tokens):
            h = known.get(t)
            if h is None:
                h = known[t] = _token_hash(t)
            out[i] = h
        return out


def _token_hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")


_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd multiplier of the polynomial that hashes a shingle's tokens


def _shingle_hashes(tokens: np.ndarray, size: int) -> np.ndarray:
    """Sorted distinct hashes of the word n-grams (one n-gram for a text shorter than ``size``)."""
    n = len(tokens)
    width = min(size, max(n, 1))
    count = max(1, n - size + 1)
    out = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for t in range(width):
            part = tokens[t:t + count] if n else np.zeros(1, dtype=np.uint64)
            out = out * _MIX + part
    return np.unique(out)


class _Doc:
    """What dedupe needs from one article, computed once and kept small: the shingles and words as sorted arrays
    of 64-bit hashes (a tenth of the memory of string sets, for 100,000 articles), the text's own key as a digest;
    the normalised text and the sentences are made again for the few pairs that need them."""

    __slots__ = ("article", "day", "digest", "length", "shingles", "words")

    def __init__(self, article: Article, shingle_size: int, hashes: _Hashes) -> None:
        self.article = article
        key = normalize_text(article.text)
        self.digest = hashlib.blake2b(key.encode("utf-8"), digest_size=16).digest() if key else b""
        tokens = _TOKEN.findall(key)
        self.length = len(tokens)
        hashed = hashes.of(tokens)
        self.shingles = _shingle_hashes(hashed, max(1, shingle_size))
        self.words = _content_hashes(tokens, hashed)
        self.day = _day(article.published)

    @property
    def key(self) -> str:
        return normalize_text(self.article.text)

    def _sentence_words(self) -> Iterator[set[str]]:
        # Quoted words are left out: two reports quoting the same speaker have not copied each other.
        for part in _SENTENCE.split(self.key):
            words = set(_content(_TOKEN.findall(_QUOTED.sub(" ", part))))
            if len(words) >= _MIN_SENTENCE_WORDS:
                yield words

    @property
    def sentences(self) -> list[frozenset[str]]:
        return [frozenset(w) for w in self._sentence_words()]

    def sentence_hashes(self, hashes: _Hashes) -> list[np.ndarray]:
        """``sentences`` as arrays of word hashes (what ``Sentences`` is built from)."""
        return [hashes.of(sorted(w)) for w in self._sentence_words()]


def _content(tokens: Sequence[str]) -> list[str]:
    return [t for t in tokens if len(t) > 2 and t not in _STOPWORDS]


def _content_hashes(tokens: Sequence[str], hashed: np.ndarray) -> np.ndarray:
    """The sorted distinct hashes of the content words (``_content``) among ``tokens``, whose hashes are
    ``hashed``."""
    content = np.fromiter((len(t) > 2 and t not in _STOPWORDS for t in tokens), dtype=bool, count=len(tokens))
    return np.unique(hashed[content])


def _day(published: str | None) -> int | None:
    try:
        return dt.date.fromisoformat((published or "").strip()[:10]).toordinal()
    except ValueError:
        return None


Items = frozenset[str] | np.ndarray
"""A set of strings, or the sorted distinct hashes of one (``_Doc``)."""


def _common(a: Items, b: Items) -> int:
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        return int(np.intersect1d(a, b, assume_unique=True).size)
    return len(a & b)  # type: ignore[operator]


def _jaccard(a: Items, b: Items) -> float:
    inter = _common(a, b)
    return inter / (len(a) + len(b) - inter) if len(a) or len(b) else 0.0


def containment(a: Items, b: Items) -> float:
    """Share of the smaller set found in the larger one (a trimmed copy scores near 1)."""
    small = min(len(a), len(b))
    return _common(a, b) / small if small else 0.0


class Sentences:
    """A text's sentences as content-word sets, held as one weighted sentence x word matrix so that a pair of texts
    is compared in a few array operations (every sentence of one against every sentence of the other). Words are
    kept as their 64-bit hashes: a tenth of the bytes of the strings, so more texts stay cached during a run."""

    __slots__ = ("mass", "matrix", "weights", "words")

    def __init__(self, sentences: Sequence[frozenset[str]] | Sequence[np.ndarray],
                 weigh: Callable[[np.ndarray], np.ndarray] | None = None) -> None:
        rows = [s if isinstance(s, np.ndarray) else _Hashes().of(list(s)) for s in sentences]
        self.words = np.unique(np.concatenate(rows)) if rows else np.zeros(0, dtype=np.uint64)
        self.matrix = np.zeros((len(rows), len(self.words)), dtype=bool)
        for r, row in enumerate(rows):
            self.matrix[r, np.searchsorted(self.words, row)] = True
        self.weights = weigh(self.words) if weigh else np.ones(len(self.words), dtype=np.float64)
        self.mass = self.matrix @ self.weights

    def __len__(self) -> int:
        return self.matrix.shape[0]

    @property
    def nbytes(self) -> int:
        return self.matrix.nbytes + self.words.nbytes + self.weights.nbytes + self.mass.nbytes


def sentence_share(a: Sentences, b: Sentences, similarity: float, at_least: float = 0.0) -> float:
    """Share of the shorter text's sentences that have a counterpart in the other text: content-word Jaccard,
    weighted by each word's rarity in the corpus when the sentences were made with a weight.

    Weighted, two sentences on one stock pattern ("Shops in central X stayed open") share only common words and
    differ in the names, so they do not count as copied, while a copy keeps the names and numbers and a
    paraphrase changes mostly the common words.

    With ``at_least``, a pair that cannot reach it returns early with an upper bound below it: a sentence's
    Jaccard with any sentence of the other text is at most the weight of its words found anywhere in that text
    over its own weight, one product instead of every sentence against every sentence (most candidate pairs
    end there)."""
    if not len(a) or not len(b) or not len(a.words) or not len(b.words):
        return 0.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    at = np.minimum(np.searchsorted(long_.words, short.words), len(long_.words) - 1)  # both sorted, distinct
    i_s = np.flatnonzero(long_.words[at] == short.words)
    i_l = at[i_s]
    found = short.matrix[:, i_s] * short.weights[i_s]
    if at_least > 0.0:
        bound = float((found.sum(axis=1) >= similarity * short.mass * (1 - 1e-9)).sum() / len(short))
        if bound < at_least:
            return bound
    inter = found @ long_.matrix[:, i_l].T.astype(np.float64)
    union = short.mass[:, None] + long_.mass[None, :] - inter
    best = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0).max(axis=1)
    return float((best >= similarity).sum() / len(short))


_BACKGROUND = 100
"""Documents of a pseudo-corpus in which every word is common: a small batch cannot tell a stock phrase from a
shared name, so weights stay close to equal there (the unweighted Jaccard the thresholds were tuned with) and
spread only as the corpus grows."""


class WordCounts:
    """Document frequencies of content words (by 64-bit hash) over texts counted elsewhere: the rest of a stored
    corpus, so that a window of it weighs words as the whole corpus would."""

    def __init__(self, documents: int, values: np.ndarray, counts: np.ndarray) -> None:
        order = np.argsort(values)
        self.documents, self.values, self.counts = documents, values[order], counts[order]

    def of(self, hashed: np.ndarray) -> np.ndarray:
        df = np.zeros(len(hashed), dtype=np.float64)
        if len(self.values):
            k = np.minimum(np.searchsorted(self.values, hashed), len(self.values) - 1)
            hit = self.values[k] == hashed
            df[hit] = self.counts[k[hit]]
        return df


def content_words(article: Article) -> np.ndarray:
    """The sorted distinct hashes of an article's content words, as rewrite detection counts them."""
    tokens = _TOKEN.findall(normalize_text(article.text))
    return _content_hashes(tokens, _Hashes().of(tokens))


def _rarity(docs: Sequence[_Doc], elsewhere: WordCounts | None = None) -> Callable[[np.ndarray], np.ndarray]:
    """Content words' weights (by hash), log(1 + (N + B) / (document frequency + 1)), from the documents' word
    hashes (and the counts of documents ``elsewhere``)."""
    n = len(docs) + (elsewhere.documents if elsewhere is not None else 0)
    own = WordCounts(len(docs), *np.unique(np.concatenate([d.words for d in docs] or [np.zeros(0, dtype=np.uint64)]),
                                           return_counts=True))

    def weigh(hashed: np.ndarray) -> np.ndarray:
        df = np.maximum(own.of(hashed), 1.0)  # 1 for a word no document has (never, for the documents' own words)
        if elsewhere is not None:
            df += elsewhere.of(hashed)
        return np.log1p((n + _BACKGROUND) / (df + 1.0))

    return weigh


def names_outlet(text_key: str, outlet: str | None) -> bool:
    """Does this (normalised) text name that outlet? A copy usually credits its source."""
    if not outlet:
        return False
    name = normalize_text(outlet)
    return len(name) >= 3 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text_key) is not None


def source_order(a: _Doc, b: _Doc, pos_a: int, pos_b: int) -> tuple[_Doc, _Doc]:
    """(source, copy) for a pair: the text naming the other's outlet is the copy; else earlier, fuller, first."""
    ka, kb = a.key, b.key
    a_cites_b = names_outlet(ka, b.article.outlet) and not names_outlet(kb, a.article.outlet)
    b_cites_a = names_outlet(kb, a.article.outlet) and not names_outlet(ka, b.article.outlet)
    if a.article.outlet != b.article.outlet and a_cites_b != b_cites_a:
        return (b, a) if a_cites_b else (a, b)
    if a.day is not None and b.day is not None and a.day != b.day:
        return (a, b) if a.day < b.day else (b, a)
    if a.length != b.length:
        return (a, b) if a.length > b.length else (b, a)
    return (a, b) if pos_a <= pos_b else (b, a)


_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)


def _signatures(sets: Sequence[np.ndarray], num_perm: int) -> np.ndarray:
    """MinHash signatures, one row per set, computed in numpy from the hash arrays (the "legacy" affine scheme of
    datasketch: 32-bit values, so a row of 128 takes 512 bytes, not a MinHash object each)."""
    gen = np.random.RandomState(1)
    a = gen.randint(1, int(_PRIME), size=num_perm, dtype=np.uint64)[:, None]
    b = gen.randint(0, int(_PRIME), size=num_perm, dtype=np.uint64)[:, None]
    out = np.full((len(sets), num_perm), _MAX_HASH, dtype=np.uint32)
    with np.errstate(over="ignore"):
        for row, items in enumerate(sets):
            if len(items):
                hv = (items ^ (items >> np.uint64(32))) & _MAX_HASH  # 32 bits, as datasketch hashes
                out[row] = (((a * hv[None, :] + b) % _PRIME) & _MAX_HASH).min(axis=1)
    return out


def _area(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Trapezoid integral of each row of ``y`` over ``x``."""
    return np.asarray(((y[..., 1:] + y[..., :-1]) * np.diff(x) / 2).sum(axis=-1))


def band_shape(threshold: float, num_perm: int, false_positive_weight: float = 0.2,
               false_negative_weight: float = 0.8) -> tuple[int, int]:
    """Bands and rows per band (``bands * rows <= num_perm``) that minimise the weighted chance of proposing a
    pair below ``threshold`` and of missing one above it: the standard MinHash LSH choice (datasketch's)."""
    below, above = np.linspace(0.0, threshold, 2001), np.linspace(threshold, 1.0, 2001)
    best, shape = float("inf"), (0, 0)
    for bands in range(1, num_perm + 1):
        rows = np.arange(1, num_perm // bands + 1, dtype=np.float64)[:, None]
        false_pos = _area(1 - (1 - below[None, :] ** rows) ** bands, below)
        false_neg = _area((1 - above[None, :] ** rows) ** bands, above)
        error = false_pos * false_positive_weight + false_neg * false_negative_weight
        k = int(np.argmin(error))
        if error[k] < best:
            best, shape = float(error[k]), (bands, k + 1)
    return shape


MAX_CANDIDATES = 50
"""Candidates kept per document, the most similar by MinHash estimate: texts on one template (or one topic told
in stock phrases) would otherwise give every document thousands of candidates, a quadratic pair set."""


def _candidates(sets: Sequence[np.ndarray], eligible: Sequence[int], threshold: float,
                num_perm: int, cap: int = MAX_CANDIDATES) -> _Pairs:
    """Pairs (i < j) whose sets MinHash LSH thinks are at least ``threshold`` similar, at most ``cap`` per
    document (a pair stays when either document keeps it).

    The banding is done on one signature matrix: per band, the documents sorted by their band's values, so a
    document's candidates are the other members of its buckets. A dictionary index (datasketch's MinHashLSH)
    holds an object per band per document: about a gigabyte for 100,000 documents at 42 bands."""
    if len(eligible) < 2:
        return _Pairs(np.zeros(0, dtype=np.int64), 1)
    # Recall over precision: every candidate is verified on the exact sets afterwards.
    bands, rows = band_shape(min(max(threshold, 0.05), 0.99), num_perm)
    ids = np.asarray(eligible, dtype=np.int64)
    signatures = _signatures([sets[i] for i in eligible], num_perm)
    index: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # per band: bucket start, end, members
    shared_any = np.zeros(len(ids), dtype=bool)
    for band in range(bands):
        cells = np.ascontiguousarray(signatures[:, band * rows:(band + 1) * rows])
        values = cells.view(np.dtype((np.void, cells.dtype.itemsize * rows))).ravel()
        _, bucket, counts = np.unique(values, return_inverse=True, return_counts=True)
        bucket = bucket.ravel()
        shared_any |= counts[bucket] > 1  # alone in its bucket: nobody's candidate in this band
        order = np.argsort(bucket, kind="stable").astype(np.int32)
        starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        index.append((starts[bucket], starts[bucket + 1], order))
    width = np.int64(max(eligible) + 1)
    keys: list[np.ndarray] = []
    slot = np.zeros(len(ids), dtype=np.int64)  # scratch: where a member was last seen in ``members``
    for r in np.flatnonzero(shared_any).tolist():
        members = np.concatenate([order[lo[r]:hi[r]] for lo, hi, order in index])
        at = np.arange(len(members))
        slot[members] = at
        found = members[(slot[members] == at) & (members != r)]  # each distinct member once (a sort-free unique)
        if len(found) > cap:
            agree = np.count_nonzero(signatures[found] == signatures[r], axis=1)  # the estimate times num_perm
            found = found[np.lexsort((ids[found], -agree))[:cap]]
        j = ids[found]
        keys.append(np.minimum(j, ids[r]) * width + np.maximum(j, ids[r]))
    return _Pairs(np.unique(np.concatenate(keys)) if keys else np.zeros(0, dtype=np.int64), int(width))


class _Pairs:
    """Index pairs (i < j) in ascending order, kept as one int64 key each (``i * width + j``): a set of
    tuples costs about 150 bytes a pair, and 100,000 documents propose millions."""

    def __init__(self, keys: np.ndarray, width: int) -> None:
        self.keys, self.width = keys, width

    def __len__(self) -> int:
        return len(self.keys)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        for start in range(0, len(self.keys), 1 << 16):
            chunk = self.keys[start:start + (1 << 16)]
            yield from zip((chunk // self.width).tolist(), (chunk % self.width).tolist(), strict=True)


class _Recent:
    """The most recently used sentence matrices, up to ``budget`` bytes: candidate pairs come sorted, so one
    document's sentences serve its run of pairs without every document's sentences held at once."""

    def __init__(self, compute: Callable[[int], Sentences], budget: int = 64 << 20) -> None:
        self.compute = compute
        self.budget = budget
        self.used = 0
        self.values: OrderedDict[int, Sentences] = OrderedDict()

    def __call__(self, i: int) -> Sentences:
        found = self.values.get(i)
        if found is None:
            found = self.values[i] = self.compute(i)
            self.used += found.nbytes
            while self.used > self.budget and len(self.values) > 2:
                self.used -= self.values.popitem(last=False)[1].nbytes
        else:
            self.values.move_to_end(i)
        return found


def find_duplicates(articles: Sequence[Article], *, settings: Settings,
                    elsewhere: WordCounts | None = None) -> list[Article]:
    """Return the articles with ``duplicate_of`` and ``derived_from`` set; ``elsewhere``: word counts of the
    corpus beyond these articles (an update that sees a window of a stored corpus)."""
    hashes = _Hashes()
    docs = [_Doc(a, settings.shingle_size, hashes) for a in articles]
    del hashes
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[bytes, int] = {}
    for i, d in enumerate(docs):
        if d.digest:
            j = first.setdefault(d.digest, i)
            parent[find(i)] = find(j)
    eligible = [i for i, d in enumerate(docs) if d.length >= _MIN_WORDS and first.get(d.digest) == i]
    for i, j in _candidates([d.shingles for d in docs], eligible, settings.near_duplicate_threshold,
                            settings.minhash_perm):
        if _jaccard(docs[i].shingles, docs[j].shingles) >= settings.near_duplicate_threshold:
            parent[find(i)] = find(j)

    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        groups.setdefault(find(i), []).append(i)
    root_of: dict[int, int] = {}
    for members in groups.values():
        source = members[0]
        for m in members[1:]:
            if source_order(docs[source], docs[m], source, m)[0] is docs[m]:
                source = m
        for m in members:
            root_of[m] = source

    derived: dict[int, list[int]] = {}
    roots = [i for i in eligible if root_of[i] == i]
    weight = _rarity(docs, elsewhere)
    words = _Hashes()  # the distinct words of the texts that reach this step, hashed once each
    sentences = _Recent(lambda i: Sentences(docs[i].sentence_hashes(words), weight))
    for i, j in _candidates([d.words for d in docs], roots, settings.derived_threshold, settings.minhash_perm):
        a, b = docs[i], docs[j]
        rewrite = containment(a.shingles, b.shingles) >= settings.rewrite_containment or sentence_share(
            sentences(i), sentences(j), settings.rewrite_sentence_similarity,
            settings.rewrite_sentence_share) >= settings.rewrite_sentence_share
        if rewrite:
            src, copy = source_order(a, b, i, j)
            derived.setdefault(j if copy is b else i, []).append(i if src is a else j)

    out: list[Article] = []
    for i, art in enumerate(articles):
        dup = docs[root_of[i]].article.id if root_of[i] != i else None
        sources = tuple(docs[s].article.id for s in derived.get(i, ()))
        merged = tuple(dict.fromkeys(art.derived_from + sources))
        if dup != art.duplicate_of or merged != art.derived_from:
            art = replace(art, duplicate_of=dup, derived_from=merged)
        out.append(art)
    return out
