"""Which claim an anaphoric denial or doubt answers ("I have never heard of this", "unable to verify these claims").

Resolution follows what the anaphor names, reading back through the same article:

- "any such request", "the request": the most recent claim that states a request (asked / requested / sought /
  turned to ... for), not negated;
- "these claims", "the reports", "such allegations": the most recent claim the article attributes to someone
  (reported speech, "according to", anonymous sourcing), since those are what an outlet calls claims or reports;
- a bare "this" / "that" / "it", or "any suggestion to the contrary": the most recent positive claim, unless the
  sentence before is itself a denial that was resolved ("said he was unaware of any such request. He added: 'I've
  never heard of that.'"), whose target it inherits; wording similarity breaks the tie only when no rule applies.

A target told by one article only is followed to the group other outlets share when its wording is close.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np

from newsprism.compare.verdict import Member
from newsprism.records import Claim
from newsprism.stance import DENY_RE, DOUBT_RE

__all__ = ["ANAPHOR", "resolve"]

ANAPHOR = re.compile(r"\b(this|that|these|those|such|it|to the contrary|the (?:reports?|claims?|allegations?|news|"
                     r"accounts?|requests?|story|information|concerns|criticism|warnings?|arguments?|contention|"
                     r"event|incident|episode|encounter)|"
                     r"(?:either|neither|both) (?:figures?|counts?|numbers?|tolls?|estimates?|totals?|reports?|"
                     r"claims?|accounts?|versions?))\b|'s (?:reports?|claims?|story|account)\b", re.I)
_REQUEST_NOUN = re.compile(r"\b(?:such|the|this|that|any|these|those)\s+(?:\w+\s+)?(requests?|demands?|appeals?|"
                           r"pleas?)\b", re.I)
_REPORT_NOUN = re.compile(r"\b(?:such|the|this|that|these|those|any|either|neither|both)\s+(?:[\w'’]+\s+)?(claims?|"
                          r"reports?|allegations?|accounts?|rumou?rs?|information|news|stor(?:y|ies)|assertions?|"
                          r"accusations?|versions?|concerns|criticism|warnings?|arguments?|contention)\b", re.I)
# "the union's account", "BuzzFeed's report": whose words the response answers
_POSSESSOR = re.compile(r"\b(\w[\w.&-]*)['’]s?\s+(?:\w+\s+)?(?:claims?|reports?|allegations?|accounts?|stor(?:y|ies)|"
                        r"assertions?|accusations?|versions?|description|characteri[sz]ation)\b", re.I)
# "unable to verify either figure", "has not been able to confirm that figure": the last claim that gives a number
_FIGURE_NOUN = re.compile(r"\b(?:such|the|this|that|these|those|any|either|neither|both)\s+(?:\w+\s+)?(?:figures?|"
                          r"counts?|numbers?|tolls?|estimates?|totals?)\b", re.I)
# "turned to China for weapons" asks; "Moscow's apparent turn to Beijing" (a noun, no "for") is a shift of ties
_REQUEST_WORD = re.compile(r"\b(ask(?:s|ed|ing)?|request(?:s|ed|ing)?|s(?:eek|eeks|ought|eeking)|"
                           r"turn(?:s|ed|ing) to|turn to\b[^.;]{0,60}?\bfor|appeal(?:s|ed)? to|demand(?:s|ed)?)\b",
                           re.I)
_CONTRARY = re.compile(r"\bto the contrary\b", re.I)
# a news report itself, as opposed to a claim or an allegation it carries; "its report" of the one who defends it
# and "the claims in the article" are not
_NEWS_NOUN = re.compile(r"^(?:the|this|that)\s+(?:(?!(?:its|their|his|her|our|my|your)\b)[\w'’]+\s+)?(?:reports?|"
                        r"stor(?:y|ies)|news)$", re.I)
# capitalised words of a speaker that name no one whose report it could be
_NOT_OWNERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "mr", "mrs", "ms", "dr", "sen", "rep", "gov",
                         "president", "spokesman", "spokeswoman", "spokesperson", "officials", "official"})
_ORIGINAL = re.compile(r"\b(?:original|initial|first|earlier)\s+(?:news\s+|press\s+|newspaper\s+)?(?:reports?|"
                       r"stor(?:y|ies)|articles?|accounts?)\b", re.I)
# a sentence that tells a news report: "The Harbour Ledger reported that ...", "according to the Ledger"
_TELLS_REPORT = re.compile(r"\b(?:reported|reports|reporting)\b|\baccording to (?:the )?[A-Z]|\bciting\b")
_CONTRARY_SIM = 0.45  # cosine at which a shared row is about what the speaker's statement is about
_WINDOW = 8  # claims read back for a bare pronoun
_LONG_WINDOW = 30  # claims read back for a named anaphor ("such a request" may answer the lead)
# cosine at which the claim a denial answers counts as a wording of a shared claim: above the 0.6-0.7 at which any
# two claims of one story on one topic meet ("is it true that Wal-Mart's pay gap was below the national average?"
# against "Wal-Mart's corporate culture stereotypes women", 0.66)
_FOLLOW = 0.75


def _is_stance_only(c: Claim) -> bool:
    """A denial or doubt of something else, not a claim that could itself be answered."""
    return bool(DENY_RE.search(c.text) or DOUBT_RE.search(c.text))


def _attributed(c: Claim) -> bool:
    return bool(c.attributed_to or c.anonymous or c.via or c.hedged)


def _said_by(c: Claim, name: str) -> bool:
    """The claim is attributed to, or relayed by, the one a possessive names ("the union's account")."""
    word = name.lower()
    return any(word in re.findall(r"[\w.&-]+", (who or "").lower()) for who in (c.attributed_to, c.via))


def _shared(gi: int, members: Sequence[Sequence[Member]], but: str | None = None) -> bool:
    """Told by two articles or more (``but``: a response whose own wording put it in the group does not count)."""
    return len({m.claim.article_id for m in members[gi] if not m.context and m.claim.id != but}) > 1


def resolve(c: Claim, before: Sequence[Claim], vecs: Mapping[str, Sequence[np.ndarray]],
            group_of: Mapping[str, list[int]], targets_of: Mapping[str, list[int]],
            members: Sequence[Sequence[Member]], frames: Mapping[str, Frame] | None = None,
            answerable: set[int] | None = None) -> list[int]:
    """The groups an anaphoric denial or doubt answers (``before``: the article's earlier claims, in order).

    ``frames`` maps a claim id to its (predicate frames, content frames), which lets a denial that names what it
    denies ("weapons were not part of the request") pick the shared group of that request that names it too.
    ``answerable``: the groups that assert something a response can answer; "the report" whose nearest attributed
    claim is in none of them ("If these allegations are true, he must step aside") is the news report the article
    told further back.
    """
    if not before or c.id not in vecs:
        return []
    recent = list(reversed(before))
    best: Claim | None = None
    if _CONTRARY.search(c.text):
        said = next((p for p in recent[:3] if not _is_stance_only(p) and p.id in group_of and p.id in vecs), None)
        if said is not None:
            return _contrary(said, vecs, group_of, members, c.id)
    if _REQUEST_NOUN.search(c.text):
        best = next((p for p in recent[:_LONG_WINDOW] if not p.negated and not _is_stance_only(p)
                     and _REQUEST_WORD.search(p.text) and p.id in group_of), None)
    elif _FIGURE_NOUN.search(c.text):
        best = next((p for p in recent[:_WINDOW] if p.numbers and not p.negated and not _is_stance_only(p)
                     and p.id in group_of), None)
    elif _ORIGINAL.search(c.text):
        # "the original report rests on anonymous officials": the report the story began with, the first one the
        # article tells, however many quotes have come since
        best = next((p for p in before if _TELLS_REPORT.search(p.text) and not p.negated and not _is_stance_only(p)
                     and p.id in group_of), None)
    if best is None and (_REPORT_NOUN.search(c.text) or _POSSESSOR.search(c.text)) and not _REQUEST_NOUN.search(
            c.text) and not _FIGURE_NOUN.search(c.text):
        whose = _POSSESSOR.search(c.text)
        if whose:
            best = next((p for p in recent[:_LONG_WINDOW] if not p.negated and not _is_stance_only(p)
                         and p.id in group_of and _said_by(p, whose.group(1))), None)
        if best is None:
            best = next((p for p in recent[:_WINDOW] if _attributed(p) and not p.negated and not _is_stance_only(p)
                         and p.id in group_of), None)
        noun = _REPORT_NOUN.search(c.text)
        if answerable is not None and noun and _NEWS_NOUN.match(noun.group(0)) and (
                best is None or not set(group_of[best.id]) & answerable):
            # nobody answers his own report: "a BuzzFeed spokesman ... saw no indication that the story is
            # inaccurate" defends what BuzzFeed reported
            own = [w for w in re.findall(r"\b[A-Z][\w&-]+", " ".join(filter(None, (c.attributed_to, c.responder))))
                   if w.lower() not in _NOT_OWNERS]
            told = [p for p in recent[:_LONG_WINDOW] if (p.via or _TELLS_REPORT.search(p.text))
                    and not p.negated and not _is_stance_only(p) and p.id in group_of
                    and set(group_of[p.id]) & answerable and not any(_said_by(p, w) for w in own)]
            # what other outlets tell of the report before an aside of it ("'I wanted out,' she told the Post")
            best = next((p for p in told if any(_shared(g, members, c.id) for g in group_of[p.id])),
                        told[0] if told else best)
    if best is None and recent[0].id in targets_of and targets_of[recent[0].id]:
        return list(targets_of[recent[0].id])
    if best is None:
        best = next((p for p in recent[:3] if not p.negated and not _is_stance_only(p) and p.id in group_of), None)
    if best is None:
        best = _most_similar(c, recent[:_WINDOW], vecs, group_of, members)
    if best is None:
        return []
    chosen = list(targets_of.get(best.id) or group_of.get(best.id, []))
    shared = [g for g in chosen if _shared(g, members, c.id)]
    if shared:
        # the target's coordinated parts sit in several groups ("turned to China for military weapons and
        # assistance"): the parts other outlets tell are what the denial answers; a part that only this article's
        # own sentences share ("assistance" beside "Moscow's apparent turn to Beijing") is not denied by it
        chosen = shared
    else:
        named = _named(c, best, frames or {}, group_of, members)
        extra = named or _follow(best, vecs, group_of, members, c.id)
        chosen.extend(g for g in extra if g not in chosen)
    return chosen


Frame = tuple[frozenset[str], frozenset[str]]
_GENERIC = frozenset({"part", "claim", "report", "request", "ask", "verify", "confirm", "deny", "hear", "know",
                      "aware", "unaware", "able", "unable", "true", "false", "apparently", "news", "information"})


def _named(c: Claim, target: Claim, frames: Mapping[str, Frame], group_of: Mapping[str, list[int]],
           members: Sequence[Sequence[Member]]) -> list[int]:
    """Shared groups of the target's predicate whose content includes what the denial itself names."""
    if c.id not in frames or target.id not in frames:
        return []
    preds = frames[target.id][0]
    own = frames[c.id][1] - frames[target.id][1] - _GENERIC - preds
    if not own or not preds:
        return []
    # the claims that share the most of what it names: "the fact that this picture could easily be created with
    # Photoshop, we have to rate the claim as false" names the picture, which a story's every row on it shares
    # with it in a word or two; the row that shares the most is the one it is about
    scored: dict[int, int] = {}
    for cid, (p, content) in frames.items():
        shared = len(content & own) if p & preds else 0
        for g in group_of.get(cid, []) if shared else ():
            if _shared(g, members, c.id):
                scored[g] = max(scored.get(g, 0), shared)
    top = max(scored.values(), default=0)
    return [g for g, n in scored.items() if n == top]


def _most_similar(c: Claim, recent: Sequence[Claim], vecs: Mapping[str, Sequence[np.ndarray]],
                  group_of: Mapping[str, list[int]], members: Sequence[Sequence[Member]]) -> Claim | None:
    vec = vecs[c.id][0]
    best, best_score = None, -1.0
    for dist, prev in enumerate(recent, start=1):
        if prev.id not in vecs:
            continue
        score = max(float(vec @ v) for v in vecs[prev.id]) - 0.02 * dist
        score += 0.08 * _attributed(prev)
        score += 0.08 * any(_shared(g, members) for g in group_of.get(prev.id, []))
        if score > best_score:
            best, best_score = prev, score
    return best


def _contrary(said: Claim, vecs: Mapping[str, Sequence[np.ndarray]], group_of: Mapping[str, list[int]],
              members: Sequence[Sequence[Member]], but: str) -> list[int]:
    """What "any suggestion to the contrary" answers: the shared row the speaker's own statement sits in, or else
    the shared row closest to that statement, which is about the same thing ("the radar was working perfectly"
    against "the radar was switched off"); never the statement's own single-source row."""
    own = [g for g in group_of.get(said.id, []) if _shared(g, members, but)]
    return own or _follow(said, vecs, group_of, members, but, floor=_CONTRARY_SIM)


def _follow(target: Claim, vecs: Mapping[str, Sequence[np.ndarray]], group_of: Mapping[str, list[int]],
            members: Sequence[Sequence[Member]], but: str | None = None, floor: float = _FOLLOW) -> list[int]:
    """The shared groups whose claims state the target in other words (any coordinated variant counts; ``but``:
    the response itself, whose wording may have put it in a group that is then shared only through it), when the
    closest is at ``floor`` or nearer."""
    own = vecs.get(target.id, [])
    scored: list[tuple[float, str]] = []
    for cid, vs in vecs.items():
        if cid in (target.id, but) or cid not in group_of or not any(_shared(g, members, but)
                                                                     for g in group_of[cid]):
            continue
        scored.append((max(float(a @ b) for a in own for b in vs), cid))
    if not scored:
        return []
    score, cid = max(scored)
    if score < floor:
        return []
    return [g for g in group_of[cid] if _shared(g, members, but)]

