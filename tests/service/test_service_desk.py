"""The editor's desk: corrections readers see, that outlive re-analysis, with an audit list."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_fakes import ARTICLE_HTML
from service_helpers import API_KEY, AUTH, run_jobs

HTML = {**AUTH, "Content-Type": "text/html"}


def ingest(client: TestClient, app: FastAPI, body: bytes = ARTICLE_HTML) -> int:
    r = client.post("/api/articles", content=body, headers=HTML, params={"url": "https://news.example/a/1"})
    run_jobs(app)
    article_id: int = r.json()["id"]
    return article_id


def tracker_of(client: TestClient, article_id: int) -> dict[str, object]:
    data: dict[str, object] = client.get(f"/api/articles/{article_id}").json()["analysis"]
    return data


def test_edits_need_the_key(client: TestClient, app: FastAPI) -> None:
    article_id = ingest(client, app)
    body = {"editor": "정편집", "hidden": True}
    assert client.put(f"/api/articles/{article_id}/picks/NVDA", json=body).status_code == 401
    assert client.get(f"/api/articles/{article_id}/desk").status_code == 401
    wrong = client.put(f"/api/articles/{article_id}/picks/NVDA", json=body, headers={"X-API-Key": "nope"})
    assert wrong.status_code == 401
    assert client.put(f"/api/articles/{article_id}/picks/AAPL", json=body, headers=AUTH).status_code == 404
    assert client.put(f"/api/articles/{article_id}/picks/NVDA", json={"hidden": True}, headers=AUTH).status_code == 422


def test_hide_and_correct_then_reanalyse(client: TestClient, app: FastAPI) -> None:
    article_id = ingest(client, app)
    hide = client.put(
        f"/api/articles/{article_id}/picks/nvda", json={"editor": "정편집", "hidden": True}, headers=AUTH
    )
    assert hide.status_code == 200, hide.text
    fix = client.put(
        f"/api/articles/{article_id}/picks/INTC",
        json={"editor": "한데스크", "direction": "positive", "rationale_ko": "편집국이 고친 근거입니다."},
        headers=AUTH,
    )
    assert fix.status_code == 200, fix.text

    analysis = tracker_of(client, article_id)
    tracker = analysis["tracker"]
    assert isinstance(tracker, dict)
    assert [p["ticker"] for p in tracker["positive"]] == ["INTC"]
    assert tracker["negative"] == []
    assert tracker["positive"][0]["rationale_ko"] == "편집국이 고친 근거입니다."
    assert analysis["edited"] == ["INTC", "NVDA"]

    page = client.get(f"/articles/{article_id}").text
    assert "편집국이 고친 근거입니다." in page and "편집국 수정" in page
    assert 'data-pick="p0"' in page and "엔비디아 <span" not in page  # NVDA's card is gone
    front = client.get("/").text
    assert 'href="/tickers/NVDA"' not in front and 'chip-positive" href="/tickers/INTC"' in front
    assert client.get("/api/tickers/NVDA").json()["articles"] == []

    # The text changes, the tracker runs again: the desk's corrections still hold.
    changed = ARTICLE_HTML.replace("네 배 빠르다고".encode(), "다섯 배 빠르다고".encode())
    assert ingest(client, app, changed) == article_id
    tracker = tracker_of(client, article_id)["tracker"]
    assert isinstance(tracker, dict)
    assert [p["ticker"] for p in tracker["positive"]] == ["INTC"] and tracker["negative"] == []

    desk = client.get(f"/api/articles/{article_id}/desk", headers=AUTH).json()
    assert [(a["editor"], a["action"], a["ticker"]) for a in desk["audit"]] == [
        ("한데스크", "pick_edit", "INTC"),
        ("정편집", "pick_edit", "NVDA"),
    ]
    assert all(a["created_at"] for a in desk["audit"])

    undo = client.delete(f"/api/articles/{article_id}/picks/NVDA", params={"editor": "정편집"}, headers=AUTH)
    assert undo.status_code == 200
    tracker = tracker_of(client, article_id)["tracker"]
    assert isinstance(tracker, dict)
    assert [p["ticker"] for p in tracker["positive"]] == ["NVDA", "INTC"]
    assert undo.json()["audit"][0]["action"] == "pick_revert"


def test_saving_the_trackers_own_values_is_no_edit(client: TestClient, app: FastAPI) -> None:
    article_id = ingest(client, app)
    url = f"/api/articles/{article_id}/picks/NVDA"
    same = {"editor": "정편집", "direction": "positive", "rationale_en": "The article discusses NVIDIA positively."}
    desk = client.put(url, json=same, headers=AUTH).json()
    assert (desk["edits"], desk["audit"]) == ([], [])
    client.put(url, json={"editor": "정편집", "hidden": True}, headers=AUTH)
    desk = client.put(url, json=same, headers=AUTH).json()  # back to the tracker's own pick
    assert desk["edits"] == []
    assert [a["action"] for a in desk["audit"]] == ["pick_revert", "pick_edit"]
    assert tracker_of(client, article_id)["edited"] == []


def test_no_tracker_flag(client: TestClient, app: FastAPI) -> None:
    article_id = ingest(client, app)
    r = client.put(f"/api/articles/{article_id}/tracker", json={"editor": "정편집", "no_tracker": True}, headers=AUTH)
    assert r.status_code == 200 and r.json()["no_tracker"] is True
    analysis = tracker_of(client, article_id)
    assert analysis["tracker"] is None and analysis["no_tracker"] is True
    page = client.get(f"/articles/{article_id}").text
    assert "종목 추적기를 표시하지 않기로 했습니다" in page and 'data-pick="p0"' not in page
    assert client.get("/api/tickers/NVDA").json()["articles"] == []
    client.put(f"/api/articles/{article_id}/tracker", json={"editor": "정편집", "no_tracker": False}, headers=AUTH)
    assert 'data-pick="p0"' in client.get(f"/articles/{article_id}").text


def test_html_desk_signs_in_with_the_key(client: TestClient, app: FastAPI) -> None:
    article_id = ingest(client, app)
    locked = client.get("/desk")
    assert locked.status_code == 401 and 'name="api_key"' in locked.text
    assert client.get(f"/desk/articles/{article_id}", headers={"Accept": "text/html"}).status_code == 401
    bad = client.post("/desk/login", data={"api_key": "wrong", "editor": "정편집"}, headers={"Accept": "text/html"})
    assert bad.status_code == 401
    ok = client.post("/desk/login", data={"api_key": API_KEY, "editor": "정편집"}, follow_redirects=False)
    assert ok.status_code == 303
    cookie = ok.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    assert API_KEY not in cookie  # an HMAC of the key, never the key

    desk = client.get(f"/desk/articles/{article_id}")
    assert desk.status_code == 200 and "정편집 님으로 편집 중" in desk.text
    saved = client.post(
        f"/desk/articles/{article_id}/picks/NVDA",
        data={"hidden": "on", "direction": "", "rationale_ko": "", "rationale_en": ""},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    desk = client.get(f"/desk/articles/{article_id}").text
    assert "종목 수정 <span lang=\"en\">NVDA</span> · 숨김" in desk and "<td>정편집</td>" in desk
    assert "엔비디아 <span" not in client.get(f"/articles/{article_id}").text
    client.post(f"/desk/articles/{article_id}/tracker", data={"no_tracker": "on"})
    assert "추적기 숨김" in client.get(f"/desk/articles/{article_id}").text
    # A cookie made with another key does not open the desk.
    client.cookies.set("newsimpact_desk", "mallory.0123abcd", path="/desk")
    assert client.get(f"/desk/articles/{article_id}", headers={"Accept": "text/html"}).status_code == 401
