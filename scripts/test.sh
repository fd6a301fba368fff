#!/usr/bin/env bash
# The whole test suite: lint, types, unit + integration tests (slow and browser tests included).
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC1091
. .venv/bin/activate
status=0
echo "== ruff"; ruff check src tests bench || status=1
echo "== mypy"; mypy || status=1
echo "== pytest"
python -m pytest -q -ra "$@"
rc=$?
if [ $rc -eq 5 ]; then echo "pytest: no tests collected"; rc=1; fi
[ $rc -ne 0 ] && status=$rc
exit $status
