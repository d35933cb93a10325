"""Claims across outlets on the tiny story corpora in tests/data/stories (fictional outlets and people)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.story_corpora import compare_named, story_articles

from newsprism.compare import compare_story
from newsprism.pipeline import FailurePolicy, extract_corpus
from newsprism.records import Article, Claim, ClaimGroup, Story
from newsprism.resources import Resources
from newsprism.settings import Settings

STORIES = Path(__file__).resolve().parent / "data" / "stories"


@pytest.fixture(scope="module")
def compare(resources: Resources, settings: Settings) -> Callable[..., list[ClaimGroup]]:
    def run(name: str, **changes: dict[str, object]) -> list[ClaimGroup]:
        return compare_named(name, resources, settings, changes)

    return run


def _group(groups: list[ClaimGroup], *words: str) -> ClaimGroup:
    found = [g for g in groups if all(w in " ".join(s.text.lower() for s in g.sources) for w in words)]
    assert found, f"no group mentions {words}: {[g.text for g in groups]}"
    return max(found, key=lambda g: len({s.article_id for s in g.sources}))


def test_two_independent_outlets_corroborate(compare: Callable[..., list[ClaimGroup]]) -> None:
    g = _group(compare("independent"), "six months")
    assert {s.article_id for s in g.sources} >= {"ind-1", "ind-2"}
    assert "ind-3" not in {s.article_id for s in g.sources}
    assert g.status == "corroborated"
    assert g.independent_origins == 2
    assert "2 independent origins" in g.reason


def test_three_rewrites_of_one_origin_are_not_corroboration(compare: Callable[..., list[ClaimGroup]]) -> None:
    g = _group(compare("rewrites"), "resign")
    ids = {s.article_id for s in g.sources}
    assert len(ids) >= 3
    assert g.status in {"single-source", "unverified"}
    assert g.independent_origins == 1
    assert g.first_source == "rw-origin"
    assert any(kind == "cites" and src == "rw-origin" for src, _, kind in g.provenance)
    assert all(s.stance != "reports" for s in g.sources if s.article_id != "rw-origin")


def test_copy_edges_count_once(compare: Callable[..., list[ClaimGroup]]) -> None:
    """Declared derivation (dedupe's derived_from) makes rewrites one origin and shows as a provenance edge."""
    derived = {a: {"derived_from": ("rw-origin",)} for a in ("rw-1", "rw-2", "rw-3")}
    g = _group(compare("rewrites", **derived), "resign")
    assert g.independent_origins == 1
    assert ("rw-origin", "rw-1", "rewrites") in g.provenance


def test_on_record_denial(compare: Callable[..., list[ClaimGroup]]) -> None:
    g = _group(compare("denial"), "close", "1,200")
    deniers = [s for s in g.sources if s.stance == "denies"]
    assert deniers and {s.article_id for s in deniers} & {"den-denial", "den-relay"}
    assert g.status in {"denied", "disputed"}
    assert "denied by" in g.reason
    assert any(s.stance == "attributes" and s.article_id == "den-origin" for s in g.sources)


def test_numbers_that_differ_are_a_note_not_a_dispute(compare: Callable[..., list[ClaimGroup]]) -> None:
    """Outlets counting at different times give different figures: one row, a note naming who gives which."""
    g = _group(compare("numbers"), "killed")
    assert {"num-12", "num-14"} <= {s.article_id for s in g.sources}
    assert g.status not in {"disputed", "denied"}
    assert not any(s.stance in {"denies", "doubts"} for s in g.sources)
    assert "figures differ" in g.reason
    assert "Twelve" in g.reason and "Fourteen" in g.reason


def test_every_group_has_reason_and_stable_ids(compare: Callable[..., list[ClaimGroup]]) -> None:
    first = compare("denial")
    again = compare("denial")
    assert all(g.reason for g in first)
    assert [g.id for g in first] == [g.id for g in again]
    assert len({g.id for g in first}) == len(first)


def test_compare_extracts_claims_when_given_none(resources: Resources, settings: Settings) -> None:
    arts = story_articles("numbers")
    story = Story(id="s", title="t", article_ids=tuple(a.id for a in arts))
    groups = compare_story(story, arts, quotes=[], citations=[], claims=[], resources=resources, settings=settings)
    assert groups and all(s.article_id in story.article_ids for g in groups for s in g.sources)


def test_seed_claims_have_reasons(shared_dir: Path, resources: Resources, settings: Settings) -> None:
    """On the real seeds: every group has a reason, and a request that is denied on the record is disputed."""
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    arts = [Article(id=p.stem, text=p.read_text(encoding="utf-8")) for p in seeds]
    story = Story(id="seeds", title="seeds", article_ids=tuple(a.id for a in arts))
    groups = compare_story(story, arts, quotes=[], citations=[], claims=[], resources=resources, settings=settings)
    assert groups and all(g.reason for g in groups)
    assert any(g.status in {"disputed", "denied"} and sum(s.stance == "denies" for s in g.sources) >= 2
               for g in groups)


_BLOCKADE = [
    ("blk-wire", None, "blk-wire-17",
     "Veloria has not asked Dunmark for naval support, government spokesman Arno Pell said on Tuesday.\n\n"
     "Several newspapers, citing unnamed officials, had reported that Veloria had asked Dunmark for naval vessels "
     "to support its blockade of Ostria. The Dunmark foreign office called this disinformation.\n\n"
     "Trade between the two countries grew by a tenth last year, according to customs figures."),
    ("blk-ledger", "The Harbor Ledger", None,
     "Veloria has turned to Dunmark for naval vessels and fuel for its blockade of Ostria, according to officials "
     "familiar with the matter.\n\n"
     "The officials, who spoke on condition of anonymity, did not say how many ships were requested.\n\n"
     "Veloria's prime minister Hedda Strand will meet Dunmark's foreign minister in Port Amsel on Friday.\n\n"
     "Mira Olsen, a spokeswoman for the Dunmark embassy in Veloria, said she was unaware of any such request "
     "for help."),
    ("blk-coast", "Coastline Wire", None,
     "Local media, citing anonymous officials, say Veloria asked Dunmark for naval ships to enforce the "
     "blockade of Ostria.\n\nCoastline Wire was unable to verify these claims.\n\n"
     "Fishing boats from Ostria have stayed in port since Monday, the harbour master said."),
]


def test_denials_and_doubts_find_the_request_they_answer(resources: Resources, settings: Settings) -> None:
    """A lead denial, 'this disinformation', 'any such request' and 'these claims' all land on the request."""
    arts = [Article(id=i, text=t, outlet=o, source_id=sid, title="Veloria asks Dunmark for ships")
            for i, o, sid, t in _BLOCKADE]
    ex = extract_corpus(arts, resources=resources, settings=settings, policy=FailurePolicy(),
                        progress=lambda *_: None)
    story = Story(id="s-blk", title="blockade", article_ids=tuple(a.id for a in arts))
    groups = compare_story(story, arts, quotes=ex.quotes, citations=ex.citations, claims=ex.claims,
                           resources=resources, settings=settings)
    g = _group(groups, "naval", "asked")
    by = {(s.article_id, s.stance) for s in g.sources}
    assert {("blk-wire", "denies"), ("blk-ledger", "denies"), ("blk-coast", "doubts")} <= by
    assert {"blk-wire", "blk-ledger", "blk-coast"} <= {s.article_id for s in g.sources if s.stance == "attributes"}
    # each says why it is on the row: "this disinformation", "any such request" and "these claims" point back to
    # the report; the spokesman's "has not asked" states the opposite in the row's words
    links = {s.text.split(",")[0]: s.link for s in g.sources if s.stance in {"denies", "doubts"}}
    assert links == {"Coastline Wire was unable to verify these claims.": "points-back",
                     "Mira Olsen": "points-back",
                     "The Dunmark foreign office called this disinformation.": "points-back",
                     "Veloria has not asked Dunmark for naval support": "opposite"}
    assert all(s.link is None for s in g.sources if s.stance == "attributes")
    assert g.status in {"disputed", "denied"}
    assert "blk-wire-17" in g.reason  # an article without outlet is named by its source id, not its title
    assert "Veloria asks" not in g.reason
    assert all(grp.reason for grp in groups)


def test_outlet_label_never_falls_back_to_the_title() -> None:
    from newsprism.compare.verdict import NO_OUTLET, outlet_of

    assert outlet_of(Article(id="a", text="x", outlet="Harbor Ledger", title="A long headline"), "a") == \
        "Harbor Ledger"
    assert outlet_of(Article(id="a", text="x", url="https://www.ledger.example/x", title="Headline"), "a") == \
        "ledger.example"
    assert outlet_of(Article(id="a", text="x", source_path="/data/in/017_wire.txt", title="Headline"), "a") == \
        "017_wire.txt"
    assert outlet_of(Article(id="a", text="x", title="Headline"), "a") == NO_OUTLET
    # records of one JSONL file are told apart by their ids, not folded into one "input.jsonl"
    assert outlet_of(Article(id="a", text="x", source_path="/data/in/input.jsonl", source_id="wire-17"), "a") == \
        "input.jsonl #wire-17"


def test_propositions_come_from_the_article_parse(resources: Resources, settings: Settings) -> None:
    """Extraction hands compare each claim's propositions, read from the article's own parse (no second parse)."""
    from newsprism.compare.align import propositions

    arts = story_articles("denial")
    ex = extract_corpus(arts, resources=resources, settings=settings, policy=FailurePolicy(),
                        progress=lambda *_: None)
    assert ex.claims and set(ex.propositions) == {c.id for c in ex.claims}

    class NoParse:
        def pipe(self, texts: list[str]) -> list[object]:
            assert not list(texts), "claims were parsed again"
            return []

    known = propositions(ex.claims, NoParse(), ex.propositions)
    fresh = propositions(ex.claims, resources.nlp)
    assert [p.claim.id for p in known] == [p.claim.id for p in fresh]
    same = sum(a.core == b.core for a, b in zip(known, fresh, strict=True))
    assert same >= 0.9 * len(fresh)


def test_similarity_nudges_match_the_pairwise_definition() -> None:
    """The whole-matrix similarity equals the pair-by-pair definition (entities, numbers within 5%, predicate,
    variants of one claim apart)."""
    import random

    import numpy as np

    from newsprism.compare.align import Proposition, similarity
    from newsprism.records import Claim

    rng = random.Random(7)
    props = [Proposition(claim=Claim(id=f"c{rng.randrange(40)}", article_id="a", text="t"), core="t", variant=0,
                         negative=False, entities=frozenset(rng.sample(["kell", "ambrel", "oslo"], rng.randrange(3))),
                         values=tuple(rng.choice([[], [100.0], [103.0], [1200.0, 5.0], [1100.0], [1200.0, 24.0]])),
                         predicate=rng.choice(["", "ask", "close"])) for _ in range(60)]
    vecs = np.random.default_rng(7).normal(size=(60, 16)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    got = similarity(props, vecs)
    centred = vecs - (60 / 70) * vecs.mean(axis=0, keepdims=True)
    centred /= np.linalg.norm(centred, axis=1, keepdims=True)
    base = 0.5 * (vecs @ vecs.T + centred @ centred.T)
    for i in range(60):
        for j in range(60):
            a, b = props[i], props[j]
            if i == j:
                want = base[i, j]
            elif a.claim.id == b.claim.id:
                want = -1.0
            else:
                want = base[i, j]
                if a.entities and b.entities:
                    want += 0.04 if a.entities & b.entities else -0.04
                if any(abs(x - y) <= 0.05 * max(abs(x), abs(y)) for x in a.values for y in b.values):
                    want += 0.04
                if sum(abs(x - y) <= 0.05 * max(abs(x), abs(y)) for x in a.values for y in b.values
                       if abs(x) >= 10 and abs(y) >= 10) >= 2:
                    want += 0.04  # two specific figures in common ("24 jets", "$3.2 billion")
                if a.predicate and a.predicate == b.predicate:
                    want += 0.02
            assert abs(got[i, j] - want) < 1e-5, (i, j)


def _synthetic_story(n_topics: int, per_topic: int, seed: int, dims: int = 32) -> tuple[list[Any], Any]:
    """Propositions around ``n_topics`` distinct points (a few outlets each), some negated, some sharing ids."""
    import random

    import numpy as np

    from newsprism.compare.align import Proposition
    from newsprism.records import Claim

    rng = random.Random(seed)
    gen = np.random.default_rng(seed)
    centres = gen.normal(size=(n_topics, dims))
    props, rows = [], []
    for t in range(n_topics):
        for k in range(per_topic):
            cid = f"c{t}-{k // 2}"  # two variants per claim now and then
            props.append(Proposition(
                claim=Claim(id=cid, article_id=f"a{k}", text=f"topic {t} claim {k}"), core=f"t{t}k{k}",
                variant=k % 2, negative=rng.random() < 0.15,
                entities=frozenset(rng.sample([f"e{t}", f"e{t + 1}", "capital"], rng.randrange(3))),
                values=(float(t),) if rng.random() < 0.3 else (), predicate=rng.choice(["", "ask", "close"])))
            rows.append(centres[t] + gen.normal(scale=rng.choice([0.35, 0.6, 0.9]), size=dims))
    vecs = np.asarray(rows, dtype=np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    order = gen.permutation(len(props))
    return [props[i] for i in order], vecs[order]


def test_grouping_by_parts_equals_one_matrix() -> None:
    """A story too large for one matrix is grouped part by part, with the same groups and member scores."""
    from dataclasses import replace

    import numpy as np

    from newsprism.compare import group_propositions
    from newsprism.compare.align import similarity_blocks

    props, vecs = _synthetic_story(n_topics=40, per_topic=9, seed=3, dims=256)
    whole = Settings(dense_limit=10_000)
    parts = replace(whole, dense_limit=60)
    blocks = similarity_blocks(props, vecs, floor=0.49, limit=60)
    assert len(blocks.parts) > 5 and blocks.exact  # the story really was split, and exactly
    assert max(len(ids) for ids, _ in blocks.parts) <= 60
    want, want_sims = group_propositions(props, vecs, whole)
    got, got_sims = group_propositions(props, vecs, parts)
    assert sorted(got) == sorted(want)
    assert any(len(g) > 2 for g in want)
    for g, s in zip(got, got_sims, strict=True):
        np.testing.assert_allclose(s, want_sims[want.index(g)], atol=1e-5)


def test_a_chained_part_too_large_is_binned_and_flagged() -> None:
    """Claims that all chain together are packed into bins of at most the limit, a claim's close neighbours
    in its own bin, and the result says it is approximate."""
    from newsprism.compare.align import similarity_blocks

    props, vecs = _synthetic_story(n_topics=12, per_topic=10, seed=5)
    blocks = similarity_blocks(props, vecs, floor=-0.5, limit=50)
    assert not blocks.exact
    assert sorted(i for ids, _ in blocks.parts for i in ids) == list(range(len(props)))
    assert max(len(ids) for ids, _ in blocks.parts) <= 50
    part_of = {i: k for k, (ids, _) in enumerate(blocks.parts) for i in ids}
    topic = [p.core.split("k")[0] for p in props]
    same_topic = [(i, j) for i in range(len(props)) for j in range(i) if topic[i] == topic[j]]
    together = sum(part_of[i] == part_of[j] for i, j in same_topic) / len(same_topic)
    assert together > 0.8  # far above the ~0.4 of bins filled at random


def test_a_negation_of_another_predicate_is_no_denial(resources: Resources) -> None:
    """'The report said Dunmark had not decided how to respond' relays the request; it does not deny it, while
    'Veloria has not asked for ships' does."""
    from newsprism.compare import _stance
    from newsprism.compare.align import claim_propositions
    from newsprism.compare.grouping import group_frame as _group_frame
    from newsprism.records import Claim

    texts = [("Veloria asked Dunmark for naval ships to enforce the blockade, officials said.", "officials", False),
             ("The report said Dunmark had not decided how to respond to the request for naval ships.", "The report",
              True),
             ("Veloria has not asked Dunmark for any naval ships, a spokesman said.", "a spokesman", True)]
    claims = [Claim(id=f"c{i}", article_id=f"a{i}", text=t, attributed_to=who, negated=neg)
              for i, (t, who, neg) in enumerate(texts)]
    props = [p for c in claims for p in claim_propositions(c, resources.nlp(c.text))[:1]]
    frame = _group_frame(props, range(len(props)), False)
    assert [_stance(p, False, frame) for p in props] == ["attributes", "attributes", "denies"]


def _vell(resources: Resources, settings: Settings, second_remark: bool,
          response: str = "Mayor Ana Ruiz called Vell's comments \"wildly inaccurate.\"",
          dredging_told_twice: bool = True) -> list[ClaimGroup]:
    texts = [
        ("vl-a", "Harbour Courier",
         "Senator Odra Vell said on Monday that the harbour tax would double in May.\n\n"
         + ("Vell also said that the port authority had lost the records of its dredging contracts.\n\n"
            if second_remark else "")
         + "Fishing crews met in Port Amsel on Tuesday to discuss the season."),
        ("vl-b", "Amsel Daily",
         "The harbour tax will double in May, Senator Odra Vell said.\n\n"
         + ("The port authority lost the records of its dredging contracts, Vell said.\n\n"
            if second_remark and dredging_told_twice else "")
         + response),
    ]
    arts = [Article(id=i, text=t, outlet=o, title="Vell on the harbour") for i, o, t in texts]
    ex = extract_corpus(arts, resources=resources, settings=settings, policy=FailurePolicy(), progress=lambda *_: None)
    story = Story(id="s-vell", title="harbour", article_ids=tuple(a.id for a in arts))
    return compare_story(story, arts, quotes=ex.quotes, citations=ex.citations, claims=ex.claims,
                         resources=resources, settings=settings)


def test_comments_of_a_speaker_who_said_several_things_answer_none_of_them(resources: Resources,
                                                                            settings: Settings) -> None:
    """"Vell's comments were wildly inaccurate" says nothing of what they were: with one remark of Vell's in the
    story it answers that remark; with two, no row is chosen for it and no row of Vell's reads as disputed."""
    one = _vell(resources, settings, second_remark=False)
    tax = _group(one, "harbour tax")
    assert any(s.stance == "denies" and "wildly" in s.text and s.link == "names-source" for s in tax.sources)
    assert tax.status == "disputed"
    two = _vell(resources, settings, second_remark=True)
    for words in (("harbour tax",), ("dredging",)):
        g = _group(two, *words)
        assert not any("wildly" in s.text for s in g.sources), words
        assert g.status not in {"disputed", "denied"}, words
    assert any("wildly" in s.text for g in two for s in g.sources)  # told as a row of its own


def _row_stances(resources: Resources, texts: list[tuple[str, bool]]) -> list[str]:
    """Each sentence's stance in a row made of all of them (``texts``: each sentence and whether it is negated),
    judged against the others as the comparison judges a member against its row."""
    from newsprism.compare import _stance, judged_frame
    from newsprism.compare.align import claim_propositions
    from newsprism.records import Claim

    claims = [Claim(id=f"c{i}", article_id=f"a{i}", text=t, negated=neg) for i, (t, neg) in enumerate(texts)]
    props = [p for c in claims for p in claim_propositions(c, resources.nlp(c.text))[:1]]
    out = []
    for i, p in enumerate(props):
        others = [j for j in range(len(props)) if j != i and not props[j].negative]
        frame = judged_frame(props, others, p, False)
        out.append(_stance(p, False, frame, None, frozenset(props[j].predicate for j in others)))
    return out


def test_a_negation_under_a_light_verb_must_deny_what_the_row_speaks_of(resources: Resources) -> None:
    """'Ruiz has no affiliation with the super PAC' shares the PAC's name with a row about its ad, but denies an
    affiliation that row never states; 'the U.S. is not the only country to grant it' denies the row's 'only
    country'."""
    def stances(texts: list[tuple[str, bool]]) -> list[str]:
        return _row_stances(resources, texts)

    assert stances([("A super PAC ran an ad attacking Senator Ruiz over the harbour tax.", False),
                    ("The super PAC ad was paid for by a developer in Port Amsel.", False),
                    ("Senator Ruiz has no affiliation with the super PAC.", True)])[2] == "reports"
    # the row carries the same negation inside a sentence that reads as positive: an echo, not a contrary
    assert stances([("Senator Ruiz is heading to Ostra on Monday, but its former mayor has a message for her: you are "
                     "not welcome.", False),
                    ("The former mayor of Ostra criticized the council for inviting Senator Ruiz.", False),
                    ("She is not welcome in Ostra, the former mayor said.", True)])[2] != "denies"
    assert stances([("We're the only country in the world that grants citizenship to every baby born here.", False),
                    ("Ruiz said we are the only country that grants citizenship at birth.", False),
                    ("The U.S. is not the only country to grant citizenship at birth.", True)])[2] == "denies"


def test_a_response_that_says_what_it_is_about_answers_the_closest_of_the_speakers_rows(
        resources: Resources, settings: Settings) -> None:
    """"Vell's assertions about the harbour and its dredging records were false" answers Vell's row on the records,
    not the row about the harbour tax that more outlets tell of him."""
    groups = _vell(resources, settings, second_remark=True, dredging_told_twice=False,
                   response="Mayor Ana Ruiz said Vell's assertions about the harbour and its dredging contract records "
                            "were false.")
    records = _group(groups, "dredging")
    assert any(s.stance == "denies" and "Ruiz" in s.text for s in records.sources)
    assert not any("Ruiz" in s.text for s in _group(groups, "harbour tax").sources)


def test_a_failure_told_twice_is_no_contradiction(resources: Resources) -> None:
    """"Her eye could not be saved" beside "doctors were unable to save her left eye" tells the same failure in
    other words; "the trapped miners could not be rescued" beside "all the miners were rescued" still contradicts."""
    def stances(texts: list[tuple[str, bool]]) -> list[str]:
        return _row_stances(resources, texts)

    assert stances([("Glass went flying into Lena Varo's face and she was rushed to a hospital, but doctors were "
                     "unable to save her left eye.", False),
                    ("Glass from the shattered car window flew into Varo's eye, and despite being rushed to a "
                     "hospital, doctors were unable to save her left eye.", False),
                    ("Varo has lost sight in her left eye and has blurry vision in the other.", False),
                    ("Ms Varo's injured eye could not be saved, and she has blurred vision in the other.", True)])[3] \
        == "reports"
    assert stances([("Rescuers reached the trapped miners on Tuesday and brought all of them to the surface.", False),
                    ("All the miners trapped in the collapse were rescued on Tuesday, officials said.", False),
                    ("The trapped miners could not be rescued, and the search was called off.", True)])[2] == "denies"


def test_the_outlet_a_claims_own_sentence_cites() -> None:
    """Only a citation inside the claim's sentence, and only one outlet, names where the claim comes from."""
    from newsprism.compare import cited_in_sentence
    from newsprism.records import Citation

    text = "The Harbour Gazette reported that the pier was sold. Reuters and AP said so too. The pier is old."
    claims = [Claim(id=f"c{i}", article_id="a", text=t, start=text.index(t), end=text.index(t) + len(t))
              for i, t in enumerate(text.split(". "))]
    cites = [Citation(article_id="a", outlet="The Harbour Gazette", text="", start=0, end=19),
             Citation(article_id="a", outlet="Reuters", text="", start=53, end=60),
             Citation(article_id="a", outlet="AP", text="", start=65, end=67),
             Citation(article_id="b", outlet="CNN", text="", start=80, end=90)]
    assert cited_in_sentence(claims, cites) == {"c0": "The Harbour Gazette"}
