"""Stance backends: the offline rules backend on texts written here, and the NLI plumbing with a tiny model."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.errors import ModelMissingError
from newsprism.resources import Resources
from newsprism.settings import Settings
from newsprism.stance import (
    LABELS,
    NLIBackend,
    RulesBackend,
    cues_of,
    get_backend,
    sentence_stance,
    split_sentences,
    stance_of_texts,
)

CLAIM = "The Orrin city council voted to close the Lantern Street library."
REPORTS = ("The Orrin city council voted on Tuesday to close the Lantern Street library. The branch will shut in "
           "March. Its books will move to the central library.")
ATTRIBUTES = ("The Orrin city council voted to close the Lantern Street library, according to two council members "
              "who spoke on condition of anonymity. The vote has not been announced.")
DENIES = ("Council speaker Mara Quill denied that the council voted to close the Lantern Street library. \"The "
          "report is false. There was no vote,\" she said. The rumour spread on social media on Monday.")
DOUBTS = ("Posts on social media claim the Orrin council voted to close the Lantern Street library. The Orrin "
          "Ledger was unable to verify the claims, and there is no evidence that a vote took place.")
UNRELATED = ("The Harbin Falcons won the regional rowing final on Sunday. The crew beat the Lakeside team by two "
             "lengths in strong wind.")


def test_cues() -> None:
    assert cues_of("Officials denied the report.").deny
    assert cues_of("The agency was unable to verify the claims.").doubt
    assert cues_of("Russia would have asked for help.").hedge
    assert cues_of("according to people familiar with the matter").anonymous
    assert not cues_of("The council voted to close the library.").deny


def test_sentence_stance_rules() -> None:
    plain = cues_of("The council voted to close the library.")
    assert sentence_stance(plain, opposite=False, attributed=False) == "reports"
    assert sentence_stance(plain, opposite=False, attributed=True) == "attributes"
    assert sentence_stance(plain, opposite=True, attributed=True) == "denies"
    hedged = cues_of("The council apparently did not vote.")
    assert sentence_stance(hedged, opposite=True, attributed=False) == "doubts"


def test_split_sentences() -> None:
    parts = split_sentences('He said: "It is done." Then he left the hall.\n\nA new paragraph starts here.')
    assert len(parts) == 3


def test_rules_backend_stances(resources: Resources) -> None:
    backend = RulesBackend(resources)
    texts = [REPORTS, ATTRIBUTES, DENIES, DOUBTS, UNRELATED]
    got = [r.stance for r in backend.judge([CLAIM] * len(texts), texts)]
    assert got == ["reports", "attributes", "denies", "doubts", "unrelated"]


CAVEAT = ("The Orrin city council voted to close the Lantern Street library, two council members said on Monday. "
          "The account could not be independently verified. The library opened in 1961 and lends 40,000 books "
          "a year, the council's website says.")
NO_COMMENT = ("The Orrin city council voted on Tuesday to close the Lantern Street library. The branch will shut in "
              "March. The mayor's office did not respond to a request for comment.")
HOAX = ("A post saying the Orrin city council voted to close the Lantern Street library went viral on Monday. "
        "The post was a hoax: the council has not met since June. Fact-checkers at the Orrin Ledger debunked it.")


def test_rules_backend_body_cues(resources: Resources) -> None:
    """A routine caveat relays, an unrelated negation does not deny, refutation language debunks."""
    got = [r.stance for r in RulesBackend(resources).judge([CLAIM] * 3, [CAVEAT, NO_COMMENT, HOAX])]
    assert got[0] == "attributes"
    assert got[1] == "reports"
    assert got[2] in {"denies", "doubts"}


HEARSAY = "The Orrin city council reportedly voted to close the Lantern Street library."


def test_rules_backend_hearsay_claim(resources: Resources) -> None:
    """A claim worded as hearsay or as someone's statement is only relayed by a text that restates or doubts it;
    a refutation still denies."""
    backend = RulesBackend(resources)
    got = [r.stance for r in backend.judge([HEARSAY] * 3, [REPORTS, DOUBTS, DENIES])]
    assert got == ["attributes", "attributes", "denies"]
    sourced = "The Orrin city council voted to close the Lantern Street library, council aides say."
    assert backend.judge([sourced], [REPORTS])[0].stance == "attributes"
    assert backend.judge([CLAIM], [REPORTS])[0].stance == "reports"


MOSTLY_HEARSAY = ("The Orrin city council voted to close the Lantern Street library. The closure was reportedly "
                  "approved after a budget shortfall, according to a council aide. The library may have lost half "
                  "its readers since 2015, local bloggers claim.")


def test_rules_backend_hedged_text_relays(resources: Resources) -> None:
    """One plain sentence does not make a text that hedges most of what it says on the claim report it."""
    got = [r.stance for r in RulesBackend(resources).judge([CLAIM] * 2, [MOSTLY_HEARSAY, REPORTS])]
    assert got == ["attributes", "reports"]


DENIAL = "Orrin council denies voting to close the Lantern Street library."
RELAYS_STORY = ("Two council members claim the Orrin city council voted to close the Lantern Street library. The vote "
                "reportedly took place behind closed doors on Monday.")


def test_rules_backend_denial_claim(resources: Resources) -> None:
    """On a claim that is a denial: denying agrees, telling the story plainly contradicts, hearsay relays."""
    got = [r.stance for r in RulesBackend(resources).judge([DENIAL] * 3, [DENIES, REPORTS, RELAYS_STORY])]
    assert got == ["reports", "denies", "attributes"]
    # a denial is someone's statement by nature: sourcing it does not distance the text from it
    sourced = ("The Orrin city council did not vote to close the Lantern Street library, according to council "
               "speaker Mara Quill. No vote on the branch was held this year, according to the council minutes.")
    assert RulesBackend(resources).judge([DENIAL], [sourced])[0].stance == "reports"


NEGATED = "The Orrin city council did not vote to close the Lantern Street library."
NO_VOTE = ("The Orrin city council did not vote on the Lantern Street library on Tuesday. The branch stays open "
           "for now, and its books stay on the shelves.")


HEARSAY_STORY = ("The Orrin city council reportedly voted to close the Lantern Street library. The closure would "
                 "have been approved on Tuesday, council aides claim.")


def test_negated_claim_scope() -> None:
    """Only a negated main statement makes a claim a denial, not a negation inside a quote or an adverb."""
    from newsprism.stance import _negated

    assert _negated(NEGATED)
    assert _negated("No, the Orrin council has not sold the ferry")
    assert _negated("Mayor Quill isn't leaving office")
    assert not _negated("Orrin marchers chant 'we won't go home' at the council")
    assert not _negated("The Orrin ferry is better not rushed, the council decides")


def test_denial_claim_detection() -> None:
    """A denial word makes a claim a denial unless it is itself negated; idioms are no denials."""
    from newsprism.stance import _denial_claim

    assert _denial_claim(DENIAL)
    assert _denial_claim("The Orrin library closure story is a hoax")
    assert _denial_claim(NEGATED)
    assert not _denial_claim("The Orrin library closure is no hoax, the mayor says")
    assert not _denial_claim("Orrin council has made up its mind on the Lantern Street library")
    assert not _denial_claim(CLAIM)


REBUTS = ("The Orrin city council pushed back on Tuesday against the story that it voted to close the Lantern "
          "Street library. In fact the library stays open, and its hours grow in March.")


def test_rules_backend_rebuttal_agrees_with_denial(resources: Resources) -> None:
    """A rebuttal ("pushed back against the story", "in fact") agrees with a claim that is a denial."""
    assert RulesBackend(resources).judge([DENIAL], [REBUTS])[0].stance == "reports"


def test_rules_backend_negated_claim(resources: Resources) -> None:
    """A claim that negates what it tells is a denial: a plain negation agrees, the story told plainly contradicts,
    the story told as hearsay only relays (it does not doubt the negated claim)."""
    got = [r.stance for r in RulesBackend(resources).judge([NEGATED] * 3, [NO_VOTE, REPORTS, HEARSAY_STORY])]
    assert got == ["reports", "denies", "attributes"]


def test_stance_of_texts_api(resources: Resources, settings: Settings) -> None:
    rows = stance_of_texts(CLAIM, [REPORTS, UNRELATED], resources=resources, settings=settings)
    assert [r["stance"] for r in rows] == ["reports", "unrelated"]
    assert all(set(r) >= {"stance", "score", "evidence"} and r["stance"] in LABELS for r in rows)
    assert rows[0]["evidence"]
    with pytest.raises(ValueError):
        stance_of_texts("  ", [REPORTS], resources=resources, settings=settings)


def test_backend_selection(resources: Resources) -> None:
    assert get_backend(resources, Settings()).name == "rules"
    with pytest.raises(ModelMissingError):
        get_backend(resources, Settings(stance_backend="nli"))
    with pytest.raises(ValueError):
        get_backend(resources, Settings(stance_backend="crystal-ball"))
    with pytest.raises(ValueError):
        RulesBackend(resources, related=1.5)


def _tiny_nli(path: Path) -> Path:
    """A randomly initialised, tiny BERT NLI classifier with a tokenizer built from a small vocabulary."""
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    words = sorted({w.strip('.,"').lower() for t in (CLAIM, REPORTS, DENIES, DOUBTS, UNRELATED) for w in t.split()})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *[w for w in words if w]]
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(path / "vocab.txt"), do_lower_case=True)
    config = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=128, num_labels=3,
                        id2label={0: "contradiction", 1: "entailment", 2: "neutral"},
                        label2id={"contradiction": 0, "entailment": 1, "neutral": 2})
    BertForSequenceClassification(config).save_pretrained(str(path))
    tokenizer.save_pretrained(str(path))
    return path


def test_nli_backend_plumbing(tmp_path: Path, resources: Resources) -> None:
    model = _tiny_nli(tmp_path)
    backend = get_backend(resources, Settings(stance_backend="nli", nli_model=str(model)))
    assert isinstance(backend, NLIBackend)
    results = backend.judge([CLAIM] * 3, [REPORTS, DENIES, UNRELATED])
    assert len(results) == 3
    assert results[2].stance == "unrelated"  # the embedding gate runs before the cross-encoder
    assert all(r.stance in LABELS and 0.0 <= r.score <= 1.0 for r in results[:2])
    assert all(r.evidence for r in results[:2])


def test_nli_backend_rejects_non_nli_models(tmp_path: Path, resources: Resources) -> None:
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    model = _tiny_nli(tmp_path)
    config = BertConfig.from_pretrained(str(model))
    config.id2label = {0: "negative", 1: "positive"}
    config.label2id = {"negative": 0, "positive": 1}
    config.num_labels = 2
    other = tmp_path / "sentiment"
    BertForSequenceClassification(config).save_pretrained(str(other))
    BertTokenizerFast.from_pretrained(str(model)).save_pretrained(str(other))
    with pytest.raises(ModelMissingError):
        NLIBackend(str(other), resources)
