"""Alignment: which claims of a story state the same thing.

Each claim becomes one or more propositions: its core (the complement of "X said ...", without "according to X"
or "citing X"), split at coordinated objects so "asked for economic and military help" is both an economic and a
military request. Propositions are embedded with MiniLM and grouped by average-linkage clustering on cosine
similarity, nudged by agreement of named entities and numbers. Negation does not push claims apart: "has asked"
and "has not asked" land in one group, where the stance step sets them against each other.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsprism.answers import response_of
from newsprism.extract.claims import NOBODY, REPORTING
from newsprism.records import Claim, normalize_text, stable_id

log = logging.getLogger(__name__)

_NUM_RE = re.compile(r"(\d[\d,.]*)\s*(thousand|million|billion|trillion|bn|m|k|%|percent|per cent)?", re.I)
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}


@dataclass(frozen=True, slots=True)
class Proposition:
    """One thing a claim asserts; a claim with coordinated objects yields several."""

    claim: Claim
    core: str
    variant: int
    negative: bool
    entities: frozenset[str]
    values: tuple[float, ...]
    predicate: str
    content: frozenset[str] = frozenset()  # lemmas of the asserted content words (frame of the claim)
    negated: frozenset[str] = frozenset()  # what its negation sits on ("had no excuses for his conduct": excuse,
    # conduct; "was not killed": kill)
    negated_head: str = ""  # under a light verb, the head of what it negates ("has no affiliation with the PAC":
    # affiliation); empty otherwise


_WORDS = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"))}
_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
               "hundred": 100, "dozen": 12})


def number_values(numbers: Sequence[str]) -> tuple[float, ...]:
    """Numeric values of number strings ("300 billion US dollars" -> 3e11, "Twelve" -> 12; years skipped)."""
    out: list[float] = []
    for text in numbers:
        m = _NUM_RE.search(text)
        if not m:
            word = text.strip().lower().split()[0] if text.strip() else ""
            if word in _WORDS:
                out.append(float(_WORDS[word]))
            continue
        try:
            value = float(m.group(1).replace(",", "").rstrip("."))
        except ValueError:
            continue
        if 1900 <= value <= 2100 and not m.group(2):
            continue  # a year is a date, not a quantity
        unit = (m.group(2) or "").lower()
        out.append(value * _SCALE.get(unit, 1.0))
    return tuple(out)


def propositions(claims: Sequence[Claim], nlp: Any,
                 known: Mapping[str, Sequence[Proposition]] | None = None) -> list[Proposition]:
    """Each claim's propositions: taken from ``known`` (derived from the article's own parse at extraction), and
    for the rest from a parse of the claim's text."""
    known = known or {}
    todo = [c for c in claims if c.id not in known]
    parsed = dict(zip((c.id for c in todo), nlp.pipe([c.text for c in todo]), strict=True)) if todo else {}
    out: list[Proposition] = []
    for claim in claims:
        out.extend(known[claim.id] if claim.id in known else claim_propositions(claim, parsed[claim.id]))
    return out


def propositions_in(doc: Any, claims: Sequence[Claim]) -> dict[str, list[Proposition]]:
    """Propositions of an article's claims read from the article's parse (each claim's span copied out as a
    Doc), so comparison needs no second spaCy pass over the claims."""
    out: dict[str, list[Proposition]] = {}
    head: Any = None
    array: Any = None
    size = len(doc.text)  # Doc.text joins every token: build it once, not once per claim
    for claim in claims:
        if claim.start < 0 or claim.end > size:
            continue
        span = doc.char_span(claim.start, claim.end)
        if span is None or span.text != claim.text:
            continue
        if array is None:  # Span.as_doc exports the whole doc on every call unless given the export
            head = doc._get_array_attrs()
            array = doc.to_array(head)
        # as_doc rewrites its rows of the array (heads, entity starts), so each span gets a fresh copy
        out[claim.id] = claim_propositions(claim, span.as_doc(array_head=head, array=array.copy()))
    return out


def claim_propositions(claim: Claim, doc: Any) -> list[Proposition]:
    """The propositions of one claim from a Doc of its text."""
    keep = _core_tokens(doc)
    variants = _conjunct_variants(doc, keep) or [keep]
    ents = frozenset(normalize_text(e.text) for e in doc.ents
                     if e.label_ in {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}
                     and (e.text != claim.attributed_to))
    values = number_values(claim.numbers)
    root = _core_root(doc)
    granted = _doubt_negated(root)  # the same root for every variant
    out = []
    for k, toks in enumerate(variants):
        core = _text(doc, toks) or claim.text
        negative = (claim.negated or response_of(core) == "denies") and not granted
        pred = verb_lemma(root) if root is not None else ""
        out.append(Proposition(claim=claim, core=core, variant=k, negative=negative, entities=ents,
                               values=values, predicate=pred, content=_content(doc, toks),
                               negated=_negated_words(root) if negative else frozenset(),
                               negated_head=_negated_head(root) if negative else ""))
    return out


_MODAL_WORDS = frozenset({"able", "unable", "allowed", "required", "obliged", "likely", "possible"})


def _doubt_negated(root: Any) -> bool:
    """A doubt or challenge negated ("he never questioned the president's faith", "did not dispute the figures") grants
    what it would have doubted: the sentence is not the opposite of the claim."""
    return root is not None and verb_lemma(root) in _DOUBT_VERBS and _negated_words(root) == {verb_lemma(root)}


_DOUBT_VERBS = frozenset({"question", "doubt", "dispute", "challenge", "contest"})


def _negated_words(root: Any) -> frozenset[str]:
    """What the core's negation denies: its verb ("Russia has not asked": ask; "no one was killed": kill), or the
    content of a light verb's object ("did not make a request": request; "had no excuses for his conduct": excuse,
    conduct; "was not an attempt to label them as racist": attempt, label, racist); empty when not found."""
    if root is None:
        return frozenset()
    light = root.lemma_.lower() in _LIGHT
    verb = frozenset({verb_lemma(root)})
    obj = _object_of(root)
    if any(c.dep_ == "neg" for c in root.children) or any(
            g.dep_ == "neg" for c in root.children if c.dep_ in {"aux", "auxpass"} for g in c.children):
        if not light:
            return verb
        if (obj is not None and obj.lemma_.lower() in _MODAL_WORDS) or (
                obj is None and any(c.dep_ == "xcomp" for c in root.children)):
            # "will not be able to file", "do not have to file": the ability or the duty is negated, not the act
            return frozenset({"able" if obj is not None else "must"})
        return _phrase_content(root, obj) if obj is not None else frozenset()
    for arg in root.children:
        if arg.dep_ in {"nsubj", "nsubjpass", "dobj", "obj"} and (
                arg.lower_ in NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in arg.children)):
            if light and arg.dep_ in {"dobj", "obj"} and arg.lower_ not in NOBODY:
                return _phrase_content(root, arg)
            return frozenset() if light else verb
    return frozenset()


def _negated_head(root: Any) -> str:
    """The head of what a light verb's negation denies ("was not an attempt to label them": attempt; "has no
    affiliation with the super PAC": affiliation); empty for a negated full verb or where none is found."""
    if root is None or root.lemma_.lower() not in _LIGHT:
        return ""
    obj = _object_of(root)
    if obj is None or obj.lemma_.lower() in _MODAL_WORDS or not obj.is_alpha:
        return ""
    return frame_lemma(obj.lemma_.lower())


def _object_of(root: Any) -> Any:
    """The verb's object or complement token ("made a request", "was an attempt", "is welcome"), or None."""
    return next((c for c in root.children if c.dep_ in {"dobj", "obj", "attr", "acomp"}), None)


def _phrase_content(verb: Any, obj: Any) -> frozenset[str]:
    """Content lemmas of a light verb's object without its clauses, and the verb's own prepositions when the object
    is a bare noun ("take no issue [with the movement]": the parser may hang the phrase on either)."""
    clauses = {t.i for c in obj.subtree if c.dep_ in {"ccomp", "advcl", "relcl"} for t in c.subtree}
    toks = [t for t in obj.subtree if t.i not in clauses]  # "isn't worried [that he will win]": a worry, not a win
    if len(_content_of(toks)) == 1:
        toks += [t for c in verb.children if c.dep_ == "prep" for t in c.subtree]
    return _content_of(toks)


def _content_of(toks: Sequence[Any]) -> frozenset[str]:
    return frozenset(frame_lemma(t.lemma_.lower()) for t in toks
                     if t.pos_ in _CONTENT_POS and not t.is_stop and t.is_alpha and t.lemma_.lower() not in _LIGHT)


# Verbs that state the same frame ("asked for help" = "requested help" = "turned to X for help").
_FRAMES = {"request": "ask", "seek": "ask", "turn": "ask", "appeal": "ask", "demand": "ask", "solicit": "ask",
           "beg": "ask", "assistance": "help", "aid": "help", "support": "help", "weapon": "arm",
           "armament": "arm", "weaponry": "arm", "equipment": "arm", "ammunition": "arm", "deny": "reject",
           "refute": "reject", "dismiss": "reject"}
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})
_LIGHT = frozenset({"be", "have", "do", "say", "make", "get", "go", "come", "take", "give", "also", "other"})


def verb_lemma(verb: Any) -> str:
    """A predicate's frame lemma, or its lemma with its particle: "broke up" and "broke" are two predicates, as are
    "gave up" and "gave", and "turned down" is not a synonym's particle verb ("ask down")."""
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {prt}" if prt else frame_lemma(verb.lemma_.lower())


def frame_lemma(lemma: str) -> str:
    """The frame a lemma belongs to, so near-synonymous predicates and objects compare equal."""
    return _FRAMES.get(lemma, lemma)


def _content(doc: Any, toks: set[int]) -> frozenset[str]:
    return frozenset(frame_lemma(doc[i].lemma_.lower()) for i in toks
                     if doc[i].pos_ in _CONTENT_POS and not doc[i].is_stop and doc[i].is_alpha
                     and doc[i].lemma_.lower() not in _LIGHT)


def frame_overlap(a: Proposition, b: Proposition) -> float:
    """Jaccard overlap of two propositions' content frames (0 when either has none)."""
    if not a.content or not b.content:
        return 0.0
    return len(a.content & b.content) / len(a.content | b.content)


def _core_root(doc: Any) -> Any:
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and root.lemma_.lower() in REPORTING:
        for child in root.children:
            if child.dep_ == "ccomp":
                return child
        # "said in a statement that X", "told reporters in an interview that X": the parser hangs X on the noun
        for prep in root.children:
            if prep.dep_ != "prep":
                continue
            for noun in prep.children:
                for clause in noun.children:
                    if clause.dep_ in {"acl", "ccomp"} and any(t.dep_ == "mark" and t.lower_ == "that"
                                                               for t in clause.children):
                        return clause
    return root


def _core_tokens(doc: Any) -> set[int]:
    """Token indices of what is asserted, without the attribution around it."""
    root = _core_root(doc)
    keep = {t.i for t in root.subtree} if root is not None and root.dep_ != "ROOT" else {t.i for t in doc}
    for tok in doc:
        low = tok.lower_
        if low == "according" or (low in {"citing", "quoting"}) or (
                tok.lemma_ == "cite" and tok.dep_ in {"relcl", "acl", "advcl"}):
            keep -= {t.i for t in tok.subtree}
    return keep


def _conjunct_variants(doc: Any, keep: set[int]) -> list[set[int]]:
    """Split the first coordination of nouns or adjectives: "economic and military help" -> two variants."""
    for tok in doc:
        if tok.i not in keep or tok.dep_ == "conj" or tok.pos_ not in {"NOUN", "ADJ", "PROPN"}:
            continue
        conj = [c for c in tok.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "ADJ", "PROPN"}]
        if not conj:
            continue
        members = [tok]
        while conj:
            members.extend(conj)
            conj = [c for c in conj[-1].children if c.dep_ == "conj" and c.pos_ in {"NOUN", "ADJ", "PROPN"}]
        if len(members) > 4 or tok.dep_ in {"nsubj", "nsubjpass"}:
            return []
        links = {c.i for m in members for c in m.children if c.dep_ in {"cc", "punct", "preconj"}}
        owned = [_own(m, members) - links for m in members]
        return [keep - links - set().union(*(o for k, o in enumerate(owned) if k != i))
                for i in range(len(members))]
    return []


def _own(m: Any, members: Sequence[Any]) -> set[int]:
    """A conjunct's own tokens: its subtree without the subtrees of the conjuncts that hang below it."""
    sub = {t.i for t in m.subtree}
    for other in members:
        if other is not m and other.i in sub:
            sub -= {t.i for t in other.subtree}
    return sub


def _text(doc: Any, toks: set[int]) -> str:
    """The kept tokens as text; where tokens were left out between two, a space keeps their words apart
    ("greater trade, financial ... support from" -> "greater trade from", not "greater tradefrom")."""
    parts: list[str] = []
    last = -2
    for i in sorted(toks):
        if parts and i != last + 1 and not parts[-1][-1:].isspace():
            parts.append(" ")
        parts.append(doc[i].text_with_ws)
        last = i
    return re.sub(r"\s+", " ", "".join(parts)).strip(" ,;:-\"\u201c\u201d")


_MAX_NUDGE = 0.14  # the most the nudges can add to a pair (entities 0.04, numbers 0.04 + 0.04, predicate 0.02)


def _centred(vecs: np.ndarray, shift: np.ndarray) -> np.ndarray:
    centred = vecs - shift
    centred /= np.maximum(np.linalg.norm(centred, axis=1, keepdims=True), 1e-9)
    return centred


def _story_shift(vecs: np.ndarray) -> np.ndarray:
    """The story's mean vector, shrunk for small stories (what every claim of the story shares)."""
    n = len(vecs)
    return np.asarray((n / (n + 10.0)) * vecs.mean(axis=0, keepdims=True), dtype=np.float32)


def similarity(props: Sequence[Proposition], vecs: np.ndarray, shift: np.ndarray | None = None, *,
               lexical: float = 0.0, words: Any = None) -> np.ndarray:
    """Cosine similarity, nudged by shared entities and numbers (more for two specific figures in common: "24 jets
    and $3.2 billion" told twice is one claim); variants of one claim never group.

    Within one story every sentence is about the same topic, so raw cosines crowd together (0.7-0.8 for claims
    that share only the topic). Half of the score is therefore the cosine after subtracting the story's mean
    vector (shrunk for small stories), which keeps what distinguishes one claim from another. The nudges are
    computed as whole-matrix operations, so a story of thousands of claims costs seconds, not minutes.
    ``shift``: the whole story's mean, when ``props`` are one part of it (see ``similarity_blocks``).
    ``lexical``: weight of the words two propositions share, weighted by their rarity among ``props``: sentences of
    one story all share its topic, and what sets two tellings of one claim apart from the rest is often a rare word
    they share ("issued its own resolution"), which a sentence vector blurs. ``words``: ``lexical_rows`` of the
    whole story when ``props`` are one part of it.
    """
    vecs = np.asarray(vecs, dtype=np.float32)
    n = len(props)
    centred = _centred(vecs, _story_shift(vecs) if shift is None else shift)
    sim = vecs @ vecs.T
    sim += centred @ centred.T
    sim *= 0.5
    del centred
    if n < 2:
        return sim
    diagonal = sim.diagonal().copy()
    # in place, with boolean masks (one byte per pair), so a story of 10k claims needs no float temporaries
    shared = _shares(props, lambda p: set(p.entities))
    has = np.array([bool(p.entities) for p in props])
    both = has[:, None] & has[None, :]
    np.add(sim, 0.04, out=sim, where=both & shared)
    np.subtract(sim, 0.04, out=sim, where=both & ~shared)
    del shared, both
    np.add(sim, 0.04, out=sim, where=_values_close(props))
    np.add(sim, 0.04, out=sim, where=_values_close(props, least=2, floor=10.0))
    if lexical:
        words = lexical_rows(props) if words is None else words
        sim += np.float32(lexical) * np.asarray((words @ words.T).toarray(), dtype=np.float32)
    predicates = _codes([p.predicate for p in props])
    np.add(sim, 0.02, out=sim, where=(predicates[:, None] == predicates[None, :]) & (predicates[:, None] > 0))
    claims = _codes([p.claim.id for p in props])
    np.copyto(sim, np.float32(-1.0), where=claims[:, None] == claims[None, :])
    np.fill_diagonal(sim, diagonal)
    return sim


def lexical_rows(props: Sequence[Proposition]) -> Any:
    """Each proposition's content words and entities as a tf-idf row (idf within ``props``, rows unit length)."""
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [" ".join(sorted(set(p.content) | {e.replace(" ", "_") for e in p.entities})) for p in props]
    if not any(docs):
        return csr_matrix((len(props), 1), dtype=np.float32)
    return TfidfVectorizer(token_pattern=r"\S+", lowercase=False, sublinear_tf=True,
                           dtype=np.float32).fit_transform(docs)


def _codes(values: Sequence[str]) -> np.ndarray:
    """Integer codes of strings; the empty string is 0."""
    table: dict[str, int] = {"": 0}
    return np.array([table.setdefault(v, len(table)) for v in values], dtype=np.int64)


def _incidence(sets: Sequence[Any]) -> Any:
    """A sparse (items x vocabulary) 0/1 matrix of the items' sets."""
    from scipy.sparse import csr_matrix

    vocab: dict[Any, int] = {}
    rows, cols = [], []
    for i, items in enumerate(sets):
        for x in items:
            rows.append(i)
            cols.append(vocab.setdefault(x, len(vocab)))
    return csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(sets), max(1, len(vocab))))


def _shares(props: Sequence[Proposition], keys: Callable[[Proposition], set[Any]]) -> np.ndarray:
    """1 where two propositions share at least one key, else 0."""
    inc = _incidence([keys(p) for p in props])
    return (inc @ inc.T).toarray() > 0


def _values_close(props: Sequence[Proposition], *, least: int = 1, floor: float = 0.0) -> np.ndarray:
    """True where two propositions share at least ``least`` numbers within 5% of each other, counting only numbers
    of ``floor`` or more ("24 jets" and "$3.2 billion" are specific; "two meetings" is not)."""
    from scipy.sparse import csr_matrix

    owners: list[int] = []
    values: list[float] = []
    for i, p in enumerate(props):
        for v in dict.fromkeys(p.values):
            if abs(v) >= floor:
                owners.append(i)
                values.append(v)
    n = len(props)
    if not values:
        return np.zeros((n, n), dtype=bool)
    vals = np.array(values, dtype=np.float64)
    a = np.abs(vals)
    close = np.abs(vals[:, None] - vals[None, :]) <= 0.05 * np.maximum(np.maximum(a[:, None], a[None, :]), 1e-9)
    owner = csr_matrix((np.ones(len(vals), dtype=np.float32), (owners, np.arange(len(vals)))),
                       shape=(n, len(vals)))
    counts = owner @ csr_matrix(close.astype(np.float32)) @ owner.T
    return (counts >= least).toarray()  # compared while sparse: one n x n boolean, no float temporary


@dataclass(slots=True)
class SimilarityBlocks:
    """A story's similarity as dense blocks over parts of its propositions; pairs in different parts are far.

    Every grouping step joins two propositions only through a pair above some floor (average linkage at the
    threshold needs one pair at the threshold; the later merges need one above ``threshold - margin``). Parts
    that no pair above the lowest floor connects therefore group on their own, exactly as in one matrix, and a
    story of 50,000 claims needs the memory of its largest part, not of 50,000 squared."""

    parts: list[tuple[list[int], np.ndarray]]
    exact: bool = True  # False when a part too large for one matrix had to be cut (a warning says so)

    def among(self, groups: Sequence[Sequence[int]]) -> list[np.ndarray]:
        """The similarity matrix of each group (a group lies in one part), rows in the group's order."""
        where = {g: (pi, li) for pi, (ids, _) in enumerate(self.parts) for li, g in enumerate(ids)}
        out = []
        for idx in groups:
            local = [where[i][1] for i in idx]
            out.append(self.parts[where[idx[0]][0]][1][np.ix_(local, local)])
        return out


def similarity_blocks(props: Sequence[Proposition], vecs: np.ndarray, *, floor: float,
                      limit: int, lexical: float = 0.0) -> SimilarityBlocks:
    """``similarity`` as blocks: one matrix when the story has at most ``limit`` propositions, else one per
    connected part of the pairs whose score can exceed ``floor`` (found a band of rows at a time).

    A part larger than ``limit`` (a big story's claims chain into one) is packed into bins of at most ``limit``:
    claims that a sparse average linkage over each claim's nearest neighbours joins at ``floor`` stay in one
    bin, so only groups that would have joined across two bins are lost. That is approximate, and flagged."""
    vecs = np.asarray(vecs, dtype=np.float32)
    n = len(props)
    if n <= limit:
        return SimilarityBlocks([(list(range(n)), similarity(props, vecs, lexical=lexical))])
    shift = _story_shift(vecs)
    centred = _centred(vecs, shift)
    exact = True
    final: list[list[int]] = []
    for part in _connected_parts(vecs, centred, floor - _MAX_NUDGE - lexical):
        if len(part) <= limit:
            final.append(part)
            continue
        exact = False
        log.info("%d claims of one story chain together, more than dense_limit (%d): grouped in bins",
                 len(part), limit)
        sub = np.asarray(part)
        final.extend([part[i] for i in b] for b in _bins(vecs[sub], centred[sub], floor - lexical, limit))
    final.sort(key=lambda p: p[0])
    words = lexical_rows(props) if lexical else None
    return SimilarityBlocks([(p, similarity([props[i] for i in p], vecs[p], shift, lexical=lexical,
                                            words=None if words is None else words[p])) for p in final], exact)


def _scores(vecs: np.ndarray, centred: np.ndarray, start: int, stop: int) -> np.ndarray:
    """Unnudged scores of rows ``start:stop`` against every row."""
    score = vecs[start:stop] @ vecs.T
    score += centred[start:stop] @ centred.T
    score *= 0.5
    return score


def _band(n: int) -> int:
    return max(16, (1 << 22) // max(n, 1))  # rows per band: about 16 MB of float32 scores at a time


def _connected_parts(vecs: np.ndarray, centred: np.ndarray, floor: float) -> list[list[int]]:
    """Connected parts of the graph of pairs whose unnudged score exceeds ``floor``, each sorted."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(vecs)
    labels = np.arange(n, dtype=np.int64)
    for start in range(0, n, _band(n)):
        score = _scores(vecs, centred, start, min(n, start + _band(n)))
        rows, cols = np.nonzero(score > floor)
        del score
        rows += start
        # each node also links to its part's first node, so the parts found so far carry over to this band
        _, first = np.unique(labels, return_index=True)
        a = np.concatenate([rows, np.arange(n)])
        b = np.concatenate([cols, first[labels]])
        graph = coo_matrix((np.ones(len(a), dtype=np.int32), (a, b)), shape=(n, n)).tocsr()
        _, labels = connected_components(graph, directed=False)
        labels = labels.astype(np.int64)
    return _members(labels)


def _members(labels: np.ndarray) -> list[list[int]]:
    parts: dict[int, list[int]] = {}
    for i, lab in enumerate(labels.tolist()):
        parts.setdefault(lab, []).append(i)
    return sorted(parts.values(), key=lambda p: p[0])


def _bins(vecs: np.ndarray, centred: np.ndarray, floor: float, limit: int, k: int = 20) -> list[list[int]]:
    """Bins of at most ``limit`` rows that keep together what sparse average linkage joins at ``floor``."""
    from newsprism.cluster.agglomerate import agglomerate

    n = len(vecs)
    rows_, cols_, vals_ = [], [], []
    for start in range(0, n, _band(n)):
        score = _scores(vecs, centred, start, min(n, start + _band(n)))
        idx = np.arange(start, start + len(score))
        score[idx - start, idx] = -np.inf
        top = np.argpartition(-score, min(k, n - 1) - 1, axis=1)[:, :k]
        vals = np.take_along_axis(score, top, axis=1)
        keep = vals > floor - _MAX_NUDGE
        rows_.append(np.repeat(idx, top.shape[1])[keep.ravel()])
        cols_.append(top.ravel()[keep.ravel()])
        vals_.append(vals.ravel()[keep.ravel()])
    rows, cols, vals = np.concatenate(rows_), np.concatenate(cols_), np.concatenate(vals_)
    groups = sorted(agglomerate([[i] for i in range(n)], [False] * n, rows, cols, vals, threshold=floor), key=min)
    bins: list[list[int]] = []
    current: list[int] = []
    for g in groups:
        for k0 in range(0, len(g), limit):
            piece = sorted(g[k0:k0 + limit])
            if len(current) + len(piece) > limit:
                bins.append(sorted(current))
                current = []
            current.extend(piece)
    if current:
        bins.append(sorted(current))
    return bins


def cluster(sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-linkage clusters whose members are on average at least ``threshold`` similar."""
    n = sim.shape[0]
    if n == 0:
        return []
    if n == 1:
        return [[0]]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    dist = 1.0 - sim
    np.clip(dist, 0.0, 2.0, out=dist)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        groups.setdefault(int(lab), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def group_key(story_id: str, claim_ids: Sequence[str]) -> str:
    return stable_id(story_id, *sorted(set(claim_ids)), prefix="g")
