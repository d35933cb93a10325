"""Counts (``newsprism.compare.counts``): what a sentence's figure counts, and which figure it gives."""

from __future__ import annotations

import pytest

from newsprism.compare.counts import Count, count_of, counted


@pytest.mark.parametrize(("text", "count"), [
    ("At least 14 people were killed in a fire at the port.", Count("dead", "At least 14")),
    ("Twelve people died when fire destroyed the warehouse.", Count("dead", "Twelve")),
    ("The fire service has put the death toll at 12.", Count("dead", "12")),
    ("The number of people killed in the fire has risen to 14, officials said.", Count("dead", "14")),
    ("Doctors said that 14 people had been confirmed dead.", Count("dead", "14")),
    ("\"We have recovered twelve bodies from the building,\" the chief said.", Count("dead", "twelve")),
    ("Five people lost their lives in the crash.", Count("dead", "Five")),
    ("The blast tore through the market, killing 12 people and injuring at least 30.", Count("dead", "12")),
    ("About 30 people were injured, according to the fire service.", Count("injured", "About 30")),
    ("Police detained 40 protesters outside the embassy.", Count("arrested", "40")),
])
def test_the_first_count_of_a_sentence(text: str, count: Count) -> None:
    assert count_of(text) == count


@pytest.mark.parametrize("text", [
    "Union leader Bram Teller said that at least eight of the dead were agency workers.",  # a part of the count
    "Two firefighters were among the injured, she said.",
    "If two people died after reaching hospital, both figures could be right.",  # a count supposed
    "He has two children and lives in Ohio.",
    "She spent three years in prison before the verdict was overturned.",
    "Two days after the fire, officials still do not agree on how many people died.",
])
def test_no_count(text: str) -> None:
    assert counted(text) is None
