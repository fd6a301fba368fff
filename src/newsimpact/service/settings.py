"""Service settings (the pipeline's own stay in newsimpact.config.Settings).

Environment: NEWSIMPACT_DATA_DIR, NEWSIMPACT_DATABASE_URL, NEWSIMPACT_API_KEY, NEWSIMPACT_MAX_REQUEST_BYTES,
and NEWSIMPACT_SERVICE__<FIELD> for the rest (NEWSIMPACT_SERVICE__TRANSLATE_AT_INGEST=en,ja).
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from newsimpact.store.db import sqlite_url


class ServiceOptions(BaseModel):
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    workers: int = Field(default=1, ge=0, le=16)
    """Worker threads for analysis/translation jobs; 0 runs none (tests drive jobs by hand)."""
    translate_at_ingest: Annotated[list[str], NoDecode] = Field(default_factory=list)
    """Languages translated as soon as an article arrives, so their readers never wait."""
    max_attempts: int = Field(default=3, ge=1)
    """A job that crashes unexpectedly is retried up to this many times in all."""
    poll_seconds: float = Field(default=1.0, gt=0)
    """How often an idle worker looks for jobs queued by another process."""
    public_translations: bool = True
    """Readers may request a translation without an API key: it only fills a cache from stored text."""
    translation_requests_per_client: int = Field(default=10, ge=1)
    """New translation jobs one client (IP address) may request per rate window; more get a 429."""
    translation_requests_overall: int = Field(default=60, ge=1)
    """New translation jobs all clients together may request per rate window (per web process)."""
    translation_rate_window_s: float = Field(default=60.0, gt=0)
    max_queued_translations: int = Field(default=50, ge=1)
    """A public request that would queue more translation jobs than this gets a 429."""
    translation_abandon_s: float = Field(default=60.0, gt=0)
    """A reader-requested translation nobody has asked about for this long is stopped (the page
    polls every few seconds while it waits; a closed tab stops polling)."""

    @field_validator("translate_at_ingest", mode="before")
    @classmethod
    def _split_languages(cls, value: Any) -> Any:
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        return value


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "newsimpact"


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSIMPACT_", env_nested_delimiter="__", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str | None = None
    """SQLAlchemy URL; default sqlite:///<data_dir>/newsimpact.sqlite. PostgreSQL: postgresql+psycopg://..."""
    api_key: SecretStr | None = None
    """Key for writes. When unset, one is generated once and kept in <data_dir>/api-key."""
    max_request_bytes: int = Field(default=5 * 1024 * 1024, ge=1024)
    service: ServiceOptions = Field(default_factory=ServiceOptions)

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return sqlite_url(self.data_dir / "newsimpact.sqlite")

    def api_key_file(self) -> Path:
        return self.data_dir / "api-key"

    def resolved_api_key(self) -> str:
        """The configured key, else the one kept in the data directory (created on first use)."""
        if self.api_key is not None and self.api_key.get_secret_value():
            return self.api_key.get_secret_value()
        path = self.api_key_file()
        if path.exists():
            key = path.read_text(encoding="utf-8").strip()
            if key:
                return key
        self.data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(32)
        # Created owner-only: the key grants writes.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(key + "\n")
        return key
