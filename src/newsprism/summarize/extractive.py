"""The default summary: source sentences, chosen for support and coverage, each cited to every article stating it.

Faithful by construction (every sentence is a verbatim span of a cleaned article, never of removed text), and
fair by selection: claims count by independent origins (rewrites of one article count once), a disputed claim is
followed by its denial, original reporting wins over its rewrites, and MMR over MiniLM embeddings keeps the same
fact from being said twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsprism.provenance import Origins
from newsprism.records import Article, ClaimGroup, SummarySentence
from newsprism.resources import Resources
from newsprism.settings import Settings
from newsprism.summarize.sentences import Sentence, split_sentences, word_count
from newsprism.summarize.support import Facts, embed_texts, facts_agree, independent_origins

SUPPORT_THRESHOLD = 0.68
"""Cosine above which another article's sentence states the same thing (with names and numbers agreeing)."""
REDUNDANT = 0.6
"""Cosine above which a candidate repeats a sentence already chosen."""
NAME_REDUNDANCY = 0.025
"""Each name two sentences share makes them this much more alike than their embeddings say."""
FACT_SIMILARITY = 0.6
"""Average similarity within a fact cluster: sentences this close state, broadly, the same thing."""
CLUSTER_SUPPORT = 0.3
"""Weight of a fact's independent support (origins among its cluster's articles) in the order facts are taken."""
DENIAL_MIN = 0.5
"""Denial partner score: similarity, plus a bonus when it follows the claim closely in the same article."""
DENIAL_RELATED = 0.4
"""A denial must be at least this similar to the claim it answers, however near it stands."""

_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ial)|reject(?:s|ed)?|dismiss(?:es|ed)?|refut(?:es|ed)|rebut(?:s|ted)?|never heard|"
    r"unaware|not aware|no such|untrue|false(?:ly)?|fake|disinformation|misinformation|baseless|groundless|"
    r"no evidence|unable to (?:verify|confirm)|could not (?:verify|confirm)|couldn't (?:verify|confirm)|"
    r"not part of)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:(?:has|have|had|did|does|was|were|is|are) not|never|hasn't|haven't|hadn't|didn't|"
                       r"doesn't|wasn't|weren't|isn't|aren't)\b", re.IGNORECASE)
_NOT_A_DENIAL = re.compile(r"\b(?:did|do|does|would|could|were|was) not (?:specify|say|know|disclose|elaborate|"
                           r"comment|respond|reply|detail|name|identify|immediately)\b|\bdeclined to\b", re.IGNORECASE)
_ANONYMITY = re.compile(r"\b(?:on (?:the )?condition of anonymity|not authori[sz]ed to (?:speak|comment)|"
                        r"declined to be (?:named|identified))\b", re.IGNORECASE)
_DANGLING = re.compile(r"^(?:he|she|they|it|this|that|these|those|but|and|however|also|still|instead|yet|so)\b",
                       re.IGNORECASE)
_SPEECH = re.compile(r"\b(?:said|says|told|according to|stated|added|wrote|reported|announced)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Unit:
    """A candidate sentence with where it came from."""

    article_id: str
    sentence: Sentence
    article_index: int
    position: float
    derived: bool

    @property
    def text(self) -> str:
        return self.sentence.text


_STOP_TEXT = (
    "about after also been before being from have into more said says than that their there these they "
    "this those told were what when where which while will with would could should year years over only "
    "such some other many most very just like "
)
_STOP = frozenset(_STOP_TEXT.split())


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}


def is_denial(text: str) -> bool:
    """Cue words of a denial or doubt, without the negations that only withhold detail ("did not specify")."""
    text = _NOT_A_DENIAL.sub(" ", text)
    return bool(_DENIAL.search(text) or (_NEGATION.search(text) and _SPEECH.search(text)))


def collect_units(articles: Sequence[Article]) -> list[Unit]:
    """Every sentence of every article's cleaned text (never raw_text, never a removed piece)."""
    units: list[Unit] = []
    for i, a in enumerate(articles):
        sents = split_sentences(a.text or "")
        n = max(1, len(sents))
        derived = bool(a.duplicate_of or a.derived_from)
        units.extend(Unit(article_id=a.id, sentence=s, article_index=i, position=s.index / n, derived=derived)
                     for s in sents)
    return units


def is_candidate(unit: Unit) -> bool:
    """Prose sentences only: whole, not a heading, a question or a fragment."""
    t = unit.text
    words = word_count(t)
    if words < 6 or words > 70 or t.endswith("?") or t.isupper() or not (t[0].isupper() or t[0] in "\"“‘'"):
        return False
    return bool(re.search(r"[.!…][\"'”’)]*$|[\"”’]$", t))


def story_centroid(vecs: np.ndarray, units: Sequence[Unit]) -> np.ndarray:
    """Mean of per-article means, so a long article does not outvote the others."""
    by_article: dict[int, list[int]] = {}
    for i, u in enumerate(units):
        by_article.setdefault(u.article_index, []).append(i)
    means = [vecs[idx].mean(axis=0) for idx in by_article.values()]
    c = np.mean(means, axis=0)
    norm = float(np.linalg.norm(c))
    return c / norm if norm else c


class Cosines:
    """Cosines between a story's sentences: one matrix for a usual story; for one past ``dense_limit``
    sentences, each row computed when asked, so memory stays linear in the story."""

    def __init__(self, vecs: np.ndarray, dense_limit: int) -> None:
        self.vecs = vecs
        self.dense = vecs @ vecs.T if len(vecs) <= dense_limit else None

    def row(self, i: int) -> np.ndarray:
        return self.dense[i] if self.dense is not None else self.vecs @ self.vecs[i]

    def pair(self, i: int, j: int) -> float:
        return float(self.dense[i, j]) if self.dense is not None else float(self.vecs[i] @ self.vecs[j])

    def block(self, idx: Sequence[int]) -> np.ndarray:
        if self.dense is not None:
            return self.dense[np.ix_(idx, idx)]
        sub = self.vecs[list(idx)]
        return sub @ sub.T


class Summarizer:
    """Holds one story's sentences and embeddings while a summary is chosen and cited."""

    def __init__(self, story_claims: Sequence[ClaimGroup], articles: Sequence[Article], *, resources: Resources,
                 settings: Settings) -> None:
        self.articles = list(articles)
        self.by_id = {a.id: a for a in self.articles}
        self.origins = Origins.of(self.articles)
        self.settings = settings
        self.units = collect_units(self.articles)
        self.vecs = embed_texts(resources, [u.text for u in self.units]) if self.units else np.zeros((0, 1))
        self.centroid = story_centroid(self.vecs, self.units) if self.units else None
        self.claims = list(story_claims)
        self.sims = Cosines(self.vecs if self.units else np.zeros((0, 1), dtype=np.float32), settings.dense_limit)
        self.units_of_article: dict[str, list[int]] = {}
        for i, u in enumerate(self.units):
            self.units_of_article.setdefault(u.article_id, []).append(i)
        self.copies = [a for a in self.articles if a.duplicate_of]
        self._facts: dict[int, Facts] = {}
        self.resources = resources

    # ---- support and citations -------------------------------------------------------------------------
    def supporters(self, i: int, threshold: float = SUPPORT_THRESHOLD) -> list[str]:
        """Articles with a sentence stating unit i (itself first), rewrites and copies of those included."""
        own = self.units[i].article_id
        found: dict[str, float] = {own: 2.0}
        row = self.sims.row(i)
        for j in np.nonzero(row >= threshold)[0]:
            other = self.units[int(j)]
            if other.article_id in found:
                continue
            sim = float(row[j])
            if facts_agree(self.facts(i), self.facts(int(j))):
                found[other.article_id] = max(found.get(other.article_id, 0.0), sim)
        for a in self.copies:  # exact copies state whatever their original states
            if a.duplicate_of in found and a.id not in found:
                found[a.id] = found[a.duplicate_of] - 0.01
        return sorted(found, key=lambda k: (-found[k], k))

    def facts(self, i: int) -> Facts:
        """Unit i's names and numbers, read once: a big story checks each unit against thousands of others."""
        found = self._facts.get(i)
        if found is None:
            found = self._facts[i] = Facts.of(self.units[i].text)
        return found

    def citations(self, i: int) -> tuple[str, ...]:
        """All articles stating unit i, the original reporting first."""
        ids = self.supporters(i)
        origins = {self.origins.origin(a) for a in ids if a in self.by_id}
        return tuple(sorted(ids, key=lambda a: (a not in origins, ids.index(a))))

    def redundancy(self, i: int, j: int) -> float:
        """Embedding similarity, raised when the two share most of their content words (a paraphrase the
        embedding misses)."""
        ti, tj = self.units[i].text, self.units[j].text
        a, b = content_words(ti), content_words(tj)
        overlap = len(a & b) / min(len(a), len(b)) if a and b else 0.0
        cos = self.sims.pair(i, j)
        shared_names = len(self.facts(i).names & self.facts(j).names)
        return max(cos, overlap - 0.1, cos + NAME_REDUNDANCY * shared_names)

    # ---- scoring ---------------------------------------------------------------------------------------
    def scores(self) -> np.ndarray:
        n_origins = max(1, independent_origins((a.id for a in self.articles), self.origins))
        out = np.full(len(self.units), -np.inf)
        group_weight = self._claim_weights()
        for i, u in enumerate(self.units):
            if not is_candidate(u):
                continue
            central = float(self.vecs[i] @ self.centroid) if self.centroid is not None else 0.0
            support = independent_origins(self.supporters(i), self.origins)
            s = central + 0.6 * (support - 1) / max(1, n_origins - 1)
            s += 0.12 if u.sentence.index < 2 else 0.05 if u.sentence.index < 5 else 0.0
            s -= 0.1 if u.derived else 0.0
            if _DANGLING.match(u.text):
                s -= 0.25
            if _NOT_A_DENIAL.search(u.text) or _ANONYMITY.search(u.text):
                s -= 0.2  # says what is not known or why a source is unnamed: little news in it
            if u.text[0] in "\"“‘'" and not _SPEECH.search(u.text):
                s -= 0.15
            s += min(0.15, 0.03 * len(self.facts(i).names))  # who and where: specific beats vague
            s += 0.3 * group_weight.get(i, 0.0)
            out[i] = s
        return out

    def _claim_weights(self) -> dict[int, float]:
        """Units stating one of compare's claim groups, weighted by the group's independent support."""
        if not self.claims:
            return {}
        weights: dict[int, float] = {}
        best = max((self._group_strength(g) for g in self.claims), default=1.0) or 1.0
        for g in self.claims:
            strength = self._group_strength(g) / best
            for i in self._units_of_group(g, stances=("reports", "attributes")):
                weights[i] = max(weights.get(i, 0.0), strength)
        return weights

    def _group_strength(self, g: ClaimGroup) -> float:
        backers = [s.article_id for s in g.sources if s.stance in ("reports", "attributes")]
        strength = float(independent_origins(backers, self.origins))
        return strength + (0.5 if g.status in ("disputed", "denied") else 0.0)

    def _units_of_group(self, g: ClaimGroup, *, stances: tuple[str, ...]) -> list[int]:
        hits: list[int] = []
        for src in g.sources:
            if src.stance not in stances or not src.text:
                continue
            needle = re.sub(r"\s+", " ", src.text).strip().lower()[:120]
            for i in self.units_of_article.get(src.article_id, ()):
                text = self.units[i].text.lower()
                if needle in text or text in needle:
                    hits.append(i)
        return hits

    # ---- denials ---------------------------------------------------------------------------------------
    def denial_for(self, i: int, taken: set[int]) -> int | None:
        """The sentence that denies or doubts unit i: from compare's group when it has one, else by cue words,
        similarity and nearness in the same article."""
        for g in self.claims:
            if g.status in ("disputed", "denied") and i in self._units_of_group(g, stances=("reports", "attributes")):
                deny = [j for j in self._units_of_group(g, stances=("denies", "doubts")) if j not in taken]
                if deny:
                    return max(deny, key=lambda j: self.sims.pair(i, j))
        best, best_score = None, DENIAL_MIN
        u = self.units[i]
        for j, other in enumerate(self.units):
            if j in taken or j == i or not is_denial(other.text) or word_count(other.text) < 5:
                continue
            score = self.sims.pair(i, j)
            if score < DENIAL_RELATED:
                continue
            gap = other.sentence.index - u.sentence.index
            if other.article_id == u.article_id and 0 < gap <= 4:
                score += 0.25 - 0.03 * gap
            if score > best_score:
                best, best_score = j, score
        return best


def fact_clusters(sm: Summarizer, candidates: Sequence[int]) -> list[list[int]]:
    """Candidate sentences grouped by what they state (average-link clustering over embeddings), so the summary
    takes one sentence per fact before it says any fact twice; compare's claim groups weigh in through scores."""
    if len(candidates) < 2:
        return [list(candidates)]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    candidates = candidates[: sm.settings.dense_limit]  # the best-scored; past them no summary sentence is taken
    sub = sm.sims.block(candidates)
    dist = np.clip(1.0 - sub, 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    labels = fcluster(linkage(squareform(dist, checks=False), method="average"), t=1.0 - FACT_SIMILARITY,
                      criterion="distance")
    groups: dict[int, list[int]] = {}
    for idx, label in zip(candidates, labels, strict=True):
        groups.setdefault(int(label), []).append(idx)
    return list(groups.values())


def summarize_extractive(claims: Sequence[ClaimGroup], articles: Sequence[Article], *, resources: Resources,
                         settings: Settings) -> tuple[list[SummarySentence], Summarizer]:
    """The cited extractive summary, with the Summarizer kept for the headline and timeline."""
    sm = Summarizer(claims, articles, resources=resources, settings=settings)
    if not sm.units:
        return [], sm
    scores = sm.scores()
    candidates = [int(i) for i in np.argsort(-scores) if np.isfinite(scores[i])]
    if not candidates:
        return [], sm
    max(2, independent_origins((a.id for a in sm.articles), sm.origins))
    clusters = fact_clusters(sm, candidates)

    def cluster_value(members: list[int]) -> float:
        origins = independent_origins({sm.units[i].article_id for i in members}, sm.origins)
        return max(scores[i] for i in members) + CLUSTER_SUPPORT * (origins - 1)

    clusters.sort(key=cluster_value, reverse=True)
    limit = settings.summary_sentences if settings.summary_sentences > 0 else 7
    word_limit = settings.summary_words
    chosen: list[int] = []
    paired: dict[int, int] = {}
    words = 0
    for members in clusters:
        if len(chosen) >= limit:
            break
        pick = max(members, key=lambda k: scores[k])
        if max((sm.redundancy(pick, j) for j in chosen), default=0.0) >= REDUNDANT:
            continue  # the fact this cluster is about is in the summary already
        extra = word_count(sm.units[pick].text)
        if word_limit and chosen and words + extra > word_limit:
            continue
        chosen.append(pick)
        words += extra
        if is_denial(sm.units[pick].text):
            continue
        deny = sm.denial_for(pick, set(chosen))
        if deny is None or len(chosen) >= limit:
            continue
        if word_limit and words + word_count(sm.units[deny].text) > word_limit:
            continue
        if max((sm.redundancy(deny, j) for j in chosen if j != pick), default=0.0) < REDUNDANT:
            chosen.append(deny)
            paired[pick] = deny
            words += word_count(sm.units[deny].text)
    ordered = _order(chosen, paired, sm)
    return [SummarySentence(text=sm.units[i].text, citations=sm.citations(i)) for i in ordered], sm


def _order(chosen: list[int], paired: dict[int, int], sm: Summarizer) -> list[int]:
    """The lead (best) first, then by publication and position in the article; a denial right after its claim."""
    if not chosen:
        return []
    followers = set(paired.values())
    head, rest = chosen[0], [i for i in chosen[1:] if i not in followers]

    def key(i: int) -> tuple[str, float, int]:
        u = sm.units[i]
        published = sm.by_id[u.article_id].published or "9999"
        return (published[:10], u.position, u.article_index)

    out: list[int] = []
    for i in [head, *sorted(rest, key=key)]:
        out.append(i)
        if i in paired:
            out.append(paired[i])
    return out
