"""Verdict of a claim group: where it came from, how many independent origins back it, and its status.

Independence: articles that derive from one another (``derived_from`` / ``duplicate_of``) count once, and so do
articles that relay the same cited outlet ("according to The Daily Ledger"). A claim resting only on anonymous
sourcing is ``unverified`` until an outlet states it in its own voice or a second origin backs it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from newsprism.compare.align import number_values
from newsprism.compare.counts import count_of
from newsprism.extract.speakers import OUTLET_ANAPHORS
from newsprism.labels import Link
from newsprism.provenance import Origins
from newsprism.records import Article, Claim, ClaimSource, normalize_text

NO_OUTLET = "an article without outlet"
SUPPORT = frozenset({"reports", "attributes"})
_VAGUE = re.compile(r"^(several|some|many|other|various|multiple|the)?\s*((us|u\.s\.|western|local|foreign|"
                    r"state|american|international)\s+)?(media|reports?|outlets?|press|newspapers?)$", re.I)


@dataclass(frozen=True, slots=True)
class Member:
    """One source's statement in a group: the claim it comes from and the stance it takes."""

    claim: Claim
    stance: str
    score: float
    context: bool = False  # attached by context (an anaphoric denial), not by wording
    link: str | None = None  # why a response sits on this row (labels.Link), where it was tied to it


_SUFFIX = frozenset({"jr", "sr", "ii", "iii", "iv"})
_NAME_TOKEN = re.compile(r"[A-Z][\w'\u2019.-]*")
_NOT_NAMES = frozenset({"the", "a", "an", "his", "her", "its", "their", "one", "two", "three"})
Speaker = tuple[str, str | None, str | None]  # family name, first initial, suffix


def speaker_key(name: str | None) -> Speaker | None:
    """Who a speaker is, from the leading run of capitalised words: ("jealous", "b", None) for "Benjamin Todd
    Jealous" and "Ben Jealous", ("stone", "r", "jr") for "Roger J. Stone Jr", ("stone", None, None) for "Stone on
    Friday"; None for a description ("the former governor")."""
    if not name:
        return None
    run: list[str] = []
    for tok in name.replace(",", " ").split():
        if not _NAME_TOKEN.fullmatch(tok):
            break
        run.append(tok.strip(".").lower().replace("\u2019s", "").replace("'s", ""))
    run = [t for t in run if t]
    if not run or run[0] in _NOT_NAMES:
        return None
    suffix = run.pop() if len(run) > 1 and run[-1] in _SUFFIX else None
    return run[-1], run[0][0] if len(run) > 1 else None, suffix


def same_speaker(a: Speaker | None, b: Speaker | None) -> bool:
    """Two speaker keys name one person: the same family name, and first initial and suffix agreeing where both
    names give a first name ("Stone" is "Roger J. Stone Jr"; "Bill Clinton" is not "Hillary Clinton", "Donald
    Trump Jr." not "Donald Trump")."""
    if a is None or b is None or a[0] != b[0]:
        return False
    if a[1] is None or b[1] is None:
        return True
    return a[1] == b[1] and a[2] == b[2]


def one_voice(names: Sequence[str | None]) -> Speaker | None:
    """The speaker every one of ``names`` is, or None when they are several, or one is not named."""
    keys = [speaker_key(n) for n in names]
    if not keys or keys[0] is None or not all(same_speaker(keys[0], k) for k in keys[1:]):
        return None
    return keys[0]


def outlet_of(article: Article | None, fallback: str) -> str:
    """A readable label for an article in a reason: its outlet, else its web host, file name or source id. A record
    of a file that holds many (a JSONL or CSV line with an id) is the file and its id: the file alone would name
    every article of it alike, and the matrix would fold them into one column."""
    if article is None:
        return fallback
    if article.outlet and article.outlet.strip():
        return article.outlet.strip()
    if article.url:
        host = urlsplit(article.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    if article.source_path:
        name = PurePath(article.source_path).name
        if name and article.source_id and article.source_id.strip():
            return f"{name} #{article.source_id.strip()}"
        if name:
            return name
    if article.source_id:
        return article.source_id
    return NO_OUTLET


def origin_of(m: Member, root: Mapping[str, str], outlet_article: Mapping[str, str],
              relayed: Mapping[str, str] | None = None, cites: str | None = None) -> tuple[str, str]:
    """(key, label) of where a supporting statement comes from.

    ``relayed`` maps an article to the supporting article of an outlet it cites anywhere in its text: a statement
    without its own named source in such an article is taken to come from that outlet ("Source: X" at the end).
    ``cites`` is the outlet the statement's own sentence cites: "The Washington Post reported that ...", "The Post
    noted ..." come from that outlet, as "she told the newspaper" does, not from the article that relays them.
    """
    c = m.claim
    via = c.via if c.via and not _VAGUE.match(c.via.strip()) else None
    if via:
        aid = outlet_article.get(normalize_text(via)) or outlet_article.get(normalize_text(via).removeprefix("the "))
        if aid is not None:
            return f"article:{root.get(aid, aid)}", via
        who = f"{c.attributed_to} via {via}" if c.anonymous and c.attributed_to else via
        return f"outlet:{normalize_text(via)}", who
    if c.attributed_to and not c.anonymous:
        aid = outlet_article.get(normalize_text(c.attributed_to))
        if aid is not None:
            return f"article:{root.get(aid, aid)}", c.attributed_to
        if cites and names_outlet(c.attributed_to, cites):
            return f"outlet:{normalize_text(cites)}", cites
    label = c.attributed_to if c.attributed_to else ""
    if relayed and c.article_id in relayed and (c.anonymous or not c.attributed_to):
        src = relayed[c.article_id]
        return f"article:{root.get(src, src)}", label
    return f"article:{root.get(c.article_id, c.article_id)}", label


def names_outlet(name: str, outlet: str) -> bool:
    """``name`` is the outlet a sentence cites, by its name, the last words of it ("the Post" for "The Washington
    Post") or a word for an outlet ("the newspaper"); "Post" is not "The Washington Post" of another sentence."""
    said = normalize_text(name).removeprefix("the ").strip()
    full = normalize_text(outlet).removeprefix("the ").strip()
    if not said or not full:
        return False
    return said == full or full.endswith(" " + said) or said in OUTLET_ANAPHORS


def origin_labels(origins: Mapping[str, tuple[str, str]], outlets: Mapping[str, str], *,
                  where: bool = True) -> list[str]:
    """One readable label per independent origin (``origins``: key -> (label, article)), so the reason names every
    origin it counts: an outlet cited as the source by its name; a speaker with the outlets that each report him
    ("Jake Sullivan (in CNN and Reuters)", without ``where`` when the row has one outlet); an outlet's own
    unattributed statement by the outlet's name."""
    shown: dict[tuple[str, bool], list[str]] = {}  # (label, told by outlets in their articles) -> those outlets
    for key, (label, aid) in origins.items():
        outlet = outlets.get(aid, aid)
        if key.startswith("outlet:") or not label or normalize_text(label) == normalize_text(outlet):
            shown.setdefault((label or outlet, False), [])
        elif outlet not in (here := shown.setdefault((label, True), [])):
            here.append(outlet)
    return [f"{label} (in {_and(at)})" if told and where else label for (label, told), at in shown.items()]


_FIGURE_NAMES = 4  # how many sources the note names for each figure


def count_conflict(members: Sequence[Member], outlets: Mapping[str, str]) -> str | None:
    """For a row whose sources count one thing (the dead, the injured): who gives which figure, "12 (the fire
    service, Maren Oduya) vs at least 14 (the regional health authority, ...)"; "" when they all agree; None when
    fewer than two articles give such a count."""
    found = [(m, c) for m in members if m.stance in SUPPORT and (c := count_of(m.claim.text)) is not None]
    if len({m.claim.article_id for m, _ in found}) < 2:
        return None
    measures = [c.measure for _, c in found]
    main = max(dict.fromkeys(measures), key=measures.count)
    by_value: dict[float, tuple[str, list[str]]] = {}
    given: list[tuple[str, float, set[float]]] = []  # (article, its count, every figure of the sentence)
    for m, c in found:
        values = number_values([c.figure])
        if c.measure != main or not values:
            continue
        given.append((m.claim.article_id, values[0], {values[0], *number_values(m.claim.numbers)}))
        figure, names = by_value.setdefault(values[0], (c.figure, []))
        who = m.claim.attributed_to or outlets.get(m.claim.article_id, m.claim.article_id)
        if who not in names:
            names.append(who)
    # "six arrests on Wednesday, compared to 47 the night before" does not differ from "47 arrests overnight"
    if not any(a != b and x not in ys and y not in xs for a, x, xs in given for b, y, ys in given):
        return ""
    parts = []
    for figure, names in by_value.values():
        more = len(names) - _FIGURE_NAMES
        shown = ", ".join(names[:_FIGURE_NAMES]) + (f" and {more} more" if more > 0 else "")
        parts.append(f"{figure} ({shown})")
    return " vs ".join(parts)


def _figures_of(c: Claim) -> tuple[str, ...]:
    """The claim's numbers, less those that count its sources ("Two people familiar with the talks told ...")."""
    who = (c.attributed_to or "").lower()
    return tuple(n for n in c.numbers if not (who and n.lower() in who))


def number_conflict(members: Sequence[Member], outlets: Mapping[str, str]) -> str:
    """"35 (Outlet A) vs 40 (Outlet B)" when supporting articles state numbers that do not agree, else "".
    A row of counts (the dead, the injured) compares the counts alone, naming who gives each."""
    counted = count_conflict(members, outlets)
    if counted is not None:
        return counted
    per: dict[str, tuple[tuple[float, ...], tuple[str, ...]]] = {}
    for m in members:
        numbers = _figures_of(m.claim)
        vals = number_values(numbers)
        if vals and m.stance in SUPPORT and m.claim.article_id not in per:
            per[m.claim.article_id] = (vals, numbers)
    if len(per) < 2:
        return ""
    items = list(per.items())
    for i, (a, (va, na)) in enumerate(items):
        for b, (vb, nb) in items[i + 1:]:
            if not any(abs(x - y) <= 0.05 * max(abs(x), abs(y), 1e-9) for x in va for y in vb):
                return f"{', '.join(na)} ({outlets.get(a, a)}) vs {', '.join(nb)} ({outlets.get(b, b)})"
    return ""


def verdict(members: Sequence[Member], articles: Mapping[str, Article],
            cited: Mapping[str, set[str]] | None = None,
            sentence_outlets: Mapping[str, str] | None = None) -> tuple[str, str, str | None, int,
                                                                                 tuple[tuple[str, str, str], ...]]:
    """(status, reason, first_source, independent_origins, provenance edges) of one group. ``cited``: the outlets
    each article names as a source; ``sentence_outlets``: the one outlet a claim's own sentence cites."""
    art_list = list(articles.values())
    root = Origins.of(art_list).root  # the families of copies, as the summary and timeline count them
    outlets = {aid: outlet_of(a, aid) for aid, a in articles.items()}
    outlet_article: dict[str, str] = {}
    for a in sorted(art_list, key=lambda a: (a.published or "9999", a.id)):
        if a.outlet:
            outlet_article.setdefault(normalize_text(a.outlet), a.id)
            outlet_article.setdefault(normalize_text(a.outlet).removeprefix("the "), a.id)
    support = [m for m in members if m.stance in SUPPORT]
    deny = [m for m in members if m.stance == "denies"]
    doubt = [m for m in members if m.stance == "doubts"]
    origins: dict[str, tuple[str, str]] = {}  # key -> (label, an article that carries it)
    edges: list[tuple[str, str, str]] = []
    backers = {m.claim.article_id for m in support}
    relayed: dict[str, str] = {}
    for aid, outs in (cited or {}).items():
        for o in sorted(outs):
            src = outlet_article.get(o)
            if src is not None and src != aid and src in backers:
                relayed[aid] = src
                break
    def told_unsourced(m: Member, key: str, label: str) -> bool:  # the article's own words, no source given
        return not label and key == f"article:{root.get(m.claim.article_id, m.claim.article_id)}"

    placed = [(m, *origin_of(m, root, outlet_article, relayed, (sentence_outlets or {}).get(m.claim.id)))
              for m in support]
    sourced = {m.claim.article_id for m, key, label in placed if not told_unsourced(m, key, label)}
    for m, key, label in placed:
        aid = m.claim.article_id
        if aid in sourced and told_unsourced(m, key, label):
            # an article that gives the row's source in one sentence and restates it unattributed in another is
            # one origin, the source it gave: one outlet does not corroborate itself
            continue
        if key not in origins or (label and not origins[key][0]):
            origins[key] = (label, aid)
        if key.startswith("outlet:"):
            edges.append((label, aid, "cites"))
        elif key.startswith("article:") and key[8:] != root.get(aid, aid):
            edges.append((key[8:], aid, "cites"))
        elif m.claim.anonymous and m.claim.attributed_to:
            edges.append((f"anonymous: {m.claim.attributed_to}", aid, "sourced"))
    for aid, a in articles.items():
        for src in a.derived_from:
            if src in articles and any(m.claim.article_id in (aid, src) for m in support):
                edges.append((src, aid, "rewrites"))
        if a.duplicate_of in articles and any(m.claim.article_id in (aid, a.duplicate_of) for m in support):
            edges.append((str(a.duplicate_of), aid, "duplicates"))
    edges = list(dict.fromkeys(edges))
    n_out = len({m.claim.article_id for m in support})
    n_orig = len(origins)
    all_anon = bool(support) and all(m.claim.anonymous for m in support)
    own_voice = any(m.stance == "reports" for m in support)
    conflict = number_conflict(members, outlets)

    first = _first_source(support, articles, outlet_article, origins)
    parts = [f"{n_out} outlet{'s' if n_out != 1 else ''}, {n_orig} independent origin{'s' if n_orig != 1 else ''}"]
    if not support and (deny or doubt):
        # the row is the denial itself: what it answers is asserted by no outlet of the story
        parts = ["no outlet of the story asserts what this answers"]
    shown = origins
    if all_anon:
        named = {normalize_text(o) for o in outlets.values() if o}
        # "unnamed sources via The Washington Post", not "anonymous The Washington Post"; "anonymous US officials"
        shown = {k: (v if not v or "anonym" in v or "unnamed" in v else f"unnamed sources via {v}"
                     if normalize_text(v) in named or v.startswith("The ") else f"anonymous {v}", aid)
                 for k, (v, aid) in origins.items()}
    labels = origin_labels(shown, outlets, where=n_out > 1)
    if labels:
        parts[0] += ": " + "; ".join(dict.fromkeys(labels))
    if deny:
        parts.append("denied by " + _names(deny, outlets))
    if doubt:
        parts.append("doubted by " + _names(doubt, outlets))
    if support and (deny or doubt) and not any(Link(link_of(m) or Link.WORDING).firm for m in deny + doubt):
        # a reader should know when nothing in a denial says what it answers: its row was chosen by its words
        parts.append("no denial or doubt here names what it answers: each was placed by its wording or by other "
                     "outlets' responses")
    if conflict:  # different figures are a note for the reader, not a dispute: outlets count at different times
        parts.append("figures differ: " + conflict)
    if not support:  # nobody in the story asserts it: denied or doubted as a proposition (as with support)
        status = "denied" if deny else "disputed" if doubt else "unverified"
    elif deny and n_orig <= 1 and all_anon:
        status = "denied"
        parts.append("the only line of sourcing is anonymous")
    elif deny or doubt:
        status = "disputed"
    elif n_orig >= 2 and not (all_anon and not own_voice):
        status = "corroborated"
    elif all_anon:
        status = "unverified"
        parts.append("rests on anonymous sourcing")
    else:
        status = "single-source"
    return status, "; ".join(parts), first, n_orig, tuple(edges)


def _names(members: Sequence[Member], outlets: Mapping[str, str]) -> str:
    """Who denies or doubts, each once with every outlet that carries it: "Dalia Renvik (in The Castlebridge
    Observer, Meridian Post and Valeport Wire Service)", not the same name three times."""
    places: dict[str, list[str]] = {}
    for m in members:
        where = outlets.get(m.claim.article_id, m.claim.article_id)
        who = m.claim.attributed_to or where
        here = places.setdefault(who, [])
        if where != who and where not in here:
            here.append(where)
    names = [f"{who} (in {_and(where)})" if where else who for who, where in places.items()]
    return _and(names)


def _and(items: Sequence[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0] if items else ""


def _first_source(support: Sequence[Member], articles: Mapping[str, Article], outlet_article: Mapping[str, str],
                  origins: Mapping[str, tuple[str, str]]) -> str | None:
    """The outlet the others cite when it is in the story, else the earliest supporting article."""
    cited = [k[8:] for k in origins if k.startswith("article:")]
    ids = {m.claim.article_id for m in support}
    for key in origins:
        if key.startswith("outlet:") and key[7:] in outlet_article:
            return outlet_article[key[7:]]
    dated = sorted((articles[a].published or "9999", a) for a in ids if a in articles)
    if dated and dated[0][0] != "9999":
        return dated[0][1]
    for key, (label, _) in origins.items():
        if key.startswith("outlet:"):
            return label
    return cited[0] if cited else (sorted(ids)[0] if ids else None)


def link_of(m: Member) -> str | None:
    """Why a denial or doubt is on its row; one that no response rule tied there is in it by its wording (a
    negated sentence grouped with the claim it contradicts). None for the supporting stances."""
    if m.stance not in {"denies", "doubts"}:
        return None
    return m.link or Link.WORDING.value


def sources(members: Sequence[Member], articles: Mapping[str, Article]) -> tuple[ClaimSource, ...]:
    """One ClaimSource per (article, stance, speaker), the strongest statement kept."""
    best: dict[tuple[str, str, str], Member] = {}
    for m in members:
        key = (m.claim.article_id, m.stance, m.claim.attributed_to or "")
        if key not in best or m.score > best[key].score:
            best[key] = m
    out = [ClaimSource(article_id=m.claim.article_id, outlet=(articles[m.claim.article_id].outlet
                                                              if m.claim.article_id in articles else None),
                       stance=m.stance, text=m.claim.text, attributed_to=m.claim.attributed_to,
                       claim_id=m.claim.id, score=round(float(m.score), 4), link=link_of(m))
           for m in best.values()]
    order = {"reports": 0, "attributes": 1, "doubts": 2, "denies": 3}
    return tuple(sorted(out, key=lambda s: (order[s.stance], s.article_id)))
