"""Daily closes: a small PriceSource interface (the database by default), the CSV importer, and the
move of a stock since an article was published (context for readers, never a verdict on a pick)."""

from __future__ import annotations

import csv
import gzip
import io
import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path
from typing import IO, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from newsimpact.errors import InputError
from newsimpact.knowledge.universe import normalise_ticker
from newsimpact.store import Store

PRICE_COLUMNS = ("date", "ticker", "close")
_TICKER_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.^")
MARKET_CLOSE = time(16, 0)
"""US exchanges close at 16:00 New York time."""


def _new_york() -> tzinfo:
    try:
        return ZoneInfo("America/New_York")
    except ZoneInfoNotFoundError:  # no time zone database: standard time errs by an hour in summer only
        return timezone(timedelta(hours=-5))


NEW_YORK = _new_york()


class PriceSource(Protocol):
    """Where daily closes come from. The database is the default; an online provider can be added."""

    def closes(self, ticker: str, start: date | None = None, end: date | None = None) -> list[tuple[date, float]]:
        """(day, close) in date order."""
        ...


class StorePrices:
    """Closes imported with `newsimpact prices import` into the service's database."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def closes(self, ticker: str, start: date | None = None, end: date | None = None) -> list[tuple[date, float]]:
        return self.store.closes(ticker, start, end)


class NoPrices:
    """For deployments without price data: charts and moves are simply left out."""

    def closes(self, ticker: str, start: date | None = None, end: date | None = None) -> list[tuple[date, float]]:
        return []


# -- import -----------------------------------------------------------------------------------------


def open_price_file(path: Path) -> IO[str]:
    """A CSV file, gzip-compressed or not (told by its magic bytes, not its name)."""
    try:
        with path.open("rb") as probe:
            magic = probe.read(2)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if magic == b"\x1f\x8b":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return path.open(encoding="utf-8-sig", newline="")


def read_prices(handle: IO[str], source: str = "input") -> Iterator[tuple[str, date, float]]:
    """Validated (ticker, day, close) rows; the first bad line raises InputError naming it."""
    reader = csv.reader(handle)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{source}: empty file: expected a header date,ticker,close") from None
    except (csv.Error, UnicodeDecodeError, OSError, EOFError) as exc:
        raise InputError(f"{source}: not a readable CSV file: {exc}") from exc
    names = [h.strip().lower() for h in header]
    if not set(PRICE_COLUMNS) <= set(names):
        raise InputError(f"{source}: header must have date,ticker,close (found {','.join(header)[:80]})")
    where = {name: names.index(name) for name in PRICE_COLUMNS}
    line = 1
    try:
        for line, row in enumerate(reader, start=2):
            if not row or not any(cell.strip() for cell in row):
                continue
            yield parse_price_row(row, where, f"{source} line {line}")
    except (csv.Error, UnicodeDecodeError, OSError, EOFError) as exc:
        raise InputError(f"{source} line {line + 1}: not readable: {exc}") from exc


def parse_price_row(row: list[str], where: dict[str, int], at: str) -> tuple[str, date, float]:
    if len(row) <= max(where.values()):
        raise InputError(f"{at}: expected {len(where)} columns, found {len(row)}")
    raw_day, raw_ticker, raw_close = (row[where[name]].strip() for name in PRICE_COLUMNS)
    try:
        day = date.fromisoformat(raw_day)
    except ValueError:
        raise InputError(f"{at}: bad date {raw_day!r} (expected YYYY-MM-DD)") from None
    ticker = normalise_ticker(raw_ticker)
    if not ticker or len(ticker) > 12 or not set(ticker) <= _TICKER_CHARS:
        raise InputError(f"{at}: bad ticker {raw_ticker!r}")
    try:
        close = float(raw_close)
    except ValueError:
        raise InputError(f"{at}: bad close {raw_close!r} (expected a number)") from None
    if not math.isfinite(close) or close <= 0:
        raise InputError(f"{at}: close must be a positive number, got {raw_close!r}")
    return ticker, day, close


def import_price_file(store: Store, path: Path) -> int:
    """All rows or none: a bad line anywhere rolls the whole import back."""
    with open_price_file(path) as handle:
        return store.import_prices(read_prices(handle, path.name))


# -- moves since publication ------------------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """How a stock moved from the last close before an article to the newest close we have."""

    since: date
    """The session whose close is the starting point (the last one before the news)."""
    until: date
    change: float
    """Fractional change: 0.032 for +3.2%."""


def base_session(published: datetime) -> date:
    """The last session that closed before the article appeared (New York time)."""
    local = published.astimezone(NEW_YORK)
    return local.date() if local.time() >= MARKET_CLOSE else local.date() - timedelta(days=1)


def move_since(closes: list[tuple[date, float]], published: datetime | None) -> Move | None:
    """None when the price history does not reach both sides of the publication."""
    if published is None or not closes:
        return None
    base_day = base_session(published)
    before = [(d, c) for d, c in closes if d <= base_day]
    after = [(d, c) for d, c in closes if d > base_day]
    if not before or not after:
        return None
    (d0, c0), (d1, c1) = before[-1], after[-1]
    if (base_day - d0).days > 7:  # a gap this long means the history has a hole, not a price
        return None
    return Move(since=d0, until=d1, change=c1 / c0 - 1.0)
