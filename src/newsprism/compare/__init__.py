"""Per story: the claim x outlet matrix, each claim's status, and where it came from.

A row is a proposition: the sentences of every article that assert one checkable thing, with the responses to it
attached. Steps: claims (from extraction, or extracted here when a caller has none) -> propositions -> groups of
propositions that state the same thing (``grouping``: sentence vectors plus the rare words they share) -> the
stance backend's judgement of which sentences are responses (denials, doubts, confirmations) -> each response
attached to the row it answers (``responses``: by the source it names, the proposition it names, what it points
back to, or a close restatement; responses told alike across outlets agree on one row) -> the rows' after-steps
(``rows``) -> status, reason and provenance (``verdict``, with the origins of ``newsprism.provenance``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from newsprism.answers import outlet_verdict, response_of
from newsprism.compare.align import Proposition, group_key
from newsprism.compare.align import propositions as align_propositions
from newsprism.compare.grouping import (
    LIGHT_PREDICATES,
    contradicts,
    contrary_states,
    group_frame,
    group_propositions,
    mean_sim,
    negates_other_thing,
    polarity,
)
from newsprism.compare.responses import (
    SUPPOSED,
    Assertions,
    answer_targets,
    answered_object,
    consensus,
    defended,
    rows_of_named_sources,
    screened,
    told_then_named,
)
from newsprism.compare.rows import (
    answerers,
    denial_rows,
    home_rows,
    outlet_fact_checks,
    own_voice,
    relaying,
    repeated_rows,
    second_opinion,
    split_other_negations,
    split_unanswered,
    statement_rows,
    told_responses,
)
from newsprism.compare.verdict import Member, sources, verdict
from newsprism.labels import Link
from newsprism.records import Article, Citation, Claim, ClaimGroup, Quote, Story, normalize_text
from newsprism.resources import Resources, sentence_key
from newsprism.settings import Settings
from newsprism.stance import Cues, cues_of, sentence_stance, stance_backend
from newsprism.summarize.sentences import split_sentences

__all__ = ["compare_story"]

log = logging.getLogger(__name__)

def compare_story(story: Story, articles: Sequence[Article], *, quotes: Sequence[Quote],
                  citations: Sequence[Citation], claims: Sequence[Claim], resources: Resources,
                  settings: Settings,
                  propositions: Mapping[str, Sequence[Proposition]] | None = None,
                  extracted: bool = False) -> list[ClaimGroup]:
    """Group the story's claims and judge each group (``propositions``: those extraction already derived;
    ``extracted``: the articles went through extraction, so one without claims has none, and is not parsed
    again here)."""
    arts = {a.id: a for a in articles}
    if not extracted:
        claims = _with_fallback(list(claims), articles, quotes, citations, resources, settings)
    claims = [c for c in claims if c.article_id in arts]
    if not claims:
        return []
    # spaCy only for claims extraction left without propositions: a worker that compares stories whose
    # propositions all came with them never loads it
    known = propositions or {}
    nlp = resources.nlp if any(c.id not in known for c in claims) else None
    props = align_propositions(claims, nlp, propositions)
    vecs = core_vectors(props, resources)
    clusters, group_sims = group_propositions(props, vecs, settings)
    backend = stance_backend(resources, settings)  # the one judge of denial, doubt and contradiction
    answers = {c.id: backend.response(c.text, arts[c.article_id].language) for c in claims}
    clusters, group_sims = split_other_negations(clusters, group_sims, props, answers)

    members: list[list[Member]] = []
    group_of: dict[str, list[int]] = {}
    for gi, idx in enumerate(clusters):
        pol = polarity(props, idx)
        frame = group_frame(props, idx, pol)
        ms = []
        words: dict[int, tuple[str, ...]] = {}
        contrary = contrary_states(props, idx) if not pol else set()
        for k, i in enumerate(idx):
            p = props[i]
            judged, said = frame, None
            if p.negative != pol:
                # a sentence is not the opposite of itself: "Mexico is not yours to play with, show some respect"
                # has a positive part beside its negated one (in its own telling and in another outlet's quote of
                # the same words), which must not make the frame it is judged against
                if not words:
                    words = {j: _words(props[j].claim.text) for j in idx}
                others = [j for j in idx if props[j].negative == pol and props[j].claim.id != p.claim.id
                          and words[j] != words[i]]
                judged = judged_frame(props, others, p, pol)
                said = frozenset(props[j].predicate for j in others if props[j].predicate)
            stance = _stance(p, pol, judged, answers.get(p.claim.id), said, i in contrary)
            opposite = p.negative != pol and stance in {"denies", "doubts"}
            ms.append(Member(p.claim, stance, mean_sim(group_sims[gi], k),
                             link=Link.OPPOSITE.value if opposite else None))
            group_of.setdefault(p.claim.id, []).append(gi)
        members.append(ms)

    by_article: dict[str, list[Claim]] = {}
    for c in sorted(claims, key=lambda c: (c.article_id, c.start)):
        by_article.setdefault(c.article_id, []).append(c)
    prop_vecs: dict[str, list[np.ndarray]] = {}
    preds: dict[str, set[str]] = {}
    contents: dict[str, set[str]] = {}
    for i, p in enumerate(props):
        prop_vecs.setdefault(p.claim.id, []).append(vecs[i])
        preds.setdefault(p.claim.id, set()).update([p.predicate] if p.predicate else [])
        contents.setdefault(p.claim.id, set()).update(p.content)
    frames = {cid: (frozenset(preds[cid]), frozenset(contents[cid])) for cid in preds}
    responses = {cid: kind for cid, kind in answers.items() if kind}
    answered: dict[str, list[int]] = {}
    named = {c.id: obj for c in claims if c.id in responses and (obj := answered_object(c.text))}
    objects = dict(zip(named, resources.embed(list(named.values())), strict=True)) if named else {}
    found: dict[str, tuple[list[int], int]] = {}
    assertions = Assertions.of(members, prop_vecs, responses, preds)
    languages = {c.id: arts[c.article_id].language for c in claims}  # a response names a source in its own words
    named_rows = rows_of_named_sources([c for c in claims if c.id in responses], members, prop_vecs, responses,
                                       assertions, languages)
    for seq in by_article.values():
        targets_of: dict[str, list[int]] = {}
        for pos, c in enumerate(seq):
            if c.id in responses:
                found[c.id] = screened(c, answer_targets(
                    c, seq[:pos], vecs=prop_vecs, group_of=group_of, targets_of=targets_of, members=members,
                    responses=responses, frames=frames, assertions=assertions, objects=objects,
                    named_rows=named_rows, languages=languages), members, responses, frames)
                targets_of[c.id] = found[c.id][0]
                log.debug("response %r -> groups %s (strength %d)", c.text[:60], *found[c.id])
    wording = [[m.claim.id for m in ms if m.claim.id in responses] for ms in members]
    chosen = consensus([c for c in claims if c.id in responses], found, wording)
    negated: dict[str, bool] = {}
    for p in props:
        negated[p.claim.id] = negated.get(p.claim.id, True) and p.negative
    by_id = {c.id: c for c in claims}
    for cid, targets in chosen.items():
        if targets:
            answered[cid] = targets
        link = _link(cid in named, found[cid], targets, by_id[cid].text)
        for gi in targets:
            mine = [k for k, m in enumerate(members[gi]) if m.claim.id == cid]
            c = next(m.claim for ms in members for m in ms if m.claim.id == cid)
            # a confirmation backs the row it answers: relayed from whoever confirms, or the outlet's own; a denial
            # of what a row of denials denies ("his service never took him overseas" beside "his campaign disputed
            # the report") takes the row's side, as a denial in a group of denials does (``_stance``)
            stance = responses[cid] if responses[cid] in {"denies", "doubts"} and (
                outlet_verdict(c.text) or not _denials_row(members[gi], responses, negated)) else relaying(c)
            if mine:
                for k in mine:
                    members[gi][k] = replace(members[gi][k], stance=stance, link=link)
            else:
                members[gi].append(Member(c, stance, 0.5, context=True, link=link))
    # an answered response leaves the groups its wording put it in: it is a cell of the row it answers, unless
    # other outlets report the same response, which makes it a claim of its own ("Mueller's office said the
    # report was not accurate") that can be answered in turn
    split_unanswered(members, clusters, group_sims, props, set(responses) - set(answered))
    denial_rows(members, responses, set(answered))
    kept = statement_rows(members, answered, props, vecs)
    members = [[m if m.claim.id not in answered or gi in answered[m.claim.id] else replace(m, stance=relaying(m.claim))
                for m in ms if m.claim.id not in answered or gi in answered[m.claim.id]
                or (gi, m.claim.id) in kept] for gi, ms in enumerate(members)]
    told_responses(members, clusters, group_sims, props, vecs, answered, kept,
                   set(responses) - set(answered) - set(named))
    # a defence of a challenged report ("we stand by our reporting") answers the challenge, told as its own row
    statements = {m.claim.id: gi for gi, ms in enumerate(members) for m in ms
                  if m.claim.id in answered and gi not in answered[m.claim.id] and not m.context}
    for seq in by_article.values():
        for pos, c in enumerate(seq):
            if c.id not in responses:
                continue
            to = defended(c, seq[:pos], statements, members, prop_vecs)
            if not to:
                continue
            members = [[m for m in ms if m.claim.id != c.id or gi in to or (gi, c.id) in kept]
                       for gi, ms in enumerate(members)]
            for gi in to:
                if not any(m.claim.id == c.id for m in members[gi]):
                    members[gi].append(Member(c, "denies", 0.5, context=True, link=Link.DEFENDS.value))

    members = own_voice(home_rows(outlet_fact_checks([answerers(ms) for ms in members])))
    cited: dict[str, set[str]] = {}
    for cit in citations:
        cited.setdefault(cit.article_id, set()).add(normalize_text(cit.outlet))
    for c in claims:  # outlets a claim names as its source count as cited even without citation records
        for name in (c.via, c.attributed_to):
            if name:
                cited.setdefault(c.article_id, set()).add(normalize_text(name).removeprefix("the "))
    sentence_outlets = cited_in_sentence(claims, citations)
    groups: list[ClaimGroup] = []
    for gi, kept_gi in repeated_rows(members, group_sims).items():
        have = {m.claim.id for m in members[kept_gi]}
        members[kept_gi].extend(m for m in members[gi] if m.context and m.claim.id not in have)
        members[gi] = []
    for gi, ms in enumerate(members):
        own = [m for m in ms if not m.context]
        if not own:
            continue
        text = _clearest(own, group_sims[gi], props, clusters[gi], set(answered) | {
            props[i].claim.id for i in clusters[gi]} - {m.claim.id for m in own})
        if all(m.link == Link.UNASSERTED.value for m in own):
            text = denied_title(text)
        ms = answerers(second_opinion(ms, text, backend))
        status, reason, first, n_orig, edges = verdict(ms, arts, cited, sentence_outlets)
        groups.append(ClaimGroup(
            id=group_key(story.id, [m.claim.id for m in own]),
            text=text,
            status=status, sources=sources(ms, arts), reason=reason, first_source=first,
            independent_origins=n_orig, provenance=edges))
    # the same order as the matrix views: contested rows, then rows several outlets tell, then background
    groups.sort(key=lambda g: (g.status not in {"disputed", "denied"}, len({s.article_id for s in g.sources}) < 2,
                               -len({s.article_id for s in g.sources}), -len(g.sources), g.id))
    return groups


def cited_in_sentence(claims: Sequence[Claim], citations: Sequence[Citation]) -> dict[str, str]:
    """Claim id -> the one outlet its own sentence cites ("The Post noted that ..."); a sentence citing two outlets
    names no one source."""
    spans: dict[str, list[Citation]] = {}
    for cit in citations:
        spans.setdefault(cit.article_id, []).append(cit)
    out: dict[str, str] = {}
    for c in claims:
        names = {cit.outlet for cit in spans.get(c.article_id, ()) if cit.start < c.end and c.start < cit.end}
        if len(names) == 1:
            out[c.id] = names.pop()
    return out


@dataclass(slots=True)
class StoryTexts:
    """What a story's analysis encodes: every sentence (the summary needs them all) and each claim's core."""

    sentences: list[str]
    cores: list[str]


def _core_key(core: str) -> str:
    """Cores share the sentences' key space: a core worded like a sentence or a timeline event is one vector."""
    return sentence_key(core)


def story_texts(props: Sequence[Proposition], articles: Sequence[Article]) -> StoryTexts:
    """The texts one story's comparison and summary will encode."""
    sentences = [s.text for a in articles for s in split_sentences(a.text or "")]
    return StoryTexts(list(dict.fromkeys(sentences)), list(dict.fromkeys(p.core for p in props)))


def encode_story_texts(plans: Sequence[StoryTexts], resources: Resources) -> None:
    """One encoder pass over the sentences and claim cores of several stories (bigger batches pad less); the
    vectors stay in the Resources cache, where each story's comparison and summary find them.

    Cores are encoded on their own, not read from their sentence's pass: pooled from the sentence, a core
    keeps the voice of its attribution ("denied", "officials said") and groups with the wrong claims."""
    sentences = list(dict.fromkeys(t for plan in plans for t in plan.sentences))
    cores = list(dict.fromkeys(t for plan in plans for t in plan.cores))
    resources.embed([*sentences, *cores], keys=[*(sentence_key(t) for t in sentences), *map(_core_key, cores)])


def core_vectors(props: Sequence[Proposition], resources: Resources) -> np.ndarray:
    """Each proposition's core vector (cached when the story's window was encoded ahead)."""
    return resources.embed([p.core for p in props], keys=[_core_key(p.core) for p in props])


def _with_fallback(claims: list[Claim], articles: Sequence[Article], quotes: Sequence[Quote],
                   citations: Sequence[Citation], resources: Resources, settings: Settings) -> list[Claim]:
    """Extract claims for articles that arrive without any (callers that skip extraction)."""
    from newsprism.extract.claims import extract_claims

    have = {c.article_id for c in claims}
    missing = [a for a in articles if a.id not in have and not a.duplicate_of and a.text.strip()]
    if not missing:
        return claims
    for a, doc in zip(missing, resources.nlp.pipe([a.text for a in missing]), strict=True):
        claims.extend(extract_claims(a, doc, quotes=[q for q in quotes if q.article_id == a.id],
                                     citations=[c for c in citations if c.article_id == a.id], settings=settings))
    return claims


# "one of them shouldn't be the chairman": what ought not to be is an opinion, not the opposite of a fact
_OUGHT_NOT_RE = re.compile(r"\b(?:should|ought|must)(?:n['\u2019]t| not)\b", re.I)


# "Obama had never had a veto overridden" beside "the first time Congress has had the votes to overrule him": what
# never happened before is what happens for the first time, the same news told two ways
_NEVER_BEFORE_RE = re.compile(r"\bhad\s+never\b|\bnever\b[^.;]*\bbefore\b", re.I)
_FIRST_TIME_RE = re.compile(r"\bfirst\s+time\b|\bfor the first\b|\bunprecedented\b", re.I)


def _negates_what_is_said(p: Proposition, said: frozenset[str], frame: frozenset[str]) -> bool:
    if _OUGHT_NOT_RE.search(p.claim.text):
        return False
    if SUPPOSED.match(p.claim.text):
        return False  # "If they don't pass this bill ...": a condition
    if p.predicate and p.predicate not in LIGHT_PREDICATES:
        # "Mexico will not pay for a wall" beside "he'll make Mexico pay for the wall": the verb under the row's
        # light verb, with more of its words
        return p.predicate in said or (bool(said & LIGHT_PREDICATES) and p.predicate in frame
                                       and len(p.content & frame) >= 3)
    # "the U.S. is not the only country" beside "we're the only country": the same light verb and what it negates
    shared = len(p.negated & frame)
    if shared < (1 if p.predicate and p.predicate in said else 2):
        return False
    # "Mr. Cruz has no affiliation with the super PAC" beside a row on the PAC's ad, "Labrador was not conservative
    # enough on immigration reform" beside his reform group: the negation denies a thing the row does not speak of,
    # whatever words of its complement the row shares; "was not an attempt to label the movement as racist" shares
    # three
    return not p.negated_head or p.negated_head in frame or shared >= 3


def judged_frame(props: Sequence[Proposition], others: Sequence[int], p: Proposition, pol: bool) -> frozenset[str]:
    """The words a negated sentence ``p`` is judged against: the frame of the row's ``others``, less the word it
    negates where the row carries that same negation inside a sentence that reads as positive ("has a message for
    him: You're not welcome" beside "He is not welcome"): an echo, not a contrary; none at all where ``p`` tells
    what had never happened before and the row tells it happening for the first time."""
    frame = group_frame(props, others, pol)
    if _NEVER_BEFORE_RE.search(p.claim.text) and any(_FIRST_TIME_RE.search(props[j].claim.text) for j in others):
        return frozenset()  # news of a first time: "had never ..." tells the same thing
    if p.negated_head and any(_says_not(props[j].claim.text, p.negated_head) for j in others):
        return frame - {p.negated_head}
    unable = {w for w in p.negated if any(_says_unable(props[j].claim.text, w) for j in others)}
    if unable:
        # "her eye could not be saved" beside "doctors were unable to save her eye": the same failure told twice
        return frame - unable
    return frame


def _says_unable(text: str, verb: str) -> bool:
    """The text tells a failure to do ``verb`` ("were unable to save", "failed to stop"), which a negation of the
    verb restates rather than contradicts."""
    stem = verb[:-1] if verb.endswith("e") and len(verb) > 3 else verb
    return re.search(rf"\b(?:unable|failed|fails|fail|failing)\s+to\s+(?:\w+\s+)?{re.escape(stem)}\w*\b", text,
                     re.I) is not None


def _says_not(text: str, head: str) -> bool:
    """The text negates ``head`` itself somewhere ("not welcome", "no affiliation")."""
    return re.search(rf"\b(?:not|n['\u2019]t|no|never)\s+(?:\w+\s+)?{re.escape(head)}", text, re.I) is not None


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text.lower()))


def _stance(p: Proposition, negative_group: bool, frame: frozenset[str] = frozenset(),
            answer: str | None = None, said: frozenset[str] | None = None, contrary: bool = False) -> str:
    """``said``: the predicates the group's other members assert; a plain negation contradicts the group only when
    it negates one of them ("Russia has not asked China" beside "Russia asked China"), or under a light verb what
    they are about ("was not an attempt to label the movement"): not "the Supreme Court is not the supreme being"
    or "change doesn't happen by itself" beside a row that shares two of their words. ``contrary``: the sentence
    states the opposite state of what the group states (``grouping.contrary_states``)."""
    c = p.claim
    cues = cues_of(c.text)
    # ``answer``: the backend's judgement of denial and doubt (DENY_RE alone reads "false statements")
    cues = replace(cues, deny=answer == "denies", doubt=answer == "doubts")
    opposite = p.negative != negative_group and not (not negative_group and negates_other_thing(p, frame))
    if opposite and not negative_group and answer is None and not (
            contradicts(p, frame) and (said is None or _negates_what_is_said(p, said, frame))):
        opposite = False
    opposite = opposite or contrary
    if negative_group:
        # in a group of denials, reporting a denial is reporting the group's claim
        cues = Cues(False, cues.doubt and not p.negative, cues.hedge, cues.attribution, cues.negations, cues.anonymous)
    elif not opposite and cues.deny and not p.negative:
        cues = Cues(False, cues.doubt, cues.hedge, cues.attribution, cues.negations, cues.anonymous)
    attributed = bool(c.attributed_to or c.anonymous or c.via)
    return sentence_stance(cues, opposite=opposite, attributed=attributed)


def _link(names_object: bool, found: tuple[list[int], int], chosen: Sequence[int], text: str) -> str:
    """What tied a response to the rows ``chosen`` for it (labels.Link), from how ``answer_targets`` found them
    (``found``: its rows and strength) and whether other outlets' same response moved it (``consensus``)."""
    targets, strength = found
    if sorted(chosen) != sorted(targets):
        return Link.CONSENSUS.value
    if strength >= 3:
        return Link.NAMES_SOURCE.value
    if strength == 2:
        return (Link.NAMES_CLAIM if names_object else Link.VERDICT if outlet_verdict(text) else Link.POINTS_BACK).value
    return Link.WORDING.value


def _denials_row(ms: Sequence[Member], responses: Mapping[str, str], negated: Mapping[str, bool]) -> bool:
    """Every sentence the row asserts by its own wording is negated: the row states a denial."""
    own = [m for m in ms if not m.context and m.claim.id not in responses]
    return bool(own) and all(negated.get(m.claim.id, False) for m in own)


def denied_title(text: str) -> str:
    """The title of a row that nobody in the story asserts, only answers: what the answer names ("did not say public
    schools were a bad idea": "Public schools were a bad idea"), else the clause that answers ("Fifteen of the 19
    hijackers were Saudi citizens, but the Saudi government denies any role": not the hijackers' nationality, which
    nobody denies). The sentence itself when neither can be read off it."""
    obj = answered_object(text)
    if obj and len(obj.split()) >= 3 and not _PRONOUN_START.match(obj) and (
            _FINITE.search(obj) or len(obj.split()) >= 5) and (told_then_named(text) or re.search(
            r"\b(?:that|whether|if)\s+" + re.escape(obj), text, re.I)):
        if obj.count("\u201c") > obj.count("\u201d"):
            obj = obj.replace("\u201c", "")
        return obj[0].upper() + obj[1:]
    clauses = [c.strip() for c in _CLAUSE_SPLIT.split(text)]
    if len(clauses) > 1:
        for clause in clauses:
            if len(clause.split()) >= 5 and _SUBJECT_START.match(clause) and response_of(clause):
                clause = clause.rstrip(" ,;")
                if clause.count('"') % 2 or clause.count("\u201d") > clause.count("\u201c"):
                    clause = clause.rstrip('"\u201d')  # the close of a quotation the clause does not open
                return clause[0].upper() + clause[1:] + ("" if clause[-1] in ".!?\"\u201d" else ".")
    return text


# a subject whose referent the title would lose ("it was tied to the strike"); "there was" needs none: "disputed any
# suggestion that there was impropriety in the talks" denies that there was, a title of its own
_PRONOUN_START = re.compile(r"(?:it|he|she|they|we|i|you|this|that|these|those)\b", re.I)
# a proposition, not a noun phrase ("allegations of sexual misconduct against himself" names no clause): what follows
# "that", "whether" or "if", with a verb this can see or long enough to hold one ("the closure cost the town ...")
_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|must|should|did|"
                     r"does|do|\w{3,}ed)\b", re.I)
_CLAUSE_SPLIT = re.compile(r"[,;]\s+(?:but|and|while|though|although|yet)\s+|;\s+|\s+(?:--?|\u2014|\u2013)\s+")
# a clause that opens with its subject, a name or a noun after a determiner, not a pronoun or a verb left without one
_SUBJECT_START = re.compile(r"(?!(?i:he|she|they|it|we|i|you)\b)(?:[A-Z\u201c\"]|(?i:the|a|an)\b)")


def _clearest(own: Sequence[Member], sim: np.ndarray, props: Sequence[Proposition], idx: Sequence[int],
              answered: set[str] | frozenset[str] = frozenset()) -> str:
    """The member sentence that states the claim most plainly: central, same polarity, short, not a quote
    (``sim``: the group's matrix, rows in the order of ``idx``)."""
    pol = polarity(props, idx)
    best, best_score = own[0].claim.text, -9.0
    for k, i in enumerate(idx):
        p = props[i]
        if p.claim.id in answered:
            continue
        text = p.claim.text
        words = len(text.split())
        score = mean_sim(sim, k) - 0.01 * max(0, words - 28) - 0.01 * max(0, 8 - words)
        score -= 0.15 * (p.negative != pol) + 0.08 * bool(re.search(r"[\"\u201c\u201d]", text))
        score -= 0.05 * bool(cues_of(text).hedge)
        if score > best_score:
            best, best_score = text, score
    return best
