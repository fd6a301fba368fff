"""Event frames: for each named company in a sentence, the event it is part of, its role, and
what the event means for it.

The role comes from the words around the name (roles.yaml): Korean particles and headline
patterns ("X, …", "X向", "X에 공급", "X 등", `X "…"`), English phrases ("according to X",
"such as X", "X analysts"). The event type comes from trigger words in the name's clause
(events.yaml), its direction from the polarity lexicon, unless a decisive phrase of the event
settles it (배상 판결 받 = good for the subject). Only roles the event moves get a polarity.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from newsimpact import morphology
from newsimpact.knowledge import KnowledgeBase
from newsimpact.knowledge.schema import DecisivePhrase, EventType, Role
from newsimpact.tracker.korean import HEADLINE_TOPIC, asks, story_bounds, topic_end
from newsimpact.tracker.polarity import PolarityScorer
from newsimpact.tracker.surface import squash, squash_lower

_LIST_JOINERS_KO = {"·", ",", "/", "와", "과", "및", "、", "，", "ㆍ"}
_LIST_JOINERS_EN = re.compile(r"^(?:\s*<[^>]{1,12}>)*\s*(?:,|and|,\s*and|&|/|or)?\s*$", re.IGNORECASE)
"""Between two names of one list; wire copy puts instrument codes after each ("Apple <AAPL.O>, ...")."""
_QUOTES = ('"', "“", "”", "'", "‘", "’")
_NOMINATIVE = ("이", "가", "은", "는")
_OPENING = re.compile(r"^(?:\s*[\[【<][^\]】>\s]{1,6}[\]】>])*[\s\[\]()<>【】\"“”'‘’·…-]*")
"""What may stand before a headline's first word: a desk tag ("[종합]", "[속보]"), brackets, quotes."""
_LATER_STORY_FACTOR = 0.6
_QUESTION_FACTOR = 0.5
_NAMED_HOUSE_FACTOR = 1.5
_BUYER_FACTOR = 0.3
_TINY_MOVE_KO = re.compile(r"^(?:주가|株)?(?:가|는|은|도|이)?(?:시간외|장중|장초반)?(?:에서)?[+\-−]?0(?:\.[0-9]+)?%")
"""A Korean name's own move of under 1% ("주가는 0.4% 올라"): not news of its own."""
# An amount, or a range or change of amounts, that may stand between the words of a phrase or before
# the word that undoes it ("자사주 매입 20억~25억달러로 축소", "… 100억달러에서 50억달러로 축소").
_STREAK_KO = r"(?:[0-9]{1,2}(?:분기|년|개월|달|주|거래일)(?:째|연속|동안|간)?)?"
_AMOUNT_KO = r"[0-9][0-9,.~∼\-조억만천]*(?:달러|원|유로|엔|주|%)?(?:에서|으로|로)?"
_LEADS_EN = re.compile(
    r"^\s*(?:lead|leads|led|leading)\s+(?:the\s+)?(?:(?:S&P 500|S&P|Nasdaq|Dow|Wall Street|U\.S\. stocks|stocks|"
    r"market|markets|tech stocks|chip stocks|shares|indexes|index|sector)\s+)?(?P<way>higher|lower|up|down|gains|"
    r"losses|declines|decline|rally|selloff|sell-off|slide|retreat|to (?:a\s+)?(?:record|all-time high|new high))",
    re.IGNORECASE,
)
_LEADS_DOWN = ("lower", "down", "losses", "declines", "decline", "selloff", "sell-off", "slide", "retreat")
_EN_CAUSE_CLAUSE = re.compile(r",?\s(?:as|amid)\s")
_EN_CUSTOMER_CLAUSE = re.compile(r"\b(?:as|amid|with)\s+(?:the\s+)?$")
_LIST_GAP = re.compile(r"\([^()]*\)|[\s,，·、]|^(?:와|과|및|그리고)")
"""What separates the names of a list ("머크, 브리스톨마이어스스퀴브(BMS), 애브비가 …")."""
_JOINT_MOVE_KO = re.compile(r"(?:동반|일제히|나란히)(?:급등|급락|폭등|폭락|상승|하락|강세|약세|랠리|반등)")
"""A list's share move told together at its clause's end ("비자·마스터카드, … 재추진에 동반 하락")."""
_RELIEF = 1.2
"""A regulator backing off from the company it pursued: good news of an ordinary size."""
_TINY_MOVE_FACTOR = 0.3
_TINY_MOVE_EN = re.compile(
    r"\b(?:shares|stock)\s+(?:(?:end|ended|close|closed|finish|finished|were|was|are|is|trade|traded)\s+)?"
    r"(?:up|down|higher|lower|rose|rise|rises|fell|fall|falls|gained|gain|gains|slipped|slip|slips|dipped|dip|dips"
    r"|edged\s+(?:up|down|higher|lower))\s+"
    r"(?:just\s+|only\s+|about\s+)?(?:0\.[0-9]+\s?%|(?:less than|under|below)\s+(?:1|one)\s?(?:%|percent))",
    re.IGNORECASE,
)
"""An English sentence whose shares moved under 1% ("shares end down 0.4%", "shares dipped less than 1%"):
the market looked past it."""
_TINY_SIZE = re.compile(r"^0(?:\.[0-9]+)?\s?%")
_SMALL_SIZE = re.compile(r"^[0-2](?:\.[0-9]+)?\s?%")
_SHARES_CLAUSE_EN = re.compile(
    # ("Meta beats estimates but shares sink 15%": a contrast needs no comma)
    r"(?:[;,—–]\s*(?:but\s+|yet\s+|though\s+|and\s+)?|\s(?:but|yet|though)\s+)(?:its\s+|the\s+)?(?:shares|stock)(?=\s)",
    re.IGNORECASE,
)
_SENDS_SHARES_EN = re.compile(
    r"\b(?:send|sends|sending|sent|push|pushes|pushing|pushed|drive|drives|driving|drove|knock|knocks|knocked|"
    r"lift|lifts|lifted|sink|sinks|sank|pull|pulls|pulled|drag|drags|dragged)\s+(?:its\s+|the\s+)?"
    r"(?:shares|stock)\s+(?:sharply\s+)?(?P<way>lower|higher|down|up)\b",
    re.IGNORECASE,
)
"""A later clause saying what the news did to the shares ("…, but a tariff hit sends shares lower")."""
_WORD = re.compile(r"[가-힣A-Za-z]{2,}")
_SIDE_NOTE = re.compile(r"^[…\s.]*[가-힣A-Za-z]{1,6}(?:은|는)\s")
_SHORT_CAUSE = re.compile(r"^(?:은|는)[가-힣A-Za-z0-9]{1,10}?(?:에|으로|로)(?=[가-힣↑↓])")
_PARTICLE_ONLY = re.compile(r"\s*(?:이|가|은|는|도|측은|측이)?\s*")
"""Nothing but a subject particle between a house and the company it calls."""
_QUOTES_OUT = re.compile(r"[\"“”'‘’]")
_UNLINKED_LIST = re.compile(
    r"^(?:[·,][가-힣A-Za-z&]{2,15}){1,3}(?=[도은는이가]|주가|株|[0-9]|[↑↓▲▼]|동반|일제히|나란히)"
)
_QUOTED_TERM = re.compile(r"^\s*['‘][^\s'’\"“”]{1,8}['’]\s+[가-힣]")
"""A short single-quoted term and the noun it names ("웰스파고 '유령계좌' 파문"): the name's own story, not
what a bank or an agency says."""
_UNLINKED_BEFORE_PARTICLE = re.compile(
    r"^(?:·[가-힣A-Za-z&]{2,15}?){1,3}?(?=(?:와|과|하고|에게|에서|에|의)(?![가-힣]{0,1}$))"
)
"""The rest of a list of names the tracker does not know, up to the particle they share ("·오픈AI와 협력")."""
# "…맞은 앱러빈…", "'월마트 이어 타깃까지'…": a headline story ending on the name (with 까지/도/마저 and
# a closing quote) is about it.
_ENDS_STORY = re.compile(r"^(?:까지|도|마저)?['’\"”]?\s*(?:…|\.\.\.|$)")
_ENDS_STORY_IN_A_SERIES = re.compile(r"^(?:까지|도|마저)['’\"”]?\s*(?:…|\.\.\.)")
_BEFORE_NOW = re.compile(r"[가-힣]{0,2}(?:던|이어|한뒤|한후)")
"""Endings right after a move that tell it as what came before ("급락했던", "급등 이어")."""
_SIZE_TAIL = re.compile(r"[0-9][0-9.,]*\s?%\s?(?:대|넘게|이상|가량|안팎|씩)?\s*$")
_MOVE_FILLER = re.compile(r"주가|시간외|장중|장초반|장외|프리마켓|개장전|일제히|동반|나란히|줄줄이")
_CAUSE_ENDING = re.compile(r"(?:에|에도|으로|로|속|여파|탓)[’'\"”]?\s*$")
_GROUP_CAUSE_TAIL = re.compile(
    r"(?:['‘\"“][^'’\"”]{1,12}['’\"”])?[가-힣A-Za-z]{0,6}(?:기대|기대감|우려|소식|여파|영향|효과)(?:에|으로|로|속에)$"
)
"""A cause told between a group and its move ("게임주 '재평가' 기대에 일제히 강세")."""
_EN_CLAUSE_BREAK = re.compile(r";|\s[—–-]\s|—")
_SEGMENT_START = re.compile(r"(?:^|[,，·…])\s*$")
"""What precedes a name that opens a part of a headline (start, comma, middle dot, ellipsis)."""
_WORD_CHARS = re.compile(r"[^가-힣A-Za-z0-9]|\([^()]*\)")
"""What is not a word (spaces, quotes, brackets with what they hold): for the length of a short story."""
_CAUSE_AFTER = re.compile(r"\s*에(?![가-힣])|\s*(?:에도|에는)")
"""A cause ending right after a sized figure: the figure is a reason, not the share move."""
_AFTERMATH = ("여파", "불똥", "후폭풍")
"""Words that end a headline story told for what it did to others ("GM 전기차 감산 여파…")."""
_REPORTED_MOVE = 1.2
"""The least weight of a share move the text reports with its size or verb."""
_SIZE_AFTER_KO = re.compile(r"^(?:주가|株)?(?:가|이|는|은|도)?(?:각각|일제히)?\(?(?P<sign>[+\-−▲▼↑↓])?[0-9][0-9.,]*%")
"""A Korean name followed by the size of its move ("코노코필립스가 4.8%, 옥시덴탈이 5.6% 떨어졌다")."""
_SIZE_IN_BRACKETS = re.compile(r"\([+\-−▲▼↑↓]?[0-9][0-9.,]*%\)")
"""A move's size in brackets after a name ("화이자(-4.1%)", "록히드마틴(5.2%)과"): no alias, and no
break in a list of movers."""
_BARE_SIZE = re.compile(r"^\s*[+\-−]?[0-9][0-9.,]*\s?%(?:대|씩|가량|안팎)?(?=\s*[·ㆍ])")
"""A size between two names of a Korean list that share one move word ("엔비디아 4%·브로드컴 5%↓")."""
_BRACKETED_ALIAS = re.compile(r"^\([^()\s]{1,12}\)")
_CONCESSION_EN = re.compile(r"\b(?:despite|in spite of)\b[^,;]*?(?=\bas\b|[,;]|$)", re.IGNORECASE)
_EN_SUBJECT_AFTER = re.compile(r"^(?:'s)?\s*(?:shares|stock|\(|inc\b|corp\b|co\b)")


@dataclass(frozen=True)
class NamedSpan:
    """A company name in a sentence: offsets within the sentence text."""

    key: str
    kind: str  # "sp500" | "korean"
    start: int
    end: int
    by_name: bool = True
    """Named by the company's name, not by a product or brand of its ("키트루다", "아이폰")."""


@dataclass(frozen=True)
class Frame:
    role: Role
    event: EventType | None
    polarity: float
    """What the event means for this company (0 when its role is not moved)."""
    cues: tuple[str, ...]
    decisive: DecisivePhrase | None = None
    moved: bool = False
    """The sentence reports this company's own share move with its size or verb ("코노코필립스가 4.8%
    떨어졌다", "Generac jumped 9%"): a mover the article names, wherever the sentence stands."""
    event_sign: int = 0
    """Whether the event itself grows (+1) or shrinks (-1), for events with a direction of their own
    (events.yaml `falls_*`: spending); 0 for the rest, whose direction is the polarity's."""
    against_move: bool = False
    """The news read the other way before the reported share move overruled it ("신용등급 강등…선방에
    시간외 상승")."""


def without_names(text: str, spans: list[NamedSpan]) -> str:
    """The text with every company name blanked out, offsets kept."""
    for span in spans:
        text = text[: span.start] + "\u2591" * (span.end - span.start) + text[span.end :]
    return text


def _words_after(rest: str) -> str:
    """The words after a name, space-stripped, past a bracketed alias ("제너럴모터스(GM)는") and without
    quotes ("월마트는 '신고가'")."""
    return _QUOTES_OUT.sub("", squash(_BRACKETED_ALIAS.sub("", rest, count=1)))


def _role_words(rest: str) -> str:
    """The words after a name (or its list, past a bracketed alias) that say its role: the first 60
    characters, space-stripped, past the rest of a list of names the tracker does not know ("·오픈AI와 협력")."""
    return _UNLINKED_BEFORE_PARTICLE.sub("", squash(rest[:60]), count=1)


def _before_move(text: str, position: int) -> str:
    """The text before a move at `position`, past its size and the words that only frame it (주가, 시간외)."""
    return _MOVE_FILLER.sub("", _SIZE_TAIL.sub("", text[:position])).rstrip(" ")


def _word_before_move(text: str, position: int) -> str:
    """The last word before a move at `position` (past its size, 주가 and 시간외); "" when none."""
    before = _before_move(text, position)
    return re.split(r"[\s…·,]+", before)[-1] if before else ""


def _opens_sentence(text: str, start: int) -> bool:
    """The name at `start` is the sentence's first word (past a desk tag, brackets or quotes)."""
    return start <= _OPENING.match(text).end() + 1  # type: ignore[union-attr]


def _opens_story(text: str, start: int) -> bool:
    """The name at `start` opens its headline story (past a desk tag, brackets or quotes)."""
    segment = story_bounds(text, start)[0]
    return start <= segment + _OPENING.match(text[segment:]).end() + 1  # type: ignore[union-attr]


def _inside_double_quotes(text: str, position: int) -> bool:
    """An odd number of double quotes stands before `position`."""
    return sum(text[:position].count(q) for q in ('"', "“", "”")) % 2 == 1


def _alternatives(words: tuple[str, ...]) -> str:
    """Words for a regular expression's alternation, longest first; one that never matches when empty."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def _by_language(ko: str, en: str) -> dict[str, re.Pattern[str] | None]:
    """A knowledge file's Korean and English regular expressions (English case-blind), None when unset."""
    return {"ko": re.compile(ko) if ko else None, "en": re.compile(en, re.IGNORECASE) if en else None}


class FrameReader:
    def __init__(self, kb: KnowledgeBase, polarity: PolarityScorer) -> None:
        self._kb = kb
        self._polarity = polarity
        roles = kb.roles
        self._after_ko = [(re.compile(p.pattern), p.role) for p in roles.after_ko]
        self._buyer_or_partner_after = [p for p, role in self._after_ko if role in ("counterparty", "partner")]
        self._after_en = [(re.compile(p.pattern, re.IGNORECASE), p.role) for p in roles.after_en]
        self._maker_model_en = re.compile(roles.maker_model_en) if roles.maker_model_en else None
        self._before_en = [(re.compile(p.pattern, re.IGNORECASE), p.role) for p in roles.before_en]
        self._before_ko = [(re.compile(p.pattern), p.role) for p in roles.before_ko]
        self._subject_particles = tuple(sorted(roles.subject_particles_ko, key=len, reverse=True))
        self._suffixes = frozenset(kb.linking.korean_suffixes) | frozenset(roles.subject_particles_ko)
        self._source_sub_industries = frozenset(roles.source_sub_industries)
        self._index_providers = frozenset(roles.index_provider_sub_industries)
        self._opinion_ko = tuple(squash(w) for w in roles.opinion_words_ko)
        self._opinion_en = tuple(w.lower() for w in roles.opinion_words_en)
        self._own_ko = tuple(squash(w) for w in roles.own_news_ko)
        self._own_en = tuple(w.lower() for w in roles.own_news_en)
        self._material_ko = tuple(squash(w) for w in roles.material_ko)
        self._material_en = tuple(w.lower() for w in roles.material_en)
        self._lost_ko = tuple(squash(w) for w in roles.lost_customer_ko)
        self._lost_en = tuple(w.lower() for w in roles.lost_customer_en)
        self._cause = (
            re.compile("|".join(re.escape(m) for m in roles.cause_markers_ko)) if roles.cause_markers_ko else None
        )
        self._others_moved = tuple(roles.others_moved_ko)
        self._period_moves = tuple(squash(w) for w in roles.period_moves_ko)
        self._muted_move = re.compile(roles.muted_move_after_ko) if roles.muted_move_after_ko else None
        self._market_wide_move = re.compile(roles.market_wide_move_ko) if roles.market_wide_move_ko else None
        self._earlier_move = tuple(squash(w) for w in roles.earlier_move_ko)
        # What a size right after these words is the move of: the shares, a business figure, a group.
        shares, metric = _alternatives(roles.shares_before_size_ko), _alternatives(roles.metric_before_size_ko)
        self._shares_before_size = re.compile(rf"(?:{shares})\s?$")
        self._metric_before_size = re.compile(rf"(?:{metric})\s?(?:이|가|은|는)?\s?$")
        inverse = _alternatives(roles.inverse_metric_before_size_ko)
        self._inverse_metric_before_size = re.compile(rf"(?:{inverse})\s?(?:이|가|은|는)?\s?$")
        group = _alternatives(roles.group_before_move_ko)
        self._group_before_move = re.compile(rf"(?:{group})(?:가|는|은|도|들이|들은|들도)?$")
        self._listed_group = re.compile(_alternatives(roles.listed_group_ko))
        self._acting_investors = tuple(squash(w) for w in roles.acting_investors_ko)
        lexicon = kb.events
        self._events = lexicon.events
        self._triggers_ko = [(e, tuple(squash_lower(t) for t in e.triggers_ko)) for e in self._events]
        # Spaced words that squash into a trigger ("자사 주가" -> 자사주가), taken out before that event's
        # triggers are looked for.
        self._false_triggers_ko = {
            e.id: re.compile("|".join(r"\s+".join(map(re.escape, w.split())) for w in e.false_triggers_ko))
            for e in self._events
            if e.false_triggers_ko
        }
        self._weak_triggers_ko = [
            (e, tuple(squash_lower(t) for t in e.weak_triggers_ko)) for e in self._events if e.weak_triggers_ko
        ]
        self._triggers_en = [
            (
                e,
                re.compile(
                    r"(?<![\w-])(?:" + "|".join(re.escape(t.lower()) for t in e.triggers_en) + r")(?:s|es|d|ed|ing)?\b",
                    re.IGNORECASE,
                ),
            )
            for e in self._events
        ]
        self._decisive_ko = [(e, d, squash_lower(d.phrase)) for e in self._events for d in e.decisive_ko]
        self._decisive_en = [(e, d, d.phrase.lower()) for e in self._events for d in e.decisive_en]
        self._dampeners_ko = [(squash(d.phrase), d.factor, d.concedable) for d in lexicon.dampeners_ko]
        self._dampeners_en = [(d.phrase.lower(), d.factor) for d in lexicon.dampeners_en]
        self._local_money = re.compile(lexicon.local_money_ko) if lexicon.local_money_ko else None
        self._local_factor = lexicon.local_money_factor
        self._small_amount = _by_language(lexicon.small_amount_ko, lexicon.small_amount_en)
        self._small_events = frozenset(lexicon.small_amount_events)
        self._small_recall_factor = lexicon.small_recall_factor
        hedges = tuple(squash(w) for w in kb.movement.hedge.ko if len(squash(w)) >= 2)
        held = _alternatives((*hedges, *roles.deal_held_up_ko))
        self._held_up = re.compile(r"(?:심사|승인|인수|합병|거래)[가-힣0-9]{0,8}?(?:" + held + ")")
        held_en = _alternatives(tuple(w.lower() for w in roles.deal_held_up_en))
        self._held_up_en = re.compile(r"\b(?:" + held_en + r")\b")
        self._small_recall = _by_language(lexicon.small_recall_ko, lexicon.small_recall_en)
        self._flat_shares = _by_language(roles.flat_shares_ko, roles.flat_shares_en)
        self._recall_told_small = _by_language(lexicon.recall_told_small_ko, lexicon.recall_told_small_en)
        self._quick_fix = _by_language(lexicon.quick_fix_ko, lexicon.quick_fix_en)
        self._small_factor = lexicon.small_amount_factor
        self._anniversary = _by_language(lexicon.anniversary_ko, lexicon.anniversary_en)
        self._anniversary_factor = lexicon.anniversary_factor
        self._dampener_patterns = {
            "ko": [(re.compile(d.pattern), d.factor) for d in lexicon.dampener_patterns_ko],
            "en": [(re.compile(d.pattern, re.IGNORECASE), d.factor) for d in lexicon.dampener_patterns_en],
        }
        self._rating_kept = re.compile(lexicon.rating_kept_ko, re.DOTALL) if lexicon.rating_kept_ko else None
        self._rating_kept_factor = lexicon.rating_kept_factor
        self._origin_ko = [re.compile(p) for p in roles.origin_after_ko]
        self._joins_index = re.compile(roles.index_join_after_ko) if roles.index_join_after_ko else None
        self._asset_buy_before = re.compile(roles.asset_buy_before_en) if roles.asset_buy_before_en else None
        self._asset_after = re.compile(roles.asset_after_en) if roles.asset_after_en else None
        self._origin_factor = roles.origin_factor
        self._customer_flow_en = (
            re.compile(roles.customer_flow_after_en, re.IGNORECASE) if roles.customer_flow_after_en else None
        )
        self._preview = _by_language(roles.preview_after_ko, roles.preview_after_en)
        self._preview_factor = roles.preview_factor
        self._denial = _by_language(roles.denial_after_ko, roles.denial_after_en)
        self._denial_factor = roles.denial_factor
        self._relief = tuple(squash(w) for w in roles.regulator_relief_ko)
        self._cause_after = re.compile(roles.cause_after_ko) if roles.cause_after_ko else None
        self._analyst_call = re.compile(roles.analyst_call_ko) if roles.analyst_call_ko else None
        self._order_won = re.compile(roles.order_won_after_topic_ko) if roles.order_won_after_topic_ko else None
        self._rejected_bid = re.compile(roles.rejected_bid_after_ko) if roles.rejected_bid_after_ko else None
        self._operated_model = re.compile(roles.operated_model_after_ko) if roles.operated_model_after_ko else None
        self._operated_factor = roles.operated_by_other_factor
        self._others_outage = re.compile(roles.others_outage_ko) if roles.others_outage_ko else None
        self._aftermath_opening = re.compile(roles.aftermath_opening_ko) if roles.aftermath_opening_ko else None
        self._places = frozenset(roles.places_ko)
        self._markets_before_move = tuple(squash(w) for w in roles.market_before_move_ko)
        self._person_titles = tuple(roles.person_titles_ko)
        self._outage_culprit = re.compile(roles.outage_culprit_after_ko) if roles.outage_culprit_after_ko else None
        self._victim_factor = roles.outage_victim_factor
        self._material_disruption = tuple(roles.material_disruption_ko)
        self._mover_ko = re.compile(roles.mover_after_ko) if roles.mover_after_ko else None
        self._price_move = next((e for e in self._events if e.id == "price_move"), None)
        self._fortunes = {w: 1.0 for w in roles.fortunes_ko.up} | {w: -1.0 for w in roles.fortunes_ko.down}
        self._fortune_words = tuple(self._fortunes)
        self._against_the_move = re.compile(
            r"^(?:은|는|이|가|도|만)?(?:" + _alternatives(roles.against_the_move_ko) + ")"
        )
        self._up_moves = tuple(roles.share_moves_ko.up)
        self._down_moves = tuple(roles.share_moves_ko.down)
        moves = _alternatives((*self._up_moves, *self._down_moves))
        self._share_move_word = re.compile(moves)
        # A sized share move ("주가 9%↑", "시간외 6%↑", "5% 급락"; not "3%p 상승", a rate).
        self._headline_move_pattern = re.compile(
            r"[0-9][0-9.,]*\s?%(?!\s?(?:p\b|포인트|P\b))\s?(?:대|넘게|이상|가량|안팎|씩)?\s?(?P<move>" + moves + ")"
        )
        # The shares' move told bare ("…미쓰비시·이토추 주가 급등").
        self._bare_shares_move = re.compile(r"주가\s?(?P<move>" + moves + ")")
        self._sized_move = re.compile(r"[0-9][0-9.,]*%(?:대|넘게|이상|가량|안팎|씩)?(?P<move>" + moves + ")")
        # The shares' move told without a size ("…주가는 오히려 올랐다").
        self._shares_word_move = re.compile(
            r"(?:주가(?:는|가|도)|시간외(?:\s?거래(?:에)?서)?)\s?(?:오히려|되레|도리어|반대로)?\s?[\"'‘“]?(?P<move>"
            + moves
            + ")"
        )
        denied = _alternatives(roles.denied_after_ko)
        # A streak may come between ("자사주 매입은 6분기째 '0'").
        self._denied_after = (
            # (past a closing quote: "'어닝 서프라이즈'에도")
            re.compile(
                rf"['’\"”]?(?:{_AMOUNT_KO}){{0,2}}(?:은|는|이|가|도|을|를)?{_STREAK_KO}(?:{denied})", re.IGNORECASE
            )
            if roles.denied_after_ko
            else None
        )
        self._denied_before = tuple(squash_lower(w) for w in roles.denied_before_ko)
        abroad = _alternatives(roles.foreign_market_subjects_en)
        self._foreign_market_en = (
            re.compile(r"^\W*(?:" + abroad + r")\b", re.IGNORECASE) if roles.foreign_market_subjects_en else None
        )
        subjects = _alternatives(roles.market_subjects_en)
        self._market_subject_en = (
            re.compile(r"^\W*(?:u\.s\.\s+|european\s+|asian\s+|global\s+|world\s+)?(?:" + subjects + r")\b")
            if roles.market_subjects_en
            else None
        )
        verbs = {w: 1.5 for w in roles.mover_up_en} | {w: -1.5 for w in roles.mover_down_en}
        sized = {
            "up": 1.5,
            "down": -1.5,
            "off": -1.5,
            "lost": -1.5,
            "lose": -1.5,
            "loses": -1.5,
            "shed": -1.5,
            "sheds": -1.5,
            "added": 1.5,
            "adds": 1.5,
        }
        self._mover_en_sign = verbs | sized
        self._cause_en = (
            re.compile(
                r"\b(?:"
                + "|".join(sorted(verbs, key=len, reverse=True))
                + r"|hits?\s+(?:a\s+)?(?:record|new high|all-time high))"
                + r"\b[^;.]{0,60}?\b(?:as|after|amid|following|on\s+(?:a\s+)?reports?(?:\s+that)?)"
                + r"\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$"
            )
            if verbs
            else None
        )
        self._mover_en = (
            re.compile(
                r"^(?:'s)?\s*(?:(?:inc|corp|co)\.?\s+)?(?:,\s*(?:whose|which|who|that|the)\b[^,;]{0,160},\s*)?"
                r"(?:(?:shares|stock)\s+)?(?:each\s+|both\s+|also\s+)?(?:("
                + "|".join(sorted(verbs, key=len, reverse=True))
                + r")(?![\w-])"
                # "declined to comment", "declined to identify the customer": a refusal, no share move.
                r"(?!\s+to\s+(?:comment|say|disclose|elaborate|provide|discuss|confirm|give|specify|identify|name"
                r"|reveal|answer|release))"
                # "Pfizer dropped its own daily pill": a verb with an object is no share move.
                r"(?!\s+(?:its|their|his|her|plans?|bids?|offers?|approval|support|pursuit|development)\b)"
                # "Tapestry drops Capri deal": a deal or suit named right after is the verb's object.
                r"(?!\s+(?!(?:as|after|on|amid|in|at|to|by|for|from|following|despite|with|while|more|most|further|sharply)\b)"
                r"(?:[a-z0-9&'.-]+\s+){0,3}(?:deal|deals|merger|takeover|acquisition|bid|offer|talks|lawsuit|suit|case|claims?)\b)"
                # "GE dropped from the Dow": out of an index, not a share move.
                r"(?!\s+(?:from|out of)\s+(?:the\s+)?(?:dow|s&p|nasdaq|index|benchmark)\b)"
                r"|(up|down|off|lost|lose|loses|shed|sheds|added|adds)"
                # A size in percent, points or market value: "adds 5.9 million subscribers" is no move.
                r"(?=\s+(?:about\s+|nearly\s+|almost\s+|more than\s+)?"
                r"(?:[0-9][0-9.,]*\s*(?:%|percent|per\s+cent|points?|pts)|\$[0-9][0-9.,]*\s*(?:billion|bn|trillion|tn)\b)))"
            )
            if verbs
            else None
        )

    # -- public ---------------------------------------------------------------------------------
    def read(self, text: str, is_title: bool, span: NamedSpan, spans: list[NamedSpan], language: str) -> Frame:
        """The frame of the company at `span` in this sentence (`spans`: every company named in it)."""
        role = self.role(text, is_title, span, spans, language)
        # An event word counts within the name's clause, else within its story, but never from the
        # headline's other story ("SK하이닉스, HBM4 공급 확대…엔비디아 AI 가속기 수요 급증": the
        # supply deal is SK hynix's, not Nvidia's).
        story = story_bounds(text, span.start) if language == "ko" else (0, len(text))
        if language == "ko":
            story = (self._topic_after_comma(text, span, spans, story[0]), story[1])
        clause = self._clause(text, span.start)
        clause = (max(clause[0], story[0]), min(clause[1], story[1]))
        own_part = self._own_part(text, span, spans, clause, language)
        cause_cut = self._cause_cut_en(text, span, own_part) if language == "en" and role == "subject" else None
        if cause_cut is not None:
            # "CME logs record trading day as tariff turmoil sparks hedging rush": what happened to the
            # company is told before its "as"; the cause after it does not turn it around.
            own_part = (own_part[0], cause_cut)
        if language == "en":
            clause = own_part  # "Coca-Cola beats …; PepsiCo trims": English events are the name's own part's
        # No event word inside a company's name ("Union Pacific" is no strike).
        unnamed = without_names(text, spans)
        event = self.event_type(unnamed[clause[0] : clause[1]], language) or self.event_type(
            unnamed[story[0] : story[1]], language
        )
        if event is None and story != (0, len(text)) and self._parallel(text[span.end : span.end + 4]):
            # "아마존 분기 매출 1천억불 돌파…알파벳은 23% 증가": a second story that names no event of its
            # own (은/는 contrast, 도 addition) says the same of another company.
            event = self.event_type(unnamed, language)
        if event is None and story[0] > 0 and len(_WORD_CHARS.sub("", text[span.end : story[1]])) <= 6:
            # "약가협상 대상 15개 추가…애브비·암젠 '직격탄'": a short later story only says who the
            # headline's event hits; the event is the first story's.
            event = self.event_type(unnamed[: story[0]], language)
        told_later = 0
        if language == "ko" and is_title and story[1] < len(text) and self._leads_headline(text, span):
            # "보잉 737 맥스9 동체 일부 뜯겨나가…美 FAA 운항 중지 명령", "엔비디아, 4분기 매출 …
            # 월가 예상 웃돌고 가이던스도 상향": a later story that names no other company or market goes
            # on about the one the headline leads with.
            later = min([len(text), *(s.start for s in spans if s.start > story[1] and s.key != span.key)])
            rest = text[story[1] : later]
            if (
                not self._over_a_period(rest)
                and not any(word in rest for word in self._others_moved)
                and not self._group_moved(rest)
                and not self._unknown_mover_in(text, story[1], later, spans)
                and not self._examples_moved(rest)
            ):
                told_later = later
                event = event or self.event_type(unnamed[story[1] : later], language)
        decisive = self._decisive(text[own_part[0] : own_part[1]], language, span.start - own_part[0])
        first_named = all(s.start >= span.start for s in spans if s.key != span.key)
        called = language == "ko" and is_title and role == "subject" and self._called_by_source(text, span, spans)
        if decisive is None and language == "ko" and is_title and (self._is_topic(text, span) or first_named or called):
            # "J&J, 탈크 소송 항소심서 뒤집기…9억6천만달러 배상 평결 파기", "美 국방부, 록히드마틴과
            # … 생산계약…총 270억달러": a later story that names no other company goes on about the
            # headline's topic or the first company it names.
            following = [s.start for s in spans if s.start > story[1]]
            later_end = min([len(text), *following])
            # Not when another company's part follows its own in its story ("버크셔, … 셔윈윌리엄스 신규
            # 편입": what is said there is the other's).
            crowded = any(own_part[1] <= s.start < story[1] and s.key != span.key for s in spans)
            if (
                not crowded
                and not _SIDE_NOTE.match(text[story[1] : later_end])
                and not self._opens_with_unknown_name(text, story[1], spans)
            ):
                # ("…배당은 2.2% 인상" after weak results is a side note, not the news)
                decisive = self._decisive(text[own_part[0] : later_end], language, span.start - own_part[0])
        # English wire copy lists the movers ("shares of X, Y and Z fell"): each of them moved.
        english_move = (
            self._english_move(text, span, spans) if language == "en" and role in ("subject", "example") else None
        )
        # "Nvidia's forecast tops estimates, but shares slip 6%": the market's verdict is the move.
        overruled = decisive is not None and english_move is not None and decisive[1].polarity * english_move[0] < 0
        if overruled:
            decisive, event = None, self._price_move
        if decisive is not None:
            event = decisive[0]
        if language == "en":
            moved = role == "subject" and english_move is not None
        else:
            moved = role == "subject" and self._moved_ko(text, span, spans, clause[1])
        headline_sign = 0.0
        if role == "subject" and language == "ko" and is_title:
            # "팔란티어, … 계약…주가 9%↑", "인텔 '18A 고객 확보' 9% 급등": the headline reports the
            # share move of the company its story is about (and which way it went, when its clause ends
            # with the move: "어도비, 실적은 '서프라이즈'인데 주가는 6%↓").
            headline_sign = self._headline_move(text, span, spans)
            moved = moved or bool(headline_sign)
        if moved and decisive is None and not overruled:
            # A mover's event is told in its own part, up to the next company's name: in English after
            # its name ("rose after its earnings beat"; "…glut persists; J.B. Hunt slips" is the move
            # itself), in Korean from its name ("3M 소송 충당금 추가에 5%↓·JP모건 1분기 호실적에 2%↑":
            # JP Morgan's is its results, not 3M's lawsuit).
            following = [s.start for s in spans if s.start > span.end and s.key != span.key]
            if language == "en":
                event = self.event_type(unnamed[span.end : min([len(text), *following])], language)
                if english_move is not None and event is not None:
                    # "Nvidia's forecast tops estimates, but shares slip 6%": the event told before the
                    # move reads the other way, so the move is the news.
                    told = text[span.end : max(span.end, text.lower().find(english_move[1][0], span.end))]
                    if self._polarity.sentence(told, language).score * english_move[0] < 0:
                        event = self._price_move
            else:
                event = self.event_type(unnamed[span.start : min([story[1], *following])], language) or event
        fortune = self._fortune(text, span, spans) if language == "ko" and is_title and role == "subject" else 0.0
        if fortune and event is None:
            event = self.event_type(unnamed, language) or self._price_move
        if moved and event is None:
            event = self._price_move
        polarity: float = 0.0
        cues: tuple[str, ...] = ()
        against_move = False
        if role == "subject" or (role == "example" and language == "en"):
            # A Korean "X 등" names an example of a group and is never a pick (issue 9).
            if decisive is not None:
                polarity, cues = decisive[1].polarity, (decisive[1].phrase,)
            elif english_move is not None:
                polarity, cues = english_move
            else:
                lo, hi = self._segment(text, span, spans) if language == "ko" else (0, len(text))
                if own_part[0] > lo:
                    lo = own_part[0]  # the words before it are the company named before it
                if language == "en" and any(s.start >= own_part[1] and s.key != span.key for s in spans):
                    # "JPMorgan raises payout …; Citigroup's capital plan rejected": a later clause about
                    # another company is that company's news.
                    hi = min(hi, own_part[1])
                if language == "en" and is_title:
                    lo = max(lo, self._after_others_move_en(text, span, spans))
                if cause_cut is not None:
                    hi = min(hi, cause_cut)
                if language == "ko" and is_title and story[1] < len(text) and self._group_moved(text[story[1] :]):
                    # "MS, 블리자드 82조원에 삼킨다…국내 게임주 '재평가' 기대에 일제히 강세": a later story's
                    # group move is the group's, not the news of the company the first story is about.
                    hi = min(hi, story[1])
                if language == "ko" and is_title:
                    # "아마존·버크셔·JP모건 '헬스케어 동맹'에 보험·약국株 털썩": the move told after a
                    # group's name is the group's; the name's own news comes before it.
                    hi = min(hi, self._group_move_start(text, span.end, hi))
                if language == "ko" and lo <= span.start < own_part[1] < hi:
                    nxt = next((s for s in spans if s.start == own_part[1]), None)
                    own = text[span.end : own_part[1]]
                    if nxt is not None and (
                        (
                            (self._parallel(text[nxt.end : nxt.end + 4]) or self._nominative(text, nxt))
                            and self._polarity.sentence(own, language).score
                        )
                        or (is_title and self._sized_move.search(squash(own)) is not None)
                    ):
                        # "버라이즌은 가입자 '깜짝 증가', AT&T는 순감", "엔비디아가 공급 안정성을 위해 …, 마이크론이
                        # … 회복할 가능성", "머크 8%↑·모더나 11%↓": the next subject's own clause is its (not
                        # when they share one predicate: "엑손모빌은 3.0%, 셰브론은 2.3% 내렸다").
                        hi = own_part[1]
                if language == "ko" and not is_title and self._nominative(text, span):
                    # "웨이퍼 가격이 치솟자 퀄컴이 공급처를 이원화": words before a subject-marked name
                    # belong to the clause before it; its own predicate follows it.
                    lo = max(lo, span.start)
                if moved:
                    lo = max(lo, span.start)  # "금리 급락에 DR호튼이 5.3% 올랐다": its own move follows it
                # A Korean list shares the words after its last name ("어플라이드·램리서치 4%대 하락").
                near = self._list_group(text, span, spans, language, is_title)[1] if language == "ko" else span
                near = near if near.start >= span.start and near.end <= hi else span
                # English names hold mood words ("Advanced Micro Devices", "First Solar"): not cues.
                read = unnamed if language == "en" else text
                towards = self._polarity.towards(read[lo:hi], language, near.start - lo, near.end - lo)
                if not towards.score and told_later > hi:
                    # Its own story says nothing of which way: the later stories about it do.
                    towards = self._polarity.towards(read[lo:told_later], language, near.start - lo, near.end - lo)
                if not towards.score and event is not None and event.told_by_effect and role == "subject":
                    towards = self._polarity.towards(read, language, span.start, span.end)
                polarity, cues = towards.score, tuple(c.term for c in towards.cues)
                if event is not None and not moved:
                    polarity *= event.mood_factor
            moved_sign = self._move_sign(text, span, spans) if moved and language == "ko" else 0.0
            if moved and language == "ko" and not is_title and not moved_sign:
                # "셰브론이 … 자사주 매입을 … 하단에서 집행하겠다고 밝히자 주가는 3.1% 하락했다": the sized
                # move that ends its clause is the market's verdict on what the clause tells.
                moved_sign = self._clause_move_sign(text, span, spans, clause)
            # The move right after the name ("테이크투↑·소니 13%↓") before a sized one later in its story.
            sign = moved_sign or headline_sign or fortune
            against_move = bool(sign) and polarity * sign < 0
            if sign:
                # "화이자(-4.1%)", "애플 3% 하락·엔비디아 4%↑": the words after the name say which way.
                polarity = sign * max(abs(polarity), _REPORTED_MOVE)
                cues = cues or ("%",)
            elif moved and polarity:
                polarity = math.copysign(max(abs(polarity), _REPORTED_MOVE), polarity)
            if moved and polarity > 0 and event is not None and event.harm:
                # "Generac jumped 9% as a hurricane churned": the harm is someone else's, the rise its own.
                event = self._price_move
        elif event is not None and role in event.moves and role in event.role_polarity:
            polarity, cues = event.role_polarity[role], (event.name_ko,)
            # In Korean, within the target's own headline story ("컴캐스트, 21세기폭스 인수전서 백기…디즈니 …
            # 인수 사실상 확정": the bidder who gave up is not the deal that goes ahead).
            held = (
                self._held_up_en.search(text.lower())
                if language == "en"
                else self._held_up.search(squash(text[story[0] : story[1]]))
            )
            if role == "target" and held:
                # "합병 심사기간 90일 연장": a deal held up is bad news for the target's premium.
                polarity, cues = -0.8, (event.name_ko,)
        elif role == "supplier":
            polarity, cues = self._supplier_polarity(text, language)
        elif role == "rival":
            # The subject won a contest against it: the subject's gain is its loss, though one lost
            # ranking or tender is seldom material for a large company (kept under the display threshold:
            # on the written set 4 of 5 such picks were judged wrong).
            polarity, cues = -0.65, ()
        regulator_led = language == "ko" and role == "subject" and is_title and not moved
        relief = self._regulator_relief(text, span) if regulator_led else None
        if relief is not None:
            polarity, cues = _RELIEF, (relief,)
        if called and decisive is not None:
            polarity *= _NAMED_HOUSE_FACTOR  # a call a named Wall Street house makes, not a local desk's
        if (
            role == "subject"
            and event is not None
            and event.id == "order"
            and decisive is None
            and self._orders_from_a_supplier(text, is_title, span, spans, clause, language)
        ):
            # "애플이 … 인텔의 18A 공정에서 생산하는 계약": the buyer's order is its supplier's news.
            polarity *= _BUYER_FACTOR
        polarity *= self._dampening(text, language)
        if polarity and not moved:
            after_name = self._after_name(text, span, spans, language)
            if self._matches(self._denial, after_name, language):
                polarity *= self._denial_factor  # "테슬라 '결함 없다…리콜 대상 아냐'": a denial, no event
            if self._matches(self._preview, after_name, language):
                polarity *= self._preview_factor  # "테슬라 실적 D-1…'판매 부진 vs 로보택시'": expected, not told
        if (
            polarity
            and language == "ko"
            and not is_title
            and event is not None
            and event.id == "recall_accident"
            and self._operated_by_other(text, span, spans)
        ):
            polarity *= self._operated_factor  # "아시아나 항공 보잉 777기가 추락": the operator's accident
        if (
            polarity
            and language == "ko"
            and not moved
            and (event is None or event.id == "recall_accident")
            and self._hit_by_others_outage(text, is_title, span, spans)
        ):
            polarity *= self._victim_factor  # "AWS … 먹통…코인베이스·로빈후드 거래 차질": the provider's outage
        if polarity and language == "ko" and role == "subject" and self._tiny_own_move(text, span, spans, clause):
            polarity *= _TINY_MOVE_FACTOR  # "프리포트맥모란은 … 구리값 약세로 0.8% 내렸다": within the noise
        elif polarity and language == "ko" and moved and self._dated_earlier(text, span, spans, clause):
            polarity *= _TINY_MOVE_FACTOR  # "하루 전 메타가 … 10% 넘게 급락했던 것과": background
        elif polarity and language == "ko" and not is_title and self._market_wide_own_move(text, span, spans, clause):
            polarity = 0.0  # "…2.4% 내렸는데, 기술주 전반이 약세였던 만큼": the market's move, no news of its own
        if polarity and asks(text, span.start):
            polarity *= _QUESTION_FACTOR  # "테슬라 어디까지 오르나": asked, not reported
        if (
            span.kind == "sp500"
            and event is not None
            and event.id in ("earnings", "guidance", "capital_return")
            and self._local_money is not None
            and language == "ko"
            and self._local_money.search(text[clause[0] : clause[1]])
            and "달러" not in text
        ):
            polarity *= self._local_factor
        small = self._small_amount["en" if language == "en" else "ko"]
        if event is not None and event.id in self._small_events and small is not None and small.search(text):
            polarity *= self._small_factor  # a fine or settlement too small to matter to a large company
        lang = "en" if language == "en" else "ko"
        small_or_quick = (self._small_recall[lang], self._quick_fix[lang])
        if event is not None and event.id == "recall_accident" and any(p and p.search(text) for p in small_or_quick):
            polarity *= self._small_recall_factor  # a recall of a few thousand cars, an outage of an hour
        if (
            language == "ko"
            and role == "subject"
            and self._opens_later_story(text, span.start)
            and not self._subject_marked(_BRACKETED_ALIAS.sub("", text[span.end :], count=1))
            and not self._mover(
                squash(
                    _BRACKETED_ALIAS.sub(
                        "", text[self._list_group(text, span, spans, language, is_title)[1].end :], count=1
                    )
                )[:40]
            )
        ):
            # Second in the headline, without a subject particle of its own ("…GM 볼트 리콜",
            # "…애플 협력 기대에"): often the first story's cause or a side note.
            polarity *= _LATER_STORY_FACTOR
        if language == "ko" and role == "subject" and self._origin_ko:
            after = squash(text[span.end : span.end + 12])
            told_as_cause = is_title and self._told_as_cause_of_others(text, span, spans)
            if told_as_cause or any(p.match(after) for p in self._origin_ko):
                polarity *= self._origin_factor  # the origin of news felt by others, not its own news told
        event_sign = self._event_sign(event, text[story[0] : story[1]], language)
        return Frame(
            role,
            event,
            polarity,
            cues,
            decisive[1] if decisive else None,
            moved and bool(polarity),
            event_sign,
            against_move,
        )

    def _event_sign(self, event: EventType | None, text: str, language: str) -> int:
        if event is None or not event.has_own_direction:
            return 0
        if language == "en":
            lowered = f" {text.lower()} "
            return -1 if any(f" {w} " in lowered for w in event.falls_en) else 1
        squashed = squash_lower(text)
        return -1 if any(squash_lower(w) in squashed for w in event.falls_ko) else 1

    def event_type(self, text: str, language: str) -> EventType | None:
        """The event the text reports; one it only concedes ("호실적에도 … 하락", "despite a beat") is
        not it."""
        if language == "ko":
            # The polarity lexicon's concession endings (에도, 음에도 … 불구하고).
            rest = self._polarity.after_concessions(text)
            if rest is not None:
                return self._event_type(text[rest:], language)
        elif _CONCESSION_EN.search(text):
            return self._event_type(_CONCESSION_EN.sub(" ", text), language)
        return self._event_type(text, language)

    def _event_type(self, text: str, language: str) -> EventType | None:
        if language == "en":
            return next((e for e, pattern in self._triggers_en if pattern.search(text)), None)
        squashed = squash_lower(text)
        strong = next((e for e, triggers in self._triggers_ko if self._triggered(e, triggers, text, squashed)), None)
        if strong is not None and strong is not self._price_move:
            return strong
        # A share move is the event's effect, not its type: "신형 아이폰 공개에 주가 3% 상승" is a launch.
        weak = next((e for e, triggers in self._weak_triggers_ko if any(t in squashed for t in triggers)), None)
        return weak or strong

    def _triggered(self, event: EventType, triggers: tuple[str, ...], text: str, squashed: str) -> bool:
        false = self._false_triggers_ko.get(event.id)
        if false is not None and false.search(text):
            squashed = squash_lower(false.sub(" ", text))
        return any(t in squashed for t in triggers)

    # -- roles ----------------------------------------------------------------------------------
    def role(self, text: str, is_title: bool, span: NamedSpan, spans: list[NamedSpan], language: str) -> Role:
        head, tail = self._list_group(text, span, spans, language, is_title)
        if language == "en":
            return self._role_en(text, head, tail, span, spans)
        return self._role_ko(text, is_title, head, tail, span, spans)

    def _role_ko(
        self, text: str, is_title: bool, head: NamedSpan, tail: NamedSpan, span: NamedSpan, spans: list[NamedSpan]
    ) -> Role:
        # "제너럴모터스(GM)는", "삼성전자(005930)의": the bracketed code or short name repeats the name.
        rest = _BRACKETED_ALIAS.sub("", text[tail.end :], count=1)
        after = _role_words(rest)
        squashed = squash(text)
        if self._rejected_bid is not None and self._rejected_bid.match(after):
            return "passing"  # "퓨리오사AI, 메타 인수 제안 거절": the bidder turned down is no target
        if (
            not is_title
            and self._cause_after is not None
            and self._cause_after.match(after)
            and (rest.lstrip(" ").startswith("의") or not self._subject_marked(rest))
        ):
            # "애플 신형 아이폰 출시 효과로 매출은 …": the result told is another's ("치폴레도 … 전망
            # 하향 여파로 12% 떨어졌다" has its own particle: its own result).
            return "passing"
        if any(role == "target" and pattern.search(after) for pattern, role in self._after_ko):
            return "target"  # "워너브러더스디스커버리 인수가 … 상향": a broadcaster bought is no news source
        if self._joins_index is not None and self._joins_index.match(after) and not self._index_provider(span):
            return "subject"  # "로빈후드·앱러빈, S&P500 입성": a broker joining an index is no source
        topic_stop = topic_end(text) if is_title else None
        if (
            not span.by_name
            and is_title
            and self._analyst_call is not None
            and self._analyst_call.search(text)
            and any(s.key != span.key for s in spans)
        ):
            # '"아이폰16 초기 판매 기대 이하"…DB금융투자, LG이노텍 목표가 하향': a product named in a house's
            # call on another company is that call's reason, not news of its maker.
            return "passing"
        if (
            not span.by_name
            and topic_stop is not None
            and any(s.start < topic_stop for s in spans if s.key != span.key)
        ):
            # "알테오젠, 머크서 … '키트루다 큐렉스' 매출 본격화에 8%↑": a product named in a headline
            # about another company is what that company's news is about, not news of its maker.
            return "passing"
        if self._muted_move is not None and self._muted_move.match(after):
            return "passing"  # "반면 JP모건체이스는 1.8% 하락에 그쳤다": beside others' big moves
        if self._mover(after, listed=is_title):
            # "아폴로·아레스·KKR 일제히 7%대 급락": a broker's own move is its news; so is a headline's list
            # closed by its group ("델타·유나이티드 등 항공주 반등"), while a body's ("간밤 엔비디아 등
            # 기술주가 올랐다" in a Seoul wrap) names examples of what moved the market.
            return "subject"
        if is_title:
            verdict = _QUOTES_OUT.sub("", self._past_listed_group(after))
            if verdict.startswith(self._fortune_words) or self._against_the_move.match(verdict):
                return "subject"  # "델타 웃고 유나이티드 울고", "인텔은 역행": the headline's verdict on each
        if self._makes_the_call(text, head, spans) if is_title else self._calls_on_another(text, tail, span, spans):
            return "source"
        if self._source_like(span) and (
            (after.startswith(_QUOTES) and not (_QUOTED_TERM.match(rest) and self._leads_headline(text, head)))
            or (after[:1] in ("은", "는", "이", "가") and after[1:].startswith(_QUOTES))  # 'S&P는 "…"고'
            or (any(w in squashed for w in self._opinion_ko) and not any(w in squashed for w in self._own_ko))
        ):
            return "source"
        if self._outage_culprit is not None and self._outage_culprit.match(after):
            return "subject"  # "\"윈도 먹통\" 크라우드스트라이크 업데이트 오류에 …": whose software broke
        before = squash(text[max(0, head.start - 20) : head.start])
        for pattern, role in self._before_ko:
            if pattern.search(before):
                return role
        for pattern, role in self._after_ko:
            if pattern.search(after):
                return role
        if is_title and self._called_by_source(text, head, spans):
            return "subject"  # 'JP모건 "마이크론, …"…목표가 상향', "BofA, 애플 '매수' 상향": the call's company
        topic = HEADLINE_TOPIC.match(text) if is_title else None
        if topic is not None and head.start >= topic.end() and _inside_double_quotes(text, head.start):
            # "퀄컴, … "애플 모뎀 매출 공백 메운다" 7%↑": a company inside the topic's quoted words is
            # what the topic talks about, not the news.
            return "passing"
        if (
            topic is not None
            and head.start >= topic.end()
            and squash(text[: topic.end()]).strip(",，").endswith(self._acting_investors)
            and not any(topic.end() <= s.start < head.start for s in spans)
        ):
            # "힌덴버그, 에퀴닉스 '회계 조작' 의혹 제기": what a short seller does is its target's news.
            return "subject"
        if topic is not None:
            # "에코프로비엠, 테슬라向 …": the headline is about the name before the comma.
            if head.start >= topic.end() and self._order_won is not None and self._order_won.match(after):
                return "counterparty"  # "삼성전자, 퀄컴 2나노 AP 일부 수주": whose order the topic won
            if head.start < topic.end():
                between = text[tail.end : topic.end()].strip(" ,，")
                if between and morphology.has_adnominal_clause(between):
                    # "'테슬라 배터리 데이' 앞둔 천보,": the name sits in a clause describing the topic.
                    return "passing"
                return "subject"
            if self._opens_later_story(text, head.start):
                return "subject"  # the one who opens the headline's next story
            return self._bare_role(rest)
        if self._subject_marked(rest):
            if rest.lstrip(" ").startswith("의") and self._other_subject_before(text, head, spans):
                # "SK하이닉스가 엔비디아의 차세대 가속기에 들어갈 HBM4 공급": the possessor inside what
                # another company does is not the one the news is about.
                return "passing"
            return "subject"
        if _opens_sentence(text, head.start):
            return "subject"  # the sentence opens with the name ("보잉 737 맥스 추락")
        if self._opens_later_story(text, head.start):
            return "subject"  # it opens the headline's next story ("LG화학 급락…GM 볼트 리콜 비용")
        if (
            is_title
            and _SEGMENT_START.search(text[: head.start])
            and not self._after_a_story_topic(text, head, spans)
            and self._headline_move(text, span, spans)
        ):
            # A wrap's list of movers ("…, 인텔 '18A 고객 확보' 9% 급등·애플 WWDC 실망에 2%↓"), not a
            # name after a later story's topic ("…인텔, 애플 칩 수주 보도에 9%↑": Intel's move).
            return "subject"
        if is_title and _ENDS_STORY.match(rest):
            return "subject"  # "공매도 리포트에 또 맞은 앱러빈…": the story ends on whom it is about
        if is_title and all(s.key == span.key for s in spans) and self._headline_move(text, span, spans):
            # "…전력난에 GE베르노바 가스터빈 수주잔고 사상 최대…주가 8%↑": the only company the headline
            # names, and the headline reports a share move: the move and its news are that company's.
            return "subject"
        return "passing"

    def _cause_cut_en(self, text: str, span: NamedSpan, own_part: tuple[int, int]) -> int | None:
        """Where an English name's own news ends at an "as"/"amid" clause giving its cause, when the words
        between the name and it already say what happened ("logs record trading day as …")."""
        cause = _EN_CAUSE_CLAUSE.search(text, span.end, own_part[1])
        if cause is None:
            return None
        told = text[span.end : cause.start()]
        if self._polarity.sentence(told, "en").score or self._decisive(told, "en") is not None:
            return cause.start()
        return None

    def _regulator_relief(self, text: str, span: NamedSpan) -> str | None:
        """The words by which a regulator opening the headline right before the name backs off ("美 FTC,
        메타 … 항소 포기"), or None."""
        before = squash(text[max(0, span.start - 20) : span.start])
        if not any(role == "subject" and pattern.search(before) for pattern, role in self._before_ko):
            return None
        squashed = squash(text)
        return next((word for word in self._relief if word in squashed), None)

    def _operated_by_other(self, text: str, span: NamedSpan, spans: list[NamedSpan]) -> bool:
        """The maker is named by its model right after another company's name (the aircraft's operator)."""
        if self._operated_model is None or not self._operated_model.match(squash(text[span.end : span.end + 20])):
            return False
        return any(
            other.key != span.key and other.end <= span.start and text[other.end : span.start].strip() in ("", "의")
            for other in spans
        )

    def _hit_by_others_outage(self, text: str, is_title: bool, span: NamedSpan, spans: list[NamedSpan]) -> bool:
        """The name's accident is another company's outage felt by a customer: told after that company's
        outage in a headline's earlier story, blamed on another's faulty software in the same sentence,
        or in a sentence opening as its aftermath ("이 여파로")."""
        story_start, story_end = story_bounds(text, span.start)
        if any(word in squash(text[span.end : story_end]) for word in self._material_disruption):
            return False  # "…델타항공 수천편 결항": its own operations stopped
        opens = is_title and _opens_sentence(text, span.start) and not _inside_double_quotes(text, span.start)
        if (
            self._outage_culprit is not None
            and not opens  # "MS 윈도 먹통에 …'크라우드스트라이크 업데이트 오류'": the headline's own story
            and any(
                other.key != span.key and self._outage_culprit.match(squash(text[other.end : other.end + 30]))
                for other in spans
            )
        ):
            return True
        if not is_title:
            return self._aftermath_opening is not None and self._aftermath_opening.match(text) is not None
        if not story_start or self._others_outage is None:
            return False
        earlier = text[:story_start]
        return any(s.key != span.key and s.end <= story_start for s in spans) and bool(
            self._others_outage.search(earlier)
        )

    def _tiny_own_move(self, text: str, span: NamedSpan, spans: list[NamedSpan], clause: tuple[int, int]) -> bool:
        """Every sized share move in the name's own clause (up to the next company) is under 1%."""
        sizes = [m.group(0) for m in self._sized_move.finditer(self._own_clause(text, span, spans, clause))]
        return bool(sizes) and all(_TINY_SIZE.match(size) for size in sizes)

    def _dated_earlier(self, text: str, span: NamedSpan, spans: list[NamedSpan], clause: tuple[int, int]) -> bool:
        """The words right before the name date its move a session or more back and the move is told as
        what came before ("하루 전 메타가 … 급락했던 것과", "전날 도어대시 86% 급등 이어"); "전날 월마트도 …
        떨어졌는데, 이날 추가로 6.8% 하락했다" and "전날 뉴욕증시에서 애플 주가는 1.7% 올라" are news."""
        before = squash(text[max(clause[0], span.start - 12) : span.start])
        if not any(word in before for word in self._earlier_move):
            return False
        own = self._own_clause(text, span, spans, clause)
        return any(_BEFORE_NOW.match(own, move.end()) for move in self._share_move_word.finditer(own))

    def _market_wide_own_move(
        self, text: str, span: NamedSpan, spans: list[NamedSpan], clause: tuple[int, int]
    ) -> bool:
        """The name's own clause tells a small sized move (under 3%) and puts it down to the whole market."""
        if self._market_wide_move is None:
            return False
        # A list shares its move ("JP모건과 버크셔해서웨이는 시장 전반의 약세 속에 1% 안팎 밀려").
        own = self._own_clause(text, self._list_group(text, span, spans, "ko")[1], spans, clause)
        sized = self._sized_move.search(own)
        return (
            sized is not None
            and _SMALL_SIZE.match(sized.group(0)) is not None
            and self._market_wide_move.search(own) is not None
        )

    def _own_clause(self, text: str, span: NamedSpan, spans: list[NamedSpan], clause: tuple[int, int]) -> str:
        """The name's clause from the name up to the next company named (space-stripped)."""
        following = [s.start for s in spans if s.start > span.end and s.key != span.key]
        return squash(text[span.end : min([max(clause[1], span.end), *following])])

    def _after_name(self, text: str, span: NamedSpan, spans: list[NamedSpan], language: str) -> str:
        """The words right after the name (Korean: after its list and bracketed alias, space-stripped)."""
        if language == "en":
            return text[span.end :]
        tail = self._list_group(text, span, spans, "ko")[1]
        return squash(_BRACKETED_ALIAS.sub("", text[tail.end :], count=1))

    @staticmethod
    def _matches(patterns: dict[str, re.Pattern[str] | None], after_name: str, language: str) -> bool:
        """The language's pattern (a knowledge file's pair) matches the words after the name."""
        pattern = patterns["en" if language == "en" else "ko"]
        return pattern is not None and pattern.match(after_name) is not None

    def _orders_from_a_supplier(
        self, text: str, is_title: bool, span: NamedSpan, spans: list[NamedSpan], clause: tuple[int, int], language: str
    ) -> bool:
        """Another company in the name's clause is the supplier it buys from or orders from."""
        return any(
            other.key != span.key
            and clause[0] <= other.start < clause[1]
            and self.role(text, is_title, other, spans, language) == "supplier"
            for other in spans
        )

    @staticmethod
    def _after_a_story_topic(text: str, head: NamedSpan, spans: list[NamedSpan]) -> bool:
        """The name follows a comma that closes another company's name opening a headline story ("…인텔,
        애플 …"): that company is the story's topic."""
        before = text[: head.start].rstrip(" ")
        if not before.endswith((",", "，")):
            return False
        comma = len(before) - 1
        return any(s.end == comma and s.key != head.key and _opens_story(text, s.start) for s in spans)

    def _house_call(self, text: str, spans: list[NamedSpan]) -> tuple[NamedSpan, NamedSpan] | None:
        """A headline that opens with a broker or bank and its call, in its quote (`JP모건 "마이크론 …
        아니다"…목표가 상향`) or right after its topic comma (`BofA, 애플 '매수' 상향`): the house and
        the first other company named after it, the one called."""
        opening = _OPENING.match(text).end()  # type: ignore[union-attr]
        house = min(spans, key=lambda s: s.start)
        if house.start > opening + 1 or not self._source_like(house):
            return None
        after = _BRACKETED_ALIAS.sub("", text[house.end :], count=1).lstrip(" ")
        if not (after.startswith(_QUOTES) or after.startswith((",", "，"))):
            return None
        following = [s for s in spans if s.start > house.end and s.key != house.key]
        return (house, min(following, key=lambda s: s.start)) if following else None

    def _called_by_source(self, text: str, head: NamedSpan, spans: list[NamedSpan]) -> bool:
        """This company is the one a house's headline call names first."""
        call = self._house_call(text, spans)
        return call is not None and call[0].key != head.key and call[1].start == head.start

    def _makes_the_call(self, text: str, head: NamedSpan, spans: list[NamedSpan]) -> bool:
        """This company is the house whose headline rating or target call is on another company
        ("JP모건, 나이키 투자의견 '중립'으로 하향…"中 매출 회복 더뎌"": the sales are Nike's)."""
        call = self._house_call(text, spans)
        return (
            call is not None
            and call[0].start == head.start
            and self._analyst_call is not None
            and self._analyst_call.search(text[call[1].end :]) is not None
        )

    def _calls_on_another(self, text: str, tail: NamedSpan, span: NamedSpan, spans: list[NamedSpan]) -> bool:
        """A house whose rating or target call is on the company named right after it ("JP모건이 인텔에
        대한 투자의견을 '중립'에서 '비중축소'로 낮추면서 … 인텔 주가가 하락"): the call's source, whatever
        else the sentence tells."""
        if self._analyst_call is None or not self._source_like(span):
            return False
        later = [s for s in spans if s.start >= tail.end and s.key != span.key]
        called = min(later, key=lambda s: s.start, default=None)
        if called is None or not _PARTICLE_ONLY.fullmatch(text[tail.end : called.start]):
            return False
        return self._analyst_call.search(text[called.end : called.end + 60]) is not None

    def about_market_abroad(self, headline: str) -> bool:
        """An English headline about a market abroad ("KOSPI closes at a record as …"): like a Korean
        market wrap, the US companies it cites moved it, or moved a day earlier."""
        return self._foreign_market_en is not None and self._foreign_market_en.match(headline) is not None

    def _english_move(self, text: str, span: NamedSpan, spans: list[NamedSpan]) -> tuple[float, tuple[str, ...]] | None:
        """The share move an English verb right after the name (or its list) reports."""
        if self._mover_en is None:
            return None
        tail, match = self._mover_after_en(text, span, spans)
        if match is None:
            led = _LEADS_EN.match(text[tail.end : tail.end + 80])
            if led is not None:
                # "Apple, Alphabet lead S&P 500 to record close": the leaders moved the market's way.
                way = led.group("way").lower()
                return (-1.5 if way in _LEADS_DOWN else 1.5), (led.group(0).strip(),)
        if match is None and all(s.start >= span.start for s in spans):
            # "Estee Lauder to cut 7,000 jobs …; shares jump 9%": a later clause about "shares" with no
            # company of its own reports the move of the company the sentence opens with.
            later = _SHARES_CLAUSE_EN.search(text, tail.end)
            others = [s for s in spans if s.start > tail.end and s.key != span.key]
            if later is not None and not any(s.start < later.start() for s in others):
                match = self._mover_en.match(text[later.end() : later.end() + 40].lower())
        if match is None and all(s.start >= span.start for s in spans):
            # "Caterpillar beats …, but tariff hit to margins sends shares lower": what the news did to
            # the shares of the company the sentence opens with.
            sent = _SENDS_SHARES_EN.search(text, tail.end)
            if sent is not None and not any(tail.end < s.start < sent.start() and s.key != span.key for s in spans):
                way = sent.group("way").lower()
                return (1.2 if way in ("higher", "up") else -1.2), (sent.group(0),)
        if match is None:
            return None
        word = match.group(1) or match.group(2)
        return self._mover_en_sign[word], (word,)

    def _after_others_move_en(self, text: str, span: NamedSpan, spans: list[NamedSpan]) -> int:
        """Where the share move of another company named before this one ends ("Gilead sinks 14% as
        Express Scripts picks AbbVie's regimen": the fall is Gilead's, not AbbVie's); 0 when none."""
        if self._mover_en is None:
            return 0
        end = 0
        for other in spans:
            if other.key == span.key or other.end > span.start:
                continue
            tail, match = self._mover_after_en(text, other, spans)
            if tail.end >= span.start:
                continue  # "Nvidia and AMD jump": the list's move is each one's
            if match is not None:
                end = max(end, tail.end + match.end())
        return end

    def _mover_after_en(
        self, text: str, span: NamedSpan, spans: list[NamedSpan]
    ) -> tuple[NamedSpan, re.Match[str] | None]:
        """The last name of the name's list, and the share-move verb right after it ("Nvidia and AMD
        jump", "Gilead sinks 14%"), if any; only called when English movers are configured."""
        assert self._mover_en is not None
        tail = self._list_group(text, span, spans, "en")[1]
        return tail, self._mover_en.match(text[tail.end : tail.end + 220].lower())

    def _moved_ko(self, text: str, span: NamedSpan, spans: list[NamedSpan], clause_end: int) -> bool:
        """The Korean sentence reports the company's own share move: the words right after the name (or
        its list) say it ("노스롭 4%↑", "코노코필립스가 4.8%, …"), or, after its subject particle, its
        clause ends with the size of a share move ("데본에너지는 … 낮추겠다고 밝히면서 6.2% 급락했다")."""
        tail = self._list_group(text, span, spans, "ko")[1]
        rest = _BRACKETED_ALIAS.sub("", text[tail.end :], count=1)
        after = _words_after(rest)[:40]  # "월마트는 '신고가'": quoted, still its move
        if _TINY_MOVE_KO.match(after):
            return False  # "애플 주가는 0.4% 올라 시장과 비슷한 흐름": within the market's noise
        if self._mover(after) or _SIZE_AFTER_KO.match(after) or _SIZE_AFTER_KO.match(squash(text[tail.end :])):
            return True
        # Up to the next company named, unless each name has its own size before it ("엑손모빌은 4.2%,
        # 코노코필립스는 5.4% 올랐다"): "…엑슨모빌의 파이어니어 인수 2주 만에 '메가딜', 셰브론 주가는 3%대
        # 하락" is Chevron's move.
        nxt = min((s for s in spans if s.start > tail.end and s.key != span.key), key=lambda s: s.start, default=None)
        if nxt is not None:
            between = text[tail.end : nxt.start]
            # Not a list's next name, nor one inside a cause ("이튼도 … 버티브 호실적에 동반 상승했다").
            if "%" not in between and _LIST_GAP.sub("", between) and self._subject_marked(text[nxt.end :]):
                clause_end = min(clause_end, nxt.start)
        clause = squash(text[tail.end : max(clause_end, tail.end)])
        sized = self._sized_move.search(clause)
        joint = _JOINT_MOVE_KO.search(clause)
        if sized is None and joint is not None and not self._group_before_move.search(clause[: joint.start()]):
            sized = joint  # not a group's ("… 국내 반도체주가 일제히 강세다")
        return self._subject_marked(rest) and sized is not None and not self._over_a_period(clause[: sized.start()])

    def _headline_move(self, text: str, span: NamedSpan, spans: list[NamedSpan]) -> float:
        """+1/-1 for a sized share move later in the name's headline story, or in a later story that
        names no company when the name is the headline's topic or opens it ("[종합] 유나이티드헬스 CEO
        교체…주가 18%↓", `브로드컴 "…"…시간외 14%↑`); no other company's name between."""
        end = own_end = story_bounds(text, span.start)[1]
        others = [s.start for s in spans if s.start > span.end and s.key != span.key]
        topic = HEADLINE_TOPIC.match(text)
        is_topic = topic is not None and span.start < topic.end()
        first_named = all(s.start >= span.start for s in spans if s.key != span.key)
        if self._leads_headline(text, span):
            # The topic's move may come in a later story, unless another company opens that story
            # (its partners and customers inside the topic's own story do not count).
            # A second subject in its own story ("월마트는 '신고가' 타깃은 '21% 폭락'") has its own move.
            others = [
                s.start
                for s in spans
                if s.start > span.end
                and s.key != span.key
                and (
                    (s.start >= end and _SEGMENT_START.search(text[: s.start]) and not self._named_as_customer(text, s))
                    or (s.start < end and self._parallel(text[s.end : s.end + 4]))
                    # "…'기업가치 600억달러' 데이터독 17% 폭등": a company with its own move has it.
                    or self.reports_move_after(text[s.end :])
                )
            ]
            end = len(text)
        elif (first_named or self._called_by_source(text, span, spans)) and not any(
            word in text[end:] for word in self._others_moved
        ):
            end = len(text)  # so may the first company's ("공매도 리포트에 또 맞은 앱러빈…의혹에 12%↓")
        end = min([end, *others])
        # A size followed by a cause ending ("정부 매출 52%↑에도", "클라우드 38%↑에") is what caused the
        # move, not the move.
        moves = [
            m
            for m in self._headline_move_pattern.finditer(text, span.end, end)
            if (not _CAUSE_AFTER.match(text, m.end()) or self._shares_before_size.search(text, 0, m.start()))
            and not _TINY_SIZE.match(m.group(0))
            and not self._inverse_metric_before_size.search(text, max(0, m.start() - 12), m.start())
            and not self._market_moved(text, m.start())
            # "MS, 액티비전 687억달러에 인수…액티비전 26% 급등": a later story's unknown company has its own move.
            and not (m.start() > own_end and self._opens_its_story(text, m.start(), spans))
        ]
        # A business figure's change ("상업 매출 71%↑") stands for the move only when the headline
        # reports no share move of its own ("…시간외 4%↓").
        move = next(
            (m for m in moves if not self._metric_before_size.search(text, max(0, m.start() - 12), m.start())),
            moves[0] if moves else self._shares_word_move.search(text, span.end, end),
        )
        if move is None:
            return 0.0
        if (
            move.start() > story_bounds(text, span.start)[1]
            and self._subject_before(text, move.start())
            and (not is_topic or self._opens_its_story(text, move.start(), spans))
        ):
            # "테슬라 로보택시 기대에…모비스 5%↑", "MS, … 원전 전력 20년 구매…콘스텔레이션 22% 폭등": a name
            # the tracker does not know moved.
            return 0.0
        if self._over_a_period(text[span.end : move.start()]):
            return 0.0  # "엔비디아 담았더니…올 들어 70% 급등": a run over the year, not the day's news
        cause = self._cause.search(text, span.end, move.start()) if self._cause is not None else None
        if not is_topic and cause is not None and _WORD.search(_MOVE_FILLER.sub("", text[cause.end() : move.start()])):
            # "테슬라 비트코인 구매 소식에 제이씨현시스템 강세": without a topic comma, what another
            # name does after the news is that name's move.
            return 0.0
        return self._share_move_sign(move.group("move"))

    def _examples_moved(self, text: str) -> bool:
        """The text tells the move of examples the tracker does not know ("…미쓰비시상사 등 급등")."""
        squashed = squash(text)
        return any(squashed[: m.start()].endswith("등") for m in self._share_move_word.finditer(squashed))

    def _group_move_start(self, text: str, start: int, end: int) -> int:
        """Where the first group of stocks whose move the text tells between `start` and `end` is named
        ("…에 보험·약국株 털썩": at 보험·약국株); `end` when none."""
        for move in self._share_move_word.finditer(text, start, end):
            before = _before_move(text, move.start())
            # Split as _word_before_move does, but keep a dotted group whole ("보험·약국株").
            last = re.split(r"[\s…,]+", before)[-1] if before else ""
            if last and self._group_before_move.search(squash(_GROUP_CAUSE_TAIL.sub("", last))):
                at = text.rfind(last, start, move.start())
                # Only past a cause ("…'헬스케어 동맹'에 보험·약국株"); "델타·유나이티드 등 항공주 급락"
                # names the group's movers.
                between = text[start:at]
                if (
                    at > start
                    and _CAUSE_ENDING.search(between)
                    and not last[0].isdigit()
                    and "등" not in between.split()
                ):
                    return at
        return end

    def _group_moved(self, text: str) -> bool:
        """The text tells a group of stocks' move ("…'빅딜'에 국내 게임주 일제히 강세"): news of others."""
        squashed = squash(text)
        return any(
            self._group_before_move.search(_GROUP_CAUSE_TAIL.sub("", _before_move(squashed, move.start())))
            for move in self._share_move_word.finditer(squashed)
        )

    def _market_moved(self, text: str, position: int) -> bool:
        """The word right before a move (past its size and 주가, 시간외) names a market or an index."""
        last = _word_before_move(text, position)
        return bool(last) and squash(last).endswith(self._markets_before_move)

    def _named_as_customer(self, text: str, span: NamedSpan) -> bool:
        """The words after the name make it the buyer of what is sold or a partner ("…MS 데이터센터에 20년간
        전력 공급, 주가 22%↑", "…MS·오픈AI와 협력 확대에 시간외 9% 급등"): the story it opens is still the
        topic's."""
        after = _role_words(_BRACKETED_ALIAS.sub("", text[span.end :], count=1))
        return any(pattern.search(after) for pattern in self._buyer_or_partner_after)

    def _fortune(self, text: str, span: NamedSpan, spans: list[NamedSpan]) -> float:
        """+1/-1 when the words right after the name (or its list) say it won or lost ("델타 웃고
        유나이티드 울고"), else 0."""
        tail = self._list_group(text, span, spans, "ko")[1]
        after = self._past_listed_group(_words_after(text[tail.end :]))
        if self._against_the_move.match(after):
            return -self._last_move_before(text[: span.start])
        return next((sign for word, sign in self._fortunes.items() if after.startswith(word)), 0.0)

    def _last_move_before(self, text: str) -> float:
        """+1/-1 for the last share-move word in the text, else 0."""
        words = self._share_move_word.findall(squash(text))
        return self._share_move_sign(words[-1]) if words else 0.0

    def _told_as_cause_of_others(self, text: str, span: NamedSpan, spans: list[NamedSpan]) -> bool:
        """The name's story ends as the cause of what the next story says of others: its share move
        ("간밤 테슬라 8% 급등에…국내 2차전지株 동반 강세": already in its price) or its news's aftermath
        ("GM 전기차 감산 여파…LG엔솔 합작 공장 가동중단": told for its effect on another company)."""
        end = story_bounds(text, span.start)[1]
        if end >= len(text):
            return False
        rest = squash(text[end:])
        others = any(s.start >= end and s.key != span.key for s in spans)
        if squash(text[span.end : end]).endswith(_AFTERMATH):
            return others or any(word in rest for word in self._others_moved)
        move = self._headline_move_pattern.search(text, span.end, end)
        if move is None:
            return False
        tail = squash(text[move.end() : end])
        return tail in ("에", "으로", "로", "에도") and any(word in rest for word in self._others_moved)

    def _unknown_mover_in(self, text: str, start: int, end: int, spans: list[NamedSpan]) -> bool:
        """A later headline story opens with a company the tracker does not know and its sized move
        ("…카이로스파워 18% 급등") or its shares' move ("…미쓰비시·이토추 주가 급등"): what it says is
        that company's."""
        moves = [m.start() for m in self._headline_move_pattern.finditer(text, start, end)]
        moves += [m.start("move") for m in self._bare_shares_move.finditer(text, start, end)]
        return any(self._subject_before(text, at) and self._opens_its_story(text, at, spans) for at in moves)

    def _opens_with_unknown_name(self, text: str, story_start: int, spans: list[NamedSpan]) -> bool:
        """A later headline story opens with the proper name of no company the tracker knows ("…SK브로드밴드
        1심 승소", "…아이로봇 CEO 사임"): what it says is that company's."""
        words = text[story_start:].lstrip(" …·,").split(maxsplit=3)
        return (
            bool(words)
            and not words[0].endswith((",", "，"))  # "…시티, 투자의견 '중립'으로 하향": a house's call on it
            and words[0] not in self._places
            # "…앤드루 위티 CEO 전격 사임": a person's two-word name and title, the headline company's own
            and not (len(words) > 2 and words[2].startswith(self._person_titles))
            and not any(story_start <= s.start < story_start + len(words[0]) + 2 for s in spans)
            and morphology.is_proper_noun(words[0])
        )

    @staticmethod
    def _opens_its_story(text: str, position: int, spans: list[NamedSpan]) -> bool:
        """The word right before a move (past 주가, 시간외 and the size) is the first of its headline story and
        reads like a name, of no company the tracker knows ("…인텔 16% 폭락" is the topic's own move,
        "…광고매출 24%↑" a figure)."""
        before = _before_move(text, position)
        # Its story, or its part after a comma ("…블리자드 25%↑, 소니는 13% 급락").
        start = max(story_bounds(text, position)[0], before.rfind(",") + 1)
        words = re.split(r"\s+", before[start:].strip(" …"))
        return (
            len(words) == 1
            and morphology.looks_like_a_name(words[0])
            and not any(start <= s.start < len(before) for s in spans)
        )

    @staticmethod
    def _subject_before(text: str, position: int) -> bool:
        """The word right before a move (past 주가, 시간외 and the size) is a bare noun: the subject of
        the move, not a cause ("의혹에 12%↓") or the end of a quote."""
        last = _word_before_move(text, position)
        return bool(_WORD.fullmatch(last)) and morphology.ends_in_noun(last)

    def _move_sign(self, text: str, span: NamedSpan, spans: list[NamedSpan]) -> float:
        """+1/-1 when the words right after the name (or its list) say which way it moved: a signed
        size ("화이자(-4.1%)") or a move word ("애플 3% 하락·엔비디아 4%↑"), else 0."""
        match = _SIZE_AFTER_KO.match(squash(text[span.end :]))
        sign = match.group("sign") if match else None
        if sign:
            return 1.0 if sign in "+▲↑" else -1.0
        tail = self._list_group(text, span, spans, "ko")[1]
        after = self._past_listed_group(_words_after(text[tail.end :])[:40])
        moved = self._mover_ko.match(after) if self._mover_ko is not None else None
        if moved is None:
            return 0.0
        return self._share_move_sign(after[moved.start("move") :] if "move" in moved.re.groupindex else after)

    def _clause_move_sign(self, text: str, span: NamedSpan, spans: list[NamedSpan], clause: tuple[int, int]) -> float:
        """+1/-1 for the last sized share move in the name's own clause, else 0."""
        own = self._own_clause(text, self._list_group(text, span, spans, "ko")[1], spans, clause)
        sized = list(self._sized_move.finditer(own))
        return self._share_move_sign(sized[-1].group("move")) if sized else 0.0

    def _share_move_sign(self, word: str) -> float:
        """-1 / +1 for a word that begins with a falling / rising share-move word, else 0."""
        return -1.0 if word.startswith(self._down_moves) else 1.0 if word.startswith(self._up_moves) else 0.0

    def _over_a_period(self, text: str) -> bool:
        squashed = squash(text)
        return any(word in squashed for word in self._period_moves)

    @staticmethod
    def _nominative(text: str, span: NamedSpan) -> bool:
        """The name takes a subject or topic particle (이/가/은/는), its alias in brackets aside."""
        after = _BRACKETED_ALIAS.sub("", text[span.end :], count=1)
        return after[:1] in _NOMINATIVE and after[1:2] in ("", " ", ",")

    @staticmethod
    def _leads_headline(text: str, span: NamedSpan) -> bool:
        """The name is the headline's "X, …" topic, its first word or the newest of a series that ends its
        first story ("'월마트 이어 타깃까지'…"): what the headline is about."""
        topic = HEADLINE_TOPIC.match(text)
        return (
            (topic is not None and span.start < topic.end())
            or _opens_sentence(text, span.start)
            or (story_bounds(text, span.start)[0] == 0 and _ENDS_STORY_IN_A_SERIES.match(text[span.end :]) is not None)
        )

    @staticmethod
    def _is_topic(text: str, span: NamedSpan) -> bool:
        """The name stands in the headline's "X, …" topic."""
        end = topic_end(text)
        return end is not None and span.start < end

    def reports_move_after(self, rest: str) -> bool:
        """The words after a name report its share move, past quotes, the rest of its list and a short
        cause ("·SK하이닉스 '동반 신고가'", " 5%↑", "는 외국인 매도에 '약세'")."""
        after = _words_after(rest)[:40]
        return self._mover(after) or self._mover(_SHORT_CAUSE.sub("", after, count=1))

    def _mover(self, after: str, listed: bool = True) -> bool:
        """The words after the name (or its list) report its share move; the list may go on with names
        the tracker does not know ("올스테이트·트래블러스도 약세") or, when `listed`, close with its group
        ("등 항공주 반등")."""
        after = _UNLINKED_LIST.sub("", self._past_listed_group(after) if listed else after, count=1)
        return self._mover_ko is not None and self._mover_ko.match(after) is not None

    def _past_listed_group(self, after: str) -> str:
        """What a list closed by "등" and its group says of its members, space-stripped and without
        quotes ("등항공주반등" -> "반등", "등유통株'털썩'" -> "털썩"); `after` itself when it closes no
        such list or says no move or fortune."""
        if not after.startswith("등"):
            return after
        for group in self._listed_group.finditer(after, 1, 13):
            rest = _QUOTES_OUT.sub("", after[group.end() :])
            if (self._mover_ko is not None and self._mover_ko.match(rest)) or rest.startswith(self._fortune_words):
                return rest
        return after

    def _other_subject_before(self, text: str, head: NamedSpan, spans: list[NamedSpan]) -> bool:
        """Another company earlier in the same story is marked as its subject (이/가/은/는)."""
        story_start = story_bounds(text, head.start)[0]
        for other in spans:
            if other.key == head.key or not story_start <= other.start < head.start:
                continue
            after = _BRACKETED_ALIAS.sub("", text[other.end :], count=1).lstrip(" ")
            if after[:1] in _NOMINATIVE and self._subject_marked(after):
                return True
        return False

    @staticmethod
    def _opens_later_story(text: str, start: int) -> bool:
        """The name opens a story after a headline's "…" (a second story, or the cause of the first)."""
        return bool(story_bounds(text, start)[0]) and _opens_story(text, start)

    def _bare_role(self, after: str) -> Role:
        return "subject" if self._subject_marked(after) else "passing"

    def _subject_marked(self, after: str) -> bool:
        """The word after the name is a subject particle (+ particles): 애플은, 애플 주가가 — not 가격."""
        after = after.lstrip(" ")
        word = re.split(r"[\s,，.…·'\"‘’“”()\[\]]", after, maxsplit=1)[0] if after[:1] not in (",", "，") else ","
        if not word.startswith(self._subject_particles):
            return False
        if word in (",", "，"):
            return True
        reachable = [True] + [False] * len(word)
        for i in range(len(word)):
            if reachable[i]:
                for j in range(i + 1, min(len(word), i + 4) + 1):
                    if word[i:j] in self._suffixes:
                        reachable[j] = True
        return reachable[-1]

    def _role_en(self, text: str, head: NamedSpan, tail: NamedSpan, span: NamedSpan, spans: list[NamedSpan]) -> Role:
        lower = text.lower()
        after = lower[tail.end : tail.end + 60]
        before = lower[max(0, head.start - 100) : head.start]
        # About a market, at home or abroad: a company after its "as" is the news that moved it (abroad,
        # the engine keeps it under the display threshold like a Korean market wrap).
        about_market = (
            self._market_subject_en is not None and self._market_subject_en.match(lower) is not None
        ) or self.about_market_abroad(lower)
        if self._cause_en is not None and not about_market and self._cause_en.search(lower[: head.start]):
            # "LG Innotek rises 6% as Apple expands orders": the company after "as" is the cause of
            # another's move, not the news.
            return "passing"
        if (
            self._customer_flow_en is not None
            and _EN_CUSTOMER_CLAUSE.search(before)
            and self._customer_flow_en.match(after)
            and any(s.start < head.start and s.key != span.key for s in spans)
        ):
            return "counterparty"  # "… as Apple modem revenue fades": the other company's business with it
        if (
            self._asset_buy_before is not None
            and self._asset_after is not None
            and self._asset_buy_before.search(before)
            and self._asset_after.match(after)
        ):
            return "passing"  # "to buy Eli Lilly's New Jersey plant": the seller of an asset
        if _EN_SUBJECT_AFTER.match(after):
            return "subject"
        if self._maker_model_en is not None and self._maker_model_en.search(text[head.start : tail.end]):
            return "subject"  # "grounding of all Boeing 737 MAX jets": the maker named with its model
        # What follows the name first: "acquisition of Intel NAND business" sells a unit of Intel's.
        for pattern, role in self._after_en:
            if pattern.search(after):
                return role
        for pattern, role in self._before_en:
            if pattern.search(before):
                return role
        if (
            self._source_like(span)
            and any(w in lower for w in self._opinion_en)
            and not any(w in lower for w in self._own_en)
        ):
            return "source"
        return "subject"

    def _index_provider(self, span: NamedSpan) -> bool:
        company = self._kb.companies.get(span.key) if span.kind == "sp500" else None
        return company is not None and company.sub_industry in self._index_providers

    def _source_like(self, span: NamedSpan) -> bool:
        if span.kind != "sp500":
            return False
        company = self._kb.companies.get(span.key)
        return company is not None and company.sub_industry in self._source_sub_industries

    @staticmethod
    def _list_group(
        text: str, span: NamedSpan, spans: list[NamedSpan], language: str, is_title: bool = False
    ) -> tuple[NamedSpan, NamedSpan]:
        """The first and last name of the list this name is in ("애플·MS 등", "Apple, Google and Meta").
        In a Korean headline the comma closes the topic ("이마트, 스벅 …"): lists there use "·"."""
        ordered = sorted(spans, key=lambda s: s.start)
        index = next(i for i, s in enumerate(ordered) if s.start == span.start and s.key == span.key)

        def joined(left: NamedSpan, right: NamedSpan) -> bool:
            between = _SIZE_IN_BRACKETS.sub("", text[left.end : right.start])
            if language == "en":
                return bool(_LIST_JOINERS_EN.match(between))
            between = _BARE_SIZE.sub("", between, count=1)
            joiner = squash(between)
            return joiner in _LIST_JOINERS_KO and not (is_title and joiner in (",", "，"))

        head_i = index
        while head_i > 0 and joined(ordered[head_i - 1], ordered[head_i]):
            head_i -= 1
        tail_i = index
        while tail_i + 1 < len(ordered) and joined(ordered[tail_i], ordered[tail_i + 1]):
            tail_i += 1
        return ordered[head_i], ordered[tail_i]

    # -- direction ------------------------------------------------------------------------------
    def _segment(self, text: str, span: NamedSpan, spans: list[NamedSpan]) -> tuple[int, int]:
        """The part of a Korean sentence whose cue words are about this name: a headline's "…" joins
        two stories ("A 급등…B 약세"), and after a cause marker ("A 출시 소식에 관련주 강세") the
        words are about what the news moved, when that is something else."""
        start, end = story_bounds(text, span.start)
        if self._cause is not None:
            marker = self._cause.search(text, span.end, end)
            if marker is not None:
                effect = text[marker.end() : end]
                others = any(s.start >= marker.end() and s.key != span.key for s in spans)
                if others or any(word in effect for word in self._others_moved):
                    end = marker.start()
        return start, end

    def _topic_after_comma(self, text: str, span: NamedSpan, spans: list[NamedSpan], start: int) -> int:
        """Where the name's story starts: after a comma when the name opens a clause of its own with
        은/는 after another company's ("웨스턴디지털 … 생산 차질, 마이크론은 가격 상승 기대에 강세": the
        disruption is Western Digital's, the rise Micron's)."""
        comma = max(text.rfind(",", start, span.start), text.rfind("，", start, span.start))
        if comma < 0 or text[comma + 1 : span.start].strip() or text[span.end : span.end + 1] not in ("은", "는"):
            return start
        if not self._parallel(text[span.end : span.end + 4]):
            return start
        if not any(s.start < comma and s.key != span.key for s in spans):
            return start
        return comma + 1

    @staticmethod
    def _parallel(after: str) -> bool:
        """The name takes 은/는/도 (as a word of its own): it is set beside another's story."""
        after = _BRACKETED_ALIAS.sub("", after, count=1)
        return after[:1] in ("은", "는", "도") and after[1:2] in ("", " ", ",")

    def _clause(self, text: str, position: int) -> tuple[int, int]:
        return next(((s, e) for s, e in self._polarity.clauses(text) if s <= position < e), (0, len(text)))

    def _decisive(
        self, text: str, language: str, name_at: int | None = None
    ) -> tuple[EventType, DecisivePhrase] | None:
        """The phrase that settles the event; `name_at`, where the company is named in the text."""
        if language == "en":
            lower = text.lower()
            found = []
            for e, d, p in self._decisive_en:
                # A phrase starts at a word: "extends strike" holds no "ends strike", "downgrades" no "upgrades".
                if "*" in p:  # "raises*price target": a few words may come between
                    pattern = r"\b" + r".{0,30}?".join(re.escape(part) for part in p.split("*"))
                else:
                    pattern = r"\b" + re.escape(p)
                match = re.search(pattern, lower)
                if match and d.name_inside and not (name_at is not None and match.start() < name_at < match.end()):
                    continue  # "Morgan Stanley cuts Nike to underweight, lifts Deckers": Nike's call
                if match:
                    found.append((match.start(), e, d))
        else:
            rest = self._polarity.after_concessions(text)
            if rest is not None and self._share_move_word.search(squash(text[rest:])):
                # "가이던스를 올렸음에도 … 5% 넘게 하락했다": what a clause concedes is not the news.
                text = text[rest:]
            squashed = squash_lower(text)
            found = []
            for e, d, p in self._decisive_ko:
                if "*" in p:  # "ceo*사퇴": a few words may come between
                    match = self._gapped(p).search(squashed)
                    if match and not self._denied(squashed, match.start(), match.end()):
                        found.append((match.start(), e, d))
                elif p in squashed and not self._denied(squashed, squashed.find(p), squashed.find(p) + len(p)):
                    found.append((squashed.find(p), e, d))
        if not found:
            return None
        # The longest phrase at the earliest place: 기대크게밑돌 over 기대밑돌, 배상판결받 over 배상하라.
        _, event, phrase = min(found, key=lambda f: (f[0], -len(f[2].phrase)))
        return event, phrase

    def _own_part(
        self, text: str, span: NamedSpan, spans: list[NamedSpan], clause: tuple[int, int], language: str
    ) -> tuple[int, int]:
        """Where a Korean name's decisive phrase may stand: its clause, from the name on when another
        company comes before it, up to the next company outside its list ("나이키 '비중확대' 상향,
        스타벅스는 하향": the upgrade is Nike's)."""
        if language != "ko":
            # "Novo Nordisk slashes its outlook …; Lilly shares rise": what comes before a semicolon or
            # a dash is another clause's news.
            breaks = [m.end() for m in _EN_CLAUSE_BREAK.finditer(text, clause[0], span.start)]
            after = _EN_CLAUSE_BREAK.search(text, span.end, clause[1])
            return (breaks[-1] if breaks else clause[0]), (after.start() if after else clause[1])
        head, tail = self._list_group(text, span, spans, language)
        others = [s for s in spans if s.key != span.key and clause[0] <= s.start < clause[1]]
        outside = [s for s in others if not head.start <= s.start <= tail.start]
        start = head.start if any(s.start < head.start for s in outside) else clause[0]
        end = min([clause[1], *(s.start for s in outside if s.start > tail.end)])
        return start, end

    def _denied(self, squashed: str, start: int, end: int) -> bool:
        """The words right after a phrase deny or undo it ("생산 차질 없어"), or those right before make it
        another thing's ("현금성 자산 사상 최대" is no record result)."""
        if squashed[:start].endswith(self._denied_before):
            return True
        return self._denied_after is not None and self._denied_after.match(squashed, end) is not None

    @staticmethod
    @lru_cache(maxsize=256)
    def _gapped(phrase: str) -> re.Pattern[str]:
        return re.compile((".{0,8}?(?:" + _AMOUNT_KO + "){0,2}").join(re.escape(part) for part in phrase.split("*")))

    def _supplier_polarity(self, text: str, language: str) -> tuple[float, tuple[str, ...]]:
        """A supplier named in the subject's deal moves only on a lost customer or a material order."""
        haystack = text.lower() if language == "en" else squash(text)
        lost = next((w for w in (self._lost_en if language == "en" else self._lost_ko) if w in haystack), None)
        if lost:
            return -1.2, (lost,)
        material_words = self._material_en if language == "en" else self._material_ko
        material = next((w for w in material_words if w in haystack), None)
        return (0.8, (material,)) if material else (0.0, ())

    def tells_flat_shares(self, after_name: str, language: str) -> bool:
        """The words right after a name tell its shares did not move ("… 주가는 약보합에 머물렀다")."""
        pattern = self._flat_shares["en" if language == "en" else "ko"]
        return pattern is not None and pattern.match(after_name if language == "en" else squash(after_name)) is not None

    def dampening(self, text: str, language: str) -> float:
        """How much less material the events of a text are (a small recall, retail flows): 0..1.

        For a headline this is its story's weight: a recall fixed over the air counts too."""
        factor = self._dampening(text, language)
        quick = self._quick_fix["en" if language == "en" else "ko"]
        if quick is not None and quick.search(text) and self._tells_recall(text, language):
            factor = min(factor, self._small_recall_factor)
        return factor

    def story_dampening(self, head: str, body: list[str], language: str) -> float:
        """The headline's dampening, and for a recall the body calls small ("리콜 물량은 연간 판매량에
        비하면 극히 일부다"), the small recall's: the whole story is that recall."""
        factor = self.dampening(head, language)
        small = self._recall_told_small["en" if language == "en" else "ko"]
        if small is None or factor <= self._small_recall_factor:
            return factor
        # The cheap pattern first: event types are read only for the rare story that calls something small.
        told_small = [text for text in body if small.search(text)]
        if (
            told_small
            and self._tells_recall(head, language)
            and any(self._tells_recall(text, language) for text in told_small)
        ):
            return self._small_recall_factor
        return factor

    def _tells_recall(self, text: str, language: str) -> bool:
        event = self.event_type(text, language)
        return event is not None and event.id == "recall_accident"

    def _dampening(self, text: str, language: str) -> float:
        factor = 1.0
        anniversary = self._anniversary["en" if language == "en" else "ko"]
        if anniversary is not None and anniversary.search(text):
            factor = self._anniversary_factor  # "탈선 사고 2년…": a look back, not the day's news
        for pattern, weight in self._dampener_patterns["en" if language == "en" else "ko"]:
            if pattern.search(text):
                factor = min(factor, weight)  # "재판 … 일정 확정": a date decides nothing
        if language == "en":
            lower = text.lower()
            if _TINY_MOVE_EN.search(text):
                factor = min(factor, _TINY_MOVE_FACTOR)
            for phrase, weight in self._dampeners_en:
                if phrase in lower:
                    factor = min(factor, weight)
        else:
            if self._rating_kept is not None and self._rating_kept.search(text):
                factor = min(factor, self._rating_kept_factor)  # "…비중확대 유지": a view restated
            squashed = _QUOTES_OUT.sub("", squash(text))  # "시간외 '보합'" is "시간외 보합"
            unconceded: str | None = None
            for phrase, weight, concedable in self._dampeners_ko:
                if phrase not in squashed:
                    continue
                if concedable:
                    # What a clause concedes is not what the text reports ("매출 예상 부합에도 시간외 6%↓").
                    if unconceded is None:
                        unconceded = _QUOTES_OUT.sub("", squash(text[self._polarity.after_concessions(text) or 0 :]))
                    if phrase not in unconceded:
                        continue
                factor = min(factor, weight)
        return factor
