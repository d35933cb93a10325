"""Web app latency over a 10,000-article store, and report.html size and open time for 100 stories.

The store is synthetic (fictional outlets, places and people filled into short sentence templates written for
this benchmark) and written through the Store API, so the figures measure the app, not the pipeline. Load comes
from wrk (Debian package) with 32 connections on loopback, or from an httpx async client when wrk is absent; the
app runs in its own uvicorn process, as `newsprism serve` would.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from newsprism.records import (
    AnalysisResult,
    Article,
    Citation,
    ClaimGroup,
    ClaimSource,
    Entity,
    Quote,
    Removed,
    Story,
    SummarySentence,
    TimelineEvent,
    stable_id,
)

N_ARTICLES = 10_000
CLIENTS = 32
DURATION_S = 15
CHROMIUM = Path("/usr/bin/chromium")

PLACES = ["Velmora", "Orsk", "Tallwick", "Brannoch", "Quillon", "Marisca", "Dunfeld", "Ostrava Nova", "Kelreach",
          "Sundavik", "Pellmoor", "Arvenne", "Cobaltine", "Ferrowick", "Halden Cross", "Ivoria"]
ORGS = ["port authority", "transit board", "water council", "mining guild", "farmers' union", "harbour police",
        "energy ministry", "court of appeal", "teachers' federation", "chamber of commerce"]
PEOPLE = ["Mara Ostrovic", "Ilse Varnholt", "Tomas Redale", "Anika Suhr", "Pavel Lindqvist", "Rena Castell",
          "Odo Brandt", "Liesl Marrow", "Jonas Abeyta", "Keira Vance", "Ulf Hennig", "Dara Quist"]
TOPICS = ["strike", "flood", "budget", "election", "bridge", "tariff", "drought", "merger", "protest", "ferry",
          "vaccine", "railway", "pension", "harvest", "wildfire", "lawsuit"]
OUTLETS = [f"{a} {b}" for a in ("Harbor", "Coastline", "Northgate", "Meridian", "Valley", "Evening", "Capital",
                                "Frontier") for b in ("Ledger", "Post", "Wire", "Times", "Herald")]
SENTENCES = [
    "The {org} in {place} said on {day} that the {topic} would continue for at least {n} days.",
    "{person}, a spokesperson for the {org}, said the {topic} had cost {n} million crowns so far.",
    "Residents of {place} gathered outside the offices of the {org} as the {topic} entered its {n}th day.",
    "According to officials, the {org} asked for outside help to deal with the {topic} in {place}.",
    "{person} denied that the {org} had made any such request about the {topic}.",
    "Critics said the figures released by the {org} about the {topic} looked doubtful.",
    "The {topic} in {place} is the largest since records began, local historians said.",
    "Talks between the {org} and {person} are expected to resume on {day}.",
    "A report seen by reporters says the {topic} affected {n} thousand people in {place}.",
    "Shops in the centre of {place} stayed closed on {day} because of the {topic}.",
]
JUNK = [("Subscribe to our newsletter for daily headlines", "newsletter"), ("Share this article: {n} comments",
        "engagement"), ("Photo: staff photographer", "credit"), ("Read more: ten things to do in {place}",
        "related-link"), ("Home > News > {place}", "navigation"), ("Advertisement", "advertisement")]
STANCES = ["reports", "reports", "attributes", "attributes", "denies", "doubts"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _fill(rng: random.Random, template: str, slots: dict[str, str]) -> str:
    return template.format(n=rng.randint(2, 90), day=rng.choice(DAYS), **slots)


def synthetic_result(n_articles: int = N_ARTICLES, *, seed: int = 7) -> AnalysisResult:
    """Stories of 4 to 16 articles each until n_articles, with claims, summaries, quotes and removed junk."""
    rng = random.Random(seed)
    articles: list[Article] = []
    stories: list[Story] = []
    quotes: list[Quote] = []
    citations: list[Citation] = []
    entities: list[Entity] = []
    while len(articles) < n_articles:
        k = len(stories)
        slots = {"place": rng.choice(PLACES), "org": rng.choice(ORGS), "person": rng.choice(PEOPLE),
                 "topic": rng.choice(TOPICS)}
        start = 20310101 + (k * 7) % 28 + 100 * (k % 12)
        size = min(rng.randint(4, 16), n_articles - len(articles))
        members: list[Article] = []
        for j in range(size):
            body = " ".join(_fill(rng, rng.choice(SENTENCES), slots) for _ in range(rng.randint(14, 24)))
            junk = [(_fill(rng, t, slots), c) for t, c in rng.sample(JUNK, rng.randint(1, 3))]
            raw = junk[0][0] + "\n" + body + "".join("\n" + t for t, _ in junk[1:])
            removed = []
            for text, cat in junk:
                at = raw.find(text)
                removed.append(Removed(text=text, category=cat, start=at, end=at + len(text)))
            aid = stable_id(raw, prefix="a")
            day = f"{str(start)[:4]}-{str(start)[4:6]}-{min(28, int(str(start)[6:]) + j // 3):02d}"
            members.append(Article(
                id=aid, source_path=f"synthetic/{k}/{j}.txt", raw_text=raw, text=body, removed=tuple(removed),
                title=f"{slots['topic'].title()} in {slots['place']}: {slots['org']} under pressure ({k}.{j})",
                outlet=rng.choice(OUTLETS), published=f"{day}T{rng.randint(6, 22):02d}:00:00", language="en",
                derived_from=(members[0].id,) if members and rng.random() < 0.2 else ()))
            quotes.append(Quote(id=stable_id(aid, "q"), article_id=aid, speaker=slots["person"], direct=True,
                                cue="said", text=f"We will not accept this {slots['topic']}"))
            citations.append(Citation(article_id=aid, outlet=rng.choice(OUTLETS), text="according to"))
        ids = tuple(a.id for a in members)
        claims = []
        for c in range(3):
            srcs = rng.sample(members, min(len(members), rng.randint(2, 6)))
            stances = [rng.choice(STANCES) for _ in srcs]
            status = "denied" if "denies" in stances else "disputed" if "doubts" in stances else "corroborated"
            claims.append(ClaimGroup(
                id=f"c{k}-{c}", text=_fill(rng, SENTENCES[c + 1], slots), status=status,
                reason=f"{stances.count('reports')} outlets report it, {stances.count('denies')} deny it",
                first_source=srcs[0].id, independent_origins=rng.randint(1, 3),
                sources=tuple(ClaimSource(article_id=a.id, outlet=a.outlet, stance=st, text=a.text.split(". ")[0] + ".")
                              for a, st in zip(srcs, stances, strict=True))))
        summary = tuple(SummarySentence(text=a.text.split(". ")[1] + ".", citations=(a.id,))
                        for a in rng.sample(members, min(3, len(members))))
        timeline = tuple(TimelineEvent(date=(a.published or "")[:10], text=a.title or "", citations=(a.id,))
                         for a in members[:3])
        stories.append(Story(id=f"s{k:05d}", title=f"{slots['topic'].title()} in {slots['place']} ({k})",
                             article_ids=ids, summary=summary, timeline=timeline, claims=tuple(claims)))
        entities += [Entity(id=f"e{k}-{i}", name=v, label=lab, article_ids=ids)
                     for i, (v, lab) in enumerate(((slots["place"], "GPE"), (slots["person"], "PERSON"),
                                                   (slots["org"], "ORG")))]
        articles += members
    return AnalysisResult(articles=tuple(articles), stories=tuple(stories), quotes=tuple(quotes),
                          citations=tuple(citations), entities=tuple(entities))


def build_store(db: Path, result: AnalysisResult) -> float:
    from newsprism.store import Store

    db.unlink(missing_ok=True)
    t0 = time.perf_counter()
    with Store(db) as store:
        store.upsert_articles(result.articles)
        store.save_analysis(result)
    return time.perf_counter() - t0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(db: Path, port: int, cache_mb: int) -> subprocess.Popen[bytes]:
    code = ("import sys, uvicorn; from pathlib import Path; from newsprism.web.app import create_app; "
            "uvicorn.run(create_app(Path(sys.argv[1]), cache_mb=int(sys.argv[3])), host='127.0.0.1', "
            "port=int(sys.argv[2]), log_level='warning', access_log=False)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(port), str(cache_mb)])
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/outlets", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("the app did not start")


def _warm(base: str, paths: list[str]) -> None:
    import httpx

    with httpx.Client(base_url=base, timeout=30) as client:
        for path in dict.fromkeys(paths):
            client.get(path)


def _wrk(base: str, paths: list[str], work: Path) -> dict[str, float]:
    """p50/p99 in ms and requests/s from wrk cycling through paths."""
    script = work / "paths.lua"
    listed = ",\n".join('"' + p.replace("\\", "\\\\").replace('"', '\\"') + '"' for p in paths)
    script.write_text("local paths = {\n" + listed + "\n}\nlocal i = 0\nrequest = function()\n"
                      "  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n", encoding="utf-8")
    out = subprocess.run(["wrk", "-t", "2", "-c", str(CLIENTS), "-d", f"{DURATION_S}s", "--latency", "-s",
                          str(script), base], capture_output=True, text=True, check=True).stdout

    def ms(label: str) -> float:
        m = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return float("nan")
        return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]

    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"p50": ms("50"), "p99": ms("99"), "rps": float(rps.group(1)) if rps else float("nan"),
            "errors": float(errors.group(1)) if errors else 0.0}


def _httpx_load(base: str, paths: list[str]) -> dict[str, float]:
    import httpx

    async def main() -> tuple[list[float], int, float]:
        latencies: list[float] = []
        errors = 0
        stop = time.monotonic() + DURATION_S
        async with httpx.AsyncClient(base_url=base, limits=httpx.Limits(max_connections=CLIENTS)) as client:
            async def worker(offset: int) -> None:
                nonlocal errors
                i = offset
                while time.monotonic() < stop:
                    t0 = time.perf_counter()
                    resp = await client.get(paths[i % len(paths)])
                    latencies.append((time.perf_counter() - t0) * 1000)
                    errors += resp.status_code != 200
                    i += CLIENTS
            t0 = time.monotonic()
            await asyncio.gather(*(worker(w) for w in range(CLIENTS)))
            return latencies, errors, time.monotonic() - t0

    lat, errors, took = asyncio.run(main())
    q = statistics.quantiles(lat, n=100)
    return {"p50": q[49], "p99": q[98], "rps": len(lat) / took, "errors": float(errors)}


def report_figures(result: AnalysisResult, work: Path) -> tuple[int, float | None, int]:
    """Size of report.html for the first 100 stories, its open time in Chromium (None without it), articles."""
    from newsprism.report.html import to_html

    stories = result.stories[:100]
    keep = {a for s in stories for a in s.article_ids}
    sub = AnalysisResult(articles=tuple(a for a in result.articles if a.id in keep), stories=stories,
                         quotes=tuple(q for q in result.quotes if q.article_id in keep),
                         citations=tuple(c for c in result.citations if c.article_id in keep),
                         entities=tuple(e for e in result.entities if keep.intersection(e.article_ids)))
    path = (work / "report100.html").resolve()
    path.write_text(to_html(sub), encoding="utf-8")
    size = path.stat().st_size
    if not CHROMIUM.exists():
        return size, None, len(keep)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run"])
        page = browser.new_page()
        page.goto("about:blank")
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            page.goto(path.as_uri(), wait_until="load")
            page.locator("#stories-table").wait_for(state="visible")
            times.append(time.perf_counter() - t0)
            page.goto("about:blank")
        browser.close()
    return size, statistics.median(times), len(keep)


def run(shared: Path, work: Path) -> str:  # noqa: ARG001 - the store is synthetic
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    result = synthetic_result()
    gen_s = time.perf_counter() - t0
    db = work / "web10k.db"
    store_s = build_store(db, result)
    rng = random.Random(3)
    story_ids = [s.id for s in result.stories]
    words = sorted({w for s in result.stories[:200] for w in s.title.lower().split() if w.isalpha()})
    list_paths = ["/", *(f"/?page={p}" for p in range(2, 30)), *(f"/?q={w}" for w in words[:20]),
                  "/?status=disputed", "/?status=denied&page=2", f"/?outlet={OUTLETS[3].replace(' ', '+')}",
                  "/?date_from=2031-03-01&date_to=2031-06-30"]
    story_paths = [f"/stories/{rng.choice(story_ids)}" for _ in range(300)]
    tool = "wrk" if shutil.which("wrk") else "httpx (async)"
    runs: dict[tuple[str, str], dict[str, float]] = {}
    for cache_mb, cache in ((0, "off"), (64, "on")):
        port = _free_port()
        proc = _serve(db, port, cache_mb)
        base = f"http://127.0.0.1:{port}"
        try:
            if cache_mb:  # steady state: every URL rendered once before the clock starts
                _warm(base, [*list_paths, *story_paths])
            for name, paths in (("stories page", list_paths), ("story page", story_paths)):
                runs[(name, cache)] = _wrk(base, paths, work) if tool == "wrk" else _httpx_load(base, paths)
        finally:
            proc.terminate()
            proc.wait(10)
    size, open_s, n_report = report_figures(result, work)
    avg_chars = statistics.mean(len(a.raw_text) for a in result.articles)
    lines = [
        f"Synthetic store: {len(result.articles):,} articles (mean {avg_chars:,.0f} characters raw), "
        f"{len(result.stories):,} stories, {sum(len(s.claims) for s in result.stories):,} claim groups; "
        f"generated in {gen_s:.1f} s, written through the Store API in {store_s:.1f} s "
        f"({db.stat().st_size / 1e6:.0f} MB).",
        f"Load: {tool}, {CLIENTS} concurrent connections on loopback for {DURATION_S} s per page type, one uvicorn "
        f"process; {os.cpu_count()} CPUs shared by server and load generator. URLs cycle through "
        f"{len(list_paths)} list/search/filter variants and {len(story_paths)} random story pages; \"cache off\" "
        f"renders every request (the worst case), \"cache on\" is the default app, measured after one request "
        f"per URL (steady state).",
        "",
        "| page | response cache | p50 ms | p99 ms | requests/s | non-2xx | target p99 |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for (name, cache), r in runs.items():
        lines.append(f"| {name} | {cache} | {r['p50']:.1f} | {r['p99']:.1f} | {r['rps']:.0f} | {r['errors']:.0f} | "
                     f"< 200 ms: {'yes' if r['p99'] < 200 else 'NO'} |")
    opened = f"{open_s:.2f} s" if open_s is not None else "not measured (no /usr/bin/chromium)"
    lines += ["", f"report.html for 100 stories ({n_report:,} articles): {size / 1e6:.2f} MB "
              f"(target < 5 MB: {'yes' if size < 5e6 else 'NO'}); opens in Chromium (load event and stories "
              f"index visible, median of 3) in {opened}"
              + (f" (target < 2 s: {'yes' if open_s < 2 else 'NO'})." if open_s is not None else ".")]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run(Path("../shared"), Path(__file__).resolve().parent / "_work" / "web"))  # noqa: T201
