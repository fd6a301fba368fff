"""ETags and a small rendered-response cache for the public reads (pages and JSON).

Every GET of a cacheable path is keyed by the database's data version (one indexed query: the newest
article update, analysis, translation, job change, desk action and price import; asked at most every
50 ms) together with the path, the query string and the interface-language cookie. A client sending
that key back in If-None-Match gets a 304; anyone else gets the response this process rendered last
for the key, or a fresh one that is kept for next time. Any write by any process on the same database changes the
version, so nothing stale is served; several web processes each keep their own cache and agree on
the keys.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import OrderedDict
from threading import Lock

from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsimpact import __version__
from newsimpact.store import Store

CACHEABLE = re.compile(r"^/(?:$|articles/\d+$|tickers/[^/]+$|api/articles$|api/articles/\d+$|api/tickers/[^/]+$)")
"""Reads whose output depends only on stored data and the request (not the health check, not docs).
A translation's status is not one of them: its progress (paragraphs done) moves with no change to
the data version, and a reader polling it must see each paragraph as it lands."""

NO_CACHE_PARAMS = ("lang",)
"""The article page's ?lang= queues a translation: that request must reach the handler every time."""

CACHE_CONTROL = b"no-cache"
"""Clients may keep a copy but revalidate it each time (a 304 costs one small query)."""


class DataVersion:
    """The store's data_version(), asked at most once per `seconds` unless this process wrote since:
    under load most requests then cost no query at all, and another process's write shows at most
    `seconds` late here."""

    def __init__(self, store: Store, seconds: float = 0.05) -> None:
        self.store = store
        self.seconds = seconds
        self._memo: tuple[str, int, float] | None = None

    def fresh(self) -> str | None:
        memo = self._memo
        if memo is None:
            return None
        version, writes, at = memo
        if writes != self.store.local_writes or time.monotonic() - at > self.seconds:
            return None
        return version

    def refresh(self) -> str:
        writes, at = self.store.local_writes, time.monotonic()  # read before the query: never newer than it
        version = self.store.data_version()
        self._memo = (version, writes, at)
        return version


class ResponseCache:
    """A bounded LRU of rendered responses, keyed by ETag."""

    def __init__(self, max_entries: int = 512, max_body_bytes: int = 512 * 1024) -> None:
        self.max_entries = max_entries
        self.max_body_bytes = max_body_bytes
        self._items: OrderedDict[str, tuple[list[tuple[bytes, bytes]], bytes]] = OrderedDict()
        self._lock = Lock()

    def get(self, key: str) -> tuple[list[tuple[bytes, bytes]], bytes] | None:
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def put(self, key: str, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        if len(body) > self.max_body_bytes:
            return
        with self._lock:
            self._items[key] = (headers, body)
            self._items.move_to_end(key)
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)


class CachedReadsMiddleware:
    """ETag / If-None-Match / Cache-Control for the reads CACHEABLE names, backed by ResponseCache."""

    def __init__(self, app: ASGIApp, version: DataVersion, cache: ResponseCache | None = None) -> None:
        self.app = app
        self.version = version
        self.cache = cache if cache is not None else ResponseCache()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        version = self.version.fresh()
        if version is None:
            try:
                version = await run_in_threadpool(self.version.refresh)
            except SQLAlchemyError:
                # The store is down: no version, no cache; the app answers with its own storage error page.
                await self.app(scope, receive, send)
                return
        etag = self._etag(scope, version)
        headers = dict(scope.get("headers", []))
        if etag.encode() in _etags(headers.get(b"if-none-match", b"")):
            await _send(send, 304, [(b"etag", etag.encode()), (b"cache-control", CACHE_CONTROL)], b"")
            return
        cached = self.cache.get(etag)
        if cached is not None:
            await _send(send, 200, cached[0], cached[1])
            return
        await self._render_and_keep(scope, receive, send, etag)

    def _cacheable(self, scope: Scope) -> bool:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return False
        if not CACHEABLE.match(scope["path"]):
            return False
        if any(name in (b"authorization", b"x-api-key") for name, _ in scope.get("headers", [])):
            return False  # nothing public differs for key holders today; never risk sharing if it does
        query = scope.get("query_string", b"").decode("latin-1")
        return not any(f"{name}=" in query for name in NO_CACHE_PARAMS)

    def _etag(self, scope: Scope, version: str) -> str:
        headers = dict(scope.get("headers", []))
        accept = headers.get(b"accept", b"")
        key = b"\0".join(
            [
                __version__.encode(),
                version.encode(),
                scope["method"].encode(),
                scope["path"].encode(),
                scope.get("query_string", b""),
                _ui_cookie(headers.get(b"cookie", b"")),
                # Errors are rendered as a page or as JSON by Accept; a 200 is the same either way, but
                # keep them apart so nothing surprising is ever shared.
                b"html" if b"text/html" in accept else b"",
            ]
        )
        return f'W/"{hashlib.sha256(key).hexdigest()[:32]}"'

    async def _render_and_keep(self, scope: Scope, receive: Receive, send: Send, etag: str) -> None:
        start: Message | None = None
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                if message["status"] == 200:
                    message = {
                        **message,
                        "headers": [
                            *message.get("headers", []),
                            (b"etag", etag.encode()),
                            (b"cache-control", CACHE_CONTROL),
                        ],
                    }
                await send(message)
                return
            if message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False) and start is not None:
                    self._keep(start, etag, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)

    def _keep(self, start: Message, etag: str, body: bytes) -> None:
        headers = list(start.get("headers", []))
        if start["status"] != 200 or any(name.lower() == b"set-cookie" for name, _ in headers):
            return  # errors and responses that set a cookie (?ui=) are not shared
        self.cache.put(etag, [*headers, (b"etag", etag.encode()), (b"cache-control", CACHE_CONTROL)], body)


_UI_COOKIE = re.compile(rb"(?:^|;)\s*newsimpact_ui=([^;]*)")


def _ui_cookie(header: bytes) -> bytes:
    """Only the interface-language cookie changes a page; other cookies must not split the cache."""
    found = _UI_COOKIE.search(header)
    return found.group(1).strip() if found else b""


def _etags(header: bytes) -> set[bytes]:
    return {part.strip() for part in header.split(b",") if part.strip()}


async def _send(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    if status == 304:
        headers = [(name, value) for name, value in headers if name.lower() != b"content-length"]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
