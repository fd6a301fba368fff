"""Any OpenAI-compatible chat endpoint (vLLM, Ollama, llama.cpp server, hosted APIs), through httpx."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx

from newsimpact.errors import TranslationError
from newsimpact.translate.engines import ChatMessage


class OpenAIEngine:
    name = "openai"

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        *,
        timeout_s: float = 120.0,
        seed: int = 0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.model = model
        self.base_url = base_url.rstrip("/")
        self._seed = seed
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(base_url=self.base_url, headers=headers, timeout=timeout_s, transport=transport)

    def complete(self, messages: Sequence[ChatMessage], max_tokens: int) -> str:
        payload = {
            "model": self.model,
            "messages": list(messages),
            "max_tokens": max_tokens,
            "temperature": 0,
            "seed": self._seed,
            "stream": False,
        }
        try:
            response = self._client.post("/chat/completions", json=payload)
        except httpx.HTTPError as exc:
            raise TranslationError(f"openai engine: cannot reach {self.base_url}: {exc}") from exc
        if response.status_code >= 400:
            detail = " ".join(response.text.split())[:200]
            raise TranslationError(f"openai engine: {self.base_url} answered HTTP {response.status_code}: {detail}")
        try:
            data: Any = response.json()
            content = data["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise TranslationError(f"openai engine: {self.base_url} sent an answer without choices[0].message") from exc
        return str(content or "")
