"""Tracker evaluation on ../shared/eval-dev, every figure printed beside its baseline and target.

    python bench/tracker_eval.py            # all sections
    python bench/tracker_eval.py --only linking tone

Sections: linking (ko_us_mentions), false-alarms (ko_non_market), finentity, tone
(ko_fin_headlines_labeled), speed (ko_wikinews), coverage (market headlines of
ko_fin_headlines_unlabeled and market articles of ko_articles_full with at least one pick), roles
(precision / recall of picks on the S&P 500 companies of ko_us_mentions labelled by reading, from
bench/judged/roles_ko_us_mentions.jsonl, tune and report splits apart; skipped when absent).

Coverage and speed print the baseline beside: the tracker of a git revision (--baseline-ref REV,
e.g. the commit before a change), or of another checkout (NEWSIMPACT_BASELINE_SRC, default the main
worktree ../main/src when run from a helper's worktree), run in a subprocess on the same data. Run
from the main checkout without --baseline-ref, there is no baseline to compare with.

    python bench/tracker_eval.py --only speed coverage --baseline-ref bd274b3
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from functools import cache
from pathlib import Path

from evaldata import EVAL_DEV, REPO, macro_f1, prf, read_jsonl
from newsimpact.article import Article
from newsimpact.extract.assemble import detect_language
from newsimpact.knowledge import load_knowledge
from newsimpact.tracker import Tracker, build_tracker

SECTIONS = ("linking", "false-alarms", "finentity", "tone", "speed", "coverage", "roles")
BASELINE_SRC = Path(os.environ.get("NEWSIMPACT_BASELINE_SRC", REPO.parent / "main" / "src"))
HEADLINE_SAMPLE = 3000
ROLES_FILE = Path(os.environ.get("NEWSIMPACT_ROLES", REPO / "bench" / "judged" / "roles_ko_us_mentions.jsonl"))


def text_article(text: str, title: str = "") -> Article:
    """One paragraph holding the text exactly, so gold offsets line up with mention offsets."""
    return Article(title=title, paragraphs=[text], language=detect_language(title + " " + text))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def linking(tracker: Tracker) -> None:
    rows = read_jsonl("ko_us_mentions.jsonl")
    tp = fp = fn = 0
    misses: Counter[str] = Counter()
    for row in rows:
        report = tracker.track(text_article(row["text"]))
        gold = [(m["ticker"].replace("-", "."), (m["span_start"], m["span_end"])) for m in row["mentions"]]
        uncertain = [(m["span_start"], m["span_end"]) for m in row["mentions"] if m.get("uncertain")]
        predicted = [(m.ticker, (m.start, m.end)) for m in report.mentions]
        matched_gold: set[int] = set()
        for ticker, span in predicted:
            if any(overlaps(span, u) for u in uncertain):
                continue
            hit = next(
                (i for i, (g_ticker, g_span) in enumerate(gold) if g_ticker == ticker and overlaps(span, g_span)),
                None,
            )
            if hit is None:
                fp += 1
            else:
                tp += 1
                matched_gold.add(hit)
        for i, (g_ticker, g_span) in enumerate(gold):
            if i in matched_gold or (any(overlaps(g_span, u) for u in uncertain) and g_span in uncertain):
                continue
            fn += 1
            misses[f"{g_ticker}:{row['text'][g_span[0] : g_span[1]]}"] += 1
    p, r, f = prf(tp, fp, fn)
    print(f"linking   ko_us_mentions ({len(rows)} texts): P={p:.3f} R={r:.3f} F1={f:.3f}   target F1>=0.95")
    if misses:
        print(f"          most missed: {', '.join(m for m, _ in misses.most_common(8))}")


def false_alarms(tracker: Tracker) -> None:
    rows = read_jsonl("ko_non_market.jsonl")
    alarms = [row for row in rows if tracker.track(text_article(row["text"])).picks]
    share = len(alarms) / len(rows)
    print(
        f"false-alarms ko_non_market ({len(rows)} headlines): {share:.1%} get a pick   target <=1%   baseline (always pick) 100%"
    )


def finentity(tracker: Tracker) -> None:
    rows = read_jsonl("finentity_sp500.jsonl")
    tp = fp = fn = 0
    right = total = 0
    gold_sides: Counter[str] = Counter()
    for row in rows:
        report = tracker.track(text_article(row["text"]))
        gold = [e for e in row["entities"] if e["ticker"]]
        for mention in report.mentions:
            span = (mention.start, mention.end)
            entity = next((e for e in row["entities"] if overlaps(span, (e["start"], e["end"]))), None)
            if entity is not None and entity["ticker"] and entity["ticker"].replace("-", ".") == mention.ticker:
                tp += 1
            else:
                fp += 1
        found = {(m.ticker, m.start) for m in report.mentions}
        for entity in gold:
            ticker = entity["ticker"].replace("-", ".")
            if not any(t == ticker and overlaps((s, s + 1), (entity["start"], entity["end"])) for t, s in found):
                fn += 1
            if entity["sentiment"] in ("positive", "negative"):
                total += 1
                gold_sides[entity["sentiment"]] += 1
                side = report.positive if entity["sentiment"] == "positive" else report.negative
                right += any(p.ticker == ticker for p in side)
    p, r, f = prf(tp, fp, fn)
    majority = max(gold_sides.values()) / total if total else 0.0
    print(f"finentity linking ({len(rows)} snippets): P={p:.3f} R={r:.3f} F1={f:.3f}   target F1>=0.85")
    print(
        f"finentity side: {right}/{total} = {right / total:.3f} of gold positive/negative tickers on the right side"
        f"   target >=0.80   majority-class baseline {majority:.3f}"
    )


def tone(tracker: Tracker) -> None:
    rows = read_jsonl("ko_fin_headlines_labeled.jsonl")
    gold = [row["sentiment"] for row in rows]
    predicted = [tracker.track(text_article(row["text"])).tone.label for row in rows]
    majority_label = Counter(gold).most_common(1)[0][0]
    baseline = macro_f1(gold, [majority_label] * len(gold))
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    print(
        f"tone      ko_fin_headlines_labeled ({len(rows)}): macro-F1={macro_f1(gold, predicted):.3f} "
        f"accuracy={accuracy:.3f}   target >=0.72   majority baseline macro-F1={baseline:.3f}"
    )


def speed_figures(tracker: Tracker) -> dict[str, float]:
    rows = read_jsonl("ko_wikinews.jsonl")
    articles = [
        Article(title=row.get("title", ""), paragraphs=[p for p in row["text"].split("\n") if p.strip()], language="ko")
        for row in rows
    ]
    for article in articles[:20]:  # warm caches (kiwi loads lazily)
        tracker.track(article)
    timings = []
    for article in articles:
        start = time.perf_counter()
        tracker.track(article)
        timings.append(time.perf_counter() - start)
    return {
        "articles": len(articles),
        "per_s": len(articles) / sum(timings),
        "median_ms": statistics.median(timings) * 1000,
        "p95_ms": sorted(timings)[int(0.95 * len(timings))] * 1000,
    }


def market_headlines() -> list[str]:
    """A seeded sample of the unlabelled headlines that speak of markets or business (the tracker's
    own market words, so both trackers face the same set)."""
    kb = load_knowledge()
    words = tuple("".join(w.split()).lower() for w in (*kb.linking.market_context_ko, *kb.linking.business_event_ko))
    rows = read_jsonl("ko_fin_headlines_unlabeled.jsonl")
    market = [r["text"] for r in rows if any(w in "".join(r["text"].split()).lower() for w in words)]
    return random.Random(909).sample(market, min(HEADLINE_SAMPLE, len(market)))


def coverage_figures(tracker: Tracker) -> dict[str, float]:
    """Records with >= 1 pick, and with >= 1 pick shown as firm (not low-confidence; a tracker
    without the flag shows every pick)."""
    headlines = market_headlines()
    covered = shown = 0
    for text in headlines:
        picks = tracker.track(text_article(text)).picks
        covered += bool(picks)
        shown += any(not getattr(p, "low_confidence", False) for p in picks)
    articles = [r for r in read_jsonl("ko_articles_full.jsonl") if r.get("category") == "market"]
    covered_articles = shown_articles = 0
    for row in articles:
        paragraphs = [p.strip() for p in row["text"].split("\n\n") if p.strip()]
        article = Article(title=row.get("title") or "", paragraphs=paragraphs, language="ko")
        picks = tracker.track(article).picks
        covered_articles += bool(picks)
        shown_articles += any(not getattr(p, "low_confidence", False) for p in picks)
    return {
        "headlines": len(headlines),
        "headlines_covered": covered,
        "headlines_shown": shown,
        "articles": len(articles),
        "articles_covered": covered_articles,
        "articles_shown": shown_articles,
    }


def baseline(section: str) -> dict[str, float] | None:
    """The same figures from the baseline tracker, in a subprocess (None if there is none): the
    source tree of --baseline-ref, or NEWSIMPACT_BASELINE_SRC / ../main/src when that is not this
    checkout's own src (then the "baseline" would only measure noise)."""
    src = _baseline_src()
    if src is None:
        print("          (no baseline: pass --baseline-ref REV to compare with a git revision)")
        return None
    env = {**os.environ, "PYTHONPATH": str(src), "NEWSIMPACT_EVAL_DEV": str(EVAL_DEV)}
    done = subprocess.run(
        [sys.executable, __file__, "--worker", section], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        print(f"          baseline run failed: {done.stderr.strip().splitlines()[-1:]}")
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


_BASELINE_REF: str | None = None


@cache
def _baseline_src() -> Path | None:
    if _BASELINE_REF is not None:
        folder = Path(tempfile.mkdtemp(prefix="newsimpact-baseline-"))
        archive = subprocess.run(["git", "-C", str(REPO), "archive", _BASELINE_REF, "src"], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
        return folder / "src"
    if not (BASELINE_SRC / "newsimpact").is_dir() or BASELINE_SRC.resolve() == (REPO / "src").resolve():
        return None
    return BASELINE_SRC


def speed(tracker: Tracker) -> None:
    now = speed_figures(tracker)
    before = baseline("speed")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    beside = (
        f"   baseline {before['per_s']:.1f} articles/s, median {before['median_ms']:.1f} ms (ratio {now['per_s'] / before['per_s']:.2f})"
        if before
        else ""
    )
    print(
        f"speed     ko_wikinews ({now['articles']:.0f} articles, one process, warm): {now['per_s']:.1f} articles/s, "
        f"median {now['median_ms']:.1f} ms, p95 {now['p95_ms']:.1f} ms   target >=200/s{beside}"
    )
    print(f"memory    peak RSS {peak_mb:.0f} MB   target <=700 MB")


def coverage(tracker: Tracker) -> None:
    now = coverage_figures(tracker)
    before = baseline("coverage")

    def share(figures: dict[str, float], kind: str, which: str = "covered") -> str:
        count = figures.get(f"{kind}_{which}", figures[f"{kind}_covered"])
        return f"{count:.0f}/{figures[kind]:.0f} = {count / figures[kind]:.1%}"

    for kind, label in (
        ("headlines", "market headlines (ko_fin_headlines_unlabeled sample)"),
        ("articles", "market articles (ko_articles_full)"),
    ):
        beside = f"   baseline {share(before, kind)}" if before else "   baseline: not available"
        print(f"coverage  {label} with >=1 pick: {share(now, kind)}{beside}")
        beside = f"   baseline {share(before, kind, 'shown')}" if before else ""
        print(f"coverage  {label} with >=1 pick shown (not low-confidence): {share(now, kind, 'shown')}{beside}")


def roles(tracker: Tracker) -> None:
    """Picks on the labelled S&P 500 companies of ko_us_mentions against the reader's labels."""
    if not ROLES_FILE.exists():
        print(f"roles     skip: {ROLES_FILE} not found")
        return
    labels = [json.loads(line) for line in ROLES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = {row["id"]: row["text"] for row in read_jsonl("ko_us_mentions.jsonl")}
    picks: dict[str, dict[str, str]] = {}
    for record_id in {label["id"] for label in labels}:
        if record_id in texts:
            report = tracker.track(text_article(texts[record_id]))
            picks[record_id] = {p.ticker: p.direction for p in report.picks}
    for split in ("tune", "report"):
        chosen = [label for label in labels if split_of(label["id"]) == split and label["id"] in picks]
        gold = [label for label in chosen if label["label"] in ("positive", "negative")]
        predicted = [label for label in chosen if label["ticker"] in picks[label["id"]]]
        right = sum(1 for label in predicted if picks[label["id"]][label["ticker"]] == label["label"])
        precision = right / len(predicted) if predicted else 0.0
        recall = right / len(gold) if gold else 0.0
        print(
            f"roles     ko_us_mentions {split:6} ({len(chosen)} labelled companies): precision {right}/{len(predicted)} = "
            f"{precision:.3f}  recall {right}/{len(gold)} = {recall:.3f}   target P>=0.85 R>=0.60"
        )


def split_of(record_id: str) -> str:
    """The judged set's split: sha1(id) starting 0-3 is the report split, the rest is for tuning."""
    return "report" if hashlib.sha1(record_id.encode()).hexdigest()[0] in "0123" else "tune"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="*", choices=SECTIONS, default=list(SECTIONS))
    parser.add_argument("--worker", choices=("speed", "coverage"), help=argparse.SUPPRESS)
    parser.add_argument("--baseline-ref", help="compare speed and coverage with this git revision's tracker")
    args = parser.parse_args()
    global _BASELINE_REF
    _BASELINE_REF = args.baseline_ref
    if args.worker:  # run by baseline(): figures of whatever tracker is on PYTHONPATH, as JSON
        figures = speed_figures if args.worker == "speed" else coverage_figures
        print(json.dumps(figures(build_tracker())))
        return
    start = time.perf_counter()
    load_knowledge()
    knowledge_s = time.perf_counter() - start
    tracker = build_tracker()
    tracker.track(text_article("엔비디아 주가가 급등했다."))
    first_s = time.perf_counter() - start
    print(f"startup   knowledge {knowledge_s:.2f} s, first result {first_s:.2f} s   (knowledge target <0.5 s)")
    sections = {
        "linking": linking,
        "false-alarms": false_alarms,
        "finentity": finentity,
        "tone": tone,
        "speed": speed,
        "coverage": coverage,
        "roles": roles,
    }
    for name in args.only:
        sections[name](tracker)


if __name__ == "__main__":
    main()
