"""What one watch poll costs on a stored analysis: 10 new articles from a few days, added to stores of growing
size, windowed (the default: only the stored articles within the story window of the new ones are read and
written) against the update that reads and rewrites the whole analysis (what a poll did before).

Each update runs in its own process on a copy of the store; the time is the update alone (models loaded and
warm), the peak is the process's maximum resident set. Synthetic corpus (bench/synth.py), dates spread over
four months, so the 21-day window holds roughly a third to a half of the store.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = [int(n) for n in os.environ.get("NEWSPRISM_BENCH_INCREMENTAL_N", "1000,2500").split(",") if n.strip()]

UPDATE = """
import json, sys, time
from newsprism.pipeline import FailurePolicy
from newsprism.resources import Resources
from newsprism.runners.local import _update_all, analyze_store, ingest_into
from newsprism.settings import Settings
from newsprism.store import Store
mode, db, new = sys.argv[1:4]
s = Settings(); r = Resources(s); r.embed(["warm up"]); r.nlp("warm up")
p = FailurePolicy()
ingest_into(db, [new], settings=s, policy=p)
t = time.perf_counter()
if mode == "window":
    analyze_store(db, (), resources=r, settings=s, policy=p, full_result=False)
else:
    with Store(db) as st:
        _update_all(st, st.unanalysed_articles(), resources=r, settings=s, policy=p, progress=lambda *a: None)
print(json.dumps({"seconds": time.perf_counter() - t}))
"""


def _siblings():  # type: ignore[no-untyped-def]
    """bench_e2e (its child runner) and synth (the corpus): sibling scripts, bench/ is not a package."""
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    return importlib.import_module("bench_e2e"), importlib.import_module("synth")


def run(shared: Path, work: Path) -> str:
    e2e, synth = _siblings()
    work.mkdir(parents=True, exist_ok=True)
    rows = ["| stored articles | update | seconds | peak MiB | same stories |", "| ---: | --- | ---: | ---: | --- |"]
    for n in SIZES:
        every = list(synth.synth_articles(n + 400, seed=11))
        new = [r for r in every[n:] if "2031-04-10" <= r["published"] <= "2031-04-14"][:10]
        corpus, extra = work / f"incremental_{n}.jsonl", work / f"incremental_{n}_new.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in every[:n]), encoding="utf-8")
        extra.write_text("".join(json.dumps(r) + "\n" for r in new), encoding="utf-8")
        base = work / f"incremental_{n}.db"
        base.unlink(missing_ok=True)
        e2e._child([e2e.PY, "-m", "newsprism", "analyze", str(corpus), "--db", str(base), "--out",
                    str(work / f"incremental_{n}_out")])
        stories = {}
        for mode in ("window", "whole"):
            db = work / f"incremental_{n}_{mode}.db"
            shutil.copy(base, db)
            _, peak, out = e2e._child([e2e.PY, "-c", UPDATE, mode, str(db), str(extra)])
            seconds = json.loads(out.strip().splitlines()[-1])["seconds"]
            import sqlite3

            conn = sqlite3.connect(db)
            stories[mode] = sorted(conn.execute("SELECT id, article_ids FROM stories"))
            conn.close()
            same = "" if mode == "window" else ("yes" if stories["whole"] == stories["window"] else "no")
            label = "window (default)" if mode == "window" else "whole analysis"
            rows.append(f"| {n:,} | {label} | {seconds:.1f} | {peak:.0f} | {same} |")
            print(rows[-1], file=sys.stderr, flush=True)
    return "\n".join(["10 new articles dated 2031-04-10 to 04-14 added to a stored analysis of synthetic articles "
                      "dated March to June 2031.", "", *rows])


if __name__ == "__main__":
    print(run(HERE.parent.parent / "shared", HERE / "_work"))
