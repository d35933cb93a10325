from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.clean.meta import find_outlet, outlet_from_feed_title, self_named_outlet
from newsprism.outlets import OutletRegistry


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    return OutletRegistry.load()


def test_misspellings_map_but_different_outlets_sharing_a_word_do_not(registry: OutletRegistry) -> None:
    assert registry.canonical("Wahington Post") == "The Washington Post"
    assert registry.canonical("New York Tmes") == "The New York Times"
    assert registry.canonical("washington post") == "The Washington Post"
    assert registry.canonical("Meridian Post") is None  # shares only "Post"
    assert registry.canonical("Harbour Times") is None
    assert registry.from_url("https://edition.cnn.com/2025/x") == "CNN"


def test_user_registry_extends_the_bundled_one(tmp_path: Path) -> None:
    extra = tmp_path / "outlets.json"
    extra.write_text(json.dumps({"outlets": [{"name": "The Kell Island Gazette", "aliases": ["Kell Gazette"],
                                              "domains": ["kellgazette.example"]}]}), encoding="utf-8")
    reg = OutletRegistry.load(extra)
    assert reg.canonical("Kell Gazette") == "The Kell Island Gazette"
    assert reg.from_url("https://www.kellgazette.example/a") == "The Kell Island Gazette"
    assert reg.canonical("Reuters") == "Reuters"


def test_feed_title_loses_its_section(registry: OutletRegistry) -> None:
    assert outlet_from_feed_title("Valeport Wire Service – Top News", registry) == "Valeport Wire Service"
    assert outlet_from_feed_title("World | The Guardian", registry) == "The Guardian"
    assert outlet_from_feed_title("Reuters: Top News", registry) == "Reuters"


def test_source_line_of_syndicated_copy_is_not_the_publisher(registry: OutletRegistry) -> None:
    body = ["KELL, May 2 (Orrin Wire) - The ferry to Kell Island ran four hours late on Friday."]
    junk = [("Source: Orrin Wire", "source-line"), ("Get The Kell Lantern in your inbox", "newsletter")]
    assert find_outlet(meta_name=None, url=None, lines=body, junk=junk, registry=registry) == "The Kell Lantern"
    # a source line the body does not credit names the publisher itself
    plain = ["The ferry to Kell Island ran four hours late on Friday."]
    assert find_outlet(meta_name=None, url=None, lines=plain, junk=junk[:1], registry=registry) == "Orrin Wire"


def test_author_bio_names_the_outlet(registry: OutletRegistry) -> None:
    bio = [("Ana Pell is a writer who loves trending stories. At Buzzloop Daily she covers world news.", "author-bio")]
    assert self_named_outlet(bio, registry) == "Buzzloop Daily"


def test_unknown_outlet_named_by_its_own_appeals_bio_and_credits(registry: OutletRegistry) -> None:
    junk = [("Photo: The mayor at the quay. (Kell Lantern/Ana Pell)", "credit"),
            ("The Kell Lantern relies on readers. Please consider a contribution.", "donation"),
            ("Ivo Marsh is the Kell Lantern's harbour correspondent.", "author-bio")]
    body = ["The ferry to Kell Island ran four hours late on Friday."]
    assert find_outlet(meta_name=None, url=None, lines=body, junk=junk, registry=registry) == "The Kell Lantern"
