"""Typed settings. Read once at the edge (CLI, service) and passed down; stages never read the environment."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ExtractSettings(BaseModel):
    max_bytes: int = Field(default=5 * 1024 * 1024, description="Refuse inputs larger than this.")


class TrackerSettings(BaseModel):
    max_picks_per_side: int = 5
    min_score: float = 0.3
    min_read_across_score: float = 0.45
    """A theme's read-across (an exposure that is not the driver's pure play) under this score is not
    reported at all: on the judged sets 2 such picks in 100 were right, 90 weak, 9 wrong."""
    use_embeddings: bool = False
    """Also find theme paraphrases in title and lead with the multilingual sentence encoder.

    Off by default: it costs about 50 ms a sentence on one core, against ~2 ms for the rest of the tracker."""


class TranslationSettings(BaseModel):
    engine: str = "local"
    """local | openai | fake"""
    model_path: Path | None = None
    """A GGUF file; default is the packaged Qwen2.5-Coder-1.5B-Instruct Q4_K_M, joined into cache_dir."""
    n_threads: int | None = None
    """local engine: CPU threads per llama.cpp context; default: the machine's cores / parallel."""
    parallel: int | None = None
    """Segments translated at once. local: llama.cpp contexts sharing the weights (default: one per
    core, at most 4); openai: concurrent requests (default 4; a server batches them)."""
    n_ctx: int = 4096
    base_url: str | None = None
    api_key: str | None = None
    model: str | None = None
    cache_dir: Path = Path.home() / ".cache" / "newsimpact"
    """Holds the joined packaged model (models/) and the translation cache (translations.sqlite)."""
    cache: bool = True
    """Reuse earlier translations of the same text (never with the fake engine, which caches in memory)."""
    seed: int = 0
    """Decoding is greedy (temperature 0); the seed pins whatever sampling an endpoint still does."""
    timeout_s: float = 120.0
    """openai engine: seconds to wait for one answer."""
    stream: bool = True
    """openai engine: stream answers (server-sent events), so a cancelled job stops the server's decoding."""
    n_gpu_layers: int = 0
    """local engine: layers to offload to a GPU when llama-cpp-python was built with GPU support."""
    retries: Literal["fast", "thorough"] = "fast"
    """fast: a second call only for problems a retry fixes (a runaway or cut-off output, the wrong
    script), sentence by sentence only for those; thorough: every problem retried, then the
    paragraph sentence by sentence (about 3x the calls on a small local model)."""


class Settings(BaseSettings):
    """All configuration. Environment: NEWSIMPACT_<FIELD>, nested with __ (NEWSIMPACT_TRANSLATION__ENGINE)."""

    model_config = SettingsConfigDict(env_prefix="NEWSIMPACT_", env_nested_delimiter="__", extra="ignore")

    extract: ExtractSettings = Field(default_factory=ExtractSettings)
    tracker: TrackerSettings = Field(default_factory=TrackerSettings)
    translation: TranslationSettings = Field(default_factory=TranslationSettings)
