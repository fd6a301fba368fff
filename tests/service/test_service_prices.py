"""Prices: the import command (validated, idempotent, atomic, gzip) and the move since publication."""

from __future__ import annotations

import gzip
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from service_helpers import write_prices
from typer.testing import CliRunner

from newsimpact.cli import app as cli
from newsimpact.service.prices import base_session, move_since
from newsimpact.store import Store

runner = CliRunner()


def run_import(path: Path, data_dir: Path) -> tuple[int, str]:
    result = runner.invoke(cli, ["prices", "import", str(path), "--data-dir", str(data_dir)])
    return result.exit_code, result.output


def count(data_dir: Path) -> int:
    store = Store(f"sqlite:///{data_dir / 'newsimpact.sqlite'}")
    try:
        return store.count_prices()
    finally:
        store.close()


def test_import_is_idempotent_and_accepts_gzip(tmp_path: Path) -> None:
    data = tmp_path / "data"
    csv_path = write_prices(tmp_path / "prices.csv")
    rows = len(csv_path.read_text().splitlines()) - 1
    code, out = run_import(csv_path, data)
    assert code == 0, out
    assert f"imported {rows:,} closes" in out
    assert count(data) == rows
    code, _ = run_import(csv_path, data)  # the same file again: same rows, no duplicates
    assert code == 0 and count(data) == rows

    gz = tmp_path / "more.csv.gz"
    gz.write_bytes(gzip.compress(b"date,ticker,close\n2024-07-01,NVDA,99.5\n2024-01-02,nvda,10\n"))
    code, out = run_import(gz, data)
    assert code == 0, out
    assert count(data) == rows + 1  # one new day; the other row overwrote an existing close
    store = Store(f"sqlite:///{data / 'newsimpact.sqlite'}")
    try:
        closes = dict(store.closes("NVDA"))
    finally:
        store.close()
    assert closes[date(2024, 1, 2)] == 10.0 and closes[date(2024, 7, 1)] == 99.5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("date,ticker,close\n2024-01-02,NVDA,50\n2024-13-01,NVDA,51\n", "line 3: bad date"),
        ("date,ticker,close\n2024-01-02,NVDA,abc\n", "line 2: bad close"),
        ("date,ticker,close\n2024-01-02,NVDA,-3\n", "close must be a positive number"),
        ("date,ticker,close\n2024-01-02,NV DA!,3\n", "bad ticker"),
        ("day,symbol,price\n2024-01-02,NVDA,3\n", "header must have date,ticker,close"),
        ("", "empty file"),
    ],
)
def test_bad_file_imports_nothing(tmp_path: Path, content: str, message: str) -> None:
    data = tmp_path / "data"
    assert run_import(write_prices(tmp_path / "good.csv"), data)[0] == 0
    before = count(data)
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    code, out = run_import(bad, data)
    assert code == 1
    assert message in out and "nothing was imported" in out
    assert "Traceback" not in out
    assert count(data) == before  # atomic: the good rows before the bad line were rolled back too


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    code, out = run_import(tmp_path / "nope.csv", tmp_path / "data")
    assert code == 1 and "cannot read" in out and len(out.strip().splitlines()) == 1


def test_move_since_publication() -> None:
    closes = [(date(2024, 3, d), 100.0 + d) for d in (14, 15, 18, 19, 20)]
    # 09:00 KST on the 19th is the evening of the 18th in New York: the 18th's close came before the news.
    published = datetime(2024, 3, 19, 0, 0, tzinfo=UTC)
    assert base_session(published) == date(2024, 3, 18)
    move = move_since(closes, published)
    assert move is not None
    assert (move.since, move.until) == (date(2024, 3, 18), date(2024, 3, 20))
    assert move.change == pytest.approx(120 / 118 - 1)
    # During the New York session the day's close is already after the news.
    assert base_session(datetime(2024, 3, 19, 15, 0, tzinfo=UTC)) == date(2024, 3, 18)
    assert move_since(closes, datetime(2024, 3, 20, 22, 0, tzinfo=UTC)) is None  # nothing after it yet
    assert move_since(closes, None) is None
    assert move_since([], published) is None
