"""Article + KnowledgeBase -> TrackerReport: mentions, direction, themes, relations, scoring, abstention."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from newsimpact.article import Article
from newsimpact.config import TrackerSettings
from newsimpact.knowledge import KnowledgeBase
from newsimpact.knowledge.schema import Company
from newsimpact.tracker import rationale
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
_MAX_THEMES = 4
_PER_GROUP_PER_SIDE = 2
_BRAND_ONLY_FACTOR = 0.5
_THEME_SHARE = 0.15
"""A theme not in the headline and never said to move must fill this share of the sentences."""
_SUB_INDUSTRY_TICKERS = 3
_RELATIONS_PER_SOURCE = 3
_RELATION_DISCOUNT = 0.35
_TONE_THRESHOLD = 0.3


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


@dataclass
class _EntityEvent:
    """What the article says about one named company: signed polarity and its evidence."""

    polarity: float = 0.0
    sentences: list[Sentence] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    in_title: bool = False
    central: bool = False
    by_name: bool = False


def calibrate(strength: float) -> float:
    """Evidence strength (0..inf) -> score (0..1): one clear body sentence ~0.4, a headline event ~0.85."""
    return round(1.0 - math.exp(-max(0.0, strength) / 1.5), 3)


def _squashed_text(sentences: list[Sentence]) -> str:
    return "".join(squash_lower(s.text) for s in sentences)


def _evidence(sentences: list[Sentence]) -> list[Evidence]:
    unique = list({(s.paragraph, s.start): s for s in sentences}.values())
    return [Evidence(text=s.text, paragraph=s.paragraph, start=s.start, end=s.end) for s in unique[:_MAX_EVIDENCE]]


class Tracker:
    def __init__(
        self, kb: KnowledgeBase, settings: TrackerSettings | None = None, embedder: SentenceEmbedder | None = None
    ) -> None:
        self.kb = kb
        self.settings = settings or TrackerSettings()
        self.linker = Linker(kb)
        self.polarity = PolarityScorer(kb)
        self.themes = ThemeDetector(kb, self.polarity, embedder)
        rules = kb.linking
        self._market_words = tuple(squash_lower(w) for w in (*rules.market_context_ko, *rules.market_context_en))
        self._business_words = tuple(squash_lower(w) for w in (*rules.business_event_ko, *rules.business_event_en))
        self._us_words = tuple(squash_lower(w) for w in rules.us_context)
        self._relations_by_source = defaultdict(list)
        for edge in kb.relations:
            self._relations_by_source[edge.source].append(edge)

    # -- public ---------------------------------------------------------------------------------
    def track(self, article: Article) -> TrackerReport:
        language = "en" if article.language == "en" else "ko"
        sentences = article_sentences(article)
        entity_mentions = self.linker.find(sentences)
        mentions = [self._mention_model(m) for m in entity_mentions if m.ref.kind == "sp500"]
        tone = self._tone(sentences, language)
        events = self._events(entity_mentions, language)

        candidates: list[Candidate] = []
        themes = self.themes.detect(sentences, language)
        market_words = self._market_words_in(sentences)
        # A theme said outright to move ("국제유가 급등") is itself market language.
        market = market_words + any(h.explicit for h in themes) >= 2
        candidates += self._mention_candidates(events, business=market_words >= 1 or self._about_business(sentences))
        if market:
            candidates += self._relation_candidates(events)
            candidates += self._theme_candidates(themes, max(1, len(sentences)), language)
        positive, negative = self._select(candidates)
        abstained = not positive and not negative
        return TrackerReport(
            positive=positive,
            negative=negative,
            mentions=mentions,
            tone=tone,
            abstained=abstained,
            reason=self._abstain_reason(mentions, market) if abstained else None,
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

    def _events(self, mentions: list[EntityMention], language: str) -> dict[tuple[str, str], _EntityEvent]:
        events: dict[tuple[str, str], _EntityEvent] = {}
        counted: set[tuple[str, str, int, int]] = set()
        for mention in mentions:
            key = (mention.ref.kind, mention.ref.key)
            event = events.setdefault(key, _EntityEvent())
            sentence = mention.sentence
            event.in_title |= sentence.is_title
            event.by_name |= mention.ref.by_name
            event.central |= sentence.is_title or sentence.paragraph <= 1
            marker = (*key, sentence.paragraph, sentence.start)
            if marker in counted:
                continue  # one company named twice in a sentence counts once
            counted.add(marker)
            local_start = mention.start - sentence.start
            if self._is_citation(sentence.text, local_start, local_start + len(mention.matched)):
                continue
            if not mention.ref.by_name and not self._about_business([sentence]):
                # A brand named as a venue ("유튜브 채널", "CNN 보도") without business words in
                # its sentence: what happens there is not news about the company.
                continue
            towards = self.polarity.towards(sentence.text, language, local_start, local_start + len(mention.matched))
            if towards.score:
                event.polarity += towards.score * sentence_weight(sentence)
                event.sentences.append(sentence)
                event.cues += [c.term for c in towards.cues]
        for event in events.values():
            if len(event.sentences) >= 3:
                event.central = True
        return events

    def _is_citation(self, text: str, start: int, end: int) -> bool:
        rules = self.kb.linking
        after = squash(text[end : end + 16])
        before = text[max(0, start - 20) : start].lower()
        return (
            any(after.startswith(squash(c)) for c in rules.citation_after_ko)
            or any(text[end : end + 30].lstrip(" ,").lower().startswith(c) for c in rules.citation_after_en)
            or any(before.rstrip(" ,").endswith(c) for c in rules.citation_before_en)
        )

    def _mention_candidates(self, events: dict[tuple[str, str], _EntityEvent], *, business: bool) -> list[Candidate]:
        """A named company with a clear direction; outside business news only when it is the headline's subject."""
        out = []
        for (kind, ticker), event in events.items():
            if kind != "sp500" or not event.polarity or not (business or event.in_title):
                continue
            direction = 1 if event.polarity > 0 else -1
            company = self.kb.companies[ticker]
            ko, en = rationale.mention(
                self.kb.name_ko(ticker) or company.name, company.name, direction, event.cues, event.in_title
            )
            # Only a brand or product was named (a YouTube channel, a CNN report): the news is
            # usually about something happening there, so it counts for half.
            strength = event.polarity if event.by_name else event.polarity * _BRAND_ONLY_FACTOR
            out.append(Candidate(ticker, "mention", strength, event.sentences, ko, en))
        return out

    def _relation_candidates(self, events: dict[tuple[str, str], _EntityEvent]) -> list[Candidate]:
        out = []
        for (kind, key), event in events.items():
            # Korean companies reach the S&P 500 only through relations, so their events carry over;
            # for a named S&P 500 company only a strong event is worth passing on to its peers.
            needed = 1.0 if kind == "korean" else 2.0
            if abs(event.polarity) < needed or not event.central or not self._about_business(event.sentences):
                continue
            event_direction = 1 if event.polarity > 0 else -1
            if kind == "korean":
                source = self.kb.korean_companies[key]
                source_ko, source_en = source.name_ko, source.name_en
            else:
                company = self.kb.companies[key]
                source_ko, source_en = self.kb.name_ko(key) or company.name, company.name
            edges = [
                e
                for e in self._relations_by_source.get(key, [])
                if e.target in self.kb.companies and ("sp500", e.target) not in events
            ]
            # The file lists each source's most direct links first; a second-order effect is
            # weaker than the event itself, and only the closest few are worth showing.
            for edge in edges[:_RELATIONS_PER_SOURCE]:
                strength = abs(event.polarity) * _RELATION_DISCOUNT
                ko, en = rationale.relation(source_ko, source_en, event_direction, event.cues, edge)
                out.append(
                    Candidate(
                        edge.target,
                        "relation",
                        strength * event_direction * edge.sign,
                        event.sentences,
                        ko,
                        en,
                        group=f"relation:{key}",
                    )
                )
        return out

    def _theme_candidates(self, hits: list[ThemeHit], sentence_count: int, language: str) -> list[Candidate]:
        out = []
        # A theme counts when the article returns to it, puts it in the headline, or says it moves.
        strong = [
            h
            for h in hits
            if h.direction != 0
            and (h.theme.scope == "global" or language == "en" or self._on_us_stage(h.sentences))
            and (
                any(s.is_title for s in h.sentences) or h.explicit or len(h.sentences) / sentence_count >= _THEME_SHARE
            )
        ][:_MAX_THEMES]
        for hit in strong:
            intensity = hit.direction_abs / hit.weight if hit.weight else 0.0
            base = min(hit.weight, 4.0) * hit.confidence * (0.5 + 0.5 * intensity) * 0.9
            rank = 0
            for exposure in hit.theme.exposures:
                if exposure.ticker is not None:
                    tickers = [exposure.ticker]
                    factor = 0.93**rank
                else:
                    tickers = self.kb.tickers_in_sub_industry(exposure.sub_industry or "")[:_SUB_INDUSTRY_TICKERS]
                    factor = 0.75 * 0.93**rank
                rank += 1
                for ticker in tickers:
                    if ticker not in self.kb.companies:
                        continue
                    ko, en = rationale.theme(hit.theme, exposure, hit.direction, hit.triggers)
                    signed = base * factor * hit.direction * exposure.sign
                    out.append(Candidate(ticker, "theme", signed, hit.sentences, ko, en, group=f"theme:{hit.theme.id}"))
        return out

    def _select(self, candidates: list[Candidate]) -> tuple[list[Pick], list[Pick]]:
        best: dict[str, Candidate] = {}
        path_rank = {"mention": 2, "relation": 1, "theme": 0}
        for candidate in candidates:
            current = best.get(candidate.ticker)
            if current is None or (path_rank[candidate.path], abs(candidate.signed_strength)) > (
                path_rank[current.path],
                abs(current.signed_strength),
            ):
                best[candidate.ticker] = candidate
        picks: dict[Direction, list[Pick]] = {"positive": [], "negative": []}
        per_group: dict[tuple[str, str], int] = defaultdict(int)
        for candidate in sorted(best.values(), key=lambda c: -abs(c.signed_strength)):
            score = calibrate(abs(candidate.signed_strength))
            if score < self.settings.min_score or not candidate.sentences:
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
        )

    def _on_us_stage(self, sentences: list[Sentence]) -> bool:
        text = _squashed_text(sentences)
        return any(word in text for word in self._us_words)

    def _about_business(self, sentences: list[Sentence]) -> bool:
        text = _squashed_text(sentences)
        return any(word in text for word in self._business_words)

    def _market_words_in(self, sentences: list[Sentence]) -> int:
        text = _squashed_text(sentences)
        return sum(1 for word in self._market_words if word in text)

    @staticmethod
    def _abstain_reason(mentions: list[Mention], market: bool) -> str:
        if not market:
            return (
                "시장·기업 관련 내용이 없는 기사로 영향 종목을 고르지 않음 / "
                "not a market or business story: no listed company is materially affected"
            )
        if mentions:
            return (
                "S&P 500 기업이 언급되지만 기사에 주가 방향을 가를 내용이 없음 / "
                "S&P 500 companies are named, but the article says nothing that moves them"
            )
        return (
            "기사 내용과 뚜렷하게 연결되는 S&P 500 기업이 없음 / "
            "nothing in the article clearly moves an S&P 500 company"
        )
