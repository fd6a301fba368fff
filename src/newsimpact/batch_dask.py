"""Archives on a Dask cluster: `newsimpact batch IN -o OUTDIR --scheduler tcp://...` (or
`--local-cluster N`).

The input (JSONL, or Parquet with the same fields as columns: id, html|page|text, title, url) is cut
into partitions of --partition-size records; each partition is one Dask task that analyses its records
with the same code as the plain batch (newsimpact.batch.process_line) and writes one output part,
`part-00042.parquet` (and `.jsonl` with --jsonl), under a temporary name renamed into place when
complete. A rerun after a crash skips the parts that exist, so records already done are not analysed
again; `_manifest.json` pins the partitioning so a rerun cannot mix two plans. Bad records become rows
with ok=false and the error; one never stops the batch.

Workers must see the input and output paths under the same names (a shared file system on a real
cluster) and have newsimpact installed with the same version; see docs/batch.md.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from newsimpact.batch import process_line
from newsimpact.config import Settings
from newsimpact.errors import InputError

if TYPE_CHECKING:
    import pyarrow as pa
    from distributed import Client

MANIFEST = "_manifest.json"
SUCCESS = "_SUCCESS"
PARQUET_SUFFIXES = (".parquet", ".pq")

COLUMNS = (
    ("id", "string", "the record's id: as given when a string, else its JSON text; null when absent"),
    ("input_index", "int64", "0-based position of the record among the input's records"),
    ("ok", "bool", "false when the record could not be analysed"),
    ("error", "string", "why not (null when ok)"),
    ("title", "string", "the extracted article's title"),
    ("language", "string", "ko, en or other"),
    ("tickers", "list<string>", "the tracker's picks, positive then negative"),
    ("article", "string", "the Article as JSON"),
    ("tracker", "string", "the TrackerReport as JSON (null when abstaining is impossible: no tracker)"),
    ("translation", "string", "the Translation as JSON, with --translate"),
)
"""The output schema, fixed so that parts of one run, or of many, read as one table."""


def output_schema() -> pa.Schema:
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "bool": pa.bool_(), "list<string>": pa.list_(pa.string())}
    return pa.schema([pa.field(name, types[kind]) for name, kind, _ in COLUMNS])


@dataclass(frozen=True)
class Partition:
    index: int
    first_record: int
    """input_index of its first record"""
    start: int
    """JSONL: byte offset; Parquet: row number"""
    stop: int
    """exclusive"""
    records: int


@dataclass(frozen=True)
class PartResult:
    index: int
    ok: int
    failed: int


@dataclass(frozen=True)
class DaskBatchSummary:
    ok: int
    failed: int
    partitions: int
    skipped: int
    """Partitions already complete in the output from an earlier run (their records not counted above)."""


def _require_scale_extra() -> None:
    try:
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise InputError("Dask batches need the scale extra: pip install 'newsimpact[scale]'") from exc


def is_parquet(path: Path) -> bool:
    return path.suffix.lower() in PARQUET_SUFFIXES


# -- planning -------------------------------------------------------------------------------------


def plan_jsonl(path: Path, partition_size: int) -> list[Partition]:
    """Byte ranges of partition_size non-blank lines each, found by one pass over the file."""
    partitions: list[Partition] = []
    start = offset = 0
    records = first = 0
    with path.open("rb") as handle:
        for line in handle:
            if line.strip():
                if records == partition_size:
                    partitions.append(Partition(len(partitions), first, start, offset, records))
                    start, first, records = offset, first + records, 0
                records += 1
            offset += len(line)
    if records:
        partitions.append(Partition(len(partitions), first, start, offset, records))
    return partitions


def plan_parquet(path: Path, partition_size: int) -> list[Partition]:
    import pyarrow.parquet as pq

    rows = pq.ParquetFile(path).metadata.num_rows
    return [
        Partition(n, row, row, min(row + partition_size, rows), min(partition_size, rows - row))
        for n, row in enumerate(range(0, rows, partition_size))
    ]


def plan(path: Path, partition_size: int) -> list[Partition]:
    if partition_size < 1:
        raise InputError("--partition-size must be at least 1")
    try:
        return plan_parquet(path, partition_size) if is_parquet(path) else plan_jsonl(path, partition_size)
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    except Exception as exc:  # pyarrow's errors for a file that is not Parquet
        raise InputError(f"{path}: not a readable Parquet file ({exc})") from exc


# -- one partition (runs on a worker) --------------------------------------------------------------


def read_lines(path: Path, part: Partition) -> Iterator[str]:
    """The records of a partition as JSON text; a line that is not UTF-8 becomes a JSON string that
    process_line turns into an error row (it is not an object)."""
    with path.open("rb") as handle:
        handle.seek(part.start)
        data = handle.read(part.stop - part.start)
    for raw in data.splitlines():
        if not raw.strip():
            continue
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            yield json.dumps("line is not valid UTF-8")


def read_rows(path: Path, part: Partition) -> Iterator[str]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    tables = []
    row = 0
    for group in range(parquet.num_row_groups):
        rows = parquet.metadata.row_group(group).num_rows
        if row < part.stop and row + rows > part.start:
            table = parquet.read_row_group(group)
            tables.append(table.slice(max(part.start - row, 0), min(part.stop, row + rows) - max(part.start, row)))
        row += rows
    table = pa.concat_tables(tables) if tables else pa.table({})
    for record in table.to_pylist():
        present = {key: value for key, value in record.items() if value is not None}
        yield json.dumps(present, ensure_ascii=False, default=str)


def to_row(result: dict[str, Any], input_index: int) -> dict[str, Any]:
    record_id = result.get("id")
    tracker = result.get("tracker")
    picks = [*tracker.get("positive", []), *tracker.get("negative", [])] if isinstance(tracker, dict) else []
    article = result.get("article")

    def as_json(value: Any) -> str | None:
        return json.dumps(value, ensure_ascii=False) if value is not None else None

    return {
        "id": record_id if isinstance(record_id, str) or record_id is None else json.dumps(record_id),
        "input_index": input_index,
        "ok": "error" not in result,
        "error": result.get("error"),
        "title": article.get("title") if isinstance(article, dict) else None,
        "language": article.get("language") if isinstance(article, dict) else None,
        "tickers": [pick["ticker"] for pick in picks],
        "article": as_json(article),
        "tracker": as_json(tracker),
        "translation": as_json(result.get("translation")),
    }


def part_paths(out_dir: Path, index: int) -> dict[str, Path]:
    stem = f"part-{index:05d}"
    return {"parquet": out_dir / f"{stem}.parquet", "jsonl": out_dir / f"{stem}.jsonl"}


def run_partition(
    input_path: str, part: Partition, out_dir: str, formats: Sequence[str], settings: Settings, translate_to: str | None
) -> PartResult:
    """Analyse one partition and write its part file(s) atomically (temporary name, then rename)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = Path(input_path)
    lines = read_rows(source, part) if is_parquet(source) else read_lines(source, part)
    rows = [to_row(process_line(line, settings, translate_to), part.first_record + n) for n, line in enumerate(lines)]
    paths = part_paths(Path(out_dir), part.index)
    suffix = f".tmp-{os.getpid()}"
    # JSONL first, Parquet last: the Parquet part is what marks the partition as done.
    if "jsonl" in formats:
        tmp = paths["jsonl"].with_name(paths["jsonl"].name + suffix)
        with tmp.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        os.replace(tmp, paths["jsonl"])
    tmp = paths["parquet"].with_name(paths["parquet"].name + suffix)
    pq.write_table(pa.Table.from_pylist(rows, schema=output_schema()), tmp)
    os.replace(tmp, paths["parquet"])
    ok = sum(1 for row in rows if row["ok"])
    return PartResult(part.index, ok, len(rows) - ok)


# -- the run ----------------------------------------------------------------------------------------


def check_manifest(out_dir: Path, manifest: dict[str, Any]) -> None:
    """A rerun must cut the input the same way, or skipped parts would not match the new plan."""
    path = out_dir / MANIFEST
    if path.exists():
        earlier = json.loads(path.read_text(encoding="utf-8"))
        if earlier != manifest:
            raise InputError(
                f"{out_dir} holds the output of a different run (input, size or --partition-size changed): "
                "use a new output directory"
            )
        return
    path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def connect(
    scheduler: str | None, local_workers: int | None, processes: bool, timeout: float = 30.0
) -> tuple[Client, Any]:
    """A client for the scheduler at this address, or a local cluster of local_workers workers."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout=f"{timeout}s"), None
        except OSError as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    # Processes listen on loopback only; in-process workers talk over an in-memory transport.
    where = {"host": "127.0.0.1"} if processes else {}
    cluster = LocalCluster(
        n_workers=local_workers or 1, threads_per_worker=1, processes=processes, dashboard_address=None, **where
    )
    return Client(cluster), cluster


def run_dask_batch(
    input_path: Path,
    out_dir: Path,
    *,
    scheduler: str | None = None,
    local_workers: int | None = None,
    processes: bool = True,
    partition_size: int = 500,
    formats: Sequence[str] = ("parquet",),
    translate_to: str | None = None,
    settings: Settings | None = None,
    show_progress: bool = True,
    connect_timeout: float = 30.0,
) -> DaskBatchSummary:
    _require_scale_extra()
    settings = settings or Settings()
    input_path = input_path.resolve()
    out_dir = out_dir.resolve()
    partitions = plan(input_path, partition_size)
    stat = input_path.stat()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        check_manifest(
            out_dir,
            {
                "input": str(input_path),
                "input_bytes": stat.st_size,
                "partition_size": partition_size,
                "partitions": len(partitions),
                "translate_to": translate_to,
                "schema": [[name, kind] for name, kind, _ in COLUMNS],
            },
        )
        (out_dir / SUCCESS).unlink(missing_ok=True)
    except OSError as exc:
        raise InputError(f"{out_dir}: cannot write ({exc.strerror})") from exc
    todo = [p for p in partitions if not part_paths(out_dir, p.index)["parquet"].exists()]
    total_records = sum(p.records for p in todo)
    ok = failed = 0
    progress = Progress(
        TextColumn("analysing on Dask"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        disable=not show_progress,
        transient=True,
    )
    if todo:
        from distributed import as_completed

        client, cluster = connect(scheduler, local_workers, processes, connect_timeout)
        try:
            with progress:
                task = progress.add_task("batch", total=total_records)
                futures = [
                    client.submit(
                        run_partition,
                        str(input_path),
                        part,
                        str(out_dir),
                        tuple(formats),
                        settings,
                        translate_to,
                        key=f"newsimpact-part-{part.index}-{os.getpid()}",
                        pure=False,
                    )
                    for part in todo
                ]
                for future in as_completed(futures):
                    result: PartResult = future.result()
                    ok += result.ok
                    failed += result.failed
                    progress.advance(task, result.ok + result.failed)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    records = sum(p.records for p in partitions)
    (out_dir / SUCCESS).write_text(json.dumps({"partitions": len(partitions), "records": records}) + "\n")
    return DaskBatchSummary(ok=ok, failed=failed, partitions=len(partitions), skipped=len(partitions) - len(todo))


def read_output(out_dir: Path) -> pa.Table:
    """All parts of an output directory as one table, in input order."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    parts = sorted(out_dir.glob("part-*.parquet"))
    tables = [pq.read_table(part, schema=output_schema()) for part in parts]
    table = pa.concat_tables(tables) if tables else output_schema().empty_table()
    return table.sort_by("input_index")
