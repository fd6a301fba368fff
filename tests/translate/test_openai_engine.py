"""The OpenAI-compatible engine against an httpx MockTransport."""

from __future__ import annotations

import json

import httpx
import pytest

from newsimpact.article import Article
from newsimpact.errors import TranslationError
from newsimpact.translate import Translator
from newsimpact.translate.engines.openai_compat import OpenAIEngine
from newsimpact.translate.prompts import parse_prompt


def streaming(pieces: list[str], seen: list[httpx.Request]) -> httpx.MockTransport:
    """An SSE answer as OpenAI-compatible servers send it: role chunk, content chunks, [DONE]."""

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        events = [{"choices": [{"delta": {"role": "assistant"}}]}]
        events += [{"choices": [{"delta": {"content": piece}}]} for piece in pieces]
        events += [{"choices": [{"delta": {}, "finish_reason": "stop"}]}]
        body = "".join(f"data: {json.dumps(e)}\n\n" for e in events) + ": keep-alive\n\ndata: [DONE]\n\n"
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, text=body)

    return httpx.MockTransport(handler)


def answering(content: str, seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"choices": [{"message": {"role": "assistant", "content": content}}]})

    return httpx.MockTransport(handler)


def test_request_is_a_deterministic_chat_completion() -> None:
    seen: list[httpx.Request] = []
    engine = OpenAIEngine(
        "http://llm.local:8000/v1/", "qwen2.5-7b", "secret", seed=7, stream=False, transport=answering("Hi", seen)
    )
    text = engine.complete([{"role": "user", "content": "안녕"}], max_tokens=64)
    assert text == "Hi"
    request = seen[0]
    assert str(request.url) == "http://llm.local:8000/v1/chat/completions"
    assert request.headers["Authorization"] == "Bearer secret"
    body = json.loads(request.content)
    assert body["model"] == "qwen2.5-7b" and body["temperature"] == 0 and body["seed"] == 7
    assert body["max_tokens"] == 64 and body["messages"] == [{"role": "user", "content": "안녕"}]


def test_no_key_no_authorization_header() -> None:
    seen: list[httpx.Request] = []
    OpenAIEngine("http://localhost:11434/v1", "llama3", stream=False, transport=answering("x", seen)).complete([], 8)
    assert "Authorization" not in seen[0].headers


def test_the_translator_uses_it_like_any_engine() -> None:
    seen: list[httpx.Request] = []
    engine = OpenAIEngine("http://llm.local/v1", "m", transport=answering("Rates were kept at 3.5%.", seen))
    result = Translator(engine).translate(Article(title="금리 3.5% 동결"), "en")
    assert result.title == "Rates were kept at 3.5%." and result.engine == "openai" and result.model == "m"
    sent = json.loads(seen[0].content)["messages"]
    assert parse_prompt(sent).text == "금리 3.5% 동결"


@pytest.mark.parametrize(
    ("handler", "message"),
    [
        (lambda r: httpx.Response(401, json={"error": {"message": "bad key"}}), "answered HTTP 401: .*bad key"),
        (lambda r: httpx.Response(200, json={"id": "x"}), "without choices"),
        (lambda r: httpx.Response(200, text="<html>proxy</html>"), "without choices"),
    ],
)
def test_failures_are_translation_errors(handler: object, message: str) -> None:
    engine = OpenAIEngine("http://llm.local/v1", "m", transport=httpx.MockTransport(handler))  # type: ignore[arg-type]
    with pytest.raises(TranslationError, match=message):
        engine.complete([{"role": "user", "content": "x"}], 8)


def test_unreachable_endpoint() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    engine = OpenAIEngine("http://llm.local/v1", "m", transport=httpx.MockTransport(refuse))
    with pytest.raises(TranslationError, match=r"cannot reach http://llm\.local/v1"):
        engine.complete([{"role": "user", "content": "x"}], 8)


def test_streamed_answers_are_joined() -> None:
    seen: list[httpx.Request] = []
    engine = OpenAIEngine("http://llm.local/v1", "m", transport=streaming(["Rates ", "were kept ", "at 3.5%."], seen))
    assert engine.complete([{"role": "user", "content": "x"}], 16) == "Rates were kept at 3.5%."
    assert json.loads(seen[0].content)["stream"] is True


def test_a_server_that_ignores_stream_answers_with_json() -> None:
    engine = OpenAIEngine("http://llm.local/v1", "m", transport=answering("Plain answer.", []))
    assert engine.complete([{"role": "user", "content": "x"}], 16) == "Plain answer."


def test_a_stop_request_ends_the_stream() -> None:
    from newsimpact.errors import TranslationCancelled

    pieces = ["one ", "two ", "three ", "four "]
    engine = OpenAIEngine("http://llm.local/v1", "m", transport=streaming(pieces, []))
    calls = []

    def stop() -> bool:
        calls.append(1)
        return len(calls) >= 2

    with pytest.raises(TranslationCancelled):
        engine.complete([{"role": "user", "content": "x"}], 16, stop=stop)
    assert len(calls) == 2  # stopped after the second piece, the rest never read


def test_a_streamed_error_event_is_a_translation_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        body = 'data: {"error": {"message": "model overloaded"}}\n\n'
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, text=body)

    engine = OpenAIEngine("http://llm.local/v1", "m", transport=httpx.MockTransport(handler))
    with pytest.raises(TranslationError, match="model overloaded"):
        engine.complete([{"role": "user", "content": "x"}], 8)
