"""The ticker page's price chart, drawn on the server as SVG: the closes as a line, and each article that
picked the stock as a marker at its publication, by direction. No script, so it also prints and reads
without JavaScript; two layouts (wide and narrow) keep the labels legible on a phone."""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from datetime import date, timedelta

from newsimpact.store import StoredPick

from .prices import base_session

WINDOW_MARGIN = timedelta(days=60)
"""Shown around the articles: enough to see how the stock traded before and after them."""
DEFAULT_SESSIONS = 250
"""About a year of sessions when no dated article falls within the price history."""


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    direction: str
    article_id: int
    label: str


@dataclass(frozen=True)
class Tick:
    pos: float
    label: str


@dataclass(frozen=True)
class ChartLayout:
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    font: float
    x_ticks: int


WIDE = ChartLayout(width=760, height=300, left=56, right=16, top=16, bottom=30, font=12, x_ticks=6)
NARROW = ChartLayout(width=360, height=260, left=46, right=10, top=14, bottom=28, font=13, x_ticks=3)


@dataclass(frozen=True)
class PriceChart:
    layout: ChartLayout
    path: str
    markers: list[Marker]
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    first: date
    last: date
    sessions: int


def window(closes: list[tuple[date, float]], picks: list[StoredPick]) -> list[tuple[date, float]]:
    """The stretch of history around the dated articles, else the most recent year."""
    if not closes:
        return []
    days = [p.published.date() for p in picks if p.published is not None]
    if days:
        start, end = min(days) - WINDOW_MARGIN, max(days) + WINDOW_MARGIN
        inside = [(d, c) for d, c in closes if start <= d <= end]
        if len(inside) >= 2:
            return inside
    return closes[-DEFAULT_SESSIONS:]


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round values (1, 2, 2.5, 5 × 10^k) spanning [low, high]."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    values = []
    value = first
    while value <= high + 1e-9:
        values.append(round(value, 10))
        value += step
    return values


def price_chart(
    closes: list[tuple[date, float]], picks: list[StoredPick], layout: ChartLayout, labels: dict[str, str]
) -> PriceChart | None:
    shown = window(closes, picks)
    if len(shown) < 2:
        return None
    days = [d for d, _ in shown]
    values = [c for _, c in shown]
    low, high = min(values), max(values)
    pad = (high - low) * 0.08 or high * 0.05
    low, high = low - pad, high + pad
    plot_w = layout.width - layout.left - layout.right
    plot_h = layout.height - layout.top - layout.bottom

    def x_of(i: int) -> float:
        return layout.left + plot_w * i / (len(shown) - 1)

    def y_of(v: float) -> float:
        return layout.top + plot_h * (1 - (v - low) / (high - low))

    path = "M" + " L".join(f"{x_of(i):.1f},{y_of(v):.1f}" for i, v in enumerate(values))
    markers: list[Marker] = []
    for pick in picks:
        if pick.published is None:
            continue
        # The first session that closed after the news is where the market could react.
        i = bisect.bisect_right(days, base_session(pick.published))
        if i >= len(days) or (days[i] - pick.published.date()).days > 7 or pick.published.date() < days[0]:
            continue
        word = labels["direction_" + pick.direction]
        label = f"{days[i].isoformat()} · {word} · {pick.title}"
        markers.append(Marker(x_of(i), y_of(values[i]), pick.direction, pick.article_id, label))
    y_ticks = [Tick(y_of(v), f"{v:,.2f}" if high - low < 10 else f"{v:,.0f}") for v in nice_ticks(low, high)]
    y_ticks = [t for t in y_ticks if layout.top <= t.pos <= layout.top + plot_h]
    n = layout.x_ticks
    idx = sorted({round(k * (len(shown) - 1) / (n - 1)) for k in range(n)})
    # Whole dates unless the ticks lie months apart (then two would read as the same month).
    span = (days[-1] - days[0]).days
    style = "%Y-%m" if n > 3 and span / (n - 1) > 45 else "%Y-%m-%d"
    x_ticks = [Tick(x_of(i), days[i].strftime(style)) for i in idx]
    return PriceChart(layout, path, markers, y_ticks, x_ticks, days[0], days[-1], len(shown))
