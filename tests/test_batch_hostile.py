"""`batch` never loses a record (issue 13): every input line comes back as a result or as an error that
names its id or line, whatever the bytes; the output is complete or absent, never half-written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hostile_corpus import SENTENCE_EN, batch_files
from newsimpact import batch
from newsimpact.batch import Line, encode_result, read_lines, run_batch
from newsimpact.config import Settings
from newsimpact.pipeline import Pipeline

FILES = list(batch_files())


@pytest.fixture(autouse=True)
def _extraction_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about records, not the tracker: an extraction-only pipeline keeps them fast."""
    monkeypatch.setattr(batch, "_worker_pipeline", Pipeline(Settings(), with_tracker=False))


def _results(path: Path) -> list[dict[str, object]]:
    raw = path.read_bytes()
    raw.decode("utf-8")  # the whole output is UTF-8
    return [json.loads(line) for line in raw.split(b"\n") if line]


@pytest.mark.parametrize(("name", "data", "records"), FILES, ids=[f[0] for f in FILES])
def test_every_record_comes_back(tmp_path: Path, name: str, data: bytes, records: int) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_bytes(data)
    summary = run_batch(source, target, settings=Settings(), show_progress=False)
    results = _results(target)
    assert len(results) == records == summary.ok + summary.failed
    for result in results:
        if "error" in result:
            assert ("id" in result) != ("line" in result), result
            assert isinstance(result["error"], str) and "\n" not in result["error"]
        else:
            assert "article" in result
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_bad_lines_are_named_by_line_number(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    good = json.dumps({"id": "ok", "text": SENTENCE_EN}).encode()
    source.write_bytes(b"\xef\xbb\xbf" + good + b"\n\n\xff\xfe bad\n" + good + b"\r\n{oops\n")
    results = _results(target) if run_batch(source, target, show_progress=False) else []
    assert [r.get("id", r.get("line")) for r in results] == ["ok", 3, "ok", 5]
    assert "not UTF-8" in str(results[1]["error"])
    assert "invalid JSON" in str(results[3]["error"])


def test_line_separators_inside_strings_do_not_split_records(tmp_path: Path) -> None:
    text = SENTENCE_EN + "\u2028" + SENTENCE_EN + "\u2029\x85\x1c" + SENTENCE_EN
    lines = read_lines(_write(tmp_path, json.dumps({"id": 1, "text": text}, ensure_ascii=False).encode()))
    assert len(lines) == 1 and lines[0].text is not None and json.loads(lines[0].text)["text"] == text


def test_a_lone_surrogate_is_written_back_as_its_escape(tmp_path: Path) -> None:
    line = b'{"id": "s", "title": "bad \\ud800 title", "text": "' + (SENTENCE_EN * 2).encode() + b'"}'
    target = tmp_path / "out.jsonl"
    run_batch(_write(tmp_path, line), target, show_progress=False)
    assert b"\\ud800" in target.read_bytes()
    assert _results(target)[0]["id"] == "s"
    assert encode_result({"id": "\udc80"}) == b'{"id": "\\udc80"}\n'


def test_an_interrupted_batch_leaves_no_partial_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0

    def interrupted(line: Line | str, settings: Settings, translate_to: str | None) -> dict[str, object]:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt
        return {"id": calls, "error": "skipped"}

    monkeypatch.setattr(batch, "process_line", interrupted)
    source = _write(tmp_path, b"\n".join(json.dumps({"id": n, "text": "x"}).encode() for n in range(5)))
    target = tmp_path / "out.jsonl"
    target.write_text("previous good result\n")
    with pytest.raises(KeyboardInterrupt):
        run_batch(source, target, show_progress=False)
    assert not (tmp_path / "out.jsonl.partial").exists()
    assert target.read_text() == "previous good result\n"  # the earlier output is untouched


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_bytes(data)
    return path
