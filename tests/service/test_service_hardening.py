"""Malformed input is a 4xx, storage failures are 507/503 and show in /api/health, every response carries
the security headers, and the data directory and its files are owner-only (issue 13)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_fakes import ARTICLE_HTML, make_pipeline
from service_helpers import AUTH, make_settings
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from newsimpact.service.app import create_app
from newsimpact.service.settings import DataDirError, ServiceSettings
from newsimpact.store import Store

JSON = {**AUTH, "Content-Type": "application/json"}
BODY_TEXT = "한빛전자가 올해 2분기 영업이익이 크게 늘었다고 밝혔다. " * 5


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b"[" * 20_000 + b"]" * 20_000, "nested too deep"),
        (b'{"text": "x", "n": ' + b"9" * 5000 + b"}", "digits"),
        (b'{"text": "bad \\ud800 text"}', "surrogate"),
        (b'{"text": "' + BODY_TEXT.encode() + b'", "title": "a\\u0000b"}', "NUL"),
        (b'{"text": "' + BODY_TEXT.encode() + b'", "url": "https://x.example/\\u0000"}', "NUL"),
        (b'{"html": "<p>\\u0000</p>"}', "NUL"),
        (b'{"text": "ok", "url": "' + b"u" * 2049 + b'"}', "2048"),
        (b'{"text": "ok", "title": "' + b"t" * 1001 + b'"}', "1000"),
        (b"\xff\xfe{}", "JSON"),
    ],
)
def test_malformed_json_bodies_are_422(client: TestClient, body: bytes, why: str) -> None:
    r = client.post("/api/articles", content=body, headers=JSON)
    assert r.status_code == 422, r.text
    assert why.lower() in r.json()["error"]["message"].lower()


def test_nul_in_query_title_is_422(client: TestClient) -> None:
    headers = {**AUTH, "Content-Type": "text/plain"}
    r = client.post("/api/articles", content=BODY_TEXT.encode(), params={"title": "a\x00b"}, headers=headers)
    assert r.status_code == 422 and "NUL" in r.text


@pytest.mark.parametrize("article_id", ["0", "-1", str(2**63), "abc", "1e3"])
def test_api_ids_out_of_range_are_4xx(client: TestClient, article_id: str) -> None:
    assert client.get(f"/api/articles/{article_id}").status_code == 422


def test_largest_id_is_a_404_not_a_500(client: TestClient) -> None:
    assert client.get(f"/api/articles/{2**63 - 1}").status_code == 404
    assert client.get(f"/articles/{2**63 - 1}", headers={"Accept": "text/html"}).status_code == 404


def test_a_canonical_url_over_the_column_size_is_dropped(client: TestClient) -> None:
    page = ARTICLE_HTML.replace(b"</head>", b'<link rel="canonical" href="https://x.example/' + b"a" * 3000 + b'"></head>')
    r = client.post("/api/articles", content=page, headers={**AUTH, "Content-Type": "text/html"})
    assert r.status_code == 201, r.text
    stored = client.get(f"/api/articles/{r.json()['id']}").json()
    assert stored["url"] is None or len(stored["url"]) <= 2048


# -- storage failures ---------------------------------------------------------------------------------


def _limit_pages(store: Store) -> None:
    """A database that cannot grow: SQLite's max_page_count fails page allocations with SQLITE_FULL, the
    same error as a full disk."""

    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {int(pages)}")
        cursor.close()

    store.engine.dispose()


def test_disk_full_is_507_and_health_says_so(client: TestClient, app: FastAPI) -> None:
    if app.state.store.engine.dialect.name != "sqlite":
        pytest.skip("a full disk is simulated with SQLite's max_page_count")
    assert client.get("/api/health").json()["database"] == "ok"
    _limit_pages(app.state.store)
    big = ARTICLE_HTML.replace(b"</body>", b"<p>" + "가나다라 ".encode() * 3_000 + b"</p></body>")
    r = client.post("/api/articles", content=big, headers={**AUTH, "Content-Type": "text/html"})
    assert r.status_code == 507, r.text
    assert r.json()["error"]["code"] == "storage_full"
    health = client.get("/api/health")
    assert health.status_code == 507
    assert (health.json()["status"], health.json()["database"]) == ("degraded", "full")
    assert client.get("/api/articles").status_code == 200  # reads still work


def test_database_unavailable_is_503_and_health_says_so(
    client: TestClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    def gone(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection unexpectedly"))

    store: Store = app.state.store
    monkeypatch.setattr(store, "session", gone)
    r = client.post("/api/articles", content=ARTICLE_HTML, headers={**AUTH, "Content-Type": "text/html"})
    assert r.status_code == 503 and r.json()["error"]["code"] == "storage_unavailable"
    assert "SELECT" not in r.text  # no SQL leaks to the client
    health = client.get("/api/health")
    assert health.status_code == 503 and health.json()["database"] == "unavailable"
    page = client.get("/", headers={"Accept": "text/html"})
    assert page.status_code == 503 and "text/html" in page.headers["content-type"]


# -- security headers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/api/health", "/articles/1", "/api/articles/x", "/static/app.css", "/nowhere"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    r = client.get(path, headers={"Accept": "text/html"})
    csp = r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_refused_oversize_body_has_the_headers_too(client: TestClient) -> None:
    r = client.post("/api/articles", content=b"x" * 100_000, headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 413 and r.headers["x-content-type-options"] == "nosniff"


def test_pages_satisfy_the_policy(client: TestClient) -> None:
    """No inline script, style element or style attribute: what a script-src/style-src 'self' policy blocks."""
    r = client.post("/api/articles", content=ARTICLE_HTML, headers={**AUTH, "Content-Type": "text/html"})
    client.app.state.worker.run_pending()  # type: ignore[attr-defined]
    for path in ("/", f"/articles/{r.json()['id']}", "/tickers/NVDA", "/articles/999"):
        html = client.get(path, headers={"Accept": "text/html"}).text
        assert "style=" not in html and "<style" not in html, path
        for chunk in html.split("<script")[1:]:
            assert chunk.lstrip().startswith("src="), path
        assert " onclick=" not in html and " onload=" not in html, path


# -- files and directories ----------------------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_directory_and_files_are_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o777)
    data.chmod(0o777)
    key = data / "api-key"
    key.write_text("existing-key-0123456789\n")
    key.chmod(0o644)
    old = os.umask(0)
    try:
        settings = ServiceSettings(data_dir=data)
        app = create_app(settings, pipeline=make_pipeline())
        with TestClient(app) as client:
            assert client.get("/api/health").status_code == 200
    finally:
        os.umask(old)
    assert _mode(data) == 0o700
    assert _mode(data / "newsimpact.sqlite") == 0o600
    assert _mode(key) == 0o600
    assert app.state.api_key == "existing-key-0123456789"
    for journal in ("newsimpact.sqlite-wal", "newsimpact.sqlite-shm"):
        if (data / journal).exists():
            assert _mode(data / journal) == 0o600


def test_an_unusable_data_directory_is_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(DataDirError, match="cannot be used"):
        ServiceSettings(data_dir=blocker / "data").resolved_database_url()
    env = {**os.environ, "NEWSIMPACT_DATA_DIR": str(blocker / "data"), "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", "from newsimpact.cli import main; main()", "serve", "--port", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0 and done.stderr.startswith("error: data directory")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_a_read_only_data_directory_is_a_one_line_error(tmp_path: Path) -> None:
    data = tmp_path / "ro"
    data.mkdir()
    data.chmod(0o500)
    try:
        with pytest.raises(DataDirError, match="cannot be used"):
            make_settings(data).prepare_data_dir()
    finally:
        data.chmod(0o700)
