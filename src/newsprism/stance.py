"""Stance of a text on a claim: reports, attributes, denies, doubts, or unrelated.

Two backends sit behind one ``StanceBackend`` protocol. ``RulesBackend`` (the default) runs offline: MiniLM
embeddings find the sentences of a text that are about the claim, and cue lexicons (denial, doubt, hedging,
attribution, negation) decide how the text stands on it. ``NLIBackend`` loads any NLI cross-encoder that
sentence-transformers can load (``settings.nli_model``) and maps entailment / contradiction onto the same labels.
The cue lexicons are shared with claim extraction and comparison, so the CLI, the benchmark and the story
comparison judge stance the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from newsprism.errors import ModelMissingError
from newsprism.records import normalize_text, stable_id
from newsprism.settings import Settings

if TYPE_CHECKING:
    from newsprism.resources import Resources

LABELS: tuple[str, ...] = ("reports", "attributes", "denies", "doubts", "unrelated")

_W = r"(?<![\w-])"  # word start that also refuses hyphenated tails
DENY_RE = re.compile(
    _W + r"(den(?:y|ies|ied|ying|ial)s?|refut\w*|rebut\w*|debunk\w*|disinformation|misinformation|fake|hoax\w*|"
    r"false(?:ly|hoods?)?|untrue|not true|no truth|baseless|groundless|unfounded|fabricat\w*|nonsense|made[- ]up|"
    r"never heard|not aware|unaware|no knowledge|no such|smear\w*|rubbish|absurd|ridiculous|"
    r"(?:reject|dismiss)\w* (?:the |these |those |such )?(?:report|claim|allegation|suggestion|rumou?r)s?|"
    r"(?:not|\w+n['’]t) recogni[sz]e[\"”’']? (?:(?:the|these|those|this|that|such|any|its|their) )?(?:[\w.]+['’]s )?"
    r"(?:account|claim|allegation|figure|description|version|characteri[sz]ation|report)s?|"
    r"(?:was|is|were|are|has been|have been) (?:a )?(?:satir\w+|parod\w+|prank))\b", re.I)
DOUBT_RE = re.compile(
    _W + r"((?:unable|not able|could not|couldn't|cannot|can't|did not|didn't|has not been able|have not been able)"
    r" (?:to )?(?:be )?(?:independently )?(?:verif\w+|confirm\w*|corroborat\w+)|"
    r"(?:not|never) (?:been )?(?:independently )?(?:verified|confirmed|corroborated)|"
    r"unverif\w+|unconfirmed|uncorroborated|no evidence|little evidence|without evidence|"
    r"(?:not|un)clear whether|remains? (?:unclear|to be seen)|doubt\w*|skeptic\w*|sceptic\w*|questionable|"
    r"apparently not|not (?:part of|included)|no (?:sign|indication|proof|records? of|trace of))\b", re.I)
# Doubt that takes a position ("there is no evidence", "sceptical"), as opposed to a newsroom's routine caveat
# ("could not be independently verified", "unconfirmed"), which news that merely relays a claim carries too.
STRONG_DOUBT_RE = re.compile(
    _W + r"(no evidence|little evidence|without evidence|no proof|no sign|no indication|doubt\w*|skeptic\w*|"
    r"sceptic\w*|questionable|dubious|apparently not|not (?:part of|included)|misleading|exaggerat\w*)\b", re.I)
REFUTE_RE = re.compile(
    _W + r"(den(?:y|ies|ied|ying|ial)s?|refut\w*|debunk\w*|hoax\w*|fake|false(?:ly|hoods?)?|untrue|not true|"
    r"baseless|unfounded|fabricat\w*|retract\w*|satir\w+|parod\w+|prank\w*|bogus|fraud\w*|"
    r"disinformation|misinformation|no truth|never happened|did not happen|didn't happen)\b", re.I)
DISCUSS_RE = re.compile(
    _W + r"(reportedly|allegedly|alleged|purportedly|supposedly|apparently|claim(?:s|ed|ing)?|rumou?r\w*|"
    r"according to|unconfirmed|unverified|not (?:yet |been |independently )*(?:confirmed|verified)|"
    r"(?:could|can)(?:not|n't| not) (?:be )?(?:independently )?(?:confirm\w*|verif\w+)|is said to|are said to|"
    r"(?:may|might|could) (?:have|be)|believed to|thought to|appears? to|seems? to|suggest\w*|speculat\w*|"
    r"if true|it is unclear|it's unclear|remains? (?:unclear|to be seen))\b", re.I)
HEDGE_RE = re.compile(
    _W + r"(apparently|reportedly|allegedly|alleged|purportedly|supposedly|seemingly|ostensibly|"
    r"would have|may have|might have|could have|is said to|are said to|was said to|were said to|"
    r"appears? to|appeared to|seems? to|seemed to|rumou?r\w*|possibly|perhaps|"
    r"believed to|thought to|suspected)\b", re.I)
ATTRIB_RE = re.compile(
    _W + r"(according to|citing|cited|quoting|quoted|(?:told|tells) (?:the )?[A-Z]\w*|said|says|say|"
    r"stated|reported|reports|reporting|claim(?:s|ed)?|announced|sources?|officials?|spokes\w+|insiders?|"
    r"familiar with|on condition of anonymity|unnamed|anonymous)\b", re.I)
ANAPHOR_RE = re.compile(
    r"\b(th(?:is|ese|ose) (?:claims?|reports?|allegations?|rumou?rs?|stor(?:y|ies)|accounts?)|"
    r"the (?:claims?|reports?|allegations?|rumou?rs?|story|stories|accounts?)|such (?:a |an )?\w+|"
    r"(?:verify|confirm|corroborate|deny|denied|denies|debunk\w*|refut\w*|dismiss\w*|reject\w*|retract\w*) "
    r"(?:it|this|that|them))\b", re.I)
NEG_RE = re.compile(_W + r"(not|n't|never|no longer|no|none|neither|nor|nobody|nothing|without)\b", re.I)
ANON_RE = re.compile(
    r"\b(unnamed|anonymous|anonymity|(?:people|persons|sources?|officials?|diplomats?) (?:familiar|close|"
    r"briefed|with knowledge)|(?:a |an )?(?:senior |western |us |u\.s\. )?(?:official|source)s? (?:said|say|told)|"
    r"insiders?|people familiar)\b", re.I)


@dataclass(frozen=True, slots=True)
class Cues:
    """What a sentence says about its own commitment: denial, doubt, hedging, attribution, negation."""

    deny: bool
    doubt: bool
    hedge: bool
    attribution: bool
    negations: int
    anonymous: bool


def cues_of(text: str) -> Cues:
    """Cue lexicon hits of one sentence (cheap: regular expressions only)."""
    t = text.replace("\u2019", "'")
    return Cues(deny=bool(DENY_RE.search(t)), doubt=bool(DOUBT_RE.search(t)), hedge=bool(HEDGE_RE.search(t)),
                attribution=bool(ATTRIB_RE.search(t)), negations=len(NEG_RE.findall(t)),
                anonymous=bool(ANON_RE.search(t)))


def sentence_stance(cues: Cues, *, opposite: bool, attributed: bool) -> str:
    """The stance a sentence takes on a claim it is about.

    ``opposite``: the sentence states the claim with the other polarity (negated where the claim is not).
    ``attributed``: the sentence sources the statement to someone other than the outlet.
    """
    if cues.doubt:
        return "doubts"
    if cues.deny or opposite:
        return "doubts" if cues.hedge else "denies"
    if attributed or cues.attribution or cues.hedge:
        return "attributes"
    return "reports"


_SPLIT_RE = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[\"\u201c(]?[A-Z0-9])|\n\s*\n+|\n(?=[A-Z\"\u201c])")


def split_sentences(text: str, limit: int = 60) -> list[str]:
    """A fast sentence splitter for long texts (the CLI and benchmarks); claim extraction uses spaCy."""
    parts = [p.strip() for p in _SPLIT_RE.split(text or "")]
    return [p for p in parts if len(p) > 15][:limit]


@dataclass(frozen=True, slots=True)
class StanceResult:
    stance: str
    score: float
    evidence: str = ""
    related: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"stance": self.stance, "score": round(float(self.score), 4), "evidence": self.evidence,
                "related": round(float(self.related), 4)}


class StanceBackend(Protocol):
    """The one place that judges stance, for `newsprism stance` and for the claim matrix alike.

    ``judge``: ``claims[i]`` against ``texts[i]`` (a sentence or a whole article). ``response``: whether a sentence
    on its own denies or doubts something (the matrix attaches such sentences to the row they answer), read in
    its article's ``language``.
    ``contradicts``: whether ``sentences[i]``, placed in the row of ``claims[i]``, states its opposite."""

    name: str

    def judge(self, claims: Sequence[str], texts: Sequence[str]) -> list[StanceResult]: ...

    def response(self, sentence: str, language: str | None = None) -> str | None: ...

    def contradicts(self, claims: Sequence[str], sentences: Sequence[str]) -> list[bool]: ...


def _key(text: str) -> str:
    return stable_id(normalize_text(text), prefix="s", length=20)


_NAME_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{2,}|[A-Z]{2,})\b")


def _names(text: str) -> frozenset[str]:
    """Capitalised words not at a sentence start: the names a claim is about (cheap, no parser)."""
    return frozenset(m.group(1).lower() for m in _NAME_RE.finditer(text.strip()))


def _polarity(text: str) -> int:
    """Negations that flip meaning (a rough count; a denial word counts as a negation)."""
    t = text.replace("\u2019", "'")
    return len(NEG_RE.findall(t)) + len(DENY_RE.findall(t))


def _relayed(claim: str) -> bool:
    """The claim is worded as hearsay, as unconfirmed or as someone's statement: hedged or sourced in itself."""
    t = claim.replace("\u2019", "'")
    return bool(HEDGE_RE.search(t) or DISCUSS_RE.search(t) or ATTRIB_RE.search(t))


# a negated main verb ("did not", "has never", "isn't", "No, ..."); quoted words are left out before the search,
# since a quote ("'Hands up, don't shoot'") is not the claim's own polarity
_NEGATED_RE = re.compile(
    r"^\W*no\b|\b(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|should|may|might|must)"
    r"\s+(?:not|never)\b|'(?:s|re|m)\s+(?:not|never)\b|n't\b|\bnever\b", re.I)
_QUOTED_RE = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|(?<!\w)'.*?'(?!\w)|\u2018.*?\u2019(?!\w)")


def _negated(claim: str) -> bool:
    """The claim negates its main statement (quoted words aside)."""
    return bool(_NEGATED_RE.search(_QUOTED_RE.sub(" ", claim).replace("\u2019", "'")))


# Rebuttal verbs and refutation framing that news uses around a claim it corrects ("pushed back against the
# report", "in fact", "contrary to", "you may have heard that ...").
REBUT_RE = re.compile(
    _W + r"(push(?:es|ed|ing)? back|rebuff\w*|disput\w*|contest(?:s|ed|ing)|contradict\w*|"
    r"reject\w*|dismiss\w*|in fact|actually|turn(?:s|ed)? out|myths?|contrary to|misconceptions?|"
    r"you (?:may|might) have (?:heard|seen|read)|(?:everyone|many people) (?:thinks?|believes?))\b", re.I)
_IDIOM_RE = re.compile(r"\bmade up (?:\w+ ){0,2}mind\b", re.I)
_NEG_BEFORE_RE = re.compile(r"(?:\b(?:not|no|never)|n't)(?:\W+\w+)?\W*$", re.I)


def _denial_claim(claim: str) -> bool:
    """The claim is itself a denial: it calls something false or doubtful, or negates its main statement.

    A negated denial word ("is no hoax", "they're not fake") affirms, and "made up one's mind" is no denial.
    """
    t = _IDIOM_RE.sub(" ", claim.replace("\u2019", "'"))
    for rx in (DENY_RE, DOUBT_RE):
        for m in rx.finditer(t):
            if not _NEG_BEFORE_RE.search(t[: m.start()]):
                return True
    return _negated(claim) and not any(rx.search(t) for rx in (DENY_RE, DOUBT_RE))


def _debunks(c: Cues, text: str) -> bool:
    """The sentence denies, doubts or refutes something."""
    return c.deny or c.doubt or bool(REFUTE_RE.search(text) or STRONG_DOUBT_RE.search(text) or REBUT_RE.search(text))


# A text where at least this share of the sentences on the claim's topic carry hearsay or hedging ("reportedly",
# "claims", "according to", "may have") relays what it tells: about one sentence in three.
HEDGED_SHARE = 0.3


@dataclass(slots=True)
class _Sentences:
    texts: list[str]
    vecs: np.ndarray
    cues: list[Cues]
    polarity: list[int]


class RulesBackend:
    """Embeddings find what a text says about the claim; cue lexicons decide the stance. Offline, no training.

    Thresholds are set by reasoning about cosine scales of MiniLM (not fitted to any benchmark): a sentence with
    cosine >= ``related`` to the claim is about it; the text's stance comes from the cues of its sentences that are
    about the claim, weighed by similarity, with the lead sentences counting more (news puts the claim first).
    """

    name = "rules"

    def __init__(self, resources: Resources, *, related: float = 0.42, topic: float = 0.30,
                 max_sentences: int = 60) -> None:
        if not 0 < related < 1 or not 0 < topic < 1:
            raise ValueError("related and topic thresholds must lie within (0, 1)")
        self.resources = resources
        self.related = related
        self.topic = topic
        self.max_sentences = max_sentences

    def response(self, sentence: str, language: str | None = None) -> str | None:
        from newsprism.answers import response_of

        return response_of(sentence, language)

    def contradicts(self, claims: Sequence[str], sentences: Sequence[str]) -> list[bool]:
        """Nothing beyond what the grouping read: the rules take a row's contradictions from negation and
        verdict words when they build it (``compare``), so they add no second opinion here."""
        return [False] * len(sentences)

    def _sentences(self, texts: Sequence[str]) -> list[_Sentences]:
        split = [split_sentences(t, self.max_sentences) or [t.strip() or "."] for t in texts]
        flat = sorted({s for ss in split for s in ss})
        vecs = self.resources.embed(flat, keys=[_key(s) for s in flat])
        index = {s: i for i, s in enumerate(flat)}
        cues = [cues_of(s) for s in flat]
        pol = [_polarity(s) for s in flat]
        return [_Sentences(ss, vecs[[index[s] for s in ss]], [cues[index[s]] for s in ss],
                           [pol[index[s]] for s in ss]) for ss in split]

    def judge(self, claims: Sequence[str], texts: Sequence[str]) -> list[StanceResult]:
        if len(claims) != len(texts):
            raise ValueError("claims and texts must pair up one to one")
        uniq_claims = sorted(set(claims))
        cvecs = self.resources.embed(uniq_claims, keys=[_key(c) for c in uniq_claims])
        cindex = {c: i for i, c in enumerate(uniq_claims)}
        uniq_texts = sorted(set(texts))
        sents = dict(zip(uniq_texts, self._sentences(uniq_texts), strict=True))
        return [self._one(claim, cvecs[cindex[claim]], sents[text]) for claim, text in zip(claims, texts, strict=True)]

    def _one(self, claim: str, cvec: np.ndarray, s: _Sentences) -> StanceResult:
        sims = s.vecs @ cvec
        order = np.argsort(-sims)
        best = float(sims[order[0]])
        top3 = float(np.mean(sims[order[:3]]))
        related = 0.7 * best + 0.3 * top3
        if related < self.topic or best < self.related:
            return StanceResult("unrelated", 1.0 - related, s.texts[int(order[0])], related)
        claim_neg = _polarity(claim) > 0
        # a claim that negates what it tells ("X did not do Y", "No, X has not ...") is a denial too
        claim_denial = _denial_claim(claim)
        # a claim worded as hearsay or as someone's statement ("X reportedly did Y", "Y, officials say") is not
        # the outlet's own: a text that restates or hedges it relays the statement; only a refutation takes a side
        relayed = not claim_denial and _relayed(claim)
        weights = {"reports": 0.0, "attributes": 0.0, "denies": 0.0, "doubts": 0.0}
        evidence = {k: ("", -1.0) for k in weights}

        def vote(stance: str, w: float, text: str) -> None:
            if relayed and stance in {"reports", "doubts"}:
                stance = "attributes"
            weights[stance] += w
            if w > evidence[stance][1]:
                evidence[stance] = (text, w)

        floor = max(self.topic, best - 0.2)
        voted: set[int] = set()
        for rank, i in enumerate(order[:8]):
            sim = float(sims[i])
            if sim < floor:
                break
            voted.add(int(i))
            text = s.texts[int(i)]
            c = s.cues[int(i)]
            flipped = False
            if claim_denial:
                vote(self._on_denial(c, text, sim, s.polarity[int(i)]),
                     sim * (1.15 if int(i) < 3 else 1.0) * (0.85 ** rank), text)
                continue
            else:
                # a negation word alone is weak evidence of the opposite ("did not respond to a request for
                # comment"): it counts only in a sentence that restates the claim closely
                flipped = (s.polarity[int(i)] > 0) != claim_neg and not c.deny
                opposite = flipped and sim >= self.related + 0.1
                if c.doubt and not STRONG_DOUBT_RE.search(text):
                    # a routine caveat ("could not be independently verified") relays the claim, it does not
                    # take a side: the text attributes it
                    c = Cues(c.deny, False, True, c.attribution, c.negations, c.anonymous)
            if not c.hedge and DISCUSS_RE.search(text):
                c = Cues(c.deny, c.doubt, True, c.attribution, c.negations, c.anonymous)
            stance = sentence_stance(c, opposite=opposite, attributed=c.anonymous)
            lead = 1.15 if int(i) < 3 else 1.0
            # casting doubt on what one relays outweighs relaying it ("X claims ...; we could not verify it")
            push = (0.6 if flipped and not c.doubt else 1.3) if stance in {"denies", "doubts"} else 1.0
            vote(stance, sim * lead * push * (0.85 ** rank), text)
        if not claim_denial:
            self._body_cues(s, sims, best, floor, voted, vote, _names(claim))
        elif not any(_debunks(c, t) or (pol > 0 and float(sim) >= self.related)
                     for c, t, pol, sim in zip(s.cues, s.texts, s.polarity, sims, strict=True)):
            # the claim calls something false and the text never doubts it: told in the outlet's own voice, the
            # story contradicts the denial; told as hearsay, it only relays the story
            hedged = self._hedged_share(s, sims)
            vote("attributes" if hedged >= HEDGED_SHARE else "denies", 2.0 * sum(weights.values()) + best,
                 s.texts[int(order[0])])
        stance = max(weights, key=lambda k: weights[k])
        if stance == "reports" and not claim_denial and self._hedged_share(s, sims) >= HEDGED_SHARE:
            # a text that hedges much of what it says on the topic relays the claim, even where one sentence
            # states it plainly
            weights["attributes"] += weights.pop("reports")
            evidence["attributes"] = evidence["reports"]
            stance = "attributes"
        total = sum(weights.values()) or 1.0
        return StanceResult(stance, weights[stance] / total * related, evidence[stance][0], related)

    def _hedged_share(self, s: _Sentences, sims: np.ndarray) -> float:
        """The share of the sentences on the claim's topic that carry hearsay or hedging."""
        topical = [i for i in range(len(s.texts)) if float(sims[i]) >= self.topic]
        hedged = [i for i in topical if s.cues[i].hedge or DISCUSS_RE.search(s.texts[i])]
        return len(hedged) / len(topical) if topical else 0.0

    def _on_denial(self, c: Cues, text: str, sim: float, polarity: int) -> str:
        """A sentence's stance on a claim that is itself a denial ("X is a hoax", "Y denies doing X").

        A sentence that also negates or debunks agrees with the denial (a denial is someone's statement by nature,
        so sourcing it, "according to X", keeps it; only a hedge, "reportedly", distances the text); one that
        asserts the denied thing in the outlet's own voice, restating it closely, contradicts it; the allegation
        relayed as someone's claim ("X claims ...") only reports the dispute.
        """
        hearsay = c.hedge or bool(DISCUSS_RE.search(text))
        if c.deny or c.doubt or polarity > 0 or REBUT_RE.search(text):
            return "attributes" if c.hedge else "reports"
        if sim >= self.related + 0.1 and not (hearsay or c.attribution):
            return "denies"
        return "attributes"

    def _body_cues(self, s: _Sentences, sims: np.ndarray, best: float, floor: float, voted: set[int],
                   vote: Callable[[str, float, str], None], names: frozenset[str] = frozenset()) -> None:
        """Cues anywhere in the text that speak about the claim even where the wording differs from it.

        "X was unable to verify the claims" points back at the claim; refutation language (hoax, fake, debunked,
        retracted) in sentences on the topic debunks it; hedging spread through the topical sentences
        ("reportedly", "allegedly", "according to", "unconfirmed") marks a text that relays without committing.
        """
        for i, c in enumerate(s.cues):
            if (c.deny or c.doubt) and float(sims[i]) < floor and ANAPHOR_RE.search(s.texts[i]):
                strong = c.deny or STRONG_DOUBT_RE.search(s.texts[i])
                vote(("doubts" if c.doubt or c.hedge else "denies") if strong else "attributes",
                     best * 1.15 * (1.3 if strong else 1.0), s.texts[i])
                break
        topical = [i for i in range(len(s.texts)) if float(sims[i]) >= self.topic]
        # refutation next to the claim's names counts even where the sentence is worded far from the claim
        near = [i for i in range(len(s.texts))
                if float(sims[i]) >= self.topic or (names and names & _names(s.texts[i]))]
        refute = [i for i in near if REFUTE_RE.search(s.texts[i])]
        if len(refute) >= 2 or any(float(sims[i]) >= self.related for i in refute):
            vote("denies", 0.45 * min(len(refute), 3) * best, s.texts[refute[0]])
        doubting = [i for i in topical if STRONG_DOUBT_RE.search(s.texts[i])]
        if len(doubting) >= 2 or any(float(sims[i]) >= self.related for i in doubting):
            vote("doubts", 0.3 * len(doubting) * best, s.texts[doubting[0]])
        taken = set(refute) | set(doubting)
        rest = [i for i in topical if i not in voted]
        hedged = [i for i in rest if i not in taken and DISCUSS_RE.search(s.texts[i])]
        if hedged:
            # the sentences already voted above count once; the rest of the text tells how it frames the claim
            vote("attributes", best * 0.5 * len(hedged) / len(rest), s.texts[hedged[0]])


class NLIBackend:
    """Any NLI cross-encoder sentence-transformers can load; labels are read from the model's config."""

    name = "nli"

    def __init__(self, model: str, resources: Resources, *, device: str = "cpu", top_k: int = 3,
                 rules: RulesBackend | None = None) -> None:
        try:
            from sentence_transformers import CrossEncoder

            self.model = CrossEncoder(model, device=device)
        except Exception as exc:  # noqa: BLE001 - loading raises many kinds of error
            raise ModelMissingError(f"cannot load NLI cross-encoder {model!r}: {exc}") from exc
        id2label = getattr(self.model.config, "id2label", None) or {}
        self.labels = {int(i): str(v).lower() for i, v in id2label.items()}
        if not any("entail" in v for v in self.labels.values()):
            raise ModelMissingError(f"{model!r} has no 'entailment' label in its config: not an NLI model")
        self.rules = rules or RulesBackend(resources)
        self.top_k = top_k

    def response(self, sentence: str, language: str | None = None) -> str | None:
        return self.rules.response(sentence, language)

    def contradicts(self, claims: Sequence[str], sentences: Sequence[str]) -> list[bool]:
        """The cross-encoder's reading of each sentence (premise) against its row's claim (hypothesis)."""
        if not sentences:
            return []
        logits = np.asarray(self.model.predict(list(zip(sentences, claims, strict=True)), convert_to_numpy=True,
                                               show_progress_bar=False))
        if logits.ndim == 1:
            logits = logits[:, None]
        return ["contra" in self.labels.get(int(np.argmax(row)), "") for row in logits]

    def judge(self, claims: Sequence[str], texts: Sequence[str]) -> list[StanceResult]:
        base = self.rules.judge(claims, texts)
        premises: list[tuple[str, str]] = []
        slots: list[int] = []
        for i, (claim, text, r) in enumerate(zip(claims, texts, base, strict=True)):
            if r.stance == "unrelated":
                continue
            sents = split_sentences(text, self.rules.max_sentences) or [text]
            vecs = self.rules.resources.embed(sents, keys=[_key(x) for x in sents])
            cvec = self.rules.resources.embed([claim], keys=[_key(claim)])[0]
            best = np.argsort(-(vecs @ cvec))[: self.top_k]
            premises.append((" ".join(sents[int(j)] for j in sorted(best)), claim))
            slots.append(i)
        out = list(base)
        if not premises:
            return out
        logits = np.asarray(self.model.predict(premises, convert_to_numpy=True, show_progress_bar=False))
        if logits.ndim == 1:
            logits = logits[:, None]
        probs = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        for slot, p, (premise, _) in zip(slots, probs, premises, strict=True):
            label = self.labels.get(int(np.argmax(p)), "neutral")
            c = cues_of(premise)
            if "contra" in label:
                stance = "doubts" if c.hedge or c.doubt else "denies"
            elif "entail" in label:
                stance = "attributes" if c.attribution or c.hedge else "reports"
            else:
                stance = "doubts" if c.doubt else "attributes"
            out[slot] = StanceResult(stance, float(p.max()), premise, base[slot].related)
        return out


def get_backend(resources: Resources, settings: Settings) -> StanceBackend:
    """The backend named by ``settings.stance_backend`` ('rules' or 'nli' with ``settings.nli_model``)."""
    name = settings.stance_backend.lower()
    if name == "rules":
        return RulesBackend(resources)
    if name == "nli":
        if not settings.nli_model:
            raise ModelMissingError("stance_backend 'nli' needs settings.nli_model (a cross-encoder name or path)")
        return NLIBackend(settings.nli_model, resources, device=settings.device)
    raise ValueError(f"unknown stance backend {settings.stance_backend!r}; use 'rules' or 'nli'")


def stance_backend(resources: Resources, settings: Settings) -> StanceBackend:
    """``get_backend`` loaded once per Resources (a cross-encoder is loaded once, not once per story)."""
    key = f"{settings.stance_backend.lower()}:{settings.nli_model or ''}:{settings.device}"
    return resources.model(f"stance-backend:{key}", lambda: get_backend(resources, settings))


def stance_of_texts(claim: str, texts: Sequence[str], *, resources: Resources,
                    settings: Settings) -> list[dict[str, Any]]:
    """Each text's stance on the claim, one dict per text (stance, score, evidence, related)."""
    if not claim.strip():
        raise ValueError("the claim is empty")
    backend = stance_backend(resources, settings)
    return [r.to_dict() for r in backend.judge([claim] * len(texts), list(texts))]
