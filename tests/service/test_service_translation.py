"""Translation as a reader waits for it (issue 12): progress, real attempts, cancellation,
abandonment, rate limits. Real app, real SQLite file, the fake translator (one step per paragraph)."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_fakes import ARTICLE_HTML, FakeTranslator, make_pipeline
from service_helpers import AUTH, make_settings, run_jobs

from newsimpact.service.app import create_app
from newsimpact.service.limits import RateLimited, RateLimiter

HTML = {**AUTH, "Content-Type": "text/html; charset=utf-8"}


def ingest(client: TestClient) -> int:
    r = client.post("/api/articles", content=ARTICLE_HTML, headers=HTML)
    assert r.status_code in (200, 201), r.text
    article_id: int = r.json()["id"]
    return article_id


def fake_translator(app: FastAPI) -> FakeTranslator:
    translator = app.state.service.pipeline.translator
    assert isinstance(translator, FakeTranslator)
    return translator


def run_in_background(app: FastAPI) -> threading.Thread:
    app.state.worker.stop_poll_s = 0.0  # ask the database at every check: no timing in the tests
    thread = threading.Thread(target=app.state.worker.run_one, daemon=True)
    thread.start()
    return thread


def wait_for(check: object, timeout: float = 30.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        time.sleep(0.02)
    raise AssertionError("condition not reached")


def test_progress_shows_finished_paragraphs_while_running(tmp_path: Path) -> None:
    app = create_app(make_settings(tmp_path), pipeline=make_pipeline())
    with TestClient(app) as client:
        article_id = ingest(client)
        run_jobs(app)  # the analysis
        gate = threading.Event()
        fake_translator(app).paragraph_gate = gate
        base = f"/api/articles/{article_id}/translations/en"
        queued = client.post(base).json()
        assert queued["state"] == "queued" and queued["queue_position"] == 1
        worker = run_in_background(app)
        # The fake holds after its first paragraph: wait until that one is recorded, not just running.
        wait_for(lambda: ((client.get(base).json().get("progress") or {}).get("paragraphs_done") or 0) >= 1)
        body = client.get(base).json()
        assert body["state"] == "running"
        progress = body["progress"]
        assert progress["paragraphs_total"] == 4
        assert progress["paragraphs_done"] == 1
        assert progress["segments"]["paragraph:0"].startswith("[en] ")
        assert "paragraph:1" not in progress["segments"]
        gate.set()
        worker.join(10)
        done = client.get(base).json()
        assert done["state"] == "done" and done["progress"] is None
        assert done["attempts"] == 1 and done["job_id"] == queued["job_id"]  # real attempts, not 0


def test_cancel_stops_a_running_translation_between_paragraphs(tmp_path: Path) -> None:
    app = create_app(make_settings(tmp_path), pipeline=make_pipeline())
    with TestClient(app) as client:
        article_id = ingest(client)
        run_jobs(app)
        gate = threading.Event()
        translator = fake_translator(app)
        translator.paragraph_gate = gate
        base = f"/api/articles/{article_id}/translations/ja"
        client.post(base)
        worker = run_in_background(app)
        wait_for(lambda: client.get(base).json()["state"] == "running")
        assert client.delete(base).status_code == 202
        gate.set()
        worker.join(10)
        body = client.get(base).json()
        assert body["state"] == "failed" and "cancelled" in body["error"]
        assert app.state.service.progress.get(body["job_id"]).done < 4  # it stopped before the end
        # Asking again queues a fresh job.
        assert client.post(base).json()["state"] == "queued"


def test_cancel_a_queued_translation_means_it_never_runs(tmp_path: Path) -> None:
    app = create_app(make_settings(tmp_path), pipeline=make_pipeline())
    with TestClient(app) as client:
        article_id = ingest(client)
        run_jobs(app)
        base = f"/api/articles/{article_id}/translations/en"
        client.post(base)
        assert client.delete(base).json()["state"] == "failed"
        run_jobs(app)
        assert fake_translator(app).calls == 0
        assert client.delete(base).status_code == 404  # nothing waiting any more


def test_an_abandoned_translation_is_stopped_but_one_queued_at_ingest_is_not(tmp_path: Path) -> None:
    app = create_app(
        make_settings(tmp_path, translation_abandon_s=0.05, translate_at_ingest=["en"]), pipeline=make_pipeline()
    )
    with TestClient(app) as client:
        article_id = ingest(client)
        translator = fake_translator(app)
        translator.delay = 0.1  # past the abandon time before the first paragraph
        app.state.worker.stop_poll_s = 0.0
        run_jobs(app)  # analysis, then the pinned en translation: nobody watches it, it finishes
        assert client.get(f"/api/articles/{article_id}/translations/en").json()["state"] == "done"
        base = f"/api/articles/{article_id}/translations/ja"
        client.post(base)  # a reader asks, then never polls again
        run_jobs(app)
        body = client.get(base).json()
        assert body["state"] == "failed" and "reader left" in body["error"]


def test_public_requests_are_rate_limited_with_retry_after(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, translation_requests_per_client=2, translation_requests_overall=10)
    app = create_app(settings, pipeline=make_pipeline())
    with TestClient(app) as client:
        article_id = ingest(client)
        base = f"/api/articles/{article_id}/translations"
        assert client.post(f"{base}/en").status_code == 202
        assert client.post(f"{base}/en").status_code == 202  # polling the same job costs nothing
        assert client.post(f"{base}/ja").status_code == 202
        refused = client.post(f"{base}/zh-Hans")
        assert refused.status_code == 429
        assert int(refused.headers["Retry-After"]) >= 1
        error = refused.json()["error"]
        assert error["code"] == "rate_limited" and "too many translation requests" in error["message"]
        assert client.post(f"{base}/zh-Hans", headers=AUTH).status_code == 202  # the API key is not limited
        page = client.get(f"/articles/{article_id}?lang=vi", headers={"Accept": "text/html"})
        assert page.status_code == 429  # the no-script form is limited too


def test_a_full_queue_refuses_new_public_requests(tmp_path: Path) -> None:
    app = create_app(make_settings(tmp_path, max_queued_translations=1), pipeline=make_pipeline())
    with TestClient(app) as client:
        article_id = ingest(client)
        base = f"/api/articles/{article_id}/translations"
        assert client.post(f"{base}/en").status_code == 202
        full = client.post(f"{base}/ja")
        assert full.status_code == 429 and "queue is full" in full.json()["error"]["message"]


def test_rate_limiter_window_slides() -> None:
    now = [0.0]
    limiter = RateLimiter(per_client=2, overall=3, window_s=10, clock=lambda: now[0])
    limiter.take("a")
    limiter.take("a")
    try:
        limiter.take("a")
        raise AssertionError("a third request in the window must be refused")
    except RateLimited as exc:
        assert exc.retry_after == 10
    limiter.take("b")
    try:
        limiter.take("c")  # overall limit
        raise AssertionError("the overall limit must hold")
    except RateLimited:
        pass
    now[0] = 10.5
    limiter.take("a")  # the window moved on


def test_the_page_shows_byline_captions_and_warnings_of_a_translation(tmp_path: Path) -> None:
    from newsimpact.translate.translation import SegmentWarning, Translation

    app = create_app(make_settings(tmp_path), pipeline=make_pipeline())
    with TestClient(app) as client:
        article_id = ingest(client)
        stored = app.state.store.get_article(article_id)
        translation = Translation(
            source_language="ko",
            target_language="en",
            title="Nvidia title",
            byline="(Seoul=Test News) Reporter Park Ha-neul",
            paragraphs=[f"Paragraph {i}." for i in range(len(stored.article.paragraphs))],
            captions=["A translated caption." for _ in stored.article.captions],
            engine="fake",
            model="fake-test",
            warnings=[SegmentWarning(segment="paragraph:1", message="currency lost: the source states KRW amounts")],
        )
        app.state.store.save_translation(article_id, "en", stored.content_hash, translation)
        page = client.get(f"/articles/{article_id}?lang=en", headers={"Accept": "text/html"}).text
        assert "(Seoul=Test News) Reporter Park Ha-neul" in page
        assert "A translated caption." in page
        assert "currency lost: the source states KRW amounts" in page
        # The translation UI's behaviour lives in static/app.js: the article template has no inline script.
        template = Path(__file__).resolve().parents[2] / "src/newsimpact/service/templates/article.html"
        assert "<script" not in template.read_text(encoding="utf-8")
