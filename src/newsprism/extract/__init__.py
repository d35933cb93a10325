"""Who said what: entities, quotes with speakers, anonymous sourcing, outlets cited, claims.

FOUNDATION STUB: issue 5 (entities, quotes, sources) and issue 6 (claims) replace the internals; keep the
signature of ``extract_corpus`` and the ``Extraction`` record.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.records import Article, Citation, Claim, Entity, Quote
from newsprism.resources import Resources
from newsprism.settings import Settings

if TYPE_CHECKING:
    from newsprism.pipeline import FailurePolicy


@dataclass(frozen=True, slots=True, kw_only=True)
class Extraction:
    quotes: tuple[Quote, ...] = ()
    citations: tuple[Citation, ...] = ()
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()


def extract_corpus(articles: Sequence[Article], *, resources: Resources, settings: Settings,
                   policy: FailurePolicy, progress: Callable[[str, int, int], None]) -> Extraction:
    """Extract from every non-duplicate article; entities are made canonical across the whole corpus."""
    return Extraction()
