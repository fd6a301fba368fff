"""Coverage of the knowledge base, its load time, and alias-linking recall on the dev mentions.

python bench/knowledge_coverage.py
"""

from __future__ import annotations

import statistics
import time
from collections import Counter

from evaldata import EVAL_DEV, read_jsonl
from newsimpact.article import Article
from newsimpact.knowledge import load_knowledge_from
from newsimpact.tracker.linking import Linker
from newsimpact.tracker.text import article_sentences


def main() -> None:
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        kb = load_knowledge_from()
        timings.append(time.perf_counter() - start)
    print(f"load time         median {statistics.median(timings):.3f} s over 5 loads   target <0.5 s")

    korean = {a.ticker for a in kb.aliases if a.lang == "ko"}
    per_company = Counter(a.ticker for a in kb.aliases)
    print(f"constituents      {len(kb.companies)} (snapshot {kb.meta.snapshot_date})")
    print(f"korean aliases    {len(korean & set(kb.companies))}/{len(kb.companies)} constituents   target >=495")
    missing = sorted(set(kb.companies) - korean)
    if missing:
        print(f"                  without: {' '.join(missing)}")
    print(
        f"aliases           {len(kb.aliases)} total, per company median {statistics.median(per_company.values()):.0f}, "
        f"min {min(per_company.values())}, guarded {sum(a.guarded for a in kb.aliases)}"
    )
    print(f"aliases by kind   {dict(Counter(a.kind for a in kb.aliases).most_common())}")
    exposures = sum(len(t.exposures) for t in kb.themes)
    print(f"themes            {len(kb.themes)} with {exposures} exposures   target >=80 themes")
    sources = {e.source for e in kb.relations}
    korean_related = sources & set(kb.korean_companies)
    print(
        f"relations         {len(kb.relations)} edges; korean companies {len(kb.korean_companies)}, "
        f"with relations {len(korean_related)}   target >=40; US-US edges "
        f"{sum(1 for e in kb.relations if e.source in kb.companies)}"
    )
    print(
        f"lexicons          polarity ko {len(kb.polarity['ko'].terms)}, en {len(kb.polarity['en'].terms)}; "
        f"movement up {len(kb.movement.up.ko)}+{len(kb.movement.up.en)}, down {len(kb.movement.down.ko)}+{len(kb.movement.down.en)}"
    )

    if not (EVAL_DEV / "ko_us_mentions.jsonl").exists():
        print("alias recall      skip: eval-dev not found")
        return
    linker = Linker(kb)
    found = total = 0
    missed: Counter[str] = Counter()
    for row in read_jsonl("ko_us_mentions.jsonl"):
        article = Article(paragraphs=[row["text"]], language="ko")
        spans = {(m.ref.key, m.start, m.end) for m in linker.find(article_sentences(article)) if m.ref.kind == "sp500"}
        for gold in row["mentions"]:
            if gold.get("uncertain"):
                continue
            total += 1
            ticker = gold["ticker"].replace("-", ".")
            if any(t == ticker and s < gold["span_end"] and gold["span_start"] < e for t, s, e in spans):
                found += 1
            else:
                missed[f"{ticker}:{row['text'][gold['span_start'] : gold['span_end']]}"] += 1
    print(f"alias recall      {found}/{total} = {found / total:.3f} of dev mentions linked   target >=0.95")
    if missed:
        print(f"                  missed: {', '.join(f'{m} x{n}' for m, n in missed.most_common(10))}")


if __name__ == "__main__":
    main()
