"""HTML pages read as DOM blocks (``clean.blocks``) and the learned block model that decides what the article is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from tests.clean.texts import PARAGRAPHS

from newsprism.clean import clean_document
from newsprism.clean.blocks import block_feature_names, block_features, group_labels, page_blocks
from newsprism.clean.html import extract_html
from newsprism.clean.learned import (
    FAST_HTML_MODEL_FILE,
    HTML_MODEL_FILE,
    LineModel,
    load_block_model,
    load_fast_block_model,
)
from newsprism.records import RawDocument
from newsprism.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"

BODY = PARAGRAPHS[:5]
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


def test_ruby_readings_and_math_annotations_are_not_text() -> None:
    """Furigana above a word and a formula's TeX annotation would split the sentence they sit in."""
    from trafilatura.utils import load_html

    page = ("<html><body><article><p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもを<ruby>守<rt>まも</rt></ruby>る"
            "ための法律ができました。</p><p>Given a set of <math><semantics><mi>N</mi>"
            '<annotation encoding="application/x-tex">{\\displaystyle N}</annotation></semantics></math> objects, '
            "the method first computes probabilities.</p></article></body></html>")
    texts = [b.text for b in page_blocks(load_html(page))]
    assert texts == ["子どもを守るための法律ができました。",
                     "Given a set of N objects, the method first computes probabilities."]


def test_block_features_have_their_names() -> None:
    from trafilatura.utils import load_html

    blocks = page_blocks(load_html(_page()))
    texts = [b.text for b in blocks]
    X = block_features(blocks)
    names = block_feature_names()
    assert X.shape == (len(blocks), len(names))
    body, home = texts.index(BODY[2]), texts.index("Home")
    # the story's paragraphs sit under the page's best-scoring container, the menu does not
    assert X[body, names.index("in_best")] == 1.0 and X[home, names.index("in_best")] == 0.0
    assert X[body, names.index("in_body_class")] == 1.0 and X[home, names.index("in_chrome_class")] == 1.0
    assert X[home, names.index("in_chrome_tag")] == 1.0  # <nav> inside <header>, at any depth
    assert X[body, names.index("prose_share_1")] > 0.5  # most of the page's prose is in the story's container
    assert "extracted" not in names and not any(n.startswith("line:") for n in names)


def test_the_accurate_features_add_trafilaturas_text() -> None:
    from trafilatura.utils import load_html

    blocks = page_blocks(load_html(_page()))
    texts = [b.text for b in blocks]
    names = block_feature_names(extractor=True)
    X = block_features(blocks, " ".join(BODY))
    assert X.shape == (len(blocks), len(names))
    assert {"log_chars", "link_density", "parent_log_size"} < set(names) & set(block_feature_names())
    extracted = names.index("extracted")
    assert X[texts.index(BODY[2]), extracted] == 1.0 and X[texts.index("Home"), extracted] == 0.0
    assert not any(n.startswith("line:") for n in names)  # measured: no held-out gain for a rule pass per page


def test_blocks_of_one_list_share_their_groups() -> None:
    from trafilatura.utils import load_html

    blocks = page_blocks(load_html(_page()))
    texts = [b.text for b in blocks]
    labels = group_labels(blocks)
    assert labels.shape == (len(blocks), 2)
    menu = {tuple(labels[texts.index(m)]) for m in MENU}
    body = {tuple(labels[texts.index(p)]) for p in BODY}
    assert len(menu) == 1 and len(body) == 1 and menu != body
    related = {int(labels[texts.index(r), 0]) for r in RELATED}
    assert len(related) == 1 and related != {labels[texts.index(BODY[0]), 0]}


def test_the_fast_model_reads_the_groups_and_says_so_when_they_are_missing(tmp_path: Path) -> None:
    fast = load_fast_block_model()
    assert fast.grouped and not load_block_model().grouped
    X = np.random.default_rng(5).random((6, len(fast.names)))
    chars = np.full(6, 80.0)
    with pytest.raises(ValueError, match="group_labels"):
        fast.probabilities(X, chars)
    fast.save(tmp_path / "m.npz")
    again = LineModel.load(tmp_path / "m.npz")
    groups = np.array([[0, 0], [0, 0], [1, 1], [1, 1], [2, 1], [2, 1]])
    assert again.grouped
    np.testing.assert_allclose(again.probabilities(X, chars, groups), fast.probabilities(X, chars, groups))


def test_the_fast_block_model_reads_the_page_without_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def unused(*args: object, **kwargs: object) -> str:
        raise AssertionError("trafilatura ran though the block model read the page")

    monkeypatch.setattr(trafilatura, "extract", unused)
    ex = extract_html(_page(), url="https://herald.example/news/bridge", blocks=load_fast_block_model())
    assert BODY[0] in ex.text and ex.note is None


def test_both_block_models_load_offline_from_the_package() -> None:
    accurate, fast = load_block_model(), load_fast_block_model()
    assert accurate.kind == "blocks" and accurate.names == block_feature_names(extractor=True)
    assert fast.kind == "blocks-dom" and fast.names == block_feature_names()
    with pytest.raises(ValueError, match="retrain"):
        LineModel(first=fast.first, second=fast.second, names=fast.names, kind="blocks")
    assert HTML_MODEL_FILE.endswith(".npz") and FAST_HTML_MODEL_FILE.endswith(".npz")


@pytest.mark.parametrize("load", [load_block_model, load_fast_block_model])
def test_the_block_model_keeps_the_article_and_drops_the_chrome(load) -> None:  # type: ignore[no-untyped-def]
    ex = extract_html(_page(), url="https://herald.example/news/bridge", blocks=load())
    for p in BODY:
        assert p in ex.text
    for junk in (*MENU, *RELATED, "All rights reserved"):
        assert junk not in ex.text


def test_the_learned_cleaner_reads_html_with_blocks_and_the_rules_without() -> None:
    doc = RawDocument(source_path="bridge.html", url="https://herald.example/news/bridge", html=_page(),
                      format="html")
    learned = clean_document(doc, settings=Settings())
    fast = clean_document(doc, settings=Settings(cleaner="fast"))
    rules = clean_document(doc, settings=Settings(cleaner="rules"))
    for article in (learned, fast, rules):
        assert BODY[0] in article.text and "Privacy" not in article.text
    assert np.isclose(len(learned.text), len(learned.text.strip()))


@pytest.mark.skipif(not SHARED.is_dir() or not os.environ.get("NEWSPRISM_RETRAIN"),
                    reason="retraining needs ../shared/bench and minutes of CPU: set NEWSPRISM_RETRAIN=1")
@pytest.mark.parametrize(("flag", "load"), [("--html", load_block_model), ("--html-fast", load_fast_block_model)])
def test_retraining_reproduces_the_shipped_block_weights(tmp_path: Path, flag: str, load) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "cleaner_html.npz"
    subprocess.run([sys.executable, str(ROOT / "bench" / "train_cleaner.py"), flag, "--skip-cv", "--out",
                    str(out)], check=True, capture_output=True)
    shipped, fresh = load(), LineModel.load(out)
    rng = np.random.default_rng(3)
    X = rng.random((200, len(shipped.names)))
    chars = np.full(200, 120.0)
    groups = rng.integers(0, 12, (200, 2))
    assert fresh.grouped == shipped.grouped
    np.testing.assert_allclose(fresh.probabilities(X, chars, groups), shipped.probabilities(X, chars, groups))


@pytest.mark.parametrize("load", [load_block_model, load_fast_block_model])
def test_a_page_the_block_model_cannot_read_keeps_trafilaturas_text(monkeypatch: pytest.MonkeyPatch,
                                                                     load) -> None:  # type: ignore[no-untyped-def]
    import newsprism.clean.blocks as blocks

    def broken(tree: object) -> list:
        raise RecursionError("too deep")

    monkeypatch.setattr(blocks, "page_blocks", broken)
    ex = extract_html(_page(), url="https://herald.example/news/bridge", blocks=load())
    assert BODY[0] in ex.text
    assert ex.note is not None and "trafilatura's text kept" in ex.note


def test_a_post_kept_inside_a_template_script_is_read() -> None:
    from trafilatura.utils import load_html

    html = ("<html><body><nav><a href='/'>Home</a></nav><script>var tracking = 1;</script>"
            "<script type='text/template'><p>The river authority opened the new lock on Monday.</p>"
            "<p>Barges had waited a week.</p></script><footer>Contact</footer></body></html>")
    texts = [b.text for b in page_blocks(load_html(html))]
    assert texts == ["Home", "The river authority opened the new lock on Monday.", "Barges had waited a week.",
                     "Contact"]
