"""The newsroom's desk: with the API key an editor hides a pick, corrects its direction or rationale, or
turns the tracker off for an article. Readers see the edited version; every action is audited.

JSON endpoints take the key in a header like every write. The HTML desk signs in once with the key and
keeps an HMAC of it (never the key) in an HttpOnly, SameSite=Strict cookie, so other sites cannot post
to the desk forms on an editor's behalf."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime
from typing import Annotated, Any, Literal
from urllib.parse import quote, unquote

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from newsimpact.store import PickEdit, normalize_ticker

from .api import ArticleId, Ticker
from .core import NewsService
from .http import ApiError, check_api_key, require_api_key
from .web import article_id_or_404, render, ui_language

DESK_COOKIE = "newsimpact_desk"
EditorName = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[^\x00-\x1f]+$")]
Rationale = Annotated[str | None, Field(default=None, max_length=1000)]


def service_of(request: Request) -> NewsService:
    svc: NewsService = request.app.state.service
    return svc


# -- JSON API ---------------------------------------------------------------------------------------


class PickEditIn(BaseModel):
    editor: EditorName
    """Who makes the change (kept in the audit list)."""
    hidden: bool = False
    direction: Literal["positive", "negative"] | None = None
    rationale_ko: Rationale = None
    rationale_en: Rationale = None


class TrackerSwitchIn(BaseModel):
    editor: EditorName
    no_tracker: bool


class PickEditOut(BaseModel):
    ticker: str
    hidden: bool
    direction: str | None
    rationale_ko: str | None
    rationale_en: str | None
    editor: str
    updated_at: datetime | None


class AuditOut(BaseModel):
    ticker: str | None
    action: str
    detail: dict[str, Any]
    editor: str
    created_at: datetime


class DeskOut(BaseModel):
    article_id: int
    no_tracker: bool
    picked: list[str]
    """The tickers the tracker picked: the ones an editor can correct."""
    low_confidence: list[str] = []
    """The picked tickers the tracker was not confident of (readers see them apart, as tentative)."""
    edits: list[PickEditOut]
    audit: list[AuditOut]


def desk_out(svc: NewsService, article_id: int) -> DeskOut:
    stored = svc.article(article_id)
    edits = svc.store.pick_edits(article_id)
    return DeskOut(
        article_id=article_id,
        no_tracker=stored.no_tracker,
        picked=svc.picked_tickers(stored),
        low_confidence=svc.picked_tickers(stored, low_confidence_only=True),
        edits=[
            PickEditOut(
                ticker=e.ticker,
                hidden=e.hidden,
                direction=e.direction,
                rationale_ko=e.rationale_ko,
                rationale_en=e.rationale_en,
                editor=e.editor,
                updated_at=e.updated_at,
            )
            for e in edits.values()
        ],
        audit=[
            AuditOut(ticker=a.ticker, action=a.action, detail=a.detail, editor=a.editor, created_at=a.created_at)
            for a in svc.store.audit(article_id)
        ],
    )


api_router = APIRouter(prefix="/api", dependencies=[Depends(require_api_key)], tags=["desk"])


@api_router.get("/articles/{article_id}/desk", response_model=DeskOut, summary="The desk's edits and audit list")
def get_desk(request: Request, article_id: ArticleId) -> DeskOut:
    return desk_out(service_of(request), article_id)


@api_router.put("/articles/{article_id}/picks/{ticker}", response_model=DeskOut, summary="Hide or correct a pick")
def put_pick_edit(request: Request, article_id: ArticleId, ticker: Ticker, body: PickEditIn) -> DeskOut:
    svc = service_of(request)
    svc.edit_pick(article_id, to_edit(ticker, body))
    return desk_out(svc, article_id)


@api_router.delete(
    "/articles/{article_id}/picks/{ticker}", response_model=DeskOut, summary="Drop the desk's edit of a pick"
)
def delete_pick_edit(
    request: Request,
    article_id: ArticleId,
    ticker: Ticker,
    editor: Annotated[str, Query(min_length=1, max_length=100)],
) -> DeskOut:
    svc = service_of(request)
    svc.revert_pick(article_id, ticker, editor)
    return desk_out(svc, article_id)


@api_router.put(
    "/articles/{article_id}/tracker", response_model=DeskOut, summary="Show or hide the tracker for an article"
)
def put_tracker(request: Request, article_id: ArticleId, body: TrackerSwitchIn) -> DeskOut:
    svc = service_of(request)
    svc.set_no_tracker(article_id, body.no_tracker, body.editor)
    return desk_out(svc, article_id)


def to_edit(ticker: str, body: PickEditIn) -> PickEdit:
    return PickEdit(
        ticker=normalize_ticker(ticker),
        hidden=body.hidden,
        direction=body.direction,
        rationale_ko=(body.rationale_ko or "").strip() or None,
        rationale_en=(body.rationale_en or "").strip() or None,
        editor=body.editor.strip(),
    )


# -- HTML desk --------------------------------------------------------------------------------------

router = APIRouter(prefix="/desk", include_in_schema=False)


def desk_token(key: str, editor: str) -> str:
    return hmac.new(key.encode("utf-8"), b"desk:" + editor.encode("utf-8"), hashlib.sha256).hexdigest()


def signed_in_editor(request: Request) -> str | None:
    """The editor's name when the desk cookie was made with the current API key."""
    raw = request.cookies.get(DESK_COOKIE, "")
    name, _, token = raw.rpartition(".")
    editor = unquote(name)
    if not editor or not token:
        return None
    expected = desk_token(request.app.state.api_key, editor)
    return editor if hmac.compare_digest(token, expected) else None


def require_editor(request: Request) -> str:
    editor = signed_in_editor(request)
    if editor is None:
        raise ApiError(401, "unauthorized", "sign in to the desk with the API key first")
    return editor


def back_to(article_id: int) -> RedirectResponse:
    return RedirectResponse(f"/desk/articles/{article_id}", status_code=303)


@router.get("", response_class=HTMLResponse)
def desk_home(request: Request, ui: Annotated[str | None, Query(max_length=8)] = None) -> Response:
    lang = ui_language(request, ui)
    editor = signed_in_editor(request)
    items = service_of(request).recent(50) if editor else []
    return render(request, "desk.html", lang, {"editor": editor, "items": items}, status=200 if editor else 401)


@router.post("/login")
def desk_login(
    request: Request,
    api_key: Annotated[str, Form(max_length=512)],
    editor: Annotated[str, Form(min_length=1, max_length=100)],
) -> Response:
    check_api_key(request, api_key)
    name = editor.strip()
    if not name:
        raise ApiError(422, "invalid_request", "editor: give your name for the audit list")
    response = RedirectResponse("/desk", status_code=303)
    response.set_cookie(
        DESK_COOKIE,
        f"{quote(name, safe='')}.{desk_token(request.app.state.api_key, name)}",
        httponly=True,
        samesite="strict",
        path="/desk",
        max_age=12 * 3600,
    )
    return response


@router.post("/logout")
def desk_logout() -> Response:
    response = RedirectResponse("/desk", status_code=303)
    response.delete_cookie(DESK_COOKIE, path="/desk")
    return response


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def desk_article(request: Request, article_id: str, ui: Annotated[str | None, Query(max_length=8)] = None) -> Response:
    lang = ui_language(request, ui)
    editor = require_editor(request)
    svc = service_of(request)
    stored = svc.article(article_id_or_404(article_id))
    state = svc.analysis_state(stored)
    original = state.analysis.report if state.analysis is not None else None
    context = {
        "editor": editor,
        "stored": stored,
        "original": original,
        "edits": state.edits,
        "audit": svc.store.audit(stored.id),
    }
    return render(request, "desk_article.html", lang, context)


@router.post("/articles/{article_id}/picks/{ticker}")
def desk_edit_pick(
    request: Request,
    article_id: ArticleId,
    ticker: Ticker,
    direction: Annotated[str, Form(max_length=16)] = "",
    rationale_ko: Annotated[str, Form(max_length=1000)] = "",
    rationale_en: Annotated[str, Form(max_length=1000)] = "",
    hidden: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    editor = require_editor(request)
    body = PickEditIn(
        editor=editor,
        hidden=bool(hidden),
        direction="positive" if direction == "positive" else "negative" if direction == "negative" else None,
        rationale_ko=rationale_ko,
        rationale_en=rationale_en,
    )
    service_of(request).edit_pick(article_id, to_edit(ticker, body))
    return back_to(article_id)


@router.post("/articles/{article_id}/picks/{ticker}/revert")
def desk_revert_pick(request: Request, article_id: ArticleId, ticker: Ticker) -> Response:
    editor = require_editor(request)
    service_of(request).revert_pick(article_id, ticker, editor)
    return back_to(article_id)


@router.post("/articles/{article_id}/tracker")
def desk_tracker(
    request: Request, article_id: ArticleId, no_tracker: Annotated[str, Form(max_length=8)] = ""
) -> Response:
    editor = require_editor(request)
    service_of(request).set_no_tracker(article_id, no_tracker == "on", editor)
    return back_to(article_id)
