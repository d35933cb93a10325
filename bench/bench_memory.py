"""Peak memory against corpus size, local runner (issue 9).

Each run is `newsprism analyze` in its own process on N distinct texts (BASIL, PolNeAR and seeds, no repeats,
so every article is parsed, extracted and compared); the peak is the child's own maximum resident set (wait4).
Two sizes give the cost of one more distinct article. The 100,000-article figure is an extrapolation from that
slope and says so: on this 2-core machine 100,000 distinct articles would take about a day.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = [int(n) for n in os.environ.get("NEWSPRISM_BENCH_MEMORY_N", "300,1229").split(",") if n.strip()]
# synthetic corpus sizes (bench/synth.py: short fictional articles, as many distinct ones as asked); off by
# default (10,000 of them take about half an hour)
SYNTH = [int(n) for n in os.environ.get("NEWSPRISM_BENCH_MEMORY_SYNTH", "").split(",") if n.strip()]


def _module(name: str):  # type: ignore[no-untyped-def]
    """A sibling bench module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def synthetic(work: Path) -> list[str]:
    """Peak memory on the synthetic corpus at growing sizes: the slope is the cost of one more article."""
    if not SYNTH:
        return []
    e2e, synth = _module("bench_e2e"), _module("synth")
    rows = ["", "Synthetic corpus (bench/synth.py: fictional short articles, about 110 words each, every one distinct, "
            "many stories of which a few are large):", "",
            "| articles | words | stories | largest story: articles, claim sources | wall s | articles/s | peak MiB |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    points: list[tuple[int, float]] = []
    for n in SYNTH:
        path = work / f"synth_{n}.jsonl"
        words = synth.write_corpus(path, n)
        out = work / f"synth_out_{n}"
        wall, peak, _ = e2e._child([e2e.PY, "-m", "newsprism", "analyze", str(path), "--out", str(out)])
        points.append((n, peak))
        stories = 0
        big: dict = {"article_ids": [], "claims": []}
        with (out / "report.json").open(encoding="utf-8") as fh:
            report = json.load(fh)
        stories = len(report["stories"])
        big = max(report["stories"], key=lambda s: len(s["article_ids"]), default=big)
        del report
        sources = sum(len(g["sources"]) for g in big["claims"])
        rows.append(f"| {n:,} | {words:,} | {stories:,} | {len(big['article_ids'])}, {sources:,} | {wall:.0f} | "
                    f"{n / wall:.1f} | {peak:.0f} |")
        print(rows[-1], file=sys.stderr, flush=True)  # a long run's figures so far
    if len(points) >= 2:
        (n0, p0), (n1, p1) = points[0], points[-1]
        slope = (p1 - p0) / (n1 - n0)
        rows += ["", f"Between {n0:,} and {n1:,} synthetic articles the peak grows by {slope * 1024:.1f} KiB per "
                 f"article; a straight line from there reads {p1 + slope * (100_000 - n1):,.0f} MiB at 100,000 "
                 "articles (an extrapolation, not a measurement)."]
    return rows


def _earlier_real_rows() -> list[str]:
    """The real-text table of the last run, kept when only the synthetic sizes are run again."""
    text = (HERE.parent / "BENCHMARKS.md").read_text(encoding="utf-8")
    section = text.split("<!-- section:memory -->", 1)[-1].split("<!-- section:", 1)[0]
    lines = section.strip("\n").splitlines()
    stamp = next((line for line in lines if line.startswith("_Measured")), "")
    body = [line for line in lines[1:] if not line.startswith("_Measured")]
    cut = next((i for i, line in enumerate(body) if line.startswith("Synthetic corpus")), len(body))
    return [f"Real texts, from the earlier run ({stamp.strip('_').split(' on ')[0]}), not run again:",
            *body[:cut]]


def run(shared: Path, work: Path) -> str:
    if not SIZES:
        return "\n".join([*_earlier_real_rows(), *synthetic(work)]).strip("\n")
    e2e = _module("bench_e2e")
    base = e2e.source_texts(shared)
    rows = ["| distinct articles | words | largest story: articles, claim sources | wall s | peak MiB |",
            "| ---: | ---: | ---: | ---: | ---: |"]
    points: list[tuple[int, float]] = []
    largest = 0
    for n in SIZES:
        docs = base[::max(1, len(base) // n)][:n] if n < len(base) else base
        path = work / f"memory_{len(docs)}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i, d in enumerate(docs):
                fh.write(json.dumps({"id": f"mem-{i}", **d}) + "\n")
        words = sum(len(d["text"].split()) for d in docs)
        out = work / f"memory_out_{len(docs)}"
        wall, peak, _ = e2e._child([e2e.PY, "-m", "newsprism", "analyze", str(path), "--out", str(out)])
        points.append((len(docs), peak))
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        big = max(report["stories"], key=lambda s: len(s["article_ids"]), default={"article_ids": [], "claims": []})
        sources = sum(len(g["sources"]) for g in big["claims"])
        largest = max(largest, sources)
        rows.append(f"| {len(docs):,} | {words:,} | {len(big['article_ids'])}, {sources:,} | {wall:.0f} | {peak:.0f} |")
    if len(points) >= 2:
        (n0, p0), (n1, p1) = points[0], points[-1]
        slope = (p1 - p0) / (n1 - n0)
        rows += ["", f"Peak grows by {slope * 1024:.0f} KiB per distinct article between {n0:,} and {n1:,} articles "
                 f"(these texts average {sum(len(d['text']) for d in base) / len(base):,.0f} characters), but not in "
                 "proportion to the articles: the largest story grows with the corpus, and its claims are compared "
                 f"as dense matrices, quadratic in its claims (one float32 matrix over {largest:,} claims is "
                 f"{largest * largest * 4 / 2**20:,.0f} MiB), probably most of the growth (not profiled at this size). "
                 "A straight line to 100,000 articles would read "
                 f"{p1 + slope * (100_000 - n1):,.0f} MiB; that is not a measurement. The run itself was not made: "
                 "the model work alone would take about a day on this machine."]
    rows += synthetic(work)
    return "\n".join(rows)


if __name__ == "__main__":
    print(run(HERE.parent.parent / "shared", HERE / "_work"))
    sys.exit(0)
