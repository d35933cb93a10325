"""Composes the stages. Stage functions are pure; this module applies the per-item failure policy."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar

from newsprism.records import (
    AnalysisResult,
    Article,
    Citation,
    Claim,
    Entity,
    Failure,
    FailurePolicy,
    Quote,
    RawDocument,
    Story,
)
from newsprism.resources import Resources
from newsprism.settings import Settings

if TYPE_CHECKING:
    from newsprism.checkpoint import Checkpoint
    from newsprism.clean.text import LineJudge
    from newsprism.dedupe import WordCounts
    from newsprism.extract import PropositionSpill
    from newsprism.spill import RawTexts

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total); the CLI turns it into a Rich progress bar."""


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def clean_documents(docs: Sequence[RawDocument], settings: Settings, policy: FailurePolicy,
                    progress: Progress = _no_progress, seen: set[str] | None = None,
                    judge: LineJudge | Literal["settings"] | None = "settings") -> list[Article]:
    """Clean a batch; with ``seen`` (shared across a run's batches), a document read again is not cleaned twice;
    ``judge``: the line model a run loaded once (``clean.load_judge``), else loaded for this batch."""
    from newsprism.clean import clean_corpus

    if seen is not None:
        docs = first_readings(docs, seen)
    return clean_corpus(docs, settings=settings, policy=policy, progress=progress, judge=judge)


def first_readings(docs: Iterable[RawDocument], seen: set[str]) -> list[RawDocument]:
    """Documents not read before in this run: the same raw text (or page) is the same article, and the first
    reading wins (as the article id, a hash of the raw text, already says), so a copy is not cleaned again."""
    from newsprism.records import article_id_for, stable_id

    out = []
    for doc in docs:
        if doc.html is not None and (doc.text is None or doc.format == "html"):
            key = stable_id(doc.html, prefix="h") if doc.html.strip() else None
        else:
            key = article_id_for(doc.text) if doc.text and not doc.text.isspace() else None
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        out.append(doc)
    return out


def process_articles(articles: Sequence[Article], resources: Resources, settings: Settings,
                     policy: FailurePolicy, progress: Progress = _no_progress,
                     existing_stories: Sequence[Story] = (), raw: RawTexts | None = None,
                     checkpoint: Checkpoint | None = None) -> AnalysisResult:
    """Everything after cleaning: dedupe, cluster, extract, compare, summarise.

    Past one extract batch, the records wait on disk (``newsprism.spill``) and the result reads them back as
    they are written out; ``raw``: where the articles' raw texts wait, when ingest set them aside;
    ``checkpoint``: where each stage finds what a killed run finished and keeps what it finishes."""
    from newsprism.cluster import cluster_stories
    from newsprism.extract import extract_corpus

    articles = _unique(articles)
    progress("dedupe", 0, 1)
    articles = _deduplicated(articles, settings, checkpoint)
    progress("dedupe", 1, 1)

    progress("extract", 0, len(articles))
    extraction = extract_corpus(articles, resources=resources, settings=settings, policy=policy,
                                progress=progress, checkpoint=checkpoint)
    quotes: Sequence[Quote] = extraction.quotes
    citations: Sequence[Citation] = extraction.citations
    entities: tuple[Entity, ...] = entities_with_copies(extraction.entities, articles)
    claims: Sequence[Claim] = extraction.claims

    progress("cluster", 0, 1)
    ids = [a.id for a in articles]
    saved = checkpoint.load("stories") if checkpoint is not None else None
    if saved is not None and saved["ids"] == ids:
        stories = saved["stories"]
    else:
        stories = cluster_stories(articles, resources=resources, settings=settings, existing=existing_stories,
                                  stored=checkpoint)
        if checkpoint is not None:
            checkpoint.save("stories", {"ids": ids, "stories": stories})
    progress("cluster", 1, 1)

    by_id = {a.id: a for a in articles}
    per = StoryInputs(quotes, citations, claims, extraction.propositions)
    done = analyse_stories(stories, by_id, per, resources=resources, settings=settings, policy=policy,
                           progress=progress, on_disk=len(articles) > settings.extract_batch,
                           checkpoint=checkpoint)
    del by_id, per, stories

    removed = sum(len(a.removed) for a in articles)
    stats = {"articles": len(articles), "removed_pieces": removed, "stories": len(done),
             "duplicates": sum(1 for a in articles if a.duplicate_of), "failures": len(policy.failures)}
    final: Sequence[Article] = tuple(articles)
    if raw is not None:
        from newsprism.spill import WithRawText

        final = WithRawText(final, raw)
    return AnalysisResult(articles=final, stories=done if not isinstance(done, list) else tuple(done),
                          quotes=quotes, citations=citations, entities=entities, claims=claims,
                          failures=tuple(policy.failures), stats=stats)


def _deduplicated(articles: list[Article], settings: Settings, checkpoint: Checkpoint | None) -> list[Article]:
    """``find_duplicates``, or the links a killed run found for these same articles."""
    from newsprism.dedupe import find_duplicates

    ids = [a.id for a in articles]
    saved = checkpoint.load("dedupe") if checkpoint is not None else None
    if saved is not None and saved["ids"] == ids:
        links: dict[str, tuple[str | None, tuple[str, ...]]] = saved["links"]
        return [replace(a, duplicate_of=links[a.id][0], derived_from=links[a.id][1]) if a.id in links else a
                for a in articles]
    articles = find_duplicates(articles, settings=settings)
    if checkpoint is not None:
        checkpoint.save("dedupe", {"ids": ids, "links": {a.id: (a.duplicate_of, a.derived_from) for a in articles
                                                         if a.duplicate_of or a.derived_from}})
    return articles


def entities_with_copies(entities: Sequence[Entity], articles: Sequence[Article]) -> tuple[Entity, ...]:
    """Duplicates are not parsed again, but they name the same people: list them where their source is listed."""
    copies: dict[str, list[str]] = {}
    for a in articles:
        if a.duplicate_of:
            copies.setdefault(a.duplicate_of, []).append(a.id)
    if not copies:
        return tuple(entities)
    return tuple(replace(e, article_ids=tuple(dict.fromkeys(
        [*e.article_ids, *(c for a in e.article_ids for c in copies.get(a, ()))]))) for e in entities)


def _unique(articles: Sequence[Article]) -> list[Article]:
    """The same article read twice (same id) is one article; the first reading wins."""
    seen: dict[str, Article] = {}
    for a in articles:
        seen.setdefault(a.id, a)
    return list(seen.values())


A = TypeVar("A", Quote, Citation, Claim)


def _group(items: Sequence[A]) -> dict[str, list[tuple[int, A]]]:
    out: dict[str, list[tuple[int, A]]] = {}
    for pos, item in enumerate(items):
        out.setdefault(item.article_id, []).append((pos, item))
    return out


def _pick(index: dict[str, list[tuple[int, A]]], ids: Sequence[str]) -> list[A]:
    """The story's records in the corpus order (order-dependent choices downstream stay the same)."""
    return [item for _, item in sorted((p for a in dict.fromkeys(ids) for p in index.get(a, ())),
                                       key=lambda p: p[0])]


class StoryInputs:
    """Quotes, citations and claims indexed by article once, so each story takes its own in linear time."""

    def __init__(self, quotes: Sequence[Quote], citations: Sequence[Citation], claims: Sequence[Claim],
                 propositions: Mapping[str, Sequence[Any]] | PropositionSpill | None = None) -> None:
        from newsprism.spill import RecordSpill

        # records on disk are already grouped by article, in corpus order; they stay there
        self.spilled = None
        if isinstance(quotes, RecordSpill) and isinstance(citations, RecordSpill) and isinstance(claims, RecordSpill):
            self.spilled = (quotes, citations, claims)
        self.quotes = _group(quotes) if self.spilled is None else {}
        self.citations = _group(citations) if self.spilled is None else {}
        self.claims = _group(claims) if self.spilled is None else {}
        self.propositions = propositions or {}

    def of(self, story: Story) -> tuple[list[Quote], list[Citation], list[Claim]]:
        ids = story.article_ids
        if self.spilled is not None:
            q, c, cl = self.spilled
            return q.of(ids), c.of(ids), cl.of(ids)
        return _pick(self.quotes, ids), _pick(self.citations, ids), _pick(self.claims, ids)

    def propositions_of(self, story: Story) -> dict[str, Sequence[Any]]:
        """The propositions extraction already derived for the story's claims (the rest are parsed in compare)."""
        if not self.propositions:
            return {}
        from newsprism.extract import PropositionSpill

        if isinstance(self.propositions, PropositionSpill):
            return self.propositions.of_articles(story.article_ids)
        ids = (c.id for a in story.article_ids for _, c in self.claims.get(a, ()))
        return {i: self.propositions[i] for i in ids if i in self.propositions}


def analyse_stories(stories: Sequence[Story], by_id: Mapping[str, Article], per: StoryInputs, *,
                    resources: Resources, settings: Settings, policy: FailurePolicy,
                    progress: Progress = _no_progress, on_disk: bool = False,
                    checkpoint: Checkpoint | None = None) -> Sequence[Story]:
    """Compare and summarise stories in windows: each window's sentences go through the encoder in one pass
    (bigger batches pad less), then each story of the window is analysed from the cached vectors.

    ``on_disk``: finished stories wait on disk (a ``RecordSpill``, in order), not in RAM. ``checkpoint``: each
    finished window is saved there (under its first story's place), and a window a killed run saved is taken."""
    from newsprism.compare import encode_story_texts, story_texts
    from newsprism.memory import release_freed_memory
    from newsprism.spill import RecordSpill

    done: list[Story] | RecordSpill[Story] = RecordSpill("newsprism-stories-") if on_disk else []
    window: list[tuple[Story, list[Article], tuple[list[Quote], list[Citation], list[Claim]], dict[str, Any]]] = []
    texts: list[Any] = []
    size = 0

    def flush() -> None:
        nonlocal size
        if texts:
            try:
                encode_story_texts(texts, resources)
            except Exception as exc:  # noqa: BLE001 - each story then encodes (and fails) on its own
                log.warning("encoding a window of stories failed: %s", exc)
        first = len(done)
        finished, failed = [], []
        for story, members, inputs, known in window:
            progress("compare", len(done), len(stories))
            story, failure = analyse_story(story, members, *inputs, resources=resources, settings=settings,
                                           propositions=known)
            if failure is not None:
                failed.append(failure)
            finished.append(story)
        if checkpoint is not None and finished:
            checkpoint.save(f"window:{first}", {"ids": [(s.id, s.article_ids) for s, *_ in window],
                                                "stories": finished, "failures": failed})
        add(finished, failed)
        window.clear()
        texts.clear()
        size = 0
        release_freed_memory()  # the window's activations and vectors, before the next window's

    def add(finished: Sequence[Story], failed: Sequence[Failure]) -> None:
        policy.failures.extend(failed)
        for story in finished:
            if isinstance(done, RecordSpill):
                done.add(str(len(done)), [story])
            else:
                done.append(story)

    skip = 0
    for at, story in enumerate(stories):
        if skip:
            skip -= 1
            continue
        if checkpoint is not None and not window:  # a window starts here: did a killed run finish it?
            saved = checkpoint.load(f"window:{at}")
            if saved is not None and saved["ids"] == [(s.id, s.article_ids)
                                                      for s in stories[at:at + len(saved["ids"])]]:
                add(saved["stories"], saved["failures"])
                skip = len(saved["ids"]) - 1
                continue
        members = [by_id[a] for a in story.article_ids if a in by_id]
        inputs = per.of(story)
        known = per.propositions_of(story)
        plan = story_texts([p for c in inputs[2] for p in known.get(c.id, ())], members)
        window.append((story, members, inputs, known))
        texts.append(plan)
        size += len(plan.sentences) + len(plan.cores)
        if size >= settings.story_window_sentences:
            flush()
    flush()
    progress("compare", len(done), len(stories))
    return done


def analyse_story(story: Story, members: Sequence[Article], quotes: Sequence[Quote], citations: Sequence[Citation],
                  claims: Sequence[Claim], *, resources: Resources, settings: Settings,
                  propositions: Mapping[str, Sequence[Any]] | None = None) -> tuple[Story, Failure | None]:
    """Compare and summarise one story; a story that fails keeps its articles and loses only its analysis. A
    story in several languages is read in one multilingual vector space (``newsprism.multilingual``)."""
    from newsprism.compare import compare_story
    from newsprism.multilingual import MultilingualResources, in_majority_language, story_resources
    from newsprism.summarize import summarize_story

    resources = story_resources(resources, members)

    policy = FailurePolicy()
    with policy.guard(f"story:{story.id}", None):
        groups = compare_story(story, members, quotes=quotes, citations=citations, claims=claims,
                               resources=resources, settings=settings, propositions=propositions)
        if isinstance(resources, MultilingualResources):  # a row reads in the language most of its sources use
            groups = in_majority_language(groups, members)
        story = replace(story, claims=tuple(groups))  # kept when only the summary fails
        summary, timeline, title = summarize_story(story, members, resources=resources, settings=settings)
        return replace(story, summary=tuple(summary), timeline=tuple(timeline), title=title or story.title), None
    return story, policy.failures[0]


def merge_entities(*groups: Sequence[Entity]) -> tuple[Entity, ...]:
    """Entities with one id (the same canonical referent) merged: aliases and articles united, order kept."""
    merged: dict[str, Entity] = {}
    for group in groups:
        for e in group:
            old = merged.get(e.id)
            if old is None:
                merged[e.id] = e
            else:
                merged[e.id] = replace(old, aliases=tuple(dict.fromkeys(old.aliases + e.aliases)),
                                       article_ids=tuple(dict.fromkeys(old.article_ids + e.article_ids)))
    return tuple(merged.values())


class Lookup(Protocol):
    """Where an update reads the parts of an earlier analysis it was not given (the store): the articles of the
    stories it changes, their records, the entities it adds to."""

    def articles(self, ids: Sequence[str]) -> list[Article]: ...

    def records(self, ids: Sequence[str]) -> tuple[list[Quote], list[Citation], list[Claim]]: ...

    def entities(self, entity_ids: Sequence[str], article_ids: Sequence[str]) -> list[Entity]: ...


def _keep_links(articles: Sequence[Article], stored: Mapping[str, Article], fresh: set[str]) -> list[Article]:
    """Stored articles keep the copy and rewrite links they have, gaining only links to the new articles: in a
    window of the corpus a source may be absent, and word rarity is read from fewer texts, which is not a reason
    to forget a link or to find new ones between texts that were compared before."""
    out = []
    for a in articles:
        old = stored.get(a.id)
        if old is not None:
            dup = a.duplicate_of if a.duplicate_of in fresh else old.duplicate_of
            derived = old.derived_from + tuple(s for s in a.derived_from if s in fresh and s not in old.derived_from)
            if (dup, derived) != (a.duplicate_of, a.derived_from):
                a = replace(a, duplicate_of=dup, derived_from=derived)
        out.append(a)
    return out


def update_analysis(previous: AnalysisResult, new_articles: Sequence[Article], resources: Resources,
                    settings: Settings, policy: FailurePolicy, progress: Progress = _no_progress, *,
                    lookup: Lookup | None = None, elsewhere: WordCounts | None = None,
                    stale: Collection[str] = ()) -> AnalysisResult:
    """Add articles to an analysed corpus without recomputing the rest.

    Only the new articles are extracted; they join existing stories (whose ids stay) or open new ones; only the
    stories whose articles changed are compared and summarised again, and the ``stale`` ones (stories that lost
    an article to a newer version of its input, ``store.versions``).

    With ``lookup``, ``previous`` holds only a window of the corpus (the articles near the new ones in time and
    their stories, no records): dedupe and clustering see that window, and what the changed stories need beyond
    it is read from ``lookup``, and ``elsewhere`` counts the words of the articles outside the window (so that
    rewrite detection weighs words as in the whole corpus). The result then holds the window's articles and
    stories, the new articles' records and the entities they touch.
    """
    from newsprism.cluster import cluster_stories
    from newsprism.dedupe import find_duplicates
    from newsprism.extract import extract_corpus

    known = {a.id for a in previous.articles}
    fresh = [a for a in _unique(new_articles) if a.id not in known]
    if not fresh and not stale:
        return previous
    articles = find_duplicates([*previous.articles, *fresh], settings=settings, elsewhere=elsewhere)
    fresh_ids = {a.id for a in fresh}
    if lookup is not None:
        articles = _keep_links(articles, {a.id: a for a in previous.articles}, fresh_ids)
    extraction = extract_corpus([a for a in articles if a.id in fresh_ids], resources=resources,
                                settings=settings, policy=policy, progress=progress)
    quotes = (*previous.quotes, *extraction.quotes)
    citations = (*previous.citations, *extraction.citations)
    claims = (*previous.claims, *extraction.claims)
    stories = cluster_stories(articles, resources=resources, settings=settings, existing=previous.stories)
    before = {s.id: s for s in previous.stories}
    by_id = {a.id: a for a in articles}
    kept: dict[str, Story] = {}
    for story in stories:
        old = before.get(story.id)
        if old is not None and set(old.article_ids) == set(story.article_ids) and story.id not in stale:
            kept[story.id] = replace(story, claims=old.claims, summary=old.summary, timeline=old.timeline,
                                     title=old.title)
    todo = [s for s in stories if s.id not in kept]
    base_entities: Sequence[Entity] = previous.entities
    if lookup is None:
        per = StoryInputs(quotes, citations, claims, extraction.propositions)
    else:
        members = list(dict.fromkeys(a for s in todo for a in s.article_ids))
        by_id.update((a.id, a) for a in lookup.articles([a for a in members if a not in by_id]))
        q, c, cl = lookup.records([a for a in members if a not in fresh_ids])
        per = StoryInputs((*q, *extraction.quotes), (*c, *extraction.citations), (*cl, *extraction.claims),
                          extraction.propositions)
        sources = [a.duplicate_of for a in articles if a.id in fresh_ids and a.duplicate_of]
        base_entities = lookup.entities(list(dict.fromkeys(e.id for e in extraction.entities)), sources)
    entities = entities_with_copies(merge_entities(base_entities, extraction.entities), articles)
    fresh_done = iter(analyse_stories(todo, by_id, per, resources=resources, settings=settings, policy=policy,
                                      progress=progress))
    done = [kept[s.id] if s.id in kept else next(fresh_done) for s in stories]
    failures = (*previous.failures, *policy.failures)
    stats = {"articles": len(articles), "removed_pieces": sum(len(a.removed) for a in articles),
             "stories": len(done), "duplicates": sum(1 for a in articles if a.duplicate_of),
             "failures": len(failures), "added": len(fresh)}
    return AnalysisResult(articles=tuple(articles), stories=tuple(done), quotes=quotes, citations=citations,
                          entities=entities, claims=claims, failures=failures, stats=stats)
