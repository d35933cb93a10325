"""The words of a verdict: a claim's status and a source's stance, with their help text and display order.

Defined once, here, so that record validation, report.json, the Markdown and HTML reports, the web app and its CSS
classes cannot drift apart. Both are ``StrEnum``s: a member *is* its string (``Stance.DENIES == "denies"``), so
records keep plain strings, report.json keeps exactly the contract's values, and comparisons with strings work.
Members are listed in display order (the order rows and legends show them).
"""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType


class ClaimStatus(StrEnum):
    """A claim group's status, contested first: the order in which the matrix lists its rows."""

    DENIED = "denied"
    DISPUTED = "disputed"
    CORROBORATED = "corroborated"
    UNVERIFIED = "unverified"
    SINGLE_SOURCE = "single-source"

    @property
    def help(self) -> str:
        """One line for a tooltip or a legend."""
        return _STATUS_HELP[self]

    @property
    def rank(self) -> int:
        """Display order: 0 first."""
        return _STATUS_RANK[self]

    @property
    def contested(self) -> bool:
        """A denial, doubt or contradiction is on the row: the rows a reader should meet first."""
        return self in (ClaimStatus.DENIED, ClaimStatus.DISPUTED)

    @property
    def css_class(self) -> str:
        return f"status-{self.value}"


class Stance(StrEnum):
    """What a source does with a claim, in the order of the legend."""

    REPORTS = "reports"
    ATTRIBUTES = "attributes"
    DENIES = "denies"
    DOUBTS = "doubts"

    @property
    def help(self) -> str:
        """One line for a tooltip or a legend."""
        return _STANCE_HELP[self]

    @property
    def rank(self) -> int:
        """Display order: 0 first."""
        return _STANCE_RANK[self]

    @property
    def supports(self) -> bool:
        """The source carries the claim (in its own voice or someone else's)."""
        return self in (Stance.REPORTS, Stance.ATTRIBUTES)

    @property
    def css_class(self) -> str:
        return f"st-{self.value}"


_STATUS_HELP = MappingProxyType({
    ClaimStatus.DENIED: "a party or outlet denies it",
    ClaimStatus.DISPUTED: "outlets disagree or doubt it",
    ClaimStatus.CORROBORATED: "reported by independent outlets",
    ClaimStatus.UNVERIFIED: "attributed, not confirmed",
    ClaimStatus.SINGLE_SOURCE: "traced to one origin only",
})
_STANCE_HELP = MappingProxyType({
    Stance.REPORTS: "states it as fact",
    Stance.ATTRIBUTES: "says someone claims it",
    Stance.DENIES: "reports a denial",
    Stance.DOUBTS: "casts doubt",
})


class Link(StrEnum):
    """Why a denial or doubt sits on its row: what in the sentence tied it to the claim it answers. Shown beside
    the cell, so a reader can weigh a denial tied by wording alone differently from one that names the report."""

    NAMES_SOURCE = "names-source"
    NAMES_CLAIM = "names-claim"
    POINTS_BACK = "points-back"
    VERDICT = "verdict"
    CONSENSUS = "consensus"
    DEFENDS = "defends"
    UNASSERTED = "unasserted"
    BACKEND = "backend"
    OPPOSITE = "opposite"
    WORDING = "wording"

    @property
    def help(self) -> str:
        """One line for a tooltip, the Markdown cell and the export."""
        return _LINK_HELP[self]

    @property
    def firm(self) -> bool:
        """Something in the sentence itself says what it answers (not wording or other outlets alone)."""
        return self not in (Link.WORDING, Link.OPPOSITE, Link.CONSENSUS, Link.BACKEND)


_LINK_HELP = MappingProxyType({
    Link.NAMES_SOURCE: "names the report or source it answers",
    Link.NAMES_CLAIM: "names what it denies or doubts",
    Link.POINTS_BACK: "refers back to an earlier sentence of its article",
    Link.VERDICT: "the outlet's own verdict on what it relays",
    Link.CONSENSUS: "other outlets' same response answers this row",
    Link.DEFENDS: "defends a report that this row challenges",
    Link.UNASSERTED: "nobody in the story asserts this row: it is what the responses deny",
    Link.BACKEND: "the stance backend reads it as the opposite",
    Link.OPPOSITE: "states the opposite in the row's words",
    Link.WORDING: "shares the row's wording only: check what it answers",
})
_STATUS_RANK = MappingProxyType({s: i for i, s in enumerate(ClaimStatus)})
_STANCE_RANK = MappingProxyType({s: i for i, s in enumerate(Stance)})

CONTESTED: frozenset[ClaimStatus] = frozenset(s for s in ClaimStatus if s.contested)
"""Statuses a reader should meet first; compare with plain strings too (``"denied" in CONTESTED``)."""


def status_rank(value: str) -> int:
    """Display rank of a status given as a string; an unknown one sorts last instead of failing a page."""
    try:
        return ClaimStatus(value).rank
    except ValueError:
        return len(ClaimStatus)


def stance_rank(value: str) -> int:
    """Display rank of a stance given as a string; an unknown one sorts last."""
    try:
        return Stance(value).rank
    except ValueError:
        return len(Stance)


__all__ = ["CONTESTED", "ClaimStatus", "Link", "Stance", "stance_rank", "status_rank"]
