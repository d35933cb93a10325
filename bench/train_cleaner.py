"""Train the learned page-junk model shipped in ``newsprism/data/cleaner.npz`` and measure it beside the rules.

Data: trafilatura's evaluation set, ../shared/bench/boilerplate-html (990 real web pages with ``with`` / ``without``
snippets; Apache-2.0, from the trafilatura repository), flattened to scraped plain text with line labels by
../shared/scripts/flatten_html.py. It is read in place and never copied into the project.

    python bench/train_cleaner.py            # 5-fold CV (rules vs learned) and write the shipped weights
    python bench/train_cleaner.py --cv-only  # the figures only
    python bench/train_cleaner.py --skip-cv --out X.npz  # the weights only (reproduces the shipped file's model)
    python bench/train_cleaner.py --html     # the same for HTML pages: blocks of the DOM (clean/blocks.py), scored
                                             # by trafilatura's snippet metric after the news line pass
    python bench/train_cleaner.py --html-fast  # the HTML block model that reads the DOM alone (cleaner="fast")

The HTML model reads the 990 pages themselves (``with`` snippets mark body blocks, ``without`` snippets junk ones);
its figures are trafilatura's metric on the text newsprism keeps, cross-validated by page like the plain-text model.

Cross-validation is by page: no page is in both the training and the scored part of a fold. The figures are the
same line metric as bench_clean's plain-text part: line macro-F1 over kept / removed and the share of body lines
kept, where a line counts as kept when its text is in the cleaned body or is the title.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
import unicodedata
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.clean import repeated_lines
from newsprism.clean.features import page_features, second_stage_features
from newsprism.clean.learned import LineModel, decisive_families, fit_model, page_chars
from newsprism.clean.text import BODY, HEADING, JUNK, TITLE, Line, RulePass, clean_text, rule_pass, split_lines
from newsprism.records import RawDocument

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
WEIGHTS = HERE.parent / "src" / "newsprism" / "data" / "cleaner.npz"
HTML_WEIGHTS = HERE.parent / "src" / "newsprism" / "data" / "cleaner_html.npz"
FAST_HTML_WEIGHTS = HERE.parent / "src" / "newsprism" / "data" / "cleaner_html_dom.npz"
HTML_CUTS = {"blocks": 0.4, "blocks-dom": 0.4}  # the best of 0.4, 0.5, 0.6 in each model's cross-validation
BLOCK_PARAMS = {"max_iter": 200, "min_samples_leaf": 30, "max_depth": None}  # blocks: more rows, deeper pages
# The second stage of the fast model reads the first stage's view of each block's groups (parent, tag path): held-out
# F1 0.9451 -> 0.9477, mean of three fold shuffles. The accurate model, which has trafilatura's view, did not gain
# from them (0.9519 -> 0.9517).
GROUPED = {"blocks": False, "blocks-dom": True}
# The fast model also learns from blocks the snippets leave unlabelled (97% of them), with trafilatura's call as a
# weak label: up to WEAK_PER_PAGE such blocks a page, each weighing WEAK_WEIGHT of a gold block. It learns what
# trafilatura keeps without running it: held-out F1 0.948 -> 0.954 at the shipped cut (bench/notes/cleaner_tried.md).
WEAK = {"blocks": False, "blocks-dom": True}
WEAK_PER_PAGE = 50
WEAK_WEIGHT = 0.1
FOLDS = 5
SEED = 26


@dataclass(frozen=True, slots=True)
class Page:
    """One flattened page: its text, its lines, the rules' pass, features and labels (1 body, 0 junk, -1 none)."""

    name: str
    text: str
    lines: tuple[Line, ...]
    numbers: tuple[int, ...]  # 1-based line number of each Line in ``text``
    rules: RulePass
    X: np.ndarray
    y: np.ndarray
    body: tuple[int, ...]
    junk: tuple[int, ...]


def flatten(shared: Path, work: Path) -> Path:
    """The flattened pages (made once by ../shared/scripts/flatten_html.py into ``work``)."""
    flat = work / "flat"
    if not (flat / "labels.json").exists():
        subprocess.run([sys.executable, str(shared / "scripts" / "flatten_html.py"), str(flat)], check=True,
                       capture_output=True)
    return flat


def _numbers(text: str, lines: list[Line]) -> tuple[int, ...]:
    out = []
    pos = 0
    number = 1
    for ln in lines:
        number += text.count("\n", pos, ln.start)
        pos = ln.start
        out.append(number)
    return tuple(out)


def load_pages(flat: Path) -> list[Page]:
    labels = json.loads((flat / "labels.json").read_text(encoding="utf-8"))
    texts = {name: (flat / name).read_text(encoding="utf-8") for name in labels}
    repeated = repeated_lines([RawDocument(source_path=name, text=t) for name, t in texts.items()])
    pages = []
    for name, text in texts.items():
        lines = split_lines(text)
        numbers = _numbers(text, lines)
        rp = rule_pass(lines, repeated=repeated)
        body, junk = set(labels[name]["body"]), set(labels[name]["junk"])
        y = np.array([1 if k in body else 0 if k in junk else -1 for k in numbers], dtype=np.int8)
        pages.append(Page(name, text, tuple(lines), numbers, rp, page_features(lines, rp), y,
                          tuple(sorted(body)), tuple(sorted(junk))))
    return pages


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()


def score(pages: list[Page], keep: dict[str, np.ndarray]) -> dict[str, float]:
    """bench_clean's plain-text metric: a labelled line is kept when its text is a kept line's text or the title."""
    def kept(page: Page) -> set[str]:
        out = {_norm(ln.text) for ln, k in zip(page.lines, keep[page.name], strict=True) if k}
        if page.rules.title:
            out.add(_norm(page.rules.title))
        return out

    return _line_figures((page.text.split("\n"), page.body, page.junk, kept(page)) for page in pages)


def _line_figures(pages: Iterable[tuple[list[str], Sequence[int], Sequence[int], Container[str]]]
                  ) -> dict[str, float]:
    """Line macro-F1 over kept / removed, from each page's raw lines, its body and junk line numbers (1-based) and
    what was kept (a labelled line counts as kept when its normalised text is ``in`` it)."""
    kt = kf = dt = df = 0
    for raw, body, junk, kept in pages:
        for i in body:
            ok = _norm(raw[i - 1]) in kept
            kt += ok
            kf += not ok
        for i in junk:
            ok = _norm(raw[i - 1]) not in kept
            dt += ok
            df += not ok
    kp, kr = kt / max(kt + df, 1), kt / max(kt + kf, 1)
    dp, dr = dt / max(dt + kf, 1), dt / max(dt + df, 1)

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    return {"line_f1": (f1(kp, kr) + f1(dp, dr)) / 2, "body_kept": kr, "junk_removed": dr}


def rules_keep(page: Page) -> np.ndarray:
    return np.array([v.kind in (BODY, HEADING, TITLE) for v in page.rules.verdicts])


def folds(n: int, k: int = FOLDS, seed: int = SEED) -> list[np.ndarray]:
    """Page indices of each fold (a fixed shuffle, so a rerun scores the same split)."""
    order = np.random.default_rng(seed).permutation(n)
    return [order[i::k] for i in range(k)]


def _training_rows(pages: Sequence[Page | BlockPage], kind: str,
                   extra: dict[str, np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """The rows a model learns from: the labelled ones, and for a model that learns weak labels (``WEAK``) a fixed
    sample of each page's unlabelled blocks with trafilatura's call and weight ``WEAK_WEIGHT``. ``extra``: columns
    to add to each page's features (the second stage's), by page name."""
    xs, ys, ws = [], [], []
    weak = WEAK.get(kind, False)
    for p in pages:
        X = p.X if extra is None else np.hstack([p.X, extra[p.name]])
        gold = np.flatnonzero(p.y >= 0)
        pick = _weak_rows(p) if weak and isinstance(p, BlockPage) else np.zeros(0, dtype=np.int64)
        xs.append(X[np.concatenate([gold, pick])])
        ys.append(np.concatenate([p.y[gold], p.weak[pick] if isinstance(p, BlockPage) else []]).astype(np.int64))
        ws.append(np.concatenate([np.ones(len(gold)), np.full(len(pick), WEAK_WEIGHT)]))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(ws) if weak else None


def _weak_rows(page: BlockPage) -> np.ndarray:
    """Up to WEAK_PER_PAGE unlabelled blocks of the page, the same ones in every fold and run (seeded by the page's
    name)."""
    import zlib

    unlabelled = np.flatnonzero(page.y < 0)
    if len(unlabelled) <= WEAK_PER_PAGE:
        return unlabelled
    rng = np.random.default_rng(zlib.crc32(page.name.encode("utf-8")))
    return np.sort(rng.choice(unlabelled, size=WEAK_PER_PAGE, replace=False))


@dataclass(frozen=True, slots=True)
class BlockPage:
    """One HTML page of the set as blocks: their texts, features, labels and the page's ``with`` / ``without``
    snippets."""

    name: str
    texts: tuple[str, ...]
    X: np.ndarray
    y: np.ndarray
    with_: tuple[str, ...]
    without: tuple[str, ...]
    html: Path  # the page's gzipped file: where the model keeps nothing, production reads it with trafilatura
    groups: np.ndarray  # blocks.group_labels of the page's blocks
    weak: np.ndarray  # trafilatura's call on each block (1 kept, 0 not): the fast model's weak labels


def load_block_pages(shared: Path, extractor: bool) -> list[BlockPage]:
    """The 990 pages read as production reads them (decode, parse, trafilatura for the model that reads its text,
    blocks), labelled by snippets."""
    from newsprism.clean.blocks import block_features, extracted_flags, group_labels, page_blocks
    from newsprism.clean.html import trafilatura_text

    bench = shared / "bench" / "boilerplate-html"
    gold = json.loads((bench / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for key, entry in gold.items():
        tree = _page_tree(bench / "html" / (entry["file"] + ".gz"))
        if tree is None:
            continue
        extracted = " ".join(trafilatura_text(tree, key).split())
        blocks = page_blocks(tree)
        if not blocks:
            continue
        groups = group_labels(blocks)
        X = block_features(blocks, extracted if extractor else None, groups)
        texts = tuple(b.text for b in blocks)
        weak = extracted_flags(texts, extracted)
        y = np.array([1 if any(w in t for w in entry["with"]) else 0 if any(w in t for w in entry["without"])
                      else -1 for t in texts], dtype=np.int8)
        pages.append(BlockPage(key, texts, X, y, tuple(entry["with"]), tuple(entry["without"]),
                               bench / "html" / (entry["file"] + ".gz"), groups, weak))
    return pages


def snippet_score(outputs: dict[str, str], pages: list[BlockPage]) -> dict[str, float]:
    """trafilatura's metric (bench_clean's): a ``with`` snippet found in the kept text is a true positive, a
    ``without`` one a false positive."""
    sys.path.insert(0, str(HERE))
    from bench_clean import score

    return score(outputs, {p.name: {"with": p.with_, "without": p.without} for p in pages})


def _page_tree(path: Path) -> Any:
    """A gzipped page of the set decoded and parsed as production reads it (None where lxml cannot)."""
    import gzip

    from trafilatura.utils import load_html

    from newsprism.ingest.base import declared_charset, decode_bytes

    data = gzip.decompress(path.read_bytes())
    return load_html(decode_bytes(data, declared=declared_charset(data)).text)


def _trafilatura_text(page: BlockPage) -> str:
    from newsprism.clean.html import trafilatura_text

    tree = _page_tree(page.html)
    return trafilatura_text(tree, page.name) if tree is not None else ""


def kept_blocks(model: LineModel, page: BlockPage) -> str:
    """The text production keeps of a page: the kept blocks, then the news line pass over them."""
    from newsprism.clean.blocks import kept_blocks

    # where the model keeps nothing, trafilatura's text, as extract_html falls back
    text = kept_blocks(model, page.texts, page.X, page.groups) or _trafilatura_text(page)
    cleaned = clean_text(text, extracted=True)
    return "\n".join(ln.text for ln, v in zip(cleaned.lines, cleaned.verdicts, strict=True) if v.kind != JUNK)


def cross_validate_html(pages: list[BlockPage], kind: str) -> dict[float, dict[str, float]]:
    """The block model on held-out pages of each fold, scored at a few cuts (the shipped cut is HTML_CUTS[kind])."""
    return {cut: snippet_score(out, pages) for cut, out in held_out_html(pages, kind).items()}


def held_out_html(pages: list[BlockPage], kind: str) -> dict[float, dict[str, str]]:
    """The text the block model keeps of each page when the page was held out of its training, at a few cuts."""
    outputs: dict[float, dict[str, str]] = {c: {} for c in (0.4, 0.5, 0.6)}
    for f, held in enumerate(folds(len(pages))):
        held_set = set(held.tolist())
        model = train([p for i, p in enumerate(pages) if i not in held_set], kind=kind)
        for cut in outputs:
            m = LineModel.combine(model.first, model.second, model.decisive, kind=kind, cut=cut,
                                  grouped=model.grouped)
            for i in held.tolist():
                outputs[cut][pages[i].name] = kept_blocks(m, pages[i])
        print(f"html fold {f + 1}/{FOLDS} done", file=sys.stderr, flush=True)
    return outputs


def line_score_of_html(flat: Path, outputs: dict[str, str], pages: list[BlockPage]) -> dict[str, float]:
    """The plain-text line metric (``score``) on what an extractor kept of each HTML page (``outputs``, by page
    key): a labelled line of the flattened page counts as kept when its text is in the extractor's text. It puts the
    plain-text cleaner beside cleaners that read the page's DOM, on the same lines."""
    labels = json.loads((flat / "labels.json").read_text(encoding="utf-8"))
    names = {p.name: p.html.name.removesuffix(".gz").rsplit(".", 1)[0] + ".txt" for p in pages}
    return _line_figures(
        ((flat / name).read_text(encoding="utf-8").split("\n"), labels[name]["body"], labels[name]["junk"],
         _norm(outputs.get(key, ""))) for key, name in names.items() if name in labels)


def train(pages: Sequence[Page | BlockPage], kind: str = "lines") -> LineModel:
    """Both stages on ``pages``: the second stage reads first-stage probabilities made out of fold (inner CV), as
    it will see them on pages the first stage never saw."""
    params = BLOCK_PARAMS if kind != "lines" else {}
    X, y, w = _training_rows(pages, kind)
    first = fit_model(X, y, seed=SEED, weight=w, **params)
    inner = folds(len(pages), k=FOLDS, seed=SEED + 1)
    oof: dict[int, np.ndarray] = {}
    for f, held in enumerate(inner):
        held_set = set(held.tolist())
        Xr, yr, wr = _training_rows([p for i, p in enumerate(pages) if i not in held_set], kind)
        m = fit_model(Xr, yr, seed=SEED + f, weight=wr, **params)
        for i in held.tolist():
            oof[i] = m.predict(pages[i].X)
    grouped = GROUPED.get(kind, False)
    S = {p.name: second_stage_features(oof[i], _chars(p), p.groups if grouped and isinstance(p, BlockPage)
                                       else None) for i, p in enumerate(pages)}
    X2, y2, w2 = _training_rows(pages, kind, S)
    second = fit_model(X2, y2, seed=SEED, weight=w2, **params)
    cut = HTML_CUTS[kind] if kind != "lines" else 0.5
    # blocks are judged on the DOM alone; on lines a decisive cue family of the rules overrules the model
    decisive = decisive_families([c for p in pages if isinstance(p, Page) for c in p.rules.cats],
                                 np.concatenate([p.y for p in pages])) if kind == "lines" else ()
    return LineModel.combine(first, second, decisive, kind=kind, cut=cut, grouped=grouped)


def _chars(page: Page | BlockPage) -> np.ndarray:
    """Characters of each row of the page (a block page whose lines split differently reads its blocks)."""
    if isinstance(page, BlockPage):
        return np.array([len(t) for t in page.texts], dtype=np.float64)
    return page_chars(page.lines)


def cross_validate(pages: list[Page]) -> tuple[dict[str, float], dict[str, float], float]:
    """Rules and the learned model scored on the same held-out pages of each fold; seconds spent predicting."""
    keep: dict[str, np.ndarray] = {}
    spent = 0.0
    for f, held in enumerate(folds(len(pages))):
        held_set = set(held.tolist())
        model = train([p for i, p in enumerate(pages) if i not in held_set])
        t0 = time.process_time()
        for i in held.tolist():
            keep[pages[i].name] = model.keep(pages[i].X, page_chars(pages[i].lines), pages[i].rules.cats)
        spent += time.process_time() - t0
        print(f"fold {f + 1}/{FOLDS} done", file=sys.stderr, flush=True)
    rules = score(pages, {p.name: rules_keep(p) for p in pages})
    return rules, score(pages, keep), spent


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv-only", action="store_true", help="measure only; do not write the shipped weights")
    ap.add_argument("--skip-cv", action="store_true", help="only train on every page and write the weights")
    ap.add_argument("--out", type=Path, default=None, help="where to write the weights")
    ap.add_argument("--html", action="store_true", help="the HTML block model instead of the plain-text one")
    ap.add_argument("--html-fast", action="store_true",
                    help="the HTML block model that reads the DOM alone (cleaner = \"fast\")")
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        print("../shared is absent: training needs ../shared/bench/boilerplate-html", file=sys.stderr)
        return 2
    if args.html or args.html_fast:
        kind = "blocks" if args.html else "blocks-dom"
        block_pages = load_block_pages(SHARED, extractor=kind == "blocks")
        if not args.skip_cv:
            print(json.dumps({f"html_{kind}": cross_validate_html(block_pages, kind)}, indent=1))
        if not args.cv_only:
            out = args.out or (HTML_WEIGHTS if args.html else FAST_HTML_WEIGHTS)
            train(block_pages, kind=kind).save(out)
            print(f"weights written to {out}")
        return 0
    args.out = args.out or WEIGHTS
    pages = load_pages(flatten(SHARED, HERE / "_work"))
    if not args.skip_cv:
        rules, learned, _ = cross_validate(pages)
        print(json.dumps({"rules": rules, "learned": learned}, indent=1))
    if not args.cv_only:
        train(pages).save(args.out)
        print(f"weights written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
