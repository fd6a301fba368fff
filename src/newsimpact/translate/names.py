"""People's names in Korean news, romanised for the prompt (이종호 장관 -> "Lee Jong-ho").

A small model invents names ("Mr. Kim", "Igor Khoroshev" for 이종호). Names are not glossary
entries; they are found by the newsroom pattern "<surname><given name> [<organisation>] <title>"
and romanised: the surname in its customary spelling, the given name in Revised Romanization.
Only for targets written in Latin script; Japanese and Chinese write Korean names in kanji/hanzi,
which cannot be derived from Hangul.
"""

from __future__ import annotations

import re

from newsimpact.translate.glossary import GlossaryHit

_INITIALS = [
    "g",
    "kk",
    "n",
    "d",
    "tt",
    "r",
    "m",
    "b",
    "pp",
    "s",
    "ss",
    "",
    "j",
    "jj",
    "ch",
    "k",
    "t",
    "p",
    "h",
]
_VOWELS = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo",
    "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
]  # fmt: skip
_FINALS = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
    "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
]  # fmt: skip


def romanize(text: str) -> str:
    """Hangul syllables -> Revised Romanization (letter by letter, no sound-change rules)."""
    out: list[str] = []
    for ch in text:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            initial, rest = divmod(code, 588)
            vowel, final = divmod(rest, 28)
            out.append(_INITIALS[initial] + _VOWELS[vowel] + _FINALS[final])
        else:
            out.append(ch)
    return "".join(out)


SURNAMES = {
    "김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "강": "Kang", "조": "Cho",
    "윤": "Yoon", "장": "Jang", "임": "Lim", "한": "Han", "오": "Oh", "서": "Seo", "신": "Shin",
    "권": "Kwon", "황": "Hwang", "안": "Ahn", "송": "Song", "류": "Ryu", "유": "Yoo", "전": "Jeon",
    "홍": "Hong", "고": "Ko", "문": "Moon", "양": "Yang", "손": "Son", "배": "Bae", "백": "Baek",
    "허": "Heo", "남": "Nam", "심": "Shim", "노": "Noh", "하": "Ha", "곽": "Kwak", "성": "Sung",
    "차": "Cha", "주": "Joo", "우": "Woo", "구": "Koo", "민": "Min", "진": "Jin", "나": "Na",
    "지": "Ji", "엄": "Eom", "채": "Chae", "원": "Won", "천": "Cheon", "방": "Bang", "공": "Kong",
    "현": "Hyun", "함": "Ham", "변": "Byun", "염": "Yeom", "여": "Yeo", "추": "Choo", "도": "Do",
    "석": "Seok", "설": "Seol", "길": "Gil", "연": "Yeon", "표": "Pyo", "명": "Myung", "반": "Ban",
    "왕": "Wang", "금": "Keum", "옥": "Ok", "육": "Yook", "맹": "Maeng", "탁": "Tak", "용": "Yong",
}  # fmt: skip
TITLES = [
    "대통령",
    "국무총리",
    "총리",
    "부총리",
    "장관",
    "차관",
    "의원",
    "위원장",
    "총재",
    "청장",
    "처장",
    "원장",
    "대표이사",
    "대표",
    "사장",
    "부사장",
    "회장",
    "부회장",
    "전무",
    "상무",
    "이사",
    "교수",
    "연구원",
    "내정자",
    "대변인",
    "실장",
    "국장",
    "본부장",
    "센터장",
    "소장",
    "기자",
    "특파원",
    "애널리스트",
    "의장",
    "시장",
    "지사",
    "검사",
    "판사",
    "감독",
    "단장",
]
_TITLE = "|".join(sorted(TITLES, key=len, reverse=True))
# 이종호 과학기술정보통신부 장관은 / 김승환 대표와: a 3-syllable name, at most two words, then a title
# that ends the word or takes a particle.
_NAME = re.compile(
    rf"(?<![가-힣A-Za-z0-9])([가-힣]{{3}})(?=\s+(?:\S+\s+){{0,2}}?(?:{_TITLE})(?:[은는이가을를의와과도께]|(?![가-힣])))"
)
LATIN_TARGETS = ("en", "vi")


def romanize_name(name: str) -> str | None:
    surname = SURNAMES.get(name[0])
    if surname is None:
        return None
    first, second = romanize(name[1]), romanize(name[2])
    return f"{surname} {first.capitalize()}-{second}"


def name_hits(text: str, target: str) -> list[GlossaryHit]:
    """Korean people's names with their romanisation; checked, so a made-up name triggers a retry."""
    if target not in LATIN_TARGETS:
        return []
    hits: dict[str, GlossaryHit] = {}
    for match in _NAME.finditer(text):
        name = match.group(1)
        if name.startswith(tuple(TITLES)):  # 장관은 김승환 대표: a title with a particle, not a name
            continue
        roman = romanize_name(name)
        if roman is not None and name not in hits:
            hits[name] = GlossaryHit(name, roman, checked=True)
    return list(hits.values())
