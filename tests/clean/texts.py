"""Texts written for the cleaning tests, shared by the line and block model tests."""

PARAGRAPHS = [
    "The city council voted on Tuesday to rebuild the old river bridge, ending a debate that had lasted three years.",
    "Engineers had warned in a report last spring that the bridge's steel supports were corroding faster than "
    "expected, and that heavy lorries should be kept off it until repairs were done.",
    "The new bridge will have two lanes for cars, a separate path for cyclists and a wider pavement, the council "
    "said in a statement after the vote, which passed by eleven votes to four.",
    "Opponents said the cost, estimated at forty million euros, was too high for a town of its size, and asked for "
    "the money to be spent on schools and the hospital instead.",
    "Work is expected to start next summer and to take about two years, during which a temporary ferry will carry "
    "pedestrians across the river every fifteen minutes.",
    "Local shop owners on both banks welcomed the decision, saying the closure of the bridge to lorries had cut "
    "their deliveries and their trade since the spring.",
]
