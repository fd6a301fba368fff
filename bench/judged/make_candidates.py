"""Run the tracker of this checkout over the judged dev set's sources and write its picks for reading.

    python bench/judged/make_candidates.py --out /tmp/candidates.jsonl [--headlines 900] [--seed 909]

Sources: ko_articles_full (every article, title + body), a seeded random sample of
ko_fin_headlines_unlabeled and of ko_fin_headlines_labeled, ko_wikinews, ko_us_mentions and the seed
page (source "seed", id "seed", through extraction). The output lives OUTSIDE the repo because each
line carries the record's text and the evidence sentences (shared text must never be committed);
a person reads it and writes verdicts.jsonl by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from records import EVAL_DEV, REPO, Record, available, kind_of, load_source, read_jsonl, split_of  # noqa: E402

from newsimpact.pipeline import Pipeline  # noqa: E402

PATHS = {"mention": "direct"}  # the tracker's own name for a named-company pick, reported as "direct"


def sample_ids(source: str, n: int, seed: int) -> set[str]:
    """The first n of the file's ids shuffled by the seed: a larger n keeps every record of a smaller one."""
    ids = [row["id"] for row in read_jsonl(EVAL_DEV / f"{source}.jsonl")]
    random.Random(f"{seed}:{source}").shuffle(ids)
    return set(ids[:n])


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
                "split": split_of(record.id),
                "ticker": pick.ticker,
                "name_ko": pick.name_ko,
                "direction": pick.direction,
                "path": PATHS.get(pick.path, pick.path),
                "score": round(pick.score, 3),
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
                "split": split_of(record.id),
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
    parser.add_argument("--headlines", type=int, default=900, help="sample size per headline file")
    parser.add_argument("--seed", type=int, default=909)
    args = parser.parse_args()
    reason = available()
    if reason:
        print(reason)
        return
    if args.out.resolve().is_relative_to(REPO):
        parser.error("--out must lie outside the repository (it holds shared text)")

    plan: list[tuple[str, set[str] | None]] = [
        ("ko_articles_full", None),
        ("ko_fin_headlines_unlabeled", sample_ids("ko_fin_headlines_unlabeled", args.headlines, args.seed)),
        ("ko_fin_headlines_labeled", sample_ids("ko_fin_headlines_labeled", args.headlines, args.seed)),
        ("ko_wikinews", None),
        ("ko_us_mentions", None),
        ("seed", None),
    ]
    pipeline = Pipeline()
    with args.out.open("w", encoding="utf-8") as handle:
        for source, ids in plan:
            records = picks = 0
            for record in load_source(source, ids):
                lines = candidate_lines(pipeline, record)
                records += 1
                for line in lines:
                    if line["ticker"] is not None:
                        picks += 1
                    handle.write(json.dumps(line, ensure_ascii=False) + "\n")
            print(f"{source}: {records} records, {picks} picks")
    print(f"wrote {args.out} (seed {args.seed}, {args.headlines} headlines per headline file)")


if __name__ == "__main__":
    main()
