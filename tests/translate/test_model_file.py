"""Joining the packaged model chunks once, and refusing a result with the wrong sha256."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from newsimpact.errors import TranslationError
from newsimpact.translate.model_file import assemble, packaged_parts


def chunks(tmp_path: Path) -> list[Path]:
    parts = []
    for i, data in enumerate([b"GGUF-head-", b"middle-", b"tail"]):
        part = tmp_path / f"part{i:02}.bin"
        part.write_bytes(data)
        parts.append(part)
    return parts


def test_chunks_are_joined_in_order_and_verified(tmp_path: Path) -> None:
    parts = chunks(tmp_path)
    sha = hashlib.sha256(b"GGUF-head-middle-tail").hexdigest()
    dest = tmp_path / "cache" / "models" / "model.gguf"
    assert assemble(parts, dest, sha) == dest
    assert dest.read_bytes() == b"GGUF-head-middle-tail"
    # Joined once: later calls trust the stamp and do not read the chunks again.
    for part in parts:
        part.unlink()
    assert assemble(parts, dest, sha) == dest


def test_a_wrong_sha256_is_refused_and_the_bad_file_deleted(tmp_path: Path) -> None:
    dest = tmp_path / "models" / "model.gguf"
    with pytest.raises(TranslationError, match=r"expected 0000.*reinstall"):
        assemble(chunks(tmp_path), dest, "0" * 64)
    assert not dest.exists()
    assert list(dest.parent.iterdir()) == []


def test_a_damaged_joined_file_is_rebuilt(tmp_path: Path) -> None:
    parts = chunks(tmp_path)
    sha = hashlib.sha256(b"GGUF-head-middle-tail").hexdigest()
    dest = tmp_path / "model.gguf"
    assemble(parts, dest, sha)
    dest.write_bytes(b"truncated")  # size no longer matches the stamp
    assemble(parts, dest, sha)
    assert dest.read_bytes() == b"GGUF-head-middle-tail"


def test_missing_part_packages_are_named(tmp_path: Path) -> None:
    with pytest.raises(TranslationError, match=r"missing no-such-part-1, no-such-part-2.*install-local-model\.sh"):
        packaged_parts(["no-such-part-1", "no-such-part-2"])
