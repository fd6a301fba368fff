"""What a reader meets on the pages (no browser): times in KST, related articles, prices on pick cards,
ticker pages, search and paging, offline API docs, short and plain-text items."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_fakes import ARTICLE_HTML
from service_helpers import AUTH, SECOND_ARTICLE, UNDATED_TEXT, run_jobs, write_prices

from newsimpact.service.i18n import format_time
from newsimpact.service.prices import import_price_file

HTML = {**AUTH, "Content-Type": "text/html"}


def ingest(client: TestClient, app: FastAPI, body: bytes, **params: str) -> int:
    r = client.post("/api/articles", content=body, headers=HTML, params=params)
    assert r.status_code in (200, 201), r.text
    run_jobs(app)
    article_id: int = r.json()["id"]
    return article_id


def ingest_text(client: TestClient, app: FastAPI, text: str) -> int:
    r = client.post(
        "/api/articles",
        content=text.encode(),
        headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"},
        params={"kind": "text"},
    )
    assert r.status_code == 201, r.text
    run_jobs(app)
    article_id: int = r.json()["id"]
    return article_id


def test_times_are_korean_time() -> None:
    wire = datetime(2025, 3, 4, 6, 15, tzinfo=UTC)
    assert format_time(wire, "ko") == "2025년03월04일 15:15"
    assert format_time(wire, "en") == "2025-03-04 15:15 KST"


def test_utc_article_shows_kst_and_undated_item_has_no_stray_dot(client: TestClient, app: FastAPI) -> None:
    second = ingest(client, app, SECOND_ARTICLE)
    assert "기사입력 : <time datetime=\"2024-04-10T06:15:00+00:00\">2024년04월10일 15:15</time>" in client.get(
        f"/articles/{second}"
    ).text
    undated = ingest_text(client, app, UNDATED_TEXT)
    front = client.get("/").text
    item = front[front.index(f'href="/articles/{undated}"') :]
    item = item[: item.index("</li>")]
    assert re.search(r'<p class="meta"><span class="reporter">김하늘 기자</span></p>', item), item
    assert "· 김하늘" not in item


def test_plain_text_keeps_its_headline_and_drops_the_byline(client: TestClient, app: FastAPI) -> None:
    article_id = ingest_text(client, app, UNDATED_TEXT)
    article = client.get(f"/api/articles/{article_id}").json()["article"]
    assert article["title"] == "테슬라, 3분기 인도량 예상 밑돌아"
    assert article["reporter"]["name"] == "김하늘"
    assert article["paragraphs"][0].startswith("테슬라가 3분기")
    assert all("기자" not in p for p in article["paragraphs"])
    assert '<h1 id="article-title" class="article-title" lang="ko">테슬라, 3분기' in client.get(
        f"/articles/{article_id}"
    ).text


def test_short_flash_item_is_accepted(client: TestClient, app: FastAPI) -> None:
    flash = (
        '<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>[속보] 엔비디아 시간외 급등</title></head>'
        "<body><article><h1>[속보] 엔비디아 시간외 급등</h1><p>[서울=테스트뉴스] 김하늘 기자 = 엔비디아 주가가 "
        "시간외 거래에서 8% 올랐다.</p><p>실적 발표 직후다.</p></article></body></html>"
    ).encode()
    article_id = ingest(client, app, flash)
    article = client.get(f"/api/articles/{article_id}").json()["article"]
    assert article["title"] == "[속보] 엔비디아 시간외 급등"
    assert sum(len(p) for p in article["paragraphs"]) < 150


def test_related_articles_source_and_copyright(client: TestClient, app: FastAPI) -> None:
    first = ingest(client, app, ARTICLE_HTML, url="https://news.example/a/1")
    second = ingest(client, app, SECOND_ARTICLE)
    ingest_text(client, app, UNDATED_TEXT)  # TSLA only: shares nothing with the first article
    page = client.get(f"/articles/{first}").text
    related = page[page.index('id="related-heading"') :]
    assert f'href="/articles/{second}"' in related and "NVDA" in related
    assert "테슬라" not in related
    assert '원문: <a href="https://news.example/a/1"' in page
    assert "ⓒ 이 기사의 저작권은 테스트뉴스에 있습니다." in page
    assert 'href="/tickers/NVDA">NVDA 종목 페이지' in page


def test_pick_cards_show_the_move_since_publication(client: TestClient, app: FastAPI, tmp_path: Path) -> None:
    import_price_file(app.state.store, write_prices(tmp_path / "prices.csv"))
    article_id = ingest(client, app, ARTICLE_HTML)
    page = client.get(f"/articles/{article_id}").text
    moves = re.findall(r'class="move (move-up|move-down)"[^>]*>발행 후 ([+-]\d+\.\d)%', page)
    assert ("move-up", moves[0][1]) == moves[0] and moves[0][1].startswith("+")  # NVDA climbs in the data
    assert moves[1][0] == "move-down"  # INTC slides
    assert "2024-03-18 종가" in page  # 09:00 KST on the 19th: the 18th's New York close came before
    assert "종목 판단이 맞았는지를 뜻하지 않습니다" in page


def test_ticker_page_price_chart_and_names(client: TestClient, app: FastAPI, tmp_path: Path) -> None:
    import_price_file(app.state.store, write_prices(tmp_path / "prices.csv"))
    first = ingest(client, app, ARTICLE_HTML)
    ingest(client, app, SECOND_ARTICLE)
    ingest_text(client, app, UNDATED_TEXT.replace("테슬라", "엔비디아"))
    page = client.get("/tickers/NVDA").text
    assert "엔비디아" in page and "Nvidia" in page and "정보기술" in page
    assert page.count('class="price-line"') == 2  # wide and narrow layouts
    assert page.count('class="marker marker-positive"') == 4  # two dated articles, in both layouts
    assert f'<a href="/articles/{first}" class="marker marker-positive" aria-label="2024-03-19 · 긍정 · ' in page
    assert "발행 시각이 없는 기사 1건은 차트에 표시하지 않았습니다." in page
    assert "기사 표시: 긍정 2건, 부정 0건" in page
    assert "판단의 정오를 뜻하지 않습니다" in page
    never = client.get("/tickers/BRK-B")
    assert never.status_code == 200 and "버크셔해서웨이" in never.text and "금융" in never.text
    assert "가격 자료가 없습니다" in never.text


def test_front_page_search_paging_and_korean_chips(client: TestClient, app: FastAPI) -> None:
    ingest(client, app, ARTICLE_HTML)
    for n in range(21):
        ingest_text(client, app, f"시장 소식 {n}호\n\n오늘 시장은 조용했다. 거래량이 평소보다 적었다는 설명이다 {n}.")
    front = client.get("/").text
    assert front.count('class="article-item"') == 20
    assert "1 / 2 쪽" in front and 'rel="next" href="/?page=2"' in front
    second = client.get("/?page=2").text
    assert second.count('class="article-item"') == 2 and 'rel="prev"' in second
    assert '<span class="chip-name">엔비디아</span>' in second
    found = client.get("/", params={"q": "AI 칩"}).text
    assert "‘AI 칩’ 검색 결과 1건" in found and found.count('class="article-item"') == 1
    assert "검색 결과가 없습니다." in client.get("/", params={"q": "없는말%_"}).text


def test_api_docs_and_favicon_are_served_offline(client: TestClient) -> None:
    for path, asset in (("/docs", "/static/apidocs/swagger-ui-bundle.js"), ("/redoc", "/static/apidocs/redoc.standalone.js")):
        page = client.get(path).text
        assert asset in page
        assert "cdn" not in page.lower() and "<script>" not in page  # no CDN, no inline script
        script = client.get(asset)
        assert script.status_code == 200 and len(script.content) > 100_000
    assert client.get("/static/apidocs-init.js").status_code == 200
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/")


def test_templates_have_no_inline_script_or_style(client: TestClient, app: FastAPI) -> None:
    """A strict Content-Security-Policy (script-src/style-src 'self') must not break any page."""
    article_id = ingest(client, app, ARTICLE_HTML)
    for path in ("/", f"/articles/{article_id}", "/tickers/NVDA", "/desk", "/tickers/ZZZZ"):
        html = client.get(path, headers={"Accept": "text/html"}).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert " style=" not in html and "<style" not in html, path
        assert not re.search(r"\son[a-z]+=", html), path
