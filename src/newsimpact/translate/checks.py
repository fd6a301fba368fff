"""Checks run on every model output: what a newsroom would reject before publishing.

Each check returns Problems; the Translator retries on any problem and keeps the output with the
lowest weighted score. Numbers are compared as values, so 270억달러 and "$27 billion" agree.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

from newsimpact.errors import KnowledgeError
from newsimpact.translate.glossary import GlossaryHit


@dataclass(frozen=True)
class Problem:
    check: str
    """numbers | currency | names | company | hangul | script | repetition | length | glossary | empty"""
    message: str


WEIGHTS = {
    "empty": 10,
    "repetition": 4,
    "hangul": 3,
    "script": 3,
    "company": 3,
    "currency": 3,
    "numbers": 2,
    "names": 2,
    "length": 2,
    "glossary": 1,
}
"""How bad each problem is when choosing the best of several outputs."""


def score(problems: Iterable[Problem]) -> int:
    return sum(WEIGHTS[p.check] for p in problems)


# --- numbers -------------------------------------------------------------------------------------

_UNITS: dict[str, float] = {
    "십": 10, "백": 100, "천": 1e3, "만": 1e4, "억": 1e8, "조": 1e12,
    "十": 10, "百": 100, "千": 1e3, "万": 1e4, "萬": 1e4, "億": 1e8, "亿": 1e8, "兆": 1e12,
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "mn": 1e6, "mln": 1e6, "m": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
    "nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9,
}  # fmt: skip
_CJK_UNIT = "십백천만억조十百千万萬億亿兆"
_WORD_UNIT = r"thousand|million|billion|trillion|nghìn|ngàn|triệu|tỷ|tỉ"
_NUMBER = re.compile(
    rf"(?P<num>\d+(?:\.\d+)?)"
    rf"(?P<units>(?:[{_CJK_UNIT}]|\s?(?:{_WORD_UNIT})\b|(?:k|mn|mln|m|bn|b|tn)\b)*)",
    re.IGNORECASE,
)
_DOTTED_DATE = re.compile(r"\b(\d{4})[./-](\d{1,2})[./-](\d{1,2})\b")
_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2})\b")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_WORD = re.compile(
    r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.IGNORECASE,
)
_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
]
_NUMBER_WORD = {w: i + 1 for i, w in enumerate(_WORDS)} | {w: i + 1 for i, w in enumerate(_ORDINALS)}
_NUMBER_WORD_RE = re.compile(r"\b(" + "|".join(_NUMBER_WORD) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class NumberMention:
    text: str
    values: frozenset[float]
    """Any of these values in the other text counts as the same number."""


def _normalise(text: str) -> str:
    # NFKC folds full-width digits (１９) and ％ into ASCII; thousands separators carry no value.
    return _THOUSANDS.sub("", unicodedata.normalize("NFKC", text))


def number_mentions(text: str) -> list[NumberMention]:
    """Every number written with digits, with its plain and unit-scaled values.

    A run such as 38조 7000억 is one mention whose value is the sum (38.7 trillion).
    """
    text = _normalise(text)
    mentions: list[NumberMention] = []
    for match in _DOTTED_DATE.finditer(text):
        mentions.extend(NumberMention(g, frozenset({float(g)})) for g in match.groups())
    text = _DOTTED_DATE.sub(" ", text)
    for match in _CLOCK.finditer(text):
        # 09:00 and "9 a.m." state the same time: a zero minute need not survive.
        hour, minute = match.groups()
        mentions.append(NumberMention(hour, frozenset({float(hour)})))
        if int(minute):
            mentions.append(NumberMention(minute, frozenset({float(minute)})))
    text = _CLOCK.sub(" ", text)
    previous: tuple[re.Match[str], float, float] | None = None
    for match in _NUMBER.finditer(text):
        value = float(match.group("num"))
        scale = math.prod(_units(match.group("units")))
        if previous is not None and _continues(text, previous, match, scale):
            first, first_value, first_scale = previous
            total = first_value * first_scale + value * scale
            mentions[-1] = NumberMention(text[first.start() : match.end()], frozenset({total}))
            previous = (first, total, 1.0)
            continue
        # 270억 means 27 billion: "$270 million" must not pass for it, so only the scaled value counts.
        mentions.append(NumberMention(match.group(0).strip(), frozenset({value * scale})))
        previous = (match, value, scale)
    return mentions


def _units(units: str) -> list[float]:
    found = re.findall(rf"[{_CJK_UNIT}]|{_WORD_UNIT}|mln|mn|bn|tn|k|m|b", units, re.IGNORECASE)
    return [_UNITS[u.lower()] for u in found]


def _continues(text: str, previous: tuple[re.Match[str], float, float], match: re.Match[str], scale: float) -> bool:
    """38조 7000억: a number with a big unit followed, after only spaces, by a smaller-unit number."""
    prev_match, _, prev_scale = previous
    gap = text[prev_match.end() : match.start()]
    return prev_scale >= 1e4 and 1 < scale < prev_scale and gap.strip() == ""


def number_values(text: str) -> set[float]:
    """All values a text states, in digits, unit words, month names or small number words."""
    values = {float(raw) for raw in re.findall(r"\d+(?:\.\d+)?", _normalise(text))}
    for mention in number_mentions(text):
        values |= mention.values
    values |= {float(_MONTHS[m.group(1).lower()[:3]]) for m in _MONTH_WORD.finditer(text)}
    values |= {float(_NUMBER_WORD[m.group(1).lower()]) for m in _NUMBER_WORD_RE.finditer(text)}
    return values


def missing_numbers(source: str, output: str) -> list[str]:
    """Numbers of the source that the output does not state (in any of their forms)."""
    have = number_values(output)
    return [
        m.text
        for m in number_mentions(source)
        if not any(math.isclose(v, h, rel_tol=1e-9) for v in m.values for h in have)
    ]


_KOREAN_DAY = re.compile(r"(?<![\d.])(?:(\d{1,2})월\s*)?(\d{1,2})일")
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def date_notes(text: str, target: str) -> list[str]:
    """Korean day-of-month dates: a small model drops "19일" or invents a month for it."""
    if target != "en":
        return []
    notes = []
    for match in _KOREAN_DAY.finditer(_normalise(text)):
        month, day = match.group(1), int(match.group(2))
        if not 1 <= day <= 31:
            continue
        if month and 1 <= int(month) <= 12:
            notes.append(f"{match.group(0)} = {_MONTH_NAMES[int(month) - 1]} {day}")
        elif not month:
            notes.append(f"{match.group(0)} = the {_ordinal(day)} (day of the month; no month is given, add none)")
    return notes


_KOREAN_MONTH = re.compile(r"\d{1,2}\s*월|\d{4}\s*[.\-/]\s*\d{1,2}")
# Capitalised and followed by a day, so the verb "may" and words like "march" never count.
_ENGLISH_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b"
)


def invented_months(source: str, output: str, source_lang: str) -> list[str]:
    """Month names in an English output of a Korean source that names no month ("19일" -> "September 19")."""
    if source_lang != "ko" or _KOREAN_MONTH.search(_normalise(source)):
        return []
    return list(dict.fromkeys(m.group(0) for m in _ENGLISH_DATE.finditer(output)))


_MID_SENTENCE_DAY = re.compile(r"(?<=\s)(\d{1,2}일)(?:\s|,)")


def front_day_dates(text: str) -> str:
    """Move a bare day-of-month to the front of its sentence ("장관은 19일 말했다" -> "19일, 장관은 말했다").

    Korean puts the date after the subject; a small model then tends to drop it. Fronted, it
    translates as "On the 19th, ...". Used for the retry when a day went missing.
    """
    out = []
    for sentence in re.split(r"(?<=[.?!])\s+", text):
        match = _MID_SENTENCE_DAY.search(sentence)
        if match is None or _KOREAN_MONTH.search(_normalise(sentence[: match.end()])):
            out.append(sentence)
            continue
        rest = (sentence[: match.start()].rstrip() + " " + sentence[match.end() :].lstrip()).strip()
        out.append(f"{match.group(1)}, {rest}")
    return " ".join(out)


def number_notes(text: str, target: str) -> list[str]:
    """Conversions a small model gets wrong on its own: 270억 = 27 billion (for en and vi targets),
    and Korean day-of-month dates (19일 = the 19th) for English."""
    if target not in ("en", "vi"):
        return []
    notes = []
    for mention in number_mentions(text):
        big = max(mention.values)
        if big >= 1e4 and any(u in mention.text for u in "만억조"):
            notes.append(f"{mention.text} = {_spell(big, target)}")
    notes += date_notes(text, target)
    return list(dict.fromkeys(notes))


def money_notes(text: str, target: str) -> list[str]:
    """ "원 = won": a small model turns won into yuan in Chinese or yen in Japanese."""
    return [f"{korean} = {name} (keep this currency)" for korean, name in currency_notes(text, target)]


def _spell(value: float, target: str) -> str:
    names = (
        [(1e12, "nghìn tỷ"), (1e9, "tỷ"), (1e6, "triệu"), (1e3, "nghìn")]
        if target == "vi"
        else [(1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")]
    )
    for size, name in names:
        if value >= size:
            return f"{value / size:,.6g} {name}"
    return f"{value:,.6g}"


# --- scripts -------------------------------------------------------------------------------------

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_SIMPLIFIED_ONLY = set("们这国说为经对发业时长会来个进资与产开关门电动实现场应价体总报记术达统银险证额亿韩")
_TRADITIONAL_ONLY = set("們這國說為經對發業時長會來個進資與產開關門電動實現場應價體總報記術達統銀險證額億韓")


def script_problems(output: str, target: str) -> list[Problem]:
    problems: list[Problem] = []
    if target == "ko":
        letters = len(_LATIN.findall(output)) + sum(len(h) for h in _HANGUL.findall(output))
        if letters and sum(len(h) for h in _HANGUL.findall(output)) / letters < 0.3:
            problems.append(Problem("script", "the output is not in Korean"))
        return problems
    hangul = _HANGUL.findall(output)
    if hangul:
        problems.append(Problem("hangul", "Korean text left in the output: " + ", ".join(hangul[:3])))
    if target in ("en", "vi") and (_HAN.search(output) or _KANA.search(output)):
        problems.append(Problem("script", "Chinese or Japanese characters in the output"))
    elif target == "ja" and len(output) > 20 and not _KANA.search(output):
        problems.append(Problem("script", "no kana: the output looks Chinese, not Japanese"))
    elif target.startswith("zh"):
        if _KANA.search(output):
            problems.append(Problem("script", "Japanese kana in a Chinese output"))
        simplified = sum(ch in _SIMPLIFIED_ONLY for ch in output)
        traditional = sum(ch in _TRADITIONAL_ONLY for ch in output)
        if target == "zh-Hans" and traditional >= 2 and traditional > simplified:
            problems.append(Problem("script", "Traditional characters in a Simplified Chinese output"))
        if target == "zh-Hant" and simplified >= 2 and simplified > traditional:
            problems.append(Problem("script", "Simplified characters in a Traditional Chinese output"))
    return problems


# --- repetition and length -----------------------------------------------------------------------

_TIGHT_LOOP = re.compile(r"(\S.+?)\1{3,}")


def repetition_problem(output: str, target: str) -> Problem | None:
    """A decoding loop: a piece repeated back to back, or the same phrase many times over."""
    compact = re.sub(r"\s+", " ", output)
    for loop in _TIGHT_LOOP.finditer(compact):
        if re.search(r"[^\W\d_]", loop.group(1)):  # 1,000,000,000 is not a loop
            return Problem("repetition", f"repeats {loop.group(1).strip()!r}")
    units: Sequence[str] = list(compact.replace(" ", "")) if target in ("ja", "zh-Hans", "zh-Hant") else compact.split()
    size = 6 if target in ("ja", "zh-Hans", "zh-Hant") else 4
    grams = Counter(tuple(units[i : i + size]) for i in range(len(units) - size + 1))
    if grams:
        gram, count = grams.most_common(1)[0]
        if count >= 4:
            joiner = "" if size == 6 else " "
            return Problem("repetition", f"repeats {joiner.join(gram)!r} {count} times")
    return None


LENGTH_RATIO: dict[tuple[str, str], tuple[float, float]] = {
    ("ko", "en"): (0.9, 5.0),
    ("ko", "vi"): (0.9, 5.5),
    ("ko", "ja"): (0.5, 2.5),
    ("ko", "zh-Hans"): (0.35, 2.0),
    ("ko", "zh-Hant"): (0.35, 2.0),
    ("en", "ko"): (0.15, 1.0),
}
"""Output/source character ratios outside which a translation has dropped or invented text.
ko->en is calibrated on Korean/English news pairs (1.3-3.6); the others by the scripts' density."""
_MIN_LENGTH_CHECKED = 20


def length_problem(source: str, output: str, source_lang: str, target: str) -> Problem | None:
    src = len(" ".join(source.split()))
    if src < _MIN_LENGTH_CHECKED:
        return None
    low, high = LENGTH_RATIO[(source_lang, target)]
    ratio = len(" ".join(output.split())) / src
    if ratio < low:
        return Problem("length", f"too short ({ratio:.2f}x the source): text dropped?")
    if ratio > high:
        return Problem("length", f"too long ({ratio:.2f}x the source): text added?")
    return None


def _uses(folded_output: str, rendering: str) -> bool:
    """The rendering, or its title form: 과기정통부 장관 is rightly "Minister of Science and ICT"."""
    if rendering in folded_output:
        return True
    return rendering.startswith("ministry of ") and "minister of " + rendering[12:] in folded_output


# --- all together --------------------------------------------------------------------------------


PERSON = "person"
COMPANY_KINDS = frozenset({"company", "group"})
_SUBJECT = re.compile(r"^(?:은|는|이|가|도)(?![가-힣])")


def _role(source: str, korean: str) -> str:
    """ " (the subject)" when the company heads its clause (삼성전자는/가 ...) or benefits (수혜): the
    role a swapped name changes most (the source's beneficiary credited to another company)."""
    at = source.find(korean)
    after = source[at + len(korean) : at + len(korean) + 2] if at >= 0 else ""
    return " (the subject)" if _SUBJECT.match(after) or "수혜" in source else ""


def check_output(
    source: str,
    output: str,
    source_lang: str,
    target: str,
    glossary: Sequence[GlossaryHit] = (),
    invented_companies: Sequence[str] = (),
) -> list[Problem]:
    """`invented_companies`: known companies the output names that the source does not
    (Glossary.companies_not_in), so "Samsung benefits" for a source about Qualcomm is caught."""
    if not output.strip():
        return [Problem("empty", "empty output")]
    problems = script_problems(output, target)
    missing = missing_numbers(source, output)
    if missing:
        problems.append(Problem("numbers", "numbers missing: " + ", ".join(missing)))
    invented = invented_months(source, output, source_lang)
    if invented:
        problems.append(Problem("numbers", "month not in the source: " + ", ".join(invented)))
    for found in (repetition_problem(output, target), length_problem(source, output, source_lang, target)):
        if found is not None:
            problems.append(found)
    problems += currency_problems(source, output, source_lang, target)
    folded = output.casefold()
    missing_hits = [hit for hit in glossary if hit.checked and not _uses(folded, hit.target.casefold())]
    people = [f"{h.source} => {h.target}" for h in missing_hits if h.kind == PERSON]
    companies = [h for h in missing_hits if h.kind in COMPANY_KINDS]
    others = [f"{h.source} => {h.target}" for h in missing_hits if h.kind != PERSON and h.kind not in COMPANY_KINDS]
    if people:
        problems.append(Problem("names", "names not as given: " + "; ".join(people)))
    company_notes = [f"{h.source} => {h.target}{_role(source, h.source)} is missing" for h in companies]
    company_notes += [f"{name} is not in the source" for name in invented_companies]
    if company_notes:
        problems.append(Problem("company", "companies changed: " + "; ".join(company_notes)))
    if others:
        problems.append(Problem("glossary", "glossary not followed: " + "; ".join(others)))
    return problems


# --- currencies ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Currency:
    code: str
    korean: str
    """The Korean unit word (원, 달러)."""
    name: dict[str, str]
    """Target -> its plain name there (won, ウォン, 韩元)."""
    amount: dict[str, re.Pattern[str]]
    """Source language -> a sum of money in this currency."""
    mention: dict[str, re.Pattern[str]]
    """Source language -> any mention of it."""
    targets: dict[str, list[str]]
    """Target language -> patterns of its name there."""


@cache
def currencies() -> list[Currency]:
    """knowledge/data/currencies.yaml, compiled; a bad pattern is a KnowledgeError naming it."""
    path = files("newsimpact.knowledge").joinpath("data", "currencies.yaml")
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: list[Currency] = []
    for code, spec in (raw.get("currencies") or {}).items():
        try:
            out.append(
                Currency(
                    code=str(code),
                    korean=str(spec["korean"]),
                    name={lang: str(n) for lang, n in spec["name"].items()},
                    amount={lang: re.compile(p, re.IGNORECASE) for lang, p in spec["amount"].items()},
                    mention={lang: re.compile(p, re.IGNORECASE) for lang, p in spec["mention"].items()},
                    targets={lang: [str(p) for p in ps] for lang, ps in spec["targets"].items()},
                )
            )
        except (KeyError, TypeError, AttributeError, re.error) as exc:
            raise KnowledgeError(f"currencies.yaml: currency {code}: {exc}") from exc
    return out


@cache
def _currency_forms(target: str) -> list[tuple[re.Pattern[str], str]]:
    """(pattern, code) for every currency's names in `target`, the longest pattern first."""
    forms = [(p, c.code) for c in currencies() for p in c.targets.get(target, [])]
    return [(re.compile(p, re.IGNORECASE), code) for p, code in sorted(forms, key=lambda f: -len(f[0]))]


def currencies_named(output: str, target: str) -> set[str]:
    """Currency codes an output names; a matched name is blanked so 韩元 is not also read as 元."""
    found: set[str] = set()
    text = output
    for pattern, code in _currency_forms(target):
        if pattern.search(text):
            found.add(code)
            text = pattern.sub(" ", text)
    return found


def currency_notes(text: str, target: str) -> list[tuple[str, str]]:
    """(Korean unit, its name in `target`) for each currency the Korean text states amounts in."""
    return [
        (c.korean, c.name[target])
        for c in currencies()
        if target in c.name and (pattern := c.amount.get("ko")) is not None and pattern.search(text)
    ]


def currency_problems(source: str, output: str, source_lang: str, target: str) -> list[Problem]:
    """Every currency of a sum in the source is named in the output, and no other one is:
    10조 원 stays won / ウォン / 韩元, never yen, yuan or dollars."""
    named = currencies_named(output, target)
    problems = []
    for currency in currencies():
        amount = currency.amount.get(source_lang)
        if amount is not None and amount.search(source) and currency.code not in named:
            problems.append(Problem("currency", f"currency lost: the source states {currency.code} amounts"))
    mentioned = {
        c.code
        for c in currencies()
        if any(p.search(source) for p in (c.amount.get(source_lang), c.mention.get(source_lang)) if p is not None)
    }
    for code in sorted(named - mentioned):
        problems.append(Problem("currency", f"currency not in the source: {code}"))
    return problems
