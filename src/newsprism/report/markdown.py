"""A Markdown report: readable in any editor, pastes into a newsroom wiki."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from newsprism.compare.verdict import outlet_of
from newsprism.records import AnalysisResult, Article
from newsprism.report.views import Cell, Column, claim_matrix, label_stub
from newsprism.summarize.dates import date_label

_INLINE = re.compile(r"[\\`*_\[\]|~]")  # emphasis, code, links and images, table cells, strike-through
_SCHEME = re.compile(r"\b(javascript|vbscript|data|file)\s*:", re.IGNORECASE)



def _lang(article: Article) -> str:
    """`` (de)`` after an article in another language than English; nothing for English or unknown."""
    lang = (article.language or "").strip()
    return f" ({_md(lang)})" if lang and lang.lower() != "en" else ""

def _md(text: str) -> str:
    """Untrusted text (titles, bodies, quotes, claims, names) as literal Markdown on one line: HTML is escaped
    (no ``<script>`` or ``onerror`` reaches a renderer), link and image syntax is escaped, and ``javascript:`` /
    ``data:`` lose their colon to an entity, so rendering the report (markdown-it, then a browser) runs nothing."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(lambda m: "\\" + m.group(0), text)
    return _SCHEME.sub(lambda m: f"{m.group(1)}&#58;", text)


def _code(text: str) -> str:
    """A code span that holds ``text`` whatever backticks it carries (a file name may have some)."""
    text = " ".join(text.split())
    fence = "`" * (max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}"


def _cell(column: Column, cell: Cell, num: dict[str, int]) -> str:
    """One outlet's cell on one line: its stances in bold, then each sentence with its stance, who and article."""
    items = [f"{e.stance}{f' per {_md(e.attributed_to)}' if e.attributed_to else ''} "
             f"{f'[{num[e.article_id]}]' if e.article_id in num else f'({e.article_id})'} “{_md(e.text)}”"
             f"{f' ({_md(e.link_help)})' if e.link_help else ''}"
             for e in cell.evidence]
    return f"**{_md(column.label)}** ({' + '.join(cell.stances)}): " + "; ".join(items)


def to_markdown(result: AnalysisResult) -> str:
    return "".join(line + "\n" for line in markdown_lines(result))


def write_markdown(result: AnalysisResult, path: Path) -> None:
    """The same text as ``to_markdown``, written a story at a time (a large corpus's report is never one string)."""
    with path.open("w", encoding="utf-8") as fh:
        fh.writelines(line + "\n" for line in markdown_lines(result))


def markdown_lines(result: AnalysisResult) -> Iterator[str]:
    """The report's lines, a story at a time."""
    stubs = {a.id: label_stub(a) for a in result.articles}  # no article text held: the corpus may be spilled
    num = {aid: i + 1 for i, aid in enumerate(stubs)}
    lines = ["# newsprism report", ""]
    lines.append(f"{len(result.articles)} articles, {len(result.stories)} stories, "
                 f"{sum(len(a.removed) for a in result.articles)} removed pieces, {len(result.failures)} failures.")
    lines.append("")
    yield from lines
    for story in result.stories:
        lines = []
        lines += [f"## {_md(story.title)}", "", "Articles: " + ", ".join(
            f"[{num[a]}] {_md(outlet_of(stubs[a], a))}{_lang(stubs[a])}" for a in story.article_ids if a in stubs), ""]
        if story.summary:
            lines += ["### Summary", ""]
            for sent in story.summary:
                cites = "".join(f"[{num[c]}]" for c in sent.citations if c in num)
                lines.append(f"- {_md(sent.text)} {cites}")
            lines.append("")
        if story.claims:
            columns, rows = claim_matrix(story, stubs, num)
            lines += ["### Claims", "", "One entry per outlet: its stances on the claim, then each of its sentences.",
                      "", "| claim | status | outlets | reason |", "| --- | --- | --- | --- |"]
            for row in rows:
                cells = "<br>".join(_cell(col, cell, num) for col, cell in zip(columns, row.cells, strict=True) if cell)
                lines.append(f"| {_md(row.text)} | {_md(row.status)} | {cells} | {_md(row.reason)} |")
            lines.append("")
        if story.timeline:
            lines += ["### Timeline", ""]
            for e in story.timeline:
                cites = "".join(f"[{num[c]}]" for c in e.citations if c in num)
                when = _md(date_label(e.date)) + (" (inferred)" if e.inferred else "")
                lines.append(f"- **{when}**: {_md(e.text)} {cites}")
            lines.append("")
        yield from lines
    quotes = result.quotes
    if quotes:
        yield from ["## Quotes", "", "| article | speaker | quote | anonymous | via |",
                    "| --- | --- | --- | --- | --- |"]
        for q in quotes:
            who = q.speaker or ("anonymous" if q.anonymous else "not identified")
            yield (f"| [{num.get(q.article_id, '?')}] | {_md(who)} | {_md(q.text)} | "
                   f"{'yes' if q.anonymous else ''} | {_md(q.via or '')} |")
        yield ""
    yield from ["## Articles", ""]
    for a in result.articles:
        dup = f" (duplicate of [{num.get(a.duplicate_of, '?')}])" if a.duplicate_of else ""
        yield (f"{num[a.id]}. **{_md(a.title or 'Untitled')}** — {_md(outlet_of(a, a.id))}, "
               f"{_md(a.published or 'undated')}{_lang(a)}{dup} — {_code(a.source_path or a.source_id or a.id)}; "
               f"{len(a.removed)} removed pieces")
    if result.failures:
        yield from ["", "## Failures", ""]
        yield from (f"- {_code(str(f.source_path))} ({_md(f.stage)}{', warning' if f.severity == 'warning' else ''}): "
                    f"{_md(f.error)}" for f in result.failures)
