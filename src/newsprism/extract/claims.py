"""Claims: the check-worthy statements of one article, with who they are attributed to.

A claim is a sentence that states something one can check: an event, a number, a request, a denial, an
assessment, usually with a named actor. Each claim carries its attribution (a quote's speaker, "according to X",
"X said", anonymous sourcing, the outlet it came via), whether it is hedged ("reportedly", "would have") or
negated, and the numbers and dates it states. Quote and citation records from the source extraction win over the
parse-based fallbacks here, which exist so claims stay attributed when those records are missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from newsprism.extract.cues import agent_of
from newsprism.extract.docindex import DocEnts
from newsprism.extract.entities import name_key
from newsprism.extract.foreign import quotes_in
from newsprism.extract.quotes import quote_spans
from newsprism.extract.speakers import REFLEXIVES
from newsprism.lexicons import lexicon_for
from newsprism.records import Article, Citation, Claim, Quote, normalize_text, stable_id
from newsprism.settings import Settings
from newsprism.stance import ANON_RE, DENY_RE, DOUBT_RE, HEDGE_RE

REPORTING = frozenset({
    "say", "tell", "report", "state", "add", "claim", "announce", "note", "warn", "quote", "cite", "write",
    "confirm", "deny", "insist", "argue", "explain", "stress", "emphasize", "emphasise", "indicate", "suggest",
    "declare", "remark", "respond", "reply", "assert", "allege", "predict", "underscore", "point", "acknowledge",
})
# Verbs whose subject speaks when the sentence dismisses something ("the ministry called this disinformation").
_DISMISSING = frozenset({"call", "dismiss", "reject", "brand", "label", "describe", "term"})
# Verbs of answering a claim: their subject is who denies or doubts it, whoever the claim itself is attributed to
# ("the special counsel disputed a report that said X": X is the report's, the dispute the special counsel's).
_RESPONDING = frozenset({"deny", "dispute", "challenge", "reject", "refute", "dismiss", "contest", "rebut", "debunk",
                         "disavow", "repudiate", "contradict", "question", "doubt", "deride", "decry"})
# Conjunctions of a clause that sets the scene ("after X disputed it, Y said ..."): its verb is not the answer.
_BACKGROUND = frozenset({"after", "before", "when", "since", "while", "until", "once", "as", "because", "although",
                         "though", "if", "whereas"})
# Nouns of a message: "a statement by X disputed ..." is X's dispute.
_MESSAGES = frozenset({"statement", "report", "letter", "tweet", "post", "release", "filing", "response", "reply",
                       "email", "memo", "note", "comment", "remark", "video", "message", "announcement"})
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"})
_NUMBER_LABELS = frozenset({"MONEY", "CARDINAL", "PERCENT", "QUANTITY"})
_PARTITIVES = frozenset({"several", "some", "many", "most", "all", "both", "none", "each", "one", "two", "three",
                         "few", "half"})
_ANON_HEADS = frozenset({"official", "source", "people", "person", "diplomat", "insider", "aide", "officer",
                         "investigator"})
_GENERIC_OUTLET = re.compile(r"^(the )?((american|british|us|u\.s\.|german|french|daily|local|state) )?"
                             r"(newspaper|paper|daily|outlet|broadcaster|agency|news agency|publication|magazine|"
                             r"network|channel|report)s?$", re.I)
_OUTLET_WORDS = re.compile(r"\b(times|post|news|press|journal|herald|tribune|guardian|reuters|afp|ap|bloomberg|"
                           r"agency|cnn|bbc|nbc|abc|cbs|fox|telegraph|gazette|daily|radio|tv|television|wire|"
                           r"magazine|media|chronicle|observer|independent|review|monitor|insider)\b", re.I)
_JUNK = re.compile(r"(https?://|www\.|@\w|©|\bclick\b|\bsubscribe\b|\bnewsletter\b|\bcookies?\b)", re.I)


def extract_claims(article: Article, doc: Any, *, quotes: Sequence[Quote] = (), citations: Sequence[Citation] = (),
                   settings: Settings | None = None) -> list[Claim]:
    """The check-worthy sentences of one article (``doc`` is the spaCy Doc of ``article.text``); an article in a
    language with a lexicon is read by its rules (``extract.foreign``)."""
    lexicon = lexicon_for(article.language)
    if lexicon is not None:
        from newsprism.extract.foreign import foreign_claims

        return foreign_claims(article, doc, quotes, citations, lexicon)
    out: list[Claim] = []
    last_outlet: str | None = None
    last_person: str | None = None
    ents = DocEnts(doc)  # ``Span.ents`` scans every entity of the Doc: per sentence, quadratic in its length
    for sent in _sentences(doc):
        cites = [c for c in citations if _overlaps(c.start, c.end, sent.start_char, sent.end_char)]
        last_outlet = _named_outlet(sent, cites, ents) or last_outlet
        checkworthy = _checkworthy(sent, ents)
        if not checkworthy and not _spoken(sent, quotes):
            continue
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        attributed_to, anonymous, via, quote_id = _attribution(sent, quotes, cites, last_outlet, last_person, ents)
        if not checkworthy and not (quote_id and attributed_to and not anonymous):
            continue
        if attributed_to and not anonymous and _names_person(sent, ents, attributed_to):
            last_person = attributed_to
        out.append(Claim(
            id=stable_id(article.id, str(start), normalize_text(text), prefix="c"),
            article_id=article.id, text=text, attributed_to=attributed_to, anonymous=anonymous, via=via,
            responder=_responder(sent, ents, last_person),
            hedged=bool(HEDGE_RE.search(text)), negated=_negated(sent),
            numbers=tuple(_numbers(sent, ents)), quote_id=quote_id, start=start, end=start + len(text)))
    return out


def _sentences(doc: Any) -> Iterable[Any]:
    """spaCy's sentences, cut again at line breaks (a headline or a caption is never part of the next sentence)."""
    for sent in doc.sents:
        if "\n" not in sent.text.strip():
            yield sent
            continue
        pos = sent.start_char
        for piece in re.split(r"(\n+)", sent.text):
            if piece.strip() and "\n" not in piece:
                span = doc.char_span(pos, pos + len(piece), alignment_mode="contract")
                if span is not None and len(span):
                    yield span
            pos += len(piece)


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 >= 0 and a1 > b0 and a0 < b1


def _question(text: str) -> bool:
    """A question, also when a closing quotation mark follows its question mark ("Why would he not do it?”")."""
    return text.strip().rstrip("\"'”’)").endswith("?")


def _statement(sent: Any) -> bool:
    """A full statement: five to 120 words, a verb, not a question."""
    words = [t for t in sent if t.is_alpha]
    return 5 <= len(words) <= 120 and not _question(sent.text) and any(t.pos_ in {"VERB", "AUX"} for t in sent)


def _spoken(sent: Any, quotes: Sequence[Quote]) -> bool:
    """A statement a named speaker makes in a direct quote ("We have an issue with their acceptance of white
    supremacists," he said) is a claim of that speaker's even without a name or number in it: who said what is
    what the matrix shows. Only full statements, and no quoted question ("'Why not?' he asked")."""
    return (_statement(sent) and not re.search(r"\?[\"'”’]", sent.text)
            and quotes_in(quotes, sent.start_char, sent.end_char) is not None)


# "The ministry declined to comment", "could not be reached for comment": no claim to check, only its absence
_NO_COMMENT = re.compile(r"\b(?:declin\w*|refus\w*|did not|didn't|does not|has not|have not|had not|could not|"
                         r"couldn't|would not|wouldn't)\s+(?:immediately\s+)?(?:to\s+)?(?:comment|respond|reply|"
                         r"return\s+(?:\w+\s+)?(?:calls?|messages?|emails?|requests?)|be reached)\b|"
                         r"\bnot (?:immediately )?(?:available|reachable) for comment\b|\bno comment\b", re.I)
_MORE = re.compile(r"\b(?:but|although|though|while|and said|adding|instead)\b|[;:]", re.I)


def _checkworthy(sent: Any, ents: DocEnts) -> bool:
    """A statement one could check: a verb, a named actor or number or a denial, not a question, not page junk,
    not a mere refusal to comment."""
    text = sent.text.strip()
    if not _statement(sent) or _JUNK.search(text) or (_NO_COMMENT.search(text) and not _MORE.search(text)):
        return False
    if any(e.label_ in _ENTITY_LABELS or e.label_ in _NUMBER_LABELS or e.label_ in {"DATE", "TIME"}
           for e in ents.of(sent)) or any(t.pos_ == "PROPN" for t in sent):
        return True
    return bool(DENY_RE.search(text) or DOUBT_RE.search(text))


def _core(sent: Any) -> Any:
    """The predicate the sentence asserts: the complement of a reporting verb ("X said [Y happened]"), else the root."""
    root = sent.root
    if root.lemma_.lower() in REPORTING:
        for child in root.children:
            if child.dep_ == "ccomp" and child.pos_ in {"VERB", "AUX"}:
                return child
    return root


NOBODY = frozenset({"nobody", "nothing", "none", "noone"})


def _negated(sent: Any) -> bool:
    """The asserted predicate is negated: "did not ask", or a subject or object that is nobody ("No one was
    killed", "nothing was signed", "no soldiers crossed")."""
    core = _core(sent)
    if any(c.dep_ == "neg" for c in core.children):
        return True
    for arg in core.children:
        if arg.dep_ in {"nsubj", "nsubjpass", "dobj", "obj"} and (
                arg.lower_ in NOBODY or any(d.dep_ == "det" and d.lower_ == "no" and not _named_word(d)
                                            for d in arg.children)):
            return True
    return any(c.dep_ == "neg" for c in core.children if c.dep_ in {"aux", "auxpass"})


_QUOTE_MARKS = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019"})


def _named_word(tok: Any) -> bool:
    """A word named rather than used: the quoted "no" of "the lone 'no' vote" negates nothing."""
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text in _QUOTE_MARKS and doc[tok.i + 1].text in _QUOTE_MARKS


def _numbers(sent: Any, ents: DocEnts) -> Iterable[str]:
    seen: set[str] = set()
    for e in ents.of(sent):
        if e.label_ in _NUMBER_LABELS or (e.label_ == "DATE" and any(ch.isdigit() for ch in e.text)):
            key = e.text.strip()
            if key and key.lower() not in seen:
                seen.add(key.lower())
                yield key


_SOURCE_HEADS = frozenset({"report", "reporting", "document", "record", "statement", "filing", "memo", "letter",
                           "email", "study", "survey", "poll", "data", "figure", "account", "interview", "testimony",
                           "analysis", "article", "story", "newspaper", "paper", "outlet", "agency", "spokesman",
                           "spokeswoman", "spokesperson", "lawyer", "attorney", "witness", "expert", "analyst"})


def _sourcelike(span: Any, ents: DocEnts) -> bool:
    """What "citing" names is a source: a named person or body, an unnamed source ("officials"), or a report or
    document; not a reason ("citing his health and the federal investigation")."""
    heads = [span.root, *(c for c in span.root.children if c.dep_ == "conj")]  # the head and its conjuncts
    for head in heads:
        if any(e.label_ in {"PERSON", "ORG", "NORP", "GPE"} and e.start <= head.i < e.end for e in ents.of(span)):
            return True
        if head.lemma_.lower() in _ANON_HEADS | _SOURCE_HEADS or _OUTLET_WORDS.fullmatch(head.lower_):
            return True
    return False


def _partitive_name(tok: Any) -> str | None:
    """The group a partitive relative subject stands for, as its words ("Republicans in Alabama, several of whom
    dismissed the stories": "Republicans in Alabama"): its antecedent if plural, else the last plural noun before
    it in the clause it hangs on; None for any other word."""
    verb = tok.head
    if tok.lower_ not in _PARTITIVES or verb.dep_ != "relcl" or not any(
            t.lower_ in {"whom", "which"} for t in tok.subtree):
        return None
    noun = verb.head
    if noun.tag_ not in {"NNS", "NNPS"}:  # "Republicans in the states, several of whom": the Republicans
        plural = [t for t in noun.subtree if t.i < tok.i and t.tag_ in {"NNS", "NNPS"}]
        noun = plural[-1] if plural else noun
    return " ".join(t.text for t in noun.subtree if t.i < tok.i and not t.is_punct).strip()


def _span_name(span: Any, ents: DocEnts) -> str:
    """A short name for an attribution phrase: its person, else the organisation it heads, else its noun chunk; a
    lone surname of a person the article names in full is that person's full name ("Fox said" -> Vicente Fox)."""
    root = span.root
    group = _partitive_name(root)
    if group is not None:
        return group or span.text
    full = ents.named_in_full(span, root)
    if full is not None:
        return str(span.doc[full[0]:full[1]].text).strip()
    found = ents.of(span)
    for e in found:
        # "Mr. Trump's fans reply", "the Clinton conversation": a name that only qualifies the head is not who speaks
        if e.label_ == "PERSON" and not (e.root.dep_ in {"poss", "compound"} and e.root.head.i == root.i
                                         and root.pos_ == "NOUN"):
            return e.text.strip()
    for e in found:
        if e.label_ in {"ORG", "GPE"} and e.start <= span.root.i < e.end:
            return e.text.strip()
    if span.root.lemma_.lower() not in _ANON_HEADS:
        for e in found:
            if e.label_ == "ORG":
                return e.text.strip()
    # "Stone on Friday said ...": the time the subject spoke is not part of its name
    timed = {t.i for c in span.root.children if c.dep_ in {"prep", "npadvmod"}
             and any(x.ent_type_ in {"DATE", "TIME"} for x in c.subtree) for t in c.subtree}
    toks = [t for t in span if not (t.dep_ in {"appos", "relcl", "acl", "punct"} or t.is_space or t.i in timed
                                    or t.lower_ in REFLEXIVES)]
    words = [t.text for t in toks][:8]
    return " ".join(words).strip(" ,") or span.text.strip()


def _is_anonymous(span: Any, sent_text: str, ents: DocEnts) -> bool:
    if any(e.label_ == "PERSON" for e in ents.of(span)):
        return False
    head = span.root.lemma_.lower()
    return head in _ANON_HEADS or bool(ANON_RE.search(span.text)) or (
        head in {"newspaper", "media", "report"} and bool(ANON_RE.search(sent_text)))


def _looks_outlet(name: str) -> bool:
    return bool(_OUTLET_WORDS.search(name)) or bool(_GENERIC_OUTLET.match(name))


def _named_outlet(sent: Any, cites: Sequence[Citation], ents: DocEnts) -> str | None:
    if cites:
        return cites[-1].outlet
    for e in ents.of(sent):
        if e.label_ in {"ORG", "WORK_OF_ART"} and _looks_outlet(e.text) and not _GENERIC_OUTLET.match(e.text):
            return e.text.strip()
    return None


def _resolve(name: str | None, last_outlet: str | None) -> str | None:
    """"the newspaper" means the outlet named last."""
    if name and _GENERIC_OUTLET.match(name.strip()) and last_outlet:
        return last_outlet
    return name


def _attribution(sent: Any, quotes: Sequence[Quote], cites: Sequence[Citation], last_outlet: str | None,
                 last_person: str | None, ents: DocEnts) -> tuple[str | None, bool, str | None, str | None]:
    """(attributed_to, anonymous, via, quote_id): quote records first, then the parse; a quote or a reporting verb
    in a clause that only sets the scene ("While many have speculated that X, Bauer said ...", "even as the
    reporters described ...") does not speak for the sentence."""
    scene = _scene_spans(sent)
    best = quotes_in([q for q in quotes if not any(a <= q.start < b for a, b in scene)],
                     sent.start_char, sent.end_char)
    if best is not None and (best.speaker or best.anonymous):
        via = best.via or (cites[0].outlet if cites and cites[0].outlet != best.speaker else None)
        return best.speaker, best.anonymous, via, best.id
    sources = [(n, sp) for n, sp in _parse_sources(sent, ents)
               if not any(a <= sp.start_char < b for a, b in scene)]
    sent_text = sent.text
    people = [(n, sp) for n, sp in sources if n]
    inside = best is not None and best.start <= sent.start_char + 1 and best.end >= sent.end_char - 2
    if not people and last_person and _pronoun_speaker(sent) and not inside:
        # ("... Not a single thing he said is accurate.": a "he said" inside a quotation is the quoted man's words)
        return last_person, False, None, None
    if not people:
        if cites and cites[0].kind == "told":  # the outlet spoken to ("speaking to the Times") is how it came
            if ANON_RE.search(sent_text):
                return "unnamed sources", True, cites[0].outlet, None
            return None, False, cites[0].outlet, None
        if cites:
            return cites[0].outlet, False, None, None
        if ANON_RE.search(sent_text):
            return "unnamed sources", True, last_outlet if re.search(r"\btold\b", sent_text) else None, None
        return None, False, None, None
    outlets = [n for n, _ in people if _looks_outlet(n)]
    others = [(n, sp) for n, sp in people if not _looks_outlet(n)]
    if others:
        name, span = others[0]
        anonymous = _is_anonymous(span, sent_text, ents)
        via = _resolve(outlets[0], last_outlet) if outlets else (cites[0].outlet if cites else None)
        if via is None and anonymous and re.search(r"\btold (the )?(newspaper|paper)\b", sent_text, re.I):
            via = last_outlet
        return name, anonymous, via, None
    name = _resolve(outlets[0], last_outlet) or outlets[0]
    if ANON_RE.search(sent_text):
        return "unnamed officials", True, name, None
    return name, False, None, None


def _responder(sent: Any, ents: DocEnts, last_person: str | None) -> str | None:
    """Who answers in the sentence: the subject of its verb of denying or disputing (climbing from "took the step
    of disputing" or "a statement disputing" to the clause that has one), the agent of a passive one, the noun a
    relative "who" stands for; None when the sentence has no such verb or its subject is not named."""
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _RESPONDING or any(
                c.dep_ == "neg" or (c.dep_ in {"mark", "advmod"} and c.lower_ in _BACKGROUND) for c in tok.children):
            continue  # "after Mr. Mueller's office disputed the account": when the sentence's news happened
        if _quoted(sent, tok):
            continue  # "'The findings refute your assertions,' he said": the quote's speaker answers
        subj = agent_of(tok) if any(c.dep_ == "nsubjpass" for c in tok.children) else None
        verb = tok
        for _ in range(5):
            if subj is not None:
                break
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None:  # "Poulter, who co-founded a group, disputed": a broken word makes a clausal subject
                subj = next((g for c in verb.children if c.dep_ == "csubj" for g in c.children if g.dep_ == "nsubj"),
                            None)
            if subj is None and verb.dep_ in {"xcomp", "pcomp", "advcl", "conj", "acl", "prep", "pobj", "dobj"}:
                verb = verb.head
            elif subj is None:
                break
        if subj is None and tok.dep_ == "acl" and (sent.root.pos_ not in {"VERB", "AUX"} or sent.root.text.isupper()):
            # a sentence the parser left without a verb ("WASHINGTON — The special counsel investigating X in the
            # election disputed on Friday a report ..." hangs "disputed" on "election"): its subject is the noun
            # the parse is headed by, past a dateline
            top = sent.root
            subj = next((c for c in top.children if c.dep_ == "appos" and c.i < tok.i), top)
            if subj.i > tok.i or subj.pos_ not in {"NOUN", "PROPN"}:
                continue
        if subj is None:
            continue
        if verb.dep_ == "relcl" and subj.lower_ in {"who", "which", "that"}:
            subj = verb.head
        elif (group := _partitive_name(subj)) is not None:
            return group
        if subj.pos_ == "PRON":
            joined = next((c for c in subj.children if c.dep_ == "conj"), None)
            if joined is not None:
                # "She and other Democrats disputed ...": who "she" is may be anyone; the others are named
                return _responder_name(sent.doc[joined.left_edge.i: joined.right_edge.i + 1], ents)
            return last_person if subj.lower_ in {"he", "she"} else None
        return _responder_name(sent.doc[subj.left_edge.i: subj.right_edge.i + 1], ents)
    return None


def _quoted(sent: Any, tok: Any) -> bool:
    """The token stands inside quotation marks of its sentence."""
    at = tok.idx - sent.start_char
    return any(a <= at < b for a, b in quote_spans(sent.text))


def _responder_name(span: Any, ents: DocEnts) -> str | None:
    """A person or organisation the phrase is headed by or whose message it is ("a statement by a spokesman for
    the special counsel" is the spokesman's), else the phrase without its clauses and asides (at most ten
    words: "Tea party organizers", "Both the White House and lawyers for Mr. Trump")."""
    root = span.root
    if root.lemma_.lower() in _MESSAGES:
        by = next((g for c in root.children if c.dep_ == "prep" and c.lower_ in {"by", "from", "of"}
                   for g in c.children if g.dep_ == "pobj"), None)
        if by is None:
            return None
        span = span.doc[by.left_edge.i: by.right_edge.i + 1]
        root = by
    if not any(c.dep_ == "conj" for c in root.children):
        for e in ents.of(span):
            if e.label_ in {"PERSON", "ORG", "GPE", "NORP"} and e.start <= root.i < e.end:
                return str(e.text).strip()
    words = [t for t in span if not t.is_space and not _aside(t, root)][:10]
    # a word whose neighbour was left out keeps a space after it ("Others, including" is not "Othersincluding")
    text = "".join(t.text + (t.whitespace_ if k + 1 < len(words) and words[k + 1].i == t.i + 1 else " ")
                   for k, t in enumerate(words))
    return text.strip(" ,") or None


def _aside(tok: Any, root: Any) -> bool:
    """The token is punctuation or sits in an apposition or a clause of the phrase headed by ``root``."""
    while tok.i != root.i:
        if tok.dep_ in {"appos", "relcl", "acl", "punct"}:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


_CONCESSIVE = frozenset({"while", "although", "though", "whereas"})


def _scene_spans(sent: Any) -> list[tuple[int, int]]:
    """Character spans of the sentence's concessive clauses ("while X said ...", "even as Y described ...")."""
    out = []
    for tok in sent:
        # a clause of the sentence's own verb ("He noted that while ..., ..." keeps the while inside what he noted)
        if tok.dep_ != "advcl" or tok.head.dep_ not in {"ROOT", "conj"}:
            continue
        marks = [c for c in tok.children if c.dep_ == "mark"]
        if any(m.lower_ in _CONCESSIVE or (m.lower_ == "as" and m.i > 0 and sent.doc[m.i - 1].lower_ == "even")
               for m in marks):
            sub = list(tok.subtree)
            out.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return out


def _asks_whether(verb: Any) -> bool:
    """"... or whether China had responded": the verb asks whether someone spoke; it attributes nothing."""
    return any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in verb.children)


def _names_person(sent: Any, ents: DocEnts, name: str) -> bool:
    """The sentence names the person ``name``, in full or in part: "Vega asserted ..." names Gregory A. Vega, whom
    the speaker records call by his full name, so a "he" in the next sentence is Vega."""
    key = name_key(name)
    if key and any(e.label_ == "PERSON" and (k := name_key(e.text)) and set(k) <= set(key) and k[-1] == key[-1]
                   for e in ents.of(sent)):
        return True  # "Vega" names Gregory A. Vega; "Ormond" does not name "Mr. Ormond's adoring fans"
    # the tagger may take the lone surname for a place or an organisation ("Vega asserted"): the surname of a
    # person the article names in full is that person
    words = name.split()
    return len(words) > 1 and any(t.text == words[-1] and ents.full_names_ending(t.text) for t in sent)


def _pronoun_speaker(sent: Any) -> bool:
    """"he said" / "she told CNN": a reporting verb whose subject is a third-person pronoun."""
    for tok in sent:
        if tok.lemma_.lower() in REPORTING and tok.pos_ == "VERB" and any(
                c.dep_ == "nsubj" and c.lower_ in {"he", "she"} for c in tok.children):
            return True
    return False


def _parse_sources(sent: Any, ents: DocEnts) -> list[tuple[str, Any]]:
    """Attribution phrases in order of strength: "according to X", "citing X", subjects of reporting verbs."""
    found: list[tuple[str, Any]] = []
    for tok in sent:
        low = tok.lower_
        if low == "according":
            for to in tok.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        span = sent.doc[obj.left_edge.i: obj.right_edge.i + 1]
                        found.append((_span_name(span, ents), span))
        elif low in {"citing", "quoting"} or (tok.lemma_ == "cite" and tok.dep_ in {"relcl", "acl", "advcl"}):
            for obj in tok.children:
                if obj.dep_ in {"dobj", "obj"}:
                    span = sent.doc[obj.left_edge.i: obj.right_edge.i + 1]
                    if low == "citing" and not _sourcelike(span, ents):
                        continue  # "he resigned, citing his health": a reason given, not a source
                    found.append((_span_name(span, ents), span))
        elif ((tok.lemma_.lower() in REPORTING and tok.pos_ == "VERB") or (
                tok.lemma_.lower() in _DISMISSING and tok.pos_ == "VERB" and DENY_RE.search(sent.text))) and not (
                _asks_whether(tok)):
            for subj in tok.children:
                if subj.dep_ == "nsubjpass" and tok.lemma_.lower() not in {"quote", "cite"}:
                    # "lawmakers were told that ...": the listeners; "the fees were first reported by a newspaper":
                    # what was reported. The agent speaks, where the sentence names one ("X was quoted as saying":
                    # X speaks)
                    subj = agent_of(tok)
                    if subj is None:
                        continue
                if subj.dep_ in {"nsubj", "nsubjpass", "pobj"} and subj.pos_ != "PRON":
                    span = sent.doc[subj.left_edge.i: subj.right_edge.i + 1]
                    found.append((_span_name(span, ents), span))
        elif tok.lemma_.lower() in {"speak", "talk"} and tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
            # "X characterized the claims, speaking to the Times": who speaks is the subject of the clause it
            # qualifies, not the outlet spoken to
            for subj in tok.head.children:
                if subj.dep_ == "nsubj" and subj.pos_ != "PRON":
                    span = sent.doc[subj.left_edge.i: subj.right_edge.i + 1]
                    found.append((_span_name(span, ents), span))
    # subjects of reporting verbs whose own object is an outlet ("X told CNN") stay people; order: outlets last
    return found
