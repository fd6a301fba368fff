"""Prompts: the one place that decides what every engine is asked.

The format is plain text with fixed markers, so the fake engine (and tests) can read back the
source text, the target language and the glossary lines from exactly what a real model sees.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsimpact.translate.engines import ChatMessage
from newsimpact.translate.translation import CJK_TARGETS, LANGUAGE_NAMES

_SYSTEM = (
    "You are a professional translator for a financial news agency. "
    "Translate the {source} news text the user gives you into {target}. "
    "Output only the {target} translation: no notes, no explanations, no quotes around it, no code blocks. "
    "Keep every number, date, time, amount and percentage. Keep the meaning; do not add or drop facts."
)
_STRICT_RULES = (
    " Rules you must follow:"
    " (1) write only in {target}{script_rule};"
    " (2) copy every number exactly, converting units only as the number notes say;"
    " (3) use the glossary translations word for word;"
    " (4) translate each sentence once, never repeat yourself."
)
_GLOSSARY_HEADER = "Glossary (use these translations):"
_NUMBERS_HEADER = "Number notes:"
_PROBLEMS_HEADER = "A previous translation was rejected:"
_TASK = "Translate from {source} to {target}."
_TEXT_MARKER = "{source} text:"
_LINE = re.compile(r"^- (.+?) => (.+)$")
_TASK_RE = re.compile(r"^Translate from (.+?) to (.+?)\.$", re.MULTILINE)
_PLAIN_RE = re.compile(r"^Translate this (.+?) text into (.+?):\n(.*)$", re.DOTALL)

_NAME_TO_CODE = {name: code for code, name in LANGUAGE_NAMES.items()}


def build_messages(
    text: str,
    source: str,
    target: str,
    *,
    glossary: Sequence[tuple[str, str]] = (),
    number_notes: Sequence[str] = (),
    problems: Sequence[str] = (),
    strict: bool = False,
) -> list[ChatMessage]:
    """The chat messages for one segment. `strict` is the retry prompt: firmer rules, the problems named."""
    source_name, target_name = LANGUAGE_NAMES[source], LANGUAGE_NAMES[target]
    system = _SYSTEM.format(source=source_name, target=target_name)
    if strict:
        script_rule = ", no Korean (Hangul) characters; write Korean names in romanised form" if target != "ko" else ""
        system += _STRICT_RULES.format(target=target_name, script_rule=script_rule)
    parts: list[str] = []
    if glossary:
        parts.append("\n".join([_GLOSSARY_HEADER, *(f"- {src} => {dst}" for src, dst in glossary)]))
    if number_notes:
        parts.append("\n".join([_NUMBERS_HEADER, *(f"- {note}" for note in number_notes)]))
    if problems:
        parts.append("\n".join([_PROBLEMS_HEADER, *(f"- {problem}" for problem in problems)]))
    parts.append(_TASK.format(source=source_name, target=target_name))
    parts.append(_TEXT_MARKER.format(source=source_name) + "\n" + text)
    return [{"role": "system", "content": system}, {"role": "user", "content": "\n\n".join(parts)}]


def build_plain_messages(text: str, source: str, target: str) -> list[ChatMessage]:
    """The bare baseline prompt the benchmark compares against: no glossary, no rules."""
    source_name, target_name = LANGUAGE_NAMES[source], LANGUAGE_NAMES[target]
    # parse_prompt reads this back with _PLAIN_RE.
    return [{"role": "user", "content": f"Translate this {source_name} text into {target_name}:\n{text}"}]


@dataclass(frozen=True)
class ParsedPrompt:
    source: str
    target: str
    text: str
    glossary: list[tuple[str, str]]


def parse_prompt(messages: Sequence[ChatMessage]) -> ParsedPrompt:
    """Read back what build_messages wrote (used by the fake engine)."""
    user = messages[-1]["content"]
    plain = _PLAIN_RE.match(user)
    if plain is not None:
        source, target = _NAME_TO_CODE[plain.group(1)], _NAME_TO_CODE[plain.group(2)]
        return ParsedPrompt(source=source, target=target, text=plain.group(3), glossary=[])
    task = _TASK_RE.search(user)
    if task is None:
        raise ValueError("not a newsimpact translation prompt")
    source, target = _NAME_TO_CODE[task.group(1)], _NAME_TO_CODE[task.group(2)]
    marker = _TEXT_MARKER.format(source=task.group(1)) + "\n"
    head, _, text = user.rpartition(marker)
    glossary: list[tuple[str, str]] = []
    if head.startswith(_GLOSSARY_HEADER):
        block = head.split("\n\n", 1)[0]
        glossary = [(m.group(1), m.group(2)) for m in map(_LINE.match, block.splitlines()[1:]) if m]
    return ParsedPrompt(source=source, target=target, text=text, glossary=glossary)


_FENCE = re.compile(r"^```[\w-]*\s*$", re.MULTILINE)
_LABEL = re.compile(
    r"^\s*(?:(?:English|Japanese|Chinese|Vietnamese|Korean|Simplified Chinese|Traditional Chinese)"
    r"(?: translation)?|Translation|翻訳|译文|譯文|번역|Bản dịch)\s*[:：]\s*",
    re.IGNORECASE,
)
_QUOTES = {'"': '"', "“": "”", "「": "」", "'": "'"}


def clean_output(raw: str, source_text: str, target: str) -> str:
    """Strip what small models wrap around a translation: code fences, "Translation:" labels, quotes.

    A paragraph stays one paragraph: line breaks inside the answer are joined.
    """
    text = _FENCE.sub("", raw).strip()
    text = _LABEL.sub("", text, count=1).strip()
    if len(text) >= 2 and _QUOTES.get(text[0]) == text[-1] and source_text[:1] not in _QUOTES:
        text = text[1:-1].strip()
    joiner = "" if target in CJK_TARGETS else " "
    return joiner.join(line.strip() for line in text.splitlines() if line.strip())
