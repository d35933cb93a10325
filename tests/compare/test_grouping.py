"""Grouping (``newsprism.compare.grouping``): which propositions of a story state one thing."""

from __future__ import annotations

import numpy as np

from newsprism.compare.align import Proposition
from newsprism.compare.grouping import group_propositions
from newsprism.records import Claim
from newsprism.settings import Settings


def test_what_a_response_left_out_is_no_member_of_the_claims_row() -> None:
    """"The statement did not directly dispute that the mayor sold the land" neither tells nor denies the sale:
    however close its words, it leaves the sale's row."""
    texts = ["The mayor sold the harbour land to a developer, the Ledger reported.",
             "Officials said the mayor had sold the harbour land to a developer.",
             "The council's statement did not directly dispute that the mayor sold the harbour land to a developer."]
    props = [Proposition(claim=Claim(id=f"c{k}", article_id=f"a{k}", text=t), core=t, variant=0, negative=False,
                         entities=frozenset({"mayor"}), values=(), predicate="sell") for k, t in enumerate(texts)]
    rng = np.random.default_rng(3)
    base = rng.normal(size=16)
    vecs = np.stack([base + 0.05 * rng.normal(size=16) for _ in texts]).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    clusters, _ = group_propositions(props, vecs, Settings())
    assert sorted(map(sorted, clusters)) == [[0, 1], [2]]
