"""Kill the server (SIGKILL) in the middle of a job; the job completes once its lease runs out, in the
next server, and nothing is lost. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import httpx
from service_fakes import ARTICLE_HTML
from service_helpers import API_KEY, AUTH
from service_server import ProcessServer, wait_until
from sqlalchemy import select

from newsimpact.store import Store
from newsimpact.store.models import JobRow


def analysis_state(url: str, article_id: int) -> str:
    state: str = httpx.get(f"{url}/api/articles/{article_id}", timeout=5).json()["analysis"]["state"]
    return state


def test_job_survives_sigkill(tmp_path: Path, db_url: str) -> None:
    env = {
        "NEWSIMPACT_API_KEY": API_KEY,
        "NEWSIMPACT_DATABASE_URL": db_url,
        "NEWSIMPACT_TEST_TRACKER_DELAY": "600",  # the analysis will still be running when we kill
        "NEWSIMPACT_SERVICE__POLL_SECONDS": "0.2",
        "NEWSIMPACT_SERVICE__LEASE_SECONDS": "1.5",
    }
    first = ProcessServer(tmp_path, env).start()
    try:
        r = httpx.post(f"{first.url}/api/articles", content=ARTICLE_HTML, headers={**AUTH, "Content-Type": "text/html"})
        assert r.status_code == 201
        article_id = r.json()["id"]
        tr = httpx.post(f"{first.url}/api/articles/{article_id}/translations/ja")
        assert tr.status_code in (200, 202)
        wait_until(lambda: analysis_state(first.url, article_id) == "running", "the analysis to start")
        wait_until(
            lambda: httpx.get(f"{first.url}/api/articles/{article_id}/translations/ja").json()["state"] == "done",
            "the translation (its own queue: it does not wait for the analysis)",
        )
        first.kill()
    finally:
        first.stop()

    # The killed process left its job marked running under a lease nobody renews; the rows are all there.
    store = Store(db_url)
    with store.session() as s:
        states = {(j.kind, j.state) for j in s.scalars(select(JobRow))}
    assert states == {("analyze", "running"), ("translate", "done")}

    second = ProcessServer(tmp_path, {**env, "NEWSIMPACT_TEST_TRACKER_DELAY": "0"}).start()
    try:
        wait_until(lambda: analysis_state(second.url, article_id) == "done", "the analysis after restart")
        data = httpx.get(f"{second.url}/api/articles/{article_id}").json()
        assert [p["ticker"] for p in data["analysis"]["tracker"]["positive"]] == ["NVDA"]
        assert len(httpx.get(f"{second.url}/api/articles").json()) == 1
    finally:
        second.stop()

    with store.session() as s:
        jobs = {j.kind: (j.state, j.attempts) for j in s.scalars(select(JobRow))}
    assert jobs == {"analyze": ("done", 2), "translate": ("done", 1)}
    store.close()
