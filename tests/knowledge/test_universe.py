from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsimpact.errors import KnowledgeError
from newsimpact.knowledge import load_knowledge, normalise_ticker
from newsimpact.knowledge.universe import load_universe, read_constituents, write_universe

SECTORS = {"Information Technology", "Industrials", "Financials"}
HEADER = "Symbol,Security,GICS Sector,GICS Sub-Industry,Headquarters Location,Date added,CIK,Founded\n"


def _rows(n: int) -> str:
    return "".join(f'T{i:03d},Company {i},Industrials,Widgets,"Town, State",2001-01-01,{i},1900\n' for i in range(n))


@pytest.mark.parametrize("raw", ["BRK.B", "BRK-B", "BRK/B", "brk.b", "$BRK.B"])
def test_share_class_forms_normalise(raw: str) -> None:
    assert normalise_ticker(raw) == "BRK.B"


def test_import_round_trip(tmp_path: Path) -> None:
    companies = read_constituents(
        HEADER + _rows(450) + 'BRK/B,Berkshire,Financials,Holdings,"Omaha, NE",2010-02-16,1,1839\n', SECTORS
    )
    write_universe(companies, tmp_path, snapshot_date=date(2026, 8, 8), source="test.csv")
    loaded = load_universe((tmp_path / "universe.csv").read_text(encoding="utf-8"))
    assert len(loaded) == 451
    assert any(c.ticker == "BRK.B" for c in loaded)
    assert '"snapshot_date": "2026-08-08"' in (tmp_path / "universe.json").read_text()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (_rows(450) + "T001,Dup,Industrials,Widgets,x,2001-01-01,1,1\n", "duplicate ticker"),
        (_rows(450) + "T999,Bad,Widgetry,Widgets,x,2001-01-01,1,1\n", "unknown GICS sector"),
        (_rows(10), "only 10 rows"),
    ],
)
def test_import_rejects_bad_files(body: str, message: str) -> None:
    with pytest.raises(KnowledgeError, match=message):
        read_constituents(HEADER + body, SECTORS)


def test_import_rejects_missing_columns() -> None:
    with pytest.raises(KnowledgeError, match="lacks columns"):
        read_constituents("Foo,Bar\n1,2\n", SECTORS)


@pytest.mark.parametrize(
    ("query", "ticker"),
    [
        ("록히드마틴", "LMT"),
        ("록히드 마틴", "LMT"),
        ("엔비디아", "NVDA"),
        ("BRK-B", "BRK.B"),
        ("BRK/B", "BRK.B"),
        ("Nvidia", "NVDA"),
    ],
)
def test_resolve_names_and_tickers(query: str, ticker: str) -> None:
    found = load_knowledge().resolve(query)
    assert found and found[0].ticker == ticker
