"""A hand-built AnalysisResult about fictional events, for the report and web tests.

Two stories: a port strike covered by four invented outlets (a disputed claim with a report, an attribution, a
denial and a doubt; a corroborated claim; a rewrite; a citation; quotes including an anonymous one; removed junk
with offsets) and a small festival story. One article carries script and img-onerror markup to test escaping.
"""

from __future__ import annotations

from dataclasses import replace

from newsprism.records import (
    AnalysisResult,
    Article,
    Citation,
    ClaimGroup,
    ClaimSource,
    Entity,
    Failure,
    Quote,
    Removed,
    Story,
    SummarySentence,
    TimelineEvent,
    article_id_for,
)

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"


def _article(body: str, *, junk_before: tuple[tuple[str, str], ...] = (), junk_after: tuple[tuple[str, str], ...] = (),
             **kw: object) -> Article:
    """Raw text = junk before + body + junk after; each removed piece carries its offsets into the raw text."""
    raw = "".join(t + "\n" for t, _ in junk_before) + body + "".join("\n" + t for t, _ in junk_after)
    removed = []
    for text, cat in (*junk_before, *junk_after):
        start = raw.find(text)
        removed.append(Removed(text=text, category=cat, start=start, end=start + len(text)))
    return Article(id=article_id_for(raw), raw_text=raw, text=body, removed=tuple(removed), **kw)  # type: ignore[arg-type]


LEDGER = _article(
    "Dockworkers at the port of Velmora walked off the job on Monday over a plan to automate the container "
    "cranes. The port authority asked the coastal navy to clear the picket lines, two officials said. "
    "The strike has already cost shippers 40 million crowns, according to the chamber of commerce. "
    "Union leader Mara Ostrovic said: \"We will not be replaced by machines without a fight.\"",
    junk_before=(("Subscribe to the Harbor Ledger newsletter for daily port news", "newsletter"),),
    junk_after=(("Share this article: 12 comments", "engagement"), ("Photo: Ledger staff", "credit")),
    title="Velmora dockworkers strike over crane automation", outlet="Harbor Ledger",
    published="2031-03-03T08:00:00", language="en", source_path="ledger.txt")

COAST = _article(
    "Velmora's dockworkers began an open-ended strike on Monday. A union spokesperson claimed the port authority "
    "had asked the navy to break up the pickets, citing Northgate Wire. Losses to shippers have reached 40 million "
    "crowns. \"The cranes are only the start,\" a dockworker who asked not to be named said.",
    junk_after=(("Read more: Ten ferries to ride this summer", "related-link"),),
    title="Strike shuts Velmora port", outlet="Coastline Post", published="2031-03-03T11:30:00", language="en",
    source_path="coast.html")

WIRE = _article(
    "The Velmora port authority denied on Tuesday that it had requested any naval deployment. \"No such request "
    "was ever made,\" authority chair Ilse Varnholt said. Talks with the dockworkers' union resume on Thursday.",
    title="Port authority denies calling in the navy", outlet="Northgate Wire", published="2031-03-04T09:15:00",
    language="en", source_path="wire.txt")

MERIDIAN = _article(
    "Dockworkers at the port of Velmora walked off the job on Monday over automation. Reports that the navy was "
    f"asked to intervene remain unconfirmed and look doubtful. {XSS_SCRIPT} Readers wrote in: {XSS_IMG} "
    "The port authority asked the coastal navy to clear the picket lines, officials said earlier.",
    title=f"Velmora strike {XSS_SCRIPT} day two", outlet="Daily Meridian", published="2031-03-04T14:00:00",
    language="en", source_path="meridian.txt")

MERIDIAN = replace(MERIDIAN, derived_from=(LEDGER.id,))

LANTERN = _article(
    "Thousands gathered on the river banks of Orsk for the lantern festival on Saturday night. The mayor "
    "lit the first lantern at dusk.",
    junk_before=(("Home > Culture > Festivals", "navigation"),),
    title="Lantern festival fills Orsk riverbanks", outlet="Orsk Evening", published="2031-04-12T21:00:00",
    language="en", source_path="orsk.txt")

LOOSE = _article("A short note about the weather in Tallwick.", title="Tallwick weather", outlet="Tallwick Times",
                 published="2031-05-01", source_path="tallwick.txt")

NAVY_CLAIM = ClaimGroup(
    id="c-navy", text="The port authority asked the navy to clear the picket lines.", status="disputed",
    reason="Harbor Ledger reports it, the port authority denies it via Northgate Wire and Daily Meridian doubts it.",
    first_source=LEDGER.id, independent_origins=1,
    provenance=((COAST.id, "Northgate Wire", "cites"), (MERIDIAN.id, LEDGER.id, "rewrites")),
    sources=(
        ClaimSource(article_id=LEDGER.id, outlet="Harbor Ledger", stance="reports",
                    text="The port authority asked the coastal navy to clear the picket lines, two officials said."),
        ClaimSource(article_id=COAST.id, outlet="Coastline Post", stance="attributes",
                    text="A union spokesperson claimed the port authority had asked the navy to break up the pickets.",
                    attributed_to="a union spokesperson"),
        ClaimSource(article_id=WIRE.id, outlet="Northgate Wire", stance="denies",
                    text="The Velmora port authority denied on Tuesday that it had requested any naval deployment.",
                    attributed_to="Ilse Varnholt"),
        ClaimSource(article_id=MERIDIAN.id, outlet="Daily Meridian", stance="doubts",
                    text="Reports that the navy was asked to intervene remain unconfirmed and look doubtful."),
    ))

LOSS_CLAIM = ClaimGroup(
    id="c-loss", text=f"The strike has cost shippers 40 million crowns. {XSS_IMG}", status="corroborated",
    reason="Two outlets report the figure.", first_source=LEDGER.id, independent_origins=2,
    sources=(
        ClaimSource(article_id=LEDGER.id, outlet="Harbor Ledger", stance="reports",
                    text="The strike has already cost shippers 40 million crowns."),
        ClaimSource(article_id=COAST.id, outlet="Coastline Post", stance="reports",
                    text="Losses to shippers have reached 40 million crowns."),
    ))

STRIKE = Story(
    id="s-strike", title="Velmora dockworkers strike over crane automation",
    article_ids=(LEDGER.id, COAST.id, WIRE.id, MERIDIAN.id),
    summary=(
        SummarySentence(text="Dockworkers in Velmora went on strike on Monday against automated cranes.",
                        citations=(LEDGER.id, COAST.id)),
        SummarySentence(text="The port authority denied that it had asked for a naval deployment.",
                        citations=(WIRE.id,)),
    ),
    timeline=(
        TimelineEvent(date="2031-03-03", text="Dockworkers walk off the job.", citations=(LEDGER.id,)),
        TimelineEvent(date="2031-03-04", text="The port authority denies requesting the navy.", citations=(WIRE.id,)),
        TimelineEvent(date="2031-03-06", text="Talks resume.", citations=(WIRE.id,), inferred=True),
    ),
    claims=(NAVY_CLAIM, LOSS_CLAIM))

FESTIVAL = Story(id="s-lantern", title="Lantern festival fills Orsk riverbanks", article_ids=(LANTERN.id,),
                 summary=(SummarySentence(text="Crowds filled the Orsk riverbanks for the lantern festival.",
                                          citations=(LANTERN.id,)),))

QUOTES = (
    Quote(id="q1", article_id=LEDGER.id, text="We will not be replaced by machines without a fight.",
          speaker="Mara Ostrovic", anonymous=False, direct=True, cue="said"),
    Quote(id="q2", article_id=COAST.id, text="The cranes are only the start,", speaker="a dockworker",
          anonymous=True, direct=True, cue="said"),
    Quote(id="q3", article_id=WIRE.id, text="No such request was ever made,", speaker="Ilse Varnholt",
          anonymous=False, direct=True, cue="said"),
    Quote(id="q4", article_id=COAST.id, text="the port authority had asked the navy to break up the pickets",
          speaker="a union spokesperson", anonymous=True, direct=False, cue="claimed", via="Northgate Wire"),
)

ENTITIES = (
    Entity(id="e1", name="Velmora", label="GPE", article_ids=(LEDGER.id, COAST.id, WIRE.id, MERIDIAN.id)),
    Entity(id="e2", name="Mara Ostrovic", label="PERSON", article_ids=(LEDGER.id,)),
    Entity(id="e3", name="Ilse Varnholt", label="PERSON", aliases=("Varnholt",), article_ids=(WIRE.id,)),
    Entity(id="e4", name="Orsk", label="GPE", article_ids=(LANTERN.id,)),
)


def sample_result() -> AnalysisResult:
    return AnalysisResult(
        articles=(LEDGER, COAST, WIRE, MERIDIAN, LANTERN, LOOSE), stories=(STRIKE, FESTIVAL), quotes=QUOTES,
        citations=(
            Citation(article_id=COAST.id, outlet="Northgate Wire", text="citing Northgate Wire"),
            Citation(article_id=LEDGER.id, outlet="Chamber of Commerce", text="according to the chamber of commerce"),
        ),
        entities=ENTITIES,
        failures=(Failure(source_path="broken.pdf", stage="ingest", error="ValueError: unsupported format"),))
