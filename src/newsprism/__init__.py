"""newsprism: one news story through every source that covered it.

    from newsprism import analyze
    result = analyze(["examples/"])
    for story in result.stories: ...
"""

from __future__ import annotations

import logging

from newsprism.api import analyze, analyze_documents, stance
from newsprism.errors import ConfigError, InputError, ModelMissingError, NewsprismError, StoreError
from newsprism.labels import ClaimStatus, Stance
from newsprism.records import (
    AnalysisResult,
    Article,
    Citation,
    Claim,
    ClaimGroup,
    ClaimSource,
    Entity,
    Failure,
    FailurePolicy,
    Quote,
    RawDocument,
    Removed,
    Story,
    SummarySentence,
    TimelineEvent,
)
from newsprism.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "AnalysisResult",
    "Article",
    "Citation",
    "Claim",
    "ClaimGroup",
    "ClaimSource",
    "ClaimStatus",
    "ConfigError",
    "Entity",
    "Failure",
    "FailurePolicy",
    "InputError",
    "ModelMissingError",
    "NewsprismError",
    "Quote",
    "RawDocument",
    "Removed",
    "Settings",
    "Stance",
    "StoreError",
    "Story",
    "SummarySentence",
    "TimelineEvent",
    "__version__",
    "analyze",
    "analyze_documents",
    "load_settings",
    "stance",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
