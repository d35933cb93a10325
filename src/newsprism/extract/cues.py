"""Attribution cues over a spaCy dependency parse: who (source span) says (cue) what (content spans).

General English reporting grammar, no names: a reporting verb with its subject and clausal complement
("X said that ..."), the inverted and parenthetical orders ("..., X said"; "..., said X"), "according to X",
the passive "X was quoted as saying", and "Y quoted X as stating". Quotation marks are handled in quotes.py; this
module finds the grammatical frame the marks attach to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from newsprism.extract.docindex import Intervals

SPEECH_VERBS = frozenset([
    "say", "tell", "add", "claim", "deny", "warn", "insist", "note", "state", "report", "confirm", "announce",
    "explain", "argue", "acknowledge", "admit", "assert", "declare", "stress", "emphasize", "emphasise", "indicate",
    "reveal", "recall", "complain", "urge", "allege", "contend", "maintain", "concede", "respond", "reply",
    "remark", "observe", "comment", "mention", "disclose", "testify", "assure", "caution", "predict", "write",
    "tweet", "post", "told", "suggest", "point", "repeat", "reiterate", "underline", "underscore", "affirm",
    "agree", "answer", "describe", "estimate", "promise", "pledge", "vow", "threaten", "boast", "brag", "joke",
    "quip", "lament", "charge", "accuse", "criticize", "criticise", "question", "dispute", "reject", "counter",
    "propose", "recommend", "advise", "inform", "notify", "signal", "hint", "conclude", "concede", "speculate",
    "wonder", "ask", "demand", "announce", "acknowledge", "blame", "praise", "welcome", "dismiss", "decry",
    "condemn", "retort", "rebut", "shout", "yell", "whisper", "exclaim", "murmur"
])
"""Verbs that report speech (general English reporting verbs)."""

BELIEF_VERBS = frozenset([
    "think", "believe", "feel", "expect", "hope", "fear", "know", "want", "worry", "doubt", "suspect", "assume",
    "guess", "imagine", "consider", "see", "find", "learn", "understand", "realize", "realise", "wish", "intend",
    "plan", "prefer", "anticipate", "reckon", "suppose", "judge", "view", "regard"
])
"""Verbs that report a state of mind (PolNeAR and PARC annotate these too; quotes do not)."""

PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "it", "we", "i", "you"})
_FRAME_VERBS = frozenset({"quote", "cite"})


@dataclass(frozen=True, slots=True)
class Frame:
    """One attribution found in the parse. Spans are (start, end) character offsets into the Doc text."""

    cue: tuple[int, int]
    cue_lemma: str
    cue_i: int
    source_i: int | None
    source: tuple[int, int] | None
    content: tuple[tuple[int, int], ...]
    kind: str  # speech | belief | according_to
    via_i: int | None = None  # the token of an outlet or medium the words came through (told CNN, on TV)
    relay_i: int | None = None  # "citing X": the original source X when the subject only relays it


def _span(tokens: list[Any]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


COMPLEMENTIZERS = frozenset({"that", "whether", "if"})
"""Words that open a reported clause; they belong to the content ("said that ...", as PARC and PolNeAR mark it).
Quote text drops a leading "that" for readers (quotes.to_quotes)."""


_CLOSE_MARKS = frozenset({"”", '"', "’", "''"})


def _trim(tokens: list[Any]) -> list[Any]:
    """Drop leading/trailing punctuation and conjunctions; keep a complementiser that opens the clause."""
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in {"mark", "cc"} or tokens[0].lower_ == ","):
        if tokens[0].text in {"“", '"', "‘", "''"}:
            break
        if tokens[0].dep_ == "mark" and tokens[0].lower_ in COMPLEMENTIZERS and tokens[0].head.dep_ in {
                "ccomp", "xcomp", "acl", "relcl", "advcl", "conj"} and len(tokens) > 1:
            break
        tokens = tokens[1:]
    while tokens and ((tokens[-1].is_punct and tokens[-1].text not in _CLOSE_MARKS) or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    return tokens


def _tokens_without(tok: Any, drop: list[Any]) -> list[Any]:
    """The subtree of tok minus the subtrees of the tokens in drop (contiguity not required)."""
    gone: set[int] = set()
    for d in drop:
        gone.update(t.i for t in d.subtree)
    return [t for t in tok.subtree if t.i not in gone]


def _contiguous(tokens: list[Any]) -> list[list[Any]]:
    """Split sorted tokens into runs of adjacent tokens."""
    runs: list[list[Any]] = []
    for t in sorted(tokens, key=lambda t: t.i):
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def _spans(tokens: list[Any], min_tokens: int = 2) -> tuple[tuple[int, int], ...]:
    out = []
    for run in _contiguous(tokens):
        run = _trim(run)
        if len([t for t in run if not t.is_punct]) >= min_tokens:
            out.append(_span(run))
    return tuple(out)


def _subject(verb: Any) -> Any | None:
    """The grammatical subject of a verb, inherited through conjunction and open complements."""
    seen = 0
    tok = verb
    while tok is not None and seen < 4:
        for c in tok.children:
            if c.dep_ in {"nsubj", "nsubjpass", "csubj"}:
                if c.lower_ in {"who", "that"} and tok.dep_ == "relcl":
                    return _antecedent(tok.head) if c.lower_ == "who" else tok.head  # "Jones, who said ..."
                return c
        if tok.dep_ in {"conj", "xcomp", "advcl"} and tok.head.i != tok.i:
            tok = tok.head
            seen += 1
            continue
        if tok.dep_ == "acomp" and tok.head.pos_ in {"VERB", "AUX"}:
            tok = tok.head  # "Okonkwo was quick to retort": the subject of "was"
            seen += 1
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in {"VERB", "AUX"}:
            tok = tok.head.head  # "won the vote by promising ...": the subject of "won"
            seen += 1
            continue
        return None
    return None


# Nouns a "who" never stands for, which a misparse may hang the clause on ("teenagers at the time who claimed")
_NOT_WHO = frozenset({"time", "day", "year", "week", "month", "moment", "point", "age", "period", "era", "stage"})


def _antecedent(noun: Any) -> Any | None:
    """The noun a "who" clause stands for: the one it hangs off, or, where that is a time ("women who were
    teenagers at the time who claimed ..."), the noun of the clause around it; None when there is none."""
    if noun.lemma_.lower() not in _NOT_WHO:
        return noun
    up = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
    return up.head if up is not None and up.dep_ == "relcl" and up.head.pos_ in {"NOUN", "PROPN"} else None


def _is_passive(verb: Any) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def _via_of(verb: Any) -> int | None:
    """"told CNN", "in an email to X", "said on state television", "in an interview with X"."""
    for tok in verb.sent:  # "In an email to X, he wrote, “...”" (the phrase may hang off the quoted clause)
        if tok.lemma_ in _MESSAGES and tok.head.dep_ == "prep" and tok.head.lower_ in {"in", "during"}:
            inner = next((g for g in tok.children if g.dep_ == "prep" and g.lower_ in {"to", "with"}), None)
            target = next((g for g in inner.children if g.dep_ == "pobj"), None) if inner is not None else None
            if target is not None:
                return target.i
    for c in verb.children:
        if verb.lemma_ == "tell" and c.dep_ in {"dobj", "dative", "iobj"} and c.pos_ in {"PROPN", "NOUN"}:
            return c.i
        if c.dep_ == "prep" and c.lower_ in {"on", "to", "in", "with"}:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if c.lower_ in {"on", "to"} and pobj.pos_ in {"PROPN", "NOUN"} and (
                    pobj.pos_ == "PROPN" or pobj.lemma_ in MEDIA_NOUNS):
                return pobj.i
            if c.lower_ in {"in", "to"} and pobj.lemma_ in {"email", "e-mail", "interview", "statement", "letter",
                                                             "message", "call", "conversation", "post", "op-ed"}:
                inner = next((g for g in pobj.children if g.dep_ == "prep" and g.lower_ in {"to", "with"}), None)
                target = next((g for g in inner.children if g.dep_ == "pobj"), None) if inner is not None else None
                if target is not None:
                    return target.i
    return None


_MESSAGES = frozenset({"email", "e-mail", "interview", "statement", "letter", "message", "call", "conversation",
                       "post", "op-ed", "briefing"})
MEDIA_NOUNS = frozenset({
    "television", "tv", "radio", "channel", "broadcaster", "newspaper", "paper", "daily", "agency", "magazine",
    "website", "outlet", "network", "show", "program", "programme", "podcast", "broadcast", "media", "press",
    "tabloid", "weekly", "station", "twitter", "facebook", "telegram", "x", "instagram", "youtube", "tiktok",
})


def find_frames(doc: Any, *, beliefs: bool = False, quoted: list[tuple[int, int]] | None = None) -> list[Frame]:
    """Every attribution frame in the Doc; cues inside quotation marks (the speaker's own words) are skipped."""
    marks = Intervals(quoted or [])  # by bisection: a scan of every mark per token was quadratic in the article

    def inside_quote(tok: Any) -> bool:
        return marks.covers(tok.idx)

    frames: list[Frame] = []
    for sent in doc.sents:
        frame = _speaker_colon(sent)
        if frame is not None and not inside_quote(doc[frame.cue_i]):
            frames.append(frame)
    for tok in doc:
        if inside_quote(tok):
            continue
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            frame = _according_to(tok)
            if frame:
                frames.append(frame)
            continue
        if beliefs and tok.pos_ == "NOUN" and tok.lemma_.lower() in NOMINAL_CUES:
            frame = _noun_frame(tok)
            if frame:
                frames.append(frame)
                continue
        if tok.pos_ not in {"VERB", "AUX"} and not (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
            continue
        lemma = tok.lemma_.lower()
        if lemma in _FRAME_VERBS:
            frame = _quote_frame(tok)
            if frame:
                frames.append(frame)
            continue
        kind = "speech" if lemma in SPEECH_VERBS or _answered_back(tok) \
            else "belief" if beliefs and lemma in BELIEF_VERBS | STANCE_VERBS else None
        if kind is None:
            continue
        frame = _verb_frame(tok, kind, inside_quote, objects=beliefs)
        if frame:
            frames.append(frame)
    return _drop_nested(frames, doc)


def _answered_back(verb: Any) -> bool:
    """A retort told as a blow returned: "shot back", "fired back", "hit back", "snapped back"."""
    return verb.lemma_.lower() in {"shoot", "fire", "hit", "snap"} and any(
        c.dep_ in {"prt", "advmod"} and c.lower_ == "back" for c in verb.children)


_LABELS = frozenset({"photo", "update", "note", "source", "related", "read", "watch", "listen", "video", "exclusive",
                     "breaking", "opinion", "analysis", "live", "latest", "editor", "correction", "caption", "image",
                     "credit", "warning", "subscribe", "share", "tags", "topics", "sponsored", "advertisement"})
"""Page labels that a colon follows in news text ("Photo: ...", "Update: ..."): never a speaker."""


def _speaker_colon(sent: Any) -> Frame | None:
    """A name and a colon before what they said: headlines ("Smith: The plan will fail") and transcripts
    ("JANE ROE: Thank you."). The name is short, verbless and names a person, group or organisation."""
    toks = [t for t in sent if not t.is_space]
    colon = next((k for k, t in enumerate(toks[:7]) if t.text == ":"), None)
    if colon is None or colon == 0:
        return None
    lead = [t for t in toks[:colon] if not (t.is_punct and t.text not in {"'", "’", "-", "."})]
    rest = [t for t in toks[colon + 1:] if not t.is_space]
    if not lead or len(lead) > 5 or len([t for t in rest if not t.is_punct]) < 3:
        return None
    if any(t.pos_ in {"VERB", "AUX", "PRON", "NUM", "ADP"} or t.lower_ in _LABELS for t in lead):
        return None
    if not any(t.ent_type_ in {"PERSON", "ORG", "NORP"} for t in lead) or all(
            t.ent_type_ in {"GPE", "DATE", "TIME", "LOC"} for t in lead if t.pos_ == "PROPN"):
        return None
    text = sent.doc.text
    end = text.find("\n", toks[colon].idx)
    end = len(text) if end < 0 else end
    content = [t for t in sent.doc[toks[colon].i + 1:] if t.idx < end]
    head = max(lead, key=lambda t: (t.ent_type_ == "PERSON", t.pos_ == "PROPN", t.i))
    spans = _spans(content, 3)
    if not spans:
        return None
    return Frame(cue=_span([toks[colon]]), cue_lemma=":", cue_i=toks[colon].i, source_i=head.i,
                 source=_span(lead), content=spans, kind="speech")


def _verb_frame(verb: Any, kind: str, inside_quote: Callable[[Any], bool], *,
                objects: bool = False) -> Frame | None:
    """``objects``: with no clause reported, what the verb is about is the content ("announced a plan to ...",
    "praised her for ..."): PolNeAR-style attribution, not a quote."""
    if verb.dep_ in {"amod", "compound"}:
        return None
    subj = _subject(verb)
    if (subj is not None and inside_quote(subj)) or (subj is None and verb.i + 1 < len(verb.doc)):
        after = _inverted_subject(verb)  # "“...,” predicts Jane Roe, a professor"
        if after is not None:
            subj = after
    if verb.dep_ == "acl" and subj is None and verb.head.lemma_.lower() not in _NO_AGENT:
        subj = verb.head  # "officials stating that ..."
        if subj.lemma_.lower() in _MESSAGES and subj.dep_ == "dobj":
            # "the hospital issued a statement saying ...": who issued it
            subj = _subject(subj.head) or subj
    if subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == verb.i:
        # "lawmakers were told that ...": they heard it; "the fees were first reported by a newspaper": what was
        # reported. The agent speaks, if named
        subj = agent_of(verb)
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ in _FRAME_VERBS:
        return None  # "was quoted as saying": the quote frame covers it
    if any(c.dep_ == "neg" for c in verb.children) and verb.lemma_ not in {"deny"} and not objects:
        return None  # "did not say which": no statement is reported
    comps = [c for c in verb.children if c.dep_ == "ccomp" and c.i != getattr(subj, "i", -1)]
    if not comps and (verb.lemma_ in XCOMP_VERBS or kind == "belief"):
        comps = [c for c in verb.children if c.dep_ == "xcomp"]
    content: list[Any] = []
    for c in comps:
        content.extend(c.subtree)
    min_tokens = 2
    if not content and (objects or kind == "belief") and (objects or verb.lemma_ in STANCE_VERBS):
        min_tokens = 1 if verb.lemma_ not in _AUDIENCE_VERBS else 2  # "criticized Clinton": the one name counts
        # "criticized the plan as reckless", "praised her for ...": the object and what is said of it
        for c in verb.children:
            if c.dep_ in {"dobj", "attr", "oprd"} or (c.dep_ == "prep" and c.i > verb.i and c.lower_ in {
                    "for", "as", "of", "about", "on", "against", "over", "with"}):
                if _when_or_where(c):
                    continue
                content.extend(c.subtree)
    # "..., X said." / "..., said X": the reporting verb hangs off the reported clause.
    cue = _cue_span(verb)
    content, cue = _prep_into_cue(verb, content, cue)
    if not content and (_parenthetical(verb) or _inserted(verb)):
        content = _tokens_without(verb.head, [verb])
    if not content and not _has_quote_neighbour(verb):
        return None
    if subj is not None and subj.lower_ in {"it", "there"}:
        return None
    source = _source_span(subj) if subj is not None else None
    return Frame(cue=cue, cue_lemma=verb.lemma_.lower(), cue_i=verb.i,
                 source_i=subj.i if subj is not None else None, source=source,
                 content=_spans(content, min_tokens), kind=kind, via_i=_via_of(verb), relay_i=_relay(verb))


_NO_AGENT = frozenset({"evidence", "proof", "reason", "sign", "indication", "basis", "ground", "suggestion"})
"""Nouns a reporting verb can hang off without anyone speaking ("found no evidence to suggest ...")."""


def agent_of(verb: Any) -> Any | None:
    """The agent of a passive verb ("by the minister" -> "minister"), None when the sentence names none."""
    return next((g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)


_AUDIENCE_VERBS = frozenset({"say", "tell", "report", "respond", "post", "tweet", "write", "ask", "reply", "answer",
                             "comment", "inform", "notify", "remark", "announce", "state", "add"})
"""Speech verbs whose bare object is the audience, the medium or a filler ("told them", "posted it")."""


def _when_or_where(tok: Any) -> bool:
    """"on Sunday", "on Twitter", "with reporters": the occasion or channel of a statement, not its topic."""
    obj = tok if tok.dep_ != "prep" else next((g for g in tok.children if g.dep_ == "pobj"), None)
    if obj is None:
        return False
    return obj.ent_type_ in {"DATE", "TIME"} or obj.lemma_.lower() in MEDIA_NOUNS or obj.lower_ in {
        "reporters", "journalists", "camera", "air"}


def _prep_into_cue(head: Any, content: list[Any],
                   cue: tuple[int, int]) -> tuple[list[Any], tuple[int, int]]:
    """A preposition right after the cue belongs to it ("called for | a boycott", "support for | the bill"): the
    content is what the stance is about, as PolNeAR and PARC mark it."""
    if not content:
        return content, cue
    first = min(content, key=lambda t: t.i)
    if first.dep_ != "prep" or first.head.i != head.i or not 0 < first.i - head.i <= 3 or any(
            t.dep_ in {"dobj", "attr", "oprd"} and t.i < first.i for t in content):
        return content, cue
    between = head.doc[head.i + 1:first.i]
    if any(t.dep_ not in {"advmod", "prt", "neg"} for t in between):
        return content, cue
    return [t for t in content if t.i != first.i], (cue[0], max(cue[1], first.idx + len(first.text)))


NOMINAL_CUES = frozenset({
    "claim", "allegation", "assertion", "belief", "view", "argument", "promise", "pledge", "statement",
    "suggestion", "warning", "accusation", "charge", "insistence", "contention", "notion", "fear", "hope",
    "expectation", "finding", "conclusion", "message", "demand", "proposal", "assurance", "admission", "denial",
    "prediction", "estimate", "opinion", "position", "vow", "threat", "remark", "comment", "complaint", "criticism",
    "praise", "endorsement", "support", "opposition", "plan", "call", "idea", "concern", "assessment", "report",
    "announcement", "testimony", "explanation", "insinuation", "pitch", "case", "theory", "worry", "doubt",
})
"""Nouns that carry an attribution ("his claim that ...", "allegations that ...", "Smith's support for ...")."""


_OBJECT_NOUNS = frozenset({"support", "opposition", "praise", "criticism", "endorsement", "call", "demand", "plan",
                           "proposal", "pledge", "promise", "vow", "threat"})


def _noun_frame(noun: Any) -> Frame | None:
    """"his claim that X", "the allegation that X", "Smith's support for X": the clause or object is the content,
    the possessor or "by/from X" the source."""
    content: list[Any] = []
    for c in noun.children:
        clause = c.dep_ in {"acl", "ccomp", "relcl"} and any(g.dep_ == "mark" and g.lower_ == "that"
                                                             for g in c.children)
        about = (c.dep_ == "prep" and c.lower_ in {"for", "of", "against", "about", "to", "on"}
                 and c.i == noun.i + 1 and noun.lemma_.lower() in _OBJECT_NOUNS)
        if clause or about:
            content.extend(c.subtree)
    if len([t for t in content if not t.is_punct]) < 3:
        return None
    content, cue = _prep_into_cue(noun, content, _span([noun]))
    source = next((c for c in noun.children if c.dep_ == "poss"), None)
    if source is None:
        by = next((c for c in noun.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "from"}), None)
        source = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    if source is None and noun.dep_ in {"dobj"}:
        source = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)  # "X made the claim that"
    return Frame(cue=cue, cue_lemma=noun.lemma_.lower(), cue_i=noun.i,
                 source_i=source.i if source is not None else None,
                 source=_source_span(source) if source is not None else None, content=_spans(content),
                 kind="belief")


def _inverted_subject(verb: Any) -> Any | None:
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is None or nxt.sent.start != verb.sent.start:
        return None
    head = nxt
    while head.dep_ in {"compound", "det", "amod", "flat"} and head.head.i > head.i and head.head.i - verb.i <= 6:
        head = head.head
    if head.dep_ in {"nsubj", "nsubjpass"} and head.head.i != verb.i and verb.is_ancestor(head.head):
        return None  # "issued a statement saying Scalise underwent ...": the subject of what is reported
    return head if head.pos_ in {"PROPN", "NOUN"} else None


STANCE_VERBS = frozenset([
    "accuse", "criticize", "criticise", "praise", "call", "support", "back", "endorse", "oppose", "defend", "blast",
    "slam", "attack", "dismiss", "reject", "applaud", "condemn", "decline", "refuse", "seem", "appear", "show",
    "promise", "express", "echo", "seek", "push", "champion", "demand", "propose", "welcome", "question", "blame",
    "thank", "credit", "mock", "ridicule", "challenge", "insist", "vow", "pledge", "dispute", "downplay", "tout",
    "hail", "laud", "decry", "lambaste", "mention", "refer", "list", "target", "admire", "outline", "apologize",
    "apologise", "discuss", "highlight", "embrace", "favor", "favour", "denounce", "renounce",
    "document", "spell", "invoke", "characterize", "characterise", "portray", "label", "brand", "dub",
    "eschew", "pursue", "recapitulate", "foretell", "convince", "rail", "disavow", "deride",
    "applaud", "commend", "congratulate", "fault", "chastise", "rebuke", "scold", "warn", "advocate", "urge",
])
"""Verbs of evaluation and stance (PolNeAR annotates them as attributions; quotes leave them out)."""

XCOMP_VERBS = frozenset({"ask", "urge", "tell", "warn", "call", "promise", "vow", "pledge", "threaten", "claim",
                         "deny", "advise", "order", "demand", "appeal", "agree", "want", "expect", "hope", "plan"})
"""Verbs whose infinitive complement is the content ("urged Beijing to exert ...")."""


def _parenthetical(verb: Any) -> bool:
    """The cue follows its content after a comma or closing quote: "..., officials said" or "..., said X"."""
    if verb.dep_ not in {"parataxis", "ccomp", "conj"} or verb.head.i > verb.i:
        return False
    left = min(t.i for t in verb.subtree if not t.is_punct)
    prev = verb.doc[left - 1] if left > 0 else None
    return prev is not None and prev.text in {",", "”", '"', "—", "–", "-"} and not any(
        c.dep_ in {"ccomp", "xcomp", "dobj"} and c.i > verb.i for c in verb.children)


def _inserted(verb: Any) -> bool:
    """The cue sits inside its content between commas or dashes: "The risk, he said, is a clash"."""
    if verb.dep_ not in {"parataxis", "advcl", "ccomp"} or verb.head.i < verb.i:
        return False
    sub = [t for t in verb.subtree if not t.is_punct]
    left, right = sub[0].i, sub[-1].i
    doc = verb.doc
    if left == 0 or right + 1 >= len(doc) or right >= verb.head.i:
        return False
    before, after = doc[left - 1], doc[right + 1]
    if right < verb.i:
        return False
    if not (before.text in {",", "—", "–"} and after.text in {",", "—", "–"}) and not (
            after.text in {",", "—", "–"} and before.text in {"”", '"', "’", "''"}):
        return False
    return right - left <= 8 and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) and not any(
        c.dep_ in {"ccomp", "xcomp", "dobj"} for c in verb.children)


def _has_quote_neighbour(verb: Any) -> bool:
    sent = verb.sent
    return any(t.text in {"“", "”", '"', "''", "``"} for t in sent)


def _relay(verb: Any) -> int | None:
    """"X, citing Y, reported ...": Y is the original source and X only carries it."""
    for c in verb.children:
        if c.dep_ in {"advcl", "acl", "relcl"} and c.lemma_ == "cite":
            obj = next((g for g in c.children if g.dep_ == "dobj"), None)
            if obj is not None:
                return obj.i
    subj = _subject(verb)
    if subj is not None:
        for c in subj.children:
            if c.dep_ in {"acl", "relcl"} and c.lemma_ == "cite":
                obj = next((g for g in c.children if g.dep_ == "dobj"), None)
                if obj is not None:
                    return obj.i
    return None


def _cue_span(verb: Any) -> tuple[int, int]:
    toks = [verb] + [c for c in verb.children if c.dep_ in {"prt", "neg", "aux", "auxpass"} and c.i > verb.i - 3]
    toks.sort(key=lambda t: t.i)
    return _span(toks)


def _source_span(subj: Any) -> tuple[int, int]:
    """The subject phrase, without relative clauses and parentheticals that follow a name."""
    drop = [c for c in subj.children if c.dep_ in {"relcl", "acl"} and c.lemma_ not in {"familiar"}]
    if subj.ent_type_ == "PERSON":
        drop += [c for c in subj.children if c.dep_ == "appos"]
    toks = _tokens_without(subj, drop)
    toks = [t for t in toks if not t.is_punct or t.text in {"-", "'", "’"}]
    runs = _contiguous(toks)
    head_run = next((r for r in runs if any(t.i == subj.i for t in r)), [subj])
    return _span(head_run)


def _according_to(tok: Any) -> Frame | None:
    to = next(c for c in tok.children if c.lower_ == "to")
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    sent = tok.sent
    phrase = {t.i for t in tok.subtree}
    head = tok.head
    # content: the clause the phrase modifies, or the whole sentence without the phrase
    base = head if head.i != tok.i and head.pos_ in {"VERB", "AUX"} else sent.root
    content = [t for t in base.subtree if t.i not in phrase] if base.i not in phrase else []
    if not content:
        content = [t for t in sent if t.i not in phrase]
    relay = None
    for c in pobj.children:
        if c.dep_ in {"relcl", "acl"} and c.lemma_ == "cite":
            relay = next((g.i for g in c.children if g.dep_ == "dobj"), None)
            content = [t for t in content if t.i not in {x.i for x in c.subtree}]
    return Frame(cue=_span([tok, to]), cue_lemma="according to", cue_i=tok.i, source_i=pobj.i,
                 source=_source_span(pobj), content=_spans(content), kind="according_to", relay_i=relay)


def _quote_frame(verb: Any) -> Frame | None:
    """"X was quoted as saying ..." (source X) and "Y quoted X as saying / stating ..." (source X, via Y)."""
    if _is_passive(verb):
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        by = agent_of(verb)
        via = by.i if by is not None else None
        if subj is None:
            return None
        content = [t for c in verb.children if c.dep_ == "ccomp" for t in c.subtree]
        return Frame(cue=_cue_span(verb), cue_lemma="quote", cue_i=verb.i, source_i=subj.i,
                     source=_source_span(subj), content=_spans(content), kind="speech", via_i=via)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    subj = _subject(verb)
    if obj is None or obj.pos_ not in {"NOUN", "PROPN"}:
        return None
    inner = [c for c in obj.children if c.dep_ in {"acl", "relcl"}]
    content = []
    for c in inner:
        for g in c.children:
            if g.dep_ in {"ccomp", "xcomp"}:
                content.extend(g.subtree)
    if not content:
        content = [t for c in verb.children if c.dep_ == "ccomp" for t in c.subtree]
    if verb.lemma_ == "cite" and not content:
        return None
    return Frame(cue=_cue_span(verb), cue_lemma=verb.lemma_.lower(), cue_i=verb.i, source_i=obj.i,
                 source=_source_span(obj), content=_spans(content), kind="speech",
                 via_i=subj.i if subj is not None else None)


def _coordinated(f: Frame, doc: Any) -> bool:
    """"said he welcomed it and added, “...”": the parser hangs the second speech verb on the reported clause,
    but it is a second statement by the same speaker, not part of the first."""
    verb = doc[f.cue_i]
    return f.kind == "speech" and verb.dep_ == "conj" and verb.pos_ == "VERB" and not any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) and verb.head.dep_ in {"ccomp", "xcomp"}


def _cut(g: Frame, f: Frame, doc: Any) -> Frame:
    """The outer frame's content without the coordinated statement."""
    gone = {t.i for t in doc[f.cue_i].subtree}
    toks = [t for t in doc if t.i not in gone and any(s <= t.idx < e for s, e in g.content)]
    return replace(g, content=_spans(toks))


def _drop_nested(frames: list[Frame], doc: Any = None) -> list[Frame]:
    """A cue inside another frame's content is an inner clause ("said he believes ..."): the outer frame holds it.

    Except under "according to X, Y said ...": there Y is the speaker and X the outlet it came through; and a
    second speech verb coordinated with the first ("said ... and added ..."), which keeps its own words.
    """
    drop: set[int] = set()
    out = list(frames)
    hosts = Intervals([(s, e) for g in frames for s, e in g.content], [j for j, g in enumerate(frames)
                                                                       for _ in g.content])
    for i, f in enumerate(frames):
        for j in hosts.holding(f.cue[0]):  # the frames whose content holds the cue, in order (not all of them)
            if i == j:
                continue
            g = frames[j]
            if doc is not None and g.kind == "speech" and _coordinated(f, doc) and doc[f.cue_i].head.head.i == g.cue_i:
                out[j] = _cut(out[j], f, doc)
                out[i] = replace(out[i], source_i=g.source_i, source=g.source)
                continue
            if g.kind == "according_to" and f.kind != "according_to" and f.source_i is not None:
                out[i] = replace(f, via_i=g.source_i if f.via_i is None else f.via_i)
                drop.add(j)
            else:
                drop.add(i)
    return [f for k, f in enumerate(out) if k not in drop]
