"""The extractor's rule data files: they load, validate, and a broken file fails with its field named."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from newsimpact.extract import ruledata


def test_rule_files_load_and_validate() -> None:
    data = ruledata.newsroom()
    assert {"입력", "기사승인"} <= set(data.time_labels.published)
    assert "최종수정" in data.time_labels.modified
    assert "기자" in data.reporter_roles
    for pattern in (data.caption_class, data.subtitle_class, data.byline_class, data.hidden_style):
        re.compile(pattern)
    bp = ruledata.boilerplate()
    assert bp.stop_prefixes and bp.drop_exact


def test_every_label_and_word_is_a_non_empty_string() -> None:
    data = ruledata.newsroom()
    words = [
        *data.time_labels.published,
        *data.time_labels.modified,
        *data.reporter_roles,
        *data.agencies,
        *data.outlet_suffixes,
        *data.broadcast_labels,
    ]
    assert all(isinstance(w, str) and w.strip() == w and w for w in words)
    assert len(set(data.agencies)) == len(data.agencies)


def _valid_newsroom() -> dict[str, object]:
    return ruledata.newsroom().model_dump()


def test_a_pattern_that_does_not_compile_is_refused() -> None:
    broken = _valid_newsroom() | {"photo_credit_patterns": ["(unclosed"]}
    with pytest.raises(ValidationError, match="does not compile"):
        ruledata.NewsroomData.model_validate(broken)


def test_a_missing_key_or_unknown_key_is_refused() -> None:
    missing = _valid_newsroom()
    del missing["time_labels"]
    with pytest.raises(ValidationError):
        ruledata.NewsroomData.model_validate(missing)
    with pytest.raises(ValidationError):
        ruledata.NewsroomData.model_validate(_valid_newsroom() | {"site_markers": ["x"]})


def test_signoff_patterns_must_name_the_reporter() -> None:
    broken = _valid_newsroom() | {"broadcast_signoff_patterns": ["^뉴스 [가-힣]+입니다$"]}
    with pytest.raises(ValidationError, match="name"):
        ruledata.NewsroomData.model_validate(broken)


def test_boilerplate_schema_refuses_a_bad_marker() -> None:
    data = ruledata.BoilerplateData(stop_prefixes=["관련기사"], drop_prefixes=["댓글"], drop_exact=["구독"])
    assert ruledata.Boilerplate(data).is_stop("관련 기사")
    with pytest.raises(ValidationError):
        ruledata.BoilerplateData(
            stop_prefixes=["x"], drop_prefixes=["y"], drop_exact=["z"], short_line_markers=["[bad"]
        )


@pytest.mark.parametrize(
    "value",
    ["caption", "photo_txt", "img-desc", "art_subtit", "sub-headline", "mid_title", "news_subtitle",
     "byline", "reporter_info", "writer", "author", "name", "journalist_name", "figcaption", "subhead"],
)
def test_class_words_cover_what_the_class_patterns_match(value: str) -> None:
    data = ruledata.newsroom()
    matches = any(
        re.search(pattern, value, re.IGNORECASE)
        for pattern in (data.caption_class, data.subtitle_class, data.byline_class)
    )
    assert matches, f"{value!r} should be recognised"
    assert any(word in value.lower() for word in data.class_words), f"{value!r} escapes the class_words prefilter"
