"""Translation engines: one small protocol, three implementations (local llama.cpp, OpenAI-compatible, fake).

An engine only turns chat messages into text. Everything that makes the output publishable
(prompts, glossary, checks, retries, cache) lives in the Translator, so every engine gets it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal, Protocol, TypedDict


class ChatMessage(TypedDict):
    role: Literal["system", "user", "assistant"]
    content: str


StopCheck = Callable[[], bool]
"""Returns True when the caller no longer wants the answer (checked between tokens where the engine can)."""


class TranslationEngine(Protocol):
    name: str
    """Engine kind: local, openai, fake (part of the cache key)."""
    model: str
    """The model the engine runs (part of the cache key)."""
    parallel: int
    """How many completions it serves well at once: the Translator sends that many segments together."""

    def complete(self, messages: Sequence[ChatMessage], max_tokens: int, stop: StopCheck | None = None) -> str:
        """Greedy (temperature 0, fixed seed) chat completion; returns the assistant's text.

        `stop` is polled while decoding where the engine can; when it turns True the engine stops
        and raises TranslationCancelled."""
        ...
