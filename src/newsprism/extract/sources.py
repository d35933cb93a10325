"""The sources an article relies on: outlets it cites, anonymous sourcing, and the citation graph.

An outlet is cited when it is the subject of a reporting verb ("The Washington Post reported"), the object of
"according to", the listener of a quote ("told CNN", "in an email to X"), the medium ("said on CNN"), or the
one that could not verify ("AFP was unable to verify"). Outlets not in the registry count when the text names
them as one ("the TV channel X", "the newspaper X"). An article citing its own outlet is not a citation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from newsprism.extract.docindex import DocEnts
from newsprism.extract.outlets import looks_like_outlet
from newsprism.records import Article, Citation, Quote

ANON_MARKERS = re.compile(
    r"\b(unnamed|anonymous|anonymity|unidentified|not authori[sz]ed|familiar with|close to|declined to be "
    r"(?:named|identified)|asked not to be (?:named|identified)|insiders?|sources?)\b", re.I)
ANON_HEADS = frozenset({"official", "source", "people", "person", "insider", "diplomat", "aide", "officer",
                        "authority", "observer", "member", "employee", "staffer", "individual"})
"""Head nouns that, without a name, leave the speaker unidentified ("officials said", "sources said")."""

MEDIA_GROUP_HEADS = frozenset({"media", "press", "outlets", "newspapers", "reports"})
CITE_VERBS = frozenset({"report", "say", "write", "quote", "cite", "reveal", "publish", "confirm", "verify",
                        "learn", "obtain", "see", "review", "tell", "add", "state", "note", "claim", "broadcast",
                        "air", "show", "find", "estimate", "predict", "announce", "describe"})
NAMING_NOUNS = frozenset({"channel", "newspaper", "agency", "broadcaster", "daily", "weekly", "magazine",
                          "outlet", "network", "station", "tabloid", "website", "paper", "radio", "television",
                          "tv"})
_CREDIT = re.compile(r"^\s*(?:\(([^()\n]{2,40})\)\s*[-–—]|([A-Z][\w.'’ -]{1,40}?)\s*\|)")


def is_anonymous_source(head: Any, phrase: str) -> bool:
    """Unnamed or anonymous: explicit markers, or a generic head noun ("officials") with no proper name."""
    if ANON_MARKERS.search(phrase):
        return True
    if head.lemma_.lower() == "authority" and head.tag_ != "NNS":
        return False  # "the port authority", "the health authority": one institution, named by its role
    if head.lemma_.lower() in ANON_HEADS and not any(t.ent_type_ == "PERSON" for t in head.subtree):
        return True
    sent = head.sent.text if hasattr(head, "sent") else ""
    return head.lemma_.lower() in ANON_HEADS | {"official"} and bool(
        re.search(r"condition of anonymity|not authori[sz]ed to speak", sent, re.I))


def media_group(span: Any) -> str | None:
    """"US media", "Western media", "Russian state media": a generic group of outlets named by its reach."""
    root = span.root
    if root.lower_ in {"reports", "report"}:  # "US media reports said"
        media = next((c for c in root.children if c.dep_ == "compound" and c.lower_ in {"media", "press"}), None)
        if media is None:
            return None
        root = media
    if root.lower_ not in MEDIA_GROUP_HEADS or root.lower_ == "reports":
        return None
    mods = [t for t in span if t.i < root.i and t.dep_ in {"compound", "amod"}
            and (t.pos_ == "PROPN" or t.ent_type_ in {"GPE", "NORP"} or t.lower_ in {"state", "western"})]
    if not mods:
        return None
    return " ".join([*(t.text for t in mods), root.text])


def _outlet_name(tok: Any, outlets: Any, local: Sequence[str], ents: DocEnts) -> tuple[str | None, bool]:
    """(name, known) of the outlet a token names: the registry's or corpus's name, or a name the text calls an
    outlet. ``local``: outlet names the article used before (and its own), for short forms ("the Ledger")."""
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    span = tok.doc[lo:hi]
    if ents.surname_of(tok) is not None:
        return None, False  # "Ramos' interview with Fox" where the article names Vicente Fox: the man, not the network
    for ent in ents.within(lo, hi):
        if ent.label_ in {"ORG", "PERSON", "WORK_OF_ART", "GPE", "NORP", "PRODUCT", "FAC"} and (
                ent.root.i == tok.i or ent.start <= tok.i < ent.end or ent.root.head.i == tok.i):
            o = outlets.canonical(ent.text)
            if o:
                return o, True
    if tok.pos_ == "PROPN" and not (tok.dep_ in {"compound", "flat"} and tok.head.pos_ == "PROPN"):
        chunk = [t for t in tok.doc[max(tok.i - 4, 0):tok.i + 1]]
        words: list[str] = []
        for t in reversed(chunk):
            if t.pos_ == "PROPN" or t.text in {"-"} or (t.i == tok.i):
                words.insert(0, t.text)
            else:
                break
        name = " ".join(words).replace(" - ", "-").replace(" -", "-")
        o = outlets.canonical(name)
        if o:
            return o, True
        if len(words) == 1 and _definite(tok):  # "the Ledger": an outlet named in full before, or in the corpus
            o = next((n for n in local if n.split()[-1].lower() == name.lower() and " " in n), None) or (
                outlets.short_form(name) if hasattr(outlets, "short_form") else None)
            if o:
                return o, True
        if looks_like_outlet(name) and (tok.ent_type_ in {"ORG", "WORK_OF_ART", "FAC", "PRODUCT", ""}
                                        or len(words) > 1):
            return name, False
        named_as = (tok.dep_ == "appos" and tok.head.lemma_.lower() in NAMING_NOUNS) or any(
            t.lemma_.lower() in NAMING_NOUNS for t in tok.doc[max(tok.i - 4, tok.sent.start):tok.i]
            if t.head.i == tok.i or t.head.head.i == tok.i)
        if named_as or any(c.lemma_.lower() in NAMING_NOUNS and c.dep_ in {"compound", "appos"} for c in tok.children):
            return name, False
    if tok.lemma_.lower() in NAMING_NOUNS:
        inner = [t for t in tok.subtree if t.pos_ == "PROPN" and t.i > tok.i]
        if inner:
            return _outlet_name(inner[-1], outlets, local, ents)
        props = [c for c in tok.children if c.pos_ == "PROPN" and c.dep_ in {"compound", "appos", "npadvmod"}]
        if props and props[-1].i > tok.i:
            return _outlet_name(props[-1], outlets, local, ents)
    group = media_group(span)
    if group:
        return group, False
    return None, False


_VERIFY = frozenset({"verify", "confirm", "corroborate", "authenticate", "substantiate", "check"})


def _definite(tok: Any) -> bool:
    """The token's phrase starts with "the" ("the Ledger", "The Courier could not verify")."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _role(tok: Any) -> str | None:
    """How the outlet token is used, if it is used as a source."""
    head = tok.head
    if tok.dep_ == "nsubj" and head.lemma_.lower() in {"verify", "confirm"} and any(
            c.dep_ == "neg" for c in head.children):
        return "unable_to_verify"
    if tok.dep_ in {"nsubj", "nsubjpass"} and head.lemma_.lower() in CITE_VERBS:
        return "reported"
    if tok.dep_ == "nsubj" and any(c.lemma_ in {"unable", "able"} and any(
            g.lemma_.lower() in _VERIFY for g in c.subtree) for c in head.children):
        return "unable_to_verify"
    if tok.dep_ == "nsubj" and any(c.dep_ in {"xcomp", "advcl"} and c.lemma_.lower() in CITE_VERBS
                                   for c in head.children):
        return "reported"
    if tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return "according_to"
    if tok.dep_ in {"dobj", "dative", "iobj"} and head.lemma_ == "tell":
        return "told"
    if tok.dep_ == "pobj" and head.lower_ in {"to", "with"} and head.head.lemma_ in {
            "email", "e-mail", "interview", "statement", "letter", "message", "comment", "remark", "speak", "talk"}:
        return "told"
    if tok.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in CITE_VERBS | {"speak", "appear"}:
        return "via"
    if tok.dep_ == "dobj" and head.lemma_ == "cite":
        return "citing"
    if tok.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_ in {"report", "quote", "cite", "publish",
                                                                           "obtain", "see", "review", "reveal"}:
        return "citing"
    if tok.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_ in {"report", "write", "publish", "quote"}:
        return "via"
    if tok.dep_ in {"appos", "compound"}:
        return _role(head)
    return None


def find_citations(doc: Any, article: Article, outlets: Any, quotes: Sequence[Quote] = ()) -> list[Citation]:
    """Outlets this article relies on, one Citation per mention used as a source (own outlet excluded)."""
    own_names = own_outlets(article, outlets)
    local: list[str] = sorted(own_names)
    out: list[Citation] = []
    seen: set[int] = set()
    last_outlet: str | None = None
    ents = DocEnts(doc)
    for tok in doc:
        if tok.pos_ not in {"PROPN", "NOUN"}:
            continue
        name, _known = _outlet_name(tok, outlets, local, ents)
        if name is None and tok.lemma_.lower() in NAMING_NOUNS and any(
                c.lower_ == "the" for c in tok.children) and not any(c.pos_ == "PROPN" for c in tok.subtree):
            name = last_outlet  # "the newspaper" after a named outlet
        if name is None:
            continue
        role = _role(tok)
        if role and tok.lemma_.lower() in NAMING_NOUNS and name != last_outlet and not any(
                c.pos_ == "PROPN" for c in tok.subtree):
            role = None
        if name and (_known or " " in name):
            last_outlet = name
            local.insert(0, name)
        if role is None or name in own_names:
            continue
        sent = tok.sent
        key = tok.i
        if key in seen:
            continue
        seen.update(t.i for t in tok.subtree)
        out.append(Citation(article_id=article.id, outlet=name, text=sent.text.strip(), kind=role,
                            start=sent.start_char, end=sent.end_char))
    out.extend(_credits(article, outlets, own_names))
    for q in quotes:  # a quote's "via" the article did not parse as a role (rare) still cites the outlet
        if q.via and outlets.canonical(q.via) and outlets.canonical(q.via) not in own_names and not any(
                c.outlet == outlets.canonical(q.via) for c in out):
            out.append(Citation(article_id=article.id, outlet=outlets.canonical(q.via), text=q.text, kind="via",
                                start=q.start, end=q.end))
    return out


_OWN_PIECES = frozenset({"author-bio", "donation", "newsletter"})
_CAPS = re.compile(r"(?:[A-Z][\w'’-]*\s+){0,4}[A-Z][\w-]*")


def own_outlets(article: Article, outlets: Any) -> set[str]:
    """The names the article's own outlet goes by: its outlet, and outlets named in its own author bio, donation
    appeal or newsletter box ("Anika Mols covers defence for the Northfield Courier") that cleaning removed."""
    names: set[str] = set()
    if article.outlet:
        names |= {article.outlet, outlets.canonical(article.outlet) or article.outlet}
    for piece in article.removed:
        if piece.category not in _OWN_PIECES:
            continue
        for m in _CAPS.finditer(piece.text):
            cand = _POSSESSIVE_END.sub("", m.group(0)).strip()
            known = outlets.canonical(cand, fuzzy=False)
            if known or looks_like_outlet(cand):
                names.add(known or cand)
    return names


_POSSESSIVE_END = re.compile(r"(?:'s|’s)$")


def _credits(article: Article, outlets: Any, own: set[str]) -> list[Citation]:
    """"OUTLET | ..." or "(OUTLET) —" at the start of a paragraph: the wire or paper the story comes from."""
    out = []
    offset = 0
    for line in article.text.split("\n"):
        m = _CREDIT.match(line)
        if m:
            name = outlets.canonical((m.group(1) or m.group(2) or "").strip())
            if name and name not in own:
                out.append(Citation(article_id=article.id, outlet=name, text=m.group(0).strip(), kind="via",
                                    start=offset + m.start(), end=offset + m.end()))
        offset += len(line) + 1
    return out


def citation_graph(articles: Iterable[Article], citations: Iterable[Citation],
                   outlets: Any | None = None) -> dict[str, Any]:
    """Who relies on whom: article -> cited outlet and (article's outlet) -> (cited outlet), with counts.

    Pure; used by compare (provenance, independence) and the reports.
    """
    outlet_of = {a.id: (outlets.canonical_or_self(a.outlet) if outlets and a.outlet else a.outlet) for a in articles}
    article_edges: Counter[tuple[str, str]] = Counter()
    outlet_edges: Counter[tuple[str, str]] = Counter()
    for c in citations:
        article_edges[(c.article_id, c.outlet)] += 1
        src = outlet_of.get(c.article_id)
        if src and src != c.outlet:
            outlet_edges[(src, c.outlet)] += 1
    return {
        "article_to_outlet": [{"article_id": a, "outlet": o, "count": n}
                              for (a, o), n in sorted(article_edges.items())],
        "outlet_to_outlet": [{"from": a, "to": b, "count": n} for (a, b), n in sorted(outlet_edges.items())],
    }


def anonymity_counts(quotes: Iterable[Quote], stories: Iterable[Any] = ()) -> dict[str, dict[str, int]]:
    """Anonymous quotes per article and per story (with the total quotes beside them)."""
    per_article: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for q in quotes:
        total[q.article_id] += 1
        per_article[q.article_id] += q.anonymous
    out: dict[str, dict[str, int]] = {
        "articles": {a: per_article[a] for a in total}, "article_quotes": dict(total)}
    story_counts: dict[str, int] = {}
    for s in stories:
        story_counts[s.id] = sum(per_article[a] for a in s.article_ids)
    out["stories"] = story_counts
    return out
