"""One article as plain text with every removed piece marked where it was, for `newsprism report --article`."""

from __future__ import annotations

from newsprism.records import Article, Removed


def _locate(raw: str, removed: tuple[Removed, ...]) -> tuple[list[tuple[int, int, Removed]], list[Removed]]:
    """Spans of the removed pieces in ``raw``: their offsets when they hold, else a search; the rest unplaced."""
    placed: list[tuple[int, int, Removed]] = []
    unplaced: list[Removed] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for piece in removed:
        start, end = piece.start, piece.end
        if not (0 <= start < end <= len(raw) and raw[start:end].strip() == piece.text.strip() and free(start, end)):
            start = -1
            needle = piece.text.strip()
            pos = raw.find(needle) if needle else -1
            while pos != -1 and not free(pos, pos + len(needle)):
                pos = raw.find(needle, pos + 1)
            if pos != -1:
                start, end = pos, pos + len(needle)
        if start < 0:
            unplaced.append(piece)
            continue
        taken.append((start, end))
        placed.append((start, end, piece))
    return sorted(placed, key=lambda p: p[0]), unplaced


def _mark(piece: Removed, text: str) -> str:
    return f"[-removed ({piece.category}): {text}-]"


def marked_article(article: Article) -> str:
    """The raw text with ``[-removed (category): text-]`` in place of each removed piece, under a short header."""
    raw = article.raw_text or article.text
    placed, unplaced = _locate(raw, article.removed)
    parts: list[str] = []
    cursor = 0
    for start, end, piece in placed:
        parts.append(raw[cursor:start])
        parts.append(_mark(piece, raw[start:end]))
        cursor = end
    parts.append(raw[cursor:])
    header = [f"id:        {article.id}"]
    for label, value in (("source:", article.source_path), ("url:", article.url), ("title:", article.title),
                         ("outlet:", article.outlet), ("published:", article.published)):
        if value:
            header.append(f"{label:<10} {value}")
    header.append(f"removed:   {len(article.removed)} pieces")
    body = "".join(parts)
    if unplaced:
        body += "\n\n-- removed pieces not found in the raw text --\n" + "\n".join(_mark(p, p.text) for p in unplaced)
    return "\n".join(header) + "\n\n" + body
