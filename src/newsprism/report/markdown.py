"""A Markdown report: readable in any editor, pastes into a newsroom wiki."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from newsprism.records import AnalysisResult

_INLINE = re.compile(r"[\\`*_\[\]|~]")  # emphasis, code, links and images, table cells, strike-through
_SCHEME = re.compile(r"\b(javascript|vbscript|data|file)\s*:", re.IGNORECASE)


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
                srcs = "; ".join(f"{_md(x.outlet or '?')}: {_md(x.stance)}" for x in g.sources)
                lines.append(f"| {_md(g.text)} | {_md(g.status)} | {srcs} | {_md(g.reason)} |")
            lines.append("")
        if story.timeline:
            lines += ["### Timeline", ""]
            for e in story.timeline:
                cites = "".join(f"[{num[c]}]" for c in e.citations if c in num)
                lines.append(f"- **{_md(e.date)}**{' (inferred)' if e.inferred else ''}: {_md(e.text)} {cites}")
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
               f"{_md(a.published or 'undated')}{dup} — {_code(a.source_path or a.source_id or a.id)}; "
               f"{len(a.removed)} removed pieces")
    if result.failures:
        yield from ["", "## Failures", ""]
        yield from (f"- {_code(str(f.source_path))} ({_md(f.stage)}{', warning' if f.severity == 'warning' else ''}): "
                    f"{_md(f.error)}" for f in result.failures)
