"""Korean grammar the tracker reads: particles chosen by the final sound of the word before them
(엔비디아가, 애플을, 인텔이), and whether a headline story asks rather than reports."""

from __future__ import annotations

import re

from newsimpact.morphology import is_question

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RIEUL = 8
"""Index of ㄹ among final consonants: 으로/로 takes 로 after it (서울로)."""
_DIGITS_WITH_FINAL = set("013678")
"""영, 일, 삼, 육, 칠, 팔 end in a consonant; 이, 사, 오, 구 do not."""
_LETTER_FINAL = set("LMNR")
"""Latin capitals read as letters: 엘, 엠, 엔, 알 end in a consonant (GM이, IBM이, MS가)."""
_WORD_FINAL = re.compile(r"(?:[bcdfgjklmnpqstvxz]|ng|ck)$")
"""A Latin word read as a word: it ends in a consonant sound (Intel이, Apple은 is 애플은 — rare)."""


def final_consonant(word: str) -> int | None:
    """0 = none, >0 = which final consonant, None = cannot tell."""
    text = word.rstrip(" )]'\"”’")
    if not text:
        return None
    last = text[-1]
    code = ord(last)
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        return (code - _HANGUL_FIRST) % 28
    if last.isdigit():
        return 1 if last in _DIGITS_WITH_FINAL else 0
    if last.isascii() and last.isalpha():
        if text.isupper() or (len(text) <= 4 and last.isupper()):
            return 1 if last in _LETTER_FINAL else 0
        return 1 if _WORD_FINAL.search(text.lower()) else 0
    return None


def particle(word: str, pair: str) -> str:
    """`pair` is "with/without" a final consonant: 이/가, 을/를, 은/는, 과/와, 으로/로, 이라/라."""
    with_final, _, without = pair.partition("/")
    final = final_consonant(word)
    if final is None:
        final = 1  # unknown script: the form after a consonant reads better in most fallbacks
    if with_final == "으로" and final == _RIEUL:
        return word + without
    return word + (with_final if final else without)


_SLOT = re.compile(r"\{name(?::([^}]+))?\}")


def fill(template: str, name: str) -> str:
    """Replace {name} and {name:이/가} in a rationale template."""
    return _SLOT.sub(lambda m: particle(name, m.group(1)) if m.group(1) else name, template)


HEADLINE_TOPIC = re.compile(r"^\s*[\[(<【]?[^,，…\"“”]{1,24}?[,，]\s")
"""A Korean headline's "X, …" topic: what the headline is about."""


def topic_end(headline: str) -> int | None:
    """Where the headline's "X, …" topic ends (after its comma), or None when it has none."""
    topic = HEADLINE_TOPIC.match(headline)
    return topic.end() if topic is not None else None


def story_bounds(text: str, position: int) -> tuple[int, int]:
    """The story of a headline holding `position`: headlines join stories with "…" ("A 급등…B 약세");
    the whole text when there is none."""
    start = text.rfind("…", 0, position) + 1
    end = text.find("…", position)
    return start, len(text) if end == -1 else end


def asks(text: str, position: int) -> bool:
    """The headline story holding `position` is a question, not a report."""
    start, end = story_bounds(text, position)
    return is_question(text[start:end])
