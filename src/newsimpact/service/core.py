"""What the API and the pages share: ingest, article state, translation requests, ticker history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import cached_property

from newsimpact.article import Article
from newsimpact.errors import InputError, NewsImpactError
from newsimpact.extract.page import Page
from newsimpact.knowledge.base import KnowledgeBase
from newsimpact.store import (
    IngestResult,
    JobInfo,
    PickEdit,
    Store,
    StoredAnalysis,
    StoredArticle,
    StoredPick,
    apply_edits,
    normalize_ticker,
)
from newsimpact.store.progress import Progress, ProgressStore
from newsimpact.tracker.report import TrackerReport
from newsimpact.translate.translation import SUPPORTED_TARGETS, Translation

from .limits import RateLimited, RateLimiter
from .prices import Move, PriceSource, move_since
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
    edits: dict[str, PickEdit] = field(default_factory=dict)
    no_tracker: bool = False

    @property
    def report(self) -> TrackerReport | None:
        """What readers see: the tracker's report with the desk's edits; None when the desk hid it."""
        if self.analysis is None or self.analysis.report is None or self.no_tracker:
            return None
        return apply_edits(self.analysis.report, self.edits)


@dataclass(frozen=True)
class CompanyInfo:
    ticker: str
    name: str
    name_ko: str | None
    sector: str | None
    sector_ko: str | None


class CompanyDirectory:
    """Names and sectors of listed companies, from the knowledge base (loaded on first use)."""

    def __init__(self, load: Callable[[], KnowledgeBase] | None = None) -> None:
        self._load = load

    @cached_property
    def kb(self) -> KnowledgeBase:
        if self._load is not None:
            return self._load()
        from newsimpact.knowledge.base import load_knowledge

        return load_knowledge()

    def get(self, ticker: str) -> CompanyInfo | None:
        company = self.kb.company(ticker)
        if company is None:
            return None
        return CompanyInfo(
            ticker=company.ticker,
            name=company.name,
            name_ko=self.kb.name_ko(company.ticker),
            sector=company.sector,
            sector_ko=self.kb.sector_ko(company.sector),
        )

    def name_ko(self, ticker: str) -> str | None:
        return self.kb.name_ko(normalize_ticker(ticker))

    def sector_of(self, ticker: str) -> str | None:
        company = self.kb.company(ticker)
        return company.sector if company is not None else None

    def sector_members(self, sector: str) -> list[str]:
        return [c.ticker for c in self.kb.companies.values() if c.sector == sector]


@dataclass(frozen=True)
class Related:
    """Another article that shares picks or sectors with this one."""

    article_id: int
    title: str
    published: datetime | None
    shared: list[str]
    """Tickers both articles picked."""
    score: float


@dataclass
class _Candidate:
    title: str
    published: datetime | None
    shared: list[str] = field(default_factory=list)
    sectors: set[str] = field(default_factory=set)
    score: float = 0.0


@dataclass(frozen=True)
class TickerView:
    ticker: str
    company: CompanyInfo | None
    picks: list[StoredPick]
    closes: list[tuple[date, float]]


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
        self,
        settings: ServiceSettings,
        store: Store,
        pipeline: ServicePipeline,
        worker: Worker,
        prices: PriceSource,
        directory: CompanyDirectory | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.pipeline = pipeline
        self.worker = worker
        self.prices = prices
        self.directory = directory or CompanyDirectory()
        self.storage = StorageHealth(store)
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
        languages = [
            code
            for code in (canonical_language(language) for language in self.settings.service.translate_at_ingest)
            if code is not None and code in targets_for(article)
        ]
        # One transaction stores the article and queues its jobs.
        result = self.store.upsert_article(article, source, source_type, translate_to=languages)
        self.storage.succeeded()
        stored = result.article
        for job_id in result.translation_jobs:
            self.progress.pin(job_id)  # nobody waits for it on a page, and it must finish anyway
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
            return AnalysisState("done", analysis, None, self.store.pick_edits(stored.id), stored.no_tracker)
        job = self.store.latest_job("analyze", stored.id)
        if job is None or job.state == "done":
            # Done for an older text, and the newer job is not visible yet: it is waiting.
            return AnalysisState("queued", None)
        return AnalysisState(job.state, None, job.error)

    def recent(self, limit: int = 20, offset: int = 0, query: str = "") -> list[tuple[StoredArticle, list[StoredPick]]]:
        articles = self.store.recent_articles(limit, offset, query)
        picks = self.store.picks_for_articles(a.id for a in articles)
        return [(a, picks.get(a.id, [])) for a in articles]

    def ticker(self, ticker: str, limit: int = 50) -> list[StoredPick]:
        return self.store.ticker_picks(ticker, limit)

    def ticker_view(self, ticker: str, limit: int = 100, include_low_confidence: bool = False) -> TickerView:
        """A listed company, or one some article picked firmly (or tentatively, when asked for those);
        anything else does not exist here."""
        code = normalize_ticker(ticker)
        company = self.directory.get(code)
        picks = self.store.ticker_picks(code, limit, include_low_confidence)
        if company is None and not picks:
            raise NotFound(f"no listed company or picked stock with ticker {code}")
        return TickerView(code, company, picks, self.prices.closes(code))

    def moves(self, report: TrackerReport | None, published: datetime | None) -> dict[str, Move]:
        """Each pick's price move since the article appeared, where the price history covers it."""
        if report is None or published is None:
            return {}
        out: dict[str, Move] = {}
        start = date.fromordinal(published.date().toordinal() - 14)
        for pick in report.picks:
            move = move_since(self.prices.closes(pick.ticker, start), published)
            if move is not None:
                out[pick.ticker] = move
        return out

    def related(self, stored: StoredArticle, report: TrackerReport | None, limit: int = 4) -> list[Related]:
        """Articles sharing this one's firm picks (strongest), their sectors, then the nearest in time."""
        firm = [p for p in report.picks if not p.low_confidence] if report is not None else []
        if not firm:
            return []
        mine = {normalize_ticker(p.ticker): p.direction for p in firm}
        sectors = {s for s in (self.directory.sector_of(t) for t in mine) if s}
        peers = {t for sector in sectors for t in self.directory.sector_members(sector)}
        candidates = self.store.picks_for_tickers(set(mine) | peers, 300, exclude_article=stored.id)
        when = stored.article.published or stored.created_at
        found: dict[int, _Candidate] = {}
        for pick in candidates:
            entry = found.setdefault(pick.article_id, _Candidate(pick.title, pick.published))
            if pick.ticker in mine and pick.ticker not in entry.shared:
                entry.shared.append(pick.ticker)
                entry.score += 4.0 if mine[pick.ticker] == pick.direction else 3.0
            sector = self.directory.sector_of(pick.ticker)
            if sector in sectors and sector not in entry.sectors:
                entry.sectors.add(sector)
                entry.score += 1.0
        out: list[Related] = []
        for article_id, entry in found.items():
            days = abs(((entry.published or when) - when).total_seconds()) / 86400
            closeness = 1.0 / (1.0 + days / 7.0)  # a week apart counts half
            out.append(Related(article_id, entry.title, entry.published, entry.shared, entry.score + closeness))
        oldest = datetime.min.replace(tzinfo=UTC)
        out.sort(key=lambda r: (-r.score, -(r.published or oldest).timestamp()))
        return out[:limit]

    # -- the desk -------------------------------------------------------------------------------

    def picked_tickers(self, stored: StoredArticle, low_confidence_only: bool = False) -> list[str]:
        """The tickers the tracker itself picked (an editor corrects these; it adds none)."""
        analysis = self.store.latest_analysis(stored.id)
        report = analysis.report if analysis is not None else None
        if report is None:
            return []
        return [normalize_ticker(p.ticker) for p in report.picks if p.low_confidence or not low_confidence_only]

    def edit_pick(self, article_id: int, edit: PickEdit) -> None:
        """Store a correction of one of the tracker's picks; values equal to the tracker's own are not
        kept as edits (a desk form sends every field back)."""
        stored = self.article(article_id)
        ticker = normalize_ticker(edit.ticker)
        analysis = self.store.latest_analysis(stored.id)
        report = analysis.report if analysis is not None else None
        pick = next((p for p in report.picks if normalize_ticker(p.ticker) == ticker), None) if report else None
        if pick is None:
            raise NotFound(f"article {article_id} has no pick {ticker} to edit")
        edit = replace(
            edit,
            ticker=ticker,
            direction=edit.direction if edit.direction != pick.direction else None,
            rationale_ko=edit.rationale_ko if edit.rationale_ko != pick.rationale_ko else None,
            rationale_en=edit.rationale_en if edit.rationale_en != pick.rationale_en else None,
        )
        if edit.changes() == {"hidden": False}:
            # Saving the tracker's own values is no edit: drop an earlier one rather than store nothing.
            self.store.revert_pick_edit(article_id, ticker, edit.editor)
            return
        self.store.save_pick_edit(article_id, edit)

    def revert_pick(self, article_id: int, ticker: str, editor: str) -> None:
        self.article(article_id)
        if not self.store.revert_pick_edit(article_id, ticker, editor):
            raise NotFound(f"article {article_id} has no edit of {normalize_ticker(ticker)} to revert")

    def set_no_tracker(self, article_id: int, no_tracker: bool, editor: str) -> None:
        self.article(article_id)
        self.store.set_no_tracker(article_id, no_tracker, editor)

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
            raise UnsupportedLanguage(f"a {source} article cannot be translated into {code} (supported: {allowed})")
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
    """(day, positive, negative) for each day from the first dated pick to the last, gaps included.
    Articles without a publication time are left out rather than counted on the day they were analysed."""
    by_day: dict[date, list[int]] = {}
    for pick in picks:
        if pick.published is None:
            continue
        counts = by_day.setdefault(pick.published.date(), [0, 0])
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
