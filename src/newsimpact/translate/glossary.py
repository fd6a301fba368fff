"""The glossary: fixed renderings of names and terms, injected into a prompt only where they occur.

Two sources: the reviewed knowledge/data/glossary.yaml (government bodies, titles, Korean companies,
news terms) and the universe's alias CSVs (knowledge/data/aliases/*.csv: each company's primary
Korean alias paired with its English name). The YAML wins where both name the same Korean term.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

import yaml

from newsimpact.errors import KnowledgeError

NAME_KINDS = frozenset({"government", "organization", "company", "group", "index", "place"})
"""Kinds whose rendering is a proper name: the output must use it (checked), and for a target the
entry does not cover, the English name is still the best hint. Titles and terms are hints only."""

_PARTICLES = set("은는이가을를의에도와과로만께서며")
"""What may follow a `bound` term (대표 as CEO in 대표는, not in 대표하는)."""


@dataclass(frozen=True)
class GlossaryEntry:
    korean: tuple[str, ...]
    """Korean forms, the first the standard one (과학기술정보통신부, 과기정통부, 과기부)."""
    renderings: dict[str, str] = field(hash=False)
    """BCP 47 target -> rendering; "en" is always there."""
    kind: str = "term"
    bound: bool = False
    """Match only when followed by a particle, space or punctuation (short, ambiguous terms)."""
    reject_context: tuple[str, ...] = ()
    """Skip the entry when the text holds one of these (애보트 near 주지사 is the governor, not Abbott)."""
    require_context: tuple[str, ...] = ()
    """When given, use the entry only if the text holds one of these."""


@dataclass(frozen=True)
class GlossaryHit:
    source: str
    target: str
    checked: bool
    """True when the output must contain `target` (a name rendered explicitly for this language)."""
    kind: str = "term"
    """The entry's kind (company, place, government, ...; person for a people's name)."""


class Glossary:
    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self.entries: list[GlossaryEntry] = []
        self._patterns: dict[str, list[tuple[GlossaryEntry, re.Pattern[str]]]] = {}
        seen: set[str] = set()
        for entry in entries:  # first wins: the reviewed YAML is loaded before the alias CSVs
            if not seen.intersection(entry.korean):
                self.entries.append(entry)
                seen.update(entry.korean)

    def __len__(self) -> int:
        return len(self.entries)

    def companies_not_in(self, source: str, output: str, target: str) -> list[str]:
        """Known companies the output names but the source does not (카카오 -> "华为", Qualcomm -> "Samsung").

        A company counts as in the source when one of its Korean forms, its English name, or the
        first two syllables of its Korean name (삼성 of 삼성전자: the group's short name) occurs there.
        """
        found: list[str] = []
        for entry, pattern in self._company_patterns(target):
            if not pattern.search(output):
                continue
            forms = (*entry.korean, entry.renderings["en"], *(k[:2] for k in entry.korean if _is_hangul(k[:1])))
            if not any(form in source for form in forms):
                found.append(entry.renderings.get(target, entry.renderings["en"]))
        return found

    def _company_patterns(self, target: str) -> list[tuple[GlossaryEntry, re.Pattern[str]]]:
        cached = self._patterns.get(target)
        if cached is None:
            cached = []
            for entry in self.entries:
                if entry.kind not in ("company", "group"):
                    continue
                name = entry.renderings.get(target) or (entry.renderings["en"] if target in ("en", "vi") else None)
                latin = name[:1].isascii() if name else True
                if not name or len(name) < (3 if latin else 2):  # KT, LG alone: too short to tell apart
                    continue
                # Latin names as whole words, case-sensitive (Apple the company, not an apple).
                pattern = r"(?<![\w])" + re.escape(name) + r"(?![\w])" if latin else re.escape(name)
                cached.append((entry, re.compile(pattern)))
            self._patterns[target] = cached
        return cached

    def select(self, text: str, source: str, target: str) -> list[GlossaryHit]:
        """The entries that occur in `text`, longest match first, never two on the same characters."""
        candidates: list[tuple[int, int, str, GlossaryEntry]] = []
        for entry in self.entries:
            if any(word in text for word in entry.reject_context) or (
                entry.require_context and not any(word in text for word in entry.require_context)
            ):
                continue
            forms = entry.korean if source == "ko" else (entry.renderings["en"],)
            for form in forms:
                for start, end in _find(text, form, source, entry.bound):
                    candidates.append((start, end, form, entry))
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken: list[tuple[int, int]] = []
        hits: dict[str, GlossaryHit] = {}
        for start, end, form, entry in candidates:
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            hit = _hit(form, entry, source, target)
            if hit is not None:
                taken.append((start, end))
                hits.setdefault(form, hit)
        return sorted(hits.values(), key=lambda h: text.find(h.source) if source == "ko" else 0)


def _find(text: str, form: str, source: str, bound: bool) -> Iterable[tuple[int, int]]:
    if source != "ko":
        pattern = r"(?<!\w)" + re.escape(form) + r"(?!\w)"
        return [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
    spans = []
    start = text.find(form)
    while start >= 0:
        end = start + len(form)
        after = text[end : end + 1]
        if not bound or not after or not _is_hangul(after) or after in _PARTICLES:
            spans.append((start, end))
        start = text.find(form, start + 1)
    return spans


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _hit(form: str, entry: GlossaryEntry, source: str, target: str) -> GlossaryHit | None:
    if source == "en":  # English source: the reverse mapping into Korean
        return GlossaryHit(form, entry.korean[0], entry.kind in NAME_KINDS, entry.kind) if target == "ko" else None
    rendering = entry.renderings.get(target)
    if rendering is not None:
        return GlossaryHit(form, rendering, entry.kind in NAME_KINDS, entry.kind)
    if entry.kind in NAME_KINDS:
        return GlossaryHit(form, entry.renderings["en"], False, entry.kind)
    return None


# --- loading -------------------------------------------------------------------------------------


def _data_dir() -> Traversable:
    return files("newsimpact.knowledge").joinpath("data")


def load_glossary(glossary_file: Traversable | None = None, aliases_dir: Traversable | None = None) -> Glossary:
    data = _data_dir()
    entries = load_yaml_entries(glossary_file or data.joinpath("glossary.yaml"))
    entries += load_alias_entries(aliases_dir or data.joinpath("aliases"), data.joinpath("company_names.csv"))
    return Glossary(entries)


def load_yaml_entries(path: Traversable) -> list[GlossaryEntry]:
    if not path.is_file():
        return []
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: not valid YAML ({exc})") from exc
    entries = []
    for i, item in enumerate(raw.get("entries") or []):
        entries.append(_entry(item, f"{path} entry {i}"))
    return entries


def _entry(item: Any, where: str) -> GlossaryEntry:
    if not isinstance(item, dict) or "ko" not in item or "en" not in item:
        raise KnowledgeError(f"{where}: needs at least ko and en")
    korean = item["ko"] if isinstance(item["ko"], list) else [item["ko"]]
    renderings = {k: str(v) for k, v in item.items() if k in ("en", "ja", "zh-Hans", "zh-Hant", "vi")}
    return GlossaryEntry(
        korean=tuple(str(k) for k in korean),
        renderings=renderings,
        kind=str(item.get("kind", "term")),
        bound=bool(item.get("bound", False)),
    )


def load_company_names(path: Traversable | None) -> dict[str, dict[str, str]]:
    """knowledge/data/company_names.csv: ticker -> {target: name} for ja, zh-Hans, zh-Hant (reviewed)."""
    if path is None or not path.is_file():
        return {}
    names: dict[str, dict[str, str]] = {}
    for i, row in enumerate(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))), 2):
        ticker = (row.get("ticker") or "").strip()
        if not ticker:
            raise KnowledgeError(f"{path} line {i}: no ticker")
        names[ticker] = {t: row[t].strip() for t in ("ja", "zh-Hans", "zh-Hant") if (row.get(t) or "").strip()}
    return names


def load_alias_entries(folder: Traversable, company_names: Traversable | None = None) -> list[GlossaryEntry]:
    """Pair each ticker's primary Korean alias with its English name (and its Japanese and Chinese
    names from company_names.csv); an empty or absent folder is fine."""
    if not folder.is_dir():
        return []
    local_names = load_company_names(company_names)
    korean: dict[str, dict[str, str]] = {}
    english: dict[str, tuple[bool, str]] = {}
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".csv"):
            continue
        for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
            ticker, alias = (row.get("ticker") or "").strip(), (row.get("alias") or "").strip()
            lang, kind, primary = (
                row.get("lang"),
                row.get("kind"),
                (row.get("primary") or "").strip() in ("1", "true"),
            )
            if not ticker or not alias:
                continue
            if lang == "ko" and primary:
                korean.setdefault(ticker, row)
            elif lang == "en" and kind == "name" and (ticker not in english or (primary and not english[ticker][0])):
                english[ticker] = (primary, alias)  # the primary English name beats any other
    return [
        GlossaryEntry(
            korean=(row["alias"].strip(),),
            renderings={"en": english[ticker][1], **local_names.get(ticker, {})},
            kind="company",
            reject_context=_context(row.get("reject_context")),
            require_context=_context(row.get("require_context")),
        )
        for ticker, row in sorted(korean.items())
        if ticker in english
    ]


def _context(cell: str | None) -> tuple[str, ...]:
    return tuple(word for word in (cell or "").split("|") if word.strip())


def describe(hits: Sequence[GlossaryHit]) -> list[tuple[str, str]]:
    return [(hit.source, hit.target) for hit in hits]
