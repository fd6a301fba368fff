"""In-process job runner: worker threads that take durable job rows from the store."""

from __future__ import annotations

import logging
import threading
from typing import Protocol

from newsimpact import __version__
from newsimpact.article import Article
from newsimpact.errors import NewsImpactError
from newsimpact.extract.bounds import for_tracker
from newsimpact.extract.page import Page
from newsimpact.pipeline import ArticleTracker, ArticleTranslator
from newsimpact.store import JobInfo, Store

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
    ) -> None:
        self.store = store
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
        # Bounded as in the pipeline: articles stored before paragraphs were bounded may hold one the
        # tracker would chew on for minutes.
        report = tracker.track(for_tracker(stored.article)) if tracker is not None else None
        engines = {
            "newsimpact": __version__,
            "tracker": engine_name(tracker) if tracker is not None else "none",
        }
        self.store.save_analysis(stored.id, stored.content_hash, report, engines)

    def _translate(self, job: JobInfo) -> None:
        stored = self.store.get_article(job.article_id)
        if stored is None or job.language is None:
            return
        if self.store.get_translation(stored.id, job.language, stored.content_hash) is not None:
            return
        translation = self.pipeline.translator.translate(stored.article, job.language)
        self.store.save_translation(stored.id, job.language, stored.content_hash, translation)
