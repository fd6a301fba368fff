"""The JSON API under /api. Reads are public; writes need the API key."""

from __future__ import annotations

import hmac
import json
import re
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from newsimpact import __version__
from newsimpact.article import Article
from newsimpact.extract.page import Page, PageKind
from newsimpact.store import StoredArticle
from newsimpact.store.repository import JOB_STATES
from newsimpact.tracker.report import TrackerReport
from newsimpact.translate.translation import Translation

from .core import MAX_ID, AnalysisState, NewsService, TranslationState, daily_counts, targets_for
from .http import ApiError, check_api_key, key_from_headers, require_api_key
from .limits import RateLimited

router = APIRouter(prefix="/api")

JobState = Literal["queued", "running", "done", "failed"]
HTML_TYPES = ("text/html", "application/xhtml+xml")

ArticleId = Annotated[int, Path(ge=1, le=MAX_ID, description="Article id.")]
LanguageCode = Annotated[
    str,
    Path(min_length=2, max_length=16, pattern=r"^[A-Za-z_-]+$", description="en, ja, zh-Hans, zh-Hant, vi, ko."),
]
Ticker = Annotated[
    str,
    Path(min_length=1, max_length=12, pattern=r"^[A-Za-z0-9.\-/]+$", description="S&P 500 ticker (BRK.B)."),
]


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def unstorable(value: str) -> str | None:
    """Why a client's text cannot be stored as sent (NUL: PostgreSQL text cannot hold it; a lone
    surrogate, which JSON's "\\ud800" escape can carry: UTF-8 cannot encode it), or None."""
    if "\x00" in value:
        return "contains a NUL character"
    if _SURROGATE.search(value):
        return "contains a lone UTF-16 surrogate (not valid Unicode text)"
    return None


def check_query_text(name: str, value: str | None) -> None:
    problem = unstorable(value) if value is not None else None
    if problem:
        raise ApiError(422, "invalid_request", f"query.{name}: {problem}")


class PageBody(BaseModel):
    """A page as JSON: exactly one of html, page (a whole-page text copy) or text (clean article text)."""

    model_config = ConfigDict(extra="ignore")

    html: str | None = None
    page: str | None = None
    text: str | None = None
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2048)

    @field_validator("html", "page", "text", "title", "url")
    @classmethod
    def _storable(cls, value: str | None) -> str | None:
        if value is not None:
            problem = unstorable(value)
            if problem:
                raise ValueError(problem)
        return value

    @model_validator(mode="after")
    def _one_body(self) -> PageBody:
        given = [name for name in ("html", "page", "text") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("send exactly one of html, page or text")
        return self

    def to_page(self) -> Page:
        if self.html is not None:
            return Page(content=self.html, kind="html", title=self.title, url=self.url)
        if self.page is not None:
            return Page(content=self.page, kind=None, title=self.title, url=self.url)
        return Page(content=self.text or "", kind="text", title=self.title, url=self.url)


class Links(BaseModel):
    page: str
    api: str


class IngestResponse(BaseModel):
    id: int
    state: JobState
    """The analysis state: done when this exact text was analysed before."""
    created: bool
    changed: bool
    links: Links


class AnalysisOut(BaseModel):
    state: JobState
    error: str | None = None
    created_at: datetime | None = None
    engines: dict[str, str] = Field(default_factory=dict)
    tracker: TrackerReport | None = None
    """What readers see: the tracker's report with the desk's edits (None when the desk hid it)."""
    edited: list[str] = Field(default_factory=list)
    """Tickers whose pick the desk corrected or hid."""
    no_tracker: bool = False
    """The desk chose to show no tracker for this article."""


class ArticleResponse(BaseModel):
    id: int
    url: str | None
    content_hash: str
    source_type: str
    created_at: datetime
    updated_at: datetime
    article: Article
    analysis: AnalysisOut
    translations: list[str]
    """Languages with a cached translation."""
    translation_targets: list[str]
    links: Links


class ArticleSummary(BaseModel):
    id: int
    title: str
    published: datetime | None
    updated_at: datetime
    picks: list[TickerPick]


class TickerPick(BaseModel):
    ticker: str
    name: str
    direction: Literal["positive", "negative"]
    score: float


class SegmentWarningOut(BaseModel):
    segment: str
    message: str


class TranslationProgressOut(BaseModel):
    """How far a running translation has got: the page shows finished paragraphs at once."""

    done: int
    """Segments finished (title, subtitle, byline, paragraphs, captions)."""
    total: int
    """Segments in all; 0 until the job has started."""
    paragraphs_done: int
    paragraphs_total: int
    elapsed_s: float
    segments: dict[str, str]
    """Finished segments: "title", "subtitle", "byline", "paragraph:3", "caption:0" -> text."""
    warnings: list[SegmentWarningOut]


class TranslationResponse(BaseModel):
    article_id: int
    language: str
    state: JobState
    job_id: int | None = None
    attempts: int = 0
    """How many times a worker has started the job (1 unless a crash made it retry)."""
    error: str | None = None
    queue_position: int = 0
    """While queued: 1 = next translation to start. 0 otherwise."""
    progress: TranslationProgressOut | None = None
    translation: Translation | None = None


class TickerArticle(BaseModel):
    id: int
    title: str
    published: datetime | None
    analysed_at: datetime
    direction: Literal["positive", "negative"]
    score: float
    low_confidence: bool = False
    """A tentative pick (under the tracker's display threshold); only listed with include_low_confidence."""
    links: Links


class DayCount(BaseModel):
    day: date
    positive: int
    negative: int


class TickerResponse(BaseModel):
    ticker: str
    name: str | None
    name_ko: str | None = None
    sector: str | None = None
    sector_ko: str | None = None
    articles: list[TickerArticle]
    daily: list[DayCount]
    """Dated articles per day (articles without a publication time are not counted)."""


class HealthResponse(BaseModel):
    status: Literal["ok", "degraded"]
    version: str
    database: Literal["ok", "full", "read_only", "unavailable"]
    """full: out of disk space (HTTP 507); read_only, unavailable: cannot be written or reached (503)."""
    jobs: dict[str, int]
    queues: dict[str, dict[str, int]] = Field(default_factory=dict)
    """Job states per queue (analysis, translation): a queue whose 'queued' keeps growing needs workers."""


ArticleSummary.model_rebuild()


def service_of(request: Request) -> NewsService:
    svc: NewsService = request.app.state.service
    return svc


def links(article_id: int) -> Links:
    return Links(page=f"/articles/{article_id}", api=f"/api/articles/{article_id}")


def analysis_out(state: AnalysisState) -> AnalysisOut:
    analysis = state.analysis
    return AnalysisOut(
        state=state.state,
        error=state.error,
        created_at=analysis.created_at if analysis else None,
        engines=analysis.engines if analysis else {},
        tracker=state.report,
        edited=sorted(state.edits),
        no_tracker=state.no_tracker,
    )


def translation_out(article_id: int, state: TranslationState, paragraphs: int = 0) -> TranslationResponse:
    job = state.job
    progress = None
    if state.progress is not None:
        p = state.progress
        started = p.started_at or datetime.now(UTC)
        progress = TranslationProgressOut(
            done=p.done,
            total=p.total,
            paragraphs_done=sum(1 for name in p.segments if name.startswith("paragraph:")),
            paragraphs_total=paragraphs,
            elapsed_s=round(max(0.0, (datetime.now(UTC) - started).total_seconds()), 1),
            segments=p.segments,
            warnings=[SegmentWarningOut(**w) for w in p.warnings],
        )
    return TranslationResponse(
        article_id=article_id,
        language=state.language,
        state=state.state,
        job_id=job.id if job else None,
        attempts=job.attempts if job else 0,
        error=job.error if job and state.state == "failed" else None,
        queue_position=state.queue_position,
        progress=progress,
        translation=state.translation,
    )


def rate_limited(exc: RateLimited) -> ApiError:
    return ApiError(429, "rate_limited", str(exc), {"Retry-After": str(exc.retry_after)})


def public_client(request: Request) -> str | None:
    """The client a public request is counted against; None (no limits) for a caller with the API key."""
    given = key_from_headers(request)
    expected: str = request.app.state.api_key
    if given and hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        return None
    return request.client.host if request.client else "unknown"


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def parse_page(body: bytes, ctype: str, kind: PageKind | None, title: str | None, url: str | None) -> Page:
    if ctype == "application/json":
        try:
            data: Any = json.loads(body)
        except RecursionError as exc:
            raise ApiError(422, "bad_json", "the body is not valid JSON: nested too deep") from exc
        except ValueError as exc:  # bad JSON, bad UTF-8, an integer literal over 4,300 digits
            raise ApiError(422, "bad_json", f"the body is not valid JSON: {str(exc)[:300]}") from exc
        if not isinstance(data, dict):
            raise ApiError(422, "bad_json", "expected a JSON object {html|page|text, title?, url?}")
        try:
            parsed = PageBody.model_validate(data)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or 'body'}: {err['msg']}" for err in exc.errors()
            )
            raise ApiError(422, "bad_json", problems) from exc
        return parsed.to_page()
    if ctype in HTML_TYPES:
        return Page(content=body, kind=kind or "html", title=title, url=url)
    if ctype == "text/plain":
        return Page(content=body, kind=kind, title=title, url=url)
    shown = ctype or "none"
    raise ApiError(
        415,
        "unsupported_media_type",
        f"content type {shown} is not accepted: send text/html, text/plain or application/json",
    )


INGEST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "An HTML page, a page's text, or JSON {html|page|text, title?, url?}.",
        "content": {
            "text/html": {"schema": {"type": "string"}},
            "text/plain": {"schema": {"type": "string"}},
            "application/json": {"schema": PageBody.model_json_schema()},
        },
    }
}


@router.post(
    "/articles",
    response_model=IngestResponse,
    status_code=201,
    dependencies=[Depends(require_api_key)],
    openapi_extra=INGEST_BODY,
    summary="Ingest an article page",
    responses={200: {"description": "The same article was stored before and has been updated"}},
)
async def ingest_article(
    request: Request,
    response: Response,
    title: Annotated[str | None, Query(max_length=1000, description="Title, for text bodies.")] = None,
    url: Annotated[str | None, Query(max_length=2048, description="Where the page came from.")] = None,
    kind: Annotated[PageKind | None, Query(description="html, dump or text; default: detect.")] = None,
) -> IngestResponse:
    check_query_text("title", title)
    check_query_text("url", url)
    ctype = media_type(request)
    body = await request.body()
    if not body.strip():
        raise ApiError(400, "empty_body", "the request body is empty: send the article page")
    page = parse_page(body, ctype, kind, title, url)
    svc = service_of(request)
    result, state = await run_in_threadpool(svc.ingest, page, body, ctype)
    response.status_code = 201 if result.created else 200
    return IngestResponse(
        id=result.article.id,
        state=state.state,
        created=result.created,
        changed=result.changed,
        links=links(result.article.id),
    )


@router.get("/articles", response_model=list[ArticleSummary], summary="Recent articles with their picks")
def list_articles(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    q: Annotated[str, Query(max_length=100, description="Only titles containing this text.")] = "",
) -> list[ArticleSummary]:
    out = []
    for stored, picks in service_of(request).recent(limit, offset, q.strip()):
        out.append(
            ArticleSummary(
                id=stored.id,
                title=stored.article.title,
                published=stored.article.published,
                updated_at=stored.updated_at,
                picks=[TickerPick(ticker=p.ticker, name=p.name, direction=p.direction, score=p.score) for p in picks],
            )
        )
    return out


def article_response(svc: NewsService, stored: StoredArticle) -> ArticleResponse:
    return ArticleResponse(
        id=stored.id,
        url=stored.url,
        content_hash=stored.content_hash,
        source_type=stored.source_type,
        created_at=stored.created_at,
        updated_at=stored.updated_at,
        article=stored.article,
        analysis=analysis_out(svc.analysis_state(stored)),
        translations=svc.store.translation_languages(stored.id),
        translation_targets=list(targets_for(stored.article)),
        links=links(stored.id),
    )


@router.get("/articles/{article_id}", response_model=ArticleResponse, summary="An article and its tracker")
def get_article(request: Request, article_id: ArticleId) -> ArticleResponse:
    svc = service_of(request)
    return article_response(svc, svc.article(article_id))


@router.post(
    "/articles/{article_id}/translations/{language}",
    response_model=TranslationResponse,
    status_code=202,
    summary="Request a translation (queues a job; cached translations return at once)",
    responses={
        200: {"description": "Already translated"},
        429: {"description": "Rate limited (per client, overall, or a full queue); see Retry-After"},
    },
)
def request_translation(
    request: Request, response: Response, article_id: ArticleId, language: LanguageCode
) -> TranslationResponse:
    svc = service_of(request)
    if not svc.settings.service.public_translations:
        check_api_key(request, key_from_headers(request))
    try:
        state = svc.request_translation(article_id, language, public_client(request))
    except RateLimited as exc:
        raise rate_limited(exc) from exc
    response.status_code = 200 if state.state == "done" else 202
    return translation_out(article_id, state, len(svc.article(article_id).article.paragraphs))


@router.get(
    "/articles/{article_id}/translations/{language}",
    response_model=TranslationResponse,
    summary="A translation's job state, then the translation",
)
def get_translation(request: Request, article_id: ArticleId, language: LanguageCode) -> TranslationResponse:
    svc = service_of(request)
    state = svc.translation_state(article_id, language)
    return translation_out(article_id, state, len(svc.article(article_id).article.paragraphs))


@router.delete(
    "/articles/{article_id}/translations/{language}",
    response_model=TranslationResponse,
    status_code=202,
    summary="Cancel a queued or running translation (it frees its worker within a token)",
)
def cancel_translation(request: Request, article_id: ArticleId, language: LanguageCode) -> TranslationResponse:
    svc = service_of(request)
    if not svc.settings.service.public_translations:
        check_api_key(request, key_from_headers(request))
    return translation_out(article_id, svc.cancel_translation(article_id, language))


@router.get("/tickers/{ticker}", response_model=TickerResponse, summary="Recent articles that moved a ticker")
def get_ticker(
    request: Request,
    ticker: Ticker,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    include_low_confidence: Annotated[
        bool,
        Query(description="Also list articles that picked the ticker with low confidence (not counted in daily)."),
    ] = False,
) -> TickerResponse:
    view = service_of(request).ticker_view(ticker, limit, include_low_confidence)
    picks = view.picks
    company = view.company
    return TickerResponse(
        ticker=view.ticker,
        name=company.name if company else (picks[0].name if picks else None),
        name_ko=company.name_ko if company else None,
        sector=company.sector if company else None,
        sector_ko=company.sector_ko if company else None,
        articles=[
            TickerArticle(
                id=p.article_id,
                title=p.title,
                published=p.published,
                analysed_at=p.created_at,
                direction=p.direction,
                score=p.score,
                low_confidence=p.low_confidence,
                links=links(p.article_id),
            )
            for p in picks
        ],
        daily=[
            DayCount(day=d, positive=pos, negative=neg)
            for d, pos, neg in daily_counts([p for p in picks if not p.low_confidence])
        ],
    )


@router.get(
    "/health",
    response_model=HealthResponse,
    summary="Liveness, storage state and queue sizes",
    responses={503: {"description": "The database cannot be reached or written"}, 507: {"description": "Disk full"}},
)
def health(request: Request, response: Response) -> HealthResponse:
    svc = service_of(request)
    state = svc.storage.check()
    response.status_code = state.status
    jobs: dict[str, int] = {}
    by_queue: dict[str, dict[str, int]] = {}
    if state.database != "unavailable":
        try:
            by_queue = svc.store.job_counts_by_queue()
            jobs = {job_state: sum(counts[job_state] for counts in by_queue.values()) for job_state in JOB_STATES}
        except SQLAlchemyError:
            jobs, by_queue = {}, {}
    return HealthResponse(
        status="ok" if state.status == 200 else "degraded",
        version=__version__,
        database=state.database,
        jobs=jobs,
        queues=by_queue,
    )
