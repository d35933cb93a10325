"""Grouping: which propositions of a story state one thing (average linkage, then merges of opposites, fragments
and siblings), and the polarity and frame a group's claim has."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from newsprism.compare.align import Proposition, cluster, frame_overlap, similarity_blocks
from newsprism.compare.counts import counted
from newsprism.settings import Settings
from newsprism.stance import DENY_RE, cues_of

__all__ = [
    "LIGHT_PREDICATES",
    "contradicts",
    "contrary_states",
    "group_frame",
    "group_propositions",
    "mean_sim",
    "negates_other_thing",
    "polarity",
]


_OPPOSITE_MARGIN = 0.06  # a member with the other polarity must be this much closer than the grouping threshold


_FRAGMENT_MARGIN = 0.08  # how much closer than the threshold each member of a fragment must be to join


_SIBLING_MARGIN = 0.06  # how far below the threshold two groups of one frame may link and still join


_FRAME_OVERLAP = 0.5  # share of content words two propositions need to count as one frame


_CONTRARY_MARGIN = 0.15  # how far below the threshold a group stating the opposite state of one thing still joins


_COUNT_MARGIN = 0.15  # how far below the threshold two groups counting one thing (the dead, the injured) still join


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
        groups = _merge_contrary(_split_opposites(cluster(sim, threshold), part, sim, threshold), part, sim,
                                 threshold - _CONTRARY_MARGIN)
        groups = _merge_counts(groups, part, sim, threshold - _COUNT_MARGIN)
        clusters.extend([ids[i] for i in g] for g in groups)
    clusters = _drop_lone_variants(_left_out(clusters, props), props)
    return clusters, blocks.among(clusters)


def _left_out(clusters: list[list[int]], props: Sequence[Proposition]) -> list[list[int]]:
    """Members that say what a response left out leave their group for one of their own (see
    ``_NEGATED_RESPONSE_RE``)."""
    out: list[list[int]] = []
    for idx in clusters:
        left = [i for i in idx if _NEGATED_RESPONSE_RE.search(props[i].claim.text)]
        if left and len(left) < len(idx):
            out.extend([left, [i for i in idx if i not in left]])
        else:
            out.append(idx)
    return out


def polarity(props: Sequence[Proposition], idx: Sequence[int]) -> bool:
    """The group's polarity: negative only when all of its members are negated.

    A denial answers a claim: where "X plans to close" and "X denied it plans to close" share a group, the
    claim is the assertion and the denials take a side on it, however many outlets carry the denial."""
    return all(props[i].negative for i in idx)


def group_frame(props: Sequence[Proposition], idx: Sequence[int], negative_group: bool) -> frozenset[str]:
    """What the group's claim is about: the predicates and content lemmas of its members of the group's polarity."""
    out: set[str] = set()
    for i in idx:
        if props[i].negative == negative_group:
            out.update([props[i].predicate] if props[i].predicate else [])
            out.update(props[i].content)
    return frozenset(out)


def negates_other_thing(p: Proposition, frame: frozenset[str]) -> bool:
    """A negation that sits on a predicate the group's claim does not use: "X said Estraland had not decided how
    to respond" or "the ministry did not reply" next to "Morvania asked for jets" negates the reply, not the request.

    Only a plain negation counts; a denial word ("denied", "false") takes a side whatever its verb. Under a light
    verb the negation sits on its object ("did not make a request" negates the request, "had no excuses" the
    excuses); where that word is not known, a light or unknown predicate keeps its negation."""
    if not p.negative or not frame or DENY_RE.search(p.core) or cues_of(p.core).doubt:
        return False
    if p.negated:  # what the negation sits on: "had no excuses" beside "pleaded guilty to misusing funds"
        return not p.negated & frame
    if not p.predicate or p.predicate in LIGHT_PREDICATES:  # a particle verb ("give up") is a full predicate
        return False
    return p.predicate not in frame


# "not so much X as Y", "not only X but Y", "this is not about X", "the issue was not whether X": a contrast or a
# turn of topic that negates nothing; "could not do X without Y" states a condition
_CONTRAST_RE = re.compile(r"\bnot (?:so much|only|just|merely|simply)\b|\bno longer (?:just|only)\b|"
                          r"\b(?:is|was|are|were|'s)(?: not|n't) (?:really |just |only )?(?:about|whether)\b|"
                          # "could not be issued without support from X": a condition, not a negation
                          r"\b(?:not|never|cannot)\b[^.;,]{0,60}\bwithout\b", re.I)


_CONTRADICTION_SHARE = 0.5  # share of a negated statement's content words the claim must use to be its opposite


# "Estraland has said almost nothing", "the ministry did not comment": a negated act of speaking is silence; it
# states the opposite of no claim
_SILENCE = frozenset({"say", "comment", "respond", "reply", "speak", "talk", "answer", "elaborate", "disclose"})


def contradicts(p: Proposition, frame: frozenset[str]) -> bool:
    """A plain negated statement states the opposite of the group's claim only when it is about the same thing:
    "No one was killed" against "12 people were killed", not an analyst's "the position is not so much pro-Russian
    as anti-American" beside "China will fulfil its commitments to Russia"."""
    if _CONTRAST_RE.search(p.claim.text) or not p.content or p.predicate in _SILENCE:
        return False
    return len(p.content & frame) / len(p.content) >= _CONTRADICTION_SHARE


LIGHT_PREDICATES = frozenset({"be", "have", "do", "make", "get", "go", "come", "take", "give", "say", "plan",
                               "intend", "want", "need", "will"})


# States that exclude each other, said of one thing: "the sprinklers were switched off for maintenance" against "the
# sprinkler system was fully operational". Each pair: (the state, its opposite), English only.
_BE = r"(?:is|are|was|were|been|be|remained|remains|stayed|stays)"
_STATES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (re.compile(r"\b(?:operational|functioning|functional|in (?:full )?working order|"
                r"working (?:properly|normally|fine)|(?:switched|turned) on)\b", re.I),
     # "off" as a state, not "is off base", "was off the mark"
     re.compile(r"\b(?:(?:switched|turned|shut) off|" + _BE + r" off(?= for\b| during\b| at the time\b|\W*$|[,;.])|"
                r"disabled|out of (?:order|service)|faulty)\b", re.I)),
    (re.compile(r"\b" + _BE + r" open\b", re.I), re.compile(r"\b" + _BE + r" (?:closed|shut)\b", re.I)),
    (re.compile(r"\b" + _BE + r" (?:legal|lawful)\b", re.I),
     re.compile(r"\b" + _BE + r" (?:illegal|unlawful)\b", re.I)),
)


# words of the states themselves, which say nothing of what the state is of
_STATE_WORDS = frozenset({"operational", "functioning", "functional", "work", "working", "switch", "switched", "turn",
                          "turned", "shut", "off", "on", "disable", "disabled", "order", "service", "faulty", "open",
                          "close", "closed", "legal", "lawful", "illegal", "unlawful", "remain", "stay", "be"})


def _states(text: str) -> dict[int, int]:
    """Which side of each ``_STATES`` pair a sentence states (+1 the state, -1 its opposite; neither or both: none).
    A sentence that denies in words ("strongly denied this and said the system was operational") is a denial
    anyway: it takes no side, so it does not decide which side a row takes."""
    out: dict[int, int] = {}
    if DENY_RE.search(text):
        return out
    for k, (yes, no) in enumerate(_STATES):
        side = bool(yes.search(text)) - bool(no.search(text))
        if side:
            out[k] = side
    return out


def _tally(props: Sequence[Proposition], idx: Sequence[int],
           sides: Mapping[int, dict[int, int]]) -> dict[tuple[int, int], tuple[set[str], set[str]]]:
    """For each (pair, side) the members of ``idx`` state: their distinct sentences and what they are about (their
    content words, the words of the states left out)."""
    out: dict[tuple[int, int], tuple[set[str], set[str]]] = {}
    for i in idx:
        for key in sides[i].items():
            texts, words = out.setdefault(key, (set(), set()))
            texts.add(props[i].claim.text)
            words.update(set(props[i].content) - _STATE_WORDS)
    return out


def contrary_states(props: Sequence[Proposition], idx: Sequence[int]) -> set[int]:
    """Members of a group that state the opposite of a state most of the group's other sentences give the same
    thing ("was fully operational" where three say the sprinklers were switched off): a contradiction of the row
    without a negation. The side fewer distinct sentences take is the contradicting one; a tie contradicts nothing."""
    sides = {i: _states(props[i].claim.text) for i in idx}
    tally = _tally(props, idx, sides)
    out: set[int] = set()
    for (k, side), (texts, _) in tally.items():
        other = tally.get((k, -side))
        if other and len(texts) < len(other[0]):
            out.update(i for i in idx if sides[i].get(k) == side and set(props[i].content) & other[1])
    return out


def _merge_contrary(clusters: list[list[int]], props: Sequence[Proposition], sim: np.ndarray,
                    floor: float) -> list[list[int]]:
    """A group whose every sentence states one state of a thing ("the barrier was fully operational") joins the
    group that mostly states the opposite state of the same thing ("the barrier had been switched off"), as a
    group of denials joins what it denies: worded apart, they are one question with two answers. Only within
    ``floor`` of each other and sharing a content word besides the states."""
    sides = {i: _states(p.claim.text) for i, p in enumerate(props)}
    out = [list(g) for g in clusters]
    tallies = [_tally(props, g, sides) for g in out]
    merged: set[int] = set()
    for gi, g in enumerate(out):
        common = set.intersection(*(set(sides[i].items()) for i in g)) if g else set()
        if not common or gi in merged:
            continue
        best, best_link = -1, floor
        for hi, h in enumerate(out):
            if hi == gi or hi in merged or not h:
                continue
            for k, side in common:
                against, words = tallies[hi].get((k, -side), (set(), set()))
                along = tallies[hi].get((k, side), (set(), set()))[0]
                if len(against) <= len(along) or not any(set(props[i].content) & words for i in g):
                    continue
                link = float(np.mean(sim[np.ix_(g, h)].max(axis=1)))
                if link > best_link:
                    best, best_link = hi, link
        if best >= 0:
            out[best].extend(g)
            tallies[best] = _tally(props, out[best], sides)
            out[gi] = []
            merged.add(gi)
    return [sorted(g) for g in out if g]


def _merge_counts(clusters: list[list[int]], props: Sequence[Proposition], sim: np.ndarray,
                  floor: float) -> list[list[int]]:
    """Groups that count the same thing of the story join within ``floor``: the fire service's "12 dead" and the
    health authority's "at least 14 killed" are one question with two figures, which the row's verdict notes as
    figures that differ, not two claims."""
    measured = {i: counted(p.claim.text) for i, p in enumerate(props)}

    def same_count(i: int, j: int) -> bool:
        # "an air strike killed 12 in Gaza City" and "a rocket killed 3 in Ashkelon" count two things: sentences that
        # both name places, people or bodies and share none are about different incidents
        ei, ej = props[i].entities, props[j].entities
        return measured[i] == measured[j] and not (ei and ej and not ei & ej)

    def link(small: list[int], large: list[int]) -> float | None:
        a = [i for i in small if measured[i]]
        b = [j for j in large if measured[j]]
        if not any(same_count(i, j) for i in a for j in b):
            return None
        return float(np.mean(sim[np.ix_(a, b)].max(axis=1)))

    return _greedy_merge(clusters, props, floor, sim, link)


def mean_sim(sim: np.ndarray, k: int) -> float:
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
        pol = polarity(props, idx)
        keep = [i for i in idx if props[i].negative == pol]
        moved = [i for i in idx if props[i].negative != pol]
        for i in moved:
            if keep and max(sim[i, j] for j in keep) >= threshold + _OPPOSITE_MARGIN:
                keep.append(i)
            else:
                out.append([i])
        out.append(sorted(keep))
    return _merge_opposites(out, props, sim, threshold)


# "the statement did not directly dispute that Trump had directed Cohen to lie": what a response left out neither
# tells the claim nor denies it, so it is no member of the claim's row
_NEGATED_RESPONSE_RE = re.compile(r"\b(?:did|does|do|has|have|had)(?: not|n't) (?:\w+ly )?(?:deny|dispute|contest|"
                                  r"challenge|refute|rebut|reject|address)\b", re.I)


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
    neg = [g for g in clusters if polarity(props, g)]
    pos = [g for g in clusters if not polarity(props, g)]
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
