"""The Ray runner's scaling with its worker count, on whatever machine this runs on (issue 9, scope 5).

    python bench/ray_scaling.py CORPUS.jsonl OUT.json [--workers 1,8,2,4] [--limit SECONDS]

Each worker count is one `newsprism analyze --runner ray` child with every worker held to one thread
(OMP_NUM_THREADS=1), as bench_e2e_ray does on the 2-core development machine. The JSON keeps the machine, the
wall time of each run, the driver's peak RSS and the peak summed RSS of the whole process tree (driver, Ray's
daemons and workers, sampled every second), and is rewritten after each run so a run cut short keeps what it
finished. It needs nothing beyond the project's own dependencies and the standard library, so it can run on a
lent machine whose Python packages were carried there (bench/offline_bundle.sh packs them; bench_ray_device renders
the JSON into BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

PAGE = os.sysconf("SC_PAGE_SIZE")


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {"arch": platform.machine(), "cpus": os.cpu_count(), "python": platform.python_version()}
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next(line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                           if line.startswith("model name"))
        kb = int(next(line for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")).split()[1])
        info["ram_gib"] = round(kb / 2**20)
    except (OSError, StopIteration, ValueError):
        pass
    try:
        gpu = subprocess.run(["nvidia-smi", "-L"], capture_output=True, text=True, timeout=20).stdout.strip()
        info["gpu"] = gpu.splitlines()[0] if gpu else ""
    except (OSError, subprocess.SubprocessError):
        info["gpu"] = ""
    for name in ("torch", "ray", "spacy"):
        with contextlib.suppress(Exception):  # a version we cannot read is only left out
            info[name] = __import__(name).__version__
    return info


def _tree_rss(root: int) -> int:
    """Bytes resident in ``root`` and every process below it (Ray's daemons and workers are its descendants)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            parents[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    keep, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in keep:
                keep.add(child)
                frontier.append(child)
    return sum(rss.get(pid, 0) for pid in keep)


_PLAN = re.compile(r"Execution plan of Dataset (\S+?): .*?(\w+)\)?\]?$")
_DONE = re.compile(r"Dataset (\S+?) execution finished in ([0-9.]+) seconds")


def stage_seconds(log: str) -> dict[str, float]:
    """Seconds of each Ray Data stage, named by its last operator (CleanWorker, ParseWorker, ...), read from the
    run's log; what is left of the wall time is the driver's own work (reading, dedupe, linking, clustering,
    writing) and Ray's start and stop."""
    names: dict[str, str] = {}
    found: dict[str, float] = {}
    for line in log.splitlines():
        if m := _PLAN.search(line):
            names[m.group(1)] = m.group(2)
        elif (m := _DONE.search(line)) and m.group(1) in names:
            name = names[m.group(1)]
            found[name] = round(found.get(name, 0.0) + float(m.group(2)), 1)
    return found


def run_one(corpus: Path, out_dir: Path, workers: int, limit: float) -> dict[str, Any]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    cmd = [sys.executable, "-m", "newsprism", "analyze", str(corpus), "--out", str(out_dir), "--runner", "ray",
           "--set", f"ray_workers={workers}"]
    log = out_dir.with_suffix(".log")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    peak_tree = 0
    done = threading.Event()
    with log.open("w") as fh:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, env=env)

        def sample() -> None:
            nonlocal peak_tree
            while not done.wait(1.0):
                peak_tree = max(peak_tree, _tree_rss(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        timer = threading.Timer(limit, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        timer.cancel()
        done.set()
        sampler.join()
    code = os.waitstatus_to_exitcode(status)
    text = log.read_text(errors="replace")
    summary = next((line for line in reversed(text.splitlines()) if " articles read," in line), "")
    return {"workers": workers, "wall_s": round(wall, 1), "rc": code, "stages_s": stage_seconds(text),
            "driver_peak_mib": round(usage.ru_maxrss / 1024),
            "tree_peak_mib": round(peak_tree / 2**20), "summary": summary,
            "log_tail": "" if code == 0 else text[-3000:]}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--workers", default="1,8,2,4", help="worker counts, in the order to run them")
    parser.add_argument("--limit", type=float, default=600.0, help="seconds before one run is killed")
    parser.add_argument("--budget", type=float, default=0.0,
                        help="seconds for all runs: a run expected to end past it (from the first run's time) is "
                             "left out and listed as skipped; 0 = no budget")
    parser.add_argument("--work", type=Path, default=Path("/tmp/ray_scaling"))
    args = parser.parse_args(argv)
    with args.corpus.open(encoding="utf-8") as fh:
        lines = [json.loads(line) for line in fh if line.strip()]
    result: dict[str, Any] = {"machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M:%S"),
                              "corpus": {"articles": len(lines), "distinct": len({d["text"] for d in lines}),
                                         "words": sum(len(d["text"].split()) for d in lines)}, "runs": []}
    start = time.perf_counter()
    for workers in (int(w) for w in args.workers.split(",") if w.strip()):
        first = result["runs"][0] if result["runs"] else None
        if args.budget and first:
            expected = first["wall_s"] * first["workers"] / workers * 1.3 + 30
            if time.perf_counter() - start + expected > args.budget:
                result.setdefault("skipped", []).append(workers)
                continue
        result["runs"].append(run_one(args.corpus, args.work / f"ray{workers}", workers, args.limit))
        print(json.dumps(result["runs"][-1])[:400], flush=True)
        args.out.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
