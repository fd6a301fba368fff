"""`newsimpact translate` on plain text with the fake engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsimpact.translate.command import translate

app = typer.Typer()
app.command()(translate)
app.command("other")(lambda: None)  # two commands, so Typer keeps "translate" as a subcommand

TEXT = "금리 3.5% 동결\n한국은행은 19일 기준금리를 3.5%로 동결했다.\n\n코스피는 1.2% 올랐다.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_text_in_one_line_per_paragraph_out(article: Path) -> None:
    result = CliRunner().invoke(app, ["translate", str(article), "--kind", "text", "--engine", "fake", "--to", "en"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and all(line.startswith("[en] ") for line in lines)
    assert "Bank of Korea" in lines[1] and "KOSPI" in lines[2]


def test_json_and_stdin(article: Path) -> None:
    result = CliRunner().invoke(
        app, ["translate", "-", "--kind", "text", "--engine", "fake", "--to", "ja", "--format", "json"], input=TEXT
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["target_language"] == "ja" and data["engine"] == "fake" and len(data["paragraphs"]) == 2


def test_environment_chooses_the_engine(article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSIMPACT_TRANSLATION__ENGINE", "fake")
    result = CliRunner().invoke(app, ["translate", str(article), "--kind", "text", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["engine"] == "fake"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "fr"], "cannot translate Korean into 'fr'"),
        (["--engine", "nope"], "unknown translation engine 'nope'"),
        (["--kind", "pdf"], "unknown --kind 'pdf'"),
    ],
)
def test_errors_are_one_line_without_traceback(article: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["translate", str(article), "--kind", "text", "--engine", "fake", *args])
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["translate", str(tmp_path / "nope.txt"), "--engine", "fake"])
    assert result.exit_code == 1 and "no such file" in result.stderr
