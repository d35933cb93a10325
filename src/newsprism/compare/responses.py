"""Which claim row a response answers: a denial, doubt or rejection found by what it refers to.

A response ("Trump's team had also denied the claims in the article", "BuzzFeed's description ... was not
accurate", "Tea party organizers disputed claims of racism") is a ``denies``/``doubts`` cell of the row it
answers, never a row of its own. What it answers is read, in this order, from:

1. the source it names: "denied the BuzzFeed report", "BuzzFeed's account" -> the row the story attributes to
   that source (its members say "according to BuzzFeed", "BuzzFeed reported", or carry it as ``via``);
2. what it points back to in its own article: "the report", "these claims", "such a request", "this"
   (``anaphora.resolve``);
3. the proposition it restates: "Russia has not asked China for military support" answers the row of the request,
   when their cores are close in meaning.

A response none of these resolve stays where wording put it, as a plain statement of the denial.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from newsprism.answers import ABSENT, DEFENDS_RE, VERDICT, outlet_verdict, response_of
from newsprism.compare.anaphora import ANAPHOR, Frame, resolve
from newsprism.compare.grouping import LIGHT_PREDICATES
from newsprism.compare.verdict import Member, Speaker, one_voice, same_speaker, speaker_key
from newsprism.lexicons import lexicon_for
from newsprism.records import Claim, normalize_text

__all__ = ["ACTS", "DEFENCE", "SUPPOSED", "Assertions", "answer_targets", "answered_object", "consensus", "defended",
           "rows_of_named_sources", "screened", "told_then_named"]

# The source of a challenged report defending it: "we stand by our reporting", "maintained that its report was
# accurate", "had re-confirmed its reporting". Such a response answers the challenge, not the report.
DEFENCE = re.compile(DEFENDS_RE.pattern + r"|\b(?:report|reporting|story|account) (?:was|is|remains) "
                                           r"(?:accurate|correct|true)\b", re.I)


def defended(c: Claim, before: Sequence[Claim], statements: Mapping[str, int], members: Sequence[Sequence[Member]],
             vecs: Mapping[str, Sequence[np.ndarray]]) -> list[int]:
    """The row of the challenge a defence answers: the closest row that tells a response as a claim of its own
    (``statements``: such a response's claim id -> its row), the article's latest one on a tie."""
    if not DEFENCE.search(c.text) or not statements:
        return []
    order = {p.id: k for k, p in enumerate(before)}
    own = vecs.get(c.id, ())
    voice = speaker_key(c.attributed_to)
    said = {m.claim.id: m.claim for ms in members for m in ms}
    scored = []
    for cid, gi in statements.items():
        if cid == c.id or any(m.claim.id == c.id and not m.context for m in members[gi]):
            continue
        if cid in said and same_speaker(speaker_key(said[cid].attributed_to), voice):
            continue  # a defence answers someone else's challenge, not the defender's own words
        sim = max((float(a @ b) for a in own for b in vecs.get(cid, ())), default=0.0)
        scored.append((sim, order.get(cid, -1), gi))
    return [max(scored)[2]] if scored else []


def _told_clause(text: str) -> str | None:
    """What the sentence tells before naming it as a claim someone answers ("X, a contention her lawyer disputed");
    None where it names none, or names one inside X ("referring to a claim that Y - a claim Romney rejected")."""
    told = _NAMED_BEFORE_IT.match(text)
    return told.group(1) if told is not None and not _OBJECT.search(told.group(1)) else None


def told_then_named(text: str) -> bool:
    """The sentence tells a claim, then names it as one someone answers ("X, a contention her lawyer disputed")."""
    return _told_clause(text) is not None


def answered_object(text: str) -> str | None:
    """The proposition a response names ("claims that X", "denied that X"), to be compared with the rows."""
    told = _told_clause(text)
    if told is not None:
        # "They argued that she had waived her right, a contention her lawyer disputed": the clause before it
        found = _ARGUED.sub("", told, count=1).strip(" .\"\u201c\u201d")
        return found if len(found.split()) >= 3 else None
    m = _OBJECT.search(text)
    if not m:
        return None
    found = _DASHED.sub(" ", _APPOSITIVE.sub(r"\1", next(g for g in m.groups() if g)))
    if m.group("a") and _WHOSE.match(text, m.start("a") - 3) and _CLAIMANT.match(found):
        return None  # "the accusations of four women are fake news": whose they are, then a verdict on them
    if (example := _INCLUDING.search(found)) is not None:
        found = example.group(1)
    found = _VERDICT_END.sub("", _OBJECT_END.split(_RELATIVE_SAID.sub("", found, count=1))[0])
    found = found.strip(" .\"\u201c\u201d")
    if _TRUE_OR_NOT.search(found) and re.search(r"\b(?:whether|if)\b", text, re.I):
        return None  # "whether the cover story about Cruz is true or not": a report asked about, not what it says
    return found if len(found) >= 5 else None

# what a sentence says, then named as a claim that someone answers: "X, a contention her lawyer disputed", "X -- a
# claim the ministry denies", "X – something Gattine has denied"
_NAMED_BEFORE_IT = re.compile(r"(.{12,}?)(?:,|\s--?|\s[\u2013\u2014])\s+(?:(?:a|an|the)\s+(?:claim|contention|charge|"
                              r"assertion|notion|allegation|accusation|characteri[sz]ation|point|suggestion|view)|"
                              r"something)\s+"
                              r"(?:that\s+|which\s+)?(?:[\w.'\u2019-]+\s+){1,6}?(?:\w+ly\s+)?(?:disputed|denied|"
                              r"rejected|dismissed|contested|disputes|denies|rejects|dismisses|contests|has denied|"
                              r"have denied|has disputed|has rejected)\b", re.I)
# who put the named clause forward, before it: "They argued that"
_ARGUED = re.compile(r"^(?:[\w.'\u2019-]+\s+){1,6}?(?:argued|said|says|claimed|claims|contended|contends|asserted|"
                     r"maintained|suggested|insisted)\s+(?:that\s+)?", re.I)

# the predicates of a sentence that tells an accusation was made, not what it accuses anyone of
ACTS = frozenset({"accuse", "charge", "indict", "condemn", "adopt", "pass", "sue", "file"})
# A reaction that holds the claim at arm's length: "if these allegations are true, he will step aside", "believes,
# if true, this would disqualify anyone", "needs to answer these serious charges". It refers to the claim without
# stating it, so a denial of "the allegations" answers the claim, not the reaction.
REACTION_RE = re.compile(
    r"\bif (?:true\b|(?:\w+ ){0,3}(?:allegations?|accusations?|reports?|claims?|charges?|story|stories|account)\b"
    r"[^.;]{0,40}?\b(?:are|is|were|was|prove|proves|proven|turn out|turns out)\b(?: \w+){0,2} (?:true|accurate|"
    r"correct)\b)|\b(?:answer|address|respond to) (?:these|the|those|such) (?:\w+ ){0,2}(?:charges|allegations|"
    r"accusations|questions)\b", re.I)

# a sentence that only supposes: "If the Saudis were culpable, they should be held accountable" states nothing a
# denial could answer ("the Saudi government denies any role in the attacks" answers those who say they had one),
# and "If they don't pass this bill ..." contradicts nothing
SUPPOSED = re.compile(r"^\W*(?:if|unless)\b", re.I)

# what a person said or put forward, named by whose it is: "Vell's comments", "Mr. Trump's suggestion", "Obama's
# rationale", "Ms. Nielsen's statistics"
_SPEECH_NOUNS = (r"comments?|remarks?|statements?|arguments?|suggestions?|rationale|explanations?|versions?|"
                 r"statistics|figures|contentions?|assurances?|insinuations?|narrative")
_SPEECH = rf"(?:{_SPEECH_NOUNS})"
_REPORT_NOUNS = (r"(?:report(?:ing|s)?|story|stories|article|piece|account|claims?|allegations?|description|"
                 rf"characteri[sz]ation|assertions?|accusations?|charges?|{_SPEECH_NOUNS})")
# "the BuzzFeed report", "BuzzFeed's explosive report", "Buzzfeed false story", "a report by the Daily Ledger"
_NAMED_BEFORE = re.compile(r"\b((?:[A-Z][\w.&-]*\s?){1,3}?)(?:'s|\u2019s)?\s+(?:[a-z-]+\s+){0,2}" + _REPORT_NOUNS
                           + r"\b")
_ANSWERING = re.compile(r"\b(?:disput|den[iy]|reject|dismiss|challeng|refut|rebut|question|doubt|contest|"
                        r"call|say|said|told|confirm|deni)\w*", re.I)
_NAMED_AFTER = re.compile(_REPORT_NOUNS + r"\s+(?:by|from|in|of)\s+(?:the\s+)?((?:[A-Z][\w.&-]*\s?){1,3})")


@lru_cache(maxsize=8)
def _named_in(language: str) -> tuple[re.Pattern[str], ...]:
    """The same two patterns in a language of ``newsprism.lexicons`` ("den BuzzFeed-Bericht", "l'article de
    Mediapart"); only for a response written in that language ("accusa", "do" and "informations" read otherwise
    in English)."""
    lexicon = lexicon_for(language)
    if lexicon is None or not lexicon.reports:
        return ()
    nouns = f"(?:{lexicon.reports})"
    before = re.compile(r"\b((?:[A-Z][\w.&]*(?:-[A-Z][\w.&]*)*\s?){1,3}?)(?:\s+(?:[a-z-]+\s+){0,2}|-)" + nouns
                        + r"\b")
    after = re.compile(nouns + rf"\s+(?:{lexicon.of})\s*(?:l[ae]\s+)?((?:[A-Z][\w.&-]*\s?){{1,3}})")
    return before, after


_NOT_A_NAME = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
                         "any", "every", "each", "some", "all", "no", "such", "other", "another", "many", "most",
                         "several", "few", "my", "your",
                         "in", "on", "but", "and", "both", "he", "she", "it", "they", "we", "mr", "mrs", "ms",
                         "friday", "thursday", "monday", "tuesday", "wednesday", "saturday", "sunday",
                         # a party or camp is no one source: "Republican claims", "Democratic accusations"
                         "republican", "republicans", "democrat", "democrats", "democratic", "gop", "conservative",
                         "conservatives", "liberal", "liberals",
                         # a sentence's opening participle: "Reached for comment, a spokesman ..."
                         "reached", "asked", "contacted", "pressed", "speaking", "responding", "according"})
_OWNER_WORD = re.compile(r"\b(?:his|her|their|its|our|my|your)\b", re.I)
_DENIER_NEXT = re.compile(r"\s+(?:\w+ly\s+)?(?:disput|den[iy]|reject|dismiss|challeng|refut|rebut|contest)\w*", re.I)
_PLATFORM = re.compile(r"\b(?:twitter|facebook|instagram|youtube|tiktok|e-?mail|bank|user|social media)\s+accounts?\b",
                       re.I)
# what a response names as the thing it answers: "disputed claims of racism", "denied that it asked for help"
_OBJECT = re.compile(r"\b(?:claims?|allegations?|reports?|accusations?|charges?|suggestions?|assertions?|notion|"
                     r"idea|stor(?:y|ies)|accounts?|rumou?rs?|description|characteri[sz]ation|portrayal|depiction|"
                     r"warnings?|concerns?|fears?|arguments?|contention)"
                     # "warnings from the Obama administration that X"
                     r"(?:\s+(?:from|by)(?:\s+[\w.'\u2019-]+){1,6}?)?"
                     r"\W{0,2}\s+(?:that|of|about)\s+(?P<a>.{5,})|"
                     # "denied to the Portland Press Herald that X": to whom it was said comes between
                     r"\b(?:den(?:y|ies|ied)|disputed?|rejected|dismissed|refuted|maintain(?:s|ed)?|insist(?:s|ed)?)"
                     r"(?:\s+to\s+(?:the\s+)?(?:[A-Z][\w.'\u2019&-]*\s+){1,5}?)?\s*that\s+"
                     r"(?P<b>.{5,})|"
                     r"\b(?:say|allege|mention|claim)\s+that\s+(?P<d>.{5,})|"
                     # the outlet's own verdict on what it relays: "claimed, falsely, that X", "falsely stated that X"
                     r"\b(?:claim\w*|said|says|stat\w+|assert\w*|insist\w*|suggest\w*|tweet\w*|wr[io]te|argu\w+|"
                     r"repeat\w*),?\s+(?:falsely|inaccurately|wrongly|erroneously|misleadingly|baselessly|without "
                     r"(?:offering |providing |citing |any )*(?:evidence|proof)),?\s+that\s+(?P<f>.{5,})|"
                     r"\b(?:falsely|inaccurately|wrongly|erroneously|misleadingly|baselessly)\s+(?:claim\w*|said|says|"
                     r"stat\w+|assert\w*|insist\w*|suggest\w*|tweet\w*|wr[io]te|argu\w+)\s+that\s+(?P<g>.{5,})|"
                     # "the National Enquirer article alleging that he has had affairs", "a report claiming X"
                     r"\b(?:reports?|articles?|stor(?:y|ies)|accounts?|posts?|tweets?|pieces?)\s+(?:alleging|claiming|"
                     r"saying|suggesting|asserting|stating)\s+(?:that\s+)?(?P<h>.{5,})|"
                     # "While many have speculated that X, Bauer said that was never the case"
                     r"\b(?:speculat\w+|theori[sz]\w+|rumou?red|assum\w+)\s+that\s+(?P<e>.{5,})|"
                     r"\b(?:specify|say|mention|clear|unclear|know|known|verify|confirm|asked|doubts?|doubted|"
                     r"doubting)[\"\u201d\u2019']?\s+(?:\w+\s+){0,10}?(?:whether|if)\s+(?P<c>.{5,})", re.I)
# the verdict after what is named is no part of it: "any suggestion that this is a budget issue is off base",
# "accusations that she had misled Congress were false"
_VERDICT_END = re.compile(r"\s+(?:is|was|are|were)\s+\W?(?:\w+\s+)?(?:" + VERDICT + r"|false|untrue|baseless|"
                          r"unfounded|groundless|bogus|fabricated|fake|nonsense|ridiculous|absurd|"
                          r"(?:an )?absurdity|(?:a )?hoax|(?:a )?fabrication|(?:a )?falsehood)\W*$", re.I)
_DESCRIBED = re.compile(r"\b(?:description|characteri[sz]ation|portrayal|depiction)\W{0,2}\s+of\b", re.I)
# where the named proposition ends: "disputed claims of racism and called on the NAACP to withdraw ..."
# who a named one is, between commas, is no end of what a response names: "a report that Trump had directed Michael D.
# Cohen, his longtime lawyer and fixer, to lie to Congress" names the lie, not only Cohen
_APPOSITIVE = re.compile(r"\b([A-Z][\w.'\u2019&-]*),\s+(?:his|her|their|its|the|a|an)\s+"
                         r"(?!(?:[\w.'\u2019&-]+\s+){0,6}?(?:said|says|told|added|noted|wrote|according)\b)"
                         r"(?:[\w.'\u2019&-]+\s+){0,6}?[\w.'\u2019&-]+,(?=\s)")
# "accusations of four women are false": after "of" comes who made them when a short phrase is then judged
_WHOSE = re.compile(r"of\s", re.I)
_CLAIMANT = re.compile(r"^(?:[\w'\u2019-]+\s+){1,4}?(?:are|is|were|was)\s", re.I)
_TRUE_OR_NOT = re.compile(r"\s(?:is|was|are|were)\s+(?:\w+\s+)?(?:true|accurate|correct)(?:\s+or\s+not)?\W*$", re.I)
# "his false claims about the border wall, including that Mexico was already paying for it": the example names it
_INCLUDING = re.compile(r"^[^,;:]{0,60},?\s+(?:including|among them|such as)\s+that\s+(.{5,})", re.I)
# an aside between dashes is no end of it either; a dash alone is ("that X - a claim Romney rejected")
_DASHED = re.compile(r"\s(?:--?|[\u2013\u2014])\s[^-\u2013\u2014]{1,80}?\s(?:--?|[\u2013\u2014])\s"
                     # unless a new clause follows the aside: "whether he flip-flopped -- an accusation X knows --
                     # the nominee acknowledged ..."
                     r"(?!(?:the|a|an|this|that|these|those|he|she|they|it|we|I|[A-Z])\b)")
# "a report that said X": the report's "that" is its relative pronoun, and what it names is X
_RELATIVE_SAID = re.compile(r"^(?:said|says|claimed|claims|stated|states|alleged|alleges|suggested|suggests)\s+"
                            r"(?:that\s+)?(?=\S)", re.I)
_OBJECT_END = re.compile(r"[,;:]|\s(?:--?|[\u2013\u2014])\s|"
                         r"\s(?:and|but|while|as|after|before|because)\s+(?:\w+\s+)?\w+ed\b|\s(?:but|while)\s|"
                         # "doubts about whether Obama was born in the United States and has sent investigators"
                         r"\sand\s+(?:has|have|had|said|says|told|added)\s", re.I)
_ABSENT_MIN = 0.7  # the same for what a source did not say: it answers only a row that states that very thing
_OBJECT_MIN = 0.55  # cosine at which what a response names is the row's proposition
_OBJECT_SURE = 0.7  # cosine at which what a response names is a row's proposition even if a name it uses is not
_OBJECT_LOOSE = 0.4  # a row found by a named response's whole wording must still be near what it names
_CONTENT = 0.62  # cosine at which a response's core restates a row's proposition
_NAMED_MIN = 0.3  # a named row must still be about what the response says (cosine of the closest member)


_ACCORDING = re.compile(r"\baccording to (?:a |an |the )?(?:\w+ ){0,3}$", re.I)


def _names(text: str, language: str | None = None) -> list[str]:
    """Sources a response names as the origin of what it answers (``language``: the article's, whose own report
    nouns count too)."""
    out: list[str] = []
    for rx in (_NAMED_BEFORE, _NAMED_AFTER, *_named_in(language or "")):
        for m in rx.finditer(text):
            between = m.group(0)[len(m.group(1)):]
            if rx is _NAMED_BEFORE and (_ANSWERING.search(between) or _OWNER_WORD.search(between)
                                        or _DENIER_NEXT.match(text, m.end()) or _PLATFORM.search(m.group(0))):
                # "Democrats disputed the claim that ...", "The White House report disputed ...": who answers, not
                # whose claim it is; "Sometimes his remarks": the owner is "his"; "Twitter account": no report
                continue
            if _ACCORDING.search(text, 0, m.start(1)):
                continue  # "found no evidence ..., according to an FBI statement": whose words the response is
            words = [w for w in m.group(1).split() if w.lower().strip(".") not in _NOT_A_NAME]
            if words:
                out.append(normalize_text(" ".join(words)).rstrip("."))
    return list(dict.fromkeys(out))


@dataclass(slots=True)
class Assertions:
    """The rows a response may answer, each with the vectors of its asserting sentences stacked once per story
    (a response is scored against every row: vectorised, a story of thousands of claims stays fast)."""

    rows: list[int]
    mats: dict[int, np.ndarray]
    acts: frozenset[int] = frozenset()  # rows that tell an accusation was made, or react to it (REACTION_RE),
    # answerable only by name
    voices: Mapping[int, Speaker] = field(default_factory=dict)  # rows whose asserting sentences are one speaker's
    predicates: Mapping[int, frozenset[str]] = field(default_factory=dict)  # what each row's asserting sentences
    # do (their predicates' lemmas, light verbs left out)

    @classmethod
    def of(cls, members: Sequence[Sequence[Member]], vecs: Mapping[str, Sequence[np.ndarray]],
           responses: Mapping[str, str], predicates: Mapping[str, set[str]] | None = None) -> Assertions:
        rows: list[int] = []
        mats: dict[int, np.ndarray] = {}
        acts: set[int] = set()
        voices: dict[int, Speaker] = {}
        doing: dict[int, frozenset[str]] = {}
        preds = predicates or {}
        for gi, ms in enumerate(members):
            own = [m for m in ms if not m.context and m.claim.id not in responses]
            vs = [v for m in own for v in vecs.get(m.claim.id, ())]
            if vs:
                rows.append(gi)
                mats[gi] = np.vstack(vs)
                voice = one_voice([m.claim.attributed_to for m in own])
                if voice is not None:
                    voices[gi] = voice
                doing[gi] = frozenset(p for m in own for p in preds.get(m.claim.id, ()) if p not in LIGHT_PREDICATES)
                told = [(bool(preds.get(m.claim.id)) and preds[m.claim.id] <= ACTS)
                        or bool(REACTION_RE.search(m.claim.text) or SUPPOSED.match(m.claim.text))
                        for m in own if not m.claim.negated]
                if sum(told) * 2 > len(told):  # mostly told as the act, or as a reaction to the claim
                    acts.add(gi)
        return cls(rows, mats, frozenset(acts), voices, doing)

    def doing(self, text: str) -> set[int]:
        """Rows whose asserting sentences do what ``text`` (a proposition a response names) says was done: "denied
        a report that it had asked for jets" answers a row of asking, not one that only mentions the jets."""
        found = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
        # a word after a determiner is a noun ("claims about the border wall" does nothing)
        words = [w for k, w in enumerate(found) if k == 0 or found[k - 1] not in _DETERMINERS]
        return {gi for gi, preds in self.predicates.items()
                if any(len(stem := p.split()[0]) >= 3 and any(w.startswith(stem) for w in words) for p in preds)}

    @property
    def answerable(self) -> list[int]:
        """Rows a response may answer by what it says or points back to: not the act of accusing, charging or
        condemning ("it accuses him of witness tampering"), which a denial of the charges leaves standing."""
        return [gi for gi in self.rows if gi not in self.acts]

    def own_voice(self, c: Claim) -> set[int]:
        """Rows only ``c``'s own speaker asserts: "We take no issue with the Tea Party movement" does not dispute
        the same man's "they need to make clear there is no place for bigots"; a speaker's words are his position."""
        key = speaker_key(c.attributed_to)
        return {gi for gi, v in self.voices.items() if same_speaker(v, key)} if key else set()

    def closeness(self, gi: int, vec: Sequence[np.ndarray] | None) -> float:
        """The best cosine between any of ``vec`` and the row's asserting sentences."""
        if vec is None or len(vec) == 0 or gi not in self.mats:
            return 0.0
        return float(np.max(self.mats[gi] @ np.vstack(list(vec)).T))

    def scores(self, vec: Sequence[np.ndarray] | None, exclude: set[int] | frozenset[int] = frozenset()
               ) -> list[tuple[float, int]]:
        """(closeness, row) of every answerable row outside ``exclude`` (none without a vector)."""
        rows = [gi for gi in self.answerable if gi not in exclude]
        if vec is None or len(vec) == 0 or not rows:
            return []
        q = np.vstack(list(vec)).T
        return [(float(np.max(self.mats[gi] @ q)), gi) for gi in rows]

    def best(self, vec: Sequence[np.ndarray] | None, exclude: set[int] | frozenset[int] = frozenset()
             ) -> tuple[float, int]:
        """(closeness, row) of the closest row outside ``exclude``, (0, -1) when there is none."""
        scored = self.scores(vec, exclude)
        if not scored:
            return 0.0, -1
        score, neg = max((sc, -gi) for sc, gi in scored)
        return score, -neg


# "it" points back at what a response answers only as what is denied, doubted or called false ("denied it", "it is
# not true"); elsewhere it is a thing the sentence names itself ("the government denies any role in the attacks and
# investigations have cleared it of blame")
_IT_ANSWERED = re.compile(r"\b(?:den(?:y|ies|ied|ying)|disput\w*|reject\w*|dismiss\w*|refut\w*|rebut\w*|confirm\w*|"
                          r"verif\w*|corroborat\w*|retract\w*|heard of|aware of|knowledge of|call(?:ed|ing|s)?|"
                          r"believe|doubt\w*|question\w*)\s+it\b|\bit(?:'s|\u2019s| is| was| isn't| wasn't)\b", re.I)


# nouns for what was said or put forward: "that report", "these claims", "this suggestion" point back at a proposition
_SAID_NOUNS = (r"reports?|claims?|allegations?|accusations?|charges?|stor(?:y|ies)|accounts?|versions?|descriptions?|"
               r"characteri[sz]ations?|assertions?|statements?|remarks?|comments?|suggestions?|ideas?|notions?|"
               r"arguments?|contentions?|criticism|concerns?|warnings?|information|news|requests?|demands?|figures?|"
               r"numbers?|estimates?|narratives?|theor(?:y|ies)|rumou?rs?|speculation|assessments?|conclusions?|"
               r"findings?|reporting|article|piece|view|position|premise|impression|event|incident|issue|matter|"
               r"tweet|message|photo|picture")
# "that" points back as a pronoun ("that was never the case", "denied that.", "that report"), or where it opens what
# a speaker says of himself ("told the Post that he was not working for the FBI": what he denies was told before),
# not where it opens a clause about something it names ("said that the challenge was without merit")
_THAT_BACK = re.compile(r"(?=\s*(?:[.,;:!?\"\u201d\u2019')\]]|$)|\s+(?:is|was|were|are|isn't|wasn't|isn\u2019t|"
                        r"wasn\u2019t|would|will|could|can|has|had|remains|seems|appears|never|simply|just|not|"
                        r"he|she|they|we|i|it|its|his|her|their|our|said|says|claimed|claims|reported|reports|"
                        r"alleged|alleges|stated|suggested|" + _SAID_NOUNS + r")\b|['\u2019]s\b)",
                        re.I)
# "this", "these", "those" before a noun for a thing ("this committee", "this suit", "this week") name that thing
_DEMONSTRATIVE_THING = re.compile(r"\s+(?!(?:" + _SAID_NOUNS + r"|is|was|were|are|has|had|have|would|will|could|"
                                  r"can|may|might|must|should|does|did|do|remains|seems|appears|means|shows|never|"
                                  r"not|just|simply|also|too|again|and|or|but|as|in|on|at|to|for|of|with|from|by|"
                                  r"about|false|true|untrue|wrong|inaccurate|nonsense|disinformation|misinformation|"
                                  r"propaganda|fake|fiction|lies?|rubbish|garbage|smears?|hoax|fabrications?|"
                                  r"baseless|absurd|ridiculous|a|an|the|because|since|when|"
                                  r"after|before|if|one|ones|kind|sort|latest|new|same|particular|specific|last|"
                                  r"first|recent|earlier|whole|entire)\b)[a-z][a-z-]+\b")


def _points_back(text: str) -> bool:
    """The response refers back to what it answers (``ANAPHOR``): a bare "it" only as ``_IT_ANSWERED`` reads it,
    "that" only as a pronoun or before a noun for what was said, "this" or "these" not before a noun for a thing."""
    for m in ANAPHOR.finditer(text):
        word = m.group(0).lower()
        if word == "it":
            if _IT_ANSWERED.search(text):
                return True
        elif word == "that":
            if _THAT_BACK.match(text, m.end()):
                return True
        elif word in {"this", "these", "those"}:
            if not _DEMONSTRATIVE_THING.match(text, m.end()):
                return True
        else:
            return True
    return False


_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
                          "those", "any", "some", "no"})
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{2,})\b")


def _names_in(obj: str, ms: Sequence[Member]) -> bool:
    """Every name the named proposition uses (a capitalised word inside it) occurs in the row's sentences."""
    text = " ".join(m.claim.text for m in ms).lower()
    return all(w.lower() in text for w in _CAPITALISED.findall(obj))


_STEM_STOP = frozenset(re.findall(r"[a-z]+", """that this there their they them then than with from have has had been
were was will would could should about into over after before while which whom whose what when where also only just
more most such other some said says told tell according"""))


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"\b[a-z][a-z'-]{3,}\b", text) if w not in _STEM_STOP}


def _says_in(obj: str, ms: Sequence[Member]) -> bool:
    """Beyond its names, the named proposition shares a word with the row ("replace" is not in "Mattis quit in
    protest"); a proposition of names alone passes."""
    own = _stems(obj)
    return not own or bool(own & _stems(" ".join(m.claim.text for m in ms).lower()))


# where the subject of a named proposition ends: its first auxiliary, modal or past-tense verb
_PREDICATE_START = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|might|may|could|would|will|can|should|"
                              r"must|did|does|do|never|ever|[a-z]{3,}ed)\b")


def _predicate_in(obj: str, ms: Sequence[Member]) -> bool:
    """What the named proposition says of its subject shares a word with the row: "claims that the conversations
    might be illegal or improper" are not answered by "what resulted were the informal conversations", nor "was in
    cahoots with WikiLeaks" by a row on what WikiLeaks allegedly tried. A word matches another that begins with its
    first letters ("paying", "pay"). A proposition whose predicate is not found passes."""
    m = _PREDICATE_START.search(obj)
    if m is None or m.start() == 0:
        return True
    # its own words, not the names the row was already found by
    said = {w for w in re.findall(r"\b[a-z][a-z'-]{2,}", obj[m.start():]) if w not in _STEM_STOP
            and w not in _DETERMINERS and w not in _PREDICATE_FILLER}
    if not said:
        return True
    row = {w for w in re.findall(r"[a-z][a-z'-]{2,}", " ".join(x.claim.text for x in ms).lower())
           if w not in _STEM_STOP}
    return any(a[:k] == b[:k] for a in said for b in row if (k := min(5, len(a), len(b))) >= 3)


_PREDICATE_FILLER = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had", "might", "may", "could",
                          "would", "will", "can", "should", "must", "did", "does", "do", "not", "never", "ever",
                          "already", "also", "still", "just", "and", "or", "for", "with", "the", "all"})


_OBJECT_TIE = 0.05  # rows this close to the best for what a response names are as good: the widest told wins
_DOING_TIE = 0.1  # a row that does what a response names may be this much further than the closest


def _widest(scored: Sequence[tuple[float, int]], members: Sequence[Sequence[Member]],
            doing: set[int] | frozenset[int] = frozenset()) -> tuple[float, int]:
    """Among the rows about as close as the best to what a response names (``scored``: ``Assertions.scores``), the
    one most outlets tell: "denied a newspaper report that it had asked for fighter jets" answers the request five
    outlets report, not one outlet's aside that mentions it. Rows that do what it names (``doing``) come first
    when they are nearly as close. (0, -1) when there is no row."""
    if not scored:
        return 0.0, -1
    top = max(sc for sc, _ in scored)
    acting = [(sc, gi) for sc, gi in scored if gi in doing and sc >= top - _DOING_TIE]
    if acting:
        top = max(sc for sc, _ in acting)
        scored = acting
    near = [(sc, gi) for sc, gi in scored if sc >= top - _OBJECT_TIE]
    return max(near, key=lambda x: (len({m.claim.article_id for m in members[x[1]] if not m.context}), x[0], -x[1]))


def screened(c: Claim, found: tuple[list[int], int], members: Sequence[Sequence[Member]],
             responses: Mapping[str, str], frames: Mapping[str, Frame]) -> tuple[list[int], int]:
    """``answer_targets``' rows for ``c``, less those its kind of answer cannot answer: a sentence that tells what
    it answers answers no other row; a disclaimer of one's own part only a row that names one; a motive imputed
    to an act only a row that tells an accusation. -1 where none is left (no other response may carry it)."""
    rows, strength = found
    if not rows:
        return found
    if told_then_named(c.text):
        # "They argued that she had waived her right, a contention her lawyer disputed": the sentence tells what it
        # answers itself, which no other row need state; it is a row of its own
        return [], -1
    if DISCLAIMS.search(c.text):
        who = speaker_key(c.responder or c.attributed_to)
        kept = [gi for gi in rows if who is not None and any(
            who[0] in re.findall(r"[a-z]+", m.claim.text.lower()) for m in members[gi] if m.claim.id not in responses)]
        return (kept, strength) if kept else ([], -1)
    if _MOTIVE.search(c.text) and response_of(_MOTIVE.sub(" ", c.text)) is None:
        # "claiming this was politically motivated" of a firing says why it was done, not that it was not: a motive
        # denies only a row that tells an accusation ("what he called politically motivated charges")
        kept = [gi for gi in rows if any(frames.get(m.claim.id, (frozenset(), frozenset()))[0] & _ACCUSING
                                         for m in members[gi] if m.claim.id not in responses)]
        return (kept, strength) if kept else ([], -1)
    return found


# a motive imputed to what was said or done, which denies it only as an accusation (see ``screened``)
_MOTIVE = re.compile(r"\bpolitically motivated\b|\bwitch[- ]hunts?\b|\bpartisan (?:plot|attack|stunt)s?\b", re.I)
# the predicates of a row that tells an accusation, a charge or an inquiry into someone
_ACCUSING = frozenset({"accuse", "charge", "indict", "allege", "investigate", "prosecute", "sue", "probe", "target"})


# A speaker disclaiming his own part in a thing the story tells: "she had no knowledge of the warning", "has
# maintained that he had no involvement in, or knowledge of, the plan". It denies that he knew or took part, not
# that the warning or the plan was there; "had no direct knowledge that Russians were responsible" (a proposition)
# and "unaware of any such request" (that there was one) are other denials.
DISCLAIMS = re.compile(r"\b(?:had|has|have|having) no (?:direct |personal |prior )?(?:knowledge|involvement|role|"
                       r"part)(?: (?:in|of),? (?:or (?:knowledge|involvement) (?:in|of),? )?)(?:the|his|her|their|"
                       r"its|this|that|these|those)\b", re.I)


def answer_targets(c: Claim, before: Sequence[Claim], *, vecs: Mapping[str, Sequence[np.ndarray]],
                   group_of: Mapping[str, list[int]], targets_of: Mapping[str, list[int]],
                   members: Sequence[Sequence[Member]], responses: Mapping[str, str],
                   frames: Mapping[str, Frame], assertions: Assertions,
                   objects: Mapping[str, np.ndarray] | None = None,
                   named_rows: Mapping[str, int] | None = None,
                   languages: Mapping[str, str | None] | None = None) -> tuple[list[int], int]:
    """The groups response ``c`` answers (``before``: its article's earlier claims, in order), with how firmly
    they were found: 3 by the source it names, 2 by the proposition it names or what it points back to, 1 by
    wording alone, 0 not at all, -1 not at all and not to be carried by other responses (what a source did not
    say answers only a row that states it). ``screened`` then checks what kind of answer it is."""
    own = set(group_of.get(c.id, []))
    # "Trump falsely stated that X": the outlet answers Trump's X, so rows in Trump's own voice are what it answers
    verdict = outlet_verdict(c.text)
    mine = set() if verdict else assertions.own_voice(c)
    asserting = set(assertions.answerable) - mine
    rows_named = named_rows or {}
    obj = (objects or {}).get(c.id)  # the proposition it names ("claims that X"), None when it names none
    obj_text = (answered_object(c.text) or "") if obj is not None else ""
    obj_score, obj_row = _widest(assertions.scores([obj], mine), members, assertions.doing(obj_text)) \
        if obj is not None else (0.0, -1)
    asserted = [m for m in members[obj_row] if m.claim.id not in responses] if obj_row >= 0 else []
    if obj is not None and obj_row >= 0 and (
            (obj_score < _OBJECT_SURE and not _names_in(obj_text, members[obj_row]))
            or not _says_in(obj_text, asserted)
            or (obj_score < _OBJECT_SURE and not _predicate_in(obj_text, asserted))):
        # "allegations that the White House offered him the Navy post": a row without the Navy; "denied that he had
        # been looking to replace Mattis": a row on Mattis, close in its names, that says nothing of replacing him
        obj_score = 0.0

    names = [n for n in _names(c.text, (languages or {}).get(c.id)) if n in rows_named and rows_named[n] not in mine]
    if names and obj is not None and _DESCRIBED.search(c.text) and obj_score >= _OBJECT_MIN:
        # "BuzzFeed's description of statements to the office ... is not accurate" answers what it describes
        return [obj_row], 3
    if names:
        return [rows_named[names[0]]], 3
    if ABSENT.search(c.text):
        # "did not say that X", "made no mention of whether X": a doubt about X itself; only a row that states X
        # answers it, else it stays the row of X that nobody asserts
        if obj is not None and obj_score >= _ABSENT_MIN:
            return [obj_row], 2
        return [], -1  # no other response's agreement may carry it to a row that does not state it
    if obj is not None and obj_score >= _OBJECT_MIN:
        return [obj_row], 2
    if obj is None and own and verdict:
        # "'We're the only country ...,' Mr. Trump told Axios, making a false claim": the outlet denies what the
        # sentence itself relays, the row its wording is in
        return sorted(own), 2
    if _points_back(c.text) and obj is None:  # "that was never the case" after naming X answers X, not the past
        prior = [p for p in before if p.id not in responses or p.id in targets_of]
        # "I've never heard of that" after "he was unaware of any such request" answers what that denial answered;
        # after a doubt about a detail ("did not specify whether ...") it answers the report, not the detail
        alike = {k: v for k, v in targets_of.items() if responses.get(k) == responses.get(c.id)}
        found = [g for g in resolve(c, prior, vecs, group_of, alike, members, frames, asserting) if g not in own or
                 len(members[g]) > 1]
        found = [g for g in found if g in asserting]
        if found:
            return found, 2
    # a response that is not itself negated and that wording put in a row tells that row's proposition ("fired off
    # a statement demanding the group withdraw its false resolution"): it does not answer what it tells
    told = own if not c.negated else set()
    score, gi = assertions.best(vecs.get(c.id), mine | told)
    if obj is not None and (assertions.closeness(gi, [obj]) < _OBJECT_LOOSE or (
            gi >= 0 and not (_names_in(obj_text, members[gi])
                             and _says_in(obj_text, [m for m in members[gi] if m.claim.id not in responses])))):
        # it names what it answers ("disputed claims of racism and called on the group to withdraw its resolution"):
        # the rest of its words may restate another row, which it does not answer
        return [], 0
    if score >= _CONTENT and _says_in(c.text.lower(), [m for m in members[gi] if m.claim.id not in responses]):
        # by wording alone it must still share a word with what the row asserts: "the Saudi government denies any
        # role in the attacks" does not answer "it overrides the act that grants countries immunity"
        return [gi], 1
    return [], 0


def rows_of_named_sources(responses: Sequence[Claim], members: Sequence[Sequence[Member]],
                          vecs: Mapping[str, Sequence[np.ndarray]], answers: Mapping[str, str],
                          assertions: Assertions,
                          languages: Mapping[str, str | None] | None = None) -> dict[str, int]:
    """For each source that responses name ("the BuzzFeed report", "BuzzFeed's account"), the one row that tells
    what that source reported: among the rows relaying the source, the one relayed by the most articles, then the
    one closest to everything said about it. Decided once for the story, so every response naming the source
    answers the same row."""
    naming: dict[str, list[Claim]] = {}
    for c in responses:
        for n in _names(c.text, (languages or {}).get(c.id)):
            naming.setdefault(n, []).append(c)
    out: dict[str, int] = {}
    for name, said in naming.items():
        best: tuple[float, float, int] | None = None
        candidates = 0
        # "Vell's comments were wildly inaccurate" says nothing of their topic: any row of Vell's may be meant
        spoken = all(re.search(rf"\b{re.escape(name)}(?:'s|\u2019s)?\s+(?:\w+\s+)?{_SPEECH}\b", normalize_text(r.text))
                     for r in said)
        foreign = any((languages or {}).get(r.id) not in (None, "en") for r in said)
        for gi, ms in enumerate(members):
            own = [m for m in ms if not m.context and m.claim.id not in answers]
            strong = {m.claim.article_id for m in own if _relays(m.claim, name)}
            if not strong:
                continue
            close = float(np.mean([assertions.closeness(gi, vecs.get(r.id)) for r in said]))
            if close < _NAMED_MIN and not spoken:
                continue
            candidates += 1
            # a response that says what it is about ("Vell's assertions about the dredging records") answers the closest
            # of his rows; only among rows about as close does the most told one win. Across languages the sentence
            # vectors are too far apart to say which row is closest, so there the most told row wins
            key = (len(strong), close, -gi) if spoken or foreign else (round(close, 1), len(strong), -gi)
            if best is None or key > best:
                best = key
        if best is not None and not (spoken and candidates > 1):
            # what "Vell's comments" are is unknown when Vell said several things: the most told is often a later
            # clarification or another matter, so no row is chosen for him
            out[name] = -best[2]
    return out


def _relays(claim: Claim, name: str) -> bool:
    """The claim tells what ``name`` reported: attributed to it, carried via it, "NAME reported ...", "NAME's report
    claimed ...", "according to NAME" (not "the NAME report led to a furor", which tells what the report did)."""
    for who in (claim.attributed_to, claim.via):
        if who and (name in normalize_text(who) or normalize_text(who) in name):
            return True
    n = re.escape(name)
    said = (rf"\b{n}(?:'s|\u2019s)?\s+(?:\w+\s+){{0,3}}?(?:reported|reports|said|says|claimed|claims|wrote|alleged)\b|"
            rf"\b{n}(?:'s|\u2019s)?\s+(?:\w+\s+){{0,3}}?(?:report|story|article|piece)\s+(?:that|said|says|claimed|claims|"
            rf"alleged|stated)\b")
    cited = rf"\b(?:according to|citing|cited by)\s+(?:the\s+)?{n}\b"
    return bool(re.search(f"{said}|{cited}", normalize_text(claim.text)))


def consensus(responses: Sequence[Claim], found: Mapping[str, tuple[list[int], int]],
              clusters: Sequence[Sequence[str]]) -> dict[str, list[int]]:
    """Responses that wording puts together answer one thing: outlets telling the same denial ("disputed claims of
    racism", "say there is no racism in the movement") answer the same row. Within each such cluster of
    responses from two or more articles, those found by wording alone or not at all take the row the cluster's
    firmer findings agree on (``clusters``: claim ids of responses grouped by wording)."""
    article = {c.id: c.article_id for c in responses}
    out = {cid: list(t) for cid, (t, _) in found.items()}
    for ids in clusters:
        ids = [i for i in ids if i in found]
        if len({article[i] for i in ids}) < 2:
            continue
        votes: dict[int, int] = {}
        for i in ids:
            targets, strength = found[i]
            for gi in targets:
                votes[gi] = votes.get(gi, 0) + max(strength, 0)
        if not votes:
            continue
        best = max(votes.items(), key=lambda kv: (kv[1], -kv[0]))[0]
        for i in ids:
            if 0 <= found[i][1] <= 1:
                out[i] = [best]
    return out
