"""The Store: every read and write the service makes, each in its own short transaction."""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, event, func, or_, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased, sessionmaker
from sqlalchemy.sql.elements import ColumnElement

from newsimpact.article import Article
from newsimpact.knowledge.universe import normalise_ticker as normalize_ticker
from newsimpact.store.db import make_engine, migrate
from newsimpact.store.editorial import AuditEntry, PickEdit, apply_edits
from newsimpact.store.models import (
    AnalysisRow,
    ArticleRow,
    DataMarkRow,
    EditLogRow,
    JobRow,
    PickEditRow,
    PickRow,
    PriceRow,
    TranslationRow,
    storable_text,
    utcnow,
)
from newsimpact.tracker.report import TrackerReport
from newsimpact.translate.translation import Translation

JOB_KINDS = ("analyze", "translate")
JOB_QUEUES = {"analyze": "analysis", "translate": "translation"}
"""Each kind of job has its own queue and workers: a slow translation never holds up an analysis."""
QUEUES = ("analysis", "translation")
JOB_STATES = ("queued", "running", "done", "failed")


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


def url_hash(url: str) -> str:
    """The unique lookup key for a URL (the URL itself can be longer than a PostgreSQL btree entry)."""
    return hashlib.sha256(storable_text(url).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredArticle:
    id: int
    url: str | None
    content_hash: str
    source_type: str
    article: Article
    created_at: datetime
    updated_at: datetime
    no_tracker: bool = False
    """The desk chose to show readers no stock tracker for this article."""


@dataclass(frozen=True)
class IngestResult:
    article: StoredArticle
    created: bool
    changed: bool
    """True when the text differs from what was stored (always True for a new article)."""
    queued: bool = False
    """Whether the ingest queued a job (the caller wakes the workers)."""
    translation_jobs: tuple[int, ...] = ()
    """The translation jobs this ingest asked for (new, or already waiting in the queue)."""


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
    low_confidence: bool = False
    """The tracker scored it under its display threshold: a tentative pick, not a call."""


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
    queue: str = "analysis"
    claimed_by: str | None = None
    lease_expires_at: datetime | None = None


def _article(row: ArticleRow) -> StoredArticle:
    return StoredArticle(
        id=row.id,
        url=row.url,
        content_hash=row.content_hash,
        source_type=row.source_type,
        article=Article.from_json(row.article_json),
        created_at=row.created_at,
        updated_at=row.updated_at,
        no_tracker=bool(row.no_tracker),
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
        queue=row.queue,
        claimed_by=row.claimed_by,
        lease_expires_at=row.lease_expires_at,
    )


def _claimable(job: type[JobRow], queues: Sequence[str], now: datetime) -> ColumnElement[bool]:
    """Queued, or running under a lease that ran out (or a row from before leases existed)."""
    return and_(
        job.queue.in_(list(queues)),
        or_(
            job.state == "queued",
            and_(job.state == "running", or_(job.lease_expires_at.is_(None), job.lease_expires_at < now)),
        ),
    )


def _mark_change(s: Session, key: str, dialect: str) -> None:
    """Count a change that leaves no newer id or time behind, so the data version moves."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(DataMarkRow).values(key=key, counter=1)
    s.execute(stmt.on_conflict_do_update(index_elements=[DataMarkRow.key], set_={"counter": DataMarkRow.counter + 1}))


class Store:
    def __init__(self, url: str, *, run_migrations: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._commits = itertools.count(1)
        self.local_writes = 0
        """Counts this process's commits: readers caching on data_version() notice our own writes at once."""
        event.listen(self._sessions, "after_commit", self._committed)
        if run_migrations:
            migrate(self.engine)

    def _committed(self, _session: Session) -> None:
        self.local_writes = next(self._commits)

    def close(self) -> None:
        self.engine.dispose()

    def session(self) -> Session:
        return self._sessions()

    def ping(self) -> None:
        with self.session() as s:
            s.execute(select(1))

    def data_version(self) -> str:
        """Changes whenever anything a read shows changes: an article stored, an analysis or a
        translation saved, a job queued, claimed or ended, a desk edit, a price import. Each part is an
        index lookup (data_marks holds a few rows)."""
        with self.session() as s:
            row = s.execute(
                select(
                    select(func.max(ArticleRow.updated_at)).scalar_subquery(),
                    select(func.max(AnalysisRow.id)).scalar_subquery(),
                    select(func.max(TranslationRow.id)).scalar_subquery(),
                    select(func.max(JobRow.updated_at)).scalar_subquery(),
                    select(func.max(JobRow.id)).scalar_subquery(),
                    select(func.max(EditLogRow.id)).scalar_subquery(),  # every desk action logs a row
                    select(func.sum(DataMarkRow.counter)).scalar_subquery(),
                )
            ).one()
            return "|".join(str(part) for part in row)

    def probe_write(self) -> None:
        """A real, harmless write (Alembic's version row set to itself): a full disk, a read-only
        database or a lost server fails it, where a read would still pass."""
        with self.session() as s, s.begin():
            s.execute(text("UPDATE alembic_version SET version_num = version_num"))

    # -- articles -------------------------------------------------------------------------------

    def upsert_article(
        self, article: Article, source: bytes, source_type: str, *, translate_to: Sequence[str] = ()
    ) -> IngestResult:
        """Insert, or update the stored copy when the same URL or the same text comes again, and queue
        its analysis (and the translations in translate_to) in the same transaction: a crash leaves
        both or neither, never an article that nothing will analyse.

        Concurrent ingests of one page: the unique URL and text keys make every INSERT but one do
        nothing (ON CONFLICT DO NOTHING); the others then update the row that was inserted."""
        digest = content_hash(article)
        url_key = url_hash(article.url) if article.url else None
        now = utcnow()
        values = {
            "url": article.url,
            "url_hash": url_key,
            "content_hash": digest,
            "source": source,
            "source_type": source_type,
            "article_json": article.to_json(),
            "title": article.title,
            "language": article.language,
            "published": article.published,
            "updated_at": now,
        }
        with self.session() as s, s.begin():
            row = self._find_article(s, url_key, digest)
            created = False
            if row is None:
                new_id = self._insert_article(s, {**values, "created_at": now})
                created = new_id is not None
                row = s.get(ArticleRow, new_id) if new_id is not None else self._find_article(s, url_key, digest)
                if row is None:  # the concurrent insert that beat ours cannot have vanished in between
                    raise RuntimeError("article row missing after a conflicting insert")
            changed = created or row.content_hash != digest
            same_text = None
            if changed and not created:
                same_text = s.scalars(select(ArticleRow).where(ArticleRow.content_hash == digest)).first()
            if same_text is not None:
                # This URL now serves a text already stored under another URL: that row is the article
                # (the URL's own row keeps its older text).
                row, changed = same_text, False
            elif not created:
                if changed:
                    # Cached translations describe the old text; drop them rather than serve stale ones.
                    s.execute(delete(TranslationRow).where(TranslationRow.article_id == row.id))
                if url_key is not None and row.url_hash != url_key and self._find_article(s, url_key, None) is None:
                    row.url_hash = url_key
                for name, value in values.items():
                    if name != "url_hash":
                        setattr(row, name, value)
                row.url = article.url or row.url
            s.flush()
            queued = False
            if changed or not self._analysed_or_queued(s, row.id, digest):
                queued |= self._enqueue_in(s, "analyze", row.id, None)[1]
            translation_jobs: list[int] = []
            for language in translate_to:
                cached = s.scalars(
                    select(TranslationRow.id).where(
                        TranslationRow.article_id == row.id,
                        TranslationRow.language == language,
                        TranslationRow.content_hash == row.content_hash,
                    )
                ).first()
                if changed or cached is None:
                    job, new = self._enqueue_in(s, "translate", row.id, language)
                    queued |= new
                    translation_jobs.append(job.id)
            return IngestResult(
                article=_article(row),
                created=created,
                changed=changed,
                queued=queued,
                translation_jobs=tuple(translation_jobs),
            )

    @staticmethod
    def _find_article(s: Session, url_key: str | None, digest: str | None) -> ArticleRow | None:
        if url_key is not None:
            row = s.scalars(select(ArticleRow).where(ArticleRow.url_hash == url_key)).first()
            if row is not None:
                return row
        if digest is None:
            return None
        return s.scalars(select(ArticleRow).where(ArticleRow.content_hash == digest)).first()

    def _insert_article(self, s: Session, values: dict[str, object]) -> int | None:
        """INSERT ... ON CONFLICT DO NOTHING RETURNING id: the new id, or None when a row with the same
        URL or text exists (inserted by a concurrent ingest since we looked)."""
        dialect = self.engine.dialect.name
        if dialect in ("sqlite", "postgresql"):
            insert = sqlite.insert if dialect == "sqlite" else postgresql.insert
            statement = insert(ArticleRow).values(**values).on_conflict_do_nothing().returning(ArticleRow.id)
            return s.execute(statement).scalar()
        try:  # other databases: a savepoint turns the duplicate-key error into "not inserted"
            with s.begin_nested():
                row = ArticleRow(**values)
                s.add(row)
                s.flush()
                return row.id
        except IntegrityError:
            return None

    @staticmethod
    def _analysed_or_queued(s: Session, article_id: int, digest: str) -> bool:
        """Whether this text has an analysis, or a job that will make one (an article stored by a
        process killed before its job existed gets one on its next ingest)."""
        analysed = s.scalars(
            select(AnalysisRow.id).where(AnalysisRow.article_id == article_id, AnalysisRow.content_hash == digest)
        ).first()
        if analysed is not None:
            return True
        job = s.scalars(
            select(JobRow.id).where(
                JobRow.kind == "analyze", JobRow.article_id == article_id, JobRow.state.in_(("queued", "running"))
            )
        ).first()
        return job is not None

    def get_article(self, article_id: int) -> StoredArticle | None:
        with self.session() as s:
            row = s.get(ArticleRow, article_id)
            return _article(row) if row is not None else None

    def get_source(self, article_id: int) -> tuple[bytes, str] | None:
        with self.session() as s:
            row = s.get(ArticleRow, article_id)
            return (row.source, row.source_type) if row is not None else None

    def recent_articles(self, limit: int = 20, offset: int = 0, query: str = "") -> list[StoredArticle]:
        """Newest first; query keeps the articles whose title contains it (case-insensitive)."""
        with self.session() as s:
            stmt = select(ArticleRow)
            if query.strip():
                stmt = stmt.where(_title_contains(query))
            rows = s.scalars(
                stmt.order_by(ArticleRow.updated_at.desc(), ArticleRow.id.desc()).limit(limit).offset(offset)
            ).all()
            return [_article(row) for row in rows]

    def count_articles(self, query: str = "") -> int:
        with self.session() as s:
            stmt = select(func.count()).select_from(ArticleRow)
            if query.strip():
                stmt = stmt.where(_title_contains(query))
            return int(s.scalar(stmt) or 0)

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
            _write_picks(s, article_id, row.id, report, row.created_at)
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
                select(AnalysisRow).where(AnalysisRow.article_id == article_id).order_by(AnalysisRow.id.desc()).limit(1)
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

    def picks_for_articles(
        self, article_ids: Iterable[int], include_low_confidence: bool = False
    ) -> dict[int, list[StoredPick]]:
        """Each article's picks, strongest first; firm picks only unless asked for the tentative ones."""
        ids = list(article_ids)
        result: dict[int, list[StoredPick]] = {i: [] for i in ids}
        if not ids:
            return result
        with self.session() as s:
            stmt = select(PickRow).where(PickRow.article_id.in_(ids))
            if not include_low_confidence:
                stmt = stmt.where(PickRow.low_confidence.is_(False))
            for row in s.scalars(stmt.order_by(PickRow.score.desc())).all():
                result[row.article_id].append(
                    StoredPick(
                        row.article_id,
                        row.ticker,
                        row.name,
                        row.direction,
                        row.score,
                        row.created_at,
                        low_confidence=row.low_confidence,
                    )
                )
        return result

    def ticker_picks(self, ticker: str, limit: int = 50, include_low_confidence: bool = False) -> list[StoredPick]:
        """The newest articles whose latest analysis picked this ticker (firmly, unless asked otherwise)."""
        return self.picks_for_tickers([ticker], limit, include_low_confidence=include_low_confidence)

    def picks_for_tickers(
        self,
        tickers: Iterable[str],
        limit: int = 50,
        exclude_article: int | None = None,
        include_low_confidence: bool = False,
    ) -> list[StoredPick]:
        """The newest picks of any of these tickers, with their article's title and publication time.

        Low-confidence picks are left out unless asked for: they are plausible, not calls."""
        wanted = sorted({normalize_ticker(t) for t in tickers})
        if not wanted:
            return []
        with self.session() as s:
            stmt = (
                select(PickRow, ArticleRow.title, ArticleRow.article_json)
                .join(ArticleRow, ArticleRow.id == PickRow.article_id)
                .where(PickRow.ticker.in_(wanted))
            )
            if exclude_article is not None:
                stmt = stmt.where(PickRow.article_id != exclude_article)
            if not include_low_confidence:
                stmt = stmt.where(PickRow.low_confidence.is_(False))
            rows = s.execute(
                stmt.order_by(func.coalesce(ArticleRow.published, PickRow.created_at).desc(), PickRow.id.desc()).limit(
                    limit
                )
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
                    pick.low_confidence,
                )
                for pick, title, article_json in rows
            ]

    # -- the desk: pick edits, no-tracker flag, audit -------------------------------------------

    def pick_edits(self, article_id: int) -> dict[str, PickEdit]:
        with self.session() as s:
            return _edits(s, article_id)

    def save_pick_edit(self, article_id: int, edit: PickEdit) -> None:
        """Store (or replace) the desk's correction of one pick and refresh what readers see."""
        ticker = normalize_ticker(edit.ticker)
        now = utcnow()
        with self.session() as s, s.begin():
            row = s.scalars(
                select(PickEditRow).where(PickEditRow.article_id == article_id, PickEditRow.ticker == ticker)
            ).first()
            if row is None:
                row = PickEditRow(article_id=article_id, ticker=ticker)
                s.add(row)
            row.hidden = edit.hidden
            row.direction = edit.direction
            row.rationale_ko = edit.rationale_ko
            row.rationale_en = edit.rationale_en
            row.editor = edit.editor
            row.updated_at = now
            _log(s, article_id, ticker, "pick_edit", edit.changes(), edit.editor, now)
            s.flush()
            _refresh_picks(s, article_id, now)

    def revert_pick_edit(self, article_id: int, ticker: str, editor: str) -> bool:
        """Drop the correction of one pick (readers see the tracker's own pick again)."""
        ticker = normalize_ticker(ticker)
        now = utcnow()
        with self.session() as s, s.begin():
            gone = s.execute(
                delete(PickEditRow).where(PickEditRow.article_id == article_id, PickEditRow.ticker == ticker)
            )
            if not gone.rowcount:  # type: ignore[attr-defined]
                return False
            _log(s, article_id, ticker, "pick_revert", {}, editor, now)
            s.flush()
            _refresh_picks(s, article_id, now)
            return True

    def set_no_tracker(self, article_id: int, no_tracker: bool, editor: str) -> None:
        now = utcnow()
        with self.session() as s, s.begin():
            s.execute(update(ArticleRow).where(ArticleRow.id == article_id).values(no_tracker=no_tracker))
            action = "no_tracker" if no_tracker else "tracker_shown"
            _log(s, article_id, None, action, {"no_tracker": no_tracker}, editor, now)
            _refresh_picks(s, article_id, now)

    def audit(self, article_id: int) -> list[AuditEntry]:
        """Every desk action on the article, newest first."""
        with self.session() as s:
            rows = s.scalars(
                select(EditLogRow).where(EditLogRow.article_id == article_id).order_by(EditLogRow.id.desc())
            ).all()
            return [
                AuditEntry(
                    id=r.id,
                    article_id=r.article_id,
                    ticker=r.ticker,
                    action=r.action,
                    detail=json.loads(r.detail_json),
                    editor=r.editor,
                    created_at=r.created_at,
                )
                for r in rows
            ]

    # -- prices ---------------------------------------------------------------------------------

    def import_prices(self, rows: Iterable[tuple[str, date, float]], batch: int = 5000) -> int:
        """Insert or overwrite daily closes, all in one transaction: an error anywhere (the caller's
        validation raising mid-stream included) leaves the table as it was. Returns the rows written."""
        insert = postgresql.insert if self.engine.dialect.name == "postgresql" else sqlite.insert
        written = 0
        with self.session() as s, s.begin():
            chunk: list[dict[str, Any]] = []

            def flush() -> None:
                stmt = insert(PriceRow).values(chunk)
                stmt = stmt.on_conflict_do_update(
                    index_elements=[PriceRow.ticker, PriceRow.day], set_={"close": stmt.excluded.close}
                )
                s.execute(stmt)
                chunk.clear()

            for ticker, day, close in rows:
                chunk.append({"ticker": normalize_ticker(ticker), "day": day, "close": close})
                written += 1
                if len(chunk) >= batch:
                    flush()
            if chunk:
                flush()
            _mark_change(s, "prices", self.engine.dialect.name)
        return written

    def closes(self, ticker: str, start: date | None = None, end: date | None = None) -> list[tuple[date, float]]:
        with self.session() as s:
            stmt = select(PriceRow.day, PriceRow.close).where(PriceRow.ticker == normalize_ticker(ticker))
            if start is not None:
                stmt = stmt.where(PriceRow.day >= start)
            if end is not None:
                stmt = stmt.where(PriceRow.day <= end)
            return [(day, float(close)) for day, close in s.execute(stmt.order_by(PriceRow.day))]

    def count_prices(self) -> int:
        with self.session() as s:
            return int(s.scalar(select(func.count()).select_from(PriceRow)) or 0)

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
            return sorted(s.scalars(select(TranslationRow.language).where(TranslationRow.article_id == article_id)))

    # -- jobs -----------------------------------------------------------------------------------

    def enqueue(self, kind: str, article_id: int, language: str | None = None) -> tuple[JobInfo, bool]:
        """Queue a job unless the same one is already waiting; returns (job, newly_queued).

        A running job is not reused: it may have read the text before a re-ingest changed it. Jobs skip
        work that is already done, so a second one costs little."""
        with self.session() as s, s.begin():
            return self._enqueue_in(s, kind, article_id, language)

    @staticmethod
    def _enqueue_in(s: Session, kind: str, article_id: int, language: str | None) -> tuple[JobInfo, bool]:
        if kind not in JOB_KINDS:
            raise ValueError(f"unknown job kind {kind!r}")
        now = utcnow()
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
            queue=JOB_QUEUES[kind],
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

    def claim_next(
        self,
        queues: Sequence[str] = QUEUES,
        *,
        worker_id: str = "local",
        lease_seconds: float = 60.0,
        max_attempts: int | None = None,
    ) -> JobInfo | None:
        """Take the oldest claimable job of these queues under a lease: a queued job, or a running one
        whose lease ran out (its worker died). One statement, so two workers never claim the same job:
        on PostgreSQL the candidate row is locked with FOR UPDATE SKIP LOCKED (concurrent claimers skip
        to the next job instead of waiting), on SQLite the single UPDATE holds the write lock.

        A job whose workers kept dying is failed once it has had max_attempts tries."""
        while True:
            now = utcnow()
            claimable = _claimable(JobRow, queues, now)
            # An alias, so the subquery reads the table on its own instead of correlating with the UPDATE.
            other = aliased(JobRow)
            candidate = select(other.id).where(_claimable(other, queues, now)).order_by(other.id).limit(1)
            if self.engine.dialect.name == "postgresql":
                candidate = candidate.with_for_update(skip_locked=True)
            statement = (
                update(JobRow)
                .where(JobRow.id == candidate.scalar_subquery(), claimable)
                .values(
                    state="running",
                    attempts=JobRow.attempts + 1,
                    claimed_by=worker_id,
                    lease_expires_at=now + timedelta(seconds=lease_seconds),
                    updated_at=now,
                )
                .returning(JobRow.id)
                .execution_options(synchronize_session=False)
            )
            with self.session() as s, s.begin():
                job_id = s.scalars(statement).first()
                if job_id is None:
                    return None
                row = s.get(JobRow, job_id, populate_existing=True)
                assert row is not None
                job = _job(row)
            if max_attempts is None or job.attempts <= max_attempts:
                return job
            self.fail_job(
                job.id,
                f"gave up after {job.attempts - 1} attempts: the worker running it stopped each time",
                retry=False,
                worker_id=worker_id,
            )

    def heartbeat(self, worker_id: str, job_ids: Iterable[int], lease_seconds: float) -> set[int]:
        """Renew the leases of the jobs this worker runs; returns the ids it still holds."""
        ids = list(job_ids)
        if not ids:
            return set()
        now = utcnow()
        with self.session() as s, s.begin():
            held = s.scalars(
                update(JobRow)
                .where(JobRow.id.in_(ids), JobRow.claimed_by == worker_id, JobRow.state == "running")
                .values(lease_expires_at=now + timedelta(seconds=lease_seconds))
                .returning(JobRow.id)
                .execution_options(synchronize_session=False)
            ).all()
            return set(held)

    def finish_job(self, job_id: int, *, worker_id: str | None = None) -> bool:
        return self._settle(job_id, worker_id, state="done", error=None)

    def fail_job(self, job_id: int, error: str, *, retry: bool, worker_id: str | None = None) -> bool:
        return self._settle(job_id, worker_id, state="queued" if retry else "failed", error=error)

    def release_jobs(self, worker_id: str, job_ids: Iterable[int]) -> int:
        """A worker stopping with jobs still running hands them back at once instead of letting their
        leases run out."""
        ids = list(job_ids)
        if not ids:
            return 0
        with self.session() as s, s.begin():
            result = s.execute(
                update(JobRow)
                .where(JobRow.id.in_(ids), JobRow.claimed_by == worker_id, JobRow.state == "running")
                .values(state="queued", claimed_by=None, lease_expires_at=None, updated_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            return int(result.rowcount)  # type: ignore[attr-defined]

    def _settle(self, job_id: int, worker_id: str | None, *, state: str, error: str | None) -> bool:
        """End a run. With a worker id, only while that worker still holds the job: once its lease ran
        out and another worker took the job over, the late result of the first changes nothing.
        claimed_by stays, naming the worker that ran the job last. Returns whether the row changed."""
        conditions = [JobRow.id == job_id]
        if worker_id is not None:
            conditions += [JobRow.claimed_by == worker_id, JobRow.state == "running"]
        with self.session() as s, s.begin():
            result = s.execute(
                update(JobRow)
                .where(*conditions)
                .values(state=state, error=error, lease_expires_at=None, updated_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            return int(result.rowcount) == 1  # type: ignore[attr-defined]

    def job_counts(self) -> dict[str, int]:
        by_queue = self.job_counts_by_queue()
        return {state: sum(counts[state] for counts in by_queue.values()) for state in JOB_STATES}

    def job_counts_by_queue(self) -> dict[str, dict[str, int]]:
        with self.session() as s:
            rows = s.execute(select(JobRow.queue, JobRow.state, func.count()).group_by(JobRow.queue, JobRow.state))
            counts = {queue: dict.fromkeys(JOB_STATES, 0) for queue in QUEUES}
            for queue, state, n in rows:
                counts.setdefault(queue, dict.fromkeys(JOB_STATES, 0))[state] = int(n)
            return counts


def _title_contains(query: str) -> Any:
    escaped = query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return ArticleRow.title.ilike(f"%{escaped}%", escape="\\")


def _edits(s: Session, article_id: int) -> dict[str, PickEdit]:
    rows = s.scalars(select(PickEditRow).where(PickEditRow.article_id == article_id)).all()
    return {
        r.ticker: PickEdit(
            ticker=r.ticker,
            hidden=r.hidden,
            direction=r.direction,
            rationale_ko=r.rationale_ko,
            rationale_en=r.rationale_en,
            editor=r.editor,
            updated_at=r.updated_at,
        )
        for r in rows
    }


def _log(
    s: Session, article_id: int, ticker: str | None, action: str, detail: dict[str, Any], editor: str, now: datetime
) -> None:
    s.add(
        EditLogRow(
            article_id=article_id,
            ticker=ticker,
            action=action,
            detail_json=json.dumps(detail, ensure_ascii=False, sort_keys=True),
            editor=editor,
            created_at=now,
        )
    )


def _write_picks(s: Session, article_id: int, analysis_id: int, report: TrackerReport | None, now: datetime) -> None:
    """The picks table mirrors what readers see: the newest analysis with the desk's edits applied."""
    s.execute(delete(PickRow).where(PickRow.article_id == article_id))
    article = s.get(ArticleRow, article_id)
    if report is None or article is None or article.no_tracker:
        return
    for pick in apply_edits(report, _edits(s, article_id)).picks:
        s.add(
            PickRow(
                analysis_id=analysis_id,
                article_id=article_id,
                ticker=normalize_ticker(pick.ticker),
                name=pick.name,
                direction=pick.direction,
                score=pick.score,
                low_confidence=pick.low_confidence,
                created_at=now,
            )
        )


def _refresh_picks(s: Session, article_id: int, now: datetime) -> None:
    row = s.scalars(
        select(AnalysisRow).where(AnalysisRow.article_id == article_id).order_by(AnalysisRow.id.desc()).limit(1)
    ).first()
    if row is None:
        return
    report = TrackerReport.model_validate_json(row.report_json) if row.report_json else None
    _write_picks(s, article_id, row.id, report, row.created_at)
