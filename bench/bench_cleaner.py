"""The learned cleaners against the rules, cross-validated on the 990 pages (issue 26): the line model on the pages
flattened to plain text, the block model on the HTML pages themselves.

Five folds by page (no page in both training and scoring, a fixed shuffle), the same line metric as bench_clean's
plain-text part, the rules measured on the same pages in the same run. Speed: ``clean_corpus`` over the 990 pages
with each cleaner (CPU seconds, one process), title, outlet, date and language detection included.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

from newsprism.clean import clean_corpus
from newsprism.clean.learned import LineModel
from newsprism.clean.text import clear_line_caches
from newsprism.pipeline import FailurePolicy
from newsprism.records import RawDocument
from newsprism.settings import Settings

HERE = Path(__file__).resolve().parent
NOTES = HERE / "notes" / "cleaner_tried.md"  # what was tried on the models, measured by hand, kept with the figures


def _trainer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("train_cleaner", HERE / "train_cleaner.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _speed(flat: Path, names: list[str], cleaner: str) -> tuple[float, int]:
    docs = [RawDocument(source_path=n, text=(flat / n).read_text(encoding="utf-8")) for n in names]
    policy = FailurePolicy()
    clear_line_caches()  # cold: the cross-validation above read these pages' lines
    t0 = time.process_time()
    clean_corpus(docs, settings=Settings(cleaner=cleaner), policy=policy, progress=lambda *a: None)
    return time.process_time() - t0, len(policy.failures)


def run(shared: Path, work: Path) -> str:
    T = _trainer()
    flat = T.flatten(shared, work)
    pages = T.load_pages(flat)
    rules, learned, _ = T.cross_validate(pages)
    shipped = LineModel.load()
    in_sample = T.score(pages, {p.name: shipped.keep(p.X, T.page_chars(p.lines), p.rules.cats) for p in pages})
    names = [p.name for p in pages]
    t_rules, f_rules = _speed(flat, names, "rules")
    t_learned, f_learned = _speed(flat, names, "learned")
    n = len(pages)

    def row(name: str, s: dict[str, float]) -> str:
        return f"| {name} | {s['line_f1']:.3f} | {s['body_kept']:.3f} | {s['junk_removed']:.3f} |"

    return "\n".join([
        f"### Plain text: {n} pages of ../shared/bench/boilerplate-html flattened by flatten_html.py, "
        f"{T.FOLDS}-fold cross-validation by page",
        "",
        "| cleaner | line macro-F1 | body lines kept | junk lines removed |",
        "| --- | --- | --- | --- |",
        row("rules (clean/text.py, clean/patterns.py)", rules),
        row("learned (two-stage boosted trees, rules as features), held-out pages", learned),
        row("learned, shipped weights on their own training pages (in-sample, not a score)", in_sample),
        "",
        f"Speed (clean_corpus, CPU s for {n} pages, one process): rules {t_rules:.1f} s ({n / t_rules:.0f} pages/s, "
        f"{f_rules} failure rows), learned {t_learned:.1f} s ({n / t_learned:.0f} pages/s, {f_learned} failure "
        "rows: pages with no body, too short, or not an article).",
        "",
        *_html(T, shared, flat, learned),
        *(["", NOTES.read_text(encoding="utf-8").strip()] if NOTES.is_file() else []),
    ])


def _html(T, shared: Path, flat: Path, plain: dict[str, float]) -> list[str]:  # type: ignore[no-untyped-def]
    """Both block models cross-validated by page on the HTML pages, trafilatura's snippet metric on what newsprism
    keeps (kept blocks, then the news line pass), at the shipped cut and beside it; then the same held-out texts,
    and trafilatura's, scored by the plain-text line metric beside the plain-text model (``plain``)."""
    rows = []
    lines = []
    n = 0
    pages = []
    for kind, label in (("blocks", "accurate block model (cleaner = learned: trafilatura's text among its features)"),
                        ("blocks-dom", "fast block model (cleaner = fast: the DOM alone)")):
        pages = T.load_block_pages(shared, extractor=kind == "blocks")
        n = len(pages)
        outputs = T.held_out_html(pages, kind)
        scores = {cut: T.snippet_score(out, pages) for cut, out in outputs.items()}
        rows += [f"| {label}, cut {cut:.1f}{' (shipped)' if cut == T.HTML_CUTS[kind] else ''}, held-out pages | "
                 f"{s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |" for cut, s in sorted(scores.items())]
        lines.append((f"{label}, shipped cut, held-out pages: reads the HTML",
                      T.line_score_of_html(flat, outputs[T.HTML_CUTS[kind]], pages)))
    lines.append(("trafilatura alone: reads the HTML",
                  T.line_score_of_html(flat, {p.name: T._trafilatura_text(p) for p in pages}, pages)))
    lines.append(("plain-text model (the table above), held-out pages: reads the flattened text alone", plain))
    return [f"### HTML: {n} pages of ../shared/bench/boilerplate-html, {T.FOLDS}-fold cross-validation by "
            "page (trafilatura's snippet metric)",
            "",
            "| cleaner | precision | recall | F1 |",
            "| --- | --- | --- | --- |",
            *rows,
            "",
            "A page where the block model keeps nothing is read by trafilatura, as in production. trafilatura alone, "
            "the rules path (trafilatura + news line pass) and the time of each cleaner on the same pages: the clean "
            "section.",
            "",
            "### The plain-text line metric on what the HTML cleaners keep",
            "",
            "The same labelled lines of the flattened pages, scored on the text each HTML cleaner keeps of the page "
            "(a line counts as kept when its text is in that text): what reading the DOM is worth on the metric the "
            "plain-text model is held to (#26 asks it for 0.95).",
            "",
            "| cleaner | line macro-F1 | body lines kept | junk lines removed |",
            "| --- | --- | --- | --- |",
            *(f"| {label} | {s['line_f1']:.3f} | {s['body_kept']:.3f} | {s['junk_removed']:.3f} |"
              for label, s in lines)]


if __name__ == "__main__":
    print(run(HERE.parent.parent / "shared", HERE / "_work"))
