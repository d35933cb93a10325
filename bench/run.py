"""`make bench`: runs every bench/bench_*.py module and writes BENCHMARKS.md with the machine and the date.

Each module exposes ``run(shared: Path, work: Path) -> str`` returning a Markdown section. Benchmarks read
../shared/bench and never copy its data into the project. Run one with `python bench/run.py NAME`.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import platform
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
WORK = HERE / "_work"
OUT = ROOT / "BENCHMARKS.md"
MARK = "<!-- section:{} -->"


def machine() -> str:
    cpus = os.cpu_count()
    mem = ""
    try:
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        kb = int(next(line for line in meminfo if line.startswith("MemTotal")).split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{platform.machine()}, {cpus} CPUs{mem}, Python {platform.python_version()}, {platform.system()}"


def _load(path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sections(text: str) -> dict[str, str]:
    """Existing sections, so running one benchmark keeps the others' figures."""
    found: dict[str, str] = {}
    parts = text.split("<!-- section:")
    for part in parts[1:]:
        name, _, body = part.partition(" -->")
        found[name] = body.strip("\n")
    return found


def main(argv: list[str]) -> int:
    if not SHARED.is_dir():
        print("../shared is absent: benchmarks need ../shared/bench", file=sys.stderr)
        return 2
    WORK.mkdir(exist_ok=True)
    wanted = set(argv)
    modules = sorted(HERE.glob("bench_*.py"))
    done: dict[str, str] = {}
    stamp = f"{dt.datetime.now().strftime('%Y-%m-%d %H:%M')} on {machine()}"
    for path in modules:
        name = path.stem.removeprefix("bench_")
        if wanted and name not in wanted:
            continue
        print(f"== {name}", flush=True)
        t0 = time.perf_counter()
        elsewhere = None
        try:
            module = _load(path)
            elsewhere = getattr(module, "MEASURED_ELSEWHERE", None)
            body = module.run(SHARED, WORK)
        except Exception:  # noqa: BLE001 - one broken benchmark must not hide the others
            body = "Failed:\n\n```\n" + traceback.format_exc() + "```"
        when = (f"Rendered {stamp.split(' on ')[0]} from {elsewhere}; measured on the machine named below"
                if elsewhere else f"Measured {stamp}; took {time.perf_counter() - t0:.0f} s")
        done[name] = f"## {name}\n\n_{when}._\n\n{body.strip()}"
        print(done[name], flush=True)
        _write(done)
    return 0


def _write(done: dict[str, str]) -> None:
    """Merge this run's sections into BENCHMARKS.md as it is now (other benchmarks may have written meanwhile)."""
    import fcntl

    with open(HERE / ".benchmarks.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        sections = _sections(OUT.read_text(encoding="utf-8")) if OUT.exists() else {}
        sections.update(done)
        head = ("# Benchmarks\n\nWritten by `make bench` (bench/run.py). Each section says when and on what machine "
                "it was measured. Data: ../shared/bench (third-party, read in place, never copied here).\n")
        OUT.write_text(head + "".join(f"\n{MARK.format(k)}\n{v}\n" for k, v in sorted(sections.items())),
                       encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
