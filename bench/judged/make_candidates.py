"""Run the tracker of this checkout over the judged dev set's sources and write its picks for reading.

    python bench/judged/make_candidates.py --out /tmp/candidates.jsonl [--headlines 900] [--seed 909]
    python bench/judged/make_candidates.py --draw fresh2 --out /tmp/fresh2.jsonl   # one later draw only

Sources: ko_articles_full (every article, title + body), a seeded random sample of
ko_fin_headlines_unlabeled and of ko_fin_headlines_labeled, ko_wikinews, ko_us_mentions and the seed
page (source "seed", id "seed", through extraction), then the later draws (records.DRAWS: FRESH,
TUNE2, FRESH2).
The output lives OUTSIDE the repo because each
line carries the record's text and the evidence sentences (shared text must never be committed);
a person reads it and writes verdicts.jsonl by hand.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from records import (
    DRAWS,
    HEADLINE_SAMPLE_SEED,
    HEADLINE_SAMPLE_SIZE,
    REPO,
    Record,
    available,
    draw_records,
    kind_of,
    universe,
)

from newsimpact.pipeline import Pipeline

PATHS = {"mention": "direct"}  # the tracker's own name for a named-company pick, reported as "direct"


def candidate_lines(pipeline: Pipeline, record: Record) -> list[dict[str, Any]]:
    if record.page is not None:
        analysis = pipeline.analyze(record.page)
    else:
        assert record.article is not None
        analysis = pipeline.analyze_article(record.article)
    report = analysis.tracker
    assert report is not None
    article = analysis.article
    lines = []
    for pick in report.picks:
        lines.append(
            {
                "source": record.source,
                "id": record.id,
                "kind": kind_of(record.source),
                "split": record.split,
                "ticker": pick.ticker,
                "name_ko": pick.name_ko,
                "direction": pick.direction,
                "path": PATHS.get(pick.path, pick.path),
                "score": round(pick.score, 3),
                "low_confidence": pick.low_confidence,
                "rationale_ko": pick.rationale_ko,
                "title": article.title,
                "evidence": [e.text for e in pick.evidence],
            }
        )
    if not lines:
        lines.append(
            {
                "source": record.source,
                "id": record.id,
                "kind": kind_of(record.source),
                "split": record.split,
                "ticker": None,
                "abstained": True,
                "reason": report.reason,
                "title": article.title,
            }
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("/tmp/candidates.jsonl"))
    parser.add_argument("--headlines", type=int, default=HEADLINE_SAMPLE_SIZE, help="sample size per headline file")
    parser.add_argument("--seed", type=int, default=HEADLINE_SAMPLE_SEED)
    parser.add_argument(
        "--draw", choices=[d.split for d in DRAWS], help="only this later draw (records.DRAWS), e.g. fresh2"
    )
    parser.add_argument("--fresh-only", action="store_true", help="same as --draw fresh")
    args = parser.parse_args()
    reason = available()
    if reason:
        print(reason)
        return
    if args.out.resolve().is_relative_to(REPO):
        parser.error("--out must lie outside the repository (it holds shared text)")

    pipeline = Pipeline()
    records: dict[str, int] = {}
    picks: dict[str, int] = {}
    with args.out.open("w", encoding="utf-8") as handle:
        draw = "fresh" if args.fresh_only else args.draw
        chosen = (
            draw_records(next(d for d in DRAWS if d.split == draw))
            if draw
            else universe(args.headlines, args.seed)
        )
        for record in chosen:
            lines = candidate_lines(pipeline, record)
            records[record.source] = records.get(record.source, 0) + 1
            picks[record.source] = picks.get(record.source, 0) + sum(line["ticker"] is not None for line in lines)
            for line in lines:
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    for source, count in records.items():
        print(f"{source}: {count} records, {picks[source]} picks")
    print(f"wrote {args.out} (seed {args.seed}, {args.headlines} headlines per headline file)")


if __name__ == "__main__":
    main()
