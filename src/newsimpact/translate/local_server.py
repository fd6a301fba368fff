"""llama-cpp-python's own OpenAI-compatible server with a GGUF, as a context manager.

Used by the openai engine's real-server tests and by bench/translation.py --via-server, so that the
HTTP path (streaming included) is exercised against a real server, offline, with the shipped model.
Needs the `llama-server` extra (fastapi, uvicorn, sse-starlette, starlette-context).
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from newsimpact.errors import TranslationError

MODEL_ALIAS = "local-gguf"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def llama_server(
    model_path: Path, *, n_threads: int, n_ctx: int = 4096, start_timeout_s: float = 180.0
) -> Iterator[str]:
    """Start `python -m llama_cpp.server` on a free local port; yields its base URL (…/v1); stops it after."""
    port = free_port()
    command = [
        sys.executable, "-m", "llama_cpp.server",
        "--model", str(model_path), "--model_alias", MODEL_ALIAS,
        "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", str(n_ctx), "--n_threads", str(n_threads), "--n_threads_batch", str(n_threads),
        "--verbose", "False",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + start_timeout_s
        while True:
            if process.poll() is not None:
                detail = (process.stderr.read() if process.stderr else "")[-500:]
                raise TranslationError(f"llama_cpp.server exited with {process.returncode}: {detail}")
            try:
                if httpx.get(f"{base_url}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise TranslationError(f"llama_cpp.server did not answer within {start_timeout_s:.0f} s")
            time.sleep(0.5)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
