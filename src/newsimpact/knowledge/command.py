"""`newsimpact universe ...` commands."""

from __future__ import annotations

import typer

universe_app = typer.Typer(help="The S&P 500 universe: show, list, import.", no_args_is_help=True)
