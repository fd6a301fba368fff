"""HTTP plumbing: JSON errors, the API key check and the request size limit."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import Request, Security
from fastapi.responses import JSONResponse
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsimpact.errors import InputError, KnowledgeError, NewsImpactError, NoArticleError, TranslationError

from .core import NotFound, UnsupportedLanguage


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


class BodyTooLarge(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(413, "too_large", f"request body is over the limit of {limit:,} bytes")


def error_body(status: int, code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, **extra}}


def error_json(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, code, message), status_code=status, headers=headers)


def classify(exc: NewsImpactError) -> tuple[int, str]:
    """Which HTTP status a pipeline error means to a client."""
    if isinstance(exc, NotFound):
        return 404, "not_found"
    if isinstance(exc, UnsupportedLanguage):
        return 422, "unsupported_language"
    if isinstance(exc, NoArticleError):
        return 422, "no_article"
    if isinstance(exc, InputError):
        return 400, "bad_input"
    if isinstance(exc, KnowledgeError | TranslationError):
        return 503, "unavailable"
    return 400, "bad_input"


# -- API key ----------------------------------------------------------------------------------------

_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="The service's API key.")
_bearer = HTTPBearer(auto_error=False, description="The service's API key as a Bearer token.")


def require_api_key(
    request: Request,
    header_key: Annotated[str | None, Security(_key_header)] = None,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)] = None,
) -> None:
    """Writes need the key; reads are public."""
    check_api_key(request, header_key or (bearer.credentials if bearer is not None else None))


def key_from_headers(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return request.headers.get("x-api-key") or None


def check_api_key(request: Request, given: str | None) -> None:
    challenge = {"WWW-Authenticate": "Bearer"}
    if not given:
        raise ApiError(401, "unauthorized", "missing API key: send X-API-Key or Authorization: Bearer", challenge)
    expected: str = request.app.state.api_key
    # Constant-time comparison so response timing does not leak how much of a guess was right.
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise ApiError(401, "unauthorized", "wrong API key", challenge)


# -- size limit -------------------------------------------------------------------------------------


class BodyLimitMiddleware:
    """Refuses bodies over the limit: at once when Content-Length says so, else while they stream in."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await error_json(400, "bad_request", "invalid Content-Length header")(scope, receive, send)
                    return
                if declared > self.max_bytes:
                    too_large = BodyTooLarge(self.max_bytes)
                    await error_json(413, too_large.code, too_large.message)(scope, receive, send)
                    return
        seen = 0
        limit = self.max_bytes

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, limited_receive, send)
