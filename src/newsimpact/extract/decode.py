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
# Text codecs that are no web page's encoding (HTML forbids UTF-7; the rest are escape schemes).
_NOT_PAGE_ENCODINGS = frozenset({"utf-7", "idna", "punycode", "unicode-escape", "raw-unicode-escape"})
_ASCII_PROBE = b"<meta charset=utf-8> Abc 123"
_ALIASES = {"euc-kr": "cp949", "euckr": "cp949", "ks_c_5601-1987": "cp949", "x-windows-949": "cp949"}


def _normalise(name: str) -> str | None:
    """The codec a declared charset names, or None when it names no usable text encoding.

    Python's codec registry also holds bytes-to-bytes transforms (rot13, base64, hex, zlib) and
    oddities (undefined, idna); a page may declare any of them. Only ASCII-compatible text encodings
    are trusted: a page that could declare its charset in ASCII markup is not UTF-16/32 (browsers
    read such a declaration as UTF-8 too)."""
    name = name.strip().lower()
    name = _ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_ENCODINGS:
        return None
    try:
        if _ASCII_PROBE.decode(info.name) != _ASCII_PROBE.decode("ascii"):
            return None
    except (UnicodeError, LookupError, ValueError, TypeError):
        return None
    return info.name


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
            except (UnicodeError, LookupError, ValueError):
                pass  # mislabelled page: fall through to UTF-8 and detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp949")
    except UnicodeDecodeError:
        pass
    try:
        best = from_bytes(data).best()
    except (UnicodeError, LookupError, ValueError) as exc:
        raise InputError("undecodable input: not UTF-8, CP949/EUC-KR or any detectable text encoding") from exc
    if best is None or best.encoding is None:
        raise InputError("undecodable input: not UTF-8, CP949/EUC-KR or any detectable text encoding")
    text = str(best)
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise InputError(f"undecodable input: detected {best.encoding} but the text is garbled")
    return text
