"""Derive knowledge/data/listings.csv: the day each current S&P 500 company first traded on its own, for
those listed after the price history begins (2010-01-04), from the shared price reference's first dates.

A company that did not trade yet on an article's date (Sandisk before its 2025 spin-off, GE Vernova
before April 2024) cannot be moved by it, so the tracker gives it no theme or related-company pick.
The four constituents newer than the price history carry their spin-off dates by hand (`_LATER`).

Run: python bench/derive_listings.py  (rewrites the file; prints what changed). Skips cleanly without
../shared/reference/prices.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRICES = ROOT.parent / "shared" / "reference" / "prices" / "prices_daily.csv.gz"
UNIVERSE = ROOT / "src" / "newsimpact" / "knowledge" / "data" / "universe.csv"
OUT = ROOT / "src" / "newsimpact" / "knowledge" / "data" / "listings.csv"
HISTORY_START = "2010-01-04"
# Constituents that began trading after the price history ends (spin-offs): their first trading day.
_LATER = {"SNDK": "2025-02-24", "Q": "2025-11-03", "FDXF": "2026-06-01", "HONA": "2026-06-29"}


def first_dates(path: Path) -> dict[str, str]:
    first: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        for day, ticker, _close in reader:
            if ticker not in first or day < first[ticker]:
                first[ticker] = day
    return first


def main() -> int:
    if not PRICES.is_file():
        print(f"skipped: {PRICES} not found")
        return 0
    universe = [row["ticker"] for row in csv.DictReader(UNIVERSE.open(encoding="utf-8"))]
    first = first_dates(PRICES)
    rows = []
    for ticker in sorted(universe):
        since = _LATER.get(ticker) or first.get(ticker)
        if since is None:
            print(f"warning: no first trading day for {ticker}", file=sys.stderr)
            continue
        if since > HISTORY_START:
            rows.append((ticker, since, "hand: spin-off date" if ticker in _LATER else "first day in price history"))
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(("ticker", "listed_since", "source"))
    writer.writerows(rows)
    old = OUT.read_text(encoding="utf-8") if OUT.is_file() else ""
    OUT.write_text(text.getvalue(), encoding="utf-8")
    print(
        f"{len(rows)} companies listed after {HISTORY_START}; {'unchanged' if old == text.getvalue() else 'rewritten'}: {OUT}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
