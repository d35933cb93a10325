"""Fictional articles (outlets, people, places and events invented for newsprism's tests)."""

WIRE = (
    "Dock workers at the Port of Velmora walked off the job on Tuesday after talks over a new contract collapsed "
    "late on Monday night. The Velmora Dockers Union said about 2,400 members joined the strike, halting the "
    "loading of grain ships bound for the southern coast. Union leader Marta Olsberg said the port authority had "
    "refused to discuss overtime rules that workers call unsafe. \"We will stay out until the authority comes back "
    "to the table,\" Olsberg told reporters outside the main gate. The port authority said in a statement that "
    "its final offer included a 6 percent raise over three years. Port director Anselm Kray accused the union of "
    "walking away from a fair deal and warned that shipping lines could divert cargo to rival harbours. "
    "Grain traders in Velmora said prices for export wheat rose 4 percent by midday as buyers waited for news. "
    "The regional labour mediator, Irena Podesta, said she would invite both sides to new talks on Thursday. "
    "The last strike at the port, in 2019, lasted eleven days and cost the regional economy an estimated "
    "38 million crowns. Farm groups urged the government to step in before the autumn harvest reaches the docks. "
    "Several cruise ships scheduled to call at Velmora this week have already changed their routes."
)

# The same wire copy under a new headline, with the last three sentences cut.
TRIMMED = WIRE.rsplit(" The last strike", 1)[0]

# A content-farm rewrite: same facts and order, other words, crediting the wire outlet.
PARAPHRASE = (
    "Harbour staff at Velmora's port stopped working Tuesday once contract negotiations broke down on Monday "
    "night, the Coastal Wire reported. Around 2,400 members of the Velmora Dockers Union took part in the strike, "
    "which stopped grain ships bound for the southern coast from being loaded. Marta Olsberg, the union leader, "
    "said the port authority would not discuss the overtime rules which workers consider unsafe. Speaking outside "
    "the main gate, Olsberg said the strike would continue until the authority returns to negotiations. In a "
    "statement, the port authority said its final offer contained a raise of 6 percent across three years. "
    "Anselm Kray, the port director, said the union walked away from a fair deal and warned shipping lines "
    "might send their cargo to rival harbours. Traders in Velmora said export wheat prices climbed 4 percent by "
    "midday while buyers waited. Irena Podesta, the regional labour mediator, said both sides would be invited to "
    "fresh talks on Thursday."
)

# An independent report of the same event: its own reporting, one shared quote.
INDEPENDENT = (
    "Silence fell over the cranes of Velmora on Tuesday. Our reporter spent the morning with strikers who said "
    "they had been working double shifts since the spring without proper rest breaks. \"We will stay out until "
    "the authority comes back to the table,\" Marta Olsberg said to cheers outside the gate. A crane operator "
    "with nineteen years at the port described near misses on the night shift and said younger colleagues were "
    "afraid to complain. Shop owners near the harbour worried about losing the busy cruise season. The port "
    "authority did not answer our questions about the safety complaints, but a spokeswoman pointed to the "
    "raise already on the table. Economists at Velmora University expect the stoppage to weigh on exports if it "
    "lasts into next week, and a city councillor called for the mayor to host talks."
)

# Another story on the same subject: a different port, a different dispute, two weeks later.
OTHER_STRIKE = (
    "Workers at the Port of Dunmarrow began a forty-eight hour stoppage on Friday in a dispute over pension "
    "contributions, the Dunmarrow Harbour Workers Association said. About 900 crane and tug crews took part, and "
    "container traffic at the eastern terminal came to a standstill. Association secretary Piet Valdane said "
    "members had rejected a pension plan that would cut payouts for new staff. The Dunmarrow port company said it "
    "had made three offers since the summer and called the stoppage regrettable. Ferry services to the outer "
    "islands were not affected. Dunmarrow handles mostly containers and timber, and shippers said the short "
    "stoppage would delay but not divert cargo. The union plans a ballot on further action next month."
)

# A follow-up weeks later on the Velmora dispute: related, not the same story.
FOLLOW_UP = (
    "Dock workers at the Port of Velmora voted on Monday to accept a new contract, ending a dispute that began "
    "with a strike in the spring. The Velmora Dockers Union said 81 percent of members backed the agreement, "
    "which rewrites the overtime rules and adds a 7 percent raise over three years. Union leader Marta Olsberg "
    "called the vote a victory for safety. Port director Anselm Kray said grain exports would return to normal "
    "within days. The regional labour mediator, Irena Podesta, had brokered the final round of talks."
)
