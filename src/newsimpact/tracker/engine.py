"""Article + KnowledgeBase -> TrackerReport.

sentences -> named companies -> event frames (type, role, polarity for that role) -> impact:
the subject (and a takeover target, a supplier on a material deal) directly; related companies
through typed relations the event type propagates; themes whose driver the article says moves
-> calibrated score -> a rationale line built from the frame.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from newsimpact.article import Article
from newsimpact.config import TrackerSettings
from newsimpact.knowledge import KnowledgeBase
from newsimpact.knowledge.schema import Company, EventType, Exposure, Relation
from newsimpact.tracker import confidence, rationale
from newsimpact.tracker.frames import Frame, FrameReader, NamedSpan, without_names
from newsimpact.tracker.korean import particle, topic_end
from newsimpact.tracker.linking import EntityMention, Linker
from newsimpact.tracker.polarity import PolarityScorer
from newsimpact.tracker.report import (
    Direction,
    Disclaimer,
    Evidence,
    Mention,
    Pick,
    PickPath,
    Tone,
    TrackerReport,
)
from newsimpact.tracker.surface import squash, squash_lower
from newsimpact.tracker.text import Sentence, article_sentences
from newsimpact.tracker.themes import SentenceEmbedder, ThemeDetector, ThemeHit, sentence_weight

_MAX_EVIDENCE = 3
_MAX_THEMES = 3
_PER_GROUP_PER_SIDE = 2
_BRAND_ONLY_FACTOR = 0.5
_MOOD_LED_CAP = 1.2
"""calibrate(1.2) = 0.55: a Korean pick whose typed event is weaker than the mood words beside it
stays under the display threshold."""
_DAMPED_STORY_CAP = 2.4
"""A plain headline event (weight 2.0 x polarity 1.2): when the headline's story is damped as less
material (retail flows, a small recall, an ETF listing), the article's sum for a company may not weigh
more than that damped headline event would, however many body sentences retell the company's year."""
_SUB_INDUSTRY_TICKERS = 2
_RELATIONS_PER_SOURCE = 2
_THEME_SHARE = 0.15
"""A theme outside the headline must come back in at least this share of the sentences..."""
_THEME_EXPLICIT_SENTENCES = 2
"""... and be said to move in this many of them."""
_TONE_THRESHOLD = 0.5
"""tanh(0.55): one weak cue alone (0.3-0.5: 성장, 출시, deal) does not make an article positive or
negative; the lexicon README gives weak cues that meaning (it counts only together with others)."""
_MOVED_ROLES = ("subject", "target", "supplier", "rival", "example")
"""Roles whose frame may carry a polarity (an example only in English lists of movers; frames.py)."""
# Ceilings by path: on judged picks a named subject is right far more often than a related
# company, and a related company more often than a theme exposure (docs/knowledge.md, "Scores").
_CEILING: dict[PickPath, float] = {"mention": 0.97, "relation": 0.5, "theme": 0.55}
_SCALE: dict[PickPath, float] = {"mention": 1.5, "relation": 2.0, "theme": 2.0}
# A pure-play exposure (themes.yaml `direct`: oil for an oil producer, bitcoin for an exchange)
# moves with its driver like news about the company itself; on judged theme picks these are
# right far more often than read-across exposures (a broker with some crypto, a NAND peer).
_DIRECT_THEME_CEILING = 0.8
_DIRECT_THEME_BOOST = 1.6


@dataclass
class Candidate:
    ticker: str
    path: PickPath
    signed_strength: float
    sentences: list[Sentence]
    rationale_ko: str
    rationale_en: str
    group: str = ""
    """What produced it (a theme id, a relation source): one group may not fill a whole side."""
    event: str | None = None
    role: str | None = None
    via: str | None = None
    direct: bool = False
    """A theme pick on a pure-play exposure (themes.yaml `direct`)."""


@dataclass
class _EntityEvent:
    """What the article says about one named company: its frames, signed polarity and evidence."""

    polarity: float = 0.0
    sentences: list[Sentence] = field(default_factory=list)
    frames: list[tuple[float, Frame, Sentence]] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    in_title: bool = False
    central: bool = False
    by_name: bool = False
    named_sentences: int = 0
    flat_in_body: bool = False
    """A body sentence tells the company's shares did not move."""
    unmoved_news: bool = False
    """The headline tells its news without a move and the body tells its shares flat: kept, tentative."""

    @property
    def main(self) -> Frame | None:
        """The frame that carries most of the direction (the headline's, usually)."""
        best = self._main
        return best[1] if best else None

    @property
    def main_sentence(self) -> Sentence | None:
        best = self._main
        return best[2] if best else None

    @property
    def _main(self) -> tuple[float, Frame, Sentence] | None:
        agreeing = [wfs for wfs in self.frames if wfs[1].polarity * self.polarity > 0]
        # A typed event names what happened; a mood word alone beside the name does not; and the
        # share move it caused is its effect, not the news ("실적 호조" over "주가 5% 상승").
        return (
            max(
                agreeing,
                key=lambda wfs: (
                    wfs[1].event is not None,
                    wfs[1].event is not None and wfs[1].event.id != "price_move",
                    abs(wfs[0] * wfs[1].polarity),
                ),
            )
            if agreeing
            else None
        )

    @property
    def mood_led(self) -> bool:
        """The typed event is not what carries most of the direction: a mood word elsewhere does."""
        agreeing = [wfs for wfs in self.frames if wfs[1].polarity * self.polarity > 0]
        strongest = max(agreeing, key=lambda wfs: abs(wfs[0] * wfs[1].polarity), default=None)
        return strongest is not None and strongest[1].event is None

    @property
    def role(self) -> str | None:
        main = self.main
        return main.role if main else None

    @property
    def event_type(self) -> EventType | None:
        main = self.main
        return main.event if main else None


def _follow_the_reported_move(event: _EntityEvent, head: Sentence) -> None:
    """The headline reports which way the company's shares went, or settles its event ("파업 마침표"):
    body sentences that read the other way tell what the market looked past ("'깜짝 실적'에도 시간외
    4%↓" over a body that details the beat) or the story so far (the strike's costs), so they do not
    turn the pick around."""
    moves = [
        frame.polarity
        for _, frame, sentence in event.frames
        if sentence is head and (frame.moved or frame.decisive is not None)
    ]
    if not moves:
        return
    sign = math.copysign(1.0, moves[0])
    _keep_frames(event, [wfs for wfs in event.frames if wfs[2] is head or wfs[1].polarity * sign > 0])


def _keep_frames(event: _EntityEvent, kept: list[tuple[float, Frame, Sentence]]) -> None:
    """Only these frames tell the company's event: its polarity and evidence are theirs."""
    if len(kept) < len(event.frames):
        event.frames = kept
        event.polarity = sum(weight * frame.polarity for weight, frame, _ in kept)
        event.sentences = [sentence for _, _, sentence in kept]


def _headline_tells_news_only(event: _EntityEvent, head: Sentence) -> bool:
    """The headline tells the company's news as its subject, with neither its share move nor a decisive phrase."""
    told = [frame for _, frame, sentence in event.frames if sentence is head]
    return bool(told) and not any(
        frame.moved or frame.decisive is not None or frame.role != "subject" for frame in told
    )


def _follow_the_body_move(event: _EntityEvent, head: Sentence) -> None:
    """The headline tells the company's news but neither its share move nor a decisive phrase (a buyer's
    deal, a premium paid as much as growth bought; an investment it receives): the share move the body
    reports ("HPE 주가는 이날 7.7% 떨어졌다", "Intel shares soared more than 20%") decides."""
    if not _headline_tells_news_only(event, head):
        return
    moves = [frame.polarity for _, frame, sentence in event.frames if sentence is not head and frame.moved]
    if not moves:
        return
    sign = math.copysign(1.0, moves[0])
    _keep_frames(event, [wfs for wfs in event.frames if wfs[1].polarity * sign > 0])


def _follow_flat_shares(event: _EntityEvent, head: Sentence) -> None:
    """The headline tells the company's news with neither its share move nor a decisive phrase, and the
    body tells its shares did not move ("애플 주가는 약보합에 머물렀다"): the news did not move them, so it is
    kept as a tentative pick."""
    if event.flat_in_body and _headline_tells_news_only(event, head):
        event.unmoved_news = True


def _headline_matches(sentences: list[Sentence], patterns: tuple[re.Pattern[str], ...]) -> bool:
    """The headline (or, for a bare headline, the first sentence) matches one of the patterns."""
    return bool(sentences) and any(p.search(sentences[0].text) for p in patterns)


def calibrate(strength: float, path: PickPath = "mention", direct: bool = False) -> float:
    """Evidence strength (0..inf) -> score (0..1), capped by how often picks of that path are right."""
    raw = 1.0 - math.exp(-max(0.0, strength) / _SCALE[path])
    return round(min(_DIRECT_THEME_CEILING if direct and path == "theme" else _CEILING[path], raw), 3)


def _squashed_text(sentences: list[Sentence]) -> str:
    return "".join(squash_lower(s.text) for s in sentences)


def _evidence(sentences: list[Sentence]) -> list[Evidence]:
    unique = list({(s.paragraph, s.start): s for s in sentences}.values())
    return [Evidence(text=s.text, paragraph=s.paragraph, start=s.start, end=s.end) for s in unique[:_MAX_EVIDENCE]]


def _reports_others(rest: str) -> bool:
    """ "Reuters reported." / "CNN reported that ..." cite a source; "Home Depot reported a 8% rise" is
    the company's own news."""
    rest = rest.lstrip()
    return not rest or rest[0] in ".,;:\"'”" or rest.startswith(("that", "on ", "late", "earlier", "citing"))


_YEAR = re.compile(
    r"(?<!\d)((?:19|20)\d\d)\s*년(?!\s*(?:이후|以後|以來|來|만에|만의)\s*['‘]?(?:최대|최고|최저|최악|처음|첫))"
    r"|\b(?:in|since|back in)\s+((?:19|20)\d\d)\b"
)
"""A year that dates an event ("2016년 유출", "in 2016"); not one that a record is measured from
("'1992년 이후 최대'", "2008년 이후 처음": the record is today's news)."""
_HISTORY_FACTOR = 0.2
_OWN_NEWS_MIN = 0.5
"""How plainly a company's own sentences must point one way to overrule a read-across the other way."""


def _stronger(candidate: Candidate, current: Candidate) -> bool:
    """Which reason a company's pick rests on. Its own news wins over a theme or a related company's
    news that points the other way; when they agree, the stronger one does (a memory-price surge is
    MU's own price driver, more than SK hynix's news; a mortgage-rate fall more than "DR호튼 4% 상승")."""
    if (candidate.signed_strength > 0) != (current.signed_strength > 0) and "mention" in (candidate.path, current.path):
        return candidate.path == "mention"
    return calibrate(abs(candidate.signed_strength), candidate.path, candidate.direct) > calibrate(
        abs(current.signed_strength), current.path, current.direct
    )


def _against_own_news(candidates: list[Candidate], events: dict[tuple[str, str], _EntityEvent]) -> list[Candidate]:
    """Without a theme's or a related company's read-across that the company's own sentences contradict:
    "JPMorgan … finished 2% higher" on a day regional banks tumbled is no pick of JPMorgan falling with
    them, even where its own line is too far down the article to be a pick itself."""

    def contradicted(candidate: Candidate) -> bool:
        own = events.get(("sp500", candidate.ticker))
        return (
            candidate.path != "mention"
            and own is not None
            and abs(own.polarity) >= _OWN_NEWS_MIN
            and own.polarity * candidate.signed_strength < 0
        )

    return [c for c in candidates if not contradicted(c)]


def _latest_year(sentences: list[Sentence]) -> int | None:
    """An undated article's "now": the latest year it names (a 2016 leak in a 2019 story is history)."""
    years = [int(a or b) for s in sentences for a, b in _YEAR.findall(s.text)]
    return max(years) if years else None


def _in_past_year(text: str, year: int | None) -> bool:
    """The sentence dates its event two or more years before the article: background, not news."""
    if year is None:
        return False
    years = [int(a or b) for a, b in _YEAR.findall(text)]
    return bool(years) and max(years) <= year - 2


def _valid_on(edge: Relation, day: date | None) -> bool:
    if day is None:
        return edge.until is None  # undated text: only relations that still hold
    return (edge.since is None or edge.since <= day) and (edge.until is None or day <= edge.until)


class Tracker:
    def __init__(
        self, kb: KnowledgeBase, settings: TrackerSettings | None = None, embedder: SentenceEmbedder | None = None
    ) -> None:
        self.kb = kb
        self.settings = settings or TrackerSettings()
        self.calibration = kb.calibration
        """The score model (calibration.yaml); None keeps the rule scores (bench/calibrate_tracker.py)."""
        self.linker = Linker(kb)
        self.polarity = PolarityScorer(kb)
        self.frames = FrameReader(kb, self.polarity)
        # Share-group words by sub-industry, squashed once (asked for every mover and exposure).
        self._group_words_ko = {
            s.name: tuple(squash(w) for w in s.stock_words_ko) for s in kb.sub_industries.values() if s.stock_words_ko
        }
        self._us_market_ko = tuple(squash(m) for m in kb.roles.us_market_ko)
        self.themes = ThemeDetector(kb, self.polarity, embedder)
        rules = kb.linking
        self._market_words = tuple(squash_lower(w) for w in (*rules.market_context_ko, *rules.market_context_en))
        self._business_words = tuple(squash_lower(w) for w in (*rules.business_event_ko, *rules.business_event_en))
        self._us_words = tuple(squash_lower(w) for w in rules.us_context)
        self._us_strict = tuple(squash_lower(w) for w in rules.us_strict_context) or self._us_words
        self._foreign_stage_en = tuple(w.lower() for w in rules.foreign_stage_en)
        self._us_stage_en = tuple(w.lower() for w in rules.us_stage_en)
        self._analyst_note = tuple(re.compile(p) for p in rules.analyst_note_ko)
        self._market_wrap = tuple(re.compile(p) for p in rules.korean_market_wrap_ko)
        self._korean_session = tuple(squash(w) for w in rules.korean_session_ko)
        self._overnight = tuple(squash(w) for w in rules.overnight_ko)
        self._movers_column = tuple(re.compile(p) for p in rules.movers_column_ko)
        self._reported_move_weight = next(
            (e.reported_weight or e.weight for e in kb.events.events if e.id == "price_move"), 1.0
        )
        self._relations_by_source: dict[str, list[Relation]] = defaultdict(list)
        for edge in kb.relations:
            self._relations_by_source[edge.source].append(edge)

    # -- public ---------------------------------------------------------------------------------
    def track(self, article: Article) -> TrackerReport:
        language = "en" if article.language == "en" else "ko"
        sentences = article_sentences(article)
        entity_mentions = self.linker.find(sentences, article.published.date() if article.published else None)
        mentions = [self._mention_model(m) for m in entity_mentions if m.ref.kind == "sp500"]
        tone = self._tone(sentences, language)
        year = article.published.year if article.published else _latest_year(sentences)
        events = self._events(entity_mentions, language, sentences, year)

        candidates: list[Candidate] = []
        names = defaultdict(list)
        for m in entity_mentions:
            names[m.sentence].append((m.start - m.sentence.start, m.end - m.sentence.start))
        themes = self.themes.detect(sentences, language, names)
        market_words = self._market_words_in(sentences)
        # A theme said outright to move ("국제유가 급등") is itself market language; in the headline,
        # it is what the story is about.
        moving = max((2 if h.head_direction else 1 for h in themes if h.explicit and h.direction), default=0)
        # A company's typed event in the text (earnings, a recall, a price move) is business news too.
        typed = any(e.event_type is not None for e in events.values())
        market = market_words + moving + typed >= 2
        # A report on the Korean session or the won (or, in English, a market abroad) cites US moves
        # that are a day old and priced.
        wrap = (
            self._is_market_wrap(sentences)
            or self._korean_movers_lead(sentences, entity_mentions)
            or self._korean_movers_column(sentences, entity_mentions)
            if language == "ko"
            else bool(sentences) and self.frames.about_market_abroad(sentences[0].text)
        )
        candidates += self._mention_candidates(
            events,
            business=market_words >= 1 or self._about_business(sentences),
            korean=language == "ko",
            tentative=wrap,
        )
        if market:
            day = article.published.date() if article.published else None
            note = language == "ko" and self._is_analyst_note(sentences)
            if not wrap:
                candidates += self._relation_candidates(events, day, analyst_note=note)
            # "S-Oil, 4분기 영업익…정제마진 회복에 반등", "[특징주] S-Oil, 정제마진 상승 기대에 5%↑": a
            # Korean company's results or share move cite the price as their reason, like a broker's
            # note on it; the price is not the story. Nor is its own capex ("삼성전자, … HBM4 증설에 60조원
            # 투입") or an order it wins ("한미반도체, SK하이닉스서 TC본더 수주…HBM 증설 수혜"): more of
            # Korean supply, not news of the US industry's demand.
            korean_topic = language == "ko" and self._topic_of_kind(sentences[0], entity_mentions, "korean")
            event = self.frames.event_type(sentences[0].text, language) if korean_topic else None
            korean_topic = (
                korean_topic
                and event is not None
                and event.id in ("earnings", "guidance", "price_move", "capex", "order")
            )
            # "…간밤 엑슨모빌 12% 급락 여파": a wrap's cited moves happened in the US session before.
            headline = squash(sentences[0].text)
            overnight = wrap and language == "ko" and any(w in headline for w in self._overnight)
            candidates += self._theme_candidates(
                themes,
                language,
                len(sentences),
                analyst_note=note or korean_topic or overnight,
                pure_plays_only=wrap,
                head=sentences[0],
            )
        if article.published is not None:
            # A company not yet trading on the article's day (a later spin-off, a merger's later listing:
            # Kraft Heinz in a 2013 Heinz story) has no shares the news can move.
            day = article.published.date()
            candidates = [c for c in candidates if self.kb.listed_since.get(c.ticker, day) <= day]
        positive, negative = self._select(_against_own_news(candidates, events))
        if self.calibration is not None:
            headline_only = len(sentences) <= 1
            positive = self._calibrated(positive, language == "ko", headline_only)
            negative = self._calibrated(negative, language == "ko", headline_only)
        abstained = not positive and not negative
        return TrackerReport(
            positive=positive,
            negative=negative,
            mentions=mentions,
            tone=tone,
            abstained=abstained,
            reason=self._abstain_reason(mentions, market, events, themes) if abstained else None,
            disclaimer=Disclaimer(ko=self.kb.disclaimer.ko, en=self.kb.disclaimer.en),
        )

    # -- stages ---------------------------------------------------------------------------------
    def _mention_model(self, mention: EntityMention) -> Mention:
        company = self.kb.companies[mention.ref.key]
        return Mention(
            ticker=company.ticker,
            name=company.name,
            matched=mention.matched,
            paragraph=mention.sentence.paragraph,
            start=mention.start,
            end=mention.end,
        )

    def _tone(self, sentences: list[Sentence], language: str) -> Tone:
        weighted = total_weight = 0.0
        cued = 0
        for sentence in sentences:
            polarity = self.polarity.sentence(sentence.text, language).score
            weight = sentence_weight(sentence)
            weighted += weight * polarity
            total_weight += weight
            cued += polarity != 0
        if not cued:
            return Tone(label="neutral", score=0.0)
        score = math.tanh(weighted / total_weight * math.sqrt(min(cued, 4)))
        label = "positive" if score > _TONE_THRESHOLD else "negative" if score < -_TONE_THRESHOLD else "neutral"
        return Tone(label=label, score=round(score, 3))

    def _events(
        self, mentions: list[EntityMention], language: str, sentences: list[Sentence], year: int | None
    ) -> dict[tuple[str, str], _EntityEvent]:
        """One frame per company per sentence; only roles the event moves carry its polarity.

        The headline is the title, or the first sentence of a text without one; `year` the
        article's, so that events of years past ("2016년 유출") read as history, not news."""
        head = sentences[0] if sentences else None
        # What makes the headline's story less material (retail flows, a small recall) holds for the
        # body that tells it too ("서학개미 순매수 1위 알파벳" then the company's year in review).
        headline_factor = (
            self.frames.story_dampening(head.text, [s.text for s in sentences[1:]], language)
            if head is not None
            else 1.0
        )
        events: dict[tuple[str, str], _EntityEvent] = {}
        subjects: dict[Sentence, list[tuple[str, str]]] = defaultdict(list)
        """Per sentence, the S&P 500 subjects named in it: (ticker, the name as written)."""
        by_sentence: dict[Sentence, list[EntityMention]] = defaultdict(list)
        for mention in mentions:
            by_sentence[mention.sentence].append(mention)
        for sentence, group in by_sentence.items():
            spans = [
                NamedSpan(m.ref.key, m.ref.kind, m.start - sentence.start, m.end - sentence.start, m.ref.by_name)
                for m in group
            ]
            # One company named twice in a sentence counts once: its first reading, unless a later one
            # reports its share move ("구글에 … 매각 명령…알파벳 시간외 3%↓").
            best: dict[tuple[str, str], tuple[Frame | None, EntityMention, NamedSpan]] = {}
            for mention, span in zip(group, spans, strict=True):
                key = (mention.ref.kind, mention.ref.key)
                event = events.setdefault(key, _EntityEvent())
                is_head = sentence == head
                event.in_title |= is_head
                event.by_name |= mention.ref.by_name
                event.central |= is_head or sentence.paragraph <= 0
                if self._is_citation(sentence.text, span.start, span.end):
                    frame = Frame("source", None, 0.0, ())
                elif not mention.ref.by_name and not self._about_business_text(without_names(sentence.text, spans)):
                    # A brand named as a venue ("유튜브 채널", "CNN 보도") without business words in
                    # its sentence (outside the names: "CrowdStrike" is no strike): what happens there is
                    # not news about the company.
                    frame = None
                else:
                    frame = self.frames.read(sentence.text, is_head, span, spans, language)
                earlier = best.get(key)
                if earlier is None or (frame is not None and frame.moved and not (earlier[0] and earlier[0].moved)):
                    best[key] = (frame, mention, span)
            for key, (found, mention, span) in best.items():
                event = events[key]
                event.named_sentences += 1
                if found is None:
                    continue
                frame = found
                event.roles.add(frame.role)
                # A named mover with its move is what the sentence reports, wherever it stands.
                event.central |= frame.moved
                if frame.role == "subject" and mention.ref.kind == "sp500" and mention.ref.by_name:
                    subjects[sentence].append((mention.ref.key, sentence.text[span.start : span.end]))
                if frame.role in ("subject", "passing") and sentence != head and not frame.moved:
                    event.flat_in_body |= self.frames.tells_flat_shares(sentence.text[span.end :], language)
                factor = 1.0 if sentence == head else headline_factor
                if (
                    frame.moved
                    and head is not None
                    and sentence != head
                    and self._group_in_headline(key, head, language)
                ):
                    # "美 제약주 급락" over "화이자(-4.1%)도 약세": a member of the group the headline
                    # reports moving, named with its own move, is what the headline is about.
                    factor = 2.0 / sentence_weight(sentence)
                self._add_frame(event, frame, sentence, year, factor)
        for sentence, (ticker, frame) in self._carried_frames(sentences, by_sentence, subjects, language):
            event = events[("sp500", ticker)]
            event.named_sentences += 1
            self._add_frame(event, frame, sentence, year, headline_factor)
        cap = _DAMPED_STORY_CAP * headline_factor
        for event in events.values():
            if event.named_sentences >= 3:
                event.central = True
            if head is not None:
                _follow_the_reported_move(event, head)
                _follow_the_body_move(event, head)
                _follow_flat_shares(event, head)
            if headline_factor < 1.0 and abs(event.polarity) > cap:
                event.polarity = math.copysign(cap, event.polarity)
        return events

    def _group_in_headline(self, key: tuple[str, str], head: Sentence, language: str, us_only: bool = False) -> bool:
        """The headline names the shares of the company's sub-industry ("제약주", "airline stocks");
        with `us_only`, a Korean headline must say they are US shares ("美 항공주", "뉴욕증시 …")."""
        company = self.kb.companies.get(key[1]) if key[0] == "sp500" else None
        group = self.kb.sub_industries.get(company.sub_industry) if company else None
        if group is None:
            return False
        if language == "en":
            lower = head.text.lower()
            return any(w in lower for w in group.stock_words_en)
        squashed = squash(head.text)
        words = self._group_words_ko.get(group.name, ())
        if not us_only:
            return any(w in squashed for w in words)
        us_market = any(m in squashed for m in self._us_market_ko)
        return any(w in squashed and (us_market or f"美{w}" in squashed or f"미국{w}" in squashed) for w in words)

    @staticmethod
    def _add_frame(
        event: _EntityEvent, frame: Frame, sentence: Sentence, year: int | None, headline_factor: float = 1.0
    ) -> None:
        if frame.role not in _MOVED_ROLES or not frame.polarity:
            return
        weight = sentence_weight(sentence) * (_HISTORY_FACTOR if _in_past_year(sentence.text, year) else 1.0)
        weight *= headline_factor
        event.polarity += frame.polarity * weight
        event.frames.append((weight, frame, sentence))
        event.sentences.append(sentence)

    def _carried_frames(
        self,
        sentences: list[Sentence],
        by_sentence: dict[Sentence, list[EntityMention]],
        subjects: dict[Sentence, list[tuple[str, str]]],
        language: str,
    ) -> list[tuple[Sentence, tuple[str, Frame]]]:
        """Light coreference: a sentence that names no company and opens with a pronoun or a
        connective ("회사는", "또", "The company") goes on about the previous sentence's only S&P 500
        subject in the same paragraph; its frame is read with the name put in the opener's place."""
        openers = self.kb.roles.carry_subject_en if language == "en" else self.kb.roles.carry_subject_ko
        out: list[tuple[Sentence, tuple[str, Frame]]] = []
        carried: tuple[str, str] | None = None
        previous: Sentence | None = None
        for sentence in sentences:
            if sentence in by_sentence:
                found = set(subjects.get(sentence, []))
                carried = found.pop() if len({t for t, _ in found}) == 1 else None
            elif carried is not None and previous is not None and previous.paragraph == sentence.paragraph:
                text = self._with_subject(sentence.text, carried[1], openers, language, self.kb.roles.carry_blockers_ko)
                if text is None:
                    carried = None
                else:
                    span = NamedSpan(carried[0], "sp500", 0, len(carried[1]))
                    out.append((sentence, (carried[0], self.frames.read(text, False, span, [span], language))))
            else:
                carried = None
            previous = sentence
        return out

    @staticmethod
    def _with_subject(
        text: str, name: str, openers: tuple[str, ...], language: str, blockers: tuple[str, ...] = ()
    ) -> str | None:
        """The sentence with its opener replaced by the name as subject, or None without an opener."""
        stripped = text.lstrip(" \"“'‘")
        for opener in sorted(openers, key=len, reverse=True):
            if not stripped.startswith(opener):
                continue
            rest = stripped[len(opener) :]
            if language == "en":
                if rest[:1].isalnum():
                    continue  # "Italy" is not "It"
                return f"{name}'s{rest}" if opener == "Its" else f"{name}{rest}"
            if rest[:1] not in (" ", ","):
                continue  # "또다시", "이어서" are other words
            if rest.lstrip(" ,").startswith(blockers):
                return None  # "또 다른 업체들도": another actor
            return (f"{name}의" if opener.endswith("의") else particle(name, "은/는")) + rest
        return None

    def _is_citation(self, text: str, start: int, end: int) -> bool:
        rules = self.kb.linking
        after = squash(text[end : end + 16])
        before = text[max(0, start - 20) : start].lower()
        after_en = text[end : end + 30].lstrip(" ,").lower()
        return (
            any(after.startswith(squash(c)) for c in rules.citation_after_ko)
            or any(after_en.startswith(c) and _reports_others(after_en[len(c) :]) for c in rules.citation_after_en)
            or any(before.rstrip(" ,").endswith(c) for c in rules.citation_before_en)
        )

    def _names(self, kind: str, key: str) -> tuple[str, str]:
        if kind == "korean":
            source = self.kb.korean_companies[key]
            return source.name_ko, source.name_en
        company = self.kb.companies[key]
        return self.kb.name_ko(key) or company.name, rationale.short_name(company.name)

    def _mention_candidates(
        self, events: dict[tuple[str, str], _EntityEvent], *, business: bool, korean: bool, tentative: bool = False
    ) -> list[Candidate]:
        """A named company the event moves; outside business news only when it is the headline's subject."""
        out = []
        for (kind, ticker), event in events.items():
            if kind != "sp500" or not event.polarity:
                continue
            main = event.main
            if not (business or event.in_title or (main is not None and main.event is not None)):
                continue  # outside business news only the headline's subject or a typed event counts
            # Relevance: the company is what the article is about (headline, lead, or returned to),
            # and (Korean) the sentence reports a typed event, not just a mood word near its name.
            # English wire copy states each company's move plainly, so its sentence polarity stands.
            if main is None or not event.central or (main.event is None and korean):
                continue
            direction = 1 if event.polarity > 0 else -1
            name_ko, name_en = self._names(kind, ticker)
            ko, en = rationale.event_line(self.kb.events.fallback, main, direction, name_ko, name_en)
            # Only a brand or product was named (a YouTube channel, a CNN report): the news is
            # usually about something happening there, so it counts for half.
            strength = event.polarity * (1.0 if event.by_name else _BRAND_ONLY_FACTOR)
            if korean and main.event is not None:
                # Materiality of the kind of event for a large US company (a launch moves it less
                # than its earnings); English wire copy reports movers directly and keeps its weight.
                # A share move the text reports is news in itself, however small the kind of event
                # behind it ("설비투자 확대 예고에 8%↓"): it weighs at least what a bare reported move does.
                weight = main.event.weight
                if main.moved:
                    weight = main.event.reported_weight or max(weight, self._reported_move_weight)
                strength *= weight
            if (korean and main.event is not None and event.mood_led) or tentative or event.unmoved_news:
                # The typed event is a side remark beside mood words, a Korean market wrap cites news
                # already in the price, or the body says the news left the shares flat: kept, under
                # the display threshold.
                strength = math.copysign(min(abs(strength), _MOOD_LED_CAP), strength)
            out.append(
                Candidate(
                    ticker,
                    "mention",
                    strength,
                    event.sentences,
                    ko,
                    en,
                    event=main.event.id if main.event else None,
                    role=main.role,
                )
            )
        return out

    def _relation_candidates(
        self, events: dict[tuple[str, str], _EntityEvent], day: date | None, *, analyst_note: bool = False
    ) -> list[Candidate]:
        """An event passed on only along the relation types its event type propagates."""
        out = []
        for (kind, key), event in events.items():
            if kind == "korean" and analyst_note:
                # A Korean broker's note on a Korean company ("목표가↓-KB증권") is a view of one firm,
                # already in its price; it is no news for its US peers (a shared price cycle reaches
                # them through the theme, when the article is about the cycle).
                continue
            # Korean companies reach the S&P 500 only through relations, so their events carry over;
            # for a named S&P 500 company only a strong event is worth passing on to its peers.
            needed = 1.0 if kind == "korean" else 2.0
            event_type = event.event_type
            if (
                event_type is None
                or event.role != "subject"
                or abs(event.polarity) < needed
                or not event.central
                or not self._about_business(event.sentences)
            ):
                continue
            main = event.main
            # Spending reaches suppliers as orders whichever way the spender's shares took it.
            direction = main.event_sign if main is not None and main.event_sign else (1 if event.polarity > 0 else -1)
            source_ko, source_en = self._names(kind, key)
            main_sentence = event.main_sentence
            # The shared business must be named where the event is reported, not anywhere in the article.
            evidence_text = _squashed_text([main_sentence] if main_sentence else event.sentences)
            edges = [
                e
                for e in self._relations_by_source.get(key, [])
                if e.target in self.kb.companies
                and ("sp500", e.target) not in events
                and e.link in event_type.propagates
                and _valid_on(e, day)
                and (not e.context or any(squash_lower(c) in evidence_text for c in e.context))
            ]
            # The file lists each source's most direct links first.
            for edge in edges[:_RELATIONS_PER_SOURCE]:
                strength = abs(event.polarity) * event_type.weight * 0.5
                ko, en = rationale.relation(source_ko, source_en, direction, event_type, edge)
                out.append(
                    Candidate(
                        edge.target,
                        "relation",
                        strength * direction * edge.sign,
                        event.sentences,
                        ko,
                        en,
                        group=f"relation:{key}",
                        event=event_type.id,
                        role=edge.type,
                        via=source_ko,
                    )
                )
        return out

    def _is_market_wrap(self, sentences: list[Sentence]) -> bool:
        """The headline reports the Korean session or the won."""
        return _headline_matches(sentences, self._market_wrap)

    def _korean_movers_lead(self, sentences: list[Sentence], mentions: list[EntityMention]) -> bool:
        """The headline reports Korean companies' share moves ("마이크론 호실적에 삼성전자·SK하이닉스
        '동반 신고가'"): a story of the Korean session, whose US causes moved the night before."""
        if not sentences:
            return False
        head = sentences[0]
        if self._topic_of_kind(head, mentions, "sp500") or self._own_first_story(head, mentions, "sp500"):
            # "마이크론, … '서프라이즈'…삼성·하이닉스도 들썩", "넷플릭스 4분기 '어닝 서프라이즈'…스튜디오드래곤 등
            # K콘텐츠株 동반 강세": the US company's story
            return False
        return any(
            m.sentence == head
            and m.ref.kind == "korean"
            and self.frames.reports_move_after(head.text[m.end - head.start :])
            for m in mentions
        )

    @staticmethod
    def _topic_of_kind(head: Sentence, mentions: list[EntityMention], kind: str) -> bool:
        """The headline's "X, …" topic is a company of this kind ("korean" or "sp500")."""
        end = topic_end(head.text)
        return end is not None and any(
            m.sentence == head and m.ref.kind == kind and m.start - head.start < end for m in mentions
        )

    def _own_first_story(self, head: Sentence, mentions: list[EntityMention], kind: str) -> bool:
        """The headline's first story opens with a company of this kind and names no other, no day gone by
        and no Korean stocks ("넷플릭스 4분기 '어닝 서프라이즈'…", not "마이크론 호실적에 삼성전자 강세",
        "엔비디아 호실적 하루 뒤…" or "테슬라 급등에 국내 2차전지株도 들썩…"): what follows it is that
        story's aftermath."""
        named = sorted((m for m in mentions if m.sentence == head), key=lambda m: m.start)
        if not named or named[0].ref.kind != kind:
            return False
        first = named[0].start - head.start
        if head.text[:first].strip(" []【】\"'‘’“”"):
            return False
        story_end = head.text.find("…", first)
        if story_end == -1:
            return False
        story = squash(head.text[first:story_end])
        return all(m.start - head.start >= story_end or m.ref.kind == kind for m in named) and not any(
            word in story for word in self._korean_session
        )

    def _korean_movers_column(self, sentences: list[Sentence], mentions: list[EntityMention]) -> bool:
        """A movers column ("[특징주]") on Korean stocks; one whose topic is a US company is its news."""
        return _headline_matches(sentences, self._movers_column) and not self._topic_of_kind(
            sentences[0], mentions, "sp500"
        )

    def _is_analyst_note(self, sentences: list[Sentence]) -> bool:
        """The headline is a broker's note on a company."""
        return _headline_matches(sentences, self._analyst_note)

    def _theme_candidates(
        self,
        hits: list[ThemeHit],
        language: str,
        sentence_count: int,
        *,
        analyst_note: bool = False,
        pure_plays_only: bool = False,
        head: Sentence | None = None,
    ) -> list[Candidate]:
        out = []
        # A theme counts when the article says its driver moves and is about it: in the headline,
        # or returned to in a second sentence; never a word in passing.
        strong = [h for h in hits if self._theme_is_the_story(h, language, sentence_count)][:_MAX_THEMES]
        lead_only = [
            h
            for h in hits
            if all(h is not g for g in strong) and self._lead_price_move(h) and self._stage_ok(h, h.sentences, language)
        ][: max(0, _MAX_THEMES - len(strong))]
        tentative = {id(h) for h in lead_only}
        for hit in strong + lead_only:
            centrality = 1.0 if hit.in_title else 0.7
            base = min(hit.weight, 4.0) * hit.confidence * centrality * 0.8
            for rank, exposure in enumerate(self._exposures_for(hit, language)):
                if id(hit) in tentative and (not exposure.direct or analyst_note):
                    continue  # from the lead alone, only the pure plays
                if pure_plays_only and not exposure.direct:
                    continue  # a Korean market wrap: only a pure play's own price driver still counts
                if exposure.ticker is not None:
                    tickers = [exposure.ticker]
                    factor = 0.97**rank
                elif not hit.theme.price:
                    continue  # a whole sub-industry only for a price it buys or sells (jet fuel, crude)
                else:
                    tickers = self.kb.tickers_in_sub_industry(exposure.sub_industry or "")[:_SUB_INDUSTRY_TICKERS]
                    factor = 0.8 * 0.97**rank
                for ticker in tickers:
                    if ticker not in self.kb.companies:
                        continue
                    sub_industry = None
                    if exposure.sub_industry:
                        sub_industry = self.kb.sub_industry_ko(exposure.sub_industry), exposure.sub_industry
                    ko, en = rationale.theme(hit.theme, exposure, hit.direction, sub_industry)
                    # "국제유가 급락에 항공주 일제히 강세": the headline reports the group's own move, so
                    # the exposure is as firm as a pure play's.
                    named_group = head is not None and self._group_in_headline(
                        ("sp500", ticker), head, language, us_only=True
                    )
                    direct = (exposure.direct or named_group) and not analyst_note
                    if direct:
                        factor *= _DIRECT_THEME_BOOST
                    signed = base * factor * hit.direction * exposure.sign
                    out.append(
                        Candidate(
                            ticker,
                            "theme",
                            signed,
                            hit.sentences,
                            ko,
                            en,
                            group=f"theme:{hit.theme.id}",
                            event=hit.theme.id,
                            direct=direct,
                        )
                    )
        return out

    @staticmethod
    def _exposures_for(hit: ThemeHit, language: str) -> list[Exposure]:
        """The exposures of the sub-topic the article names (export controls on chip *equipment*:
        the toolmakers), in file order; all of them when it names none."""
        text = _squashed_text(hit.sentences)

        def named(exposure: Exposure) -> bool:
            words = exposure.topics_en if language == "en" else exposure.topics_ko
            return any(squash_lower(w) in text for w in words)

        chosen = [e for e in hit.theme.exposures if named(e)]
        return chosen or list(hit.theme.exposures)

    def _theme_is_the_story(self, hit: ThemeHit, language: str, sentence_count: int) -> bool:
        """The article is about the theme and says which way its driver moves.

        Headline: the headline itself binds a move to the driver ("국제유가 급락"). Otherwise a price
        or rate (oil, yields, memory prices) must be said to move in several sentences; other themes
        (a war, a pandemic, AI chips) count only from the headline, since in the body they are
        usually background. Korean news moves US-scoped and industry themes only on the US or world
        stage."""
        if hit.direction == 0 or not hit.explicit:
            return False
        head = [s for s in hit.sentences if s is hit.sentences[0] and hit.head_direction]
        if not self._stage_ok(hit, head or hit.sentences, language):
            return False
        if hit.head_direction:
            return True
        if hit.head_quoted and hit.head_quoted * hit.lead_direction > 0:
            return True  # a forecast quoted in the headline that the lead reports as such (SEMI's outlook)
        if hit.in_head:
            return False  # the headline names the theme but takes its move back ("금리 인하 신중")
        return (
            hit.theme.price
            and hit.explicit_sentences >= _THEME_EXPLICIT_SENTENCES
            and hit.distinct_sentences >= _THEME_SHARE * sentence_count
            and any(s.paragraph <= 0 for s in hit.sentences)  # in the lead, not only as background
        )

    @staticmethod
    def _lead_price_move(hit: ThemeHit) -> bool:
        """A price the lead says moves (and no sentence says the other way), though the headline is
        about something else: enough for its pure plays (oil for producers), tentatively."""
        return (
            hit.theme.price
            and not hit.in_head
            and hit.lead_direction != 0
            and hit.direction * hit.lead_direction > 0
            and hit.confidence >= 0.99
        )

    def _stage_ok(self, hit: ThemeHit, evidence: list[Sentence], language: str) -> bool:
        """Korean news moves US-scoped and industry themes only on the US or world stage, and a price
        only in its benchmark form."""
        if language == "en":
            # "Bank of Korea cuts rates …": another country's rates are not US rates.
            text = " ".join(s.text.lower() for s in evidence)
            foreign = any(w in text for w in self._foreign_stage_en)
            return not (hit.theme.scope == "us" and foreign and not any(w in text for w in self._us_stage_en))
        if hit.theme.scope == "us" and not self._on_us_stage(evidence, strict=True):
            return False  # US rates or prices need the US itself, not "주요국" or "글로벌"
        if not hit.theme.price and not self._on_us_stage(evidence):
            return False  # a Korean industry story (로봇株, 2차전지) does not move the US basket
        if hit.theme.price and hit.theme.domestic_ko:
            text = _squashed_text(evidence)
            domestic = any(squash_lower(w) in text for w in hit.theme.domestic_ko)
            if domestic and not any(squash_lower(w) in text for w in hit.theme.benchmark_ko):
                return False  # pump prices at Korean stations, not crude (a Korean-only story)
        return True

    def _select(self, candidates: list[Candidate]) -> tuple[list[Pick], list[Pick]]:
        best: dict[str, Candidate] = {}
        for candidate in candidates:
            current = best.get(candidate.ticker)
            if current is None or _stronger(candidate, current):
                best[candidate.ticker] = candidate
        picks: dict[Direction, list[Pick]] = {"positive": [], "negative": []}
        per_group: dict[tuple[str, str], int] = defaultdict(int)
        scored = [(calibrate(abs(c.signed_strength), c.path, c.direct), c) for c in best.values()]
        for score, candidate in sorted(scored, key=lambda sc: -sc[0]):
            if score < self.settings.min_score or not candidate.sentences:
                continue
            if candidate.path == "theme" and not candidate.direct and score < self.settings.min_read_across_score:
                continue
            direction: Direction = "positive" if candidate.signed_strength > 0 else "negative"
            if len(picks[direction]) >= self.settings.max_picks_per_side:
                continue
            if candidate.group:
                if per_group[(candidate.group, direction)] >= _PER_GROUP_PER_SIDE:
                    continue
                per_group[(candidate.group, direction)] += 1
            picks[direction].append(self._pick(candidate, direction, score))
        return picks["positive"], picks["negative"]

    def _calibrated(self, picks: list[Pick], korean: bool, headline_only: bool) -> list[Pick]:
        """Rule scores -> calibrated chance of being right; under the threshold, low-confidence."""
        model = self.calibration
        assert model is not None
        out = []
        for pick in picks:
            features = confidence.pick_features(pick, self.kb, korean=korean, headline_only=headline_only)
            score = confidence.probability(model, features) if model.weights else pick.score
            out.append(pick.model_copy(update={"score": score, "low_confidence": score < model.threshold}))
        return sorted(out, key=lambda p: -p.score)

    def _pick(self, candidate: Candidate, direction: Direction, score: float) -> Pick:
        company: Company = self.kb.companies[candidate.ticker]
        return Pick(
            ticker=company.ticker,
            name=company.name,
            name_ko=self.kb.name_ko(company.ticker),
            sector=company.sector,
            sector_ko=self.kb.sector_ko(company.sector),
            direction=direction,
            score=score,
            path=candidate.path,
            rationale_ko=candidate.rationale_ko,
            rationale_en=candidate.rationale_en,
            evidence=_evidence(candidate.sentences),
            event=candidate.event,
            role=candidate.role,
            via=candidate.via,
        )

    def _on_us_stage(self, sentences: list[Sentence], strict: bool = False) -> bool:
        text = _squashed_text(sentences)
        return any(word in text for word in (self._us_strict if strict else self._us_words))

    def _about_business(self, sentences: list[Sentence]) -> bool:
        return self._about_business_text("".join(s.text for s in sentences))

    def _about_business_text(self, text: str) -> bool:
        squashed = squash_lower(text)
        return any(word in squashed for word in self._business_words)

    def _market_words_in(self, sentences: list[Sentence]) -> int:
        text = _squashed_text(sentences)
        return sum(1 for word in self._market_words if word in text)

    @staticmethod
    def _abstain_reason(
        mentions: list[Mention], market: bool, events: dict[tuple[str, str], _EntityEvent], themes: list[ThemeHit]
    ) -> str:
        if not market and not mentions:
            return (
                "시장·기업 관련 내용이 없는 기사로 영향 종목을 고르지 않음 / "
                "not a market or business story: no listed company is materially affected"
            )
        if mentions:
            roles = {r for (kind, _), e in events.items() if kind == "sp500" for r in e.roles}
            if roles and not roles & set(_MOVED_ROLES):
                return (
                    "S&P 500 기업이 고객·출처·사례 등으로만 언급되어 주가에 영향을 주는 사건의 주체가 아님 / "
                    "S&P 500 companies appear only as a customer, source, venue or example, "
                    "not as the subject of an event"
                )
            return (
                "S&P 500 기업이 언급되지만 기사에 주가 방향을 가를 내용이 없음 / "
                "S&P 500 companies are named, but the article says nothing that moves them"
            )
        if themes:
            top = themes[0].theme
            return (
                f"'{top.name_ko}' 등 주제가 언급되지만 그 동인이 움직였다는 시장 소식이 아니어서 "
                "영향 종목을 고르지 않음 / "
                f"themes such as {top.name_en} are mentioned, but the article reports no move of their market driver"
            )
        return (
            "기사 내용과 뚜렷하게 연결되는 S&P 500 기업이 없음 / "
            "nothing in the article clearly moves an S&P 500 company"
        )
