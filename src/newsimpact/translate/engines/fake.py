"""A deterministic engine for tests: glossary lookup, then Revised Romanization of what is left.

It reads the same prompt every engine gets (source text and glossary lines), so tests of the
Translator exercise the real machinery. Romanising (instead of echoing Hangul) keeps its output
free of Hangul, so the checks pass and a test sees a clean Translation unless it wants otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsimpact.errors import TranslationCancelled
from newsimpact.translate.checks import currency_notes, number_mentions
from newsimpact.translate.engines import ChatMessage, StopCheck
from newsimpact.translate.names import romanize
from newsimpact.translate.prompts import parse_prompt


class FakeEngine:
    """Returns "[target] " + the source with glossary terms replaced, numbers in digits, Hangul romanised."""

    name = "fake"

    def __init__(self, model: str = "fake-1", parallel: int = 1) -> None:
        self.model = model
        self.parallel = parallel
        self.calls: list[Sequence[ChatMessage]] = []
        """Every prompt it was sent, so tests can count engine calls (cache hits make none)."""

    def complete(self, messages: Sequence[ChatMessage], max_tokens: int, stop: StopCheck | None = None) -> str:
        if stop is not None and stop():
            raise TranslationCancelled("translation cancelled")
        self.calls.append(list(messages))
        prompt = parse_prompt(messages)
        text = prompt.text
        # Longest term first, so 과기정통부 wins over a shorter term inside it.
        for source, target in sorted(prompt.glossary, key=lambda pair: -len(pair[0])):
            text = text.replace(source, f" {target} ")
        # Korean number units become plain digits (270억 -> 27,000,000,000), as a translator converts them.
        for mention in number_mentions(text):
            if any(unit in mention.text for unit in "만억조"):
                text = text.replace(mention.text, f"{max(mention.values):,.0f}")
        # Currency words after an amount, as a translator names them (270억달러 -> 27,000,000,000 dollars).
        if prompt.source == "ko":
            for korean, name in currency_notes(prompt.text, prompt.target):
                text = re.sub(rf"(\d)\s*{korean}", rf"\1 {name} ", text)
        text = " ".join(romanize(text).split())
        return f"[{prompt.target}] {text}"
