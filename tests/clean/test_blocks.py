"""HTML pages read as DOM blocks (``clean.blocks``) and the learned block model that decides what the article is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from newsprism.clean import clean_document
from newsprism.clean.blocks import block_feature_names, block_features, page_blocks
from newsprism.clean.html import extract_html
from newsprism.clean.learned import HTML_MODEL_FILE, LineModel, load_block_model
from newsprism.records import RawDocument
from newsprism.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"

BODY = [
    "The city council voted on Tuesday to rebuild the old river bridge, ending a debate that had lasted three years.",
    "Engineers had warned in a report last spring that the bridge's steel supports were corroding faster than "
    "expected, and that heavy lorries should be kept off it until repairs were done.",
    "The new bridge will have two lanes for cars, a separate path for cyclists and a wider pavement, the council "
    "said in a statement after the vote, which passed by eleven votes to four.",
    "Opponents said the cost, estimated at forty million euros, was too high for a town of its size, and asked for "
    "the money to be spent on schools and the hospital instead.",
    "Work is expected to start next summer and to take about two years, during which a temporary ferry will carry "
    "pedestrians across the river every fifteen minutes.",
]
MENU = ["Home", "Politics", "Business", "Sport", "Culture", "Weather"]
RELATED = ["Mayor opens new library in the harbour district", "Floods close two roads north of the city",
           "School buses to run later from next month", "Council approves budget for street lighting"]


def _page() -> str:
    nav = "".join(f'<li><a href="/{m.lower()}">{m}</a></li>' for m in MENU)
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    related = "".join(f'<li><a href="/story/{k}">{t}</a></li>' for k, t in enumerate(RELATED))
    return (f"<html><head><title>Council votes to rebuild bridge</title><script>var x = 1;</script></head><body>"
            f'<header class="site-header"><nav class="main-nav"><ul>{nav}</ul></nav></header>'
            f'<article class="story"><h1>Council votes to rebuild the river bridge</h1>'
            f'<div class="story-body">{paras}</div></article>'
            f'<aside class="related-stories"><h3>Related stories</h3><ul>{related}</ul></aside>'
            f'<footer class="site-footer"><p>Copyright 2026 The Riverside Herald. All rights reserved.</p>'
            f'<p><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a></p></footer></body></html>')


def test_blocks_follow_the_dom() -> None:
    from trafilatura.utils import load_html

    blocks = page_blocks(load_html(_page()))
    texts = [b.text for b in blocks]
    assert "var x = 1;" not in " ".join(texts)  # scripts are never text
    assert all(p in texts for p in BODY)  # one paragraph, one block
    home = blocks[texts.index("Home")]
    assert home.tag == "li" and home.link_chars == len("Home") and "nav" in home.words
    para = blocks[texts.index(BODY[0])]
    assert para.tag == "p" and para.link_chars == 0 and "story" in para.words
    assert len({blocks[texts.index(m)].parent for m in MENU}) == 1  # the menu's items share their list


def test_block_features_have_their_names() -> None:
    from trafilatura.utils import load_html

    blocks = page_blocks(load_html(_page()))
    X, rp = block_features(blocks, " ".join(BODY))
    assert X.shape == (len(blocks), len(block_feature_names()))
    extracted = block_feature_names().index("extracted")
    assert X[[b.text for b in blocks].index(BODY[2]), extracted] == 1.0
    assert X[[b.text for b in blocks].index("Home"), extracted] == 0.0
    assert len(rp.cats) == len(blocks)


def test_the_block_model_loads_offline_from_the_package() -> None:
    model = load_block_model()
    assert model.kind == "blocks" and model.names == block_feature_names()
    with pytest.raises(ValueError, match="retrain"):
        LineModel(first=model.first, second=model.second, names=model.names, kind="lines")
    assert HTML_MODEL_FILE.endswith(".npz")


def test_the_block_model_keeps_the_article_and_drops_the_chrome() -> None:
    ex = extract_html(_page(), url="https://herald.example/news/bridge", blocks=load_block_model())
    for p in BODY:
        assert p in ex.text
    for junk in (*MENU, *RELATED, "All rights reserved"):
        assert junk not in ex.text


def test_the_learned_cleaner_reads_html_with_blocks_and_the_rules_without() -> None:
    doc = RawDocument(source_path="bridge.html", url="https://herald.example/news/bridge", html=_page(),
                      format="html")
    learned = clean_document(doc, settings=Settings())
    rules = clean_document(doc, settings=Settings(cleaner="rules"))
    for article in (learned, rules):
        assert BODY[0] in article.text and "Privacy" not in article.text
    assert np.isclose(len(learned.text), len(learned.text.strip()))


@pytest.mark.skipif(not SHARED.is_dir() or not os.environ.get("NEWSPRISM_RETRAIN"),
                    reason="retraining needs ../shared/bench and minutes of CPU: set NEWSPRISM_RETRAIN=1")
def test_retraining_reproduces_the_shipped_block_weights(tmp_path: Path) -> None:
    out = tmp_path / "cleaner_html.npz"
    subprocess.run([sys.executable, str(ROOT / "bench" / "train_cleaner.py"), "--html", "--skip-cv", "--out",
                    str(out)], check=True, capture_output=True)
    shipped, fresh = load_block_model(), LineModel.load(out)
    X = np.random.default_rng(3).random((200, len(block_feature_names())))
    chars = np.full(200, 120.0)
    np.testing.assert_allclose(fresh.probabilities(X, chars), shipped.probabilities(X, chars))


def test_a_page_the_block_model_cannot_read_keeps_trafilaturas_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsprism.clean.blocks as blocks

    def broken(tree: object) -> list:
        raise RecursionError("too deep")

    monkeypatch.setattr(blocks, "page_blocks", broken)
    ex = extract_html(_page(), url="https://herald.example/news/bridge", blocks=load_block_model())
    assert BODY[0] in ex.text
    assert ex.note is not None and "trafilatura's text kept" in ex.note
