"""End-to-end speed against the floor (issue 9).

Corpus: the BASIL, PolNeAR and seed texts together, repeated to 10,000 articles with their ids changed (built in
bench/_work at run time, never committed). The floor is the one unavoidable model pass: spaCy parsing plus MiniLM
encoding of the same texts, alone. Each run is a separate process so peak memory is its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from newsprism.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")
N = int(os.environ.get("NEWSPRISM_BENCH_E2E_N", "10000"))
# cap on the distinct texts (0 = all 1,229); a smaller cap gives a quicker, clearly labelled partial run
DISTINCT = int(os.environ.get("NEWSPRISM_BENCH_E2E_DISTINCT", "0"))
# Ray worker counts to compare ("" skips the Ray rows, for a quicker local-only run)
# (bench_e2e_ray runs the Ray runner on the same corpus with 1 and 2 workers)
RAY_WORKERS = [int(w) for w in os.environ.get("NEWSPRISM_BENCH_E2E_RAY", "").split(",") if w.strip()]


def source_texts(shared: Path) -> list[dict[str, str]]:
    docs: list[dict[str, str]] = []
    for path in sorted((shared / "bench/story-clusters/basil/articles").rglob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        paras = d.get("body-paragraphs", [])
        if isinstance(paras, str):
            paras = json.loads(paras)
        text = "\n\n".join(" ".join(p) if isinstance(p, list) else str(p) for p in paras)
        docs.append({"title": d.get("title", ""), "text": text, "published": d.get("date", ""),
                     "url": d.get("url", "")})
    for path in sorted((shared / "bench/attribution/polnear/data").rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        docs.append({"title": "", "text": text, "published": "", "url": ""})
    for path in sorted((shared / "seeds").glob("*.txt")):
        docs.append({"title": "", "text": path.read_text(encoding="utf-8"), "published": "", "url": ""})
    return [d for d in docs if d["text"].strip()]


def build_corpus(shared: Path, work: Path, n: int) -> tuple[Path, int, int]:
    base = source_texts(shared)
    if DISTINCT:
        base = base[::max(1, len(base) // DISTINCT)][:DISTINCT]
    path = work / f"e2e_{n}_{len(base)}.jsonl"
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            d = base[i % len(base)]
            words += len(d["text"].split())
            fh.write(json.dumps({"id": f"bench-{i}", **d}) + "\n")
    return path, len(base), words


FLOOR = r"""
import json, sys, time
from newsprism.resources import Resources
from newsprism.settings import Settings
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
if sys.argv[2] == "unique":
    texts = list(dict.fromkeys(texts))
r = Resources(Settings())
r.nlp; r.embedder
t = time.perf_counter()
for _ in r.nlp.pipe(texts, batch_size=32):
    pass
t_spacy = time.perf_counter() - t
t = time.perf_counter()
r._encode(texts, r.settings.story_lead_tokens)  # as clustering reads an article: its first word pieces
t_embed = time.perf_counter() - t
from newsprism.summarize.sentences import split_sentences
sents = list(dict.fromkeys(s.text for text in texts for s in split_sentences(text)))
t = time.perf_counter()
r._encode(sents)
t_sents = time.perf_counter() - t
print(json.dumps({"n": len(texts), "spacy_s": t_spacy, "embed_s": t_embed, "sentences": len(sents),
                  "sentences_s": t_sents}))
"""


def _child(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Run a child; return wall seconds, its own peak RSS in MiB (wait4), and its stdout."""
    import tempfile

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT,
                                env={**os.environ, "HF_HUB_OFFLINE": "1", **(env or {})})
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd[:4])} failed: {err.read()[-2000:]}")
        return wall, usage.ru_maxrss / 1024, out.read()


def run(shared: Path, work: Path) -> str:
    corpus, unique, words = build_corpus(shared, work, N)
    rows = [f"Corpus: {N} articles ({unique} distinct texts from BASIL, PolNeAR and the seeds, repeated with new ids), "
            f"{words:,} words.", ""]
    reused = os.environ.get("NEWSPRISM_BENCH_E2E_FLOOR", "")  # a floor JSON from an earlier run of this corpus
    floor_json = Path(reused).read_text() if reused else _child([PY, "-c", FLOOR, str(corpus), "unique"])[2]
    floor_unique = json.loads(floor_json)
    fu = floor_unique["spacy_s"] + floor_unique["embed_s"]
    out = work / "e2e_out"
    wall, peak, _ = _child([PY, "-m", "newsprism", "analyze", str(corpus), "--out", str(out)])
    rate = N / wall
    rows += ["| run | wall s | articles/s | peak MiB |", "| --- | ---: | ---: | ---: |",
             f"| local runner, end to end (ingest to reports) | {wall:.0f} | {rate:.1f} | {peak:.0f} |"]
    ray_rows = []
    for workers in RAY_WORKERS:
        try:
            w, p, _ = _child([PY, "-m", "newsprism", "analyze", str(corpus), "--out", str(work / f"ray{workers}"),
                              "--runner", "ray", "--set", f"ray_workers={workers}"], env={"OMP_NUM_THREADS": "1"})
            ray_rows.append((workers, w))
            rows.append(f"| Ray runner, {workers} worker(s), 1 thread each | {w:.0f} | {N / w:.1f} | {p:.0f} |")
        except RuntimeError as exc:
            rows.append(f"| Ray runner, {workers} worker(s) | failed: {str(exc)[:200]} | | |")
    fs = floor_unique["spacy_s"] + floor_unique["sentences_s"]
    when = (f"measured earlier on this machine and corpus ({floor_unique.get('measured', 'earlier')}) and reused"
            if reused else "in the same run")
    floor_unique.setdefault("measured", time.strftime("%Y-%m-%d %H:%M"))
    (work / f"e2e_floor_{N}_{unique}.json").write_text(json.dumps(floor_unique))
    rows += ["", f"Floor on the {floor_unique['n']} distinct texts the pipeline must process (exact duplicates are "
             f"skipped), one model pass each, {when}: spaCy parse {floor_unique['spacy_s']:.0f} s; MiniLM "
             f"over the articles (their first {Settings().story_lead_tokens} word pieces, as clustering reads them) "
             f"{floor_unique['embed_s']:.0f} s; MiniLM over their "
             f"{floor_unique['sentences']:,} distinct sentences {floor_unique['sentences_s']:.0f} s.",
             f"End to end / (spaCy + article MiniLM) = **{wall / fu:.2f}**; end to end / (spaCy + sentence MiniLM, "
             f"the pass claims and summaries need) = **{wall / fs:.2f}**; end to end / (spaCy + sentence MiniLM + "
             f"article MiniLM, every pass the pipeline makes) = **{wall / (fs + floor_unique['embed_s']):.2f}**.",
             "Model loading is outside the floor and inside the end-to-end time.",
             f"Exact copies are dropped at ingest, so the model work is over the distinct texts: "
             f"{floor_unique['n'] / wall:.1f} distinct articles/s."]
    if len(ray_rows) == 2:
        rows.append(f"Ray speed-up, 2 workers over 1: {ray_rows[0][1] / ray_rows[1][1]:.2f}x.")
    return "\n".join(rows)


if __name__ == "__main__":
    print(run(ROOT.parent / "shared", ROOT / "bench" / "_work"))
    sys.exit(0)
