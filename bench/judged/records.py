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
from collections.abc import Iterator
from dataclasses import dataclass
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
HEADLINE_SOURCES = ("ko_fin_headlines_unlabeled", "ko_fin_headlines_labeled", "ko_us_mentions")
ARTICLE_SOURCES = ("ko_articles_full", "ko_wikinews", "seed")


def split_of(record_id: str) -> str:
    """REPORT when sha1(id, UTF-8) starts with 0-3 (a quarter of ids), otherwise TUNE."""
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
            yield Record("seed", "seed", None, Page(content=SEED_PAGE.read_bytes()))
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
        yield Record(source, row["id"], article, row=row)


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


def universe(n: int = HEADLINE_SAMPLE_SIZE, seed: int = HEADLINE_SAMPLE_SEED) -> Iterator[Record]:
    """Every record of the judged dev set, source by source."""
    for source in UNIVERSE_SOURCES:
        ids = sample_ids(source, n, seed) if source in SAMPLED_SOURCES else None
        yield from load_source(source, ids)


def available() -> str | None:
    """None when the shared data is here, else a one-line reason to skip."""
    if not EVAL_DEV.is_dir():
        return f"skip: {EVAL_DEV} not found (set NEWSIMPACT_EVAL_DEV to the eval-dev folder)"
    if not SEED_PAGE.exists():
        return f"skip: {SEED_PAGE} not found (set NEWSIMPACT_SEED_PAGE)"
    return None
