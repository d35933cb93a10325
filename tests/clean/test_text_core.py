"""Where the plain-text classifier puts the article body on whole scraped pages (invented outlets and events):
a long teaser list or a leaked script must not outweigh a shorter article, a lead paragraph above a photo gallery
stays, a table inside the body does not cut it, and an author box above the article still goes."""

from __future__ import annotations

from newsprism.clean.text import clean_text

NAV = ["Home", "World", "Region", "Business", "Culture", "Sport", "Weather", "Podcasts", "Search"]

ARTICLE = [
    "The ferry company of the Skerra islands will put a second boat on the morning crossing from May, its director "
    "Amund Velle told the harbour council on Tuesday, after three winters of complaints from islanders.",
    "Islanders had collected more than two thousand signatures for an earlier boat, saying that pupils and nurses "
    "reached the mainland too late for school and for the first shift at the county hospital.",
    "The new boat, a converted cargo vessel bought from a shipyard in the north, will carry up to eighty passengers "
    "and twelve cars, and the company expects the crossing to take forty minutes in good weather.",
    "Council members welcomed the plan but asked who would pay for the extra crew, since the current contract "
    "with the county only covers two daily departures in each direction until the end of next year.",
]

TEASERS = [
    "A retired lighthouse keeper on Norra Skerra has spent eleven years restoring the lamp room, and this summer "
    "visitors will be able to climb the tower for the first time in half a century, the trust said",
    "Fishermen in the southern harbours say the mackerel season started three weeks early this year, and prices "
    "at the Lowmoor auction have fallen to their lowest level since the market was rebuilt",
    "The county's plan to merge the two island schools has split parents, with some fearing long journeys for "
    "the youngest pupils and others hoping for more teachers and a new sports hall by autumn",
    "A storm that crossed the islands on Sunday night tore the roof off the old net store in Velmo and cut power "
    "to several hundred homes for most of Monday morning, the grid company confirmed",
    "Volunteers counted more than four hundred grey seals on the outer skerries this spring, the highest number "
    "since counting began, and the wildlife group wants boats to keep a wider distance",
    "The island brewery that opened in a former ferry waiting room has won a regional prize for its dark ale and "
    "plans to double its output once the new cold store is finished next month",
    "Builders have begun work on twelve rental flats above the harbour shop, the first new homes on Skerra in a "
    "decade, though the waiting list already runs to more than forty households",
    "The regional choir festival returns to the Skerra church in June after a four-year break, with singers from "
    "both coasts and a closing concert on the quay if the weather holds for once",
    "A survey of the causeway found deep cracks under the second span, and engineers say heavy lorries may have to "
    "wait for the ferry until the repairs are done sometime in the late autumn",
]


def _page(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part) + "\n"


def _kept(text: str) -> list[str]:
    return clean_text(text).text.split("\n")


def test_article_outweighs_a_longer_teaser_list() -> None:
    """Nine teasers, each wrapped in a kicker and a headline, hold more text than the article: the body is the
    article, packed paragraph after paragraph, and the teasers go."""
    footer = ["Tags", "Ferries", "Skerra", "Harbour council", "Share", "Print", "Email", "Comments",
              "About us", "Contact", "Jobs", "Imprint", "Privacy", "Terms", "Advertise", "Archive",
              "Newsletters", "Apps", "Podcasts", "Events", "Shop", "Help", "Sitemap", "RSS", "Corrections"]
    teasers = [line for k, t in enumerate(TEASERS) for line in ("Islands", f"Island story number {k + 1}", t)]
    kept = _kept(_page(NAV, ["Second morning ferry for Skerra from May"], ARTICLE, footer, teasers))
    for paragraph in ARTICLE:
        assert paragraph in kept
    for teaser in TEASERS:
        assert teaser not in kept


def test_minified_script_is_not_taken_for_the_body() -> None:
    """Long lines of script have no spaces between their words: not prose, so they cannot become the body."""
    script = ['!function(e,t){"object"==typeof exports&&"undefined"!=typeof module?module.exports=t():"function"=='
              'typeof define&&define.amd?define(t):(e=e||self).skerraWidget=t()}(this,function(){"use strict";var e='
              f'function(e,t){{return e.filter(function(n){{return n.id!==t}})}};return{{load:e,version:"{k}.0"}}}});'
              for k in range(4)]
    kept = _kept(_page(script, NAV, ["Second morning ferry for Skerra from May"], ARTICLE[:2]))
    assert ARTICLE[0] in kept and ARTICLE[1] in kept
    assert not any(line.startswith("!function") for line in kept)


GALLERY = ["Gallery", "The old ferry at the quay", "Islanders waiting in the rain", "The new vessel in dry dock",
           "Director Amund Velle", "The morning fog over the sound", "Cars queueing at the ramp",
           "The harbour council in session", "Close gallery", "Previous", "Next"]


def test_lead_paragraph_above_a_photo_gallery_stays() -> None:
    """A lead paragraph far above the main run of prose (a gallery in between) is still article text."""
    lead = ("Ferry passengers on the Skerra route will get an earlier boat this spring, ending years of complaints "
            "from island families about missed school buses and late shifts on the mainland.")
    body = [*ARTICLE, *(p.replace("Skerra", "Norra Skerra") for p in ARTICLE)]
    kept = _kept(_page(NAV, [lead], GALLERY, body))
    assert lead in kept
    assert "Islanders waiting in the rain" not in kept


def test_author_box_above_the_article_goes() -> None:
    """The lead-paragraph rule keeps prose above the body, but not a box that introduces the author."""
    bio = ("Lena Vossberg ist Redakteurin im Ressort Wirtschaft und schreibt seit vielen Jahren über Häfen, Fähren, "
           "Energie und die Werften an der Küste von Skerra.")
    cleaned = clean_text(_page(NAV, [bio], GALLERY, ARTICLE, ARTICLE))
    assert bio not in cleaned.text
    assert (bio, "author-bio") in {(t, c) for t, c, _, _ in cleaned.removed}


def test_table_inside_the_body_does_not_cut_it() -> None:
    """Table cells (short lines with figures) between two parts of the article do not split the body."""
    table = ["Crossing", "Departures", "Passengers"] + [cell for k in range(9) for cell in
                                                        (f"Route {k + 1}", f"{k + 2}", f"{(k + 3) * 110}")]
    closing = ("The county will decide on the extra crew in June, and the company says the second boat can sail "
               "from the first week of May if the money is found in time for the summer timetable.")
    kept = _kept(_page(NAV, ["Second morning ferry for Skerra from May"], ARTICLE, ["Crossings last year"], table,
                       [closing, ARTICLE[3].replace("Council", "Island")], ["Share", "Print"]))
    assert closing in kept


def test_cjk_punctuation_is_not_rewritten_as_ascii() -> None:
    """NFKC would turn "，" into "," and "（" into "(": a quotation from a Chinese page must read as it does there.
    Other compatibility forms still fold (ligatures, full-width Latin letters, the ideographic space)."""
    from newsprism.clean.text import normalize_line

    assert normalize_line("他说，“我们不会放弃！”（记者）") == "他说，“我们不会放弃！”（记者）"
    assert normalize_line("ﬁｎｅ\u3000ﬂows：ok") == "fine flows：ok"
    assert normalize_line("问题是什么？") == "问题是什么？"
