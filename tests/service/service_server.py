"""Run the app with uvicorn on a free local port: in a thread (browser tests) or a subprocess (restart)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_until(check: Callable[[], bool], what: str, timeout: float = 60.0, every: float = 0.1) -> None:
    """Poll until check() holds; the timeout only turns a hang into a clear failure."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except httpx.HTTPError:
            pass
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {what}")


class ThreadServer:
    def __init__(self, app: FastAPI) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> ThreadServer:
        self.thread.start()
        wait_until(lambda: self.server.started, "the server to start")
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(15)


class ChildProcess:
    """A service process a test starts, kills with SIGKILL, or stops politely."""

    proc: subprocess.Popen[bytes] | None = None
    stop_seconds: float = 10.0

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(self.stop_seconds)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


class ProcessServer(ChildProcess):
    """`uvicorn --factory service_support:create_test_app` in its own process, so it can be SIGKILLed."""

    def __init__(self, data_dir: Path, env: dict[str, str], port: int | None = None) -> None:
        """env: NEWSIMPACT_* variables for the server, NEWSIMPACT_DATABASE_URL included (default: the
        SQLite file in data_dir)."""
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = data_dir
        self.env = env
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = data_dir / f"server-{self.port}.log"

    def start(self) -> ProcessServer:
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests" / "service")]),
            "NEWSIMPACT_DATA_DIR": str(self.data_dir),
            **self.env,
        }
        cmd = [sys.executable, "-m", "uvicorn", "--factory", "service_support:create_test_app"]
        cmd += ["--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning"]
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        wait_until(self._healthy, f"the server on port {self.port} (log: {self.log})")
        return self

    def _healthy(self) -> bool:
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise AssertionError(f"server exited: {self.log.read_text(errors='replace')}")
        return httpx.get(f"{self.url}/api/health", timeout=2).status_code == 200


class WorkerProcess(ChildProcess):
    """`python -m service_support`: job workers with the fake pipeline, no web server (as
    `newsimpact worker`), in a process of their own so a test can SIGKILL them."""

    stop_seconds = 15.0

    def __init__(self, data_dir: Path, env: dict[str, str], name: str) -> None:
        self.data_dir = data_dir
        self.env = env
        self.log = data_dir / f"worker-{name}.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.id = ""

    def start(self) -> WorkerProcess:
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests" / "service")]),
            "NEWSIMPACT_DATA_DIR": str(self.data_dir),
            **self.env,
        }
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "service_support"], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
            )
        wait_until(self._ready, f"the worker to start (log: {self.log})")
        return self

    def _ready(self) -> bool:
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise AssertionError(f"worker exited: {self.log.read_text(errors='replace')}")
        for line in self.log.read_text(errors="replace").splitlines():
            if line.startswith("ready "):
                self.id = line.split(" ", 1)[1].strip()
                return True
        return False

