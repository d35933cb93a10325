"""Thin commands over the pipeline and the store. Every command has help text and is named in the README."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsprism import __version__
from newsprism.errors import NewsprismError
from newsprism.settings import Settings, load_settings

app = typer.Typer(
    name="newsprism",
    help="One news story through every source that covered it: clean, dedupe, cluster, who said what, "
         "claims across outlets, cited summaries.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)  # lines are never hard-wrapped: scripts grep this output

ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", help="A newsprism.toml file (default: ./newsprism.toml if present).")]
DbOpt = Annotated[Path | None, typer.Option("--db", help=(
    "SQLite store to write (created if missing). A first analysis into it that is stopped goes on from its last "
    "finished piece when run again; a store already analysed is updated incrementally."))]
FieldOpt = Annotated[list[str] | None, typer.Option(
    "--field", help="Map a record field for JSONL/CSV input as OURS=THEIRS (e.g. --field text=body). Repeatable.")]
SetOpt = Annotated[list[str] | None, typer.Option(
    "--set", help="Override any setting as NAME=VALUE (e.g. --set story_threshold=0.6). Repeatable.")]
OutOpt = Annotated[Path, typer.Option("--out", help="Folder for report.json, report.md and report.html.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Log each stage and every per-item failure.")]


def _version(value: bool) -> None:
    if value:
        out.print(f"newsprism {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                  help="Print the version and exit.")] = False) -> None:
    """newsprism command line."""


def _pairs(items: list[str] | None, what: str) -> dict[str, str]:
    result: dict[str, str] = {}
    for item in items or []:
        if "=" not in item:
            raise typer.BadParameter(f"{what} must look like NAME=VALUE, got {item!r}")
        key, value = item.split("=", 1)
        result[key.strip()] = value.strip()
    return result


def _settings(config: Path | None, sets: list[str] | None, **cli: Any) -> Settings:
    overrides: dict[str, Any] = _pairs(sets, "--set")  # Settings values are typed, not all str
    try:
        return load_settings(config, **overrides, **cli)
    except NewsprismError as exc:
        raise typer.BadParameter(str(exc)) from exc


class _Bars:
    """Turns pipeline progress callbacks into Rich progress bars on stderr."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.tasks: dict[str, Any] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=total or None)
        self.progress.update(self.tasks[stage], completed=done, total=total or None)


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=False)


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")


@app.command()
def analyze(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, URLs, feed URLs, or - for JSONL on stdin.")],
    out_dir: OutOpt = Path("out"),
    db: DbOpt = None,
    runner: Annotated[str, typer.Option("--runner", help="local (default) or ray.")] = "local",
    address: Annotated[str | None, typer.Option("--address", help="Ray cluster address (with --runner ray).")] = None,
    fields: FieldOpt = None,
    config: ConfigOpt = None,
    sets: SetOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Ingest, clean, dedupe, cluster, extract, compare and summarise; store in SQLite; write the reports."""
    _setup_logging(verbose)
    settings = _settings(config, sets, runner=runner, ray_address=address)
    from newsprism.report import write_reports

    try:
        if settings.runner == "ray":
            from newsprism.runners.ray import run_ray

            result = run_ray(inputs, settings=settings, out_dir=out_dir, field_map=_pairs(fields, "--field"))
        elif settings.runner == "local":
            from newsprism.api import analyze as run

            with _progress() as bars:
                result = run(inputs, settings=settings, db=db, progress=_Bars(bars),
                             field_map=_pairs(fields, "--field"))
        else:
            raise typer.BadParameter(f"unknown runner {settings.runner!r}: use local or ray")
        paths = write_reports(result, out_dir)
    except NewsprismError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    _print_summary(result, paths, db)


def _print_summary(result: Any, paths: dict[str, Path], db: Path | None) -> None:
    removed = sum(len(a.removed) for a in result.articles)
    dups = sum(1 for a in result.articles if a.duplicate_of)
    out.print(f"[bold]{len(result.articles)}[/bold] articles read, [bold]{removed}[/bold] junk pieces removed, "
              f"[bold]{dups}[/bold] duplicates, [bold]{len(result.stories)}[/bold] stories, "
              f"[bold]{len(result.quotes)}[/bold] quotes, [bold]{len(result.failures)}[/bold] failures")
    for f in result.failures:
        out.print(f"  [yellow]failed[/yellow] {f.source_path} ({f.stage}): {f.error}")
    for kind, path in paths.items():
        out.print(f"{kind:5} {path}")
    if db is not None:
        out.print(f"store {db}")


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, URLs, feed URLs, or - for JSONL on stdin.")],
    db: Annotated[Path, typer.Option("--db", help="SQLite store to write (created if missing).")] = Path(
        "newsprism.db"),
    fields: FieldOpt = None,
    config: ConfigOpt = None,
    sets: SetOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Read and clean inputs into the store, without the corpus stages (run `newsprism report` after)."""
    _setup_logging(verbose)
    settings = _settings(config, sets)
    from newsprism.pipeline import FailurePolicy
    from newsprism.runners.local import ingest_articles

    policy = FailurePolicy()
    try:
        with _progress() as bars:
            articles = ingest_articles(inputs, settings=settings, policy=policy, db=db, progress=_Bars(bars),
                                       field_map=_pairs(fields, "--field"))
    except NewsprismError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    out.print(f"{len(articles)} articles stored in {db}, {len(policy.failures)} failures")
    for f in policy.failures:
        out.print(f"  [yellow]failed[/yellow] {f.source_path} ({f.stage}): {f.error}")
    if not articles:
        raise typer.Exit(1)


@app.command()
def report(
    db: Annotated[Path, typer.Option("--db", help=(
        "SQLite store to read. Articles only ingested are analysed first (a stopped first analysis goes on from "
        "its last finished piece)."))] = Path("newsprism.db"),
    out_dir: OutOpt = Path("out"),
    article: Annotated[str | None, typer.Option(
        "--article", help="Print one article (id or source path) with its removed pieces marked, then exit.")] = None,
    reanalyze: Annotated[bool, typer.Option(
        "--reanalyze", help="Run the corpus stages again over every stored article before writing.")] = False,
    config: ConfigOpt = None,
    sets: SetOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Write the reports from a store (analysing stored articles that were only ingested)."""
    _setup_logging(verbose)
    settings = _settings(config, sets)
    if not db.exists():
        err.print(f"[red]error:[/red] no store at {db}; run `newsprism analyze … --db {db}` first")
        raise typer.Exit(1)
    from newsprism.store import Store

    with Store(db) as store:
        if article is not None:
            found = store.find_article(article)
            if found is None:
                err.print(f"[red]error:[/red] no article {article!r} in {db}")
                raise typer.Exit(1)
            from newsprism.report.text import marked_article

            out.print(marked_article(found), markup=False, highlight=False)
            return
        pending = store.needs_analysis() and not reanalyze
        result = None if pending else store.load_result()
        if reanalyze:
            from newsprism.pipeline import FailurePolicy, process_articles
            from newsprism.resources import Resources

            assert result is not None
            with _progress() as bars:
                result = process_articles(list(result.articles), Resources(settings), settings,
                                          FailurePolicy(failures=list(result.failures)), progress=_Bars(bars))
            store.save_analysis(result)
    if result is None:  # articles only ingested: analysed (or the analysis updated) as `analyze --db` does
        from newsprism.pipeline import FailurePolicy
        from newsprism.resources import Resources
        from newsprism.runners.local import analyze_store

        with _progress() as bars:
            result = analyze_store(db, (), resources=Resources(settings), settings=settings,
                                   policy=FailurePolicy(), progress=_Bars(bars))
    from newsprism.report import write_reports

    _print_summary(result, write_reports(result, out_dir), db)


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help="SQLite store to serve (read-only).")] = Path("newsprism.db"),
    host: Annotated[str, typer.Option(
        "--host", help="Interface to bind; loopback unless you say otherwise.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    config: ConfigOpt = None,
    sets: SetOpt = None,
) -> None:
    """Browse and search the store in a local web app (FastAPI), with a JSON API under /api/.

    Requests must name a loopback host (or one in the allowed_hosts setting, comma-separated); others get 400."""
    settings = _settings(config, sets)
    if not db.exists():
        err.print(f"[red]error:[/red] no store at {db}; run `newsprism analyze … --db {db}` first")
        raise typer.Exit(1)
    from newsprism.web.app import run_server

    run_server(db, host=host, port=port, allowed_hosts=[h for h in settings.allowed_hosts.split(",") if h.strip()])


@app.command()
def stance(
    files: Annotated[list[Path], typer.Argument(help="Article files (plain text or HTML).")],
    claim: Annotated[str, typer.Option("--claim", help="The claim to judge each article against.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per article.")] = False,
    config: ConfigOpt = None,
    sets: SetOpt = None,
) -> None:
    """Print each article's stance on a claim: reports, attributes, denies, doubts or unrelated, with a score."""
    settings = _settings(config, sets)
    from newsprism.api import stance as judge
    from newsprism.ingest import read_inputs

    failures: list[Any] = []
    docs = list(read_inputs([str(f) for f in files], settings=settings, failures=failures))
    from newsprism.clean import clean_document, load_block_judge, load_judge

    line_model, block_model = load_judge(settings), load_block_judge(settings)
    texts = [clean_document(d, settings=settings, judge=line_model, blocks=block_model).text for d in docs]
    rows = judge(claim, texts, settings=settings)
    for doc, row in zip(docs, rows, strict=True):
        row = {"file": doc.source_path, **row}
        if as_json:
            out.print(json.dumps(row, ensure_ascii=False), markup=False, highlight=False)
        else:
            out.print(f"{row['stance']:10} {row['score']:.2f}  {doc.source_path}  {row.get('evidence', '')}",
                      markup=False, highlight=False)
    for f in failures:
        err.print(f"failed {f.source_path}: {f.error}")


@app.command()
def export(
    out_file: Annotated[Path, typer.Option("--out", help="The file to write (replaced if it exists).")],
    fmt: Annotated[str, typer.Option("--format", help=(
        "csv: opens in a spreadsheet (UTF-8 with BOM; a cell starting with = + - @ tab or CR gets a leading ' so "
        "it is never run as a formula). parquet: the same columns, values as they are."))] = "csv",
    db: Annotated[Path | None, typer.Option("--db", help=(
        "SQLite store to read (read-only). The default when neither --db nor --report is given: "
        "newsprism.db."))] = None,
    report_json: Annotated[Path | None, typer.Option("--report", help=(
        "A report.json written by `newsprism analyze` to read instead of a store."))] = None,
) -> None:
    """Write the claim x outlet matrix as a table: one row per claim and outlet (story_id, story_title, claim_id,
    claim, status, outlet, stance, who, evidence, article_ids, url, date), the same cells the reports show."""
    from newsprism.report.export import ExportFormat, export_matrix, load_report, load_store

    try:
        kind = ExportFormat(fmt.lower())
    except ValueError as exc:
        raise typer.BadParameter(f"--format must be csv or parquet, not {fmt!r}") from exc
    if db is not None and report_json is not None:
        raise typer.BadParameter("give --db or --report, not both")
    try:
        if report_json is not None:
            stories, articles = load_report(report_json)
        else:
            stories, articles = load_store(db or Path("newsprism.db"))
        n = export_matrix(stories, articles, out_file, kind)
    except NewsprismError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    out.print(f"{n} claim x outlet rows from {len(stories)} stories written to {out_file}")


@app.command()
def load(
    parquet_dir: Annotated[Path, typer.Argument(help="A folder written by `analyze --runner ray`.")],
    db: Annotated[Path, typer.Option("--db", help="SQLite store to fill.")] = Path("newsprism.db"),
) -> None:
    """Load Parquet tables written by the Ray runner into a SQLite store for the web app."""
    from newsprism.runners.ray import load_parquet

    counts = load_parquet(parquet_dir, db)
    out.print(", ".join(f"{n} {k}" for k, n in counts.items()) + f" loaded into {db}")


@app.command()
def watch(
    folder: Annotated[Path | None, typer.Argument(help="A folder to watch for new files.")] = None,
    feeds: Annotated[list[str] | None, typer.Option(
        "--feed", help="An RSS/Atom feed URL to poll. Repeatable.")] = None,
    db: Annotated[Path, typer.Option("--db", help="SQLite store to update.")] = Path("newsprism.db"),
    interval: Annotated[float, typer.Option("--interval", help="Seconds between polls.")] = 30.0,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Rewrite the reports here after each update.")] = None,
    config: ConfigOpt = None,
    sets: SetOpt = None,
) -> None:
    """Keep ingesting as files arrive or feeds update; new articles join stories incrementally. Ctrl-C stops."""
    settings = _settings(config, sets)
    if folder is None and not feeds:
        raise typer.BadParameter("give a folder to watch or at least one --feed URL")
    from newsprism.runners.watch import watch as run_watch

    run_watch(folder=folder, feeds=feeds or [], db=db, interval=interval, out_dir=out_dir, settings=settings,
              console=out)


def main() -> None:
    app()
