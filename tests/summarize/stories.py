"""Small stories written for these tests: fictional outlets, people and places."""

from __future__ import annotations

from newsprism.records import Article, ClaimGroup, ClaimSource, Removed, Story

CLAIM = ("Valdoria asked Kestrel for artillery shells and armoured vehicles last month, according to "
         "officials in Port Amsel.")
DENIAL = "Valdoria has not asked Kestrel for any weapons, government spokesman Ilya Marenko said on Tuesday."


def disputed_story() -> tuple[Story, list[Article]]:
    a = Article(id="a1", outlet="Harbor Gazette", published="2023-05-10", title="Valdoria sought arms from Kestrel",
                text=(f"{CLAIM} The request included 40,000 shells, the officials said.\n"
                      "Finance minister Oda Renn will travel to Kestrel next week to discuss trade.\n"
                      "The two countries signed a grain deal in March."),
                removed=(Removed(text="Subscribe to the Harbor Gazette newsletter for daily updates on Valdoria.",
                                 category="newsletter"),))
    b = Article(id="b1", outlet="Lakeside Courier", published="2023-05-10", title="Valdoria denies arms request",
                text=(f"{DENIAL} Marenko called the report an invention of foreign media.\n"
                      "Valdoria requested artillery shells and armoured vehicles from Kestrel, officials in Port "
                      "Amsel told reporters.\n"
                      "Oda Renn, the finance minister, is expected to visit Kestrel next week for trade talks."))
    c = Article(id="c1", outlet="Northern Ledger", published="2023-05-11", title="Kestrel weighs Valdoria request",
                text=("Kestrel's parliament debated a new port tax on Wednesday, with a vote due in June.\n"
                      "Grain exports from Kestrel fell by a third this spring as storms closed the northern "
                      "harbours.\nFinance minister Oda Renn plans to visit Kestrel next week for talks on trade."))
    arts = [a, b, c]
    group = ClaimGroup(id="g1", text="Valdoria asked Kestrel for weapons", status="disputed", sources=(
        ClaimSource(article_id="a1", outlet="Harbor Gazette", stance="attributes", text=CLAIM),
        ClaimSource(article_id="b1", outlet="Lakeside Courier", stance="denies", text=DENIAL,
                    attributed_to="Ilya Marenko")))
    story = Story(id="s1", title="Valdoria", article_ids=tuple(x.id for x in arts), claims=(group,))
    return story, arts


REWRITTEN = "The Orlan dam will be demolished by the end of the year, the regional water board said on Friday."
CORROBORATED_A = "Heavy rain flooded the lower town of Mirevale on Thursday, forcing 300 residents from their homes."
CORROBORATED_B = "Floods forced 300 residents of Mirevale's lower town from their homes after heavy rain on Thursday."


def rewrite_story() -> tuple[Story, list[Article]]:
    """One original dam report and two rewrites of it; the flood is reported by two independent outlets."""
    orig = Article(id="o1", outlet="Vale Post", published="2023-09-16",
                   text=f"{REWRITTEN}\nThe board cited safety reports dating back a decade.")
    rw1 = Article(id="r1", outlet="Daily Sift", published="2023-09-16", derived_from=("o1",),
                  text=f"{REWRITTEN}\nLocal anglers have long opposed the dam.")
    rw2 = Article(id="r2", outlet="Newsline Hub", published="2023-09-17", derived_from=("o1",),
                  text=f"{REWRITTEN}\nThe dam was built in 1931.")
    f1 = Article(id="f1", outlet="Mirevale Times", published="2023-09-16",
                 text=f"{CORROBORATED_A}\nVolunteers set up a shelter in the school gym.")
    f2 = Article(id="f2", outlet="River Herald", published="2023-09-16",
                 text=f"{CORROBORATED_B}\nThe mayor asked for help from the province.")
    arts = [orig, rw1, rw2, f1, f2]
    return Story(id="s2", title="Mirevale", article_ids=tuple(a.id for a in arts)), arts
