"""Linking: which S&P 500 companies (and Korean companies) a text names, with alias guards."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

from newsimpact.knowledge import KnowledgeBase
from newsimpact.knowledge.schema import Alias
from newsimpact.tracker.surface import (
    Boundary,
    Hit,
    NormalisedText,
    Surface,
    SurfaceIndex,
    is_hangul,
    longest_non_overlapping,
    normalised,
    squash,
    squash_lower,
)
from newsimpact.tracker.text import Sentence


@dataclass(frozen=True)
class EntityRef:
    """What a surface form points at: an S&P 500 ticker or a Korean company id."""

    kind: str  # "sp500" | "korean"
    key: str
    # Guard words, squashed and lower-cased once here rather than at every match.
    reject_within: tuple[str, ...] = ()
    reject_context: tuple[str, ...] = ()
    require_context: tuple[str, ...] = ()
    by_name: bool = True
    """Named as the company (name, short form, ticker), not through a brand, product or unit."""
    reject_words: re.Pattern[str] | None = None
    """The Latin-script reject-context words, matched on the spaced text from a word start: squashed,
    "Visa said" would read as "visas" and "Charter offers" as "charter of"."""
    since: date | None = None
    """The name means the company only from this day (a unit it acquired)."""


@dataclass(frozen=True)
class EntityMention:
    ref: EntityRef
    matched: str
    sentence: Sentence
    start: int  # offsets within the paragraph (or title)
    end: int


def _in_wire_code(text: str, start: int) -> bool:
    """Wire copy tags a company with its instrument code right after the name ("Apple <AAPL.O>"):
    the code repeats the mention, it is not a second one."""
    return start > 0 and text[start - 1] == "<"


def _squashed(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(squash_lower(w) for w in words)


def _boundary_for(surface: str) -> Boundary:
    return "korean" if is_hangul(surface[-1]) else "latin"


def _latin_words(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for the Latin-script words: from a word start, a phrase of several words also to
    a word end ("charter of" is not in "Charter offers")."""
    parts = []
    for word in words:
        spaced = " ".join(word.lower().split())
        body = r"\s+".join(re.escape(w) for w in spaced.split(" "))
        parts.append(rf"(?<![a-z0-9]){body}" + (r"(?![a-z0-9])" if " " in spaced else ""))
    return re.compile("|".join(parts)) if parts else None


def _context_guards(words: tuple[str, ...]) -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    """Reject-context words: Hangul ones squashed (Korean spacing varies), Latin ones as words."""
    latin = tuple(w for w in words if w.isascii())
    return _squashed(tuple(w for w in words if not w.isascii())), _latin_words(latin)


def _alias_ref(alias: Alias) -> EntityRef:
    """The company an alias row names, with the row's guards."""
    reject_context, reject_words = _context_guards(alias.reject_context)
    return EntityRef(
        "sp500",
        alias.ticker,
        _squashed(alias.reject_within),
        reject_context,
        _squashed(alias.require_context),
        by_name=alias.kind in ("name", "short", "ticker"),
        reject_words=reject_words,
        since=alias.since,
    )


def _alias_surface(alias: Alias) -> Surface[EntityRef]:
    return Surface(
        alias.alias,
        _alias_ref(alias),
        case_sensitive=alias.case_sensitive,
        boundary=_boundary_for(alias.alias),
        spaced=True,
    )


class Linker:
    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        rules = kb.linking
        surfaces: list[Surface[EntityRef]] = []
        bare_tickers: dict[str, Alias] = {}
        for alias in kb.aliases:
            if alias.kind == "ticker":
                # Bare tickers only when long and not an English word; else "NYSE: X" / "$X" forms.
                if len(alias.alias) >= 3 and alias.alias not in rules.ticker_stopwords:
                    bare_tickers.setdefault(alias.alias, alias)
                continue
            surfaces.append(_alias_surface(alias))
        for ticker, alias in bare_tickers.items():
            # Case-sensitive always; the alias row's guards still apply (STX needs a Seagate context:
            # "STX" alone is also a Korean trading house).
            surfaces.append(Surface(ticker, _alias_ref(alias), case_sensitive=True, boundary="latin"))
        for company in kb.korean_companies.values():
            reject_context, reject_words = _context_guards(company.reject_context)
            ref = EntityRef(
                "korean", company.id, _squashed(company.reject_within), reject_context, reject_words=reject_words
            )
            for name in company.aliases:
                exact = name.isascii() and (name.isupper() or len(name) <= 4)
                surfaces.append(Surface(name, ref, case_sensitive=exact, boundary=_boundary_for(name), spaced=True))
        self._index = SurfaceIndex(surfaces, suffixes=rules.korean_suffixes, name_endings=rules.company_name_endings_ko)
        prefixes = "|".join(re.escape(p) for p in sorted(rules.exchange_prefixes, key=len, reverse=True))
        self._listed_after = re.compile(rules.listed_company_after_en) if rules.listed_company_after_en else None
        self._listed_before = re.compile(rules.listed_company_before_en) if rules.listed_company_before_en else None
        self._exchange = re.compile(rf"(?:(?:{prefixes})\s*[:：]\s*|\$)(?P<ticker>[A-Z]{{1,5}}(?:\.[A-Z])?)\b")

    def find(self, sentences: list[Sentence], day: date | None = None) -> list[EntityMention]:
        """The companies the sentences name; on `day` (the article's date), a unit acquired later is
        not yet its buyer's."""
        article_text = squash_lower(" ".join(s.text for s in sentences))
        mentions: list[EntityMention] = []
        for sentence in sentences:
            norm = normalised(sentence.text)
            hits = [
                h
                for h in self._index.find(norm)
                if not _in_wire_code(sentence.text, h.start)
                and not (day is not None and h.surface.payload.since is not None and day < h.surface.payload.since)
                and self._guards_ok(h, norm, sentence, article_text)
            ]
            hits += self._exchange_hits(sentence.text)
            for hit in longest_non_overlapping(hits):
                mentions.append(
                    EntityMention(
                        ref=hit.surface.payload,
                        matched=sentence.text[hit.start : hit.end],
                        sentence=sentence,
                        start=sentence.start + hit.start,
                        end=sentence.start + hit.end,
                    )
                )
        return mentions

    def _exchange_hits(self, text: str) -> list[Hit[EntityRef]]:
        hits = []
        for match in self._exchange.finditer(text):
            ticker = match.group("ticker")
            if ticker in self._kb.companies:
                surface = Surface(ticker, EntityRef("sp500", ticker), case_sensitive=True)
                hits.append(Hit(match.start("ticker"), match.end("ticker"), surface))
        return hits

    def _guards_ok(self, hit: Hit[EntityRef], norm: NormalisedText, sentence: Sentence, article_text: str) -> bool:
        ref = hit.surface.payload
        if ref.reject_within:
            # Map the hit back into the squashed, lower-cased sentence and look around it.
            squashed_start = bisect_left(norm.positions, hit.start)
            squashed_end = squashed_start + len(squash(sentence.text[hit.start : hit.end]))
            for needle in ref.reject_within:
                lo = max(0, squashed_start - len(needle))
                position = norm.lower.find(needle, lo, squashed_end + len(needle))
                while position != -1:
                    if position < squashed_end and squashed_start < position + len(needle):
                        return False
                    position = norm.lower.find(needle, position + 1, squashed_end + len(needle))
        if any(word in norm.lower for word in ref.reject_context):
            return False
        if ref.reject_words is not None and ref.reject_words.search(sentence.text.lower()):
            return False
        return (
            not ref.require_context
            or any(word in article_text for word in ref.require_context)
            or self._named_as_listed(sentence.text, hit.start, hit.end)
        )

    def _named_as_listed(self, text: str, start: int, end: int) -> bool:
        """The name is written as a listed company's ("Abbott shares jump", "shares of Devon"): that says
        which Abbott without the business words its alias otherwise needs."""
        return bool(
            (self._listed_after is not None and self._listed_after.match(text, end))
            or (self._listed_before is not None and self._listed_before.search(text[max(0, start - 20) : start]))
        )
