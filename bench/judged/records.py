"""The judged dev set's records: how each shared eval-dev record becomes an Article, and the split rule.

Shared by make_candidates.py (which writes candidates to read) and bench/judged_eval.py (which scores
a tracker against the verdicts), so both see exactly the same Article for a record id.
Nothing here copies shared text into the repo: records are read from ../shared/eval-dev at run time.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from newsimpact.article import Article
from newsimpact.extract import Page
from newsimpact.extract.assemble import detect_language

REPO = Path(__file__).resolve().parents[2]
EVAL_DEV = Path(os.environ.get("NEWSIMPACT_EVAL_DEV", REPO.parent / "shared" / "eval-dev"))
SEED_PAGE = Path(os.environ.get("NEWSIMPACT_SEED_PAGE", REPO.parent / "shared" / "seeds" / "newspim_article_page.txt"))
JUDGED = Path(__file__).resolve().parent

# Record kinds, reported apart: a headline is one short line; an article has a body of paragraphs.
HEADLINE_SOURCES = ("ko_fin_headlines_unlabeled", "ko_fin_headlines_labeled", "ko_us_mentions", "ko_non_market")
ARTICLE_SOURCES = ("ko_articles_full", "ko_wikinews", "seed", "ko_pages")


def split_of(record_id: str) -> str:
    """REPORT when sha1(id, UTF-8) starts with 0-3 (a quarter of ids), otherwise TUNE.

    This rule holds for the records read while the tracker was tuned; the FRESH part (drawn after the
    last change, see fresh_ids) carries split "fresh" whatever its hash."""
    return "report" if hashlib.sha1(record_id.encode("utf-8")).hexdigest()[0] in "0123" else "tune"


def kind_of(source: str) -> str:
    return "headline" if source in HEADLINE_SOURCES else "article"


@dataclass(frozen=True)
class Record:
    source: str
    id: str
    article: Article | None  # None for the seed page, which goes through extraction
    page: Page | None = None
    row: dict[str, Any] | None = None
    split: str = ""
    """"tune" / "report" by split_of, or "fresh" for the part drawn after the last change."""


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def headline_article(text: str) -> Article:
    """Same shape as bench/tracker_eval.py: one paragraph holding the text, no title."""
    return Article(title="", paragraphs=[text], language=detect_language(text))


def full_article(row: dict[str, Any]) -> Article:
    """ko_articles_full: title plus the body's paragraphs (split on the blank lines the README documents)."""
    title = row.get("title") or ""
    paragraphs = [p.strip() for p in row["text"].split("\n\n") if p.strip()]
    return Article(title=title, paragraphs=paragraphs, language=detect_language(title + " " + row["text"]))


def wikinews_article(row: dict[str, Any]) -> Article:
    """Same shape as bench/plausibility.py."""
    paragraphs = [p for p in row["text"].split("\n") if p.strip()]
    return Article(title=row.get("title", ""), paragraphs=paragraphs, language="ko")


def load_source(source: str, ids: set[str] | None = None) -> Iterator[Record]:
    """The records of one source (all of them, or only `ids`)."""
    if source == "seed":
        if ids is None or "seed" in ids:
            yield Record("seed", "seed", None, Page(content=SEED_PAGE.read_bytes()), split=split_of("seed"))
        return
    if source == "ko_pages":
        # Only the pages the gold marks as one article (the others are refused by the extractor).
        for gold in read_jsonl(EVAL_DEV / "ko_pages" / "gold.jsonl"):
            page_id = Path(gold["file"]).stem
            if gold.get("kind") == "article" and (ids is None or page_id in ids):
                content = (EVAL_DEV / "ko_pages" / gold["file"]).read_bytes()
                yield Record(source, page_id, None, Page(content=content), split=FRESH)
        return
    for row in read_jsonl(EVAL_DEV / f"{source}.jsonl"):
        if ids is not None and row["id"] not in ids:
            continue
        if source == "ko_articles_full":
            article = full_article(row)
        elif source == "ko_wikinews":
            article = wikinews_article(row)
        else:
            article = headline_article(row["text"])
        yield Record(source, row["id"], article, row=row, split=split_of(row["id"]))


# The judged universe: every record make_candidates.py ran the tracker on when the verdicts were read.
# Headline files are sampled: the first N ids after a seeded shuffle (a larger N keeps a smaller one).
HEADLINE_SAMPLE_SEED = 909
HEADLINE_SAMPLE_SIZE = 2500
UNIVERSE_SOURCES = (
    "ko_articles_full",
    "ko_fin_headlines_unlabeled",
    "ko_fin_headlines_labeled",
    "ko_wikinews",
    "ko_us_mentions",
    "seed",
)
SAMPLED_SOURCES = ("ko_fin_headlines_unlabeled", "ko_fin_headlines_labeled")


def sample_ids(source: str, n: int = HEADLINE_SAMPLE_SIZE, seed: int = HEADLINE_SAMPLE_SEED) -> set[str]:
    ids = [row["id"] for row in read_jsonl(EVAL_DEV / f"{source}.jsonl")]
    random.Random(f"{seed}:{source}").shuffle(ids)
    return set(ids[:n])


def universe(n: int = HEADLINE_SAMPLE_SIZE, seed: int = HEADLINE_SAMPLE_SEED, fresh: bool = True) -> Iterator[Record]:
    """Every record of the judged dev set, source by source: the TUNE/REPORT part, then the FRESH part."""
    for source in UNIVERSE_SOURCES:
        ids = sample_ids(source, n, seed) if source in SAMPLED_SOURCES else None
        yield from load_source(source, ids)
    if fresh:
        yield from fresh_records()


# The FRESH part, drawn after the last change of the tracker (main-2026-11-30-final) and read once:
# records no verdict was read on before. Headlines: the first FRESH_HEADLINES ids of
# ko_fin_headlines_unlabeled after a shuffle seeded with FRESH_SEED, leaving out the tuned sample above;
# plus every record of the sources the universe did not hold (ko_non_market, the ko_pages HTML pages).
# Never tune on it: it is there to quote figures the tuning did not see.
FRESH = "fresh"
FRESH_SEED = 2611
FRESH_HEADLINES = 4000
FRESH_SOURCES = ("ko_fin_headlines_unlabeled", "ko_non_market", "ko_pages")


def fresh_ids(source: str) -> set[str] | None:
    """The FRESH ids of one source (None = all of its records)."""
    if source != "ko_fin_headlines_unlabeled":
        return None
    # Not already judged: not in the tuned sample, and neither the id nor the text of any record the
    # tuned universe holds (ko_us_mentions reuses headline ids; the labelled file repeats some texts).
    seen_ids: set[str] = set()
    seen_texts: set[str] = set()
    for record in universe(fresh=False):
        seen_ids.add(record.id)
        if record.row is not None and "text" in record.row:
            seen_texts.add(record.row["text"].strip())
    ids = [
        row["id"]
        for row in read_jsonl(EVAL_DEV / f"{source}.jsonl")
        if row["id"] not in seen_ids and row["text"].strip() not in seen_texts
    ]
    random.Random(f"{FRESH_SEED}:{source}").shuffle(ids)
    return set(ids[:FRESH_HEADLINES])


def fresh_records() -> Iterator[Record]:
    for source in FRESH_SOURCES:
        for record in load_source(source, fresh_ids(source)):
            yield replace(record, split=FRESH)


def available() -> str | None:
    """None when the shared data is here, else a one-line reason to skip."""
    if not EVAL_DEV.is_dir():
        return f"skip: {EVAL_DEV} not found (set NEWSIMPACT_EVAL_DEV to the eval-dev folder)"
    if not SEED_PAGE.exists():
        return f"skip: {SEED_PAGE} not found (set NEWSIMPACT_SEED_PAGE)"
    return None


# Recall on FRESH: abstained fresh headlines that name a US-listed company (an S&P 500 name or short
# alias from the knowledge base) or carry a US market cue were sampled (seed below) and read;
# fresh_abstentions.jsonl keeps the ids read and whether an analyst would have expected a pick (those
# are also "missed" lines in verdicts.jsonl). The cues only choose what to read; the tracker never sees them.
MISSED_SAMPLE_SEED = "2611:missed"
MISSED_SAMPLE_SIZE = 150
US_MARKET_CUES = (
    "美",
    "미국",
    "뉴욕",
    "나스닥",
    "다우",
    "S&P",
    "연준",
    "Fed",
    "FOMC",
    "월가",
    "국제유가",
    "WTI",
    "비트코인",
    "달러",
)


def names_us_market(text: str, names: list[str]) -> bool:
    """True when the text names one of `names` (Latin names on word edges) or a US market cue."""
    for name in names:
        if name.isascii():
            if re.search(r"(?<![A-Za-z])" + re.escape(name) + r"(?![A-Za-z])", text):
                return True
        elif name in text:
            return True
    return any(cue in text for cue in US_MARKET_CUES)


def abstention_sample(abstained: dict[str, str], names: list[str]) -> list[str]:
    """The seeded sample of abstained fresh headlines (id -> text) that name a US company or market cue."""
    eligible = sorted(i for i, text in abstained.items() if names_us_market(text, names))
    random.Random(MISSED_SAMPLE_SEED).shuffle(eligible)
    return eligible[:MISSED_SAMPLE_SIZE]
