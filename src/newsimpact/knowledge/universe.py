"""The S&P 500 universe snapshot: import from a constituents CSV, normalise tickers."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

from newsimpact.errors import KnowledgeError
from newsimpact.knowledge.schema import Company, UniverseMeta

UNIVERSE_COLUMNS = ("ticker", "name", "sector", "sub_industry", "headquarters", "date_added", "cik", "founded")
_SOURCE_COLUMNS = {
    "ticker": ("Symbol", "symbol", "Ticker", "ticker"),
    "name": ("Security", "security", "Name", "name", "Company"),
    "sector": ("GICS Sector", "gics_sector", "Sector", "sector"),
    "sub_industry": ("GICS Sub-Industry", "gics_sub_industry", "Sub-Industry", "sub_industry"),
    "headquarters": ("Headquarters Location", "headquarters", "HQ"),
    "date_added": ("Date added", "date_added", "Date Added"),
    "cik": ("CIK", "cik"),
    "founded": ("Founded", "founded"),
}
_REQUIRED = ("ticker", "name", "sector", "sub_industry")
_TICKER = re.compile(r"^[A-Z][A-Z0-9]{0,5}(\.[A-Z])?$")


def normalise_ticker(raw: str) -> str:
    """BRK/B, BRK-B, brk.b -> BRK.B (the share-class form the universe uses)."""
    ticker = raw.strip().upper().lstrip("$")
    ticker = re.sub(r"[/\-_ ]", ".", ticker)
    return ticker


def is_ticker_form(raw: str) -> bool:
    return bool(_TICKER.match(normalise_ticker(raw)))


def _pick(row: dict[str, str], field: str) -> str:
    for column in _SOURCE_COLUMNS[field]:
        if column in row and row[column] is not None:
            return row[column].strip()
    return ""


def read_constituents(text: str, valid_sectors: set[str]) -> list[Company]:
    """Parse a constituents CSV in the common layout; every problem is reported with its line."""
    reader = csv.DictReader(io.StringIO(text))
    header = set(reader.fieldnames or [])
    missing = [f for f in _REQUIRED if not header & set(_SOURCE_COLUMNS[f])]
    if missing:
        raise KnowledgeError(f"constituents file lacks columns for: {', '.join(missing)} (header: {sorted(header)})")
    companies: dict[str, Company] = {}
    problems: list[str] = []
    for line_no, row in enumerate(reader, start=2):
        values = {field: _pick(row, field) for field in UNIVERSE_COLUMNS}
        values["ticker"] = normalise_ticker(values["ticker"])
        if not _TICKER.match(values["ticker"]):
            problems.append(f"line {line_no}: bad ticker {values['ticker']!r}")
            continue
        if values["sector"] not in valid_sectors:
            problems.append(f"line {line_no}: {values['ticker']}: unknown GICS sector {values['sector']!r}")
            continue
        if not values["name"] or not values["sub_industry"]:
            problems.append(f"line {line_no}: {values['ticker']}: missing name or sub-industry")
            continue
        if values["ticker"] in companies:
            problems.append(f"line {line_no}: duplicate ticker {values['ticker']}")
            continue
        companies[values["ticker"]] = Company(**values)
    if problems:
        shown = "; ".join(problems[:5]) + (f" (+{len(problems) - 5} more)" if len(problems) > 5 else "")
        raise KnowledgeError(f"constituents file rejected: {shown}")
    if len(companies) < 400:
        raise KnowledgeError(f"constituents file has only {len(companies)} rows: not an S&P 500 list")
    return sorted(companies.values(), key=lambda c: c.ticker)


def write_universe(companies: list[Company], out_dir: Path, *, snapshot_date: date, source: str) -> None:
    """Write universe.csv and universe.json atomically (temp file + rename): a failed import keeps the old one."""
    out_dir.mkdir(parents=True, exist_ok=True)
    csv_tmp = out_dir / "universe.csv.tmp"
    with csv_tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=UNIVERSE_COLUMNS)
        writer.writeheader()
        for company in companies:
            writer.writerow(company.model_dump())
    meta = UniverseMeta(snapshot_date=snapshot_date.isoformat(), source=source, count=len(companies))
    json_tmp = out_dir / "universe.json.tmp"
    json_tmp.write_text(json.dumps(meta.model_dump(), indent=2) + "\n", encoding="utf-8")
    csv_tmp.replace(out_dir / "universe.csv")
    json_tmp.replace(out_dir / "universe.json")


def load_universe(csv_text: str) -> list[Company]:
    return [Company(**row) for row in csv.DictReader(io.StringIO(csv_text))]
