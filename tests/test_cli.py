"""The `newsimpact` command: extract and batch, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsimpact.article import Article
from newsimpact.cli import app

PAGES = Path(__file__).parent / "fixtures" / "pages"


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    # Keep the tracker light (no sentence encoder) and never read a developer's own settings.
    monkeypatch.setenv("NEWSIMPACT_TRACKER__USE_EMBEDDINGS", "false")
    monkeypatch.setenv("NEWSIMPACT_TRANSLATION__ENGINE", "fake")
    return CliRunner()


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """A real process, so stderr and exit codes are exactly what a shell user sees."""
    return subprocess.run(
        [sys.executable, "-c", "from newsimpact.cli import main; main()", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
        env=env,
        check=False,
    )


# --- extract -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["ko_page_dump.txt", "ko_article_utf8.html", "ko_article_cp949.html", "en_wire.html"]
)
def test_extract_json_round_trip(runner: CliRunner, name: str) -> None:
    result = runner.invoke(app, ["extract", str(PAGES / name), "--format", "json"])
    assert result.exit_code == 0, result.output
    article = Article.model_validate_json(result.stdout)
    assert article.title
    assert article.paragraphs
    assert article.published is not None and article.published.tzinfo is not None
    assert Article.model_validate_json(article.to_json()) == article


def test_extract_text_output(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", str(PAGES / "ko_page_dump.txt")])
    assert result.exit_code == 0, result.output
    assert "부산항 2월 물동량 사상 최대" in result.stdout
    assert "종목 추적기" not in result.stdout


def test_extract_kind_text_from_stdin(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["extract", "-", "--kind", "text", "--format", "json"], input="코스피 2% 상승 마감"
    )
    assert result.exit_code == 0, result.output
    assert Article.model_validate_json(result.stdout).paragraphs == ["코스피 2% 상승 마감"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", str(PAGES / "empty.txt")], "empty"),
        (["extract", str(PAGES / "binary.bin")], "binary"),
        (["extract", str(PAGES / "undecodable.txt")], "undecodable"),
        (["extract", str(PAGES / "home_page.html")], "no article"),
        (["extract", str(PAGES / "no-such-file.html")], "no such file"),
        (["extract", str(PAGES)], "directory"),
        (["extract", str(PAGES / "en_wire.html"), "--kind", "pdf"], "--kind"),
    ],
)
def test_extract_bad_input_is_one_error_line(args: list[str], message: str) -> None:
    done = _cli(*args)
    assert done.returncode != 0
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error:")
    assert message in lines[0]
    assert "Traceback" not in done.stderr


def test_extract_oversize_input() -> None:
    env = {**os.environ, "NEWSIMPACT_EXTRACT__MAX_BYTES": "1000"}
    done = _cli("extract", str(PAGES / "ko_article_utf8.html"), env=env)
    assert done.returncode != 0
    assert done.stderr.strip().startswith("error:")
    assert "size limit" in done.stderr
    assert "Traceback" not in done.stderr


# --- batch -------------------------------------------------------------------------------------


def _records() -> list[str]:
    html = (PAGES / "ko_article_utf8.html").read_text("utf-8")
    wire = (PAGES / "en_wire.html").read_text("utf-8")
    dump = (PAGES / "ko_page_dump.txt").read_text("utf-8")
    return [
        json.dumps({"id": "html-1", "html": html}, ensure_ascii=False),
        json.dumps({"id": "page-1", "page": dump}, ensure_ascii=False),
        json.dumps(
            {"id": "text-1", "text": "첫 문단이다.\n\n둘째 문단이다.", "title": "짧은 기사"},
            ensure_ascii=False,
        ),
        json.dumps({"id": "headline", "text": "삼성전자 3% 상승"}, ensure_ascii=False),
        json.dumps({"id": "wire", "html": wire}),
        json.dumps({"id": "home", "html": (PAGES / "home_page.html").read_text("utf-8")}, ensure_ascii=False),
        json.dumps({"id": "bad-field", "pdf": "nothing"}),
        json.dumps({"id": "bad-type", "html": 42}),
        "{not json",
        json.dumps(["a", "list"]),
    ]


def _run_batch(runner: CliRunner, tmp_path: Path, *extra: str) -> list[dict[str, object]]:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(_records()) + "\n", encoding="utf-8")
    target = tmp_path / f"out{len(extra)}.jsonl"
    result = runner.invoke(app, ["batch", str(source), "-o", str(target), *extra])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in target.read_text("utf-8").splitlines()]


def test_batch_one_result_per_line(runner: CliRunner, tmp_path: Path) -> None:
    results = _run_batch(runner, tmp_path)
    assert len(results) == len(_records())
    assert [r.get("id", r.get("line")) for r in results] == [
        "html-1", "page-1", "text-1", "headline", "wire", "home", "bad-field", "bad-type", 9, 10,
    ]  # fmt: skip
    by_id = {r["id"]: r for r in results if "id" in r}
    for record_id in ("html-1", "page-1", "text-1", "headline", "wire"):
        assert "error" not in by_id[record_id], by_id[record_id]
        Article.model_validate(by_id[record_id]["article"])
    for record_id in ("home", "bad-field", "bad-type"):
        assert set(by_id[record_id]) == {"id", "error"}
    assert "no article" in str(by_id["home"]["error"])
    # A record without an id is named by its line number.
    assert set(results[8]) == set(results[9]) == {"line", "error"}
    assert "invalid JSON" in str(results[8]["error"])
    assert "not a JSON object" in str(results[9]["error"])


def test_batch_articles_are_extracted(runner: CliRunner, tmp_path: Path) -> None:
    by_id = {r["id"]: r for r in _run_batch(runner, tmp_path) if "id" in r}
    page = Article.model_validate(by_id["page-1"]["article"])
    assert page.title.startswith("부산항 2월 물동량")
    assert page.reporter is not None and page.reporter.name == "홍길동"
    text = Article.model_validate(by_id["text-1"]["article"])
    assert (text.title, text.paragraphs) == ("짧은 기사", ["첫 문단이다.", "둘째 문단이다."])
    # A text record is never rejected, down to a single headline.
    headline = Article.model_validate(by_id["headline"]["article"])
    assert headline.paragraphs == ["삼성전자 3% 상승"]


def test_batch_two_workers_same_results(runner: CliRunner, tmp_path: Path) -> None:
    assert _run_batch(runner, tmp_path, "--workers", "2") == _run_batch(runner, tmp_path)


def test_batch_missing_input_is_one_error_line(tmp_path: Path) -> None:
    done = _cli("batch", str(tmp_path / "absent.jsonl"), "-o", str(tmp_path / "out.jsonl"))
    assert done.returncode != 0
    assert done.stderr.strip().startswith("error:")
    assert "Traceback" not in done.stderr


# --- hostile input (issue 13) ------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_without_end_is_refused_not_read_forever() -> None:
    done = _cli("extract", "/dev/zero")
    assert done.returncode == 1 and "size limit" in done.stderr and "Traceback" not in done.stderr


def test_a_page_declaring_a_non_text_charset_is_read(tmp_path: Path) -> None:
    from hostile_corpus import html_page

    page = tmp_path / "rot13.html"
    page.write_bytes(html_page("", head='<meta charset="rot13">').encode())
    done = _cli("extract", str(page), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert "quarterly revenue rose sharply" in done.stdout


def test_text_output_prints_markup_like_text_as_it_is(tmp_path: Path) -> None:
    page = tmp_path / "markup.txt"
    body = "The company said quarterly revenue rose sharply [/oops] on demand for its chips [bold]."
    page.write_text(f"Title [/x] here\n{body}\n", encoding="utf-8")
    done = _cli("extract", str(page), "--kind", "text")
    assert done.returncode == 0, done.stderr
    assert "[/oops]" in done.stdout and "[bold]" in done.stdout and "Title [/x] here" in done.stdout
