"""Real Korean newsroom pages: newsimpact against bare trafilatura, field by field, in one run.

Data: ../shared/eval-dev/ko_pages (27 saved pages + gold.jsonl read by hand); skipped with a
message when absent. Scoring follows that folder's README:

* both sides are normalised (runs of whitespace -> one space, quote variants folded);
* article pages: title, subtitle (every " / " part), published / modified (local time to the
  minute), publication day, reporter (as a set of names), reporter e-mail, dateline, first and
  last body paragraph (gold start must be a substring), boilerplate that must stay out of the
  body, captions kept out of the body (a caption under 10 characters leaks only as a whole
  paragraph). A gold null means the extractor must give nothing for that field;
* a page is fully right when every check that applies to it passes;
* not_article pages must be refused; newsimpact's one-line reason is printed.

trafilatura runs as `bare_extraction(bytes, with_metadata=True)` (defaults otherwise), so it can
be scored on what it reports: title, publication day, author, body paragraphs (its text lines).
Fields it cannot report are shown as "-" and left out of its totals; the "common" total compares
both on the same checks.

Usage: python bench/ko_pages.py [--data DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import trafilatura

from evaldata import EVAL_DEV
from newsimpact.article import Article
from newsimpact.errors import NewsImpactError
from newsimpact.extract import Page, extract

FIELDS = (
    "title",
    "subtitle",
    "published",
    "modified",
    "pub_day",
    "reporter",
    "email",
    "dateline",
    "body_first",
    "body_last",
    "boilerplate_out",
    "captions_out",
)
# What bare trafilatura can be scored on (it has no subtitle, times of day, e-mail or dateline).
TRAFILATURA_FIELDS = ("title", "pub_day", "reporter", "body_first", "body_last", "boilerplate_out", "captions_out")

# Tolerances the gold notes state in words (README "note — read it before judging a failure").
TOLERATED_NULL = {
    ("18.html", "reporter"),  # "reporter given as the agency; returning null is acceptable"
    ("27.html", "subtitle"),  # "series label (given as subtitle; dropping it is tolerated)"
}

_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "″": '"', "‘": "'", "’": "'"})


def norm(text: str | None) -> str:
    return _SPACES.sub(" ", (text or "").translate(_QUOTES)).strip()


@dataclass
class Result:
    """What one extractor gave for one page, in the shape the checks read."""

    refused: str | None = None
    title: str | None = None
    subtitle: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    day: str | None = None
    reporter: str | None = None
    email: str | None = None
    dateline: str | None = None
    paragraphs: list[str] = field(default_factory=list)


def run_newsimpact(data: bytes) -> Result:
    try:
        article: Article = extract(Page(content=data))
    except NewsImpactError as exc:
        return Result(refused=str(exc))
    published = article.published
    return Result(
        title=article.title,
        subtitle=article.subtitle,
        published=published,
        modified=article.modified,
        day=published.date().isoformat() if published else None,
        reporter=article.reporter.name if article.reporter else None,
        email=article.reporter.email if article.reporter else None,
        dateline=article.dateline.place if article.dateline else None,
        paragraphs=list(article.paragraphs),
    )


def run_trafilatura(data: bytes) -> Result:
    document = trafilatura.bare_extraction(data, with_metadata=True)
    if document is None:
        return Result(refused="no extraction")
    meta = document if isinstance(document, dict) else document.as_dict()
    lines = [line.strip() for line in str(meta.get("text") or "").split("\n") if line.strip()]
    if not lines:
        return Result(refused="empty text")
    return Result(
        title=meta.get("title"),
        day=str(meta.get("date") or "")[:10] or None,
        reporter=meta.get("author"),
        paragraphs=lines,
    )


Runner = Callable[[bytes], Result]
RUNNERS: dict[str, tuple[Runner, tuple[str, ...]]] = {
    "newsimpact": (run_newsimpact, FIELDS),
    "trafilatura": (run_trafilatura, TRAFILATURA_FIELDS),
}


def _minute(value: datetime | None) -> str | None:
    return value.strftime("%Y-%m-%dT%H:%M") if value else None


def _names(value: str | None) -> set[str]:
    return {norm(n) for n in re.split(r"[,·]", value or "") if norm(n)}


def _caption_leaks(caption: str, paragraphs: list[str]) -> bool:
    caption = norm(caption)
    if len(caption) < 10:
        return any(p == caption for p in paragraphs)
    return any(p.startswith(caption) for p in paragraphs)


def check(gold: dict[str, object], got: Result, name: str) -> bool | None:
    """True/False for a check that applies to this page, None where it does not."""
    paragraphs = [norm(p) for p in got.paragraphs]
    body = "\n".join(paragraphs)
    value: object
    if name == "title":
        return norm(got.title) == norm(str(gold["title"]))
    if name == "subtitle":
        if gold["subtitle"] is None:
            return got.subtitle is None
        parts = [norm(p) for p in str(gold["subtitle"]).split(" / ")]
        shown = norm(got.subtitle)
        return bool(shown) and all(part.lstrip("ㆍ ") in shown for part in parts)
    if name in ("published", "modified"):
        value = _minute(getattr(got, name))
        return value == gold[name]
    if name == "pub_day":
        return got.day == str(gold["published"])[:10]
    if name == "reporter":
        if gold["reporter"] is None:
            return got.reporter is None
        return _names(got.reporter) == _names(str(gold["reporter"]))
    if name == "email":
        return norm(got.email) == norm(str(gold["reporter_email"] or ""))
    if name == "dateline":
        return norm(got.dateline) == norm(str(gold["dateline"] or ""))
    if name == "body_first":
        return bool(paragraphs) and norm(str(gold["body_first"])) in paragraphs[0]
    if name == "body_last":
        return bool(paragraphs) and norm(str(gold["body_last"])) in paragraphs[-1]
    if name == "boilerplate_out":
        return bool(paragraphs) and not any(norm(str(s)) in body for s in gold["must_not_contain"])  # type: ignore[attr-defined]
    if name == "captions_out":
        captions = list(gold["captions"])  # type: ignore[call-overload]
        if not captions:
            return None
        return bool(paragraphs) and not any(_caption_leaks(str(c), paragraphs) for c in captions)
    raise ValueError(name)


def score_page(gold: dict[str, object], got: Result, fields: tuple[str, ...]) -> dict[str, bool]:
    results: dict[str, bool] = {}
    for name in fields:
        ok = check(gold, got, name)
        if ok is None:
            continue
        gold_key = {"email": "reporter_email"}.get(name, name)
        if not ok and (str(gold["file"]), name) in TOLERATED_NULL and not getattr(got, gold_key, None):
            ok = True
        results[name] = ok
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=EVAL_DEV / "ko_pages", help="the ko_pages folder")
    parser.add_argument("--verbose", action="store_true", help="print every failed check")
    args = parser.parse_args(argv)
    gold_path = args.data / "gold.jsonl"
    if not gold_path.is_file():
        print(f"ko_pages: {gold_path} not found, skipped")
        return 0
    golds = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line.strip()]

    passed = {name: dict.fromkeys(FIELDS, 0) for name in RUNNERS}
    applied = {name: dict.fromkeys(FIELDS, 0) for name in RUNNERS}
    fully_right = dict.fromkeys(RUNNERS, 0)
    refused = dict.fromkeys(RUNNERS, 0)
    seconds = dict.fromkeys(RUNNERS, 0.0)
    articles = [g for g in golds if g["kind"] == "article"]
    others = [g for g in golds if g["kind"] != "article"]
    failures: list[str] = []
    reasons: list[str] = []

    for gold in golds:
        data = (args.data / gold["file"]).read_bytes()
        for name, (runner, fields) in RUNNERS.items():
            start = time.perf_counter()
            got = runner(data)
            seconds[name] += time.perf_counter() - start
            if gold["kind"] != "article":
                refused[name] += got.refused is not None
                if name == "newsimpact":
                    reasons.append(f"  {gold['file']}: {got.refused or 'NOT REFUSED: ' + norm(got.title)}")
                continue
            results = score_page(gold, got, fields)
            for check_name, ok in results.items():
                applied[name][check_name] += 1
                passed[name][check_name] += ok
                if not ok:
                    failures.append(f"  {name:<11} {gold['file']} {check_name}: {_shown(gold, got, check_name)}")
            fully_right[name] += all(results.values())

    print(f"ko_pages: {len(articles)} articles, {len(others)} not-article pages (gold read by hand)")
    print(f"  {'check':<16} {'newsimpact':>12} {'trafilatura':>12}")
    for check_name in FIELDS:
        cells = []
        for name, (_runner, fields) in RUNNERS.items():
            cells.append(f"{passed[name][check_name]}/{applied[name][check_name]}" if check_name in fields else "-")
        print(f"  {check_name:<16} {cells[0]:>12} {cells[1]:>12}")
    common = TRAFILATURA_FIELDS
    for label, names in (("all checks", FIELDS), ("common checks", common)):
        cells = []
        for name, (_runner, fields) in RUNNERS.items():
            ok = sum(passed[name][c] for c in names if c in fields)
            total = sum(applied[name][c] for c in names if c in fields)
            cells.append(f"{ok}/{total} {ok / max(1, total):.0%}")
        print(f"  {label:<16} {cells[0]:>12} {cells[1]:>12}")
    cells = [f"{fully_right[n]}/{len(articles)} {fully_right[n] / max(1, len(articles)):.0%}" for n in RUNNERS]
    print(f"  {'fully right':<16} {cells[0]:>12} {cells[1]:>12}")
    cells = [f"{refused[n]}/{len(others)}" for n in RUNNERS]
    print(f"  {'non-art refused':<16} {cells[0]:>12} {cells[1]:>12}")
    rates = [f"{len(golds) / seconds[n]:.1f}" if seconds[n] else "-" for n in RUNNERS]
    print(f"  {'pages/s':<16} {rates[0]:>12} {rates[1]:>12}")
    print("newsimpact on the not-article pages:")
    print("\n".join(reasons))
    if args.verbose and failures:
        print("failed checks:")
        print("\n".join(failures))
    return 0


def _shown(gold: dict[str, object], got: Result, check_name: str) -> str:
    if got.refused is not None:
        return f"refused ({got.refused})"
    body = norm("\n".join(got.paragraphs))
    if check_name == "boilerplate_out" and body:
        return "leaked " + repr([s for s in gold["must_not_contain"] if norm(str(s)) in body])  # type: ignore[attr-defined]
    if check_name == "captions_out" and got.paragraphs:
        paragraphs = [norm(p) for p in got.paragraphs]
        return "leaked " + repr([c for c in gold["captions"] if _caption_leaks(str(c), paragraphs)])  # type: ignore[attr-defined]
    if check_name in ("body_first", "boilerplate_out", "captions_out"):
        return repr(norm(got.paragraphs[0])[:60]) if got.paragraphs else "no body"
    if check_name == "body_last":
        return repr(norm(got.paragraphs[-1])[-60:]) if got.paragraphs else "no body"
    key = {"email": "email", "pub_day": "day"}.get(check_name, check_name)
    value = getattr(got, key, None)
    return repr(_minute(value) if isinstance(value, datetime) else value)


if __name__ == "__main__":
    sys.exit(main())
