"""End to end on the bundled example corpus: the Python API and the CLI read every file, fail on none, write a
report.json that keeps contract v1, and a re-run into the same store adds nothing.

The story-level facts (stories, quotes, claims) are checked in tests/test_examples_facts.py.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from newsprism import AnalysisResult, __version__
from newsprism.cli import app
from newsprism.records import REMOVED_CATEGORIES, STANCES, STATUSES
from newsprism.report.schema import validate_report
from newsprism.resources import Resources
from newsprism.store import Store


def _kit() -> ModuleType:
    name = "newsprism_tests_examples_kit"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parent / "examples_kit.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


kit = _kit()
ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()

# report.json contract v1 (ARCHITECTURE.md): the keys every object must carry. More keys are welcome.
TOP_KEYS = {"version", "articles", "stories", "quotes", "citations", "entities", "failures"}
ARTICLE_KEYS = {"id", "source_path", "source_id", "title", "outlet", "published", "language", "text", "removed",
                "duplicate_of", "derived_from"}
REMOVED_KEYS = {"text", "category"}
STORY_KEYS = {"id", "title", "article_ids", "related_story_ids", "summary", "timeline", "claims"}
SUMMARY_KEYS = {"text", "citations"}
TIMELINE_KEYS = {"date", "text", "citations"}
CLAIM_KEYS = {"id", "text", "status", "sources"}
SOURCE_KEYS = {"article_id", "outlet", "stance", "text", "attributed_to"}
QUOTE_KEYS = {"article_id", "text", "speaker", "anonymous", "direct", "cue", "via"}
CITATION_KEYS = {"article_id", "outlet", "text"}
ENTITY_KEYS = {"id", "name", "label", "aliases", "article_ids"}
FAILURE_KEYS = {"source_path", "stage", "error"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@pytest.fixture(scope="module")
def result(resources: Resources, tmp_path_factory: pytest.TempPathFactory) -> AnalysisResult:
    return kit.examples_result(resources, tmp_path_factory)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def cli_out(resources: Resources, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, str]]:
    """`newsprism analyze examples --out OUT --db OUT/x.db`, in process, sharing the session's loaded models."""
    out = tmp_path_factory.mktemp("cli") / "out"
    db = out / "x.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("newsprism.runners.local.Resources", lambda settings: resources)  # noqa: ARG005
        mp.chdir(ROOT)
        run = runner.invoke(app, ["analyze", "examples", "--out", str(out), "--db", str(db)])
        assert run.exit_code == 0, run.output + repr(run.exception)
        yield out, db, run.output


def _commands() -> dict[str, Any]:
    """The commands of the typer app, as the click-style objects typer builds (typer vendors its own click)."""
    group = typer.main.get_command(app)
    commands = getattr(group, "commands", None)
    assert commands, "the newsprism CLI has no sub-commands"
    return dict(commands)


COMMANDS = sorted(_commands())


# ---- the Python API -------------------------------------------------------------------------------------------

def test_every_corpus_file_is_read(result: AnalysisResult) -> None:
    per_file = Counter(kit.file_of(a.source_path) for a in result.articles)
    assert per_file == kit.CORPUS_FILES, "articles per file differ from examples/README.md"


def test_sixteen_articles_and_nothing_else(result: AnalysisResult) -> None:
    assert len(result.articles) == kit.ARTICLE_COUNT == 16
    assert len({a.id for a in result.articles}) == 16, "two example articles got the same id"


def test_no_failures(result: AnalysisResult) -> None:
    assert result.failures == (), [f.to_dict() for f in result.failures]


def test_every_article_keeps_its_body(result: AnalysisResult) -> None:
    # Every example article has 250 to 700 words of body; cleaning must not eat it.
    short = {kit.file_of(a.source_path) + (f"#{a.source_id}" if a.source_id else ""): len(a.text.split())
             for a in result.articles if len(a.text.split()) < 200}
    assert not short, f"articles whose cleaned body shrank below 200 words: {short}"


def test_record_ids_of_the_jsonl_export_are_kept(result: AnalysisResult) -> None:
    ids = {a.source_id for a in result.articles if kit.file_of(a.source_path) == "archive-export.jsonl"}
    assert ids == {"cbo-2025-0310-morvania-money", "hl-2025-0320-saltmere-toll", "tpn-88412"}


def test_feed_items_are_separate_articles(result: AnalysisResult) -> None:
    titles = {a.title for a in result.articles if kit.file_of(a.source_path) == "valeport-wire-feed.xml"}
    assert titles == {
        "Fire at Saltmere port warehouse kills 12 as dock strike enters second week",
        "Lindenford council approves tram extension to Eastmoor after heated debate",
        "Morvania denies asking Estraland for fighter jets, stays quiet on loans",
    }


def test_the_store_holds_every_article_once(resources: Resources,
                                           tmp_path_factory: pytest.TempPathFactory) -> None:
    with Store(kit.examples_db(resources, tmp_path_factory)) as store:
        assert store.count_articles() == 16


# ---- the CLI ----------------------------------------------------------------------------------------------------

def test_cli_analyze_writes_all_three_reports(cli_out: tuple[Path, Path, str]) -> None:
    out, db, output = cli_out
    for name in ("report.json", "report.md", "report.html"):
        assert (out / name).stat().st_size > 0, name
    assert db.exists()
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert f"{len(report['articles'])} articles read" in output
    assert "0 failures" in output


def _keys(obj: dict[str, Any], required: set[str], where: str) -> None:
    missing = required - obj.keys()
    assert not missing, f"{where} lacks {sorted(missing)}"


def test_report_json_keeps_contract_v1(cli_out: tuple[Path, Path, str]) -> None:
    report = json.loads((cli_out[0] / "report.json").read_text(encoding="utf-8"))
    _keys(report, TOP_KEYS, "report")
    assert report["version"] == 1
    assert report["articles"]
    ids = {a["id"] for a in report["articles"]}
    for a in report["articles"]:
        _keys(a, ARTICLE_KEYS, f"article {a.get('id')}")
        assert isinstance(a["text"], str) and a["text"].strip()
        assert a["published"] is None or DATE.match(a["published"]), a["published"]
        assert a["duplicate_of"] is None or a["duplicate_of"] in ids
        assert set(a["derived_from"]) <= ids
        for r in a["removed"]:
            _keys(r, REMOVED_KEYS, f"removed piece of {a['id']}")
            assert r["category"] in REMOVED_CATEGORIES, r["category"]
    for s in report["stories"]:
        _keys(s, STORY_KEYS, f"story {s.get('id')}")
        assert s["article_ids"] and set(s["article_ids"]) <= ids
        story_ids = {t["id"] for t in report["stories"]}
        assert set(s["related_story_ids"]) <= story_ids
        for line in s["summary"]:
            _keys(line, SUMMARY_KEYS, "summary sentence")
            assert set(line["citations"]) <= ids
        for event in s["timeline"]:
            _keys(event, TIMELINE_KEYS, "timeline event")
            assert set(event["citations"]) <= ids
        for claim in s["claims"]:
            _keys(claim, CLAIM_KEYS, "claim")
            assert claim["status"] in STATUSES
            for source in claim["sources"]:
                _keys(source, SOURCE_KEYS, "claim source")
                assert source["stance"] in STANCES
                assert source["article_id"] in ids
    for q in report["quotes"]:
        _keys(q, QUOTE_KEYS, "quote")
        assert q["article_id"] in ids and isinstance(q["anonymous"], bool) and isinstance(q["direct"], bool)
    for c in report["citations"]:
        _keys(c, CITATION_KEYS, "citation")
        assert c["article_id"] in ids
    for e in report["entities"]:
        _keys(e, ENTITY_KEYS, "entity")
        assert set(e["article_ids"]) <= ids
    for f in report["failures"]:
        _keys(f, FAILURE_KEYS, "failure")


def test_reports_validate_against_the_shipped_schema(cli_out: tuple[Path, Path, str], resources: Resources,
                                                    tmp_path_factory: pytest.TempPathFactory) -> None:
    """The CLI's report.json and the API's report dict keep newsprism/schema/report.schema.json, strictly: every
    field they carry is described there, every id they name is in them."""
    report = json.loads((cli_out[0] / "report.json").read_text(encoding="utf-8"))
    validate_report(report, strict=True)
    api = kit.examples_report(resources, tmp_path_factory)
    validate_report(api, strict=True)
    assert len(api["articles"]) == len(report["articles"]) == kit.ARTICLE_COUNT
    assert api["stories"] and all(s["claims"] for s in api["stories"])  # the schema saw claims, not empty lists


def test_rerun_with_the_same_db_adds_nothing(cli_out: tuple[Path, Path, str], resources: Resources) -> None:
    out, db, _ = cli_out
    with Store(db) as store:
        before = store.count_articles()
    assert before > 0
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("newsprism.runners.local.Resources", lambda settings: resources)  # noqa: ARG005
        mp.chdir(ROOT)
        again = runner.invoke(app, ["analyze", "examples", "--out", str(out / "again"), "--db", str(db)])
    assert again.exit_code == 0, again.output
    with Store(db) as store:
        assert store.count_articles() == before
    report = json.loads((out / "again" / "report.json").read_text(encoding="utf-8"))
    validate_report(report, strict=True)
    assert len(report["articles"]) == before


def test_version_from_a_real_process() -> None:
    run = subprocess.run([sys.executable, "-m", "newsprism", "--version"], capture_output=True, text=True,
                         timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    assert __version__ in run.stdout


def test_root_help_lists_every_command() -> None:
    run = runner.invoke(app, ["--help"])
    assert run.exit_code == 0
    for name in COMMANDS:
        assert name in run.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(name: str) -> None:
    command = _commands()[name]
    assert (command.help or "").strip(), f"`newsprism {name}` has no help text"
    run = runner.invoke(app, [name, "--help"])
    assert run.exit_code == 0, run.output
    assert "Usage" in run.output
    for param in command.params:
        if param.param_type_name == "option" and not getattr(param, "hidden", False):
            assert (param.help or "").strip(), f"`newsprism {name} {param.opts[0]}` has no help text"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_named_in_the_readme(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"newsprism {re.escape(name)}\b", readme), f"`newsprism {name}` is not named in README.md"


# ---- the tiny story corpora other tests use (tests/data/stories) --------------------------------------------------

STORY_CORPORA = {"independent.jsonl": 3, "rewrites.jsonl": 4, "denial.jsonl": 3, "numbers.jsonl": 3}


@pytest.mark.parametrize(("name", "count"), sorted(STORY_CORPORA.items()))
def test_story_corpus_is_readable(name: str, count: int) -> None:
    from newsprism.ingest import read_inputs
    from newsprism.records import Failure
    from newsprism.settings import Settings

    failures: list[Failure] = []
    path = Path(__file__).resolve().parent / "data" / "stories" / name
    docs = list(read_inputs([str(path)], settings=Settings(), failures=failures))
    assert not failures, failures
    assert len(docs) == count
    assert all(d.outlet and d.title and d.text and d.source_id for d in docs)
    assert len({d.outlet for d in docs}) >= 2, "a story corpus needs more than one outlet"
