"""What a stopped first analysis keeps: 300 real articles analysed into a store, killed (SIGKILL) at 70% of a clean
run's time, then run again; the second run's time against the clean run's (issue "Hardening": at most 50%).

The articles are the first 300 BASIL articles (../shared/bench/story-clusters/basil), written as JSONL under
bench/_work and read in place. Every run is `newsprism analyze INPUT --db STORE --out DIR` in its own process
(model loading included, as a user would run it); the clean run and the resumed one see the same corpus.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
N = int(os.environ.get("NEWSPRISM_BENCH_RESUME_N", "300"))
AT = float(os.environ.get("NEWSPRISM_BENCH_RESUME_AT", "0.7"))


def _corpus(shared: Path, work: Path) -> Path:
    out = work / f"resume-{N}.jsonl"
    if not out.exists():
        rows = []
        for p in sorted((shared / "bench" / "story-clusters" / "basil" / "articles").glob("*/*.json"))[:N]:
            d = json.loads(p.read_text(encoding="utf-8"))
            paras = d["body-paragraphs"]
            paras = ast.literal_eval(paras) if isinstance(paras, str) else paras
            text = "\n\n".join(" ".join(x) if isinstance(x, list) else str(x) for x in paras)
            rows.append({"id": p.stem, "title": d.get("title"), "text": text, "published": d.get("date")})
        out.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return out


def _analyze(src: Path, db: Path, out: Path, *, kill_after: float | None = None) -> tuple[float, int]:
    cmd = [str(ROOT / ".venv" / "bin" / "newsprism"), "analyze", str(src), "--db", str(db), "--out", str(out)]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                            start_new_session=True)
    if kill_after is None:
        code = proc.wait()
    else:
        try:
            code = proc.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            code = proc.wait()
    return time.perf_counter() - t0, code


def run(shared: Path, work: Path) -> str:
    src = _corpus(shared, work)
    base = work / "resume"
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    clean, code = _analyze(src, base / "clean.db", base / "clean")
    if code != 0:
        raise RuntimeError(f"clean run exited {code}")
    _, killed = _analyze(src, base / "stopped.db", base / "stopped", kill_after=AT * clean)
    resumed, code = _analyze(src, base / "stopped.db", base / "resumed")
    if code != 0:
        raise RuntimeError(f"resumed run exited {code}")
    same = (json.loads((base / "clean" / "report.json").read_text())["stories"]
            == json.loads((base / "resumed" / "report.json").read_text())["stories"])
    return "\n".join([
        f"{N} BASIL articles, `newsprism analyze --db` in a process of its own each time (models loaded in every "
        f"run). The second run was killed with SIGKILL at {AT:.0%} of the clean run's time (exit {killed}), "
        "then run again on its store.",
        "",
        "| run | seconds |",
        "| --- | --- |",
        f"| clean | {clean:.0f} |",
        f"| after the kill | {resumed:.0f} ({resumed / clean:.0%} of clean) |",
        "",
        f"The resumed run's stories are {'identical to' if same else 'NOT the same as'} the clean run's.",
    ])


if __name__ == "__main__":
    print(run(ROOT.parent / "shared", ROOT / "bench" / "_work"))
    sys.exit(0)
