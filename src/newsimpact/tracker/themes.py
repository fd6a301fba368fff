"""Themes an article is about (triggers, optionally embeddings) and whether each is rising or falling."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from newsimpact.knowledge import KnowledgeBase
from newsimpact.knowledge.schema import Theme
from newsimpact.tracker.korean import asks
from newsimpact.tracker.polarity import PolarityScorer
from newsimpact.tracker.surface import (
    Surface,
    SurfaceIndex,
    is_hangul,
    longest_non_overlapping,
    normalised,
    squash,
    squash_lower,
)
from newsimpact.tracker.text import Sentence

_BOUND_GAP_KO = re.compile(
    r"^(?:\s|고정거래가격|현물가격|거래가격|가격이|가격은|가격도|가격|배럴당|온스당|톤당|선물|지수|시세|전망|법안이|법안|예산이|예산|"
    r"마저|까지|에서|으로|가량|이상|"
    # When ("한 달 새", "전월 대비").
    r"한\s?달\s?새|전월\s?대비|전년\s?대비|전분기\s?대비|올해|내년|이달|이틀째|사흘째|나흘째|닷새째|연일|장중|한때|"
    # How long it took ("하루 새 5% 급락", "두 달 만에 30% 반등", "4년 만에 최저").
    r"하루\s?(?:새|만에|사이)|일주일\s?(?:새|만에|사이)|(?:전날|전일|전주|전장)\s?(?:대비|보다)?|"
    r"(?:[0-9]+|한|두|세|석|네|넉|다섯|여섯|몇)\s?(?:달|개월|년|주|주일|일|시간)여?\s?(?:새|만에|만의|사이|동안|來|내)|"
    r"최대|최소|무려|단숨에|소폭|(?:t|kg|lb|MMBtu|파운드|부셸)당|대(?=\s)|수준으로|수준까지|"
    # "OPEC+ 증산", "서부텍사스산원유(WTI)는 … 3.41달러(5.5%) 내린": a short bracket or a plus sign.
    r"\+|\([^()]{1,12}\)|"
    # A reference point, not a move ("고점 대비 15% 급락").
    r"(?:연|전)?(?:고점|저점|최고치|최저치|최고가|최저가)\s?대비|"
    # Where the move started ("사상 최고서 하루 새 6% 급락"): a level, not the move.
    r"(?:사상\s?|연중\s?)?(?:최고|최저|최고치|최저치|고점|저점)(?:에서|서)\s|"
    r"[0-9]+\s?(?:일|거래일|주)\s?(?:째|연속)|"
    # Where a bill passes ("인프라 법안 의회 통과", "법안이 상원을 통과").
    r"(?:의회|국회|하원|상원)(?:를|을|에서)?|"
    r"[0-9.,]+\s*(?:억|조|만)?\s*(?:원|달러|%|bp|포인트|p|선|대)?|이|가|은|는|도|의|값|로|약)*"
)
_MEASURE_KO = re.compile(r"^\s*(?:매출액|매출|투자|수요|출하량|출하|판매액|주문)")
"""An industry's own measure after its name ("반도체 장비 매출이 사상 최대", "장비 투자 확대"): for a
theme that is not a price, its move is the industry's move. (For a price, demand is not the price.)"""
_TOPIC_COMMA = re.compile(r"^[,，]\s")
_MOVE_SIZE = re.compile(r"^[^0-9…]{0,12}?([0-9]+(?:\.[0-9]+)?)\s?%(?!\s?(?:포인트|p\b|point))")
_QUOTE_MARKS = re.compile(r"[\"“”]")


_QUESTION_FACTOR = 0.5
_TITLE_QUOTES = (("'", "'"), ("‘", "’"), ('"', '"'), ("“", "”"), ("「", "」"), ("《", "》"), ("<", ">"))
_REVERSAL = re.compile(r"^[가-힣]{0,3}?다가|^[가-힣]{0,2}?(?:지만|으나|나)\s|^\s?(?:한\s)?(?:뒤|후)\s")
"""A first move undone by the next one: "넘었다가", "올랐지만", "올랐으나"."""


_CONCEDED_MOVE = re.compile(r"^\s?(?:했|됐|되|하|한|된|했음|됐음)?(?:음)?(?:에도|에도불구|지만|는데도|인데도)")


def _within(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """The hit at [start, end) overlaps one of `words` in the text."""
    for word in words:
        position = text.find(word, max(0, start - len(word)))
        while position != -1 and position < end:
            if position < end and start < position + len(word):
                return True
            position = text.find(word, position + 1)
    return False


def _only_a_modifier(opening: str) -> bool:
    """Nothing, or one short modifier ("폭등했던"), before a headline's topic: the topic is still
    the headline's subject and takes its final predicate."""
    return not opening or (len(opening) <= 8 and " " not in opening and not any(c in opening for c in ",，…"))


def _quoted(text: str, position: int) -> bool:
    """Inside double quotes: an odd number of quote marks before the position."""
    return len(_QUOTE_MARKS.findall(text, 0, position)) % 2 == 1


_BOUND_GAP_EN = re.compile(
    r"^(?:\s|,|prices?|futures|benchmark|index|rates?|yields?|were|was|is|are|has|have|had|been|will|would|"
    r"also|sharply|further|again|more than|nearly|about|by|to|[$0-9.,]+%?)*",
    re.IGNORECASE,
)


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

    in_head: bool = False
    """The headline names the theme (whether or not it binds a move to it)."""
    head_direction: float = 0.0
    """The move the headline itself binds to the theme's driver (0: the headline names no move)."""
    explicit_sentences: int = 0
    lead_direction: float = 0.0
    """The move the first lead sentence that binds one to the driver reports (0: none does)."""
    head_quoted: float = 0.0
    """A move the headline binds to the driver inside quotes (a forecast, someone's view): it counts
    only when the lead reports the same move itself."""

    def add(self, sentence: Sentence, trigger: str, weight: float, direction: float, explicit: bool) -> None:
        self.explicit_sentences += explicit
        self.sentences.append(sentence)
        self.triggers.append(trigger)
        self.weight += weight
        self.explicit |= explicit
        self.direction_sum += direction * weight
        self.direction_abs += abs(direction) * weight

    @property
    def in_title(self) -> bool:
        """In the headline: the title, or the first sentence of a text without one."""
        return bool(self.head_direction) or any(s.is_title for s in self.sentences)

    @property
    def distinct_sentences(self) -> int:
        return len({(s.paragraph, s.start) for s in self.sentences})

    @property
    def direction(self) -> int:
        if self.head_direction:
            return 1 if self.head_direction > 0 else -1  # the headline's own binding decides
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
        self._falling: set[tuple[str, str]] = set()
        self._reversing: set[tuple[str, str]] = set()
        """Triggers a move bound to moves the theme the other way: supply (산유국 증산 = oil down) and
        measures of weakness (실업률 상승 = jobs weaker)."""
        for theme in kb.themes:
            for trigger in (*theme.triggers_ko, *theme.falling_ko):
                # Short Korean triggers must start a word (유가 not inside 유가증권 is the data's job;
                # this stops 2-syllable triggers firing mid-word).
                surfaces.append(Surface(trigger, theme, boundary="korean" if len(trigger) <= 2 else "none"))
            for trigger in (*theme.triggers_en, *theme.falling_en):
                surfaces.append(Surface(trigger, theme, case_sensitive=trigger.isupper(), boundary="latin"))
            self._falling |= {(theme.id, squash_lower(t)) for t in (*theme.falling_ko, *theme.falling_en)}
            reversing = (*theme.supply_ko, *theme.supply_en, *theme.inverse_ko, *theme.inverse_en)
            self._reversing |= {(theme.id, squash_lower(t)) for t in reversing}
        self._index = SurfaceIndex(surfaces, suffixes=(*kb.linking.korean_suffixes, *kb.movement.driver_suffixes_ko))
        # One-letter words only as symbols (↑ ▼): a single syllable would match inside other words.
        up = [w for w in (*kb.movement.up.ko, *kb.movement.up.en) if len(w) >= 2 or not w.isalnum()]
        down = [w for w in (*kb.movement.down.ko, *kb.movement.down.en) if len(w) >= 2 or not w.isalnum()]
        self._up = SurfaceIndex([Surface(w, 1) for w in up])
        self._down = SurfaceIndex([Surface(w, -1) for w in down])
        self._movement_words = {squash_lower(w): 1 for w in up} | {squash_lower(w): -1 for w in down}
        ko_stems = sorted((w for w in self._movement_words if not w.isascii()), key=len, reverse=True)
        self._before_ko = re.compile(
            "(" + "|".join(re.escape(w) for w in ko_stems) + r")(?:한|하는|하던|했던|된|되는|는|은|던|중인|세의)$"
        )
        self._stock_words = tuple(squash_lower(w) for w in (*kb.movement.stock_words.ko, *kb.movement.stock_words.en))
        self._title_nouns = tuple(squash(w) for w in kb.linking.title_nouns_ko)
        below, above = kb.movement.surprise_down, kb.movement.surprise_up
        # A print below expectations is checked first: "상승…예상치 하회" is a cooler print.
        self._surprises = {
            "ko": ((-1.0, tuple(map(squash_lower, below.ko))), (1.0, tuple(map(squash_lower, above.ko)))),
            "en": ((-1.0, tuple(map(squash_lower, below.en))), (1.0, tuple(map(squash_lower, above.en)))),
        }
        self._hedges = tuple(squash_lower(w) for w in (*kb.movement.hedge.ko, *kb.movement.hedge.en))
        small = "|".join(re.escape(w) for w in (*kb.movement.small.ko, *kb.movement.small.en))
        self._small_words = re.compile(r"^[^0-9…]{0,8}?(?:" + small + ")", re.IGNORECASE) if small else None
        hopes = "|".join(re.escape(w) for w in kb.movement.hopes_ko)
        fading = "|".join(re.escape(w) for w in kb.movement.fading_ko)
        # Hopes for a falling trigger fading ("금리인하 기대 꺾이며", "인하 가능성 낮아져").
        self._fading = (
            re.compile(r"^[가-힣]{0,4}?(?:" + hopes + r")[가-힣]{0,2}?(?:" + fading + ")") if hopes and fading else None
        )
        conceded = "|".join(re.escape(w) for w in kb.movement.concession_ko)
        # A producer's move conceded ("감산 합의에도", "증산했지만"): what follows says the price did not obey.
        self._concession = re.compile(r"^\+?[가-힣]{0,6}?(?:" + conceded + ")") if conceded else None
        self._name_suffixes = tuple(sorted(kb.roles.name_suffixes_ko, key=len, reverse=True))
        self._particles = tuple(sorted(kb.linking.korean_suffixes, key=len, reverse=True))
        self._polarity = polarity
        self._embedder = embedder
        self._themes = kb.themes
        self._by_id = {t.id: t for t in kb.themes}
        self._prototypes: list[list[float]] | None = None

    def detect(
        self,
        sentences: list[Sentence],
        language: str,
        names: Mapping[Sentence, list[tuple[int, int]]] | None = None,
    ) -> list[ThemeHit]:
        """Themes in the article; `names` (company name spans per sentence) never hold a trigger."""
        found: dict[str, ThemeHit] = {}
        for sentence in sentences:
            norm = normalised(sentence.text)
            taken = (names or {}).get(sentence, [])
            hits = [
                h
                for h in longest_non_overlapping(self._index.find(norm))
                if not any(h.start < end and start < h.end for start, end in taken)
                and not self._inside_name(sentence.text, h.start, h.end)
                and not _within(sentence.text, h.start, h.end, h.surface.payload.reject_within_ko)
                and not self._in_title(sentence.text, h.start)
            ]
            # One reading per theme per sentence: of several triggers ("D램 고정거래가격 급등"), the
            # first that a movement word binds to, else the first.
            readings: dict[str, tuple[str, float, bool, bool]] = {}
            for hit in hits:
                theme = hit.surface.payload
                trigger = sentence.text[hit.start : hit.end]
                reversing = (theme.id, squash_lower(trigger)) in self._reversing
                bound = readings.get(theme.id)
                # A move told of the price itself outranks one read through its producers ("OPEC 감산 불발에
                # 유가 4년 만에 최저": the price fell, whatever the cut that did not come).
                by_supply = bound is not None and bound[2] and (theme.id, squash_lower(bound[0])) in self._reversing
                if bound is not None and bound[2] and (not by_supply or reversing):
                    continue
                direction, explicit = self._direction(sentence.text, hit.start, hit.end, trigger, theme, language)
                if by_supply and not explicit:
                    continue
                if explicit and reversing:
                    direction = -direction  # "산유국 증산": more supply, a lower price
                    if self._concession is not None and self._concession.match(
                        squash(sentence.text[hit.end : hit.end + 16])
                    ):
                        # "OPEC+ 감산합의에도 국제유가 회복은 '글쎄'": the price did not follow.
                        direction, explicit = direction * 0.2, False
                if explicit and asks(sentence.text, hit.start):
                    direction, explicit = direction * _QUESTION_FACTOR, False  # "가스값 더 오를까": not a move
                quoted = _quoted(sentence.text, hit.start)
                if theme.id not in readings or explicit:
                    readings[theme.id] = (trigger, direction, explicit, quoted)
            for theme_id, (trigger, direction, explicit, quoted) in readings.items():
                theme = self._by_id[theme_id]
                if quoted:
                    if explicit and sentence is sentences[0]:
                        found.setdefault(theme.id, ThemeHit(theme)).head_quoted = direction
                    explicit = False  # someone's view ("비트코인, 강세장 진입"), not a reported move
                theme_hit = found.setdefault(theme.id, ThemeHit(theme))
                theme_hit.add(sentence, trigger, sentence_weight(sentence), direction, explicit)
                if explicit and sentence.paragraph == 0 and not theme_hit.lead_direction:
                    theme_hit.lead_direction = direction
                if sentence is sentences[0]:
                    theme_hit.in_head = True
                    if explicit and not theme_hit.head_direction:
                        theme_hit.head_direction = direction
        if self._embedder is not None:
            self._add_paraphrases(sentences, language, found)
        return sorted(found.values(), key=lambda h: -h.weight)

    def _in_title(self, text: str, position: int) -> bool:
        """Inside quotes that name an event or a publication ('…' 웨비나 개최, "…" 보고서 발간)."""
        before = text[:position]
        for opening, closing in _TITLE_QUOTES:
            if opening == closing:
                inside = before.count(opening) % 2 == 1
            else:
                inside = before.rfind(opening) > before.rfind(closing)
            if not inside:
                continue
            end = text.find(closing, position)
            if end != -1 and squash(text[end + 1 : end + 12]).startswith(self._title_nouns):
                return True
        return False

    def _inside_name(self, text: str, start: int, end: int) -> bool:
        """A trigger inside a Korean company name (두산로보틱스 holds 로보틱스) is the name."""
        if start == 0 or not is_hangul(text[start - 1]):
            return False
        word_start = start
        while word_start > 0 and not text[word_start - 1].isspace():
            word_start -= 1
        word_end = end
        while word_end < len(text) and is_hangul(text[word_end]):
            word_end += 1
        word = text[word_start:word_end].lstrip("[(<'\"‘“")
        for particle_ in self._particles:
            if word.endswith(particle_) and len(word) > len(particle_) + 3:
                word = word[: -len(particle_)]
                break
        return any(
            word.endswith(suffix) and len(word) - len(suffix) >= 2 and all(is_hangul(c) for c in word)
            for suffix in self._name_suffixes
        )

    def _direction(
        self, text: str, start: int, end: int, trigger: str, theme: Theme, language: str
    ) -> tuple[float, bool]:
        """(direction, explicit): the movement word bound to the theme's own driver phrase.

        The trigger may say it ("유가 급락"); else a movement word right after the driver, past only
        particles, numbers and price words ("국제유가가 배럴당 80달러로 급락"), or right before it
        ("치솟는 유가"). A movement word further on belongs to something else ("파운드리 사업 적자
        확대" says nothing about foundry demand). Without one the theme is only present.
        """
        key = squash_lower(trigger)
        if theme.surprise_decides:
            surprise = self._surprise(text[start:], language)
            if surprise:
                return surprise, True
        if any(h in squash_lower(text[end : end + 24]) for h in self._hedges):
            return 0.2, False  # "금리 인하 신중 모드": the move is being taken back
        if language != "en":
            undone = _REVERSAL.match(text[end : end + 6])
            if undone is not None:
                # "유가 하락했다가 반등": the trigger's own move was undone; the next one stands.
                following = text[end + undone.end() : end + undone.end() + 16]
                later = longest_non_overlapping([*self._up.find(following), *self._down.find(following)])
                if later:
                    return float(later[0].surface.payload), True
        if (theme.id, key) in self._falling:
            if self._fading is not None and self._fading.match(squash_lower(text[end : end + 16])):
                return 1.0, True  # "금리인하 기대 꺾여": the fall is priced out, the rate goes the other way
            return -1.0, True
        if language == "en":
            words = trigger.lower().split()
            own = [w for w in words[-1:] if len(words) > 1 and w in self._movement_words]
        else:
            own = [w for w in self._movement_words if w in key and len(w) >= 2]
        if own:
            return 1.0, True  # a trigger naming its own move is the rising form (달러 강세, 원화 약세)
        gap = _BOUND_GAP_EN if language == "en" else _BOUND_GAP_KO
        after = gap.sub("", text[end : end + 40])
        if language != "en" and not theme.price and _MEASURE_KO.match(after):
            after = gap.sub("", _MEASURE_KO.sub("", after, count=1))
        found = longest_non_overlapping([*self._up.find(after), *self._down.find(after)])
        movement = [m for m in found if m.start == 0]
        if movement and not theme.price and squash_lower(after).startswith(self._stock_words):
            return 0.2, False  # "2차전지 강세": the sector's stocks moved, not the industry's driver
        if movement and after[movement[0].end : movement[0].end + 1] in ("률", "율", "폭"):
            # "CPI 상승률 둔화": the rate of change slows; the second word says which way.
            rest = [m for m in found if m.start > movement[0].end and m.start <= movement[0].end + 4]
            movement = rest[:1]
        opening = text[:start].strip(" [(<'\"‘“")
        if not movement and _TOPIC_COMMA.match(text[end : end + 3]) and _only_a_modifier(opening):
            # "국제유가, 백신 기대감에 이틀째 상승": the headline's topic takes its final predicate.
            segment = re.split(r"[…\"“”'‘’]", text[end:])[0]  # the main predicate, not a quote
            predicate = longest_non_overlapping([*self._up.find(segment), *self._down.find(segment)])
            movement = predicate[-1:]
            after = segment
        if movement and _REVERSAL.match(after[movement[0].end : movement[0].end + 6]):
            # "8만원을 넘었다가 급락": a level passed on the way, then the move that stands.
            later = [m for m in found if m.start > movement[0].end and m.start <= movement[0].end + 16]
            movement = later[:1] or movement
        if movement:
            first = movement[0]
            sign = float(first.surface.payload)
            if self._polarity.negated(after, first.end, language):
                sign = -sign
            if language != "en" and _CONCEDED_MOVE.match(after[first.end : first.end + 8]):
                # "주택착공 6.2% 감소…모기지금리 하락에도 단독주택 부진": the driver's move is conceded;
                # the story is what happened despite it.
                return 0.2 * sign, False
            if self._small(text[end : end + 24], theme):
                return 0.3 * sign, False  # "국제유가 소폭 하락", "WTI 0.8%↓": noise, not news of the price
            return sign, True
        before = text[max(0, start - 12) : start].rstrip()
        if language == "en":
            # "rising oil", not "energy shares gain, airlines slip": a word before a comma is another clause's.
            last = before.split()[-1].lower() if before.split() and not before.endswith((",", ";", ":")) else ""
            sign_en = next((v for w, v in self._movement_words.items() if w.isascii() and last.startswith(w)), 0)
            if sign_en:
                return float(sign_en), True
        else:
            match = self._before_ko.search(squash_lower(before))
            if match and not before.endswith("던"):  # "폭등했던 금값": what it had done, not what it does
                return float(self._movement_words[match.group(1)]), True
        trigger_start = max(0, end - 1)
        polarity = self._polarity.towards(text, language, trigger_start, end).score
        if polarity:
            return (0.5 if polarity > 0 else -0.5) * theme.valence, False
        return 0.2, False

    def _small(self, window: str, theme: Theme) -> bool:
        """The move right after the driver is called small, or is smaller than the theme's noise level."""
        if self._small_words is not None and self._small_words.match(window):
            return True
        size = _MOVE_SIZE.match(window)
        return bool(size and theme.small_move_pct and float(size.group(1)) < theme.small_move_pct)

    def _surprise(self, text: str, language: str) -> float:
        """+1 / -1 when the text says the release came in above / below expectations, else 0."""
        squashed = squash_lower(text)
        for sign, words in self._surprises["en" if language == "en" else "ko"]:
            if any(w in squashed for w in words):
                return sign
        return 0.0

    def _paraphrase_direction(self, text: str, language: str) -> tuple[float, bool]:
        """A paraphrase has no driver phrase to bind to: the sentence's first movement word says it."""
        movement = longest_non_overlapping([*self._up.find(text), *self._down.find(text)])
        if not movement:
            return 0.2, False
        sign = float(movement[0].surface.payload)
        return (-sign if self._polarity.negated(text, movement[0].end, language) else sign), True

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
                direction, explicit = self._paraphrase_direction(sentence.text, language)
                hit = found.setdefault(theme.id, ThemeHit(theme))
                hit.add(sentence, theme.name_ko, sentence_weight(sentence) * 0.6, direction, explicit)
                if sentence is sentences[0] and explicit and not hit.head_direction:
                    hit.head_direction = direction
