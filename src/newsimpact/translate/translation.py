"""Translation: an Article's text in another language, aligned one-to-one with the source."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

SUPPORTED_TARGETS: dict[str, tuple[str, ...]] = {
    "ko": ("en", "ja", "zh-Hans", "zh-Hant", "vi"),
    "en": ("ko",),
}
"""Source language -> target languages (BCP 47 codes)."""

CJK_TARGETS = ("ja", "zh-Hans", "zh-Hant")
"""Targets written without spaces between sentences or lines."""

LANGUAGE_NAMES: dict[str, str] = {
    "ko": "Korean",
    "en": "English",
    "ja": "Japanese",
    "zh-Hans": "Simplified Chinese",
    "zh-Hant": "Traditional Chinese",
    "vi": "Vietnamese",
}


class SegmentWarning(BaseModel):
    model_config = ConfigDict(frozen=True)

    segment: str
    """Which segment: "title", "subtitle", "paragraph:3", "caption:0"."""
    message: str


class Translation(BaseModel):
    model_config = ConfigDict(frozen=True)

    source_language: str
    target_language: str
    title: str = ""
    subtitle: str | None = None
    byline: str | None = None
    """Dateline and reporter ("(Seoul=Yonhap) Reporter Kim Ju-hyeon"); None when the article has neither."""
    paragraphs: list[str] = Field(default_factory=list)
    captions: list[str] = Field(default_factory=list)
    engine: str
    model: str
    seconds: float = 0.0
    cached: bool = False
    engine_calls: int = 0
    """Model calls it took (first attempts, retries, sentence-by-sentence); 0 when all came from the cache."""
    warnings: list[SegmentWarning] = Field(default_factory=list)
