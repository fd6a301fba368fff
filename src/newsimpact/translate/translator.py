"""The Translator: Article -> Translation, one segment at a time, checked, retried and cached."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Literal

from newsimpact.article import Article
from newsimpact.errors import TranslationCancelled, TranslationError
from newsimpact.translate.cache import CachedSegment, TranslationCache, cache_key
from newsimpact.translate.checks import (
    Problem,
    check_output,
    front_day_dates,
    money_notes,
    number_notes,
    score,
)
from newsimpact.translate.engines import StopCheck, TranslationEngine
from newsimpact.translate.glossary import Glossary, GlossaryHit, describe
from newsimpact.translate.names import name_hits
from newsimpact.translate.prompts import build_messages, clean_output
from newsimpact.translate.translation import (
    CJK_TARGETS,
    LANGUAGE_NAMES,
    SUPPORTED_TARGETS,
    SegmentWarning,
    Translation,
)

_TARGET_ALIASES = {
    "zh": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
}
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])[\"'”’」)]*\s+")


RetryPolicy = Literal["fast", "thorough"]
"""fast (default): retry and split only where it pays; thorough: retry every problem, then split."""

RETRY_CHECKS = frozenset({"empty", "repetition", "hangul", "script", "length"})
"""Problems a stricter second prompt fixes often enough to pay for the call: the model ran away,
stopped, or left the source script. Numbers, names, companies and currencies mostly come back the
same from this model (bench/translation.py, fix rate per check), so they are reported, not retried."""
SPLIT_CHECKS = frozenset({"empty", "repetition", "hangul", "length"})
"""Problems of a paragraph too long for the model: one sentence at a time usually ends them."""


@dataclass(frozen=True)
class SegmentDone:
    """One finished segment, as the reader may see it before the whole article is done."""

    segment: str
    """"title", "subtitle", "byline", "paragraph:3", "caption:0"."""
    text: str
    warnings: list[str]
    done: int
    """Segments finished so far, this one included."""
    total: int
    seconds: float
    """Since the translation started."""


ProgressCallback = Callable[[SegmentDone], None]
"""Called in the caller's thread after each segment, in the order segments finish."""


def detect_language(text: str) -> str:
    """ko, en or other, by script: Korean news is mostly Hangul even with Latin acronyms (AI, CES)."""
    letters = len(_LETTER.findall(text))
    if not letters:
        return "other"
    if len(_HANGUL.findall(text)) / letters >= 0.2:
        return "ko"
    return "en" if len(_LATIN.findall(text)) / letters >= 0.8 else "other"


def normalize_target(target: str) -> str:
    """BCP 47 codes, case-insensitively (zh-hans -> zh-Hans); zh, zh-CN and zh-TW as common aliases."""
    lowered = target.strip().lower()
    return _TARGET_ALIASES.get(lowered) or next((c for c in LANGUAGE_NAMES if c.lower() == lowered), target)


def split_sentences(text: str) -> list[str]:
    return [s for s in (part.strip() for part in _SENTENCE_END.split(text)) if s]


@dataclass
class SegmentResult:
    text: str
    problems: list[Problem]
    """Problems of the kept output (empty: it passed every check)."""
    first_problems: list[Problem] = field(default_factory=list)
    """Problems of the first attempt, before any retry (for measuring what retries fix)."""
    cached: bool = False
    engine_calls: int = 0


class Translator:
    def __init__(
        self,
        engine: TranslationEngine,
        *,
        glossary: Glossary | None = None,
        cache: TranslationCache | None = None,
        workers: int | None = None,
        retries: RetryPolicy = "fast",
    ) -> None:
        self.engine = engine
        self.retries: RetryPolicy = retries
        self.workers = workers if workers is not None else int(getattr(engine, "parallel", 1))
        """Segments translated at once (default: what the engine serves well at once)."""
        self.glossary = glossary if glossary is not None else Glossary([])
        self.cache = cache if cache is not None else TranslationCache(None)

    def translate(
        self,
        article: Article,
        target: str,
        *,
        progress: ProgressCallback | None = None,
        stop: StopCheck | None = None,
    ) -> Translation:
        """Every segment translated (up to `workers` at once); `stop` is polled between segments,
        sentences and, where the engine can, tokens: when it turns True, TranslationCancelled."""
        started = time.perf_counter()
        sample = " ".join([article.title, *article.paragraphs])
        source = detect_language(sample) if sample.strip() else article.language
        target = self.check_pair(source, target)
        segments = article_segments(article, source)
        results: dict[str, SegmentResult] = {}
        for name, result in self._run(segments, source, target, stop):
            results[name] = result
            if progress is not None:
                progress(
                    SegmentDone(
                        segment=name,
                        text=result.text,
                        warnings=[p.message for p in result.problems],
                        done=len(results),
                        total=len(segments),
                        seconds=round(time.perf_counter() - started, 3),
                    )
                )
        warnings = [
            SegmentWarning(segment=name, message="; ".join(p.message for p in result.problems))
            for name, _ in segments
            if (result := results[name]).problems
        ]
        return Translation(
            source_language=source,
            target_language=target,
            title=results["title"].text,
            subtitle=results["subtitle"].text if "subtitle" in results else None,
            byline=results["byline"].text if "byline" in results else None,
            paragraphs=[results[f"paragraph:{i}"].text for i in range(len(article.paragraphs))],
            captions=[results[f"caption:{i}"].text for i in range(len(article.captions))],
            engine=self.engine.name,
            model=self.engine.model,
            seconds=round(time.perf_counter() - started, 3),
            # Cached when no model was asked: every non-empty segment came from the cache.
            cached=any(r.cached for r in results.values()) and not any(r.engine_calls for r in results.values()),
            engine_calls=sum(r.engine_calls for r in results.values()),
            warnings=warnings,
        )

    def _run(
        self, segments: list[tuple[str, str]], source: str, target: str, stop: StopCheck | None
    ) -> Iterator[tuple[str, SegmentResult]]:
        """(name, result) as segments finish: in order with one worker, else as the pool finishes them."""
        if self.workers <= 1:
            for name, text in segments:
                yield name, self.translate_text(text, source, target, stop=stop)
            return
        # Cancelling must also stop segments already running: they poll this between tokens.
        halt = threading.Event()

        def stopped() -> bool:
            return halt.is_set() or (stop is not None and stop())

        pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="newsimpact-translate")
        try:
            futures: dict[Future[SegmentResult], str] = {
                pool.submit(self.translate_text, text, source, target, stop=stopped): name for name, text in segments
            }
            pending = set(futures)
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                # Yield in submission order among those finished together, so paragraphs appear in order.
                for future in sorted(finished, key=lambda f: list(futures).index(f)):
                    yield futures[future], future.result()
        finally:
            halt.set()
            pool.shutdown(wait=True, cancel_futures=True)

    @staticmethod
    def check_pair(source: str, target: str) -> str:
        """The normalised target, or a TranslationError naming what is supported."""
        code = normalize_target(target)
        if source not in SUPPORTED_TARGETS:
            raise TranslationError("cannot translate this text: it is neither Korean nor English")
        if code not in SUPPORTED_TARGETS[source]:
            allowed = ", ".join(SUPPORTED_TARGETS[source])
            what = LANGUAGE_NAMES.get(code, repr(target))
            raise TranslationError(
                f"cannot translate {LANGUAGE_NAMES[source]} into {what}: supported targets are {allowed}"
            )
        return code

    def translate_text(self, text: str, source: str, target: str, *, stop: StopCheck | None = None) -> SegmentResult:
        """One segment: first prompt, then a strict retry, then sentence by sentence; the best output kept."""
        text = text.strip()
        if not text:
            return SegmentResult(text="", problems=[])
        _check(stop)
        hits = self.hits(text, source, target)
        key = cache_key(text, source, target, self.engine.name, self.engine.model, hits)
        cached = self.cache.get(key)
        if cached is not None:
            problems = [Problem(check, message) for check, message in cached.problems]
            return SegmentResult(text=cached.text, problems=problems, first_problems=problems, cached=True)
        result = self._translate_checked(text, source, target, hits, stop)
        sentences = split_sentences(text)
        if len(sentences) > 1 and self._split_helps(result.problems):
            parts = [self._translate_sentence(s, source, target, stop) for s in sentences]
            joined = ("" if target in CJK_TARGETS else " ").join(p.text for p in parts)
            calls = result.engine_calls + sum(p.engine_calls for p in parts)
            by_sentence = SegmentResult(joined, self.check(text, joined, source, target, hits), engine_calls=calls)
            if score(by_sentence.problems) < score(result.problems):
                by_sentence.first_problems = result.first_problems
                result = by_sentence
            else:
                result.engine_calls = calls
        self.cache.put(key, CachedSegment(text=result.text, problems=[(p.check, p.message) for p in result.problems]))
        return result

    def _retry_helps(self, problems: list[Problem]) -> bool:
        """fast: a second call only for what a retry measurably fixes (bench/translation.py prints the
        fix rate per check); thorough: for any problem."""
        return self.retries == "thorough" or any(p.check in RETRY_CHECKS for p in problems)

    def _split_helps(self, problems: list[Problem]) -> bool:
        """Sentence by sentence only for a paragraph the model lost its way in (fast), or for any
        problem left (thorough): each sentence costs a call, and most problems survive the split."""
        if self.retries == "thorough":
            return bool(problems)
        return any(p.check in SPLIT_CHECKS for p in problems)

    def _translate_sentence(self, sentence: str, source: str, target: str, stop: StopCheck | None) -> SegmentResult:
        hits = self.hits(sentence, source, target)
        if self.retries == "thorough":
            return self._translate_checked(sentence, source, target, hits, stop)
        return self._attempt(sentence, source, target, hits, _notes(sentence, source, target), (), stop=stop)

    def hits(self, text: str, source: str, target: str) -> list[GlossaryHit]:
        """Glossary entries in the text, and (from Korean) people's names romanised."""
        names = name_hits(text, target) if source == "ko" else []
        return self.glossary.select(text, source, target) + names

    def check(self, source_text: str, output: str, source: str, target: str, hits: list[GlossaryHit]) -> list[Problem]:
        """Every check, with the knowledge base's companies for the "company not in the source" one."""
        invented = self.glossary.companies_not_in(source_text, output, target) if source == "ko" else []
        return check_output(source_text, output, source, target, hits, invented)

    def _translate_checked(
        self, text: str, source: str, target: str, hits: list[GlossaryHit], stop: StopCheck | None = None
    ) -> SegmentResult:
        """A first attempt and, if a check fails, one retry with the strict prompt naming the problems."""
        notes = _notes(text, source, target)
        first = self._attempt(text, source, target, hits, notes, (), stop=stop)
        if not first.problems or not self._retry_helps(first.problems):
            return first
        # A dropped day ("19일") comes back when the date leads the sentence; the checks still
        # compare against the original text.
        fronted = front_day_dates(text) if source == "ko" else text
        retry_text = fronted if any(p.check == "numbers" for p in first.problems) else text
        retry = self._attempt(
            retry_text,
            source,
            target,
            hits,
            notes,
            [p.message for p in first.problems],
            checked_against=text,
            stop=stop,
        )
        best = retry if score(retry.problems) < score(first.problems) else first
        return SegmentResult(best.text, best.problems, first_problems=first.problems, engine_calls=2)

    def _attempt(
        self,
        text: str,
        source: str,
        target: str,
        hits: list[GlossaryHit],
        notes: list[str],
        problems: tuple[str, ...] | list[str],
        checked_against: str | None = None,
        stop: StopCheck | None = None,
    ) -> SegmentResult:
        _check(stop)
        messages = build_messages(
            text,
            source,
            target,
            glossary=describe(hits),
            number_notes=notes,
            problems=problems,
            strict=bool(problems),
        )
        raw = self.engine.complete(messages, max_tokens=max_tokens(text, source), stop=stop)
        original = checked_against if checked_against is not None else text
        output = clean_output(raw, original, target)
        found = self.check(original, output, source, target, hits)
        return SegmentResult(output, found, first_problems=found, engine_calls=1)


def _notes(text: str, source: str, target: str) -> list[str]:
    """What the prompt spells out about the text's numbers and (from Korean) its sums of money."""
    return number_notes(text, target) + (money_notes(text, target) if source == "ko" else [])


def _check(stop: StopCheck | None) -> None:
    if stop is not None and stop():
        raise TranslationCancelled("translation cancelled")


def article_segments(article: Article, source: str) -> list[tuple[str, str]]:
    """(name, text) of everything a reader sees, in reading order: title, subtitle, byline, paragraphs, captions."""
    segments = [("title", article.title)]
    if article.subtitle is not None:
        segments.append(("subtitle", article.subtitle))
    byline = byline_text(article, source)
    if byline:
        segments.append(("byline", byline))
    segments += [(f"paragraph:{i}", p) for i, p in enumerate(article.paragraphs)]
    segments += [(f"caption:{i}", c.text) for i, c in enumerate(article.captions)]
    return segments


def byline_text(article: Article, source: str) -> str:
    """The byline as Korean papers print it ("[서울=연합뉴스] 김주현 기자"), so the model and the name
    romanisation see the usual pattern. Empty when the article names no reporter or place."""
    if source != "ko":
        return ""  # an English byline is a name and a place: nothing to translate
    dateline = article.dateline
    place = "=".join(part for part in (dateline.place, dateline.agency) if part) if dateline else ""
    name = article.reporter.name if article.reporter and article.reporter.name else ""
    if name and not name.endswith(("기자", "특파원")):
        name += " 기자"
    return " ".join(part for part in (f"[{place}]" if place else "", name) if part)


def max_tokens(text: str, source: str) -> int:
    """Room for a full translation plus slack, but a decoding loop stops early.
    Korean is dense: one Korean character becomes about 0.5-1 output token in any target."""
    return 48 + int(len(text) * (1.6 if source == "ko" else 1.0))
