"""Storage: SQLAlchemy tables, Alembic migrations and the Store the service talks to."""

from newsimpact.knowledge.universe import normalise_ticker as normalize_ticker
from newsimpact.store.editorial import AuditEntry, PickEdit, apply_edits
from newsimpact.store.repository import (
    IngestResult,
    JobInfo,
    Store,
    StoredAnalysis,
    StoredArticle,
    StoredPick,
    content_hash,
)

__all__ = [
    "AuditEntry",
    "IngestResult",
    "JobInfo",
    "PickEdit",
    "Store",
    "StoredAnalysis",
    "StoredArticle",
    "StoredPick",
    "apply_edits",
    "content_hash",
    "normalize_ticker",
]
