"""A Markdown report: readable in any editor, pastes into a newsroom wiki."""

from __future__ import annotations

from newsprism.records import AnalysisResult


def _md(text: str) -> str:
    return text.replace("\n", " ").replace("|", "\\|").strip()


def to_markdown(result: AnalysisResult) -> str:
    arts = {a.id: a for a in result.articles}
    num = {a.id: i + 1 for i, a in enumerate(result.articles)}
    lines = ["# newsprism report", ""]
    s = result.stats
    lines.append(f"{len(result.articles)} articles, {len(result.stories)} stories, "
                 f"{sum(len(a.removed) for a in result.articles)} removed pieces, {len(result.failures)} failures.")
    lines.append("")
    for story in result.stories:
        lines += [f"## {_md(story.title)}", "", "Articles: " + ", ".join(
            f"[{num[a]}] {_md(arts[a].outlet or '?')}" for a in story.article_ids if a in arts), ""]
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
    quotes = result.quotes
    if quotes:
        lines += ["## Quotes", "", "| article | speaker | quote | anonymous | via |", "| --- | --- | --- | --- | --- |"]
        for q in quotes:
            lines.append(f"| [{num.get(q.article_id, '?')}] | {_md(q.speaker or '?')} | {_md(q.text)} | "
                         f"{'yes' if q.anonymous else ''} | {_md(q.via or '')} |")
        lines.append("")
    lines += ["## Articles", ""]
    for a in result.articles:
        dup = f" (duplicate of [{num.get(a.duplicate_of, '?')}])" if a.duplicate_of else ""
        lines.append(f"{num[a.id]}. **{_md(a.title or 'Untitled')}** — {_md(a.outlet or 'unknown outlet')}, "
                     f"{a.published or 'undated'}{dup} — `{a.source_path or a.source_id or a.id}`; "
                     f"{len(a.removed)} removed pieces")
    if result.failures:
        lines += ["", "## Failures", ""]
        lines += [f"- `{f.source_path}` ({f.stage}): {_md(f.error)}" for f in result.failures]
    _ = s
    return "\n".join(lines) + "\n"
