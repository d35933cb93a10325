"""Story clustering on fictional articles written for these tests (real MiniLM through the resources fixture)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import numpy as np

from newsprism.cluster import clean_title, cluster_stories
from newsprism.cluster.agglomerate import agglomerate
from newsprism.cluster.features import entities_of, numbers_of
from newsprism.cluster.search import neighbour_pairs
from newsprism.records import Article, Story
from newsprism.resources import Resources
from newsprism.settings import Settings


def _texts() -> ModuleType:
    spec = importlib.util.spec_from_file_location("velmora_texts", Path(__file__).parent / "data" / "velmora_texts.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


T = _texts()


def art(aid: str, text: str, published: str | None, title: str, **kw: object) -> Article:
    return Article(id=aid, text=text, published=published, title=title, **kw)  # type: ignore[arg-type]


WIRE = art("wire", T.WIRE, "2031-04-01", "Velmora dock workers strike over overtime rules | Coastal Wire",
           outlet="Coastal Wire")
OWN = art("own", T.INDEPENDENT, "2031-04-01", "Strikers at Velmora describe double shifts")
FARM = art("farm", T.PARAPHRASE, "2031-04-02", "Velmora port halted by strike", derived_from=("wire",))
OTHER = art("other", T.OTHER_STRIKE, "2031-04-15", "Dunmarrow port crews stage 48-hour stoppage")
FOLLOW = art("follow", T.FOLLOW_UP, "2031-04-12", "Velmora dockers accept new contract")


def home(stories: list[Story]) -> dict[str, Story]:
    return {aid: s for s in stories for aid in s.article_ids}


def test_one_event_one_story_other_subject_apart_follow_up_related(resources: Resources, settings: Settings) -> None:
    stories = cluster_stories([WIRE, OWN, FARM, OTHER, FOLLOW], resources=resources, settings=settings)
    where = home(stories)
    assert where["wire"].id == where["own"].id == where["farm"].id
    assert where["other"].id != where["wire"].id
    assert where["follow"].id != where["wire"].id
    assert where["follow"].id in where["wire"].related_story_ids
    assert where["wire"].id in where["follow"].related_story_ids
    assert sorted(a for s in stories for a in s.article_ids) == sorted(["wire", "own", "farm", "other", "follow"])


def test_same_words_a_year_apart_are_two_stories(resources: Resources, settings: Settings) -> None:
    later = art("later", T.WIRE.replace("Tuesday", "Wednesday"), "2032-04-01", "Velmora dock workers strike again")
    where = home(cluster_stories([WIRE, later], resources=resources, settings=settings))
    assert where["wire"].id != where["later"].id
    undated = art("undated", later.text, None, later.title or "")
    where = home(cluster_stories([WIRE, undated], resources=resources, settings=settings))
    assert where["wire"].id == where["undated"].id  # without a date, content decides


def test_duplicates_join_their_source_story(resources: Resources, settings: Settings) -> None:
    copy = art("copy", T.WIRE, "2031-04-03", "Copy", duplicate_of="wire")
    where = home(cluster_stories([copy, OTHER, WIRE], resources=resources, settings=settings))
    assert where["copy"].id == where["wire"].id != where["other"].id


def test_ids_do_not_depend_on_input_order_and_titles_are_clean(resources: Resources, settings: Settings) -> None:
    one = cluster_stories([WIRE, OWN, OTHER], resources=resources, settings=settings)
    two = cluster_stories([OTHER, OWN, WIRE], resources=resources, settings=settings)
    assert {s.id: set(s.article_ids) for s in one} == {s.id: set(s.article_ids) for s in two}
    assert all("|" not in s.title and "Coastal Wire" not in s.title for s in one)


def test_incremental_keeps_ids_and_only_adds(resources: Resources, settings: Settings) -> None:
    first = cluster_stories([WIRE, OWN, OTHER], resources=resources, settings=settings)
    first = [Story(id=s.id, title=f"kept {s.title}", article_ids=s.article_ids) for s in first]
    new = art("new", "Firefighters in the hill town of Ostrava Minor contained a forest fire on Sunday after "
              "three days, the regional fire service said. About 300 hectares burned and 40 homes were evacuated.",
              "2031-04-03", "Forest fire near Ostrava Minor contained")
    second = cluster_stories([WIRE, OWN, OTHER, FARM, new], resources=resources, settings=settings, existing=first)
    before = {s.id: s for s in first}
    after = {s.id: s for s in second}
    assert set(before) < set(after)
    for sid, old in before.items():
        assert after[sid].title == old.title
        assert after[sid].article_ids[: len(old.article_ids)] == old.article_ids
    where = home(second)
    assert where["farm"].id == where["wire"].id
    assert where["new"].id not in before


def test_neighbour_search_respects_the_time_window() -> None:
    vecs = np.eye(4, dtype=np.float32)[[0, 0, 0, 1]]
    days = np.array([0.0, 5.0, 100.0, np.nan])
    rows, cols, _ = neighbour_pairs(vecs, days, np.arange(4), k=3, window=21, ivf_min=1000, min_cos=-1.0)
    pairs = set(zip(rows.tolist(), cols.tolist(), strict=True))
    assert (0, 1) in pairs and (0, 2) not in pairs and (1, 2) not in pairs
    assert (0, 3) in pairs  # undated articles are compared with everything


def test_agglomerate_never_merges_two_locked_clusters() -> None:
    rows, cols, scores = np.array([0, 1]), np.array([1, 2]), np.array([0.9, 0.9])
    out = agglomerate([[0], [1], [2]], [True, False, True], rows, cols, scores, threshold=0.5)
    assert sorted(map(sorted, out)) in ([[0, 1], [2]], [[0], [1, 2]])


def test_signals_and_titles() -> None:
    ents = entities_of("The mayor met Marta Olsberg. Olsberg's union said the Mayor would return.")
    assert "olsberg" in ents and "marta" in ents and "mayor" not in ents and "the" not in ents
    assert numbers_of("about 2,400 members, 6 percent, 2400 again") == frozenset({"2400"})
    assert clean_title("Title: Port strike ends after ten days – Coastal Wire") == "Port strike ends after ten days"
    assert clean_title("Metro Bulletin: Port strike ends after ten days") == "Port strike ends after ten days"
    assert clean_title("Olsberg: we will stay out until they talk") == "Olsberg: we will stay out until they talk"


def test_agglomerate_by_parts_gives_what_one_graph_gives() -> None:
    """Parts joined by no pair above the threshold are agglomerated apart: the same clusters, in the same order,
    as agglomerating the whole graph at once (random graphs, locked clusters among them)."""
    from newsprism.cluster.agglomerate import _agglomerate

    rng = np.random.default_rng(3)
    for trial in range(30):
        n = int(rng.integers(5, 60))
        m = int(rng.integers(0, 4 * n))
        rows, cols = rng.integers(0, n, size=m), rng.integers(0, n, size=m)
        scores = rng.uniform(0.0, 1.0, size=m)
        cut = int(rng.integers(0, 4))
        initial = [list(range(k, min(k + 3, n))) for k in range(0, 3 * cut, 3) if k < n]
        initial += [[k] for k in range(3 * cut, n)]
        locked = [k < cut for k in range(len(initial))]
        whole = [members for _, members in _agglomerate(initial, locked, rows, cols, scores, threshold=0.6)]
        assert agglomerate(initial, locked, rows, cols, scores, threshold=0.6) == whole, trial


def test_articles_encoded_by_chunks_get_the_vectors_of_one_pass(resources: Resources, settings: Settings) -> None:
    from newsprism.cluster import embed_articles

    texts = [f"Report {i}: the Ostvale ferry {'strike' if i % 2 else 'timetable'} enters day {i}. " * (1 + i % 4)
             for i in range(7)]
    whole = embed_articles([Article(id=f"w{i}", text=t) for i, t in enumerate(texts)], resources, settings)
    chunked = embed_articles([Article(id=f"c{i}", text=t) for i, t in enumerate(texts)], resources, settings,
                             chunk=3)
    assert whole.shape == (7, resources.embedding_dim) and whole.dtype == np.float32
    assert np.allclose(whole, chunked, atol=1e-5)
    assert not np.allclose(whole[0], whole[1], atol=1e-2)  # the texts differ, so do their vectors
    assert embed_articles([], resources, settings).shape == (0, resources.embedding_dim)


def test_vectors_kept_elsewhere_are_read_not_encoded(tmp_path: Path, resources: Resources,
                                                     settings: Settings) -> None:
    """With a vector store (a resumed first analysis), stored vectors are taken and new ones are saved."""
    from newsprism.checkpoint import MemoryCheckpoint
    from newsprism.cluster import embed_articles

    articles = [Article(id=f"v{i}", text=f"The Ostvale ferry timetable changes on day {i}.") for i in range(5)]
    stored = MemoryCheckpoint(tmp_path)
    planted = np.eye(resources.embedding_dim, dtype=np.float32)[:2]
    stored.save_vectors([("v0", planted[0]), ("v3", planted[1])])
    out = embed_articles(articles, resources, settings, chunk=2, stored=stored)
    assert np.array_equal(out[0], planted[0]) and np.array_equal(out[3], planted[1])  # taken as stored
    assert sorted(stored.vectors) == [f"v{i}" for i in range(5)]  # the others were encoded and kept
    assert np.allclose(out[[1, 2, 4]], embed_articles([articles[i] for i in (1, 2, 4)], resources, settings),
                       atol=1e-5)
