"""Themes an article is about (triggers, optionally embeddings) and whether each is rising or falling."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from newsimpact.knowledge import KnowledgeBase
from newsimpact.knowledge.schema import Theme
from newsimpact.tracker.polarity import PolarityScorer
from newsimpact.tracker.surface import NormalisedText, Surface, SurfaceIndex, longest_non_overlapping
from newsimpact.tracker.text import Sentence

_MOVEMENT_WINDOW = 16
"""Characters after a trigger in which a movement word says which way the theme moves
("국제유가가 급등", "금리 인상"); further away it is usually about something else."""
_CLAUSE_END = re.compile(r"[,;:…]|\s[-–—]\s|(?:고|며|면서|지만|는데|으나|나)\s")


class SentenceEmbedder(Protocol):
    """Embeds sentences into unit vectors; cosine similarity = dot product."""

    def embed(self, texts: list[str]) -> list[list[float]]: ...


@dataclass
class ThemeHit:
    theme: Theme
    sentences: list[Sentence] = field(default_factory=list)
    triggers: list[str] = field(default_factory=list)
    weight: float = 0.0
    direction_sum: float = 0.0
    direction_abs: float = 0.0
    explicit: bool = False
    """Some hit sentence says outright that the theme moves (a movement word after the trigger)."""

    def add(self, sentence: Sentence, trigger: str, weight: float, direction: float, explicit: bool) -> None:
        self.sentences.append(sentence)
        self.triggers.append(trigger)
        self.weight += weight
        self.explicit |= explicit
        self.direction_sum += direction * weight
        self.direction_abs += abs(direction) * weight

    @property
    def direction(self) -> int:
        return 1 if self.direction_sum > 0 else -1 if self.direction_sum < 0 else 0

    @property
    def confidence(self) -> float:
        return abs(self.direction_sum) / self.direction_abs if self.direction_abs else 0.0


def sentence_weight(sentence: Sentence) -> float:
    """Title and lead carry the story; later paragraphs add detail."""
    if sentence.is_title:
        return 2.0
    if sentence.paragraph == 0:
        return 1.5
    return 1.0 if sentence.paragraph < 4 else 0.8


class ThemeDetector:
    def __init__(self, kb: KnowledgeBase, polarity: PolarityScorer, embedder: SentenceEmbedder | None = None) -> None:
        surfaces: list[Surface[Theme]] = []
        for theme in kb.themes:
            for trigger in theme.triggers_ko:
                # Short Korean triggers must start a word (유가 not inside 유가증권 is the data's job;
                # this stops 2-syllable triggers firing mid-word).
                surfaces.append(Surface(trigger, theme, boundary="korean" if len(trigger) <= 2 else "none"))
            for trigger in theme.triggers_en:
                surfaces.append(Surface(trigger, theme, case_sensitive=trigger.isupper(), boundary="latin"))
        self._index = SurfaceIndex(surfaces, suffixes=kb.linking.korean_suffixes)
        self._up = SurfaceIndex([Surface(w, 1) for w in (*kb.movement.up.ko, *kb.movement.up.en) if len(w) >= 2])
        self._down = SurfaceIndex([Surface(w, -1) for w in (*kb.movement.down.ko, *kb.movement.down.en) if len(w) >= 2])
        self._polarity = polarity
        self._embedder = embedder
        self._themes = kb.themes
        self._prototypes: list[list[float]] | None = None

    def detect(self, sentences: list[Sentence], language: str) -> list[ThemeHit]:
        found: dict[str, ThemeHit] = {}
        for sentence in sentences:
            norm = NormalisedText(sentence.text)
            hits = longest_non_overlapping(self._index.find(norm))
            seen: set[str] = set()
            for hit in hits:
                theme = hit.surface.payload
                if theme.id in seen:
                    continue
                seen.add(theme.id)
                direction, explicit = self._direction(sentence.text, hit.end, language, theme.valence)
                found.setdefault(theme.id, ThemeHit(theme)).add(
                    sentence, sentence.text[hit.start : hit.end], sentence_weight(sentence), direction, explicit
                )
        if self._embedder is not None:
            self._add_paraphrases(sentences, language, found)
        return sorted(found.values(), key=lambda h: -h.weight)

    def _direction(self, text: str, trigger_end: int, language: str, valence: int = 1) -> tuple[float, bool]:
        """(direction, explicit): a movement word after the trigger says rise/fall outright.

        Without one, the theme is taken as present and active (weakly up); the sentence's own
        polarity only leans that, because it is usually about something else in the sentence.
        """
        window = text[trigger_end : trigger_end + _MOVEMENT_WINDOW]
        clause_end = _CLAUSE_END.search(window)
        if clause_end:
            window = window[: clause_end.start() + 1]
        movement = longest_non_overlapping([*self._up.find(window), *self._down.find(window)])
        if movement:
            first = movement[0]
            sign = float(first.surface.payload)
            if self._polarity.negated(window, first.end, language):
                sign = -sign
            return sign, True
        trigger_start = max(0, trigger_end - 1)
        polarity = self._polarity.towards(text, language, trigger_start, trigger_end).score
        if polarity:
            return (0.5 if polarity > 0 else -0.5) * valence, False
        return 0.2, False

    def _add_paraphrases(self, sentences: list[Sentence], language: str, found: dict[str, ThemeHit]) -> None:
        """Title and lead sentences that paraphrase a theme without its trigger words."""
        assert self._embedder is not None
        if self._prototypes is None:
            self._prototypes = self._embedder.embed(
                [f"{t.name_ko}. {t.name_en}. {t.description} {' '.join(t.triggers_ko[:4])}" for t in self._themes]
            )
        heads = [s for s in sentences if s.is_title or s.paragraph == 0][:3]
        if not heads:
            return
        vectors = self._embedder.embed([s.text for s in heads])
        for sentence, vector in zip(heads, vectors, strict=True):
            for theme, prototype in zip(self._themes, self._prototypes, strict=True):
                similarity = sum(a * b for a, b in zip(vector, prototype, strict=True))
                if similarity < 0.45 or theme.id in found:
                    continue
                direction, explicit = self._direction(sentence.text, 0, language, theme.valence)
                found.setdefault(theme.id, ThemeHit(theme)).add(
                    sentence, theme.name_ko, sentence_weight(sentence) * 0.6, direction, explicit
                )
