"""Service settings (the pipeline's own stay in newsimpact.config.Settings).

Environment: NEWSIMPACT_DATA_DIR, NEWSIMPACT_DATABASE_URL, NEWSIMPACT_API_KEY, NEWSIMPACT_MAX_REQUEST_BYTES,
and NEWSIMPACT_SERVICE__<FIELD> for the rest (NEWSIMPACT_SERVICE__TRANSLATE_AT_INGEST=en,ja).
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from newsimpact.errors import NewsImpactError
from newsimpact.store.db import sqlite_url


class ServiceOptions(BaseModel):
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    workers: int = Field(default=1, ge=0, le=64)
    """Analysis worker threads in the web process; 0 runs no workers of either queue there (run
    `newsimpact worker` processes instead, or tests drive jobs by hand)."""
    translation_workers: int = Field(default=1, ge=0, le=64)
    """Translation worker threads in the web process (when workers > 0). Each loads its own model."""
    lease_seconds: float = Field(default=60.0, gt=0)
    """How long a claimed job stays a worker's without a heartbeat (renewed every third of it); a
    worker that dies loses its jobs to others after this long."""
    translate_at_ingest: Annotated[list[str], NoDecode] = Field(default_factory=list)
    """Languages translated as soon as an article arrives, so their readers never wait."""
    max_attempts: int = Field(default=3, ge=1)
    """A job that crashes unexpectedly is retried up to this many times in all."""
    poll_seconds: float = Field(default=1.0, gt=0)
    """How often an idle worker looks for jobs queued by another process."""
    read_cache: bool = True
    """ETags (304 on If-None-Match) and a per-process cache of rendered pages and JSON reads, keyed by
    the database's data version; off only to measure without it."""
    version_check_seconds: float = Field(default=0.05, ge=0)
    """How long the read cache trusts the data version it last read (this process's own writes
    always show at once; another process's within this long)."""
    public_translations: bool = True
    """Readers may request a translation without an API key: it only fills a cache from stored text."""
    price_source: Literal["database", "none"] = "database"
    """Where daily closes come from: the database (`newsimpact prices import`), or nowhere."""
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

    def worker_pools(self) -> dict[str, int]:
        """The web process's own workers: {queue: threads}."""
        if self.service.workers == 0:
            return {}
        return {"analysis": self.service.workers, "translation": self.service.translation_workers}

    def resolved_database_url(self) -> str:
        """The database URL; for SQLite, the database file exists owner-only (0600) afterwards."""
        if self.database_url:
            url = self.database_url
        else:
            self.prepare_data_dir()
            url = sqlite_url(self.data_dir / "newsimpact.sqlite")
        database = sqlite_file(url)
        if database is not None:
            _owner_only_file(database)
        return url

    def prepare_data_dir(self) -> Path:
        """Create the data directory owner-only (0700, whatever the umask or an existing directory's
        mode) and make sure it can be written; a one-line DataDirError otherwise."""
        path = self.data_dir
        try:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
            _chmod_own(path, 0o700)
            with tempfile.TemporaryFile(dir=path):
                pass
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise DataDirError(
                f"data directory {path} cannot be used ({reason}): point --data-dir or NEWSIMPACT_DATA_DIR "
                "at a writable directory"
            ) from exc
        return path

    def api_key_file(self) -> Path:
        return self.data_dir / "api-key"

    def resolved_api_key(self) -> str:
        """The configured key, else the one kept in the data directory (created on first use)."""
        if self.api_key is not None and self.api_key.get_secret_value():
            return self.api_key.get_secret_value()
        path = self.api_key_file()
        try:
            if path.exists():
                _chmod_own(path, 0o600)  # a key file left readable by others (an old version, a copy)
                key = path.read_text(encoding="utf-8").strip()
                if key:
                    return key
            self.prepare_data_dir()
            key = secrets.token_urlsafe(32)
            # Created owner-only: the key grants writes.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(key + "\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataDirError(f"API key file {path} cannot be used ({exc}): set NEWSIMPACT_API_KEY instead") from exc
        return key


class DataDirError(NewsImpactError):
    """The data directory, database file or key file cannot be created, written or read."""


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL (None for other databases and in-memory SQLite)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _chmod_own(path: Path, mode: int) -> None:
    """Set the mode of a file we own; a file owned by someone else is left as it is (we may not change it)."""
    if path.stat().st_uid == os.geteuid():
        path.chmod(mode)


def _owner_only_file(database: Path) -> None:
    """Create the SQLite file (and tighten its journal files) owner-only; SQLite gives its -wal and -shm
    files the database file's mode. A failure here is left to the database open, which reports it."""
    try:
        fd = os.open(database, os.O_RDWR | os.O_CREAT, 0o600)
        os.close(fd)
        for path in (database, database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")):
            if path.exists():
                _chmod_own(path, 0o600)
    except OSError:
        pass
