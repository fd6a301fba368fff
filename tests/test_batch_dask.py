"""`newsimpact batch` on Dask: partitions, the fixed Parquet schema, resuming after a crash, Parquet input.

The library tests run on an in-process LocalCluster (processes=False); one CLI test starts a real
two-process local cluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from newsimpact.batch import process_line  # noqa: E402
from newsimpact.batch_dask import COLUMNS, output_schema, plan, read_output, run_dask_batch  # noqa: E402
from newsimpact.cli import app  # noqa: E402
from newsimpact.config import Settings  # noqa: E402
from newsimpact.errors import InputError  # noqa: E402

PAGES = Path(__file__).parent / "fixtures" / "pages"


def records() -> list[dict[str, object]]:
    html = (PAGES / "ko_article_utf8.html").read_text("utf-8")
    wire = (PAGES / "en_wire.html").read_text("utf-8")
    return [
        {"id": "html-1", "html": html},
        {"id": 2, "text": "애플이 새 기기를 공개했다.\n\n시장은 긍정적으로 반응했다.", "title": "애플 신제품"},
        {"id": "wire", "html": wire},
        {"id": "headline", "text": "삼성전자 3% 상승"},
        {"id": "bad-field", "pdf": "nothing"},
        {"id": "html-2", "html": html.replace("</body>", "<p>덧붙인 문단이다.</p></body>")},
        {"id": "text-3", "text": "첫 문단이다.\n\n둘째 문단이다.", "title": "짧은 기사"},
    ]


def write_jsonl(path: Path, with_junk: bool = True) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records()]
    if with_junk:
        lines.insert(4, "{not json")
        lines.insert(2, "")  # blank lines are not records
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(source: Path, out: Path, **options: object) -> object:
    return run_dask_batch(
        source, out, local_workers=1, processes=False, partition_size=3, show_progress=False, **options  # type: ignore[arg-type]
    )


def test_partitions_schema_and_same_results_as_the_plain_batch(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl")
    summary = run(source, tmp_path / "out", formats=("parquet", "jsonl"))
    assert (summary.ok, summary.failed, summary.partitions, summary.skipped) == (6, 2, 3, 0)  # type: ignore[attr-defined]

    table = read_output(tmp_path / "out")
    assert table.schema.equals(output_schema()) and table.column_names == [name for name, _, _ in COLUMNS]
    rows = table.to_pylist()
    assert [r["input_index"] for r in rows] == list(range(8))
    assert [r["id"] for r in rows] == ["html-1", "2", "wire", "headline", None, "bad-field", "html-2", "text-3"]
    assert [r["ok"] for r in rows] == [True, True, True, True, False, False, True, True]
    assert rows[4]["error"].startswith("invalid JSON")
    assert "html, page, text" in rows[5]["error"]

    # Each row holds exactly what the plain batch would have written for that line.
    lines = [line for line in source.read_text("utf-8").splitlines() if line.strip()]
    for row, line in zip(rows, lines, strict=True):
        plain = process_line(line, Settings(), None)
        if row["ok"]:
            assert json.loads(row["article"]) == plain["article"]
            assert json.loads(row["tracker"]) == plain["tracker"]
            tracker = plain["tracker"]
            assert row["tickers"] == [p["ticker"] for p in tracker["positive"] + tracker["negative"]]
        else:
            assert row["error"] == plain["error"]
    jsonl_rows = [json.loads(x) for part in sorted((tmp_path / "out").glob("part-*.jsonl")) for x in part.read_text("utf-8").splitlines()]
    assert jsonl_rows == rows
    assert json.loads((tmp_path / "out" / "_SUCCESS").read_text()) == {"partitions": 3, "records": 8}


def test_rerun_after_a_crash_skips_finished_parts(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl")
    out = tmp_path / "out"
    run(source, out)
    complete = read_output(out).to_pylist()

    # A crash in the middle of partition 1: its part never appeared, a temporary file may be left over.
    (out / "part-00001.parquet").rename(out / "part-00001.parquet.tmp-999")
    (out / "_SUCCESS").unlink()
    kept = (out / "part-00000.parquet").stat().st_mtime_ns
    summary = run(source, out)
    assert (summary.skipped, summary.ok + summary.failed) == (2, 3)  # type: ignore[attr-defined]
    assert (out / "part-00000.parquet").stat().st_mtime_ns == kept  # not written again
    assert read_output(out).to_pylist() == complete
    assert (out / "_SUCCESS").exists()

    # Nothing left: a rerun does no work at all.
    summary = run(source, out)
    assert (summary.skipped, summary.ok, summary.failed) == (3, 0, 0)  # type: ignore[attr-defined]

    # A different plan on the same directory is refused rather than mixed.
    with pytest.raises(InputError, match="different run"):
        run_dask_batch(source, out, local_workers=1, processes=False, partition_size=2, show_progress=False)


def test_parquet_input(tmp_path: Path) -> None:
    recs = records()
    columns = ["id", "html", "text", "title", "pdf"]
    table = pa.table({c: [None if r.get(c) is None else str(r[c]) for r in recs] for c in columns})
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=2)
    write_jsonl(tmp_path / "in.jsonl", with_junk=False)

    run(tmp_path / "in.parquet", tmp_path / "from-parquet")
    run(tmp_path / "in.jsonl", tmp_path / "from-jsonl")
    from_parquet = read_output(tmp_path / "from-parquet").to_pylist()
    from_jsonl = read_output(tmp_path / "from-jsonl").to_pylist()
    assert [(r["id"], r["ok"], r["article"]) for r in from_parquet] == [(r["id"], r["ok"], r["article"]) for r in from_jsonl]
    assert len(plan(tmp_path / "in.parquet", 3)) == 3  # 7 rows in row groups of 2, partitions of 3


def test_bad_inputs_are_one_clean_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        run(tmp_path / "missing.jsonl", tmp_path / "out")
    (tmp_path / "fake.parquet").write_text("not parquet")
    with pytest.raises(InputError, match="not a readable Parquet file"):
        run(tmp_path / "fake.parquet", tmp_path / "out2")


def test_cli_on_a_two_process_local_cluster(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["batch", str(source), "-o", str(out), "--local-cluster", "2", "--partition-size", "4", "--jsonl"]
    )
    assert result.exit_code == 0, result.output
    assert "6 analysed, 2 failed" in result.output
    assert sorted(p.name for p in out.glob("part-*")) == [
        "part-00000.jsonl", "part-00000.parquet", "part-00001.jsonl", "part-00001.parquet"
    ]
    assert read_output(out).num_rows == 8


def test_unreachable_scheduler_is_one_clean_error(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl")
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        run_dask_batch(source, tmp_path / "out", scheduler="tcp://127.0.0.1:9", connect_timeout=1, show_progress=False)
