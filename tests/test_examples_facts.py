"""The facts of the example corpus (examples/README.md) checked against what newsprism finds: outlets, dates,
titles, junk removed, duplicates and rewrites, stories, quotes and speakers, outlets cited, entities, claims.

These depend on stages built in parallel (clean, dedupe, cluster, extract, compare, summarize); each test names
one fact so a failure says which stage falls short. Labels (A1 … C3) are those of examples/README.md.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from rapidfuzz import fuzz

from newsprism import AnalysisResult, Article, Quote, Story
from newsprism.records import ClaimGroup, normalize_text
from newsprism.resources import Resources


def _kit() -> ModuleType:
    name = "newsprism_tests_examples_kit"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parent / "examples_kit.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


kit = _kit()

# label -> (file, a phrase only that article's raw text holds)
WHERE: dict[str, tuple[str, str]] = {
    "A1": ("harbour-ledger-morvania-jets.html", "They came with a shopping list"),
    "A2": ("northfield-courier-morvania-jets.txt", "Morvania has asked its neighbour"),
    "A3": ("valeport-wire-feed.xml", "Morvania's government on Tuesday denied"),
    "A4": ("trendpulse-morvania-warplanes.txt", "Morvania has apparently asked"),
    "A5": ("meridian-post-morvania-denial.txt", "flatly denied"),
    "A6": ("archive-export.jsonl", "It was the wrong half of the story"),
    "A7": ("harbour-ledger-estraland-credit-line.html", "credit line"),
    "B1": ("valeport-wire-feed.xml", "A fire tore through a warehouse"),
    "B2": ("northfield-courier-saltmere-fire.html", "Fourteen families"),
    "B3": ("saltmere-gazette-port-fire.txt", "Ropewalk Street"),
    "B4": ("archive-export.jsonl", "Owen Tarrant"),
    "B5": ("archive-export.jsonl", "Northfeild"),
    "B6": ("meridian-post-saltmere-toll.txt", "one count and 14 in another"),
    "C1": ("valeport-wire-feed.xml", "In a separate vote on Thursday"),
    "C2": ("lindenford-today-tram-vote.txt", "Trams are coming"),
    "C3": ("riverside-bugle-tram-vote.html", "green light"),
}
STORY_A = ["A1", "A2", "A3", "A4", "A5", "A6"]
STORY_B = ["B1", "B2", "B3", "B4", "B5", "B6"]
STORY_C = ["C1", "C2", "C3"]

OUTLETS = {
    "A1": "The Harbour Ledger", "A2": "Northfield Courier", "A3": "Valeport Wire Service", "A4": "TrendPulse Newz",
    "A5": "Meridian Post", "A6": "The Castlebridge Observer", "A7": "The Harbour Ledger",
    "B1": "Valeport Wire Service", "B2": "Northfield Courier", "B3": "Saltmere Gazette", "B4": "The Harbour Ledger",
    "B5": "TrendPulse Newz", "B6": "Meridian Post", "C1": "Valeport Wire Service", "C2": "Lindenford Today",
    "C3": "The Riverside Bugle",
}
DATES = {"A1": "2025-03-03", "A3": "2025-03-04", "A5": "2025-03-04", "A6": "2025-03-10", "A7": "2025-04-08",
         "B1": "2025-03-19", "B2": "2025-03-19", "B4": "2025-03-20", "B6": "2025-03-20", "C1": "2025-03-13",
         "C3": "2025-03-14"}
UNDATED = ["A2", "A4", "B3", "B5", "C2"]
TITLES = {
    "A1": "Morvania asked Estraland for fighter jets and emergency loans, officials say",
    "A2": "Morvania sought fighter jets and loans from Estraland – Harbour Ledger",
    "A4": "Morvania Begged Estraland For Warplanes And Huge Loans, Says Harbour Ledgr",
    "A5": 'Morvania says jets report is "pure fiction" but stays silent on loans',
    "A7": "Estraland approves $1.1bn credit line for Morvania but rules out jets",
    "B2": "At least 14 dead in Saltmere warehouse blaze, health officials say",
    "B3": "Twelve dead as fire destroys Terminal 3 warehouse",
    "B6": "Saltmere fire: why the death toll is 12 in one count and 14 in another",
    "C2": "Trams are coming to Eastmoor: council says yes",
    "C3": "Eastmoor tram line gets the green light",
}

# label -> (junk that must be gone from the cleaned text, body that must stay)
JUNK: dict[str, tuple[list[str], list[str]]] = {
    "A2": (["Payment methods", "Remind me later", "Jobs board", ">> Read here", "More: Estraland and Morvania",
            "Anika Mols covers diplomacy", "0 views 0 comments", "[[AD_SLOT_FOOTER]]",
            "(Northfield Courier/Anika Mols)",
            "Support independent journalism", "Sparrowhawk jets on the apron", "Night Editor"],
           ["Morvania has asked its neighbour Estraland for fighter jets",
            "years to train pilots and ground crews for the type"]),
    "A4": (["Title:", "Home » World", "Trending Now", "Share this:", "Like Loading", "Source: The Harbor Ledger",
            "Jenna Marlowe is a passionate", "Leave a Reply", "Shiny New Jets"],
           ["Morvania has apparently asked its neighbouring nation Estraland", "a source told the newspaper"]),
    "A5": (["top of page", "POLITICS & DIPLOMACY", "Donate now", "The Meridian Brief", ">> Read here",
            "Tobias Rendahl is Meridian Post's correspondent", "0 views 0 comments", "bottom of page",
            "(Meridian Post/Lena Ostrova)", "Meridian Post relies on readers"],
           ["Morvania's foreign ministry has flatly denied", "lower interest than a new bond sale"]),
    "B3": (["top of page", "LOCAL NEWS", "(Saltmere Gazette/Ivo Brenner)", "Keep it going", "Payment methods",
            "Get the Gazette Daily", "More: Saltmere dock strike", "Ruth Kallio is the Saltmere Gazette",
            "0 views 0 comments", "bottom of page"],
           ["Twelve people died when fire destroyed a warehouse", "minute's silence at noon on Friday"]),
    "B6": (["Related: Saltmere mourns", "Donate now", "Yara Dunmore writes about", "Source: Meridian Post",
            "0 views 0 comments", "Meridian Post relies on readers"],
           ["Two days after fire destroyed a warehouse", "the warehouse's sprinklers were switched off"]),
    "C2": (["(Lindenford Today/Marta Quist)", "Source: Valeport Wire Service", "Get Lindenford Today in your inbox",
            "Sign me up", "More: Line 2 closed", "Continue reading"],
           ["Lindenford's city council voted 23 to 8", "consider a support scheme in June"]),
    "A1": (["Accept all cookies", "The Morning Ledger", "Most read", "Registered in Halvik", "Subscribe from $1"],
           ["Morvania's government has asked neighbouring Estraland", "open to deeper economic cooperation"]),
    "B2": (["Support the Courier", "Reject non-essential", "Back to top", "Sofia Brandvold is the Northfield Courier",
            "Northfield Evening"],
           ["At least 14 people were killed in a fire", "the cause of the fire was under investigation"]),
    "C3": (["eastmoor_mum", "Bugle Briefing", "Advertisement", "Riverside Media Group"],
           ["Lindenford's city council voted 23 to 8", "after its cost estimate doubled"]),
    "B5": (["Share this:", "Source: Northfeild Courier", "Keep following TrendPulse Newz"],
           ["At least 14 people have lost their lives", "Police are investigating what caused the fire"]),
}


@pytest.fixture(scope="module")
def result(resources: Resources, tmp_path_factory: pytest.TempPathFactory) -> AnalysisResult:
    return kit.examples_result(resources, tmp_path_factory)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def by_label(result: AnalysisResult) -> dict[str, Article]:
    found: dict[str, Article] = {}
    for label, (file, phrase) in WHERE.items():
        hits = [a for a in result.articles if kit.file_of(a.source_path) == file
                and phrase.casefold() in (a.raw_text + (a.title or "")).casefold()]
        assert len(hits) == 1, f"{label}: {len(hits)} articles of {file} hold {phrase!r}"
        found[label] = hits[0]
    return found


def _norm_outlet(name: str | None) -> str:
    name = normalize_text(name or "")
    return re.sub(r"[^a-z0-9]+", "", re.sub(r"^the\s+", "", name))


def _same_outlet(a: str | None, b: str) -> bool:
    return bool(a) and fuzz.ratio(_norm_outlet(a), _norm_outlet(b)) >= 85


def _story_of(result: AnalysisResult, article: Article) -> Story | None:
    return next((s for s in result.stories if article.id in s.article_ids), None)


def _quotes(result: AnalysisResult, article: Article, phrase: str) -> list[Quote]:
    return [q for q in result.quotes if q.article_id == article.id and phrase.casefold() in q.text.casefold()]


def _speaker_is(quotes: list[Quote], name: str) -> bool:
    return any(q.speaker and name.casefold() in q.speaker.casefold() for q in quotes)


def _claims(story: Story | None, test: Callable[[str], bool]) -> list[ClaimGroup]:
    return [c for c in (story.claims if story else ()) if test(c.text.casefold())]


# ---- metadata -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("label", sorted(OUTLETS))
def test_outlet(by_label: dict[str, Article], label: str) -> None:
    assert _same_outlet(by_label[label].outlet, OUTLETS[label]), (label, by_label[label].outlet)


@pytest.mark.parametrize("label", sorted(DATES))
def test_published_date(by_label: dict[str, Article], label: str) -> None:
    assert (by_label[label].published or "").startswith(DATES[label]), (label, by_label[label].published)


@pytest.mark.parametrize("label", UNDATED)
def test_no_invented_date(by_label: dict[str, Article], label: str) -> None:
    article = by_label[label]
    assert article.published is None or article.published_inferred, (label, article.published)


@pytest.mark.parametrize("label", sorted(TITLES))
def test_title(by_label: dict[str, Article], label: str) -> None:
    assert normalize_text(by_label[label].title or "") == normalize_text(TITLES[label])


def test_every_article_is_english(result: AnalysisResult) -> None:
    assert {a.language for a in result.articles} == {"en"}


# ---- cleaning -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("label", sorted(JUNK))
def test_junk_removed_and_body_kept(by_label: dict[str, Article], label: str) -> None:
    article = by_label[label]
    junk, body = JUNK[label]
    text = normalize_text(article.text)
    left = [j for j in junk if normalize_text(j) in text]
    lost = [b for b in body if normalize_text(b) not in text]
    assert not left and not lost, f"{label}: junk left {left}, body lost {lost}"


@pytest.mark.parametrize("label", ["A2", "A4", "A5", "B3", "B6", "C2"])
def test_removed_pieces_are_reported_for_scraped_text(by_label: dict[str, Article], label: str) -> None:
    categories = {r.category for r in by_label[label].removed}
    assert len(categories) >= 3, (label, categories)


def test_title_not_left_in_the_body(by_label: dict[str, Article]) -> None:
    doubled = [label for label in ("A2", "A4", "B3", "C2")
               if normalize_text(TITLES[label]) in normalize_text(by_label[label].text)]
    assert not doubled


# ---- duplicates and rewrites --------------------------------------------------------------------------------------

@pytest.mark.parametrize("copy", ["C2", "C3"])
def test_republished_wire_story_is_a_near_duplicate(by_label: dict[str, Article], copy: str) -> None:
    article, origin = by_label[copy], by_label["C1"]
    assert article.duplicate_of == origin.id or origin.id in article.derived_from, (
        copy, article.duplicate_of, article.derived_from)


@pytest.mark.xfail(reason="known gap: a heavy paraphrase by a content farm is not yet found as derived_from "
                          "(dedupe needs sentence-level paraphrase alignment); see the closing note", strict=False)
@pytest.mark.parametrize(("rewrite", "origins"), [("A4", ("A1", "A2")), ("B5", ("B2",))])
def test_content_farm_rewrite_points_to_its_origin(by_label: dict[str, Article], rewrite: str,
                                                  origins: tuple[str, ...]) -> None:
    article = by_label[rewrite]
    sources = set(article.derived_from) | {article.duplicate_of}
    assert sources & {by_label[o].id for o in origins}, (rewrite, article.derived_from, article.duplicate_of)


def test_originals_and_independent_reports_are_not_duplicates(by_label: dict[str, Article]) -> None:
    marked = [label for label in ("A1", "A3", "A5", "A6", "A7", "B1", "B2", "B3", "B4", "C1")
              if by_label[label].duplicate_of is not None]
    assert not marked


# ---- stories ------------------------------------------------------------------------------------------------------

def test_three_stories_grouped_as_in_the_readme(result: AnalysisResult, by_label: dict[str, Article]) -> None:
    groups = {}
    for name, labels in (("A", STORY_A), ("B", STORY_B), ("C", STORY_C)):
        stories = {(_story_of(result, by_label[label]) or Story(id="-", title="")).id for label in labels}
        assert len(stories) == 1 and "-" not in stories, f"story {name} is split or missing: {stories}"
        groups[name] = stories.pop()
    assert len(set(groups.values())) == 3, "two of the three stories were merged"


def test_follow_up_is_in_story_a_or_related_to_it(result: AnalysisResult, by_label: dict[str, Article]) -> None:
    story_a, follow_up = _story_of(result, by_label["A1"]), _story_of(result, by_label["A7"])
    assert story_a is not None and follow_up is not None
    related = follow_up.id == story_a.id or story_a.id in follow_up.related_story_ids \
        or follow_up.id in story_a.related_story_ids
    assert related


def test_story_count(result: AnalysisResult) -> None:
    assert len(result.stories) in (3, 4), [s.title for s in result.stories]


def test_stories_have_titles_and_cited_summaries(result: AnalysisResult, by_label: dict[str, Article]) -> None:
    for label in ("A1", "B1", "C1"):
        story = _story_of(result, by_label[label])
        assert story is not None and story.title.strip() and "untitled" not in story.title.casefold()
        assert story.summary, f"story of {label} has no summary"
        for line in story.summary:
            assert line.citations and set(line.citations) <= set(story.article_ids), line


def test_timeline_of_story_a_has_the_first_two_days(result: AnalysisResult, by_label: dict[str, Article]) -> None:
    story = _story_of(result, by_label["A1"])
    dates = {e.date[:10] for e in (story.timeline if story else ())}
    assert {"2025-03-03", "2025-03-04"} <= dates, dates


# ---- quotes and speakers ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("label", "phrase", "speaker"), [
    ("A3", "has not requested a single aircraft", "Renvik"),
    ("A5", "has not requested a single aircraft", "Renvik"),
    ("A6", "You ask for the jets", "Brandt"),
    ("A6", "so that the money looks like a compromise", "Brandt"),
    ("A7", "No combat aircraft will leave Estraland", "Holm"),
    ("A7", "not to Morvania and not to anyone else", "Holm"),
    ("B1", "We have recovered twelve bodies", "Oduya"),
    ("B2", "Fourteen families have lost someone", "Lindqvist"),
    ("B3", "I have worked on this port for thirty years", "Farrow"),
    ("C1", "Tonight the council listened", "Pellew"),
    ("C1", "We are building a new room while the roof leaks", "Marr"),
])
def test_direct_quote_speaker(result: AnalysisResult, by_label: dict[str, Article], label: str, phrase: str,
                              speaker: str) -> None:
    quotes = _quotes(result, by_label[label], phrase)
    assert quotes, f"{label}: no quote holding {phrase!r}"
    assert _speaker_is(quotes, speaker), [q.speaker for q in quotes]
    assert any(q.direct for q in quotes)


@pytest.mark.parametrize(("label", "phrase", "speaker"), [
    ("A3", "routine discussions on economic cooperation", "Renvik"),   # "Renvik said that ..."
    ("B2", "most of the injured had inhaled toxic smoke", "Lindqvist"),  # "She said that ...", name 2 sentences up
    ("C1", "residents would push for the work to start on time", "Pellew"),  # "She said ..." after the name
    ("A5", "Morvania must repay or refinance about $2.7 billion", "Haverkamp"),  # "According to X, ..."
])
def test_indirect_and_pronoun_speakers(result: AnalysisResult, by_label: dict[str, Article], label: str,
                                       phrase: str, speaker: str) -> None:
    quotes = _quotes(result, by_label[label], phrase)
    assert quotes, f"{label}: no quote holding {phrase!r}"
    assert _speaker_is(quotes, speaker), [q.speaker for q in quotes]


@pytest.mark.parametrize(("label", "phrase"), [
    ("A1", "They came with a shopping list"),
    ("A1", "far from certain"),
    ("B2", "switched off for maintenance"),
    ("A3", "loan of about $3 billion"),
])
def test_anonymous_sources(result: AnalysisResult, by_label: dict[str, Article], label: str, phrase: str) -> None:
    quotes = _quotes(result, by_label[label], phrase)
    assert quotes and any(q.anonymous for q in quotes), [(q.text, q.speaker, q.anonymous) for q in quotes]


@pytest.mark.parametrize(("label", "phrase", "via"), [
    ("A2", "They came with a shopping list", "The Harbour Ledger"),
    ("B5", "Fourteen families have lost someone", "Northfield Courier"),
])
def test_quotes_relayed_via_another_outlet(result: AnalysisResult, by_label: dict[str, Article], label: str,
                                           phrase: str, via: str) -> None:
    quotes = _quotes(result, by_label[label], phrase)
    assert quotes and any(_same_outlet(q.via, via) for q in quotes), [(q.speaker, q.via) for q in quotes]


# ---- outlets cited ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("label", "cited"), [
    ("A2", "The Harbour Ledger"), ("A3", "The Harbour Ledger"), ("A4", "The Harbour Ledger"),
    ("A5", "The Harbour Ledger"), ("A5", "Valeport Wire Service"), ("A6", "Valeport Wire Service"),
    ("B4", "Valeport Wire Service"), ("B4", "Northfield Courier"), ("B5", "Northfield Courier"),
    ("B6", "Valeport Wire Service"), ("B6", "Northfield Courier"), ("B6", "Saltmere Gazette"),
    ("B6", "The Harbour Ledger"),
])
def test_outlet_cited(result: AnalysisResult, by_label: dict[str, Article], label: str, cited: str) -> None:
    outlets = [c.outlet for c in result.citations if c.article_id == by_label[label].id]
    assert any(_same_outlet(o, cited) for o in outlets), (label, outlets)


@pytest.mark.parametrize(("label", "own"), [("A2", "Northfield Courier"), ("A5", "Meridian Post"),
                                            ("B6", "Meridian Post"), ("A3", "Valeport Wire Service")])
def test_an_outlet_naming_itself_is_not_a_citation(result: AnalysisResult, by_label: dict[str, Article],
                                                   label: str, own: str) -> None:
    outlets = [c.outlet for c in result.citations if c.article_id == by_label[label].id]
    assert not any(_same_outlet(o, own) for o in outlets), (label, outlets)


def test_the_origin_cites_none_of_its_relays(result: AnalysisResult, by_label: dict[str, Article]) -> None:
    outlets = [c.outlet for c in result.citations if c.article_id == by_label["A1"].id]
    assert not any(_same_outlet(o, name) for o in outlets
                   for name in ("Northfield Courier", "Valeport Wire Service", "Meridian Post")), outlets


# ---- entities -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "label", "in_articles"), [
    ("Dalia Renvik", "PERSON", ("A3", "A5", "A6", "A7")),
    ("Bram Teller", "PERSON", ("B1", "B2", "B3", "B4")),
    ("Morvania", "GPE", ("A1", "A2", "A3", "A5", "A6", "A7")),
    ("Helena Brookfield", "PERSON", ("C1", "C2", "C3")),
])
def test_entity_is_canonical_across_articles(result: AnalysisResult, by_label: dict[str, Article], name: str,
                                             label: str, in_articles: tuple[str, ...]) -> None:
    matches = [e for e in result.entities if e.name == name or name in e.aliases]
    assert len(matches) == 1, f"{name}: {len(matches)} entities"
    entity = matches[0]
    assert entity.label == label
    assert {by_label[a].id for a in in_articles} <= set(entity.article_ids)


# ---- claims -------------------------------------------------------------------------------------------------------

def _about(*words: str) -> Callable[[str], bool]:
    return lambda text: any(w in text for w in words)


def test_jets_claim_is_denied(result: AnalysisResult, by_label: dict[str, Article]) -> None:
    # "disputed" (reported, and denied on the record) and "denied" both present the on-record denial
    claims = _claims(_story_of(result, by_label["A1"]), _about("jet", "aircraft", "warplane"))
    assert any(c.status in {"denied", "disputed"} for c in claims), [(c.text, c.status) for c in claims]
    denied = [c for c in claims if c.status in {"denied", "disputed"}]
    assert any(s.stance == "denies" and s.article_id in {by_label["A3"].id, by_label["A5"].id}
               for c in denied for s in c.sources)


def test_a_doubt_of_the_original_report_sits_on_the_reported_claim(result: AnalysisResult) -> None:
    # "The original report rests on officials who spoke on condition of anonymity" doubts the Ledger's report of the
    # request, told at the top of the analysis, not the analyst's quote just before it
    rows = [g for st in result.stories for g in st.claims
            if any("original report rests" in s.text and s.stance == "doubts" for s in g.sources)]
    assert rows and all("asked" in g.text.casefold() and "denial" not in g.text.casefold() and len(
        {s.article_id for s in g.sources if s.stance in {"reports", "attributes"}}) >= 2 for g in rows), [
        g.text for g in rows]


@pytest.mark.xfail(reason="known gap: unattributed sentences next to a relayed claim (attribution in a "
                          "neighbouring sentence of the paragraph) are read as the outlet's own voice (reports)",
                   strict=False)
def test_relays_of_the_jets_claim_attribute_it(result: AnalysisResult, by_label: dict[str, Article]) -> None:
    claims = _claims(_story_of(result, by_label["A1"]), _about("jet", "aircraft", "warplane"))
    stances = {s.stance for c in claims for s in c.sources if s.article_id in {by_label["A2"].id, by_label["A4"].id}}
    assert stances and stances <= {"attributes", "doubts"}, stances


def test_loans_claim_is_corroborated(result: AnalysisResult, by_label: dict[str, Article]) -> None:
    claims = _claims(_story_of(result, by_label["A1"]), _about("loan"))
    assert any(c.status == "corroborated" for c in claims), [(c.text, c.status) for c in claims]


def test_death_toll_figures_differ_on_one_row(result: AnalysisResult, by_label: dict[str, Article]) -> None:
    """12 (fire service) and 14 (health authority) counted at different times: a note on the row, not a dispute."""
    claims = _claims(_story_of(result, by_label["B1"]),
                     _about("12", "14", "twelve", "fourteen", "dead", "killed", "toll"))
    noted = [c for c in claims if "figures differ" in c.reason]
    assert noted, [(c.text, c.status, c.reason) for c in claims]
    assert any("12" in c.reason and "14" in c.reason for c in noted)


def test_every_count_of_the_dead_is_one_row(result: AnalysisResult, by_label: dict[str, Article]) -> None:
    """Five outlets count the dead as 12 (the fire service) or 14 (the health authority), worded a dozen ways ("put
    the death toll at 12", "recovered twelve bodies", "only 12 people died"): one question, so one row, whose note
    names who gives which figure."""
    from newsprism.compare.counts import counted

    story = _story_of(result, by_label["B1"])
    assert story is not None
    rows = [c for c in story.claims if any(counted(s.text) == "dead" for s in c.sources)]
    assert len(rows) == 1, [(c.text, [s.text for s in c.sources if counted(s.text) == "dead"]) for c in rows]
    reason = rows[0].reason
    assert "figures differ" in reason and "Amara Lindqvist" in reason and "fire service" in reason, reason


def test_sprinkler_claim_is_denied(result: AnalysisResult, by_label: dict[str, Article]) -> None:
    claims = _claims(_story_of(result, by_label["B1"]), _about("sprinkler"))
    assert any(c.status in {"denied", "disputed"} for c in claims), [(c.text, c.status) for c in claims]


def test_fire_is_corroborated(result: AnalysisResult, by_label: dict[str, Article]) -> None:
    claims = _claims(_story_of(result, by_label["B1"]), _about("fire", "blaze"))
    assert any(c.status == "corroborated" for c in claims), [(c.text, c.status) for c in claims]


def test_republished_vote_is_single_source(result: AnalysisResult, by_label: dict[str, Article]) -> None:
    claims = _claims(_story_of(result, by_label["C1"]), _about("23", "tram", "extension", "eastmoor"))
    assert claims, "no claim about the council vote"
    assert not any(c.status == "corroborated" for c in claims), [(c.text, c.status) for c in claims]
    assert any(c.status == "single-source" for c in claims)
