"""Schemas of the knowledge data files (docs/knowledge.md). Loading validates every entry."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

RelationType = Literal["supplier", "customer", "competitor", "partner", "parent", "subsidiary"]
RelationLink = Literal[
    "supplier", "customer", "competitor_cycle", "competitor_share", "partner", "parent", "subsidiary"
]
Role = Literal[
    "subject", "target", "supplier", "rival", "counterparty", "partner", "source", "venue", "example", "passing"
]
"""The part a named company plays in an event (docs/knowledge.md, roles.yaml)."""
AliasKind = Literal["name", "short", "ticker", "brand", "product", "subsidiary"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Sector(_Frozen):
    name: str
    name_ko: str


class SubIndustry(_Frozen):
    name: str
    name_ko: str
    stock_words_ko: tuple[str, ...] = ()
    """How headlines name the group's shares ("제약주", "항공株"): a member reported with its own move
    in the body of such a story is what the headline is about."""
    stock_words_en: tuple[str, ...] = ()


class Company(_Frozen):
    ticker: str
    name: str
    sector: str
    sub_industry: str
    headquarters: str = ""
    date_added: str = ""
    cik: str = ""
    founded: str = ""


class UniverseMeta(_Frozen):
    snapshot_date: str
    source: str
    count: int


class Alias(_Frozen):
    ticker: str
    alias: str = Field(min_length=1)
    lang: Literal["ko", "en"]
    kind: AliasKind
    primary: bool = False
    reject_within: tuple[str, ...] = ()
    reject_context: tuple[str, ...] = ()
    require_context: tuple[str, ...] = ()
    case_sensitive: bool = False
    since: date | None = None
    """The unit belongs to the company from this day (an acquisition closed: 액티비전 is Microsoft's
    from 2023-10-18); an article published before it does not name the company through it."""

    @property
    def guarded(self) -> bool:
        return bool(self.reject_within or self.reject_context or self.require_context)


class KoreanCompany(_Frozen):
    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    name_ko: str
    name_en: str
    aliases: tuple[str, ...] = Field(min_length=1)
    sector: str
    reject_context: tuple[str, ...] = ()
    reject_within: tuple[str, ...] = ()


class Listing(_Frozen):
    """The day a company first traded on its own (listings.csv): before it, no article can move it."""

    ticker: str
    listed_since: date
    source: str = ""


class Relation(_Frozen):
    model_config = ConfigDict(frozen=True, extra="ignore")

    source: str
    target: str
    type: RelationType
    sign: Literal[1, -1]
    reason_ko: str = Field(min_length=2)
    reason_en: str = Field(min_length=2)
    since: date | None = None
    """The relation holds from this day; an article published before it does not use it."""
    until: date | None = None
    """The relation ended on this day (a supply deal lost, a stake sold)."""
    context: tuple[str, ...] = ()
    """The edge carries an event only when its evidence names one of these (the shared business:
    a memory-cycle edge needs 메모리/DRAM/HBM in the sentence, not any news about the conglomerate)."""

    @property
    def link(self) -> RelationLink:
        """How an event reaches the target: competitors split into cycle peers and share rivals."""
        if self.type == "competitor":
            return "competitor_cycle" if self.sign == 1 else "competitor_share"
        return self.type


class Exposure(_Frozen):
    model_config = ConfigDict(frozen=True, extra="ignore")

    ticker: str | None = None
    sub_industry: str | None = None
    sign: Literal[1, -1]
    reason_ko: str = Field(min_length=2)
    reason_en: str = Field(min_length=2)
    reason_falling_ko: str | None = Field(default=None, min_length=2)
    """The reason as it reads when the driver falls ("원유 판매 단가 하락으로 이익 감소"); without it the
    rationale says the rising reason works in reverse."""
    reason_falling_en: str | None = Field(default=None, min_length=2)
    topics_ko: tuple[str, ...] = ()
    """Sub-topic words (반도체 장비 for toolmakers under export controls): when the theme's sentences
    name any exposure's sub-topic, only exposures whose sub-topic is named are picked."""
    topics_en: tuple[str, ...] = ()
    direct: bool = False
    """The theme's driver is this company's main revenue or cost driver (a pure play: oil for an
    oil producer, bitcoin for a crypto exchange, DRAM prices for a memory maker): its pick is as
    firm as news about the company itself. Other exposures are a read-across and score lower."""

    @model_validator(mode="after")
    def _one_target(self) -> Exposure:
        if (self.ticker is None) == (self.sub_industry is None):
            raise ValueError("an exposure names exactly one of ticker or sub_industry")
        if self.direct and self.ticker is None:
            raise ValueError("only a named company can be a direct (pure-play) exposure")
        return self


class Theme(_Frozen):
    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    name_ko: str
    name_en: str
    description: str = ""
    scope: Literal["global", "us"] = "global"
    """us: Korean news on it moves S&P 500 names only when it speaks of the US or world market
    (a Korean savings-bank run or a Korea–Australia FTA does not move US banks or carmakers)."""
    valence: Literal[1, -1] = 1
    """-1 where the theme rising is bad news (conflict, pandemic, export controls): good news in a
    sentence about it then means the theme is easing."""
    triggers_ko: tuple[str, ...] = Field(min_length=1)
    triggers_en: tuple[str, ...] = Field(min_length=1)
    falling_ko: tuple[str, ...] = ()
    """Triggers that say the theme falls (유가 급락, 금리 인하). A trigger holding a movement word
    and not listed here names the rising form (원화 약세 = the dollar rising, 경기침체)."""
    falling_en: tuple[str, ...] = ()
    supply_ko: tuple[str, ...] = ()
    """Triggers (among triggers_*) that name the supply of the priced thing (산유국, OPEC): a move
    bound to them moves the price the other way (산유국 증산 = oil down, OPEC 감산 = oil up)."""
    supply_en: tuple[str, ...] = ()
    inverse_ko: tuple[str, ...] = ()
    """Triggers (among triggers_*) that measure the theme's weakness (실업률, jobless claims for the labour
    market): a move bound to them moves the theme the other way ("실업률 4.6%로 상승" = jobs weaker)."""
    inverse_en: tuple[str, ...] = ()
    reject_within_ko: tuple[str, ...] = ()
    """Words a trigger may sit inside without meaning the theme (달러 강세 in 홍콩달러 강세)."""
    price: bool = False
    """A price or rate (oil, the dollar, yields): it rises and falls; other themes grow and ease."""
    surprise_decides: bool = False
    """A data release (CPI): a print above or below expectations (movement.yaml surprise_*) is its
    move, whatever the level did ("CPI 8.5% 상승…예상치 하회" is a cooler print)."""
    small_move_pct: float | None = Field(default=None, gt=0.0)
    """For a traded price (oil, gold): a move of less than this many percent ("WTI 0.8%↓") is noise,
    not news of the price. Words such as 소폭 or "slightly" say the same for any price."""
    domestic_ko: tuple[str, ...] = ()
    """Words of a Korean-only form of the price (주유소 기름값, 금은방): with one of them in its
    evidence and none of `benchmark_ko`, Korean news about the price does not move the US names."""
    benchmark_ko: tuple[str, ...] = ()
    """Words of the global benchmark (WTI, 브렌트, 배럴당, 온스당, 국제)."""
    exposures: tuple[Exposure, ...] = Field(min_length=1)


class PolarityTerm(_Frozen):
    model_config = ConfigDict(frozen=True, extra="ignore")

    term: str = Field(min_length=1)
    score: float = Field(ge=-2.0, le=2.0)
    whole: bool = False
    """English: match the whole word only (rose, fell), not as a stem."""

    @field_validator("term")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()


class PolarityLexicon(_Frozen):
    model_config = ConfigDict(frozen=True, extra="ignore")

    terms: tuple[PolarityTerm, ...]
    negators: tuple[str, ...] = ()
    doubters: tuple[str, ...] = ()
    """Words right after a term that put it in doubt ("반사이익은 '글쎄'"): the term counts for nothing,
    where a negator would turn it around."""
    contrast: tuple[str, ...] = ()
    concession: tuple[str, ...] = ()
    """Endings that concede what precedes them ("호실적에도 주가 하락"): what the company's own clause
    reports comes after them."""
    concession_before_shares: tuple[str, ...] = ()
    """Endings that concede only when the shares' own move follows ("순손실을 냈지만 주가는 7% 올랐다"):
    elsewhere "매출은 늘었지만 …" is a contrast, not a concession."""
    intensifiers: dict[str, float] = Field(default_factory=dict)
    mask: tuple[str, ...] = ()
    """Words blanked out before matching because a term hides inside them (금감원 holds 감원)."""


class LanguageWords(_Frozen):
    ko: tuple[str, ...] = ()
    en: tuple[str, ...] = ()


class UpDown(_Frozen):
    up: tuple[str, ...] = ()
    down: tuple[str, ...] = ()


class MovementLexicon(_Frozen):
    model_config = ConfigDict(frozen=True, extra="ignore")

    up: LanguageWords
    down: LanguageWords
    hedge: LanguageWords = LanguageWords()
    small: LanguageWords = LanguageWords()
    """Words that call a move small (소폭, 보합, slightly): no news of the price."""
    hopes_ko: tuple[str, ...] = ()
    fading_ko: tuple[str, ...] = ()
    """Hopes for a falling trigger (기대, 가능성) and words that they fade (꺾, 후퇴): "금리인하 기대 꺾여"
    is a rise in rates."""
    concession_ko: tuple[str, ...] = ()
    """Endings that concede a producer's move (감산 합의에도, 증산했지만): the price did not obey."""
    stock_words: LanguageWords = LanguageWords()
    surprise_up: LanguageWords = LanguageWords()
    surprise_down: LanguageWords = LanguageWords()
    driver_suffixes_ko: tuple[str, ...] = ()
    """What may follow a short Korean driver inside its word (D램값): its price."""
    """Stock-market moves ("2차전지 강세"): evidence for a price theme, not for an industry theme."""
    """Words right after a driver that take the move back ("금리 인하 신중", "rate cuts delayed"):
    the theme is then present but its direction unsaid."""


class LinkingRules(_Frozen):
    korean_suffixes: tuple[str, ...]
    company_name_endings_ko: tuple[str, ...] = ()
    """Words that end a Korean company's name after capital letters (STX중공업, MS그룹, GS건설): the
    letters there are that company, not a US ticker."""
    ticker_stopwords: frozenset[str]
    exchange_prefixes: tuple[str, ...]
    listed_company_after_en: str = ""
    """A regular expression matched right after an English name ("'s shares", " stock", " Inc"): the
    name is written as a listed company's, which stands in for the business words a guarded alias
    (`require_context`) otherwise needs."""
    listed_company_before_en: str = ""
    """A regular expression matched at the end of the words before an English name ("shares of "), with
    the same effect."""
    market_context_ko: tuple[str, ...]
    market_context_en: tuple[str, ...]
    business_event_ko: tuple[str, ...] = ()
    business_event_en: tuple[str, ...] = ()
    us_context: tuple[str, ...] = ()
    us_strict_context: tuple[str, ...] = ()
    foreign_stage_en: tuple[str, ...] = ()
    """English words that put a story on another country's stage ("Bank of Korea", "ECB"): a US-scoped
    theme (US rates, US inflation) then needs a US word of `us_stage_en` in the same evidence."""
    us_stage_en: tuple[str, ...] = ()
    citation_after_ko: tuple[str, ...] = ()
    citation_after_en: tuple[str, ...] = ()
    citation_before_en: tuple[str, ...] = ()
    analyst_note_ko: tuple[str, ...] = ()
    """Regular expressions that mark a Korean headline as a broker's note on a company ("…수혜-OO證",
    "[리포트]"): a price or theme it names is the note's reason for that company, not market news,
    so a pure-play exposure gets no more weight than a read-across."""

    title_nouns_ko: tuple[str, ...] = ()
    """Words after a quoted phrase that make it the title of an event or a publication ('달러 강세
    연장과 4분기 추이' 웨비나): a move named in a title is its topic, not news."""
    korean_market_wrap_ko: tuple[str, ...] = ()
    """Regular expressions that mark a Korean headline as a report on the Korean market itself (a
    KOSPI/KOSDAQ session, the won): the US moves it cites as causes are a day old and priced, so it
    moves no S&P 500 company through a theme or a relation, and a named company only tentatively."""

    korean_session_ko: tuple[str, ...] = ()
    """Words that date a US company's headline story a session back ("엔비디아 호실적 하루 뒤…") or tell
    Korean stocks' move in it ("테슬라 급등에 국내 2차전지株도 들썩…"): the Korean moves told after it are
    the Korean session's story."""
    overnight_ko: tuple[str, ...] = ()
    """Words that date a move told in a Korean market wrap to the US session before ("…간밤 엑슨모빌 12%
    급락 여파"): the price themes it cites are a session old for US stocks, so they stay tentative."""
    movers_column_ko: tuple[str, ...] = ()
    """Regular expressions for a movers column's tag ("[특징주]"): mostly Korean stocks moving on a
    cause (a US company's news a day old), read like a Korean market wrap, unless the headline's
    "X, …" topic is an S&P 500 company ("[특징주] 나이키, CFO 사임에 시간외 4% 하락": its own move)."""

    @field_validator("analyst_note_ko", "korean_market_wrap_ko", "movers_column_ko")
    @classmethod
    def _patterns_compile(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in value:
            re.compile(pattern)
        return value


class DisclaimerText(_Frozen):
    ko: str = Field(min_length=20)
    en: str = Field(min_length=20)


# -- events and roles (events.yaml, roles.yaml) ----------------------------------------------------
class DecisivePhrase(_Frozen):
    """A phrase that settles the event's direction for its subject, whatever the other cue words say
    ("배상 판결 받" = the subject is paid damages: good; "예상치 하회" = a miss: bad)."""

    phrase: str = Field(min_length=2)
    polarity: float = Field(ge=-2.0, le=2.0)
    line_ko: str = ""
    """Optional rationale line for this phrase ({name} = the company); else the event's line."""
    line_en: str = ""
    name_inside: bool = False
    """The company it is about is named between its parts ("cuts Nike to equal-weight"): it says nothing
    of the house before it or of another company after it."""


class EventLines(_Frozen):
    """Rationale templates: {name} is the company; {name:이/가} etc. add the particle that fits."""

    up_ko: str = Field(min_length=2)
    up_en: str = Field(min_length=2)
    down_ko: str = Field(min_length=2)
    down_en: str = Field(min_length=2)
    against_up_ko: str = ""
    against_up_en: str = ""
    """The event grows but the market reads it as a burden for the company ("메타, 설비투자 확대에 9%↓")."""
    against_down_ko: str = ""
    against_down_en: str = ""
    """The event shrinks and the market welcomes it (a capex cut that lifts the spender's shares)."""

    @model_validator(mode="after")
    def _paired(self) -> EventLines:
        for case in ("against_up", "against_down"):
            if bool(getattr(self, f"{case}_ko")) != bool(getattr(self, f"{case}_en")):
                raise ValueError(f"{case}_ko and {case}_en are written together or not at all")
        return self


class EventType(_Frozen):
    id: str
    name_ko: str
    name_en: str
    triggers_ko: tuple[str, ...] = Field(min_length=1)
    triggers_en: tuple[str, ...] = Field(min_length=1)
    weak_triggers_ko: tuple[str, ...] = ()
    """Words that type the event only when no other event's trigger is there ("발표": an announcement
    of what? "설비투자 축소 발표" is capex news)."""
    false_triggers_ko: tuple[str, ...] = ()
    """Spaced words that run together into a trigger but say something else ("자사 주가": the company's
    own share price, not 자사주, its treasury shares); they type no event."""
    decisive_ko: tuple[DecisivePhrase, ...] = ()
    decisive_en: tuple[DecisivePhrase, ...] = ()
    propagates: tuple[RelationLink, ...] = ()
    """Which typed relations pass this event on (a launch shifts share: competitor_share; a
    demand signal travels to cycle peers and suppliers; a lawsuit travels nowhere)."""
    moves: tuple[Role, ...] = ("subject",)
    """Roles the event moves: the subject always; a takeover target; never a source or venue."""
    role_polarity: dict[str, float] = Field(default_factory=dict)
    """A fixed polarity for a non-subject role (target of a takeover: +1)."""
    weight: float = Field(default=1.0, gt=0.0, le=2.0)
    """How strongly this kind of event moves a large listed company (materiality)."""
    reported_weight: float | None = Field(default=None, gt=0.0, le=2.0)
    """The weight when the text reports the company's own move with its size or verb ("레나 4%↑")."""
    mood_factor: float = Field(default=1.0, gt=0.0, le=1.0)
    """How much mood words beside the subject count when neither a decisive phrase nor its reported
    share move says which way the event went (a buyer's deal: "인수가 상향" is no good news for the buyer)."""
    harm: bool = False
    """The event only hurts its subject (an accident, a strike): a mover that rose beside it was not
    its subject."""
    told_by_effect: bool = False
    """The event is told by what it did to the market ("애플 나비효과…코스피 하락"): when the
    subject's own words carry no direction, the whole sentence's direction is the event's."""
    falls_ko: tuple[str, ...] = ()
    falls_en: tuple[str, ...] = ()
    """Words saying the event itself shrinks (a capex cut). Set for events whose own direction, not the
    subject's share move, is what reaches related companies: more spending is orders for suppliers
    even when the spender's shares fall on it."""
    lines: EventLines

    @property
    def has_own_direction(self) -> bool:
        return bool(self.falls_ko or self.falls_en)


class Dampener(_Frozen):
    """Words that make an event less material: a small recall, a deal already known."""

    phrase: str = Field(min_length=2)
    factor: float = Field(gt=0.0, lt=1.0)
    concedable: bool = False
    """A concession sets it aside (Korean): "매출 예상 부합에도 시간외 6%↓" reports the fall, not the
    in-line sales. Off by default: "…내년에도 오를까" is no concession of what came before."""


class DampenerPattern(_Frozen):
    """A regular expression for what makes a sentence's event less material, where a phrase is not
    enough (a trial's date set: "1심 재판 2027년 개시로 일정 확정"; a routine dividend: "dividend for 59th
    straight year")."""

    pattern: str = Field(min_length=2)
    factor: float = Field(gt=0.0, lt=1.0)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        re.compile(value)
        return value


class EventLexicon(_Frozen):
    events: tuple[EventType, ...] = Field(min_length=1)
    dampeners_ko: tuple[Dampener, ...] = ()
    dampeners_en: tuple[Dampener, ...] = ()
    dampener_patterns_ko: tuple[DampenerPattern, ...] = ()
    dampener_patterns_en: tuple[DampenerPattern, ...] = ()
    """Matched case-blind."""
    fallback: EventLines
    local_money_ko: str = ""
    """A regular expression for amounts in won: a US company's results in won are its Korean unit's
    (스타벅스 매출 1조8천억원 = Starbucks Korea, run by a licensee), which does not move the parent."""
    local_money_factor: float = Field(default=1.0, gt=0.0, le=1.0)
    small_amount_ko: str = ""
    """A regular expression for a sum too small to matter to an S&P 500 company (under 1,000억원 or
    1억 달러): a fine or settlement of that size is not material news for it."""
    small_amount_en: str = ""
    small_amount_events: tuple[str, ...] = ()
    """Event types whose weight is a sum of money paid (a fine, damages, a settlement)."""
    small_amount_factor: float = Field(default=1.0, gt=0.0, le=1.0)
    small_recall_ko: str = ""
    """A regular expression for a recall too small to matter to a large carmaker (under 100,000
    vehicles: 1만2천대, 3,400대): it weighs `small_recall_factor`."""
    small_recall_en: str = ""
    small_recall_factor: float = Field(default=1.0, gt=0.0, le=1.0)
    recall_told_small_ko: str = ""
    """A regular expression for a body sentence saying the headline's recall is a tiny part of the
    business ("리콜 물량은 연간 판매량에 비하면 극히 일부다"): the whole story weighs `small_recall_factor`."""
    recall_told_small_en: str = ""
    quick_fix_ko: str = ""
    """An accident fixed cheaply or quickly: a recall over the air ("무선 업데이트로 해결"), an outage
    restored within a few hours ("3시간 만에 복구"). Told in the headline, the whole story weighs
    `small_recall_factor`, however many body sentences retell it; told in a sentence, that sentence."""
    quick_fix_en: str = ""
    rating_kept_ko: str = ""
    """A regular expression for a broker keeping its rating or target unchanged ("…비중확대 유지"), with
    no change told beside it: a view restated, weighing `rating_kept_factor`."""
    rating_kept_factor: float = Field(default=1.0, gt=0.0, le=1.0)
    anniversary_ko: str = ""
    """A regular expression for an event counted in years since ("탈선 사고 2년…", "참사 10주년"): the
    text looks back, so what it tells weighs `anniversary_factor`."""
    anniversary_en: str = ""
    anniversary_factor: float = Field(default=1.0, gt=0.0, le=1.0)
    """The line for a clear direction with no typed event ("주가 급등" with no reason given)."""


class RolePattern(_Frozen):
    role: Role
    pattern: str = Field(min_length=1)
    """A regular expression, matched right after the name (ko: on space-stripped text; en: on the
    lower-cased text) or right before it (en `before`)."""


class RoleRules(_Frozen):
    after_ko: tuple[RolePattern, ...]
    after_en: tuple[RolePattern, ...]
    before_en: tuple[RolePattern, ...] = ()
    before_ko: tuple[RolePattern, ...] = ()
    subject_particles_ko: tuple[str, ...]
    source_sub_industries: tuple[str, ...]
    """Banks, brokers, index and rating houses, news media: when they speak in a sentence they
    are usually its source, not its subject."""
    opinion_words_ko: tuple[str, ...]
    opinion_words_en: tuple[str, ...]
    own_news_ko: tuple[str, ...] = ()
    """Words that make a source-like company the subject after all (골드만삭스 순이익 급증)."""
    own_news_en: tuple[str, ...] = ()
    name_suffixes_ko: tuple[str, ...] = ()
    """Endings of Korean company names (로보틱스, 전자, 바이오): a theme trigger inside such a name
    (두산로보틱스) is the name, not the theme."""
    material_ko: tuple[str, ...] = ()
    """Words that make an event material for a counterparty (조 원 규모, 최대 규모, 공급 중단)."""
    material_en: tuple[str, ...] = ()
    lost_customer_ko: tuple[str, ...] = ()
    """Words that say a supplier lost this business (대신 자체 칩, 공급 중단): bad for the supplier."""
    lost_customer_en: tuple[str, ...] = ()
    asset_buy_before_en: str = ""
    """A buyer's verb right before an English name ("to buy"): with `asset_after_en` after it, the name
    sells an asset ("to buy Eli Lilly's New Jersey plant") and is named in passing, not a target."""
    asset_after_en: str = ""
    index_join_after_ko: str = ""
    """A regular expression right after a Korean name (or its list, space-stripped) saying it joins
    an index ("S&P500 편입", "S&P500 입성"): the name is the subject of the change, even a broker
    whose sentence also holds opinion words (편입, 기대)."""
    index_provider_sub_industries: tuple[str, ...] = ()
    """Companies whose names are indexes (MSCI, S&P Global): "MSCI 신규 편입" is not MSCI joining one."""
    origin_after_ko: tuple[str, ...] = ()
    """Regular expressions right after a Korean name (space-stripped) that make it the origin of news
    the sentence reports as moving others ("엔비디아發 훈풍에 반도체株 강세"): its own event is not
    told, only felt by others, so its frame counts for `origin_factor`."""
    origin_factor: float = Field(default=1.0, gt=0.0, le=1.0)
    customer_flow_after_en: str = ""
    """A regular expression right after an English name, told after "as"/"amid"/"with" behind another
    company's news, that names that company's business with it ("Qualcomm guides lower as Apple modem
    revenue fades", "UPS trims outlook as Amazon deliveries shrink"): the name is the customer."""
    regulator_relief_ko: tuple[str, ...] = ()
    """Words by which a regulator or prosecutor opening a Korean headline backs off ("美 FTC, 메타 … 소송
    항소 포기"): relief for the company named after it, read as good news."""
    rejected_bid_after_ko: str = ""
    """A regular expression right after a Korean name (space-stripped) saying its offer was turned down
    ("메타 인수 제안 거절"): the bidder is named in passing, not a takeover target."""
    analyst_call_ko: str = ""
    """A regular expression for a house's call in a Korean headline ("목표가 하향", "투자의견 유지"): a product
    named there, without its maker, is the call's reason ('"아이폰16 판매 기대 이하"…DB금융투자, LG이노텍 목표가
    하향'), not its maker's news."""
    order_won_after_topic_ko: str = ""
    """A regular expression right after a Korean name (space-stripped) that comes after another company's
    headline topic ("삼성전자, 퀄컴 2나노 AP 일부 수주"): an order the topic won from it, so it is the customer."""
    cause_after_ko: str = ""
    """A regular expression right after a Korean name (space-stripped) in a body sentence that makes it
    part of the cause of what the sentence reports ("애플 신형 아이폰 출시 효과로 매출은 … 최대",
    "전날 마이크론의 호실적 영향까지 겹치며 9% 급등"): what follows is another company's result, so the
    name is named in passing. Headlines keep their own reading ("애플 악재에 코스피 하락")."""
    operated_model_after_ko: str = ""
    """A regular expression right after a maker's Korean name (space-stripped) naming its model ("보잉
    777기", "에어버스 A321"): when another company's name stands right before the maker's ("아시아나항공
    보잉 777기가 추락"), the accident is that operator's, and in a body sentence the maker's frame weighs
    `operated_by_other_factor` (a headline naming the maker keeps it as the story's subject)."""
    operated_by_other_factor: float = Field(default=1.0, gt=0.0, le=1.0)
    others_outage_ko: str = ""
    """Outage words in a headline story before the name's, about another company ("AWS … 먹통…코인베이스
    거래 차질"): the name's accident is that outage's effect on a customer, weighing `outage_victim_factor`."""
    maker_model_en: str = ""
    """A regular expression for an aircraft model written with its maker's name ("Boeing 737 MAX jets"):
    the name is the maker, not an airline named by its plane (a venue)."""
    places_ko: tuple[str, ...] = ()
    """Places the morphology reads as proper nouns (중국, 뉴욕): a later headline story opening with one
    ("…중국 판매 급감") goes on about the headline's company, not about another company."""
    market_before_move_ko: tuple[str, ...] = ()
    """Markets and indexes: a sized move right after one in a headline ("…파월 연설 경계감에 나스닥 1.9%
    급락") is the market's, not the move of the company the headline opens with."""
    person_titles_ko: tuple[str, ...] = ()
    """Titles after a person's name (CEO, 회장): a later headline story opening with a person's two-word
    name and title ("…앤드루 위티 CEO 전격 사임") goes on about the headline's company."""
    outage_culprit_after_ko: str = ""
    """A regular expression right after another company's name (space-stripped) blaming its faulty software
    ("크라우드스트라이크 업데이트 오류"): an outage told in the same sentence is that company's fault, and
    the other names there weigh `outage_victim_factor`."""
    aftermath_opening_ko: str = ""
    """A sentence opening that tells what follows as an aftermath ("이 여파로"): an accident told there is
    another's, weighing `outage_victim_factor`."""
    outage_victim_factor: float = Field(default=1.0, gt=0.0, le=1.0)
    material_disruption_ko: tuple[str, ...] = ()
    """Words (space-stripped) in the name's own story that make another's outage material for it
    ("수천편 결항")."""
    denial_after_ko: str = ""
    """A regular expression right after a Korean name (or its list) for its own quoted denial ("테슬라
    '서스펜션 결함 없다…리콜 대상 아냐'"): a denial is no event, so the frame weighs `denial_factor`
    unless the share move is reported ("…반박했지만 주가 10% 폭락")."""
    denial_after_en: str = ""
    denial_factor: float = Field(default=1.0, gt=0.0, le=1.0)
    preview_after_ko: str = ""
    """A regular expression right after a Korean name (or its list, space-stripped) saying its results
    are still to come ("실적 D-1", "내일 2분기 실적", "실적 발표 앞두고"): the words around it are
    expectations, not what happened, so its frame counts for `preview_factor` unless its share move is
    reported."""
    preview_after_en: str = ""
    """The same in English, right after the name ("'s earnings preview", "to report results tomorrow")."""
    preview_factor: float = Field(default=1.0, gt=0.0, le=1.0)
    mover_after_ko: str = ""
    """A regular expression right after a Korean name (space-stripped) that reports its share move
    ("테슬라 7% 급락", "노스롭 4%↑"): the name is the subject, wherever it stands in the headline."""
    fortunes_ko: UpDown = UpDown()
    """Words right after a name in a Korean headline that say it won or lost ("델타 웃고 유나이티드
    울고"): which way the news went for it."""
    against_the_move_ko: tuple[str, ...] = ()
    """Words right after a name in a Korean headline that say it went the other way from the move told
    before it ("…주택건설주 급등, 인텔은 역행"): the opposite of that move."""
    inverse_metric_before_size_ko: tuple[str, ...] = ()
    """Figures whose fall is good news ("체중 13.8%↓", "적자 40%↓"): a size after them is no share move."""
    share_moves_ko: UpDown = UpDown()
    """Korean share-move words after a mover ("4%↑", "급락"): which way it moved."""
    muted_move_after_ko: str = ""
    """A regular expression right after a Korean name (space-stripped) for its move told as muted ("1.8%
    하락에 그쳤다"): named beside others' big moves, not a mover with news of its own."""
    earlier_move_ko: tuple[str, ...] = ()
    """Words right before a Korean name or its move that date the move a session or more back ("하루 전
    메타가 … 급락했던", "전날 도어대시 86% 급등 이어"): background, not the day's news."""
    flat_shares_ko: str = ""
    """A regular expression (space-stripped) in a body sentence about the company that tells its shares
    did not move ("애플 주가는 약보합에 머물렀다"): the headline's news, told with no move of its own, did not
    move them."""
    flat_shares_en: str = ""
    market_wide_move_ko: str = ""
    """A regular expression (space-stripped) in a Korean name's own clause that puts its small move down
    to the whole market or sector ("금융주 전반의 투자심리 위축 속에 1.8% 하락"): the market's move, not its own."""
    period_moves_ko: tuple[str, ...] = ()
    """Words before a Korean share move that make it a run over a period ("올 들어 70% 급등"), not
    the day's news."""
    shares_before_size_ko: tuple[str, ...] = ()
    """Korean words right before a size that make it a share move even before a cause ending ("시간외
    28%↑에 전력기기株 동반 강세")."""
    metric_before_size_ko: tuple[str, ...] = ()
    """Korean business figures right before a size ("상업 매출 71%↑"): the figure grew, not the shares,
    so the size is the headline's move only when no share move follows."""
    group_before_move_ko: tuple[str, ...] = ()
    """Korean words for a group of stocks right before a joint move ("국내 반도체주가 일제히 강세"): the
    group's move, not the company's."""
    acting_investors_ko: tuple[str, ...] = ()
    """Short sellers and activist investors: a Korean headline whose "X, …" topic is one of them is news of
    the company named right after it ("힌덴버그, 에퀴닉스 '회계 조작' 의혹 제기")."""
    listed_group_ko: tuple[str, ...] = ()
    """Korean group nouns end in these: a list closed by "등" and its group, then a move or fortune
    ("델타·유나이티드 등 항공주 반등"), names the group's movers, not examples in passing."""
    deal_held_up_en: tuple[str, ...] = ()
    """English words that say a takeover is held up ("regulator pauses review"): bad news for the
    target's premium."""
    deal_held_up_ko: tuple[str, ...] = ()
    """The same in Korean, a few words after 심사/승인/인수/합병/거래 ("인수 철회", "합병 심사 연장"),
    besides the movement lexicon's hedge words."""
    denied_after_ko: tuple[str, ...] = ()
    """Words right after a decisive phrase that deny or undo it ("생산 차질 없어", "매입 축소")."""
    denied_before_ko: tuple[str, ...] = ()
    """Words right before a decisive phrase that make it another thing's ("현금성 자산 사상 최대": a cash
    pile's record, not record results)."""
    us_market_ko: tuple[str, ...] = ()
    """Words that put a Korean headline's share groups on the US market ("뉴욕증시", "월가")."""
    market_subjects_en: tuple[str, ...] = ()
    """Subjects of an English sentence about the market ("stocks rise as Apple …"): the company after
    its "as" is then the news, not a cause of another company's move."""
    foreign_market_subjects_en: tuple[str, ...] = ()
    """Subjects of an English headline about a market abroad: it is read like a Korean market wrap."""
    mover_up_en: tuple[str, ...] = ()
    """English verbs of a share move right after a name or its list ("Generac, Home Depot rise as a
    hurricane nears"): the verb of the name's own clause decides its direction, not the cause after."""
    mover_down_en: tuple[str, ...] = ()
    cause_markers_ko: tuple[str, ...] = ()
    """"소식에", "여파로": the clause after one reports the effect of the news on something else."""
    others_moved_ko: tuple[str, ...] = ()
    """What such an effect clause is about when it is not the named company (관련주, 코스피)."""
    carry_subject_ko: tuple[str, ...] = ()
    """Openers of a sentence that names no company but goes on about the previous sentence's
    subject ("회사는", "동사는", "또"): the subject carries over (light coreference)."""
    carry_subject_en: tuple[str, ...] = ()
    """The same for English ("The company", "It"); "Its" stands for the name's possessive."""
    carry_blockers_ko: tuple[str, ...] = ()
    """Words right after a connective that bring in another actor ("또 다른 업체들도", "또 업계에서는"):
    the sentence is not about the previous subject."""


class ScoreCalibration(_Frozen):
    """A logistic model from a pick's features to the chance a reader judges it right.

    Fitted by bench/calibrate_tracker.py on our own judged verdicts (bench/judged/), reviewed here.
    The feature names are those of newsimpact.tracker.confidence.FEATURES."""

    intercept: float
    weights: dict[str, float]
    """Empty when the model did not beat the rule scores on held-out folds: the rule scores stand."""
    threshold: float = Field(ge=0.0, le=1.0)
    """Picks scored below it are kept but marked low-confidence (not shown as a firm pick)."""
    fitted_on: str = ""
    """What the model was fitted on (split, pick count) and its cross-validated figures."""
