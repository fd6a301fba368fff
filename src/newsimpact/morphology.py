"""Korean morphology (kiwipiepy), loaded once per process on first use: the tracker's negation
reading and the translator's name check share one analyser (its model takes ~1 s and ~100 MB)."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any


@cache
def kiwi() -> Any:
    from kiwipiepy import Kiwi

    return Kiwi()


def is_proper_noun(word: str, context: str = "") -> bool:
    """True when kiwipiepy reads `word` (followed by `context`) as one proper noun (NNP)."""
    tokens = kiwi().tokenize(word + context)
    return bool(tokens) and tokens[0].tag == "NNP" and tokens[0].form == word


def looks_like_a_name(word: str) -> bool:
    """True when kiwipiepy reads `word` as holding a proper noun, or as one unknown-looking noun of four
    syllables or more (a transliterated name: 탈렌에너지, 콘스텔레이션), not as known words (광고매출, 하루)."""
    tokens = kiwi().tokenize(word)
    if any(t.tag == "NNP" for t in tokens):
        return True
    return len(tokens) == 1 and tokens[0].tag == "NNG" and len(word) >= 4


def is_common_noun(word: str) -> bool:
    """True when kiwipiepy reads the whole of `word` as ordinary nouns (전기차 = 전기 + 차, 반도체)."""
    tokens = kiwi().tokenize(word)
    return bool(tokens) and all(t.tag == "NNG" for t in tokens) and sum(t.len for t in tokens) == len(word)


_QUESTION_ENDINGS = frozenset({"나", "ᆯ까", "을까", "까", "는가", "ᆫ가", "은가", "니", "려나", "으려나"})
"""Sentence-final endings that ask (이어지나, 오를까, 되는가): grammar of the language, not knowledge."""
_PAST = frozenset({"었", "았", "였", "했"})


@lru_cache(maxsize=4096)
def is_question(text: str) -> bool:
    """A sentence or headline that asks whether something will happen ("유가 더 오를까", "반등하나")
    rather than reporting that it did. A question about a past move ("왜 떨어졌나") still reports it."""
    stripped = text.rstrip(" .\"'”’)]")
    if stripped.endswith(("?", "？")):
        return True
    if not stripped.endswith(("나", "까", "가", "니")):
        return False  # the common case, without running the analyser
    tokens = [t for t in kiwi().tokenize(stripped) if t.tag != "SF"]
    if len(tokens) < 2 or tokens[-1].tag not in ("EF", "EC") or tokens[-1].form not in _QUESTION_ENDINGS:
        return False
    return tokens[-2].form not in _PAST


def has_adnominal_clause(text: str) -> bool:
    """The words hold a verb that modifies a noun after it ("배터리 데이 앞둔", "애플에 납품하는"):
    a name before such a verb is inside a clause describing something else."""
    return any(token.tag == "ETM" for token in kiwi().tokenize(text))


@lru_cache(maxsize=4096)
def ends_in_noun(text: str) -> bool:
    """The last word is a bare noun, no particle or verb ending after it ("…모비스" yes, "…겹쳐" and
    "…의혹에" no): in a headline, what stands right before a share move is then its subject."""
    tokens = [t for t in kiwi().tokenize(text) if t.tag not in ("SF", "SP", "SS", "SSO", "SSC", "SW")]
    return bool(tokens) and (tokens[-1].tag.startswith("NN") or tokens[-1].tag in ("SL", "SH"))
