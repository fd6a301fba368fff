"""Validation of events.yaml, roles.yaml and the event-related fields of relations and themes."""

from __future__ import annotations

import re

import pytest

from newsimpact.errors import KnowledgeError
from newsimpact.knowledge import KnowledgeBase, load_knowledge
from newsimpact.knowledge.base import load_knowledge_from
from newsimpact.knowledge.schema import EventLexicon, EventLines, RoleRules
from newsimpact.tracker.korean import fill

TEMPLATE_SLOT = re.compile(r"\{name(?::(이/가|을/를|은/는|과/와|으로/로|이라/라))?\}")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


def squash(text: str) -> str:
    return "".join(text.split()).lower()


def test_event_types_are_unique_and_triggered_in_both_languages(kb: KnowledgeBase) -> None:
    ids = [e.id for e in kb.events.events]
    assert len(ids) == len(set(ids)) and len(ids) >= 12
    for event in kb.events.events:
        assert event.triggers_ko and event.triggers_en, event.id
        korean = [squash(t) for t in event.triggers_ko]
        assert len(korean) == len(set(korean)), event.id


def test_decisive_phrases_are_unique_and_signed(kb: KnowledgeBase) -> None:
    seen: set[str] = set()
    for event in kb.events.events:
        for phrase in (*event.decisive_ko, *event.decisive_en):
            key = squash(phrase.phrase)
            assert key not in seen, phrase.phrase
            seen.add(key)
            assert phrase.polarity != 0, phrase.phrase
            # A phrase's own line must say the same thing in both languages (both or neither).
            assert bool(phrase.line_ko) == bool(phrase.line_en), phrase.phrase


def test_rationale_templates_only_use_known_slots(kb: KnowledgeBase) -> None:
    templates = [
        kb.events.fallback.up_ko,
        kb.events.fallback.down_ko,
        kb.events.fallback.up_en,
        kb.events.fallback.down_en,
    ]
    for event in kb.events.events:
        templates += [event.lines.up_ko, event.lines.down_ko, event.lines.up_en, event.lines.down_en]
        templates += [p.line_ko for p in (*event.decisive_ko, *event.decisive_en) if p.line_ko]
        templates += [p.line_en for p in (*event.decisive_ko, *event.decisive_en) if p.line_en]
    for template in templates:
        assert "{name" in template, template
        leftover = TEMPLATE_SLOT.sub("", template)
        assert "{" not in leftover and "}" not in leftover, template
        assert "(를)" not in fill(template, "애플") and "(가)" not in fill(template, "인텔"), template


def test_propagation_names_relation_links_and_moved_roles_are_real(kb: KnowledgeBase) -> None:
    links = {e.link for e in kb.relations}
    for event in kb.events.events:
        assert set(event.propagates) <= links | {"customer", "supplier", "partner"}, event.id
        assert "subject" in event.moves, event.id
        assert set(event.role_polarity) <= set(event.moves), event.id
    # The rule: earnings news never carries to customers or to share rivals.
    earnings = next(e for e in kb.events.events if e.id == "earnings")
    assert "competitor_share" not in earnings.propagates and "customer" not in earnings.propagates


def test_role_patterns_compile_and_never_pick_sources(kb: KnowledgeBase) -> None:
    rules = kb.roles
    for pattern in (*rules.after_ko, *rules.after_en, *rules.before_en, *rules.before_ko):
        re.compile(pattern.pattern)
    assert rules.source_sub_industries
    assert set(rules.source_sub_industries) <= set(kb.sub_industries)
    assert kb.events.local_money_ko and re.compile(kb.events.local_money_ko).search("매출 1조8천700억원")


def test_relation_dates_are_ordered_and_contexts_non_empty(kb: KnowledgeBase) -> None:
    for edge in kb.relations:
        if edge.since and edge.until:
            assert edge.since <= edge.until, (edge.source, edge.target)
        assert all(c.strip() for c in edge.context), (edge.source, edge.target)


def test_theme_falling_triggers_are_their_own(kb: KnowledgeBase) -> None:
    for theme in kb.themes:
        assert not set(theme.falling_ko) & set(theme.triggers_ko), theme.id
        assert not set(theme.falling_en) & set(theme.triggers_en), theme.id
    oil = next(t for t in kb.themes if t.id == "oil_price")
    assert oil.price and "유가 급락" in oil.falling_ko


def test_won_rate_is_not_a_dollar_trigger(kb: KnowledgeBase) -> None:
    dollar = next(t for t in kb.themes if t.id == "strong_dollar")
    assert not {"원·달러 환율", "환율 상승", "고환율"} & set(dollar.triggers_ko)


def test_schema_rejects_an_unknown_role() -> None:
    with pytest.raises(ValueError):
        RoleRules.model_validate(
            {
                "after_ko": [{"role": "bystander", "pattern": "x"}],
                "after_en": [],
                "subject_particles_ko": ["이"],
                "source_sub_industries": [],
                "opinion_words_ko": [],
                "opinion_words_en": [],
            }
        )


def test_schema_rejects_an_event_without_lines() -> None:
    with pytest.raises(ValueError):
        EventLexicon.model_validate(
            {
                "events": [{"id": "x", "name_ko": "x", "name_en": "x", "triggers_ko": ["x"], "triggers_en": ["x"]}],
                "fallback": {"up_ko": "좋음", "up_en": "good", "down_ko": "나쁨", "down_en": "bad"},
            }
        )


def test_a_missing_events_file_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KnowledgeError, match="knowledge file missing"):
        load_knowledge_from(tmp_path)


def test_events_with_a_direction_of_their_own_say_both_ways_against_the_market(kb: KnowledgeBase) -> None:
    own = [e for e in kb.events.events if e.has_own_direction]
    assert own, "capex reaches suppliers by its own direction"
    for event in own:
        assert event.falls_ko and event.falls_en, event.id
        assert event.propagates, f"{event.id}: an own direction matters only where the event is passed on"
        lines = event.lines
        for text in (lines.against_up_ko, lines.against_up_en, lines.against_down_ko, lines.against_down_en):
            assert text and TEMPLATE_SLOT.search(text), (event.id, text)


def test_weak_triggers_are_not_also_strong_ones(kb: KnowledgeBase) -> None:
    strong = {squash(t) for e in kb.events.events for t in e.triggers_ko}
    for event in kb.events.events:
        for word in event.weak_triggers_ko:
            assert squash(word) not in strong, (event.id, word)


def test_event_lines_against_the_market_come_in_pairs() -> None:
    lines = {"up_ko": "{name} 상승", "up_en": "{name} up", "down_ko": "{name} 하락", "down_en": "{name} down"}
    with pytest.raises(ValueError, match="written together"):
        EventLines(**lines, against_up_ko="{name} 부담")


def test_korean_concessions_are_word_endings(kb: KnowledgeBase) -> None:
    concession = kb.polarity["ko"].concession
    assert "에도" in concession
    assert all(1 <= len(c) <= 4 and " " not in c for c in concession), concession
