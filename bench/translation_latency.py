"""Tracker latency while a translation runs, and how fast a cancelled translation frees its worker.

    python bench/translation_latency.py                 # the real tracker and the local engine
    python bench/translation_latency.py --engine fake   # plumbing only

In one run, on the service (real app, real SQLite file, in-process worker threads):
  idle        an article's analysis with nothing else running (the floor);
  1 worker    a translation is running, then an article arrives: its analysis waits in the one
              first-in-first-out queue (the service before issue 12/14);
  2 workers   the same with two worker threads: llama.cpp decodes in C with the GIL released, so
              the analysis runs beside the translation.
Each translation is then cancelled (DELETE), and the seconds until its worker is free are printed.
Articles come from ../shared/eval-dev/ko_articles_full.jsonl; skips cleanly when it is absent.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from newsimpact.config import Settings
from newsimpact.extract.page import Page
from newsimpact.pipeline import Pipeline
from newsimpact.service.app import create_app
from newsimpact.service.settings import ServiceOptions, ServiceSettings

ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "eval-dev" / "ko_articles_full.jsonl"
KEY = "bench-key-0123456789"


def wait(check: Any, timeout: float, step: float = 0.2) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if check():
            return time.perf_counter() - started
        time.sleep(step)
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", default="local")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=240.0, help="seconds to wait for one analysis")
    args = parser.parse_args()
    if not ARTICLES.is_file():
        print(f"skipped: {ARTICLES} not found (the evaluation articles are not shipped with the project)")
        return 0
    rows = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [f"{r['title']}\n\n{r['text']}" for r in rows if 900 <= len(r["text"]) <= 1600]

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings()
        settings.translation.engine = args.engine
        settings.translation.cache = False  # every translation really runs
        pipeline = Pipeline(settings)
        # Load the knowledge base and the tracker's models before any clock starts.
        pipeline.analyze_article(pipeline.extract(Page(content=texts[0], kind="text")))
        warm = getattr(getattr(pipeline.translator, "engine", None), "warm", None)
        if warm is not None:
            warm()
        results: dict[str, list[float]] = {}
        freed: dict[str, list[float]] = {}
        timed_out: set[str] = set()
        n = 0
        for _ in range(args.repeat):
            for label, workers, translating in [("idle", 1, False), ("1 worker", 1, True), ("2 workers", 2, True)]:
                data = Path(tmp) / f"run{n}"
                n += 1
                service = ServiceSettings(
                    data_dir=data, database_url=f"sqlite:///{data}.sqlite", api_key=KEY,
                    service=ServiceOptions(workers=workers, poll_seconds=0.2),
                )  # fmt: skip
                with TestClient(create_app(service, pipeline=pipeline)) as client:
                    headers = {"X-API-Key": KEY, "Content-Type": "text/plain; charset=utf-8"}

                    def ingest(text: str, client: TestClient = client, headers: dict[str, str] = headers) -> int:
                        r = client.post(
                            "/api/articles", content=text.encode(), headers=headers, params={"kind": "text"}
                        )
                        article_id: int = r.json()["id"]
                        return article_id

                    def analysed(article_id: int, client: TestClient = client) -> bool:
                        return bool(client.get(f"/api/articles/{article_id}").json()["analysis"]["state"] == "done")

                    translated = None
                    if translating:
                        translated = ingest(texts[n % len(texts)])
                        wait(lambda a=translated: analysed(a), args.timeout)
                        url = f"/api/articles/{translated}/translations/en"
                        client.post(url)
                        wait(lambda u=url: client.get(u).json()["state"] == "running", 60, 0.05)
                    started = time.perf_counter()
                    article_id = ingest(texts[(n + 7) % len(texts)])
                    took = wait(lambda a=article_id: analysed(a), args.timeout, 0.05)
                    # A timed-out wait counts as the timeout: the figure is then a lower bound (printed ">").
                    results.setdefault(label, []).append(time.perf_counter() - started)
                    if took != took:
                        timed_out.add(label)
                    if translated is not None:
                        url = f"/api/articles/{translated}/translations/en"
                        if client.get(url).json()["state"] in ("queued", "running"):
                            cancelled_at = time.perf_counter()
                            client.delete(url)
                            wait(lambda u=url: client.get(u).json()["state"] != "running", 60, 0.05)
                            freed.setdefault(label, []).append(time.perf_counter() - cancelled_at)
                    print(f"  {label}: analysis in {results[label][-1]:.1f} s", file=sys.stderr, flush=True)

    floor = statistics.median(results["idle"])
    print(f"tracker latency (ingest -> analysis done), engine {args.engine}, {args.repeat} run(s), median")
    print(f"{'':34}{'seconds':>10}{'vs idle':>10}{'cancel frees worker in':>26}")
    for label, runs in results.items():
        median = statistics.median(runs)
        cancel = f"{statistics.median(freed[label]):.1f} s" if label in freed else "-"
        mark = ">" if label in timed_out else ""
        print(f"{label:34}{mark + format(median, '.1f'):>10}{median / floor:9.1f}x{cancel:>26}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
