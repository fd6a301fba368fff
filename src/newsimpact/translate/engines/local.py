"""llama.cpp in-process (llama-cpp-python): the default, offline engine.

Speed on a small CPU comes from three things (bench/translation.py --article measures them):
- the model is loaded once per process and shared by every engine built with the same options
  (a service that builds several translators pays the load once);
- the machine's cores are used: `slots` llama.cpp contexts decode different segments at once
  (default: one per core, up to 4), each with cores // slots threads. A context is not
  thread-safe, so each slot is used by one thread at a time; the weights are memory-mapped, so
  extra slots share them and cost only their KV cache (about 120 MB at n_ctx 4096 for the 1.5B model);
- llama.cpp runs in C through ctypes, which releases the GIL: other Python threads (the web server,
  the tracker) keep running while a segment decodes.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newsimpact.errors import TranslationCancelled, TranslationError
from newsimpact.translate.engines import ChatMessage, StopCheck


def machine_cores() -> int:
    """CPUs this process may run on (the container's share, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


MAX_SLOTS = 4
"""More contexts than this add KV memory for little: beyond it, extra cores go to threads per context."""


def plan_threads(n_threads: int | None, slots: int | None, cores: int | None = None) -> tuple[int, int]:
    """(slots, threads per slot) from the settings, defaulting to the machine: one context per core
    (up to MAX_SLOTS), the remaining cores shared out as threads.

    Measured on this 2-core machine while other work shared it (bench/translation.py --article):
    one 1-thread context took 875 s for a 2,000-character article, and one 2-thread context had
    not finished after more than 1,300 s: llama.cpp's threads meet at a barrier after every step, so when the
    scheduler takes one core away the other waits. Contexts of one thread each never wait on
    each other, so they keep the cores busy whatever else runs.
    """
    cores = cores or machine_cores()
    slots = slots or min(cores, MAX_SLOTS)
    threads = n_threads or max(1, cores // slots)
    return slots, threads


class _Pool:
    """Up to `size` loaded llama.cpp contexts of one model; a thread borrows one, decodes, returns it."""

    def __init__(self, size: int, load: Callable[[], Any]) -> None:
        self.size = size
        self._load = load
        self._idle: queue.LifoQueue[Any] = queue.LifoQueue()
        self._made = 0
        self._lock = threading.Lock()
        self.load_seconds: float | None = None

    def borrow(self) -> Any:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            # The first context loads lazily, the others when two segments really run at once.
            make = self._made < self.size
            if make:
                self._made += 1
        if not make:
            return self._idle.get()
        try:
            started = time.perf_counter()
            llama = self._load()
            if self.load_seconds is None:
                self.load_seconds = time.perf_counter() - started
            return llama
        except BaseException:
            with self._lock:
                self._made -= 1
            raise

    def give_back(self, llama: Any) -> None:
        self._idle.put(llama)


_POOLS: dict[tuple[Any, ...], _Pool] = {}
_POOLS_LOCK = threading.Lock()
_LOAD_LOCK = threading.Lock()
"""One model load at a time in the process: llama-cpp-python silences a load by pointing the
process's stdout and stderr at /dev/null and back, and two loads overlapping in two threads restore
each other's /dev/null, so the web server's (or a benchmark's) output would vanish for good."""


class LlamaCppEngine:
    """Loads the GGUF on first use, so building a Translator (or a fully cached article) costs nothing."""

    name = "local"

    def __init__(
        self,
        model: str,
        locate: Callable[[], Path],
        *,
        n_threads: int | None = None,
        slots: int | None = None,
        n_ctx: int = 4096,
        seed: int = 0,
        n_gpu_layers: int = 0,
    ) -> None:
        self.model = model
        self._locate = locate
        self.parallel, self.n_threads = plan_threads(n_threads, slots)
        self._options: dict[str, Any] = {
            "n_threads": self.n_threads,
            "n_threads_batch": self.n_threads,
            "n_ctx": n_ctx,
            "seed": seed,
            "n_gpu_layers": n_gpu_layers,
        }
        self._seed = seed
        self._pool: _Pool | None = None

    @property
    def load_seconds(self) -> float | None:
        return self._pool.load_seconds if self._pool is not None else None

    def _shared_pool(self) -> _Pool:
        if self._pool is None:
            path = self._locate()
            key = (str(path), self.parallel, tuple(sorted(self._options.items())))
            with _POOLS_LOCK:
                pool = _POOLS.get(key)
                if pool is None:
                    pool = _POOLS[key] = _Pool(self.parallel, lambda: self._load(path))
            self._pool = pool
        return self._pool

    def _load(self, path: Path) -> Any:
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise TranslationError(
                "the local engine needs llama-cpp-python: run scripts/install-local-model.sh "
                "(or choose another engine with --engine openai)"
            ) from exc
        try:
            with _LOAD_LOCK:
                return Llama(model_path=str(path), verbose=False, **self._options)
        except (ValueError, RuntimeError) as exc:
            raise TranslationError(f"cannot load the model {path}: {exc}") from exc

    def warm(self) -> None:
        """Load every context now (a service at start-up, a benchmark before its clock starts)."""
        pool = self._shared_pool()
        loaded = [pool.borrow() for _ in range(pool.size)]
        for llama in loaded:
            pool.give_back(llama)

    def complete(self, messages: Sequence[ChatMessage], max_tokens: int, stop: StopCheck | None = None) -> str:
        pool = self._shared_pool()
        llama = pool.borrow()
        parts: list[str] = []
        try:
            # Streamed, so `stop` is checked between tokens: a cancelled job frees its core at once.
            chunks = llama.create_chat_completion(
                messages=list(messages),
                max_tokens=max_tokens,
                temperature=0.0,  # greedy: the same text always gets the same translation
                seed=self._seed,
                stream=True,
            )
            for chunk in chunks:
                piece = chunk["choices"][0]["delta"].get("content")
                if piece:
                    parts.append(str(piece))
                if stop is not None and stop():
                    chunks.close()  # ends the generator: llama.cpp decodes no further token
                    raise TranslationCancelled("translation cancelled")
        finally:
            pool.give_back(llama)
        return "".join(parts)
