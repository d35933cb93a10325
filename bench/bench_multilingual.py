"""Claim rows across languages (issue #27): the Mueller/BuzzFeed story of ../shared/gold/claims with its New York
Times article in German (``../shared/scripts/score_multilingual.py``, its claims part) against the same story all in
English, in one run, scored as ``score_claims.py`` does. The target: the mixed story's matrix score at least 0.9 times
the English one's. The stories figure of the same script (300 BASIL articles, six translated) is in the section
``stories``. Reads ../shared in place through the scorer's own functions; the CLI runs in a child process.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STORY = "basil-c9e4d35f"


def _script(shared: Path, name: str) -> ModuleType:
    scripts = shared / "scripts"
    if str(scripts) not in sys.path:
        sys.path.insert(0, str(scripts))  # score_multilingual imports score_claims by name
    spec = importlib.util.spec_from_file_location(name, scripts / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cli(work: Path) -> Path:
    """A launcher for this checkout's CLI with the interpreter running the benchmark."""
    path = work / "newsprism-cli"
    path.write_text(f"#!/bin/sh\nexec {sys.executable} -m newsprism \"$@\"\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def _mixed(sm: ModuleType, sc: ModuleType, shared: Path) -> tuple[dict[str, Any], list[dict[str, Any]], list[str]]:
    """The gold with the translated article's cells moved to its translation, the story's rows, the languages."""
    trs = sm.load_translations(shared / "bench" / "multilingual")
    rows = sc.basil_rows()
    gold = json.loads((shared / "gold" / "claims" / f"{STORY}.json").read_text(encoding="utf-8"))
    out, langs = [], []
    for aid in gold["articles"]:
        tr = trs.get(aid)
        if tr is None:
            out.append(rows[aid])
            continue
        src = next((shared / "bench" / "multilingual" / "sources").glob(f"{aid}.*.json"))
        units = [u for p in json.loads(src.read_text(encoding="utf-8"))["paragraphs"] for u in p]
        gold = sm.remap_gold(gold, units, tr)
        out.append(sm.translated_row(rows[aid], tr))
        langs.append(tr["lang"])
    return gold, out, langs


def run(shared: Path, work: Path) -> str:
    sm, sc = _script(shared, "score_multilingual"), _script(shared, "score_claims")
    cli = _cli(work)
    english_gold = json.loads((shared / "gold" / "claims" / f"{STORY}.json").read_text(encoding="utf-8"))
    rows = sc.basil_rows()
    gold, mixed_rows, langs = _mixed(sm, sc, shared)
    mixed = sc.score(gold, sm.run(cli, mixed_rows, work / "multilingual" / "mixed"))
    english = sc.score(english_gold, sm.run(cli, [rows[i] for i in english_gold["articles"]],
                                            work / "multilingual" / "english"))
    head_m, text_m = sc.summary("mixed", mixed)
    head_e, text_e = sc.summary("english", english)
    ratio = head_m / head_e if head_e else 0.0
    return "\n".join([
        f"Story {STORY} (Mueller/BuzzFeed, {len(english_gold['articles'])} articles), one article given in "
        f"{', '.join(langs)}; the same story all in English beside it. Target: mixed >= 0.9 x English.", "",
        "| story | groups | pair F1 | denial F1 | dispute F1 | matrix score |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        *(f"| {label} | {n['groups']} | {_f(sc, n, 'pair')} | {_f(sc, n, 'neg')} | {_f(sc, n, 'disputed')} | "
          f"**{head:.3f}** |" for label, n, head in (("mixed (de)", mixed, head_m), ("English", english, head_e))),
        "", f"Mixed / English: **{ratio:.2f}** ({'met' if ratio >= 0.9 else 'not met'}).", "",
        "```", sc.line("mixed", mixed), text_m, sc.line("english", english), text_e, "```"])


def _f(sc: ModuleType, n: Any, kind: str) -> str:
    """One of the three F1 the matrix score averages (as score_claims.summary computes them)."""
    keys = {"pair": ("pairs_ok", "pairs", "gold_pairs_found", "gold_pairs"),
            "neg": ("neg_ok", "neg", "gold_neg_found", "gold_neg"),
            "disputed": ("disputed_ok", "disputed_groups", "gold_disputed_found", "gold_disputed")}[kind]
    return f"{sc.f1(sc.ratio(n, keys[0], keys[1]), sc.ratio(n, keys[2], keys[3])):.3f}"
