"""Financial polarity of sentences, overall or towards one mention, from the reviewed lexicons.

Korean: lexicon stems matched space-insensitively (longest wins); negation from kiwipiepy tokens
(않/VX, 못·안/MAG, 없/VA, 아니/VCN) and lexicon negators right after a term; contrast markers split
clauses, and a mention takes the polarity of its own clause. English: word-start matching, with
negators in the three words before a term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsimpact import morphology
from newsimpact.knowledge import KnowledgeBase
from newsimpact.knowledge.schema import PolarityLexicon
from newsimpact.tracker.surface import Surface, SurfaceIndex, longest_non_overlapping, normalised, squash

_KIWI_NEGATION = {("않", "VX"), ("못", "MAG"), ("안", "MAG"), ("없", "VA"), ("아니", "VCN"), ("못하", "VX")}
_NOT_ONLY = {"뿐", "뿐만", "만"}
_NEGATION_PRECHECK = ("않", "못", "없", "아니", "안 ")
_CLAUSE_BREAK = re.compile(r"[,;:·…]|\s[-–—]\s")
_NEGATION_WINDOW = 10
_PART_BREAK = re.compile(r"[…·;]|\.\.\.|\s[-–—]\s")
"""Between two stories of a headline: a concession in one does not reach the other."""


@dataclass(frozen=True)
class Cue:
    term: str
    score: float
    start: int
    end: int


@dataclass(frozen=True)
class SentencePolarity:
    score: float
    cues: tuple[Cue, ...]


class _Kiwi:
    """kiwipiepy, loaded on first use: most sentences never need it."""

    @property
    def kiwi(self) -> object:
        return morphology.kiwi()

    def negation_offsets(self, text: str) -> list[int]:
        tokens = self.kiwi.tokenize(text)  # type: ignore[attr-defined]
        offsets = []
        for index, token in enumerate(tokens):
            if (token.form, token.tag) not in _KIWI_NEGATION:
                continue
            # "뿐만 아니라" means "not only ... but also": an addition, not a negation.
            if token.form == "아니" and index > 0 and tokens[index - 1].form in _NOT_ONLY:
                continue
            offsets.append(token.start)
        return offsets


_KIWI = _Kiwi()


def _offsets(text: str, words: tuple[str, ...]) -> list[int]:
    """Where each of the words starts in the text."""
    return [m.start() for word in words for m in re.finditer(re.escape(word), text)]


def _kiwi_negations(text: str) -> list[int]:
    """Offsets of negating morphemes; kiwipiepy runs only when the text could hold one."""
    if any(marker in text for marker in _NEGATION_PRECHECK):
        return _KIWI.negation_offsets(text)
    return []


class PolarityScorer:
    def __init__(self, kb: KnowledgeBase) -> None:
        ko = kb.polarity["ko"]
        en = kb.polarity["en"]
        self._ko_index: SurfaceIndex[float] = SurfaceIndex(Surface(t.term, t.score) for t in ko.terms)
        self._ko_negators = tuple(squash(n) for n in ko.negators if len(n) >= 2)
        self._ko_doubters = tuple(ko.doubters)
        self._ko = ko
        self._en = en
        self._en_terms, self._en_scores = self._english_regex(en)
        negators = sorted(en.negators, key=len, reverse=True)
        self._en_negators = re.compile(
            r"\b(?:" + "|".join(re.escape(n) for n in negators) + r")\b" if negators else r"(?!x)x", re.IGNORECASE
        )
        self._contrast = re.compile(
            "|".join(re.escape(c) for c in sorted({*ko.contrast, *en.contrast}, key=len, reverse=True)) or r"(?!x)x",
            re.IGNORECASE,
        )
        concession = sorted({*ko.concession, *en.concession}, key=len, reverse=True)
        before_shares = sorted({*ko.concession_before_shares, *en.concession_before_shares}, key=len, reverse=True)
        endings = []
        if concession:
            endings.append(r"(?:" + "|".join(map(re.escape, concession)) + r")(?:\s*불구하고)?(?=[\s,…'\"’”]|$)")
        if before_shares:
            endings.append(r"(?:" + "|".join(map(re.escape, before_shares)) + r")(?=\s?주가(?:는|가|도)\s)")
        self._concession = re.compile("|".join(endings)) if endings else None
        self._intensifiers = {**ko.intensifiers, **en.intensifiers}
        # The tone, every mention and every theme trigger of a sentence ask for its cues: find them once.
        self._cues = lru_cache(maxsize=4096)(self._find_cues)

    @staticmethod
    def _english_regex(lexicon: PolarityLexicon) -> tuple[re.Pattern[str] | None, list[float]]:
        terms = sorted({t.term.lower(): t for t in lexicon.terms}.values(), key=lambda t: -len(t.term))
        if not terms:
            return None, []
        parts = []
        for term in terms:
            tail = r"\b" if term.whole else r"\w*"
            words = [
                r"(?:\S+\s+){0,3}?" if w == "*" else re.escape(w) + tail + r"\s+" for w in term.term.lower().split()
            ]
            parts.append("".join(words).removesuffix(r"\s+"))
        # Not right after a hyphen: "gas-fired capacity" holds no "fired".
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(f"({p})" for p in parts) + r")", re.IGNORECASE)
        return pattern, [t.score for t in terms]

    # -- cues ---------------------------------------------------------------------------------
    def cues(self, text: str, language: str) -> list[Cue]:
        return list(self._cues(text, language))

    def _find_cues(self, text: str, language: str) -> tuple[Cue, ...]:
        return tuple(self._english_cues(text) if language == "en" else self._korean_cues(text))

    def _korean_cues(self, text: str) -> list[Cue]:
        norm = normalised(self._apply_mask(text, self._ko.mask))
        hits = longest_non_overlapping(self._ko_index.find(norm))
        if not hits:
            return []
        negations = _kiwi_negations(text) + _offsets(text, self._ko_negators)
        doubts = _offsets(text, self._ko_doubters)
        cues = []
        for hit in hits:
            if self._negated(text, hit.end, doubts):
                continue  # "반사이익은 '글쎄'": a gain put in doubt is no loss, just no news
            score = hit.surface.payload * self._intensity(text, hit.start)
            if self._negated(text, hit.end, negations):
                score = -score
            cues.append(Cue(text[hit.start : hit.end], score, hit.start, hit.end))
        return cues

    def _english_cues(self, text: str) -> list[Cue]:
        if self._en_terms is None:
            return []
        masked = self._apply_mask(text, self._en.mask)
        cues = []
        for match in self._en_terms.finditer(masked):
            group = match.lastindex or 1
            score = self._en_scores[group - 1]
            before = text[max(0, match.start() - 40) : match.start()]
            if self._en_negators.search(" ".join(before.split()[-3:])):
                score = -score
            score *= self._intensity(text, match.start())
            cues.append(Cue(match.group(0), score, match.start(), match.end()))
        return cues

    @staticmethod
    def _apply_mask(text: str, mask: tuple[str, ...]) -> str:
        for word in mask:
            if word in text:
                text = text.replace(word, "\u2591" * len(word))
        return text

    def _intensity(self, text: str, start: int) -> float:
        window = text[max(0, start - 12) : start]
        factor = 1.0
        for word, weight in self._intensifiers.items():
            if word in window:
                factor = max(factor, weight) if weight >= 1 else min(factor, weight)
        return factor

    def negated(self, text: str, end: int, language: str) -> bool:
        """Is the word ending at `end` negated ("늘지 않았다", "did not rise")?"""
        if language == "en":
            return bool(self._en_negators.search(" ".join(text[max(0, end - 40) : end].split()[-4:])))
        return self._negated(text, end, _kiwi_negations(text))

    @staticmethod
    def _negated(text: str, term_end: int, negations: list[int]) -> bool:
        for offset in negations:
            if term_end <= offset <= term_end + _NEGATION_WINDOW and not _CLAUSE_BREAK.search(text[term_end:offset]):
                return True
        return False

    # -- scores -------------------------------------------------------------------------------
    def clauses(self, text: str) -> list[tuple[int, int]]:
        bounds = [0] + [m.start() for m in self._contrast.finditer(text)] + [len(text)]
        return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1) if bounds[i + 1] > bounds[i]]

    def sentence(self, text: str, language: str) -> SentencePolarity:
        """Whole-sentence polarity: after a contrast marker, the last clause weighs most."""
        cues = self.cues(text, language)
        if not cues:
            return SentencePolarity(0.0, ())
        clauses = self.clauses(text)
        total = 0.0
        for cue in cues:
            index = next((i for i, (s, e) in enumerate(clauses) if s <= cue.start < e), 0)
            weight = 1.0 if len(clauses) == 1 else (1.3 if index == len(clauses) - 1 else 0.6)
            total += cue.score * weight
        return SentencePolarity(total, tuple(cues))

    def after_concessions(self, text: str) -> int | None:
        """Where the words after the text's last concession begin ("호실적에도 주가 하락" -> "주가 하락"),
        or None when it concedes nothing."""
        if self._concession is None:
            return None
        ends = [match.end() for match in self._concession.finditer(text)]
        return ends[-1] if ends else None

    def _conceded(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The span a concession concedes in the mention's part of the sentence: from the mention (or the
        part's start, when the concession comes first) to the concession's end."""
        if self._concession is None:
            return None
        for match in self._concession.finditer(text):
            if match.start() >= end and not _PART_BREAK.search(text, end, match.start()):
                return end, match.end()
            if match.end() <= start and not _PART_BREAK.search(text, match.end(), start):
                breaks = [b.end() for b in _PART_BREAK.finditer(text, 0, match.start())]
                return (breaks[-1] if breaks else 0), match.end()
        return None

    def towards(self, text: str, language: str, start: int, end: int) -> SentencePolarity:
        """Polarity towards the mention at [start, end): its own clause, nearer cues weigh more."""
        cues = self.cues(text, language)
        if not cues:
            return SentencePolarity(0.0, ())
        clauses = self.clauses(text)
        own = next(((s, e) for s, e in clauses if s <= start < e), (0, len(text)))
        total = 0.0
        used = []
        cues = [c for c in cues if c.end <= start or c.start >= end]  # a name is not a cue ("Advanced Micro")
        if not cues:
            return SentencePolarity(0.0, ())
        conceded = self._conceded(text, start, end)
        if conceded is not None:
            # "애플, 호실적에도 주가 4% 하락": the conceded words are not the news for the company, and its
            # clause goes on past the concession ("…에도 불구하고 주가 하락").
            kept = [c for c in cues if not conceded[0] <= c.start < conceded[1]]
            cues = kept or cues
            if kept and own[1] <= conceded[1] + 6:
                own = (own[0], next((e for s, e in clauses if s <= conceded[1] < e), own[1]))
        for cue in cues:
            inside = own[0] <= cue.start < own[1]
            distance = max(0, cue.start - end, start - cue.end)
            weight = (1.0 if inside else 0.25) / (1.0 + distance / 120.0)
            total += cue.score * weight
            if inside:
                used.append(cue)
        return SentencePolarity(total, tuple(used or cues))
