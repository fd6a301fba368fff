"""Any OpenAI-compatible chat endpoint (vLLM, Ollama, llama.cpp server, hosted APIs), through httpx.

Answers are streamed (server-sent events), so a cancelled job closes the connection within one
token and the server stops decoding for it. `stream=False` asks for one JSON answer instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

import httpx

from newsimpact.errors import TranslationCancelled, TranslationError
from newsimpact.translate.engines import ChatMessage, StopCheck


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
        stream: bool = True,
        parallel: int = 4,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.model = model
        self.base_url = base_url.rstrip("/")
        self.stream = stream
        self.parallel = parallel
        """A server batches concurrent requests: several segments at once cost little more than one."""
        self._seed = seed
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(base_url=self.base_url, headers=headers, timeout=timeout_s, transport=transport)

    def complete(self, messages: Sequence[ChatMessage], max_tokens: int, stop: StopCheck | None = None) -> str:
        payload = {
            "model": self.model,
            "messages": list(messages),
            "max_tokens": max_tokens,
            "temperature": 0,
            "seed": self._seed,
            "stream": self.stream,
        }
        try:
            if not self.stream:
                response = self._client.post("/chat/completions", json=payload)
                self._raise_for_status(response, response.text)
                return self._content(response)
            with self._client.stream("POST", "/chat/completions", json=payload) as response:
                if response.status_code >= 400:
                    self._raise_for_status(response, response.read().decode("utf-8", "replace"))
                if "text/event-stream" not in response.headers.get("content-type", ""):
                    response.read()  # a server that ignores stream=true answers with one JSON body
                    return self._content(response)
                parts: list[str] = []
                for delta in _deltas(response.iter_lines(), self.base_url):
                    parts.append(delta)
                    if stop is not None and stop():
                        raise TranslationCancelled("translation cancelled")  # closing the stream frees the server
                return "".join(parts)
        except httpx.HTTPError as exc:
            raise TranslationError(f"openai engine: cannot reach {self.base_url}: {exc}") from exc

    def _raise_for_status(self, response: httpx.Response, body: str) -> None:
        if response.status_code >= 400:
            detail = " ".join(body.split())[:200]
            raise TranslationError(f"openai engine: {self.base_url} answered HTTP {response.status_code}: {detail}")

    def _content(self, response: httpx.Response) -> str:
        try:
            data: Any = response.json()
            content = data["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise TranslationError(f"openai engine: {self.base_url} sent an answer without choices[0].message") from exc
        return str(content or "")


def _deltas(lines: Iterator[str], base_url: str) -> Iterator[str]:
    """The text pieces of a chat-completion event stream ("data: {...}" lines, ended by "data: [DONE]")."""
    for line in lines:
        if not line.startswith("data:"):
            continue  # blank separators, comments (": ping"), event names
        data = line[5:].strip()
        if data == "[DONE]":
            return
        try:
            event: Any = json.loads(data)
        except ValueError as exc:
            raise TranslationError(f"openai engine: {base_url} streamed an event that is not JSON") from exc
        if isinstance(event, dict) and "error" in event:
            raise TranslationError(f"openai engine: {base_url} streamed an error: {event['error']}")
        try:
            choice = event["choices"][0]
        except (KeyError, IndexError, TypeError):
            continue  # usage-only chunks carry no choices
        piece = (choice.get("delta") or {}).get("content")
        if piece:
            yield str(piece)
