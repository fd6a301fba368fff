"""Batch analysis of JSONL records; one bad record never stops the batch."""

from __future__ import annotations

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


def process_line(line: str, settings: Settings, translate_to: str | None) -> dict[str, Any]:
    record_id: Any = None
    try:
        record = json.loads(line)
        if not isinstance(record, dict):
            raise InputError("record is not a JSON object")
        record_id = record.get("id")
        page = record_to_page(record)
        analysis = _pipeline(settings).analyze(page, translate_to=translate_to)
        return {"id": record_id, **analysis.model_dump(mode="json", exclude_none=True)}
    except json.JSONDecodeError as exc:
        return {"id": record_id, "error": f"invalid JSON: {exc.msg} at column {exc.colno}"}
    except NewsImpactError as exc:
        return {"id": record_id, "error": str(exc)}
    except Exception as exc:
        return {"id": record_id, "error": f"internal error: {type(exc).__name__}: {exc}"}


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 JSONL") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    return [line for line in text.splitlines() if line.strip()]


def _results(lines: list[str], settings: Settings, workers: int, translate_to: str | None) -> Iterator[dict[str, Any]]:
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
    lines = _lines(input_path)
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
        with partial.open("w", encoding="utf-8") as out, progress:
            task = progress.add_task("batch", total=len(lines))
            for result in _results(lines, settings, workers, translate_to):
                if "error" in result:
                    failed += 1
                else:
                    ok += 1
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
                progress.advance(task)
    except OSError as exc:
        raise InputError(f"{output_path}: cannot write ({exc.strerror})") from exc
    partial.replace(output_path)
    return BatchSummary(ok=ok, failed=failed)
