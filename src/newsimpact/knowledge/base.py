"""KnowledgeBase: the universe, aliases, themes, relations and lexicons, loaded once and immutable."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from newsimpact.errors import KnowledgeError
from newsimpact.knowledge.schema import (
    Alias,
    Company,
    DisclaimerText,
    EventLexicon,
    KoreanCompany,
    LinkingRules,
    Listing,
    MovementLexicon,
    PolarityLexicon,
    Relation,
    RoleRules,
    ScoreCalibration,
    Sector,
    SubIndustry,
    Theme,
    UniverseMeta,
)
from newsimpact.knowledge.universe import load_universe, normalise_ticker

ModelT = TypeVar("ModelT", bound=BaseModel)
_LIST_COLUMNS = ("reject_within", "reject_context", "require_context")


@dataclass(frozen=True)
class KnowledgeBase:
    meta: UniverseMeta
    sectors: MappingProxyType[str, Sector]
    sub_industries: MappingProxyType[str, SubIndustry]
    companies: MappingProxyType[str, Company]
    aliases: tuple[Alias, ...]
    korean_companies: MappingProxyType[str, KoreanCompany]
    relations: tuple[Relation, ...]
    themes: tuple[Theme, ...]
    polarity: MappingProxyType[str, PolarityLexicon]
    movement: MovementLexicon
    linking: LinkingRules
    disclaimer: DisclaimerText
    events: EventLexicon
    roles: RoleRules
    _by_ticker_aliases: MappingProxyType[str, tuple[Alias, ...]] = field(repr=False)
    _by_sub_industry: MappingProxyType[str, tuple[str, ...]] = field(repr=False)
    calibration: ScoreCalibration | None = None
    """Score calibration (calibration.yaml); None keeps the rule scores."""
    listed_since: MappingProxyType[str, date] = field(default_factory=lambda: MappingProxyType({}))
    """The first trading day of companies listed after the price history begins (listings.csv)."""

    # -- lookups -------------------------------------------------------------------------------
    def company(self, ticker: str) -> Company | None:
        return self.companies.get(normalise_ticker(ticker))

    def aliases_of(self, ticker: str) -> tuple[Alias, ...]:
        return self._by_ticker_aliases.get(ticker, ())

    def name_ko(self, ticker: str) -> str | None:
        aliases = self.aliases_of(ticker)
        primary = next((a.alias for a in aliases if a.primary and a.lang == "ko"), None)
        return primary or next((a.alias for a in aliases if a.lang == "ko"), None)

    def sector_ko(self, sector: str) -> str:
        found = self.sectors.get(sector)
        return found.name_ko if found else sector

    def sub_industry_ko(self, sub_industry: str) -> str:
        found = self.sub_industries.get(sub_industry)
        return found.name_ko if found else sub_industry

    def tickers_in_sub_industry(self, sub_industry: str) -> list[str]:
        return list(self._by_sub_industry.get(sub_industry, ()))

    def resolve(self, query: str) -> list[Company]:
        """Ticker in any class form (BRK-B, BRK/B), a name, or any alias (Korean spacing-insensitive)."""
        direct = self.company(query)
        if direct is not None:
            return [direct]
        wanted = "".join(query.split()).casefold()
        tickers: list[str] = []
        for alias in self.aliases:
            if "".join(alias.alias.split()).casefold() == wanted and alias.ticker not in tickers:
                tickers.append(alias.ticker)
        for company in self.companies.values():
            if "".join(company.name.split()).casefold() == wanted and company.ticker not in tickers:
                tickers.append(company.ticker)
        return [self.companies[t] for t in tickers if t in self.companies]


# -- loading -------------------------------------------------------------------------------------
def _data_root(data_dir: Path | None) -> Traversable:
    return data_dir if data_dir is not None else resources.files("newsimpact.knowledge").joinpath("data")


def _read(root: Traversable, name: str) -> str:
    node = root.joinpath(name)
    if not node.is_file():
        raise KnowledgeError(f"knowledge file missing: {name}")
    return node.read_text(encoding="utf-8")


def _models(model: type[ModelT], items: Iterable[Any], source: str) -> list[ModelT]:
    out = []
    for index, item in enumerate(items):
        try:
            out.append(model.model_validate(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise KnowledgeError(f"{source}: entry {index}: {where}: {first['msg']}") from exc
    return out


def _yaml(root: Traversable, name: str) -> Any:
    try:
        return yaml.load(_read(root, name), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{name}: invalid YAML: {exc}") from exc


def _alias_rows(root: Traversable) -> list[Alias]:
    folder = root.joinpath("aliases")
    rows: list[Alias] = []
    if not folder.is_dir():
        return rows
    for node in sorted(folder.iterdir(), key=lambda n: n.name):
        if not node.name.endswith(".csv"):
            continue
        reader = csv.DictReader(io.StringIO(node.read_text(encoding="utf-8")))
        records = []
        for row in reader:
            record: dict[str, Any] = {k: (v or "").strip() for k, v in row.items() if k}
            for column in _LIST_COLUMNS:
                record[column] = tuple(x.strip() for x in record.get(column, "").split("|") if x.strip())
            record["primary"] = record.get("primary") in ("1", "true", "yes")
            record["case_sensitive"] = record.get("case_sensitive") in ("1", "true", "yes")
            record["ticker"] = normalise_ticker(record.get("ticker", ""))
            record["since"] = record.get("since") or None
            records.append(record)
        rows += _models(Alias, records, f"aliases/{node.name}")
    return rows


def load_knowledge_from(data_dir: Path | None = None) -> KnowledgeBase:
    root = _data_root(data_dir)
    meta = UniverseMeta.model_validate(json.loads(_read(root, "universe.json")))
    companies = {c.ticker: c for c in load_universe(_read(root, "universe.csv"))}
    sectors = {s.name: s for s in _models(Sector, _yaml(root, "sectors.yaml"), "sectors.yaml")}
    sub_industries = {
        s.name: s for s in _models(SubIndustry, _yaml(root, "sub_industries.yaml"), "sub_industries.yaml")
    }
    aliases = _alias_rows(root)
    # Theme exposures to a sub-industry are expanded on every article: index them once.
    by_sub_industry: dict[str, list[str]] = {}
    for company in companies.values():
        by_sub_industry.setdefault(company.sub_industry, []).append(company.ticker)
    by_ticker: dict[str, list[Alias]] = {}
    for alias in aliases:
        by_ticker.setdefault(alias.ticker, []).append(alias)

    def optional_list(name: str) -> list[Any]:
        return list(_yaml(root, name) or []) if root.joinpath(name).is_file() else []

    korean = _models(KoreanCompany, optional_list("korean_companies.yaml"), "korean_companies.yaml")
    relations = _models(Relation, optional_list("relations.yaml"), "relations.yaml")
    listings = (
        _models(Listing, list(csv.DictReader(io.StringIO(_read(root, "listings.csv")))), "listings.csv")
        if root.joinpath("listings.csv").is_file()
        else []
    )
    themes = _models(Theme, optional_list("themes.yaml"), "themes.yaml")

    polarity: dict[str, PolarityLexicon] = {}
    for lang in ("ko", "en"):
        name = f"lexicon/polarity_{lang}.yaml"
        if root.joinpath(name).is_file():
            polarity[lang] = _models(PolarityLexicon, [_yaml(root, name)], name)[0]
        else:
            polarity[lang] = PolarityLexicon(terms=())
    movement_name = "lexicon/movement.yaml"
    movement = (
        _models(MovementLexicon, [_yaml(root, movement_name)], movement_name)[0]
        if root.joinpath(movement_name).is_file()
        else MovementLexicon.model_validate({"up": {}, "down": {}})
    )
    calibration_name = "calibration.yaml"
    calibration = (
        _models(ScoreCalibration, [_yaml(root, calibration_name)], calibration_name)[0]
        if root.joinpath(calibration_name).is_file()
        else None
    )
    return KnowledgeBase(
        meta=meta,
        sectors=MappingProxyType(sectors),
        sub_industries=MappingProxyType(sub_industries),
        companies=MappingProxyType(companies),
        aliases=tuple(aliases),
        korean_companies=MappingProxyType({k.id: k for k in korean}),
        relations=tuple(relations),
        themes=tuple(themes),
        polarity=MappingProxyType(polarity),
        movement=movement,
        linking=_models(LinkingRules, [_yaml(root, "linking.yaml")], "linking.yaml")[0],
        disclaimer=_models(DisclaimerText, [_yaml(root, "disclaimer.yaml")], "disclaimer.yaml")[0],
        events=_models(EventLexicon, [_yaml(root, "events.yaml")], "events.yaml")[0],
        roles=_models(RoleRules, [_yaml(root, "roles.yaml")], "roles.yaml")[0],
        _by_ticker_aliases=MappingProxyType({t: tuple(a) for t, a in by_ticker.items()}),
        _by_sub_industry=MappingProxyType({name: tuple(t) for name, t in by_sub_industry.items()}),
        calibration=calibration,
        listed_since=MappingProxyType({listing.ticker: listing.listed_since for listing in listings}),
    )


@lru_cache(maxsize=4)
def load_knowledge(data_dir: Path | None = None) -> KnowledgeBase:
    """The shared, immutable knowledge base (loaded once per process and data folder)."""
    return load_knowledge_from(data_dir)
