"""Translation benchmark: bare model vs the full machinery, Korean -> English.

    python bench/translation.py --limit 60            # the packaged local model; SIGTERM reports early
    python bench/translation.py --engine fake --limit 5
    python bench/translation.py --article             # seconds for a ~2,000-character article:
                                                      # baseline (1 thread, sequential) beside the defaults

Reads the evaluation pairs (Korean sentence, English original) from the shared eval-dev folder;
skips cleanly if they are absent. Prints chrF and BLEU side by side, the share of outputs failing
each check (bare, machinery before retries, machinery after retries), seconds per sentence and per
2,000-character article, the model load time and the peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import sacrebleu

from newsimpact.article import Article
from newsimpact.config import TranslationSettings
from newsimpact.translate import Translator, build_engine
from newsimpact.translate.cache import TranslationCache
from newsimpact.translate.checks import WEIGHTS
from newsimpact.translate.engines.local import machine_cores
from newsimpact.translate.glossary import load_glossary
from newsimpact.translate.prompts import build_plain_messages
from newsimpact.translate.translator import max_tokens

EVAL_DEV = Path(__file__).resolve().parents[2] / "shared" / "eval-dev"
DEFAULT_PAIRS = EVAL_DEV / "ko_en_pairs.jsonl"
DEFAULT_ARTICLES = EVAL_DEV / "ko_articles_full.jsonl"


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=Path, default=DEFAULT_PAIRS)
    parser.add_argument(
        "--limit",
        type=int,
        default=60,
        help="first N pairs (the local model is slow on 2 cores); Ctrl-C or SIGTERM reports on the pairs done",
    )
    parser.add_argument("--engine", default="local")
    parser.add_argument("--n-threads", type=int, default=None, help="default: from the machine")
    parser.add_argument("--parallel", type=int, default=None, help="segments at once; default: from the machine")
    parser.add_argument("--show", type=int, default=0, help="print the first N outputs side by side")
    parser.add_argument("--article", action="store_true", help="time whole articles instead (see article_mode)")
    parser.add_argument(
        "--via-server",
        action="store_true",
        help="the pairs through llama_cpp.server (openai engine) beside the in-process engine (see server_mode)",
    )
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--chars", type=int, default=2000, help="--article: the article length to pick")
    parser.add_argument("--repeat", type=int, default=1, help="--article: runs per configuration (median)")
    parser.add_argument(
        "--configs",
        default="1x1,default,2x1,1x2",
        help="--article: configurations to time, SLOTSxTHREADS or default; the first is the baseline",
    )
    args = parser.parse_args()
    if args.article:
        return article_mode(args)
    if not args.pairs.is_file():
        print(f"skipped: {args.pairs} not found (the evaluation pairs are not shipped with the project)")
        return 0
    pairs = [json.loads(line) for line in args.pairs.read_text(encoding="utf-8").splitlines() if line.strip()]
    pairs = pairs[: args.limit]
    if args.via_server:
        return server_mode(args, pairs)

    settings = TranslationSettings(engine=args.engine, n_threads=args.n_threads, parallel=args.parallel, cache=False)
    engine = build_engine(settings)
    glossary = load_glossary()
    # A fresh in-memory cache: every sentence is really translated.
    translator = Translator(engine, glossary=glossary, cache=TranslationCache(None))

    bare_out: list[str] = []
    full_out: list[str] = []
    fails: dict[str, Counter[str]] = {"bare": Counter(), "before": Counter(), "after": Counter()}
    wrong: Counter[str] = Counter()  # outputs with a wrong name, number, currency or company
    seconds = {"bare": 0.0, "full": 0.0}
    calls = 0
    chars = 0
    # llama.cpp swallows Ctrl-C while it decodes, so SIGTERM stops the loop too.
    signal.signal(signal.SIGTERM, _stop)
    try:
        for i, pair in enumerate(pairs, 1):
            ko = pair["ko"]
            hits = translator.hits(ko, "ko", "en")
            started = time.perf_counter()
            bare = engine.complete(build_plain_messages(ko, "ko", "en"), max_tokens(ko, "ko")).strip()
            bare_seconds = time.perf_counter() - started
            started = time.perf_counter()
            full = translator.translate_text(ko, "ko", "en")
            # Counted only once both outputs exist, so an interrupted pair leaves no trace.
            seconds["full"] += time.perf_counter() - started
            seconds["bare"] += bare_seconds
            chars += len(ko)
            calls += full.engine_calls
            bare_out.append(bare)
            full_out.append(full.text)
            bare_problems = {p.check for p in translator.check(ko, bare, "ko", "en", hits)}
            fails["bare"].update(bare_problems)
            fails["before"].update({p.check for p in full.first_problems})
            fails["after"].update({p.check for p in full.problems})
            for label, found in (
                ("bare", bare_problems),
                ("before", {p.check for p in full.first_problems}),
                ("after", {p.check for p in full.problems}),
            ):
                wrong[label] += bool(found & {"names", "numbers", "currency", "company"})
            if i <= args.show:
                print(f"--- {pair.get('id', i)}\nKO   {ko}\nREF  {pair['en']}\nBARE {bare}\nFULL {full.text}")
            print(f"\r{i}/{len(pairs)}", end="", file=sys.stderr, flush=True)
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: report on the pairs done so far
        pass
    print(file=sys.stderr)
    pairs = pairs[: len(full_out)]
    if not pairs:
        print("no pairs measured")
        return 1

    refs = [[p["en"] for p in pairs]]
    n = len(pairs)
    print(f"Korean -> English, {n} pairs from {args.pairs.name}; engine {engine.name}, model {engine.model}")
    print(f"{'':34}{'bare model':>14}{'machinery':>14}")
    bare_chrf, full_chrf = (
        sacrebleu.corpus_chrf(bare_out, refs).score,
        sacrebleu.corpus_chrf(full_out, refs).score,
    )
    bare_bleu, full_bleu = (
        sacrebleu.corpus_bleu(bare_out, refs).score,
        sacrebleu.corpus_bleu(full_out, refs).score,
    )
    print(f"{'chrF':34}{bare_chrf:14.1f}{full_chrf:14.1f}")
    print(f"{'BLEU':34}{bare_bleu:14.1f}{full_bleu:14.1f}")
    print(f"{'seconds per sentence':34}{seconds['bare'] / n:14.2f}{seconds['full'] / n:14.2f}")
    per_char = {k: v / chars for k, v in seconds.items()}
    print(f"{'seconds per 2,000-char article':34}{per_char['bare'] * 2000:14.0f}{per_char['full'] * 2000:14.0f}")
    print(f"{'engine calls per sentence':34}{1:14.2f}{calls / n:14.2f}")
    print("share of outputs failing each check (machinery: before retries -> after retries)")
    for check in WEIGHTS:
        before, after = fails["before"][check] / n, fails["after"][check] / n
        print(f"  {check:32}{fails['bare'][check] / n:14.1%}{before:>9.1%} -> {after:.1%}")
    share = {k: wrong[k] / n for k in ("bare", "before", "after")}
    print(
        f"  {'name, number, currency or company':32}{share['bare']:14.1%}{share['before']:>9.1%} -> {share['after']:.1%}"
        "  (outputs with any of these wrong or missing)"
    )
    any_bare = sum(fails["bare"].values())
    print(
        f"  {'(problems in all)':32}{any_bare:14d}{sum(fails['before'].values()):>9d} -> {sum(fails['after'].values())}"
    )
    load = getattr(engine, "load_seconds", None)
    print(f"model load seconds: {load:.1f}" if load is not None else "model load seconds: n/a")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    print(f"average Korean sentence: {chars / n:.0f} characters")
    return 0


def server_mode(args: argparse.Namespace, pairs: list[dict[str, str]]) -> int:
    """The same pairs through the full machinery twice: the in-process llama.cpp engine, and the openai
    engine talking to llama-cpp-python's server (python -m llama_cpp.server) with the same GGUF,
    streamed. Same model, same greedy decoding: the chrF should agree; this checks the HTTP path."""
    from newsimpact.config import Settings
    from newsimpact.translate.engines.local import machine_cores
    from newsimpact.translate.engines.openai_compat import OpenAIEngine
    from newsimpact.translate.local_server import MODEL_ALIAS, llama_server
    from newsimpact.translate.model_file import packaged_model

    model = packaged_model(Settings().translation.cache_dir)
    refs = [[p["en"] for p in pairs]]
    outputs: dict[str, list[str]] = {}
    seconds: dict[str, float] = {}
    local = build_engine(TranslationSettings(engine="local", parallel=1, n_threads=machine_cores(), cache=False))
    with llama_server(model, n_threads=machine_cores()) as base_url:
        server = OpenAIEngine(base_url, MODEL_ALIAS, parallel=1)
        for label, engine in (("in-process (local)", local), ("llama_cpp.server (openai)", server)):
            translator = Translator(engine, glossary=load_glossary(), cache=TranslationCache(None))
            started = time.perf_counter()
            outputs[label] = [translator.translate_text(p["ko"], "ko", "en").text for p in pairs]
            seconds[label] = time.perf_counter() - started
            print(f"  {label}: {seconds[label]:.0f} s", file=sys.stderr, flush=True)
    print(f"Korean -> English, {len(pairs)} pairs, full machinery, model {MODEL_ALIAS} = {model.name}")
    print(f"{'engine':34}{'chrF':>8}{'BLEU':>8}{'s / sentence':>14}")
    for label, out in outputs.items():
        chrf = sacrebleu.corpus_chrf(out, refs).score
        bleu = sacrebleu.corpus_bleu(out, refs).score
        print(f"{label:34}{chrf:8.1f}{bleu:8.1f}{seconds[label] / len(pairs):14.2f}")
    same = sum(a == b for a, b in zip(*outputs.values(), strict=True))
    print(f"identical outputs: {same} of {len(pairs)}")
    return 0


def pick_article(path: Path, chars: int) -> Article | None:
    """The evaluation article whose body is closest to `chars` characters (ties: the first)."""
    if not path.is_file():
        return None
    best: tuple[int, Article] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        paragraphs = [p.strip() for p in row["text"].split("\n") if p.strip()]
        article = Article(title=row["title"], paragraphs=paragraphs, language="ko")
        gap = abs(sum(len(p) for p in paragraphs) - chars)
        if best is None or gap < best[0]:
            best = (gap, article)
    return best[1] if best else None


def article_mode(args: argparse.Namespace) -> int:
    """Wall-clock seconds to translate one whole article into English, per configuration, in one run.

    Each configuration gets a fresh in-memory cache (every segment really translated) and its model
    is loaded and warmed before timing, so the figures are translation time, not load time.
    SLOTSxTHREADS: llama.cpp contexts decoding segments at once x CPU threads each. 1x1 is the
    baseline (one thread, one segment at a time: the engine before issue 12).
    """
    article = pick_article(args.articles, args.chars)
    if article is None:
        print(f"skipped: {args.articles} not found (the evaluation articles are not shipped with the project)")
        return 0
    body_chars = sum(len(p) for p in article.paragraphs) + len(article.title)
    print(
        f"article: {len(article.paragraphs)} paragraphs, {body_chars} characters (title and body); "
        f"machine: {machine_cores()} cores, load average {os.getloadavg()[0]:.1f} (shared with other work)"
    )
    times: dict[str, list[float]] = {}
    calls: dict[str, int] = {}
    for config in args.configs.split(","):
        slots, threads = (None, None) if config == "default" else map(int, config.split("x"))
        settings = TranslationSettings(engine=args.engine, n_threads=threads, parallel=slots, cache=False)
        engine = build_engine(settings)
        label = f"{config} ({getattr(engine, 'parallel', 1)} x {getattr(engine, 'n_threads', 1)} threads)"
        warm = getattr(engine, "warm", None)
        if warm is not None:
            warm()  # load every context before the clock starts
        for _ in range(args.repeat):
            translator = Translator(engine, glossary=load_glossary(), cache=TranslationCache(None))
            started = time.perf_counter()
            result = translator.translate(article, "en")
            times.setdefault(label, []).append(time.perf_counter() - started)
            calls[label] = result.engine_calls
            print(f"  {label}: {times[label][-1]:.1f} s", file=sys.stderr, flush=True)
    baseline = statistics.median(next(iter(times.values())))
    print(f"{'configuration':34}{'median s':>10}{'s / 2,000 chars':>17}{'vs baseline':>13}{'engine calls':>14}")
    for label, runs in times.items():
        median = statistics.median(runs)
        print(f"{label:34}{median:10.1f}{median / body_chars * 2000:17.1f}{baseline / median:12.2f}x{calls[label]:14d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
