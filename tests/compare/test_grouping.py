"""Grouping (``newsprism.compare.grouping``): which propositions of a story state one thing."""

from __future__ import annotations

import numpy as np

from newsprism.compare.align import Proposition
from newsprism.compare.grouping import group_propositions
from newsprism.records import Claim
from newsprism.resources import Resources
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


def _props(resources: Resources, text: str) -> Proposition:
    from newsprism.compare.align import claim_propositions

    doc = resources.nlp(text)
    negated = any(t.dep_ == "neg" or (t.dep_ == "det" and t.lower_ == "no") for t in doc)
    return claim_propositions(Claim(id="c", article_id="a", text=text, negated=negated), doc)[0]


def test_a_negation_on_a_light_verbs_object_negates_that_object(resources: Resources) -> None:
    """"had no excuses" beside "pleaded guilty to misusing funds" admits, it does not deny; "was not an attempt to
    label the movement as racist" beside a resolution on racists in the movement does take the other side."""
    from newsprism.compare.grouping import group_frame, negates_other_thing

    plea = _props(resources, "Varro pleaded guilty to misusing campaign funds for personal expenses.")
    excuses = _props(resources, "Varro said he had no excuses for his conduct.")
    assert excuses.negated == frozenset({"excuse", "conduct"})
    assert negates_other_thing(excuses, group_frame([plea, excuses], [0, 1], False))
    resolution = _props(resources, "The league adopted a resolution condemning racist elements in the movement.")
    attempt = _props(resources, "The chairman said the resolution was not an attempt to label the movement as racist.")
    assert not negates_other_thing(attempt, group_frame([resolution, attempt], [0, 1], False))
    asked = _props(resources, "Morvania asked Estraland for fighter jets.")
    not_asked = _props(resources, "Morvania has not asked Estraland for fighter jets, the ministry said.")
    assert not_asked.negated == frozenset({"ask"})
    assert not negates_other_thing(not_asked, group_frame([asked, not_asked], [0, 1], False))


def test_a_negated_ability_duty_or_topic_is_no_contradiction(resources: Resources) -> None:
    """"Couples will not be able to file as single" and "couples do not have to file amended returns" beside
    "married couples can file joint returns" negate an ability or a duty, not the filing; "this is not about
    Orr" turns the topic, it does not deny what is said of Orr."""
    from newsprism.compare.grouping import contradicts, group_frame, negates_other_thing

    joint = _props(resources, "Married couples in Varia can file joint tax returns from next year.")
    single = _props(resources, "Married couples will not be able to file tax returns as if either were single.")
    amended = _props(resources, "Couples do not have to file amended returns, a treasury official said.")
    frame = group_frame([joint, single, amended], [0, 1, 2], False)
    assert negates_other_thing(single, frame) and negates_other_thing(amended, frame)
    offer = _props(resources, "The council offered Mr. Orr a post on its advisory board.")
    topic = _props(resources, "\u201cThis is not about Mr. Orr,\u201d the councillor said.")
    assert not contradicts(topic, group_frame([offer, topic], [0, 1], False))
    fined = _props(resources, "Harbour Freight overcharged small traders in Varia, a court found.")
    issue = _props(resources, "The issue before the judges was not whether Harbour Freight overcharged small traders.")
    assert not contradicts(issue, group_frame([fined, issue], [0, 1], False))


def test_silence_is_no_contradiction(resources: Resources) -> None:
    """"Estraland has said almost nothing" beside "Estraland would weigh the request" negates an act of speaking:
    silence, not the opposite of the row; "no one was killed" beside "twelve were killed" still contradicts."""
    from newsprism.compare.grouping import contradicts, group_frame

    weigh = _props(resources, "Analysts said Estraland would weigh the request from Morvania carefully.")
    silent = _props(resources, "Estraland, for its part, has said almost nothing.")
    assert not contradicts(silent, group_frame([weigh, silent], [0, 1], False))
    killed = _props(resources, "Twelve people were killed in the fire at the Esk dam.")
    none = _props(resources, "No one was killed in the fire at the Esk dam.")
    assert contradicts(none, group_frame([killed, none], [0, 1], False))


def test_a_predicate_keeps_its_particle(resources: Resources) -> None:
    """"the meeting broke up" and "broke the impasse" are two predicates (a row whose members share a predicate
    may join its sibling row; these two never do on the predicate alone)."""
    broke_up = _props(resources, "The second meeting with the council broke up with no apparent deal.")
    broke = _props(resources, "The mayor and the council broke the impasse over the harbour budget.")
    impasse = _props(resources, "The mayor and the council could not break an impasse over the harbour budget.")
    assert broke_up.predicate == "break up" and broke.predicate == "break"
    assert impasse.negated == frozenset({"break"})


def test_a_condition_is_no_contradiction(resources: Resources) -> None:
    """"could not be issued without the support of X" states a condition, not the opposite of "X issued them"."""
    from newsprism.compare.grouping import contradicts, group_frame

    issued = _props(resources, "The committee issued subpoenas to three witnesses with support from its members.")
    cond = _props(resources, "The subpoenas could not be issued without support from the committee's members.")
    assert not contradicts(cond, group_frame([issued, cond], [0, 1], False))


def test_a_negation_contradicts_only_what_the_row_asserts(resources: Resources) -> None:
    """"Varnia has not asked Estran for jets" denies "Varnia asked Estran for jets"; a negated sentence that only
    shares two of the row's words under another predicate, or says what ought not to be, denies nothing."""
    from newsprism.compare import _stance
    from newsprism.compare.grouping import group_frame

    def stance(row: str, other: str) -> str:
        a, b = _props(resources, row), _props(resources, other)
        return _stance(b, False, group_frame([a], [0], False), None, frozenset({a.predicate}))

    assert stance("Varnia asked Estran for fighter jets last month.",
                  "Varnia has not asked Estran for fighter jets, the ministry said.") == "denies"
    assert stance("The supreme court ruled that the new law on ports was lawful.",
                  "\"The supreme court is not the supreme being,\" the senator said.") != "denies"
    assert stance("The party elected Ada Quell as its chairman on Friday.",
                  "\"One of them shouldn't be the chairman of the party,\" the senator said.") != "denies"
    # the verb under the row's light verb, and the same light verb with what it negates
    assert stance("The mayor insists he will make the port authority pay for the new quay wall.",
                  "Former mayor Ada Quell says the port authority will not pay for a quay wall.") == "denies"
    assert stance("\"We're the only country in the world where a baby born here is a citizen,\" the president said.",
                  "The country is not the only country in the world to make a baby born here a citizen.") == "denies"
    assert stance("Ada Quell went online on Tuesday night to express regret for the photograph.",
                  "As for his recent collaboration with Quell, he doesn't regret it.") != "denies"


def test_groups_counting_one_thing_join_below_the_threshold() -> None:
    """"The fire service has put the death toll at 12" and "Fourteen people died, the hospital said" sit below the
    grouping threshold; counting the same thing, their groups join (the verdict then notes figures that differ).
    A count of another thing (the injured) or a sentence with no count at the same distance stays apart."""
    from newsprism.compare.grouping import _merge_counts

    texts = ["The fire service has put the death toll at 12.",
             "Fourteen people died in the fire, the hospital said.",
             "About 30 people were injured, according to the fire service.",
             "The fire service said the cause of the fire was unknown."]
    props = [Proposition(claim=Claim(id=f"c{k}", article_id=f"a{k}", text=t), core=t, variant=0, negative=False,
                         entities=frozenset(), values=(), predicate="") for k, t in enumerate(texts)]
    sim = np.full((4, 4), 0.45)
    np.fill_diagonal(sim, 1.0)
    merged = _merge_counts([[0], [1], [2], [3]], props, sim, 0.38)
    assert sorted(map(sorted, merged)) == [[0, 1], [2], [3]]
    assert sorted(map(sorted, _merge_counts([[0], [1], [2], [3]], props, sim, 0.5))) == [[0], [1], [2], [3]]


def test_counts_of_different_incidents_stay_apart() -> None:
    """"An air strike killed 12 people in Velmar" and "a rocket killed three people in Ostrava" count two things."""
    from newsprism.compare.grouping import _merge_counts

    texts = ["An air strike killed 12 people in Velmar on Monday, medics said.",
             "A rocket killed three people in Ostrava on Monday, police said.",
             "At least 14 people were killed in Velmar, the health ministry said."]
    places = [frozenset({"velmar"}), frozenset({"ostrava"}), frozenset({"velmar"})]
    props = [Proposition(claim=Claim(id=f"c{k}", article_id=f"a{k}", text=t), core=t, variant=0, negative=False,
                         entities=places[k], values=(), predicate="kill") for k, t in enumerate(texts)]
    sim = np.full((3, 3), 0.45)
    np.fill_diagonal(sim, 1.0)
    merged = _merge_counts([[0], [1], [2]], props, sim, 0.38)
    assert sorted(map(sorted, merged)) == [[0, 2], [1]]


def test_what_never_happened_before_is_no_contrary_of_a_first_time(resources: Resources) -> None:
    """"The mayor had never had a veto overridden" tells the same news as "the first time the council has had the
    votes to overrule the mayor on a veto": it is judged against nothing of that row; "the council has never
    overruled the mayor" is still judged against the row's words."""
    from newsprism.compare import judged_frame

    row = _props(resources, "It is the first time the council has had the votes to overrule the mayor on a veto.")
    before = _props(resources, "In two full terms, the mayor had never had a veto overridden by the council.")
    now = _props(resources, "The council has never overruled the mayor on a veto, the clerk said.")
    assert judged_frame([row, before], [0], before, False) == frozenset()
    assert judged_frame([row, now], [0], now, False)


def test_a_doubt_negated_grants_what_it_would_have_doubted(resources: Resources) -> None:
    """"He never questioned the mayor's faith" is not the opposite of "the mayor is a believer": a doubt or
    challenge negated grants it. Other negations stay negative."""
    from newsprism.compare.align import propositions

    granted = Claim(id="g1", article_id="g", text="Vell said he never questioned the mayor's faith.", negated=True)
    undisputed = Claim(id="g2", article_id="g", text="The ministry did not dispute the figures.", negated=True)
    denied = Claim(id="g3", article_id="g", text="Vell said he never met the mayor.", negated=True)
    props = {p.claim.id: p.negative for p in propositions([granted, undisputed, denied], resources.nlp)}
    assert props == {"g1": False, "g2": False, "g3": True}
