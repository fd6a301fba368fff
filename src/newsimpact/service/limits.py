"""Rate limits for public translation requests: per client and overall, in a sliding window.

In memory, per web process: a limit that needs no database round trip and forgets nothing that
matters when the process restarts. Behind several web processes each keeps its own count, so the
configured overall limit is per process.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

from newsimpact.errors import NewsImpactError


class RateLimited(NewsImpactError):
    """Too many requests: the client may try again after `retry_after` seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class RateLimiter:
    def __init__(
        self,
        per_client: int,
        overall: int,
        window_s: float = 60.0,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_client = per_client
        self.overall = overall
        self.window_s = window_s
        self._clock = clock
        self._all: deque[float] = deque()
        self._clients: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def take(self, client: str) -> None:
        """Count one request by `client`, or raise RateLimited (and count nothing)."""
        with self._lock:
            now = self._clock()
            horizon = now - self.window_s
            self._expire(self._all, horizon)
            mine = self._clients.setdefault(client, deque())
            self._expire(mine, horizon)
            if len(mine) >= self.per_client:
                wait = self._wait(mine, now)
                raise RateLimited(
                    f"too many translation requests from this client: at most {self.per_client} "
                    f"per {self.window_s:g} s; try again in {wait} s",
                    wait,
                )
            if len(self._all) >= self.overall:
                wait = self._wait(self._all, now)
                raise RateLimited(f"the service is taking too many translation requests: try again in {wait} s", wait)
            mine.append(now)
            self._all.append(now)
            # Forget idle clients so the table stays as small as the window's traffic.
            for key in [k for k, q in self._clients.items() if not q]:
                del self._clients[key]

    @staticmethod
    def _expire(times: deque[float], horizon: float) -> None:
        while times and times[0] <= horizon:
            times.popleft()

    def _wait(self, times: deque[float], now: float) -> int:
        return max(1, math.ceil(times[0] + self.window_s - now))
