"""Named entities with one canonical entity per referent across a corpus.

spaCy finds the mentions; we strip titles and possessives, link short forms to the fullest name of the same
type (first within an article, where "Xi" means the Xi named earlier, then across articles), and send outlet
names through the outlet registry so a misspelling lands on the right outlet.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsprism.lexicons import strip_titles
from newsprism.records import Entity, stable_id

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
"""Named things; numbers, dates and amounts are not entities for us."""

TITLES = frozenset([
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president", "vice", "prime",
    "minister", "foreign", "finance", "defense", "defence", "deputy", "secretary", "senator", "sen", "rep",
    "representative", "gov", "governor", "gen", "general", "col", "colonel", "lt", "adm", "admiral", "capt",
    "captain", "chancellor", "premier", "king", "queen", "prince", "princess", "pope", "chairman", "chairwoman",
    "chair", "ceo", "director", "spokesman", "spokeswoman", "spokesperson", "ambassador", "judge", "justice",
    "mayor", "leader", "chief", "commander", "former", "late", "acting", "interim", "state", "national", "security",
    "adviser", "advisor", "attorney", "envoy", "sheikh", "emir", "sultan", "rev", "father", "sister", "brother",
    "dr.", "mr.", "mrs.", "ms.", "gen.", "sen.", "rep.", "gov.", "prof.", "lt.", "col.", "capt.", "adm.", "st.",
    # offices and bodies before a name: "House Minority Whip Steny Hoyer", "White House Press Secretary X"
    "house", "senate", "majority", "minority", "whip", "speaker", "white", "press", "congressman", "congresswoman",
    "councilman", "councilwoman", "assemblyman", "assemblywoman", "sheriff", "detective", "sergeant", "sgt",
    "officer", "commissioner", "superintendent", "inspector", "coach", "first", "democratic", "republican", "gop",
    "special", "counsel", "supreme", "associate", "aide", "u.s.", "us"
])
"""Words that precede a person's name as a title or role; stripped so "President Xi" and "Xi" meet."""

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a name in one article (offsets into Article.text)."""

    article_id: str
    text: str
    name: str
    label: str
    start: int
    end: int
    gender: str = ""  # "f" or "m" where an honorific or a family word at the mention says so ("Mr.", "daughter")


_MALE_CUES = frozenset({"mr", "sir", "lord", "king", "prince", "son", "husband", "father", "brother", "uncle",
                        "grandson", "grandfather", "nephew", "congressman", "spokesman", "chairman"})
_FEMALE_CUES = frozenset({"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "daughter", "wife", "mother",
                          "sister", "aunt", "granddaughter", "grandmother", "niece", "widow", "congresswoman",
                          "spokeswoman", "chairwoman"})


def _mention_gender(ent: Any) -> str:
    """The gender a person mention's own honorific or the word before it gives ("Mr. Trump", "the president's
    daughter Ivanka Trump"), else ""."""
    words = [ent[0].lower_.rstrip(".")]
    if ent.start > 0:
        words.append(ent.doc[ent.start - 1].lower_.rstrip("."))
    if any(w in _MALE_CUES for w in words):
        return "m"
    if any(w in _FEMALE_CUES for w in words):
        return "f"
    return ""


def clean_name(text: str, label: str) -> str:
    """The name without possessive, leading article, or (for people) leading titles."""
    name = _SPACE.sub(" ", text).strip(" \t\n,.;:\"'“”‘’()[]")
    name = _POSSESSIVE.sub("", name).strip()
    words = name.split(" ")
    if words and words[0].lower() == "the" and label != "WORK_OF_ART":
        words = words[1:]
    if label == "PERSON":
        cut = next((k for k, w in enumerate(words[:-1]) if _POSSESSIVE.search(w)), None)
        if cut is not None:  # "Michael Cohen's Congressional" (an entity cut past the name): the name
            words = words[:cut + 1]
            words[-1] = _POSSESSIVE.sub("", words[-1])
        if "of" in words[:-1]:  # "Director of National Intelligence Avril Haines"
            tail = words[len(words) - 1 - words[::-1].index("of") + 1:]
            keep = 3 if len(tail) >= 3 and re.fullmatch(r"[A-Z]\.?", tail[-2]) else 2
            words = tail[-keep:]
        while len(words) > 1 and words[0].lower().rstrip(".") in TITLES | {t.rstrip(".") for t in TITLES}:
            words = words[1:]
        if len(words) > 1:  # "Chefredakteur Ben Smith" in a German article
            words = strip_titles(" ".join(words)).split(" ")
    return " ".join(words)


def name_key(name: str) -> tuple[str, ...]:
    """Tokens for comparing names: lower case, punctuation out."""
    return tuple(t for t in re.findall(r"[\w-]+", name.lower()) if t not in {"the", "of", "and"})


PERSON_ROLES = frozenset([
    "expert", "analyst", "minister", "spokesman", "spokeswoman", "spokesperson", "official", "president",
    "diplomat", "professor", "researcher", "economist", "senator", "governor", "ambassador", "chancellor",
    "secretary", "director", "envoy", "lawmaker", "prosecutor", "lawyer", "attorney", "judge", "candidate",
    "leader", "chief", "adviser", "advisor", "scientist", "doctor", "commander", "mayor", "chair", "chairman",
    "chairwoman", "chairperson", "ceo", "executive", "founder", "author", "officer", "representative", "head",
    "councillor", "councilor", "member", "resident", "worker", "activist", "owner", "historian", "lecturer",
    "teacher", "student", "manager", "engineer", "pilot", "nurse", "surgeon", "physician", "farmer", "witness",
    "mother", "father", "wife", "husband", "son", "daughter", "widow", "coach", "player", "actor", "actress",
    "singer", "writer", "journalist", "reporter", "editor", "correspondent", "columnist", "economist", "inspector",
    "commissioner", "deputy", "aide", "strategist", "pollster", "consultant", "campaigner", "organiser",
    "organizer", "volunteer", "survivor", "victim", "neighbour", "neighbor", "landlord", "tenant", "shopkeeper",
])
"""Nouns for what a person is or does; a name in apposition with one is a person's ("Ilse Haverkamp, chief
economist at ...", "the group's chair, Agnes Pellew") even when the tagger calls it a place or an organisation."""

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "councillor", "councilor", "senator",
                        "sen", "rep", "gov", "mayor", "judge", "minister", "president", "professor", "father",
                        "sister", "rev", "gen", "col", "capt", "lt", "sgt", "officer", "detective", "chief"})
_BODIES = frozenset({"inc", "corp", "co", "ltd", "llc", "plc", "group", "bank", "sachs", "company", "partners",
                     "capital", "holdings", "association", "committee", "party", "council", "union", "university",
                     "institute", "foundation", "ministry", "department", "agency", "court", "police", "club",
                     "united", "city", "rovers", "fc"})
_PERSON_MISTAKES = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})


# Platforms the tagger takes for people ("she followed him on Twitter"): a pronoun never stands for one
_PLATFORMS = frozenset({"twitter", "facebook", "instagram", "youtube", "tiktok", "snapchat", "reddit", "linkedin",
                        "whatsapp", "telegram", "google", "spotify", "truth social", "threads", "bluesky"})


def person_like(ent: Any) -> bool:
    """A person's name: tagged PERSON, or a two- or three-word proper name in apposition with a person noun or an
    age, before a relative "who", or after an honorific ("Councillor Duncan Marr", "Ilse Haverkamp, chief
    economist", "Noah Nathan, 47,", "Felipe Calderon, who ...") that the tagger mislabelled."""
    if ent.label_ == "PERSON":
        return ent.text.strip().lower() not in _PLATFORMS
    if ent.label_ not in _PERSON_MISTAKES or not 2 <= len(ent) <= 3 or any(t.pos_ != "PROPN" for t in ent):
        return False
    root = ent.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in PERSON_ROLES:
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_ROLES for c in root.children):
        return True
    doc = ent.doc
    if ent.end + 2 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].text.isdigit() and (
            len(doc[ent.end + 1].text) <= 3 and doc[ent.end + 2].text == ","):
        return True  # "Noah Nathan, 47, lives nearby": a name with an age is a person's
    after = [t.lower_ for t in doc[ent.end:ent.end + 2]]
    if (after[:1] == ["who"] or after == [",", "who"]) and ent[-1].lower_.rstrip(".") not in _BODIES:
        return True  # "Felipe Calderon, who was president of Mexico": "who" is said of people (not "Goldman Sachs,
        # who declined to comment", as British papers write of a company)
    prev = doc[ent.start - 1] if ent.start > 0 else None
    return prev is not None and prev.lower_.rstrip(".") in HONORIFICS


def doc_mentions(doc: Any, article_id: str, outlets: Any) -> list[Mention]:
    """Named-entity mentions of one parsed article; outlets found by the registry become ORG with its name."""
    found: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        outlet = outlets.canonical(ent.text) if ent.label_ in {"ORG", "PERSON", "WORK_OF_ART", "GPE"} else None
        if outlet:
            found.append(Mention(article_id, ent.text, outlet, "ORG", ent.start_char, ent.end_char))
            continue
        label = "PERSON" if person_like(ent) else ent.label_
        name = clean_name(ent.text, label)
        if not name or not re.search(r"[A-Za-z]", name):
            continue
        found.append(Mention(article_id, ent.text, name, label, ent.start_char, ent.end_char,
                             _mention_gender(ent) if label == "PERSON" else ""))
    return found


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """Entities of a corpus and, for every mention, the entity it refers to."""

    entities: tuple[Entity, ...]
    by_mention: dict[tuple[str, int], str]
    by_id: dict[str, Entity]
    by_article: dict[str, tuple[Entity, ...]]
    """Each article's entities in corpus order: a lookup reads one article's, not the corpus's (quadratic)."""

    def at(self, article_id: str, start: int) -> Entity | None:
        """The entity of the mention starting at ``start`` in the article, if any."""
        eid = self.by_mention.get((article_id, start))
        return self.by_id.get(eid) if eid else None

    def find(self, article_id: str, name: str, label: str | None = None) -> Entity | None:
        """The entity an article calls ``name`` (its canonical name or any alias)."""
        key = name_key(clean_name(name, label or "PERSON"))
        if not key:
            return None
        best: Entity | None = None
        for e in self.by_article.get(article_id, ()):
            if label and e.label != label:
                continue
            if key == name_key(e.name) or any(key == name_key(a) for a in e.aliases):
                return e
            if best is None and e.label == "PERSON" and _subset(key, name_key(e.name)):
                best = e
        return best


def _subset(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Does a short name name the same person as a full one ("Xi" in "Xi Jinping", "Burns" in "William J. Burns",
    "Jackson" in "Jesse L. Jackson Jr.")?"""
    surname = next((w for w in reversed(full) if w not in NAME_SUFFIXES), full[-1]) if full else ""
    return bool(short) and len(short) <= len(full) and set(short) <= set(full) and (
        len(short) > 1 or short[0] in (full[0], surname))


NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})  # "Jesse L. Jackson Jr.": his surname is Jackson


def _link_people(names: Sequence[str], counts: Counter[str],
                 gender: Mapping[str, str] | None = None) -> dict[str, str]:
    """Map each person name to the fullest name that contains it, when exactly one does (or one clearly dominates).

    ``gender``: what honorifics say of each name; "Mr. Trump" never joins a "Trump" the text calls a daughter."""
    gender = gender or {}
    keys = {n: name_key(n) for n in set(names)}
    ordered = sorted(keys, key=lambda n: (-len(keys[n]), -counts[n], n))
    canon: dict[str, str] = {}
    heads: list[str] = []
    # how often each head is named in all its forms: "Donald Trump" merged into "Donald J. Trump" counts for it,
    # so a bare "Trump" goes to him and not to "Melania Trump", named more often under her one full form
    weight: Counter[str] = Counter()
    # A head can only match a name that shares the name's first word, so heads are indexed by their words
    # (a corpus of many thousand people would otherwise compare every name with every head).
    by_word: dict[str, list[int]] = defaultdict(list)

    def add_head(n: str) -> None:
        for word in set(keys[n]) or {""}:
            by_word[word].append(len(heads))
        heads.append(n)
        canon[n] = n
        weight[n] += counts[n]

    for n in ordered:
        key = keys[n]
        matches = [heads[i] for i in by_word.get(key[0] if key else "", ())
                   if (key == keys[heads[i]] or _subset(key, keys[heads[i]]))
                   and not (gender.get(n) and gender.get(heads[i]) and gender[n] != gender[heads[i]])]
        if not matches:
            add_head(n)
            continue
        if len(matches) > 1:
            matches.sort(key=lambda h: -weight[h])
            if weight[matches[0]] == weight[matches[1]]:
                add_head(n)  # ambiguous ("Clinton" with Bill and Hillary): keep apart
                continue
        canon[n] = matches[0]
        weight[matches[0]] += counts[n]
    return canon


_MISTAKEN = frozenset({"ORG", "GPE", "NORP", "PRODUCT", "FAC", "LOC"})


def _relabel_surnames(mentions: list[Mention]) -> list[Mention]:
    """A lone surname the tagger called ORG or GPE ("Heddle said") is the person of that name in the article; a
    lone name the corpus mostly tags as a place, and no person in the article bears, is that place."""
    people: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        key = name_key(m.name)
        if m.label == "PERSON" and len(key) > 1:
            people[m.article_id].add(key[-1])
    places: Counter[str] = Counter()
    persons: Counter[str] = Counter()
    for m in mentions:
        key = name_key(m.name)
        if len(key) == 1:
            (places if m.label in {"GPE", "LOC"} else persons if m.label == "PERSON" else Counter())[key[0]] += 1
    out = []
    for m in mentions:
        key = name_key(m.name)
        if m.label in _MISTAKEN and len(key) == 1 and key[0] in people[m.article_id]:
            m = Mention(m.article_id, m.text, m.name, "PERSON", m.start, m.end, m.gender)
        elif (m.label == "PERSON" and len(key) == 1 and key[0] not in people[m.article_id]
              and places[key[0]] > persons[key[0]]):
            m = Mention(m.article_id, m.text, m.name, "GPE", m.start, m.end)  # a country the tagger misread once
        out.append(m)
    return out


def _genders(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each name's gender where its mentions give one and never the other."""
    seen: dict[str, set[str]] = defaultdict(set)
    for name, g in pairs:
        if g:
            seen[name].add(g)
    return {n: next(iter(g)) for n, g in seen.items() if len(g) == 1}


def link_entities(mentions: Iterable[Mention]) -> EntityIndex:
    """One entity per referent: people linked by name subsets (article first, then corpus), others by name."""
    mentions = _relabel_surnames(list(mentions))
    local: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        local[(m.article_id, m.label)].append(m)
    # Within an article: short person names join the fullest matching name of that article.
    local_canon: dict[tuple[str, int], str] = {}
    for (_aid, label), ms in local.items():
        if label == "PERSON":
            counts = Counter(m.name for m in ms)
            mapping = _link_people([m.name for m in ms], counts, _genders((m.name, m.gender) for m in ms))
            for m in ms:
                local_canon[(m.article_id, m.start)] = mapping[m.name]
        else:
            for m in ms:
                local_canon[(m.article_id, m.start)] = m.name
    # Across articles: the same again over the article-level canonical names.
    corpus_counts: Counter[tuple[str, str]] = Counter(
        (m.label, local_canon[(m.article_id, m.start)]) for m in mentions)
    by_label: dict[str, list[str]] = defaultdict(list)
    for label, name in corpus_counts:
        by_label[label].append(name)
    final: dict[tuple[str, str], str] = {}
    for label, names in by_label.items():
        if label == "PERSON":
            mapping = _link_people(names, Counter({n: corpus_counts[(label, n)] for n in names}),
                                   _genders((local_canon[(m.article_id, m.start)], m.gender) for m in mentions
                                            if m.label == "PERSON"))
        else:
            by_key: dict[tuple[str, ...], str] = {}
            for n in sorted(names, key=lambda n: (-corpus_counts[(label, n)], n)):
                by_key.setdefault(name_key(n), n)
            mapping = {n: by_key[name_key(n)] for n in names}
        for n in names:
            final[(label, n)] = mapping[n]
    aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
    arts: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_mention: dict[tuple[str, int], str] = {}
    for m in mentions:
        canon = final[(m.label, local_canon[(m.article_id, m.start)])]
        key = (m.label, canon)
        aliases[key].update({m.name, clean_name(m.text, m.label)} - {canon})
        if m.article_id not in arts[key]:
            arts[key].append(m.article_id)
        by_mention[(m.article_id, m.start)] = entity_id(canon, m.label)
    entities = tuple(sorted(
        (Entity(id=entity_id(name, label), name=name, label=label, aliases=tuple(sorted(aliases[(label, name)])),
                article_ids=tuple(arts[(label, name)])) for label, name in arts),
        key=lambda e: (e.label, e.name)))
    of_article: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        for aid in dict.fromkeys(e.article_ids):
            of_article[aid].append(e)
    return EntityIndex(entities, by_mention, {e.id: e for e in entities},
                       {aid: tuple(found) for aid, found in of_article.items()})


def entity_id(name: str, label: str) -> str:
    """Stable across runs and corpora: the canonical name and the type."""
    return stable_id(" ".join(name_key(name)), label, prefix="e")
