"""Who spoke: speakers of attributions resolved to corpus entities, outlets, groups and descriptions.

Pronouns go to the nearest earlier named person whose gender agrees (learnt from the article's own use of "he"
and "she" after each name, and from honorifics and gendered role nouns), "they" to the last group, role nouns
("the minister") to the person last given that role, and "the newspaper" to the last outlet named.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsprism.extract.cues import MEDIA_NOUNS
from newsprism.extract.docindex import DocEnts
from newsprism.extract.entities import EntityIndex, person_like
from newsprism.extract.outlets import looks_like_outlet
from newsprism.extract.sources import is_anonymous_source, media_group

if TYPE_CHECKING:
    from newsprism.extract.quotes import Attribution

_INSTITUTIONS = frozenset({"house", "senate", "white", "congress", "parliament", "supreme", "court", "state",
                           "cabinet", "city", "county", "pentagon", "kremlin"})

ROLE_NOUNS = frozenset([
    "expert", "analyst", "minister", "spokesman", "spokeswoman", "spokesperson", "official", "president",
    "diplomat", "professor", "researcher", "economist", "senator", "governor", "ambassador", "chancellor",
    "secretary", "director", "general", "envoy", "lawmaker", "prosecutor", "lawyer", "attorney", "judge",
    "candidate", "leader", "chief", "adviser", "advisor", "scientist", "doctor", "commander", "mayor", "premier",
    "chairman", "chairwoman", "ceo", "executive", "founder", "author", "officer", "representative", "source",
    "justice", "speaker", "commissioner", "sheriff", "congressman", "congresswoman", "whip", "counsel", "coach",
    "inspector", "detective"
])
_EXPERTISE = frozenset({"expert", "analyst", "researcher", "economist", "scientist", "professor"})
"""Roles of expertise, not office: "the expert" re-names the expert quoted last, whatever the article called him."""
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself"})
OUTLET_ANAPHORS = frozenset({"newspaper", "paper", "daily", "agency", "broadcaster", "outlet", "network",
                             "channel", "magazine", "publication", "tabloid", "station", "website"})


_FEMALE = frozenset({"she", "her", "hers", "herself"})
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE_WORDS = frozenset({"mrs", "ms", "miss", "dame", "lady", "madam", "spokeswoman", "chairwoman",
                           "businesswoman", "congresswoman", "councilwoman", "policewoman", "actress", "mother",
                           "wife", "daughter", "sister", "widow", "queen", "princess", "grandmother", "aunt"})
_MALE_WORDS = frozenset({"mr", "sir", "lord", "spokesman", "chairman", "businessman", "congressman", "councilman",
                         "policeman", "father", "husband", "son", "brother", "widower", "king", "prince",
                         "grandfather", "uncle"})


@dataclass(slots=True)
class _Salience:
    """What a pronoun or a role noun may point back to, in text order."""

    people: list[tuple[int, str, str | None, str]] = field(default_factory=list)  # (pos, name, id, context)
    subjects: dict[int, int] = field(default_factory=dict)  # pos of a main clause's subject (or a speaker) -> sentence
    groups: list[tuple[int, Attribution]] = field(default_factory=list)
    outlets: list[tuple[int, str]] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)  # name -> "f" | "m", where the article shows it
    ents: DocEnts | None = None  # the doc's entities by position (``Span.ents`` scans them all)
    sentences: list[int] = field(default_factory=list)  # start offsets of the doc's sentences
    quoted: list[tuple[int, int]] = field(default_factory=list)  # character spans inside quotation marks
    objects: dict[int, set[str]] = field(default_factory=dict)  # sentence -> genders of its object pronouns

    def in_quote(self, pos: int) -> bool:
        k = bisect_right(self.quoted, pos, key=lambda span: span[0]) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def ents_of(self, span: Any) -> list[Any]:
        return self.ents.of(span) if self.ents is not None else list(span.ents)

    def last_person(self, pos: int, role: str | None = None, pronoun: str | None = None,
                    sentence: int | None = None) -> tuple[str, str | None] | None:
        """The nearest earlier person (with the role, when given: one with it, or for a role of expertise the last
        person named); for a pronoun, the nearest whose gender does not contradict it."""
        cands = [p for p in self.people if p[0] < pos]
        if role:
            with_role = [p for p in cands if _has_role(p[3], role)]
            if with_role:
                return with_role[-1][1], with_role[-1][2]
            if role not in _EXPERTISE:
                # "the governor tweeted" where nobody named is the governor: the role itself, not whoever spoke
                # last; "the expert said" after an analyst is named stays that analyst
                return None
        if pronoun:
            # a person the speaker talks about inside a quotation ("the people that elected Nancy Pelosi didn't
            # elect her to play games," she said) is not who says it
            cands = [p for p in cands if not self.in_quote(p[0])] or cands
            want = "f" if pronoun in _FEMALE else "m" if pronoun in _MALE else None
            fits = [p for p in cands if want is None or self.gender.get(p[1], want) == want]
            cands = fits or cands
            if cands and sentence is not None:
                # a pronoun in a later sentence continues the main subject of the sentence before, not a person
                # named further in ("Trump said he appreciates Mueller releasing a statement disputing a report
                # claiming Trump directed Michael Cohen to lie." / "'...,' he told reporters": Trump)
                last = self.subjects.get(cands[-1][0], _sentence_of(self, cands[-1][0]))
                if last < sentence:
                    subj = [p for p in cands if self.subjects.get(p[0]) == last]
                    named = {p[1] for p in cands if _sentence_of(self, p[0]) == last}
                    if subj and want is not None and want in self.objects.get(last, set()) and len(named) == 1:
                        # "Hale asked her about the files. 'They were never lost,' she said": the "her" Hale asked
                        # is someone else, and she is who answers
                        others = [p for p in cands if p[1] not in {q[1] for q in subj}]
                        if others:
                            return others[-1][1], others[-1][2]
                    elif subj:
                        return subj[-1][1], subj[-1][2]
        return (cands[-1][1], cands[-1][2]) if cands else None

    def last_group(self, pos: int) -> Attribution | None:
        cands = [a for p, a in self.groups if p < pos]
        return cands[-1] if cands else None

    def last_outlet(self, pos: int) -> str | None:
        cands = [o for p, o in self.outlets if p < pos]
        return cands[-1] if cands else None


def _before(doc: Any, ent: Any) -> list[Any]:
    """Up to five words before a name that may describe it ("the minister, X", "President X"), stopping at a verb
    or another name: in "said President Trump had directed Michael Cohen" the title is Trump's, not Cohen's."""
    out: list[Any] = []
    for t in reversed(doc[max(ent.start - 5, ent.sent.start):ent.start]):
        if t.pos_ in {"VERB", "AUX"} or (t.ent_type_ == "PERSON" and t.ent_iob_ != "O"):
            break
        out.append(t)
    return out[::-1]


# Words that make a role another office: a vice president, a deputy minister or a former governor is not "the
# president", "the minister" or "the governor" a later sentence names.
_OTHER_OFFICE = frozenset({"vice", "deputy", "former", "ex", "assistant", "associate", "under", "lieutenant", "co"})


def _has_role(context: str, role: str) -> bool:
    """Whether a person's context gives them the role: "the president" is not "the president's former lawyer",
    nor "Vice President Mike Pence"."""
    for m in re.finditer(rf"\b{re.escape(role)}\b(?! ?(?:'s|’s|')(?:\s|$))", context):
        before = re.findall(r"[a-z]+", context[: m.start()])
        if not before or before[-1] not in _OTHER_OFFICE:
            return True
    return False


def _sentence_of(sal: _Salience, pos: int) -> int:
    """The index of the sentence holding character ``pos``."""
    return max(0, bisect_right(sal.sentences, pos) - 1)


def _salience(doc: Any, article_id: str, index: EntityIndex | None, outlets: Any) -> _Salience:
    sal = _Salience(ents=DocEnts(doc), sentences=[sent.start_char for sent in doc.sents], quoted=_quoted_spans(doc))
    mentions: list[tuple[int, str, int]] = []  # (token index, name, sentence start) of every person mention
    for ent in doc.ents:
        root = ent.root
        o = outlets.canonical(ent.text) if ent.label_ in {"ORG", "WORK_OF_ART", "PERSON", "GPE"} else None
        if o is None and ent.label_ in {"ORG", "WORK_OF_ART"} and looks_like_outlet(ent.text):
            o = re.sub(r"^(?:the|The)\s+", "", ent.text.strip())
        if o:
            sal.outlets.append((ent.start_char, o))
            continue
        if not person_like(ent):
            continue
        name, eid = _canonical(ent.text, ent.start_char, article_id, index, "PERSON")
        mentions.append((ent.start, name, ent.sent.start))
        _gender_words(doc, ent, name, sal.gender)
        head = root
        while (head.dep_ in {"compound", "appos", "flat"} or _mis_hung(head)) and head.head.i != head.i:
            head = head.head
        if head.dep_ in {"nsubj", "nsubjpass", "pobj", "dobj", "attr"} or (
                head.i == root.i and root.dep_ == "ROOT"):
            if head.dep_ == "pobj" and head.head.lower_ not in {"to", "by"}:
                continue
            ctx = " ".join(t.lemma_.lower() for t in _before(doc, ent))
            # the apposition's words, without its possessor ("X, the president's lawyer" is a lawyer)
            ctx += " " + " ".join(t.lemma_.lower() for t in root.subtree if t.dep_ in {"appos"} or
                                  (t.head.dep_ == "appos" and t.dep_ != "poss"))
            sal.people.append((ent.start_char, name, eid, ctx))
            if head.dep_ in {"nsubj", "nsubjpass"} and head.head.dep_ == "ROOT":  # the main clause's subject
                sal.subjects[ent.start_char] = _sentence_of(sal, ent.start_char)
    _bare_surnames(doc, mentions, sal)
    _pronoun_genders(doc, mentions, sal)
    for tok in doc:
        low = tok.lower_
        if (tok.pos_ == "PRON" and tok.dep_ in {"dobj", "dative"} and tok.head.dep_ == "ROOT"
                and low in {"him", "her"} and not sal.in_quote(tok.idx)):
            sal.objects.setdefault(_sentence_of(sal, tok.idx), set()).add("f" if low == "her" else "m")
    return sal


def _mis_hung(tok: Any) -> bool:
    """A name the parser hung on the noun of its own "of" phrase: in "Inspector Leon Mardle of Saltmere police
    said", "police" became the subject and the inspector its modifier; the name is who the phrase is."""
    return tok.dep_ == "nmod" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _bare_surnames(doc: Any, mentions: list[tuple[int, str, int]], sal: _Salience) -> None:
    """A person named again by surname alone as a clause's subject, where the entity recogniser missed it or took
    it for a place ("Pelosi, who is expected to return to the speakership, intends ..."): a mention of the one
    person named before with that surname, so a "she" after it points to her, not to the last person the
    recogniser saw."""
    known: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for i, name, _ in mentions:
        last = name.split()[-1] if name.split() else ""
        if len(name.split()) > 1 and last[:1].isupper():
            known.setdefault(last, set()).add(name)
            first[name] = min(first.get(name, i), i)
    if not known:
        return
    added = False
    for tok in doc:
        names = known.get(tok.text)
        if (not names or len(names) != 1 or tok.pos_ != "PROPN" or tok.dep_ not in {"nsubj", "nsubjpass"}
                or not (tok.ent_iob_ == "O" or (tok.ent_iob_ == "B" and tok.ent_type_ != "PERSON"
                                                and (tok.i + 1 == len(doc) or doc[tok.i + 1].ent_iob_ != "I")))):
            continue  # a surname the recogniser left out or took for a place or an organisation on its own
        name = next(iter(names))
        if first[name] >= tok.i:
            continue
        mentions.append((tok.i, name, tok.sent.start))
        sal.people.append((tok.idx, name, None, ""))
        if tok.head.dep_ == "ROOT":
            sal.subjects[tok.idx] = _sentence_of(sal, tok.idx)
        added = True
    if added:
        mentions.sort()
        sal.people.sort(key=lambda p: p[0])


def _gender_words(doc: Any, ent: Any, name: str, gender: dict[str, str]) -> None:
    """"Mrs Ada Roe", "Ada Roe, a spokeswoman for ...": the honorific or role noun says the gender."""
    near = [doc[ent.start - 1]] if ent.start > 0 else []
    near += [t for t in ent.root.subtree if t.dep_ == "appos" or t.head.dep_ == "appos"]
    if ent.root.dep_ == "appos":
        near.append(ent.root.head)
    words = {t.lower_.rstrip(".") for t in near}
    if words & _FEMALE_WORDS and not words & _MALE_WORDS:
        gender.setdefault(name, "f")
    elif words & _MALE_WORDS and not words & _FEMALE_WORDS:
        gender.setdefault(name, "m")


_OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj", "obj"})
_REFLEXIVE_PRONOUNS = frozenset({"himself", "herself"})


def _quoted_spans(doc: Any) -> list[tuple[int, int]]:
    """Character spans inside quotation marks, each ending at its closing mark or the paragraph's end."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for tok in doc:
        if start is None and (tok.text in {"“", "«"} or tok.text == '"'):
            start = tok.idx
        elif start is not None and (tok.text in {"”", "»", '"'} or "\n" in tok.text_with_ws):
            spans.append((start, tok.idx))
            start = None
    if start is not None:
        spans.append((start, len(doc.text)))
    return spans


def _pronoun_genders(doc: Any, mentions: list[tuple[int, str, int]], sal: _Salience) -> None:
    """Learn each person's gender from the pronouns that follow their name where no other person is named in
    between or in the same stretch (the name's sentence and the next one, one paragraph): a majority vote per
    name."""
    votes: dict[str, list[int]] = {}
    j = 0
    text = doc.text  # Doc.text joins every token: once per doc, not once per pronoun
    for tok in doc:
        low = tok.lower_
        # pronouns inside quotation marks are the speaker's own and point anywhere
        if (low not in _FEMALE and low not in _MALE) or tok.pos_ != "PRON" or sal.in_quote(tok.idx) or (
                tok.dep_ in _OBJECT_DEPS and low not in _REFLEXIVE_PRONOUNS):
            # an object pronoun is mostly someone else: "Rep. Joseph Crowley asked her" says nothing of Crowley
            continue
        while j < len(mentions) and mentions[j][0] < tok.i:
            j += 1
        if j == 0:
            continue
        _i, name, sent_start = mentions[j - 1]
        prev_sent = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
        if sent_start < prev_sent or "\n" in text[doc[_i].idx:tok.idx]:
            continue  # the name is too far back, or in another paragraph (often another speaker's turn)
        rivals = {n for _k, n, s in mentions[:j] if s >= prev_sent and n != name}
        if rivals:
            continue
        v = votes.setdefault(name, [0, 0])
        v[0 if low in _FEMALE else 1] += 1
    for name, (f, m) in votes.items():
        if name not in sal.gender and f != m:
            sal.gender[name] = "f" if f > m else "m"


def _canonical(text: str, start: int, article_id: str, index: EntityIndex | None,
               label: str) -> tuple[str, str | None]:
    if index is not None:
        e = index.at(article_id, start)
        if e is not None:
            return e.name, e.id
    from newsprism.extract.entities import clean_name

    return clean_name(text, label), None


def resolve_speakers(doc: Any, items: list[Attribution], *, article_id: str, index: EntityIndex | None,
                      outlets: Any) -> None:
    sal = _salience(doc, article_id, index, outlets)
    for a in items:
        f = a.frame
        if f is None or f.source_i is None:
            continue
        tok_i = f.relay_i if f.relay_i is not None else f.source_i
        who = _who(doc, doc[tok_i], article_id, index, outlets, sal)
        if f.relay_i is not None:
            carrier = _who(doc, doc[f.source_i], article_id, index, outlets, sal)
            a.via = carrier[0]
        a.speaker, a.speaker_entity_id, a.speaker_kind, a.anonymous = who
        if a.speaker_kind == "outlet" and f.relay_i is None:
            # an outlet's own reporting has no speaker behind it that the text names: it came via the outlet
            a.via, a.speaker, a.speaker_entity_id = a.speaker, None, None
        if a.via is None and f.via_i is not None:
            a.via = _via(doc, doc[f.via_i], outlets, sal)
        if a.via is None and f.cue_lemma == "quote" and f.via_i is None:
            a.via = sal.last_outlet(f.cue[0])  # "was quoted as saying" in a report on another outlet's story
        if a.speaker_kind == "person" and a.speaker:
            pos = a.start if a.cue is None else a.cue[0]
            sal.people.append((pos, a.speaker, a.speaker_entity_id, _context(doc[f.source_i])))
            sal.subjects[pos] = _sentence_of(sal, doc[f.source_i].idx)  # a speaker is its sentence's subject
        elif a.speaker and a.speaker_kind == "group":
            sal.groups.append((a.cue[0] if a.cue else a.start, a))
        sal.people.sort(key=lambda p: p[0])


def _context(tok: Any) -> str:
    return " ".join(t.lemma_.lower() for t in tok.subtree)


def _phrase(tok: Any) -> Any:
    """The noun phrase headed by tok: its compounds, modifiers and prepositional tail (no clauses)."""
    cut = {"relcl", "acl", "appos"} if tok.pos_ == "PROPN" or tok.ent_type_ else {"relcl", "acl"}
    toks = [t for t in tok.subtree if not any(a.dep_ in cut and a.i != tok.i and
                                                tok.is_ancestor(a) for a in [t, *t.ancestors] if a.i != tok.i)]
    # "Trump himself said": the reflexive stresses who spoke, it is not part of the name
    toks = [t for t in toks if not (t.is_punct and t.text not in {"-", "'", "’"}) and t.lower_ not in REFLEXIVES]
    # "Stone on Friday said": when a named source spoke is not part of its name. Narrower than claims._span_name's
    # rule (any modifier holding a date): here only a date that is the modifier's own object goes, so "One of the
    # highest-profile Republicans in the House" keeps its tail
    timed = {t.i for c in tok.children if tok.text[:1].isupper() and (
             (c.dep_ == "npadvmod" and c.ent_type_ in {"DATE", "TIME"})
             or (c.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in {"DATE", "TIME"} for o in c.children)))
             for t in c.subtree}
    toks = [t for t in toks if t.i not in timed]
    if not toks:
        return tok.doc[tok.i:tok.i + 1]
    lo = min(t.i for t in toks)
    hi = max(t.i for t in toks)
    # stop at the first comma after the head (an apposition or parenthetical) after a name
    for t in tok.doc[tok.i:hi + 1]:
        if t.text == "," and t.i > tok.i and "appos" in cut:
            hi = t.i - 1
            break
    return tok.doc[lo:hi + 1]


def _who(doc: Any, tok: Any, article_id: str, index: EntityIndex | None, outlets: Any,
         sal: _Salience) -> tuple[str | None, str | None, str | None, bool]:
    """(speaker, entity id, kind, anonymous) for the source token; kind is person, outlet, org, place or group."""
    low = tok.lower_
    if low in {"he", "she", "him", "her"}:
        p = sal.last_person(tok.idx, pronoun=low, sentence=_sentence_of(sal, tok.idx))
        return (p[0], p[1], "person", False) if p else (None, None, None, False)
    if low in {"they", "them"}:
        g = sal.last_group(tok.idx)
        if g is not None:
            return g.speaker, g.speaker_entity_id, "group", g.anonymous
        return None, None, None, False
    if low in {"i", "we", "you", "it", "this", "that", "who", "which"}:
        return None, None, None, False
    span = _phrase(tok)
    for ent in sal.ents_of(span):
        if person_like(ent) and outlets.canonical(ent.text) is None and _names_head(ent, tok):
            name, eid = _canonical(ent.text, ent.start_char, article_id, index, "PERSON")
            return name, eid, "person", False
    full = sal.ents.named_in_full(span, tok) if sal.ents is not None else None
    if full is not None:
        # "Fox said" where the article names Vicente Fox: the man, not the network
        named = doc[full[0]:full[1]]
        name, eid = _canonical(named.text, named.start_char, article_id, index, "PERSON")
        return name, eid, "person", False
    # an outlet is a name: "the time who claimed" (a misparse of "at the time") is no Time magazine
    outlet = (outlets.canonical(span.text) or next(
        (outlets.canonical(e.text) for e in sal.ents_of(span) if outlets.canonical(e.text)), None)
              ) if _named(span) else None
    if outlet:
        org = index.find(article_id, outlet, "ORG") if index else None
        eid = org.id if org else None
        return outlet, eid, "outlet", False
    det = next((c.lower_ for c in tok.children if c.dep_ in {"det", "poss"}), None)
    has_propn = any(t.pos_ == "PROPN" for t in span)
    if tok.lemma_.lower() in OUTLET_ANAPHORS and det == "the" and not has_propn:
        o = sal.last_outlet(tok.idx)
        if o:
            return o, None, "outlet", False
    # "the House speaker", "the Senate majority leader": an institution's name is part of the role, not a name
    others = [t for t in span if t.pos_ == "PROPN" and t.i != tok.i and t.lower_ not in _INSTITUTIONS]
    if (tok.lemma_.lower() in ROLE_NOUNS and det == "the" and tok.tag_ in {"NN", "NNP"} and not others
            and len(span) <= 3):
        p = sal.last_person(tok.idx, role=tok.lemma_.lower())
        if p:
            return p[0], p[1], "person", False
        g = sal.last_group(tok.idx)
        if g is not None and g.speaker and any(w.startswith(tok.lemma_.lower()) for w in g.speaker.lower().split()):
            return g.speaker, g.speaker_entity_id, "group", g.anonymous  # the unnamed source named before
    group = media_group(span)
    if group:
        return group, None, "outlet", False
    # "Stone" tagged as a noun is still a name; "Trump and the White House" is more than Trump
    if ((tok.pos_ == "PROPN" or tok.text[:1].isupper()) and index is not None
            and not any(c.dep_ == "conj" for c in tok.children)):
        known = index.find(article_id, span.text, "PERSON") or index.find(article_id, tok.text, "PERSON")
        if known is not None:
            return known.name, known.id, "person", False
    for ent in sal.ents_of(span):
        if ent.root.i == tok.i and ent.label_ in {"ORG", "GPE", "NORP", "FAC"}:
            name, eid = _canonical(ent.text, ent.start_char, article_id, index, ent.label_)
            return name, eid, "place" if ent.label_ in {"GPE", "FAC"} else "org", False
    titled = _titled_name(span, tok)
    if titled:  # "said House Minority Whip Steny Hoyer": a name after its titles that the recogniser missed
        return titled, None, "person", False
    description = re.sub(r"\s+", " ", span.text).strip()
    subtree_text = " ".join(t.text for t in tok.subtree)
    anon = is_anonymous_source(tok, subtree_text)
    return description, None, "group", anon


def _titled_name(span: Any, tok: Any) -> str | None:
    """A proper name of two or three words after one or more titles, all capitalised words: the person."""
    from newsprism.extract.entities import TITLES, clean_name

    if tok.pos_ == "PROPN" and tok.lower_.rstrip(".") in TITLES:
        # "said House Minority Whip Steny Hoyer (D-Md.)": the title heads the phrase, the name hangs off it
        name_tok = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if name_tok is not None:
            tok, span = name_tok, tok.doc[name_tok.left_edge.i:name_tok.i + 1]
            words = [t for t in span if not t.is_punct]
            name = clean_name(span.text, "PERSON")
            if 2 <= len(name.split()) <= 3 and all(t.pos_ == "PROPN" for t in words):
                return name
    if tok.pos_ != "PROPN" or not span.start <= tok.i < span.end:
        return None
    head = span.doc[span.start:tok.i + 1]  # up to the name's last word: "Steny Hoyer (D-Md.)" is Steny Hoyer
    words = [t for t in head if not t.is_punct]
    if not words or any(t.pos_ != "PROPN" and not t.text[:1].isupper() for t in words):
        return None
    name = clean_name(head.text, "PERSON")
    parts = name.split()
    if not 2 <= len(parts) <= 3 or len(parts) == len(words) or not all(p[:1].isupper() for p in parts):
        return None
    return name


def _names_head(ent: Any, tok: Any) -> bool:
    """Whether a person named in the source's phrase is the source: the head's own name ("Rudy Giuliani"), or in
    apposition to it ("a spokesman, Peter Carr"); not a person the phrase only mentions ("one person familiar with
    Mr. Cohen's testimony", "a lawyer for Mr. Trump", "Trump's lawyer")."""
    if ent.start <= tok.i < ent.end:
        return True
    root = ent.root
    return (root.dep_ == "appos" and root.head.i == tok.i) or (tok.dep_ == "appos" and tok.head.i == root.i)


def _named(span: Any) -> bool:
    """The phrase has a capitalised word besides its article: it can name an outlet."""
    return any(t.text[:1].isupper() for t in span if t.lower_ not in {"the", "a", "an"})


def _via(doc: Any, tok: Any, outlets: Any, sal: _Salience) -> str | None:
    """The outlet or medium words came through: an outlet's name, "the newspaper", or "state television"."""
    span = _phrase(tok)
    o = outlets.canonical(span.text) or next((outlets.canonical(e.text) for e in sal.ents_of(span)
                                              if outlets.canonical(e.text)), None) if _named(span) else None
    if o:
        return o
    det = next((c.lower_ for c in tok.children if c.dep_ == "det"), None)
    if tok.lemma_.lower() in OUTLET_ANAPHORS and det == "the" and not any(t.pos_ == "PROPN" for t in span):
        found = sal.last_outlet(tok.idx)
        if found:
            return found
    words = {t.lemma_.lower() for t in span}
    if words & MEDIA_NOUNS:
        name = [t for t in span if t.pos_ == "PROPN" and t.lemma_.lower() not in MEDIA_NOUNS and t.i >= tok.i - 1]
        return name[-1].text if name and name[-1].i == tok.i else re.sub(r"^(the|a|an)\s+", "", span.text,
                                                                         flags=re.I)
    group = media_group(span)
    if group:
        return group
    if tok.pos_ == "PROPN" and det == "the" and len([t for t in span if t.pos_ == "PROPN"]) == 1:
        found = next((o for _p, o in reversed(sal.outlets) if o.split()[-1].lower() == tok.lower_), None) or (
            outlets.short_form(tok.text) if hasattr(outlets, "short_form") else None)
        if found:
            return found  # "the Ledger": the outlet named in full before
    if tok.ent_type_ == "ORG" and tok.pos_ == "PROPN":
        return span.text
    return None


