"""`newsprism serve`: a local, read-only web app over the SQLite store, with a JSON API under /api/.

Pages are rendered on the server with the report's own Jinja2 macros (autoescape on), so the app and report.html
show a story the same way. Article text is untrusted: it is only ever escaped into pages, scripts come only from
/static (the Content-Security-Policy forbids inline script), and queries take user input only as parameters.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BeforeValidator

from newsprism import __version__
from newsprism.labels import ClaimStatus
from newsprism.report.html import asset, json_for_script, template_environment
from newsprism.report.views import article_segments, citations_by_article, story_view
from newsprism.web.catalog import Catalog, StoryFilter
from newsprism.web.models import (
    ArticleBrief,
    ArticleDetail,
    ArticlesPage,
    CitationOut,
    ErrorOut,
    OutletCount,
    OutletDetail,
    RemovedOut,
    StoriesPage,
    StoryDetail,
    StorySummary,
)

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut, "description": "not in the store"}}

_STATUSES = frozenset(ClaimStatus)
Q = Annotated[str, Query(max_length=200, description="words to find in titles, summaries and article text")]
PageNo = Annotated[int, Query(alias="page", ge=1, le=100_000)]
PerPage = Annotated[int, Query(ge=1, le=100)]
def _iso_day_only(value: object) -> object:
    """Only YYYY-MM-DD is a day: pydantic alone reads ``0`` as 1970-01-01 (a Unix time), an impossible filter."""
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _DAY.fullmatch(value):
        return value  # pydantic then refuses what is not a calendar day (2022-13-45): 422
    raise ValueError("a day is written YYYY-MM-DD")


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
Day = Annotated[dt.date | None, BeforeValidator(_iso_day_only), Query(description="YYYY-MM-DD")]
Outlet = Annotated[str | None, Query(max_length=200)]
_LANGUAGE = r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})?$"
Language = Annotated[str | None, Query(pattern=_LANGUAGE, description="ISO 639-1 code of an article's language "
                                                                       "(de, fr ...)")]
FormText = Annotated[str, Query(max_length=200)]


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware): the same headers on every response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((k, v) for k, v in SECURITY_HEADERS if k not in names)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


LOOPBACK_HOSTS: frozenset[str] = frozenset({"localhost", "127.0.0.1", "::1"})


def host_name(header: str) -> str:
    """The host of a Host header, without its port, lower case ("[::1]:8000" -> "::1")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostCheck:
    """Pure ASGI middleware: a request whose Host header is not a name this server answers to gets 400.

    Without it a web page in the user's browser could read the local API through DNS rebinding (its own name,
    re-pointed at 127.0.0.1); loopback names are allowed by default, others by the ``allowed_hosts`` setting."""

    def __init__(self, app: Any, *, allowed: frozenset[str]) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] in ("http", "websocket"):
            header = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
            if host_name(header) not in self.allowed:
                body = b"400 Bad Request: this Host is not served (add it to the allowed_hosts setting)"
                await send({"type": "http.response.start", "status": 400,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


class PageCache:
    """Pure ASGI middleware: successful GET responses kept per URL while the store file is unchanged.

    The app never writes, so a page depends only on its URL and the store; the store's file stamp is checked on
    every request and a change (``watch`` adding articles) empties the cache. Bounded by total bytes, LRU.
    """

    def __init__(self, app: Any, *, catalog: Catalog, max_bytes: int) -> None:
        self.app = app
        self.catalog = catalog
        self.max_bytes = max_bytes
        self.size = 0
        self.stamp: tuple[int, ...] | None = None
        self.entries: OrderedDict[tuple[str, bytes], tuple[list[dict[str, Any]], int]] = OrderedDict()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or self.max_bytes <= 0:
            await self.app(scope, receive, send)
            return
        stamp = self.catalog.file_stamp()
        if stamp != self.stamp:
            self.entries.clear()
            self.size, self.stamp = 0, stamp
        key = (scope["path"], scope.get("query_string", b""))
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
            for message in hit[0]:
                await send(message)
            return
        messages: list[dict[str, Any]] = []

        async def record(message: dict[str, Any]) -> None:
            messages.append(message)
            await send(message)

        await self.app(scope, receive, record)
        if not messages or messages[0].get("status") != 200 or messages[-1].get("more_body", False):
            return
        size = sum(len(m.get("body", b"")) for m in messages)
        if size > self.max_bytes // 8:
            return
        self.entries[key] = (messages, size)
        self.size += size
        while self.size > self.max_bytes and self.entries:
            _, (_, dropped) = self.entries.popitem(last=False)
            self.size -= dropped


def _href_outlet(name: str) -> str:
    return f"/outlets/{quote(name, safe='')}"


def create_app(db: Path, *, cache_mb: int = 64, allowed_hosts: Iterable[str] = ()) -> FastAPI:
    """The app for one store file, opened read-only (raises StoreError when it is missing or too new).

    cache_mb bounds the cache of rendered responses (0 turns it off); ``allowed_hosts``: Host names answered
    besides the loopback ones (every other Host gets 400).
    """
    catalog = Catalog(db)
    env = template_environment([HERE / "templates"], href_article=lambda a: f"/articles/{quote(a, safe='')}",
                               href_story=lambda s: f"/stories/{quote(s, safe='')}",
                               href_outlet=functools.lru_cache(maxsize=4096)(_href_outlet))
    app = FastAPI(title="newsprism", version=__version__, docs_url=None, redoc_url=None,
                  description="Read-only JSON API over a newsprism store: stories, claims, articles, outlets.")
    app.state.catalog = catalog
    app.add_middleware(PageCache, catalog=catalog, max_bytes=cache_mb * 1024 * 1024)
    app.add_middleware(SecurityHeaders)  # added last, so outermost: cached responses get the headers too
    app.add_middleware(HostCheck, allowed=LOOPBACK_HOSTS | {host_name(h) for h in allowed_hosts if h.strip()})

    def page(name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(db_name=catalog.db.name, **ctx), status_code=status_code)

    def not_found(what: str) -> HTMLResponse:
        return page("error.html.j2", 404, title="Not found", message=f"{what} is not in this store.")

    for name, media in (("report.css", "text/css"), ("report.js", "text/javascript")):
        body = asset(name)
        app.add_api_route(f"/static/{name}", _static(body, media), include_in_schema=False)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    # -- pages ------------------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(q: Q = "", date_from: FormText = "", date_to: FormText = "", outlet: FormText = "",
                     status: FormText = "", language: FormText = "", page_no: PageNo = 1,
                     per_page: PerPage = 25) -> HTMLResponse:
        """The HTML form sends empty fields; they, and values that do not parse, mean no filter."""
        flt = StoryFilter(q=q, date_from=_parse_day(date_from), date_to=_parse_day(date_to), outlet=outlet or None,
                          status=status if status in _STATUSES else None,
                          language=language if re.match(_LANGUAGE, language) else None)
        total, rows = catalog.list_stories(flt, page=page_no, per_page=per_page)
        args = {k: v for k, v in (("q", q), ("date_from", flt.date_from), ("date_to", flt.date_to),
                                  ("outlet", flt.outlet), ("status", flt.status), ("language", flt.language),
                                  ("per_page", per_page)) if v}
        pages = max(1, -(-total // per_page))
        return page("stories.html.j2", title="Stories", rows=rows, total=total, flt=flt, page_no=page_no, pages=pages,
                    outlets=catalog.index().outlets, languages=catalog.index().languages,
                    prev_url=f"/?{urlencode({**args, 'page': page_no - 1})}" if page_no > 1 else None,
                    next_url=f"/?{urlencode({**args, 'page': page_no + 1})}" if page_no < pages else None)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str) -> HTMLResponse:
        story = catalog.story(story_id)
        if story is None:
            return not_found("This story")
        arts = catalog.articles(story.article_ids)
        by_id = {a.id: a for a in arts}
        num = {aid: i + 1 for i, aid in enumerate(story.article_ids)}
        view = story_view(story, by_id, citations=catalog.citations(story.article_ids),
                          quotes=catalog.quotes(story.article_ids), entities=catalog.entities(story.article_ids),
                          num=num)
        return page("story.html.j2", title=story.title, view=view, num=num,
                    data_json=json_for_script({"support": view.support, "article_href": "/articles/"}))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str) -> HTMLResponse:
        art = catalog.article(article_id)
        if art is None:
            return not_found("This article")
        story_ids = catalog.stories_of_article(art.id)
        stories = [s for s in (catalog.index().by_id.get(sid) for sid in story_ids) if s]
        first = catalog.story(story_ids[0]) if story_ids else None
        order = [*(first.article_ids if first else ()), art.id, *art.derived_from, *filter(None, [art.duplicate_of])]
        num = {aid: i + 1 for i, aid in enumerate(dict.fromkeys(order))}
        segments, unplaced = article_segments(art)
        return page("article.html.j2", title=art.title or "Untitled", a=art, segments=segments, unplaced=unplaced,
                    num=num, stories=stories, cites=citations_by_article(catalog.citations([art.id])).get(art.id, []))

    @app.get("/outlets", response_class=HTMLResponse, include_in_schema=False)
    def outlets_page() -> HTMLResponse:
        return page("outlets.html.j2", title="Outlets", outlets=catalog.index().outlets)

    @app.get("/outlets/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def outlet_page(name: str) -> HTMLResponse:
        report = catalog.outlet(name)
        if report is None:
            return not_found("This outlet")
        return page("outlet.html.j2", title=name, o=report, num={a.id: i + 1 for i, a in enumerate(report.recent)})

    # -- JSON API ---------------------------------------------------------------------------------------------

    @app.get("/api/stories", response_model=StoriesPage, tags=["stories"])
    def api_stories(q: Q = "", date_from: Day = None, date_to: Day = None, outlet: Outlet = None,
                    status: ClaimStatus | None = None, language: Language = None, page_no: PageNo = 1,
                    per_page: PerPage = 25) -> StoriesPage:
        """Stories, newest coverage first, or best match first when searching; filters combine (``language``: a
        story with at least one article in that language)."""
        flt = StoryFilter(q=q, date_from=_iso(date_from), date_to=_iso(date_to), outlet=outlet or None,
                          status=status.value if status else None, language=language or None)
        total, rows = catalog.list_stories(flt, page=page_no, per_page=per_page)
        return StoriesPage(total=total, page=page_no, per_page=per_page, items=[StorySummary.of(r) for r in rows])

    @app.get("/api/stories/{story_id}", response_model=StoryDetail, responses=NOT_FOUND, tags=["stories"])
    def api_story(story_id: str) -> StoryDetail:
        """One story: summary, timeline, claims with every outlet's stance, and its articles."""
        story = catalog.story(story_id)
        if story is None:
            raise HTTPException(404, "no such story")
        return StoryDetail.of(story, catalog.articles(story.article_ids))

    @app.get("/api/articles", response_model=ArticlesPage, tags=["articles"])
    def api_articles(q: Q = "", outlet: Outlet = None, language: Language = None, page_no: PageNo = 1,
                     per_page: PerPage = 25) -> ArticlesPage:
        """Articles matching every word of q (full-text), optionally from one outlet or in one language; newest
        first."""
        total, arts = catalog.search_articles(q, outlet or None, page=page_no, per_page=per_page,
                                              language=language or None)
        return ArticlesPage(total=total, page=page_no, per_page=per_page, items=[ArticleBrief.of(a) for a in arts])

    @app.get("/api/articles/{article_id}", response_model=ArticleDetail, responses=NOT_FOUND, tags=["articles"])
    def api_article(article_id: str) -> ArticleDetail:
        """One article: cleaned text, every removed piece with its category and offsets, its stories."""
        a = catalog.article(article_id)
        if a is None:
            raise HTTPException(404, "no such article")
        brief = ArticleBrief.of(a).model_dump()
        return ArticleDetail(**brief, source_path=a.source_path, source_id=a.source_id, url=a.url,
                             authors=list(a.authors), text=a.text,
                             removed=[RemovedOut(text=r.text, category=r.category, start=r.start, end=r.end)
                                      for r in a.removed],
                             story_ids=catalog.stories_of_article(a.id),
                             citations=[CitationOut(outlet=c.outlet, text=c.text, kind=c.kind)
                                        for c in catalog.citations([a.id])])

    @app.get("/api/outlets", response_model=list[OutletCount], tags=["outlets"])
    def api_outlets() -> list[OutletCount]:
        """Every outlet with its number of articles, most first."""
        return [OutletCount(outlet=n, count=c) for n, c in catalog.index().outlets]

    @app.get("/api/outlets/{name}", response_model=OutletDetail, responses=NOT_FOUND, tags=["outlets"])
    def api_outlet(name: str) -> OutletDetail:
        """What an outlet publishes, whom it cites, who cites it, and how the claims it carries fare."""
        report = catalog.outlet(name)
        if report is None:
            raise HTTPException(404, "no such outlet")
        return OutletDetail.of(report)

    return app


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _parse_day(text: str) -> str | None:
    try:
        return dt.date.fromisoformat(text.strip()).isoformat() if text.strip() else None
    except ValueError:
        return None


def _static(body: str, media: str) -> Any:
    def serve() -> Response:
        return Response(body, media_type=media, headers={"cache-control": "public, max-age=3600"})

    return serve


def run_server(db: Path, *, host: str = "127.0.0.1", port: int = 8000, allowed_hosts: Iterable[str] = ()) -> None:
    """Serve the app with uvicorn until Ctrl-C; the bound host, when it is a name or address, is answered too."""
    import uvicorn

    if host not in LOOPBACK_HOSTS:
        log.warning("serving on %s: anyone who can reach this address can read the store", host)
    bound = [] if host in ("0.0.0.0", "::") else [host]  # noqa: S104 - a wildcard is no Host a client sends
    print(f"newsprism: serving {db} at http://{host}:{port}/ (Ctrl-C stops)")  # noqa: T201
    uvicorn.run(create_app(db, allowed_hosts=[*bound, *allowed_hosts]), host=host, port=port, log_level="info")
