"""The Ray runner on the e2e corpus (see bench_e2e): 1 and 2 workers, each held to one thread, and the speed-up.

Ray starts in local mode on this machine with one CPU per worker plus one for Ray Data's own tasks.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_e2e  # noqa: E402

ROOT = bench_e2e.ROOT


def run(shared: Path, work: Path) -> str:
    corpus, unique, words = bench_e2e.build_corpus(shared, work, bench_e2e.N)
    rows = [f"Corpus: the e2e corpus, {bench_e2e.N} articles ({unique} distinct texts), {words:,} words.", "",
            "| run | wall s | articles/s | peak MiB (driver) |", "| --- | ---: | ---: | ---: |"]
    walls: dict[int, float] = {}
    for workers in (2, 1):  # 2 first: a stalled share-out shows early
        try:
            w, p, _ = bench_e2e._child([bench_e2e.PY, "-m", "newsprism", "analyze", str(corpus), "--out",
                                        str(work / f"ray{workers}"), "--runner", "ray", "--set",
                                        f"ray_workers={workers}"], env={"OMP_NUM_THREADS": "1"})
            walls[workers] = w
            rate = bench_e2e.N / w
            rows.append(f"| Ray runner, {workers} worker(s), 1 thread each | {w:.0f} | {rate:.1f} | {p:.0f} |")
        except RuntimeError as exc:
            rows.append(f"| Ray runner, {workers} worker(s) | failed: {str(exc)[:200]} | | |")
    if len(walls) == 2:
        rows += ["", f"Ray speed-up, 2 workers over 1: **{walls[1] / walls[2]:.2f}x**."]
    return "\n".join(rows)


if __name__ == "__main__":
    print(run(ROOT.parent / "shared", ROOT / "bench" / "_work"))
