"""A throwaway PostgreSQL cluster for the tests: initdb + pg_ctl under a temporary directory, on a free
loopback port, as an unprivileged user (PostgreSQL refuses to run as root). One cluster per test
session, one fresh database per test.

NEWSIMPACT_TEST_POSTGRES_URL=postgresql+psycopg://user@host:port/db points the tests at an existing
server instead (each test still gets its own database, created next to that one)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path

from service_server import free_port

_counter = count()


def find_bin_dir() -> Path | None:
    """Debian keeps the server binaries in /usr/lib/postgresql/<version>/bin, off PATH."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


class PostgresCluster:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        """postgresql+psycopg://user@host:port/<admin db>"""

    @contextmanager
    def database(self) -> Iterator[str]:
        """A fresh, empty database for one test; dropped after it (open connections and all)."""
        import psycopg

        name = f"newsimpact_test_{os.getpid()}_{next(_counter)}"
        with psycopg.connect(_libpq(self.base_url), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        try:
            yield _with_database(self.base_url, name)
        finally:
            with psycopg.connect(_libpq(self.base_url), autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def _with_database(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


def _run_as(user: str | None, cmd: list[str]) -> list[str]:
    return ["runuser", "-u", user, "--", *cmd] if user else cmd


@contextmanager
def postgres_cluster() -> Iterator[PostgresCluster]:
    """Start a cluster (or use NEWSIMPACT_TEST_POSTGRES_URL); raises RuntimeError with the reason when
    PostgreSQL is not available here."""
    given = os.environ.get("NEWSIMPACT_TEST_POSTGRES_URL")
    if given:
        yield PostgresCluster(given)
        return
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise RuntimeError("psycopg is not installed (pip install -e '.[service]')") from exc
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL server binaries not found (Debian: apt-get install postgresql)")
    user: str | None = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError as exc:
            raise RuntimeError("running as root and there is no 'postgres' user to run the server") from exc
        user = "postgres"
    root = Path(tempfile.mkdtemp(prefix="newsimpact-pg-"))
    if user:
        shutil.chown(root, user=user)
    data, log = root / "data", root / "server.log"
    port = free_port()
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    try:
        subprocess.run(
            _run_as(
                user,
                [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"],
            ),
            check=True,
            capture_output=True,
            env=env,
        )
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c full_page_writes=off"
        subprocess.run(
            _run_as(user, [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start"]),
            check=True,
            capture_output=True,
            env=env,
        )
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(root, ignore_errors=True)
        detail = (exc.stderr or b"").decode(errors="replace").strip().splitlines()
        raise RuntimeError(f"could not start PostgreSQL: {detail[-1] if detail else exc}") from exc
    try:
        yield PostgresCluster(f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres")
    finally:
        subprocess.run(
            _run_as(user, [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            capture_output=True,
            env=env,
        )
        shutil.rmtree(root, ignore_errors=True)
