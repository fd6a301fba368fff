"""The JSON API against the real app and a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_fakes import ARTICLE_HTML, FakeTracker, FakeTranslator, make_pipeline
from service_helpers import API_KEY, AUTH, make_settings, run_jobs

from newsimpact.service.app import create_app

HTML = {**AUTH, "Content-Type": "text/html; charset=utf-8"}
TEXT_ARTICLE = (
    "[부산=테스트뉴스] 이바다 기자 = 테슬라가 3분기 차량 인도량이 시장 예상에 못 미쳤다고 밝혔다. "
    "회사는 가격 인하에도 수요가 약했다고 설명했다.\n\n"
    "전문가들은 전기차 경쟁이 심해지면서 수익성이 더 나빠질 수 있다고 내다봤다.\n\n"
    "bada@testnews.kr"
)


def ingest_html(client: TestClient, **params: str) -> dict[str, object]:
    r = client.post("/api/articles", content=ARTICLE_HTML, headers=HTML, params=params)
    assert r.status_code in (200, 201), r.text
    data: dict[str, object] = r.json()
    return data


def test_ingest_html_then_read_article_and_tracker(client: TestClient, app: FastAPI) -> None:
    created = ingest_html(client)
    assert created["created"] is True
    assert created["state"] == "queued"
    article_id = created["id"]

    before = client.get(f"/api/articles/{article_id}").json()
    assert before["analysis"]["state"] == "queued"
    assert before["analysis"]["tracker"] is None
    assert before["article"]["title"] == "엔비디아, 차세대 AI 칩 공개…인텔은 점유율 하락 우려"

    assert run_jobs(app) == 1
    data = client.get(f"/api/articles/{article_id}").json()
    assert data["analysis"]["state"] == "done"
    tracker = data["analysis"]["tracker"]
    assert [p["ticker"] for p in tracker["positive"]] == ["NVDA"]
    assert [p["ticker"] for p in tracker["negative"]] == ["INTC"]
    assert data["analysis"]["engines"]["tracker"].endswith("FakeTracker fake-1")
    evidence = tracker["positive"][0]["evidence"][0]
    paragraph = data["article"]["paragraphs"][evidence["paragraph"]]
    assert paragraph[evidence["start"] : evidence["end"]] == evidence["text"]
    assert data["article"]["reporter"] == {"name": "박하늘", "email": "sky@testnews.kr"}
    assert set(data["translation_targets"]) == {"en", "ja", "zh-Hans", "zh-Hant", "vi"}


def test_ingest_json_and_plain_text(client: TestClient, app: FastAPI) -> None:
    r = client.post("/api/articles", json={"text": TEXT_ARTICLE, "title": "테슬라 인도량 부진"}, headers=AUTH)
    assert r.status_code == 201, r.text
    run_jobs(app)
    data = client.get(f"/api/articles/{r.json()['id']}").json()
    assert data["article"]["title"] == "테슬라 인도량 부진"
    assert [p["ticker"] for p in data["analysis"]["tracker"]["negative"]] == ["TSLA"]

    r2 = client.post(
        "/api/articles",
        content="전혀 다른 기사입니다. 날씨 소식을 전합니다.\n\n내일은 전국에 비가 내리겠습니다.",
        headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"},
        params={"title": "날씨", "kind": "text"},
    )
    assert r2.status_code == 201, r2.text
    run_jobs(app)
    tracker = client.get(f"/api/articles/{r2.json()['id']}").json()["analysis"]["tracker"]
    assert tracker["abstained"] is True
    assert tracker["positive"] == [] and tracker["negative"] == []


def test_duplicate_ingest_updates_without_duplicating(client: TestClient, app: FastAPI) -> None:
    first = ingest_html(client)
    run_jobs(app)
    second = ingest_html(client)
    assert second["id"] == first["id"]
    assert second["created"] is False and second["changed"] is False
    assert second["state"] == "done"  # same text: the stored analysis still holds
    assert run_jobs(app) == 0
    assert len(client.get("/api/articles").json()) == 1

    # Same URL, revised text: updated in place and analysed again.
    url = "https://news.example/a/1"
    a = ingest_html(client, url=url)
    assert a["id"] == first["id"]
    revised = ARTICLE_HTML.replace("네 배".encode(), "다섯 배".encode())
    r = client.post("/api/articles", content=revised, headers=HTML, params={"url": url})
    assert r.status_code == 200
    assert r.json() == {**r.json(), "id": first["id"], "created": False, "changed": True, "state": "queued"}
    run_jobs(app)
    data = client.get(f"/api/articles/{first['id']}").json()
    assert "다섯 배" in data["article"]["paragraphs"][0]
    assert data["analysis"]["state"] == "done"
    assert data["url"] == url
    assert len(client.get("/api/articles").json()) == 1


def test_translation_job_then_cached(client: TestClient, app: FastAPI) -> None:
    article_id = ingest_html(client)["id"]
    base = f"/api/articles/{article_id}/translations"
    assert client.get(f"{base}/en").status_code == 404  # never requested

    r = client.post(f"{base}/en")
    assert r.status_code == 202
    assert r.json()["state"] == "queued"
    job_id = r.json()["job_id"]
    again = client.post(f"{base}/en")
    assert again.json()["job_id"] == job_id  # coalesced, not a second job
    assert client.get(f"{base}/en").json()["state"] == "queued"

    run_jobs(app)
    done = client.get(f"{base}/en")
    assert done.status_code == 200
    body = done.json()
    assert body["state"] == "done"
    assert body["translation"]["title"].startswith("[en] 엔비디아")
    assert len(body["translation"]["paragraphs"]) == 4
    assert body["translation"]["captions"][0].startswith("[en] ")

    cached = client.post(f"{base}/EN")  # codes are case-insensitive
    assert cached.status_code == 200
    assert cached.json()["translation"]["cached"] is True
    assert client.get(f"/api/articles/{article_id}").json()["translations"] == ["en"]

    zh = client.post(f"{base}/zh-hant")
    assert zh.json()["language"] == "zh-Hant"


def test_translation_language_errors(client: TestClient) -> None:
    article_id = ingest_html(client)["id"]
    base = f"/api/articles/{article_id}/translations"
    for lang, fragment in [("ko", "already in ko"), ("xx", "unknown language"), ("fr", "unknown language")]:
        r = client.post(f"{base}/{lang}")
        assert r.status_code == 422, lang
        assert fragment in r.json()["error"]["message"]
    assert client.post(f"{base}/e%20n").status_code == 422
    assert client.post("/api/articles/999/translations/en").status_code == 404


def test_failed_translation_is_reported(tmp_path: Path) -> None:
    pipeline = make_pipeline(translator_fail=True)
    app = create_app(make_settings(tmp_path, max_attempts=2), pipeline=pipeline)
    with TestClient(app) as client:
        article_id = ingest_html(client)["id"]
        client.post(f"/api/articles/{article_id}/translations/ja")
        run_jobs(app)
        body = client.get(f"/api/articles/{article_id}/translations/ja").json()
        assert body["state"] == "failed"
        assert body["attempts"] == 2  # an unexpected crash is retried, then given up
        assert "fake translator is broken" in body["error"]
        translator = pipeline.translator
        assert isinstance(translator, FakeTranslator) and translator.calls == 2


def test_translate_at_ingest(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, translate_at_ingest=["en", "JA", "ko", "xx"])
    app = create_app(settings, pipeline=make_pipeline())
    with TestClient(app) as client:
        article_id = ingest_html(client)["id"]
        assert app.state.store.job_counts()["queued"] == 3  # analyse + en + ja; ko and xx ignored
        run_jobs(app)
        assert client.get(f"/api/articles/{article_id}").json()["translations"] == ["en", "ja"]


def test_translate_at_ingest_env_parsing(monkeypatch: object) -> None:
    import pytest

    from newsimpact.service.settings import ServiceSettings

    mp = pytest.MonkeyPatch()
    try:
        mp.setenv("NEWSIMPACT_SERVICE__TRANSLATE_AT_INGEST", "en, ja")
        mp.setenv("NEWSIMPACT_DATABASE_URL", "sqlite:///x.sqlite")
        mp.setenv("NEWSIMPACT_MAX_REQUEST_BYTES", "2048")
        s = ServiceSettings()
        assert s.service.translate_at_ingest == ["en", "ja"]
        assert s.database_url == "sqlite:///x.sqlite"
        assert s.max_request_bytes == 2048
    finally:
        mp.undo()


def test_ticker_endpoint(client: TestClient, app: FastAPI) -> None:
    article_id = ingest_html(client)["id"]
    client.post("/api/articles", json={"text": TEXT_ARTICLE, "title": "테슬라 인도량 부진"}, headers=AUTH)
    run_jobs(app)
    nvda = client.get("/api/tickers/nvda").json()
    assert nvda["ticker"] == "NVDA"
    # Names and sectors come from the universe, not from whichever article picked the stock first.
    assert (nvda["name"], nvda["name_ko"], nvda["sector"], nvda["sector_ko"]) == (
        "Nvidia",
        "엔비디아",
        "Information Technology",
        "정보기술",
    )
    assert [(a["id"], a["direction"], a["score"]) for a in nvda["articles"]] == [(article_id, "positive", 0.82)]
    assert nvda["daily"] == [{"day": "2024-03-19", "positive": 1, "negative": 0}]
    intc = client.get("/api/tickers/INTC").json()
    assert intc["articles"][0]["direction"] == "negative"
    assert client.get("/api/tickers/AAPL").json()["articles"] == []
    assert client.get("/api/tickers/BRK-B").json()["ticker"] == "BRK.B"
    assert client.get("/api/tickers/" + "A" * 20).status_code == 422
    # A listed company never picked still has a name; a ticker nobody lists or picked does not exist.
    brk = client.get("/api/tickers/BRK-B").json()
    assert (brk["name"], brk["articles"]) == ("Berkshire Hathaway", [])
    missing = client.get("/api/tickers/ZZZZ")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_health_and_docs(client: TestClient) -> None:
    health = client.get("/api/health").json()
    assert health["status"] == "ok"
    assert health["database"] == "ok"
    assert set(health["jobs"]) >= {"queued", "running", "done", "failed"}
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert "/api/articles/{article_id}/translations/{language}" in spec["paths"]
    assert set(spec["paths"]["/api/articles"]["post"]["requestBody"]["content"]) == {
        "text/html",
        "text/plain",
        "application/json",
    }


# -- bad input -------------------------------------------------------------------------------------


def test_api_key_required_for_writes(client: TestClient) -> None:
    no_key = client.post("/api/articles", content=ARTICLE_HTML, headers={"Content-Type": "text/html"})
    assert no_key.status_code == 401
    assert "missing API key" in no_key.json()["error"]["message"]
    wrong = client.post(
        "/api/articles", content=ARTICLE_HTML, headers={"Content-Type": "text/html", "X-API-Key": "nope"}
    )
    assert wrong.status_code == 401
    assert wrong.json()["error"]["message"] == "wrong API key"
    bearer = client.post(
        "/api/articles",
        content=ARTICLE_HTML,
        headers={"Content-Type": "text/html", "Authorization": f"Bearer {API_KEY}"},
    )
    assert bearer.status_code == 201
    wrong_bearer = client.post(
        "/api/articles",
        content=ARTICLE_HTML,
        headers={"Content-Type": "text/html", "Authorization": "Bearer x"},
    )
    assert wrong_bearer.status_code == 401
    # Reads stay public.
    assert client.get(f"/api/articles/{bearer.json()['id']}").status_code == 200


def test_oversized_bodies_are_413(client: TestClient) -> None:
    big = b"<p>" + "가".encode() * 40_000 + b"</p>"  # 120 KB, limit is 64 KiB
    r = client.post("/api/articles", content=big, headers=HTML)
    assert r.status_code == 413
    assert "limit" in r.json()["error"]["message"]

    def chunks():  # no Content-Length: the limit applies while the body streams in
        for _ in range(20):
            yield b"x" * 8192

    r2 = client.post("/api/articles", content=chunks(), headers=HTML)
    assert r2.status_code == 413
    assert r2.json()["error"]["code"] == "too_large"


def test_wrong_content_type_is_415(client: TestClient) -> None:
    for ctype in ("application/pdf", "image/png", "multipart/form-data; boundary=x", ""):
        headers = {**AUTH, "Content-Type": ctype} if ctype else AUTH
        r = client.post("/api/articles", content=b"%PDF-1.4 binary", headers=headers)
        assert r.status_code == 415, ctype
        assert "text/html" in r.json()["error"]["message"]


def test_bad_json_is_422(client: TestClient) -> None:
    json_headers = {**AUTH, "Content-Type": "application/json"}
    cases = [
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "JSON object"),
        (b'{"title": "x"}', "exactly one of html, page or text"),
        (b'{"html": "<p>a</p>", "text": "b"}', "exactly one of html, page or text"),
        (b'{"text": 5}', "text"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
    ]
    for body, fragment in cases:
        r = client.post("/api/articles", content=body, headers=json_headers)
        assert r.status_code == 422, body
        assert fragment in r.json()["error"]["message"], r.json()


def test_empty_and_non_article_bodies(client: TestClient) -> None:
    empty = client.post("/api/articles", content=b"   ", headers=HTML)
    assert empty.status_code == 400
    assert "empty" in empty.json()["error"]["message"]
    nav = client.post(
        "/api/articles",
        content=b"<html><body><nav><a href='/'>home</a></nav></body></html>",
        headers=HTML,
    )
    assert 400 <= nav.status_code < 500
    assert nav.json()["error"]["message"]
    binary = client.post("/api/articles", content=bytes(range(256)) * 4, headers={**AUTH, "Content-Type": "text/plain"})
    assert 400 <= binary.status_code < 500


def test_unknown_ids_and_paths_are_404_or_422(client: TestClient) -> None:
    r = client.get("/api/articles/12345")
    assert r.status_code == 404
    assert r.json()["error"]["message"] == "no article with id 12345"
    assert client.get("/api/articles/abc").status_code == 422
    assert client.get("/api/articles/0").status_code == 422
    assert client.get("/api/articles/99999999999999999999999").status_code == 422
    assert client.get("/api/nothing-here").status_code == 404
    assert client.delete("/api/articles/1").status_code == 405
    assert client.get("/articles/777", headers={"Accept": "text/html"}).status_code == 404


def test_tracker_without_report_and_engine_crash(tmp_path: Path) -> None:
    class CrashingTracker(FakeTracker):
        def track(self, article):  # type: ignore[no-untyped-def]
            raise ValueError("boom")

    from newsimpact.config import Settings
    from newsimpact.pipeline import Pipeline

    pipeline = Pipeline(Settings(), tracker=CrashingTracker(), translator=FakeTranslator())
    app = create_app(make_settings(tmp_path, max_attempts=1), pipeline=pipeline)
    with TestClient(app) as client:
        article_id = ingest_html(client)["id"]
        run_jobs(app)
        analysis = client.get(f"/api/articles/{article_id}").json()["analysis"]
        assert analysis["state"] == "failed"
        assert "ValueError: boom" in analysis["error"]
        page = client.get(f"/articles/{article_id}")
        assert page.status_code == 200
        assert "분석하지 못했습니다" in page.text


def test_list_articles_search_and_offset(client: TestClient, app: FastAPI) -> None:
    first = ingest_html(client)["id"]
    client.post("/api/articles", json={"text": TEXT_ARTICLE, "title": "테슬라 인도량 부진"}, headers=AUTH)
    run_jobs(app)
    assert [a["title"] for a in client.get("/api/articles", params={"q": "인도량"}).json()] == ["테슬라 인도량 부진"]
    assert [a["id"] for a in client.get("/api/articles", params={"limit": 1, "offset": 1}).json()] == [first]
    assert client.get("/api/articles", params={"offset": -1}).status_code == 422
