"""A Markdown report: readable in any editor, pastes into a newsroom wiki."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsprism.compare.verdict import outlet_of
from newsprism.records import AnalysisResult
from newsprism.report.views import Cell, Column, claim_matrix, label_stub


def _md(text: str) -> str:
    """Text for one table cell or line: no line breaks, pipes escaped, and ``<`` escaped so that article text is
    never taken for HTML by a renderer (the report's own ``<br>`` between an outlet's entries is the only tag)."""
    return text.replace("\n", " ").replace("|", "\\|").replace("<", "\\<").strip()


def _cell(column: Column, cell: Cell, num: dict[str, int]) -> str:
    """One outlet's cell on one line: its stances in bold, then each sentence with its stance, who and article."""
    items = [f"{e.stance}{f' per {_md(e.attributed_to)}' if e.attributed_to else ''} "
             f"{f'[{num[e.article_id]}]' if e.article_id in num else f'({e.article_id})'} “{_md(e.text)}”"
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
            f"[{num[a]}] {_md(outlet_of(stubs[a], a))}" for a in story.article_ids if a in stubs), ""]
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
                lines.append(f"| {_md(row.text)} | {row.status} | {cells} | {_md(row.reason)} |")
            lines.append("")
        if story.timeline:
            lines += ["### Timeline", ""]
            for e in story.timeline:
                cites = "".join(f"[{num[c]}]" for c in e.citations if c in num)
                lines.append(f"- **{e.date}**{' (inferred)' if e.inferred else ''}: {_md(e.text)} {cites}")
            lines.append("")
        yield from lines
    quotes = result.quotes
    if quotes:
        yield from ["## Quotes", "", "| article | speaker | quote | anonymous | via |",
                    "| --- | --- | --- | --- | --- |"]
        for q in quotes:
            yield (f"| [{num.get(q.article_id, '?')}] | {_md(q.speaker or '?')} | {_md(q.text)} | "
                   f"{'yes' if q.anonymous else ''} | {_md(q.via or '')} |")
        yield ""
    yield from ["## Articles", ""]
    for a in result.articles:
        dup = f" (duplicate of [{num.get(a.duplicate_of, '?')}])" if a.duplicate_of else ""
        yield (f"{num[a.id]}. **{_md(a.title or 'Untitled')}** — {_md(outlet_of(a, a.id))}, "
               f"{a.published or 'undated'}{dup} — `{a.source_path or a.source_id or a.id}`; "
               f"{len(a.removed)} removed pieces")
    if result.failures:
        yield from ["", "## Failures", ""]
        yield from (f"- `{f.source_path}` ({f.stage}): {_md(f.error)}" for f in result.failures)
