"""What the API and the pages share: ingest, article state, translation requests, ticker history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from newsimpact.article import Article
from newsimpact.errors import InputError, NewsImpactError
from newsimpact.extract.page import Page
from newsimpact.store import IngestResult, JobInfo, Store, StoredAnalysis, StoredArticle, StoredPick
from newsimpact.translate.translation import SUPPORTED_TARGETS, Translation

from .settings import ServiceSettings
from .storage import StorageHealth
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


MAX_ID = 2**63 - 1
"""Ids are 64-bit signed integers in the database; larger ones cannot exist."""


def page_article_id(raw: str) -> int:
    """An article id from a page URL; anything that cannot be one is simply not found."""
    text = raw.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 19 or not 1 <= int(text) <= MAX_ID:
        raise NotFound(f"no article with id {raw[:40]!r}")
    return int(text)


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


class NewsService:
    def __init__(
        self, settings: ServiceSettings, store: Store, pipeline: ServicePipeline, worker: Worker
    ) -> None:
        self.settings = settings
        self.store = store
        self.pipeline = pipeline
        self.worker = worker
        self.storage = StorageHealth(store)

    # -- ingest ---------------------------------------------------------------------------------

    def ingest(self, page: Page, source: bytes, source_type: str) -> tuple[IngestResult, AnalysisState]:
        article = self.pipeline.extract(page)
        if page.url and not article.url:
            # The caller knows where the page came from; that URL is how re-ingests are recognised.
            article = article.model_copy(update={"url": page.url})
        if not article.paragraphs and not article.title:
            raise InputError("the page holds no article text")
        languages = [
            code
            for code in (canonical_language(language) for language in self.settings.service.translate_at_ingest)
            if code is not None and code in targets_for(article)
        ]
        # One transaction stores the article and queues its jobs.
        result = self.store.upsert_article(article, source, source_type, translate_to=languages)
        self.storage.succeeded()
        stored = result.article
        if result.queued:
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

    def request_translation(self, article_id: int, language: str) -> TranslationState:
        stored = self.article(article_id)
        code = self.check_language(stored, language)
        cached = self.store.get_translation(stored.id, code, stored.content_hash)
        if cached is not None:
            return TranslationState(code, "done", cached.model_copy(update={"cached": True}), None)
        job, _new = self.store.enqueue("translate", stored.id, code)
        self.worker.wake()
        return TranslationState(code, job.state, None, job)

    def translation_state(self, article_id: int, language: str) -> TranslationState:
        stored = self.article(article_id)
        code = self.check_language(stored, language)
        cached = self.store.get_translation(stored.id, code, stored.content_hash)
        if cached is not None:
            return TranslationState(code, "done", cached, None)
        job = self.store.latest_job("translate", stored.id, code)
        if job is None:
            raise NotFound(f"no {code} translation of article {article_id} was requested: POST it first")
        state = "queued" if job.state == "done" else job.state
        return TranslationState(code, state, None, job)


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
