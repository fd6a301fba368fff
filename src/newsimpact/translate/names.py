"""People's names in Korean news, given to the model in a fixed form (이종호 장관 -> "Lee Jong-ho").

A small model invents names ("Mr. Kim", "Igor Khoroshev" for 이종호, 伊東浩 in Japanese). Names are
found two ways: the reviewed list of frequent newsroom names (knowledge/data/names/people.csv,
spelt as the people themselves spell them: 이창용 -> Rhee Chang-yong), anywhere in the text; and
the newsroom pattern "<surname><given name> [<organisation>] <title>" for everyone else, romanised
by korean-romanizer (Revised Romanization) syllable by syllable with the family name first, in its
customary spelling from knowledge/data/names/surnames.csv (이 -> Lee, 박 -> Park, 정 -> Jung).

Japanese and Chinese press write Korean names in kanji/hanzi, which cannot be derived from Hangul:
a name gets its kanji/hanzi only from people.csv; otherwise the romanised form, consistently, so
the model never invents a kanji name.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from korean_romanizer.romanizer import Romanizer

from newsimpact import morphology
from newsimpact.errors import KnowledgeError
from newsimpact.translate.checks import PERSON
from newsimpact.translate.glossary import GlossaryHit

TITLES = [
    "대통령", "국무총리", "총리", "부총리", "장관", "차관", "의원", "위원장", "총재", "청장", "처장",
    "원장", "대표이사", "대표", "사장", "부사장", "회장", "부회장", "전무", "상무", "이사", "교수",
    "연구원", "내정자", "대변인", "실장", "국장", "본부장", "센터장", "소장", "기자", "특파원",
    "애널리스트", "의장", "시장", "지사", "검사", "판사", "감독", "단장", "창업자", "최고경영자",
]  # fmt: skip
"""Job titles that follow a name in Korean news (grammar of the language, not knowledge about people)."""

TITLES_AFTER = tuple(TITLES)
_TITLE = "|".join(sorted(TITLES, key=len, reverse=True))
_PARTICLE = "은는이가을를의와과도께에"
_HANGUL_SYLLABLE = re.compile(r"[가-힣]")


@dataclass(frozen=True)
class KnownName:
    korean: str
    renderings: dict[str, str]
    """Target -> form: en always; ja, zh-Hans, zh-Hant where the person's kanji/hanzi is settled."""


def _data(name: str) -> str:
    return files("newsimpact.knowledge").joinpath("data", "names", name).read_text(encoding="utf-8")


@cache
def surnames() -> dict[str, str]:
    """Hangul surname -> customary romanisation; two-syllable surnames (남궁, 선우) included."""
    table: dict[str, str] = {}
    for i, row in enumerate(csv.DictReader(io.StringIO(_data("surnames.csv"))), 2):
        hangul, roman = (row.get("hangul") or "").strip(), (row.get("roman") or "").strip()
        if not hangul or not roman or not all(_HANGUL_SYLLABLE.match(ch) for ch in hangul):
            raise KnowledgeError(f"names/surnames.csv line {i}: needs a Hangul surname and its romanisation")
        table[hangul] = roman
    return table


@cache
def known_people() -> dict[str, KnownName]:
    people: dict[str, KnownName] = {}
    for i, row in enumerate(csv.DictReader(io.StringIO(_data("people.csv"))), 2):
        korean, english = (row.get("ko") or "").strip(), (row.get("en") or "").strip()
        if not korean or not english:
            raise KnowledgeError(f"names/people.csv line {i}: needs ko and en")
        renderings = {"en": english, "vi": english}
        renderings |= {t: row[t].strip() for t in ("ja", "zh-Hans", "zh-Hant") if (row.get(t) or "").strip()}
        people[korean] = KnownName(korean, renderings)
    return people


def romanize(text: str) -> str:
    """Hangul -> Revised Romanization (korean-romanizer, with its sound-change rules); other text as is."""
    return str(Romanizer(text).romanize())


def romanize_name(name: str) -> str | None:
    """이종호 -> "Lee Jong-ho": customary surname, then the given name's syllables romanised one by one
    (no sound change across them, as the Revised Romanization rules for names say), hyphenated."""
    table = surnames()
    for size in (2, 1):  # 남궁민 is Namgung Min, not Nam Gungmin
        surname = table.get(name[:size])
        given = name[size:]
        if surname is not None and 1 <= len(given) <= 2:
            syllables = [Romanizer(ch).romanize() for ch in given]
            return f"{surname} {'-'.join(syllables).capitalize()}"
    return None


def _pattern() -> re.Pattern[str]:
    # 이종호 과학기술정보통신부 장관은 / 김승환 대표와: a 3-syllable name, at most two words, then a
    # title that ends the word or takes a particle.
    return re.compile(
        rf"(?<![가-힣A-Za-z0-9])([가-힣]{{3}})(?=(\s+(?:\S+\s+){{0,2}}?)({_TITLE})(?:[{_PARTICLE}]|(?![가-힣])))"
    )


_NAME = _pattern()


def _standalone(text: str, start: int, end: int) -> bool:
    """A known name as a word: not inside a longer Hangul word (이재용의 yes, 이재용품 no)."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return not (before and _HANGUL_SYLLABLE.match(before)) and (
        not after or not _HANGUL_SYLLABLE.match(after) or after in _PARTICLE or text.startswith(TITLES_AFTER, end)
    )


_AMBIGUOUS_TITLES = frozenset({"시장", "이사", "감독", "검사", "소장", "지사", "단장", "의장"})
"""Titles that are also ordinary words (시장 market, 이사 moving, 검사 inspection, 소장 complaint):
after them a name needs kiwipiepy's word that it is a proper noun ("전기차 시장과" is no person)."""
_PLACE_ENDINGS = ("시", "도", "군", "구")


def _looks_like_name(word: str, between: str, title: str) -> bool:
    """Whether the three syllables before a title are a person (이종호 장관), not a word (반도체 시장)."""
    if title in ("시장", "지사") and word.endswith(_PLACE_ENDINGS) and not between.strip():
        return False  # 서울시 시장, 경기도 지사: the office of a place
    if morphology.is_proper_noun(word, between + title):
        return True
    return title not in _AMBIGUOUS_TITLES and not morphology.is_common_noun(word)


def name_hits(text: str, target: str) -> list[GlossaryHit]:
    """Korean people's names with the form the output must use (checked, so a made-up name retries)."""
    if target == "ko":
        return []
    hits: dict[str, GlossaryHit] = {}
    for korean, person in known_people().items():
        start = text.find(korean)
        while start >= 0:
            if _standalone(text, start, start + len(korean)):
                rendering = person.renderings.get(target) or person.renderings["en"]
                hits[korean] = GlossaryHit(korean, rendering, checked=True, kind=PERSON)
                break
            start = text.find(korean, start + 1)
    for match in _NAME.finditer(text):
        name = match.group(1)
        if name in hits or name.startswith(TITLES_AFTER):  # 장관은 김승환 대표: a title, not a name
            continue
        if not _looks_like_name(name, match.group(2), match.group(3)):
            continue
        roman = romanize_name(name)
        if roman is not None:
            hits[name] = GlossaryHit(name, roman, checked=True, kind=PERSON)
    return sorted(hits.values(), key=lambda h: text.find(h.source))
