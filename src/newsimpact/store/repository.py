"""The Store: every read and write the service makes, each in its own short transaction."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from newsimpact.article import Article
from newsimpact.knowledge.universe import normalise_ticker as normalize_ticker
from newsimpact.store.db import make_engine, migrate
from newsimpact.store.models import AnalysisRow, ArticleRow, JobRow, PickRow, TranslationRow, utcnow
from newsimpact.tracker.report import TrackerReport
from newsimpact.translate.translation import Translation

JOB_KINDS = ("analyze", "translate")


def content_hash(article: Article) -> str:
    """What makes two ingests 'the same article': its text and publication time, not the page around it."""
    payload = {
        "title": article.title,
        "subtitle": article.subtitle,
        "published": article.published.isoformat() if article.published else None,
        "paragraphs": article.paragraphs,
        "captions": [caption.text for caption in article.captions],
    }
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class StoredArticle:
    id: int
    url: str | None
    content_hash: str
    source_type: str
    article: Article
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class IngestResult:
    article: StoredArticle
    created: bool
    changed: bool
    """True when the text differs from what was stored (always True for a new article)."""


@dataclass(frozen=True)
class StoredAnalysis:
    id: int
    article_id: int
    content_hash: str
    report: TrackerReport | None
    engines: dict[str, str]
    created_at: datetime


@dataclass(frozen=True)
class StoredPick:
    article_id: int
    ticker: str
    name: str
    direction: str
    score: float
    created_at: datetime
    title: str = ""
    published: datetime | None = None


@dataclass(frozen=True)
class JobInfo:
    id: int
    kind: str
    article_id: int
    language: str | None
    state: str
    attempts: int
    error: str | None
    created_at: datetime
    updated_at: datetime


def _article(row: ArticleRow) -> StoredArticle:
    return StoredArticle(
        id=row.id,
        url=row.url,
        content_hash=row.content_hash,
        source_type=row.source_type,
        article=Article.from_json(row.article_json),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _published(article_json: str) -> datetime | None:
    """The publication time with the newsroom's own UTC offset (the column holds it in UTC), so pages
    show 09:00 for a 09:00 KST article and daily counts fall on the reader's calendar day."""
    value = json.loads(article_json).get("published")
    return datetime.fromisoformat(value) if isinstance(value, str) else None


def _job(row: JobRow) -> JobInfo:
    return JobInfo(
        id=row.id,
        kind=row.kind,
        article_id=row.article_id,
        language=row.language,
        state=row.state,
        attempts=row.attempts,
        error=row.error,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class Store:
    def __init__(self, url: str, *, run_migrations: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if run_migrations:
            migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def session(self) -> Session:
        return self._sessions()

    def ping(self) -> None:
        with self.session() as s:
            s.execute(select(1))

    # -- articles -------------------------------------------------------------------------------

    def upsert_article(self, article: Article, source: bytes, source_type: str) -> IngestResult:
        """Insert, or update the stored copy when the same URL or the same text comes again."""
        digest = content_hash(article)
        now = utcnow()
        with self.session() as s, s.begin():
            row = None
            if article.url:
                row = s.scalars(
                    select(ArticleRow).where(ArticleRow.url == article.url).order_by(ArticleRow.id).limit(1)
                ).first()
            if row is None:
                row = s.scalars(
                    select(ArticleRow)
                    .where(ArticleRow.content_hash == digest)
                    .order_by(ArticleRow.id)
                    .limit(1)
                ).first()
            created = row is None
            if row is None:
                row = ArticleRow(created_at=now)
                s.add(row)
            changed = created or row.content_hash != digest
            if changed and not created:
                # Cached translations describe the old text; drop them rather than serve stale ones.
                s.execute(delete(TranslationRow).where(TranslationRow.article_id == row.id))
            row.url = article.url or row.url
            row.content_hash = digest
            row.source = source
            row.source_type = source_type
            row.article_json = article.to_json()
            row.title = article.title
            row.language = article.language
            row.published = article.published
            row.updated_at = now
            s.flush()
            return IngestResult(article=_article(row), created=created, changed=changed)

    def get_article(self, article_id: int) -> StoredArticle | None:
        with self.session() as s:
            row = s.get(ArticleRow, article_id)
            return _article(row) if row is not None else None

    def get_source(self, article_id: int) -> tuple[bytes, str] | None:
        with self.session() as s:
            row = s.get(ArticleRow, article_id)
            return (row.source, row.source_type) if row is not None else None

    def recent_articles(self, limit: int = 20, offset: int = 0) -> list[StoredArticle]:
        with self.session() as s:
            rows = s.scalars(
                select(ArticleRow)
                .order_by(ArticleRow.updated_at.desc(), ArticleRow.id.desc())
                .limit(limit)
                .offset(offset)
            ).all()
            return [_article(row) for row in rows]

    # -- analyses -------------------------------------------------------------------------------

    def save_analysis(
        self, article_id: int, digest: str, report: TrackerReport | None, engines: dict[str, str]
    ) -> StoredAnalysis:
        now = utcnow()
        with self.session() as s, s.begin():
            row = AnalysisRow(
                article_id=article_id,
                content_hash=digest,
                report_json=report.model_dump_json() if report is not None else None,
                engines_json=json.dumps(engines, sort_keys=True),
                created_at=now,
            )
            s.add(row)
            s.flush()
            # Only the newest analysis of an article counts on ticker pages.
            s.execute(delete(PickRow).where(PickRow.article_id == article_id))
            for pick in report.picks if report is not None else []:
                s.add(
                    PickRow(
                        analysis_id=row.id,
                        article_id=article_id,
                        ticker=normalize_ticker(pick.ticker),
                        name=pick.name,
                        direction=pick.direction,
                        score=pick.score,
                        created_at=now,
                    )
                )
            return StoredAnalysis(
                id=row.id,
                article_id=article_id,
                content_hash=digest,
                report=report,
                engines=engines,
                created_at=now,
            )

    def latest_analysis(self, article_id: int) -> StoredAnalysis | None:
        with self.session() as s:
            row = s.scalars(
                select(AnalysisRow)
                .where(AnalysisRow.article_id == article_id)
                .order_by(AnalysisRow.id.desc())
                .limit(1)
            ).first()
            if row is None:
                return None
            report = TrackerReport.model_validate_json(row.report_json) if row.report_json else None
            return StoredAnalysis(
                id=row.id,
                article_id=row.article_id,
                content_hash=row.content_hash,
                report=report,
                engines=json.loads(row.engines_json),
                created_at=row.created_at,
            )

    def picks_for_articles(self, article_ids: Iterable[int]) -> dict[int, list[StoredPick]]:
        ids = list(article_ids)
        result: dict[int, list[StoredPick]] = {i: [] for i in ids}
        if not ids:
            return result
        with self.session() as s:
            rows = s.scalars(
                select(PickRow).where(PickRow.article_id.in_(ids)).order_by(PickRow.score.desc())
            ).all()
            for row in rows:
                result[row.article_id].append(
                    StoredPick(row.article_id, row.ticker, row.name, row.direction, row.score, row.created_at)
                )
        return result

    def ticker_picks(self, ticker: str, limit: int = 50) -> list[StoredPick]:
        """The newest articles whose latest analysis picked this ticker."""
        with self.session() as s:
            rows = s.execute(
                select(PickRow, ArticleRow.title, ArticleRow.article_json)
                .join(ArticleRow, ArticleRow.id == PickRow.article_id)
                .where(PickRow.ticker == normalize_ticker(ticker))
                .order_by(func.coalesce(ArticleRow.published, PickRow.created_at).desc(), PickRow.id.desc())
                .limit(limit)
            ).all()
            return [
                StoredPick(
                    pick.article_id,
                    pick.ticker,
                    pick.name,
                    pick.direction,
                    pick.score,
                    pick.created_at,
                    title,
                    _published(article_json),
                )
                for pick, title, article_json in rows
            ]

    # -- translations ---------------------------------------------------------------------------

    def save_translation(self, article_id: int, language: str, digest: str, translation: Translation) -> None:
        with self.session() as s, s.begin():
            s.execute(
                delete(TranslationRow).where(
                    TranslationRow.article_id == article_id, TranslationRow.language == language
                )
            )
            s.add(
                TranslationRow(
                    article_id=article_id,
                    language=language,
                    content_hash=digest,
                    translation_json=translation.model_dump_json(),
                    created_at=utcnow(),
                )
            )

    def get_translation(self, article_id: int, language: str, digest: str) -> Translation | None:
        with self.session() as s:
            row = s.scalars(
                select(TranslationRow).where(
                    TranslationRow.article_id == article_id,
                    TranslationRow.language == language,
                    TranslationRow.content_hash == digest,
                )
            ).first()
            return Translation.model_validate_json(row.translation_json) if row is not None else None

    def translation_languages(self, article_id: int) -> list[str]:
        with self.session() as s:
            return sorted(
                s.scalars(select(TranslationRow.language).where(TranslationRow.article_id == article_id))
            )

    # -- jobs -----------------------------------------------------------------------------------

    def enqueue(self, kind: str, article_id: int, language: str | None = None) -> tuple[JobInfo, bool]:
        """Queue a job unless the same one is already waiting; returns (job, newly_queued).

        A running job is not reused: it may have read the text before a re-ingest changed it. Jobs skip
        work that is already done, so a second one costs little."""
        if kind not in JOB_KINDS:
            raise ValueError(f"unknown job kind {kind!r}")
        now = utcnow()
        with self.session() as s, s.begin():
            open_job = s.scalars(
                select(JobRow)
                .where(
                    JobRow.kind == kind,
                    JobRow.article_id == article_id,
                    JobRow.language.is_(None) if language is None else JobRow.language == language,
                    JobRow.state == "queued",
                )
                .limit(1)
            ).first()
            if open_job is not None:
                return _job(open_job), False
            row = JobRow(
                kind=kind,
                article_id=article_id,
                language=language,
                state="queued",
                attempts=0,
                created_at=now,
                updated_at=now,
            )
            s.add(row)
            s.flush()
            return _job(row), True

    def get_job(self, job_id: int) -> JobInfo | None:
        with self.session() as s:
            row = s.get(JobRow, job_id)
            return _job(row) if row is not None else None

    def latest_job(self, kind: str, article_id: int, language: str | None = None) -> JobInfo | None:
        with self.session() as s:
            row = s.scalars(
                select(JobRow)
                .where(
                    JobRow.kind == kind,
                    JobRow.article_id == article_id,
                    JobRow.language.is_(None) if language is None else JobRow.language == language,
                )
                .order_by(JobRow.id.desc())
                .limit(1)
            ).first()
            return _job(row) if row is not None else None

    def claim_next(self) -> JobInfo | None:
        """Move the oldest queued job to running. The conditional UPDATE makes two workers (threads or
        processes) never claim the same job, on SQLite and PostgreSQL alike."""
        while True:
            with self.session() as s, s.begin():
                job_id = s.scalars(
                    select(JobRow.id).where(JobRow.state == "queued").order_by(JobRow.id).limit(1)
                ).first()
                if job_id is None:
                    return None
                claimed = s.execute(
                    update(JobRow)
                    .where(JobRow.id == job_id, JobRow.state == "queued")
                    .values(state="running", attempts=JobRow.attempts + 1, updated_at=utcnow())
                    .execution_options(synchronize_session=False)
                )
                if claimed.rowcount == 1:  # type: ignore[attr-defined]
                    row = s.get(JobRow, job_id, populate_existing=True)
                    assert row is not None
                    return _job(row)
            # Another worker took it between our SELECT and UPDATE: look again.

    def finish_job(self, job_id: int) -> None:
        self._set_job(job_id, state="done", error=None)

    def fail_job(self, job_id: int, error: str, *, retry: bool) -> None:
        self._set_job(job_id, state="queued" if retry else "failed", error=error)

    def _set_job(self, job_id: int, *, state: str, error: str | None) -> None:
        with self.session() as s, s.begin():
            s.execute(
                update(JobRow)
                .where(JobRow.id == job_id)
                .values(state=state, error=error, updated_at=utcnow())
            )

    def requeue_running(self) -> int:
        """At start: a 'running' job belongs to a process that died; run it again."""
        with self.session() as s, s.begin():
            result = s.execute(
                update(JobRow).where(JobRow.state == "running").values(state="queued", updated_at=utcnow())
            )
            return int(result.rowcount)  # type: ignore[attr-defined]

    def job_counts(self) -> dict[str, int]:
        with self.session() as s:
            rows = s.execute(select(JobRow.state, func.count()).group_by(JobRow.state)).all()
            counts = {"queued": 0, "running": 0, "done": 0, "failed": 0}
            counts.update({state: int(n) for state, n in rows})
            return counts
