"""The Translator: Article -> Translation, one segment at a time, checked, retried and cached."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from newsimpact.article import Article
from newsimpact.errors import TranslationError
from newsimpact.translate.cache import CachedSegment, TranslationCache, cache_key
from newsimpact.translate.checks import Problem, check_output, front_day_dates, number_notes, score
from newsimpact.translate.engines import TranslationEngine
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

ProgressCallback = Callable[[int, int], None]
"""Called with (segments done, segments in all) after each segment."""


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
    ) -> None:
        self.engine = engine
        self.glossary = glossary if glossary is not None else Glossary([])
        self.cache = cache if cache is not None else TranslationCache(None)

    def translate(self, article: Article, target: str, *, progress: ProgressCallback | None = None) -> Translation:
        started = time.perf_counter()
        sample = " ".join([article.title, *article.paragraphs])
        source = detect_language(sample) if sample.strip() else article.language
        target = self.check_pair(source, target)
        segments = [("title", article.title)]
        if article.subtitle is not None:
            segments.append(("subtitle", article.subtitle))
        segments += [(f"paragraph:{i}", p) for i, p in enumerate(article.paragraphs)]
        segments += [(f"caption:{i}", c.text) for i, c in enumerate(article.captions)]
        results: dict[str, SegmentResult] = {}
        for done, (name, text) in enumerate(segments, 1):
            results[name] = self.translate_text(text, source, target)
            if progress is not None:
                progress(done, len(segments))
        warnings = [
            SegmentWarning(segment=name, message="; ".join(p.message for p in result.problems))
            for name, result in results.items()
            if result.problems
        ]
        return Translation(
            source_language=source,
            target_language=target,
            title=results["title"].text,
            subtitle=results["subtitle"].text if "subtitle" in results else None,
            paragraphs=[results[f"paragraph:{i}"].text for i in range(len(article.paragraphs))],
            captions=[results[f"caption:{i}"].text for i in range(len(article.captions))],
            engine=self.engine.name,
            model=self.engine.model,
            seconds=round(time.perf_counter() - started, 3),
            # Cached when no model was asked: every non-empty segment came from the cache.
            cached=any(r.cached for r in results.values()) and not any(r.engine_calls for r in results.values()),
            warnings=warnings,
        )

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

    def translate_text(self, text: str, source: str, target: str) -> SegmentResult:
        """One segment: first prompt, then a strict retry, then sentence by sentence; the best output kept."""
        text = text.strip()
        if not text:
            return SegmentResult(text="", problems=[])
        hits = self.hits(text, source, target)
        key = cache_key(text, source, target, self.engine.name, self.engine.model, hits)
        cached = self.cache.get(key)
        if cached is not None:
            problems = [Problem(check, message) for check, message in cached.problems]
            return SegmentResult(text=cached.text, problems=problems, first_problems=problems, cached=True)
        result = self._translate_checked(text, source, target, hits)
        sentences = split_sentences(text)
        if result.problems and len(sentences) > 1:
            parts = [self._translate_checked(s, source, target, self.hits(s, source, target)) for s in sentences]
            joined = ("" if target in CJK_TARGETS else " ").join(p.text for p in parts)
            calls = result.engine_calls + sum(p.engine_calls for p in parts)
            by_sentence = SegmentResult(joined, check_output(text, joined, source, target, hits), engine_calls=calls)
            if score(by_sentence.problems) < score(result.problems):
                by_sentence.first_problems = result.first_problems
                result = by_sentence
            else:
                result.engine_calls = calls
        self.cache.put(key, CachedSegment(text=result.text, problems=[(p.check, p.message) for p in result.problems]))
        return result

    def hits(self, text: str, source: str, target: str) -> list[GlossaryHit]:
        """Glossary entries in the text, and (from Korean) people's names romanised."""
        names = name_hits(text, target) if source == "ko" else []
        return self.glossary.select(text, source, target) + names

    def _translate_checked(self, text: str, source: str, target: str, hits: list[GlossaryHit]) -> SegmentResult:
        """A first attempt and, if a check fails, one retry with the strict prompt naming the problems."""
        notes = number_notes(text, target)
        first = self._attempt(text, source, target, hits, notes, ())
        if not first.problems:
            return first
        # A dropped day ("19일") comes back when the date leads the sentence; the checks still
        # compare against the original text.
        fronted = front_day_dates(text) if source == "ko" else text
        retry_text = fronted if any(p.check == "numbers" for p in first.problems) else text
        retry = self._attempt(
            retry_text, source, target, hits, notes, [p.message for p in first.problems], checked_against=text
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
    ) -> SegmentResult:
        messages = build_messages(
            text,
            source,
            target,
            glossary=describe(hits),
            number_notes=notes,
            problems=problems,
            strict=bool(problems),
        )
        raw = self.engine.complete(messages, max_tokens=max_tokens(text, source))
        original = checked_against if checked_against is not None else text
        output = clean_output(raw, original, target)
        found = check_output(original, output, source, target, hits)
        return SegmentResult(output, found, first_problems=found, engine_calls=1)


def max_tokens(text: str, source: str) -> int:
    """Room for a full translation plus slack, but a decoding loop stops early.
    Korean is dense: one Korean character becomes about 0.5-1 output token in any target."""
    return 48 + int(len(text) * (1.6 if source == "ko" else 1.0))
