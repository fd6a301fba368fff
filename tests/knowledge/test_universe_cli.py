from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsimpact.cli import app

runner = CliRunner()


def test_show_answers_korean_names_and_class_tickers() -> None:
    for query, ticker in (("록히드마틴", "LMT"), ("엔비디아", "NVDA"), ("BRK-B", "BRK.B")):
        result = runner.invoke(app, ["universe", "show", query, "--json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["ticker"] == ticker


def test_show_unknown_company_is_a_one_line_error() -> None:
    result = runner.invoke(app, ["universe", "show", "없는회사이름"])
    assert result.exit_code == 1
    assert "no S&P 500 company matches" in result.output
    assert "Traceback" not in result.output


def test_list_by_korean_sector_name() -> None:
    result = runner.invoke(app, ["universe", "list", "--sector", "유틸리티"])
    assert result.exit_code == 0
    assert "companies" in result.output.splitlines()[-1]


def test_import_writes_a_snapshot_and_rejects_a_bad_file(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[2] / "src/newsimpact/knowledge/data/universe.csv"
    header = "Symbol,Security,GICS Sector,GICS Sub-Industry,Headquarters Location,Date added,CIK,Founded\n"
    rows = source.read_text(encoding="utf-8").splitlines()[1:]
    constituents = tmp_path / "constituents.csv"
    constituents.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "data"
    result = runner.invoke(
        app, ["universe", "import", str(constituents), "--snapshot-date", "2026-08-08", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads((out / "universe.json").read_text())["count"] == 503

    bad = tmp_path / "bad.csv"
    bad.write_text("Foo,Bar\n1,2\n", encoding="utf-8")
    result = runner.invoke(app, ["universe", "import", str(bad), "--out", str(out)])
    assert result.exit_code == 1
    assert "lacks columns" in result.output
    assert json.loads((out / "universe.json").read_text())["count"] == 503  # the old snapshot is kept
