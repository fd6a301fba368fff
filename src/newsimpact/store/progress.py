"""Translation progress (issue 12): what a running translation job has finished, for the reader's
page, and whether the job should stop (cancelled, or its reader has gone).

Kept apart from the jobs table (owned by the job queue) in its own table, one row per translation job.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from newsimpact.store.models import JobRow, TranslationProgressRow, utcnow
from newsimpact.store.repository import Store


@dataclass(frozen=True)
class Progress:
    job_id: int
    done: int
    total: int
    segments: dict[str, str]
    """Finished segments ("title", "byline", "paragraph:3", "caption:0") -> their translation."""
    warnings: list[dict[str, str]] = field(default_factory=list)
    """{"segment": ..., "message": ...} for finished segments that failed a check."""
    started_at: datetime | None = None
    updated_at: datetime | None = None
    cancel_requested: bool = False


class ProgressStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _ensure(self, job_id: int) -> None:
        """The job's row exists. Readers and the worker may both create it at once: one insert wins."""
        with self.store.session() as s:
            if s.get(TranslationProgressRow, job_id) is not None:
                return
        with self.store.session() as s:
            try:
                with s.begin():
                    s.add(
                        TranslationProgressRow(
                            job_id=job_id,
                            done=0,
                            total=0,
                            segments_json="{}",
                            warnings_json="[]",
                            updated_at=utcnow(),
                            pinned=False,
                            cancel_requested=False,
                        )
                    )
            except IntegrityError:
                pass  # created meanwhile by another thread or process

    def _set(self, job_id: int, **values: object) -> None:
        self._ensure(job_id)
        with self.store.session() as s, s.begin():
            s.execute(update(TranslationProgressRow).where(TranslationProgressRow.job_id == job_id).values(**values))

    def pin(self, job_id: int) -> None:
        """A job queued at ingest: nobody watches it, and it must finish anyway."""
        self._set(job_id, pinned=True)

    def watched(self, job_id: int) -> None:
        """A reader asked about the job (requested it, or polled it) just now."""
        self._set(job_id, watched_at=utcnow())

    def start(self, job_id: int) -> None:
        """A (re)started job: earlier partial results are dropped, the cancel flag is kept."""
        now = utcnow()
        self._set(job_id, done=0, total=0, segments_json="{}", warnings_json="[]", started_at=now, updated_at=now)

    def record(self, job_id: int, segment: str, text: str, warnings: list[str], done: int, total: int) -> None:
        """A finished segment (only the job's worker writes these, so read-modify-write is safe)."""
        self._ensure(job_id)
        with self.store.session() as s, s.begin():
            row = s.get(TranslationProgressRow, job_id)
            assert row is not None
            segments = json.loads(row.segments_json)
            segments[segment] = text
            row.segments_json = json.dumps(segments, ensure_ascii=False)
            if warnings:
                found = json.loads(row.warnings_json)
                found.append({"segment": segment, "message": "; ".join(warnings)})
                row.warnings_json = json.dumps(found, ensure_ascii=False)
            row.done, row.total, row.updated_at = done, total, utcnow()

    def cancel(self, job_id: int) -> None:
        self._set(job_id, cancel_requested=True)

    def should_stop(self, job_id: int, abandon_after_s: float) -> bool:
        """Cancelled, or requested by a reader who has not asked about it for `abandon_after_s` seconds."""
        with self.store.session() as s:
            row = s.get(TranslationProgressRow, job_id)
            if row is None:
                return False
            if row.cancel_requested:
                return True
            if row.pinned or row.watched_at is None:
                return False
            return utcnow() - row.watched_at > timedelta(seconds=abandon_after_s)

    def get(self, job_id: int) -> Progress | None:
        with self.store.session() as s:
            row = s.get(TranslationProgressRow, job_id)
            if row is None:
                return None
            return Progress(
                job_id=job_id,
                done=row.done,
                total=row.total,
                segments=json.loads(row.segments_json),
                warnings=json.loads(row.warnings_json),
                started_at=row.started_at,
                updated_at=row.updated_at,
                cancel_requested=row.cancel_requested,
            )

    def queue_position(self, job_id: int) -> int:
        """1 when the job is next among queued translation jobs; 0 when it is not queued."""
        with self.store.session() as s:
            job = s.get(JobRow, job_id)
            if job is None or job.state != "queued":
                return 0
            ahead = s.scalar(
                select(func.count())
                .select_from(JobRow)
                .where(JobRow.kind == "translate", JobRow.state == "queued", JobRow.id < job_id)
            )
            return int(ahead or 0) + 1

    def queued_translations(self) -> int:
        with self.store.session() as s:
            count = s.scalar(
                select(func.count()).select_from(JobRow).where(JobRow.kind == "translate", JobRow.state == "queued")
            )
            return int(count or 0)
