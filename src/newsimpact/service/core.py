"""What the API and the pages share: ingest, article state, translation requests, ticker history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from newsimpact.article import Article
from newsimpact.errors import InputError, NewsImpactError
from newsimpact.extract.page import Page
from newsimpact.store import IngestResult, JobInfo, Store, StoredAnalysis, StoredArticle, StoredPick
from newsimpact.store.progress import Progress, ProgressStore
from newsimpact.translate.translation import SUPPORTED_TARGETS, Translation

from .limits import RateLimited, RateLimiter
from .settings import ServiceSettings
from .worker import ServicePipeline, Worker

LANGUAGE_LABELS: dict[str, str] = {
    "en": "English",
    "ja": "日本語",
    "zh-Hans": "简体中文",
    "zh-Hant": "繁體中文",
    "vi": "Tiếng Việt",
    "ko": "한국어",
}
"""Each language named in itself, as a language picker shows it."""

_CANONICAL = {code.lower(): code for code in LANGUAGE_LABELS}


class NotFound(NewsImpactError):
    """An id, ticker or translation that does not exist."""


class UnsupportedLanguage(NewsImpactError):
    """A translation target this article cannot be translated into."""


def canonical_language(code: str) -> str | None:
    """zh-hans -> zh-Hans; None for codes we do not know."""
    return _CANONICAL.get(code.strip().lower().replace("_", "-"))


def targets_for(article: Article) -> tuple[str, ...]:
    return SUPPORTED_TARGETS.get(article.language, ())


@dataclass(frozen=True)
class AnalysisState:
    state: str
    """queued | running | done | failed"""
    analysis: StoredAnalysis | None
    error: str | None = None


@dataclass(frozen=True)
class TranslationState:
    language: str
    state: str
    """queued | running | done | failed"""
    translation: Translation | None
    job: JobInfo | None
    progress: Progress | None = None
    """Segments finished so far while the job runs."""
    queue_position: int = 0
    """1 = next among queued translations; 0 = not waiting in the queue."""


class NewsService:
    def __init__(
        self, settings: ServiceSettings, store: Store, pipeline: ServicePipeline, worker: Worker
    ) -> None:
        self.settings = settings
        self.store = store
        self.pipeline = pipeline
        self.worker = worker
        self.progress = ProgressStore(store)
        options = settings.service
        self.limiter = RateLimiter(
            options.translation_requests_per_client,
            options.translation_requests_overall,
            options.translation_rate_window_s,
        )

    # -- ingest ---------------------------------------------------------------------------------

    def ingest(self, page: Page, source: bytes, source_type: str) -> tuple[IngestResult, AnalysisState]:
        article = self.pipeline.extract(page)
        if page.url and not article.url:
            # The caller knows where the page came from; that URL is how re-ingests are recognised.
            article = article.model_copy(update={"url": page.url})
        if not article.paragraphs and not article.title:
            raise InputError("the page holds no article text")
        result = self.store.upsert_article(article, source, source_type)
        stored = result.article
        queued = False
        if result.changed:
            self.store.enqueue("analyze", stored.id)
            queued = True
        for language in self.settings.service.translate_at_ingest:
            code = canonical_language(language)
            if code in targets_for(article) and (
                result.changed or self.store.get_translation(stored.id, code, stored.content_hash) is None
            ):
                job, _new = self.store.enqueue("translate", stored.id, code)
                self.progress.pin(job.id)  # nobody waits for it on a page, and it must finish anyway
                queued = True
        if queued:
            self.worker.wake()
        return result, self.analysis_state(stored)

    # -- reads ----------------------------------------------------------------------------------

    def article(self, article_id: int) -> StoredArticle:
        stored = self.store.get_article(article_id)
        if stored is None:
            raise NotFound(f"no article with id {article_id}")
        return stored

    def analysis_state(self, stored: StoredArticle) -> AnalysisState:
        analysis = self.store.latest_analysis(stored.id)
        if analysis is not None and analysis.content_hash == stored.content_hash:
            return AnalysisState("done", analysis)
        job = self.store.latest_job("analyze", stored.id)
        if job is None or job.state == "done":
            # Done for an older text, and the newer job is not visible yet: it is waiting.
            return AnalysisState("queued", None)
        return AnalysisState(job.state, None, job.error)

    def recent(self, limit: int = 20) -> list[tuple[StoredArticle, list[StoredPick]]]:
        articles = self.store.recent_articles(limit)
        picks = self.store.picks_for_articles(a.id for a in articles)
        return [(a, picks.get(a.id, [])) for a in articles]

    def ticker(self, ticker: str, limit: int = 50) -> list[StoredPick]:
        return self.store.ticker_picks(ticker, limit)

    # -- translations ---------------------------------------------------------------------------

    def check_language(self, stored: StoredArticle, language: str) -> str:
        code = canonical_language(language)
        if code is None:
            known = ", ".join(LANGUAGE_LABELS)
            raise UnsupportedLanguage(f"unknown language {language!r}: expected one of {known}")
        if code == stored.article.language:
            raise UnsupportedLanguage(f"the article is already in {code}")
        targets = targets_for(stored.article)
        if code not in targets:
            source = stored.article.language
            allowed = ", ".join(targets) or "none"
            raise UnsupportedLanguage(
                f"a {source} article cannot be translated into {code} (supported: {allowed})"
            )
        return code

    def request_translation(self, article_id: int, language: str, client: str | None = None) -> TranslationState:
        """Queue a translation unless it is stored or already on its way.

        `client` (an IP address) is given for public requests: a new job then counts against the
        rate limits, and a full queue refuses it (RateLimited, a 429). Asking again about a job
        already queued or running costs nothing."""
        stored = self.article(article_id)
        code = self.check_language(stored, language)
        cached = self.store.get_translation(stored.id, code, stored.content_hash)
        if cached is not None:
            job = self.store.latest_job("translate", stored.id, code)
            return TranslationState(code, "done", cached.model_copy(update={"cached": True}), job)
        latest = self.store.latest_job("translate", stored.id, code)
        if latest is not None and latest.state in ("queued", "running"):
            return self._waiting(code, latest)
        if client is not None:
            queued = self.progress.queued_translations()
            if queued >= self.settings.service.max_queued_translations:
                raise RateLimited(f"the translation queue is full ({queued} waiting): try again in a minute", 60)
            self.limiter.take(client)
        job, _new = self.store.enqueue("translate", stored.id, code)
        self.worker.wake()
        return self._waiting(code, job)

    def _waiting(self, code: str, job: JobInfo) -> TranslationState:
        """A job's state for a reader who is waiting for it (which keeps it from being abandoned)."""
        self.progress.watched(job.id)
        progress = self.progress.get(job.id) if job.state == "running" else None
        return TranslationState(code, job.state, None, job, progress, self.progress.queue_position(job.id))

    def translation_state(self, article_id: int, language: str) -> TranslationState:
        stored = self.article(article_id)
        code = self.check_language(stored, language)
        cached = self.store.get_translation(stored.id, code, stored.content_hash)
        job = self.store.latest_job("translate", stored.id, code)
        if cached is not None:
            return TranslationState(code, "done", cached, job)
        if job is None:
            raise NotFound(f"no {code} translation of article {article_id} was requested: POST it first")
        if job.state == "done":  # done for an older text; the newer job is not visible yet
            return TranslationState(code, "queued", None, job)
        if job.state == "failed":
            return TranslationState(code, "failed", None, job)
        return self._waiting(code, job)

    def cancel_translation(self, article_id: int, language: str) -> TranslationState:
        """Stop a queued or running translation: a queued one never starts, a running one stops
        within a token (the local engine) or a streamed chunk (an OpenAI-compatible server)."""
        stored = self.article(article_id)
        code = self.check_language(stored, language)
        job = self.store.latest_job("translate", stored.id, code)
        if job is None or job.state not in ("queued", "running"):
            raise NotFound(f"no {code} translation of article {article_id} is waiting or running")
        self.progress.cancel(job.id)
        if job.state == "queued":
            self.store.fail_job(job.id, "cancelled before it started", retry=False)
        return TranslationState(
            code, "failed" if job.state == "queued" else "running", None, self.store.get_job(job.id)
        )


def daily_counts(picks: list[StoredPick]) -> list[tuple[date, int, int]]:
    """(day, positive, negative) for each day from the first pick to the last, gaps included."""
    by_day: dict[date, list[int]] = {}
    for pick in picks:
        when: datetime = pick.published or pick.created_at
        counts = by_day.setdefault(when.date(), [0, 0])
        counts[0 if pick.direction == "positive" else 1] += 1
    if not by_day:
        return []
    first, last = min(by_day), max(by_day)
    days = [date.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1)][-31:]
    result: list[tuple[date, int, int]] = []
    for day in days:
        positive, negative = by_day.get(day, [0, 0])
        result.append((day, positive, negative))
    return result
