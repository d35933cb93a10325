"""One self-contained HTML page (inline CSS/JS, opens from disk). FOUNDATION STUB: issue 7 replaces it."""

from __future__ import annotations

import html

from newsprism.records import AnalysisResult


def to_html(result: AnalysisResult) -> str:
    esc = html.escape
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'><title>newsprism report</title>",
             "</head><body><h1>newsprism report</h1>"]
    for story in result.stories:
        parts.append(f"<section class='story'><h2>{esc(story.title)}</h2><ul>")
        parts += [f"<li>{esc(a)}</li>" for a in story.article_ids]
        parts.append("</ul></section>")
    parts.append("</body></html>")
    return "".join(parts)
