"""Server-rendered pages: front page, article page with the stock tracker, ticker page."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from newsimpact.article import Article
from newsimpact.store import normalize_ticker
from newsimpact.tracker.report import TITLE_PARAGRAPH, Evidence, Pick, TrackerReport
from newsimpact.translate.translation import Translation

from .core import LANGUAGE_LABELS, NewsService, canonical_language, daily_counts, targets_for
from .http import ApiError
from .i18n import UiLanguage, format_time, strings
from .limits import RateLimited

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(FsPath(__file__).parent / "templates"))
templates.env.globals["format_time"] = format_time

UI_COOKIE = "newsimpact_ui"


def ui_language(request: Request, ui: str | None) -> UiLanguage:
    choice = ui or request.cookies.get(UI_COOKIE) or "ko"
    return "en" if choice.lower().startswith("en") else "ko"


def render(
    request: Request, name: str, ui: UiLanguage, context: dict[str, Any], status: int = 200
) -> Response:
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
    paragraph_picks = [
        " ".join(sorted({pid for _, _, pid in ranges.get(i, [])})) for i in range(len(paragraphs))
    ]
    return BodyView(
        segment(article.title, ranges.get(TITLE_PARAGRAPH, [])), paragraphs, paragraph_picks, picks
    )


def caption_slots(n_paragraphs: int, n_captions: int) -> dict[int, list[int]]:
    """Captions carry no position, so spread them through the body as a newspaper page does."""
    slots: dict[int, list[int]] = {}
    for k in range(n_captions):
        after = round((k + 1) * n_paragraphs / (n_captions + 1)) - 1
        slots.setdefault(max(after, 0), []).append(k)
    return slots


# -- pages ------------------------------------------------------------------------------------------

UiQuery = Annotated[str | None, Query(max_length=8, pattern=r"^[A-Za-z-]*$")]


@router.get("/", response_class=HTMLResponse)
def index(request: Request, ui: UiQuery = None) -> Response:
    lang = ui_language(request, ui)
    return render(request, "index.html", lang, {"items": service_of(request).recent(30)})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request,
    article_id: Annotated[int, Path(ge=1, le=2**63 - 1)],
    ui: UiQuery = None,
    lang: Annotated[str | None, Query(max_length=16)] = None,
) -> Response:
    svc = service_of(request)
    stored = svc.article(article_id)
    article = stored.article
    ui_lang = ui_language(request, ui)
    state = svc.analysis_state(stored)
    report = state.analysis.report if state.analysis is not None else None
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
    context = {
        "stored": stored,
        "article": article,
        "view": view,
        "state": state,
        "report": report,
        "has_tracker": svc.pipeline.tracker is not None or report is not None,
        "disclaimer": disclaimer or strings(ui_lang)["disclaimer"],
        "targets": targets_for(article),
        "target": target,
        "translation": translation,
        "translation_state": translation_state,
        "caption_slots": caption_slots(len(article.paragraphs), len(article.captions)),
    }
    return render(request, "article.html", ui_lang, context)


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str


@router.get("/tickers/{ticker}", response_class=HTMLResponse)
def ticker_page(
    request: Request,
    ticker: Annotated[str, Path(min_length=1, max_length=12, pattern=r"^[A-Za-z0-9.\-/]+$")],
    ui: UiQuery = None,
) -> Response:
    ui_lang = ui_language(request, ui)
    picks = service_of(request).ticker(ticker, 100)
    days = daily_counts(picks)
    return render(
        request,
        "ticker.html",
        ui_lang,
        {
            "ticker": normalize_ticker(ticker),
            "name": picks[0].name if picks else None,
            "picks": picks,
            "chart": chart(days, ui_lang),
        },
    )


def chart(days: list[Any], ui: UiLanguage) -> dict[str, Any]:
    """Geometry for the inline SVG: positive bars rise above the middle line, negative ones hang below."""
    width, height, pad = 640.0, 180.0, 24.0
    middle = height / 2
    peak = max([max(p, n) for _, p, n in days] or [1]) or 1
    slot = (width - 2 * pad) / max(len(days), 1)
    bar_w = max(min(slot * 0.7, 28.0), 2.0)
    scale = (middle - pad) / peak
    positive: list[Bar] = []
    negative: list[Bar] = []
    t = strings(ui)
    for i, (day, pos, neg) in enumerate(days):
        x = pad + i * slot + (slot - bar_w) / 2
        label = f"{day.isoformat()}: {t['direction_positive']} {pos}, {t['direction_negative']} {neg}"
        if pos:
            positive.append(Bar(x, middle - pos * scale, bar_w, pos * scale, label))
        if neg:
            negative.append(Bar(x, middle, bar_w, neg * scale, label))
    summary = t["chart_summary"].format(
        days=len(days), pos=sum(p for _, p, _ in days), neg=sum(n for _, _, n in days)
    )
    return {
        "width": width,
        "height": height,
        "middle": middle,
        "pad": pad,
        "positive": positive,
        "negative": negative,
        "days": days,
        "summary": summary,
        "first": days[0][0].isoformat() if days else "",
        "last": days[-1][0].isoformat() if days else "",
        "peak": peak,
    }
