"""Read load on the web service: req/s and p50/p95 latency for the article page, /api/articles and the
ticker page, at 20 and 50 concurrent clients, with the figures measured before issue 14 beside them.

It seeds a database (SQLite in a temporary directory, or --database-url), starts two servers itself on
127.0.0.1 (uvicorn, no job workers): this code as configured (read cache on, --processes web
processes) and, as the same-run baseline, this code with the read cache off in one process. It sends a
bounded number of requests from an httpx async client on loopback to each in turn, stops them and
prints one table with the ratio, and the issue's figures (measured before issue 14) beside it. Nothing leaves the
machine. The load generator, the server and the database share this machine's cores, as in the
baseline.

Usage: python bench/load.py [--requests 600] [--processes 2] [--database-url URL] [--articles 300]
                            [--revalidate]   # clients send If-None-Match (browsers revisiting)
                            [--client raw]   # a bare asyncio client instead of httpx (less client CPU)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from newsimpact.article import Article
from newsimpact.store import Store
from newsimpact.store.db import sqlite_url
from newsimpact.tracker.report import Disclaimer, Evidence, Pick, Tone, TrackerReport

ROOT = Path(__file__).resolve().parents[1]

# (path label, concurrency) -> (req/s, p95 ms) measured on this 2-core box before issue 14 (issue text);
# None where the issue gives no figure.
BASELINE: dict[tuple[str, int], tuple[float | None, float | None]] = {
    ("article page", 20): (272.0, 108.0),
    ("/api/articles", 20): (94.0, 371.0),
    ("/api/articles", 50): (None, 998.0),
    ("ticker page", 50): (None, 988.0),
}
TARGETS = {"article page": "≥ 500 req/s at 20", "/api/articles": "p95 ≤ 100 ms at 20", "ticker page": "p95 ≤ 100 ms at 20"}

# Invented companies' news for the seed (tickers are real S&P 500 symbols, the text is ours).
TICKERS = [
    ("NVDA", "NVIDIA", "엔비디아", "Information Technology", "정보기술"),
    ("INTC", "Intel", "인텔", "Information Technology", "정보기술"),
    ("TSLA", "Tesla", "테슬라", "Consumer Discretionary", "경기소비재"),
    ("AAPL", "Apple", "애플", "Information Technology", "정보기술"),
]


def seed_article(n: int) -> tuple[Article, TrackerReport]:
    ticker, name, name_ko, sector, sector_ko = TICKERS[n % len(TICKERS)]
    paragraphs = [
        f"[서울=벤치뉴스] 김벤치 기자 = {name_ko}가 {n}번째 분기 실적을 발표하며 시장 기대를 웃돌았다.",
        f"회사는 데이터센터 수요가 이어지면서 매출이 전년보다 {10 + n % 40}% 늘었다고 밝혔다.",
        "업계에서는 하반기에도 공급 부족이 이어질 것으로 내다봤다. " * 3,
        "전문가들은 경쟁사들의 추격이 변수라고 지적했다. " * 4,
        "투자자들은 다음 달 발표될 신제품의 가격 정책에 주목하고 있다. " * 3,
        "bench@benchnews.kr",
    ]
    published = datetime(2026, 1, 1, 9, tzinfo=UTC) + timedelta(hours=7 * n)
    article = Article(
        title=f"{name_ko}, {n}번째 분기 실적 시장 기대 상회",
        subtitle="데이터센터 수요 지속",
        published=published,
        paragraphs=paragraphs,
        language="ko",
        url=f"https://bench.example/news/{n}",
    )
    sentence = paragraphs[0]
    pick = Pick(
        ticker=ticker,
        name=name,
        name_ko=name_ko,
        sector=sector,
        sector_ko=sector_ko,
        direction="positive" if n % 3 else "negative",
        score=0.5 + (n % 5) / 10,
        path="mention",
        rationale_ko=f"{name_ko}의 실적이 기대를 웃돌았다는 기사입니다.",
        rationale_en=f"The article reports {name}'s results beat expectations.",
        evidence=[Evidence(text=sentence, paragraph=0, start=0, end=len(sentence))],
    )
    side = {"positive": [pick]} if pick.direction == "positive" else {"negative": [pick]}
    report = TrackerReport(
        **side,
        tone=Tone(label="positive", score=0.4),
        abstained=False,
        disclaimer=Disclaimer(ko="투자 권유가 아닙니다.", en="Not investment advice."),
    )
    return article, report


def seed(url: str, count: int) -> int:
    """Store count articles with analyses; returns the id of one in the middle (the article page)."""
    store = Store(url)
    ids = []
    for n in range(count):
        article, report = seed_article(n)
        stored = store.upsert_article(article, article.to_json().encode(), "application/json").article
        store.save_analysis(stored.id, stored.content_hash, report, {"tracker": "bench"})
        ids.append(stored.id)
    store.close()
    return ids[len(ids) // 2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(url: str, data_dir: Path, processes: int, cache: bool) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "NEWSIMPACT_DATA_DIR": str(data_dir),
        "NEWSIMPACT_DATABASE_URL": url,
        "NEWSIMPACT_API_KEY": "bench-key",
        "NEWSIMPACT_SERVICE__WORKERS": "0",
        "NEWSIMPACT_SERVICE__READ_CACHE": "true" if cache else "false",
    }
    cmd = [sys.executable, "-m", "uvicorn", "--factory", "newsimpact.service.app:create_app"]
    cmd += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log"]
    cmd += ["--workers", str(processes), "--timeout-keep-alive", "60"]  # warmed connections may wait
    log = (data_dir / f"server-{port}.log").open("wb")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {(data_dir / f'server-{port}.log').read_text(errors='replace')}")
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start in 120 s")


@dataclass(frozen=True)
class Result:
    rps: float
    p50_ms: float
    p95_ms: float
    errors: int
    error_kinds: str = ""


async def hammer(base: str, path: str, concurrency: int, total: int, revalidate: bool) -> Result:
    latencies: list[float] = []
    errors = 0
    kinds: set[str] = set()
    next_request = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        etag = (await client.get(path)).headers.get("etag")
        headers = {"If-None-Match": etag} if revalidate and etag else {}
        await asyncio.gather(*(client.get(path) for _ in range(concurrency)))  # open and warm the connections

        async def one_client() -> None:
            nonlocal next_request, errors
            while next_request < total:
                next_request += 1
                started = time.perf_counter()
                try:
                    response = await client.get(path, headers=headers)
                except httpx.HTTPError as exc:
                    errors += 1
                    kinds.add(type(exc).__name__)
                    continue
                latencies.append(time.perf_counter() - started)
                if response.status_code not in (200, 304):
                    errors += 1
                    kinds.add(f"HTTP {response.status_code}")

        started = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]
    return Result(
        len(latencies) / elapsed, statistics.median(latencies) * 1000, p95 * 1000, errors, ", ".join(sorted(kinds))
    )


async def hammer_raw(base: str, path: str, concurrency: int, total: int, revalidate: bool) -> Result:
    """The same load from a bare asyncio HTTP/1.1 keep-alive client: on a small machine httpx itself
    costs about as much CPU per request as a cached page does to serve, and this shows the server's
    own capacity without that."""
    host, port = base.removeprefix("http://").split(":")
    etag = httpx.get(base + path).headers.get("etag") if revalidate else None
    extra = f"If-None-Match: {etag}\r\n" if etag else ""
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\n{extra}\r\n".encode()
    latencies: list[float] = []
    errors = 0
    next_request = 0

    async def get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> int:
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        await reader.readexactly(length)
        return int(head.split(b" ", 2)[1])

    async def one_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal next_request, errors
        while next_request < total:
            next_request += 1
            started = time.perf_counter()
            status = await get(reader, writer)
            latencies.append(time.perf_counter() - started)
            if status not in (200, 304):
                errors += 1

    # Connect and warm every connection first, so the timing holds requests only.
    connections = [await asyncio.open_connection(host, int(port)) for _ in range(concurrency)]
    await asyncio.gather(*(get(r, w) for r, w in connections))
    started = time.perf_counter()
    await asyncio.gather(*(one_client(r, w) for r, w in connections))
    elapsed = time.perf_counter() - started
    for _, writer in connections:
        writer.close()
    latencies.sort()
    p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]
    return Result(len(latencies) / elapsed, statistics.median(latencies) * 1000, p95 * 1000, errors)


def fmt(value: float | None, unit: str) -> str:
    return f"{value:.0f} {unit}" if value is not None else "–"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=600, help="requests per path and concurrency")
    parser.add_argument("--processes", type=int, default=2, help="uvicorn web processes of the measured server")
    parser.add_argument("--articles", type=int, default=300, help="articles to seed")
    parser.add_argument("--database-url", default=None, help="an empty database to seed (default: SQLite)")
    parser.add_argument("--revalidate", action="store_true", help="clients send If-None-Match")
    parser.add_argument(
        "--client", choices=("httpx", "raw"), default="httpx", help="raw: a bare asyncio client (less client CPU)"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newsimpact-load-") as tmp:
        url = args.database_url or sqlite_url(Path(tmp) / "load.sqlite")
        article_id = seed(url, args.articles)
        # Both servers read the same database; only the one being measured gets requests.
        before, before_url = start_server(url, Path(tmp), 1, cache=False)
        after, after_url = start_server(url, Path(tmp), args.processes, cache=True)
        paths = {
            "article page": f"/articles/{article_id}",
            "/api/articles": "/api/articles",
            "ticker page": "/tickers/NVDA",
        }
        backend = url.split(":", 1)[0]
        print(
            f"load: {args.articles} articles on {backend}, {args.requests} requests per cell, "
            f"{os.cpu_count()} cores shared by client, servers and database"
            + (", clients revalidate with If-None-Match" if args.revalidate else "")
            + f", {args.client} client"
        )
        print(
            f"  now: read cache on, {args.processes} uvicorn process(es); same run: read cache off, 1 process; "
            "issue: figures measured before issue 14"
        )
        print(
            f"{'path':<15}{'conc':>5} | {'now req/s':>9}{'p50':>7}{'p95':>7} | {'same-run req/s':>14}{'p95':>7}"
            f"{'ratio':>7} | {'issue req/s':>11}{'p95':>8} | target (at 20)"
        )
        try:
            for label, path in paths.items():
                for concurrency in (20, 50):
                    # Alternate the two servers so a burst of load from elsewhere hits both alike.
                    load = hammer if args.client == "httpx" else hammer_raw
                    old = asyncio.run(load(before_url, path, concurrency, args.requests, args.revalidate))
                    new = asyncio.run(load(after_url, path, concurrency, args.requests, args.revalidate))
                    base_rps, base_p95 = BASELINE.get((label, concurrency), (None, None))
                    target = TARGETS[label] if concurrency == 20 else ""
                    errors = ""
                    if old.errors or new.errors:
                        errors = f"  (errors: now {new.errors} {new.error_kinds}, same-run {old.errors} {old.error_kinds})"
                    print(
                        f"{label:<15}{concurrency:>5} | {new.rps:>9.0f}{new.p50_ms:>5.0f}ms{new.p95_ms:>5.0f}ms"
                        f" | {old.rps:>14.0f}{old.p95_ms:>5.0f}ms{new.rps / old.rps:>6.1f}x"
                        f" | {fmt(base_rps, ''):>11}{fmt(base_p95, 'ms'):>8} | {target}{errors}"
                    )
        finally:
            for proc in (before, after):
                proc.send_signal(signal.SIGTERM)
            for proc in (before, after):
                try:
                    proc.wait(20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(5)


if __name__ == "__main__":
    main()
