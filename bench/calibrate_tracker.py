"""Fit the tracker's score calibration on judged TUNE picks and write knowledge/data/calibration.yaml.

    python bench/calibrate_tracker.py [--judged bench/judged] [--dry-run]

Runs the tracker with its rule scores (calibration off) over the TUNE split of the judged universe
(bench/judged/records.py; REPORT records are never read), matches each pick to the reader's verdict
(bench/judged/verdicts.jsonl, ours: no non-commercial data), and fits a logistic regression from the
pick features of newsimpact.tracker.confidence to "judged right". It prints, from 5-fold
cross-validation grouped by record: log loss, Brier score and AUC of the rule score (rescaled by a
one-feature logistic fit, so both are probabilities) beside the model, the reliability (share right
per score bin) before and after, and the share right of the picks above each display threshold. The
model's weights are written only when it beats the rules on the held-out folds (else the weights are
empty and the rule scores stand); the display threshold is the lowest multiple of 0.05 whose shown picks reach 80%
right (else the one with the highest share right that still shows a quarter of the right picks).
Skips cleanly (exit 0) when the judged set or ../shared/eval-dev is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "newsimpact" / "knowledge" / "data" / "calibration.yaml"
FOLDS = 5
L2 = 1.0
TARGET_RIGHT = 0.8
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.01)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--judged", type=Path, default=REPO / "bench" / "judged")
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = parser.parse_args()
    if not (args.judged / "records.py").is_file() or not (args.judged / "verdicts.jsonl").is_file():
        print(f"skipped: no judged set at {args.judged}")
        return 0
    sys.path.insert(0, str(args.judged))
    from records import available, split_of, universe  # type: ignore[import-not-found]

    missing = available()
    if missing:
        print(missing)
        return 0
    from newsimpact.pipeline import Pipeline
    from newsimpact.tracker import confidence
    from newsimpact.tracker.text import article_sentences

    verdicts: dict[tuple[str, str, str, str], str] = {}
    with (args.judged / "verdicts.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                v = json.loads(line)
                verdicts[(v["source"], v["id"], v["ticker"], v["direction"])] = v["verdict"]

    pipeline = Pipeline()
    engine: Any = pipeline.tracker
    engine.calibration = None  # fit on the rule scores
    rows: list[tuple[str, list[float], int]] = []  # record id, features, right
    unjudged = 0
    for record in universe():
        if split_of(record.id) != "tune":
            continue  # REPORT records are for the final measurement only
        analysis = (
            pipeline.analyze(record.page) if record.page is not None else pipeline.analyze_article(record.article)
        )
        assert analysis.tracker is not None
        article = analysis.article
        headline_only = len(article_sentences(article)) <= 1
        for pick in analysis.tracker.picks:
            verdict = verdicts.get((record.source, record.id, pick.ticker, pick.direction))
            if verdict is None:
                unjudged += 1
                continue
            f = confidence.pick_features(pick, engine.kb, korean=article.language != "en", headline_only=headline_only)
            rows.append((record.id, [f[name] for name in confidence.FEATURES], int(verdict == "right")))
    if len(rows) < 30:
        print(f"skipped: only {len(rows)} judged TUNE picks")
        return 0
    x = np.array([r[1] for r in rows], dtype=float)
    y = np.array([r[2] for r in rows], dtype=float)
    fold = np.array([int(hashlib.sha1(r[0].encode()).hexdigest(), 16) % FOLDS for r in rows])
    print(f"TUNE judged picks: {len(rows)} ({int(y.sum())} right), unjudged picks left out: {unjudged}")

    rule_cv = _cross_validated(x[:, :1], y, fold)
    model_cv = _cross_validated(x, y, fold)
    print(f"{'5-fold CV':24} {'log loss':>9} {'Brier':>7} {'AUC':>6}")
    for name, p in (("rules (rule score)", rule_cv), ("calibrated model", model_cv)):
        print(f"{name:24} {_log_loss(y, p):9.3f} {_brier(y, p):7.3f} {_auc(y, p):6.3f}")
    print("reliability (share right per score bin; rule score raw / model held-out):")
    for lo, hi in pairwise(BINS):
        print(
            f"  [{lo:.1f},{min(hi, 1.0):.1f})  rules {_bin(y, x[:, 0], lo, hi):>14}   model {_bin(y, model_cv, lo, hi):>14}"
        )
    beats = _log_loss(y, model_cv) < _log_loss(y, rule_cv) and _auc(y, model_cv) >= _auc(y, rule_cv)
    print(f"model beats the rules on held-out folds: {beats}")
    scores = model_cv if beats else x[:, 0]
    label = "model, held-out" if beats else "rule score: the model is not kept"
    threshold = _threshold(y, scores)
    print(f"shown picks by display threshold ({label}):")
    for t in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        print(f"  >= {t:.1f}: {_shown(y, scores, t)}")
    print(f"chosen threshold {threshold:.2f}: {_shown(y, scores, threshold)}")
    if args.dry_run:
        print("calibration.yaml not written (dry run)")
        return 0
    weights = _fit(x, y) if beats else np.zeros(1 + x.shape[1])
    fitted_on = (
        f"{len(rows)} judged TUNE picks ({int(y.sum())} right); 5-fold CV log loss "
        f"{_log_loss(y, model_cv):.3f} (model) vs {_log_loss(y, rule_cv):.3f} (rules), AUC {_auc(y, model_cv):.3f} "
        f"vs {_auc(y, rule_cv):.3f}; " + ("model kept" if beats else "model not kept: rule scores, threshold only")
    )
    model_lines = (
        [f"intercept: {weights[0]:.4f}", "weights:"]
        + [f"  {name}: {w:.4f}" for name, w in zip(confidence.FEATURES, weights[1:], strict=True)]
        if beats
        else ["intercept: 0.0", "weights: {}  # empty: the rule scores stand"]
    )
    lines = [
        "# Tracker score calibration: logistic model, pick features -> chance a reader judges it right,",
        "# and the display threshold under which a pick is marked low-confidence.",
        "# Written by bench/calibrate_tracker.py from our own verdicts (bench/judged/verdicts.jsonl, TUNE",
        "# split); review before committing. Feature names: newsimpact.tracker.confidence.FEATURES.",
        *model_lines,
        f"threshold: {threshold:.2f}",
        f"fitted_on: {json.dumps(fitted_on)}",
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}")
    return 0


def _fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """L2-penalised logistic regression by Newton's method; returns [intercept, *weights]."""
    a = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(a.shape[1])
    penalty = np.eye(a.shape[1]) * L2
    penalty[0, 0] = 0.0  # the intercept is not shrunk
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-a @ w))
        gradient = a.T @ (p - y) + penalty @ w
        hessian = a.T @ (a * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def _predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-(w[0] + x @ w[1:]))))


def _cross_validated(x: np.ndarray, y: np.ndarray, fold: np.ndarray) -> np.ndarray:
    out = np.zeros(len(y))
    for k in range(FOLDS):
        held = fold == k
        if held.any():
            out[held] = _predict(_fit(x[~held], y[~held]), x[held])
    return out


def _log_loss(y: np.ndarray, p: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def _brier(y: np.ndarray, p: np.ndarray) -> float:
    return float(np.mean((p - y) ** 2))


def _auc(y: np.ndarray, p: np.ndarray) -> float:
    pos, neg = p[y == 1], p[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(wins / (len(pos) * len(neg)))


def _bin(y: np.ndarray, p: np.ndarray, lo: float, hi: float) -> str:
    inside = (p >= lo) & (p < hi)
    n = int(inside.sum())
    return f"{int(y[inside].sum())}/{n} = {y[inside].mean():4.0%}" if n else "-"


def _shown(y: np.ndarray, p: np.ndarray, t: float) -> str:
    shown = p >= t
    n = int(shown.sum())
    if not n:
        return "no picks shown"
    return f"{n} picks shown, {y[shown].mean():.1%} right, {int(y[shown].sum())}/{int(y.sum())} of the right picks"


def _threshold(y: np.ndarray, p: np.ndarray) -> float:
    candidates = [round(t, 2) for t in np.arange(0.05, 0.95, 0.05)]  # coarse: not tuned to one pick
    for t in candidates:
        shown = p >= t
        if shown.any() and y[shown].mean() >= TARGET_RIGHT:
            return t
    keep = [t for t in candidates if y[p >= t].sum() >= 0.25 * y.sum()]
    return max(keep, key=lambda t: (y[p >= t].mean(), -t)) if keep else 0.5


if __name__ == "__main__":
    raise SystemExit(main())
