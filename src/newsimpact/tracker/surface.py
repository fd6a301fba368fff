"""Fast space-insensitive matching of many surface forms (names, triggers, lexicon terms) in text.

Korean newsrooms space names freely (록히드 마틴 / 록히드마틴), so text and surfaces are compared
with whitespace removed; offsets are mapped back to the original text. Candidates are found by a
two-character index, so the cost grows with the text, not with the number of surfaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, Literal, TypeVar

PayloadT = TypeVar("PayloadT")
Boundary = Literal["korean", "latin", "none"]
_LETTER_CODE = re.compile(r"^[A-Z0-9&.]{1,5}$")
"""A ticker or a short capital-letter name (STX, MS, GM)."""


def is_hangul(char: str) -> bool:
    return "가" <= char <= "힣" or "ㄱ" <= char <= "ㆎ"


def is_cjk_ideograph(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def is_latin_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


@dataclass(frozen=True)
class Surface(Generic[PayloadT]):
    text: str
    payload: PayloadT
    case_sensitive: bool = False
    boundary: Boundary = "none"
    spaced: bool | None = None
    """May the text put spaces inside the match? Names: yes (록히드 마틴 = 록히드마틴). Words: only
    where the word itself has a space, so 고통 never matches across "그리고 통신". None: decide so."""

    @property
    def allows_spaces(self) -> bool:
        return self.spaced if self.spaced is not None else " " in self.text.strip()


@dataclass(frozen=True)
class Hit(Generic[PayloadT]):
    start: int
    end: int
    surface: Surface[PayloadT]


class NormalisedText:
    """Text with whitespace removed (raw and lower-cased) and a map back to original offsets."""

    __slots__ = ("lower", "positions", "raw", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        raw_chars: list[str] = []
        positions: list[int] = []
        for index, char in enumerate(text):
            if not char.isspace():
                raw_chars.append(char)
                positions.append(index)
        self.raw = "".join(raw_chars)
        lowered = [c.lower() if len(c.lower()) == 1 else c for c in raw_chars]
        self.lower = "".join(lowered)
        self.positions = positions


@lru_cache(maxsize=8192)
def normalised(text: str) -> NormalisedText:
    """One NormalisedText per distinct text: linking, themes and polarity all read the same sentences."""
    return NormalisedText(text)


def squash(text: str) -> str:
    """Whitespace removed: how Korean text and surfaces are compared."""
    return "".join(text.split())


def squash_lower(text: str) -> str:
    return squash(text).lower()


class SurfaceIndex(Generic[PayloadT]):
    def __init__(
        self, surfaces: Iterable[Surface[PayloadT]], suffixes: Sequence[str] = (), name_endings: Sequence[str] = ()
    ) -> None:
        self._by_key: dict[str, list[tuple[str, Surface[PayloadT]]]] = {}
        for surface in surfaces:
            squashed = squash(surface.text)
            if not squashed:
                continue
            needle = squashed if surface.case_sensitive else squashed.lower()
            self._by_key.setdefault(needle[:2].lower(), []).append((needle, surface))
        for candidates in self._by_key.values():
            candidates.sort(key=lambda item: -len(item[0]))
        self._suffixes = frozenset(suffixes)
        self._max_suffix = max((len(s) for s in suffixes), default=0)
        self._name_endings = tuple(name_endings)

    def find(self, text: str | NormalisedText) -> list[Hit[PayloadT]]:
        norm = text if isinstance(text, NormalisedText) else normalised(text)
        hits: list[Hit[PayloadT]] = []
        lower, raw = norm.lower, norm.raw
        for i in range(len(lower)):
            candidates = self._by_key.get(lower[i : i + 2], [])
            if i + 1 < len(lower):
                # One-character needles ("↑", "▲") are keyed by that character alone: look them up
                # at every position, not only at the end of the text ("2.7%↑…유가" holds one).
                candidates = candidates + self._by_key.get(lower[i], [])
            elif not candidates:
                candidates = self._by_key.get(lower[i], [])
            if not candidates:
                continue
            for needle, surface in candidates:
                haystack = raw if surface.case_sensitive else lower
                if not haystack.startswith(needle, i):
                    continue
                start = norm.positions[i]
                end = norm.positions[i + len(needle) - 1] + 1
                if end - start != len(needle) and not surface.allows_spaces:
                    continue
                if self._boundaries_ok(norm.text, start, end, surface):
                    hits.append(Hit(start, end, surface))
        return hits

    def _boundaries_ok(self, text: str, start: int, end: int, surface: Surface[PayloadT]) -> bool:
        if surface.boundary == "none":
            return True
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        first, last = text[start], text[end - 1]
        if is_latin_alnum(first) and is_latin_alnum(before):
            return False
        if is_hangul(first) and is_hangul(before):
            return False
        if is_latin_alnum(last):
            if is_latin_alnum(after):
                return False
            if is_hangul(after) and _LETTER_CODE.match(text[start:end]):
                # "STX중공업", "MS그룹": letters that begin a Korean company's name ("GM이", "GM공장"
                # are GM).
                return not text.startswith(self._name_endings, end)
            return True
        if is_hangul(last) and is_hangul(after):
            return surface.boundary == "korean" and self._suffix_ok(text, end)
        return True

    def _suffix_ok(self, text: str, end: int) -> bool:
        """The rest of the Korean word must be particles/suffixes only (애플+은 yes, 애플+리케이션 no)."""
        stop = end
        while stop < len(text) and is_hangul(text[stop]):
            stop += 1
        rest = text[end:stop]
        if len(rest) > 3 * self._max_suffix:
            return False
        reachable = [True] + [False] * len(rest)
        for i in range(len(rest)):
            if not reachable[i]:
                continue
            for j in range(i + 1, min(len(rest), i + self._max_suffix) + 1):
                if rest[i:j] in self._suffixes:
                    reachable[j] = True
        return reachable[-1]


def longest_non_overlapping(hits: list[Hit[PayloadT]]) -> list[Hit[PayloadT]]:
    """Prefer longer matches (한국GM over GM, 삼성전자 over 삼성); ties keep the earlier one."""
    chosen: list[Hit[PayloadT]] = []
    taken: list[tuple[int, int]] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if any(hit.start < end and start < hit.end for start, end in taken):
            continue
        chosen.append(hit)
        taken.append((hit.start, hit.end))
    return sorted(chosen, key=lambda h: h.start)
