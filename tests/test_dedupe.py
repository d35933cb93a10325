"""Duplicates and rewrites on fictional articles written for these tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from newsprism.dedupe import Sentences, containment, find_duplicates, names_outlet, sentence_share
from newsprism.records import Article
from newsprism.settings import Settings


def _texts() -> ModuleType:
    """tests/data/velmora_texts.py by path: pytest runs in importlib mode, so tests/ is not on sys.path."""
    spec = importlib.util.spec_from_file_location("velmora_texts", Path(__file__).parent / "data" / "velmora_texts.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


T = _texts()
WIRE, TRIMMED, PARAPHRASE, INDEPENDENT, OTHER_STRIKE = T.WIRE, T.TRIMMED, T.PARAPHRASE, T.INDEPENDENT, T.OTHER_STRIKE

S = Settings()


def art(aid: str, text: str, *, outlet: str, published: str | None = None, title: str | None = None) -> Article:
    return Article(id=aid, text=text, outlet=outlet, published=published, title=title)


def by_id(articles: list[Article]) -> dict[str, Article]:
    return {a.id: a for a in articles}


def test_exact_copy_points_to_the_earlier_source() -> None:
    copy = art("copy", "  " + WIRE.upper().replace(". ", ".\n"), outlet="Metro Bulletin", published="2031-04-02")
    wire = art("wire", WIRE, outlet="Coastal Wire", published="2031-04-01")
    out = by_id(find_duplicates([copy, wire], settings=S))
    assert out["copy"].duplicate_of == "wire"
    assert out["wire"].duplicate_of is None


def test_near_duplicate_with_one_changed_sentence() -> None:
    edited = WIRE.replace("Several cruise ships", "Two cruise liners")
    out = by_id(find_duplicates([art("wire", WIRE, outlet="Coastal Wire", published="2031-04-01"),
                                 art("edit", edited, outlet="Metro Bulletin", published="2031-04-01")], settings=S))
    assert out["edit"].duplicate_of == "wire"  # same day: the fuller text is the source


def test_republished_with_new_headline_and_trimmed_tail_is_derived_from_the_wire() -> None:
    out = by_id(find_duplicates([
        art("trim", TRIMMED, outlet="Metro Bulletin", published="2031-04-01", title="Port shut as dockers strike"),
        art("wire", WIRE, outlet="Coastal Wire", published="2031-04-01", title="Velmora dock workers strike"),
    ], settings=S))
    assert out["trim"].duplicate_of is None
    assert out["trim"].derived_from == ("wire",)
    assert out["wire"].derived_from == ()


def test_paraphrased_rewrite_that_credits_the_wire_is_derived_from_it() -> None:
    # The rewrite is dated earlier (a wrong date is common on content farms) but names the wire's outlet.
    out = by_id(find_duplicates([
        art("wire", WIRE, outlet="Coastal Wire", published="2031-04-02"),
        art("farm", PARAPHRASE, outlet="Quickfeed Daily", published="2031-04-01"),
    ], settings=S))
    assert out["farm"].derived_from == ("wire",)
    assert out["farm"].duplicate_of is None
    assert out["wire"].derived_from == ()


def test_independent_report_and_another_story_on_the_subject_are_not_copies() -> None:
    out = find_duplicates([
        art("wire", WIRE, outlet="Coastal Wire", published="2031-04-01"),
        art("own", INDEPENDENT, outlet="Velmora Evening Post", published="2031-04-01"),
        art("other", OTHER_STRIKE, outlet="Coastal Wire", published="2031-04-15"),
    ], settings=S)
    assert all(a.duplicate_of is None and a.derived_from == () for a in out)


def test_short_texts_are_only_exact_duplicates() -> None:
    out = by_id(find_duplicates([art("a", "Port reopens.", outlet="X"), art("b", "Port reopens today.", outlet="Y"),
                                 art("c", "port  reopens.", outlet="Z")], settings=S))
    assert out["b"].duplicate_of is None
    assert out["c"].duplicate_of == "a"


def test_signals() -> None:
    assert containment(frozenset("abc"), frozenset("abcdef")) == 1.0
    assert sentence_share(Sentences([]), Sentences([frozenset("ab")]), 0.5) == 0.0
    assert names_outlet("as the coastal wire reported", "Coastal Wire")
    assert not names_outlet("the coastal wires", "Coastal Wire")


def test_hashed_shingles_measure_what_string_shingles_measure() -> None:
    """Documents keep their shingles as 64-bit hashes (a tenth of the memory); Jaccard and containment must be
    the ones of the word n-grams themselves, word order included."""
    import re

    from newsprism.dedupe import _Doc, _Hashes, _jaccard
    from newsprism.records import normalize_text

    texts = ["The harbour master closed the north quay on Monday after the storm damaged two cranes.",
             "The harbour master closed the north quay on Monday after a storm damaged three cranes and a ship.",
             "Monday on quay north the closed master harbour the after the storm damaged two cranes.",
             "Short text."]

    def strings(text: str, size: int = 5) -> frozenset[str]:
        tokens = re.findall(r"\w+", normalize_text(text))
        return frozenset(" ".join(tokens[i:i + size]) for i in range(max(1, len(tokens) - size + 1)))

    hashes = _Hashes()
    docs = [_Doc(Article(id=str(i), text=t), 5, hashes) for i, t in enumerate(texts)]
    for i in range(len(texts)):
        assert len(docs[i].shingles) == len(strings(texts[i]))
        for j in range(len(texts)):
            assert _jaccard(docs[i].shingles, docs[j].shingles) == _jaccard(strings(texts[i]), strings(texts[j]))
            assert containment(docs[i].shingles, docs[j].shingles) == containment(strings(texts[i]),
                                                                                  strings(texts[j]))
    assert _jaccard(docs[0].shingles, docs[2].shingles) < 0.2  # the same words in another order are not a copy


def test_a_widely_syndicated_story_is_found_with_capped_candidates() -> None:
    """Each document keeps at most MAX_CANDIDATES candidate pairs; 3x that many copies of one wire story still
    all point to one source (the kept pairs connect them)."""
    from newsprism import dedupe

    body = ("The port authority of Valeport said on Monday that the northern quay will close for six weeks while "
            "engineers replace two cranes damaged in last month's storm, and that ferries will dock at the south "
            "pier instead, adding about twenty minutes to each crossing for passengers and freight. Harbour master "
            "Ilse Varnholt told reporters the repairs would cost roughly four million crowns and be paid from the "
            "port's reserve fund rather than new fees. Shipping agents said the delays came at the busiest time of "
            "the year, when grain exports from the inland farms peak, and asked for longer opening hours at the "
            "south pier. The authority promised a decision on the hours by Friday and said weekend crossings "
            "would keep their usual timetable until the work begins in the second week of April. ")
    n = 3 * dedupe.MAX_CANDIDATES
    arts = [Article(id=f"c{i}", text=body + f"Copy number {i} of the wire story.", outlet=f"Outlet {i}",
                    published="2031-03-0" + str(1 + i % 5)) for i in range(n)]
    out = find_duplicates(arts, settings=Settings())
    roots = {a.duplicate_of or a.id for a in out}
    assert len(roots) == 1
    assert sum(1 for a in out if a.duplicate_of) == n - 1


def _stock_report(place: str, person: str, what: str, number: int) -> str:
    """A short report written on a stock pattern, as market, weather or council briefs are: only the names,
    the subject and the numbers change from one event to the next."""
    return (f"Officials in {place} closed {what} on Tuesday after inspectors reported damage to the structure. "
            f"Shops in central {place} stayed open during the closure, the council said. "
            f"Traffic from {place} was diverted through the northern ring road for most of the day. "
            f"{person}, the mayor of {place}, told reporters that repairs would take several weeks. "
            f"Critics in {place} said the council had ignored warnings about the structure for years. "
            f"About {number} residents of {place} signed a petition asking for a public inquiry.")


_HEADS = ("Dun", "Pell", "Harrow", "Silb", "Ost", "Brack", "Wen", "Tarr", "Morl", "Cald")
_TAILS = ("marrow", "quay", "mere", "bury", "vale", "holt", "ford", "wick")
_SITES = ("the old swing bridge", "the fish market", "the east tunnel", "the ferry pier", "the tram depot",
          "the grain quay", "the bus station", "the sea wall")
STOCK = [(h + t, f"{h}a {t.capitalize()}son", _SITES[(k + m) % len(_SITES)], 40 + 7 * (k * len(_TAILS) + m))
         for k, h in enumerate(_HEADS) for m, t in enumerate(_TAILS)]
"""Eighty stock reports on different events: a corpus big enough to tell the pattern's words from the names."""


def test_reports_on_one_stock_pattern_about_different_events_are_not_rewrites() -> None:
    """Sentence matching weights words by rarity: stock reports share only the common words of the pattern."""
    texts = [_stock_report(*row) for row in STOCK]
    docs = [art(f"s{k}", t, outlet=f"Outlet {k}", published="2031-05-02") for k, t in enumerate(texts)]
    wire = art("wire", WIRE, outlet="Coastal Wire", published="2031-04-02")
    farm = art("farm", PARAPHRASE, outlet="Quickfeed Daily", published="2031-04-01")
    out = by_id(find_duplicates([*docs, wire, farm], settings=S))
    assert all(out[d.id].derived_from == () and out[d.id].duplicate_of is None for d in docs)
    assert out["farm"].derived_from == ("wire",)  # a real paraphrase among them is still found

    from newsprism.dedupe import _Doc, _Hashes, _rarity

    hashes = _Hashes()
    parsed = [_Doc(a, S.shingle_size, hashes) for a in [*docs, wire, farm]]
    plain = [Sentences(d.sentences) for d in parsed]
    weighted = [Sentences(d.sentences, _rarity(parsed)) for d in parsed]
    # Unweighted, every pair of stock reports would read as a rewrite; weighted, none does.
    assert sentence_share(plain[0], plain[1], S.rewrite_sentence_similarity) >= S.rewrite_sentence_share
    assert max(sentence_share(weighted[i], weighted[j], S.rewrite_sentence_similarity)
               for i in range(len(docs)) for j in range(i + 1, len(docs))) < S.rewrite_sentence_share
    assert sentence_share(weighted[-1], weighted[-2], S.rewrite_sentence_similarity) >= S.rewrite_sentence_share


def _reference_candidates(sets: list, eligible: list[int], threshold: float, num_perm: int,
                          cap: int) -> set[tuple[int, int]]:
    """The same proposal rule through datasketch's MinHashLSH (a dictionary index): the reference our banded
    numpy index must agree with, pair for pair."""
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    from newsprism import dedupe

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=(0.2, 0.8))
    signatures = dedupe._signatures([sets[i] for i in eligible], num_perm)
    hashes = {i: MinHash(num_perm=num_perm, hashvalues=signatures[r].astype(np.uint64), scheme="legacy")
              for r, i in enumerate(eligible)}
    for i, mh in hashes.items():
        lsh.insert(i, mh)
    pairs = set()
    for i, mh in hashes.items():
        found = [j for j in lsh.query(mh) if j != i]
        if len(found) > cap:
            estimate = np.array([(hashes[j].hashvalues == mh.hashvalues).mean() for j in found])
            found = [found[k] for k in np.lexsort((np.asarray(found), -estimate))[:cap]]
        pairs.update((min(i, j), max(i, j)) for j in found)
    return pairs


def test_band_shape_is_the_standard_minhash_lsh_choice() -> None:
    from datasketch.lsh import _optimal_param

    from newsprism.dedupe import band_shape

    for threshold in (0.1, 0.35, 0.5, 0.7, 0.85, 0.95):
        for num_perm in (64, 128):
            assert band_shape(threshold, num_perm) == _optimal_param(threshold, num_perm, 0.2, 0.8)


def test_banded_candidates_match_a_dictionary_lsh_index() -> None:
    """Stock reports (many shared words, so buckets larger than the cap) and near copies: the numpy banding
    proposes exactly the pairs a MinHashLSH index would, capped the same way."""
    from newsprism import dedupe

    texts = [_stock_report(h + t, f"Mayor {t.title()}{h}", site, 100 + k)
             for k, (h, t, site) in enumerate((h, t, s) for h in _HEADS for t in _TAILS for s in _SITES[:2])]
    texts += [t + " The council met again on Friday." for t in texts[:20]]
    hashes = dedupe._Hashes()
    docs = [dedupe._Doc(Article(id=f"d{i}", text=t), 5, hashes) for i, t in enumerate(texts)]
    eligible = list(range(len(docs)))[::-1][: len(docs) - 3]  # not every document, not in order
    for attr, threshold, cap in (("words", 0.35, 10), ("shingles", 0.85, 50), ("words", 0.5, 1000)):
        sets = [getattr(d, attr) for d in docs]
        ours = dedupe._candidates(sets, eligible, threshold, 128, cap=cap)
        pairs = list(ours)
        assert pairs == sorted(pairs)
        assert set(pairs) == _reference_candidates(sets, eligible, threshold, 128, cap)
        assert pairs  # the corpus does propose pairs at every setting


def test_a_window_with_the_counts_of_the_rest_weighs_words_as_the_whole_corpus() -> None:
    """An incremental update sees a window of the stored corpus; with the word counts of the articles outside it
    (``WordCounts``), rarity is the whole corpus's, so rewrite detection decides as a full run would."""
    import numpy as np

    from newsprism import dedupe

    texts = [_stock_report(h + t, f"Mayor {t.title()}{h}", site, 10 + k)
             for k, (h, t, site) in enumerate((h, t, s) for h in _HEADS for t in _TAILS for s in _SITES[:1])]
    arts = [Article(id=f"s{i}", text=t) for i, t in enumerate(texts)]
    window, rest = arts[:25], arts[25:]
    hashes = dedupe._Hashes()
    every = dedupe._rarity([dedupe._Doc(a, 5, hashes) for a in arts])
    values, counts = np.unique(np.concatenate([dedupe.content_words(a) for a in rest]), return_counts=True)
    counted = dedupe._rarity([dedupe._Doc(a, 5, hashes) for a in window],
                             dedupe.WordCounts(len(rest), values, counts))
    alone = dedupe._rarity([dedupe._Doc(a, 5, hashes) for a in window])
    words = ["shops", "central", "stayed", "petition", "dunmarrow", "bridge"]
    assert np.allclose(counted(words), every(words))
    assert not np.allclose(alone(words), every(words))  # the window alone would weigh them otherwise
    assert np.array_equal(dedupe.content_words(arts[0]), dedupe._Doc(arts[0], 5, hashes).words)


def test_sentence_share_bound_decides_as_the_full_comparison() -> None:
    """With ``at_least``, a pair that cannot reach the share stops early with an upper bound below it: every pair
    gets the decision the full comparison gives, and the bound is never below the true share."""
    from newsprism import dedupe

    texts = [_stock_report(*row) for row in STOCK[:30]] + [WIRE, TRIMMED, PARAPHRASE, INDEPENDENT, OTHER_STRIKE]
    hashes = dedupe._Hashes()
    docs = [dedupe._Doc(Article(id=f"d{i}", text=t), 5, hashes) for i, t in enumerate(texts)]
    weigh = dedupe._rarity(docs)
    sents = [Sentences(d.sentences, weigh) for d in docs]
    sim, share = S.rewrite_sentence_similarity, S.rewrite_sentence_share
    early = 0
    for i in range(len(sents)):
        for j in range(i + 1, len(sents)):
            full = sentence_share(sents[i], sents[j], sim)
            fast = sentence_share(sents[i], sents[j], sim, share)
            assert (fast >= share) == (full >= share), (i, j, full, fast)
            assert fast >= full - 1e-12
            early += fast != full
    assert early  # some pairs did stop at the bound
    assert sentence_share(sents[-3], sents[-5], sim, share) >= share  # the paraphrase still matches the wire
