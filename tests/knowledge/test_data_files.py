"""Validation of every shipped knowledge file against the rules in docs/knowledge.md."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from newsimpact.knowledge import KnowledgeBase, load_knowledge

GICS_SECTORS = {
    "Communication Services",
    "Consumer Discretionary",
    "Consumer Staples",
    "Energy",
    "Financials",
    "Health Care",
    "Industrials",
    "Information Technology",
    "Materials",
    "Real Estate",
    "Utilities",
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


def squash(text: str) -> str:
    return "".join(text.split()).casefold()


def test_universe_is_the_503_share_classes(kb: KnowledgeBase) -> None:
    assert len(kb.companies) == 503 == kb.meta.count
    assert set(kb.sectors) == GICS_SECTORS
    assert {c.sector for c in kb.companies.values()} <= GICS_SECTORS
    assert "BRK.B" in kb.companies and "BF.B" in kb.companies
    assert all(c.sub_industry in kb.sub_industries for c in kb.companies.values())


def test_every_alias_names_a_constituent(kb: KnowledgeBase) -> None:
    unknown = sorted({a.ticker for a in kb.aliases} - set(kb.companies))
    assert not unknown


def test_only_units_carry_a_since_date_and_their_names_share_it(kb: KnowledgeBase) -> None:
    dated = [a for a in kb.aliases if a.since is not None]
    assert dated, "acquired units (액티비전 → MSFT from 2023-10-18) carry the day the deal closed"
    assert all(a.kind == "subsidiary" for a in dated), [a for a in dated if a.kind != "subsidiary"]
    # Deals closed in the years the tracker reads, none after the universe's snapshot.
    snapshot = date.fromisoformat(kb.meta.snapshot_date)
    assert all(date(2010, 1, 1) <= a.since <= snapshot for a in dated if a.since), dated


def test_korean_aliases_cover_at_least_495_constituents(kb: KnowledgeBase) -> None:
    with_korean = {a.ticker for a in kb.aliases if a.lang == "ko"}
    assert len(with_korean) >= 495, sorted(set(kb.companies) - with_korean)


def test_one_primary_korean_name_per_company(kb: KnowledgeBase) -> None:
    primaries: dict[str, int] = defaultdict(int)
    for alias in kb.aliases:
        if alias.primary:
            assert alias.lang == "ko", alias
            primaries[alias.ticker] += 1
    assert all(count == 1 for count in primaries.values()), {t: c for t, c in primaries.items() if c != 1}


def test_no_unguarded_alias_maps_to_two_companies(kb: KnowledgeBase) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    guarded: dict[str, bool] = defaultdict(bool)
    for alias in kb.aliases:
        key = alias.alias if alias.case_sensitive else squash(alias.alias)
        owners[key].add(alias.ticker)
        guarded[key] |= alias.guarded
    clashes = {k: v for k, v in owners.items() if len(v) > 1 and not guarded[k]}
    assert not clashes


def test_common_word_aliases_carry_guards(kb: KnowledgeBase) -> None:
    by_text = {(a.alias, a.ticker): a for a in kb.aliases}
    for alias, ticker in (("애플", "AAPL"), ("메타", "META"), ("비자", "V"), ("아마존", "AMZN")):
        assert (alias, ticker) in by_text, (alias, ticker)
        assert by_text[(alias, ticker)].guarded, alias


def test_themes_have_triggers_in_both_languages_and_exposures(kb: KnowledgeBase) -> None:
    assert len(kb.themes) >= 80
    assert len({t.id for t in kb.themes}) == len(kb.themes)
    for theme in kb.themes:
        assert theme.triggers_ko and theme.triggers_en and theme.exposures, theme.id
        for exposure in theme.exposures:
            if exposure.ticker is not None:
                assert exposure.ticker in kb.companies, (theme.id, exposure.ticker)
            else:
                assert exposure.sub_industry in kb.sub_industries, (theme.id, exposure.sub_industry)


def test_relations_resolve_and_give_reasons(kb: KnowledgeBase) -> None:
    seen = set()
    for edge in kb.relations:
        assert edge.source in kb.korean_companies or edge.source in kb.companies, edge.source
        assert edge.target in kb.companies, edge.target
        assert edge.reason_ko.strip() and edge.reason_en.strip()
        # One edge per link: two competitors may share a cycle (memory prices) and fight over share
        # in one product (HBM), each with the context that names it.
        key = (edge.source, edge.target, edge.link)
        assert key not in seen, key
        seen.add(key)


def test_at_least_40_korean_companies_have_relations(kb: KnowledgeBase) -> None:
    assert len(kb.korean_companies) >= 40
    related = {e.source for e in kb.relations if e.source in kb.korean_companies}
    assert len(related) >= 40, len(related)
    assert all(c.sector in GICS_SECTORS for c in kb.korean_companies.values())


def test_lexicons_are_present_and_unique(kb: KnowledgeBase) -> None:
    for lang in ("ko", "en"):
        # Korean terms match space-insensitively; English ones as written ("buy back" vs "buyback").
        terms = [squash(t.term) if lang == "ko" else t.term.lower() for t in kb.polarity[lang].terms]
        assert len(terms) >= 300, lang
        assert len(terms) == len(set(terms)), [t for t in terms if terms.count(t) > 1][:5]
        assert any(t.score > 0 for t in kb.polarity[lang].terms)
        assert any(t.score < 0 for t in kb.polarity[lang].terms)
    assert kb.movement.up.ko and kb.movement.down.ko and kb.movement.up.en and kb.movement.down.en


def test_disclaimer_in_both_languages(kb: KnowledgeBase) -> None:
    assert "권유" in kb.disclaimer.ko
    assert "not a recommendation" in kb.disclaimer.en


def test_calibration_names_only_known_features(kb: KnowledgeBase) -> None:
    from newsimpact.tracker.confidence import FEATURES

    assert kb.calibration is not None, "calibration.yaml is shipped with the package"
    assert set(kb.calibration.weights) <= set(FEATURES)
    assert 0.0 < kb.calibration.threshold < 1.0


def test_headline_kind_patterns_compile_and_mark_their_own_kind(kb: KnowledgeBase) -> None:
    """Broker notes and Korean market wraps are told apart by linking.yaml's patterns (texts written here)."""
    import re

    notes = [re.compile(p) for p in kb.linking.analyst_note_ko]
    wraps = [re.compile(p) for p in kb.linking.korean_market_wrap_ko]
    assert any(p.search("한빛전자, 수주 회복 기대…목표가↑-한빛증권") for p in notes)
    assert any(p.search("코스피, 美 증시 약세에 하락 출발") for p in wraps)
    assert not any(p.search("국제유가, 감산 합의에 급등") for p in notes + wraps)


def test_word_lists_for_titles_name_endings_and_surprises_are_clean(kb: KnowledgeBase) -> None:
    lists = {
        "title_nouns_ko": kb.linking.title_nouns_ko,
        "company_name_endings_ko": kb.linking.company_name_endings_ko,
        "surprise_up.ko": kb.movement.surprise_up.ko,
        "surprise_down.ko": kb.movement.surprise_down.ko,
        "surprise_up.en": kb.movement.surprise_up.en,
        "surprise_down.en": kb.movement.surprise_down.en,
    }
    for name, words in lists.items():
        assert words, f"{name} is empty"
        assert len(set(words)) == len(words), f"{name} repeats a word"
        assert all(w == w.strip() and w for w in words), name
    assert not set(kb.movement.surprise_up.ko) & set(kb.movement.surprise_down.ko)
    assert any(t.surprise_decides for t in kb.themes)


def test_falling_reasons_come_in_both_languages_for_price_themes(kb: KnowledgeBase) -> None:
    written = 0
    for theme in kb.themes:
        for exposure in theme.exposures:
            assert (exposure.reason_falling_ko is None) == (exposure.reason_falling_en is None), (theme.id, exposure)
            written += exposure.reason_falling_ko is not None
            assert exposure.reason_falling_ko is None or theme.price, f"{theme.id}: only a price falls"
    assert written >= 60


def test_stock_words_name_groups_of_shares(kb: KnowledgeBase) -> None:
    groups = [s for s in kb.sub_industries.values() if s.stock_words_ko]
    assert len(groups) >= 20
    for group in groups:
        assert group.stock_words_en, group.name
        assert all(w.endswith(("주", "株", "더", "가")) for w in group.stock_words_ko), group.stock_words_ko


def test_oil_gives_no_fuel_reason_to_hotels_or_booking_sites(kb: KnowledgeBase) -> None:
    # Cruise lines burn fuel; hotels and booking sites of the same GICS sub-industry do not.
    oil = next(t for t in kb.themes if t.id == "oil_price")
    exposed = {e.ticker for e in oil.exposures if e.ticker} | {
        t for e in oil.exposures if e.sub_industry for t in kb.tickers_in_sub_industry(e.sub_industry)
    }
    assert not {"ABNB", "BKNG", "EXPE", "MAR", "HLT"} & exposed
