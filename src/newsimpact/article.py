"""The Article: the one object every stage reads.

Field names are a public contract (JSON consumers rely on them): title, subtitle, published,
modified, dateline, reporter, paragraphs, captions, language, url, warnings.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Language = Literal["ko", "en", "other"]


class Dateline(BaseModel):
    model_config = ConfigDict(frozen=True)

    place: str | None = None
    agency: str | None = None


class Reporter(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str | None = None
    email: str | None = None


class Caption(BaseModel):
    """A photo caption, kept apart from the body."""

    model_config = ConfigDict(frozen=True)

    text: str
    place: str | None = None
    photographer: str | None = None
    date: str | None = None
    email: str | None = None


class Article(BaseModel):
    model_config = ConfigDict(frozen=True)

    title: str = ""
    subtitle: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    dateline: Dateline | None = None
    reporter: Reporter | None = None
    paragraphs: list[str] = Field(default_factory=list)
    captions: list[Caption] = Field(default_factory=list)
    language: Language = "other"
    url: str | None = None
    warnings: list[str] = Field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    def to_json(self) -> str:
        return self.model_dump_json()

    @classmethod
    def from_json(cls, data: str | bytes) -> Article:
        return cls.model_validate_json(data)
