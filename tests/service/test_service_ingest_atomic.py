"""Ingest is one transaction, and the same page ingested concurrently is one row and one job (issue 13)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from newsimpact.article import Article
from newsimpact.store import Store
from newsimpact.store.db import alembic_config, make_engine, sqlite_url

PARAGRAPHS = ["한빛전자가 올해 2분기 영업이익이 크게 늘었다고 밝혔다.", "회사는 신규 공장을 짓겠다고 했다."]


def _article(url: str | None = "https://news.example.com/a/1", text: str = "") -> Article:
    return Article(title="한빛전자 실적", paragraphs=[*PARAGRAPHS, text] if text else PARAGRAPHS, url=url, language="ko")


def _counts(store: Store) -> tuple[int, int]:
    with store.engine.connect() as conn:
        articles = conn.execute(sa.text("SELECT count(*) FROM articles")).scalar_one()
        jobs = conn.execute(sa.text("SELECT count(*) FROM jobs WHERE kind = 'analyze'")).scalar_one()
    return int(articles), int(jobs)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(sqlite_url(tmp_path / "store.sqlite"))


def test_a_failure_after_the_article_insert_stores_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object) -> None:
        raise RuntimeError("process died between the article and its job")

    monkeypatch.setattr(Store, "_enqueue_in", staticmethod(fail))
    with pytest.raises(RuntimeError):
        store.upsert_article(_article(), b"<html>", "text/html")
    assert _counts(store) == (0, 0)
    monkeypatch.undo()
    result = store.upsert_article(_article(), b"<html>", "text/html")
    assert (result.created, result.queued) == (True, True)
    assert _counts(store) == (1, 1)


def test_reingest_queues_an_article_that_was_never_analysed(store: Store) -> None:
    """Rows from before ingest was one transaction: an article whose job was lost gets one on re-ingest."""
    first = store.upsert_article(_article(), b"<html>", "text/html")
    with store.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM jobs"))
    again = store.upsert_article(_article(), b"<html>", "text/html")
    assert (again.article.id, again.changed, again.queued) == (first.article.id, False, True)
    assert store.upsert_article(_article(), b"<html>", "text/html").queued is False  # queued already


def test_same_text_at_another_url_is_the_same_article(store: Store) -> None:
    first = store.upsert_article(_article("https://a.example/1"), b"a", "text/html")
    second = store.upsert_article(_article("https://b.example/1"), b"b", "text/html")
    assert second.article.id == first.article.id and not second.created
    # The first URL now serves a text stored under the second: no unique key is broken.
    other = store.upsert_article(_article("https://c.example/1", text="다른 문단."), b"c", "text/html")
    moved = store.upsert_article(_article("https://c.example/1"), b"c", "text/html")
    assert moved.article.id == first.article.id and other.article.id != first.article.id
    assert _counts(store)[0] == 2


def _ingest_concurrently(db: Path, articles: list[Article]) -> list[int]:
    barrier = threading.Barrier(len(articles))
    ids: list[int] = []
    errors: list[BaseException] = []

    def run(article: Article) -> None:
        store = Store(sqlite_url(db), run_migrations=False)  # one connection pool per "process"
        try:
            barrier.wait()
            ids.append(store.upsert_article(article, b"<html>", "text/html").article.id)
        except BaseException as exc:
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=run, args=(a,)) for a in articles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    return ids


@pytest.mark.parametrize("same", ["url", "text"])
def test_ten_concurrent_ingests_make_one_row_and_one_job(tmp_path: Path, same: str) -> None:
    db = tmp_path / "race.sqlite"
    store = Store(sqlite_url(db))
    if same == "url":  # the same page, its text changing while it is ingested
        articles = [_article("https://news.example.com/a/1", text=f"갱신 {n}.") for n in range(10)]
    else:  # the same text, sent without a URL
        articles = [_article(None) for _ in range(10)]
    ids = _ingest_concurrently(db, articles)
    assert len(ids) == 10 and len(set(ids)) == 1
    # One row; one job (each changed text reuses the job still waiting: it analyses the newest text).
    assert _counts(store) == (1, 1)


_KILL_SCRIPT = """
import os, sys
from newsimpact.article import Article
from newsimpact.store import Store
from newsimpact.store.db import sqlite_url

def die(*args):
    os._exit(9)  # like kill -9: no rollback code runs, no commit either

store = Store(sqlite_url(sys.argv[1]))
Store._enqueue_in = staticmethod(die)
store.upsert_article(Article(title="t", paragraphs=["본문이다."], url="https://x.example/1"), b"x", "text/html")
"""


def test_a_process_killed_between_article_and_job_leaves_neither(tmp_path: Path) -> None:
    db = tmp_path / "killed.sqlite"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", _KILL_SCRIPT, str(db)], env=env, capture_output=True, timeout=120)
    assert done.returncode == 9, done.stderr.decode()
    store = Store(sqlite_url(db))
    assert _counts(store) == (0, 0)
    result = store.upsert_article(Article(title="t", paragraphs=["본문이다."], url="https://x.example/1"), b"x", "t")
    assert result.created and result.queued


def test_migration_folds_duplicates_left_by_the_old_race(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "old.sqlite"))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    now = "2024-01-01 00:00:00"
    with engine.begin() as conn:
        for n, (url, digest) in enumerate([("u1", "h1"), ("u1", "h1"), ("u1", "h2"), (None, "h3"), (None, "h3")]):
            conn.execute(
                sa.text(
                    "INSERT INTO articles (id, url, content_hash, source, source_type, article_json, title, "
                    "language, created_at, updated_at) VALUES (:id, :url, :h, x'00', 't', '{}', '', 'ko', :t, :t)"
                ),
                {"id": n + 1, "url": url, "h": digest, "t": now},
            )
            conn.execute(
                sa.text(
                    "INSERT INTO jobs (kind, article_id, state, attempts, created_at, updated_at) "
                    "VALUES ('analyze', :id, 'queued', 0, :t, :t)"
                ),
                {"id": n + 1, "t": now},
            )
            conn.execute(
                sa.text(
                    "INSERT INTO analyses (article_id, content_hash, engines_json, created_at) "
                    "VALUES (:id, :h, '{}', :t)"
                ),
                {"id": n + 1, "h": digest, "t": now},
            )
    engine.dispose()
    store = Store(sqlite_url(tmp_path / "old.sqlite"))  # migrates to head
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT id, url, url_hash IS NOT NULL FROM articles ORDER BY id")).all()
        jobs = conn.execute(sa.text("SELECT article_id FROM jobs ORDER BY article_id")).scalars().all()
        analyses = conn.execute(sa.text("SELECT article_id FROM analyses ORDER BY article_id")).scalars().all()
    # Same text: the later copies go (with their jobs); same URL, other text: kept, without the key.
    assert [tuple(r) for r in rows] == [(1, "u1", 1), (3, "u1", 0), (4, None, 0)]
    # Nothing else is lost on the way (a table rebuilt by an earlier migration once cascaded them away).
    assert jobs == analyses == [1, 3, 4]
