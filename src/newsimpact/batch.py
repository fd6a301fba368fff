"""Batch analysis of JSONL records; one bad record never stops the batch."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from newsimpact.config import Settings
from newsimpact.errors import InputError, NewsImpactError
from newsimpact.extract import Page
from newsimpact.pipeline import Pipeline

_KINDS = (("html", "html"), ("page", "dump"), ("text", "text"))


@dataclass(frozen=True)
class BatchSummary:
    ok: int
    failed: int


def record_to_page(record: dict[str, Any]) -> Page:
    for field, kind in _KINDS:
        if field in record:
            content = record[field]
            if not isinstance(content, str):
                raise InputError(f"field {field!r} must be a string")
            title = record.get("title")
            return Page(
                content=content,
                kind=kind,  # type: ignore[arg-type]
                title=title if isinstance(title, str) else None,
                url=record.get("url") if isinstance(record.get("url"), str) else None,
            )
    raise InputError("record has none of the fields html, page, text")


_worker_pipeline: Pipeline | None = None


def _pipeline(settings: Settings) -> Pipeline:
    global _worker_pipeline
    if _worker_pipeline is None:
        _worker_pipeline = Pipeline(settings)
    return _worker_pipeline


@dataclass(frozen=True)
class Line:
    """One record of the input: its 1-based line number and its text, or why it could not be read."""

    number: int
    text: str | None
    error: str | None = None


def process_line(line: Line | str, settings: Settings, translate_to: str | None) -> dict[str, Any]:
    """One result per record: the analysis, or {"id" or "line": N, "error": ...}."""
    if isinstance(line, str):
        line = Line(0, line)
    record_id: Any = None
    try:
        if line.text is None:
            raise InputError(line.error or "unreadable line")
        record = json.loads(line.text)
        if not isinstance(record, dict):
            raise InputError("record is not a JSON object")
        record_id = record.get("id")
        page = record_to_page(record)
        analysis = _pipeline(settings).analyze(page, translate_to=translate_to)
        return {"id": record_id, **analysis.model_dump(mode="json", exclude_none=True)}
    except json.JSONDecodeError as exc:
        return _error(record_id, line, f"invalid JSON: {exc.msg} at column {exc.colno}")
    except (ValueError, RecursionError) as exc:  # integer literals over 4,300 digits, deep nesting
        return _error(record_id, line, f"invalid JSON: {_first_line(exc) or type(exc).__name__}")
    except NewsImpactError as exc:
        return _error(record_id, line, str(exc))
    except Exception as exc:
        return _error(record_id, line, f"internal error: {type(exc).__name__}: {_first_line(exc)}")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else ""


def _error(record_id: Any, line: Line, message: str) -> dict[str, Any]:
    """A record without a usable id is named by its line number, so no record goes unaccounted for."""
    if record_id is None or isinstance(record_id, dict | list):
        return {"line": line.number, "error": message}
    return {"id": record_id, "error": message}


def read_lines(path: Path) -> list[Line]:
    """The records of a JSON Lines file, each decoded on its own.

    JSON Lines separates records by b"\n" only (str.splitlines() would also split at U+2028, U+2029
    and U+0085 inside JSON strings); a CR before it is dropped, blank lines are skipped, a UTF-8 BOM
    at the start is ignored. A line that is not UTF-8 (cut mid-character, Latin-1, CP949) becomes an
    error for that line alone instead of refusing the whole file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a directory, expected a JSONL file") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    lines: list[Line] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        raw = raw.removesuffix(b"\r")
        if not raw.strip():
            continue
        try:
            lines.append(Line(number, raw.decode("utf-8")))
        except UnicodeDecodeError as exc:
            lines.append(Line(number, None, f"line {number} is not UTF-8 (byte {exc.start + 1}): JSON Lines is UTF-8"))
    return lines


def encode_result(result: dict[str, Any]) -> bytes:
    """One output line. A lone surrogate (JSON "\\ud800" in the input) cannot be written as UTF-8;
    it is written as the JSON escape it came in as, so the line stays valid JSON and loses nothing."""
    return (json.dumps(result, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")


def _results(lines: list[Line], settings: Settings, workers: int, translate_to: str | None) -> Iterator[dict[str, Any]]:
    if workers <= 1:
        for line in lines:
            yield process_line(line, settings, translate_to)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        chunk = max(1, min(64, len(lines) // (workers * 4) or 1))
        yield from pool.map(process_line, lines, [settings] * len(lines), [translate_to] * len(lines), chunksize=chunk)


def run_batch(
    input_path: Path,
    output_path: Path,
    *,
    workers: int = 1,
    translate_to: str | None = None,
    settings: Settings | None = None,
    show_progress: bool = True,
) -> BatchSummary:
    settings = settings or Settings()
    lines = read_lines(input_path)
    ok = failed = 0
    # Write to a temporary file and rename, so a crash never leaves a half-written result file
    # over a previous good one.
    partial = output_path.with_name(output_path.name + ".partial")
    progress = Progress(
        TextColumn("analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        disable=not show_progress or len(lines) < 20,
        transient=True,
    )
    try:
        with partial.open("wb") as out, progress:
            task = progress.add_task("batch", total=len(lines))
            for result in _results(lines, settings, workers, translate_to):
                if "error" in result:
                    failed += 1
                else:
                    ok += 1
                out.write(encode_result(result))
                progress.advance(task)
        partial.replace(output_path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InputError(f"{output_path}: cannot write ({exc.strerror})") from exc
    except BaseException:
        # Interrupted or crashed: no half-written result lies beside the input.
        partial.unlink(missing_ok=True)
        raise
    return BatchSummary(ok=ok, failed=failed)
