"""A cache of translated segments, so an article is never sent to a model twice.

Keyed by a hash of (text, languages, engine, model, glossary hits, prompt version): any change that
could change the output misses the cache. SQLite, because the CLI and the web service share it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsimpact.errors import TranslationError
from newsimpact.translate.glossary import GlossaryHit

PROMPT_VERSION = 6
"""Bump when prompts or checks change, so old outputs are not served for new machinery."""


@dataclass(frozen=True)
class CachedSegment:
    text: str
    problems: list[tuple[str, str]]
    """(check, message) of the kept output's problems, re-emitted as warnings on a cache hit."""


def cache_key(text: str, source: str, target: str, engine: str, model: str, glossary: Sequence[GlossaryHit]) -> str:
    payload = [PROMPT_VERSION, source, target, engine, model, [(h.source, h.target) for h in glossary], text]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()


class TranslationCache:
    """`path=None` keeps the cache in memory (the fake engine: tests must not write to the home folder)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        try:
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            # One connection shared across threads (the web service), serialised by our own lock.
            self._db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False)
            self._db.execute("CREATE TABLE IF NOT EXISTS segments (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise TranslationError(f"cannot open the translation cache {path}: {exc}") from exc
        self._lock = threading.Lock()

    def get(self, key: str) -> CachedSegment | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM segments WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        return CachedSegment(text=data["text"], problems=[(check, message) for check, message in data["problems"]])

    def put(self, key: str, segment: CachedSegment) -> None:
        value = json.dumps({"text": segment.text, "problems": segment.problems}, ensure_ascii=False)
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO segments (key, value) VALUES (?, ?)", (key, value))
            self._db.commit()
