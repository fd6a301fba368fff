"""Locating ../shared/eval-dev; every evaluation script skips cleanly when it is absent."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
EVAL_DEV = Path(os.environ.get("NEWSIMPACT_EVAL_DEV", REPO.parent / "shared" / "eval-dev"))


def eval_file(name: str) -> Path:
    path = EVAL_DEV / name
    if not path.exists():
        print(f"skip: {path} not found (set NEWSIMPACT_EVAL_DEV to the eval-dev folder)")
        sys.exit(0)
    return path


def read_jsonl(name: str) -> list[dict[str, Any]]:
    with eval_file(name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    labels = sorted(set(gold))
    scores = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        scores.append(prf(tp, fp, fn)[2])
    return sum(scores) / len(scores)
