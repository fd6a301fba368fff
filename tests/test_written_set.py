"""The written blind set (bench/judged/written): its items and read verdicts are well formed, and the
scoring of bench/written_eval.py follows the labels."""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
WRITTEN = REPO / "bench" / "judged" / "written"
ITEM_KEYS = {"id", "kind", "language", "date", "title", "paragraphs", "expected", "none", "category", "note"}
ID = re.compile(r"^[rstuvwxyz][a-z]-[0-9]{3}$")
DATE = re.compile(r"^20[0-9]{2}-[01][0-9]-[0-3][0-9]$")


def _universe() -> set[str]:
    with (REPO / "src" / "newsimpact" / "knowledge" / "data" / "universe.csv").open(encoding="utf-8") as handle:
        return {row["ticker"] for row in csv.DictReader(handle)}


def _items() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(WRITTEN.glob("batch_*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def _written_eval() -> ModuleType:
    spec = importlib.util.spec_from_file_location("written_eval", REPO / "bench" / "written_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_items_are_well_formed() -> None:
    items = _items()
    assert len(items) >= 180
    universe = _universe()
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids))
    for item in items:
        assert set(item) == ITEM_KEYS, item["id"]
        assert ID.match(item["id"]) and DATE.match(item["date"]), item["id"]
        assert item["kind"] in ("headline", "article") and item["language"] in ("ko", "en")
        assert item["paragraphs"] and all(isinstance(p, str) and p.strip() for p in item["paragraphs"])
        if item["kind"] == "headline":
            assert item["title"] == "" and len(item["paragraphs"]) == 1, item["id"]
        else:
            assert item["title"].strip() and 3 <= len(item["paragraphs"]) <= 7, item["id"]
        expected = {e["ticker"] for e in item["expected"]}
        for label in item["expected"]:
            assert label["ticker"] in universe, label
            assert label["direction"] in ("positive", "negative") and label["strength"] in ("must", "ok"), label
            assert label["why"].strip()
        for label in item["none"]:
            assert label["ticker"] in universe and label["ticker"] not in expected, (item["id"], label)
            assert label["why"].strip()


def test_read_verdicts_are_well_formed() -> None:
    items = {item["id"]: item for item in _items()}
    seen: set[tuple[str, str, str]] = set()
    for line in (WRITTEN / "verdicts.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert set(row) == {"id", "ticker", "direction", "verdict", "reason", "tracker"}, row
        assert row["id"] in items and row["verdict"] in ("right", "weak", "wrong"), row
        key = (row["id"], row["ticker"], row["direction"])
        assert key not in seen, key
        seen.add(key)
        item = items[row["id"]]
        # A read verdict is only for a pick the labels do not decide.
        assert row["ticker"] not in {e["ticker"] for e in item["expected"]} | {n["ticker"] for n in item["none"]}, row


@pytest.mark.parametrize(
    ("ticker", "direction", "verdict"),
    [
        ("AAA", "positive", "right"),
        ("AAA", "negative", "wrong"),
        ("BBB", "positive", "wrong"),
        ("CCC", "negative", "weak"),
        ("DDD", "positive", "unjudged"),
    ],
)
def test_a_pick_is_scored_by_the_labels_then_by_the_read_verdicts(ticker: str, direction: str, verdict: str) -> None:
    module = _written_eval()
    item = {
        "id": "wz-001",
        "expected": [{"ticker": "AAA", "direction": "positive", "strength": "must", "why": "x"}],
        "none": [{"ticker": "BBB", "why": "y"}],
    }
    read = {("wz-001", "CCC", "negative"): {"verdict": "weak"}}
    pick = module.Pick("wz-001", ticker, direction, "theme", 0.5, False)
    assert module.verdict(pick, item, read) == verdict
