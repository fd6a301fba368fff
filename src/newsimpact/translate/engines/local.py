"""llama.cpp in-process (llama-cpp-python): the default, offline engine."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newsimpact.errors import TranslationError
from newsimpact.translate.engines import ChatMessage


class LlamaCppEngine:
    """Loads the GGUF on first use, so building a Translator (or a fully cached article) costs nothing."""

    name = "local"

    def __init__(
        self,
        model: str,
        locate: Callable[[], Path],
        *,
        n_threads: int = 1,
        n_ctx: int = 4096,
        seed: int = 0,
        n_gpu_layers: int = 0,
    ) -> None:
        self.model = model
        self._locate = locate
        self._options: dict[str, Any] = {
            "n_threads": n_threads,
            "n_threads_batch": n_threads,
            "n_ctx": n_ctx,
            "seed": seed,
            "n_gpu_layers": n_gpu_layers,
        }
        self._seed = seed
        self._llama: Any = None
        self._lock = threading.Lock()  # a llama.cpp context is not safe to share between threads
        self.load_seconds: float | None = None

    def _load(self) -> Any:
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise TranslationError(
                "the local engine needs llama-cpp-python: run scripts/install-local-model.sh "
                "(or choose another engine with --engine openai)"
            ) from exc
        path = self._locate()
        started = time.perf_counter()
        try:
            llama = Llama(model_path=str(path), verbose=False, **self._options)
        except (ValueError, RuntimeError) as exc:
            raise TranslationError(f"cannot load the model {path}: {exc}") from exc
        self.load_seconds = time.perf_counter() - started
        return llama

    def complete(self, messages: Sequence[ChatMessage], max_tokens: int) -> str:
        with self._lock:
            if self._llama is None:
                self._llama = self._load()
            response = self._llama.create_chat_completion(
                messages=list(messages),
                max_tokens=max_tokens,
                temperature=0.0,  # greedy: the same text always gets the same translation
                seed=self._seed,
            )
        return str(response["choices"][0]["message"]["content"] or "")
