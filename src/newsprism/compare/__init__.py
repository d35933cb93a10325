"""Per story: the claim x outlet matrix, each claim's status, and where it came from.

Steps: claims (from extraction, or extracted here when a caller has none) -> propositions -> groups of claims that
state the same thing (``align``) -> each source's stance on its group, with anaphoric denials ("I have never heard
of this", "AFP was unable to verify these claims") attached to the claim they answer by context -> status, reason
and provenance (``verdict``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from newsprism.compare.align import Proposition, cluster, frame_overlap, group_key, similarity_blocks
from newsprism.compare.align import propositions as align_propositions
from newsprism.compare.responses import (
    Assertions,
    answer_targets,
    answered_object,
    consensus,
    defended,
    rows_of_named_sources,
)
from newsprism.compare.verdict import Member, sources, verdict
from newsprism.records import Article, Citation, Claim, ClaimGroup, Quote, Story, normalize_text
from newsprism.resources import Resources, sentence_key
from newsprism.settings import Settings
from newsprism.stance import DENY_RE, Cues, StanceBackend, cues_of, sentence_stance, stance_backend
from newsprism.summarize.sentences import split_sentences

__all__ = ["compare_story"]

log = logging.getLogger(__name__)

_OPPOSITE_MARGIN = 0.06  # a member with the other polarity must be this much closer than the grouping threshold
_FRAGMENT_MARGIN = 0.08  # how much closer than the threshold each member of a fragment must be to join
_SIBLING_MARGIN = 0.06  # how far below the threshold two groups of one frame may link and still join
_FRAME_OVERLAP = 0.5  # share of content words two propositions need to count as one frame


def compare_story(story: Story, articles: Sequence[Article], *, quotes: Sequence[Quote],
                  citations: Sequence[Citation], claims: Sequence[Claim], resources: Resources,
                  settings: Settings,
                  propositions: Mapping[str, Sequence[Proposition]] | None = None) -> list[ClaimGroup]:
    """Group the story's claims and judge each group (``propositions``: those extraction already derived)."""
    arts = {a.id: a for a in articles}
    claims = _with_fallback(list(claims), articles, quotes, citations, resources, settings)
    claims = [c for c in claims if c.article_id in arts]
    if not claims:
        return []
    props = align_propositions(claims, resources.nlp, propositions)
    vecs = core_vectors(props, resources)
    clusters, group_sims = group_propositions(props, vecs, settings)
    backend = stance_backend(resources, settings)  # the one judge of denial, doubt and contradiction
    answers = {c.id: backend.response(c.text) for c in claims}
    clusters, group_sims = _split_other_negations(clusters, group_sims, props, answers)

    members: list[list[Member]] = []
    group_of: dict[str, list[int]] = {}
    for gi, idx in enumerate(clusters):
        pol = _polarity(props, idx)
        frame = _group_frame(props, idx, pol)
        ms = []
        for k, i in enumerate(idx):
            p = props[i]
            ms.append(Member(p.claim, _stance(p, pol, frame, answers.get(p.claim.id)), _mean_sim(group_sims[gi], k)))
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
    named_rows = rows_of_named_sources([c for c in claims if c.id in responses], members, prop_vecs, responses)
    assertions = Assertions.of(members, prop_vecs, responses)
    for seq in by_article.values():
        targets_of: dict[str, list[int]] = {}
        for pos, c in enumerate(seq):
            if c.id in responses:
                found[c.id] = answer_targets(c, seq[:pos], vecs=prop_vecs, group_of=group_of, targets_of=targets_of,
                                             members=members, responses=responses, frames=frames,
                                             assertions=assertions, objects=objects, named_rows=named_rows)
                targets_of[c.id] = found[c.id][0]
                log.debug("response %r -> groups %s (strength %d)", c.text[:60], *found[c.id])
    wording = [[m.claim.id for m in ms if m.claim.id in responses] for ms in members]
    chosen = consensus([c for c in claims if c.id in responses], found, wording)
    for cid, targets in chosen.items():
        if targets:
            answered[cid] = targets
        for gi in targets:
            mine = [k for k, m in enumerate(members[gi]) if m.claim.id == cid]
            c = next(m.claim for ms in members for m in ms if m.claim.id == cid)
            # a confirmation backs the row it answers: relayed from whoever confirms, or the outlet's own
            stance = responses[cid] if responses[cid] in {"denies", "doubts"} else _relaying(c)
            if mine:
                for k in mine:
                    members[gi][k] = replace(members[gi][k], stance=stance)
            else:
                members[gi].append(Member(c, stance, 0.5, context=True))
    # an answered response leaves the groups its wording put it in: it is a cell of the row it answers, unless
    # other outlets report the same response, which makes it a claim of its own ("Mueller's office said the
    # report was not accurate") that can be answered in turn
    _split_unanswered(members, clusters, group_sims, props, set(responses) - set(answered))
    kept = _statement_rows(members, answered, props, vecs)
    members = [[m if m.claim.id not in answered or gi in answered[m.claim.id] else replace(m, stance=_relaying(m.claim))
                for m in ms if m.claim.id not in answered or gi in answered[m.claim.id]
                or (gi, m.claim.id) in kept] for gi, ms in enumerate(members)]
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
                    members[gi].append(Member(c, "denies", 0.5, context=True))

    cited: dict[str, set[str]] = {}
    for cit in citations:
        cited.setdefault(cit.article_id, set()).add(normalize_text(cit.outlet))
    for c in claims:  # outlets a claim names as its source count as cited even without citation records
        for name in (c.via, c.attributed_to):
            if name:
                cited.setdefault(c.article_id, set()).add(normalize_text(name).removeprefix("the "))
    groups: list[ClaimGroup] = []
    for gi, kept_gi in _repeated_rows(members, group_sims).items():
        have = {m.claim.id for m in members[kept_gi]}
        members[kept_gi].extend(m for m in members[gi] if m.context and m.claim.id not in have)
        members[gi] = []
    for gi, ms in enumerate(members):
        own = [m for m in ms if not m.context]
        if not own:
            continue
        text = _clearest(own, group_sims[gi], props, clusters[gi], set(answered))
        ms = _second_opinion(ms, text, backend)
        status, reason, first, n_orig, edges = verdict(ms, arts, cited)
        groups.append(ClaimGroup(
            id=group_key(story.id, [m.claim.id for m in own]),
            text=text,
            status=status, sources=sources(ms, arts), reason=reason, first_source=first,
            independent_origins=n_orig, provenance=edges))
    # the same order as the matrix views: contested rows, then rows several outlets tell, then background
    groups.sort(key=lambda g: (g.status not in {"disputed", "denied"}, len({s.article_id for s in g.sources}) < 2,
                               -len({s.article_id for s in g.sources}), -len(g.sources), g.id))
    return groups


_STATEMENT_SIM = 0.7  # how close another outlet's wording of a response must be to make it a claim of its own
_STATEMENT_WORDS = 3  # content words a response needs beyond its verdict to be a claim of its own


def _statement_rows(members: Sequence[Sequence[Member]], answered: Mapping[str, list[int]],
                    props: Sequence[Proposition], vecs: np.ndarray) -> set[tuple[int, str]]:
    """(group, claim) of answered responses that stay in their own group as a claim in their own right.

    A response is a claim too when other outlets tell the same response in close words and it says something
    beyond its verdict: "BuzzFeed's description of specific statements ... was not accurate", quoted by three
    outlets, can be answered in turn ("we stand by our reporting"); "I have never heard of this" cannot."""
    vec_of: dict[str, list[np.ndarray]] = {}
    content: dict[str, set[str]] = {}
    for i, p in enumerate(props):
        vec_of.setdefault(p.claim.id, []).append(vecs[i])
        content.setdefault(p.claim.id, set()).update(p.content)
    keep: set[tuple[int, str]] = set()
    for gi, ms in enumerate(members):
        for m in ms:
            cid = m.claim.id
            if cid not in answered or gi in answered[cid] or m.context:
                continue
            if len(content.get(cid, set()) - _VERDICT_WORDS) < _STATEMENT_WORDS:
                continue
            if any(o.claim.article_id != m.claim.article_id and not o.context and max(
                    (float(a @ b) for a in vec_of.get(cid, ()) for b in vec_of.get(o.claim.id, ())), default=0.0)
                   >= _STATEMENT_SIM for o in ms):
                keep.add((gi, cid))
    return keep


_VERDICT_WORDS = frozenset({"deny", "reject", "dispute", "claim", "report", "story", "article", "account",
                            "allegation", "accurate", "inaccurate", "false", "true", "phony", "fake", "hear",
                            "aware", "unaware", "verify", "confirm", "know", "information", "news", "piece",
                            "statement", "say", "tell", "add", "team", "spokesman", "spokeswoman", "spokesperson"})


def _split_other_negations(clusters: list[list[int]], sims: list[np.ndarray], props: Sequence[Proposition],
                           answers: Mapping[str, str | None]) -> tuple[list[list[int]], list[np.ndarray]]:
    """A negated statement about something else leaves a positive group for a row of its own: "Beijing would not
    provide armaments" is not a wording of "Russia asked China for weapons" (it may still answer the row of
    "China is willing to provide weapons" as a contradiction)."""
    out: list[list[int]] = []
    out_sims: list[np.ndarray] = []
    for idx, sim in zip(clusters, sims, strict=True):
        pol = _polarity(props, idx)
        if pol or len(idx) < 2:
            out.append(idx)
            out_sims.append(sim)
            continue
        frame = _group_frame(props, idx, pol)
        gone = [k for k, i in enumerate(idx) if props[i].negative and answers.get(props[i].claim.id) is None
                and (_negates_other_thing(props[i], frame) or not _contradicts(props[i], frame))]
        stay = [k for k in range(len(idx)) if k not in gone]
        if not gone or not stay:
            out.append(idx)
            out_sims.append(sim)
            continue
        out.append([idx[k] for k in stay])
        out_sims.append(sim[np.ix_(stay, stay)])
        for k in gone:
            out.append([idx[k]])
            out_sims.append(np.ones((1, 1), dtype=sim.dtype))
    return out, out_sims


def _repeated_rows(members: Sequence[Sequence[Member]], sims: Sequence[np.ndarray]) -> dict[int, int]:
    """Groups that repeat another group's sentences (two variants of one claim grouped twice, "material or
    economic support"): of two groups whose own sentences are one inside the other, the less coherent goes, so a
    reader never meets one statement as two rows. Returns each group that goes -> the group that stays."""
    own = [frozenset(m.claim.id for m in ms if not m.context) for ms in members]
    coherence = [float(np.mean(s)) if len(s) else 0.0 for s in sims]
    holding: dict[str, list[int]] = {}  # only groups sharing a sentence can repeat each other
    for gi, ids in enumerate(own):
        for cid in ids:
            holding.setdefault(cid, []).append(gi)
    gone: dict[int, int] = {}
    for a in range(len(members)):
        if not own[a] or a in gone:
            continue
        for b in sorted({b for cid in own[a] for b in holding[cid] if b > a}):
            if b in gone or not own[b] or not (own[a] <= own[b] or own[b] <= own[a]):
                continue
            worse, better = (a, b) if (coherence[a], -a) < (coherence[b], -b) else (b, a)
            gone[worse] = better
            if worse == a:
                break
    return gone


def _split_unanswered(members: list[list[Member]], clusters: list[list[int]], sims: list[np.ndarray],
                      props: Sequence[Proposition], unanswered: set[str]) -> None:
    """Responses whose target was not found leave the rows of other claims that wording put them in: "the
    indictment does not charge him with conspiring" beside "Stone admitted contacts with Assange" answers
    neither; together with the other unanswered responses of the group it is the row of what they doubt or deny
    (a proposition nobody in the story asserts). Changes the three lists in place, keeping them aligned."""
    for gi in range(len(members)):
        moving = {m.claim.id for m in members[gi] if not m.context and m.claim.id in unanswered}
        if not moving or all(m.claim.id in moving for m in members[gi] if not m.context):
            continue
        ks = [k for k, i in enumerate(clusters[gi]) if props[i].claim.id in moving]
        stay = [k for k in range(len(clusters[gi])) if k not in ks]
        members.append([m for m in members[gi] if m.claim.id in moving and not m.context])
        clusters.append([clusters[gi][k] for k in ks])
        sims.append(sims[gi][np.ix_(ks, ks)])
        members[gi] = [m for m in members[gi] if m.claim.id not in moving or m.context]
        clusters[gi] = [clusters[gi][k] for k in stay]
        sims[gi] = sims[gi][np.ix_(stay, stay)]


def _second_opinion(ms: list[Member], text: str, backend: StanceBackend) -> list[Member]:
    """A backend that reads contradiction itself (an NLI cross-encoder) checks each supporting sentence against
    the row's claim; one it reads as the opposite becomes a denial. The rules backend adds nothing here."""
    support = [k for k, m in enumerate(ms) if m.stance in {"reports", "attributes"} and m.claim.text != text]
    if not support:
        return ms
    flags = backend.contradicts([text] * len(support), [ms[k].claim.text for k in support])
    out = list(ms)
    for k, flag in zip(support, flags, strict=True):
        if flag:
            out[k] = replace(out[k], stance="denies")
    return out


def _relaying(c: Claim) -> str:
    """The stance of a sentence that tells a response as news: it relays someone's denial, or reports it."""
    return "attributes" if c.attributed_to or c.anonymous or c.via or cues_of(c.text).attribution else "reports"


def group_propositions(props: Sequence[Proposition], vecs: np.ndarray,
                       settings: Settings) -> tuple[list[list[int]], list[np.ndarray]]:
    """Groups of propositions that state the same thing, each with its members' similarity matrix.

    The story's similarity comes in parts that no grouping step can join (``similarity_blocks``); each part
    is grouped on its own, so a story's memory follows its largest part, not the square of its claims."""
    threshold = settings.claim_group_threshold
    blocks = similarity_blocks(props, vecs, floor=threshold - _SIBLING_MARGIN, limit=settings.dense_limit,
                               lexical=settings.claim_lexical_weight)
    clusters: list[list[int]] = []
    for ids, sim in blocks.parts:
        part = [props[i] for i in ids]
        clusters.extend([ids[i] for i in g] for g in _split_opposites(cluster(sim, threshold), part, sim, threshold))
    clusters = _drop_lone_variants(clusters, props)
    return clusters, blocks.among(clusters)


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


def _polarity(props: Sequence[Proposition], idx: Sequence[int]) -> bool:
    """The group's polarity: negative only when all of its members are negated.

    A denial answers a claim: where "X plans to close" and "X denied it plans to close" share a group, the
    claim is the assertion and the denials take a side on it, however many outlets carry the denial."""
    return all(props[i].negative for i in idx)


def _group_frame(props: Sequence[Proposition], idx: Sequence[int], negative_group: bool) -> frozenset[str]:
    """What the group's claim is about: the predicates and content lemmas of its members of the group's polarity."""
    out: set[str] = set()
    for i in idx:
        if props[i].negative == negative_group:
            out.update([props[i].predicate] if props[i].predicate else [])
            out.update(props[i].content)
    return frozenset(out)


def _negates_other_thing(p: Proposition, frame: frozenset[str]) -> bool:
    """A negation that sits on a predicate the group's claim does not use: "X said Estraland had not decided how
    to respond" or "the ministry did not reply" next to "Morvania asked for jets" negates the reply, not the request.

    Only a plain negation of a full verb counts; a denial word ("denied", "false") takes a side whatever its verb,
    and a light verb ("did not make a request", "has no plans") or an unknown predicate keeps its negation."""
    if not p.negative or not p.predicate or not frame or p.predicate in _LIGHT_PREDICATES:
        return False
    if DENY_RE.search(p.core) or cues_of(p.core).doubt:
        return False
    return p.predicate not in frame


# "not so much X as Y", "not only X but Y": a contrast that negates nothing
_CONTRAST_RE = re.compile(r"\bnot (?:so much|only|just|merely|simply)\b|\bno longer (?:just|only)\b", re.I)
_CONTRADICTION_SHARE = 0.5  # share of a negated statement's content words the claim must use to be its opposite


def _contradicts(p: Proposition, frame: frozenset[str]) -> bool:
    """A plain negated statement states the opposite of the group's claim only when it is about the same thing:
    "No one was killed" against "12 people were killed", not an analyst's "the position is not so much pro-Russian
    as anti-American" beside "China will fulfil its commitments to Russia"."""
    if _CONTRAST_RE.search(p.claim.text) or not p.content:
        return False
    return len(p.content & frame) / len(p.content) >= _CONTRADICTION_SHARE


_LIGHT_PREDICATES = frozenset({"be", "have", "do", "make", "get", "go", "come", "take", "give", "say", "plan",
                               "intend", "want", "need", "will"})


def _stance(p: Proposition, negative_group: bool, frame: frozenset[str] = frozenset(),
            answer: str | None = None) -> str:
    c = p.claim
    cues = cues_of(c.text)
    # ``answer``: the backend's judgement of denial and doubt (DENY_RE alone reads "false statements")
    cues = replace(cues, deny=answer == "denies", doubt=answer == "doubts")
    opposite = p.negative != negative_group and not (not negative_group and _negates_other_thing(p, frame))
    if opposite and not negative_group and answer is None and not _contradicts(p, frame):
        opposite = False
    if negative_group:
        # in a group of denials, reporting a denial is reporting the group's claim
        cues = Cues(False, cues.doubt and not p.negative, cues.hedge, cues.attribution, cues.negations, cues.anonymous)
    elif not opposite and cues.deny and not p.negative:
        cues = Cues(False, cues.doubt, cues.hedge, cues.attribution, cues.negations, cues.anonymous)
    attributed = bool(c.attributed_to or c.anonymous or c.via)
    return sentence_stance(cues, opposite=opposite, attributed=attributed)


def _mean_sim(sim: np.ndarray, k: int) -> float:
    """Mean similarity of member ``k`` to the other members of its group (``sim``: the group's matrix)."""
    others = [j for j in range(sim.shape[0]) if j != k]
    return float(np.mean(sim[k, others])) if others else 1.0


def _split_opposites(clusters: list[list[int]], props: Sequence[Proposition], sim: np.ndarray,
                     threshold: float) -> list[list[int]]:
    """A negated member joins a positive group only when it is close to it ("did not specify" is no denial)."""
    out: list[list[int]] = []
    for idx in clusters:
        if len(idx) < 2:
            out.append(idx)
            continue
        pol = _polarity(props, idx)
        keep = [i for i in idx if props[i].negative == pol]
        moved = [i for i in idx if props[i].negative != pol]
        for i in moved:
            if keep and max(sim[i, j] for j in keep) >= threshold + _OPPOSITE_MARGIN:
                keep.append(i)
            else:
                out.append([i])
        out.append(sorted(keep))
    return _merge_opposites(out, props, sim, threshold)


def _drop_lone_variants(clusters: list[list[int]], props: Sequence[Proposition]) -> list[list[int]]:
    """Variants of one claim that ended up alone are noise: keep the claim's first proposition only."""
    seen: set[str] = set()
    final = []
    for idx in sorted(clusters, key=lambda g: (-len(g), g[0])):
        if len(idx) == 1 and props[idx[0]].claim.id in seen:
            continue
        seen.update(props[i].claim.id for i in idx)
        final.append(idx)
    return final


def _merge_opposites(clusters: list[list[int]], props: Sequence[Proposition], sim: np.ndarray,
                     threshold: float) -> list[list[int]]:
    """A group of denials ("X has not asked ...") joins the group it denies, so both sides sit in one group.

    Only groups with a member above the threshold to one of the denials can win, so only those are scored
    (a story of thousands of claims stays fast)."""
    neg = [g for g in clusters if _polarity(props, g)]
    pos = [g for g in clusters if not _polarity(props, g)]
    pos_ids = [{props[i].claim.id for i in h} for h in pos]
    label = np.full(len(props), -1, dtype=np.int64)
    for hi, h in enumerate(pos):
        label[h] = hi
    for g in neg:
        best, best_sim = -1, threshold
        negs = [i for i in g if props[i].negative]
        g_ids = {props[i].claim.id for i in g}
        near = np.nonzero(sim[negs].max(axis=0) > threshold)[0] if negs else np.zeros(0, dtype=np.int64)
        for hi in sorted({int(x) for x in label[near]} - {-1}):
            if g_ids & pos_ids[hi]:
                continue
            link = float(np.mean(sim[np.ix_(negs, pos[hi])].max(axis=1)))
            if link > best_sim:
                best, best_sim = hi, link
        if best < 0:
            pos.append(g)
            pos_ids.append(g_ids)
            label[g] = len(pos) - 1
        else:
            pos[best].extend(g)
            pos_ids[best] |= g_ids
            label[g] = best
    return _merge_siblings(_merge_fragments([sorted(g) for g in pos], props, sim, threshold), props, sim, threshold)


def _greedy_merge(clusters: list[list[int]], props: Sequence[Proposition], floor: float, sim: np.ndarray,
                  link: Callable[[list[int], list[int]], float | None]) -> list[list[int]]:
    """Join the best-linked pair of groups (smaller, larger) above ``floor`` until none is left.

    Groups holding parts of one claim never join (a claim is not its own confirmation). Every link used here
    needs at least one pair of members above ``floor``, so only group pairs with such a pair are scored."""
    groups = [list(g) for g in clusters]
    ids = [{props[i].claim.id for i in g} for g in groups]
    label = np.full(sim.shape[0], -1, dtype=np.int64)
    for gi, g in enumerate(groups):
        label[g] = gi
    rows, cols = np.nonzero(np.triu(sim > floor, 1))
    keep = (label[rows] >= 0) & (label[cols] >= 0)
    rows, cols = rows[keep], cols[keep]
    while True:
        la, lb = label[rows], label[cols]
        cross = la != lb
        pairs = sorted(set(zip(np.minimum(la[cross], lb[cross]).tolist(),
                               np.maximum(la[cross], lb[cross]).tolist(), strict=True)))
        best = (floor, -1, -1)
        for a, b in pairs:
            if ids[a] & ids[b]:
                continue
            small, large = sorted((groups[a], groups[b]), key=len)
            value = link(small, large)
            if value is not None and value > best[0]:
                best = (value, a, b)
        if best[1] < 0:
            return [g for g in groups if g]
        _, a, b = best
        groups[a] = sorted(groups[a] + groups[b])
        ids[a] |= ids[b]
        label[groups[b]] = a
        groups[b], ids[b] = [], set()


def _merge_siblings(clusters: list[list[int]], props: Sequence[Proposition], sim: np.ndarray,
                    threshold: float) -> list[list[int]]:
    """Join groups that state one frame: same predicate, same content words, close wording on average.

    "X has not asked Y for military support" and "X had asked Y for military equipment" can fall into sibling
    groups when each has a closer neighbour of its own; sharing the predicate and most of the arguments says
    they are one claim (one side denying it), so the groups join when their linkage is near the threshold.
    """
    def link(small: list[int], large: list[int]) -> float | None:
        if not any(props[i].predicate and props[i].predicate == props[j].predicate
                   and frame_overlap(props[i], props[j]) >= _FRAME_OVERLAP
                   and props[i].entities & props[j].entities for i in small for j in large):
            return None
        return float(np.mean(sim[np.ix_(small, large)].max(axis=1)))

    return _greedy_merge(clusters, props, threshold - _SIBLING_MARGIN, sim, link)


def _merge_fragments(clusters: list[list[int]], props: Sequence[Proposition], sim: np.ndarray,
                     threshold: float) -> list[list[int]]:
    """Join two groups when every member of the smaller one has a close match in the larger one.

    Average linkage splits a claim told at different lengths across outlets; this pass joins such fragments
    without the chaining of single linkage (each member needs its own close match).
    """
    return _greedy_merge(clusters, props, threshold + _FRAGMENT_MARGIN, sim,
                         lambda small, large: float(np.min(sim[np.ix_(small, large)].max(axis=1))))


def _clearest(own: Sequence[Member], sim: np.ndarray, props: Sequence[Proposition], idx: Sequence[int],
              answered: set[str] | frozenset[str] = frozenset()) -> str:
    """The member sentence that states the claim most plainly: central, same polarity, short, not a quote
    (``sim``: the group's matrix, rows in the order of ``idx``)."""
    pol = _polarity(props, idx)
    best, best_score = own[0].claim.text, -9.0
    for k, i in enumerate(idx):
        p = props[i]
        if p.claim.id in answered:
            continue
        text = p.claim.text
        words = len(text.split())
        score = _mean_sim(sim, k) - 0.01 * max(0, words - 28) - 0.01 * max(0, 8 - words)
        score -= 0.15 * (p.negative != pol) + 0.08 * bool(re.search(r"[\"\u201c\u201d]", text))
        score -= 0.05 * bool(cues_of(text).hedge)
        if score > best_score:
            best, best_score = text, score
    return best
