"""Frozen records that flow between stages.

Records point to each other by id and character offsets, never by object reference, so they pickle for Ray,
flatten into SQLite rows and Arrow columns, and carry no dependency. Derive new versions with
``dataclasses.replace``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from newsprism.labels import ClaimStatus, Link, Stance

STANCES: tuple[str, ...] = tuple(s.value for s in Stance)
STATUSES: tuple[str, ...] = tuple(s.value for s in ClaimStatus)

REMOVED_CATEGORIES: tuple[str, ...] = (
    "donation", "promo", "newsletter", "related-link", "caption", "credit", "author-bio", "source-line",
    "section-label", "duplicate-title", "page-chrome", "engagement", "scraper-artifact", "navigation",
    "cookie-notice", "advertisement", "comments", "html-boilerplate", "empty", "byline",
    "related",  # a block of links to other stories (a "Related stories" list, teasers) inside or below the body
)

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}

R = TypeVar("R", bound="Record")
T = TypeVar("T")
U = TypeVar("U")

_log = logging.getLogger("newsprism.failures")


def normalize_text(text: str) -> str:
    """Normalise for identity: NFKC, unified quotes, collapsed whitespace, lower case."""
    if not unicodedata.is_normalized("NFKC", text):  # the quick check is far cheaper than a no-op normalize
        text = unicodedata.normalize("NFKC", text)
    # str.replace, not str.translate with a dict: same result, many times faster on a whole HTML page
    for old, new in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\xa0", " ")):
        text = text.replace(old, new)
    return " ".join(text.split()).lower()  # the same as re.sub(r"\s+", " ", text).strip(), faster


def stable_id(*parts: str, prefix: str = "", length: int = 16) -> str:
    """A short, stable hex id from the given parts (same input, same id, in every process)."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=16).hexdigest()
    return f"{prefix}{digest[:length]}"


def article_id_for(text: str) -> str:
    """The article id: a hash of the normalised raw text, so the same article read twice is one article."""
    return stable_id(normalize_text(text), prefix="a")


class Record:
    """Mixin: flat rows for SQLite and Arrow; nested records and tuples become JSON strings."""

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    def to_row(self) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if isinstance(value, (tuple, list, dict)) or dataclasses.is_dataclass(value):
                row[f.name] = json.dumps(_plain(value), ensure_ascii=False)
            else:
                row[f.name] = value
        return row

    @classmethod
    def from_row(cls: type[R], row: dict[str, Any]) -> R:
        kwargs: dict[str, Any] = {}
        hints = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        for name, f in hints.items():
            if name not in row:
                continue
            value = row[name]
            nested = _NESTED.get((cls.__name__, name))
            if isinstance(value, str) and (nested is not None or _is_tuple_field(f)):
                value = json.loads(value)
            if nested is not None and value is not None:
                value = tuple(nested.from_dict(v) for v in value)
            elif isinstance(value, list):
                value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
            if f.type in ("bool", "bool | None") and value is not None:
                value = bool(value)
            kwargs[name] = value
        return cls(**kwargs)

    @classmethod
    def from_dict(cls: type[R], data: dict[str, Any]) -> R:
        return cls.from_row(data)


def _is_tuple_field(f: dataclasses.Field[Any]) -> bool:
    return isinstance(f.type, str) and f.type.startswith("tuple")


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)) or (isinstance(value, Sequence) and not isinstance(value, (str, bytes))):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(**_FROZEN)
class RawDocument(Record):
    """What a reader yields: one document as found, before any cleaning."""

    source_path: str | None
    source_id: str | None = None
    url: str | None = None
    text: str | None = None
    html: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    format: str = "text"

    def __post_init__(self) -> None:
        if self.text is None and self.html is None:
            raise ValueError("a RawDocument needs text or html")


@dataclass(**_FROZEN)
class Removed(Record):
    """A piece of input text that cleaning removed, and why. Offsets are into Article.raw_text (-1 if unknown)."""

    text: str
    category: str
    start: int = -1
    end: int = -1


@dataclass(**_FROZEN)
class Article(Record):
    id: str
    source_path: str | None = None
    source_id: str | None = None
    url: str | None = None
    format: str = "text"
    raw_text: str = ""
    text: str = ""
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_inferred: bool = False
    language: str | None = None
    authors: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = ()
    duplicate_of: str | None = None
    derived_from: tuple[str, ...] = ()
    wire: str | None = None  # the news agency the article credits (AP, Reuters, AFP...): provenance, not an author

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("an Article needs an id")


SEVERITIES: tuple[str, ...] = ("error", "warning")
"""A failure row's severity: ``error`` (the item was lost, or its analysis was) or ``warning`` (the item was kept,
changed in a way the user should know: cut to a length, a value dropped)."""


@dataclass(**_FROZEN)
class Failure(Record):
    """One row of ``failures``: what went wrong with which input, at which stage, and what to do about it."""

    source_path: str | None
    stage: str
    error: str
    severity: str = "error"

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"severity must be one of {', '.join(SEVERITIES)}, got {self.severity!r}")


def source_of(item: object) -> str | None:
    """What a failure row names for an item: its source path, else its id, else the item itself if it is a str."""
    if item is None or isinstance(item, str):
        return item
    return getattr(item, "source_path", None) or getattr(item, "id", None)


def reason_for(exc: BaseException) -> str:
    """A reason a user can act on: the error as it was raised, plus what to do for the kinds that have an answer."""
    reason = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, MemoryError):
        return f"{reason}; the item needs more memory than is free: lower max_article_chars or split the input"
    if isinstance(exc, RecursionError):
        return f"{reason}; the input is nested too deeply to read: simplify or remove it"
    return f"{reason}; the item was skipped and the batch went on (run with --verbose for the traceback)"


class _Guard:
    """The context manager of ``FailurePolicy.guard``: an exception inside becomes a row; ``failed`` says so."""

    __slots__ = ("failed", "item", "policy", "stage")

    def __init__(self, policy: FailurePolicy, stage: str, item: object) -> None:
        self.policy, self.stage, self.item = policy, stage, item
        self.failed = False

    def __enter__(self) -> _Guard:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> bool:
        if exc is None or not isinstance(exc, Exception):
            return False  # KeyboardInterrupt and SystemExit stop the run, as the user asked
        source = source_of(self.item)
        _log.warning("%s failed for %s: %s", self.stage, source, exc, exc_info=_log.isEnabledFor(logging.INFO))
        self.policy.fail(self.stage, self.item, reason_for(exc))
        self.failed = True
        return True


@dataclass(slots=True)
class FailurePolicy:
    """One bad item becomes a Failure row with its reason; the batch goes on (like spaCy's error handler).

    The one place failure rows are made: ``guard`` for code that may raise, ``fail`` and ``warn`` for problems a
    stage finds itself. Mutable on purpose: a run's stages share one policy and append to it."""

    failures: list[Failure] = field(default_factory=list)

    def guard(self, stage: str, item: object) -> _Guard:
        """``with policy.guard("extract", article) as g: ...``: any exception in the block becomes a row naming
        the stage and ``item``'s source; after the block, ``g.failed`` tells whether it did."""
        return _Guard(self, stage, item)

    def fail(self, stage: str, item: object, error: str) -> Failure:
        """Record that ``item`` (an input, a record with a ``source_path``/``id``, or a path) was lost at ``stage``."""
        row = Failure(source_path=source_of(item), stage=stage, error=error)
        self.failures.append(row)
        return row

    def warn(self, stage: str, item: object, error: str) -> Failure:
        """Record that ``item`` was kept but changed (cut, a value dropped): a ``warning`` row."""
        row = Failure(source_path=source_of(item), stage=stage, error=error, severity="warning")
        self.failures.append(row)
        return row

    def map(self, stage: str, items: Iterable[T], func: Callable[[T], U],
            label: Callable[[T], str | None] | None = None) -> list[U]:
        """``func`` over ``items``, each under ``guard``; the items that fail are left out of the result."""
        out: list[U] = []
        for item in items:
            with self.guard(stage, label(item) if label is not None else item) as g:
                value = func(item)
            if not g.failed:
                out.append(value)
        return out


@dataclass(**_FROZEN)
class Entity(Record):
    id: str
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()


@dataclass(**_FROZEN)
class Quote(Record):
    """Who said what. Offsets are into Article.text (the cleaned body)."""

    id: str
    article_id: str
    text: str
    speaker: str | None = None
    speaker_entity_id: str | None = None
    anonymous: bool = False
    direct: bool = False
    cue: str | None = None
    via: str | None = None
    start: int = -1
    end: int = -1


@dataclass(**_FROZEN)
class Citation(Record):
    """An outlet an article relies on ("according to Reuters", "told CNN")."""

    article_id: str
    outlet: str
    text: str
    kind: str = "cites"
    start: int = -1
    end: int = -1


@dataclass(**_FROZEN)
class Claim(Record):
    """A check-worthy statement of one article, with its attribution."""

    id: str
    article_id: str
    text: str
    attributed_to: str | None = None
    anonymous: bool = False
    via: str | None = None
    hedged: bool = False
    negated: bool = False
    numbers: tuple[str, ...] = ()
    quote_id: str | None = None
    start: int = -1
    end: int = -1
    responder: str | None = None  # who denies or disputes in the sentence, when it names its own answerer


def _checked(kind: type[Stance] | type[ClaimStatus] | type[Link], value: str, what: str) -> str:
    """The value as a plain string (records stay free of enum types in pickles and SQLite), or ValueError."""
    try:
        return kind(value).value
    except ValueError:
        raise ValueError(f"{what} must be one of {tuple(m.value for m in kind)}, not {value!r}") from None


@dataclass(**_FROZEN)
class ClaimSource(Record):
    article_id: str
    outlet: str | None
    stance: str
    text: str
    attributed_to: str | None = None
    claim_id: str | None = None
    score: float = 1.0
    link: str | None = None  # why a denial or doubt sits on this row (labels.Link); None for other stances

    def __post_init__(self) -> None:
        object.__setattr__(self, "stance", _checked(Stance, self.stance, "stance"))
        if self.link is not None:
            object.__setattr__(self, "link", _checked(Link, self.link, "link"))


@dataclass(**_FROZEN)
class ClaimGroup(Record):
    """Claims of one story that state the same thing, with each source's stance and the verdict."""

    id: str
    text: str
    status: str
    sources: tuple[ClaimSource, ...] = ()
    reason: str = ""
    first_source: str | None = None
    independent_origins: int = 0
    provenance: tuple[tuple[str, str, str], ...] = ()  # (from, to, kind) edges: origin -> cites -> rewrites

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", _checked(ClaimStatus, self.status, "status"))


@dataclass(**_FROZEN)
class SummarySentence(Record):
    text: str
    citations: tuple[str, ...] = ()


@dataclass(**_FROZEN)
class TimelineEvent(Record):
    date: str
    text: str
    citations: tuple[str, ...] = ()
    inferred: bool = False


@dataclass(**_FROZEN)
class Story(Record):
    id: str
    title: str
    article_ids: tuple[str, ...] = ()
    related_story_ids: tuple[str, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    claims: tuple[ClaimGroup, ...] = ()


@dataclass(**_FROZEN)
class AnalysisResult(Record):
    """Everything one run produced: what `newsprism.analyze` returns and what the reports are written from."""

    # tuples, or for a corpus past one extract batch sequences read back from disk (newsprism.spill)
    articles: Sequence[Article] = ()
    stories: Sequence[Story] = ()
    quotes: Sequence[Quote] = ()
    citations: Sequence[Citation] = ()
    entities: Sequence[Entity] = ()
    claims: Sequence[Claim] = ()
    failures: Sequence[Failure] = ()
    stats: dict[str, Any] = field(default_factory=dict)


_NESTED: dict[tuple[str, str], type[Record]] = {
    ("Article", "removed"): Removed,
    ("ClaimGroup", "sources"): ClaimSource,
    ("Story", "summary"): SummarySentence,
    ("Story", "timeline"): TimelineEvent,
    ("Story", "claims"): ClaimGroup,
    ("AnalysisResult", "articles"): Article,
    ("AnalysisResult", "stories"): Story,
    ("AnalysisResult", "quotes"): Quote,
    ("AnalysisResult", "citations"): Citation,
    ("AnalysisResult", "entities"): Entity,
    ("AnalysisResult", "claims"): Claim,
    ("AnalysisResult", "failures"): Failure,
}
