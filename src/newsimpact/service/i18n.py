"""Interface strings for the pages: Korean first, English when the reader switches (?ui=en)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

UiLanguage = Literal["ko", "en"]

STRINGS: dict[str, dict[str, str]] = {
    "ko": {
        "site": "뉴스임팩트",
        "tagline": "금융 뉴스가 움직이는 S&P 500 종목",
        "recent": "최근 기사",
        "no_articles": "아직 저장된 기사가 없습니다. API로 기사를 보내 주세요.",
        "published": "기사입력",
        "modified": "최종수정",
        "reporter_suffix": "기자",
        "font_size": "본문 글자 크기 조정",
        "font_1": "더 작게",
        "font_2": "작게",
        "font_3": "보통",
        "font_4": "크게",
        "font_5": "더 크게",
        "language": "번역할 언어 선택",
        "translate": "번역",
        "original": "원문",
        "back_to_original": "원문 보기",
        "preparing": "결과물 출력을 준비하고 있어요",
        "translated_from": "기계 번역입니다. 원문과 다를 수 있습니다.",
        "translation_failed": "번역하지 못했습니다",
        "translation_progress": "번역 중: 문단 {done}/{total} · {seconds}초",
        "translation_queued": "번역 대기 중: 앞에 {ahead}건 · {seconds}초",
        "translation_rate_limited": "번역 요청이 많습니다. {seconds}초 뒤에 다시 시도해 주세요",
        "translation_pending_paragraph": "번역 중…",
        "translation_warnings": "검토가 필요한 부분",
        "translation_cancel": "번역 취소",
        "tracker": "종목 추적기",
        "tracker_heading": "S&P 500 기업 중 기사 내용이 영향을 줄 종목",
        "positive": "긍정 영향 종목",
        "negative": "부정 영향 종목",
        "none_side": "해당 종목 없음",
        "abstained": "기사 내용으로 뚜렷한 영향을 받는 S&P 500 상장 기업이 없습니다.",
        "reason": "판단 근거",
        "analysis_queued": "기사를 분석하고 있어요. 잠시 후 종목이 표시됩니다.",
        "analysis_failed": "기사를 분석하지 못했습니다",
        "no_tracker": "종목 추적기를 사용할 수 없습니다.",
        "score": "영향 점수",
        "evidence_hint": "종목을 선택하면 기사 속 근거 문장을 강조합니다.",
        "evidence_shown": "근거 문장 {n}개를 강조했습니다.",
        "evidence_cleared": "강조를 해제했습니다.",
        "evidence_translated": "번역문에서는 근거 문장이 들어 있는 문단을 강조합니다.",
        "disclaimer": "이 정보는 기사 내용을 자동으로 분석한 참고 자료이며 투자 권유가 아닙니다. "
        "투자 판단과 그 결과에 대한 책임은 투자자 본인에게 있습니다.",
        "photo": "사진",
        "ticker_articles": "이 종목을 움직인 최근 기사",
        "ticker_none": "이 종목이 선택된 기사가 아직 없습니다.",
        "chart": "일별 긍정·부정 기사 수",
        "chart_summary": "{days}일 동안 긍정 {pos}건, 부정 {neg}건",
        "direction_positive": "긍정",
        "direction_negative": "부정",
        "switch_ui": "English",
        "home": "처음으로",
        "not_found": "찾을 수 없습니다",
        "error": "오류",
        "api_docs": "API 문서",
        "skip": "본문으로 건너뛰기",
    },
    "en": {
        "site": "NewsImpact",
        "tagline": "S&P 500 companies that financial news moves",
        "recent": "Recent articles",
        "no_articles": "No articles yet. Send one through the API.",
        "published": "Published",
        "modified": "Updated",
        "reporter_suffix": "",
        "font_size": "Text size",
        "font_1": "Smallest",
        "font_2": "Small",
        "font_3": "Normal",
        "font_4": "Large",
        "font_5": "Largest",
        "language": "Translate into",
        "translate": "Translate",
        "original": "original",
        "back_to_original": "Show original",
        "preparing": "Preparing the translation…",
        "translated_from": "Machine translation; it may differ from the original.",
        "translation_failed": "The translation failed",
        "translation_progress": "Translating: paragraph {done} of {total} · {seconds} s",
        "translation_queued": "Waiting to translate: {ahead} ahead · {seconds} s",
        "translation_rate_limited": "Too many translation requests; try again in {seconds} s",
        "translation_pending_paragraph": "Translating…",
        "translation_warnings": "Passages to check",
        "translation_cancel": "Cancel translation",
        "tracker": "Stock tracker",
        "tracker_heading": "S&P 500 companies this article may move",
        "positive": "Positive impact",
        "negative": "Negative impact",
        "none_side": "None",
        "abstained": "No S&P 500 company is materially affected by this article.",
        "reason": "Why",
        "analysis_queued": "Analysing the article; picks will appear shortly.",
        "analysis_failed": "The article could not be analysed",
        "no_tracker": "The stock tracker is not available.",
        "score": "Impact score",
        "evidence_hint": "Select a company to highlight its evidence in the article.",
        "evidence_shown": "Highlighted {n} evidence sentence(s).",
        "evidence_cleared": "Highlight cleared.",
        "evidence_translated": "In a translation, the paragraphs holding the evidence are highlighted.",
        "disclaimer": "This is an automated reading of the article for reference only, "
        "not investment advice. Investors are responsible for their own decisions.",
        "photo": "Photo",
        "ticker_articles": "Recent articles that moved this stock",
        "ticker_none": "No article has picked this stock yet.",
        "chart": "Positive and negative articles per day",
        "chart_summary": "{pos} positive and {neg} negative over {days} day(s)",
        "direction_positive": "Positive",
        "direction_negative": "Negative",
        "switch_ui": "한국어",
        "home": "Home",
        "not_found": "Not found",
        "error": "Error",
        "api_docs": "API docs",
        "skip": "Skip to content",
    },
}


def strings(ui: UiLanguage) -> dict[str, str]:
    return STRINGS[ui]


def format_time(value: datetime | None, ui: UiLanguage) -> str:
    """Newsroom style: 2024년01월19일 09:00 in Korean, 2024-01-19 09:00 in English."""
    if value is None:
        return ""
    if ui == "ko":
        return value.strftime("%Y년%m월%d일 %H:%M")
    return value.strftime("%Y-%m-%d %H:%M")
