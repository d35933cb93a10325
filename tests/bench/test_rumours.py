"""The rumours bench builds its stories from FNC-1's pairs: headlines joined by the bodies they share."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_rumours", ROOT / "bench" / "bench_rumours.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _write(folder: Path, pairs: list[tuple[str, str, str]], bodies: dict[str, str]) -> None:
    with open(folder / "competition_test_stances.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Headline", "Body ID", "Stance"])
        w.writerows(pairs)
    with open(folder / "competition_test_bodies.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Body ID", "articleBody"])
        w.writerows(bodies.items())


def test_headlines_that_share_a_body_make_one_story_with_the_debunking_bodies_first(tmp_path: Path) -> None:
    bench = _bench()
    pairs = [
        # one rumour under two headlines, joined by body 3; body 9 is unrelated to it
        ("Giant crab seen off the coast", "1", "agree"), ("Giant crab seen off the coast", "2", "discuss"),
        ("Giant crab seen off the coast", "3", "discuss"), ("Giant crab seen off the coast", "9", "unrelated"),
        ("Crabzilla photo is a hoax", "3", "disagree"), ("Crabzilla photo is a hoax", "4", "disagree"),
        # a rumour with two bodies only: too few for a story
        ("Singer saved by ringtone", "5", "agree"), ("Singer saved by ringtone", "6", "agree"),
        # a rumour nobody debunks
        ("Mayor to resign", "7", "discuss"), ("Mayor to resign", "8", "agree"), ("Mayor to resign", "10", "agree"),
    ]
    _write(tmp_path, pairs, {str(i): f"Body {i}." for i in range(1, 11)})
    found = bench.stories(tmp_path)
    assert len(found) == 2
    crab, mayor = found
    assert crab["heads"] == ["Crabzilla photo is a hoax", "Giant crab seen off the coast"]
    # body 3 is discussed under one headline and disagrees under the other: a tie goes to its first label
    assert set(crab["stance"]) == {"1", "2", "3", "4"}
    assert next(iter(crab["stance"])) == "4"  # the body that disagrees comes first
    assert crab["texts"]["4"] == "Body 4."
    assert "disagree" not in mayor["stance"].values() and set(mayor["stance"]) == {"7", "8", "10"}
