"""End to end on distinct real texts (issue 25): the code of this tree against a baseline commit, in one run.

Corpus: the BASIL, PolNeAR and seed texts, each once (no copies, so every article costs model work), built in
bench/_work at run time, never committed. Each run is `newsprism analyze CORPUS --out DIR` in its own process
(ingest to reports, model loading included); the baseline is the commit ``NEWSPRISM_BENCH_BASELINE`` checked
out in a temporary git worktree and run with its own PYTHONPATH, right before this tree's run, so the two see
the same machine. ``NEWSPRISM_BENCH_DISTINCT_N`` caps the texts (the first N: 300 is BASIL alone).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BASELINE = os.environ.get("NEWSPRISM_BENCH_BASELINE", "4f31133")
LIMIT = int(os.environ.get("NEWSPRISM_BENCH_DISTINCT_N", "0"))


def _source_texts(shared: Path) -> list[dict[str, str]]:
    sys.path.insert(0, str(HERE))
    from bench_e2e import source_texts

    return source_texts(shared)


def build_corpus(shared: Path, work: Path) -> tuple[Path, int, int]:
    docs = list({d["text"]: d for d in _source_texts(shared)}.values())  # distinct texts only
    if LIMIT:
        docs = docs[:LIMIT]
    path = work / f"e2e_distinct_{len(docs)}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, d in enumerate(docs):
            fh.write(json.dumps({"id": f"distinct-{i}", **d}) + "\n")
    return path, len(docs), sum(len(d["text"].split()) for d in docs)


def timed_analyze(src: Path, corpus: Path, out: Path) -> tuple[float, float, dict[str, int]]:
    """Wall seconds and peak MiB (the child's maximum resident set) of one `newsprism analyze`."""
    env = {**os.environ, "PYTHONPATH": str(src), "HF_HUB_OFFLINE": "1", "NO_COLOR": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsprism", "analyze", str(corpus), "--out", str(out)], env=env,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    counts = {k: len(report[k]) for k in ("articles", "stories", "quotes", "failures")}
    counts["claims"] = sum(len(s["claims"]) for s in report["stories"])
    return wall, peak, counts


def run(shared: Path, work: Path) -> str:
    corpus, n, words = build_corpus(shared, work)
    with tempfile.TemporaryDirectory(prefix="newsprism-baseline-") as tmp:
        base = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(base), BASELINE], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            old = timed_analyze(base / "src", corpus, work / "e2e_distinct_baseline")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    new = timed_analyze(ROOT / "src", corpus, work / "e2e_distinct_now")
    rows = [("baseline " + BASELINE, *old), ("this tree", *new)]
    what = (f"the first {n} of the distinct real texts (BASIL first, then PolNeAR and the seeds)" if LIMIT
            else f"{n} distinct real texts (BASIL, PolNeAR and the seeds)")
    lines = [f"Corpus: {what}, no copies, {words:,} words; `newsprism analyze` end to end (ingest to reports, "
             "model loading included), each in its own process, the baseline first. On a machine shared with "
             "other work the seconds vary from run to run; the ratio of two runs back to back is the figure.", "",
             "| run | wall s | distinct articles/s | peak MiB | stories | claim rows | quotes |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, wall, peak, counts in rows:
        lines.append(f"| {name} | {wall:.0f} | {n / wall:.2f} | {peak:.0f} | {counts['stories']} "
                     f"| {counts['claims']} | {counts['quotes']} |")
    lines += ["", f"Speed-up over the baseline, same corpus, same machine, back to back: **{old[0] / new[0]:.2f}x**."]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run(ROOT.parent / "shared", HERE / "_work"))
