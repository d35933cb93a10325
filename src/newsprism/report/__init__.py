"""Reports written from an AnalysisResult: report.json (contract v1), Markdown and one self-contained HTML page."""

from __future__ import annotations

from pathlib import Path

from newsprism.records import AnalysisResult
from newsprism.report.json import to_report_dict, write_json
from newsprism.report.markdown import to_markdown, write_markdown


def write_reports(result: AnalysisResult, out_dir: Path) -> dict[str, Path]:
    """Write report.json, report.md and report.html into out_dir; return their paths by format."""
    from newsprism.report.html import to_html

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"json": out_dir / "report.json", "md": out_dir / "report.md", "html": out_dir / "report.html"}
    write_json(result, paths["json"])
    write_markdown(result, paths["md"])
    paths["html"].write_text(to_html(result), encoding="utf-8")
    return paths


__all__ = ["to_html", "to_markdown", "to_report_dict", "write_json", "write_reports"]


def __getattr__(name: str) -> object:
    if name == "to_html":
        from newsprism.report.html import to_html

        return to_html
    raise AttributeError(name)
