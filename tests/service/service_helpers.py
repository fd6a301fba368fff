"""Shared by the service tests (kept out of conftest.py: several test folders have one, and
`from conftest import ...` could pick up the wrong one)."""

from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path

from fastapi import FastAPI

from newsimpact.service.settings import ServiceOptions, ServiceSettings

API_KEY = "test-key-0123456789"
AUTH = {"X-API-Key": API_KEY}


def make_settings(data_dir: Path, database_url: str | None = None, **service: object) -> ServiceSettings:
    """Test settings on the given database (default: a SQLite file in data_dir)."""
    return ServiceSettings(
        data_dir=data_dir,
        database_url=database_url or f"sqlite:///{data_dir / 'test.sqlite'}",
        api_key=API_KEY,
        max_request_bytes=64 * 1024,
        service=ServiceOptions.model_validate({"workers": 0, **service}),
    )


def run_jobs(app: FastAPI) -> int:
    """The tests' app has no worker threads: run the queued jobs here, deterministically."""
    ran: int = app.state.worker.run_pending()
    return ran


def news_page(title: str, paragraphs: list[str], published: str | None = None, reporter: str = "김하늘") -> bytes:
    """A small newsroom page in the shape of article_ko.html, with its own text."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:title" content="{title}">{meta}</head><body><nav><a href="/">홈</a></nav>'
        f'<article><h1>{title}</h1><div id="news-contents"><p>[뉴욕=테스트통신] {reporter} 기자 = {body[3:]}'
        "</div></article></body></html>"
    ).encode()


SECOND_ARTICLE = news_page(
    "엔비디아, 공급망 확대 발표…데이터센터 주문 이어져",
    [
        "엔비디아가 새 공급 계약을 맺고 생산 능력을 늘리기로 했다. 회사는 연말까지 출하량을 두 배로 늘린다고 밝혔다.",
        "증권가에서는 엔비디아의 실적 전망을 다시 올려 잡고 있다. 데이터센터 고객의 주문이 꾸준히 늘고 있기 때문이다.",
    ],
    published="2024-04-10T06:15:00Z",
)
"""Shares NVDA with article_ko.html (related articles); stamped in UTC (06:15Z is 15:15 KST)."""

MIXED_CONFIDENCE = news_page(
    "엔비디아 신제품 공개…퀄컴도 거론",
    [
        "엔비디아가 새 가속기를 내놓으며 데이터센터 수요를 자신했다. 주문이 이미 밀려 있다고 회사는 밝혔다.",
        "일부 분석가는 퀄컴 같은 칩 설계 회사에도 기회가 있을 수 있다고 짧게 언급했다.",
    ],
    published="2024-04-08T01:00:00Z",
)
"""A firm NVDA pick and a low-confidence QCOM one (the fake tracker scores QCOM under its threshold)."""
ONLY_TENTATIVE = news_page(
    "모바일 칩 시장 관망세",
    ["퀄컴이 다음 분기 전망을 따로 내놓지 않아 시장은 관망하는 분위기다. 거래량도 평소보다 적었다."],
    published="2024-04-09T01:00:00Z",
)
"""Only a low-confidence QCOM pick: no firm pick at all."""

UNDATED_TEXT = (
    "테슬라, 3분기 인도량 예상 밑돌아\n\n김하늘 기자\n\n"
    "테슬라가 3분기 차량 인도량이 시장 예상에 못 미쳤다고 밝혔다. 가격 인하에도 수요가 약했다는 설명이다.\n\n"
    "전문가들은 전기차 경쟁이 심해지면서 수익성이 더 나빠질 수 있다고 내다봤다."
)
"""Clean text with a headline and a byline line first, and no publication time."""


def write_prices(path: Path) -> Path:
    """Synthetic daily closes (weekdays, first half of 2024): NVDA climbs, INTC slides, TSLA drifts."""
    day = date(2024, 1, 2)
    lines = ["date,ticker,close"]
    n = 0
    while day <= date(2024, 6, 28):
        if day.weekday() < 5:
            wiggle = 1.5 * math.sin(n / 3)
            lines.append(f"{day.isoformat()},NVDA,{50 + n * 0.25 + wiggle:.2f}")
            lines.append(f"{day.isoformat()},INTC,{45 - n * 0.1 + wiggle / 2:.2f}")
            lines.append(f"{day.isoformat()},TSLA,{200 + 5 * math.cos(n / 5):.2f}")
            n += 1
        day += timedelta(days=1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
