"""The Ray runner with 1, 2, 4 and 8 workers on a lent GPU machine (issue 9, scope 5), rendered from its JSON.

`make bench` cannot reach that machine: bench/ray_scaling.py runs there (see its docstring) and writes the JSON,
which is kept in bench/results/ray_device.json; this section renders it. With no JSON the section says so.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "ray_device.json"
MEASURED_ELSEWHERE = "bench/results/ray_device.json"  # bench/run.py stamps the section as rendered, not measured
STAGES = ("CleanWorker", "ParseWorker", "ExtractWorker", "StoryWorker")


def render(data: dict[str, Any]) -> str:
    m, c = data["machine"], data["corpus"]
    runs = sorted((r for r in data["runs"] if r.get("rc") == 0), key=lambda r: r["workers"])
    base = next((r for r in runs if r["workers"] == 1), None)
    rows = [f"Measured {data['started']} on the lent machine: {m.get('gpu') or 'no GPU'}, {m['cpus']} CPUs "
            f"({m.get('cpu', '?')}), {m.get('ram_gib', '?')} GiB RAM, Python {m['python']}, torch {m.get('torch')}, "
            f"Ray {m.get('ray')}, spaCy {m.get('spacy')}. Every worker is held to one thread and the models run on "
            "the CPU (the GPU is not used by these runs).",
            "",
            f"Corpus: {c['articles']:,} articles ({c['distinct']} distinct texts from BASIL, PolNeAR and the seeds, "
            f"every sixth of the e2e corpus's texts; copies are dropped at ingest), {c['words']:,} words.",
            "",
            "| workers | wall s | speed-up over 1 | clean s | parse s | extract s | stories s | driver and Ray s "
            "| driver peak MiB |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in runs:
        st = r.get("stages_s", {})
        rest = r["wall_s"] - sum(st.get(s, 0.0) for s in STAGES)
        speed = f"{base['wall_s'] / r['wall_s']:.2f}x" if base else ""
        rows.append(f"| {r['workers']} | {r['wall_s']:.0f} | {speed} | "
                    + " | ".join(f"{st.get(s, 0.0):.0f}" for s in STAGES)
                    + f" | {rest:.0f} | {r['driver_peak_mib']:,} |")
    if data.get("note"):
        rows += ["", data["note"][0].upper() + data["note"][1:] + "."]
    for paragraph in data.get("analysis", []):
        rows += ["", paragraph]
    return "\n".join(rows)


def run(shared: Path, work: Path) -> str:  # noqa: ARG001 - the benchmark interface
    if not RESULTS.exists():
        return "Not measured: no lent machine yet (bench/ray_scaling.py writes bench/results/ray_device.json there)."
    return render(json.loads(RESULTS.read_text(encoding="utf-8")))


if __name__ == "__main__":
    print(run(HERE.parent.parent / "shared", HERE / "_work"))
    sys.exit(0)
