"""Run the tracker over the Korean Wikinews articles and draw 40 picks at random for reading.

    python bench/plausibility.py [--n 40] [--seed 4242] [--out docs/eval/plausibility_sample.md]

The sample is written as a Markdown table with an empty verdict column; a person reads each pick
(article title, direction, path, rationale, evidence) and fills in right / wrong. The judged copy
lives in docs/eval/plausibility_judged.md.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from evaldata import REPO, read_jsonl
from newsimpact.article import Article
from newsimpact.tracker import build_tracker


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=4242)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "eval" / "plausibility_sample.md")
    args = parser.parse_args()

    tracker = build_tracker()
    rows = read_jsonl("ko_wikinews.jsonl")
    picks = []
    abstained = 0
    paths: Counter[str] = Counter()
    for row in rows:
        article = Article(
            title=row.get("title", ""),
            paragraphs=[p for p in row["text"].split("\n") if p.strip()],
            language="ko",
        )
        report = tracker.track(article)
        abstained += report.abstained
        for pick in report.picks:
            paths[pick.path] += 1
            picks.append((row, pick))
    print(
        f"wikinews: {len(rows)} articles, {len(rows) - abstained} with picks ({(len(rows) - abstained) / len(rows):.1%}), "
        f"{len(picks)} picks by path {dict(paths)}"
    )
    sample = random.Random(args.seed).sample(picks, min(args.n, len(picks)))
    lines = [
        "# Tracker plausibility sample (Korean Wikinews)",
        "",
        f"Drawn by `bench/plausibility.py --seed {args.seed}`: {len(sample)} of {len(picks)} picks over {len(rows)} articles.",
        "",
        "| # | article | pick | path | score | rationale | evidence | verdict |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for number, (row, pick) in enumerate(sample, start=1):
        evidence = pick.evidence[0].text.replace("|", "/")[:140]
        lines.append(
            f"| {number} | {row.get('title', '')[:60]} ({row.get('date', '')}) | {pick.ticker} {pick.direction} "
            f"| {pick.path} | {pick.score:.2f} | {pick.rationale_ko.replace('|', '/')} | {evidence} | |"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
