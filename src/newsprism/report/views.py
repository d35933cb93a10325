"""View models for the HTML report and the web app: plain data computed in Python, rendered by templates.

Everything a page shows is derived here from the records, without models, so the report and the app agree and the
templates stay free of logic. Text stays raw here; the templates escape it (Jinja2 autoescape).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from newsprism.compare.verdict import NO_OUTLET, outlet_of
from newsprism.labels import CONTESTED, Link, Stance, stance_rank, status_rank
from newsprism.records import Article, Citation, Entity, Quote, Removed, Story, normalize_text

_SENT_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n+")
_WORD = re.compile(r"\w+", re.UNICODE)
_STOP_LINES = (
    "a an the and or but of to in on at by for with from as is are was were be been being that this these",
    "those it its he she they them his her their we our you your i not no has have had will would said",
    "says say also than then into over after before about which who whom what when where while there here",
)
_STOP = frozenset(word for line in _STOP_LINES for word in line.split())


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of article text; category is set when cleaning removed it."""

    text: str
    category: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence an outlet gave for a claim, with its stance and who it says said it."""

    stance: str
    text: str
    article_id: str
    attributed_to: str | None = None
    link: str | None = None  # why a denial or doubt is on this row (labels.Link)

    @property
    def link_help(self) -> str:
        """The link in words ("names the report or source it answers"), empty for the supporting stances."""
        try:
            return Link(self.link).help if self.link else ""
        except ValueError:
            return ""


@dataclass(frozen=True, slots=True)
class Cell:
    """One outlet's part in one claim row: every sentence it gave, whatever the number of its articles or stances.

    A row shows each outlet once; the stances its sentences take are summed up in ``stances`` (in display order),
    so a denial or doubt next to a report is visible at a glance rather than buried in a list.
    """

    evidence: tuple[Evidence, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.evidence)

    @property
    def stances(self) -> tuple[str, ...]:
        return tuple(sorted({e.stance for e in self.evidence}, key=stance_rank))

    @property
    def mixed(self) -> bool:
        return len(self.stances) > 1

    @property
    def contested(self) -> bool:
        return any(e.stance in (Stance.DENIES, Stance.DOUBTS) for e in self.evidence)

    @property
    def who(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.attributed_to for e in self.evidence if e.attributed_to))

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.article_id for e in self.evidence))


@dataclass(frozen=True, slots=True)
class MatrixRow:
    id: str
    text: str
    status: str
    reason: str
    first_source: str | None
    independent_origins: int
    cells: tuple[Cell, ...]

    @property
    def outlet_count(self) -> int:
        return sum(1 for c in self.cells if c)

    @property
    def minor(self) -> bool:
        """Carried by one outlet and contested by none: listed apart so the matrix stays readable."""
        return self.outlet_count <= 1 and self.status not in CONTESTED


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    speaker: str
    anonymous: bool
    quotes: tuple[Quote, ...]


@dataclass(slots=True)
class StoryFacts:
    """The one-line facts a stories index shows."""

    first_date: str | None
    last_date: str | None
    outlets: list[str] = field(default_factory=list)
    article_count: int = 0
    contested: int = 0


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) by punctuation and line breaks; good enough to locate support, no model needed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _terms(text: str) -> set[str]:
    return {w for w in (t.lower() for t in _WORD.findall(text)) if w not in _STOP and len(w) > 1}


def best_support(sentence: str, article_text: str) -> str | None:
    """The sentence of the article that best supports a summary sentence: an exact substring of the article.

    Scored by how many of the summary sentence's content words it holds, with fuzzy string similarity to break
    ties, so a sentence the summary copied or lightly rewrote wins over one that merely shares a name.
    """
    return _best_support(sentence, _sentence_terms(article_text))


def _sentence_terms(article_text: str) -> list[tuple[str, set[str]]]:
    return [(article_text[a:b], _terms(article_text[a:b])) for a, b in split_sentences(article_text)]


def _best_support(sentence: str, cands: list[tuple[str, set[str]]]) -> str | None:
    want = _terms(sentence)
    recalls = [len(want & terms) / len(want) if want else 0.0 for _, terms in cands]
    # fuzzy similarity only for the few sentences sharing the most words: it costs far more than set overlap
    top = sorted(range(len(cands)), key=lambda i: -recalls[i])[:4]
    best: tuple[float, float, float, str] | None = None
    for i in top:
        similar = fuzz.token_sort_ratio(sentence, cands[i][0]) / 100.0
        score = recalls[i] + 0.5 * similar
        if best is None or score > best[0]:
            best = (score, recalls[i], similar, cands[i][0])
    if best is None or (best[1] < 0.2 and best[2] < 0.6):  # nothing shared: no support to show
        return None
    return best[3]


def _valid_span(r: Removed, raw: str) -> bool:
    return 0 <= r.start < r.end <= len(raw)


def article_segments(article: Article) -> tuple[list[Segment], list[Removed]]:
    """The article as a person should see it: kept text with removed pieces in place, plus pieces without offsets.

    With offsets into raw_text the removed pieces are shown where they were; pieces with no (or overlapping)
    offsets are returned separately so nothing removed is hidden from view.
    """
    raw = article.raw_text
    placed = sorted((r for r in article.removed if raw and _valid_span(r, raw)), key=lambda r: (r.start, -r.end))
    unplaced = [r for r in article.removed if not (raw and _valid_span(r, raw))]
    if not placed:
        return ([Segment(article.text)] if article.text else []), unplaced
    segments: list[Segment] = []
    pos = 0
    for r in placed:
        if r.start < pos:  # overlaps a piece already shown
            unplaced.append(r)
            continue
        if r.start > pos:
            segments.append(Segment(raw[pos:r.start]))
        segments.append(Segment(raw[r.start:r.end], r.category))
        pos = r.end
    if pos < len(raw):
        segments.append(Segment(raw[pos:]))
    return segments, unplaced


def day(value: str | None) -> str | None:
    return value[:10] if value else None


def story_facts(story: Story, articles: Mapping[str, Article]) -> StoryFacts:
    arts = [articles[a] for a in story.article_ids if a in articles]
    dates = sorted(d for d in (day(a.published) for a in arts) if d)
    outlets = sorted({a.outlet for a in arts if a.outlet})
    return StoryFacts(first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
                      outlets=outlets, article_count=len(story.article_ids),
                      contested=sum(1 for g in story.claims if g.status in CONTESTED))


@dataclass(frozen=True, slots=True)
class Column:
    """A matrix column: one outlet, however its name is spelt, or an article whose outlet is unknown.

    ``outlet`` is the name to link to (None when unknown); ``label`` what the header shows: the outlet's name as
    its first article gives it, or for an unknown outlet the web host or file name the article came from.
    """

    key: str
    label: str
    outlet: str | None


def outlet_key(name: str) -> str:
    """Names of one outlet as one key: case, spacing, quotes and a leading "the" do not make another outlet."""
    key = normalize_text(name)
    return key.removeprefix("the ") or key


def label_stub(article: Article) -> Article:
    """What a matrix needs of an article (outlet, where it came from, date) without its text: cheap to hold for a
    whole corpus while a report is written story by story."""
    return Article(id=article.id, outlet=article.outlet, url=article.url, source_path=article.source_path,
                   source_id=article.source_id, published=article.published, language=article.language)


def _column(outlet: str | None, article_id: str, articles: Mapping[str, Article],
            num: Mapping[str, int]) -> Column:
    art = articles.get(article_id)
    name = (outlet or (art.outlet if art else None) or "").strip()
    if name:
        return Column(key=outlet_key(name), label=name, outlet=name)
    label = outlet_of(art, article_id)  # its web host, file name or record id: never a bare "?"
    if label == NO_OUTLET:  # nothing to tell it by: a column of its own
        n = num.get(article_id)
        return Column(key=f"\x00{article_id}", label=f"no outlet [{n}]" if n else f"no outlet ({article_id})",
                      outlet=None)
    return Column(key=f"\x00{outlet_key(label)}", label=label, outlet=None)


def story_outlets(story: Story, articles: Mapping[str, Article], num: Mapping[str, int] | None = None) -> list[Column]:
    """Matrix columns: the story's outlets in order of first publication, then any outlet named only by a claim."""
    num = num or {}
    seen: dict[str, Column] = {}
    arts = sorted((articles[a] for a in story.article_ids if a in articles), key=lambda a: (a.published or "~", a.id))
    for a in arts:
        c = _column(a.outlet, a.id, articles, num)
        seen.setdefault(c.key, c)
    for g in story.claims:
        for src in g.sources:
            c = _column(src.outlet, src.article_id, articles, num)
            seen.setdefault(c.key, c)
    return list(seen.values())


def claim_matrix(story: Story, articles: Mapping[str, Article],
                 num: Mapping[str, int] | None = None) -> tuple[list[Column], list[MatrixRow]]:
    """Rows are claims, columns outlets; each cell holds all of that outlet's sentences for the claim.

    One cell per outlet, however many of its articles or sentences the claim group holds (report.json keeps every
    source as it is). Contested claims come first, then by how many outlets carry them, so a reader meets the
    disagreements first.
    """
    num = num or {}
    outlets = story_outlets(story, articles, num)
    col = {c.key: i for i, c in enumerate(outlets)}
    rows = []
    for g in story.claims:
        cells: list[dict[Evidence, None]] = [{} for _ in outlets]  # ordered sets: a sentence given twice shows once
        for src in g.sources:
            ev = Evidence(stance=src.stance, text=src.text, article_id=src.article_id,
                          attributed_to=src.attributed_to, link=src.link)
            cells[col[_column(src.outlet, src.article_id, articles, num).key]][ev] = None
        rows.append(MatrixRow(id=g.id, text=g.text, status=g.status, reason=g.reason, first_source=g.first_source,
                              independent_origins=g.independent_origins,
                              cells=tuple(Cell(tuple(sorted(c, key=lambda e: stance_rank(e.stance)))) for c in cells)))
    # contested rows first, the most widely told first (a lone denied aside never tops the story's main dispute);
    # then rows several outlets tell; background that one article carries last
    rows.sort(key=lambda r: (r.status not in CONTESTED, r.outlet_count < 2, -r.outlet_count, status_rank(r.status)))
    return outlets, rows


def quote_groups(quotes: Iterable[Quote]) -> list[QuoteGroup]:
    """Quotes grouped by speaker; anonymous and unattributed ones each get a group of their own, listed last."""
    named: dict[str, list[Quote]] = defaultdict(list)
    anon: list[Quote] = []
    unknown: list[Quote] = []
    for q in quotes:
        if q.anonymous:
            anon.append(q)
        elif q.speaker:
            named[q.speaker].append(q)
        else:
            unknown.append(q)
    groups = [QuoteGroup(k, False, tuple(v)) for k, v in sorted(named.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    if anon:
        groups.append(QuoteGroup("Anonymous sources", True, tuple(anon)))
    if unknown:
        groups.append(QuoteGroup("Speaker not identified", False, tuple(unknown)))
    return groups


def story_entities(entities: Iterable[Entity], article_ids: Sequence[str]) -> dict[str, list[tuple[Entity, int]]]:
    """Entities named in the story's articles, by label, most-mentioned first, with how many articles name them."""
    ids = set(article_ids)
    by_label: dict[str, list[tuple[Entity, int]]] = defaultdict(list)
    for e in entities:
        n = len(ids.intersection(e.article_ids))
        if n:
            by_label[e.label].append((e, n))
    return {k: sorted(v, key=lambda en: (-en[1], en[0].name)) for k, v in sorted(by_label.items())}


def support_map(story: Story, articles: Mapping[str, Article], num: Mapping[str, int]) -> dict[str, dict[str, object]]:
    """For each (summary sentence, cited article): the supporting sentence found in that article, keyed for JS."""
    data: dict[str, dict[str, object]] = {}
    split: dict[str, list[tuple[str, set[str]]]] = {}
    for i, sent in enumerate(story.summary):
        for aid in sent.citations:
            art = articles.get(aid)
            if art is None:
                continue
            if aid not in split:
                split[aid] = _sentence_terms(art.text)
            data[support_key(story.id, i, aid)] = {
                "sentence": _best_support(sent.text, split[aid]), "article_id": aid, "n": num.get(aid),
                "title": art.title, "outlet": art.outlet, "published": day(art.published)}
    return data


def support_key(story_id: str, index: int, article_id: str) -> str:
    return f"{story_id}:{index}:{article_id}"


def citations_by_article(citations: Iterable[Citation]) -> dict[str, list[Citation]]:
    out: dict[str, list[Citation]] = defaultdict(list)
    for c in citations:
        out[c.article_id].append(c)
    return out


@dataclass(frozen=True, slots=True)
class StoryView:
    """Everything a story page shows, computed once."""

    story: Story
    facts: StoryFacts
    articles: tuple[Article, ...]
    outlets: tuple[Column, ...]
    rows: tuple[MatrixRow, ...]
    graph: object
    quote_groups: tuple[QuoteGroup, ...]
    entities: dict[str, list[tuple[Entity, int]]]
    support: dict[str, dict[str, object]]


def story_view(story: Story, articles: Mapping[str, Article], *, citations: Iterable[Citation],
               quotes: Iterable[Quote], entities: Iterable[Entity], num: Mapping[str, int]) -> StoryView:
    """Build a story's view; citations, quotes and entities may cover more than the story (they are filtered)."""
    from newsprism.report.graph import provenance_graph

    inside = set(story.article_ids)
    arts = tuple(sorted((articles[a] for a in story.article_ids if a in articles),
                        key=lambda a: (num.get(a.id, 0), a.id)))
    outlets, rows = claim_matrix(story, articles, num)
    return StoryView(
        story=story, facts=story_facts(story, articles), articles=arts, outlets=tuple(outlets), rows=tuple(rows),
        graph=provenance_graph(story, articles, [c for c in citations if c.article_id in inside], num),
        quote_groups=tuple(quote_groups(q for q in quotes if q.article_id in inside)),
        entities=story_entities(entities, story.article_ids), support=support_map(story, articles, num))
