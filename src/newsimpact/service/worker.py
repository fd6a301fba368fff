"""In-process job runner: worker threads that take durable job rows from the store."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Protocol

from newsimpact import __version__
from newsimpact.article import Article
from newsimpact.errors import NewsImpactError, TranslationCancelled
from newsimpact.extract.page import Page
from newsimpact.pipeline import ArticleTracker, ArticleTranslator
from newsimpact.store import JobInfo, Store
from newsimpact.store.progress import ProgressStore
from newsimpact.translate.translator import SegmentDone

log = logging.getLogger("newsimpact.service")


class ServicePipeline(Protocol):
    """The part of newsimpact.pipeline.Pipeline the service uses (a Protocol so tests can pass fakes)."""

    def extract(self, page: Page) -> Article: ...

    @property
    def tracker(self) -> ArticleTracker | None: ...

    @property
    def translator(self) -> ArticleTranslator: ...


def engine_name(engine: object) -> str:
    name = f"{type(engine).__module__}.{type(engine).__qualname__}"
    version = getattr(engine, "version", None)
    return f"{name} {version}" if isinstance(version, str) else name


class Worker:
    def __init__(
        self,
        store: Store,
        pipeline: ServicePipeline,
        *,
        threads: int = 1,
        max_attempts: int = 3,
        poll_seconds: float = 1.0,
        abandon_after_s: float = 60.0,
    ) -> None:
        self.store = store
        self.progress = ProgressStore(store)
        self.abandon_after_s = abandon_after_s
        self.stop_poll_s = 0.5
        """How often a running translation asks the database whether to stop (the engine polls per token)."""
        self.pipeline = pipeline
        self.threads = threads
        self.max_attempts = max_attempts
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        requeued = self.store.requeue_running()
        if requeued:
            log.info("re-queued %d job(s) left running by a previous process", requeued)
        for n in range(self.threads):
            thread = threading.Thread(target=self._loop, name=f"newsimpact-worker-{n}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()

    def wake(self) -> None:
        self._wake.set()

    def run_pending(self) -> int:
        """Run queued jobs in the calling thread until none is left; returns how many ran."""
        count = 0
        while self.run_one():
            count += 1
        return count

    def run_one(self) -> bool:
        job = self.store.claim_next()
        if job is None:
            return False
        self._process(job)
        return True

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                ran = self.run_one()
            except Exception:  # a database hiccup must not kill the worker thread
                log.exception("worker: could not take a job")
                ran = False
            if not ran:
                self._wake.wait(self.poll_seconds)
                self._wake.clear()

    def _process(self, job: JobInfo) -> None:
        try:
            if job.kind == "analyze":
                self._analyze(job)
            elif job.kind == "translate":
                self._translate(job)
            else:
                raise NewsImpactError(f"unknown job kind {job.kind!r}")
        except TranslationCancelled as exc:
            log.info("job %d (%s) stopped: %s", job.id, job.kind, exc)
            # Stopped by a shutdown: queued again, to finish after the restart.
            self.store.fail_job(job.id, str(exc), retry=self._stop.is_set())
        except NewsImpactError as exc:
            # The input cannot be handled; running it again gives the same answer.
            log.warning("job %d (%s) failed: %s", job.id, job.kind, exc)
            self.store.fail_job(job.id, str(exc), retry=False)
        except Exception as exc:
            retry = job.attempts < self.max_attempts
            log.exception("job %d (%s) crashed (attempt %d)", job.id, job.kind, job.attempts)
            self.store.fail_job(job.id, f"{type(exc).__name__}: {exc}", retry=retry)
        else:
            self.store.finish_job(job.id)

    def _analyze(self, job: JobInfo) -> None:
        stored = self.store.get_article(job.article_id)
        if stored is None:
            return
        latest = self.store.latest_analysis(stored.id)
        if latest is not None and latest.content_hash == stored.content_hash:
            return  # an earlier job already analysed this exact text
        tracker = self.pipeline.tracker
        report = tracker.track(stored.article) if tracker is not None else None
        engines = {
            "newsimpact": __version__,
            "tracker": engine_name(tracker) if tracker is not None else "none",
        }
        self.store.save_analysis(stored.id, stored.content_hash, report, engines)

    def _stop_check(self, job_id: int) -> Callable[[], bool]:
        """True once the job is cancelled, its reader has left, or the service is stopping.

        The engine polls it between tokens, so the database is asked at most twice a second."""
        checked = [0.0, False]

        def stop() -> bool:
            if self._stop.is_set():
                raise TranslationCancelled("the service is stopping")  # re-queued at the next start
            now = time.monotonic()
            if now - checked[0] >= self.stop_poll_s:
                checked[0], checked[1] = now, self.progress.should_stop(job_id, self.abandon_after_s)
            if checked[1]:
                raise TranslationCancelled("translation cancelled: the request was cancelled or its reader left")
            return False

        return stop

    def _translate(self, job: JobInfo) -> None:
        stored = self.store.get_article(job.article_id)
        if stored is None or job.language is None:
            return
        if self.store.get_translation(stored.id, job.language, stored.content_hash) is not None:
            return
        self.progress.start(job.id)

        def record(step: SegmentDone) -> None:
            self.progress.record(job.id, step.segment, step.text, step.warnings, step.done, step.total)

        translation = self.pipeline.translator.translate(
            stored.article, job.language, progress=record, stop=self._stop_check(job.id)
        )
        self.store.save_translation(stored.id, job.language, stored.content_hash, translation)
