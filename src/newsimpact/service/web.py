"""Server-rendered pages: front page, article page with the stock tracker, ticker page."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from newsimpact.article import Article
from newsimpact.store import StoredPick, normalize_ticker
from newsimpact.tracker.rationale import short_name
from newsimpact.tracker.report import TITLE_PARAGRAPH, Evidence, Pick, TrackerReport
from newsimpact.translate.translation import Translation

from .chart import NARROW, WIDE, price_chart
from .core import LANGUAGE_LABELS, NewsService, NotFound, canonical_language, targets_for
from .http import ApiError
from .i18n import UiLanguage, format_time, strings
from .limits import RateLimited

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(FsPath(__file__).parent / "templates"))
templates.env.globals["format_time"] = format_time
templates.env.globals["urlencode"] = urlencode
# A card names a company as a reader says it ("Eli Lilly"), not by its index listing ("Lilly (Eli)").
templates.env.filters["reader_name"] = short_name

UI_COOKIE = "newsimpact_ui"


def ui_language(request: Request, ui: str | None) -> UiLanguage:
    choice = ui or request.cookies.get(UI_COOKIE) or "ko"
    return "en" if choice.lower().startswith("en") else "ko"


def render(request: Request, name: str, ui: UiLanguage, context: dict[str, Any], status: int = 200) -> Response:
    context = {"ui": ui, "t": strings(ui), "lang_labels": LANGUAGE_LABELS, **context}
    response = templates.TemplateResponse(request, name, context, status_code=status)
    if request.query_params.get("ui") in ("ko", "en"):
        # Remember an explicit switch so the next page opens in the same interface language.
        response.set_cookie(UI_COOKIE, ui, max_age=365 * 24 * 3600, samesite="lax")
    return response


def service_of(request: Request) -> NewsService:
    svc: NewsService = request.app.state.service
    return svc


# -- evidence spans ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    text: str
    picks: str = ""
    """Space-separated pick ids whose evidence covers this text (a data-picks attribute)."""


@dataclass
class PickView:
    id: str
    pick: Pick
    side: str
    evidence_count: int = 0


@dataclass
class BodyView:
    title: list[Segment]
    paragraphs: list[list[Segment]]
    paragraph_picks: list[str]
    """For each paragraph, the picks with evidence in it (highlights whole paragraphs of a translation)."""
    picks: list[PickView] = field(default_factory=list)

    @property
    def firm(self) -> list[PickView]:
        """The tracker's calls, shown under their side."""
        return [v for v in self.picks if not v.pick.low_confidence]

    @property
    def tentative(self) -> list[PickView]:
        """Low-confidence picks: plausible, not calls, so shown apart under the firm ones."""
        return [v for v in self.picks if v.pick.low_confidence]


def _locate(evidence: Evidence, text: str) -> tuple[int, int] | None:
    """Trust the offsets when they point at the sentence; else find it; else skip it rather than mislead."""
    start, end = evidence.start, evidence.end
    if 0 <= start < end <= len(text) and text[start:end].strip() == evidence.text.strip():
        return start, end
    found = text.find(evidence.text.strip()) if evidence.text.strip() else -1
    if found >= 0:
        return found, found + len(evidence.text.strip())
    if 0 <= start < end <= len(text):
        return start, end
    return None


def segment(text: str, ranges: list[tuple[int, int, str]]) -> list[Segment]:
    """Cut text at every range boundary; each piece lists the picks covering it (ranges may overlap)."""
    if not ranges:
        return [Segment(text)]
    cuts = sorted({0, len(text), *(s for s, _, _ in ranges), *(e for _, e, _ in ranges)})
    out: list[Segment] = []
    for a, b in itertools.pairwise(cuts):
        ids = sorted({pid for s, e, pid in ranges if s <= a and b <= e}, key=lambda x: int(x[1:]))
        out.append(Segment(text[a:b], " ".join(ids)))
    return out


def body_view(article: Article, report: TrackerReport | None) -> BodyView:
    picks: list[PickView] = []
    ranges: dict[int, list[tuple[int, int, str]]] = {}
    if report is not None:
        sides = [("positive", p) for p in report.positive] + [("negative", p) for p in report.negative]
        for n, (side, pick) in enumerate(sides):
            view = PickView(id=f"p{n}", pick=pick, side=side)
            for ev in pick.evidence:
                text = article.title if ev.paragraph == TITLE_PARAGRAPH else None
                if text is None and 0 <= ev.paragraph < len(article.paragraphs):
                    text = article.paragraphs[ev.paragraph]
                located = _locate(ev, text) if text is not None else None
                if located is not None:
                    ranges.setdefault(ev.paragraph, []).append((*located, view.id))
                    view.evidence_count += 1
            picks.append(view)
    paragraphs = [segment(p, ranges.get(i, [])) for i, p in enumerate(article.paragraphs)]
    paragraph_picks = [" ".join(sorted({pid for _, _, pid in ranges.get(i, [])})) for i in range(len(paragraphs))]
    return BodyView(segment(article.title, ranges.get(TITLE_PARAGRAPH, [])), paragraphs, paragraph_picks, picks)


def caption_slots(n_paragraphs: int, n_captions: int) -> dict[int, list[int]]:
    """Captions carry no position, so spread them through the body as a newspaper page does."""
    slots: dict[int, list[int]] = {}
    for k in range(n_captions):
        after = round((k + 1) * n_paragraphs / (n_captions + 1)) - 1
        slots.setdefault(max(after, 0), []).append(k)
    return slots


# -- pages ------------------------------------------------------------------------------------------

UiQuery = Annotated[str | None, Query(max_length=8, pattern=r"^[A-Za-z-]*$")]
PAGE_SIZE = 20
MAX_ID = 2**63 - 1


TICKER_FORM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,11}$")


def article_id_or_404(raw: str) -> int:
    """A page address with a bad id is a page that does not exist (404), not a malformed request."""
    # Length first: int() of thousands of digits is slow, and refused past Python's digit limit.
    if len(raw) > 19 or not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= MAX_ID:
        raise NotFound(f"no article with id {raw[:40]}")
    return int(raw)


def ticker_or_404(raw: str) -> str:
    if not TICKER_FORM.match(raw):
        raise NotFound(f"no stock with ticker {raw[:20]}")
    return normalize_ticker(raw)


@dataclass(frozen=True)
class Chip:
    ticker: str
    name: str
    direction: str
    score: float


def chips_for(svc: NewsService, picks: list[StoredPick], ui: UiLanguage) -> list[Chip]:
    out = []
    for p in picks:
        name = (svc.directory.name_ko(p.ticker) if ui == "ko" else None) or p.name
        out.append(Chip(p.ticker, name, p.direction, p.score))
    return out


@router.get("/", response_class=HTMLResponse)
def index(
    request: Request,
    ui: UiQuery = None,
    q: Annotated[str, Query(max_length=100)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    lang = ui_language(request, ui)
    svc = service_of(request)
    query = q.strip()
    total = svc.store.count_articles(query)
    pages = max(1, -(-total // PAGE_SIZE))
    items = svc.recent(PAGE_SIZE, (page - 1) * PAGE_SIZE, query)
    context = {
        "items": [(stored, chips_for(svc, picks, lang)) for stored, picks in items],
        "q": query,
        "total": total,
        "page": page,
        "pages": pages,
    }
    return render(request, "index.html", lang, context)


def source_owner(article: Article) -> str | None:
    """Who holds the copyright: the wire service in the dateline, else the site the page came from."""
    if article.dateline is not None and article.dateline.agency:
        return article.dateline.agency
    if article.url:
        host = urlsplit(article.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def safe_url(url: str | None) -> str | None:
    """Only web addresses become links (a stored javascript: URL must never be clickable)."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return None


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request,
    article_id: str,
    ui: UiQuery = None,
    lang: Annotated[str | None, Query(max_length=16)] = None,
) -> Response:
    svc = service_of(request)
    stored = svc.article(article_id_or_404(article_id))
    article = stored.article
    ui_lang = ui_language(request, ui)
    state = svc.analysis_state(stored)
    report = state.report
    view = body_view(article, report)

    translation: Translation | None = None
    translation_state: str | None = None
    target = canonical_language(lang) if lang else None
    if target is not None and target in targets_for(article):
        # Without JavaScript the language form lands here: queue the job and let the page refresh.
        try:
            requested = svc.request_translation(stored.id, target, request.client.host if request.client else "unknown")
        except RateLimited as exc:
            raise ApiError(429, "rate_limited", str(exc), {"Retry-After": str(exc.retry_after)}) from exc
        translation, translation_state = requested.translation, requested.state
    elif lang:
        target = None

    disclaimer = ""
    if report is not None and report.disclaimer is not None:
        disclaimer = report.disclaimer.en if ui_lang == "en" else report.disclaimer.ko
    t = strings(ui_lang)
    context = {
        "stored": stored,
        "article": article,
        "view": view,
        "state": state,
        "report": report,
        "edited": {normalize_ticker(k) for k in state.edits},
        "has_tracker": svc.pipeline.tracker is not None or report is not None,
        "disclaimer": disclaimer or t["disclaimer"],
        "targets": targets_for(article),
        "target": target,
        "translation": translation,
        "translation_state": translation_state,
        "caption_slots": caption_slots(len(article.paragraphs), len(article.captions)),
        "moves": svc.moves(report, article.published),
        "related": svc.related(stored, report),
        "source_url": safe_url(article.url or stored.url),
        "owner": source_owner(article) or t["copyright_unknown"],
    }
    return render(request, "article.html", ui_lang, context)


@router.get("/tickers/{ticker}", response_class=HTMLResponse)
def ticker_page(request: Request, ticker: str, ui: UiQuery = None) -> Response:
    ui_lang = ui_language(request, ui)
    view = service_of(request).ticker_view(ticker_or_404(ticker), 100)
    t = strings(ui_lang)
    charts = [price_chart(view.closes, view.picks, layout, t) for layout in (WIDE, NARROW)]
    dated = [p for p in view.picks if p.published is not None]
    marked = charts[0].markers if charts[0] is not None else []
    summary = ""
    if charts[0] is not None:
        summary = t["price_summary"].format(
            n=charts[0].sessions,
            first=charts[0].first.isoformat(),
            last=charts[0].last.isoformat(),
            pos=sum(1 for m in marked if m.direction == "positive"),
            neg=sum(1 for m in marked if m.direction == "negative"),
        )
    name = view.company.name if view.company else (view.picks[0].name if view.picks else view.ticker)
    return render(
        request,
        "ticker.html",
        ui_lang,
        {
            "ticker": view.ticker,
            "company": view.company,
            "name": name,
            "picks": view.picks,
            "charts": [c for c in charts if c is not None],
            "summary": summary,
            "undated": len(view.picks) - len(dated),
        },
    )
