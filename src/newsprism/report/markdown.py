"""A Markdown report: readable in any editor, pastes into a newsroom wiki."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsprism.records import AnalysisResult


def _md(text: str) -> str:
    return text.replace("\n", " ").replace("|", "\\|").strip()


def to_markdown(result: AnalysisResult) -> str:
    return "".join(line + "\n" for line in markdown_lines(result))


def write_markdown(result: AnalysisResult, path: Path) -> None:
    """The same text as ``to_markdown``, written a story at a time (a large corpus's report is never one string)."""
    with path.open("w", encoding="utf-8") as fh:
        fh.writelines(line + "\n" for line in markdown_lines(result))


def markdown_lines(result: AnalysisResult) -> Iterator[str]:
    """The report's lines, a story at a time."""
    outlets = {a.id: a.outlet for a in result.articles}
    num = {a.id: i + 1 for i, a in enumerate(result.articles)}
    lines = ["# newsprism report", ""]
    lines.append(f"{len(result.articles)} articles, {len(result.stories)} stories, "
                 f"{sum(len(a.removed) for a in result.articles)} removed pieces, {len(result.failures)} failures.")
    lines.append("")
    yield from lines
    for story in result.stories:
        lines = []
        lines += [f"## {_md(story.title)}", "", "Articles: " + ", ".join(
            f"[{num[a]}] {_md(outlets[a] or '?')}" for a in story.article_ids if a in outlets), ""]
        if story.summary:
            lines += ["### Summary", ""]
            for sent in story.summary:
                cites = "".join(f"[{num[c]}]" for c in sent.citations if c in num)
                lines.append(f"- {_md(sent.text)} {cites}")
            lines.append("")
        if story.claims:
            lines += ["### Claims", "", "| claim | status | sources | reason |", "| --- | --- | --- | --- |"]
            for g in story.claims:
                srcs = "; ".join(f"{_md(x.outlet or '?')}: {x.stance}" for x in g.sources)
                lines.append(f"| {_md(g.text)} | {g.status} | {srcs} | {_md(g.reason)} |")
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
        yield (f"{num[a.id]}. **{_md(a.title or 'Untitled')}** — {_md(a.outlet or 'unknown outlet')}, "
               f"{a.published or 'undated'}{dup} — `{a.source_path or a.source_id or a.id}`; "
               f"{len(a.removed)} removed pieces")
    if result.failures:
        yield from ["", "## Failures", ""]
        yield from (f"- `{f.source_path}` ({f.stage}): {_md(f.error)}" for f in result.failures)
