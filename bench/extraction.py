"""Body-text extraction benchmark: newsimpact against plain trafilatura, side by side.

Two data sets (both optional; a missing one is skipped with a message):

* article_extraction_benchmark: 181 pages with the full gold article body. Scored as bags of
  whitespace tokens: precision/recall/F1 micro-averaged over all tokens of all pages, plus the
  mean per-page F1. The gold bodies hold neither the headline nor photo captions, so newsimpact is
  scored on its paragraphs alone.
* trafilatura_eval: English news pages with snippets that must appear in the extraction and
  boilerplate snippets that must not. Scored as the share of snippets handled right.

A page newsimpact rejects (no article, unreadable) counts as an empty extraction: the benchmark
measures what a user would get, so a rejection is a miss, not a skip.

Usage: python bench/extraction.py [--data DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

from evaldata import EVAL_DEV as DEFAULT_DATA  # ../shared/eval-dev beside the checkout
from newsimpact.errors import NewsImpactError
from newsimpact.extract import Page, extract

Extractor = Callable[[bytes], str]


def newsimpact_text(data: bytes) -> str:
    try:
        article = extract(Page(content=data, kind="html"))
    except NewsImpactError:
        return ""
    return "\n".join(article.paragraphs)


def trafilatura_text(data: bytes) -> str:
    return trafilatura.extract(data) or ""


EXTRACTORS: dict[str, Extractor] = {"newsimpact": newsimpact_text, "trafilatura": trafilatura_text}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    page_f1: list[float] = field(default_factory=list)
    empty: int = 0
    seconds: float = 0.0
    page_seconds: list[float] = field(default_factory=list)

    def add(self, gold: str, predicted: str) -> None:
        gold_tokens, predicted_tokens = Counter(gold.split()), Counter(predicted.split())
        tp = sum((gold_tokens & predicted_tokens).values())
        fp = sum(predicted_tokens.values()) - tp
        fn = sum(gold_tokens.values()) - tp
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn
        self.page_f1.append(_f1(tp, fp, fn))
        self.empty += not predicted.strip()

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _timed(extractor: Extractor, data: bytes) -> tuple[str, float]:
    start = time.perf_counter()
    text = extractor(data)
    return text, time.perf_counter() - start


def run_article_benchmark(folder: Path, limit: int | None) -> None:
    truth_path = folder / "ground-truth.json"
    if not truth_path.is_file():
        print(f"article_extraction_benchmark: {folder} not found, skipped")
        return
    truth: dict[str, dict[str, str]] = json.loads(truth_path.read_text("utf-8"))
    items = sorted(truth.items())[:limit]
    scores = {name: Score() for name in EXTRACTORS}
    for key, entry in items:
        data = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        for name, extractor in EXTRACTORS.items():
            text, seconds = _timed(extractor, data)
            scores[name].add(entry["articleBody"], text)
            scores[name].seconds += seconds
            scores[name].page_seconds.append(seconds)

    print(f"article_extraction_benchmark: {len(items)} pages (bag of whitespace tokens)")
    print(
        f"  {'extractor':<12} {'P':>6} {'R':>6} {'F1':>6} {'mean F1':>8} {'empty':>6} {'pages/s':>8}"
        f" {'median ms':>10}"
    )
    for name, score in scores.items():
        f1 = _f1(score.tp, score.fp, score.fn)
        mean_f1 = statistics.fmean(score.page_f1) if score.page_f1 else 0.0
        rate = len(items) / score.seconds if score.seconds else 0.0
        median = statistics.median(score.page_seconds) * 1000 if score.page_seconds else 0.0
        print(
            f"  {name:<12} {score.precision:6.3f} {score.recall:6.3f} {f1:6.3f} {mean_f1:8.3f}"
            f" {score.empty:6d} {rate:8.1f} {median:10.1f}"
        )
    ours, theirs = scores["newsimpact"], scores["trafilatura"]
    if ours.seconds and ours.page_seconds:
        ratios = [t / o for o, t in zip(ours.page_seconds, theirs.page_seconds, strict=True) if o]
        print(
            f"  speed newsimpact / trafilatura: {theirs.seconds / ours.seconds:.2f}x pages/s,"
            f" median per-page ratio {statistics.median(ratios):.2f}x"
        )


def run_snippet_benchmark(folder: Path, limit: int | None) -> None:
    truth_path = folder / "evaldata_subset.json"
    if not truth_path.is_file():
        print(f"trafilatura_eval: {folder} not found, skipped")
        return
    truth: dict[str, dict[str, object]] = json.loads(truth_path.read_text("utf-8"))
    items = sorted(truth.items())[:limit]
    hits = dict.fromkeys(EXTRACTORS, 0)
    seconds = dict.fromkeys(EXTRACTORS, 0.0)
    total = 0
    for _url, entry in items:
        data = (folder / "html" / str(entry["file"])).read_bytes()
        must = [str(s) for s in entry.get("with") or []]  # type: ignore[attr-defined]
        must_not = [str(s) for s in entry.get("without") or []]  # type: ignore[attr-defined]
        total += len(must) + len(must_not)
        for name, extractor in EXTRACTORS.items():
            text, spent = _timed(extractor, data)
            seconds[name] += spent
            hits[name] += sum(s in text for s in must) + sum(s not in text for s in must_not)

    print(f"trafilatura_eval: {len(items)} pages, {total} snippets (must present / must-not absent)")
    for name in EXTRACTORS:
        rate = len(items) / seconds[name] if seconds[name] else 0.0
        print(f"  {name:<12} {hits[name] / max(1, total):6.3f} ({hits[name]}/{total})  {rate:8.1f} pages/s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding the two data sets")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages of each set")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data}: benchmark data not found, nothing to score")
        return 0
    run_article_benchmark(args.data / "article_extraction_benchmark", args.limit)
    run_snippet_benchmark(args.data / "trafilatura_eval", args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
