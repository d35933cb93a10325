"""Real rumour stories the claim gold never saw: does the matrix show a debunked claim as disputed, with the outlets
that debunk it on its row?

FNC-1's competition test set (../shared/bench/stance/fnc-1, read in place) pairs article headlines with the bodies
of articles on the same rumour (the Emergent project's claims, 2014 to 2017: "a third breast implant", "Crabzilla",
"Justin Bieber ringtone saved a fisherman from a bear"), each body labelled agree, discuss or disagree with the
headline. The bodies that one headline's related pairs name, joined across headlines that share a body, are one
story. Each story is analysed on its own (up to ``MAX_BODIES`` bodies, the disagreeing ones first) and read as a
fact-checker reads its matrix:

- the rumour rows: rows whose text is within cosine ``NEAR`` of one of the story's headlines (MiniLM, the model the
  comparison uses), else the nearest row;
- for a story with a disagreeing body: is a rumour row disputed or denied, and which disagreeing bodies have a
  denies or doubts cell on a rumour row;
- for a story without one: is a rumour row disputed or denied anyway (an upper bound on false disputes: a body
  that only discusses the rumour may still quote someone denying it).

Nothing is fitted on these stories; they are a second look at #23's behaviour on stories outside the gold.
"""

from __future__ import annotations

import csv
import json
import tempfile
import time
import zlib
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

MAX_BODIES = 10
MIN_BODIES = 3
NEAR = 0.5
WITHOUT_SAMPLE = 26  # stories with no disagreeing body, drawn by a stable hash (as many as there are with one)
DISPUTED = {"disputed", "denied"}


def stories(fnc: Path) -> list[dict[str, Any]]:
    """The rumour stories: headlines joined by the bodies their related pairs share, with each body's stance (its
    most frequent label across the story's headlines)."""
    with open(fnc / "competition_test_stances.csv", encoding="utf-8") as fh:
        pairs = [r for r in csv.DictReader(fh) if r["Stance"] != "unrelated"]
    with open(fnc / "competition_test_bodies.csv", encoding="utf-8") as fh:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(fh)}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in pairs:
        parent[find("h:" + r["Headline"])] = find("b:" + r["Body ID"])
    heads: dict[str, set[str]] = defaultdict(set)
    votes: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for r in pairs:
        root = find("b:" + r["Body ID"])
        heads[root].add(r["Headline"])
        votes[root][r["Body ID"]][r["Stance"]] += 1
    out: list[dict[str, Any]] = []
    for root in sorted(heads, key=lambda k: min(int(b) for b in votes[k])):
        stance = {b: c.most_common(1)[0][0] for b, c in votes[root].items()}
        if len(stance) < MIN_BODIES:
            continue
        ids = sorted(stance, key=lambda b: (stance[b] != "disagree", int(b)))[:MAX_BODIES]
        out.append({"heads": sorted(heads[root]), "stance": {b: stance[b] for b in ids},
                    "texts": {b: bodies[b] for b in ids}})
    with_ = [s for s in out if "disagree" in s["stance"].values()]
    without = sorted((s for s in out if "disagree" not in s["stance"].values()),
                     key=lambda s: zlib.crc32(",".join(sorted(s["stance"])).encode()))[:WITHOUT_SAMPLE]
    return with_ + without


def _read(story: dict[str, Any], report: dict[str, Any], embed: Any) -> dict[str, Any]:
    import numpy as np

    source_of = {a["id"]: a.get("source_id") for a in report.get("articles", [])}
    rows = [g for s in report.get("stories", []) for g in s.get("claims", [])]
    disagree = {"b" + b for b, st in story["stance"].items() if st == "disagree"}
    found: dict[str, Any] = {"rows": len(rows), "disputed_rows": sum(g.get("status") in DISPUTED for g in rows),
                             "disagree": len(disagree), "rumour_disputed": False, "attached": 0}
    if not rows:
        return found
    sim = (embed([g["text"] for g in rows]) @ embed(story["heads"]).T).max(axis=1)
    rumour = [i for i in range(len(rows)) if sim[i] >= NEAR] or [int(np.argmax(sim))]
    found["rumour_disputed"] = any(rows[i].get("status") in DISPUTED for i in rumour)
    cells = {source_of.get(s.get("article_id")) for i in rumour for s in rows[i].get("sources", [])
             if s.get("stance") in ("denies", "doubts")}
    found["attached"] = len(disagree & cells)
    return found


def run(shared: Path, work: Path) -> str:
    fnc = shared / "bench" / "stance" / "fnc-1"
    if not fnc.is_dir():
        return "Skipped: ../shared/bench/stance/fnc-1 is absent."
    from newsprism.api import analyze
    from newsprism.report import write_reports
    from newsprism.resources import Resources
    from newsprism.settings import Settings

    settings = Settings()
    resources = Resources(settings)
    picked = stories(fnc)
    results = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for k, story in enumerate(picked):
            src = Path(tmp) / f"rumour{k:02d}.jsonl"
            src.write_text("".join(json.dumps({"id": "b" + b, "title": "", "text": t, "source_id": "b" + b}) + "\n"
                                   for b, t in story["texts"].items()), encoding="utf-8")
            out = Path(tmp) / f"out{k:02d}"
            write_reports(analyze([src], settings=settings), out)
            report = json.loads((out / "report.json").read_text(encoding="utf-8"))
            results.append((story, _read(story, report, resources.embed)))
    spent = time.perf_counter() - t0
    debunked = [(s, r) for s, r in results if r["disagree"]]
    plain = [(s, r) for s, r in results if not r["disagree"]]
    n_dis = sum(r["disagree"] for _, r in debunked)
    lines = [
        f"Stories: {len(results)} from FNC-1's competition test set ({len(debunked)} with a body that disagrees with "
        f"the headline, {len(plain)} without, drawn by a stable hash), {sum(len(s['texts']) for s, _ in results)} "
        f"bodies, analysed one story at a time in {spent:.0f} s.",
        "",
        "| measure | figure |",
        "| --- | --- |",
        f"| stories with a disagreeing body whose rumour row is disputed or denied | "
        f"{sum(r['rumour_disputed'] for _, r in debunked)} / {len(debunked)} |",
        f"| disagreeing bodies with a denies or doubts cell on a rumour row | "
        f"{sum(r['attached'] for _, r in debunked)} / {n_dis} |",
        f"| stories without a disagreeing body whose rumour row is disputed or denied (upper bound on false "
        f"disputes) | {sum(r['rumour_disputed'] for _, r in plain)} / {len(plain)} |",
        f"| disputed or denied rows, all stories | {sum(r['disputed_rows'] for _, r in results)} of "
        f"{sum(r['rows'] for _, r in results)} rows |",
        "",
        "Stories with a disagreeing body:",
        "",
        "| headline | bodies | disagreeing | rumour row disputed | disagreeing bodies on it |",
        "| --- | ---: | ---: | --- | ---: |",
    ]
    for s, r in debunked:
        head = s["heads"][0].replace("|", "/")
        lines.append(f"| {head[:90]}{'...' if len(head) > 90 else ''} | {len(s['texts'])} | {r['disagree']} | "
                     f"{'yes' if r['rumour_disputed'] else 'no'} | {r['attached']} |")
    return "\n".join(lines)
