"""`newsimpact universe ...`: show, list and import the S&P 500 snapshot."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsimpact.errors import NewsImpactError
from newsimpact.knowledge.base import KnowledgeBase, load_knowledge
from newsimpact.knowledge.schema import Company
from newsimpact.knowledge.universe import read_constituents, write_universe

universe_app = typer.Typer(help="The S&P 500 universe: show, list, import.", no_args_is_help=True)
_out = Console(soft_wrap=True, highlight=False)
_err = Console(stderr=True)


def _fail(message: str) -> None:
    _err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(1)


def _company_record(kb: KnowledgeBase, company: Company) -> dict[str, object]:
    return {
        **company.model_dump(),
        "sector_ko": kb.sector_ko(company.sector),
        "sub_industry_ko": kb.sub_industry_ko(company.sub_industry),
        "name_ko": kb.name_ko(company.ticker),
        "aliases": [a.alias for a in kb.aliases_of(company.ticker)],
        "relations": [
            {"source": r.source, "type": r.type, "reason_en": r.reason_en}
            for r in kb.relations
            if r.target == company.ticker
        ],
        "themes": [t.id for t in kb.themes if any(e.ticker == company.ticker for e in t.exposures)],
    }


@universe_app.command("show")
def show(
    query: Annotated[str, typer.Argument(help="Ticker (BRK.B, BRK-B, BRK/B), name or alias (엔비디아, 록히드마틴).")],
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one company: sector, Korean name, aliases, themes and relations."""
    try:
        kb = load_knowledge()
    except NewsImpactError as exc:
        _fail(str(exc))
        return
    found = kb.resolve(query)
    if not found:
        _fail(f"no S&P 500 company matches {query!r} (try a ticker or another spelling)")
    records = [_company_record(kb, c) for c in found]
    if json_out:
        print(json.dumps(records if len(records) > 1 else records[0], ensure_ascii=False, indent=2))
        return
    for record in records:
        _out.print(f"[bold]{record['ticker']}[/]  {record['name']}  ({record['name_ko'] or '-'})")
        _out.print(f"  sector: {record['sector']} / {record['sector_ko']}")
        _out.print(f"  sub-industry: {record['sub_industry']} / {record['sub_industry_ko']}")
        _out.print(f"  HQ: {record['headquarters']}  added: {record['date_added']}  CIK: {record['cik']}")
        _out.print(f"  aliases: {', '.join(record['aliases'])}")  # type: ignore[arg-type]
        if record["themes"]:
            _out.print(f"  themes: {', '.join(record['themes'])}")  # type: ignore[arg-type]
        if len(found) > 1:
            _out.print()


@universe_app.command("list")
def list_companies(
    sector: Annotated[str | None, typer.Option("--sector", help="GICS sector, English or Korean (산업재).")] = None,
) -> None:
    """List constituents, optionally of one sector."""
    kb = load_knowledge()
    wanted = None
    if sector is not None:
        wanted = next(
            (s.name for s in kb.sectors.values() if sector.casefold() in (s.name.casefold(), s.name_ko)), None
        )
        if wanted is None:
            _fail(f"unknown sector {sector!r}; sectors: {', '.join(kb.sectors)}")
    table = Table(title=f"S&P 500 ({kb.meta.snapshot_date})" + (f" — {wanted}" if wanted else ""))
    for column in ("ticker", "name", "name_ko", "sector", "sub-industry"):
        table.add_column(column)
    rows = [c for c in kb.companies.values() if wanted is None or c.sector == wanted]
    for company in rows:
        table.add_row(
            company.ticker,
            company.name,
            kb.name_ko(company.ticker) or "",
            kb.sector_ko(company.sector),
            company.sub_industry,
        )
    _out.print(table)
    _out.print(f"{len(rows)} companies")


@universe_app.command("import")
def import_universe(
    csv_path: Annotated[
        Path, typer.Argument(help="Constituents CSV: Symbol,Security,GICS Sector,GICS Sub-Industry,...")
    ],
    snapshot_date: Annotated[
        str | None, typer.Option("--snapshot-date", help="As-of date of the list (YYYY-MM-DD). Default: today.")
    ] = None,
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Knowledge data folder to write (default: the installed package's).")
    ] = None,
) -> None:
    """Rebuild the universe snapshot from a constituents file (validated; the old one is kept on error)."""
    try:
        as_of = date.fromisoformat(snapshot_date) if snapshot_date else date.today()
    except ValueError:
        _fail(f"--snapshot-date {snapshot_date!r} is not YYYY-MM-DD")
        return
    try:
        text = csv_path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"{csv_path}: cannot read as UTF-8 CSV ({exc})")
        return
    kb = load_knowledge()
    try:
        companies = read_constituents(text, set(kb.sectors))
    except NewsImpactError as exc:
        _fail(str(exc))
        return
    target = out_dir or Path(str(resources.files("newsimpact.knowledge").joinpath("data")))
    write_universe(companies, target, snapshot_date=as_of, source=csv_path.name)
    old = set(kb.companies)
    new = {c.ticker for c in companies}
    _out.print(f"wrote {len(companies)} companies to {target / 'universe.csv'} (snapshot {as_of})")
    if old - new or new - old:
        _out.print(f"  removed: {' '.join(sorted(old - new)) or '-'}")
        _out.print(f"  added:   {' '.join(sorted(new - old)) or '-'}")
        unaliased = sorted(t for t in new - old if not kb.aliases_of(t))
        if unaliased:
            _out.print(f"  [yellow]no aliases yet for: {' '.join(unaliased)}[/] (add them to knowledge/data/aliases)")
