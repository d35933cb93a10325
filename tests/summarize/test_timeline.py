import dataclasses

import pytest
from tests.summarize.stories import disputed_story

from newsprism.records import Article
from newsprism.summarize.timeline import anchor_of, build_timeline, claim_events

pytestmark = pytest.mark.slow


def test_story_events_resolve_against_each_publication_date(resources) -> None:
    story, arts = disputed_story()
    events = build_timeline(story.claims, arts, resources=resources)
    dated = {(e.date, e.text) for e in events}
    # published Wednesday 2023-05-10: "on Tuesday" is the day before; "next week" the week after
    assert any(d == "2023-05-09" and "Marenko said on Tuesday" in t for d, t in dated)
    trip = [e for e in events if e.date == "2023-W20" and "Renn" in e.text]
    assert len(trip) == 1 and set(trip[0].citations) >= {"a1", "b1"}  # one event, cited to both outlets
    assert any(d == "2023-03" and "grain deal" in t for d, t in dated)
    # published Thursday 2023-05-11: "on Wednesday" is 2023-05-10, the vote "due in June" lies ahead
    assert any(d == "2023-05-10" and "port tax" in t for d, t in dated)
    keys = [e.date for e in events if e.date[:1].isdigit()]
    assert keys == sorted(keys, key=lambda d: d.replace("W20", "05-15"))


def test_claim_history_first_seen_and_denied(resources) -> None:
    story, arts = disputed_story()
    events = claim_events(story.claims, arts)
    texts = [e.text for e in events]
    assert any(t.startswith("First reported by Harbor Gazette") for t in texts)
    denied = next(e for e in events if e.text.startswith("Denied by Ilya Marenko"))
    assert denied.date == "2023-05-10" and list(denied.citations) == ["b1"]


def test_missing_publication_date_is_inferred_and_marked(resources) -> None:
    art = Article(id="x1", text=("The pier collapsed on June 2, 2021, the port office said.\n"
                                 "Repairs began on Monday, a spokesman said."))
    anchor = anchor_of(art)
    assert anchor.inferred and anchor.day is not None and anchor.day.isoformat() == "2021-06-02"
    events = build_timeline((), [art], resources=resources)
    repair = next(e for e in events if "Repairs" in e.text)
    assert repair.date == "2021-05-31" and repair.inferred
    pier = next(e for e in events if "pier" in e.text)
    assert pier.date == "2021-06-02" and not pier.inferred


def test_without_any_year_events_stay_undated_in_text_order(resources) -> None:
    _story, arts = disputed_story()
    arts = [dataclasses.replace(a, published=None) for a in arts]
    events = build_timeline((), arts, resources=resources)
    assert events and all(not e.date[:1].isdigit() for e in events)
    assert {e.date for e in events} <= {"", "--03", "--06"}
