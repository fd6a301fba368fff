"""Page: the raw input, before extraction. Its kind is detected unless the caller knows it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from newsimpact.errors import InputError

PageKind = Literal["html", "dump", "text"]
"""html: an HTML page; dump: a plain-text copy of a whole page (with menus and widgets);
text: already-clean article text (no boilerplate removal, never rejected for being short)."""

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Page:
    content: str | bytes
    kind: PageKind | None = None
    title: str | None = None
    url: str | None = None

    @classmethod
    def from_path(cls, path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Page:
        path = Path(path)
        if not path.exists():
            raise InputError(f"{path}: no such file")
        if path.is_dir():
            raise InputError(f"{path}: is a directory, expected a page file")
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise InputError(f"{path}: {size:,} bytes is over the size limit of {max_bytes:,} bytes")
            # Read at most one byte over the limit: a device or a growing file reports no honest size
            # (/dev/zero says 0 and never ends).
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
        if len(data) > max_bytes:
            raise InputError(f"{path}: over the size limit of {max_bytes:,} bytes")
        return cls(content=data)

    @classmethod
    def from_bytes(cls, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Page:
        if len(data) > max_bytes:
            raise InputError(f"input of {len(data):,} bytes is over the size limit of {max_bytes:,} bytes")
        return cls(content=data)
