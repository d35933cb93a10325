"""The Ray runner on the e2e corpus (see bench_e2e): 1 and 2 workers, each held to one thread, and the speed-up.

Ray starts in local mode on this machine with one CPU per worker plus one for Ray Data's own tasks.
``NEWSPRISM_BENCH_RAY_CORPUS=distinct`` runs it on the distinct real texts of bench_e2e_distinct instead (no copies:
every article costs model work; ``NEWSPRISM_BENCH_DISTINCT_N`` limits them as there).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_e2e  # noqa: E402

ROOT = bench_e2e.ROOT


def run(shared: Path, work: Path) -> str:
    if os.environ.get("NEWSPRISM_BENCH_RAY_CORPUS") == "distinct":
        import bench_e2e_distinct

        corpus, n, words = bench_e2e_distinct.build_corpus(shared, work)
        head = f"Corpus: {n} distinct real texts (bench_e2e_distinct's, no copies), {words:,} words."
    else:
        corpus, unique, words = bench_e2e.build_corpus(shared, work, bench_e2e.N)
        n = bench_e2e.N
        head = f"Corpus: the e2e corpus, {n} articles ({unique} distinct texts), {words:,} words."
    rows = [head, "",
            "| run | wall s | articles/s | peak MiB (driver) |", "| --- | ---: | ---: | ---: |"]
    walls: dict[int, float] = {}
    for workers in (2, 1):  # 2 first: a stalled share-out shows early
        try:
            w, p, _ = bench_e2e._child([bench_e2e.PY, "-m", "newsprism", "analyze", str(corpus), "--out",
                                        str(work / f"ray{workers}"), "--runner", "ray", "--set",
                                        f"ray_workers={workers}"], env={"OMP_NUM_THREADS": "1"})
            walls[workers] = w
            rate = n / w
            rows.append(f"| Ray runner, {workers} worker(s), 1 thread each | {w:.0f} | {rate:.1f} | {p:.0f} |")
        except RuntimeError as exc:
            rows.append(f"| Ray runner, {workers} worker(s) | failed: {str(exc)[:200]} | | |")
    if len(walls) == 2:
        rows += ["", f"Ray speed-up, 2 workers over 1: **{walls[1] / walls[2]:.2f}x**."]
    return "\n".join(rows)


if __name__ == "__main__":
    print(run(ROOT.parent / "shared", ROOT / "bench" / "_work"))
