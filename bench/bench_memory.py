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
# a synthetic corpus analysed in a store across as many runs as it takes (`ingest`, then `report --db` again after
# each stop: a first analysis resumes from its checkpoint); each run goes as far as it gets
RESUME = int(os.environ.get("NEWSPRISM_BENCH_MEMORY_RESUME", "0") or 0)
SAMPLE_S = 15
_RESUME_HEAD = "synthetic articles (bench/synth.py) analysed into a store across runs"


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


def _sampled(cmd: list[str], record: Path, base: dict) -> dict:
    """Run a child, writing its record (elapsed time, peak RSS from VmHWM) every SAMPLE_S seconds, so a run
    stopped with this process (a session's end) still leaves its figures; the last write adds the exit code."""
    import subprocess
    import time

    started = time.time()
    log = record.with_suffix(".log").open("w")
    proc = subprocess.Popen(cmd, cwd=HERE.parent, stdout=subprocess.DEVNULL, stderr=log,
                            env={**os.environ, "HF_HUB_OFFLINE": "1", "NO_COLOR": "1"})
    info = {**base, "started": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(started)), "rc": None}
    while True:
        try:
            hwm = next(int(line.split()[1]) for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines()
                       if line.startswith("VmHWM"))
            info["peak_mib"] = max(info.get("peak_mib", 0), round(hwm / 1024))
        except (OSError, StopIteration):
            pass
        info["elapsed_s"] = round(time.time() - started)
        done = proc.poll()
        if done is not None:
            info["rc"] = done
        record.write_text(json.dumps(info, indent=1))
        if done is not None:
            log.close()
            return info
        time.sleep(SAMPLE_S)


def resumed(work: Path) -> list[str]:
    """Synthetic articles analysed into a store by runs that each go as far as they get (with RESUME set, this
    call makes one more run) and the record of every run so far: the peak is the largest of theirs."""
    import subprocess

    if not RESUME and not (work / "resume").is_dir():
        return _earlier_resumed()
    where = work / "resume"
    runs = where / "runs"
    if RESUME:
        runs.mkdir(parents=True, exist_ok=True)
        corpus = where / "corpus.jsonl"
        if not corpus.exists():
            _module("synth").write_corpus(corpus, RESUME)
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True,
                                text=True).stdout.strip()
        records = [json.loads(r.read_text()) for r in sorted(runs.glob("*.json"))]
        base = {"articles": RESUME, "commit": commit}
        py = str(HERE.parent / ".venv" / "bin" / "python")
        if not any(r["command"] == "ingest" and r["rc"] == 0 for r in records):
            _sampled([py, "-m", "newsprism", "ingest", str(corpus), "--db", str(where / "store.db")],
                     runs / f"{len(records) + 1:03d}.json", {**base, "command": "ingest"})
            records = [json.loads(r.read_text()) for r in sorted(runs.glob("*.json"))]
        if not any(r["command"] == "report" and r["rc"] == 0 for r in records):
            _sampled([py, "-m", "newsprism", "report", "--db", str(where / "store.db"), "--out", str(where / "out")],
                     runs / f"{len(records) + 1:03d}.json", {**base, "command": "report"})
    records = [json.loads(r.read_text()) for r in sorted(runs.glob("*.json"))]
    if not records:
        return []
    n = records[0]["articles"]
    rows = ["", f"{n:,} {_RESUME_HEAD} "
            "(`NEWSPRISM_BENCH_MEMORY_RESUME=N`: `newsprism ingest`, then `newsprism report --db` again after "
            "each stop; a first analysis goes on from its checkpoint). Peak = the run's VmHWM, sampled every "
            f"{SAMPLE_S} s (a run stopped with its session keeps its last sample):", "",
            "| run | command | commit | started | wall s | peak MiB | ended |",
            "| ---: | --- | --- | --- | ---: | ---: | --- |"]
    for i, r in enumerate(records, start=1):
        ended = "finished" if r["rc"] == 0 else ("stopped" if r["rc"] is None else f"failed ({r['rc']})")
        rows.append(f"| {i} | {r['command']} | {r['commit']} | {r['started']} | {r['elapsed_s']:,} | "
                    f"{r.get('peak_mib', 0):,} | {ended}{'; ' + r['note'] if r.get('note') else ''} |")
    done = any(r["command"] == "report" and r["rc"] == 0 for r in records)
    peak = max(r.get("peak_mib", 0) for r in records)
    wall = sum(r["elapsed_s"] for r in records)
    if done:
        report = json.loads((where / "out" / "report.json").read_text(encoding="utf-8"))
        stories = report["stories"]
        big = max(stories, key=lambda s: len(s["article_ids"]))
        rows += ["", f"Finished: {len(report['articles']):,} articles, {len(stories):,} stories (largest "
                 f"{len(big['article_ids']):,} articles), {wall:,} s of runs in all; peak {peak:,} MiB."]
    else:
        rows += ["", f"Not finished yet: {wall:,} s of runs so far; peak so far {peak:,} MiB."]
    return rows


_LOST = ("The run was not continued: its checkpoint (the store and a 0.4 GB parses file) and these records "
         "were in folders that did not outlive the session's machine; nothing outside the git checkout does here, "
         "and a whole run takes about 4.5 to 5 hours on this machine, more than a session's three.")


def _section_lines() -> list[str]:
    """The memory section of BENCHMARKS.md as it is now, line by line."""
    text = (HERE.parent / "BENCHMARKS.md").read_text(encoding="utf-8")
    return text.split("<!-- section:memory -->", 1)[-1].split("<!-- section:", 1)[0].strip("\n").splitlines()


def _earlier_resumed() -> list[str]:
    """The resumed runs' block as BENCHMARKS.md has it, when their records are no longer on this machine, with a
    line that says so."""
    section = _section_lines()
    start = next((i for i, line in enumerate(section) if _RESUME_HEAD in line), None)
    if start is None:
        return []
    block = section[start:]
    return ["", *block] if _LOST in block else ["", *block, "", _LOST]


def _earlier_rows(synthetic_too: bool) -> list[str]:
    """The last run's tables, kept when only some parts are run again: the real-text table, and with
    ``synthetic_too`` the synthetic one and its notes too (everything before the resumed runs' block)."""
    lines = _section_lines()
    stamp = next((line for line in lines if line.startswith("_Measured")), "")
    body = [line for line in lines[1:] if not line.startswith(("_Measured", "Figures from the earlier run"))]
    while body and not body[0].strip():
        body.pop(0)
    head = _RESUME_HEAD if synthetic_too else "Synthetic corpus"
    cut = next((i for i, line in enumerate(body) if head in line), len(body))
    kept = next((line for line in lines if line.startswith("Figures from the earlier run")),
                f"Figures from the earlier run ({stamp.strip('_').split(' on ')[0]}), not run again:")
    while cut and not body[cut - 1].strip():
        cut -= 1
    return [kept, "", *body[:cut]]


def run(shared: Path, work: Path) -> str:
    if not SIZES:
        return "\n".join([*_earlier_rows(synthetic_too=not SYNTH), *synthetic(work), *resumed(work)]).strip("\n")
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
    rows += resumed(work)
    return "\n".join(rows)


if __name__ == "__main__":
    print(run(HERE.parent.parent / "shared", HERE / "_work"))
    sys.exit(0)
