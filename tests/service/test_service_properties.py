"""Property-based (hypothesis): no request to the API, however malformed, gets a 500 (issue 13)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from service_fakes import make_pipeline
from service_helpers import AUTH, make_settings, run_jobs

from newsimpact.service.app import create_app

SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)

PIECES = st.sampled_from(
    [
        "<html>", "<body>", "<p>", "</p>", "<meta charset=rot13>", "<meta charset=utf-16>", "&nbsp;", "\x00",
        "\ud800", "[서울=뉴스핌] 홍길동 기자 = ", "한빛전자가 영업이익이 늘었다고 밝혔다. ", "The company said revenue rose. ",
        "a@b.co", "2024.01.19", " " * 200, "a" * 200, "<script type='application/ld+json'>[[[[", "]]]]</script>",
    ]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=40).map("".join) | st.text(max_size=300)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXTS,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=12,
)
JSON_BODIES = st.fixed_dictionaries(
    {}, optional={"html": VALUES, "page": VALUES, "text": VALUES, "title": VALUES, "url": VALUES, "extra": VALUES}
).map(lambda d: json.dumps(d).encode())
RAW_JSON = st.sampled_from(
    [b"[" * 5000, b"[" * 3000 + b"]" * 3000, b'{"text": 1' + b"0" * 5000 + b"}", b'{"text": "\\ud800"}', b"\xef\xbb\xbf{}"]
)
BODIES = JSON_BODIES | RAW_JSON | st.binary(max_size=500) | TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass"))
CONTENT_TYPES = st.sampled_from(
    ["application/json", "text/html", "text/plain", "text/html; charset=rot13", "application/xml", "", "text/plain; x"]
)
QUERY = st.fixed_dictionaries(
    {}, optional={"title": st.text(max_size=30), "url": st.text(max_size=30), "kind": st.sampled_from(["html", "x"])}
)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(make_settings(Path(folder)), pipeline=make_pipeline())
        with TestClient(app) as c:
            yield c


@SETTINGS
@given(body=BODIES, ctype=CONTENT_TYPES, query=QUERY)
def test_ingest_never_500(client: TestClient, body: bytes, ctype: str, query: dict[str, str]) -> None:
    r = client.post("/api/articles", content=body, params=query, headers={**AUTH, "Content-Type": ctype})
    assert r.status_code < 500, r.text
    if r.status_code >= 400:
        assert r.json()["error"]["status"] == r.status_code
    else:
        run_jobs(client.app)  # type: ignore[arg-type]
        article_id = r.json()["id"]
        assert client.get(f"/api/articles/{article_id}").status_code == 200
        assert client.get(f"/articles/{article_id}", headers={"Accept": "text/html"}).status_code == 200


@SETTINGS
@given(segment=st.text(max_size=40), accept=st.sampled_from(["text/html", "application/json", "*/*"]))
def test_read_routes_never_500(client: TestClient, segment: str, accept: str) -> None:
    segment = quote(segment.encode("utf-8", "surrogatepass"), safe="")  # any bytes, percent-encoded
    for path in (f"/articles/{segment}", f"/api/articles/{segment}", f"/tickers/{segment}", f"/api/tickers/{segment}"):
        r = client.get(path, headers={"Accept": accept}, params={"ui": segment[:8], "lang": segment[:16]})
        assert r.status_code < 500, (path, r.text)
