"""Translation engines: one small protocol, three implementations (local llama.cpp, OpenAI-compatible, fake).

An engine only turns chat messages into text. Everything that makes the output publishable
(prompts, glossary, checks, retries, cache) lives in the Translator, so every engine gets it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol, TypedDict


class ChatMessage(TypedDict):
    role: Literal["system", "user", "assistant"]
    content: str


class TranslationEngine(Protocol):
    name: str
    """Engine kind: local, openai, fake (part of the cache key)."""
    model: str
    """The model the engine runs (part of the cache key)."""

    def complete(self, messages: Sequence[ChatMessage], max_tokens: int) -> str:
        """Greedy (temperature 0, fixed seed) chat completion; returns the assistant's text."""
        ...
