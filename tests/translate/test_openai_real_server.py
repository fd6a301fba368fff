"""The openai engine against a real OpenAI-compatible server: llama-cpp-python's own server
(python -m llama_cpp.server) with the packaged GGUF, started here. Slow: a model load and a few
short completions on the CPU. Skips when llama-cpp-python, its server extras or the model are absent."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsimpact.article import Article
from newsimpact.config import Settings
from newsimpact.errors import TranslationCancelled, TranslationError
from newsimpact.translate import Translator
from newsimpact.translate.engines.local import machine_cores
from newsimpact.translate.engines.openai_compat import OpenAIEngine
from newsimpact.translate.glossary import load_glossary
from newsimpact.translate.local_server import MODEL_ALIAS, llama_server
from newsimpact.translate.model_file import packaged_model

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    for module in ("llama_cpp", "uvicorn", "sse_starlette", "starlette_context"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed (pip install -e '.[llama-server]' and the local model)")
    try:
        model: Path = packaged_model(Settings().translation.cache_dir)
    except TranslationError as exc:
        pytest.skip(f"the packaged model is not available: {exc}")
    with llama_server(model, n_threads=machine_cores(), n_ctx=2048) as url:
        yield url


def test_streamed_and_plain_answers_agree(base_url: str) -> None:
    messages = [{"role": "user", "content": "Translate into English: 코스피는 1.2% 올랐다."}]
    streamed = OpenAIEngine(base_url, MODEL_ALIAS, stream=True).complete(messages, 32)  # type: ignore[arg-type]
    plain = OpenAIEngine(base_url, MODEL_ALIAS, stream=False).complete(messages, 32)  # type: ignore[arg-type]
    assert "1.2" in streamed
    assert streamed.strip() == plain.strip()  # greedy decoding: the same text either way


def test_the_translator_through_the_server(base_url: str) -> None:
    engine = OpenAIEngine(base_url, MODEL_ALIAS, parallel=1)
    article = Article(
        title="코스피 1.2% 상승", paragraphs=["삼성전자는 영업이익이 10조 원을 넘었다고 밝혔다."], language="ko"
    )
    result = Translator(engine, glossary=load_glossary()).translate(article, "en")
    text = " ".join([result.title, *result.paragraphs])
    assert result.engine == "openai" and result.model == MODEL_ALIAS
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in text), text
    assert "1.2" in result.title and "Samsung Electronics" in result.paragraphs[0]


def test_a_cancelled_stream_leaves_the_server_usable(base_url: str) -> None:
    engine = OpenAIEngine(base_url, MODEL_ALIAS)
    pieces = []

    def stop() -> bool:
        pieces.append(1)
        return len(pieces) >= 3

    long_text = "다음 문장을 영어로 번역하라: " + "반도체 수출이 늘었다. " * 20
    with pytest.raises(TranslationCancelled):
        engine.complete([{"role": "user", "content": long_text}], 200, stop=stop)
    assert len(pieces) == 3
    assert engine.complete([{"role": "user", "content": "Say OK."}], 4)  # the next request is served
