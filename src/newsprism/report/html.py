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
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from newsprism import __version__
from newsprism.labels import ClaimStatus, Stance
from newsprism.records import AnalysisResult, Story
from newsprism.report.views import article_segments, citations_by_article, story_view
from newsprism.summarize.dates import date_label

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

    env.globals.update(href_article=href_article, href_story=href_story, href_outlet=href_outlet,
                       art_ref=art_ref, outlet_name=outlet_name, status_badge=status_badge, stance_badge=stance_badge,
                       date_label=date_label,
                       statuses=tuple(ClaimStatus), stances=tuple(Stance), version=__version__)
    return env


def status_badge(status: str) -> Markup:
    """A claim status as a badge: class and tooltip from ``ClaimStatus`` (an unknown value is shown, unstyled)."""
    try:
        known = ClaimStatus(status)
    except ValueError:
        return Markup(f'<span class="badge">{escape(status)}</span>')
    return Markup(f'<span class="badge {known.css_class}" title="{escape(known.help)}">{escape(known.value)}</span>')


def stance_badge(stance: str, extra: str = "") -> Markup:
    """A source's stance as a badge: class and tooltip from ``Stance``; ``extra`` adds classes."""
    cls = f"stance {extra}".rstrip()
    try:
        known = Stance(stance)
    except ValueError:
        return Markup(f'<span class="{escape(cls)}">{escape(stance)}</span>')
    return Markup(f'<span class="{escape(cls)} {known.css_class}" title="{escape(known.help)}">'
                  f'{escape(known.value)}</span>')


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


HTML_MAX_ARTICLES = 5000
"""A page past this many articles shows the largest stories that fit; report.json and the web app hold all."""


def page_selection(result: AnalysisResult, max_articles: int) -> tuple[list[Story], set[str] | None]:
    """The stories a page shows and their articles (None: all of them).

    A corpus of 100,000 articles would make a page of gigabytes that no browser opens: past ``max_articles``,
    the page holds the largest stories whose articles fit, in the corpus order, and says what it left out."""
    stories = list(result.stories)
    if len(result.articles) <= max_articles:
        return stories, None
    chosen: set[str] = set()
    shown: set[str] = set()
    for s in sorted(stories, key=lambda s: (-len(s.article_ids), s.id)):
        new = set(s.article_ids) - shown
        if shown and len(shown) + len(new) > max_articles:
            continue
        chosen.add(s.id)
        shown |= new
    return [s for s in stories if s.id in chosen], shown


def to_html(result: AnalysisResult, *, max_articles: int = HTML_MAX_ARTICLES) -> str:
    """Render the result as one HTML page: stories index, a view per story, a view per article."""
    page_stories, shown = page_selection(result, max_articles)
    keep = (lambda aid: True) if shown is None else shown.__contains__
    page_articles = [a for a in result.articles if keep(a.id)]
    articles = {a.id: a for a in page_articles}
    num = {a.id: i + 1 for i, a in enumerate(page_articles)}
    cites = citations_by_article(c for c in result.citations if keep(c.article_id))
    all_cites = [c for cs in cites.values() for c in cs]
    # quotes and entities indexed by article once: each story takes its own, in the corpus order
    quotes = [q for q in result.quotes if keep(q.article_id)]
    quoted_in: dict[str, list[int]] = defaultdict(list)
    for pos, q in enumerate(quotes):
        quoted_in[q.article_id].append(pos)
    entities = list(result.entities)
    named_in: dict[str, list[int]] = defaultdict(list)
    for pos, e in enumerate(entities):
        for aid in e.article_ids:
            if keep(aid):
                named_in[aid].append(pos)

    def own(index: dict[str, list[int]], ids: Sequence[str]) -> list[int]:
        return sorted({pos for a in ids for pos in index.get(a, ())})

    stories = [story_view(s, articles, citations=all_cites, quotes=[quotes[i] for i in own(quoted_in, s.article_ids)],
                          entities=[entities[i] for i in own(named_in, s.article_ids)], num=num)
               for s in page_stories]
    story_of: dict[str, list[str]] = defaultdict(list)
    for s in page_stories:
        for aid in s.article_ids:
            story_of[aid].append(s.id)
    article_views = []
    for a in page_articles:
        segments, unplaced = article_segments(a)
        article_views.append((a, segments, unplaced, cites.get(a.id, []), story_of.get(a.id, [])))
    support: dict[str, Any] = {}
    for v in stories:
        support.update(v.support)
    css, js = asset("report.css"), asset("report.js")
    csp = (f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    env = template_environment()
    left_out = None
    if shown is not None:
        left_out = {"stories": len(result.stories) - len(page_stories), "articles": len(result.articles) - len(shown)}
    return env.get_template("report.html.j2").render(
        stories=stories, articles=page_articles, num=num, article_views=article_views,
        story_titles={s.id: s.title for s in page_stories},
        loose=[a for a in page_articles if a.id not in story_of], failures=result.failures,
        removed_total=sum(len(a.removed) for a in page_articles), quote_total=len(quotes),
        left_out=left_out,
        data_json=json_for_script({"support": support, "article_href": "#article-"}),
        css=Markup(css), js=Markup(js), csp=csp)
