"""Several workers on one database: leases, SKIP LOCKED claims, separate queues. SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from service_fakes import ARTICLE_HTML, FakeTracker, FakeTranslator
from service_helpers import AUTH, make_settings
from service_server import WorkerProcess, wait_until
from sqlalchemy import func, select

from newsimpact.config import Settings
from newsimpact.pipeline import Pipeline
from newsimpact.service.app import create_app
from newsimpact.service.worker import Worker
from newsimpact.store import Store
from newsimpact.store.models import AnalysisRow, JobRow

HTML = {**AUTH, "Content-Type": "text/html; charset=utf-8"}


def text_article(n: int) -> dict[str, str]:
    return {
        "text": f"[서울=테스트뉴스] 기자 = 엔비디아가 {n}번째 신제품을 발표했다.\n\n시장은 이 소식에 주목했다.",
        "title": f"엔비디아 신제품 {n}",
    }


def jobs(store: Store) -> list[JobRow]:
    with store.session() as s:
        return list(s.scalars(select(JobRow).order_by(JobRow.id)))


def test_two_worker_processes_never_claim_a_job_twice(tmp_path: Path, db_url: str) -> None:
    env = {
        "NEWSIMPACT_DATABASE_URL": db_url,
        "NEWSIMPACT_TEST_TRACKER_DELAY": "0.05",
        "NEWSIMPACT_TEST_QUEUES": "analysis",
        "NEWSIMPACT_SERVICE__POLL_SECONDS": "0.05",
    }
    app = create_app(make_settings(tmp_path, db_url), pipeline=Pipeline(Settings(), tracker=FakeTracker()))
    store: Store = app.state.store
    workers = [WorkerProcess(tmp_path, env, name).start() for name in ("a", "b")]
    try:
        with TestClient(app) as client:
            for n in range(40):
                assert client.post("/api/articles", json=text_article(n), headers=AUTH).status_code == 201
        wait_until(lambda: store.job_counts()["done"] == 40, "40 analyses", timeout=120)
    finally:
        for worker in workers:
            worker.stop()
    rows = jobs(store)
    assert [(j.state, j.attempts) for j in rows] == [("done", 1)] * 40  # each claimed exactly once
    queues = store.job_counts_by_queue()
    assert queues["analysis"]["done"] == 40 and sum(queues["translation"].values()) == 0
    assert {j.claimed_by for j in rows} == {w.id for w in workers}  # and both workers took part
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(AnalysisRow)) == 40
    store.close()


def test_killed_worker_job_is_rerun_after_its_lease_runs_out(tmp_path: Path, db_url: str) -> None:
    lease = 1.5
    env = {
        "NEWSIMPACT_DATABASE_URL": db_url,
        "NEWSIMPACT_TEST_QUEUES": "analysis",
        "NEWSIMPACT_SERVICE__POLL_SECONDS": "0.1",
        "NEWSIMPACT_SERVICE__LEASE_SECONDS": str(lease),
    }
    app = create_app(make_settings(tmp_path, db_url), pipeline=Pipeline(Settings(), tracker=FakeTracker()))
    store: Store = app.state.store
    slow = WorkerProcess(tmp_path, {**env, "NEWSIMPACT_TEST_TRACKER_DELAY": "600"}, "slow").start()
    other: WorkerProcess | None = None
    try:
        with TestClient(app) as client:
            r = client.post("/api/articles", content=ARTICLE_HTML, headers=HTML)
            assert r.status_code == 201
        wait_until(lambda: jobs(store)[0].state == "running", "the slow worker to claim the job")
        # A second worker starting (a restart, a scale-up) leaves a job under a live lease alone.
        other = WorkerProcess(tmp_path, {**env, "NEWSIMPACT_TEST_TRACKER_DELAY": "0"}, "other").start()
        time.sleep(3 * lease)
        job = jobs(store)[0]
        assert (job.state, job.attempts, job.claimed_by) == ("running", 1, slow.id)

        slow.kill()  # its lease is no longer renewed
        wait_until(lambda: jobs(store)[0].state == "done", "the job to be run again", timeout=60)
        job = jobs(store)[0]
        assert (job.attempts, job.claimed_by) == (2, other.id)
    finally:
        slow.stop()
        if other is not None:
            other.stop()
    store.close()


def test_analysis_does_not_wait_behind_a_slow_translation(tmp_path: Path, db_url: str) -> None:
    gate = threading.Event()
    translator = FakeTranslator(gate=gate)
    pipeline = Pipeline(Settings(), tracker=FakeTracker(), translator=translator)
    settings = make_settings(tmp_path, db_url, workers=1, translation_workers=1, poll_seconds=0.05)
    app = create_app(settings, pipeline=pipeline)
    try:
        with TestClient(app) as client:
            first = client.post("/api/articles", json=text_article(1), headers=AUTH).json()["id"]
            wait_until(lambda: client.get(f"/api/articles/{first}").json()["analysis"]["state"] == "done", "analysis 1")
            assert client.post(f"/api/articles/{first}/translations/ja").status_code == 202
            wait_until(lambda: translator.calls == 1, "the translation to start")

            second = client.post("/api/articles", json=text_article(2), headers=AUTH).json()["id"]
            wait_until(
                lambda: client.get(f"/api/articles/{second}").json()["analysis"]["state"] == "done", "analysis 2"
            )
            assert client.get(f"/api/articles/{first}/translations/ja").json()["state"] == "running"
            health = client.get("/api/health").json()
            assert health["queues"]["translation"]["running"] == 1 and health["queues"]["analysis"]["done"] == 2
            assert health["jobs"]["running"] == 1
            gate.set()
            wait_until(
                lambda: client.get(f"/api/articles/{first}/translations/ja").json()["state"] == "done", "translation"
            )
    finally:
        gate.set()
        app.state.store.close()


def test_lease_rules_in_the_store(tmp_path: Path, db_url: str) -> None:
    store = Store(db_url)
    app = create_app(make_settings(tmp_path, db_url), pipeline=Pipeline(Settings(), tracker=FakeTracker()))
    with TestClient(app) as client:
        article_id = client.post("/api/articles", json=text_article(1), headers=AUTH).json()["id"]
    store.enqueue("translate", article_id, "ja")

    assert store.claim_next(["translation"], worker_id="w-t", lease_seconds=60).kind == "translate"  # type: ignore[union-attr]
    assert store.claim_next(["translation"], worker_id="w-x", lease_seconds=60) is None  # held by w-t
    first = store.claim_next(["analysis"], worker_id="w1", lease_seconds=0.2)
    assert first is not None and first.kind == "analyze" and first.queue == "analysis"
    assert store.claim_next(["analysis"], worker_id="w2", lease_seconds=60) is None
    time.sleep(0.4)  # w1's lease runs out without a heartbeat
    second = store.claim_next(["analysis"], worker_id="w2", lease_seconds=60)
    assert second is not None and second.id == first.id and second.attempts == 2
    assert store.heartbeat("w1", [first.id], 60) == set()  # w1 lost it
    assert store.finish_job(first.id, worker_id="w1") is False  # a late finish from w1 changes nothing
    assert store.get_job(first.id).state == "running"  # type: ignore[union-attr]
    assert store.heartbeat("w2", [first.id], 60) == {first.id}
    assert store.finish_job(first.id, worker_id="w2") is True
    assert store.get_job(first.id).state == "done"  # type: ignore[union-attr]

    # A job whose workers keep dying is given up after max_attempts claims.
    job, _ = store.enqueue("analyze", article_id)
    for n in range(2):
        assert store.claim_next(["analysis"], worker_id=f"dies-{n}", lease_seconds=0.01, max_attempts=2) is not None
        time.sleep(0.05)
    assert store.claim_next(["analysis"], worker_id="w3", lease_seconds=60, max_attempts=2) is None
    given_up = store.get_job(job.id)
    assert given_up is not None and given_up.state == "failed" and "gave up after 2 attempts" in (given_up.error or "")
    app.state.store.close()
    store.close()


def test_finish_is_retried_through_a_database_outage(tmp_path: Path, db_url: str) -> None:
    app = create_app(make_settings(tmp_path, db_url), pipeline=Pipeline(Settings(), tracker=FakeTracker()))
    store: Store = app.state.store
    with TestClient(app) as client:
        client.post("/api/articles", json=text_article(1), headers=AUTH)
    worker = Worker(store, app.state.service.pipeline, lease_seconds=30)
    real_finish = store.finish_job
    failures = {"left": 2}

    def flaky_finish(job_id: int, *, worker_id: str | None = None) -> bool:
        if failures["left"]:
            failures["left"] -= 1
            raise ConnectionError("database went away")
        return real_finish(job_id, worker_id=worker_id)

    store.finish_job = flaky_finish  # type: ignore[method-assign]
    assert worker.run_one() is True
    assert failures["left"] == 0
    assert store.job_counts() == {"queued": 0, "running": 0, "done": 1, "failed": 0}
    store.close()


def test_unknown_queue_is_refused(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'q.sqlite'}")
    with pytest.raises(ValueError, match="unknown queue"):
        Worker(store, Pipeline(Settings(), tracker=FakeTracker()), pools={"nope": 1})
    store.close()


def test_worker_and_serve_commands() -> None:
    from typer.testing import CliRunner

    from newsimpact.cli import app as cli

    runner = CliRunner()
    bad = runner.invoke(cli, ["worker", "--queue", "everything"])
    assert bad.exit_code == 1
    assert "unknown queue 'everything': expected analysis or translation" in bad.output
    assert "--queue" in runner.invoke(cli, ["worker", "--help"]).output
    serve_help = runner.invoke(cli, ["serve", "--help"]).output
    assert "--workers" in serve_help and "--translation-workers" in serve_help and "--processes" in serve_help
