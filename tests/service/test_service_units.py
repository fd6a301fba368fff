"""Small pure pieces: evidence segmentation, daily counts, migrations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import inspect

from newsimpact.service.core import daily_counts
from newsimpact.service.web import _locate, segment
from newsimpact.store import Store, StoredPick
from newsimpact.store.db import sqlite_url
from newsimpact.tracker.report import Evidence


def test_segment_overlapping_ranges() -> None:
    text = "하나. 둘. 셋."
    parts = segment(text, [(0, 6, "p0"), (4, 9, "p1")])
    assert [(p.text, p.picks) for p in parts] == [("하나. ", "p0"), ("둘.", "p0 p1"), (" 셋.", "p1")]
    assert segment(text, [])[0].text == text


def test_locate_trusts_good_offsets_and_repairs_bad_ones() -> None:
    text = "첫 문장이다. 둘째 문장이다."
    good = Evidence(text="둘째 문장이다.", paragraph=0, start=8, end=16)
    assert _locate(good, text) == (8, 16)
    shifted = Evidence(text="둘째 문장이다.", paragraph=0, start=2, end=10)
    assert _locate(shifted, text) == (8, 16)
    assert _locate(Evidence(text="없는 문장", paragraph=0, start=50, end=60), text) is None


def test_daily_counts_fill_gaps_in_the_articles_own_time_zone() -> None:
    kst = timezone(timedelta(hours=9))
    now = datetime(2024, 3, 1, tzinfo=UTC)

    def pick(direction: str, published: datetime) -> StoredPick:
        return StoredPick(1, "NVDA", "NVIDIA", direction, 0.5, now, "t", published)

    days = daily_counts(
        [
            pick("positive", datetime(2024, 3, 4, 8, 0, tzinfo=kst)),  # 3 March 23:00 UTC, 4 March in Seoul
            pick("negative", datetime(2024, 3, 4, 20, 0, tzinfo=kst)),
            pick("positive", datetime(2024, 3, 1, 9, 0, tzinfo=kst)),
        ]
    )
    assert [(d.isoformat(), p, n) for d, p, n in days] == [
        ("2024-03-01", 1, 0),
        ("2024-03-02", 0, 0),
        ("2024-03-03", 0, 0),
        ("2024-03-04", 1, 1),
    ]


def test_migrations_create_tables_and_are_idempotent(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "m.sqlite")
    Store(url).close()
    store = Store(url)  # second start: already at head
    tables = set(inspect(store.engine).get_table_names())
    assert {"articles", "analyses", "picks", "translations", "jobs", "alembic_version"} <= tables
    store.close()


def test_migrations_up_to_head_and_down_to_base(db_url: str) -> None:
    """Every revision applies to an empty database and reverts, on SQLite and PostgreSQL."""
    from alembic import command
    from alembic.script import ScriptDirectory

    from newsimpact.store.db import alembic_config, make_engine

    engine = make_engine(db_url)
    config = alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    inspector = inspect(engine)
    assert {"queue", "claimed_by", "lease_expires_at"} <= {c["name"] for c in inspector.get_columns("jobs")}
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    with engine.begin() as connection:  # and up again, from the bottom
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    engine.dispose()


def test_store_takes_what_the_api_accepts(db_url: str) -> None:
    """64-bit ids, canonical links longer than the API's own URL limit, NUL in extracted text: stored
    on both backends, never a database error."""
    from newsimpact.article import Article

    store = Store(db_url)
    long_url = "https://example.com/뉴스/" + "가" * 3000
    article = Article(title="제목\x00끝", paragraphs=["본문\x00이다."], language="ko", url=long_url)
    first = store.upsert_article(article, b"body", "text/plain")
    again = store.upsert_article(article.model_copy(update={"paragraphs": ["바뀐 본문."]}), b"b", "text/plain")
    assert again.article.id == first.article.id and not again.created  # found by its long URL
    assert store.get_article(first.article.id).url == long_url  # type: ignore[union-attr]
    assert store.get_article(2**63 - 1) is None
    assert store.latest_job("analyze", 2**63 - 1) is None
    store.fail_job(2**63 - 1, "error with \x00 inside", retry=False)
    store.close()


def test_processes_starting_together_migrate_once(db_url: str) -> None:
    """Web and worker processes may start at the same moment on an empty database."""
    from concurrent.futures import ThreadPoolExecutor

    def start() -> dict[str, int]:
        store = Store(db_url)  # each with its own engine and connections, as separate processes have
        try:
            return store.job_counts()
        finally:
            store.close()

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: start(), range(8)))
    assert results == [{"queued": 0, "running": 0, "done": 0, "failed": 0}] * 8


def test_low_confidence_migration_keeps_old_picks_firm(db_url: str) -> None:
    """Picks stored before the flag existed were shown as firm: the new column keeps them firm, and
    the revision reverts without losing the rows (SQLite and PostgreSQL)."""
    import sqlalchemy as sa
    from alembic import command

    from newsimpact.store.db import alembic_config, make_engine

    engine = make_engine(db_url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "i12_translation_progress")
    now = datetime(2024, 1, 1, tzinfo=UTC)
    meta = sa.MetaData()
    with engine.begin() as conn:
        articles, analyses, picks = (sa.Table(n, meta, autoload_with=conn) for n in ("articles", "analyses", "picks"))
        conn.execute(
            articles.insert().values(
                id=1,
                content_hash="h",
                source=b"x",
                source_type="text/plain",
                article_json="{}",
                title="t",
                language="ko",
                created_at=now,
                updated_at=now,
            )
        )
        conn.execute(analyses.insert().values(id=1, article_id=1, content_hash="h", engines_json="{}", created_at=now))
        conn.execute(
            picks.insert().values(
                analysis_id=1,
                article_id=1,
                ticker="NVDA",
                name="NVIDIA",
                direction="positive",
                score=0.8,
                created_at=now,
            )
        )
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "i9_low_confidence")
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT ticker, low_confidence FROM picks")).all() == [("NVDA", False)]
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "i12_translation_progress")
    assert "low_confidence" not in {c["name"] for c in inspect(engine).get_columns("picks")}
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT ticker FROM picks")).scalars().all() == ["NVDA"]
    engine.dispose()
