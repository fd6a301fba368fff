"""Job workers: threads that take durable job rows from the store under leases, in the web process
(`serve`) or on their own (`newsimpact worker`)."""

from __future__ import annotations

import logging
import os
import secrets
import signal
import socket
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from newsimpact import __version__
from newsimpact.article import Article
from newsimpact.errors import NewsImpactError, TranslationCancelled
from newsimpact.extract.page import Page
from newsimpact.pipeline import ArticleTracker, ArticleTranslator, track_bounded
from newsimpact.store import JobInfo, Store
from newsimpact.store.progress import ProgressStore
from newsimpact.store.repository import QUEUES
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


def new_worker_id() -> str:
    """host:pid:random: names the lease holder in the jobs table (and in logs)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


class Worker:
    """Threads taking jobs from their queues under leases, with one heartbeat thread renewing them.

    pools maps a queue to its number of threads ({"analysis": 1, "translation": 2}); any number of
    Workers, in any number of processes, may share a database."""

    def __init__(
        self,
        store: Store,
        pipeline: ServicePipeline,
        *,
        pools: Mapping[str, int] | None = None,
        max_attempts: int = 3,
        poll_seconds: float = 1.0,
        lease_seconds: float = 60.0,
        abandon_after_s: float = 60.0,
    ) -> None:
        self.store = store
        self.progress = ProgressStore(store)
        self.abandon_after_s = abandon_after_s
        self.stop_poll_s = 0.5
        """How often a running translation asks the database whether to stop (the engine polls per token)."""
        self.pipeline = pipeline
        self.pools = {queue: n for queue, n in (pools or {}).items() if n > 0}
        unknown = set(self.pools) - set(QUEUES)
        if unknown:
            raise ValueError(f"unknown queue(s) {sorted(unknown)}: expected {', '.join(QUEUES)}")
        self.max_attempts = max_attempts
        self.poll_seconds = poll_seconds
        self.lease_seconds = lease_seconds
        self.id = new_worker_id()
        self._stop = threading.Event()
        self._wakes: list[threading.Event] = []
        self._threads: list[threading.Thread] = []
        self._running: set[int] = set()
        self._running_lock = threading.Lock()

    def start(self) -> None:
        for queue, count in self.pools.items():
            for n in range(count):
                wake = threading.Event()
                thread = threading.Thread(
                    target=self._loop, args=((queue,), wake), name=f"newsimpact-{queue}-{n}", daemon=True
                )
                self._wakes.append(wake)
                self._threads.append(thread)
        if self._threads:
            beat = threading.Thread(target=self._heartbeat_loop, name="newsimpact-heartbeat", daemon=True)
            self._threads.append(beat)
        for thread in self._threads:
            thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self.wake()
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        self._threads.clear()
        # Jobs still running (a long translation) go back to the queue now rather than when the lease
        # runs out; if this thread finishes one later, its result is kept and the job state left alone.
        with self._running_lock:
            left = set(self._running)
        if left:
            try:
                released = self.store.release_jobs(self.id, left)
                log.info("worker %s: handed back %d running job(s)", self.id, released)
            except Exception:
                log.exception("worker %s: could not hand back jobs; their leases will run out", self.id)

    def wake(self) -> None:
        for event in self._wakes:
            event.set()

    def run_pending(self) -> int:
        """Run queued jobs of every queue in the calling thread until none is left; returns how many ran."""
        count = 0
        while self.run_one():
            count += 1
        return count

    def run_one(self, queues: Sequence[str] | None = None) -> bool:
        job = self.store.claim_next(
            tuple(queues) if queues else QUEUES,
            worker_id=self.id,
            lease_seconds=self.lease_seconds,
            max_attempts=self.max_attempts,
        )
        if job is None:
            return False
        with self._running_lock:
            self._running.add(job.id)
        try:
            self._process(job)
        finally:
            with self._running_lock:
                self._running.discard(job.id)
        return True

    def _loop(self, queues: Sequence[str], wake: threading.Event) -> None:
        while not self._stop.is_set():
            try:
                ran = self.run_one(queues)
            except Exception:  # a database hiccup must not kill the worker thread
                log.exception("worker: could not take a job")
                ran = False
            if not ran:
                wake.wait(self.poll_seconds)
                wake.clear()

    def _heartbeat_loop(self) -> None:
        every = self.lease_seconds / 3
        while not self._stop.wait(every):
            with self._running_lock:
                running = set(self._running)
            if not running:
                continue
            try:
                held = self.store.heartbeat(self.id, running, self.lease_seconds)
            except Exception:
                log.exception("worker %s: could not renew leases (will try again)", self.id)
                continue
            for lost in running - held:
                log.warning("worker %s: lost the lease of job %d; another worker may run it", self.id, lost)

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
            message, retry = str(exc), self._stop.is_set()
            self._settle(job, lambda: self.store.fail_job(job.id, message, retry=retry, worker_id=self.id))
        except NewsImpactError as exc:
            # The input cannot be handled; running it again gives the same answer.
            log.warning("job %d (%s) failed: %s", job.id, job.kind, exc)
            message = str(exc)
            self._settle(job, lambda: self.store.fail_job(job.id, message, retry=False, worker_id=self.id))
        except Exception as exc:
            retry = job.attempts < self.max_attempts
            log.exception("job %d (%s) crashed (attempt %d)", job.id, job.kind, job.attempts)
            error = f"{type(exc).__name__}: {exc}"
            self._settle(job, lambda: self.store.fail_job(job.id, error, retry=retry, worker_id=self.id))
        else:
            self._settle(job, lambda: self.store.finish_job(job.id, worker_id=self.id))

    def _settle(self, job: JobInfo, write: Callable[[], bool]) -> None:
        """Record a job's end, retrying through a database outage for as long as the lease would have
        lasted; past that another worker will have taken the job over, and running it again is safe
        (jobs skip work already done)."""
        deadline = time.monotonic() + self.lease_seconds
        pause = 0.2
        while True:
            try:
                if not write():
                    log.warning("job %d: lease lost before it finished; another worker took it over", job.id)
                return
            except Exception:
                if time.monotonic() + pause > deadline:
                    log.exception("job %d: could not record its end; its lease will run out", job.id)
                    return
                log.warning("job %d: could not record its end; retrying in %.1fs", job.id, pause)
                time.sleep(pause)
                pause = min(pause * 2, 5.0)

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
        report = track_bounded(tracker, stored.article)
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


def run_workers(
    store: Store,
    pipeline: ServicePipeline,
    pools: Mapping[str, int],
    *,
    max_attempts: int = 3,
    poll_seconds: float = 1.0,
    lease_seconds: float = 60.0,
    abandon_after_s: float = 60.0,
    on_ready: Callable[[Worker], None] | None = None,
) -> None:
    """A worker process without the web server (`newsimpact worker`): runs until SIGTERM or SIGINT,
    then hands back the jobs it has not finished."""
    worker = Worker(
        store,
        pipeline,
        pools=pools,
        max_attempts=max_attempts,
        poll_seconds=poll_seconds,
        lease_seconds=lease_seconds,
        abandon_after_s=abandon_after_s,
    )
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda _signum, _frame: stop.set())
    worker.start()
    if on_ready is not None:
        on_ready(worker)
    try:
        stop.wait()
    finally:
        worker.stop()
