"""Server-rendered pages (no browser): structure, evidence spans, translations without JavaScript."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_fakes import ARTICLE_HTML
from service_helpers import AUTH, run_jobs

HTML_ACCEPT = {"Accept": "text/html"}


def ingest(client: TestClient, app: FastAPI) -> int:
    r = client.post("/api/articles", content=ARTICLE_HTML, headers={**AUTH, "Content-Type": "text/html"})
    run_jobs(app)
    article_id: int = r.json()["id"]
    return article_id


def test_article_page_korean(client: TestClient, app: FastAPI) -> None:
    article_id = ingest(client, app)
    html = client.get(f"/articles/{article_id}").text
    for text in [
        "기사입력 : <time",
        "최종수정 : <time",
        "2024년03월19일 09:00",
        "본문 글자 크기 조정",
        "더 작게",
        "더 크게",
        "번역할 언어 선택",
        "한국어 원문",
        "繁體中文",
        "S&amp;P 500 기업 중 기사 내용이 영향을 줄 종목",
        "긍정 영향 종목",
        "부정 영향 종목",
        "<figcaption>",
        "[서울=테스트뉴스]",
        "박하늘 기자",
        "테스트용 면책 문구",
        'class="badge">정보기술<',
    ]:
        assert text in html, text
    # Evidence sentences are wrapped with the ids of the picks they support.
    first = "엔비디아가 18일(현지시간) 차세대 인공지능(AI) 가속기를 공개했다."
    assert f'<span class="ev" data-picks="p0">{first}</span>' in html
    assert re.search(r'data-pick="p1"[^>]*>\s*<span class="pick-head">\s*<span class="pick-name">인텔', html)


def test_article_page_english_ui(client: TestClient, app: FastAPI) -> None:
    article_id = ingest(client, app)
    r = client.get(f"/articles/{article_id}?ui=en")
    assert "S&amp;P 500 companies this article may move" in r.text
    assert "Test disclaimer: not investment advice." in r.text
    assert 'class="badge">Information Technology<' in r.text
    assert r.cookies.get("newsimpact_ui") == "en"
    # The choice is remembered for the next page.
    assert "Recent articles" in client.get("/").text


def test_translation_without_javascript(client: TestClient, app: FastAPI) -> None:
    article_id = ingest(client, app)
    waiting = client.get(f"/articles/{article_id}?lang=vi").text
    assert "결과물 출력을 준비하고 있어요" in waiting
    assert 'http-equiv="refresh"' in waiting
    run_jobs(app)
    done = client.get(f"/articles/{article_id}?lang=vi").text
    assert "[vi] 엔비디아, 차세대 AI 칩 공개" in done
    assert "원문 보기" in done
    # The translated paragraph holding NVDA's evidence carries its pick id.
    assert 'data-picks="p0">[vi] 엔비디아가' in done


def test_front_and_ticker_pages(client: TestClient, app: FastAPI) -> None:
    article_id = ingest(client, app)
    front = client.get("/").text
    assert f'href="/articles/{article_id}"' in front
    assert 'href="/tickers/NVDA"' in front and 'href="/tickers/INTC"' in front
    ticker = client.get("/tickers/nvda").text
    assert "엔비디아" in ticker and "Nvidia" in ticker and "정보기술" in ticker
    assert f'href="/articles/{article_id}"' in ticker
    empty = client.get("/tickers/AAPL").text
    assert "이 종목이 선택된 기사가 아직 없습니다." in empty
    assert "애플" in empty  # a listed company never picked still shows who it is


def test_html_errors(client: TestClient) -> None:
    r = client.get("/articles/4242", headers=HTML_ACCEPT)
    assert r.status_code == 404
    assert "text/html" in r.headers["content-type"]
    assert "요청하신 페이지를 찾을 수 없습니다" in r.text
    assert "no article with id 4242" in r.text  # folded away under 자세한 정보
    bad = ("/articles/x", "/articles/abc", "/articles/-1", "/articles/0", "/articles/" + "9" * 5000)
    for path in (*bad, "/articles/9223372036854775808", "/tickers/a%2Fb", "/tickers/ZZZZ", "/tickers/%00"):
        r = client.get(path, headers=HTML_ACCEPT)
        assert r.status_code == 404, path
        assert "text/html" in r.headers["content-type"], path
        assert "찾을 수 없습니다" in r.text, path
    english = client.get("/tickers/ZZZZ?ui=en", headers=HTML_ACCEPT)
    assert english.status_code == 404 and "does not exist" in english.text
    # The API keeps answering JSON.
    assert client.get("/api/articles/4242", headers=HTML_ACCEPT).json()["error"]["code"] == "not_found"


def test_pending_analysis_page(client: TestClient) -> None:
    r = client.post("/api/articles", content=ARTICLE_HTML, headers={**AUTH, "Content-Type": "text/html"})
    html = client.get(f"/articles/{r.json()['id']}").text
    assert 'data-analysis-state="queued"' in html
    assert "기사를 분석하고 있어요" in html


def test_a_card_names_the_company_as_a_reader_says_it(
    client: TestClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    import service_fakes

    listing = dict(service_fakes.COMPANIES)
    listing["인텔"] = ("INTC", "Intel Corporation", "Information Technology", "정보기술", "negative", 0.64)
    monkeypatch.setattr(service_fakes, "COMPANIES", listing)
    article_id = ingest(client, app)
    html = client.get(f"/articles/{article_id}").text
    card = re.search(r'<span class="pick-name">인텔 <span class="pick-en" lang="en">([^<]*)</span>', html)
    assert card is not None and card.group(1) == "Intel"
