"""The Translator's machinery, driven by the fake engine and by scripted engines."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from newsimpact.article import Article, Caption
from newsimpact.config import TranslationSettings
from newsimpact.errors import TranslationError
from newsimpact.translate import FakeEngine, Translator, build_translator, detect_language
from newsimpact.translate.cache import TranslationCache
from newsimpact.translate.engines import ChatMessage, StopCheck
from newsimpact.translate.glossary import Glossary, GlossaryEntry
from newsimpact.translate.prompts import parse_prompt

ARTICLE = Article(
    title='과기정통부 장관 "AI가 돌파구"',
    subtitle="최고위 전략대화 열려",
    paragraphs=[
        "과학기술정보통신부 장관은 19일 오전 9시 여의도에서 회의를 열었다.",
        "메타는 데이터센터 건설을 위해 270억달러를 조달했다.",
    ],
    captions=[Caption(text="장관이 2024.01.18 발언하고 있다.")],
    language="ko",
)

GLOSSARY = Glossary(
    [
        GlossaryEntry(("과학기술정보통신부", "과기정통부"), {"en": "Ministry of Science and ICT"}, "government"),
        GlossaryEntry(("장관",), {"en": "Minister"}, "title", bound=True),
        GlossaryEntry(("여의도",), {"en": "Yeouido"}, "place"),
    ]
)


class ScriptedEngine:
    """Answers each prompt with `reply(source text, strict?)`, and records what it was asked."""

    name = "scripted"
    model = "script-1"
    parallel = 1

    def __init__(self, reply: Callable[[str, bool], str]) -> None:
        self.reply = reply
        self.prompts: list[Sequence[ChatMessage]] = []

    def complete(self, messages: Sequence[ChatMessage], max_tokens: int, stop: StopCheck | None = None) -> str:
        self.prompts.append(messages)
        strict = "previous translation was rejected" in messages[-1]["content"]
        return self.reply(parse_prompt(messages).text, strict)


def test_fake_engine_through_build_translator_aligns_every_segment() -> None:
    translator = build_translator(TranslationSettings(engine="fake"))
    result = translator.translate(ARTICLE, "en")
    assert (result.engine, result.model, result.source_language, result.target_language) == (
        "fake",
        "fake-1",
        "ko",
        "en",
    )
    assert len(result.paragraphs) == 2 and len(result.captions) == 1 and result.subtitle is not None
    assert result.paragraphs[0].startswith("[en] ") and "Ministry of Science and ICT" in result.paragraphs[0]
    assert "27,000,000,000" in result.paragraphs[1]
    assert result.warnings == []
    assert not result.cached


def test_glossary_goes_into_the_prompt_only_where_it_occurs() -> None:
    engine = FakeEngine()
    Translator(engine, glossary=GLOSSARY).translate(ARTICLE, "en")
    by_text = {parse_prompt(m).text: parse_prompt(m).glossary for m in engine.calls}
    assert by_text[ARTICLE.paragraphs[0]] == [
        ("과학기술정보통신부", "Ministry of Science and ICT"),
        ("장관", "Minister"),
        ("여의도", "Yeouido"),
    ]
    assert by_text[ARTICLE.paragraphs[1]] == []
    assert "270억 = 27 billion" in next(m[-1]["content"] for m in engine.calls if "270억" in m[-1]["content"])


def test_second_translation_comes_from_the_cache(tmp_path: Path) -> None:
    engine = FakeEngine()
    cache = TranslationCache(tmp_path / "cache.sqlite")
    first = Translator(engine, glossary=GLOSSARY, cache=cache).translate(ARTICLE, "en")
    calls = len(engine.calls)
    # A new Translator on the same file: the cache outlives the process.
    again = Translator(engine, glossary=GLOSSARY, cache=TranslationCache(tmp_path / "cache.sqlite")).translate(
        ARTICLE, "en"
    )
    assert len(engine.calls) == calls
    assert again.cached and not first.cached
    assert again.paragraphs == first.paragraphs and again.title == first.title
    other = Translator(engine, glossary=GLOSSARY, cache=cache).translate(ARTICLE, "ja")
    assert not other.cached and len(engine.calls) > calls  # another language is another key


def test_a_failed_check_retries_with_the_strict_prompt() -> None:
    def reply(text: str, strict: bool) -> str:
        return "Meta raised $27 billion to build data centers." if strict else "Meta raised money 데이터센터."

    engine = ScriptedEngine(reply)
    result = Translator(engine).translate_text(ARTICLE.paragraphs[1], "ko", "en")
    assert result.text == "Meta raised $27 billion to build data centers."
    assert result.problems == []
    assert {p.check for p in result.first_problems} == {"hangul", "numbers", "length", "currency"}
    assert len(engine.prompts) == 2
    strict_prompt = engine.prompts[1]
    assert "numbers missing: 270억" in strict_prompt[-1]["content"]
    assert "no Korean (Hangul)" in strict_prompt[0]["content"]


def test_then_sentence_by_sentence_and_the_best_output_is_kept() -> None:
    paragraph = "장관은 19일 회의를 열었다. 참석자는 30명이었다."
    good = {
        "장관은 19일 회의를 열었다.": "The minister held a meeting on the 19th.",
        "참석자는 30명이었다.": "There were 30 attendees.",
    }

    def reply(text: str, strict: bool) -> str:
        return good.get(text, "The minister held a meeting.")  # the whole paragraph: drops both numbers

    engine = ScriptedEngine(reply)
    result = Translator(engine, retries="thorough").translate_text(paragraph, "ko", "en")
    assert result.text == "The minister held a meeting on the 19th. There were 30 attendees."
    assert result.problems == [] and result.first_problems
    assert len(engine.prompts) == 4  # paragraph, strict paragraph, then each sentence once


def test_fast_retries_reports_what_a_retry_rarely_fixes_without_a_second_call() -> None:
    """The default policy: a missing number or name is a warning after one call (a small model
    mostly repeats it on a retry); the paragraph is not split into sentences for it."""
    paragraph = "장관은 19일 회의를 열었다. 참석자는 30명이었다."
    engine = ScriptedEngine(lambda text, strict: "The minister held a meeting with many people attending.")
    result = Translator(engine).translate_text(paragraph, "ko", "en")
    assert len(engine.prompts) == 1
    assert [p.check for p in result.problems] == ["numbers"]


def test_fast_retries_a_runaway_output_and_splits_a_paragraph_the_model_lost() -> None:
    paragraph = "장관은 19일 회의를 열었다. 참석자는 30명이었다."
    good = {
        "장관은 19일 회의를 열었다.": "The minister held a meeting on the 19th.",
        "참석자는 30명이었다.": "There were 30 attendees.",
    }
    engine = ScriptedEngine(lambda text, strict: good.get(text, "장관은 회의를 열었다 meeting."))
    result = Translator(engine).translate_text(paragraph, "ko", "en")
    assert result.text == "The minister held a meeting on the 19th. There were 30 attendees."
    assert len(engine.prompts) == 4  # paragraph, strict paragraph (Hangul left), then each sentence once


def test_when_nothing_passes_a_warning_is_recorded_on_that_segment() -> None:
    engine = ScriptedEngine(lambda text, strict: "Meta 메타 raised money.")
    result = Translator(engine).translate(ARTICLE.model_copy(update={"captions": []}), "en")
    warned = {w.segment for w in result.warnings}
    assert "paragraph:1" in warned
    message = next(w.message for w in result.warnings if w.segment == "paragraph:1")
    assert "Korean text left" in message and "270억" in message
    assert result.paragraphs[1] == "Meta 메타 raised money."  # the best output is still given


def test_warnings_survive_a_cache_hit() -> None:
    translator = Translator(ScriptedEngine(lambda text, strict: "메타"))
    first = translator.translate(ARTICLE, "en")
    second = translator.translate(ARTICLE, "en")
    assert second.cached and second.warnings == first.warnings and first.warnings


def test_english_to_korean() -> None:
    article = Article(title="Fed holds rates", paragraphs=["The Federal Reserve kept rates at 5.25% on Wednesday."])
    result = build_translator(TranslationSettings(engine="fake")).translate(article, "ko")
    assert result.source_language == "en" and result.target_language == "ko"
    assert result.paragraphs[0].startswith("[ko] ")


@pytest.mark.parametrize(
    ("article", "target", "message"),
    [
        (ARTICLE, "fr", "cannot translate Korean into 'fr'"),
        (ARTICLE, "ko", "cannot translate Korean into Korean"),
        (
            Article(title="Fed holds rates", paragraphs=["The Fed kept rates."]),
            "ja",
            "supported targets are ko",
        ),
        (
            Article(title="日銀が金利を据え置き", paragraphs=["日本銀行は金利を据え置いた。"]),
            "en",
            "neither Korean nor English",
        ),
    ],
)
def test_unsupported_pairs_are_clear_errors(article: Article, target: str, message: str) -> None:
    with pytest.raises(TranslationError, match=message):
        build_translator(TranslationSettings(engine="fake")).translate(article, target)


def test_targets_are_bcp47_case_insensitive_with_common_aliases() -> None:
    translator = build_translator(TranslationSettings(engine="fake"))
    assert translator.translate(ARTICLE, "zh-hans").target_language == "zh-Hans"
    assert translator.translate(ARTICLE, "zh-TW").target_language == "zh-Hant"


def test_detect_language() -> None:
    assert detect_language("이종호 장관은 AI와 CES 2024를 언급했다.") == "ko"
    assert detect_language("The Bank of Korea held rates.") == "en"
    assert detect_language("日本銀行は金利を据え置いた。") == "other"
    assert detect_language("2024 ... 19") == "other"


def test_empty_segments_are_not_sent_to_the_engine() -> None:
    engine = FakeEngine()
    result = Translator(engine).translate(Article(title="제목", paragraphs=["", "본문이다."]), "en")
    assert result.paragraphs[0] == "" and len(engine.calls) == 2


def test_unknown_engine_and_incomplete_openai_settings() -> None:
    with pytest.raises(TranslationError, match="unknown translation engine 'deepl'"):
        build_translator(TranslationSettings(engine="deepl"))
    with pytest.raises(TranslationError, match=r"needs translation\.base_url"):
        build_translator(TranslationSettings(engine="openai"))


def test_the_pipeline_uses_the_configured_translator() -> None:
    from newsimpact.config import Settings
    from newsimpact.pipeline import Pipeline

    settings = Settings(translation=TranslationSettings(engine="fake"))
    analysis = Pipeline(settings, with_tracker=False).analyze_article(ARTICLE, translate_to="ja")
    assert analysis.translation is not None and analysis.translation.target_language == "ja"


def test_a_dropped_day_is_retried_with_the_date_leading_the_sentence() -> None:
    # Like the small model: a day after the subject is lost, a leading one is kept.
    def reply(text: str, strict: bool) -> str:
        return "On the 19th, the minister spoke." if text.startswith("19일") else "The minister spoke."

    engine = ScriptedEngine(reply)
    translator = Translator(engine, glossary=Glossary([]), retries="thorough")
    result = translator.translate_text("장관은 19일 말했다.", "ko", "en")
    assert result.text == "On the 19th, the minister spoke."
    assert not result.problems
    assert [parse_prompt(p).text for p in engine.prompts] == ["장관은 19일 말했다.", "19일, 장관은 말했다."]
