"""Cleaning benchmark: the seeds (score_seeds.py), the 990-page HTML set (trafilatura alone vs newsprism, same run,
same input, both timed), and the same pages flattened to plain text (line-level F1 of our classifier).

HTML metric (trafilatura's own): a ``with`` snippet found in the output is a true positive, missing a false
negative; a ``without`` snippet found is a false positive. Both tools get the same decoded page string; the two
are timed page by page in alternating order so load on a shared machine hits both alike.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from newsprism.clean import clean_corpus, clean_document, load_block_judge, load_judge, load_registry
from newsprism.clean.text import clear_line_caches, split_lines
from newsprism.ingest.base import declared_charset, decode_bytes
from newsprism.pipeline import FailurePolicy
from newsprism.records import Article, RawDocument
from newsprism.settings import Settings


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def kept_text(article: Article) -> str:
    """What newsprism keeps of the extraction: every line of raw_text that was not removed (title included)."""
    gone = {r.start for r in article.removed if r.start >= 0}
    return "\n".join(ln.text for ln in split_lines(article.raw_text) if ln.start not in gone)


def score(outputs: dict[str, str], gold: dict[str, dict]) -> dict[str, float]:
    tp = fn = fp = tn = 0
    for key, entry in gold.items():
        out = outputs.get(key) or ""
        for s in entry["with"]:
            if s in out:
                tp += 1
            else:
                fn += 1
        for s in entry["without"]:
            if s in out:
                fp += 1
            else:
                tn += 1
    p, r = tp / (tp + fp), tp / (tp + fn)
    return {"precision": p, "recall": r, "f1": _f1(p, r), "accuracy": (tp + tn) / (tp + tn + fp + fn),
            "tp": tp, "fn": fn, "fp": fp}


def html_set(shared: Path, variants: Sequence[Settings]) -> tuple[dict, list[dict], float, list[float], list[int]]:
    """trafilatura alone and newsprism with each of ``variants`` on every page, in one pass; the order of the runs
    rotates from page to page, so no run is timed always first. Each variant's models are loaded once."""
    import trafilatura

    bench = shared / "bench" / "boilerplate-html"
    gold = json.loads((bench / "evaldata.json").read_text(encoding="utf-8"))
    registry = load_registry(variants[0])
    models = [(load_judge(v), load_block_judge(v)) for v in variants]
    theirs: dict[str, str] = {}
    ours: list[dict[str, str]] = [{} for _ in variants]
    t_theirs = 0.0
    t_ours = [0.0] * len(variants)
    failures = [0] * len(variants)
    runs = len(variants) + 1
    for n, (key, entry) in enumerate(gold.items()):
        data = gzip.decompress((bench / "html" / (entry["file"] + ".gz")).read_bytes())
        page = decode_bytes(data, declared=declared_charset(data)).text
        doc = RawDocument(source_path=entry["file"], url=key, html=page, format="html")
        for turn in [(n + k) % runs for k in range(runs)]:
            t0 = time.process_time()
            if turn == 0:
                theirs[key] = trafilatura.extract(page, url=key, include_comments=False) or ""
                t_theirs += time.process_time() - t0
                continue
            v = turn - 1
            article = None
            clear_line_caches()  # no variant reads lines another one's run of the same page left in the caches
            try:
                article = clean_document(doc, settings=variants[v], registry=registry, judge=models[v][0],
                                         blocks=models[v][1])
            except ValueError:
                failures[v] += 1
            t_ours[v] += time.process_time() - t0
            ours[v][key] = kept_text(article) if article else ""
    return score(theirs, gold), [score(o, gold) for o in ours], t_theirs, t_ours, failures


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()


def flat_set(shared: Path, work: Path, settings: Settings) -> dict[str, float]:
    flat = work / "flat"
    if not (flat / "labels.json").exists():
        subprocess.run([sys.executable, str(shared / "scripts" / "flatten_html.py"), str(flat)], check=True,
                       capture_output=True)
    labels = json.loads((flat / "labels.json").read_text(encoding="utf-8"))
    docs = [RawDocument(source_path=name, text=(flat / name).read_text(encoding="utf-8")) for name in labels]
    clear_line_caches()  # cold: earlier sections read lines of these pages
    t0 = time.process_time()
    arts = clean_corpus(docs, settings=settings, policy=FailurePolicy(), progress=lambda *a: None)
    elapsed = time.process_time() - t0
    by_name = {a.source_path: a for a in arts}
    kt = kf = dt = df = 0
    for doc in docs:
        art = by_name.get(doc.source_path)
        kept = {_norm(x) for x in (art.text.split("\n") if art else [])} | {_norm(art.title or "") if art else ""}
        lines = (doc.text or "").split("\n")
        lab = labels[doc.source_path or ""]
        for i in lab["body"]:
            ok = _norm(lines[i - 1]) in kept
            kt += ok
            kf += not ok
        for i in lab["junk"]:
            ok = _norm(lines[i - 1]) not in kept
            dt += ok
            df += not ok
    kp, kr = kt / (kt + df), kt / (kt + kf)
    dp, dr = dt / (dt + kf), dt / (dt + df)
    return {"line_f1": (_f1(kp, kr) + _f1(dp, dr)) / 2, "body_kept": kr, "junk_removed": dr,
            "seconds": elapsed, "pages": len(docs)}


def seeds(shared: Path, work: Path) -> str:
    out = work / "clean_seeds"
    exe = Path(sys.executable).with_name("newsprism")
    run = subprocess.run([str(exe), "analyze", str(shared / "seeds"), "--out", str(out)], capture_output=True,
                         text=True)
    if run.returncode != 0:
        return f"newsprism analyze failed: {run.stderr[-500:]}"
    res = subprocess.run([sys.executable, str(shared / "scripts" / "score_seeds.py"), str(out / "report.json"),
                          "--json"], capture_output=True, text=True)
    got = json.loads(res.stdout)
    return " ".join(f"{k}={got[k]:.3f}" if isinstance(got[k], float) else f"{k}={got[k]}"
                    for k in ("line_f1", "body_kept", "boilerplate_precision", "boilerplate_recall",
                              "category_accuracy", "titles"))


def run(shared: Path, work: Path) -> str:
    # the rules path (trafilatura + news line pass): the learned block model was trained on these pages, so its
    # figures here would be in-sample (bench_cleaner.py cross-validates it); its time is measured beside them
    traf, (ours, in_sample, in_fast), t_traf, (t_ours, t_learned, t_fast), (failures, _, _) = html_set(
        shared, [Settings(cleaner="rules"), Settings(), Settings(cleaner="fast")])
    # the rules alone: the learned cleaner was trained on these pages, so its figures here would be in-sample;
    # bench_cleaner.py scores it by cross-validation
    flat = flat_set(shared, work, Settings(cleaner="rules"))
    seed_line = seeds(shared, work)

    def row(name: str, s: dict, t: float) -> str:
        return (f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['accuracy']:.3f} | {s['f1']:.3f} | "
                f"{s['tp']} / {s['fn']} / {s['fp']} | {t:.1f} s |")

    return "\n".join([
        "### HTML: 990 pages of ../shared/bench/boilerplate-html (trafilatura's snippet metric, one run)",
        "",
        "| extractor | precision | recall | accuracy | F1 | TP / FN / FP | CPU time |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        row("trafilatura alone (extract, include_comments=False)", traf, t_traf),
        row("newsprism clean, rules (trafilatura + news line pass + metadata)", ours, t_ours),
        row("newsprism clean, learned blocks (in-sample: trained on these pages, not a score)", in_sample,
            t_learned),
        row("newsprism clean, fast blocks: the DOM alone (in-sample, not a score)", in_fast, t_fast),
        "",
        f"Time ratio newsprism / trafilatura: rules {t_ours / t_traf:.2f}x, learned blocks {t_learned / t_traf:.2f}x, "
        f"fast blocks {t_fast / t_traf:.2f}x (CPU seconds, one pass over the pages, the four runs in rotating order). "
        "Pages that "
        f"became a Failure: {failures}. newsprism's time includes title, outlet, authors, htmldate and language "
        "detection. The learned block model's held-out score is in the cleaner section.",
        "",
        "### Plain text: the same pages flattened (../shared/scripts/flatten_html.py), line labels, rules cleaner",
        "",
        f"line_f1={flat['line_f1']:.3f} body_kept={flat['body_kept']:.3f} junk_removed={flat['junk_removed']:.3f} "
        f"on {flat['pages']} pages in {flat['seconds']:.1f} CPU s (clean_corpus with cleaner=\"rules\", corpus "
        "repetition included). The learned line model (plain text, in every cleaner but rules) was trained on these "
        "pages: its cross-validated figures are in the cleaner section.",
        "",
        "### Seeds (score_seeds.py)",
        "",
        seed_line,
    ])


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    print(run(here.parent.parent / "shared", here / "_work"))
