"""The claim x outlet matrix against a careful reader's gold: ../shared/scripts/score_claims.py on every gold story.

The scorer runs `.venv/bin/newsprism analyze` on each story alone (the seeds as scraped files, the BASIL events as
JSONL) and compares the claim rows with the gold cells: pair precision / recall (one row = one claim across
outlets), denial precision / recall, dispute precision / recall, stance accuracy; the headline is the mean of the
three F1. Nothing here is fitted to the gold: the stories are read, never trained on.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTES = ROOT / "bench" / "notes" / "claims_unseen.md"
# Measured with the code before the matrix rework (issue "Claims a reader can trust"), same scorer and gold.
BEFORE = {"pair P": 0.603, "pair R": 0.231, "denial P": 0.575, "denial R": 0.243, "dispute P": 0.591,
          "dispute R": 0.364, "matrix score": 0.375}
TARGET = {"pair P": ">= 0.85", "pair R": ">= 0.50", "denial P": ">= 0.80", "denial R": ">= 0.50",
          "dispute P": ">= 0.80", "matrix score": ">= 0.65"}
_STORY = re.compile(r"^(\S+)\s+groups\s+(\d+) \(gold claims\s+(\d+)\)\s+pair P ([\d.]+) R ([\d.]+)\s+denial P ([\d.]+) "
                    r"\((\d+)\) R ([\d.]+)\s+dispute P ([\d.]+) \((\d+)\) R ([\d.]+)\s+stance ([\d.]+)")
_ALL = re.compile(r"^all: pair P ([\d.]+) R ([\d.]+) F1 ([\d.]+); denial P ([\d.]+) R ([\d.]+) F1 ([\d.]+).*?"
                  r"dispute P ([\d.]+) R ([\d.]+) F1 ([\d.]+); stance ([\d.]+)")
_HEAD = re.compile(r"matrix score ([\d.]+)")


def run(shared: Path, work: Path) -> str:
    scorer = shared / "scripts" / "score_claims.py"
    if not scorer.exists():
        return "`../shared/scripts/score_claims.py` is absent: nothing measured."
    keep = work / "claims"
    out = subprocess.run([sys.executable, str(scorer), "--newsprism", str(ROOT / ".venv" / "bin" / "newsprism"),
                          "--keep", str(keep)], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    rows = [m.groups() for line in out.splitlines() if (m := _STORY.match(line))]
    total = next(m.groups() for line in out.splitlines() if (m := _ALL.match(line)))
    head = float(next(m.group(1) for line in out.splitlines() if (m := _HEAD.search(line))))
    now = {"pair P": float(total[0]), "pair R": float(total[1]), "denial P": float(total[3]),
           "denial R": float(total[4]), "dispute P": float(total[6]), "dispute R": float(total[7]),
           "matrix score": head}
    lines = [
        f"`score_claims.py` on {len(rows)} gold stories (`../shared/gold/claims`), each analysed alone by "
        "`newsprism analyze`; the reports are kept in `bench/_work/claims`.",
        "",
        "| story | rows (gold claims) | pair P | pair R | denial P (marked) | denial R | dispute P (rows) | dispute R "
        "| stance |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        lines.append(f"| {r[0]} | {r[1]} ({r[2]}) | {r[3]} | {r[4]} | {r[5]} ({r[6]}) | {r[7]} | {r[8]} ({r[9]}) "
                     f"| {r[10]} | {r[11]} |")
    lines += ["", f"All stories pooled: pair F1 {total[2]}, denial F1 {total[5]}, dispute F1 {total[8]}, "
                  f"stance accuracy {total[9]}; **matrix score {head:.3f}** (mean of the three F1).", "",
              "| measure | before the rework | now | issue's target |", "| --- | --- | --- | --- |"]
    for k, v in now.items():
        lines.append(f"| {k} | {BEFORE[k]:.3f} | {v:.3f} | {TARGET.get(k, '')} |")
    if NOTES.is_file():  # the hand reading of stories outside the gold, kept with the figures it explains
        lines += ["", NOTES.read_text(encoding="utf-8").strip()]
    return "\n".join(lines)
