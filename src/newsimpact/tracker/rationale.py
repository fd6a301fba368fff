"""One-line rationales in Korean and English, built from this article's evidence."""

from __future__ import annotations

from newsimpact.knowledge.schema import Exposure, Relation, Theme

_DIRECTION_KO = {1: "긍정적", -1: "부정적"}
_DIRECTION_EN = {1: "positive", -1: "negative"}
_MOVE_KO = {1: "확대·상승", -1: "축소·하락"}
_MOVE_EN = {1: "rising", -1: "falling"}


def _quote(cues: list[str], limit: int = 3) -> str:
    unique = list(dict.fromkeys(c.strip() for c in cues if c.strip()))[:limit]
    return "·".join(f"'{c}'" for c in unique)


def mention(name_ko: str, name_en: str, direction: int, cues: list[str], title: bool) -> tuple[str, str]:
    where_ko = "제목과 본문에서" if title else "본문에서"
    where_en = "headline and body" if title else "body"
    quoted = _quote(cues)
    return (
        f"기사가 {where_ko} {name_ko}을(를) 직접 언급하며 {quoted} 등을 전해 {_DIRECTION_KO[direction]} 영향 예상",
        f"The article names {name_en} directly in its {where_en} with {_DIRECTION_EN[direction]} cues ({quoted}).",
    )


def theme(hit_theme: Theme, exposure: Exposure, movement: int, triggers: list[str]) -> tuple[str, str]:
    quoted = _quote(triggers, 2)
    return (
        f"기사 주제 '{hit_theme.name_ko}'({quoted}) {_MOVE_KO[movement]} — {exposure.reason_ko}",
        f"The article is about {hit_theme.name_en} ({_MOVE_EN[movement]}, {quoted}): {exposure.reason_en}",
    )


def relation(source_ko: str, source_en: str, event: int, cues: list[str], edge: Relation) -> tuple[str, str]:
    quoted = _quote(cues)
    return (
        f"{source_ko} 관련 {_DIRECTION_KO[event]} 소식({quoted}) — {edge.reason_ko}",
        f"{_DIRECTION_EN[event].capitalize()} news for {source_en} ({quoted}): {edge.reason_en}",
    )
