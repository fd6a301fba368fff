"""Property-based (hypothesis): whatever the bytes, text or markup, extraction returns an article or raises
one of newsimpact's own errors, and batch lines always come back as one result each (issue 13)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsimpact.batch import encode_result, process_line, read_lines
from newsimpact.config import Settings
from newsimpact.errors import NewsImpactError
from newsimpact.extract import Page, detect_kind, extract
from newsimpact.extract.bounds import MAX_PARAGRAPH_CHARS

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FRAGMENTS = st.sampled_from(
    [
        "<html>", "</html>", "<head>", "<body>", "<p>", "</p>", "<div class='x'>", "</div>", "<figcaption>",
        "<h1>", "</h1>", "<script type=\"application/ld+json\">", "</script>", '{"datePublished": "2024-01-19"}',
        "<meta charset=", "rot13", "base64", "utf-16", "euc-kr", ">", "&nbsp;", "&#0;", "<!--", "-->", "<![CDATA[",
        "[서울=뉴스핌] 홍길동 기자 = ", "기사입력 : 2024년01월19일 09:00", "2024.01.19 ", "a@b.co", " ", "\n", "\x00",
        "\ud800", "\u2028", "한빛전자가 영업이익이 늘었다고 밝혔다. ", "The company said revenue rose. ", "By Jane Doe",
        "(Reuters) - ", "[", "]", "(", ")", "=", "<", "<<<<", "    ", "a" * 300, " " * 300,
    ]
)  # fmt: skip
MARKUP = st.lists(FRAGMENTS, max_size=80).map("".join)
KINDS = st.sampled_from([None, "html", "dump", "text"])


def _extract_or_own_error(page: Page) -> None:
    try:
        article = extract(page)
    except NewsImpactError as exc:
        assert str(exc)
        return
    assert all(len(p) <= MAX_PARAGRAPH_CHARS for p in article.paragraphs)
    article.model_dump_json().encode("utf-8")  # storable and printable: no lone surrogates


@SETTINGS
@given(data=st.binary(max_size=4000), kind=KINDS)
def test_any_bytes(data: bytes, kind: str | None) -> None:
    _extract_or_own_error(Page(content=data, kind=kind))  # type: ignore[arg-type]


@SETTINGS
@given(text=st.text(max_size=3000), kind=KINDS)
def test_any_text(text: str, kind: str | None) -> None:
    _extract_or_own_error(Page(content=text, kind=kind))  # type: ignore[arg-type]


@SETTINGS
@given(markup=MARKUP, kind=KINDS, encoding=st.sampled_from(["utf-8", "cp949", "utf-16"]))
def test_markup_like_pages(markup: str, kind: str | None, encoding: str) -> None:
    _extract_or_own_error(Page(content=markup, kind=kind))  # type: ignore[arg-type]
    _extract_or_own_error(Page(content=markup.encode(encoding, "replace"), kind=kind))  # type: ignore[arg-type]
    assert detect_kind(markup) in ("html", "dump")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=200),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "id": JSON_VALUES,
        "text": st.text(max_size=500) | JSON_VALUES,
        "html": MARKUP,
        "page": MARKUP,
        "title": st.text(max_size=50) | JSON_VALUES,
        "url": st.text(max_size=50),
    },
)


@SETTINGS
@given(lines=st.lists(st.binary(max_size=200) | RECORDS.map(lambda r: json.dumps(r).encode()), max_size=12))
def test_batch_lines_each_get_one_result(lines: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.jsonl"
        path.write_bytes(b"\n".join(lines))
        read = read_lines(path)
    physical = b"\n".join(lines).split(b"\n")
    assert len(read) == sum(1 for raw in physical if raw.removesuffix(b"\r").strip())
    for line in read:
        result = process_line(line, Settings(), None)
        assert ("error" in result) or ("article" in result)
        assert not str(result.get("error", "")).startswith("internal error"), result
        assert "id" in result or "line" in result
        json.loads(encode_result(result))  # always one valid JSON line
