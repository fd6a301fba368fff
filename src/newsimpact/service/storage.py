"""Database failures as a client and an operator see them: a status for each, and a health record.

A full disk or a database that went away is not the client's fault and not a bug: the request gets
507 or 503 (nothing was stored, try again), and /api/health reports it instead of "ok".
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError

from newsimpact.store import Store

_FULL_MARKERS = ("database or disk is full", "no space left on device", "disk full", "could not extend file")
_READ_ONLY_MARKERS = ("readonly database", "read-only", "read only")

HEALTH_WORDS = {
    "storage_full": "full",
    "storage_read_only": "read_only",
    "storage_unavailable": "unavailable",
}
"""What /api/health says of the database for each failure code."""


def storage_failure(exc: SQLAlchemyError) -> tuple[int, str, str]:
    """(status, code, message) for a database error: 507 when the disk is full, 503 when the database
    cannot be reached or written (a restart, a lost connection, a read-only file), 409 for a write that
    raced another (sending it again succeeds), 422 for a value the column cannot hold. The message never
    carries the SQL or its parameters."""
    original = getattr(exc, "orig", None)
    detail = str(original if original is not None else exc).lower()
    sqlstate = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    if sqlstate == "53100" or any(marker in detail for marker in _FULL_MARKERS):
        return 507, "storage_full", "the database is out of disk space: nothing was stored; try again later"
    if isinstance(exc, IntegrityError):
        return 409, "conflict", "a concurrent request changed the same article: send it again"
    if isinstance(exc, DataError):
        return 422, "unstorable", "the input does not fit the database (a value too long or out of range)"
    if any(marker in detail for marker in _READ_ONLY_MARKERS):
        return 503, "storage_read_only", "the database cannot be written (read-only): nothing was stored"
    return 503, "storage_unavailable", "the database is unavailable: nothing was stored; try again later"


@dataclass(frozen=True)
class StorageState:
    database: str
    """ok | full | read_only | unavailable"""
    status: int
    """The HTTP status /api/health answers with: 200, 507 or 503."""


class StorageHealth:
    """The last storage failure requests met, and a check that probes the database for real.

    A write probe (a no-op update) catches a read-only file or a lost server, and a full disk where the
    write-ahead log cannot grow; a disk that has room for the probe but not for a new article only shows
    in failed ingests, so a failure seen by a request is reported until a write succeeds or
    REMEMBER_SECONDS pass with the probe passing."""

    REMEMBER_SECONDS = 60.0

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._problem: str | None = None
        self._since = 0.0

    def failed(self, code: str) -> None:
        if code in HEALTH_WORDS:
            with self._lock:
                self._problem, self._since = code, time.monotonic()

    def succeeded(self) -> None:
        with self._lock:
            self._problem = None

    def check(self) -> StorageState:
        try:
            self.store.ping()
            self.store.probe_write()
        except SQLAlchemyError as exc:
            _, code, _ = storage_failure(exc)
            code = code if code in HEALTH_WORDS else "storage_unavailable"
            self.failed(code)
            return StorageState(HEALTH_WORDS[code], 507 if code == "storage_full" else 503)
        with self._lock:
            if self._problem is not None and time.monotonic() - self._since > self.REMEMBER_SECONDS:
                self._problem = None
            problem = self._problem
        if problem is None:
            return StorageState("ok", 200)
        return StorageState(HEALTH_WORDS[problem], 507 if problem == "storage_full" else 503)
