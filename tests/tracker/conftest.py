"""A small, hand-written knowledge base so tracker tests do not depend on the shipped data's details."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from newsimpact.knowledge import KnowledgeBase, load_knowledge_from
from newsimpact.tracker import Tracker

PACKAGE_DATA = Path(str(resources.files("newsimpact.knowledge").joinpath("data")))

UNIVERSE = """ticker,name,sector,sub_industry,headquarters,date_added,cik,founded
NVDA,Nvidia,Information Technology,Semiconductors,"Santa Clara, California",2001-11-30,1045810,1993
MU,Micron Technology,Information Technology,Semiconductors,"Boise, Idaho",1994-09-27,723125,1978
XOM,ExxonMobil,Energy,Integrated Oil & Gas,"Spring, Texas",1957-03-04,34088,1999
DAL,Delta Air Lines,Industrials,Passenger Airlines,"Atlanta, Georgia",2013-09-11,27904,1925
UAL,United Airlines Holdings,Industrials,Passenger Airlines,"Chicago, Illinois",2015-09-03,100517,1967
AAPL,Apple Inc.,Information Technology,"Technology Hardware, Storage & Peripherals","Cupertino, California",1982-11-30,320193,1977
META,Meta Platforms,Communication Services,Interactive Media & Services,"Menlo Park, California",2013-12-23,1326801,2004
V,Visa Inc.,Financials,Transaction & Payment Processing Services,"San Francisco, California",2009-12-21,1403161,1958
LMT,Lockheed Martin,Industrials,Aerospace & Defense,"Bethesda, Maryland",1957-03-04,936468,1995
"""

ALIASES = """ticker,alias,lang,kind,primary,reject_within,reject_context,require_context,case_sensitive
NVDA,엔비디아,ko,name,1,,,,
NVDA,Nvidia,en,name,,,,,
NVDA,NVDA,en,ticker,,,,,1
MU,마이크론,ko,name,1,,,,
MU,Micron,en,name,,,,,
XOM,엑슨모빌,ko,name,1,,,,
DAL,델타항공,ko,name,1,,,,
UAL,유나이티드항공,ko,name,1,,,,
AAPL,애플,ko,name,1,애플리케이션|파인애플,,,
AAPL,아이폰,ko,product,,,,,
AAPL,Apple,en,name,,,,,
META,메타,ko,name,1,메타버스,,,
META,META,en,ticker,,,,,1
V,비자,ko,name,1,,입국|발급|여행,,
LMT,록히드마틴,ko,name,1,,,,
"""

THEMES = """
- id: oil_price
  price: true
  name_ko: 국제유가
  name_en: Oil price
  triggers_ko: [국제유가, 원유 가격]
  triggers_en: [oil price, crude oil]
  exposures:
    - {ticker: XOM, sign: 1, reason_ko: 원유 판매 가격 상승은 매출 증가, reason_en: higher realised crude prices}
    - {sub_industry: Passenger Airlines, sign: -1, reason_ko: 항공유 비용 증가, reason_en: jet fuel costs rise}
- id: us_rates
  price: true
  name_ko: 금리
  name_en: Interest rates
  scope: us
  triggers_ko: [금리 인상]
  triggers_en: [rate hike]
  exposures:
    - {ticker: AAPL, sign: -1, reason_ko: 할인율 상승으로 성장주 부담, reason_en: higher discount rates weigh on growth stocks}
"""

RELATIONS = """
- {source: sk_hynix, target: NVDA, type: customer, sign: 1, reason_ko: 엔비디아 가속기에 HBM 공급, reason_en: supplies HBM for Nvidia accelerators}
- {source: sk_hynix, target: MU, type: competitor, sign: 1, reason_ko: 메모리 업황을 함께 탐, reason_en: shares the memory cycle}
"""

KOREAN = """
- {id: sk_hynix, name_ko: SK하이닉스, name_en: SK hynix, aliases: [SK하이닉스, 하이닉스], sector: Information Technology}
"""

POLARITY_KO = """
terms:
  - {term: 급등, score: 2}
  - {term: 급락, score: -2}
  - {term: 상승, score: 1}
  - {term: 하락, score: -1}
  - {term: 호실적, score: 1.5}
  - {term: 급증, score: 1.5}
  - {term: 리콜, score: -1.5}
negators: [않, 못]
contrast: [반면, 하지만]
intensifiers: {대폭: 1.5}
"""

POLARITY_EN = """
terms:
  - {term: surge, score: 2}
  - {term: plunge, score: -2}
  - {term: beat, score: 1.5}
  - {term: recall, score: -1.5}
negators: [not]
contrast: [but, while]
intensifiers: {sharply: 1.5}
"""

MOVEMENT = """
up: {ko: [상승, 급등, 오르, 인상], en: [rise, surge, jump, hike]}
down: {ko: [하락, 급락, 내리], en: [fall, drop, plunge]}
"""


@pytest.fixture(scope="session")
def small_kb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of the small knowledge base (tests that need a variant copy it)."""
    root = tmp_path_factory.mktemp("knowledge")
    for name in ("sectors.yaml", "sub_industries.yaml", "linking.yaml", "disclaimer.yaml", "events.yaml", "roles.yaml"):
        shutil.copy(PACKAGE_DATA / name, root / name)
    (root / "universe.csv").write_text(UNIVERSE, encoding="utf-8")
    (root / "universe.json").write_text(
        '{"snapshot_date": "2026-08-08", "source": "test", "count": 9}', encoding="utf-8"
    )
    (root / "aliases").mkdir()
    (root / "aliases" / "test.csv").write_text(ALIASES, encoding="utf-8")
    (root / "themes.yaml").write_text(THEMES, encoding="utf-8")
    (root / "relations.yaml").write_text(RELATIONS, encoding="utf-8")
    (root / "korean_companies.yaml").write_text(KOREAN, encoding="utf-8")
    (root / "lexicon").mkdir()
    (root / "lexicon" / "polarity_ko.yaml").write_text(POLARITY_KO, encoding="utf-8")
    (root / "lexicon" / "polarity_en.yaml").write_text(POLARITY_EN, encoding="utf-8")
    (root / "lexicon" / "movement.yaml").write_text(MOVEMENT, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def small_kb(small_kb_dir: Path) -> KnowledgeBase:
    return load_knowledge_from(small_kb_dir)


@pytest.fixture(scope="session")
def tracker(small_kb: KnowledgeBase) -> Tracker:
    return Tracker(small_kb)


@pytest.fixture(scope="session")
def shipped_tracker() -> Tracker:
    """The tracker with the shipped knowledge, for tests of its rules on texts written here."""
    from newsimpact.knowledge import load_knowledge

    return Tracker(load_knowledge())
