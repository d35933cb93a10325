"""Plain-text files and folder walking (recursive, symlink loops detected, hidden files skipped)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsprism.ingest.base import ReadContext, read_text
from newsprism.records import RawDocument


class TextReader:
    """A .txt/.md file is one article, kept verbatim (cleaning is a later stage)."""

    name = "text"

    def read(self, stream: BinaryIO, source: str, ctx: ReadContext) -> Iterator[RawDocument]:
        text = read_text(stream, source, ctx)
        if text is None:
            return
        if not text.strip():
            ctx.fail(source, "file holds only whitespace: nothing to read")
            return
        yield RawDocument(source_path=source, text=text, format="text")


_PROJECT_FILES = {"readme", "license", "licence", "changelog", "contributing", "notice", "authors", "copying"}


def _is_project_file(name: str) -> bool:
    """README, LICENSE and the like describe a folder rather than being news; given by name they are still read."""
    return name.split(".", 1)[0].lower() in _PROJECT_FILES


def walk_folder(folder: Path, ctx: ReadContext) -> Iterator[Path]:
    """Every file under ``folder``, sorted, following symlinks once; loops and broken links become failures."""
    ancestors: set[tuple[int, int]] = set()
    visited: set[tuple[int, int]] = set()
    yield from _walk(folder, ctx, ancestors, visited)


def _walk(folder: Path, ctx: ReadContext, ancestors: set[tuple[int, int]],
          visited: set[tuple[int, int]]) -> Iterator[Path]:
    try:
        st = folder.stat()
    except OSError as exc:
        ctx.fail(str(folder), f"cannot open folder: {exc.strerror or exc}; check that it exists and is readable")
        return
    key = (st.st_dev, st.st_ino)
    if key in ancestors:
        ctx.fail(str(folder), f"directory symlink loop: {folder} leads back to {folder.resolve()}, a folder "
                              f"already being read; skipped (remove the link to silence this)")
        return
    if key in visited:
        return  # a second link to a folder already read: its documents are in already
    visited.add(key)
    ancestors.add(key)
    try:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            ctx.fail(str(folder), f"cannot list folder: {exc.strerror or exc}; check its permissions")
            return
        for entry in entries:
            if entry.name.startswith(".") or _is_project_file(entry.name):
                continue
            path = folder / entry.name
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
                is_file = entry.is_file(follow_symlinks=True)
            except OSError:
                is_dir = is_file = False
            if is_dir:
                yield from _walk(path, ctx, ancestors, visited)
            elif is_file:
                yield path
            elif entry.is_symlink() and not path.exists():
                ctx.fail(str(path), f"broken symlink to {os.readlink(path)}; fix or remove it")
            else:  # a FIFO, socket or device: never opened (a FIFO would block the run), but named
                ctx.fail(str(path), "not a regular file (a FIFO, socket or device); skipped")
    finally:
        ancestors.discard(key)
