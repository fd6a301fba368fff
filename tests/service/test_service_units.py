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
