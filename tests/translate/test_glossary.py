"""Glossary selection and loading (the reviewed YAML and the universe's alias CSVs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsimpact.errors import KnowledgeError
from newsimpact.translate.glossary import (
    Glossary,
    GlossaryEntry,
    load_alias_entries,
    load_glossary,
    load_yaml_entries,
)


def entry(*korean: str, en: str, kind: str = "term", bound: bool = False, **more: str) -> GlossaryEntry:
    return GlossaryEntry(korean=korean, renderings={"en": en, **more}, kind=kind, bound=bound)


GLOSSARY = Glossary(
    [
        entry(
            "과학기술정보통신부",
            "과기정통부",
            "과기부",
            en="Ministry of Science and ICT",
            kind="government",
            ja="科学技術情報通信部",
        ),
        entry("삼성전자", en="Samsung Electronics", kind="company"),
        entry("삼성", en="Samsung", kind="company"),
        entry("금리", en="interest rate"),
        entry("대표", en="CEO", kind="title", bound=True),
    ]
)


def test_only_entries_in_the_text_are_selected() -> None:
    hits = GLOSSARY.select("과기부는 19일 회의를 열었다.", "ko", "en")
    assert [(h.source, h.target) for h in hits] == [("과기부", "Ministry of Science and ICT")]
    assert GLOSSARY.select("날씨가 맑다.", "ko", "en") == []


def test_longest_match_wins_and_shorter_terms_inside_it_are_dropped() -> None:
    hits = GLOSSARY.select("삼성전자가 금리 인상에 대비했다.", "ko", "en")
    assert [h.source for h in hits] == ["삼성전자", "금리"]


def test_bound_terms_need_a_particle_or_a_break() -> None:
    assert [h.source for h in GLOSSARY.select("카카오 대표는 말했다.", "ko", "en")] == ["대표"]
    assert GLOSSARY.select("업계를 대표하는 기업", "ko", "en") == []


def test_names_are_checked_terms_are_hints_and_fallback_is_english() -> None:
    ja = {h.source: h for h in GLOSSARY.select("과기정통부와 삼성전자의 금리", "ko", "ja")}
    assert ja["과기정통부"].target == "科学技術情報通信部" and ja["과기정통부"].checked
    assert ja["삼성전자"].target == "Samsung Electronics" and not ja["삼성전자"].checked  # English hint only
    assert "금리" not in ja  # a term with no Japanese rendering is left to the model
    en = {h.source: h for h in GLOSSARY.select("과기정통부와 삼성전자의 금리", "ko", "en")}
    assert en["삼성전자"].checked and not en["금리"].checked


def test_english_source_maps_back_to_korean() -> None:
    hits = GLOSSARY.select("Samsung Electronics raised its interest rate forecast.", "en", "ko")
    assert [(h.source, h.target) for h in hits] == [
        ("Samsung Electronics", "삼성전자"),
        ("interest rate", "금리"),
    ]


def test_the_shipped_glossary_has_the_reviewed_entries() -> None:
    glossary = load_glossary()
    assert len(glossary) >= 300
    text = "이종호 과기정통부 장관은 기획재정부, 한국은행과 함께 코스피와 금리, 초거대 AI를 논의했다. 전경련 회의였다."
    found = {h.source: h.target for h in glossary.select(text, "ko", "en")}
    assert found["과기정통부"] == "Ministry of Science and ICT"
    assert found["장관"] == "Minister"
    assert found["기획재정부"] == "Ministry of Economy and Finance"
    assert found["한국은행"] == "Bank of Korea"
    assert found["코스피"] == "KOSPI"
    assert found["금리"] == "interest rate"
    assert found["초거대 AI"] == "hyperscale AI"
    assert found["전경련"] == "Federation of Korean Industries"


def test_the_shipped_glossary_names_korean_listed_companies_the_model_does_not_know() -> None:
    glossary = load_glossary()
    cases = [
        ("엘앤에프는 양극재 공급 계약을 정정 공시했다.", "엘앤에프", "L&F"),
        ("레인보우로보틱스 주가가 장 초반 급등했다.", "레인보우로보틱스", "Rainbow Robotics"),
        ("LS일렉트릭과 효성중공업이 변압기 수주를 늘렸다.", "LS일렉트릭", "LS Electric"),
        ("LS일렉트릭과 효성중공업이 변압기 수주를 늘렸다.", "효성중공업", "Hyosung Heavy Industries"),
        ("리가켐바이오가 기술이전 계약을 맺었다.", "리가켐바이오", "LigaChem Biosciences"),
        ("DB손보는 보험료를 동결했다.", "DB손보", "DB Insurance"),
        ("에스엠은 새 그룹의 데뷔를 발표했다.", "에스엠", "SM Entertainment"),
        ("풍산은 탄약 수출을 늘렸다.", "풍산", "Poongsan"),
    ]
    for text, source, english in cases:
        found = {h.source: h.target for h in glossary.select(text, "ko", "en")}
        assert found.get(source) == english, text
    # A bound short form is a company only before a particle or a break, not inside a longer word.
    assert glossary.select("풍산개 한 마리가 짖었다.", "ko", "en") == []
    assert "에스엠" not in {h.source for h in glossary.select("에스엠씨가 신규 상장했다.", "ko", "en")}


def test_alias_csvs_pair_the_primary_korean_alias_with_the_english_name(tmp_path: Path) -> None:
    (tmp_path / "it.csv").write_text(
        "ticker,alias,lang,kind,primary,reject_within,reject_context,require_context,case_sensitive\n"
        "NVDA,엔비디아,ko,name,1,,,,\n"
        "NVDA,NVIDIA,en,name,1,,,,\n"
        "NVDA,NVIDIA Corporation,en,name,,,,,\n"
        "NVDA,엔비디아 코퍼레이션,ko,name,,,,,\n"
        "ABT,애보트,ko,name,1,,주지사|총리,,\n"
        "ABT,Abbott Laboratories,en,name,,,,,\n"
        "ZZZ,외톨이,ko,name,1,,,,\n",
        encoding="utf-8",
    )
    (tmp_path / "notes.txt").write_text("not a csv")
    entries = load_alias_entries(tmp_path)
    assert [(e.korean, e.renderings["en"]) for e in entries] == [
        (("애보트",), "Abbott Laboratories"),
        (("엔비디아",), "NVIDIA"),
    ]
    glossary = Glossary(entries)
    assert [h.target for h in glossary.select("엔비디아 주가", "ko", "en")] == ["NVIDIA"]
    assert glossary.select("애보트 주지사가 말했다", "ko", "en") == []  # the governor, not the company


def test_alias_folder_absent_or_empty_is_fine(tmp_path: Path) -> None:
    assert load_alias_entries(tmp_path / "missing") == []
    assert load_alias_entries(tmp_path) == []


def test_yaml_wins_over_aliases_and_bad_yaml_is_reported(tmp_path: Path) -> None:
    glossary = Glossary([entry("삼성전자", en="Samsung Electronics"), entry("삼성전자", en="Samsung Elec Co")])
    assert [h.target for h in glossary.select("삼성전자", "ko", "en")] == ["Samsung Electronics"]
    bad = tmp_path / "glossary.yaml"
    bad.write_text("entries:\n  - {ko: [금리]}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="needs at least ko and en"):
        load_yaml_entries(bad)


def test_peoples_names_are_romanised_for_latin_targets() -> None:
    from newsimpact.translate.names import name_hits

    text = "이종호 과학기술정보통신부 장관은 아모레퍼시픽 김승환 대표, LG AI연구원 배경훈 원장과 만났다."
    assert [(h.source, h.target) for h in name_hits(text, "en")] == [
        ("이종호", "Lee Jong-ho"),
        ("김승환", "Kim Seung-hwan"),
        ("배경훈", "Bae Gyeong-hun"),
    ]
    # Kanji cannot be derived from Hangul: Japanese gets the same romanised form, never an invented kanji name.
    assert [h.target for h in name_hits(text, "ja")] == ["Lee Jong-ho", "Kim Seung-hwan", "Bae Gyeong-hun"]
    # A reviewed name keeps its own spelling and, where settled, its hanzi.
    assert [h.target for h in name_hits("이창용 총재와 윤석열 대통령", "en")] == ["Rhee Chang-yong", "Yoon Suk Yeol"]
    assert [h.target for h in name_hits("윤석열 대통령", "zh-Hans")] == ["尹锡悦"]
    assert name_hits("이어진 토론에서는 업계를 대표하는 최고위 인사들이 참석했다.", "en") == []
