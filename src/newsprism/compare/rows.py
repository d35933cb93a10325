"""Rows after grouping: negations of something else and unanswered responses leave other claims' rows, responses
that are claims of their own (or news several outlets tell) stay rows, repeated rows go, and a backend that reads
contradiction has its say."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from newsprism.answers import labels_only, outlet_verdict
from newsprism.compare.align import Proposition
from newsprism.compare.grouping import contradicts, group_frame, negates_other_thing, polarity
from newsprism.compare.verdict import SUPPORT, Member, Speaker, one_voice, same_speaker, speaker_key
from newsprism.labels import Link
from newsprism.records import Claim
from newsprism.stance import StanceBackend, cues_of

__all__ = ["denial_rows", "home_rows", "outlet_fact_checks", "own_voice", "relaying", "repeated_rows", "second_opinion",
           "split_other_negations", "split_unanswered", "statement_rows", "told_responses"]


_STATEMENT_SIM = 0.7  # how close another outlet's wording of a response must be to make it a claim of its own


_STATEMENT_WORDS = 3  # content words a response needs beyond its verdict to be a claim of its own


def statement_rows(members: Sequence[Sequence[Member]], answered: Mapping[str, list[int]],
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


# raw cosine at which two outlets' wordings of one response are one piece of news: lower than _STATEMENT_SIM, as
# both are responses already answered and each says something beyond its verdict
_TOLD_SIM = 0.5


def home_rows(members: Sequence[Sequence[Member]]) -> list[list[Member]]:
    """Each sentence supports one row: the one its wording fits best (then the one more outlets tell). A sentence
    whose parts ("homed in on the statements, documents and testimony") were grouped apart would otherwise back
    several rows, and a reader would meet one statement as evidence for claims it does not make. Denials and doubts
    stay on every row they answer."""
    home: dict[str, tuple[tuple[float, int, int], int]] = {}
    for gi, ms in enumerate(members):
        outlets = len({m.claim.article_id for m in ms if not m.context})
        for m in ms:
            if m.context or m.stance not in _SUPPORT:
                continue
            key = (m.score, outlets, -gi)
            if m.claim.id not in home or key > home[m.claim.id][0]:
                home[m.claim.id] = (key, gi)
    return [[m for m in ms if m.context or m.stance not in _SUPPORT or home[m.claim.id][1] == gi]
            for gi, ms in enumerate(members)]


_SUPPORT = frozenset({"reports", "attributes"})


def told_responses(members: list[list[Member]], clusters: list[list[int]], sims: list[np.ndarray],
                   props: Sequence[Proposition], vecs: np.ndarray, answered: Mapping[str, list[int]],
                   kept: set[tuple[int, str]], loose: set[str] | frozenset[str] = frozenset()) -> None:
    """A response several outlets tell in close words is news of its own ("Stone said he will plead not guilty",
    in three outlets): besides its cell in the row it answers, it gets a row where those outlets meet, wherever
    wording first put each of them. A response that answers nothing (``loose``: nor names what it answers) and
    that no other outlet's response shares a row with joins such a row and leaves its own. Changes the three lists
    in place, keeping them aligned."""
    together = {cid for _, cid in kept}
    alone: set[str] = set()
    for ms in members:
        own = [m for m in ms if not m.context]
        if len({m.claim.article_id for m in own}) == 1:
            alone.update(m.claim.id for m in own if m.claim.id in loose)
    rows_of: dict[str, list[int]] = {}
    content: dict[str, set[str]] = {}
    for i, p in enumerate(props):
        if (p.claim.id in answered or p.claim.id in alone) and p.claim.id not in together:
            rows_of.setdefault(p.claim.id, []).append(i)
            content.setdefault(p.claim.id, set()).update(p.content)
    ids = [cid for cid in rows_of if len(content[cid] - _VERDICT_WORDS) >= _STATEMENT_WORDS]
    if len(ids) < 2:
        return
    claim_of = {m.claim.id: m.claim for ms in members for m in ms}
    best = {(a, b): max(float(vecs[i] @ vecs[j]) for i in rows_of[a] for j in rows_of[b])
            for x, a in enumerate(ids) for b in ids[x + 1:]
            if claim_of[a].article_id != claim_of[b].article_id}
    parent = {cid: cid for cid in ids}

    def root(cid: str) -> str:
        while parent[cid] != cid:
            cid = parent[cid]
        return cid

    # the same response is one responder's: Stone's plea told by three outlets, not Stone's and Sanders' words (a
    # response without a named speaker may join one speaker's)
    voices: dict[str, list[Speaker]] = {}
    for cid in ids:
        key = speaker_key(claim_of[cid].attributed_to)
        voices[cid] = [key] if key else []
    for (a, b), sim in sorted(best.items(), key=lambda kv: -kv[1]):
        ra, rb = root(a), root(b)
        if sim >= _TOLD_SIM and ra != rb and all(same_speaker(x, y) for x in voices[ra] for y in voices[rb]):
            parent[ra] = rb
            voices[rb] = voices[ra] + voices[rb]
    found: dict[str, list[str]] = {}
    for cid in ids:
        found.setdefault(root(cid), []).append(cid)
    for group in found.values():
        if len({claim_of[c].article_id for c in group}) < 2 or all(c in alone for c in group):
            continue
        joining = {c for c in group if c in alone}
        for gi, ms in enumerate(members):
            if any(m.claim.id in joining and not m.context for m in ms):
                members[gi] = [m for m in ms if m.claim.id not in joining or m.context]
        idx = sorted(i for c in group for i in rows_of[c])
        sub = np.asarray(vecs[idx] @ vecs[idx].T, dtype=np.float32)
        members.append([Member(claim_of[props[i].claim.id], relaying(claim_of[props[i].claim.id]),
                               float(np.mean(sub[k])))
                        for k, i in enumerate(idx)])
        clusters.append(idx)
        sims.append(sub)


def split_other_negations(clusters: list[list[int]], sims: list[np.ndarray], props: Sequence[Proposition],
                           answers: Mapping[str, str | None]) -> tuple[list[list[int]], list[np.ndarray]]:
    """A negated statement about something else leaves a positive group for a row of its own: "Beijing would not
    provide armaments" is not a wording of "Russia asked China for weapons" (it may still answer the row of
    "China is willing to provide weapons" as a contradiction)."""
    out: list[list[int]] = []
    out_sims: list[np.ndarray] = []
    for idx, sim in zip(clusters, sims, strict=True):
        pol = polarity(props, idx)
        if pol or len(idx) < 2:
            out.append(idx)
            out_sims.append(sim)
            continue
        frame = group_frame(props, idx, pol)
        gone = [k for k, i in enumerate(idx) if props[i].negative and answers.get(props[i].claim.id) is None
                and (negates_other_thing(props[i], frame) or not contradicts(props[i], frame))]
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


def repeated_rows(members: Sequence[Sequence[Member]], sims: Sequence[np.ndarray]) -> dict[int, int]:
    """Groups that repeat another group's sentences (two variants of one claim grouped twice, "material or
    economic support"): of two groups whose own sentences are one inside the other, the one inside goes (of two
    alike, the less coherent), so a reader never meets one statement as two rows and no sentence leaves the matrix.
    Returns each group that goes -> the group that stays."""
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
            if own[a] != own[b]:  # the row inside the other goes: the other holds every sentence of both
                worse, better = (a, b) if own[a] < own[b] else (b, a)
            else:
                worse, better = (a, b) if (coherence[a], -a) < (coherence[b], -b) else (b, a)
            gone[worse] = better
            if worse == a:
                break
    return gone


def split_unanswered(members: list[list[Member]], clusters: list[list[int]], sims: list[np.ndarray],
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


def denial_rows(members: list[list[Member]], responses: Mapping[str, str], answered: set[str]) -> None:
    """A row told only by responses that answer no other row is the row of what they deny or doubt, a proposition
    nobody in the story asserts ("Tea party organizers disputed claims of racism", "Poulter has seen no evidence of
    racism"): each of its sentences keeps its denial or doubt, so the row reads as denied, not as a claim that
    outlets attribute. Changes ``members`` in place."""
    for gi, ms in enumerate(members):
        own = [m for m in ms if not m.context]
        if not own or any(m.claim.id not in responses or m.claim.id in answered for m in own):
            continue
        if not any(responses[m.claim.id] in {"denies", "doubts"} for m in own):
            continue
        if all(labels_only(m.claim.text) for m in own):
            # "the US has been spreading disinformation", "the prosecution was politically motivated": the speaker's
            # own claim, told as such, not a denial of a claim nobody in the story makes
            members[gi] = [replace(m, stance=relaying(m.claim)) if not m.context and m.stance in {"denies", "doubts"}
                           else m for m in ms]
            continue
        members[gi] = [replace(m, stance=responses[m.claim.id], link=Link.UNASSERTED.value) if not m.context
                       and responses[m.claim.id] in {"denies", "doubts"} else m for m in ms]


def answerers(members: Sequence[Member]) -> list[Member]:
    """A denial or doubt is the answerer's: "the special counsel disputed a report that said X" attributes X to the
    report, and its cell names the special counsel (``Claim.responder``), not the report, as the one who denies."""
    out: list[Member] = []
    for m in members:
        c = m.claim
        if m.stance in {"denies", "doubts"} and c.responder and c.responder != c.attributed_to:
            m = replace(m, claim=replace(c, attributed_to=c.responder, anonymous=False, via=None))
        out.append(m)
    return out


def outlet_fact_checks(members: Sequence[Sequence[Member]]) -> list[list[Member]]:
    """A denial the outlet makes of what it relays ("X claimed, falsely, that ...") is the outlet's: its cell names
    no speaker, so the row is not read as X denying his own claim, and X's one voice does not silence it."""
    return [[replace(m, claim=replace(m.claim, attributed_to=None, anonymous=False, via=None))
             if m.stance in {"denies", "doubts"} and m.claim.attributed_to and outlet_verdict(m.claim.text) else m
             for m in ms] for ms in members]


def own_voice(members: Sequence[Sequence[Member]]) -> list[list[Member]]:
    """A row whose every supporting sentence is one speaker's is not disputed by that speaker: his "we take no
    issue with the movement" beside his "they need to make clear there is no place for bigots" tells his position.
    His own denial or doubt there becomes what the outlet relays; one attached by reference leaves the row."""
    out: list[list[Member]] = []
    for ms in members:
        voice = one_voice([m.claim.attributed_to for m in ms if m.stance in SUPPORT and not m.context])
        if voice is None:
            out.append(list(ms))
            continue
        row: list[Member] = []
        for m in ms:
            if m.stance in SUPPORT or not same_speaker(speaker_key(m.claim.attributed_to), voice):
                row.append(m)
            elif not m.context:
                row.append(replace(m, stance=relaying(m.claim)))
        out.append(row)
    return out


def second_opinion(ms: list[Member], text: str, backend: StanceBackend) -> list[Member]:
    """A backend that reads contradiction itself (an NLI cross-encoder) checks each supporting sentence against
    the row's claim; one it reads as the opposite becomes a denial. The rules backend adds nothing here."""
    support = [k for k, m in enumerate(ms) if m.stance in {"reports", "attributes"} and m.claim.text != text]
    if not support:
        return ms
    flags = backend.contradicts([text] * len(support), [ms[k].claim.text for k in support])
    out = list(ms)
    for k, flag in zip(support, flags, strict=True):
        if flag:
            out[k] = replace(out[k], stance="denies", link=Link.BACKEND.value)
    return out


def relaying(c: Claim) -> str:
    """The stance of a sentence that tells a response as news: it relays someone's denial, or reports it."""
    return "attributes" if c.attributed_to or c.anonymous or c.via or cues_of(c.text).attribution else "reports"
