from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.errors import ConfigError
from newsprism.settings import Settings, load_settings


def test_precedence_code_toml_env_cli(tmp_path: Path) -> None:
    toml = tmp_path / "newsprism.toml"
    toml.write_text("[newsprism]\nstory_threshold = 0.7\nsummary_sentences = 5\nembed_batch_size = 8\n")
    s = load_settings(toml, env={"NEWSPRISM_SUMMARY_SENTENCES": "4", "NEWSPRISM_EMBED_BATCH_SIZE": "16"},
                      embed_batch_size=48)
    assert s.story_threshold == 0.7  # toml over code
    assert s.summary_sentences == 4  # env over toml
    assert s.embed_batch_size == 48  # cli over env
    assert s.spacy_model == Settings().spacy_model  # code default


def test_unknown_and_bad_values_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown setting"):
        Settings().with_overrides(no_such_thing=1)
    with pytest.raises(ConfigError, match="not a valid int"):
        Settings().with_overrides(summary_sentences="many")
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "missing.toml", env={})
