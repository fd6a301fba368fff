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
from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

from newsimpact.article import Article
from newsimpact.extract import Page
from newsimpact.extract.assemble import detect_language

REPO = Path(__file__).resolve().parents[2]
EVAL_DEV = Path(os.environ.get("NEWSIMPACT_EVAL_DEV", REPO.parent / "shared" / "eval-dev"))
SEED_PAGE = Path(os.environ.get("NEWSIMPACT_SEED_PAGE", REPO.parent / "shared" / "seeds" / "newspim_article_page.txt"))
JUDGED = Path(__file__).resolve().parent
_KST = timezone(timedelta(hours=9))

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


def headline_article(text: str, published: datetime | None = None) -> Article:
    """Same shape as bench/tracker_eval.py: one paragraph holding the text, no title (dated when the file is)."""
    return Article(title="", paragraphs=[text], language=detect_language(text), published=published)


def published_of(row: dict[str, Any]) -> datetime | None:
    """The record's publication date, as its page would give it (a day alone is read as 09:00 KST)."""
    raw = str(row.get("date") or "").strip()
    if not raw:
        return None
    try:
        moment = datetime.fromisoformat(raw if " " in raw or "T" in raw else raw + "T09:00:00")
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=_KST)


def full_article(row: dict[str, Any]) -> Article:
    """ko_articles_full: title plus the body's paragraphs (split on the blank lines the README documents)."""
    title = row.get("title") or ""
    paragraphs = [p.strip() for p in row["text"].split("\n\n") if p.strip()]
    return Article(
        title=title,
        paragraphs=paragraphs,
        language=detect_language(title + " " + row["text"]),
        published=published_of(row),
    )


def wikinews_article(row: dict[str, Any]) -> Article:
    """Same shape as bench/plausibility.py, dated as the page is."""
    paragraphs = [p for p in row["text"].split("\n") if p.strip()]
    return Article(title=row.get("title", ""), paragraphs=paragraphs, language="ko", published=published_of(row))


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
            article = headline_article(row["text"], published_of(row))
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
    """Every record of the judged dev set, source by source: the TUNE/REPORT part, then the later draws
    (FRESH, TUNE2, FRESH2) unless `fresh` is False."""
    for source in UNIVERSE_SOURCES:
        ids = sample_ids(source, n, seed) if source in SAMPLED_SOURCES else None
        yield from load_source(source, ids)
    if fresh:
        for draw in DRAWS:
            yield from draw_records(draw)


@dataclass(frozen=True)
class Draw:
    """Headlines drawn later from ko_fin_headlines_unlabeled, none of them read before: the first `size`
    ids after a shuffle seeded with `seed`, leaving out every id and text of the universe and of the
    earlier draws (ko_us_mentions reuses headline ids; the labelled file repeats some texts)."""

    split: str
    seed: int
    size: int
    extra_sources: tuple[str, ...] = ()
    """Sources taken whole into this draw (the ones the universe did not hold)."""


# FRESH was drawn after round 2's last change (main-2026-11-30-final) and read once. TUNE2 was drawn at
# the start of round 4 and read to find what still goes wrong: it is tuned on. FRESH2 was drawn after
# round 4's rules were final and read once (main-2026-11-30-r4final); its wrong picks showed four more
# general faults, which were fixed without looking at FRESH2 again for tuning, so FRESH3 was drawn
# after that last change and read once (main-2026-11-30-r5final). FRESH3's wrong picks were then fixed
# the same way (round 6), but no fourth draw is possible: after these draws the unlabelled headline
# file has 345 unread headlines left (a trial draw of them got no pick). Never tune on a fresh draw:
# it is there to quote figures the tuning did not see.
FRESH = "fresh"
TUNE2 = "tune2"
FRESH2 = "fresh2"
FRESH3 = "fresh3"
DRAWS = (
    Draw(FRESH, 2611, 4000, ("ko_non_market", "ko_pages")),
    Draw(TUNE2, 2612, 4000),
    Draw(FRESH2, 2613, 4000),
    Draw(FRESH3, 2614, 4000),
)
TUNED_SPLITS = ("tune", TUNE2)
FRESH_SPLITS = (FRESH, FRESH2, FRESH3)
FRESH_SEED = DRAWS[0].seed
FRESH_HEADLINES = DRAWS[0].size
HEADLINE_DRAW_SOURCE = "ko_fin_headlines_unlabeled"


@cache
def _universe_seen() -> tuple[frozenset[str], frozenset[str]]:
    """The ids and texts of the TUNE/REPORT universe (read once, however many draws ask)."""
    ids: set[str] = set()
    texts: set[str] = set()
    for record in universe(fresh=False):
        ids.add(record.id)
        if record.row is not None and "text" in record.row:
            texts.add(record.row["text"].strip())
    return frozenset(ids), frozenset(texts)


@cache
def draw_ids(split: str) -> frozenset[str]:
    """The headline ids of one draw."""
    universe_ids, universe_texts = _universe_seen()
    seen_ids, seen_texts = set(universe_ids), set(universe_texts)
    rows = read_jsonl(EVAL_DEV / f"{HEADLINE_DRAW_SOURCE}.jsonl")
    text_of = {row["id"]: row["text"].strip() for row in rows}
    draw = next(d for d in DRAWS if d.split == split)
    for earlier in DRAWS[: DRAWS.index(draw)]:
        taken = draw_ids(earlier.split)
        seen_ids |= taken
        seen_texts |= {text_of[i] for i in taken}
    ids = [row["id"] for row in rows if row["id"] not in seen_ids and row["text"].strip() not in seen_texts]
    random.Random(f"{draw.seed}:{HEADLINE_DRAW_SOURCE}").shuffle(ids)
    return frozenset(ids[: draw.size])


def fresh_ids(source: str) -> set[str] | None:
    """The FRESH ids of one source (None = all of its records)."""
    return set(draw_ids(FRESH)) if source == HEADLINE_DRAW_SOURCE else None


def draw_records(draw: Draw) -> Iterator[Record]:
    for record in load_source(HEADLINE_DRAW_SOURCE, set(draw_ids(draw.split))):
        yield replace(record, split=draw.split)
    for source in draw.extra_sources:
        for record in load_source(source):
            yield replace(record, split=draw.split)


def fresh_records() -> Iterator[Record]:
    yield from draw_records(DRAWS[0])


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
    return bool(_names_pattern(tuple(names)).search(text)) or any(cue in text for cue in US_MARKET_CUES)


@cache
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all names (compiling one per name and text took minutes on the FRESH draw)."""
    latin = [r"(?<![A-Za-z])" + re.escape(n) + r"(?![A-Za-z])" for n in names if n.isascii()]
    hangul = [re.escape(n) for n in names if not n.isascii()]
    return re.compile("|".join(latin + hangul) or r"(?!)")


ABSTENTION_FILES = {
    "fresh": "fresh_abstentions.jsonl",
    "fresh2": "fresh2_abstentions.jsonl",
    "fresh3": "fresh3_abstentions.jsonl",
}
MISSED_SEEDS = {"fresh": MISSED_SAMPLE_SEED, "fresh2": "2613:missed", "fresh3": "2614:missed"}


def abstention_sample(abstained: dict[str, str], names: list[str], seed: str = MISSED_SAMPLE_SEED) -> list[str]:
    """The seeded sample of abstained fresh headlines (id -> text) that name a US company or market cue."""
    eligible = sorted(i for i, text in abstained.items() if names_us_market(text, names))
    random.Random(seed).shuffle(eligible)
    return eligible[:MISSED_SAMPLE_SIZE]
