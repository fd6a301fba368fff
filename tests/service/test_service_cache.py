"""ETags, 304s and the rendered-response cache: never stale after a write, on SQLite and PostgreSQL."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_fakes import ARTICLE_HTML
from service_helpers import AUTH, run_jobs

HTML = {**AUTH, "Content-Type": "text/html; charset=utf-8"}


def test_etag_304_and_fresh_after_writes(client: TestClient, app: FastAPI) -> None:
    article_id = client.post("/api/articles", content=ARTICLE_HTML, headers=HTML).json()["id"]
    for path in (f"/articles/{article_id}", "/api/articles", f"/api/articles/{article_id}", "/tickers/NVDA", "/"):
        first = client.get(path)
        assert first.status_code == 200
        etag = first.headers["etag"]
        assert first.headers["cache-control"] == "no-cache"
        again = client.get(path, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
        assert client.get(path).content == first.content  # served from the cache: the same bytes

    before = client.get(f"/api/articles/{article_id}")
    assert before.json()["analysis"]["state"] == "queued"
    run_jobs(app)  # a write: the version moves, the old ETag no longer matches, the cache is bypassed
    after = client.get(f"/api/articles/{article_id}", headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200 and after.json()["analysis"]["state"] == "done"
    assert after.headers["etag"] != before.headers["etag"]
    assert [a["picks"] for a in client.get("/api/articles").json()] != [[]]


def test_what_is_never_cached(client: TestClient) -> None:
    article_id = client.post("/api/articles", content=ARTICLE_HTML, headers=HTML).json()["id"]
    assert "etag" not in client.get("/api/health").headers
    assert "etag" not in client.get("/api/articles", headers=AUTH).headers  # key holders are never shared
    assert "etag" not in client.get("/api/articles/999").headers  # errors
    page = client.get(f"/articles/{article_id}?lang=ja")  # queues a translation: reaches the handler
    assert "etag" not in page.headers
    status = client.get(f"/api/articles/{article_id}/translations/ja")  # progress moves between writes
    assert status.json()["state"] == "queued" and "etag" not in status.headers
    english = client.get(f"/articles/{article_id}?ui=en")  # sets the UI cookie: not shared
    assert "set-cookie" in english.headers
    client.cookies.clear()
    client.cookies.set("newsimpact_ui", "ko")
    korean = client.get(f"/articles/{article_id}")
    client.cookies.set("newsimpact_ui", "en")
    english_again = client.get(f"/articles/{article_id}")
    assert korean.headers["etag"] != english_again.headers["etag"]  # the cookie is part of the key
    assert english_again.text == english.text != korean.text


def test_price_imports_and_desk_actions_move_the_etag(client: TestClient, app: FastAPI) -> None:
    from datetime import date

    article_id = client.post("/api/articles", content=ARTICLE_HTML, headers=HTML).json()["id"]
    run_jobs(app)
    store = app.state.store
    ticker_page = client.get("/tickers/NVDA").headers["etag"]
    store.import_prices([("NVDA", date(2026, 1, 2), 100.0)])
    after_import = client.get("/tickers/NVDA").headers["etag"]
    assert after_import != ticker_page
    store.import_prices([("NVDA", date(2026, 1, 2), 101.0)])  # overwrites a close: no new row, still a change
    assert client.get("/tickers/NVDA").headers["etag"] != after_import

    page = client.get(f"/articles/{article_id}").headers["etag"]
    store.set_no_tracker(article_id, True, "desk-test")
    assert client.get(f"/articles/{article_id}").headers["etag"] != page
