"""One natural line per pick in Korean and English, built from the event frame (or the theme or
relation behind it): what happened and why it moves this stock. Particles follow the last
syllable of the name (korean.fill); no cue words are quoted."""

from __future__ import annotations

import re

from newsimpact.knowledge.schema import EventLines, EventType, Exposure, Relation, Theme
from newsimpact.tracker.frames import Frame
from newsimpact.tracker.korean import fill, particle

_LEGAL_FORM = re.compile(
    r"(?:,?\s+(?:Inc\.?|Incorporated|Corporation|Corp\.?|Co\.?|Company|Ltd\.?|plc|PLC|N\.V\.|S\.A\.|Holdings?|Group)"
    r"|\s+\((?:The|Class [A-Z])\))+$"
)
_MOVE_KO = {(True, 1): "상승", (True, -1): "하락", (False, 1): "확대", (False, -1): "완화"}
_MOVE_EN = {(True, 1): "rising", (True, -1): "falling", (False, 1): "intensifying", (False, -1): "easing"}


_INVERTED = re.compile(r"^(?P<last>[^()]+?)\s+\((?P<first>[A-Z][A-Za-z.]*)\)$")
"""An index listing's inverted name ("Lilly (Eli)")."""


def short_name(name: str) -> str:
    """The name as a reader says it: "Tesla, Inc." -> "Tesla", "Fox Corporation (Class B)" -> "Fox",
    "Merck & Co." -> "Merck", "Lilly (Eli)" -> "Eli Lilly"."""
    short = _LEGAL_FORM.sub("", name).strip().rstrip("&").strip() or name
    inverted = _INVERTED.match(short)
    return f"{inverted['first']} {inverted['last']}" if inverted else short


def event_line(fallback: EventLines, frame: Frame, direction: int, name_ko: str, name_en: str) -> tuple[str, str]:
    if frame.decisive is not None and frame.decisive.line_ko and frame.decisive.polarity * direction > 0:
        return fill(frame.decisive.line_ko, name_ko), fill(frame.decisive.line_en, name_en)
    news_sign = frame.decisive.polarity if frame.decisive is not None else -direction if frame.against_move else 0
    if frame.moved and frame.event is not None and frame.event.id != "price_move" and news_sign * direction < 0:
        # "가이던스 올렸지만…시간외 6%↓", "신용등급 강등…선방에 시간외 상승": the market's verdict went
        # against the news; say so, not that the outlook darkened.
        news_ko, news_en = ("호재", "good") if news_sign > 0 else ("악재", "bad")
        moved_ko, moved_en = ("상승", "rose") if direction > 0 else ("하락", "fell")
        return (
            f"{frame.event.name_ko} {news_ko}에도 {name_ko} 주가는 {moved_ko}",
            f"{name_en} shares {moved_en} despite {news_en} {frame.event.name_en} news",
        )
    if frame.role == "target" and direction < 0:
        return (
            f"{name_ko}의 인수 절차가 늦어지거나 막혀 프리미엄 기대가 약해짐",
            f"The deal for {name_en} is held up, which weighs on its takeover premium",
        )
    if frame.role == "target":
        return (
            f"{particle(name_ko, '이/가')} 인수 대상으로 거론되며 프리미엄 기대",
            f"{name_en} is a takeover target, which usually lifts its price",
        )
    if frame.role == "supplier":
        if direction < 0:
            return (
                f"{particle(name_ko, '이/가')} 주요 고객사 물량을 잃을 위험",
                f"{name_en} risks losing a key customer's business",
            )
        return f"{name_ko}에 대규모 주문이 들어옴", f"A large order for {name_en}"
    if frame.role == "rival":
        return (
            f"경쟁사에 밀려 {particle(name_ko, '이/가')} 수주·점유율을 잃음",
            f"{name_en} lost out to a rival",
        )
    lines = frame.event.lines if frame.event is not None else fallback
    if frame.event_sign > 0 > direction and lines.against_up_ko:
        return fill(lines.against_up_ko, name_ko), fill(lines.against_up_en, name_en)
    if frame.event_sign < 0 < direction and lines.against_down_ko:
        return fill(lines.against_down_ko, name_ko), fill(lines.against_down_en, name_en)
    ko, en = (lines.up_ko, lines.up_en) if direction > 0 else (lines.down_ko, lines.down_en)
    return fill(ko, name_ko), fill(en, name_en)


def relation(source_ko: str, source_en: str, direction: int, event: EventType, edge: Relation) -> tuple[str, str]:
    """What happened to the related company, then why it carries over: "SK하이닉스의 실적 개선 — …"."""
    ko, en = (event.lines.up_ko, event.lines.up_en) if direction > 0 else (event.lines.down_ko, event.lines.down_en)
    return f"{fill(ko, source_ko)} — {edge.reason_ko}", f"{fill(en, source_en)}; {_continue(edge.reason_en)}"


def _continue(sentence: str) -> str:
    """A sentence written to stand alone, continued after a semicolon ("Rival in HBM" -> "rival in HBM")."""
    if len(sentence) > 1 and sentence[0].isupper() and sentence[1].islower():
        return sentence[0].lower() + sentence[1:]
    return sentence


def theme(
    hit_theme: Theme, exposure: Exposure, movement: int, sub_industry: tuple[str, str] | None = None
) -> tuple[str, str]:
    """The exposure's reason is written for the theme rising; when it falls, say so plainly."""
    who_ko = f"{sub_industry[0]} 업종 전반: " if sub_industry else ""
    who_en = f"{sub_industry[1]} as a group: " if sub_industry else ""
    move_ko = _MOVE_KO[(hit_theme.price, movement)]
    move_en = _MOVE_EN[(hit_theme.price, movement)]
    if movement > 0:
        return (
            f"{hit_theme.name_ko} {move_ko} — {who_ko}{exposure.reason_ko}",
            f"{hit_theme.name_en}, {move_en}: {who_en}{exposure.reason_en}",
        )
    effect_ko = "수혜" if exposure.sign < 0 else "부담"
    effect_en = "helps" if exposure.sign < 0 else "hurts"
    cause_ko = particle(f"{hit_theme.name_ko} {move_ko}", "으로/로")
    if exposure.reason_falling_ko and exposure.reason_falling_en:
        return (
            f"{cause_ko} {effect_ko} — {who_ko}{exposure.reason_falling_ko}",
            f"{hit_theme.name_en}, {move_en}, {effect_en}: {who_en}{exposure.reason_falling_en}",
        )
    return (
        f"{cause_ko} {effect_ko} — {who_ko}오를 때의 영향({exposure.reason_ko})이 거꾸로 작용",
        f"{hit_theme.name_en}, {move_en}, {effect_en}: {who_en}the reverse of a rise ({exposure.reason_en})",
    )
