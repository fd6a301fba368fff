"""Hostile inputs, generated (never stored as files): the shapes that broke newsimpact in issue 13.

Each case is a page (bytes) with what a correct run must show: `expect="article"` means an article
must come back and `check` must hold on it; `expect="error"` means a clear one-line error is the
right answer; `expect="any"` means either, as long as it neither crashes nor hangs.
Sizes stay under the 5 MB input limit. `bench/hostile.py` runs them through the CLI; the tests run
them through `extract()` and the API.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

Expect = Literal["article", "error", "any"]

SENTENCE_KO = "한빛전자는 올해 2분기 영업이익이 지난해보다 크게 늘었다고 밝혔다. "
SENTENCE_EN = "The company said quarterly revenue rose sharply on strong demand for its chips. "
MARKER = "quarterly revenue rose sharply"


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    expect: Expect = "any"
    check: Callable[[dict[str, Any]], bool] | None = None
    """Run on the article JSON when one came back: False means a wrong result."""
    kind: str | None = None


def _body_has_marker(article: dict[str, Any]) -> bool:
    return any(MARKER in p for p in article.get("paragraphs", []))


def _no_markup(article: dict[str, Any]) -> bool:
    text = " ".join([article.get("title", ""), *article.get("paragraphs", [])])
    return "<p>" not in text and "&nbsp;" not in text and "<body" not in text


def html_page(body: str, head: str = "", title: str = "Chipmaker posts record quarter") -> str:
    paragraphs = "".join(f"<p>{SENTENCE_EN * 3}</p>\n" for _ in range(4))
    return (
        f"<!doctype html><html><head>{head}<title>{title}</title></head><body><article>"
        f"<h1>{title}</h1>{body}{paragraphs}</article></body></html>"
    )


def _charset_cases() -> Iterator[Case]:
    for charset in ("rot13", "base64", "hex", "zlib", "undefined", "bz2", "uu", "quopri", "idna",
                    "utf-7", "utf-16", "utf-32", "unicode_escape", "x-unknown-charset"):
        page = html_page("", head=f'<meta charset="{charset}">')
        yield Case(f"charset-{charset}", page.encode("utf-8"), "article", _body_has_marker)
    yield Case("charset-with-nul", html_page("", head='<meta charset="utf-8\x00">').encode(), "any")
    page = html_page("<p>Caf\xe9 cr\xe8me \u2014 na\xefve</p>", head='<meta charset="utf-8">')
    yield Case("charset-mislabelled-latin1", page.encode("latin-1", "replace"), "article", _body_has_marker)
    ko = "<!doctype html><html><head><meta charset=euc-kr><title>한빛전자 실적</title></head><body>" + \
        "".join(f"<p>{SENTENCE_KO * 3}</p>" for _ in range(4)) + "</body></html>"
    yield Case("charset-cp949-undeclared", ko.replace("euc-kr", "bogus").encode("cp949"), "article")


def _jsonld_cases() -> Iterator[Case]:
    for depth in (1_000, 100_000):
        script = "[" * depth + "]" * depth
        head = f'<script type="application/ld+json">{script}</script>'
        yield Case(f"jsonld-nested-{depth}", html_page("", head=head).encode(), "article", _body_has_marker)
    graph = '{"@graph":' * 5_000 + "{}" + "}" * 5_000
    head = f'<script type="application/ld+json">{graph}</script>'
    yield Case("jsonld-graph-5000", html_page("", head=head).encode(), "article", _body_has_marker)
    head = '<script type="application/ld+json">{"datePublished": ' + "9" * 5_000 + "}</script>"
    yield Case("jsonld-huge-int", html_page("", head=head).encode(), "article", _body_has_marker)


def _slow_pattern_cases() -> Iterator[Case]:
    """Lines that made end-anchored regexes quadratic, and a megabyte-long paragraph for the tracker."""
    yield Case("line-80k-letters", (SENTENCE_EN * 3 + "\n" + "a" * 80_000 + "\n").encode(), "any")
    yield Case("line-60k-spaces", (SENTENCE_EN * 3 + "x" + " " * 60_000 + "x\n").encode(), "any")
    yield Case("line-4mb-letters", (SENTENCE_EN * 3 + "\n" + "a" * 4_000_000).encode(), "any")
    yield Case("line-1mb-spaces-email", ("x" + " " * 1_000_000 + "a@b.co").encode(), "any")
    yield Case("caption-tail-digits", (SENTENCE_EN + "2024.01.01 " * 200_000).encode(), "any")
    yield Case("email-run", (SENTENCE_EN + "a.b" * 500_000 + "@").encode(), "any")
    one = SENTENCE_EN * (4_000_000 // len(SENTENCE_EN))
    yield Case("html-one-4mb-paragraph", html_page(f"<p>{one}</p>").encode(), "article", _body_has_marker)
    yield Case("text-one-4mb-paragraph", one.encode(), "article", _body_has_marker, kind="text")
    yield Case("dump-100k-lines", (SENTENCE_EN + "\n") .encode() * 40_000, "article", _body_has_marker)
    short = (SENTENCE_EN + "\n") * 3 + "ab\n" * 1_700_000
    yield Case("short-lines-5mb", short.encode(), "article", _body_has_marker)
    yield Case("lt-run", ("<a" * 1_000_000).encode(), "any")
    yield Case("html-deep-divs", html_page("<div>" * 100_000 + "x").encode(), "any")
    yield Case("dateline-run", ("[서울=뉴스핌] " * 200_000).encode(), "any")
    yield Case("byline-run", ("By " + "Abc " * 500_000).encode(), "any")


def _kind_cases() -> Iterator[Case]:
    nbsp = "&nbsp;" * 2_000
    page = f"<html><body>{nbsp}" + "".join(f"<p>{SENTENCE_EN * 3}</p>" for _ in range(4)) + "</body></html>"
    yield Case("few-tags-nbsp", page.encode(), "article", lambda a: _no_markup(a) and _body_has_marker(a))
    page = "<!-- generated -->\n<html>" + " " * 8_000 + "<body>" + "".join(
        f"<p>{SENTENCE_EN * 3}</p>" for _ in range(4)
    ) + "</body></html>"
    yield Case("late-tags", page.encode(), "article", lambda a: _no_markup(a) and _body_has_marker(a))


def _markup_cases() -> Iterator[Case]:
    """Text that a terminal renderer could read as its own markup (Rich raised on a stray "[/x]")."""
    text = f"Chipmaker [bold]posts[/] record [/oops] quarter\n{SENTENCE_EN * 3} [/x] [link=file:///etc]y[/link]\n"
    yield Case("rich-markup", text.encode(), "article", lambda a: any("[/x]" in p for p in a["paragraphs"]))


def _odd_bytes_cases() -> Iterator[Case]:
    yield Case("empty", b"", "error")
    yield Case("whitespace", b" \n\t\r\n" * 100, "error")
    yield Case("bom-only", b"\xef\xbb\xbf", "error")
    yield Case("binary", bytes(range(256)) * 100, "error")
    yield Case("utf16-odd-length", b"\xff\xfe" + b"a\x00" * 100 + b"b", "any")
    yield Case("nul-after-head", (SENTENCE_EN * 200).encode() + b"\x00" * 10 + (SENTENCE_EN * 5).encode(), "any")
    yield Case("invalid-utf8-mix", (SENTENCE_EN * 10).encode() + b"\xed\xa0\x80\xc3\x28" * 50, "any")
    yield Case("control-chars", ("\x1b[31m" + SENTENCE_EN * 20).encode(), "any")


def cases() -> Iterator[Case]:
    """Every hostile page, generated on demand."""
    yield from _charset_cases()
    yield from _jsonld_cases()
    yield from _slow_pattern_cases()
    yield from _kind_cases()
    yield from _markup_cases()
    yield from _odd_bytes_cases()


# -- batch files ------------------------------------------------------------------------------------


def _record(n: int) -> dict[str, Any]:
    return {"id": f"r{n}", "text": SENTENCE_EN * 3, "title": f"Record {n}"}


def batch_files() -> Iterator[tuple[str, bytes, int]]:
    """(name, JSONL bytes, how many records it holds): every record must come back, as a result or an
    error line naming its id or line number."""
    good = [json.dumps(_record(n), ensure_ascii=False).encode() for n in range(20)]
    whole = json.dumps({"id": "cut", "text": "한국어 기사 본문"}, ensure_ascii=False).encode()
    cut = whole[: whole.index("본문".encode()) + 1]  # inside a three-byte character
    yield "cut-mid-character", b"\n".join([*good[:10], cut, *good[10:]]) + b"\n", 21
    latin = json.dumps({"id": "latin", "text": "Caf\xe9"}, ensure_ascii=False).encode("latin-1")
    yield "latin1-line", b"\n".join([*good[:5], latin, *good[5:]]) + b"\n", 21
    cp949 = json.dumps({"id": "cp949", "text": SENTENCE_KO}, ensure_ascii=False).encode("cp949")
    yield "cp949-line", b"\n".join([cp949, *good]) + b"\n", 21
    separators = json.dumps(
        {"id": "seps", "text": SENTENCE_EN + "\u2028" + SENTENCE_EN + "\u2029\x85" + SENTENCE_EN},
        ensure_ascii=False,
    ).encode()
    yield "unicode-line-separators", b"\n".join([*good, separators]) + b"\n", 21
    surrogate = b'{"id": "surrogate", "title": "bad \\ud800 title", "text": "' + \
        (SENTENCE_EN * 3).encode() + b'"}'
    yield "lone-surrogate-title", b"\n".join([*good, surrogate]) + b"\n", 21
    yield "utf8-bom", b"\xef\xbb\xbf" + b"\n".join(good) + b"\n", 20
    yield "crlf", b"\r\n".join(good) + b"\r\n", 20
    yield "no-final-newline", b"\n".join(good), 20
    yield "not-json-lines", b"\n".join([*good[:3], b"{not json", b"[1, 2]", b"42", *good[3:]]), 23
    deep = b'{"id": "deep", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    yield "deep-json", b"\n".join([*good, deep]) + b"\n", 21
    huge_int = b'{"id": ' + b"9" * 5_000 + b', "text": "x"}'
    yield "huge-int-id", b"\n".join([*good, huge_int]) + b"\n", 21
