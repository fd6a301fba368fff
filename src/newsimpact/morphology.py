"""Korean morphology (kiwipiepy), loaded once per process on first use: the tracker's negation
reading and the translator's name check share one analyser (its model takes ~1 s and ~100 MB)."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def kiwi() -> Any:
    from kiwipiepy import Kiwi

    return Kiwi()


def is_proper_noun(word: str, context: str = "") -> bool:
    """True when kiwipiepy reads `word` (followed by `context`) as one proper noun (NNP)."""
    tokens = kiwi().tokenize(word + context)
    return bool(tokens) and tokens[0].tag == "NNP" and tokens[0].form == word


def is_common_noun(word: str) -> bool:
    """True when kiwipiepy reads the whole of `word` as ordinary nouns (전기차 = 전기 + 차, 반도체)."""
    tokens = kiwi().tokenize(word)
    return bool(tokens) and all(t.tag == "NNG" for t in tokens) and sum(t.len for t in tokens) == len(word)
