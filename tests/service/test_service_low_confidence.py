"""Low-confidence picks: shown apart on the article page and the desk, never counted as calls on the
front page, ticker pages, related articles or the ticker API (unless the API is asked for them)."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_helpers import API_KEY, AUTH, MIXED_CONFIDENCE, ONLY_TENTATIVE, SECOND_ARTICLE, run_jobs


def ingest(client: TestClient, page: bytes) -> int:
    r = client.post("/api/articles", content=page, headers={**AUTH, "Content-Type": "text/html"})
    assert r.status_code in (200, 201, 202), r.text
    article_id: int = r.json()["id"]
    return article_id


def tracker_panel(html: str) -> str:
    return html[html.index('<aside class="tracker"') : html.index("</aside>")]


def test_article_page_puts_low_confidence_picks_apart(client: TestClient, app: FastAPI) -> None:
    article_id = ingest(client, MIXED_CONFIDENCE)
    run_jobs(app)
    panel = tracker_panel(client.get(f"/articles/{article_id}").text)
    firm, _, tentative = panel.partition('<section class="side side-tentative"')
    assert "긍정 영향 종목" in firm and "엔비디아" in firm
    assert "퀄컴" not in firm and "QCOM" not in firm
    assert "낮은 확신 (참고)" in tentative
    card = tentative[tentative.index('class="pick pick-positive pick-tentative"') :]
    # direction, sector, rationale, score and a link to the ticker page, like a firm card
    for text in ("▲</span> 긍정", 'class="badge">정보기술<', "기사가 퀄컴에 대해 긍정적으로", "0.31", 'href="/tickers/QCOM"'):
        assert text in card, text
    # its evidence is highlighted in the body like a firm pick's
    pick_id = re.search(r'data-pick="(p\d+)"', card).group(1)  # type: ignore[union-attr]
    body = client.get(f"/articles/{article_id}").text
    assert re.search(rf'<span class="ev" data-picks="{pick_id}">[^<]*퀄컴', body)
    assert "확신할 만큼 뚜렷한 영향 종목은 찾지 못했습니다" not in panel

    english = tracker_panel(client.get(f"/articles/{article_id}?ui=en").text)
    assert "Low confidence (for reference)" in english and "Positive</span>" not in english.split("side-tentative")[0]


def test_only_low_confidence_picks_read_as_no_firm_pick(client: TestClient, app: FastAPI) -> None:
    article_id = ingest(client, ONLY_TENTATIVE)
    run_jobs(app)
    panel = tracker_panel(client.get(f"/articles/{article_id}").text)
    assert "확신할 만큼 뚜렷한 영향 종목은 찾지 못했습니다" in panel
    assert "긍정 영향 종목" not in panel and "부정 영향 종목" not in panel
    assert panel.index("확신할 만큼") < panel.index("낮은 확신 (참고)") < panel.index("퀄컴")
    english = tracker_panel(client.get(f"/articles/{article_id}?ui=en").text)
    assert "No firm pick" in english and "Qualcomm" in english


def test_front_ticker_related_and_api_count_firm_picks_only(client: TestClient, app: FastAPI) -> None:
    mixed = ingest(client, MIXED_CONFIDENCE)
    only = ingest(client, ONLY_TENTATIVE)
    second = ingest(client, SECOND_ARTICLE)
    run_jobs(app)

    front = client.get("/").text
    assert 'href="/tickers/NVDA"' in front and 'href="/tickers/QCOM"' not in front
    listed = {a["id"]: [p["ticker"] for p in a["picks"]] for a in client.get("/api/articles").json()}
    assert listed[mixed] == ["NVDA"] and listed[only] == []

    assert "이 종목이 선택된 기사가 아직 없습니다." in client.get("/tickers/QCOM").text
    assert f'href="/articles/{mixed}"' in client.get("/tickers/NVDA").text

    # Related articles share firm picks: the article with only a tentative QCOM is no relation.
    page = client.get(f"/articles/{mixed}").text
    related = page[page.index('<section class="related"') :]
    assert f'href="/articles/{second}"' in related and f'href="/articles/{only}"' not in related

    qcom = client.get("/api/tickers/QCOM").json()
    assert (qcom["articles"], qcom["daily"]) == ([], [])
    everything = client.get("/api/tickers/QCOM", params={"include_low_confidence": "true"}).json()
    assert sorted((a["id"], a["low_confidence"]) for a in everything["articles"]) == [(mixed, True), (only, True)]
    assert everything["daily"] == []  # tentative picks are listed on request, never counted
    nvda = client.get("/api/tickers/NVDA", params={"include_low_confidence": "true"}).json()
    assert {a["low_confidence"] for a in nvda["articles"]} == {False}
    assert sum(d["positive"] for d in nvda["daily"]) == 2


def test_desk_shows_the_flag(client: TestClient, app: FastAPI) -> None:
    article_id = ingest(client, MIXED_CONFIDENCE)
    run_jobs(app)
    desk = client.get(f"/api/articles/{article_id}/desk", headers=AUTH).json()
    assert sorted(desk["picked"]) == ["NVDA", "QCOM"] and desk["low_confidence"] == ["QCOM"]
    client.post("/desk/login", data={"api_key": API_KEY, "editor": "정편집"}, follow_redirects=False)
    html = client.get(f"/desk/articles/{article_id}").text
    qcom = html[html.index('picks/QCOM"') - 200 : html.index('picks/QCOM"') + 600]
    nvda = html[html.index('picks/NVDA"') - 200 : html.index('picks/NVDA"') + 600]
    assert "is-tentative" in qcom and "낮은 확신 (참고) · 0.31" in qcom
    assert "is-tentative" not in nvda and "낮은 확신" not in nvda
