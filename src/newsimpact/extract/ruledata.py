"""The extractor's reviewed rule data (extract/data/*.yaml), loaded once and validated.

A malformed file (missing key, wrong type, a pattern that does not compile) fails loudly with the
file and field named, instead of silently weakening extraction.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from newsimpact.errors import KnowledgeError


def squash(text: str) -> str:
    """Space-insensitive form used for Korean line matching ("관련 기사" == "관련기사")."""
    return "".join(text.split())


def _compiles(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"pattern {pattern!r} does not compile: {exc}") from exc
    return patterns


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BoilerplateData(_Strict):
    stop_prefixes: list[str] = Field(min_length=1)
    stop_patterns: list[str] = Field(default_factory=list)
    short_line_markers: list[str] = Field(default_factory=list)
    drop_prefixes: list[str] = Field(min_length=1)
    drop_exact: list[str] = Field(min_length=1)
    disclaimer_markers: list[str] = Field(default_factory=list)

    _check_stop = field_validator("stop_patterns", "short_line_markers")(_compiles)


class TimeLabels(_Strict):
    published: list[str] = Field(min_length=1)
    modified: list[str] = Field(min_length=1)


class NewsroomData(_Strict):
    time_labels: TimeLabels
    reporter_roles: list[str] = Field(min_length=1)
    byline_prefixes: list[str] = Field(default_factory=list)
    agencies: list[str] = Field(default_factory=list)
    outlet_suffixes: list[str] = Field(default_factory=list)
    broadcast_labels: list[str] = Field(default_factory=list)
    broadcast_signoff_patterns: list[str] = Field(default_factory=list)
    photo_credit_patterns: list[str] = Field(default_factory=list)
    caption_class: str
    subtitle_class: str
    byline_class: str
    class_words: list[str] = Field(min_length=1)
    hidden_style: str

    _check_credit = field_validator("photo_credit_patterns")(_compiles)

    @field_validator("broadcast_signoff_patterns")
    @classmethod
    def _names_the_reporter(cls, patterns: list[str]) -> list[str]:
        for pattern in _compiles(patterns):
            if "name" not in re.compile(pattern).groupindex:
                raise ValueError(f"pattern {pattern!r} has no (?P<name>...) group")
        return patterns

    @field_validator("caption_class", "subtitle_class", "byline_class", "hidden_style")
    @classmethod
    def _one_compiles(cls, pattern: str) -> str:
        return _compiles([pattern])[0]


def _load(name: str) -> Any:
    path = resources.files("newsimpact.extract").joinpath(f"data/{name}")
    try:
        return yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"extract/data/{name}: cannot read ({exc})") from exc


M = TypeVar("M", bound=BaseModel)


def _validated(model: type[M], name: str) -> M:
    try:
        return model.model_validate(_load(name))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise KnowledgeError(f"extract/data/{name}: {where}: {first['msg']}") from exc


class Boilerplate:
    """boilerplate.yaml, compiled for matching."""

    def __init__(self, data: BoilerplateData) -> None:
        self.stop_prefixes = tuple(squash(s) for s in data.stop_prefixes)
        self.stop_patterns = tuple(re.compile(p) for p in data.stop_patterns)
        self.short_line_markers = tuple(re.compile(p) for p in data.short_line_markers)
        self.drop_prefixes = tuple(squash(s) for s in data.drop_prefixes)
        self.drop_exact = frozenset(squash(s) for s in data.drop_exact)
        self.disclaimer_markers = tuple(data.disclaimer_markers)

    def is_drop(self, line: str, squashed: str | None = None) -> bool:
        squashed = squash(line) if squashed is None else squashed
        return squashed in self.drop_exact or squashed.startswith(self.drop_prefixes)

    def is_stop(self, line: str, squashed: str | None = None) -> bool:
        squashed = squash(line) if squashed is None else squashed
        return (
            squashed.startswith(self.stop_prefixes)
            or any(p.match(line) for p in self.stop_patterns)
            or any(m in line for m in self.disclaimer_markers)
            or (len(line) < 160 and any(p.search(line) for p in self.short_line_markers))
        )


@lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    return Boilerplate(_validated(BoilerplateData, "boilerplate.yaml"))


@lru_cache(maxsize=1)
def newsroom() -> NewsroomData:
    return _validated(NewsroomData, "newsroom.yaml")


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so the longest label wins."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
