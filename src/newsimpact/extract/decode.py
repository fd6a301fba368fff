"""Bytes -> text: declared charset first (BOM, <meta charset>), then UTF-8, then detection.

Korean sites still serve CP949/EUC-KR pages, often mislabelled; UTF-8 is tried strictly before
detection so a valid UTF-8 page is never re-decoded as CP949.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from newsimpact.errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_CONTROL_BYTES = bytes(range(9)) + bytes(range(14, 32))
_ALIASES = {"euc-kr": "cp949", "euckr": "cp949", "ks_c_5601-1987": "cp949", "x-windows-949": "cp949"}


def _normalise(name: str) -> str | None:
    name = name.strip().lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))  # C speed, not a byte loop
    return control > len(head) * 0.05


def decode(data: bytes) -> str:
    if not data.strip():
        raise InputError("empty input: nothing to read")
    # BOMs first: UTF-16 text is full of NUL bytes and would otherwise be taken for binary.
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"undecodable input: starts with a {codec} byte-order mark but is not {codec}"
                ) from exc
    if looks_binary(data):
        raise InputError("binary input: expected an HTML page or text")
    match = _META_CHARSET.search(data[:4096])
    if match:
        declared = _normalise(match.group(1).decode("ascii", "ignore"))
        if declared:
            try:
                return data.decode(declared)
            except UnicodeDecodeError:
                pass  # mislabelled page: fall through to UTF-8 and detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp949")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError("undecodable input: not UTF-8, CP949/EUC-KR or any detectable text encoding")
    text = str(best)
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise InputError(f"undecodable input: detected {best.encoding} but the text is garbled")
    return text
