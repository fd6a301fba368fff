"""A deterministic engine for tests: glossary lookup, then Revised Romanization of what is left.

It reads the same prompt every engine gets (source text and glossary lines), so tests of the
Translator exercise the real machinery. Romanising (instead of echoing Hangul) keeps its output
free of Hangul, so the checks pass and a test sees a clean Translation unless it wants otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsimpact.translate.checks import number_mentions
from newsimpact.translate.engines import ChatMessage
from newsimpact.translate.names import romanize
from newsimpact.translate.prompts import parse_prompt


class FakeEngine:
    """Returns "[target] " + the source with glossary terms replaced, numbers in digits, Hangul romanised."""

    name = "fake"

    def __init__(self, model: str = "fake-1") -> None:
        self.model = model
        self.calls: list[Sequence[ChatMessage]] = []
        """Every prompt it was sent, so tests can count engine calls (cache hits make none)."""

    def complete(self, messages: Sequence[ChatMessage], max_tokens: int) -> str:
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
        text = " ".join(romanize(text).split())
        return f"[{prompt.target}] {text}"
