"""Tracker evaluation on ../shared/eval-dev, every figure printed beside its baseline and target.

    python bench/tracker_eval.py            # all sections
    python bench/tracker_eval.py --only linking tone

Sections: linking (ko_us_mentions), false-alarms (ko_non_market), finentity, tone
(ko_fin_headlines_labeled), speed (ko_wikinews).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from collections import Counter

from evaldata import macro_f1, prf, read_jsonl
from newsimpact.article import Article
from newsimpact.extract.assemble import detect_language
from newsimpact.knowledge import load_knowledge
from newsimpact.tracker import Tracker, build_tracker

SECTIONS = ("linking", "false-alarms", "finentity", "tone", "speed")


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
    print(f"linking   ko_us_mentions ({len(rows)} texts): P={p:.3f} R={r:.3f} F1={f:.3f}   target F1>=0.92")
    if misses:
        print(f"          most missed: {', '.join(m for m, _ in misses.most_common(8))}")


def false_alarms(tracker: Tracker) -> None:
    rows = read_jsonl("ko_non_market.jsonl")
    alarms = [row for row in rows if tracker.track(text_article(row["text"])).picks]
    share = len(alarms) / len(rows)
    print(
        f"false-alarms ko_non_market ({len(rows)} headlines): {share:.1%} get a pick   target <=2%   baseline (always pick) 100%"
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
        f"   target >=0.75   majority-class baseline {majority:.3f}"
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
        f"accuracy={accuracy:.3f}   target >=0.65   majority baseline macro-F1={baseline:.3f}"
    )


def speed(tracker: Tracker) -> None:
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
    total = sum(timings)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"speed     ko_wikinews ({len(articles)} articles, one process, warm): {len(articles) / total:.1f} articles/s, "
        f"median {statistics.median(timings) * 1000:.1f} ms, p95 {sorted(timings)[int(0.95 * len(timings))] * 1000:.1f} ms"
        f"   target >=50/s, <20 ms"
    )
    print(f"memory    peak RSS {peak_mb:.0f} MB   target <=700 MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="*", choices=SECTIONS, default=list(SECTIONS))
    args = parser.parse_args()
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
    }
    for name in args.only:
        sections[name](tracker)


if __name__ == "__main__":
    main()
