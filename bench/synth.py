"""A synthetic news corpus of any size, for scale runs (issue 9): fictional places, people, outlets and events.

Real benchmark texts run out at 1,229 distinct articles. Scale needs more distinct articles than that, so this
writes short articles (about 150 words) about many invented events: a few events draw many outlets (a big
story), most draw a handful. Each article carries what the stages work on: a lead, a named quote, an anonymous
source, an outlet cited ("according to ..."), a figure, sometimes a denial, and page junk to clean. Nothing
here comes from ../shared; every name is made from syllables.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

_SYL_TEXT = ("ka ri mo ve lan dor sel tra ni bo qua res vi ta mer lo den fa sko rin hal pe stu gor ya mi el ost "
             "var bel tun ska dre no kol vin sa hed pra")
_SYL = tuple(_SYL_TEXT.split())
_FIRST_TEXT = ("Anika Bruno Celia Darius Elin Faro Greta Hugo Ines Jonas Kaia Lior Mira Nils Oona Pavel Rhea Soren "
               "Talia Udo Vera Wim Yara Zeno")
_FIRST = tuple(_FIRST_TEXT.split())
_ROLES = ("minister of transport", "harbour master", "mayor", "chief of police", "union leader", "health director",
          "finance minister", "fire chief", "spokesperson for the port authority", "energy regulator")
_VERBS = ("closed", "approved", "suspended", "announced", "opened", "cut", "raised", "evacuated", "signed", "banned",
          "postponed", "expanded", "privatised", "audited", "rebuilt", "sold", "fined", "grounded", "recalled", "taxed")
_OBJECTS = ("the main bridge", "a new tram line", "ferry services", "a credit line for the docks", "an inquiry",
            "water supplies", "the coastal toll", "two districts", "a trade accord", "night flights", "the grain silo",
            "the football stadium", "a vaccine campaign", "the wind farm", "the central library", "a fishing quota",
            "the opera house", "school meals", "the copper mine", "a cycling race", "the tax on sugar",
            "the city zoo", "a chemical plant", "the film festival", "the orbital launch site", "a pension fund",
            "the airport runway", "the jazz festival", "a hospital wing", "the steelworks")
_REASONS = ("after cracks were found", "after a long council debate", "because of storms", "to cut costs",
            "after a warehouse fire", "during repairs", "to pay for roads", "as the river rose", "after a court ruling",
            "over noise complaints", "after a cyber attack", "amid a strike", "after a corruption scandal",
            "following a drought", "after a gas leak", "to meet climate targets", "after protests by farmers",
            "because of a budget shortfall", "after an outbreak of measles", "to attract tourists")
_FILLER = ("Residents gathered near the {place} town hall on {day}.",
           "Traffic from {place} was diverted through {place2}.",
           "Shops in central {place} stayed open.", "The decision follows months of complaints from {place2}.",
           "Schools in {place} were not affected, officials said.",
           "A public meeting in {place} is planned for next week.",
           "Prices in {place} have risen by {pct} percent this year.", "{place} has about {pop} residents.",
           "Critics in {place} said the plan came too late.",
           "The {place} council will review the measure in {months} months.")
_JUNK = ("Subscribe to our newsletter for the latest headlines.", "Read more:",
         "Support independent journalism. Donate today.", "Share this article", "Advertisement")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_SYL) for _ in range(parts)).capitalize()


def _events(rng: random.Random, n: int) -> list[dict[str, str]]:
    events = []
    for _ in range(n):
        verb, obj, why = rng.choice(_VERBS), rng.choice(_OBJECTS), rng.choice(_REASONS)
        events.append({"place": _name(rng, 3), "place2": _name(rng, 2) + " " + rng.choice(("Heights", "Quay", "Vale")),
                       "person": f"{rng.choice(_FIRST)} {_name(rng, 3)}", "role": rng.choice(_ROLES),
                       "verb": verb, "obj": obj, "why": why, "figure": str(rng.randrange(2, 900)),
                       "unit": rng.choice(("million crowns", "workers", "households", "kilometres", "flights")),
                       "day": rng.choice(_DAYS), "month": rng.choice(("March", "April", "May", "June"))})
    return events


def synth_articles(n: int, seed: int = 7) -> Iterator[dict[str, str]]:
    """``n`` distinct articles as JSONL rows (id, title, text, outlet, published, and the event drawn: the gold story,
    which the readers ignore)."""
    rng = random.Random(seed)
    events = _events(rng, max(1, n // 6))
    outlets = [f"The {_name(rng, 2)} {kind}" for kind in ("Courier", "Ledger", "Gazette", "Post", "Wire", "Bugle",
                                                           "Herald", "Observer") for _ in range(6)]
    weights = [1.0 / (k + 1) ** 0.9 for k in range(len(events))]  # a few big stories, a long tail of small ones
    for i in range(n):
        k = rng.choices(range(len(events)), weights)[0]
        e = events[k]
        outlet = rng.choice(outlets)
        cited = rng.choice([o for o in outlets if o != outlet])
        day = rng.randrange(1, 28)
        lead = rng.choice((
            f"Authorities in {e['place']} {e['verb']} {e['obj']} on {e['day']} {e['why']}, "
            f"affecting about {e['figure']} {e['unit']}.",
            f"{e['place']} {e['verb']} {e['obj']} {e['why']}, a move that touches some {e['figure']} {e['unit']}.",
            f"The authorities of {e['place']} have {e['verb']} {e['obj']}; about {e['figure']} {e['unit']} "
            f"are affected, officials said on {e['day']}."))
        detail = (f"{rng.choice(_FIRST)} {_name(rng, 2)}, who lives in {e['place2']}, said {rng.randrange(2, 40)} "
                  f"neighbours had {rng.choice(('left', 'complained', 'signed a petition', 'stayed home'))}.")
        detail2 = rng.choice((
            f"{rng.choice(_FIRST)} {_name(rng, 3)}, a {rng.choice(('baker', 'nurse', 'driver', 'teacher'))} from "
            f"{_name(rng, 2)}, said the {rng.choice(('queue', 'delay', 'wait'))} had lasted "
            f"{rng.randrange(2, 9)} hours.",
            f"In {_name(rng, 3)}, {rng.randrange(3, 400)} people attended a meeting organised by {_name(rng, 2)} "
            f"{rng.choice(('Residents Association', 'Chamber of Commerce', 'Youth Club'))}.",
            f"A survey by {_name(rng, 2)} Institute found that {rng.randrange(20, 80)} percent of respondents "
            f"{rng.choice(('backed', 'opposed', 'had not heard of'))} the measure."))
        quote = rng.choice((f'"We had no other choice," said {e["person"]}, the {e["role"]}.',
                            f'{e["person"]}, the {e["role"]}, said the measure was "necessary and temporary".',
                            f'"This will be reviewed every week," {e["person"]} told reporters.'))
        anon = rng.choice((f"Two {e['place']} officials who spoke on condition of anonymity said the cost could "
                           "double.",
                           f"A senior official in {e['place']}, who asked not to be named, said the plan had been "
                           "ready for weeks.",
                           f"Sources close to the {e['place']} council said a vote was rushed."))
        cite = f"According to {cited}, the figure could reach {int(e['figure']) + rng.randrange(1, 60)} {e['unit']}."
        deny = rng.choice(("", "", f"The opposition in {e['place']} denied that it had been consulted, calling the "
                           "claim false.",
                           f"{e['person']} rejected reports that the decision was taken in {e['month']}."))
        filler = [f.format(day=e["day"], place=e["place"], place2=e["place2"], pct=rng.randrange(2, 19),
                           pop=rng.randrange(3, 90) * 1000,
                           months=rng.randrange(2, 12)) for f in rng.sample(_FILLER, 3)]
        body = [lead, quote, anon, cite, detail, detail2, *filler]
        rng.shuffle(body)
        body.sort(key=lambda x: x is not lead)  # the lead stays first
        if deny:
            body.insert(rng.randrange(3, len(body)), deny)
        junk = rng.sample(_JUNK, 2)
        title = rng.choice((f"{e['place']} {e['verb']} {e['obj']}",
                            f"{e['obj'].capitalize()} {e['verb']} in {e['place']}",
                            f"{e['place']}: {e['person']} defends decision on {e['obj']}"))
        text = "\n\n".join([title, *body[:3], junk[0], *body[3:], junk[1], f"Reporting by {_name(rng)} {i}"])
        month = {"March": 3, "April": 4, "May": 5, "June": 6}[e["month"]]
        yield {"id": f"synth-{i}", "title": title, "text": text, "outlet": outlet,
               "published": f"2031-{month:02d}-{day:02d}", "event": k}


def write_corpus(path: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` articles to ``path`` (JSONL); returns the words written."""
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for row in synth_articles(n, seed):
            words += len(row["text"].split())
            fh.write(json.dumps(row) + "\n")
    return words


if __name__ == "__main__":
    import sys

    print(write_corpus(Path(sys.argv[1]), int(sys.argv[2])))
