"""One self-contained HTML report: inline CSS and JS, no network, opens from disk.

Rendered with Jinja2 (autoescape on) from templates/report.html.j2; the pieces it shares with the web app live in
templates/_macros.html.j2. Article text is untrusted: it is only ever escaped into the page, the data JavaScript
needs is embedded as JSON with every ``<`` escaped, and a Content-Security-Policy meta tag allows only the page's
own inline style and script (by hash), so even a slip in escaping could not run injected code.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from newsprism import __version__
from newsprism.records import AnalysisResult
from newsprism.report.views import STATUS_HELP, article_segments, citations_by_article, story_view

TEMPLATES = Path(__file__).resolve().parent / "templates"


class _CompactLoader(FileSystemLoader):
    """Drops the templates' own indentation at load time (about a tenth of a large report); data is untouched."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        return _INDENT.sub("\n", source), filename, uptodate


_INDENT = re.compile(r"\n[ \t]+")


def template_environment(
    extra_dirs: Iterable[Path] = (),
    *,
    href_article: Callable[[str], str] = lambda aid: f"#article-{aid}",
    href_story: Callable[[str], str] = lambda sid: f"#story-{sid}",
    href_outlet: Callable[[str], str | None] = lambda name: None,
) -> Environment:
    """A Jinja2 environment with autoescape on, the shared macros, and link builders for the page type.

    The small pieces repeated thousands of times on a page (article references, outlet links, status badges)
    are Python functions returning escaped Markup: a Jinja2 macro call costs several times more.
    """
    env = Environment(loader=_CompactLoader([*map(str, extra_dirs), str(TEMPLATES)]), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)

    def art_ref(aid: str, num: Mapping[str, int]) -> Markup:
        return Markup(f'<a class="ref" href="{escape(href_article(aid))}">[{escape(num.get(aid, "?"))}]</a>')

    def outlet_name(name: str) -> Markup:
        href = href_outlet(name)
        return Markup(f'<a href="{escape(href)}">{escape(name)}</a>') if href else escape(name)

    def status_badge(status: str) -> Markup:
        s = escape(status)
        return Markup(f'<span class="badge status-{s}" title="{escape(STATUS_HELP.get(status, ""))}">{s}</span>')

    env.globals.update(href_article=href_article, href_story=href_story, href_outlet=href_outlet,
                       art_ref=art_ref, outlet_name=outlet_name, status_badge=status_badge,
                       status_help=STATUS_HELP, version=__version__)
    return env


def json_for_script(data: Any) -> Markup:
    """JSON safe inside <script type="application/json">: no '<', '>' or '&' survive, so no '</script>' either."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def asset(name: str) -> str:
    """A shared static asset (report.css, report.js), also served by the web app."""
    return (TEMPLATES / name).read_text(encoding="utf-8")


def to_html(result: AnalysisResult) -> str:
    """Render the whole result as one HTML page: stories index, a view per story, a view per article."""
    articles = {a.id: a for a in result.articles}
    num = {a.id: i + 1 for i, a in enumerate(result.articles)}
    cites = citations_by_article(result.citations)
    all_cites = [c for cs in cites.values() for c in cs]
    stories = [story_view(s, articles, citations=all_cites, quotes=result.quotes, entities=result.entities,
                          num=num) for s in result.stories]
    story_of: dict[str, list[str]] = defaultdict(list)
    for s in result.stories:
        for aid in s.article_ids:
            story_of[aid].append(s.id)
    article_views = []
    for a in result.articles:
        segments, unplaced = article_segments(a)
        article_views.append((a, segments, unplaced, cites.get(a.id, []), story_of.get(a.id, [])))
    support: dict[str, Any] = {}
    for v in stories:
        support.update(v.support)
    css, js = asset("report.css"), asset("report.js")
    csp = (f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    env = template_environment()
    return env.get_template("report.html.j2").render(
        stories=stories, articles=result.articles, num=num, article_views=article_views,
        story_titles={s.id: s.title for s in result.stories},
        loose=[a for a in result.articles if a.id not in story_of], failures=result.failures,
        removed_total=sum(len(a.removed) for a in result.articles), quote_total=len(result.quotes),
        data_json=json_for_script({"support": support, "article_href": "#article-"}),
        css=Markup(css), js=Markup(js), csp=csp)
