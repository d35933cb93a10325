"""extract_corpus on a corpus bigger than one batch: parses wait on disk and the result is the same."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from newsprism.extract import PropositionSpill
from newsprism.pipeline import FailurePolicy, StoryInputs, extract_corpus
from newsprism.records import Article, Story
from newsprism.resources import Resources
from newsprism.settings import Settings
from newsprism.spill import RecordSpill

STORIES = Path(__file__).resolve().parents[1] / "data" / "stories"


def test_spilled_parses_give_the_same_extraction(resources: Resources, settings: Settings) -> None:
    rows = [json.loads(line) for name in ("denial", "independent")
            for line in (STORIES / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    arts = [Article(id=r["id"], text=r["text"], outlet=r["outlet"], published=r["published"], title=r["title"])
            for r in rows]
    stages: list[str] = []
    whole = extract_corpus(arts, resources=resources, settings=settings, policy=FailurePolicy(),
                           progress=lambda *_: None)
    spilled = extract_corpus(arts, resources=resources, settings=replace(settings, extract_batch=2),
                             policy=FailurePolicy(), progress=lambda stage, *_: stages.append(stage))
    assert whole.claims and whole.quotes
    # quotes, citations and claims wait on disk too, and read back as they were made
    assert isinstance(spilled.claims, RecordSpill) and isinstance(whole.claims, tuple)
    assert tuple(spilled.quotes) == whole.quotes and tuple(spilled.citations) == whole.citations
    assert tuple(spilled.claims) == whole.claims and spilled.entities == whole.entities
    # propositions wait on disk too, and come back per article as they were made
    assert isinstance(spilled.propositions, PropositionSpill) and isinstance(whole.propositions, dict)
    assert whole.propositions
    assert spilled.propositions.of_articles(a.id for a in arts) == whole.propositions
    first = arts[0].id
    mine = {c.id for c in whole.claims if c.article_id == first}
    assert mine and set(spilled.propositions.of_articles([first])) == mine & set(whole.propositions)
    story = Story(id="s", title="", article_ids=(first,))
    assert StoryInputs((), (), whole.claims, spilled.propositions).propositions_of(story) == \
        StoryInputs((), (), whole.claims, whole.propositions).propositions_of(story)
    assert stages.count("parse") == -(-len(arts) // 2)  # one progress step per batch of two
