"""SQLAlchemy tables. JSON payloads are stored as text written by pydantic, so they round-trip exactly
and the schema stays portable between SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Always hands back aware UTC datetimes: SQLite forgets the zone, PostgreSQL keeps it."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


def storable_text(value: str) -> str:
    """What both backends can store: no NUL, no lone surrogates (UTF-8 cannot encode them)."""
    value = value.replace("\x00", "")
    if value.isascii():
        return value
    return value.encode("utf-8", "replace").decode("utf-8")


class SafeText(TypeDecorator[str]):
    """Text that PostgreSQL can always store: it refuses NUL characters, which SQLite keeps. The API
    rejects them in input; this makes sure text from elsewhere (an extracted title, an exception
    message) never turns into a 500 on one backend only."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return storable_text(value) if value is not None else None


Id = BigInteger().with_variant(Integer(), "sqlite")
"""64-bit ids on PostgreSQL (the API accepts ids up to 2**63-1); SQLite's INTEGER is already 64-bit
and only INTEGER PRIMARY KEY autoincrements there."""


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    """One row per article: unique by URL (its hash) and by text, so concurrent ingests of the same
    page insert one row (ON CONFLICT DO NOTHING) and update it."""

    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_updated_at_id", "updated_at", "id"),
        Index("uq_articles_content_hash", "content_hash", unique=True),
        Index("uq_articles_url_hash", "url_hash", unique=True),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    url: Mapped[str | None] = mapped_column(SafeText, nullable=True)
    """Unbounded: a page's canonical link can be longer than the API's 2048-character limit."""
    url_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    """sha256 of url: the unique lookup key (a btree index on a long URL fails on PostgreSQL; several
    rows from before the key was unique may share a URL, and only the oldest holds the key)."""
    content_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[bytes] = mapped_column(LargeBinary)
    """The request body exactly as received."""
    source_type: Mapped[str] = mapped_column(String(255))
    """Its content type (text/html, text/plain, application/json)."""
    article_json: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(SafeText, default="")
    language: Mapped[str] = mapped_column(String(16), default="other")
    published: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    no_tracker: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """The desk decided readers see no stock tracker for this article."""


class AnalysisRow(Base):
    __tablename__ = "analyses"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    article_id: Mapped[int] = mapped_column(Id, ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    """The article version this report was computed from."""
    report_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    """None when the pipeline has no tracker."""
    engines_json: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PickRow(Base):
    """One pick of an article's latest analysis, kept apart so ticker pages are an indexed query."""

    __tablename__ = "picks"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    analysis_id: Mapped[int] = mapped_column(Id, ForeignKey("analyses.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(Id, ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    ticker: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(String(255))
    direction: Mapped[str] = mapped_column(String(16))
    score: Mapped[float] = mapped_column(Float)
    low_confidence: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """Scored under the tracker's display threshold: shown apart, never counted as a firm pick."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TranslationRow(Base):
    __tablename__ = "translations"
    __table_args__ = (UniqueConstraint("article_id", "language", name="uq_translations_article_language"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    article_id: Mapped[int] = mapped_column(Id, ForeignKey("articles.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(16))
    content_hash: Mapped[str] = mapped_column(String(64))
    translation_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class JobRow(Base):
    """A durable unit of work, claimed under a lease: the claiming worker renews lease_expires_at while
    it runs the job, and a job whose lease ran out (its worker died) can be claimed again by anyone."""

    __tablename__ = "jobs"
    __table_args__ = (
        Index("ix_jobs_queue_state_id", "queue", "state", "id"),
        Index("ix_jobs_target", "article_id", "kind"),
        Index("ix_jobs_updated_at", "updated_at"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    """analyze | translate"""
    queue: Mapped[str] = mapped_column(String(32), default="analysis")
    """analysis | translation: each has its own workers, so analysis never waits behind translation."""
    article_id: Mapped[int] = mapped_column(Id, ForeignKey("articles.id", ondelete="CASCADE"))
    language: Mapped[str | None] = mapped_column(String(16), nullable=True)
    state: Mapped[str] = mapped_column(String(16), default="queued")
    """queued | running | done | failed"""
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(SafeText, nullable=True)
    claimed_by: Mapped[str | None] = mapped_column(String(128), nullable=True)
    """The worker (host:pid:random) holding the lease of a running job."""
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PickEditRow(Base):
    """The desk's correction of one pick of an article, kept by ticker so it outlives re-analysis."""

    __tablename__ = "pick_edits"
    __table_args__ = (UniqueConstraint("article_id", "ticker", name="uq_pick_edits_article_ticker"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    article_id: Mapped[int] = mapped_column(Id, ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    ticker: Mapped[str] = mapped_column(String(16))
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    direction: Mapped[str | None] = mapped_column(String(16), nullable=True)
    rationale_ko: Mapped[str | None] = mapped_column(SafeText, nullable=True)
    rationale_en: Mapped[str | None] = mapped_column(SafeText, nullable=True)
    editor: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class EditLogRow(Base):
    """Audit trail: every desk action on an article, who did it and when (never updated or deleted)."""

    __tablename__ = "edit_log"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    article_id: Mapped[int] = mapped_column(Id, ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    ticker: Mapped[str | None] = mapped_column(String(16), nullable=True)
    action: Mapped[str] = mapped_column(String(32))
    detail_json: Mapped[str] = mapped_column(Text, default="{}")
    editor: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DataMarkRow(Base):
    """A counter per kind of change that leaves no newer row or time behind (a price import that
    overwrites closes): part of the data version behind ETags."""

    __tablename__ = "data_marks"

    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    counter: Mapped[int] = mapped_column(BigInteger, default=0)


class PriceRow(Base):
    """One daily (adjusted) close: the default price source behind ticker charts and pick moves."""

    __tablename__ = "prices"

    ticker: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    close: Mapped[float] = mapped_column(Float)


class TranslationProgressRow(Base):
    """How far a translation job has got, what its reader has seen, and whether to stop it (issue 12)."""

    __tablename__ = "translation_progress"

    job_id: Mapped[int] = mapped_column(Id, ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True)
    done: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    segments_json: Mapped[str] = mapped_column(Text, default="{}")
    """Finished segments so far: {"title": "...", "paragraph:0": "..."}."""
    warnings_json: Mapped[str] = mapped_column(Text, default="[]")
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    watched_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    """When a reader last asked about it; a reader-requested job nobody watches any more is stopped."""
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    """Queued at ingest (translate_at_ingest): finished even when no reader is waiting."""
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
