"""Storage: SQLAlchemy tables, Alembic migrations and the Store the service talks to."""

from newsimpact.store.repository import (
    IngestResult,
    JobInfo,
    Store,
    StoredAnalysis,
    StoredArticle,
    StoredPick,
    content_hash,
    normalize_ticker,
)

__all__ = [
    "IngestResult",
    "JobInfo",
    "Store",
    "StoredAnalysis",
    "StoredArticle",
    "StoredPick",
    "content_hash",
    "normalize_ticker",
]
