"""The local engine's context pool, with a stand-in for llama_cpp (no model needed)."""

from __future__ import annotations

import sys
import threading
import time
import types
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from newsimpact.translate.engines.local import LlamaCppEngine


class _SlowLoadingLlama:
    """Records how many loads overlap: a real load swaps the process's stdout/stderr while it runs."""

    loading = 0
    most_at_once = 0
    lock = threading.Lock()

    def __init__(self, **options: Any) -> None:
        cls = type(self)
        with cls.lock:
            cls.loading += 1
            cls.most_at_once = max(cls.most_at_once, cls.loading)
        time.sleep(0.05)
        with cls.lock:
            cls.loading -= 1

    def create_chat_completion(self, **request: Any) -> Iterator[dict[str, Any]]:
        yield {"choices": [{"delta": {"content": "ok"}}]}


@pytest.fixture
def fake_llama_cpp(monkeypatch: pytest.MonkeyPatch) -> type[_SlowLoadingLlama]:
    module = types.ModuleType("llama_cpp")
    module.Llama = _SlowLoadingLlama  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "llama_cpp", module)
    _SlowLoadingLlama.loading = _SlowLoadingLlama.most_at_once = 0
    return _SlowLoadingLlama


def test_contexts_needed_at_once_are_loaded_one_after_another(
    fake_llama_cpp: type[_SlowLoadingLlama], tmp_path: Path
) -> None:
    engine = LlamaCppEngine("fake", lambda: tmp_path / f"model-{id(tmp_path)}.gguf", slots=4, n_threads=1)
    messages = [{"role": "user", "content": "번역"}]
    with ThreadPoolExecutor(4) as pool:
        outputs = list(pool.map(lambda _: engine.complete(messages, max_tokens=8), range(4)))  # type: ignore[arg-type]
    assert outputs == ["ok"] * 4
    assert fake_llama_cpp.most_at_once == 1
