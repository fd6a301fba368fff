"""Score the tracker of this checkout against the judged dev set (bench/judged/), baseline beside.

    python bench/judged_eval.py [--unjudged /tmp/unjudged.jsonl] [--baseline main-2026-11]

Runs the tracker over every record of the judged universe (bench/judged/records.py: all of
ko_articles_full, ko_wikinews, ko_us_mentions, the seed page, and seeded samples of the two headline
files) and prints, for the TUNE and REPORT splits and for full articles and headlines apart:
picks made; judged right / weak / wrong as shares of the picks; unjudged picks (written with their
evidence to a file OUTSIDE the repo for the next reading round); coverage (records with >= 1 pick);
recall of the picks judged right (including the reader's "missed" lines); and role precision / recall
on roles_ko_us_mentions.jsonl. The baseline is the same figures for the picks as judged for the
tracker named by --baseline (the verdicts file itself), so both columns come from one run.

A pick is matched to a verdict by (source, id, ticker, direction), whatever its path.
Skips cleanly (exit 0) when ../shared/eval-dev is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent / "judged"))

from records import (
    ABSTENTION_FILES,
    FRESH,
    FRESH2,
    FRESH3,
    JUDGED,
    MISSED_SEEDS,
    REPO,
    TUNE2,
    abstention_sample,
    available,
    kind_of,
    names_us_market,
    split_of,
    universe,
)

from newsimpact.knowledge.base import load_knowledge
from newsimpact.pipeline import Pipeline

PATHS = {"mention": "direct"}
SPLITS = ("tune", "report")  # the parts read while the tracker was tuned; FRESH is printed apart
KINDS = ("article", "headline")
Key = tuple[str, str, str, str]  # source, id, ticker, direction


@dataclass
class Pick:
    source: str
    id: str
    ticker: str
    direction: str
    path: str
    score: float = 0.0
    evidence: list[str] = field(default_factory=list)
    title: str = ""
    low_confidence: bool = False
    """Scored under the display threshold: shown apart as "낮은 확신 (참고)", not as a call."""
    split: str = ""

    @property
    def key(self) -> Key:
        return (self.source, self.id, self.ticker, self.direction)


def read_lines(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass
class Run:
    picks: list[Pick]
    records: dict[tuple[str, str], str]
    """Every record's (source, id) -> split ("tune" / "report" / "fresh")."""
    categories: dict[str, str]
    """ko_articles_full id -> category (market / non_market)."""
    fresh_abstained: dict[str, dict[str, str]]
    """Per fresh draw (FRESH, FRESH2), its headlines with no pick: id -> text (for the recall sample)."""


def run_tracker() -> Run:
    """The current tracker over the whole universe, the FRESH part included."""
    pipeline = Pipeline()
    picks: list[Pick] = []
    records: dict[tuple[str, str], str] = {}
    categories: dict[str, str] = {}
    fresh_abstained: dict[str, dict[str, str]] = {FRESH: {}, FRESH2: {}, FRESH3: {}}
    for record in universe():
        records[(record.source, record.id)] = record.split
        if record.source == "ko_articles_full" and record.row is not None:
            categories[record.id] = record.row.get("category", "")
        if record.page is not None:
            analysis = pipeline.analyze(record.page)
        else:
            assert record.article is not None
            analysis = pipeline.analyze_article(record.article)
        assert analysis.tracker is not None
        fresh = record.split in fresh_abstained and record.source == "ko_fin_headlines_unlabeled"
        if fresh and not analysis.tracker.picks:
            assert record.row is not None
            fresh_abstained[record.split][record.id] = record.row["text"]
        for pick in analysis.tracker.picks:
            picks.append(
                Pick(
                    record.source,
                    record.id,
                    pick.ticker,
                    pick.direction,
                    PATHS.get(pick.path, pick.path),
                    pick.score,
                    [e.text for e in pick.evidence],
                    analysis.article.title,
                    pick.low_confidence,
                    record.split,
                )
            )
    return Run(picks, records, categories, fresh_abstained)


def category_line(picks: Iterable[Pick], categories: dict[str, str], split: str) -> str:
    """Full articles with >= 1 pick, market and non_market apart (a pick on non_market is a false alarm)."""
    picked = {p.id for p in picks if p.source == "ko_articles_full"}
    parts = []
    for category in ("market", "non_market"):
        ids = [i for i, c in categories.items() if c == category and split_of(i) == split]
        parts.append(f"{category} with a pick {sum(i in picked for i in ids)}/{len(ids)}")
    return "ko_articles_full " + ", ".join(parts)


@dataclass
class Figures:
    picks: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    covered: int = 0
    records: int = 0
    right_found: int = 0
    right_total: int = 0
    right_covered: int = 0
    """Records with at least one pick judged right: coverage that precision did not buy by abstaining."""

    def line(self) -> str:
        share = {v: (self.verdicts[v] / self.picks if self.picks else 0.0) for v in ("right", "weak", "wrong")}
        unjudged = self.picks - sum(self.verdicts.values())
        coverage = self.covered / self.records if self.records else 0.0
        recall = self.right_found / self.right_total if self.right_total else 0.0
        return (
            f"picks {self.picks:4d}  right {share['right']:5.1%}  weak {share['weak']:5.1%}  wrong {share['wrong']:5.1%}"
            f"  unjudged {unjudged:3d}  coverage {self.covered}/{self.records} = {coverage:5.1%}"
            f" (with a right pick {self.right_covered})"
            f"  right-recall {self.right_found}/{self.right_total} = {recall:5.1%}"
        )


def figures(
    picks: Iterable[Pick],
    verdicts: dict[Key, dict[str, Any]],
    records: dict[tuple[str, str], str],
    split: str,
    kind: str,
) -> Figures:
    out = Figures()
    in_cell = {key for key, s in records.items() if s == split and kind_of(key[0]) == kind}
    out.records = len(in_cell)
    chosen = [p for p in picks if (p.source, p.id) in in_cell]
    out.picks = len(chosen)
    out.covered = len({(p.source, p.id) for p in chosen})
    picked = {p.key for p in chosen}
    for p in chosen:
        verdict = verdicts.get(p.key)
        if verdict is not None:
            out.verdicts[verdict["verdict"]] += 1
    out.right_covered = len({(p.source, p.id) for p in chosen if verdicts.get(p.key, {}).get("verdict") == "right"})
    right = {k for k, v in verdicts.items() if v["verdict"] == "right" and (k[0], k[1]) in in_cell}
    out.right_total = len(right)
    out.right_found = len(right & picked)
    return out


def role_scores(picks: Iterable[Pick], roles: list[dict[str, Any]], split: str) -> tuple[int, int, int, int]:
    """(matched, picks on labelled companies, gold positive+negative, uncertain gold) for one split."""
    labels = {(r["id"], r["ticker"]): r for r in roles if r["split"] == split}
    gold = {k: r["label"] for k, r in labels.items() if r["label"] in ("positive", "negative")}
    on_labelled = [p for p in picks if p.source == "ko_us_mentions" and (p.id, p.ticker) in labels]
    matched = sum(1 for p in on_labelled if gold.get((p.id, p.ticker)) == p.direction)
    uncertain = sum(1 for k in gold if labels[k]["uncertain"])
    return matched, len(on_labelled), len(gold), uncertain


def role_line(matched: int, predicted: int, gold: int, uncertain: int) -> str:
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    return (
        f"precision {matched}/{predicted} = {precision:.3f}  recall {matched}/{gold} = {recall:.3f}"
        f"  ({uncertain} of the gold labels marked uncertain)"
    )


def pick_row(p: Pick) -> dict[str, Any]:
    return {
        "source": p.source,
        "id": p.id,
        "ticker": p.ticker,
        "direction": p.direction,
        "path": p.path,
        "score": round(p.score, 3),
        "low_confidence": p.low_confidence,
        "split": p.split,
        "title": p.title,
        "evidence": p.evidence,
    }


def write_picks(path: Path, picks: list[Pick], verdicts: dict[Key, dict[str, Any]]) -> None:
    """Every current pick with the verdict it matched (or none), for reading what a change did."""
    with path.open("w", encoding="utf-8") as handle:
        for p in picks:
            verdict = verdicts.get(p.key)
            row = pick_row(p) | {
                "verdict": verdict["verdict"] if verdict else None,
                "reason": verdict["reason"] if verdict else None,
            }
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_unjudged(path: Path, picks: list[Pick], verdicts: dict[Key, dict[str, Any]]) -> int:
    unjudged = [p for p in picks if p.key not in verdicts]
    with path.open("w", encoding="utf-8") as handle:
        for p in unjudged:
            handle.write(json.dumps(pick_row(p), ensure_ascii=False) + "\n")
    return len(unjudged)


def verdict_counts(figures_: Figures) -> str:
    return " / ".join(f"{v} {figures_.verdicts[v]}" for v in ("right", "weak", "wrong"))


def print_fresh(
    run: Run,
    verdicts: dict[Key, dict[str, Any]],
    all_verdicts: list[dict[str, Any]],
    baseline: list[Pick],
    records: dict[tuple[str, str], str],
) -> None:
    """FRESH: records drawn after the last change and read once; no tuning saw them.

    There is no baseline column measured on FRESH: the baseline tracker's code is gone, and its
    verdicts only exist for the TUNE/REPORT records. The baseline printed beside is main-2026-11 on the
    REPORT part, quoted from the same verdict file (the nearest comparable figures), and named so."""
    shown = [p for p in run.picks if not p.low_confidence]
    for kind in KINDS:
        now = figures(run.picks, verdicts, records, FRESH, kind)
        seen = figures(shown, verdicts, records, FRESH, kind)
        base = figures(baseline, verdicts, records, "report", kind)
        print(f"FRESH  {kind + 's':9s} current : {now.line()}   (all picks: {verdict_counts(now)})")
        print(f"{'':16s} shown   : {seen.line()}   (not low_confidence: {verdict_counts(seen)})")
        print(f"{'':16s} baseline: {base.line()}   (main-2026-11 on REPORT, not on FRESH: its code is gone)")
    print_recall(run, verdicts, all_verdicts, FRESH)


@cache
def _us_names() -> list[str]:
    """S&P 500 names and short aliases (2+ characters), longest first: what marks a headline as naming one."""
    aliases = load_knowledge().aliases
    return sorted(
        {a.alias for a in aliases if a.kind in ("name", "short") and len(a.alias) >= 2}, key=len, reverse=True
    )


def print_recall(run: Run, verdicts: dict[Key, dict[str, Any]], all_verdicts: list[dict[str, Any]], split: str) -> None:
    """Misses on a fresh draw, estimated from the read sample of its abstained headlines that name a
    US company or a US market cue (records.ABSTENTION_FILES), scaled to all such abstentions."""
    path = JUDGED / ABSTENTION_FILES[split]
    label = split.upper()
    if not path.exists():
        print(f"{label:6s} missed   : no abstention sample read yet ({path.name})")
        return
    read = read_lines(path)
    names = _us_names()
    abstained = run.fresh_abstained[split]
    eligible = sum(names_us_market(text, names) for text in abstained.values())
    same = [r["id"] for r in read] == abstention_sample(abstained, names, MISSED_SEEDS[split])
    expected = sum(r["expected_pick"] for r in read)
    missed = sum(v["split"] == split and v["path"] == "missed" for v in all_verdicts)
    right = sum(1 for p in run.picks if p.split == split and verdicts.get(p.key, {}).get("verdict") == "right")
    # The sample's share of expected picks, scaled to every eligible abstention, estimates the misses.
    estimated = expected / len(read) * eligible if read else 0.0
    print(
        f"{label:6s} missed   : {expected} of {len(read)} sampled abstentions (of {eligible} abstained headlines naming"
        f" a US company or market cue; sample {'matches' if same else 'DIFFERS from'} this run) expected a pick"
        f" -> about {estimated:.0f} misses among them; 'missed' lines on {label} {missed}"
    )
    print(
        f"{label:6s} right-recall estimate: {right} right picks made / ({right} + {estimated:.0f} estimated misses)"
        f" = {right / (right + estimated) if right + estimated else 0.0:.1%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--unjudged", type=Path, default=Path("/tmp/unjudged.jsonl"))
    parser.add_argument("--picks", type=Path, help="also write every current pick with its verdict (outside the repo)")
    parser.add_argument("--baseline", default="main-2026-11", help="tracker name in verdicts.jsonl to print beside")
    args = parser.parse_args()
    reason = available()
    if reason:
        print(reason)
        return
    for out in (args.unjudged, args.picks):
        if out is not None and out.resolve().is_relative_to(REPO):
            parser.error(f"{out} must lie outside the repository (it holds shared text)")

    all_verdicts = read_lines(JUDGED / "verdicts.jsonl")
    roles = read_lines(JUDGED / "roles_ko_us_mentions.jsonl")
    verdicts: dict[Key, dict[str, Any]] = {}
    for v in all_verdicts:
        verdicts.setdefault((v["source"], v["id"], v["ticker"], v["direction"]), v)
    baseline = [
        Pick(v["source"], v["id"], v["ticker"], v["direction"], v["path"])
        for v in all_verdicts
        if v["tracker"] == args.baseline and v["path"] != "missed"
    ]

    run = run_tracker()
    current, records, categories = run.picks, run.records, run.categories
    unjudged = write_unjudged(args.unjudged, current, verdicts)
    if args.picks is not None:
        write_picks(args.picks, current, verdicts)

    print(f"judged dev set: {len(all_verdicts)} verdicts, {len(roles)} role labels, {len(records)} records")
    print("verdict shares are of all picks made; unjudged picks count in the denominator, not as right")
    for split in SPLITS:
        for kind in KINDS:
            now = figures(current, verdicts, records, split, kind)
            base = figures(baseline, verdicts, records, split, kind)
            shown = figures([p for p in current if not p.low_confidence], verdicts, records, split, kind)
            print(f"{split.upper():6s} {kind + 's':9s} current : {now.line()}   (all picks)")
            print(f"{'':16s} shown   : {shown.line()}   (not low_confidence)")
            print(f"{'':16s} baseline: {base.line()}   ({args.baseline})")
    print_fresh(run, verdicts, all_verdicts, baseline, records)
    for split, about in (
        (TUNE2, "read at the start of round 4, then tuned on"),
        (FRESH2, "read once for main-2026-11-30-r4final; its faults then fixed; new picks read in sessions 3 and 4"),
        (FRESH3, "read once for main-2026-11-30-r5final; its faults then fixed (round 6); new picks read in sessions 3 and 4"),
    ):
        now = figures(current, verdicts, records, split, "headline")
        seen = figures([p for p in current if not p.low_confidence], verdicts, records, split, "headline")
        print(f"{split.upper():6s} headlines current : {now.line()}   (all picks: {verdict_counts(now)}; {about})")
        print(f"{'':16s} shown   : {seen.line()}   (not low_confidence: {verdict_counts(seen)})")
        if split != TUNE2:
            print_recall(run, verdicts, all_verdicts, split)
    for split in SPLITS:
        print(f"{split.upper():6s} current : {category_line(current, categories, split)}")
        print(f"{'':6s} baseline: {category_line(baseline, categories, split)}   ({args.baseline})")
    for split in SPLITS:
        print(
            f"{split.upper():6s} roles     current : {role_line(*role_scores(current, roles, split))}   target P>=0.85 R>=0.60"
        )
        print(f"{'':16s} baseline: {role_line(*role_scores(baseline, roles, split))}   ({args.baseline})")
    by_path: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for p in current:
        judged = verdicts.get(p.key)
        by_path[p.path][judged["verdict"] if judged else "unjudged"] += 1
    print("current picks by path: " + "; ".join(f"{path} {dict(c)}" for path, c in sorted(by_path.items())))
    picked = {p.key for p in current}
    lost = [v for key, v in verdicts.items() if v["verdict"] == "right" and key not in picked]
    print(f"picks judged right (or missed by {args.baseline}) that the current tracker does not make: {len(lost)}")
    # REPORT rows are counted, not listed: the tracker is tuned on TUNE only.
    print(
        f"  of which REPORT: {sum(v['split'] == 'report' for v in lost)},"
        f" FRESH: {sum(v['split'] in (FRESH, FRESH2, FRESH3) for v in lost)} (not listed); TUNE and TUNE2:"
    )
    tuned = (v for v in lost if v["split"] in ("tune", TUNE2))
    for v in sorted(tuned, key=lambda v: (v["source"], v["id"]))[:40]:
        print(f"  {v['split']:6s} {v['source']} {v['id']} {v['ticker']} {v['direction']}: {v['reason']}")
    print(f"wrote {unjudged} unjudged picks to {args.unjudged}")


if __name__ == "__main__":
    main()
