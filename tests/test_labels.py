"""Status and stance, defined once: the contract's strings, help text, display order, CSS classes, validation."""

from __future__ import annotations

import pickle

import pytest

from newsprism.labels import CONTESTED, ClaimStatus, Stance, stance_rank, status_rank
from newsprism.records import STANCES, STATUSES, ClaimGroup, ClaimSource
from newsprism.report.html import TEMPLATES, stance_badge, status_badge


def test_values_are_the_report_contract_strings() -> None:
    # ARCHITECTURE.md, report.json v1: these strings may not change
    assert set(ClaimStatus) == {"corroborated", "single-source", "disputed", "denied", "unverified"}
    assert set(Stance) == {"reports", "attributes", "denies", "doubts"}
    assert set(STATUSES) == set(ClaimStatus) and set(STANCES) == set(Stance)
    assert Stance.DENIES == "denies" and str(Stance.DENIES) == "denies" and f"{ClaimStatus.SINGLE_SOURCE}" == (
        "single-source")


def test_display_order_help_and_contested() -> None:
    assert list(ClaimStatus)[:2] == [ClaimStatus.DENIED, ClaimStatus.DISPUTED]  # contested rows first
    assert [s.rank for s in ClaimStatus] == list(range(len(ClaimStatus)))
    assert status_rank("denied") < status_rank("corroborated") < status_rank("single-source") < status_rank("new")
    assert stance_rank("reports") < stance_rank("denies") < stance_rank("unrelated")
    assert all(s.help for s in (*ClaimStatus, *Stance))
    assert {"denied", "disputed"} == CONTESTED and "denied" in CONTESTED
    assert Stance.ATTRIBUTES.supports and not Stance.DOUBTS.supports


def test_every_class_is_styled_and_badges_carry_help() -> None:
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    for member in (*ClaimStatus, *Stance):
        assert f".{member.css_class} " in css, member.css_class
    assert str(status_badge("denied")) == (
        '<span class="badge status-denied" title="a party or outlet denies it">denied</span>')
    assert 'class="stance cell-stance st-doubts" title="casts doubt"' in str(stance_badge("doubts", "cell-stance"))
    assert str(status_badge("<b>")) == '<span class="badge">&lt;b&gt;</span>'  # unknown: shown, escaped


def test_records_validate_and_keep_plain_strings() -> None:
    src = ClaimSource(article_id="a", outlet=None, stance=Stance.DENIES, text="t")
    assert type(src.stance) is str and src.stance == "denies"
    group = ClaimGroup(id="g", text="t", status=ClaimStatus.DENIED, sources=(src,))
    assert type(group.status) is str
    assert pickle.loads(pickle.dumps(group)) == group
    with pytest.raises(ValueError, match="stance must be one of"):
        ClaimSource(article_id="a", outlet=None, stance="contradicts", text="t")
    with pytest.raises(ValueError, match="status must be one of"):
        ClaimGroup(id="g", text="t", status="false")
