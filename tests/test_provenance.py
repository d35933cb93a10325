"""One model of independent origins for the verdict, the summary and the timeline."""

from __future__ import annotations

from newsprism.provenance import Origins
from newsprism.records import Article


def _a(aid: str, published: str | None, *, derived: tuple[str, ...] = (), dup: str | None = None) -> Article:
    return Article(id=aid, text=f"text of {aid}", published=published, derived_from=derived, duplicate_of=dup)


def test_copies_and_rewrites_are_one_family_rooted_at_the_earliest() -> None:
    arts = [_a("late-rewrite", "2025-01-03", derived=("origin",)), _a("origin", "2025-01-01"),
            _a("copy", "2025-01-02", dup="late-rewrite"), _a("other", "2025-01-02")]
    o = Origins.of(arts)
    assert {o.origin(a.id) for a in arts[:3]} == {"origin"}
    assert o.origin("other") == "other"
    assert o.count(["late-rewrite", "copy", "origin"]) == 1
    assert o.count(["copy", "other"]) == 2


def test_two_rewrites_of_one_origin_are_not_two_origins_even_without_the_origin() -> None:
    o = Origins.of([_a("r1", "2025-01-02", derived=("src",)), _a("r2", "2025-01-03", derived=("src",)),
                    _a("src", None)])
    assert o.count(["r1", "r2"]) == 1


def test_unknown_articles_and_cycles() -> None:
    o = Origins.of([_a("a", "2025-01-01", dup="b"), _a("b", "2025-01-01", dup="a")])
    assert o.origin("a") == o.origin("b") == "a"
    assert o.origin("not-in-story") == "not-in-story"
    assert o.count([]) == 0
