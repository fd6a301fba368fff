"""Batch throughput: records/s of `newsimpact batch` on a local Dask cluster of 1 and 2 worker processes,
beside the plain path (`--workers 1` and `--workers 2`, a process pool on one machine), all measured in
this run on the same records.

The records are the repository's own page fixtures (tests/fixtures/pages, invented articles), repeated
to --records lines. Each figure is the wall time of a whole run, start-up included (worker processes
load the knowledge base once each), so it is what a user waits for; the ratio column compares with the
plain single-process run. On a shared 2-core machine two workers cannot be twice as fast; on a real
cluster each worker brings its own cores.

Usage: python bench/batch_scaling.py [--records 400] [--partition-size 50] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsimpact.batch import run_batch
from newsimpact.batch_dask import run_dask_batch

PAGES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pages"
SOURCES = [("html", "ko_article_utf8.html"), ("html", "en_wire.html"), ("page", "ko_page_dump.txt"),
           ("html", "ko_photo_story.html")]


def write_records(path: Path, count: int) -> None:
    texts = [(field, (PAGES / name).read_text("utf-8")) for field, name in SOURCES]
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            field, text = texts[n % len(texts)]
            handle.write(json.dumps({"id": f"r{n}", field: text}, ensure_ascii=False) + "\n")


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=400)
    parser.add_argument("--partition-size", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=1, help="rounds over all runs, interleaved; the median counts")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newsimpact-batch-bench-") as tmp:
        root = Path(tmp)
        source = root / "in.jsonl"
        write_records(source, args.records)
        runs: list[tuple[str, Callable[[], object]]] = [
            ("plain --workers 1", lambda: run_batch(source, root / "p1.jsonl", workers=1, show_progress=False)),
            ("plain --workers 2", lambda: run_batch(source, root / "p2.jsonl", workers=2, show_progress=False)),
            *[
                (
                    f"dask --local-cluster {n}",
                    lambda n=n: run_dask_batch(  # type: ignore[misc]
                        source, root / f"d{n}", local_workers=n, partition_size=args.partition_size,
                        show_progress=False,
                    ),
                )
                for n in (1, 2)
            ],
        ]
        print(
            f"batch: {args.records} records (repository fixtures), Dask partitions of {args.partition_size}, "
            f"{os.cpu_count()} cores; wall time of whole runs, start-up included"
        )
        times: dict[str, list[float]] = {label: [] for label, _ in runs}
        for _ in range(args.repeat):  # interleaved, so a burst of load from elsewhere hits every run alike
            for label, run in runs:
                for stale in root.glob("d*"):  # a Dask rerun on the same directory would skip every part
                    shutil.rmtree(stale)
                times[label].append(timed(run))
        print(f"{'run':<24}{'seconds':>9}{'records/s':>11}{'vs plain --workers 1':>22}   (median of {args.repeat})")
        baseline: float | None = None
        for label, _ in runs:
            seconds = statistics.median(times[label])
            rate = args.records / seconds
            baseline = baseline or rate
            print(f"{label:<24}{seconds:>9.1f}{rate:>11.1f}{rate / baseline:>21.2f}x")


if __name__ == "__main__":
    main()
